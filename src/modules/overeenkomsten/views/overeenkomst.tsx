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
  Row,
  Table,
  TextField,
  UnorderedList,
} from '../../../web/components/index.tsx';
import type { LayoutProps } from '../../../web/layout.tsx';
import { paths } from '../../../web/paths.ts';
import { DossierFrame, formatDatumNl } from '../../klanten/index.ts';
import { STATUS_NAMEN } from '../../tegenprestaties/index.ts';
import { REGEL_NAMEN, WEERGAVENAAM_TEKST } from '../../verordening/index.ts';
import type { OvereenkomstBeeld } from '../overeenkomsten.service.ts';

export interface Chrome {
  account: LayoutProps['account'];
  nav: NonNullable<LayoutProps['nav']>;
  csrfToken: string;
}

export const MELDINGEN = {
  getoetst: 'De toets aan de verordening is uitgevoerd en opgeslagen.',
  besluit: 'Het besluit van het college is vastgelegd.',
  overeengekomen: 'De getekende overeenkomst is vastgelegd. De tegenprestatie staat nu op overeengekomen.',
} as const;
export type Melding = keyof typeof MELDINGEN;
export const isMelding = (m: unknown): m is Melding => typeof m === 'string' && m in MELDINGEN;

export interface BesluitWaarden {
  datum: string;
  ondertekenaar: string;
}
export interface AcceptatieWaarden {
  overeenkomstDatum: string;
  klantGetekendOp: string;
  organisatieGetekendOp: string;
}

const UITKOMST_TEKST = {
  voldoet: 'Voldoet',
  'voldoet-niet': 'Voldoet niet',
  'niet-van-toepassing': 'Niet van toepassing',
} as const;

const VELD_IDS: Record<string, string> = {
  toetsing: 'toetsing-kop',
  besluit: 'besluit-kop',
  overeenkomst: 'overeenkomst-kop',
  datum: 'besluit-datum',
  ondertekenaar: 'besluit-ondertekenaar',
  overeenkomstDatum: 'overeenkomst-datum',
  klantGetekendOp: 'klant-getekend-op',
  organisatieGetekendOp: 'organisatie-getekend-op',
};

