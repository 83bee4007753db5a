import type { ReactNode } from 'react';
import {
  Alert,
  Button,
  ButtonLink,
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
  TextArea,
  TextField,
} from '../../../web/components/index.tsx';
import { Layout, type LayoutProps } from '../../../web/layout.tsx';
import { paths } from '../../../web/paths.ts';
import {
  DAGDELEN,
  DossierFrame,
  dagdeelNaam,
  formatDatumNl,
  type KlantDossier,
} from '../../klanten/index.ts';
import { WEDERKERIGHEID_NAMEN } from '../../netwerk/index.ts';
import { type Checklist, type ChecklistItem, WENSELIJK_IDS, WENSELIJK_NAMEN } from '../checklist.ts';
import { HISTORIE_NAMEN, STATUS_NAMEN, STATUSSEN, type Status } from '../statusmachine.ts';
import { overgangWaarschuwing } from '../../../lib/wetswijziging.ts';
import { type Tegenprestatie, VERVOLG_NAMEN, VERVOLGEN } from '../tegenprestaties.schemas.ts';
import type { OntwerpBeeld } from '../tegenprestaties.service.ts';
import { OpleggingBlok, type OpleggingWaarden } from './oplegging.tsx';

export interface Chrome {
  account: LayoutProps['account'];
  nav: NonNullable<LayoutProps['nav']>;
  csrfToken: string;
}

export const MELDINGEN = {
  gestart: 'De verkenning is gestart. Vul het ontwerp in; de checklist laat zien wat nog nodig is.',
  opgeslagen: 'Het ontwerp is opgeslagen.',
  status: 'De status is gewijzigd.',
  'advies-gevraagd': 'Uw vraag om advies staat bij de teamleider.',
  'advies-gegeven': 'Uw advies is vastgelegd.',
  voornemen:
    'Het voornemen tot opleggen is vastgelegd. Leg de zienswijze van de klant vast; daarna beoordeelt de teamleider het.',
  zienswijze: 'De zienswijze is vastgelegd.',
  'zienswijze-goede-reden':
    'De zienswijze bevat een goede reden: het ontwerp staat weer op ontwerp. Pas het ontwerp aan.',
  'oplegging-akkoord':
    'Akkoord: het ontwerp staat op toetsing. Toets aan de verordening en neem het besluit.',
  'oplegging-terug': 'Het voornemen is teruggestuurd: het ontwerp staat weer op ontwerp.',
} as const;
export type Melding = keyof typeof MELDINGEN;
export const isMelding = (m: unknown): m is Melding => typeof m === 'string' && m in MELDINGEN;

const datum = (d: string | null | undefined) => (d ? formatDatumNl(d) : '–');
const uren = (n: number | null) => (n === null ? '–' : `${String(n).replace('.', ',')} uur per week`);
const veldId = (pad: string) => pad.replaceAll('.', '-');

function StatusLabel({ status }: { status: Status }) {
  return <span className={`wk-tp-status wk-tp-status--${status}`}>{STATUS_NAMEN[status]}</span>;
}

// ---- The client file's tab -------------------------------------------------------------------------------------

export function KlantTegenprestatiesPagina({
  chrome,
  klant,
  tegenprestaties,
  titels,
  fout,
}: {
  chrome: Chrome;
  klant: KlantDossier;
  tegenprestaties: Tegenprestatie[];
  titels: Record<string, string>;
  fout?: string | undefined;
}) {
  return (
    <DossierFrame chrome={chrome} klant={klant} tab="tegenprestaties">
      {fout ? <Alert type="error">{fout}</Alert> : null}
      {tegenprestaties.length === 0 ? (
        <Paragraph>Er is nog geen {klant.instrumentNaam} met deze klant verkend of ontworpen.</Paragraph>
      ) : (
        <Table
          caption={`${klant.instrumentNaam === 'tegenprestatie' ? 'Tegenprestaties' : 'Maatschappelijke participatie'} van deze klant`}
          head={['Activiteit', 'Status', 'Start', 'Uren', 'Gewijzigd']}
        >
          {tegenprestaties.map((t) => (
            <Row key={t.id}>
              <Cell>
                <Link href={paths.tegenprestatie(t.id)}>
                  {t.activiteitId ? (titels[t.activiteitId] ?? 'Activiteit') : 'Nog geen activiteit gekozen'}
                </Link>
              </Cell>
              <Cell>
                <StatusLabel status={t.status} />
              </Cell>
              <Cell>{datum(t.startdatum)}</Cell>
              <Cell>{uren(t.urenPerWeek)}</Cell>
              <Cell>{formatDatumNl(t.gewijzigdOp.slice(0, 10))}</Cell>
            </Row>
          ))}
        </Table>
      )}
      <Form action={paths.klantTegenprestaties(klant.id)} csrfToken={chrome.csrfToken}>
        <Paragraph>
          Begin met een verkenning: het gesprek met de klant over kracht, wensen, een eigen voorstel en de
          eigen omgeving. Daarna kiest u samen een activiteit.
        </Paragraph>
        <Button>Nieuwe {klant.instrumentNaam}</Button>
      </Form>
    </DossierFrame>
  );
}

