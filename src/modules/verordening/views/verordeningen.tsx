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
import type { Gemeente } from '../../gemeenten/index.ts';
import { formatDatumNl, type LokaleGrond } from '../../klanten/index.ts';
import { STATUS_NAMEN, type Status } from '../../tegenprestaties/index.ts';
import {
  ARTIKEL_REGEL_NAMEN,
  ARTIKEL_REGELS,
  type ArtikelRegel,
  VORM_NAMEN,
  VORMEN,
  WEERGAVENAAM_TEKST,
  WEERGAVENAMEN,
} from '../regels.ts';
import type { VersieWaarden } from '../verordening.formulier.ts';
import type { VerordeningVersie } from '../verordening.schemas.ts';
import type {
  OvergangOverzicht,
  Overgangsregel,
  RechtsgrondRegel,
  VerordeningOverzicht,
  VoorbeeldRegel,
} from '../verordening.service.ts';
import { dagdeelNaam } from '../../klanten/index.ts';
import { REGEL_NAMEN, type Dagdeel } from '../regels.ts';

/** What every page gets from `pageChrome`. */
export interface Chrome {
  account: LayoutProps['account'];
  nav: NonNullable<LayoutProps['nav']>;
  csrfToken: string;
}

export const MELDINGEN = {
  'versie-opgeslagen':
    'De nieuwe versie is vastgelegd. Een versie verandert niet meer; maak voor een wijziging een nieuwe versie.',
  'rechtsgrond-opgeslagen': 'De rechtsgrond is opgeslagen.',
} as const;
export type Melding = keyof typeof MELDINGEN;
export const isMelding = (v: unknown): v is Melding => typeof v === 'string' && Object.hasOwn(MELDINGEN, v);

function Pagina({
  title,
  chrome,
  melding,
  children,
}: {
  title: string;
  chrome: Chrome;
  melding?: Melding | undefined;
  children: ReactNode;
}) {
  return (
    <Layout title={title} nav={chrome.nav} account={chrome.account}>
      {melding ? <Alert type="ok">{MELDINGEN[melding]}</Alert> : null}
      {children}
    </Layout>
  );
}

const uren = (v: number | null): string => (v === null ? '' : `${String(v).replace('.', ',')} uur`);
const maanden = (v: number | null): string => (v === null ? '' : `${v} ${v === 1 ? 'maand' : 'maanden'}`);

/** "4 tot 8 uur", "hoogstens 20 uur", "geen grens". */
export function urenTekst(v: Pick<VerordeningVersie, 'minUrenPerWeek' | 'maxUrenPerWeek'>): string {
  const { minUrenPerWeek: min, maxUrenPerWeek: max } = v;
  if (min !== null && max !== null) return `${String(min).replace('.', ',')} tot ${uren(max)} per week`;
  if (max !== null) return `hoogstens ${uren(max)} per week`;
  if (min !== null) return `minstens ${uren(min)} per week`;
  return 'geen grens';
}

const vormKort = (v: VerordeningVersie) => (v.vorm === 'opleggen' ? 'Opleggen' : 'Alleen aanbieden');

