import {
  Alert,
  Button,
  ButtonLink,
  Cell,
  ErrorSummary,
  type FieldErrors,
  Form,
  Gegevens,
  Heading,
  Paragraph,
  RadioGroup,
  Row,
  SelectField,
  Table,
  TextArea,
  TextField,
} from '../../../web/components/index.tsx';
import { paths } from '../../../web/paths.ts';
import type { pageChrome } from '../../auth/index.ts';
import { DossierFrame, formatDatumNl, type KlantDossier } from '../../klanten/index.ts';
import {
  BELASTING_NAMEN,
  BELASTINGEN,
  CATEGORIE_NAMEN,
  CATEGORIEEN,
  ORGANISATIE_STATUS_NAMEN,
  ORGANISATIE_TYPE_NAMEN,
  ORGANISATIE_TYPES,
} from '../../netwerk/index.ts';
import {
  type EigenVoorstel,
  type Gesprek,
  type GesprekOverzicht,
  ONDERDEEL_NAMEN,
  ONDERDELEN,
  type Onderdelen,
  VOORSTEL_SOORT_NAMEN,
  VOORSTEL_SOORTEN,
} from '../gesprekken.schemas.ts';

export type Chrome = ReturnType<typeof pageChrome>;

/** Confirmations after a successful change (Post/Redirect/Get carries the code in `?melding=`). */
export const MELDINGEN = {
  'gesprek-vastgelegd': 'Het gesprek is vastgelegd.',
  'gesprek-gewijzigd': 'De wijzigingen in het gesprek zijn opgeslagen.',
  'voorstel-vastgelegd': 'Het eigen voorstel is vastgelegd.',
  'voorstel-activiteit':
    'Het eigen voorstel is vastgelegd en staat nu als maatwerkactiviteit in het netwerk. De netwerkmakelaar toetst het nog op verdringing.',
} as const;
export type Melding = keyof typeof MELDINGEN;
export const isMelding = (v: unknown): v is Melding => typeof v === 'string' && Object.hasOwn(MELDINGEN, v);

const Bevestiging = ({ melding }: { melding: Melding | undefined }) =>
  melding ? <Alert type="ok">{MELDINGEN[melding]}</Alert> : null;

/** "3 van 4: Kracht en bekwaamheid, Wensen, …" — which parts hold text. */
export function onderdelenTekst(o: Onderdelen): string {
  const gevuld = ONDERDELEN.filter((k) => o[k]);
  if (gevuld.length === 0) return 'Geen onderdeel ingevuld';
  if (gevuld.length === ONDERDELEN.length) return 'Alle 4 onderdelen ingevuld';
  const mist = ONDERDELEN.filter((k) => !o[k]).map((k) => ONDERDEEL_NAMEN[k].toLowerCase());
  return `${gevuld.length} van 4 ingevuld; mist: ${mist.join(', ')}`;
}

const link = (href: string, tekst: string) => (
  <a className="utrecht-link utrecht-link--html-a" href={href}>
    {tekst}
  </a>
);

// ---- The client's conversations (tab) ----------------------------------------------------------------------------

export function GesprekkenPagina({
  chrome,
  klant,
  gesprekken,
  magVastleggen,
  melding,
}: {
  chrome: Chrome;
  klant: KlantDossier;
  gesprekken: readonly GesprekOverzicht[];
  magVastleggen: boolean;
  melding?: Melding | undefined;
}) {
  return (
    <DossierFrame chrome={chrome} klant={klant} tab="gesprekken">
      <Bevestiging melding={melding} />
      <Paragraph>
        In het gesprek over de tegenprestatie praat u over vier onderwerpen: wat de klant kan (kracht en
        bekwaamheid), wat de klant wil (wensen, ambities en kwaliteiten), wat de klant zelf voorstelt, en de
        eigen omgeving van de klant.
      </Paragraph>
      {magVastleggen ? <ButtonLink href={paths.gesprekNieuw(klant.id)}>Nieuw gesprek</ButtonLink> : null}
      {gesprekken.length === 0 ? (
        <Paragraph>Er is nog geen gesprek vastgelegd.</Paragraph>
      ) : (
        <Table
          caption="Gesprekken, nieuwste eerst"
          head={['Datum', 'Deelnemers', 'Onderdelen', 'Eigen voorstellen']}
        >
          {gesprekken.map((g) => (
            <Row key={g.id}>
              <Cell>{link(paths.gesprek(g.id), `Gesprek van ${formatDatumNl(g.datum)}`)}</Cell>
              <Cell>{g.deelnemers.length > 0 ? g.deelnemers.join(', ') : '–'}</Cell>
              <Cell>{onderdelenTekst(g.onderdelen)}</Cell>
              <Cell>{g.aantalEigenVoorstellen}</Cell>
            </Row>
          ))}
        </Table>
      )}
    </DossierFrame>
  );
}

