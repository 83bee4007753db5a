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
  Paragraph,
  RadioGroup,
  Row,
  Table,
  TextArea,
  TextField,
} from '../../../web/components/index.tsx';
import { paths } from '../../../web/paths.ts';
import { DAGDELEN, DossierFrame, dagdeelNaam, formatDatumNl } from '../../klanten/index.ts';
import { STATUS_NAMEN } from '../../tegenprestaties/index.ts';
import type { OvereenkomstVersie } from '../overeenkomsten.schemas.ts';
import type { AanpassingBeeld } from '../overeenkomsten.service.ts';
import type { Chrome } from './overeenkomst.tsx';

export const AANPASSING_MELDINGEN = {
  voorgesteld:
    'De nieuwe versie is opgeslagen. Er verandert nog niets: laat de klant, de organisatie en de gemeente tekenen en leg dat hieronder vast.',
  bevestigd: 'De nieuwe versie is bevestigd. De tegenprestatie heeft nu de nieuwe afspraken.',
  ingetrokken: 'De nieuwe versie is ingetrokken. Zij blijft bewaard, met de reden.',
} as const;
export type AanpassingMelding = keyof typeof AANPASSING_MELDINGEN;
export const isAanpassingMelding = (m: unknown): m is AanpassingMelding =>
  typeof m === 'string' && m in AANPASSING_MELDINGEN;

export interface VoorstelWaarden {
  urenPerWeek: string;
  dagdelen: string[];
  einddatum: string;
  ingangsdatum: string;
  toelichting: string;
  klantAkkoord: string;
}
export interface BevestigingWaarden {
  overeenkomstDatum: string;
  klantGetekendOp: string;
  organisatieGetekendOp: string;
  besluitDatum: string;
  verzenddatum: string;
  besluitOndertekenaar: string;
}

const VELD_IDS: Record<string, string> = {
  voorstel: 'voorstel-kop',
  toetsing: 'voorstel-kop',
  urenPerWeek: 'urenPerWeek',
  dagdelen: 'dagdelen',
  einddatum: 'einddatum',
  ingangsdatum: 'ingangsdatum',
  toelichting: 'toelichting',
  klantAkkoord: 'klantAkkoord',
  bevestiging: 'bevestiging-kop',
  overeenkomstDatum: 'versie-overeenkomst-datum',
  klantGetekendOp: 'versie-klant-getekend-op',
  organisatieGetekendOp: 'versie-organisatie-getekend-op',
  besluitDatum: 'versie-besluit-datum',
  verzenddatum: 'versie-verzenddatum',
  besluitOndertekenaar: 'versie-besluit-ondertekenaar',
  intrekken: 'bevestiging-kop',
  reden: 'intrek-reden',
};

const STATUS_TEKST: Record<OvereenkomstVersie['status'], string> = {
  voorgesteld: 'Wacht op bevestiging',
  bevestigd: 'Bevestigd',
  ingetrokken: 'Ingetrokken',
};

const uren = (n: number) => `${String(n).replace('.', ',')} uur per week`;
const dagdelen = (d: readonly string[]) =>
  d.map((x) => dagdeelNaam(x as (typeof DAGDELEN)[number])).join(', ') || '–';
const datum = (d: string | null) => (d ? formatDatumNl(d) : 'Geen einddatum');

/**
 * The versions of a running agreement (issue 16): the version in force, every earlier version with its PDF, the
 * form for a new version after an evaluation with `aanpassen`, and the three parties' confirmation (with the
 * change decision where the ordinance imposes). No JavaScript needed.
 */