export function VerordeningenPagina({
  chrome,
  overzicht,
  datum,
  melding,
}: {
  chrome: Chrome;
  overzicht: VerordeningOverzicht[];
  datum: string;
  melding?: Melding | undefined;
}) {
  return (
    <Pagina title="Verordeningen tegenprestatie" chrome={chrome} melding={melding}>
      <Heading level={1}>Verordeningen tegenprestatie</Heading>
      <Paragraph>
        Per gemeente de versies van de verordening, elk met een ingangsdatum. Een versie verandert niet meer:
        wilt u iets wijzigen, leg dan een nieuwe versie vast. Een ontwerp wordt getoetst aan de versie die
        geldt op de startdatum.
      </Paragraph>
      <Table
        caption={`Geldend op ${formatDatumNl(datum)} (kies een gemeente voor alle versies)`}
        head={['Gemeente', 'Geldende versie', 'Naam', 'Opleggen of aanbieden', 'Volgende versie']}
      >
        {overzicht.map((o) => (
          <Row key={o.gemeente.id}>
            <Cell>
              <Link href={paths.verordening(o.gemeente.id)}>{o.gemeente.naam}</Link>
            </Cell>
            <Cell>
              {o.geldend
                ? `${o.geldend.titel} (vanaf ${formatDatumNl(o.geldend.ingangsdatum)})`
                : 'Nog geen versie'}
            </Cell>
            <Cell>{o.naam}</Cell>
            <Cell>{o.geldend ? vormKort(o.geldend) : '–'}</Cell>
            <Cell>{o.volgende ? `vanaf ${formatDatumNl(o.volgende.ingangsdatum)}` : '–'}</Cell>
          </Row>
        ))}
      </Table>
      <Heading level={2}>Rechtsgrond</Heading>
      <Paragraph>
        De wettelijke grondslag staat los van de naam. Tot en met 2026 is dat art. 9 lid 1 onder c
        Participatiewet. Vanaf 1 januari 2027 geldt de Participatiewet in balans: leg dat artikel en de korte
        tekst vast zodra de gemeente de wettekst heeft gecontroleerd. Zolang dat niet is gebeurd, weigert
        Wederkerig een besluit dat een verplichting oplegt voor een periode na 31 december 2026.
      </Paragraph>
      <ButtonLink href={paths.verordeningRechtsgrond()}>Rechtsgrond per datum bekijken</ButtonLink>
      <Heading level={2}>Overgang naar 2027</Heading>
      <Paragraph>
        Tegenprestaties die op 1 januari 2027 nog lopen, komen op de overgangslijst. De teamleider ziet daar
        welke het zijn.
      </Paragraph>
      <ButtonLink href={paths.verordeningOvergang()}>Overgangslijst bekijken</ButtonLink>
    </Pagina>
  );
}

function status(v: VerordeningVersie, geldend: VerordeningVersie | undefined, vandaag: string): string {
  if (geldend?.id === v.id) return 'Geldt nu';
  return v.ingangsdatum > vandaag ? 'Gaat nog in' : 'Vervallen';
}

export function GemeenteVersiesPagina({
  chrome,
  gemeente,
  versies,
  geldend,
  vandaag,
  magBeheren,
}: {
  chrome: Chrome;
  gemeente: Gemeente;
  versies: VerordeningVersie[];
  geldend: VerordeningVersie | undefined;
  vandaag: string;
  magBeheren: boolean;
}) {
  return (
    <Pagina title={`Verordening ${gemeente.naam}`} chrome={chrome}>
      <Paragraph>
        <Link href={paths.verordeningen()}>Terug naar verordeningen</Link>
      </Paragraph>
      <Heading level={1}>Verordening {gemeente.naam}</Heading>
      {magBeheren ? (
        <ButtonLink href={paths.verordeningVersieNieuw(gemeente.id)}>Nieuwe versie</ButtonLink>
      ) : null}
      {versies.length === 0 ? (
        <Paragraph>Deze gemeente heeft nog geen versie van de verordening.</Paragraph>
      ) : (
        <Table
          caption={`Versies van de verordening van ${gemeente.naam}, oudste eerst`}
          head={['Ingangsdatum', 'Titel', 'Naam', 'Opleggen of aanbieden', 'Uren', 'Duur', 'Stand']}
        >
          {versies.map((v) => (
            <Row key={v.id}>
              <Cell>
                <Link href={paths.verordeningVersie(gemeente.id, v.id)}>{formatDatumNl(v.ingangsdatum)}</Link>
              </Cell>
              <Cell>{v.titel}</Cell>
              <Cell>{WEERGAVENAAM_TEKST[v.weergavenaam]}</Cell>
              <Cell>{vormKort(v)}</Cell>
              <Cell>{urenTekst(v)}</Cell>
              <Cell>
                {v.maxDuurMaanden === null ? 'geen grens' : `hoogstens ${maanden(v.maxDuurMaanden)}`}
              </Cell>
              <Cell>{status(v, geldend, vandaag)}</Cell>
            </Row>
          ))}
        </Table>
      )}
    </Pagina>
  );
}

