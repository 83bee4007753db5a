import {
  Alert,
  Button,
  Cell,
  ErrorSummary,
  type FieldErrors,
  Form,
  Heading,
  Paragraph,
  Row,
  Table,
  TextField,
} from '../../../web/components/index.tsx';
import { Layout, type LayoutProps, type NavItem } from '../../../web/layout.tsx';
import { paths } from '../../../web/paths.ts';
import { formatMoment } from './format.ts';
import { Verstuur } from './onderdelen.tsx';

export interface TokenRegel {
  id: string;
  naam: string;
  aangemaaktOp: Date;
  laatstGebruiktOp: Date | null;
  ingetrokkenOp: Date | null;
}

/** "API-tokens": the user's tokens for connections to other systems; a new token is shown once. */
export function ApiTokensPagina({
  tokens,
  chrome,
  naam,
  fouten = {},
  nieuwToken,
  melding,
}: {
  tokens: readonly TokenRegel[];
  chrome: { account: LayoutProps['account']; nav: NavItem[]; csrfToken: string };
  naam?: string;
  fouten?: FieldErrors;
  nieuwToken?: { naam: string; token: string };
  melding?: string | undefined;
}) {
  const fout = Object.values(fouten).some(Boolean);
  return (
    <Layout title={fout ? 'Fout: API-tokens' : 'API-tokens'} account={chrome.account} nav={chrome.nav}>
      <ErrorSummary errors={fouten} />
      <Heading level={1}>API-tokens</Heading>
      {melding ? (
        <Alert type="ok">
          <Paragraph>{melding}</Paragraph>
        </Alert>
      ) : null}
      {nieuwToken ? (
        <Alert type="warning" title={`Uw nieuwe token "${nieuwToken.naam}"`}>
          <Paragraph>
            Kopieer het token nu en bewaar het veilig. Wederkerig bewaart het token niet en kan het u niet nog
            een keer laten zien.
          </Paragraph>
          <Paragraph>
            <code className="wk-geheim" id="nieuw-token">
              {nieuwToken.token}
            </code>
          </Paragraph>
        </Alert>
      ) : null}
      <Paragraph>
        Met een API-token kan een ander systeem (bijvoorbeeld het kernsysteem van de gemeente) namens u de API
        van Wederkerig gebruiken. Het systeem ziet dan dezelfde gegevens als u. Trek een token in zodra het
        niet meer nodig is.
      </Paragraph>
      {tokens.length > 0 ? (
        <Table caption="Uw API-tokens" head={['Naam', 'Gemaakt', 'Laatst gebruikt', 'Status']}>
          {tokens.map((t) => (
            <Row key={t.id}>
              <Cell>{t.naam}</Cell>
              <Cell>{formatMoment(t.aangemaaktOp)}</Cell>
              <Cell>{t.laatstGebruiktOp ? formatMoment(t.laatstGebruiktOp) : 'Nog niet gebruikt'}</Cell>
              <Cell>
                {t.ingetrokkenOp ? (
                  `Ingetrokken op ${formatMoment(t.ingetrokkenOp)}`
                ) : (
                  <Form action={paths.apiTokenIntrekken(t.id)} csrfToken={chrome.csrfToken}>
                    <Button appearance="secondary">
                      Intrekken<span className="wk-visueel-verborgen"> token {t.naam}</span>
                    </Button>
                  </Form>
                )}
              </Cell>
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>U heeft nog geen API-tokens.</Paragraph>
      )}
      <Heading level={2}>Nieuw API-token</Heading>
      <Form action={paths.apiTokens()} csrfToken={chrome.csrfToken}>
        <TextField
          name="naam"
          label="Naam van het token"
          description="Waarvoor is het token? Bijvoorbeeld: koppeling met het kernsysteem."
          value={naam}
          error={fouten.naam}
          autoComplete="off"
        />
        <Verstuur>Token maken</Verstuur>
      </Form>
    </Layout>
  );
}
