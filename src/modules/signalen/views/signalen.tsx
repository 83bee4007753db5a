import { Alert, Button, Heading, Link, Paragraph } from '../../../web/components/index.tsx';
import { Layout, type LayoutProps } from '../../../web/layout.tsx';
import { SOORT_NAMEN } from '../regels.ts';
import type { Signaal } from '../signalen.service.ts';

export interface Chrome {
  account: LayoutProps['account'];
  nav: NonNullable<LayoutProps['nav']>;
  csrfToken: string;
}

const tijd = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

/** The inbox: open signals (or all), each with its link and read/done buttons (plain forms, no JavaScript). */
export function SignalenPagina({
  chrome,
  signalen,
  alle,
  melding,
}: {
  chrome: Chrome;
  signalen: Signaal[];
  alle: boolean;
  melding?: string | undefined;
}) {
  return (
    <Layout title="Signalen" nav={chrome.nav} account={chrome.account}>
      <Heading level={1}>Signalen</Heading>
      <Paragraph>
        Signalen wijzen u op wat binnenkort moet gebeuren: een evaluatie, het einde van een tegenprestatie,
        uren die ontbreken, een ontheffing die afloopt. Elke dag komen er nieuwe bij.
      </Paragraph>
      {melding ? <Alert type="ok">{melding}</Alert> : null}
      <Paragraph>
        {alle ? (
          <Link href="/signalen">Alleen open signalen</Link>
        ) : (
          <Link href="/signalen?alle=ja">Ook afgehandelde signalen</Link>
        )}
      </Paragraph>
      {signalen.length === 0 ? (
        <Paragraph>U heeft geen {alle ? '' : 'open '}signalen.</Paragraph>
      ) : (
        <ul className="wk-signalen">
          {signalen.map((s) => (
            <li key={s.id} className={s.gelezen ? 'wk-signaal' : 'wk-signaal wk-signaal--nieuw'}>
              <Heading level={2} id={`signaal-${s.id}`}>
                {SOORT_NAMEN[s.soort]}
                {s.gelezen ? '' : ' (nieuw)'}
                {s.afgehandeld ? ' (afgehandeld)' : ''}
              </Heading>
              <Paragraph>{s.tekst}</Paragraph>
              <Paragraph>
                <Link href={s.link}>
                  Openen<span className="wk-visueel-verborgen">: {SOORT_NAMEN[s.soort].toLowerCase()}</span>
                </Link>{' '}
                · aangemaakt op {tijd(s.aangemaaktOp)}
              </Paragraph>
              <form method="post" action={`/signalen/${s.id}`} className="wk-signaal-acties">
                <input type="hidden" name="_csrf" value={chrome.csrfToken} />
                {s.gelezen ? null : (
                  <Button appearance="secondary" name="actie" value="gelezen">
                    Markeer als gelezen
                  </Button>
                )}
                {s.afgehandeld ? (
                  <Button appearance="subtle" name="actie" value="heropenen">
                    Weer openen
                  </Button>
                ) : (
                  <Button appearance="secondary" name="actie" value="afgehandeld">
                    Afgehandeld
                  </Button>
                )}
              </form>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
