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
  TextArea,
  TextField,
  UnorderedList,
} from '../../../web/components/index.tsx';
import type { LayoutProps } from '../../../web/layout.tsx';
import { paths } from '../../../web/paths.ts';
import { DossierFrame, formatDatumNl } from '../../klanten/index.ts';
import { STATUS_NAMEN } from '../../tegenprestaties/index.ts';
import { REGEL_NAMEN } from '../../verordening/index.ts';
import type { OvereenkomstBeeld } from '../overeenkomsten.service.ts';

export interface Chrome {
  account: LayoutProps['account'];
  nav: NonNullable<LayoutProps['nav']>;
  csrfToken: string;
}

export const MELDINGEN = {
  getoetst: 'De toets aan de verordening is uitgevoerd en opgeslagen.',
  besluit: 'Het besluit van het college is vastgelegd.',
  ingekort:
    'De periode eindigt nu op de dag vóór het regime zonder wettelijke grondslag. Het ontwerp is opnieuw getoetst; u krijgt een signaal om later opnieuw te besluiten.',
  overeengekomen: 'De getekende overeenkomst is vastgelegd. De tegenprestatie staat nu op overeengekomen.',
} as const;
export type Melding = keyof typeof MELDINGEN;
export const isMelding = (m: unknown): m is Melding => typeof m === 'string' && m in MELDINGEN;

export interface BesluitWaarden {
  datum: string;
  verzenddatum: string;
  ondertekenaar: string;
}
export interface AcceptatieWaarden {
  overeenkomstDatum: string;
  klantGetekendOp: string;
  organisatieGetekendOp: string;
  bevestigingsreden: string;
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
  verzenddatum: 'besluit-verzenddatum',
  ondertekenaar: 'besluit-ondertekenaar',
  bevestigingsreden: 'bevestigingsreden',
  inkorten: 'besluit-kop',
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
  const naam = beeld.naam;
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
          ['Laatste dag', t.einddatum ? formatDatumNl(t.einddatum) : 'Geen einddatum'],
          ['Gemeente', beeld.gemeente],
          ['Naam', naam],
        ]}
      />
      {beeld.naamZin ? <Paragraph>{beeld.naamZin}</Paragraph> : null}
      {beeld.waarschuwingen.length > 0 ? (
        <Alert type="warning" title="Let op">
          <UnorderedList>
            {beeld.waarschuwingen.map((w) => (
              <ListItem key={w}>{w}</ListItem>
            ))}
          </UnorderedList>
        </Alert>
      ) : null}

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
              Het college heeft op {formatDatumNl(stand.besluit.datum)} besloten
              {stand.besluit.verzenddatum
                ? `; het besluit is verzonden op ${formatDatumNl(stand.besluit.verzenddatum)}`
                : ''}
              . Ondertekend door {stand.besluit.ondertekenaar}.
            </Paragraph>
            <Paragraph>
              <Link href={paths.tegenprestatieBesluitPdf(t.id)}>Besluit openen (pdf)</Link>
            </Paragraph>
            {stand.intrekking ? (
              <Paragraph>
                Het college heeft dit besluit ingetrokken op {formatDatumNl(stand.intrekking.datum)}{' '}
                (verzonden op {formatDatumNl(stand.intrekking.verzenddatum)}): {stand.intrekking.reden}{' '}
                <Link href={paths.tegenprestatieIntrekkingPdf(t.id)}>
                  Besluit tot intrekking openen (pdf)
                </Link>
              </Paragraph>
            ) : null}
          </>
        ) : beeld.grondslag.weigering ? (
          <>
            <Alert type="error" title="Geen besluit mogelijk voor deze periode">
              <Paragraph>{beeld.grondslag.weigering}</Paragraph>
            </Alert>
            {kan.inkorten && beeld.grondslag.eindeVoorstel ? (
              <Form action={paths.tegenprestatieInkorten(t.id)} csrfToken={chrome.csrfToken}>
                <Paragraph>
                  De periode eindigt dan op {formatDatumNl(beeld.grondslag.eindeVoorstel)}. Het ontwerp wordt
                  opnieuw getoetst en u krijgt een signaal om opnieuw te besluiten over de periode daarna.
                </Paragraph>
                <Button appearance="primary">
                  Periode laten eindigen op {formatDatumNl(beeld.grondslag.eindeVoorstel)}
                </Button>
              </Form>
            ) : null}
          </>
        ) : kan.besluiten ? (
          <Form action={paths.tegenprestatieBesluit(t.id)} csrfToken={chrome.csrfToken}>
            <Paragraph>
              De gemeente legt de {naam} op. Het besluit zegt wat de klant moet doen, van wanneer tot wanneer,
              dat de bijstand lager kan worden als de klant het niet doet, de redenen (de afweging op maat),
              de wettelijke grondslag en hoe de klant bezwaar kan maken (binnen 6 weken na de dag van
              verzending).
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
              name="verzenddatum"
              id="besluit-verzenddatum"
              type="date"
              label="Verzenddatum"
              description={`De dag waarop het besluit naar de klant gaat. Pas dan werkt het. De startdatum (${t.startdatum ? formatDatumNl(t.startdatum) : '–'}) mag niet eerder liggen.`}
              value={besluitWaarden.verzenddatum}
              error={fouten.verzenddatum}
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
              ...(stand.acceptatie.bevestigingsreden
                ? ([['Bevestigt wat al liep, omdat', stand.acceptatie.bevestigingsreden]] as Array<
                    [string, string]
                  >)
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
            {beeld.besluitNodig ? null : (
              <TextArea
                name="bevestigingsreden"
                id="bevestigingsreden"
                label="Alleen als de overeenkomst is gedateerd na de startdatum: waarom bevestigt zij wat al loopt?"
                description="Een vrijwillige overeenkomst mag afspraken bevestigen die al liepen. Een opgelegde niet."
                value={acceptatieWaarden.bevestigingsreden}
                error={fouten.bevestigingsreden}
              />
            )}
            <Button appearance="primary">Getekende overeenkomst vastleggen</Button>
          </Form>
        ) : laatste?.voldoet && beeld.besluitNodig && !stand?.besluit ? (
          <Paragraph>Leg eerst het besluit vast. Daarna de getekende overeenkomst.</Paragraph>
        ) : null}
      </section>
    </DossierFrame>
  );
}