// ---- The checklist ---------------------------------------------------------------------------------------------

const ITEM_STATUS: Record<ChecklistItem['status'], string> = {
  voldaan: 'In orde',
  open: 'Nog niet in orde',
  'niet-van-toepassing': 'Niet van toepassing',
  afgeweken: 'Afgeweken, met reden',
  info: 'Oordeel',
};

function ChecklistRegel({ item }: { item: ChecklistItem }) {
  const label =
    item.niveau === 'wenselijk' && item.status === 'open' ? 'Waarschuwing' : ITEM_STATUS[item.status];
  return (
    <li className={`wk-check wk-check--${item.status}`}>
      <span className="wk-check-status">{label}</span> <strong>{item.titel}</strong>
      <br />
      <span>{item.uitleg}</span>
    </li>
  );
}

/** The guideline checklist beside the form (also the htmx fragment that replaces itself). */
export function ChecklistBlok({ checklist, concept }: { checklist: Checklist; concept?: boolean }) {
  const groep = (niveau: ChecklistItem['niveau']) => checklist.items.filter((i) => i.niveau === niveau);
  return (
    <aside id="checklist" className="wk-checklist" aria-labelledby="checklist-kop" aria-live="polite">
      <h2 className="utrecht-heading-2" id="checklist-kop">
        Checklist van de richtlijn
      </h2>
      {concept ? <Paragraph>Met uw wijzigingen die nog niet zijn opgeslagen.</Paragraph> : null}
      <Paragraph>
        {checklist.magNaarToetsing
          ? 'Alles is in orde: het ontwerp kan naar toetsing.'
          : checklist.moetenVoldaan
            ? 'De MOET-punten zijn in orde. Vul de waarschuwingen aan of schrijf op waarom u afwijkt.'
            : 'Het ontwerp kan nog niet naar toetsing: niet alle MOET-punten zijn in orde.'}
      </Paragraph>
      <h3 className="utrecht-heading-3">Moet</h3>
      <ul className="wk-checks">
        {groep('moet').map((i) => (
          <ChecklistRegel key={i.id} item={i} />
        ))}
      </ul>
      <h3 className="utrecht-heading-3">Wenselijk</h3>
      <ul className="wk-checks">
        {groep('wenselijk').map((i) => (
          <ChecklistRegel key={i.id} item={i} />
        ))}
      </ul>
      {groep('situationeel').length > 0 ? (
        <>
          <h3 className="utrecht-heading-3">Situationeel</h3>
          <ul className="wk-checks">
            {groep('situationeel').map((i) => (
              <ChecklistRegel key={i.id} item={i} />
            ))}
          </ul>
        </>
      ) : null}
    </aside>
  );
}

// ---- The design page -------------------------------------------------------------------------------------------

/** The form's values as typed (strings), so a refused form shows exactly what the user entered. */
export interface OntwerpWaarden {
  versie: string;
  activiteitId: string;
  urenPerWeek: string;
  dagdelen: string[];
  startdatum: string;
  einddatum: string;
  evaluatiedata: string[];
  vervolg: string;
  vervolgToelichting: string;
  maatwerk: { leeftijd: string; opleiding: string; werkervaring: string; omstandigheden: string };
  wederkerigheid: { categorie: string; omschrijving: string };
  overtuigd: Record<'klantmanager' | 'klant' | 'organisatie', { oordeel: string; motivering: string }>;
  afwijkingen: Record<(typeof WENSELIJK_IDS)[number], string>;
}

