import type { ReactNode } from 'react';
import { paths } from './paths.ts';

export interface NavItem {
  href: string;
  label: string;
  current?: boolean;
}

export interface LayoutProps {
  /** The page's own title; the service name is appended. */
  title: string;
  children: ReactNode;
  /** Navigation for the signed-in user (empty for anonymous pages). */
  nav?: readonly NavItem[];
  /** Shown in the header when signed in, with the logout form. */
  account?:
    | {
        naam: string;
        rolNaam: string;
        logoutAction: string;
        csrfToken: string;
        /** Unread signals: the inbox link shows the count. */
        signalen?: number | undefined;
      }
    | undefined;
  /** Banner under the header (e.g. demo mode). */
  banner?: ReactNode;
}

export const SERVICE_NAME = 'Wederkerig';

/** The page frame: NL Design System theme, skip link, header with the service's name, main, footer. */
export function Layout({ title, children, nav, account, banner }: LayoutProps) {
  return (
    <html lang="nl" className="voorbeeld-theme">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${SERVICE_NAME}`}</title>
        <link rel="icon" href="data:," />
        <meta
          name="htmx-config"
          content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false,"responseHandling":[{"code":"204","swap":false},{"code":"[23]..","swap":true},{"code":"422","swap":true},{"code":"[45]..","swap":false,"error":true}]}'
        />
        <link rel="stylesheet" href={paths.asset('tokens.css')} />
        <link rel="stylesheet" href={paths.asset('thema.css')} />
        <link rel="stylesheet" href={paths.asset('utrecht.css')} />
        <link rel="stylesheet" href={paths.asset('app.css')} />
        <script src={paths.asset('htmx.min.js')} defer />
      </head>
      <body className="utrecht-document utrecht-document--surface">
        <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
          Naar de inhoud
        </a>
        <div className="utrecht-page">
          <header className="utrecht-page-header wk-header">
            <a className="wk-logo" href={paths.home()}>
              {SERVICE_NAME}
            </a>
            {account ? (
              <div className="wk-account">
                <span>
                  {account.naam} <span className="wk-rol">({account.rolNaam})</span>
                </span>
                <a className="utrecht-link wk-signalen-link" href="/signalen">
                  Signalen
                  {account.signalen ? (
                    <>
                      {' '}
                      <span className="wk-teller">{account.signalen}</span>
                      <span className="wk-visueel-verborgen"> ongelezen</span>
                    </>
                  ) : null}
                </a>
                <form method="post" action={account.logoutAction}>
                  <input type="hidden" name="_csrf" value={account.csrfToken} />
                  <button type="submit" className="utrecht-button utrecht-button--subtle">
                    Uitloggen
                  </button>
                </form>
              </div>
            ) : null}
          </header>
          {nav && nav.length > 0 ? (
            <nav className="wk-nav" aria-label="Hoofdmenu">
              <ul>
                {nav.map((n) => (
                  <li key={n.href}>
                    <a className="utrecht-link" href={n.href} aria-current={n.current ? 'page' : undefined}>
                      {n.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {banner}
          <main className="utrecht-page-content wk-main" id="inhoud" tabIndex={-1}>
            {children}
          </main>
          <footer className="utrecht-page-footer wk-footer">
            <p className="utrecht-paragraph">
              {SERVICE_NAME} – werkruimte voor de tegenprestatie en maatschappelijke participatie.
            </p>
          </footer>
        </div>
      </body>
    </html>
  );
}
