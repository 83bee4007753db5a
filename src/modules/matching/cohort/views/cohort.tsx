import type { ReactNode } from 'react';
import {
  Alert,
  Button,
  Cell,
  CheckboxGroup,
  ErrorSummary,
  type FieldErrors,
  Form,
  Gegevens,
  Heading,
  Link,
  Paginering,
  Paragraph,
  RadioGroup,
  Row,
  SelectField,
  Table,
  TextField,
} from '../../../../web/components/index.tsx';
import { Layout, type LayoutProps } from '../../../../web/layout.tsx';
import { paths } from '../../../../web/paths.ts';
import type { CohortRun, CohortToewijzing, CohortVoorstel } from '../cohort.schemas.ts';
import type { CohortNamen } from '../cohort.service.ts';

export interface Chrome {
  account: LayoutProps['account'];
  nav: NonNullable<LayoutProps['nav']>;
  csrfToken: string;
}

/** What the form on /cohorten remembers (strings as typed). */
export interface CohortFormWaarden {
  gemeenteId: string;
  wijkId: string;
  klantmanagerId: string;
  toepasselijkheid: string;
  activiteiten: 'alle' | 'gekozen';
  activiteitIds: string[];
  k: string;
}

export const LEGE_WAARDEN: CohortFormWaarden = {
  gemeenteId: '',
  wijkId: '',
  klantmanagerId: '',
  toepasselijkheid: '',
  activiteiten: 'alle',
  activiteitIds: [],
  k: '50',
};

export const OPTIMAAL_UITLEG =
  'Optimaal betekent hier: van alle mogelijke verdelingen over de best passende activiteiten per klant (de K beste na de harde filters) heeft deze de hoogste totale passendheid. Het programma kiest dus niet gretig de beste klant eerst, maar rekent de beste verdeling voor de hele groep exact uit.';

const STATUS_NAMEN: Record<CohortRun['status'], string> = {
  wachtrij: 'In de wachtrij',
  bezig: 'Bezig',
  klaar: 'Klaar',
  mislukt: 'Mislukt',
};

const VOORSTEL_NAMEN: Record<CohortVoorstel['status'], string> = {
  voorgesteld: 'Voorgesteld',
  'niet-toegewezen': 'Geen plaats',
  geaccepteerd: 'Geaccepteerd',
  afgewezen: 'Afgewezen',
};

export const MELDINGEN = {
  besloten: 'Uw keuze is verwerkt.',
} as const;

const getal = (n: number | null): string => (n === null ? '–' : n.toLocaleString('nl-NL'));
const score = (s: number | null): string => (s === null ? '–' : (s / 1000).toFixed(2).replace('.', ','));
const tijdstip = (iso: string): string =>
  new Date(iso).toLocaleString('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'medium',
    timeStyle: 'short',
  });

function Pagina({ title, chrome, children }: { title: string; chrome: Chrome; children: ReactNode }) {
  return (
    <Layout title={title} nav={chrome.nav} account={chrome.account}>
      {children}
    </Layout>
  );
}