export function VersiePagina({
  chrome,
  gemeente,
  versie,
  gronden,
  melding,
}: {
  chrome: Chrome;
  gemeente: Gemeente;
  versie: VerordeningVersie;
  gronden: LokaleGrond[];
  melding?: Melding | undefined;
}) {
  const grondNamen = versie.lokaleGrondIds.map(
    (id) => gronden.find((g) => g.id === id)?.naam ?? 'onbekende grond',
  );
  const artikel = (r: ArtikelRegel) => versie.artikelen[r] || 'niet ingevuld';
  return (
    <Pagina
      title={`${versie.titel}, vanaf ${formatDatumNl(versie.ingangsdatum)}`}
      chrome={chrome}
      melding={melding}
    >
      <Paragraph>
        <Link href={paths.verordening(gemeente.id)}>Terug naar de versies van {gemeente.naam}</Link>
      </Paragraph>
      <Heading level={1}>
        {versie.titel}, vanaf {formatDatumNl(versie.ingangsdatum)}
      </Heading>
      <Gegevens
        items={[
          ['Gemeente', gemeente.naam],
          ['Ingangsdatum', formatDatumNl(versie.ingangsdatum)],
          ['Naam van het instrument', WEERGAVENAAM_TEKST[versie.weergavenaam]],
          ['Opleggen of aanbieden', `${VORM_NAMEN[versie.vorm]} (${artikel('vorm')})`],
          ['Uren per week', `${urenTekst(versie)} (${artikel('uren')})`],
          [
            'Maximale duur',
            `${versie.maxDuurMaanden === null ? 'geen grens' : maanden(versie.maxDuurMaanden)} (${artikel('duur')})`,
          ],
          [
            'Verlenging',
            `${
              versie.verlengingToegestaan
                ? versie.maxVerlengingMaanden === null
                  ? 'mag, zonder grens'
                  : `mag, hoogstens ${maanden(versie.maxVerlengingMaanden)}`
                : 'mag niet'
            } (${artikel('verlenging')})`,
          ],
          [
            'Lokale ontheffingsgronden',
            `${grondNamen.length > 0 ? grondNamen.join(', ') : 'geen'} (${artikel('ontheffingen')})`,
          ],
          [
            'Schriftelijke overeenkomst',
            `${versie.schriftelijkeOvereenkomstVerplicht ? 'verplicht' : 'niet verplicht'} (${artikel('overeenkomst')})`,
          ],
          [
            'Gevolg als een opgelegde verplichting niet wordt nagekomen',
            versie.artikelMaatregel
              ? `art. 18 lid 2 Participatiewet en ${versie.artikelMaatregel}`
              : 'art. 18 lid 2 Participatiewet; het artikel van de afstemmingsverordening is niet vastgelegd',
          ],
          [
            'Dagen tussen verzending van het besluit en de start',
            `minstens ${versie.minDagenVerzendingStart} (minder geeft een waarschuwing)`,
          ],
          ['Toelichting', versie.toelichting],
          ['Vastgelegd op', formatDatumNl(versie.aangemaaktOp.slice(0, 10))],
        ]}
      />
      <Heading level={2}>Welke lopende tegenprestaties raakt deze versie?</Heading>
      <Paragraph>
        Tegenprestaties die op {formatDatumNl(versie.ingangsdatum)} al lopen, houden de versie waaraan ze
        getoetst zijn. Nieuwe toetsingen vanaf die datum gebruiken deze versie. De teamleider ziet op de
        overgangslijst welke tegenprestaties op die dag lopen.
      </Paragraph>
      <ButtonLink href={paths.verordeningOvergang(versie.ingangsdatum)}>
        Overgangslijst op {formatDatumNl(versie.ingangsdatum)}
      </ButtonLink>
    </Pagina>
  );
}

