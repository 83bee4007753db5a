import type { ReactNode } from 'react';
import { Alert, ErrorSummary, type FieldErrors } from '../../../web/components/index.tsx';
import { Layout, type LayoutProps } from '../../../web/layout.tsx';

/** What every beheer page gets from `pageChrome`. */
export interface Chrome {
  account: LayoutProps['account'];
  nav: NonNullable<LayoutProps['nav']>;
  csrfToken: string;
}

/** Confirmations after a successful change (Post/Redirect/Get carries the code in `?melding=`). */
export const MELDINGEN = {
  aangemaakt: 'Aangemaakt.',
  gewijzigd: 'De wijzigingen zijn opgeslagen.',
  uitgezet: 'Het account staat uit. Deze gebruiker kan niet meer inloggen.',
  aangezet: 'Het account staat weer aan.',
  'tweestap-uit':
    'De tweestapsverificatie staat uit en de gebruiker is overal uitgelogd. Bij de volgende keer inloggen stelt de gebruiker een nieuwe inlogcode-app in.',
} as const;
export type Melding = keyof typeof MELDINGEN;

export const isMelding = (v: unknown): v is Melding => typeof v === 'string' && Object.hasOwn(MELDINGEN, v);

export function BeheerLayout({
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
      {melding ? <Alert type="ok">{MELDINGEN[melding]}</Alert> : null}
      {children}
    </Layout>
  );
}

/** The error summary with links to the first input of each field (checkbox groups link to their first box). */
export function Foutmeldingen({
  fouten,
  veldIds,
}: {
  fouten: FieldErrors;
  veldIds?: Record<string, string>;
}) {
  return <ErrorSummary errors={fouten} {...(veldIds ? { fieldIds: veldIds } : {})} />;
}

/** Names as a readable list ("Aardam, Bergdorp"), or a dash. */
export const namen = (items: ReadonlyArray<{ naam: string }>): string =>
  items.length > 0 ? items.map((i) => i.naam).join(', ') : '–';
