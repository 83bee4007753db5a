import {
  Alert,
  Button,
  Cell,
  ErrorSummary,
  type FieldErrors,
  Form,
  Gegevens,
  Heading,
  Link,
  ListItem,
  Paragraph,
  RadioGroup,
  Row,
  SelectField,
  Table,
  TextArea,
  TextField,
  UnorderedList,
} from '../../../web/components/index.tsx';
import { Layout, type LayoutProps } from '../../../web/layout.tsx';
import { paths } from '../../../web/paths.ts';
import { DossierFrame, formatDatumNl, type KlantDossier } from '../../klanten/index.ts';
import type { VersieStand } from '../../overeenkomsten/index.ts';
import { BEEINDIGING_REDENEN, STATUS_NAMEN, VERVOLG_NAMEN, VERVOLGEN } from '../../tegenprestaties/index.ts';
import { uitvoeringPaden } from '../paden.ts';
import type { MogelijkeStap, Vervolg } from '../stappen.ts';
import {
  AFWEZIG_NAMEN,
  AFWEZIGHEDEN,
  BEEINDIGING_NAMEN,
  BESLUIT_NAMEN,
  type CbsRegel,
  UREN_BRON_NAMEN,
  type UrenWijziging,
} from '../uitvoering.schemas.ts';
import type { UitvoeringBeeld } from '../uitvoering.service.ts';

export interface Chrome {
  account: LayoutProps['account'];
  nav: NonNullable<LayoutProps['nav']>;
  csrfToken: string;
}

export const MELDINGEN = {
  uren: 'De uren zijn opgeslagen. Wat er eerder stond, staat bij de wijzigingen.',
  'uren-ongewijzigd': 'Er is niets gewijzigd: de week was al zo opgeslagen.',
  evaluatie: 'De evaluatie is vastgelegd.',
  afgerond: 'De eindevaluatie is vastgelegd. De tegenprestatie is afgerond of beëindigd.',
  gestart: 'De tegenprestatie is gestart. U kunt nu uren en evaluaties vastleggen.',
  teruggezet:
    'De tegenprestatie staat weer op ontwerp. De plaats is vrijgegeven; de documenten zijn bewaard.',
  beeindigd: 'De tegenprestatie is beëindigd vóór de start. De plaats is vrijgegeven.',
  twijfel: 'Uw twijfel over deze plaatsing is gemeld. De teamleider beslist na intervisie.',
} as const;
export type Melding = keyof typeof MELDINGEN;
export const isMelding = (m: unknown): m is Melding => typeof m === 'string' && m in MELDINGEN;

/** The week form as typed: seven days. */
export interface WeekWaarden {
  dagen: Array<{ datum: string; uren: string; afwezig: string; toelichting: string; versie: string }>;
}
/** A lifecycle step's form as typed. */
/** The revocation decision (where imposed and sent) as typed. */
export interface IntrekkingWaarden {
  intrekkingDatum: string;
  intrekkingVerzenddatum: string;
  intrekkingOndertekenaar: string;
}
const legeIntrekking = (): IntrekkingWaarden => ({
  intrekkingDatum: '',
  intrekkingVerzenddatum: '',
  intrekkingOndertekenaar: '',
});

export interface StapWaarden extends IntrekkingWaarden {
  stap: string;
  reden: string;
  beeindigingReden: string;
}
export const legeStap = (): StapWaarden => ({
  stap: '',
  reden: '',
  beeindigingReden: '',
  ...legeIntrekking(),
});

/**
 * Where the ordinance imposes and the decision was sent, a back-step or an early end is a new decision that revokes
 * it (issue 16): its date, sending date and signatory.
 */
