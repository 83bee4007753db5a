import { Heading, Link, Paragraph } from './components/index.tsx';
import { Layout, type LayoutProps, type NavItem } from './layout.tsx';
import { paths } from './paths.ts';

/** A signed-in user's menu and account block (with the logout button), kept on an error page. */
export interface FoutChrome {
  account: LayoutProps['account'];
  nav: readonly NavItem[];
}

/** The Dutch error page: no stack traces, no internal messages; a signed-in user keeps the menu and logout. */
export function ErrorPage({
  status,
  title,
  chrome,
}: {
  status: number;
  title: string;
  chrome?: FoutChrome | undefined;
}) {
  const heading =
    status === 404 ? 'Pagina niet gevonden' : status >= 500 ? 'Er ging iets mis' : 'Dat lukt niet';
  return (
    <Layout title={heading} account={chrome?.account} nav={chrome?.nav}>
      <Heading level={1}>{heading}</Heading>
      <Paragraph>{title}</Paragraph>
      {status >= 500 ? (
        <Paragraph>
          Probeer het over een paar minuten opnieuw. Blijft het misgaan? Neem contact op met uw functioneel
          beheerder.
        </Paragraph>
      ) : null}
      <Paragraph>
        <Link href={paths.home()}>Naar de startpagina</Link>
      </Paragraph>
      <Paragraph>
        <small>Foutcode {status}</small>
      </Paragraph>
    </Layout>
  );
}
