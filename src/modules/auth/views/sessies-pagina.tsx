import { Alert, Button, Cell, Form, Heading, Paragraph, Row, Table } from '../../../web/components/index.tsx';
import { Layout, type LayoutProps, type NavItem } from '../../../web/layout.tsx';
import { paths } from '../../../web/paths.ts';
import { formatMoment } from './format.ts';

export interface SessieRegel {
  id: string;
  omschrijving: string;
  aangemaaktOp: Date;
  laatstActiefOp: Date;
  isHuidige: boolean;
}

/** "Mijn sessies": where the user is signed in, each with a button to end it. */
export function SessiesPagina({
  sessies,
  melding,
  chrome,
}: {
  sessies: readonly SessieRegel[];
  melding?: string | undefined;
  chrome: { account: LayoutProps['account']; nav: NavItem[]; csrfToken: string };
}) {
  return (
    <Layout title="Mijn sessies" account={chrome.account} nav={chrome.nav}>
      <Heading level={1}>Mijn sessies</Heading>
      {melding ? (
        <Alert type="ok">
          <Paragraph>{melding}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph>
        Hier ziet u op welke apparaten u bent ingelogd. Herkent u een sessie niet? Beëindig die dan en kies
        een nieuw wachtwoord via uw functioneel beheerder. Een sessie stopt vanzelf na 30 minuten zonder
        gebruik en uiterlijk 12 uur na het inloggen.
      </Paragraph>
      <Table caption="Uw sessies" head={['Browser', 'Ingelogd op', 'Laatst actief', 'Actie']}>
        {sessies.map((s) => (
          <Row key={s.id}>
            <Cell>
              {s.omschrijving}
              {s.isHuidige ? ' (deze sessie)' : ''}
            </Cell>
            <Cell>{formatMoment(s.aangemaaktOp)}</Cell>
            <Cell>{formatMoment(s.laatstActiefOp)}</Cell>
            <Cell>
              <Form action={paths.sessieBeeindigen(s.id)} csrfToken={chrome.csrfToken}>
                <Button appearance="secondary">
                  {s.isHuidige ? 'Uitloggen' : 'Beëindigen'}
                  <span className="wk-visueel-verborgen">
                    {' '}
                    sessie {s.omschrijving} van {formatMoment(s.aangemaaktOp)}
                  </span>
                </Button>
              </Form>
            </Cell>
          </Row>
        ))}
      </Table>
    </Layout>
  );
}