/** The start page: a form to compute a new cohort assignment and the recent runs. */
export function CohortenPagina({
  chrome,
  gemeenten,
  wijken,
  klantmanagers,
  toepasselijkheden,
  activiteiten,
  runs,
  waarden,
  fouten,
}: {
  chrome: Chrome;
  gemeenten: ReadonlyArray<{ id: string; naam: string }>;
  wijken: ReadonlyArray<{ id: string; naam: string }>;
  klantmanagers: ReadonlyArray<{ id: string; naam: string }>;
  toepasselijkheden: ReadonlyArray<{ value: string; label: string }>;
  activiteiten: ReadonlyArray<{ id: string; label: string }>;
  runs: readonly CohortRun[];
  waarden: CohortFormWaarden;
  fouten?: FieldErrors;
}) {
  const gemeenteNaam = new Map(gemeenten.map((g) => [g.id, g.naam]));
  return (
    <Pagina title="Cohort verdelen" chrome={chrome}>
      <Heading level={1}>Cohort verdelen</Heading>
      <Paragraph lead>
        Verdeel een groep klanten in één keer over de vrije plaatsen bij activiteiten. U krijgt een voorstel:
        per klant een activiteit met de redenen, en bij wie geen plaats kreeg ook waarom. U kiest zelf welke
        paren u accepteert. Elk geaccepteerd paar opent een verkenning voor die klant; het gesprek met de
        klant volgt.
      </Paragraph>
      <Paragraph>{OPTIMAAL_UITLEG}</Paragraph>
      {fouten ? <ErrorSummary errors={fouten} /> : null}
      <Form action={paths.cohorten()} csrfToken={chrome.csrfToken}>
        <Heading level={2}>Nieuwe verdeling</Heading>
        <SelectField
          name="gemeenteId"
          label="Gemeente"
          value={waarden.gemeenteId}
          error={fouten?.gemeenteId}
          options={[
            ...(gemeenten.length > 1 ? [{ value: '', label: 'Kies een gemeente' }] : []),
            ...gemeenten.map((g) => ({ value: g.id, label: g.naam })),
          ]}
        />
        <SelectField
          name="wijkId"
          label="Wijk van de klanten"
          value={waarden.wijkId}
          error={fouten?.wijkId}
          options={[
            { value: '', label: 'Alle wijken' },
            ...wijken.map((w) => ({ value: w.id, label: w.naam })),
          ]}
        />
        <SelectField
          name="klantmanagerId"
          label="Klantmanager van de klanten"
          value={waarden.klantmanagerId}
          error={fouten?.klantmanagerId}
          options={[
            { value: '', label: 'Alle klantmanagers' },
            ...klantmanagers.map((m) => ({ value: m.id, label: m.naam })),
          ]}
        />
        <SelectField
          name="toepasselijkheid"
          label="Tegenprestatie"
          value={waarden.toepasselijkheid}
          error={fouten?.toepasselijkheid}
          options={[{ value: '', label: 'Alle klanten' }, ...toepasselijkheden]}
        />
        <RadioGroup
          name="activiteiten"
          legend="Welke activiteiten?"
          value={waarden.activiteiten}
          error={fouten?.activiteiten}
          options={[
            { value: 'alle', label: 'Alle actieve activiteiten met vrije plaatsen in de gemeente' },
            { value: 'gekozen', label: 'Alleen de activiteiten die ik hieronder aanvink' },
          ]}
        />
        {activiteiten.length > 0 ? (
          <CheckboxGroup
            name="activiteitIds"
            legend="Activiteiten met vrije plaatsen"
            values={waarden.activiteitIds}
            error={fouten?.activiteitIds}
            options={activiteiten.map((a) => ({ value: a.id, label: a.label }))}
          />
        ) : (
          <Paragraph>Er zijn nu geen activiteiten met vrije plaatsen in uw gemeenten.</Paragraph>
        )}
        <TextField
          name="k"
          label="Aantal best passende activiteiten per klant (K)"
          description="De verdeling is optimaal over deze kandidaten per klant. 50 is genoeg voor grote groepen."
          type="number"
          inputMode="numeric"
          value={waarden.k}
          error={fouten?.k}
        />
        <Button>Voorstel berekenen</Button>
      </Form>

      <Heading level={2}>Eerdere verdelingen</Heading>
      {runs.length === 0 ? (
        <Paragraph>U heeft nog geen cohort verdeeld.</Paragraph>
      ) : (
        <Table
          caption="Eerdere verdelingen"
          head={['Berekend', 'Gemeente', 'Status', 'Klanten', 'Met plaats']}
        >
          {runs.map((r) => (
            <Row key={r.id}>
              <Cell>
                <Link href={paths.cohort(r.id)}>{tijdstip(r.aangemaaktOp)}</Link>
              </Cell>
              <Cell>{gemeenteNaam.get(r.gemeenteId) ?? ''}</Cell>
              <Cell>{STATUS_NAMEN[r.status]}</Cell>
              <Cell>{getal(r.aantalKlanten)}</Cell>
              <Cell>{getal(r.aantalToegewezen)}</Cell>
            </Row>
          ))}
        </Table>
      )}
    </Pagina>
  );
}

