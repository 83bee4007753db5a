import {
  Alert,
  Button,
  Cell,
  ErrorSummary,
  type FieldErrors,
  Form,
  Heading,
  Link,
  Paragraph,
  Row,
  SelectField,
  Table,
  TextArea,
  TextField,
} from '../../../web/components/index.tsx';
import { Layout, type LayoutProps } from '../../../web/layout.tsx';
import { paths } from '../../../web/paths.ts';
import { formatDatumNl } from '../../klanten/index.ts';
import type { IncidentenOverzicht } from '../dwang.schemas.ts';
import {
  INCIDENT_BRON_NAMEN,
  INCIDENT_BRONNEN,
  INCIDENT_SOORT_NAMEN,
  INCIDENT_SOORTEN,
  type IncidentPatroon,
  patroonTekst,
} from '../incidenten.ts';

export interface Chrome {
  account: LayoutProps['account'];
  nav: NonNullable<LayoutProps['nav']>;
  csrfToken: string;
}

export type IncidentWaarden = Record<'soort' | 'datum' | 'omschrijving' | 'bron' | 'bronNaam', string>;

/**
 * A placement's incidents (issue 15, section 2): the list, the pattern, and the form (only under an imposed
 * decision). Works without JavaScript: POST + CSRF, a refused form answers 422 and keeps what was typed.
 */
export function IncidentenPagina({
  chrome,
  tegenprestatieId,
  overzicht,
  patroon,
  waarden,
  fouten,
  opgeslagen,
}: {
  chrome: Chrome;
  tegenprestatieId: string;
  overzicht: IncidentenOverzicht;
  patroon: IncidentPatroon;
  waarden: IncidentWaarden;
  fouten: FieldErrors;
  opgeslagen: boolean;
}) {
  const { incidenten, opgelegd } = overzicht;
  return (
    <Layout title="Incidenten bij de plaatsing" nav={chrome.nav} account={chrome.account}>
      <Heading level={1}>Incidenten bij de plaatsing</Heading>
      <Paragraph>
        <Link href={paths.tegenprestatie(tegenprestatieId)}>Terug naar de tegenprestatie</Link>
      </Paragraph>
      <ErrorSummary errors={fouten} />
      {opgeslagen ? <Alert type="ok">Het incident is vastgelegd.</Alert> : null}
      <Paragraph>
        Een incident is een feit dat iemand meldt. Bij {patroonTekst(patroon)} krijgt de klantmanager een
        signaal. Een signaal start nooit een maatregel: een maatregel kan alleen na een voornemen, het horen
        van de klant, een beoordeling van de verwijtbaarheid en het akkoord van een tweede persoon, en alleen
        als de klant het opgelegde besluit niet nakomt.
      </Paragraph>
      {overzicht.patroon ? (
        <Alert type="warning" title="Patroon bereikt">
          {`${overzicht.patroon.tekst}: ${overzicht.patroon.datums.map((d) => formatDatumNl(d)).join(', ')}.`}
        </Alert>
      ) : null}
      {incidenten.length === 0 ? (
        <Paragraph>Er zijn geen incidenten vastgelegd.</Paragraph>
      ) : (
        <Table
          caption="Vastgelegde incidenten"
          head={['Datum', 'Wat', 'Beschrijving', 'Gemeld door', 'Vastgelegd door']}
        >
          {incidenten.map((i) => (
            <Row key={i.id}>
              <Cell>{formatDatumNl(i.datum)}</Cell>
              <Cell>{INCIDENT_SOORT_NAMEN[i.soort]}</Cell>
              <Cell>{i.omschrijving}</Cell>
              <Cell>{`${INCIDENT_BRON_NAMEN[i.bron]}${i.bronNaam ? ` (${i.bronNaam})` : ''}`}</Cell>
              <Cell>{i.vastgelegdDoorNaam}</Cell>
            </Row>
          ))}
        </Table>
      )}
      {opgelegd ? (
        <Form action={paths.tegenprestatieIncidenten(tegenprestatieId)} csrfToken={chrome.csrfToken}>
          <Heading level={2}>Incident vastleggen</Heading>
          <SelectField
            name="soort"
            label="Wat gebeurde er?"
            value={waarden.soort}
            options={[
              { value: '', label: '– Kies –' },
              ...INCIDENT_SOORTEN.map((s) => ({ value: s, label: INCIDENT_SOORT_NAMEN[s] })),
            ]}
            error={fouten.soort}
          />
          <TextField name="datum" type="date" label="Datum" value={waarden.datum} error={fouten.datum} />
          <TextArea
            name="omschrijving"
            label="Beschrijving"
            rows={3}
            value={waarden.omschrijving}
            error={fouten.omschrijving}
          />
          <SelectField
            name="bron"
            label="Wie meldde het?"
            value={waarden.bron}
            options={[
              { value: '', label: '– Kies –' },
              ...INCIDENT_BRONNEN.map((b) => ({ value: b, label: INCIDENT_BRON_NAMEN[b] })),
            ]}
            error={fouten.bron}
          />
          <TextField
            name="bronNaam"
            label="Naam of functie van wie het meldde (als dat ertoe doet)"
            value={waarden.bronNaam}
            error={fouten.bronNaam}
          />
          <Button>Incident vastleggen</Button>
        </Form>
      ) : (
        <Paragraph>
          Deze plaatsing loopt niet onder een besluit dat de tegenprestatie oplegt. Meedoen is vrijwillig: een
          incident heeft geen gevolgen en wordt hier niet vastgelegd.
        </Paragraph>
      )}
    </Layout>
  );
}