export function VersieFormulier({
  chrome,
  gemeente,
  waarden,
  gronden,
  fouten = {},
}: {
  chrome: Chrome;
  gemeente: Gemeente;
  waarden: VersieWaarden;
  gronden: LokaleGrond[];
  fouten?: FieldErrors;
}) {
  const titel = `Nieuwe versie van de verordening van ${gemeente.naam}`;
  const heeftFouten = Object.values(fouten).some(Boolean);
  const artikelVeld = (r: ArtikelRegel) =>
    `artikel${r[0]?.toUpperCase()}${r.slice(1)}` as keyof VersieWaarden & `artikel${string}`;
  return (
    <Pagina title={heeftFouten ? `Fout: ${titel}` : titel} chrome={chrome}>
      <Paragraph>
        <Link href={paths.verordening(gemeente.id)}>Terug naar de versies van {gemeente.naam}</Link>
      </Paragraph>
      <Heading level={1}>{titel}</Heading>
      <Paragraph>
        Een versie verandert niet meer nadat u haar hebt vastgelegd. Lopende tegenprestaties houden de versie
        waaraan ze getoetst zijn. De velden zijn ingevuld met de versie die nu geldt.
      </Paragraph>
      <ErrorSummary errors={fouten} />
      <Form action={paths.verordeningVersies(gemeente.id)} csrfToken={chrome.csrfToken}>
        <TextField
          name="ingangsdatum"
          label="Ingangsdatum"
          type="date"
          description="Vanaf deze dag geldt de versie, tot de volgende versie ingaat."
          value={waarden.ingangsdatum}
          error={fouten.ingangsdatum}
          required
        />
        <TextField
          name="titel"
          label="Titel van de verordening"
          description="Bijvoorbeeld: Verordening tegenprestatie Aardam 2026."
          value={waarden.titel}
          error={fouten.titel}
          autoComplete="off"
          required
        />
        <RadioGroup
          name="weergavenaam"
          legend="Naam van het instrument"
          description="De naam op brieven en overeenkomsten. De rechtsgrond staat hier los van."
          options={WEERGAVENAMEN.map((w) => ({ value: w, label: WEERGAVENAAM_TEKST[w] }))}
          value={waarden.weergavenaam}
          error={fouten.weergavenaam}
        />
        <RadioGroup
          name="vorm"
          legend="Opleggen of alleen aanbieden"
          options={VORMEN.map((v) => ({ value: v, label: VORM_NAMEN[v] }))}
          value={waarden.vorm}
          error={fouten.vorm}
        />
        <TextField
          name="minUrenPerWeek"
          label="Minimum aantal uren per week (mag leeg)"
          inputMode="text"
          value={waarden.minUrenPerWeek}
          error={fouten.minUrenPerWeek}
          autoComplete="off"
        />
        <TextField
          name="maxUrenPerWeek"
          label="Maximum aantal uren per week (mag leeg)"
          inputMode="text"
          value={waarden.maxUrenPerWeek}
          error={fouten.maxUrenPerWeek}
          autoComplete="off"
        />
        <TextField
          name="maxDuurMaanden"
          label="Maximale duur in maanden (mag leeg)"
          inputMode="numeric"
          value={waarden.maxDuurMaanden}
          error={fouten.maxDuurMaanden}
          autoComplete="off"
        />
        <RadioGroup
          name="verlengingToegestaan"
          legend="Mag de tegenprestatie worden verlengd?"
          options={[
            { value: 'ja', label: 'Ja' },
            { value: 'nee', label: 'Nee' },
          ]}
          value={waarden.verlengingToegestaan}
          error={fouten.verlengingToegestaan}
        />
        <TextField
          name="maxVerlengingMaanden"
          label="Maximale verlenging in maanden (alleen als verlengen mag; mag leeg)"
          inputMode="numeric"
          value={waarden.maxVerlengingMaanden}
          error={fouten.maxVerlengingMaanden}
          autoComplete="off"
        />
        {gronden.length > 0 ? (
          <CheckboxGroup
            name="lokaleGrondIds"
            legend="Lokale ontheffingsgronden die onder deze versie gelden"
            options={gronden.map((g) => ({
              value: g.id,
              label: g.isActief ? g.naam : `${g.naam} (niet meer actief)`,
            }))}
            values={waarden.lokaleGrondIds}
            error={fouten.lokaleGrondIds}
          />
        ) : (
          <Paragraph>Deze gemeente heeft geen lokale ontheffingsgronden.</Paragraph>
        )}
        <RadioGroup
          name="schriftelijkeOvereenkomstVerplicht"
          legend="Is een schriftelijke overeenkomst verplicht?"
          options={[
            { value: 'ja', label: 'Ja' },
            { value: 'nee', label: 'Nee' },
          ]}
          value={waarden.schriftelijkeOvereenkomstVerplicht}
          error={fouten.schriftelijkeOvereenkomstVerplicht}
        />
        <Heading level={2}>Artikelen</Heading>
        <Paragraph>
          Per regel het artikel van de verordening, bijvoorbeeld "art. 4 lid 1". Mag leeg.
        </Paragraph>
        {ARTIKEL_REGELS.map((r) => (
          <TextField
            key={r}
            name={artikelVeld(r)}
            label={`Artikel: ${ARTIKEL_REGEL_NAMEN[r].toLowerCase()}`}
            value={waarden[artikelVeld(r)]}
            error={fouten[artikelVeld(r)]}
            autoComplete="off"
          />
        ))}
        <Heading level={2}>Besluit</Heading>
        <TextField
          name="artikelMaatregel"
          label="Artikel van de afstemmingsverordening (mag leeg)"
          description='Het artikel dat de bijstand verlaagt als iemand een opgelegde verplichting niet nakomt. Het besluit noemt het samen met art. 18 lid 2 Participatiewet. Bijvoorbeeld "art. 9 lid 1 onder b Afstemmingsverordening Participatiewet Aardam 2015".'
          value={waarden.artikelMaatregel}
          error={fouten.artikelMaatregel}
          autoComplete="off"
        />
        <TextField
          name="minDagenVerzendingStart"
          label="Minimaal aantal dagen tussen verzending van het besluit en de start"
          description="Minder dagen geeft een waarschuwing. Een start vóór de verzenddatum kan nooit."
          inputMode="numeric"
          value={waarden.minDagenVerzendingStart}
          error={fouten.minDagenVerzendingStart}
          autoComplete="off"
        />
        <TextArea
          name="toelichting"
          label="Toelichting (mag leeg)"
          description="Wat verandert er ten opzichte van de vorige versie, en waarom?"
          value={waarden.toelichting}
          error={fouten.toelichting}
        />
        <div className="wk-form-actions">
          <Button>Versie vastleggen</Button>
        </div>
      </Form>
    </Pagina>
  );
}