export function waardenVan(t: Tegenprestatie): OntwerpWaarden {
  const v = (x: { oordeel: string | null; motivering: string | null }) => ({
    oordeel: x.oordeel ?? '',
    motivering: x.motivering ?? '',
  });
  return {
    versie: String(t.versie),
    activiteitId: t.activiteitId ?? '',
    urenPerWeek: t.urenPerWeek === null ? '' : String(t.urenPerWeek).replace('.', ','),
    dagdelen: t.dagdelen,
    startdatum: t.startdatum ?? '',
    einddatum: t.einddatum ?? '',
    evaluatiedata: t.evaluatiedata,
    vervolg: t.vervolg ?? '',
    vervolgToelichting: t.vervolgToelichting ?? '',
    maatwerk: {
      leeftijd: t.maatwerk.leeftijd ?? '',
      opleiding: t.maatwerk.opleiding ?? '',
      werkervaring: t.maatwerk.werkervaring ?? '',
      omstandigheden: t.maatwerk.omstandigheden ?? '',
    },
    wederkerigheid: {
      categorie: t.wederkerigheid.categorie ?? '',
      omschrijving: t.wederkerigheid.omschrijving ?? '',
    },
    overtuigd: {
      klantmanager: v(t.overtuigd.klantmanager),
      klant: v(t.overtuigd.klant),
      organisatie: v(t.overtuigd.organisatie),
    },
    afwijkingen: {
      gesprek: t.afwijkingen.gesprek ?? '',
      vervolg: t.afwijkingen.vervolg ?? '',
      evaluatie: t.afwijkingen.evaluatie ?? '',
    },
  };
}

const JA_NEE = [
  { value: 'ja', label: 'Ja, overtuigd' },
  { value: 'nee', label: 'Nee, niet overtuigd' },
];

function Verklaring({
  wie,
  legend,
  uitleg,
  waarden,
  fouten,
}: {
  wie: 'klantmanager' | 'klant' | 'organisatie';
  legend: string;
  uitleg: string;
  waarden: OntwerpWaarden;
  fouten: FieldErrors;
}) {
  return (
    <div className="wk-verklaring">
      <RadioGroup
        name={`overtuigd.${wie}.oordeel`}
        idPrefix={`overtuigd-${wie}-oordeel`}
        legend={legend}
        options={JA_NEE}
        value={waarden.overtuigd[wie].oordeel}
        error={fouten[`overtuigd.${wie}.oordeel`]}
      />
      <TextArea
        name={`overtuigd.${wie}.motivering`}
        id={`overtuigd-${wie}-motivering`}
        label={wie === 'klant' ? 'Zienswijze van de klant, in eigen woorden' : 'Motivering'}
        description={uitleg}
        rows={3}
        value={waarden.overtuigd[wie].motivering}
        error={fouten[`overtuigd.${wie}.motivering`]}
      />
    </div>
  );
}