function IntrekkingVelden({
  prefix,
  w,
  f,
  verzonden,
}: {
  prefix: string;
  w: IntrekkingWaarden;
  f: FieldErrors;
  verzonden: string;
}) {
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        Besluit tot intrekking
      </legend>
      <Paragraph>
        De gemeente legt de tegenprestatie op en het besluit is verzonden op {formatDatumNl(verzonden)}. Deze
        stap is een nieuw besluit van het college dat het intrekt. Het werkt pas als het is verzonden.
      </Paragraph>
      <TextField
        name="intrekkingDatum"
        id={veldId(prefix, 'intrekkingDatum')}
        type="date"
        label="Datum van het besluit tot intrekking"
        value={w.intrekkingDatum}
        error={f.intrekkingDatum}
      />
      <TextField
        name="intrekkingVerzenddatum"
        id={veldId(prefix, 'intrekkingVerzenddatum')}
        type="date"
        label="Verzonden op"
        value={w.intrekkingVerzenddatum}
        error={f.intrekkingVerzenddatum}
      />
      <TextField
        name="intrekkingOndertekenaar"
        id={veldId(prefix, 'intrekkingOndertekenaar')}
        label="Namens het college ondertekend door"
        value={w.intrekkingOndertekenaar}
        error={f.intrekkingOndertekenaar}
      />
    </fieldset>
  );
}

/** An evaluation form as typed (the final one also has the follow-up and the ending). */
export interface EvaluatieWaarden extends Partial<IntrekkingWaarden> {
  datum: string;
  stemKlant: string;
  visieOrganisatie: string;
  conclusie: string;
  besluit: string;
  vervolg: string;
  vervolgToelichting: string;
  afloop: string;
  beeindigingReden: string;
}

export const legeEvaluatie = (datum: string): EvaluatieWaarden => ({
  datum,
  stemKlant: '',
  visieOrganisatie: '',
  conclusie: '',
  besluit: '',
  vervolg: '',
  vervolgToelichting: '',
  afloop: '',
  beeindigingReden: '',
});

const DAGNAMEN = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];
const dagnaam = (iso: string) => DAGNAMEN[new Date(`${iso}T12:00:00Z`).getUTCDay()] ?? '';
const uren = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 2 });
const WIJZIGING_NAMEN: Record<UrenWijziging['soort'], string> = {
  nieuw: 'Nieuw',
  gewijzigd: 'Gewijzigd',
  verwijderd: 'Verwijderd',
};
/** A registration in words: hours or the absence, with the note. */
const waarde = (w: UrenWijziging['vorige']): string =>
  w === null
    ? '–'
    : `${w.afwezig ? AFWEZIG_NAMEN[w.afwezig] : `${uren(w.uren)} uur`}${w.toelichting ? ` (${w.toelichting})` : ''}`;
const tijdstip = (iso: string): string =>
  new Date(iso).toLocaleString('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'short',
    timeStyle: 'short',
  });
/** Field ids of a form: prefix + the field path with dots as dashes. */
const veldId = (prefix: string, k: string) => `${prefix}-${k.replaceAll('.', '-')}`;

function EvaluatieVelden({ prefix, w, f }: { prefix: string; w: EvaluatieWaarden; f: FieldErrors }) {
  return (
    <>
      <TextField
        name="datum"
        id={veldId(prefix, 'datum')}
        label="Datum van de evaluatie"
        type="date"
        value={w.datum}
        error={f.datum}
      />
      <TextArea
        name="stemKlant"
        id={veldId(prefix, 'stemKlant')}
        label="Wat zegt de klant zelf?"
        value={w.stemKlant}
        error={f.stemKlant}
      />
      <TextArea
        name="visieOrganisatie"
        id={veldId(prefix, 'visieOrganisatie')}
        label="Wat vindt de organisatie? (als die er is)"
        value={w.visieOrganisatie}
        error={f.visieOrganisatie}
      />
      <TextArea
        name="conclusie"
        id={veldId(prefix, 'conclusie')}
        label="Uw conclusie"
        value={w.conclusie}
        error={f.conclusie}
      />
    </>
  );
}

const STAP_KOPPEN: Record<MogelijkeStap['stap'], string> = {
  ontwerpen: 'Ontwerp afmaken',
  toetsen: 'Toetsen, besluit en overeenkomst',
  starten: 'Starten',
  'terug-naar-ontwerp': 'Terug naar ontwerp',
  'beeindigen-voor-start': 'Beëindigen vóór de start',
  uren: 'Uren registreren',
  evalueren: 'Evalueren',
  aanpassen: 'Afspraken aanpassen of verlengen',
  eindevalueren: 'Eindevaluatie',
};