export interface RechtsgrondWaarden {
  vanaf: string;
  artikel: string;
  omschrijving: string;
}

export function RechtsgrondPagina({
  chrome,
  perioden,
  waarden,
  fouten = {},
  magBeheren,
  melding,
}: {
  chrome: Chrome;
  perioden: RechtsgrondRegel[];
  waarden: RechtsgrondWaarden;
  fouten?: FieldErrors;
  magBeheren: boolean;
  melding?: Melding | undefined;
}) {
  const titel = 'Rechtsgrond per datum';
  const heeftFouten = Object.values(fouten).some(Boolean);
  return (
    <Pagina title={heeftFouten ? `Fout: ${titel}` : titel} chrome={chrome} melding={melding}>
      <Paragraph>
        <Link href={paths.verordeningen()}>Terug naar verordeningen</Link>
      </Paragraph>
      <Heading level={1}>{titel}</Heading>
      <Paragraph>
        De wettelijke grondslag van het instrument per regime, los van de naam die de gemeente gebruikt. Een
        besluit noemt voor elk deel van zijn periode de grondslag van dat regime. Een besluit dat een
        verplichting oplegt voor een periode zonder vastgelegde grondslag wordt geweigerd; bij een vrijwillige
        overeenkomst en bij de toets ziet de klantmanager een waarschuwing.
      </Paragraph>
      <Table caption="Rechtsgrond per regime" head={['Vanaf', 'Wetsartikel', 'Korte tekst']}>
        {perioden.map((p) => (
          <Row key={p.vanaf}>
            <Cell>{formatDatumNl(p.vanaf)}</Cell>
            <Cell>{p.tekst}</Cell>
            <Cell>{p.omschrijving ?? '–'}</Cell>
          </Row>
        ))}
      </Table>
      {magBeheren ? (
        <>
          <Heading level={2}>Rechtsgrond invullen</Heading>
          <ErrorSummary errors={fouten} />
          <Form action={paths.verordeningRechtsgrond()} csrfToken={chrome.csrfToken}>
            <TextField
              name="vanaf"
              label="Vanaf"
              type="date"
              description="Kies een bestaande datum om die te wijzigen, bijvoorbeeld 2027-01-01."
              value={waarden.vanaf}
              error={fouten.vanaf}
              required
            />
            <TextField
              name="artikel"
              label="Wetsartikel"
              description='Citeertitel en artikel, bijvoorbeeld "art. 9 lid 1 onder c Participatiewet". Vul het pas in als de gemeente de wettekst heeft gecontroleerd. Leeg: geen grondslag vastgelegd.'
              value={waarden.artikel}
              error={fouten.artikel}
              autoComplete="off"
            />
            <TextArea
              name="omschrijving"
              label="Korte tekst van de grondslag"
              description="Wat het artikel zegt, in een of twee zinnen. Het besluit drukt deze tekst af."
              value={waarden.omschrijving}
              error={fouten.omschrijving}
            />
            <div className="wk-form-actions">
              <Button>Opslaan</Button>
            </div>
          </Form>
        </>
      ) : null}
    </Pagina>
  );
}