export function OntwerpPagina({
  chrome,
  beeld,
  waarden,
  fouten,
  activiteiten,
  melding,
  isTeamleider,
  opleggingWaarden,
}: {
  chrome: Chrome;
  beeld: OntwerpBeeld;
  waarden: OntwerpWaarden;
  fouten: FieldErrors;
  activiteiten: ReadonlyArray<{ id: string; titel: string }>;
  melding?: Melding | undefined;
  isTeamleider: boolean;
  opleggingWaarden?: OpleggingWaarden | undefined;
}) {
  const { tegenprestatie: t, klant, activiteit, aanbod, checklist } = beeld;
  const bewerkbaar = t.status === 'verkenning' || t.status === 'ontwerp';
  const overgang = overgangWaarschuwing(t.startdatum, t.einddatum, klant.instrumentNaam);
  const zonderHost = activiteit !== null && activiteit.organisatie === null;
  const keuzes = [
    { value: '', label: '– Kies een activiteit –' },
    ...activiteiten.map((a) => ({ value: a.id, label: a.titel })),
  ];
  if (activiteit && !activiteiten.some((a) => a.id === activiteit.id))
    keuzes.push({
      value: activiteit.id,
      label: `${activiteit.titel}${activiteit.isMaatwerk ? ' (maatwerk)' : ''}`,
    });
  const veldIds = Object.fromEntries(Object.keys(fouten).map((k) => [k, veldId(k)]));
  return (
    <DossierFrame
      chrome={chrome}
      klant={klant}
      tab="tegenprestaties"
      titel={`${klant.naam} – ${klant.instrumentNaam} (${STATUS_NAMEN[t.status].toLowerCase()})`}
    >
      {overgang ? (
        <Alert type="warning" title="Loopt door na 31 december 2026">
          {overgang}
        </Alert>
      ) : null}
      <Paragraph>
        <Link href={paths.klantTegenprestaties(klant.id)}>Alle tegenprestaties van deze klant</Link>
        {['overeengekomen', 'lopend', 'afgerond', 'beeindigd'].includes(t.status) ? (
          <>
            {' · '}
            <Link href={`${paths.tegenprestatie(t.id)}/uitvoering`}>
              Uitvoering: volgende stappen, uren en evaluaties
            </Link>
            {' · '}
            <Link href={paths.tegenprestatieIncidenten(t.id)}>Incidenten</Link>
            {' · '}
            <Link href={paths.tegenprestatieMaatregelen(t.id)}>Maatregelen</Link>
          </>
        ) : null}
      </Paragraph>
      {bewerkbaar ? null : (
        <Paragraph>
          <Link href={paths.tegenprestatieToetsing(t.id)}>
            Toets aan de verordening, besluit en overeenkomst
          </Link>
        </Paragraph>
      )}
      {melding ? <Alert type="ok">{MELDINGEN[melding]}</Alert> : null}
      <ErrorSummary errors={fouten} fieldIds={veldIds} />
      <Gegevens
        items={[
          ['Status', <StatusLabel key="s" status={t.status} />],
          [
            'Activiteit',
            activiteit ? (
              <Link key="a" href={paths.activiteit(activiteit.id)}>
                {activiteit.titel}
              </Link>
            ) : (
              'Nog niet gekozen'
            ),
          ],
          [
            'Organisatie',
            activiteit ? (activiteit.organisatie?.naam ?? 'Geen: maatwerk zonder organisatie') : '–',
          ],
          [
            'Laatste gesprek',
            beeld.gesprek ? (
              <Link key="g" href={paths.klantGesprekken(klant.id)}>
                {formatDatumNl(beeld.gesprek.datum)}
              </Link>
            ) : (
              'Nog geen gesprek vastgelegd'
            ),
          ],
          ...(t.suggestie
            ? ([['Voorstel uit matching', t.suggestie.redenen.join('; ')]] as Array<[string, ReactNode]>)
            : []),
        ]}
      />
      <div className="wk-ontwerp">
        <div className="wk-ontwerp-formulier">
          {bewerkbaar ? (
            <form
              method="post"
              action={paths.tegenprestatie(t.id)}
              noValidate
              id="ontwerp"
              hx-post={paths.tegenprestatieChecklist(t.id)}
              hx-trigger="change delay:300ms, keyup changed delay:800ms"
              hx-target="#checklist"
              hx-swap="outerHTML"
            >
              <input type="hidden" name="_csrf" value={chrome.csrfToken} />
              <input type="hidden" name="versie" value={waarden.versie} />
              <h2 className="utrecht-heading-2">Ontwerp</h2>
              <SelectField
                name="activiteitId"
                label="Activiteit (uit het netwerk, of een maatwerkactiviteit)"
                options={keuzes}
                value={waarden.activiteitId}
                error={fouten.activiteitId}
              />
              <TextField
                name="urenPerWeek"
                label="Uren per week"
                inputMode="text"
                value={waarden.urenPerWeek}
                error={fouten.urenPerWeek}
                description={
                  klant.toepasselijkheidDetail.resterendeUren === null
                    ? undefined
                    : `De klant kan nu ${String(klant.toepasselijkheidDetail.resterendeUren).replace('.', ',')} uur per week (na werk).`
                }
              />
              <CheckboxGroup
                name="dagdelen"
                legend="Dagdelen"
                options={DAGDELEN.map((d) => ({ value: d, label: dagdeelNaam(d) }))}
                values={waarden.dagdelen}
                error={fouten.dagdelen}
              />
              <TextField
                name="startdatum"
                label="Startdatum"
                type="date"
                value={waarden.startdatum}
                error={fouten.startdatum}
              />
              <TextField
                name="einddatum"
                label="Einddatum"
                type="date"
                value={waarden.einddatum}
                error={fouten.einddatum}
              />
              {[0, 1, 2].map((i) => (
                <TextField
                  key={i}
                  name="evaluatiedata"
                  id={`evaluatiedata-${i}`}
                  label={`Evaluatiedatum ${i + 1}${i > 0 ? ' (niet verplicht)' : ''}`}
                  type="date"
                  value={waarden.evaluatiedata[i] ?? ''}
                  error={i === 0 ? fouten.evaluatiedata : undefined}
                />
              ))}
              <RadioGroup
                name="vervolg"
                legend="Wat komt er na de tegenprestatie?"
                options={VERVOLGEN.map((v) => ({ value: v, label: VERVOLG_NAMEN[v] }))}
                value={waarden.vervolg}
                error={fouten.vervolg}
              />
              <TextArea
                name="vervolgToelichting"
                label="Toelichting op het vervolg"
                rows={2}
                value={waarden.vervolgToelichting}
                error={fouten.vervolgToelichting}
              />
              <h3 className="utrecht-heading-3">Maatwerk: hoe heeft u rekening gehouden met…</h3>
              {(
                [
                  ['leeftijd', 'Leeftijd'],
                  ['opleiding', 'Opleiding'],
                  ['werkervaring', 'Werkervaring'],
                  ['omstandigheden', 'Omstandigheden'],
                ] as const
              ).map(([k, label]) => (
                <TextArea
                  key={k}
                  name={`maatwerk.${k}`}
                  id={`maatwerk-${k}`}
                  label={label}
                  rows={2}
                  value={waarden.maatwerk[k]}
                  error={fouten[`maatwerk.${k}`]}
                />
              ))}
              <h3 className="utrecht-heading-3">Wat geeft de organisatie terug?</h3>
              {zonderHost ? (
                <Paragraph>
                  Deze maatwerkactiviteit heeft geen organisatie: wederkerigheid van een organisatie geldt
                  niet.
                </Paragraph>
              ) : (
                <>
                  <SelectField
                    name="wederkerigheid.categorie"
                    id="wederkerigheid-categorie"
                    label="Uit het vaste aanbod van de organisatie"
                    options={[
                      {
                        value: '',
                        label: aanbod.length ? '– Kies –' : '– Kies eerst een activiteit met aanbod –',
                      },
                      ...aanbod.map((a) => ({
                        value: a.categorie,
                        label: `${WEDERKERIGHEID_NAMEN[a.categorie as keyof typeof WEDERKERIGHEID_NAMEN] ?? a.categorie}: ${a.omschrijving}`,
                      })),
                    ]}
                    value={waarden.wederkerigheid.categorie}
                    error={fouten['wederkerigheid.categorie']}
                  />
                  <TextArea
                    name="wederkerigheid.omschrijving"
                    id="wederkerigheid-omschrijving"
                    label="Concreet bij deze plaatsing"
                    rows={2}
                    value={waarden.wederkerigheid.omschrijving}
                    error={fouten['wederkerigheid.omschrijving']}
                  />
                </>
              )}
              <h3 className="utrecht-heading-3">Overtuigd van de meerwaarde?</h3>
              <Verklaring
                wie="klantmanager"
                legend="Klantmanager"
                uitleg="Waarom past deze tegenprestatie bij deze klant?"
                waarden={waarden}
                fouten={fouten}
              />
              <Verklaring
                wie="klant"
                legend="Klant"
                uitleg="Schrijf op wat de klant zelf zegt, in de woorden van de klant."
                waarden={waarden}
                fouten={fouten}
              />
              {zonderHost ? null : (
                <Verklaring
                  wie="organisatie"
                  legend="Organisatie"
                  uitleg="Wat zegt de organisatie over de meerwaarde?"
                  waarden={waarden}
                  fouten={fouten}
                />
              )}
              <h3 className="utrecht-heading-3">Afwijken van een wenselijk punt</h3>
              <Paragraph>Alleen nodig als de checklist een waarschuwing geeft.</Paragraph>
              {WENSELIJK_IDS.map((id) => (
                <TextArea
                  key={id}
                  name={`afwijkingen.${id}`}
                  id={`afwijkingen-${id}`}
                  label={`Reden om af te wijken: ${WENSELIJK_NAMEN[id].toLowerCase()}`}
                  rows={2}
                  value={waarden.afwijkingen[id]}
                  error={fouten[`afwijkingen.${id}`]}
                />
              ))}
              <Button>Ontwerp opslaan</Button>
            </form>
          ) : (
            <OntwerpSamenvatting beeld={beeld} />
          )}
        </div>
        <ChecklistBlok checklist={checklist} />
      </div>
      <StatusActies beeld={beeld} chrome={chrome} fouten={fouten} />
      <OpleggingBlok
        beeld={beeld}
        csrfToken={chrome.csrfToken}
        fouten={fouten}
        waarden={opleggingWaarden ?? {}}
        isTeamleider={isTeamleider}
      />
      <AdviesBlok beeld={beeld} chrome={chrome} fouten={fouten} isTeamleider={isTeamleider} />
      <Heading level={2}>Geschiedenis</Heading>
      <Table caption="Statuswijzigingen" head={['Van', 'Naar', 'Door', 'Wanneer', 'Reden']}>
        {beeld.overgangen.map((o) => (
          <Row key={`${o.op}-${o.naar}`}>
            <Cell>{o.van ? HISTORIE_NAMEN[o.van] : '–'}</Cell>
            <Cell>{HISTORIE_NAMEN[o.naar]}</Cell>
            <Cell>{o.doorNaam}</Cell>
            <Cell>{new Date(o.op).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })}</Cell>
            <Cell>{o.reden ?? '–'}</Cell>
          </Row>
        ))}
      </Table>
    </DossierFrame>
  );
}