/** The next possible steps of the placement, each with what it does; or why there are none. */
function VolgendeStappen({
  id,
  vervolg,
  stap,
  fouten,
  csrfToken,
  besluitVerzonden,
}: {
  id: string;
  vervolg: Vervolg;
  stap: StapWaarden;
  fouten: FieldErrors;
  csrfToken: string;
  /** The imposed decision's sending date once sent: a back-step or an early end then needs a revocation. */
  besluitVerzonden: string | null;
}) {
  const waarde = (s: string, k: 'reden' | 'beeindigingReden') => (stap.stap === s ? stap[k] : '');
  return (
    <section aria-labelledby="stappen-kop">
      <Heading level={2} id="stappen-kop">
        Volgende stappen
      </Heading>
      {vervolg.waaromGeen ? <Paragraph>{vervolg.waaromGeen}</Paragraph> : null}
      {vervolg.stappen.map(blok)}
    </section>
  );

  function blok(s: MogelijkeStap) {
    const kop = <Heading level={3}>{STAP_KOPPEN[s.stap]}</Heading>;
    const veld = (k: string) => `stap-${s.stap}-${k}`;
    switch (s.stap) {
      case 'ontwerpen':
        return (
          <div key={s.stap} className="wk-statusactie">
            {kop}
            <Paragraph>
              {s.uitleg} <Link href={paths.tegenprestatie(id)}>Naar het ontwerp</Link>
            </Paragraph>
          </div>
        );
      case 'toetsen':
        return (
          <div key={s.stap} className="wk-statusactie">
            {kop}
            <Paragraph>
              {s.uitleg} <Link href={paths.tegenprestatieToetsing(id)}>Naar de toetsing</Link>
            </Paragraph>
          </div>
        );
      case 'aanpassen':
        return (
          <div key={s.stap} className="wk-statusactie">
            {kop}
            <Paragraph>
              {s.uitleg}{' '}
              <Link href={paths.tegenprestatieAanpassing(id)}>Naar de versies van de overeenkomst</Link>
            </Paragraph>
          </div>
        );
      case 'uren':
      case 'evalueren':
      case 'eindevalueren':
        return (
          <div key={s.stap} className="wk-statusactie">
            {kop}
            <Paragraph>
              {s.uitleg}{' '}
              <Link
                href={
                  s.stap === 'uren'
                    ? '#uren-formulier'
                    : s.stap === 'evalueren'
                      ? '#evaluatie-formulier'
                      : '#eind-formulier'
                }
              >
                Naar het formulier
              </Link>
            </Paragraph>
          </div>
        );
      case 'starten':
        return (
          <div key={s.stap} className="wk-statusactie">
            {kop}
            <Paragraph>{s.uitleg}</Paragraph>
            {s.kan ? (
              <Form action={uitvoeringPaden.stap(id)} csrfToken={csrfToken}>
                <input type="hidden" name="stap" value="starten" />
                <Button>Start de tegenprestatie</Button>
              </Form>
            ) : null}
          </div>
        );
      case 'terug-naar-ontwerp':
      case 'beeindigen-voor-start':
        return (
          <div key={s.stap} className="wk-statusactie">
            {kop}
            <Paragraph>{s.uitleg}</Paragraph>
            <Form action={uitvoeringPaden.stap(id)} csrfToken={csrfToken}>
              <input type="hidden" name="stap" value={s.stap} />
              <TextArea
                name="reden"
                id={veld('reden')}
                label="Reden"
                rows={3}
                value={waarde(s.stap, 'reden')}
                error={stap.stap === s.stap ? fouten.reden : undefined}
              />
              {s.stap === 'beeindigen-voor-start' ? (
                <SelectField
                  name="beeindigingReden"
                  id={veld('beeindigingReden')}
                  label="Waarom stopt het?"
                  value={waarde(s.stap, 'beeindigingReden')}
                  error={stap.stap === s.stap ? fouten.beeindigingReden : undefined}
                  options={[
                    { value: '', label: '– Kies de reden –' },
                    ...BEEINDIGING_REDENEN.map((r) => ({ value: r, label: BEEINDIGING_NAMEN[r] })),
                  ]}
                />
              ) : null}
              {besluitVerzonden ? (
                <IntrekkingVelden
                  prefix={`stap-${s.stap}`}
                  w={stap.stap === s.stap ? stap : legeIntrekking()}
                  f={stap.stap === s.stap ? fouten : {}}
                  verzonden={besluitVerzonden}
                />
              ) : null}
              <Button appearance={s.stap === 'terug-naar-ontwerp' ? 'secondary' : 'primary'}>
                {s.stap === 'terug-naar-ontwerp' ? 'Zet terug naar ontwerp' : 'Beëindig vóór de start'}
              </Button>
            </Form>
          </div>
        );
    }
  }
}

