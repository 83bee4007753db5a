import type { Actor } from '../modules/auth/index.ts';
import type {
  ActiviteitImportRij,
  ActiviteitInput,
  Belasting,
  Categorie,
  NetwerkService,
  OrganisatieInput,
  OrganisatieType,
  ToetsInput,
  VraagId,
  WederkerigheidCategorie,
} from '../modules/netwerk/index.ts';
import { VRAGEN } from '../modules/netwerk/index.ts';

/**
 * The demo network: about 30 host organisations per municipality, of every type, with realistic Dutch activities
 * (about 80 in all). Most activities have a displacement assessment without risk; a few wait for intervision
 * (twijfel), one was judged displacement, and some are not assessed yet. Deterministic: the same data every run.
 */

interface DemoActiviteit {
  titel: string;
  omschrijving: string;
  taken: string;
  categorie: Categorie;
  vaardigheden: string[];
  belasting: Belasting;
  uren: [number, number];
  dagdelen: ActiviteitInput['dagdelen'];
  plaatsen: number;
  taalniveau?: 'a1' | 'a2' | 'b1';
  /** The assessment the demo records (none: not assessed yet). */
  toets?: 'geen-risico' | 'twijfel' | 'verdringing';
}

interface DemoOrganisatie {
  /** `{gemeente}` is replaced by the municipality's name. */
  naam: string;
  type: OrganisatieType;
  straat: string;
  wederkerigheid: Partial<Record<WederkerigheidCategorie, string>>;
  contact: [string, string];
  activiteiten: DemoActiviteit[];
}

const BEGELEIDING = 'Een vaste begeleider op elke dag dat u er bent.';
const REFERENTIE = 'Na drie maanden een referentie voor sollicitaties.';
const VERKLARING = 'Een werkervaringsverklaring met wat u gedaan en geleerd hebt.';

const act = (
  titel: string,
  categorie: Categorie,
  omschrijving: string,
  taken: string[],
  extra: Partial<DemoActiviteit> = {},
): DemoActiviteit => ({
  titel,
  omschrijving,
  taken: taken.join('\n'),
  categorie,
  vaardigheden: [],
  belasting: 'laag',
  uren: [4, 8],
  dagdelen: ['di-ochtend', 'do-ochtend'],
  plaatsen: 2,
  toets: 'geen-risico',
  ...extra,
});