function OntwerpSamenvatting({ beeld }: { beeld: OntwerpBeeld }) {
  const t = beeld.tegenprestatie;
  return (
    <div>
      <h2 className="utrecht-heading-2">Ontwerp</h2>
      <Paragraph>
        In deze status ligt het ontwerp vast. Wilt u iets wijzigen, zet de tegenprestatie dan terug naar
        ontwerp.
      </Paragraph>
      <Gegevens
        items={[
          ['Uren', uren(t.urenPerWeek)],
          ['Dagdelen', t.dagdelen.map((d) => dagdeelNaam(d as (typeof DAGDELEN)[number])).join(', ')],
          ['Start', datum(t.startdatum)],
          ['Einde', datum(t.einddatum)],
          ['Evaluatie', t.evaluatiedata.map((d) => formatDatumNl(d)).join(', ')],
          ['Vervolg', t.vervolg ? VERVOLG_NAMEN[t.vervolg] : '–'],
          ['Wederkerigheid', t.wederkerigheid.omschrijving ?? '–'],
          ['Zienswijze klant', t.overtuigd.klant.motivering ?? '–'],
          ...(t.geenMedewerkingOnderbouwing
            ? ([['Eerder vastgelegd als "geen medewerking"', t.geenMedewerkingOnderbouwing]] as Array<
                [string, ReactNode]
              >)
            : []),
        ]}
      />
    </div>
  );
}