/** The page of a design's ordinance check, the college's decision and the agreement (no JavaScript needed). */
export function OvereenkomstPagina({
  chrome,
  beeld,
  melding,
  fouten,
  besluitWaarden,
  acceptatieWaarden,
}: {
  chrome: Chrome;
  beeld: OvereenkomstBeeld;
  melding?: Melding | undefined;
  fouten: FieldErrors;
  besluitWaarden: BesluitWaarden;
  acceptatieWaarden: AcceptatieWaarden;
}) {
  const { tegenprestatie: t, klant, laatste, stand, kan } = beeld;
  const naam = laatste ? WEERGAVENAAM_TEKST[laatste.versie.weergavenaam] : 'tegenprestatie';
  return (
    <DossierFrame
      chrome={chrome}
      klant={klant}
      tab="tegenprestaties"
      titel={`${klant.naam} – toets, besluit en overeenkomst`}
    >
      <Paragraph>
        <Link href={paths.tegenprestatie(t.id)}>Terug naar het ontwerp</Link>
      </Paragraph>
      {melding ? <Alert type="ok">{MELDINGEN[melding]}</Alert> : null}
      <ErrorSummary errors={fouten} fieldIds={VELD_IDS} />
      <Gegevens
        items={[
          ['Status', STATUS_NAMEN[t.status]],
          ['Activiteit', beeld.activiteit?.titel ?? '–'],
          ['Organisatie', beeld.activiteit?.organisatie?.naam ?? 'Geen: maatwerk zonder organisatie'],
          ['Startdatum', t.startdatum ? formatDatumNl(t.startdatum) : '–'],
          ['Gemeente', beeld.gemeente],
        ]}
      />

      <section aria-labelledby="toetsing-kop">
        <Heading level={2} id="toetsing-kop">
          Toetsing aan de verordening
        </Heading>
        {beeld.openMoeten.length > 0 ? (
          <Alert type="warning" title="Het ontwerp is nog niet klaar voor de toets">
            <UnorderedList>
              {beeld.openMoeten.map((m) => (
                <ListItem key={m}>{m}</ListItem>
              ))}
            </UnorderedList>
          </Alert>
        ) : null}
        <Paragraph>
          De toets gebruikt de versie van de verordening die geldt op de startdatum van de tegenprestatie.
          Elke toets wordt bewaard.
        </Paragraph>
        {kan.toetsen ? (
          <Form action={paths.tegenprestatieToetsing(t.id)} csrfToken={chrome.csrfToken}>
            <Button appearance={laatste ? 'secondary' : 'primary'}>
              {laatste ? 'Opnieuw toetsen' : 'Toets aan de verordening'}
            </Button>
          </Form>
        ) : t.status === 'verkenning' || t.status === 'ontwerp' ? (
          <Paragraph>De toets kan pas als het ontwerp op toetsing staat.</Paragraph>
        ) : null}
        {laatste ? (
          <>
            <Paragraph>
              {laatste.voldoet ? 'Het ontwerp voldoet.' : 'Het ontwerp voldoet niet.'} Getoetst op{' '}
              {formatDatumNl(laatste.uitgevoerdOp.slice(0, 10))} door {laatste.doorNaam}, aan de{' '}
              {laatste.versie.titel} (geldt vanaf {formatDatumNl(laatste.versie.ingangsdatum)}), voor de
              startdatum {formatDatumNl(laatste.startdatum)}.
            </Paragraph>
            <Table caption="Uitkomst per regel" head={['Regel', 'Uitkomst', 'Uitleg', 'Artikel']}>
              {laatste.uitkomsten.map((u) => (
                <Row key={u.regel}>
                  <Cell>{REGEL_NAMEN[u.regel]}</Cell>
                  <Cell>
                    <span className={`wk-uitkomst wk-uitkomst--${u.uitkomst}`}>
                      {UITKOMST_TEKST[u.uitkomst]}
                    </span>
                  </Cell>
                  <Cell>{u.uitleg}</Cell>
                  <Cell>{u.artikel}</Cell>
                </Row>
              ))}
            </Table>
            {beeld.toetsingen.length > 1 ? (
              <Paragraph>Er zijn {beeld.toetsingen.length - 1} eerdere toetsen bewaard.</Paragraph>
            ) : null}
          </>
        ) : (
          <Paragraph>Er is nog niet getoetst.</Paragraph>
        )}
      </section>

      <section aria-labelledby="besluit-kop">
        <Heading level={2} id="besluit-kop">
          Besluit van het college
        </Heading>
        {!laatste?.voldoet ? (
          <Paragraph>Het besluit komt na een geslaagde toets.</Paragraph>
        ) : !beeld.besluitNodig ? (
          <Paragraph>
            Geen besluit nodig: de gemeente biedt de {naam} alleen aan ({laatste.versie.titel}). Meedoen is
            vrijwillig.
          </Paragraph>
        ) : stand?.besluit ? (
          <>
            <Paragraph>
              Het college heeft op {formatDatumNl(stand.besluit.datum)} besloten. Ondertekend door{' '}
              {stand.besluit.ondertekenaar}.
            </Paragraph>
            <Paragraph>
              <Link href={paths.tegenprestatieBesluitPdf(t.id)}>Besluit openen (pdf)</Link>
            </Paragraph>
          </>
        ) : kan.besluiten ? (
          <Form action={paths.tegenprestatieBesluit(t.id)} csrfToken={chrome.csrfToken}>
            <Paragraph>
              De gemeente legt de {naam} op. Het besluit bevat de redenen (de afweging op maat), de wettelijke
              grondslag, de afspraken en hoe de klant bezwaar kan maken (binnen 6 weken).
            </Paragraph>
            <TextField
              name="datum"
              id="besluit-datum"
              type="date"
              label="Datum van het besluit"
              value={besluitWaarden.datum}
              error={fouten.datum}
            />
            <TextField
              name="ondertekenaar"
              id="besluit-ondertekenaar"
              label="Namens het college ondertekend door"
              description="Naam en functie, bijvoorbeeld: A. Jansen, teamleider"
              value={besluitWaarden.ondertekenaar}
              error={fouten.ondertekenaar}
            />
            <Button appearance="primary">Besluit vastleggen</Button>
          </Form>
        ) : (
          <Paragraph>Het besluit is nog niet vastgelegd.</Paragraph>
        )}
      </section>

      <section aria-labelledby="overeenkomst-kop">
        <Heading level={2} id="overeenkomst-kop">
          Overeenkomst
        </Heading>
        {kan.overeenkomstPdf ? (
          <Paragraph>
            <Link href={paths.tegenprestatieOvereenkomstPdf(t.id)}>Overeenkomst openen (pdf)</Link>
          </Paragraph>
        ) : (
          <Paragraph>De overeenkomst komt na een geslaagde toets.</Paragraph>
        )}
        {stand?.acceptatie ? (
          <Gegevens
            items={[
              ['Datum van de overeenkomst', formatDatumNl(stand.acceptatie.overeenkomstDatum)],
              ['Getekend ontvangen van de klant op', formatDatumNl(stand.acceptatie.klantGetekendOp)],
              ...(beeld.metOrganisatie
                ? ([
                    [
                      'Getekend ontvangen van de organisatie op',
                      stand.acceptatie.organisatieGetekendOp
                        ? formatDatumNl(stand.acceptatie.organisatieGetekendOp)
                        : '–',
                    ],
                  ] as Array<[string, string]>)
                : []),
              ['Vastgelegd door', stand.acceptatie.doorNaam ?? '–'],
              [
                'Start',
                stand.gestartOp
                  ? `Loopt sinds ${formatDatumNl(stand.gestartOp.slice(0, 10))}`
                  : `Gaat vanzelf lopen op de startdatum${t.startdatum ? ` (${formatDatumNl(t.startdatum)})` : ''}`,
              ],
            ]}
          />
        ) : kan.accepteren ? (
          <Form action={paths.tegenprestatieOvereenkomst(t.id)} csrfToken={chrome.csrfToken}>
            <Paragraph>
              Print de overeenkomst, laat hem tekenen en vul in wanneer u hem getekend terugkreeg.
              {beeld.metOrganisatie ? '' : ' Er is geen organisatie: alleen de klant tekent.'}
            </Paragraph>
            <TextField
              name="overeenkomstDatum"
              id="overeenkomst-datum"
              type="date"
              label="Datum op de overeenkomst"
              value={acceptatieWaarden.overeenkomstDatum}
              error={fouten.overeenkomstDatum}
            />
            <TextField
              name="klantGetekendOp"
              id="klant-getekend-op"
              type="date"
              label="Getekend ontvangen van de klant op"
              value={acceptatieWaarden.klantGetekendOp}
              error={fouten.klantGetekendOp}
            />
            {beeld.metOrganisatie ? (
              <TextField
                name="organisatieGetekendOp"
                id="organisatie-getekend-op"
                type="date"
                label="Getekend ontvangen van de organisatie op"
                value={acceptatieWaarden.organisatieGetekendOp}
                error={fouten.organisatieGetekendOp}
              />
            ) : null}
            <Button appearance="primary">Getekende overeenkomst vastleggen</Button>
          </Form>
        ) : laatste?.voldoet && beeld.besluitNodig && !stand?.besluit ? (
          <Paragraph>Leg eerst het besluit vast. Daarna de getekende overeenkomst.</Paragraph>
        ) : null}
      </section>
    </DossierFrame>
  );
}