/** 30 organisations; each municipality gets all of them with its own name and addresses. */
const ORGANISATIES: DemoOrganisatie[] = [
  {
    naam: 'Zorgcentrum De Linde',
    type: 'maatschappelijke-instelling',
    straat: 'Lindelaan',
    wederkerigheid: {
      begeleiding: BEGELEIDING,
      certificaat: 'Certificaat "Gastvrij in de zorg" na de training.',
    },
    contact: ['Ingrid Verhoeven', 'Coördinator vrijwilligers'],
    activiteiten: [
      act(
        'Wandelen met bewoners',
        'zorg-en-welzijn',
        'U maakt een wandeling met bewoners door de tuin of het park.',
        ['Bewoners ophalen op de afdeling', 'Samen wandelen en praten'],
        {
          vaardigheden: ['Geduld', 'Luisteren'],
          belasting: 'midden',
          dagdelen: ['ma-middag', 'wo-middag'],
          plaatsen: 3,
        },
      ),
      act(
        'Gastvrouw of gastheer in het restaurant',
        'zorg-en-welzijn',
        'U schenkt koffie en thee en maakt een praatje met bewoners en bezoekers.',
        ['Koffie en thee schenken', 'Tafels klaarzetten'],
        { vaardigheden: ['Gastvrijheid'], taalniveau: 'a2', toets: 'twijfel' },
      ),
    ],
  },
  {
    naam: 'Buurthuis De Boog',
    type: 'maatschappelijke-instelling',
    straat: 'Boogstraat',
    wederkerigheid: {
      begeleiding: BEGELEIDING,
      netwerk: 'Kennismaken met buurtbewoners en andere organisaties.',
    },
    contact: ['Karim Bouzid', 'Opbouwwerker'],
    activiteiten: [
      act(
        'Koffieochtend voor de buurt',
        'buurt-en-wijk',
        'U helpt bij de wekelijkse koffieochtend: ontvangen, koffie schenken, opruimen.',
        ['Zaal klaarzetten', 'Bezoekers ontvangen', 'Opruimen'],
        { vaardigheden: ['Gastvrijheid'], dagdelen: ['vr-ochtend'] },
      ),
      act(
        'Huiswerkbegeleiding voor kinderen',
        'onderwijs',
        'U helpt kinderen uit groep 6 tot 8 met lezen en rekenen, samen met een vaste begeleider.',
        ['Kinderen helpen met huiswerk', 'Voorlezen'],
        {
          vaardigheden: ['Omgaan met kinderen', 'Rekenen'],
          taalniveau: 'b1',
          dagdelen: ['di-middag', 'do-middag'],
          plaatsen: 4,
        },
      ),
    ],
  },
  {
    naam: 'Voedselbank {gemeente}',
    type: 'maatschappelijke-instelling',
    straat: 'Industrieweg',
    wederkerigheid: { referentie: REFERENTIE, training: 'Training hygiëne en voedselveiligheid.' },
    contact: ['Gerrit Smit', 'Coördinator uitgifte'],
    activiteiten: [
      act(
        'Pakketten samenstellen',
        'voedsel-en-kringloop',
        'U zet met anderen de voedselpakketten klaar voor de uitgifte.',
        ['Producten sorteren', 'Pakketten vullen'],
        { belasting: 'midden', plaatsen: 4, dagdelen: ['wo-ochtend', 'vr-ochtend'] },
      ),
      act(
        'Chauffeur bij het ophalen van voedsel',
        'vervoer',
        'U haalt met een collega voedsel op bij supermarkten in de buurt.',
        ['Bus rijden', 'Kratten tillen'],
        { vaardigheden: ['Rijbewijs B'], belasting: 'hoog', toets: undefined },
      ),
    ],
  },
  {
    naam: 'Kringloopcentrum De Cirkel',
    type: 'maatschappelijke-instelling',
    straat: 'Ambachtsweg',
    wederkerigheid: { werkervaringsverklaring: VERKLARING, training: 'Cursus klantcontact.' },
    contact: ['Marieke van den Berg', 'Werkbegeleider'],
    activiteiten: [
      act(
        'Spullen sorteren in het magazijn',
        'voedsel-en-kringloop',
        'U sorteert ingebrachte spullen: wat kan verkocht worden en wat niet.',
        ['Spullen sorteren', 'Prijzen plakken'],
        { belasting: 'midden', plaatsen: 3 },
      ),
      act(
        'Fietsen opknappen',
        'techniek-en-klussen',
        'U knapt tweedehands fietsen op in de werkplaats, samen met een vaste vrijwilliger.',
        ['Banden plakken', 'Remmen afstellen'],
        { vaardigheden: ['Handig met gereedschap', 'Fietsen repareren'], belasting: 'midden', uren: [6, 12] },
      ),
    ],
  },
  {
    naam: 'Welzijn {gemeente}',
    type: 'maatschappelijke-instelling',
    straat: 'Stationsplein',
    wederkerigheid: {
      netwerk: 'Kennismaken met welzijnswerkers en vrijwilligersorganisaties.',
      referentie: REFERENTIE,
    },
    contact: ['Saskia de Graaf', 'Consulent vrijwillige inzet'],
    activiteiten: [
      act(
        'Boodschappenmaatje',
        'zorg-en-welzijn',
        'U doet samen met een oudere inwoner de wekelijkse boodschappen.',
        ['Samen boodschappen doen', 'Boodschappen uitpakken'],
        { vaardigheden: ['Geduld'], dagdelen: ['ma-ochtend', 'wo-avond'], plaatsen: 5, uren: [2, 4] },
      ),
      act(
        'Bezoekdienst voor ouderen',
        'zorg-en-welzijn',
        'U bezoekt een oudere inwoner die weinig mensen ziet, voor een praatje of een spelletje.',
        ['Op bezoek gaan', 'Samen een spelletje doen'],
        { vaardigheden: ['Luisteren'], taalniveau: 'a2', dagdelen: ['do-middag'], plaatsen: 4 },
      ),
    ],
  },
  {
    naam: 'Humanitas afdeling {gemeente}',
    type: 'maatschappelijke-instelling',
    straat: 'Hoogstraat',
    wederkerigheid: { training: 'Basistraining maatjeswerk.', begeleiding: BEGELEIDING },
    contact: ['Els Janssen', 'Coördinator'],
    activiteiten: [
      act(
        'Maatje voor een nieuwe inwoner',
        'buurt-en-wijk',
        'U helpt een nieuwe inwoner de weg te vinden in de buurt.',
        ['Samen op pad', 'Uitleg over de buurt'],
        { vaardigheden: ['Luisteren'], taalniveau: 'b1', dagdelen: ['za-middag'] },
      ),
      act(
        'Hulp bij de thuisadministratie',
        'administratie',
        'U helpt inwoners hun post en rekeningen te ordenen, samen met een ervaren vrijwilliger.',
        ['Post sorteren', 'Mappen bijhouden'],
        { vaardigheden: ['Administratie'], taalniveau: 'b1', dagdelen: ['wo-ochtend'] },
      ),
    ],
  },
  {
    naam: 'Bibliotheek {gemeente}',
    type: 'maatschappelijke-instelling',
    straat: 'Markt',
    wederkerigheid: {
      certificaat: 'Bewijs van deelname Taalvrijwilliger.',
      netwerk: 'Contacten met het Taalhuis.',
    },
    contact: ['Tom Peeters', 'Coördinator Taalhuis'],
    activiteiten: [
      act(
        'Voorlezen op woensdagmiddag',
        'cultuur',
        'U leest voor aan kinderen van 4 tot 8 jaar in de bibliotheek.',
        ['Voorlezen', 'Boeken terugzetten'],
        { vaardigheden: ['Voorlezen'], taalniveau: 'b1', dagdelen: ['wo-middag'] },
      ),
      act(
        'Boeken terugzetten en kasten ordenen',
        'cultuur',
        'U zet ingeleverde boeken terug in de kasten, samen met de vaste medewerkers.',
        ['Boeken sorteren', 'Kasten ordenen'],
        { toets: 'twijfel' },
      ),
    ],
  },
  {
    naam: 'Hospice De Vlinder',
    type: 'maatschappelijke-instelling',
    straat: 'Vlinderhof',
    wederkerigheid: { training: 'Introductiecursus vrijwilligerswerk in de palliatieve zorg.' },
    contact: ['Hanneke Bos', 'Coördinator'],
    activiteiten: [
      act(
        'Tuinonderhoud bij het hospice',
        'natuur-en-dieren',
        'U houdt de tuin van het hospice netjes, zodat gasten en familie er fijn kunnen zitten.',
        ['Onkruid wieden', 'Planten water geven'],
        { belasting: 'midden', dagdelen: ['di-ochtend'] },
      ),
      act(
        'Gastvrouw of gastheer bij het hospice',
        'zorg-en-welzijn',
        'U ontvangt bezoekers en zorgt voor koffie en thee voor familie.',
        ['Bezoekers ontvangen', 'Koffie en thee zetten'],
        { vaardigheden: ['Gastvrijheid'], taalniveau: 'b1', dagdelen: ['zo-middag'] },
      ),
    ],
  },
  {
    naam: 'Dagbesteding De Werkplaats',
    type: 'maatschappelijke-instelling',
    straat: 'Werkplaatsweg',
    wederkerigheid: { begeleiding: BEGELEIDING, werkervaringsverklaring: VERKLARING },
    contact: ['Ruben Claassen', 'Activiteitenbegeleider'],
    activiteiten: [
      act(
        'Helpen in de houtwerkplaats',
        'techniek-en-klussen',
        'U helpt deelnemers van de dagbesteding bij het maken van vogelhuisjes en bankjes.',
        ['Hout zagen en schuren', 'Gereedschap opruimen'],
        { vaardigheden: ['Handig met gereedschap'], belasting: 'midden' },
      ),
    ],
  },
  {
    naam: 'Vluchtelingenwerk {gemeente}',
    type: 'maatschappelijke-instelling',
    straat: 'Kerkstraat',
    wederkerigheid: {
      training: 'Training interculturele communicatie.',
      netwerk: 'Netwerk van vrijwilligers en statushouders.',
    },
    contact: ['Aisha Rahimi', 'Coördinator'],
    activiteiten: [
      act(
        'Taalmaatje',
        'onderwijs',
        'U oefent Nederlands met een statushouder, bijvoorbeeld tijdens een wandeling of bij de koffie.',
        ['Samen praten', 'Oefenen met formulieren'],
        { vaardigheden: ['Luisteren'], taalniveau: 'b1', dagdelen: ['do-middag'], plaatsen: 6 },
      ),
    ],
  },
  {
    naam: 'Voetbalvereniging {gemeente} Boys',
    type: 'vereniging',
    straat: 'Sportpark 1',
    wederkerigheid: {
      netwerk: 'Kennismaken met leden en sponsors uit de buurt.',
      certificaat: 'Certificaat Sociale Hygiëne (bar).',
    },
    contact: ['Henk de Jong', 'Secretaris'],
    activiteiten: [
      act(
        'Kantinedienst op zaterdag',
        'sport',
        'U staat samen met een vrijwilliger achter de bar van de kantine.',
        ['Koffie en fris verkopen', 'Kantine schoonmaken'],
        { vaardigheden: ['Gastvrijheid'], dagdelen: ['za-ochtend', 'za-middag'] },
      ),
      act(
        'Velden en materiaal klaarzetten',
        'sport',
        'U zet doelen, ballen en pionnen klaar voor de trainingen.',
        ['Materiaal klaarzetten', 'Opruimen na de training'],
        { belasting: 'midden', dagdelen: ['di-avond', 'do-avond'] },
      ),
    ],
  },
  {
    naam: 'Volkstuinvereniging Groei en Bloei',
    type: 'vereniging',
    straat: 'Tuinpad',
    wederkerigheid: {
      begeleiding: 'Een ervaren tuinder helpt u op weg.',
      anders: 'Een eigen stukje tuin om groente te kweken.',
    },
    contact: ['Wim Heesakkers', 'Voorzitter'],
    activiteiten: [
      act(
        'Helpen in de gemeenschappelijke tuin',
        'natuur-en-dieren',
        'U helpt in de gemeenschappelijke tuin: zaaien, wieden en oogsten.',
        ['Zaaien en planten', 'Wieden', 'Oogsten voor de voedselbank'],
        { belasting: 'midden', dagdelen: ['wo-ochtend', 'za-ochtend'], plaatsen: 4 },
      ),
    ],
  },
  {
    naam: 'Harmonie Sint-Cecilia',
    type: 'vereniging',
    straat: 'Muziekstraat',
    wederkerigheid: { netwerk: 'Kennismaken met muzikanten en de buurt.' },
    contact: ['Jan van Rooij', 'Bestuurslid'],
    activiteiten: [
      act(
        'Helpen bij concerten',
        'cultuur',
        'U helpt bij het klaarzetten van stoelen en standaards en ontvangt het publiek.',
        ['Stoelen klaarzetten', 'Publiek ontvangen'],
        { dagdelen: ['zo-middag'], plaatsen: 3 },
      ),
    ],
  },
  {
    naam: 'Scouting {gemeente}',
    type: 'vereniging',
    straat: 'Bosweg',
    wederkerigheid: { training: 'Cursus EHBO.', referentie: REFERENTIE },
    contact: ['Lotte Willems', 'Groepsbegeleider'],
    activiteiten: [
      act(
        'Onderhoud van het clubhuis',
        'techniek-en-klussen',
        'U helpt bij klein onderhoud van het clubhuis: schilderen, repareren en opruimen.',
        ['Schilderen', 'Kleine reparaties'],
        { vaardigheden: ['Schilderen'], belasting: 'midden', dagdelen: ['za-ochtend'] },
      ),
    ],
  },
  {
    naam: 'Wandelvereniging De Stappers',
    type: 'vereniging',
    straat: 'Heideweg',
    wederkerigheid: { netwerk: 'Contacten met wandelaars uit de hele gemeente.' },
    contact: ['Corry Aarts', 'Secretaris'],
    activiteiten: [
      act(
        'Routes uitzetten en controleren',
        'sport',
        'U loopt mee bij het uitzetten van wandelroutes en controleert de pijlen.',
        ['Routes lopen', 'Pijlen ophangen'],
        { belasting: 'midden', dagdelen: ['vr-ochtend'] },
      ),
    ],
  },
  {
    naam: 'Tennisclub De Lob',
    type: 'vereniging',
    straat: 'Parklaan',
    wederkerigheid: { netwerk: 'Kennismaken met leden.' },
    contact: ['Peter Kuijpers', 'Penningmeester'],
    activiteiten: [],
  },
  {
    naam: 'Stichting Repair Café {gemeente}',
    type: 'stichting',
    straat: 'Dorpsstraat',
    wederkerigheid: {
      begeleiding: 'Ervaren reparateurs leren u het vak.',
      certificaat: 'Bewijs van deelname Repair Café.',
    },
    contact: ['Frank Hermans', 'Coördinator'],
    activiteiten: [
      act(
        'Reparateur in het Repair Café',
        'techniek-en-klussen',
        'U repareert samen met bezoekers kapotte spullen: lampen, broodroosters, kleding.',
        ['Spullen repareren', 'Uitleggen wat er kapot is'],
        { vaardigheden: ['Handig met gereedschap', 'Solderen'], dagdelen: ['za-middag'], plaatsen: 3 },
      ),
    ],
  },
  {
    naam: 'Stichting Kinderboerderij De Hooiberg',
    type: 'stichting',
    straat: 'Weidelaan',
    wederkerigheid: { begeleiding: BEGELEIDING, werkervaringsverklaring: VERKLARING },
    contact: ['Anja Spierings', 'Beheerder'],
    activiteiten: [
      act(
        'Dieren verzorgen op de kinderboerderij',
        'natuur-en-dieren',
        'U voert de dieren en maakt de hokken schoon, samen met de beheerder.',
        ['Dieren voeren', 'Hokken uitmesten'],
        {
          vaardigheden: ['Werken met dieren'],
          belasting: 'hoog',
          dagdelen: ['ma-ochtend', 'do-ochtend'],
          plaatsen: 3,
        },
      ),
      act(
        'Rondleidingen voor schoolklassen',
        'natuur-en-dieren',
        'U vertelt kinderen over de dieren tijdens een rondleiding.',
        ['Rondleiden', 'Vragen beantwoorden'],
        { vaardigheden: ['Omgaan met kinderen'], taalniveau: 'b1', dagdelen: ['di-ochtend'] },
      ),
    ],
  },
  {
    naam: 'Stichting Taalhuis {gemeente}',
    type: 'stichting',
    straat: 'Schoolstraat',
    wederkerigheid: {
      training: 'Training taalvrijwilliger (3 bijeenkomsten).',
      certificaat: 'Certificaat taalvrijwilliger.',
    },
    contact: ['Nicole Vermeulen', 'Coördinator'],
    activiteiten: [
      act(
        'Helpen bij het digicafé',
        'onderwijs',
        'U helpt inwoners met de computer: e-mail, DigiD en formulieren.',
        ['Uitleg geven bij de computer', 'Samen formulieren invullen'],
        { vaardigheden: ['Computer'], taalniveau: 'b1', dagdelen: ['ma-middag', 'do-avond'], uren: [3, 6] },
      ),
      act(
        'Oefenen met Nederlands praten',
        'onderwijs',
        'U praat met deelnemers van het taalcafé, zodat zij Nederlands kunnen oefenen.',
        ['Gesprekken voeren', 'Koffie zetten'],
        { vaardigheden: ['Luisteren'], taalniveau: 'b1', dagdelen: ['di-avond'], plaatsen: 4 },
      ),
    ],
  },
  {
    naam: 'Stichting Natuurwerk {gemeente}',
    type: 'stichting',
    straat: 'Beekdal',
    wederkerigheid: {
      begeleiding: 'Een vaste natuurwerker begeleidt de groep.',
      certificaat: 'Certificaat veilig werken met de bosmaaier.',
    },
    contact: ['Joost Verbeek', 'Groepsleider'],
    activiteiten: [
      act(
        'Natuuronderhoud in het beekdal',
        'natuur-en-dieren',
        'U werkt buiten in een groep: snoeien, maaien en opruimen in het beekdal.',
        ['Snoeien', 'Maaisel opruimen'],
        { belasting: 'hoog', dagdelen: ['za-ochtend'], plaatsen: 6, uren: [12, 16] },
      ),
    ],
  },
  {
    naam: 'Stichting Speeltuin De Klimboom',
    type: 'stichting',
    straat: 'Speelweide',
    wederkerigheid: { referentie: REFERENTIE },
    contact: ['Mireille Dekkers', 'Voorzitter'],
    activiteiten: [
      act(
        'Speeltuin openen en toezicht houden',
        'buurt-en-wijk',
        'U opent de speeltuin, houdt toezicht en zorgt dat alles veilig is.',
        ['Speeltuin openen', 'Toezicht houden'],
        { vaardigheden: ['Omgaan met kinderen'], dagdelen: ['wo-middag', 'za-middag'] },
      ),
    ],
  },
  {
    naam: 'Stichting Dierenasiel De Spinnerij',
    type: 'stichting',
    straat: 'Asielweg',
    wederkerigheid: { begeleiding: BEGELEIDING },
    contact: ['Bianca Schouten', 'Dierverzorger'],
    activiteiten: [
      act(
        'Honden uitlaten',
        'natuur-en-dieren',
        'U laat honden uit het asiel uit in de buurt.',
        ['Honden uitlaten', 'Riemen en tuigjes opruimen'],
        {
          vaardigheden: ['Werken met dieren'],
          belasting: 'midden',
          dagdelen: ['ma-ochtend', 'vr-ochtend'],
          plaatsen: 4,
        },
      ),
      act(
        'Katten verzorgen',
        'natuur-en-dieren',
        'U verzorgt de katten in het asiel: voeren, kattenbakken schoonmaken en aandacht geven.',
        ['Katten voeren', 'Kattenbakken schoonmaken'],
        { vaardigheden: ['Werken met dieren'], dagdelen: ['za-ochtend'] },
      ),
    ],
  },
  {
    naam: 'Stichting Buurtmoestuin {gemeente}',
    type: 'stichting',
    straat: 'Akkerweg',
    wederkerigheid: { anders: 'U mag groente van de moestuin meenemen.' },
    contact: ['Fatma Yilmaz', 'Tuincoördinator'],
    activiteiten: [
      act(
        'Meewerken in de buurtmoestuin',
        'natuur-en-dieren',
        'U werkt samen met buurtbewoners in de moestuin: zaaien, water geven en oogsten.',
        ['Zaaien', 'Water geven', 'Oogsten'],
        { belasting: 'midden', dagdelen: ['wo-middag', 'za-ochtend'], plaatsen: 5 },
      ),
    ],
  },
  {
    naam: 'Fietsenmakerij Van Dongen',
    type: 'commercieel-bedrijf',
    straat: 'Molenstraat',
    wederkerigheid: { training: 'Leren fietsen repareren in de werkplaats.', referentie: REFERENTIE },
    contact: ['Erik van Dongen', 'Eigenaar'],
    activiteiten: [
      act(
        'Meehelpen in de fietswerkplaats',
        'techniek-en-klussen',
        'U helpt de monteur met eenvoudige reparaties aan fietsen.',
        ['Banden plakken', 'Fietsen wassen'],
        { vaardigheden: ['Handig met gereedschap'], belasting: 'midden', toets: 'twijfel' },
      ),
    ],
  },
  {
    naam: 'Hoveniersbedrijf Groen & Zo',
    type: 'commercieel-bedrijf',
    straat: 'Kwekerijweg',
    wederkerigheid: { certificaat: 'Certificaat veilig werken met gereedschap.' },
    contact: ['Sander Groen', 'Eigenaar'],
    activiteiten: [],
  },
  {
    naam: 'Supermarkt De Buurtwinkel',
    type: 'commercieel-bedrijf',
    straat: 'Winkelcentrum 4',
    wederkerigheid: { werkervaringsverklaring: VERKLARING },
    contact: ['Linda Maas', 'Filiaalmanager'],
    activiteiten: [
      act(
        'Vakken vullen',
        'anders',
        'U vult de schappen aan in de supermarkt.',
        ['Schappen vullen', 'Lege dozen opruimen'],
        {
          belasting: 'midden',
          uren: [8, 16],
          dagdelen: ['ma-ochtend', 'di-ochtend', 'wo-ochtend'],
          plaatsen: 2,
          toets: 'verdringing',
        },
      ),
    ],
  },
  {
    naam: 'Lunchroom De Zoete Inval',
    type: 'commercieel-bedrijf',
    straat: 'Kerkplein',
    wederkerigheid: { training: 'Training hygiëne (HACCP).' },
    contact: ['Yvonne Mertens', 'Eigenaar'],
    activiteiten: [],
  },
  {
    naam: 'Gemeentewerf {gemeente}',
    type: 'overheid',
    straat: 'Werfweg',
    wederkerigheid: { begeleiding: BEGELEIDING, certificaat: 'Certificaat VCA-basis (veiligheid).' },
    contact: ['Marcel Hendriks', 'Ploegleider'],
    activiteiten: [
      act(
        'Zwerfafval opruimen in de wijk',
        'schoonmaak-en-onderhoud',
        'U ruimt met een groep zwerfafval op in parken en straten.',
        ['Zwerfafval prikken', 'Vuilniszakken naar de werf brengen'],
        { belasting: 'midden', dagdelen: ['di-ochtend', 'do-ochtend'], plaatsen: 6 },
      ),
      act(
        'Bankjes in het park schilderen',
        'schoonmaak-en-onderhoud',
        'U schuurt en schildert parkbankjes, samen met een medewerker van de werf.',
        ['Schuren', 'Schilderen'],
        { vaardigheden: ['Schilderen'], belasting: 'midden', dagdelen: ['wo-ochtend'], toets: 'twijfel' },
      ),
    ],
  },
  {
    naam: 'Milieustraat {gemeente}',
    type: 'overheid',
    straat: 'Recyclingweg',
    wederkerigheid: { werkervaringsverklaring: VERKLARING },
    contact: ['Rob Willemsen', 'Teamleider'],
    activiteiten: [
      act(
        'Bezoekers wegwijs maken op de milieustraat',
        'schoonmaak-en-onderhoud',
        'U wijst bezoekers de goede container voor hun afval.',
        ['Bezoekers helpen', 'Afval sorteren'],
        { belasting: 'midden', dagdelen: ['za-ochtend'], toets: undefined },
      ),
    ],
  },
  {
    naam: 'Stadsarchief {gemeente}',
    type: 'overheid',
    straat: 'Archiefplein',
    wederkerigheid: { training: 'Uitleg over archiefwerk.', referentie: REFERENTIE },
    contact: ['Petra van Lieshout', 'Archivaris'],
    activiteiten: [
      act(
        'Oude foto’s beschrijven',
        'administratie',
        'U beschrijft oude foto’s van de gemeente voor de website van het archief.',
        ['Foto’s bekijken', 'Beschrijvingen typen'],
        { vaardigheden: ['Computer'], taalniveau: 'b1', dagdelen: ['wo-ochtend'] },
      ),
    ],
  },
];