const periode = (start: string | null, eind: string | null): string =>
  `${start ? formatDatumNl(start) : '?'} tot en met ${eind ? formatDatumNl(eind) : 'open einde'}`;

const versieKort = (v: VerordeningVersie | null): string =>
  v ? `${v.titel} (vanaf ${formatDatumNl(v.ingangsdatum)})` : 'geen versie';

const urenKort = (u: number | null | undefined): string =>
  u === null || u === undefined ? '–' : `${String(u).replace('.', ',')} uur`;
const dagdelenKort = (d: readonly string[] | undefined): string =>
  d?.length ? d.map((x) => dagdeelNaam(x as Dagdeel)).join(', ') : '–';

const UITKOMST_KORT = { voldoet: 'voldoet', 'voldoet-niet': 'voldoet niet', 'niet-van-toepassing': 'n.v.t.' };

/** What the preview form of the transition list shows and sends. */
export interface VoorbeeldBeeld {
  gemeenten: Gemeente[];
  gemeenteId: string;
  waarden: VersieWaarden;
  fouten: FieldErrors;
  /** null: not asked yet (or the input was refused). */
  regels: VoorbeeldRegel[] | null;
}

/** Fields the version form carries that the preview does not ask for: sent along unchanged. */
const VERBORGEN: Array<keyof VersieWaarden> = [
  'titel',
  'weergavenaam',
  'schriftelijkeOvereenkomstVerplicht',
  'artikelVorm',
  'artikelUren',
  'artikelDuur',
  'artikelVerlenging',
  'artikelOntheffingen',
  'artikelOvereenkomst',
  'minDagenVerzendingStart',
  'artikelMaatregel',
];

/**
 * The preview of a new version on the transition list (teamleider): the rules of a version as typed, applied to the
 * running and agreed placements BEFORE anyone saves it. A GET form: nothing is stored.
 */