/** Progress of a queued or running computation; htmx reloads the page part while it runs. */
export function CohortVoortgang({ run }: { run: CohortRun }) {
  const loopt = run.status === 'wachtrij' || run.status === 'bezig';
  return (
    <div
      id="voortgang"
      className="wk-voortgang"
      {...(loopt
        ? { 'hx-get': paths.cohortVoortgang(run.id), 'hx-trigger': 'every 2s', 'hx-swap': 'outerHTML' }
        : {})}
    >
      <label className="utrecht-form-label" htmlFor="voortgang-balk">
        Voortgang
      </label>
      <progress id="voortgang-balk" max={100} value={run.voortgang}>
        {run.voortgang}%
      </progress>
      <p className="utrecht-paragraph">
        <strong>
          {STATUS_NAMEN[run.status]} ({run.voortgang}%)
        </strong>
        {run.stap ? `: ${run.stap}.` : null}
      </p>
      {loopt ? (
        <p className="utrecht-paragraph">
          De berekening loopt op de achtergrond; u kunt deze pagina sluiten.{' '}
          <Link href={paths.cohort(run.id)}>Vernieuwen</Link>
        </p>
      ) : (
        <p className="utrecht-paragraph">
          <Link href={paths.cohort(run.id)}>Toon het voorstel</Link>
        </p>
      )}
    </div>
  );
}

function Redenen({ redenen }: { redenen: readonly string[] }) {
  if (redenen.length === 0) return null;
  return (
    <ul className="utrecht-unordered-list">
      {redenen.map((r) => (
        <li key={r} className="utrecht-unordered-list__item">
          {r}
        </li>
      ))}
    </ul>
  );
}