/** The checklist answers that give each demo conclusion. */
function demoToets(conclusie: 'geen-risico' | 'twijfel' | 'verdringing', commercieel: boolean): ToetsInput {
  const over: Partial<Record<VraagId, 'ja' | 'nee' | 'weet-niet'>> =
    conclusie === 'verdringing'
      ? { 'betaalde-krachten': 'ja', vacature: 'ja', aanvullend: 'nee' }
      : conclusie === 'twijfel'
        ? { 'betaalde-krachten': 'weet-niet' }
        : {};
  const toelichting: Partial<Record<VraagId, string>> = {
    'betaalde-krachten':
      conclusie === 'verdringing'
        ? 'Dit werk doen nu vakkenvullers met een oproepcontract.'
        : conclusie === 'twijfel'
          ? 'Niet duidelijk of een betaalde kracht dit werk vorig jaar deed.'
          : 'Vrijwilligers doen dit werk al jaren; er is geen betaalde kracht voor.',
    vacature:
      conclusie === 'verdringing'
        ? 'Er staat een vacature voor vakkenvuller op de website.'
        : 'Geen vacature gevonden op de website.',
  };
  return {
    antwoorden: VRAGEN.map((v) => ({
      vraag: v.id,
      antwoord:
        over[v.id] ??
        (v.alleenCommercieel
          ? commercieel
            ? 'nee'
            : 'niet-van-toepassing'
          : v.risicoBij === 'ja'
            ? 'nee'
            : 'ja'),
      toelichting:
        toelichting[v.id] ?? (v.alleenCommercieel && !commercieel ? '' : 'Besproken met de contactpersoon.'),
    })),
    conclusie,
    motivering:
      conclusie === 'verdringing'
        ? 'Het werk wordt nu door betaalde krachten gedaan en er is een vacature: dit verdringt betaald werk.'
        : conclusie === 'twijfel'
          ? 'Onduidelijk of dit werk eerder door een betaalde kracht werd gedaan. Graag bespreken in de intervisie.'
          : 'Het werk komt bovenop het werk van de vaste krachten en zou anders blijven liggen.',
  };
}

