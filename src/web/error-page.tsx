import { Heading, Link, Paragraph } from './components/index.tsx';
import { Layout } from './layout.tsx';
import { paths } from './paths.ts';

/** The Dutch error page: no stack traces, no internal messages. */
export function ErrorPage({ status, title }: { status: number; title: string }) {
  const heading =
    status === 404 ? 'Pagina niet gevonden' : status >= 500 ? 'Er ging iets mis' : 'Dat lukt niet';
  return (
    <Layout title={heading}>
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