/** One run: its figures, the proposal with a checkbox per proposed pair, and the clients left without a place. */
export function CohortPagina({
  chrome,
  cohort,
  namen,
  melding,
  uitkomst,
  fouten,
}: {
  chrome: Chrome;
  cohort: CohortToewijzing;
  namen: CohortNamen;
  fouten?: FieldErrors | undefined;
  melding?: string | undefined;
  uitkomst?: { geaccepteerd: number; afgewezen: number; overgeslagen: number } | undefined;
}) {
  const klaar = cohort.status === 'klaar';
  const aantalPaginas = Math.max(1, Math.ceil(cohort.totaalVoorstellen / cohort.paginaGrootte));
  const klant = (id: string) => {
    const k = namen.klanten.get(id);
    return (
      <Link href={paths.klant(id)}>
        {k ? `${k.naam}${k.klantnummer ? ` (${k.klantnummer})` : ''}` : 'Klant (niet meer zichtbaar)'}
      </Link>
    );
  };
  const activiteit = (id: string | null) => {
    if (!id) return '–';
    const a = namen.activiteiten.get(id);
    return (
      <Link href={paths.activiteit(id)}>
        {a ? `${a.titel}${a.organisatie ? ` – ${a.organisatie}` : ''}` : 'Activiteit'}
      </Link>
    );
  };
  const paren = cohort.voorstellen.filter((v) => v.activiteitId !== null);
  const zonder = cohort.voorstellen.filter((v) => v.activiteitId === null);
  return (
    <Pagina title="Voorstel cohortverdeling" chrome={chrome}>
      <Heading level={1}>Voorstel cohortverdeling</Heading>
      {fouten ? <ErrorSummary errors={fouten} fieldIds={{ klantIds: 'paren' }} /> : null}
      {melding ? <Alert type="ok">{melding}</Alert> : null}
      {uitkomst ? (
        <Alert type={uitkomst.overgeslagen > 0 ? 'warning' : 'ok'}>
          {uitkomst.geaccepteerd} {uitkomst.geaccepteerd === 1 ? 'paar' : 'paren'} geaccepteerd (een
          verkenning per klant), {uitkomst.afgewezen} afgewezen
          {uitkomst.overgeslagen > 0
            ? `, ${uitkomst.overgeslagen} konden niet (zie de status in de tabel)`
            : ''}
          .
        </Alert>
      ) : null}
      {klaar ? null : <CohortVoortgang run={cohort} />}
      {cohort.status === 'mislukt' && cohort.fout ? <Alert type="error">{cohort.fout}</Alert> : null}
      {klaar ? (
        <>
          <Gegevens
            items={[
              ['Klanten', getal(cohort.aantalKlanten)],
              ['Activiteiten met vrije plaatsen', getal(cohort.aantalActiviteiten)],
              ['Vrije plaatsen', getal(cohort.aantalPlaatsen)],
              ['Passende paren (na de harde filters)', getal(cohort.aantalParen)],
              ['Klanten met een plaats', getal(cohort.aantalToegewezen)],
              ['Totale passendheid', score(cohort.doelwaarde)],
              ['Kandidaten per klant (K)', String(cohort.k)],
            ]}
          />
          <Paragraph>{OPTIMAAL_UITLEG}</Paragraph>
          <Paragraph>
            Een voorstel houdt nog geen plaats vast. Dat gebeurt pas als het ontwerp van de tegenprestatie
            naar toetsing gaat.
          </Paragraph>
          {paren.length > 0 ? (
            <Form action={paths.cohortBesluiten(cohort.id)} csrfToken={chrome.csrfToken}>
              <input type="hidden" name="pagina" value={String(cohort.pagina)} />
              <span id="paren" />
              <Table
                caption="Voorgestelde paren (vink aan wat u wilt accepteren of afwijzen)"
                head={['Kiezen', 'Klant', 'Activiteit', 'Score', 'Redenen', 'Status']}
              >
                {paren.map((v) => (
                  <Row key={v.klantId}>
                    <Cell>
                      {v.status === 'voorgesteld' || v.status === 'afgewezen' ? (
                        <div className="utrecht-form-field utrecht-form-field--checkbox">
                          <input
                            className="utrecht-checkbox utrecht-checkbox--html-input"
                            type="checkbox"
                            id={`paar-${v.klantId}`}
                            name="klantIds"
                            value={v.klantId}
                            defaultChecked={v.status === 'voorgesteld'}
                          />
                          <label
                            className="utrecht-form-label utrecht-form-label--checkbox wk-visueel-verborgen"
                            htmlFor={`paar-${v.klantId}`}
                          >
                            Kies dit paar
                          </label>
                        </div>
                      ) : null}
                    </Cell>
                    <Cell>{klant(v.klantId)}</Cell>
                    <Cell>
                      {activiteit(v.activiteitId)}
                      {v.eersteKeusId ? (
                        <p className="utrecht-paragraph">
                          Eerste keus was {activiteit(v.eersteKeusId)}; die plaats ging naar iemand die er
                          beter bij past.
                        </p>
                      ) : null}
                    </Cell>
                    <Cell>{score(v.score)}</Cell>
                    <Cell>
                      <Redenen redenen={v.redenen} />
                    </Cell>
                    <Cell>
                      {VOORSTEL_NAMEN[v.status]}
                      {v.tegenprestatieId ? (
                        <>
                          {' '}
                          <Link href={paths.klantTegenprestaties(v.klantId)}>naar de verkenning</Link>
                        </>
                      ) : null}
                    </Cell>
                  </Row>
                ))}
              </Table>
              <div className="wk-form-actions">
                <Button name="besluit" value="accepteer">
                  Aangevinkte paren accepteren
                </Button>
                <Button name="besluit" value="wijs-af" appearance="secondary">
                  Aangevinkte paren afwijzen
                </Button>
              </div>
            </Form>
          ) : null}
          {zonder.length > 0 ? (
            <Table caption="Klanten zonder plaats, en waarom" head={['Klant', 'Reden', 'Beste kandidaat']}>
              {zonder.map((v) => (
                <Row key={v.klantId}>
                  <Cell>{klant(v.klantId)}</Cell>
                  <Cell>{v.reden}</Cell>
                  <Cell>{v.eersteKeusId ? activiteit(v.eersteKeusId) : '–'}</Cell>
                </Row>
              ))}
            </Table>
          ) : null}
          <Paginering
            pagina={cohort.pagina}
            aantalPaginas={aantalPaginas}
            href={(p) => `${paths.cohort(cohort.id)}?pagina=${p}`}
          />
        </>
      ) : null}
      <Paragraph>
        <Link href={paths.cohorten()}>Terug naar Cohort verdelen</Link>
      </Paragraph>
    </Pagina>
  );
}