export interface DemoGemeente {
  naam: string;
  id: string;
  /** The municipality's wijken with their 4-digit postcodes, to give the organisations real addresses. */
  wijken: ReadonlyArray<{ postcodes: readonly string[] }>;
}

/**
 * Loads the demo network for these municipalities through the network's import (one transaction for the
 * organisations, one for the activities), then records the assessments of new activities. Idempotent: the import
 * upserts by natural key and leaves unchanged rows alone; only new activities get an assessment.
 */
export async function laadDemoNetwerk(
  netwerk: NetwerkService,
  actor: Actor,
  gemeenten: readonly DemoGemeente[],
): Promise<{ organisaties: number; activiteiten: number }> {
  const organisatieRijen: Array<{ rij: number; invoer: OrganisatieInput }> = [];
  const activiteitRijen: ActiviteitImportRij[] = [];
  const toetsen = new Map<
    number,
    { conclusie: 'geen-risico' | 'twijfel' | 'verdringing'; commercieel: boolean }
  >();
  for (const [gi, g] of gemeenten.entries()) {
    const postcodes = g.wijken.flatMap((w) => w.postcodes);
    for (const [i, o] of ORGANISATIES.entries()) {
      const naam = o.naam.replace('{gemeente}', g.naam);
      // Every organisation in a wijk of its municipality; letters make the postcodes distinct.
      const postcode = `${postcodes[i % postcodes.length]} ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i * 7) % 26))}`;
      organisatieRijen.push({
        rij: organisatieRijen.length + 1,
        invoer: {
          naam,
          type: o.type,
          straat: o.straat,
          huisnummer: String(1 + ((i * 13) % 120)),
          postcode,
          plaats: g.naam,
          gemeenteIds: [g.id],
          contactpersonen: [
            {
              naam: o.contact[0],
              functie: o.contact[1],
              email: `${o.contact[0].toLowerCase().replace(/[^a-z]+/g, '.')}@voorbeeld.nl`,
              telefoon: `040-${String(2000000 + i * 7919).slice(0, 7)}`,
            },
          ],
          wederkerigheid: Object.entries(o.wederkerigheid).map(([categorie, omschrijving]) => ({
            categorie: categorie as WederkerigheidCategorie,
            omschrijving,
          })),
        },
      });
      for (const a of o.activiteiten) {
        const rij = activiteitRijen.length + 1;
        activiteitRijen.push({
          rij,
          organisatie: { naam, postcode },
          invoer: {
            titel: a.titel,
            omschrijving: a.omschrijving,
            taken: a.taken,
            categorie: a.categorie,
            vaardigheden: a.vaardigheden,
            fysiekeBelasting: a.belasting,
            taalniveauMin: a.taalniveau ?? null,
            urenMin: a.uren[0],
            urenMax: a.uren[1],
            dagdelen: a.dagdelen,
            postcode,
            locatie: `${o.straat}, ${g.naam}`,
            gemeenteIds: [g.id],
            plaatsen: a.plaatsen,
            mentor: o.contact[0],
          },
        });
        // One activity judged displacement in the whole demo: in the other municipality it waits for its assessment.
        const conclusie = a.toets === 'verdringing' && gi > 0 ? undefined : a.toets;
        if (conclusie) toetsen.set(rij, { conclusie, commercieel: o.type === 'commercieel-bedrijf' });
      }
    }
  }
  const org = await netwerk.importeerOrganisaties(actor, organisatieRijen);
  const act = await netwerk.importeerActiviteiten(actor, activiteitRijen);
  const geweigerd = [...org, ...act].filter((u) => u.actie === 'weigeren');
  if (geweigerd.length > 0) throw new Error(`Demo network refused: ${JSON.stringify(geweigerd.slice(0, 3))}`);
  await netwerk.createVerdringingstoetsen(
    actor,
    act.flatMap((u) => {
      const t = toetsen.get(u.rij);
      return u.actie === 'aanmaken' && u.id && t
        ? [{ activiteitId: u.id, invoer: demoToets(t.conclusie, t.commercieel) }]
        : [];
    }),
  );
  return { organisaties: org.length, activiteiten: act.length };
}