/**
 * Why this page offers no status move, and where the next step is: never a bare "geen vervolgstappen". The
 * placement page (uitvoering) lists the steps after the agreement.
 */
function GeenActiesHier({ status, id }: { status: Status; id: string }) {
  const uitvoering = `${paths.tegenprestatie(id)}/uitvoering`;
  switch (status) {
    case 'toetsing':
      return (
        <Paragraph>
          De volgende stap is de toetsing aan de verordening, het besluit en de overeenkomst.{' '}
          <Link href={paths.tegenprestatieToetsing(id)}>Naar de toetsing</Link>
        </Paragraph>
      );
    case 'overeengekomen':
    case 'lopend':
      return (
        <Paragraph>
          De volgende stappen (starten, terugzetten, beëindigen, uren en evaluaties) staan op de pagina
          Uitvoering. <Link href={uitvoering}>Naar de uitvoering</Link>
        </Paragraph>
      );
    case 'afgerond':
    case 'beeindigd':
      return (
        <Paragraph>
          De tegenprestatie is afgelopen: er volgen geen stappen meer. Een nieuwe tegenprestatie begint u
          vanuit het dossier van de klant. <Link href={uitvoering}>De uren en evaluaties</Link>
        </Paragraph>
      );
    case 'opleggen':
      return (
        <Paragraph>
          Er ligt een voornemen tot opleggen: leg hieronder de zienswijze van de klant vast; de teamleider
          beoordeelt het voornemen.
        </Paragraph>
      );
    default:
      return <Paragraph>Er is nu geen statuswijziging mogelijk: vul eerst het ontwerp aan.</Paragraph>;
  }
}