export function AanpassingPagina({
  chrome,
  beeld,
  melding,
  fouten,
  voorstel,
  bevestiging,
  intrekReden,
}: {
  chrome: Chrome;
  beeld: AanpassingBeeld;
  melding?: AanpassingMelding | undefined;
  fouten: FieldErrors;
  voorstel: VoorstelWaarden;
  bevestiging: BevestigingWaarden;
  intrekReden: string;
}) {
  const { tegenprestatie: t, open, kan, naam } = beeld;
  const inKracht = beeld.versies.find((v) => v.nummer === beeld.inKracht);
  const opleggen = beeld.vorm === 'opleggen';
  return (
    <DossierFrame
      chrome={chrome}
      klant={beeld.klant}
      tab="tegenprestaties"
      titel={`${beeld.klant.naam} – versies van de overeenkomst`}
    >
      <Paragraph>
        <Link href={paths.tegenprestatieUitvoering(t.id)}>Terug naar de uitvoering</Link>
      </Paragraph>
      {melding ? <Alert type="ok">{AANPASSING_MELDINGEN[melding]}</Alert> : null}
      <ErrorSummary errors={fouten} fieldIds={VELD_IDS} />
      <Gegevens
        items={[
          ['Status', STATUS_NAMEN[t.status]],
          [
            'Activiteit',
            beeld.activiteit
              ? `${beeld.activiteit.titel}${beeld.activiteit.organisatie ? ` (${beeld.activiteit.organisatie})` : ''}`
              : 'Geen: maatwerk zonder organisatie',
          ],
          ['Gemeente', beeld.gemeente],
          [
            'Versie die nu geldt',
            inKracht
              ? `Versie ${inKracht.nummer}${inKracht.ingangsdatum ? `, sinds ${formatDatumNl(inKracht.ingangsdatum)}` : ''}: ${uren(inKracht.afspraak.urenPerWeek)}, ${dagdelen(inKracht.afspraak.dagdelen)}, laatste dag ${datum(inKracht.afspraak.einddatum)}`
              : 'Er is nog geen getekende overeenkomst',
          ],
        ]}
      />

      <section aria-labelledby="versies-kop">
        <Heading level={2} id="versies-kop">
          Versies van de overeenkomst
        </Heading>
        <Paragraph>
          Elke versie blijft bewaard, met haar eigen document. Een nieuwe versie geldt pas als de klant
          {beeld.metOrganisatie ? ', de organisatie' : ''} en de gemeente haar hebben getekend
          {opleggen ? ' en het college een wijzigingsbesluit heeft verzonden' : ''}.
        </Paragraph>
        <Table
          caption="Versies van de overeenkomst"
          head={['Versie', 'Status', 'Geldt vanaf', 'Uren', 'Dagdelen', 'Laatste dag', 'Documenten']}
        >
          {beeld.versies.map((v) => (
            <Row key={v.nummer}>
              <Cell>
                {v.nummer}
                {v.inKracht ? ' (geldt nu)' : ''}
              </Cell>
              <Cell>{STATUS_TEKST[v.status]}</Cell>
              <Cell>{v.ingangsdatum ? formatDatumNl(v.ingangsdatum) : '–'}</Cell>
              <Cell>{uren(v.afspraak.urenPerWeek)}</Cell>
              <Cell>{dagdelen(v.afspraak.dagdelen)}</Cell>
              <Cell>
                {datum(v.afspraak.einddatum)}
                {v.verlengingMaanden ? ` (verlengd, ${v.verlengingMaanden} mnd.)` : ''}
              </Cell>
              <Cell>
                {v.status === 'ingetrokken' ? (
                  v.ingetrokkenReden
                ) : (
                  <>
                    <Link href={paths.tegenprestatieVersiePdf(t.id, v.nummer)}>
                      Overeenkomst versie {v.nummer} (pdf)
                    </Link>
                    {v.nummer >= 2 && v.besluit ? (
                      <>
                        {' '}
                        <Link href={paths.tegenprestatieWijzigingsbesluitPdf(t.id, v.nummer)}>
                          Wijzigingsbesluit (pdf)
                        </Link>
                      </>
                    ) : null}
                  </>
                )}
              </Cell>
            </Row>
          ))}
        </Table>
      </section>

      {open ? (
        <section aria-labelledby="bevestiging-kop">
          <Heading level={2} id="bevestiging-kop">
            Versie {open.nummer}: bevestigen
          </Heading>
          <Paragraph>
            Versie {open.nummer} gaat in op {open.ingangsdatum ? formatDatumNl(open.ingangsdatum) : '–'}:{' '}
            {uren(open.afspraak.urenPerWeek)}, {dagdelen(open.afspraak.dagdelen)}, laatste dag{' '}
            {datum(open.afspraak.einddatum)}. Waarom: {open.toelichting}
          </Paragraph>
          {kan.bevestigen ? (
            <Form
              action={paths.tegenprestatieVersieBevestiging(t.id, open.nummer)}
              csrfToken={chrome.csrfToken}
            >
              <TextField
                name="overeenkomstDatum"
                id="versie-overeenkomst-datum"
                type="date"
                label="Datum op de nieuwe versie (getekend door de gemeente)"
                value={bevestiging.overeenkomstDatum}
                error={fouten.overeenkomstDatum}
              />
              <TextField
                name="klantGetekendOp"
                id="versie-klant-getekend-op"
                type="date"
                label="Getekend ontvangen van de klant op"
                value={bevestiging.klantGetekendOp}
                error={fouten.klantGetekendOp}
              />
              {beeld.metOrganisatie ? (
                <TextField
                  name="organisatieGetekendOp"
                  id="versie-organisatie-getekend-op"
                  type="date"
                  label="Getekend ontvangen van de organisatie op"
                  value={bevestiging.organisatieGetekendOp}
                  error={fouten.organisatieGetekendOp}
                />
              ) : null}
              {opleggen ? (
                <>
                  <Paragraph>
                    De gemeente legt de {naam} op: deze wijziging is een nieuw besluit van het college. Het
                    gaat pas in als het is verzonden.
                  </Paragraph>
                  <TextField
                    name="besluitDatum"
                    id="versie-besluit-datum"
                    type="date"
                    label="Datum van het wijzigingsbesluit"
                    value={bevestiging.besluitDatum}
                    error={fouten.besluitDatum}
                  />
                  <TextField
                    name="verzenddatum"
                    id="versie-verzenddatum"
                    type="date"
                    label="Verzenddatum van het wijzigingsbesluit"
                    description="Uiterlijk de dag waarop de nieuwe versie ingaat."
                    value={bevestiging.verzenddatum}
                    error={fouten.verzenddatum}
                  />
                  <TextField
                    name="besluitOndertekenaar"
                    id="versie-besluit-ondertekenaar"
                    label="Namens het college ondertekend door"
                    value={bevestiging.besluitOndertekenaar}
                    error={fouten.besluitOndertekenaar}
                  />
                </>
              ) : null}
              <Button appearance="primary">Versie {open.nummer} bevestigen</Button>
            </Form>
          ) : null}
          {kan.intrekken ? (
            <Form
              action={paths.tegenprestatieVersieIntrekking(t.id, open.nummer)}
              csrfToken={chrome.csrfToken}
            >
              <TextArea
                name="reden"
                id="intrek-reden"
                label={`Waarom gaat versie ${open.nummer} niet door?`}
                value={intrekReden}
                error={fouten.reden}
              />
              <Button appearance="secondary">Versie {open.nummer} intrekken</Button>
            </Form>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="voorstel-kop">
        <Heading level={2} id="voorstel-kop">
          Nieuwe versie na een evaluatie
        </Heading>
        {kan.voorstellen ? (
          <Form action={paths.tegenprestatieAanpassing(t.id)} csrfToken={chrome.csrfToken}>
            <Paragraph>
              Na de evaluatie van {beeld.laatsteEvaluatie ? formatDatumNl(beeld.laatsteEvaluatie.datum) : '–'}{' '}
              (besluit: aanpassen). Een latere laatste dag is een verlenging; de verordening begrenst hoe
              lang.
            </Paragraph>
            {fouten.toetsing ? (
              <Alert type="error" title="Dit past niet in de verordening">
                <Paragraph>{fouten.toetsing}</Paragraph>
              </Alert>
            ) : null}
            <TextField
              name="urenPerWeek"
              id="urenPerWeek"
              label="Uren per week"
              value={voorstel.urenPerWeek}
              error={fouten.urenPerWeek}
            />
            <CheckboxGroup
              name="dagdelen"
              legend="Dagdelen"
              options={DAGDELEN.map((d) => ({ value: d, label: dagdeelNaam(d) }))}
              values={voorstel.dagdelen}
              error={fouten.dagdelen}
            />
            <TextField
              name="einddatum"
              id="einddatum"
              type="date"
              label="Laatste dag"
              value={voorstel.einddatum}
              error={fouten.einddatum}
            />
            <TextField
              name="ingangsdatum"
              id="ingangsdatum"
              type="date"
              label="Geldt vanaf"
              value={voorstel.ingangsdatum}
              error={fouten.ingangsdatum}
            />
            <TextArea
              name="toelichting"
              id="toelichting"
              label="Wat verandert er en waarom?"
              value={voorstel.toelichting}
              error={fouten.toelichting}
            />
            <RadioGroup
              name="klantAkkoord"
              idPrefix="klantAkkoord"
              legend="Is de klant het eens met de wijziging?"
              options={[
                { value: 'ja', label: 'Ja' },
                { value: 'nee', label: 'Nee' },
              ]}
              value={voorstel.klantAkkoord}
              error={fouten.klantAkkoord}
            />
            <Button appearance="primary">Nieuwe versie opslaan</Button>
          </Form>
        ) : (
          <Paragraph>{beeld.waaromNiet ?? 'U mag de overeenkomst niet wijzigen.'}</Paragraph>
        )}
      </section>
    </DossierFrame>
  );
}