/** The Uitvoering page of one placement: hours (table + week form), evaluations (list + form) and the ending. */
/**
 * Review needed (shown with its reasons while the placement is agreed or running and any reason holds), the doubts
 * raised about this placement with their intervision decision, and the form to raise one.
 */
function Herbeoordelen({
  herbeoordeling,
  id,
  csrfToken,
  twijfel,
  fouten,
}: {
  herbeoordeling: UitvoeringBeeld['herbeoordeling'];
  id: string;
  csrfToken: string;
  twijfel: string;
  fouten: FieldErrors;
}) {
  const h = herbeoordeling;
  const kan = h.status === 'overeengekomen' || h.status === 'lopend';
  const open = h.twijfels.some((t) => t.status === 'open');
  if (!kan && h.twijfels.length === 0) return null;
  return (
    <section aria-labelledby="herbeoordelen" id="herbeoordeling">
      <Heading level={2} id="herbeoordelen">
        Herbeoordeling en twijfel
      </Heading>
      {h.nodig ? (
        <Alert type="warning" title="Herbeoordeling nodig">
          <Paragraph>
            Beoordeel of deze tegenprestatie door kan gaan, moet worden aangepast of moet worden beëindigd.
            Dit verdwijnt vanzelf als de reden er niet meer is.
          </Paragraph>
          <UnorderedList>
            {h.redenen.map((r) => (
              <ListItem key={r.oorzaak}>{r.tekst}</ListItem>
            ))}
          </UnorderedList>
        </Alert>
      ) : null}
      {h.twijfels.length > 0 ? (
        <Table caption="Gemelde twijfel over deze plaatsing" head={['Gemeld', 'Door', 'Twijfel', 'Besluit']}>
          {h.twijfels.map((t) => (
            <Row key={t.intervisieId}>
              <Cell>{formatDatumNl(t.aangevraagdOp.slice(0, 10))}</Cell>
              <Cell>{t.aangevraagdDoor}</Cell>
              <Cell>{t.vraag}</Cell>
              <Cell>
                {t.besluit
                  ? `${BESLUIT_INTERVISIE[t.besluit]}${t.voorwaarden ? ` (voorwaarden: ${t.voorwaarden})` : ''}${t.motivering ? `: ${t.motivering}` : ''}`
                  : 'Wacht op intervisie'}
              </Cell>
            </Row>
          ))}
        </Table>
      ) : null}
      {/* With an open doubt no second form, except to show a refused one again with what was typed. */}
      {kan && (!open || Object.keys(fouten).length > 0) ? (
        <Form action={uitvoeringPaden.twijfel(id)} csrfToken={csrfToken} id="twijfel-formulier">
          <Heading level={3}>Twijfel melden</Heading>
          <Paragraph>
            Twijfelt u of deze plaatsing betaald werk verdringt of nog past? Schrijf op waarom. De teamleider
            beslist na intervisie, zoals bij twijfel uit een verdringingstoets.
          </Paragraph>
          <TextArea
            name="reden"
            id={veldId('twijfel', 'reden')}
            label="Waarover twijfelt u?"
            rows={4}
            value={twijfel}
            error={fouten.reden}
          />
          <Button>Twijfel melden voor intervisie</Button>
        </Form>
      ) : null}
    </section>
  );
}

const BESLUIT_INTERVISIE: Record<string, string> = {
  toegestaan: 'Toegestaan',
  'toegestaan-onder-voorwaarden': 'Toegestaan onder voorwaarden',
  'niet-toegestaan': 'Niet toegestaan',
};

