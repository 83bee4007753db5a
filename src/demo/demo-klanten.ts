import type { Actor } from '../modules/auth/index.ts';
import {
  BEPERKINGEN,
  DAGDELEN,
  type IsoDatum,
  type KlantenService,
  MOBILITEIT,
  OPLEIDINGSNIVEAUS,
  TAALNIVEAUS,
  vandaag,
} from '../modules/klanten/index.ts';

/**
 * Demo clients: about 150 per municipality with varied, realistic Dutch profiles — some exempt, some working
 * part-time, some in re-integration, different language levels and limitations. Deterministic (a seeded
 * pseudo-random generator per municipality; dates relative to the day of loading), fictional people, loaded through
 * the client service in batches; idempotent by klantnummer.
 */

export const DEMO_KLANTEN_PER_GEMEENTE = 150;

/** mulberry32: small, fast, good enough for demo data. */
function generator(seed: number) {
  let a = seed >>> 0;
  const volgende = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const geheel = (min: number, max: number) => min + Math.floor(volgende() * (max - min + 1));
  const kies = <T>(lijst: readonly T[]): T => lijst[Math.floor(volgende() * lijst.length)]!;
  const kans = (p: number) => volgende() < p;
  const enkele = <T>(lijst: readonly T[], min: number, max: number): T[] => {
    const n = geheel(min, Math.min(max, lijst.length));
    const kopie = [...lijst];
    const uit: T[] = [];
    for (let i = 0; i < n; i++) uit.push(kopie.splice(Math.floor(volgende() * kopie.length), 1)[0]!);
    return uit;
  };
  return { volgende, geheel, kies, kans, enkele };
}