// ---- New or edit conversation ------------------------------------------------------------------------------------

export interface GesprekWaarden {
  datum: string;
  deelnemers: string;
  krachtEnBekwaamheid: string;
  wensen: string;
  eigenVoorstel: string;
  socialeOmgeving: string;
  notities: string;
  afspraken: string;
}

export const GESPREK_VELDEN: ReadonlyArray<keyof GesprekWaarden> = [
  'datum',
  'deelnemers',
  'krachtEnBekwaamheid',
  'wensen',
  'eigenVoorstel',
  'socialeOmgeving',
  'notities',
  'afspraken',
];

const ONDERDEEL_UITLEG: Record<(typeof ONDERDELEN)[number], string> = {
  krachtEnBekwaamheid: 'Wat kan de klant goed? Wat gaat makkelijk, wat kost moeite?',
  wensen: 'Wat wil de klant graag doen of leren? Waar is de klant trots op?',
  eigenVoorstel: 'Heeft de klant zelf een idee voor een tegenprestatie? Leg het voorstel hierna vast.',
  socialeOmgeving: 'Wie kent de klant in de buurt, de familie, een club of vereniging?',
};

export function GesprekFormulierPagina({
  chrome,
  klant,
  gesprekId,
  waarden,
  fouten,
}: {
  chrome: Chrome;
  klant: KlantDossier;
  /** Absent: a new conversation. */
  gesprekId?: string;
  waarden: GesprekWaarden;
  fouten: FieldErrors;
}) {
  const nieuw = gesprekId === undefined;
  const titel = nieuw ? 'Nieuw gesprek' : 'Gesprek wijzigen';
  return (
    <DossierFrame chrome={chrome} klant={klant} tab="gesprekken" titel={`${klant.naam} – ${titel}`}>
      <Heading level={3}>{titel}</Heading>
      <ErrorSummary errors={fouten} />
      <Form
        action={nieuw ? paths.gesprekNieuw(klant.id) : paths.gesprekWijzigen(gesprekId)}
        csrfToken={chrome.csrfToken}
      >
        <TextField
          name="datum"
          label="Datum van het gesprek"
          type="date"
          value={waarden.datum}
          error={fouten.datum}
          required
        />
        <TextArea
          name="deelnemers"
          label="Wie deden mee?"
          description="Eén naam per regel, bijvoorbeeld de klant, uzelf en een tolk of familielid."
          rows={3}
          value={waarden.deelnemers}
          error={fouten.deelnemers}
        />
        {ONDERDELEN.map((k) => (
          <TextArea
            key={k}
            name={k}
            label={ONDERDEEL_NAMEN[k]}
            description={ONDERDEEL_UITLEG[k]}
            rows={5}
            value={waarden[k]}
            error={fouten[k]}
          />
        ))}
        <TextArea
          name="notities"
          label="Notities"
          rows={4}
          value={waarden.notities}
          error={fouten.notities}
        />
        <TextArea
          name="afspraken"
          label="Afspraken en vervolgstappen"
          description="Wat spreekt u af? Wie doet wat, en wanneer?"
          rows={4}
          value={waarden.afspraken}
          error={fouten.afspraken}
        />
        <div className="wk-form-actions">
          <Button>{nieuw ? 'Gesprek vastleggen' : 'Wijzigingen opslaan'}</Button>
          {link(nieuw ? paths.klantGesprekken(klant.id) : paths.gesprek(gesprekId), 'Annuleren')}
        </div>
      </Form>
    </DossierFrame>
  );
}

// ---- One conversation --------------------------------------------------------------------------------------------

/** Parts of a text with a stable key each: their offset in the text. */
function metSleutels(delen: readonly string[], scheider: number): Array<{ sleutel: number; deel: string }> {
  let positie = 0;
  return delen.map((deel) => {
    const sleutel = positie;
    positie += deel.length + scheider;
    return { sleutel, deel };
  });
}