function Voorbeeld({ v, peildatum }: { v: VoorbeeldBeeld; peildatum: string }) {
  const w = v.waarden;
  return (
    <section aria-labelledby="voorbeeld-kop">
      <Heading level={2} id="voorbeeld-kop">
        Voorbeeld van een nieuwe versie
      </Heading>
      <Paragraph>
        Wat zou een nieuwe versie van de verordening betekenen voor de plaatsingen die nu lopen of zijn
        afgesproken? Vul de regels in zoals ze in de nieuwe versie komen. Er wordt niets opgeslagen: de
        functioneel beheerder legt de versie daarna vast.
      </Paragraph>
      <ErrorSummary errors={v.fouten} />
      <form method="get" action={paths.verordeningOvergang()} noValidate>
        <input type="hidden" name="peildatum" value={peildatum} />
        <input type="hidden" name="voorbeeld" value="1" />
        {VERBORGEN.map((k) => (
          <input key={k} type="hidden" name={k} value={String(w[k] ?? '')} />
        ))}
        {w.lokaleGrondIds.map((id) => (
          <input key={id} type="hidden" name="lokaleGrondIds" value={id} />
        ))}
        <SelectField
          name="gemeenteId"
          label="Gemeente"
          options={v.gemeenten.map((g) => ({ value: g.id, label: g.naam }))}
          value={v.gemeenteId}
          error={v.fouten.gemeenteId}
        />
        <TextField
          name="ingangsdatum"
          label="Ingangsdatum van de nieuwe versie"
          type="date"
          value={w.ingangsdatum}
          error={v.fouten.ingangsdatum}
        />
        <RadioGroup
          name="vorm"
          legend="Opleggen of alleen aanbieden"
          options={VORMEN.map((x) => ({ value: x, label: VORM_NAMEN[x] }))}
          value={w.vorm}
          error={v.fouten.vorm}
        />
        <TextField
          name="minUrenPerWeek"
          label="Minimum aantal uren per week (mag leeg)"
          value={w.minUrenPerWeek}
          error={v.fouten.minUrenPerWeek}
          autoComplete="off"
        />
        <TextField
          name="maxUrenPerWeek"
          label="Maximum aantal uren per week (mag leeg)"
          value={w.maxUrenPerWeek}
          error={v.fouten.maxUrenPerWeek}
          autoComplete="off"
        />
        <TextField
          name="maxDuurMaanden"
          label="Maximale duur in maanden (mag leeg)"
          value={w.maxDuurMaanden}
          error={v.fouten.maxDuurMaanden}
          autoComplete="off"
        />
        <RadioGroup
          name="verlengingToegestaan"
          legend="Mag worden verlengd?"
          options={[
            { value: 'ja', label: 'Ja' },
            { value: 'nee', label: 'Nee' },
          ]}
          value={w.verlengingToegestaan}
          error={v.fouten.verlengingToegestaan}
        />
        <TextField
          name="maxVerlengingMaanden"
          label="Maximale verlenging in maanden (alleen als verlengen mag; mag leeg)"
          value={w.maxVerlengingMaanden}
          error={v.fouten.maxVerlengingMaanden}
          autoComplete="off"
        />
        <div className="wk-form-actions">
          <Button appearance="secondary">Voorbeeld tonen</Button>
        </div>
      </form>
      {v.regels === null ? null : v.regels.length === 0 ? (
        <Paragraph>Er lopen op {formatDatumNl(w.ingangsdatum)} geen plaatsingen in deze gemeente.</Paragraph>
      ) : (
        <Table
          caption={`Uitkomst van de nieuwe versie vanaf ${formatDatumNl(w.ingangsdatum)}: ${v.regels.filter((r) => !r.voldoet).length} van ${v.regels.length} voldoen niet`}
          head={['Klant', 'Stand', 'Uren', 'Dagdelen', 'Periode', 'Nu onder', 'Uitkomst per regel']}
        >
          {v.regels.map((r) => (
            <Row key={r.tegenprestatie.id}>
              <Cell>
                <Link href={paths.klantTegenprestaties(r.tegenprestatie.klantId)}>
                  {r.klantNaam ?? 'Dossier'}
                </Link>
              </Cell>
              <Cell>{STATUS_NAMEN[r.tegenprestatie.status as Status] ?? r.tegenprestatie.status}</Cell>
              <Cell>{urenKort(r.tegenprestatie.urenPerWeek)}</Cell>
              <Cell>{dagdelenKort(r.tegenprestatie.dagdelen)}</Cell>
              <Cell>{periode(r.tegenprestatie.startdatum, r.tegenprestatie.einddatum)}</Cell>
              <Cell>{versieKort(r.versieNu)}</Cell>
              <Cell>
                <ul className="utrecht-unordered-list">
                  {r.uitkomsten.map((u) => (
                    <li key={u.regel} className="utrecht-unordered-list__item">
                      {REGEL_NAMEN[u.regel]}: {UITKOMST_KORT[u.uitkomst]}
                      {u.uitkomst === 'voldoet-niet' ? ` — ${u.uitleg}` : ''}
                    </li>
                  ))}
                </ul>
              </Cell>
            </Row>
          ))}
        </Table>
      )}
    </section>
  );
}

/**
 * The transition list: what changes on the peildatum per municipality, and (teamleider) the tegenprestaties that
 * still run on it. The functioneel beheerder sees the first part only: the list holds client data.
 */