/** First names and surnames grouped by background, so that a person's names fit together; with preferred languages. */
const HERKOMST: ReadonlyArray<{
  gewicht: number;
  voornamen: readonly string[];
  achternamen: ReadonlyArray<[string | null, string]>;
  talen: readonly string[];
}> = [
  {
    gewicht: 50,
    voornamen: [
      'Anna',
      'Sanne',
      'Lotte',
      'Emma',
      'Fleur',
      'Iris',
      'Ingrid',
      'Marieke',
      'Petra',
      'Monique',
      'Jan',
      'Pieter',
      'Kees',
      'Henk',
      'Bas',
      'Thijs',
      'Jeroen',
      'Martijn',
      'Ruud',
      'Erik',
      'Dennis',
      'Kevin',
      'Wendy',
    ],
    achternamen: [
      [null, 'Jansen'],
      ['de', 'Vries'],
      ['van den', 'Berg'],
      ['van', 'Dijk'],
      [null, 'Bakker'],
      [null, 'Visser'],
      [null, 'Smit'],
      [null, 'Meijer'],
      ['de', 'Boer'],
      [null, 'Mulder'],
      ['de', 'Groot'],
      [null, 'Bos'],
      [null, 'Hendriks'],
      ['van', 'Leeuwen'],
      [null, 'Dekker'],
      ['de', 'Wit'],
      ['van der', 'Meer'],
      ['van der', 'Linden'],
      [null, 'Kok'],
      ['de', 'Haan'],
      [null, 'Vermeulen'],
      ['van den', 'Heuvel'],
      ['van den', 'Broek'],
      ['de', 'Jong'],
      [null, 'Schouten'],
      ['van', 'Beek'],
      [null, 'Swinkels'],
    ],
    talen: ['nl'],
  },
  {
    gewicht: 14,
    voornamen: [
      'Fatima',
      'Khadija',
      'Yasmina',
      'Samira',
      'Nadia',
      'Aïcha',
      'Mohamed',
      'Youssef',
      'Hamza',
      'Bilal',
      'Karim',
      'Samir',
      'Driss',
    ],
    achternamen: [
      [null, 'El Amrani'],
      [null, 'Bouzid'],
      [null, 'El Idrissi'],
      [null, 'Ait Taleb'],
      [null, 'Benali'],
      [null, 'Ouali'],
      [null, 'Azzouzi'],
    ],
    talen: ['nl', 'nl', 'ar', 'ber'],
  },
  {
    gewicht: 10,
    voornamen: ['Ayşe', 'Elif', 'Zeynep', 'Esra', 'Mehmet', 'Mustafa', 'Emre', 'Burak', 'Orhan'],
    achternamen: [
      [null, 'Yılmaz'],
      [null, 'Kaya'],
      [null, 'Demir'],
      [null, 'Şahin'],
      [null, 'Çelik'],
      [null, 'Doğan'],
    ],
    talen: ['nl', 'nl', 'tr'],
  },
  {
    gewicht: 7,
    voornamen: ['Shirley', 'Sharon', 'Natasha', 'Ricardo', 'Marvin', 'Romano', 'Glenn'],
    achternamen: [
      [null, 'Kromowidjojo'],
      [null, 'Sewcharan'],
      [null, 'Biharie'],
      [null, 'Pinas'],
      [null, 'Martina'],
    ],
    talen: ['nl', 'nl', 'pap'],
  },
  {
    gewicht: 7,
    voornamen: ['Agnieszka', 'Katarzyna', 'Tomasz', 'Piotr', 'Olena', 'Iryna', 'Andrii', 'Dmytro'],
    achternamen: [
      [null, 'Kowalski'],
      [null, 'Nowak'],
      [null, 'Wiśniewska'],
      [null, 'Shevchenko'],
      [null, 'Kovalenko'],
    ],
    talen: ['pl', 'uk', 'en'],
  },
  {
    gewicht: 12,
    voornamen: [
      'Rahel',
      'Selam',
      'Yonas',
      'Tesfay',
      'Amal',
      'Rania',
      'Ahmad',
      'Omar',
      'Hana',
      'Abdi',
      'Hodan',
    ],
    achternamen: [
      [null, 'Tesfamariam'],
      [null, 'Gebremedhin'],
      [null, 'Haile'],
      [null, 'Al-Hassan'],
      [null, 'Haddad'],
      [null, 'Rahimi'],
      [null, 'Mohammadi'],
      [null, 'Warsame'],
    ],
    talen: ['ti', 'ar', 'fa', 'so', 'en'],
  },
];
const STRATEN = [
  'Kerkstraat',
  'Molenweg',
  'Stationsstraat',
  'Dorpsstraat',
  'Schoolstraat',
  'Julianastraat',
  'Beatrixlaan',
  'Wilhelminaplein',
  'Eikenlaan',
  'Lindelaan',
  'Berkenhof',
  'Kastanjelaan',
  'Tulpstraat',
  'Rozenstraat',
  'Vlasakker',
  'Hoogstraat',
  'Markt',
  'Heuvelstraat',
  'Irenestraat',
  'Prins Hendrikstraat',
  'Bloemenweg',
];
const SECTOREN: ReadonlyArray<[string, string[]]> = [
  ['Schoonmaak', ['Schoonmaker', 'Glazenwasser']],
  ['Horeca', ['Afwasser', 'Bediening', 'Keukenhulp']],
  ['Zorg', ['Helpende', 'Huishoudelijke hulp', 'Verzorgende']],
  ['Logistiek', ['Orderpicker', 'Magazijnmedewerker', 'Chauffeur']],
  ['Detailhandel', ['Vakkenvuller', 'Caissière', 'Verkoopmedewerker']],
  ['Bouw', ['Bouwplaatsmedewerker', 'Schilder', 'Stratenmaker']],
  ['Groen', ['Hovenier', 'Medewerker groenonderhoud']],
  ['Productie', ['Productiemedewerker', 'Inpakker']],
  ['Administratie', ['Administratief medewerker', 'Receptionist']],
];
const NETWERK = [
  'Lid van voetbalvereniging SV De Kempen.',
  'Komt wekelijks in buurthuis De Boog.',
  'Gaat naar de moskee aan de Molenweg; helpt soms bij de iftar.',
  'Actief in de Protestantse kerk, koor op zondag.',
  'Brengt de kinderen naar basisschool De Regenboog en kent andere ouders.',
  'Volgt taalles bij de bibliotheek.',
  'Lid van de volkstuinvereniging.',
  'Bezoekt het inloophuis van Humanitas.',
  'Speelt darts in het buurtcafé.',
];
const ZORGTAKEN = [
  'Zorgt drie middagen per week voor haar moeder.',
  'Mantelzorger voor partner met een chronische ziekte.',
  'Haalt dagelijks de kinderen van school.',
  'Past twee dagen per week op de kleinkinderen.',
];
const WERK = [
  'Schoonmaakwerk via uitzendbureau',
  'Vakkenvuller bij supermarkt',
  'Bezorger',
  'Keukenhulp',
  'Thuiszorg',
];
const TRAJECTEN = [
  'Werkfit-traject',
  'Leerwerkplek groenvoorziening',
  'Sollicitatietraining',
  'Taal en werk',
];
const DRINGEND = [
  'Intensieve zorg voor een ernstig ziek kind.',
  'Dakloos geweest; eerst woning en rust.',
  'Schuldhulptraject met hoge druk; eerst stabiliseren.',
  'Zorg voor moeder in de laatste levensfase.',
];