function StatusActies({
  beeld,
  chrome,
  fouten,
}: {
  beeld: OntwerpBeeld;
  chrome: Chrome;
  fouten: FieldErrors;
}) {
  const t = beeld.tegenprestatie;
  if (beeld.acties.length === 0)
    return (
      <section aria-labelledby="status-kop">
        <Heading level={2} id="status-kop">
          Status
        </Heading>
        <GeenActiesHier status={t.status} id={t.id} />
      </section>
    );
  return (
    <section aria-labelledby="status-kop">
      <Heading level={2} id="status-kop">
        Status wijzigen
      </Heading>
      {beeld.acties.map((a) => (
        <div key={a.naar} className="wk-statusactie">
          <Form action={paths.tegenprestatieStatus(t.id)} csrfToken={chrome.csrfToken}>
            <input type="hidden" name="naar" value={a.naar} />
            <input type="hidden" name="versie" value={String(t.versie)} />
            {a.redenVerplicht ? (
              <TextArea
                name="reden"
                id={`reden-${a.naar}`}
                label={`Reden: ${a.actie.toLowerCase()}`}
                rows={3}
                error={fouten[`reden-${a.naar}`]}
              />
            ) : null}
            {a.kan ? null : <Paragraph>Kan nog niet: zie de checklist.</Paragraph>}
            <Button appearance={a.naar === 'toetsing' ? 'primary' : 'secondary'}>{a.actie}</Button>
          </Form>
        </div>
      ))}
    </section>
  );
}

function AdviesBlok({
  beeld,
  chrome,
  fouten,
  isTeamleider,
}: {
  beeld: OntwerpBeeld;
  chrome: Chrome;
  fouten: FieldErrors;
  isTeamleider: boolean;
}) {
  const t = beeld.tegenprestatie;
  const a = t.advies;
  const bewerkbaar = t.status === 'verkenning' || t.status === 'ontwerp';
  return (
    <section aria-labelledby="advies-kop">
      <Heading level={2} id="advies-kop">
        Advies van de teamleider
      </Heading>
      {a.vraag ? (
        <Gegevens
          items={[
            ['Vraag', `${a.vraag} (${a.gevraagdDoorNaam ?? ''})`],
            ['Advies', a.advies ? `${a.advies} (${a.doorNaam ?? ''})` : 'Nog niet gegeven'],
          ]}
        />
      ) : (
        <Paragraph>Is de klant niet overtuigd, of twijfelt u? Vraag de teamleider om advies.</Paragraph>
      )}
      {bewerkbaar ? (
        <Form action={paths.tegenprestatieAdviesVragen(t.id)} csrfToken={chrome.csrfToken}>
          <TextArea
            name="vraag"
            id="advies-vraag"
            label="Uw vraag aan de teamleider"
            rows={3}
            error={fouten.vraag}
          />
          <Button appearance="secondary">Advies vragen</Button>
        </Form>
      ) : null}
      {isTeamleider && a.vraag ? (
        <Form action={paths.tegenprestatieAdvies(t.id)} csrfToken={chrome.csrfToken}>
          <TextArea name="advies" id="advies-tekst" label="Uw advies" rows={3} error={fouten.advies} />
          <Button appearance="secondary">Advies vastleggen</Button>
        </Form>
      ) : null}
    </section>
  );
}

// ---- The team lead's list --------------------------------------------------------------------------------------

export interface TeamleiderRij {
  tegenprestatie: Tegenprestatie;
  klantNaam: string;
}