export function UitvoeringPagina({
  chrome,
  klant,
  beeld,
  week,
  weekVan,
  evaluatie,
  eind,
  fouten,
  formulier,
  melding,
  vervolg,
  stap,
  twijfel,
  versie,
}: {
  chrome: Chrome;
  klant: KlantDossier;
  beeld: UitvoeringBeeld;
  /** The version of the agreement in force, one to come and one waiting for confirmation. */
  versie: VersieStand;
  vervolg: Vervolg;
  stap: StapWaarden;
  week: WeekWaarden;
  weekVan: string;
  evaluatie: EvaluatieWaarden;
  eind: EvaluatieWaarden;
  fouten: FieldErrors;
  /** The doubt form's reason as typed. */
  twijfel: string;
  /** Which form the errors belong to. */
  formulier?: 'uren' | 'evaluatie' | 'eind' | 'stap' | 'twijfel' | undefined;
  melding?: Melding | undefined;
}) {
  const t = beeld.tegenprestatie;
  const lopend = t.status === 'lopend';
  const prefix =
    formulier === 'uren'
      ? 'uren'
      : formulier === 'eind'
        ? 'eind'
        : formulier === 'stap'
          ? `stap-${stap.stap}`
          : formulier === 'twijfel'
            ? 'twijfel'
            : 'eval';
  const fout = (f: 'uren' | 'evaluatie' | 'eind' | 'stap' | 'twijfel'): FieldErrors =>
    formulier === f ? fouten : {};
  const veldIds = Object.fromEntries(Object.keys(fouten).map((k) => [k, veldId(prefix, k)]));
  return (
    <DossierFrame
      chrome={chrome}
      klant={klant}
      tab="tegenprestaties"
      titel={`${klant.naam} – uitvoering van de tegenprestatie`}
    >
      <Paragraph>
        <Link href={paths.tegenprestatie(t.id)}>Terug naar het ontwerp</Link>
      </Paragraph>
      {melding ? <Alert type="ok">{MELDINGEN[melding]}</Alert> : null}
      <ErrorSummary errors={fouten} fieldIds={veldIds} />
      <Herbeoordelen
        herbeoordeling={beeld.herbeoordeling}
        id={t.id}
        csrfToken={chrome.csrfToken}
        twijfel={twijfel}
        fouten={fout('twijfel')}
      />
      <Heading level={2}>Uitvoering</Heading>
      <Gegevens
        items={[
          ['Status', STATUS_NAMEN[t.status]],
          [
            'Periode',
            `${t.startdatum ? formatDatumNl(t.startdatum) : '–'} tot en met ${t.einddatum ? formatDatumNl(t.einddatum) : '–'}`,
          ],
          [
            'Versie van de overeenkomst',
            <>
              {versie.inKracht
                ? `Versie ${versie.inKracht.nummer} geldt${versie.inKracht.sinds ? ` sinds ${formatDatumNl(versie.inKracht.sinds)}` : ''}.`
                : 'Nog geen getekende overeenkomst.'}
              {versie.komend
                ? ` Versie ${versie.komend.nummer} gaat in op ${formatDatumNl(versie.komend.ingangsdatum)}.`
                : ''}
              {versie.open ? ` Versie ${versie.open} wacht op de handtekeningen.` : ''}{' '}
              <Link href={paths.tegenprestatieAanpassing(t.id)}>Alle versies</Link>
            </>,
          ],
          ['Uren per week (afgesproken)', t.urenPerWeek === null ? '' : uren(t.urenPerWeek)],
          ['Evaluatiedata', t.evaluatiedata.map(formatDatumNl).join(', ')],
          ['Totaal gedane uren', uren(beeld.totaalUren)],
        ]}
      />
      <VolgendeStappen
        id={t.id}
        vervolg={vervolg}
        stap={stap}
        fouten={fout('stap')}
        csrfToken={chrome.csrfToken}
        besluitVerzonden={versie.besluitVerzonden}
      />

      <Heading level={2} id="uren">
        Uren
      </Heading>
      {beeld.uren.length === 0 ? (
        <Paragraph>Er zijn nog geen uren geregistreerd.</Paragraph>
      ) : (
        <Table
          caption="Geregistreerde uren per dag"
          head={['Datum', 'Uren', 'Afwezig', 'Toelichting', 'Geregistreerd door']}
        >
          {beeld.uren.map((u) => (
            <Row key={u.id}>
              <Cell>
                {dagnaam(u.datum)} {formatDatumNl(u.datum)}
              </Cell>
              <Cell>{uren(u.uren)}</Cell>
              <Cell>{u.afwezig ? AFWEZIG_NAMEN[u.afwezig] : '–'}</Cell>
              <Cell>{u.toelichting ?? '–'}</Cell>
              <Cell>{u.geregistreerdDoorNaam}</Cell>
            </Row>
          ))}
        </Table>
      )}
      {lopend ? (
        <>
          <form method="get" action={uitvoeringPaden.uitvoering(t.id)} className="wk-week-kiezer">
            <TextField
              name="week"
              id="week-van"
              label="Week die begint op"
              type="date"
              value={weekVan}
              description="Kies de maandag van de week die u wilt invullen."
            />
            <Button appearance="secondary">Toon deze week</Button>
          </form>
          <Form action={uitvoeringPaden.uren(t.id)} csrfToken={chrome.csrfToken} id="uren-formulier">
            <Heading level={3}>Uren van de week van {formatDatumNl(weekVan)}</Heading>
            <Paragraph>
              Het formulier toont wat er is opgeslagen. Laat een dag leeg als er niets te registreren is;
              maakt u een opgeslagen dag leeg, dan verwijdert u die registratie. Wie afwezig was, heeft 0 uur.
              Alleen wat u verandert wordt opgeslagen, met de vorige waarde bij de wijzigingen.
            </Paragraph>
            {week.dagen.map((d, i) => {
              const f = fout('uren');
              return (
                <fieldset
                  key={d.datum}
                  className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wk-dag"
                >
                  <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                    {dagnaam(d.datum)} {formatDatumNl(d.datum)}
                  </legend>
                  <input type="hidden" name={`dag.${i}.datum`} value={d.datum} />
                  <input type="hidden" name={`dag.${i}.versie`} value={d.versie} />
                  {f[`dagen.${i}.datum`] ? (
                    <div className="utrecht-form-field-error-message" id={veldId('uren', `dagen.${i}.datum`)}>
                      {f[`dagen.${i}.datum`]}
                    </div>
                  ) : null}
                  <TextField
                    name={`dag.${i}.uren`}
                    id={veldId('uren', `dagen.${i}.uren`)}
                    label="Uren"
                    inputMode="text"
                    value={d.uren}
                    error={f[`dagen.${i}.uren`]}
                  />
                  <SelectField
                    name={`dag.${i}.afwezig`}
                    id={veldId('uren', `dagen.${i}.afwezig`)}
                    label="Afwezig"
                    value={d.afwezig}
                    error={f[`dagen.${i}.afwezig`]}
                    options={[
                      { value: '', label: 'Niet afwezig' },
                      ...AFWEZIGHEDEN.map((a) => ({ value: a, label: AFWEZIG_NAMEN[a] })),
                    ]}
                  />
                  <TextField
                    name={`dag.${i}.toelichting`}
                    id={veldId('uren', `dagen.${i}.toelichting`)}
                    label="Toelichting (niet verplicht)"
                    value={d.toelichting}
                    error={f[`dagen.${i}.toelichting`]}
                  />
                </fieldset>
              );
            })}
            <Button>Uren opslaan</Button>
          </Form>
        </>
      ) : null}
      {beeld.wijzigingen.length > 0 ? (
        <>
          <Heading level={3} id="wijzigingen">
            Wijzigingen van de uren
          </Heading>
          <Table
            caption="Elke wijziging met de vorige waarde, wie, wanneer en hoe"
            head={['Dag', 'Wat', 'Was', 'Werd', 'Door', 'Hoe', 'Wanneer']}
          >
            {beeld.wijzigingen.map((w) => (
              <Row key={w.id}>
                <Cell>
                  {dagnaam(w.datum)} {formatDatumNl(w.datum)}
                </Cell>
                <Cell>{WIJZIGING_NAMEN[w.soort]}</Cell>
                <Cell>{waarde(w.vorige)}</Cell>
                <Cell>{waarde(w.nieuw)}</Cell>
                <Cell>{w.doorNaam}</Cell>
                <Cell>{UREN_BRON_NAMEN[w.bron]}</Cell>
                <Cell>{tijdstip(w.op)}</Cell>
              </Row>
            ))}
          </Table>
        </>
      ) : null}

      <Heading level={2} id="evaluaties">
        Evaluaties
      </Heading>
      {beeld.evaluaties.length === 0 ? (
        <Paragraph>Er is nog geen evaluatie vastgelegd.</Paragraph>
      ) : (
        beeld.evaluaties.map((e) => (
          <section key={e.id} className="wk-evaluatie" aria-labelledby={`evaluatie-${e.id}`}>
            <Heading level={3} id={`evaluatie-${e.id}`}>
              {e.eind ? 'Eindevaluatie' : 'Evaluatie'} van {formatDatumNl(e.datum)}
            </Heading>
            <Gegevens
              items={[
                ['Stem van de klant', e.stemKlant],
                ['Visie van de organisatie', e.visieOrganisatie],
                ['Conclusie', e.conclusie],
                ['Besluit', BESLUIT_NAMEN[e.besluit]],
                ...(e.eind
                  ? ([
                      ['Vervolg', VERVOLG_NAMEN[e.eind.vervolg]],
                      ['Toelichting vervolg', e.eind.vervolgToelichting],
                      [
                        'Afloop',
                        e.eind.afloop === 'afgerond'
                          ? 'Afgerond'
                          : `Beëindigd (${e.eind.beeindigingReden ? BEEINDIGING_NAMEN[e.eind.beeindigingReden] : ''})`,
                      ],
                    ] as Array<[string, string | null]>)
                  : []),
                ['Vastgelegd door', e.doorNaam],
              ]}
            />
            <Paragraph>
              <Link href={uitvoeringPaden.evaluatieVerslag(t.id, e.id)}>
                Verslag van de {e.eind ? 'eindevaluatie' : 'evaluatie'} van {formatDatumNl(e.datum)} (pdf)
              </Link>
            </Paragraph>
          </section>
        ))
      )}
      {lopend ? (
        <>
          <Form
            action={uitvoeringPaden.evaluatie(t.id)}
            csrfToken={chrome.csrfToken}
            id="evaluatie-formulier"
          >
            <Heading level={3}>Evaluatie vastleggen</Heading>
            <EvaluatieVelden prefix="eval" w={evaluatie} f={fout('evaluatie')} />
            <RadioGroup
              name="besluit"
              idPrefix={veldId('eval', 'besluit')}
              legend="Besluit"
              value={evaluatie.besluit}
              error={fout('evaluatie').besluit}
              description="Wilt u de tegenprestatie beëindigen? Gebruik dan de eindevaluatie hieronder."
              options={[
                { value: 'voortzetten', label: BESLUIT_NAMEN.voortzetten },
                { value: 'aanpassen', label: BESLUIT_NAMEN.aanpassen },
              ]}
            />
            <Button>Evaluatie vastleggen</Button>
          </Form>
          <Form action={uitvoeringPaden.eindevaluatie(t.id)} csrfToken={chrome.csrfToken} id="eind-formulier">
            <Heading level={3}>Eindevaluatie: afronden of beëindigen</Heading>
            <Paragraph>
              Met de eindevaluatie stopt de tegenprestatie. De plaats bij de activiteit komt dan weer vrij.
            </Paragraph>
            <EvaluatieVelden prefix="eind" w={eind} f={fout('eind')} />
            <SelectField
              name="vervolg"
              id={veldId('eind', 'eind.vervolg')}
              label="Welk vervolg komt er echt?"
              value={eind.vervolg}
              error={fout('eind')['eind.vervolg']}
              options={[
                { value: '', label: '– Kies het vervolg –' },
                ...VERVOLGEN.map((v) => ({ value: v, label: VERVOLG_NAMEN[v] })),
              ]}
            />
            <TextArea
              name="vervolgToelichting"
              id={veldId('eind', 'eind.vervolgToelichting')}
              label="Toelichting op het vervolg (niet verplicht)"
              value={eind.vervolgToelichting}
              error={fout('eind')['eind.vervolgToelichting']}
            />
            <RadioGroup
              name="afloop"
              idPrefix={veldId('eind', 'eind.afloop')}
              legend="Hoe loopt de tegenprestatie af?"
              value={eind.afloop}
              error={fout('eind')['eind.afloop']}
              options={[
                { value: 'afgerond', label: 'Afgerond zoals afgesproken' },
                { value: 'beeindigd', label: 'Eerder beëindigd' },
              ]}
            />
            <SelectField
              name="beeindigingReden"
              id={veldId('eind', 'eind.beeindigingReden')}
              label="Reden van eerder beëindigen"
              value={eind.beeindigingReden}
              error={fout('eind')['eind.beeindigingReden']}
              options={[
                { value: '', label: '– Alleen bij eerder beëindigd –' },
                ...BEEINDIGING_REDENEN.map((r) => ({ value: r, label: BEEINDIGING_NAMEN[r] })),
              ]}
            />
            {versie.besluitVerzonden ? (
              <IntrekkingVelden
                prefix="eind"
                w={{ ...legeIntrekking(), ...eind }}
                f={fout('eind')}
                verzonden={versie.besluitVerzonden}
              />
            ) : null}
            <Button>Eindevaluatie vastleggen</Button>
          </Form>
        </>
      ) : null}
    </DossierFrame>
  );
}