export function OvergangPagina({
  chrome,
  overzicht,
  regels,
  peildatum,
  fouten = {},
  voorbeeld,
}: {
  chrome: Chrome;
  overzicht: OvergangOverzicht;
  /** null: this role does not see the list (it holds client data). */
  regels: Overgangsregel[] | null;
  peildatum: string;
  fouten?: FieldErrors;
  /** The preview of a new version (teamleider only). */
  voorbeeld?: VoorbeeldBeeld | undefined;
}) {
  const op = formatDatumNl(overzicht.peildatum);
  const titel = `Overgangslijst: lopende tegenprestaties op ${op}`;
  return (
    <Pagina title={Object.values(fouten).some(Boolean) ? `Fout: ${titel}` : titel} chrome={chrome}>
      <Heading level={1}>{titel}</Heading>
      <Paragraph>
        Tegenprestaties die op {op} nog lopen, zijn getoetst aan de regels van daarvoor. Bekijk ze opnieuw:
        niets verandert vanzelf. Kies een andere datum om te zien wat een nieuwe versie van de verordening
        raakt.
      </Paragraph>
      <ErrorSummary errors={fouten} />
      <form method="get" action={paths.verordeningOvergang()} noValidate>
        <TextField
          name="peildatum"
          label="Peildatum"
          type="date"
          description="Standaard 1 januari 2027, de dag dat de Participatiewet in balans ingaat."
          value={peildatum}
          error={fouten.peildatum}
        />
        <div className="wk-form-actions">
          <Button appearance="secondary">Toon</Button>
        </div>
      </form>
      <Heading level={2}>Wat verandert er?</Heading>
      <Gegevens
        items={[
          ['Rechtsgrond tot deze datum', overzicht.rechtsgrondVoor.tekst],
          ['Rechtsgrond vanaf deze datum', overzicht.rechtsgrondOp.tekst],
        ]}
      />
      <Table
        caption={`Naam en verordening per gemeente, de dag voor en op ${op}`}
        head={[
          'Gemeente',
          'Naam ervoor',
          'Naam vanaf de peildatum',
          'Versie ervoor',
          'Versie vanaf de peildatum',
        ]}
      >
        {overzicht.gemeenten.map((g) => (
          <Row key={g.gemeente.id}>
            <Cell>{g.gemeente.naam}</Cell>
            <Cell>{g.naamVoor}</Cell>
            <Cell>{g.naamOp}</Cell>
            <Cell>{versieKort(g.versieVoor)}</Cell>
            <Cell>{versieKort(g.versieOp)}</Cell>
          </Row>
        ))}
      </Table>
      <Heading level={2}>Lopende tegenprestaties</Heading>
      {regels === null ? (
        <Paragraph>
          Deze lijst bevat klantgegevens. De teamleider bekijkt haar op deze pagina en laat de klantmanagers
          de lopende tegenprestaties opnieuw bekijken.
        </Paragraph>
      ) : regels.length === 0 ? (
        <Paragraph>Er lopen op {op} geen tegenprestaties in uw gemeenten.</Paragraph>
      ) : (
        <Table
          caption={`${regels.length} ${regels.length === 1 ? 'tegenprestatie loopt' : 'tegenprestaties lopen'} op ${op}`}
          head={[
            'Tegenprestatie',
            'Klant',
            'Gemeente',
            'Stand',
            'Uren',
            'Dagdelen',
            'Periode',
            'Getoetst aan',
            'Naam ervoor en erna',
          ]}
        >
          {regels.map((r) => (
            <Row key={r.tegenprestatie.id}>
              <Cell>
                <Link href={paths.klantTegenprestaties(r.tegenprestatie.klantId)}>
                  Dossier, start{' '}
                  {r.tegenprestatie.startdatum ? formatDatumNl(r.tegenprestatie.startdatum) : '?'}
                </Link>
              </Cell>
              <Cell>{r.klantNaam ?? '–'}</Cell>
              <Cell>{r.gemeente.naam}</Cell>
              <Cell>{STATUS_NAMEN[r.tegenprestatie.status as Status] ?? r.tegenprestatie.status}</Cell>
              <Cell>{urenKort(r.tegenprestatie.urenPerWeek)}</Cell>
              <Cell>{dagdelenKort(r.tegenprestatie.dagdelen)}</Cell>
              <Cell>{periode(r.tegenprestatie.startdatum, r.tegenprestatie.einddatum)}</Cell>
              <Cell>{versieKort(r.versieBijStart)}</Cell>
              <Cell>{r.naamVoor === r.naamOp ? r.naamOp : `${r.naamVoor}, daarna ${r.naamOp}`}</Cell>
            </Row>
          ))}
        </Table>
      )}
      {voorbeeld ? <Voorbeeld v={voorbeeld} peildatum={peildatum} /> : null}
    </Pagina>
  );
}