export function TeamleiderPagina({
  chrome,
  adviesGevraagd,
  opleggen,
}: {
  chrome: Chrome;
  adviesGevraagd: TeamleiderRij[];
  opleggen: TeamleiderRij[];
}) {
  const tabel = (
    caption: string,
    rijen: TeamleiderRij[],
    extra: (t: Tegenprestatie) => string,
    kop: string,
  ) =>
    rijen.length === 0 ? (
      <Paragraph>Geen.</Paragraph>
    ) : (
      <Table caption={caption} head={['Klant', 'Status', kop, 'Gewijzigd']}>
        {rijen.map((r) => (
          <Row key={r.tegenprestatie.id}>
            <Cell>
              <Link href={paths.tegenprestatie(r.tegenprestatie.id)}>{r.klantNaam}</Link>
            </Cell>
            <Cell>
              <StatusLabel status={r.tegenprestatie.status} />
            </Cell>
            <Cell>{extra(r.tegenprestatie)}</Cell>
            <Cell>{formatDatumNl(r.tegenprestatie.gewijzigdOp.slice(0, 10))}</Cell>
          </Row>
        ))}
      </Table>
    );
  return (
    <Layout
      title="Tegenprestaties: advies en voornemens tot opleggen"
      nav={chrome.nav}
      account={chrome.account}
    >
      <Heading level={1}>Tegenprestaties: advies en voornemens tot opleggen</Heading>
      <Heading level={2}>Advies gevraagd</Heading>
      {tabel('Ontwerpen waarover advies is gevraagd', adviesGevraagd, (t) => t.advies.vraag ?? '', 'Vraag')}
      <Heading level={2}>Voornemens tot opleggen</Heading>
      <Paragraph>
        De klant wil het ontwerp niet; de klantmanager wil het opleggen. Na de zienswijze van de klant
        beoordeelt u het voornemen als tweede persoon. Een hoog aantal kan wijzen op ontwerpen die niet goed
        op maat zijn.
      </Paragraph>
      {tabel(
        'Voornemens tot opleggen',
        opleggen,
        (t) => t.overtuigd.klant.motivering ?? '',
        'Mening van de klant',
      )}
      <ButtonLink href={paths.klanten()}>Naar klanten</ButtonLink>
    </Layout>
  );
}

// ---- A klantmanager's own tegenprestaties ----------------------------------------------------------------------

/** The list's URL for a status filter and page (GET; works without JavaScript). */
export const mijnHref = (status: Status | undefined, pagina = 1): string => {
  const q = new URLSearchParams();
  if (status) q.set('status', status);
  if (pagina > 1) q.set('pagina', String(pagina));
  const s = q.toString();
  return s ? `${paths.tegenprestaties()}?${s}` : paths.tegenprestaties();
};

/** A klantmanager's own tegenprestaties: client, status, period, newest change first; a status filter (GET). */
export function MijnTegenprestatiesPagina({
  chrome,
  items,
  totaal,
  pagina,
  aantalPaginas,
  klantNamen,
  status,
}: {
  chrome: Chrome;
  items: Tegenprestatie[];
  totaal: number;
  pagina: number;
  aantalPaginas: number;
  klantNamen: ReadonlyMap<string, string>;
  status: Status | undefined;
}) {
  const periode = (t: Tegenprestatie) =>
    t.startdatum ? `${formatDatumNl(t.startdatum)} – ${t.einddatum ? formatDatumNl(t.einddatum) : '…'}` : '–';
  return (
    <Layout title="Mijn tegenprestaties" nav={chrome.nav} account={chrome.account}>
      <Heading level={1}>Mijn tegenprestaties</Heading>
      <Paragraph>
        De tegenprestaties waarvan u de klantmanager bent, de laatst gewijzigde eerst. Een nieuwe
        tegenprestatie begint u in het dossier van de klant.
      </Paragraph>
      <form
        method="get"
        action={paths.tegenprestaties()}
        className="wk-filters"
        aria-label="Filteren op status"
      >
        <SelectField
          name="status"
          label="Status"
          value={status ?? ''}
          options={[
            { value: '', label: 'Alle statussen' },
            ...STATUSSEN.map((s) => ({ value: s, label: STATUS_NAMEN[s] })),
          ]}
        />
        <div className="wk-form-actions">
          <Button>Toon</Button>
        </div>
      </form>
      <Heading level={2}>{`${totaal} ${totaal === 1 ? 'tegenprestatie' : 'tegenprestaties'}`}</Heading>
      {items.length === 0 ? (
        <Paragraph>Geen tegenprestaties met deze keuze.</Paragraph>
      ) : (
        <Table caption="Mijn tegenprestaties" head={['Klant', 'Status', 'Periode', 'Gewijzigd']}>
          {items.map((t) => (
            <Row key={t.id}>
              <Cell>
                <Link href={paths.tegenprestatie(t.id)}>
                  {klantNamen.get(t.klantId) ?? 'Klant (niet in uw team)'}
                </Link>
              </Cell>
              <Cell>
                <StatusLabel status={t.status} />
              </Cell>
              <Cell>{periode(t)}</Cell>
              <Cell>{formatDatumNl(t.gewijzigdOp.slice(0, 10))}</Cell>
            </Row>
          ))}
        </Table>
      )}
      <Paginering
        pagina={pagina}
        aantalPaginas={aantalPaginas}
        href={(p) => mijnHref(status, p)}
        label="Pagina's van mijn tegenprestaties"
      />
    </Layout>
  );
}