/** The CBS export page: choose a municipality and month; shows the rows and a CSV download. */
export function CbsPagina({
  chrome,
  gemeenten,
  gemeenteId,
  maand,
  regels,
  fout,
}: {
  chrome: Chrome;
  gemeenten: ReadonlyArray<{ id: string; naam: string }>;
  gemeenteId: string;
  maand: string;
  regels: CbsRegel[] | null;
  fout?: string | undefined;
}) {
  const query = `gemeenteId=${encodeURIComponent(gemeenteId)}&maand=${encodeURIComponent(maand)}`;
  return (
    <Layout title="CBS-indicator tegenprestatie" nav={chrome.nav} account={chrome.account}>
      <Heading level={1}>CBS-indicator uitvoering tegenprestatie</Heading>
      <Paragraph>
        Elke maand geeft de gemeente aan het CBS (de bijstandsuitkeringenstatistiek) per klant door of die in
        de maand tegenprestatie heeft gedaan: ja als er in die maand uren zijn, hoe weinig ook. Klanten staan
        erin met hun klantnummer.
      </Paragraph>
      <ErrorSummary errors={fout ? { maand: fout } : {}} fieldIds={{ maand: 'maand' }} />
      <form method="get" action={uitvoeringPaden.cbsExport()}>
        <SelectField
          name="gemeenteId"
          label="Gemeente"
          value={gemeenteId}
          options={gemeenten.map((g) => ({ value: g.id, label: g.naam }))}
        />
        <TextField
          name="maand"
          label="Maand"
          value={maand}
          error={fout}
          description="Als jaar en maand, bijvoorbeeld 2026-10."
        />
        <Button>Toon</Button>
      </form>
      {regels ? (
        <>
          <Paragraph>
            <Link href={`${uitvoeringPaden.cbsExportCsv()}?${query}`}>Download als CSV</Link>
          </Paragraph>
          {regels.length === 0 ? (
            <Paragraph>In deze maand had geen klant een tegenprestatie.</Paragraph>
          ) : (
            <Table
              caption={`Uitvoering tegenprestatie in ${maand}`}
              head={['Klantnummer', 'Uitvoering', 'Uren']}
            >
              {regels.map((r) => (
                <Row key={r.klantId}>
                  <Cell>{r.klantnummer ?? '–'}</Cell>
                  <Cell>{r.uitvoering === 'ja' ? 'Ja' : 'Nee'}</Cell>
                  <Cell>{uren(r.uren)}</Cell>
                </Row>
              ))}
            </Table>
          )}
        </>
      ) : null}
    </Layout>
  );
}