/** Free text as typed: paragraphs at blank lines, line breaks kept (no inline styles under the CSP). */
export function VrijeTekst({ tekst }: { tekst: string }) {
  const alineas = metSleutels(tekst.replace(/\r\n?/gu, '\n').split('\n\n'), 2).filter(
    (a) => a.deel.trim() !== '',
  );
  return (
    <>
      {alineas.map((a) => (
        <p className="utrecht-paragraph" key={`p-${a.sleutel}`}>
          {metSleutels(a.deel.split('\n'), 1).map((r) =>
            r.sleutel === 0 ? (
              r.deel
            ) : (
              <span key={`r-${r.sleutel}`}>
                <br />
                {r.deel}
              </span>
            ),
          )}
        </p>
      ))}
    </>
  );
}

const tekstOfLeeg = (s: string | null) =>
  s && s.trim() !== '' ? <VrijeTekst tekst={s} /> : <Paragraph>(niet ingevuld)</Paragraph>;

export function GesprekPagina({
  chrome,
  klant,
  gesprek,
  namen,
  magVastleggen,
  melding,
}: {
  chrome: Chrome;
  klant: KlantDossier;
  gesprek: Gesprek;
  /** Organisation and activity names by id (the network's). */
  namen: ReadonlyMap<string, { naam: string; status: string }>;
  magVastleggen: boolean;
  melding?: Melding | undefined;
}) {
  return (
    <DossierFrame
      chrome={chrome}
      klant={klant}
      tab="gesprekken"
      titel={`${klant.naam} – Gesprek van ${formatDatumNl(gesprek.datum)}`}
    >
      <Bevestiging melding={melding} />
      <Paragraph>{link(paths.klantGesprekken(klant.id), 'Terug naar alle gesprekken')}</Paragraph>
      <Heading level={3}>Gesprek van {formatDatumNl(gesprek.datum)}</Heading>
      <Gegevens
        items={[
          ['Datum', formatDatumNl(gesprek.datum)],
          ['Deelnemers', gesprek.deelnemers.length > 0 ? gesprek.deelnemers.join(', ') : '–'],
          ['Onderdelen', onderdelenTekst(gesprek.onderdelen)],
        ]}
      />
      {magVastleggen ? (
        <ButtonLink href={paths.gesprekWijzigen(gesprek.id)}>Gesprek wijzigen</ButtonLink>
      ) : null}
      {ONDERDELEN.map((k) => (
        <section key={k} aria-labelledby={`kop-${k}`}>
          <Heading level={3} id={`kop-${k}`}>
            {ONDERDEEL_NAMEN[k]}
          </Heading>
          {tekstOfLeeg(gesprek[k])}
        </section>
      ))}
      <section aria-labelledby="kop-notities">
        <Heading level={3} id="kop-notities">
          Notities
        </Heading>
        {tekstOfLeeg(gesprek.notities)}
      </section>
      <section aria-labelledby="kop-afspraken">
        <Heading level={3} id="kop-afspraken">
          Afspraken en vervolgstappen
        </Heading>
        {tekstOfLeeg(gesprek.afspraken)}
      </section>
      <section aria-labelledby="kop-voorstellen">
        <Heading level={3} id="kop-voorstellen">
          Eigen voorstellen
        </Heading>
        {gesprek.eigenVoorstellen.length === 0 ? (
          <Paragraph>Bij dit gesprek is nog geen eigen voorstel vastgelegd.</Paragraph>
        ) : (
          gesprek.eigenVoorstellen.map((v) => <VoorstelKaart key={v.id} voorstel={v} namen={namen} />)
        )}
        {magVastleggen ? (
          <ButtonLink href={paths.eigenVoorstelNieuw(gesprek.id)}>Eigen voorstel vastleggen</ButtonLink>
        ) : null}
      </section>
    </DossierFrame>
  );
}

function VoorstelKaart({
  voorstel: v,
  namen,
}: {
  voorstel: EigenVoorstel;
  namen: ReadonlyMap<string, { naam: string; status: string }>;
}) {
  const org = v.organisatieId ? namen.get(v.organisatieId) : undefined;
  const act = v.activiteitId ? namen.get(v.activiteitId) : undefined;
  const waar =
    v.soort === 'zonder-organisatie'
      ? 'Zonder organisatie'
      : org && v.organisatieId
        ? link(
            paths.organisatie(v.organisatieId),
            `${org.naam}${org.status === 'voorgesteld' ? ` (${ORGANISATIE_STATUS_NAMEN.voorgesteld.toLowerCase()})` : ''}`,
          )
        : (v.nieuweOrganisatieNaam ?? '–');
  return (
    <div className="wk-voorstel">
      <Heading level={3}>{v.titel}</Heading>
      <Gegevens
        items={[
          ['Voorstel', v.omschrijving],
          ['Waar', waar],
          ['Maatschappelijk nut', v.maatschappelijkNut ? 'Ja' : 'Nee'],
          ['Waarom', v.nutMotivering],
          [
            'Maatwerkactiviteit',
            v.activiteitId
              ? link(paths.activiteit(v.activiteitId), act?.naam ?? 'Bekijk de activiteit')
              : '–',
          ],
        ]}
      />
    </div>
  );
}

