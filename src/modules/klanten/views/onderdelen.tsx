import type { ReactNode } from 'react';
import { Alert, ErrorSummary, type FieldErrors, Link } from '../../../web/components/index.tsx';

export { Gegevens, Paginering, TextArea } from '../../../web/components/index.tsx';

import { Layout, type LayoutProps } from '../../../web/layout.tsx';

/**
 * Building blocks of the client-file pages that the shared facade does not have yet (text area, data list, tabs,
 * pagination, progress). They emit NL Design System (Utrecht) class names like the facade does.
 */

/** What every page gets from `pageChrome`. */
export interface Chrome {
  account: LayoutProps['account'];
  nav: NonNullable<LayoutProps['nav']>;
  csrfToken: string;
}

/** Confirmations after a successful change (Post/Redirect/Get carries the code in `?melding=`). */
export const MELDINGEN = {
  aangemaakt: 'De klant is ingeschreven.',
  gewijzigd: 'De wijzigingen zijn opgeslagen.',
  toegewezen: 'De klantmanager is gewijzigd.',
  'dossier-gesloten': 'Het dossier is gesloten. De bewaartermijn telt vanaf de sluitdatum.',
  'dossier-heropend': 'Het dossier is weer geopend.',
  'netwerk-gekoppeld': 'De organisatie staat nu in het eigen netwerk van de klant.',
  'netwerk-ontkoppeld': 'De organisatie is uit het eigen netwerk van de klant gehaald.',
  'ontheffing-vastgelegd': 'De ontheffing is vastgelegd.',
  'ontheffing-beeindigd': 'De einddatum van de ontheffing is opgeslagen.',
  'ontheffing-opgeschort-hervat': 'De opschorting of hervatting van de ontheffing is vastgelegd.',
  'plan-van-aanpak-opgeslagen': 'De data van het plan van aanpak en het heronderzoek zijn opgeslagen.',
  'import-gestart': 'De import is gestart. Deze pagina laat zien hoe ver hij is.',
} as const;
export type Melding = keyof typeof MELDINGEN;
export const isMelding = (v: unknown): v is Melding => typeof v === 'string' && Object.hasOwn(MELDINGEN, v);

export function KlantenLayout({
  title,
  chrome,
  melding,
  children,
}: {
  title: string;
  chrome: Chrome;
  melding?: Melding | undefined;
  children: ReactNode;
}) {
  return (
    <Layout title={title} nav={chrome.nav} account={chrome.account}>
      <div className="wk-klanten">
        {melding ? <Alert type="ok">{MELDINGEN[melding]}</Alert> : null}
        {children}
      </div>
    </Layout>
  );
}

/** The error summary; `veldIds` maps a field to the id of its first input when they differ. */
export function Foutmeldingen({
  fouten,
  veldIds,
}: {
  fouten: FieldErrors;
  veldIds?: Record<string, string>;
}) {
  return <ErrorSummary errors={fouten} {...(veldIds ? { fieldIds: veldIds } : {})} />;
}

/** Tabs as plain links (each tab is its own page, so they work without JavaScript). */
export function Tabs({
  label,
  tabs,
}: {
  label: string;
  tabs: ReadonlyArray<{ href: string; label: string; current: boolean }>;
}) {
  return (
    <nav className="wk-tabs" aria-label={label}>
      <ul>
        {tabs.map((t) => (
          <li key={t.href}>
            <a className="utrecht-link" href={t.href} aria-current={t.current ? 'page' : undefined}>
              {t.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A link styled as a link inside running text (re-exported for views that only need this). */
export { Link };

/** Numbers as the Netherlands writes them: 40.000. */
export const aantal = (n: number): string => n.toLocaleString('nl-NL');
