import type { ReactNode } from 'react';
import {
  Alert,
  Button,
  ButtonLink,
  Cell,
  ErrorSummary,
  type FieldErrors,
  Form,
  Heading,
  Link,
  Paragraph,
  Row,
  Table,
  TextArea,
  TextField,
} from '../../../web/components/index.tsx';
import { Layout, type LayoutProps } from '../../../web/layout.tsx';
import { paths } from '../../../web/paths.ts';
import type { Verwerkingsactiviteit } from '../logboek.schemas.ts';

export interface Chrome {
  account: LayoutProps['account'];
  nav: NonNullable<LayoutProps['nav']>;
  csrfToken: string;
}

export const MELDINGEN = {
  aangemaakt: 'De verwerkingsactiviteit is toegevoegd.',
  gewijzigd: 'De wijzigingen zijn opgeslagen.',
} as const;
export type Melding = keyof typeof MELDINGEN;
export const isMelding = (v: unknown): v is Melding => typeof v === 'string' && Object.hasOwn(MELDINGEN, v);

const datum = (d: Date) =>
  d.toLocaleDateString('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  });

/** The register of processing activities: what the service does with personal data, why, and on what basis. */
export function RegisterPagina({
  chrome,
  activiteiten,
  magBeheren,
  bewaartermijnMaanden,
  melding,
}: {
  chrome: Chrome;
  activiteiten: readonly Verwerkingsactiviteit[];
  magBeheren: boolean;
  bewaartermijnMaanden: number | null;
  melding?: Melding | undefined;
}) {
  return (
    <Layout title="Verwerkingsactiviteiten" nav={chrome.nav} account={chrome.account}>
      {melding ? <Alert type="ok">{MELDINGEN[melding]}</Alert> : null}
      <Heading level={1}>Verwerkingsactiviteiten</Heading>
      <Paragraph lead>
        Het register van verwerkingsactiviteiten: wat de sociale dienst met persoonsgegevens doet, waarom, en
        op grond van welke wet.
      </Paragraph>
      <Paragraph>
        Elke keer dat iemand gegevens van een inwoner bekijkt of wijzigt, komt dat in het logboek met de code
        van een verwerkingsactiviteit uit deze lijst. Een code verandert daarom nooit; naam, doel en grondslag
        kunt u wel aanpassen.
      </Paragraph>
      <Paragraph>
        Bewaartermijn van het logboek:{' '}
        {bewaartermijnMaanden === null
          ? 'niet ingesteld (het logboek wordt bewaard tot de termijn is ingesteld).'
          : `${bewaartermijnMaanden} maanden.`}
      </Paragraph>
      {magBeheren ? (
        <Paragraph>
          <ButtonLink href={paths.verwerkingsactiviteitNieuw()}>Verwerkingsactiviteit toevoegen</ButtonLink>
        </Paragraph>
      ) : null}
      <Table caption="Verwerkingsactiviteiten" head={['Naam en code', 'Doel', 'Grondslag', 'Gewijzigd']}>
        {activiteiten.map((a) => (
          <Row key={a.id}>
            <Cell>
              {magBeheren ? <Link href={paths.verwerkingsactiviteit(a.id)}>{a.naam}</Link> : a.naam}
              <br />
              <code>{a.id}</code>
            </Cell>
            <Cell>{a.doel}</Cell>
            <Cell>{a.grondslag}</Cell>
            <Cell>{datum(a.gewijzigdOp)}</Cell>
          </Row>
        ))}
      </Table>
    </Layout>
  );
}

export interface Waarden {
  id: string;
  naam: string;
  doel: string;
  grondslag: string;
}

/** Add (no `bestaand`) or edit one processing activity. */
export function VerwerkingsactiviteitFormulier({
  chrome,
  waarden,
  fouten = {},
  bestaand,
}: {
  chrome: Chrome;
  waarden: Waarden;
  fouten?: FieldErrors;
  bestaand?: { id: string; naam: string };
}): ReactNode {
  const titel = bestaand ? `${bestaand.naam} wijzigen` : 'Verwerkingsactiviteit toevoegen';
  const heeftFouten = Object.values(fouten).some(Boolean);
  return (
    <Layout title={heeftFouten ? `Fout: ${titel}` : titel} nav={chrome.nav} account={chrome.account}>
      <Paragraph>
        <Link href={paths.verwerkingsactiviteiten()}>Terug naar de verwerkingsactiviteiten</Link>
      </Paragraph>
      <ErrorSummary errors={fouten} />
      <Heading level={1}>{titel}</Heading>
      <Form
        action={bestaand ? paths.verwerkingsactiviteit(bestaand.id) : paths.verwerkingsactiviteiten()}
        csrfToken={chrome.csrfToken}
      >
        {bestaand ? (
          <Paragraph>
            Code: <code>{bestaand.id}</code> (verandert niet: het logboek verwijst ernaar).
          </Paragraph>
        ) : (
          <TextField
            name="id"
            label="Code"
            value={waarden.id}
            error={fouten.id}
            description="Kleine letters, cijfers en streepjes, bijvoorbeeld va-schuldhulp. De code verandert later niet."
            spellCheck={false}
            autoComplete="off"
          />
        )}
        <TextField name="naam" label="Naam" value={waarden.naam} error={fouten.naam} autoComplete="off" />
        <TextArea
          name="doel"
          label="Doel"
          value={waarden.doel}
          error={fouten.doel}
          description="Waarom verwerkt de dienst deze gegevens?"
        />
        <TextArea
          name="grondslag"
          label="Grondslag"
          value={waarden.grondslag}
          error={fouten.grondslag}
          description="De wettelijke grondslag, bijvoorbeeld AVG art. 6 lid 1 sub e en Participatiewet art. 9 lid 1 onder c."
          rows={3}
        />
        <Button>{bestaand ? 'Opslaan' : 'Toevoegen'}</Button>
      </Form>
    </Layout>
  );
}