// ---- Own proposal ------------------------------------------------------------------------------------------------

export interface VoorstelWaarden {
  titel: string;
  omschrijving: string;
  soort: string;
  organisatieId: string;
  'nieuweOrganisatie.naam': string;
  'nieuweOrganisatie.type': string;
  'nieuweOrganisatie.plaats': string;
  'nieuweOrganisatie.postcode': string;
  'nieuweOrganisatie.website': string;
  maatschappelijkNut: string;
  nutMotivering: string;
  categorie: string;
  fysiekeBelasting: string;
  urenPerWeek: string;
  locatie: string;
}

export const LEEG_VOORSTEL: VoorstelWaarden = {
  titel: '',
  omschrijving: '',
  soort: '',
  organisatieId: '',
  'nieuweOrganisatie.naam': '',
  'nieuweOrganisatie.type': '',
  'nieuweOrganisatie.plaats': '',
  'nieuweOrganisatie.postcode': '',
  'nieuweOrganisatie.website': '',
  maatschappelijkNut: '',
  nutMotivering: '',
  categorie: '',
  fysiekeBelasting: '',
  urenPerWeek: '',
  locatie: '',
};

const keuzes = <K extends string>(namen: Record<K, string>, lijst: readonly K[], leeg: string) => [
  { value: '', label: leeg },
  ...lijst.map((k) => ({ value: k, label: namen[k] })),
];