export const DEMO_VAARDIGHEDEN = [
  'Koken',
  'Schoonmaken',
  'Tuinieren',
  'Administratie',
  'Computervaardigheden',
  'Klussen',
  'Fietsen repareren',
  'Kinderopvang',
  'Ouderen helpen',
  'Tolken',
  'Naaien',
  'Rijbewijs B',
  'Techniek',
  'Verkoop',
];
export const DEMO_INTERESSES = [
  'Sport',
  'Natuur',
  'Muziek',
  'Dieren',
  'Koken',
  'Kunst en cultuur',
  'Techniek',
  'Zorg',
  'Taal',
  'Buurt',
  'Duurzaamheid',
];

function kiesGewogen<T extends { gewicht: number }>(r: ReturnType<typeof generator>, lijst: readonly T[]): T {
  let x = r.volgende() * lijst.reduce((s, t) => s + t.gewicht, 0);
  for (const t of lijst) {
    x -= t.gewicht;
    if (x < 0) return t;
  }
  return lijst[lijst.length - 1]!;
}

function plusDagen(d: IsoDatum, n: number): IsoDatum {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/** A fictional BSN that passes the elfproef. */
function demoBsn(r: ReturnType<typeof generator>): string {
  for (;;) {
    const acht = Array.from({ length: 8 }, () => r.geheel(0, 9));
    const laatste = acht.reduce((s, d, i) => s + (9 - i) * d, 0) % 11;
    if (laatste <= 9 && acht[0] !== 0) return `${acht.join('')}${laatste}`;
  }
}

export interface DemoKlantenContext {
  gemeenteId: string;
  code: string;
  naam: string;
  postcodes: readonly string[];
  klantmanagerId: string | undefined;
  vaardigheden: readonly string[];
  interesses: readonly string[];
  lokaleGrondId: string | undefined;
  metBsn: boolean;
}

/** The demo clients of one municipality as import rows (deterministic per municipality code). */
export function demoKlantRijen(c: DemoKlantenContext, peil: IsoDatum = vandaag()) {
  const r = generator(Number(c.code.replace(/\D/g, '')) * 7919);
  const rijen: Array<{ rij: number; invoer: Record<string, unknown> }> = [];
  for (let i = 1; i <= DEMO_KLANTEN_PER_GEMEENTE; i++) {
    const herkomst = kiesGewogen(r, HERKOMST);
    const [voorvoegsel, achternaam] = r.kies(herkomst.achternamen);
    const voornaam = r.kies(herkomst.voornamen);
    // Ages 18–66; the first rows are edge cases that keep the applicability rules visible.
    let geboortedatum = plusDagen(peil, -r.geheel(18 * 365 + 5, 66 * 365));
    if (i === 1) geboortedatum = plusDagen(peil, -(18 * 365 + 4) + 10); // turns 18 in about ten days
    if (i === 2) geboortedatum = '1960-12-15'; // AOW age (67) on 15 December 2027
    if (i === 3) geboortedatum = '1961-02-10'; // first cohort with 67 years and 3 months
    const postcode = `${r.kies(c.postcodes)} ${r.kies(['AA', 'AB', 'BC', 'CD', 'EK', 'GH', 'JL', 'KM', 'NP', 'RT'])}`;
    const taal = r.kies(herkomst.talen);
    const nederlands = taal === 'nl';
    const invoer: Record<string, unknown> = {
      klantnummer: `${c.code}-${String(i).padStart(5, '0')}`,
      voornamen: voornaam,
      voorvoegsel,
      achternaam,
      geboortedatum,
      straat: r.kies(STRATEN),
      huisnummer: `${r.geheel(1, 180)}${r.kans(0.15) ? r.kies(['a', 'b', '-2', ' bis']) : ''}`,
      postcode,
      woonplaats: c.naam,
      telefoon: `06-${r.geheel(10000000, 99999999)}`,
      email: r.kans(0.7)
        ? `${voornaam
            .toLowerCase()
            .normalize('NFD')
            .replace(/[^a-z]/g, '')}.${i}@voorbeeld.nl`
        : null,
      taal,
      taalniveau: nederlands ? r.kies(['b1', 'b2', 'c1', 'c2'] as const) : r.kies(TAALNIVEAUS),
      opleidingsniveau: r.kans(0.1) ? null : r.kies(OPLEIDINGSNIVEAUS),
      werkervaring: r.enkele(SECTOREN, 0, 3).map(([sector, functies]) => ({
        sector,
        functie: r.kies(functies),
        jaren: r.geheel(1, 15),
      })),
      beschikbaarheid: r.enkele(DAGDELEN, 2, 10),
      mobiliteit: r.enkele(MOBILITEIT, 1, 3),
      maxReistijdMinuten: r.kies([15, 20, 30, 45, 60]),
      eigenNetwerk: r.kans(0.5) ? r.kies(NETWERK) : null,
      zorgtaken: r.kans(0.15) ? r.kies(ZORGTAKEN) : null,
      vaardigheidIds: r.enkele(c.vaardigheden, 0, 4),
      interesseIds: r.enkele(c.interesses, 0, 3),
      klantmanagerId: c.klantmanagerId && r.kans(0.9) ? c.klantmanagerId : null,
    };
    if (c.metBsn) invoer.bsn = demoBsn(r);
    if (r.kans(0.4))
      invoer.belastbaarheid = {
        maxUrenPerWeek: r.kies([8, 12, 16, 20, 24, 32]),
        beperkingen: r.enkele(BEPERKINGEN, 0, 2),
      };
    // Naar vermogen: the others have the caseworker's statement that no limits are known (no extra random draw,
    // so the rest of the demo stays the same).
    else
      invoer.belastbaarheid = {
        geenBeperkingenReden: 'Bij de intake geen beperkingen genoemd; geen medische informatie bekend.',
      };

    const soort = r.volgende();
    const werkBegin = plusDagen(peil, -r.geheel(30, 900));
    if (soort < 0.16) {
      invoer.werk = [
        {
          omschrijving: r.kies(WERK),
          urenPerWeek: r.kies([8, 12, 16, 20, 24]),
          dagdelen: r.enkele(DAGDELEN, 2, 6),
          begindatum: werkBegin,
        },
      ];
    } else if (soort < 0.21) {
      invoer.werk = [
        {
          omschrijving: r.kies(WERK),
          urenPerWeek: r.kies([28, 32, 36]),
          dagdelen: r.enkele(DAGDELEN, 6, 10),
          begindatum: werkBegin,
        },
      ];
    } else if (soort < 0.31) {
      invoer.reintegratie = [
        {
          omschrijving: r.kies(TRAJECTEN),
          begindatum: plusDagen(peil, -r.geheel(10, 200)),
          einddatum: plusDagen(peil, r.geheel(20, 300)),
          dagdelen: r.enkele(DAGDELEN, 2, 6),
        },
      ];
    } else if (soort < 0.35) {
      const einde = plusDagen(peil, r.kans(0.5) ? r.geheel(3, 27) : r.geheel(40, 200));
      invoer.ontheffingen = [
        {
          type: 'dringende-redenen',
          begindatum: plusDagen(peil, -r.geheel(20, 150)),
          einddatum: einde,
          herbeoordelingsdatum: plusDagen(einde, -14),
          reden: r.kies(DRINGEND),
        },
      ];
    } else if (soort < 0.37) {
      invoer.ontheffingen = [
        { type: 'volledig-arbeidsongeschikt', begindatum: plusDagen(peil, -r.geheel(100, 2000)) },
      ];
    } else if (soort < 0.41) {
      const kind = plusDagen(peil, -r.geheel(100, 4 * 365));
      const begin = plusDagen(kind, r.geheel(30, 90));
      // Art. 9a lid 7: the request three weeks before the start; the plan van aanpak four months after it,
      // when that day has passed (so the demo shows both a plan due and re-examinations).
      const verzoek = plusDagen(begin, -21);
      const plan = plusDagen(verzoek, 120);
      const ontheffingen: Array<Record<string, unknown>> = [
        {
          type: 'alleenstaande-ouder-kind-onder-5',
          begindatum: begin,
          geboortedatumKind: kind,
          herbeoordelingsdatum: plusDagen(peil, r.geheel(10, 180)),
          verzoekdatum: verzoek,
          ...(plan < peil ? { planVanAanpakOp: plan } : {}),
        },
      ];
      if (r.kans(0.3))
        ontheffingen.push({
          type: 'alleenstaande-ouder-kind-onder-5',
          begindatum: plusDagen(kind, -6 * 365),
          einddatum: plusDagen(kind, -4 * 365),
          geboortedatumKind: plusDagen(kind, -7 * 365),
          eerderGebruikt: true,
          eerdereGemeente: 'Een andere gemeente',
        });
      invoer.ontheffingen = ontheffingen;
    } else if (soort < 0.43 && c.lokaleGrondId) {
      invoer.ontheffingen = [
        {
          type: 'lokaal',
          lokaleGrondId: c.lokaleGrondId,
          begindatum: plusDagen(peil, -r.geheel(10, 100)),
          einddatum: plusDagen(peil, r.geheel(30, 300)),
          reden: 'Mantelzorg van meer dan 20 uur per week.',
        },
      ];
    }
    rijen.push({ rij: i, invoer });
  }
  return rijen;
}

/** Catalogues, the local exemption ground and the demo clients of every demo municipality (idempotent). */
export async function laadDemoKlanten(
  klanten: KlantenService,
  actor: Actor,
  gemeenten: ReadonlyArray<{
    id: string;
    naam: string;
    code: string;
    postcodes: readonly string[];
    klantmanagerId?: string;
  }>,
  opts: { metBsn: boolean },
): Promise<Record<string, number>> {
  const catalogus = async (
    lijst: () => Promise<Array<{ id: string; naam: string }>>,
    maak: (naam: string) => Promise<{ id: string }>,
    namen: readonly string[],
  ) => {
    const bestaand = new Map((await lijst()).map((c) => [c.naam, c.id]));
    for (const naam of namen) if (!bestaand.has(naam)) bestaand.set(naam, (await maak(naam)).id);
    return namen.map((n) => bestaand.get(n)!);
  };
  const vaardigheden = await catalogus(
    () => klanten.listVaardigheden(actor),
    (naam) => klanten.createVaardigheid(actor, { naam }),
    DEMO_VAARDIGHEDEN,
  );
  const interesses = await catalogus(
    () => klanten.listInteresses(actor),
    (naam) => klanten.createInteresse(actor, { naam }),
    DEMO_INTERESSES,
  );
  const aantallen: Record<string, number> = {};
  for (const g of gemeenten) {
    const gronden = await klanten.listLokaleGronden(actor, g.id);
    const mantelzorg =
      gronden.find((x) => x.code === 'mantelzorg') ??
      (await klanten.createLokaleGrond(actor, g.id, {
        code: 'mantelzorg',
        naam: 'Mantelzorg',
        grondslag: `art. 4 lid 2 Verordening tegenprestatie ${g.naam} (demo)`,
      }));
    const rijen = demoKlantRijen({
      gemeenteId: g.id,
      code: g.code,
      naam: g.naam,
      postcodes: g.postcodes,
      klantmanagerId: g.klantmanagerId,
      vaardigheden,
      interesses,
      lokaleGrondId: mantelzorg.id,
      metBsn: opts.metBsn,
    });
    const verslag = await klanten.importeerKlanten(actor, g.id, rijen, { alleenNieuw: true });
    const afgewezen = verslag.filter((v) => v.uitkomst === 'afgewezen');
    if (afgewezen.length > 0)
      throw new Error(
        `Demo-klanten ${g.naam}: ${afgewezen.length} afgewezen, bijv. ${JSON.stringify(afgewezen[0])}`,
      );
    aantallen[g.naam] = verslag.length;
  }
  return aantallen;
}