export function EigenVoorstelPagina({
  chrome,
  klant,
  gesprek,
  organisaties,
  zoek,
  meerOrganisaties,
  waarden,
  fouten,
}: {
  chrome: Chrome;
  klant: KlantDossier;
  gesprek: Gesprek;
  organisaties: ReadonlyArray<{ id: string; naam: string; plaats: string | null; status: string }>;
  zoek: string;
  meerOrganisaties: boolean;
  waarden: VoorstelWaarden;
  fouten: FieldErrors;
}) {
  return (
    <DossierFrame
      chrome={chrome}
      klant={klant}
      tab="gesprekken"
      titel={`${klant.naam} – Eigen voorstel vastleggen`}
    >
      <Paragraph>
        {link(paths.gesprek(gesprek.id), `Terug naar het gesprek van ${formatDatumNl(gesprek.datum)}`)}
      </Paragraph>
      <Heading level={3}>Eigen voorstel vastleggen</Heading>
      <Paragraph>
        De klant mag zelf een tegenprestatie voorstellen. Dat kan bij een organisatie uit het netwerk, bij een
        nieuwe organisatie, of zonder organisatie, zoals mantelzorg of hulp in de buurt. U beoordeelt of het
        voorstel maatschappelijk nuttig is. Is het nuttig, dan wordt het een maatwerkactiviteit in het
        netwerk.
      </Paragraph>
      {gesprek.eigenVoorstel ? (
        <Alert type="info" title="Wat de klant in het gesprek voorstelde">
          <VrijeTekst tekst={gesprek.eigenVoorstel} />
        </Alert>
      ) : null}
      <ErrorSummary errors={fouten} />
      <form method="get" action={paths.eigenVoorstelNieuw(gesprek.id)} className="wk-zoek-organisatie">
        <TextField
          name="zoek"
          label="Organisatie zoeken op naam (voor de lijst hieronder)"
          value={zoek}
          spellCheck={false}
        />
        <Button appearance="secondary">Zoeken</Button>
      </form>
      <Form action={paths.eigenVoorstelNieuw(gesprek.id)} csrfToken={chrome.csrfToken}>
        <TextField
          name="titel"
          label="Wat wil de klant doen? (korte titel)"
          value={waarden.titel}
          error={fouten.titel}
          required
        />
        <TextArea
          name="omschrijving"
          label="Beschrijf het voorstel"
          description="In eenvoudige woorden: wat gaat de klant doen, voor wie en hoe vaak?"
          value={waarden.omschrijving}
          error={fouten.omschrijving}
        />
        <RadioGroup
          name="soort"
          legend="Waar wil de klant het doen?"
          options={VOORSTEL_SOORTEN.map((s) => ({ value: s, label: VOORSTEL_SOORT_NAMEN[s] }))}
          value={waarden.soort}
          error={fouten.soort}
        />
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            Bij een organisatie uit het netwerk
          </legend>
          <SelectField
            name="organisatieId"
            label="Organisatie"
            value={waarden.organisatieId}
            error={fouten.organisatieId}
            options={[
              {
                value: '',
                label: organisaties.length === 0 ? 'Geen organisatie gevonden' : 'Kies een organisatie',
              },
              ...organisaties.map((o) => ({
                value: o.id,
                label: `${o.naam}${o.plaats ? `, ${o.plaats}` : ''}${o.status === 'voorgesteld' ? ' (voorgesteld)' : ''}`,
              })),
            ]}
          />
          {meerOrganisaties ? (
            <Paragraph>Niet alle organisaties staan in de lijst. Zoek hierboven op naam.</Paragraph>
          ) : null}
        </fieldset>
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            Bij een nieuwe organisatie
          </legend>
          <Paragraph>
            De nieuwe organisatie krijgt de status voorgesteld. De netwerkmakelaar neemt contact op en stelt
            haar vast.
          </Paragraph>
          <TextField
            name="nieuweOrganisatie.naam"
            label="Naam van de organisatie"
            value={waarden['nieuweOrganisatie.naam']}
            error={fouten['nieuweOrganisatie.naam']}
          />
          <SelectField
            name="nieuweOrganisatie.type"
            label="Soort organisatie"
            value={waarden['nieuweOrganisatie.type']}
            error={fouten['nieuweOrganisatie.type']}
            options={keuzes(ORGANISATIE_TYPE_NAMEN, ORGANISATIE_TYPES, 'Kies het soort organisatie')}
          />
          <TextField
            name="nieuweOrganisatie.plaats"
            label="Plaats (als u die weet)"
            value={waarden['nieuweOrganisatie.plaats']}
            error={fouten['nieuweOrganisatie.plaats']}
          />
          <TextField
            name="nieuweOrganisatie.postcode"
            label="Postcode (als u die weet)"
            value={waarden['nieuweOrganisatie.postcode']}
            error={fouten['nieuweOrganisatie.postcode']}
          />
          <TextField
            name="nieuweOrganisatie.website"
            label="Website (als u die weet)"
            value={waarden['nieuweOrganisatie.website']}
            error={fouten['nieuweOrganisatie.website']}
          />
        </fieldset>
        <RadioGroup
          name="maatschappelijkNut"
          legend="Is het voorstel maatschappelijk nuttig?"
          description="Nuttig voor anderen of de buurt, onbetaald, en geen werk dat normaal betaald wordt."
          options={[
            { value: 'ja', label: 'Ja' },
            { value: 'nee', label: 'Nee' },
          ]}
          value={waarden.maatschappelijkNut}
          error={fouten.maatschappelijkNut}
        />
        <TextArea
          name="nutMotivering"
          label="Waarom wel of niet?"
          value={waarden.nutMotivering}
          error={fouten.nutMotivering}
        />
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            Voor de maatwerkactiviteit (alleen als het voorstel nuttig is)
          </legend>
          <SelectField
            name="categorie"
            label="Categorie"
            value={waarden.categorie}
            error={fouten.categorie}
            options={keuzes(CATEGORIE_NAMEN, CATEGORIEEN, 'Kies een categorie')}
          />
          <SelectField
            name="fysiekeBelasting"
            label="Hoe zwaar is het werk lichamelijk?"
            value={waarden.fysiekeBelasting}
            error={fouten.fysiekeBelasting}
            options={keuzes(BELASTING_NAMEN, BELASTINGEN, 'Kies hoe zwaar')}
          />
          <TextField
            name="urenPerWeek"
            label="Ongeveer hoeveel uur per week?"
            description="Hele of halve uren, bijvoorbeeld 4 of 2,5."
            value={waarden.urenPerWeek}
            error={fouten.urenPerWeek}
            inputMode="text"
          />
          <TextField
            name="locatie"
            label="Waar? (als dat bekend is)"
            value={waarden.locatie}
            error={fouten.locatie}
          />
        </fieldset>
        <div className="wk-form-actions">
          <Button>Voorstel vastleggen</Button>
          {link(paths.gesprek(gesprek.id), 'Annuleren')}
        </div>
      </Form>
    </DossierFrame>
  );
}
