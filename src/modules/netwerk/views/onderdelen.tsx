import type { ReactNode } from 'react';
import { Alert, ErrorSummary, type FieldErrors } from '../../../web/components/index.tsx';

export { Gegevens, Paginering, RadioGroup, TextArea } from '../../../web/components/index.tsx';

import { Layout, type LayoutProps } from '../../../web/layout.tsx';

/**
 * Building blocks of the network pages that the shared facade does not have (text area, radio group, data list,
 * search form, pagination). They emit NL Design System (Utrecht) class names like the facade does; candidates to
 * move into `src/web/components` once the klanten module's equivalents are merged with them.
 */

/** What every page gets from `pageChrome`. */
export interface Chrome {
  account: LayoutProps['account'];
  nav: NonNullable<LayoutProps['nav']>;
  csrfToken: string;
}

/** Confirmations after a successful change (Post/Redirect/Get carries the code in `?melding=`). */
export const MELDINGEN = {
  'organisatie-aangemaakt': 'De organisatie is toegevoegd.',
  'activiteit-aangemaakt':
    'De activiteit is toegevoegd. Doe nu de verdringingstoets, dan kan de activiteit gebruikt worden.',
  gewijzigd: 'De wijzigingen zijn opgeslagen.',
  'toets-vastgelegd': 'De verdringingstoets is vastgelegd.',
  'toets-twijfel':
    'De verdringingstoets is vastgelegd. Omdat u twijfelt, staat er een intervisieverzoek klaar voor de teamleider.',
  'besluit-vastgelegd': 'Het besluit is vastgelegd.',
  'import-gestart': 'Het inlezen is gestart. Deze pagina laat zien hoe ver het is.',
} as const;
export type Melding = keyof typeof MELDINGEN;
export const isMelding = (v: unknown): v is Melding => typeof v === 'string' && Object.hasOwn(MELDINGEN, v);

export function NetwerkLayout({
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

/** A search form (GET, no CSRF token: it changes nothing), labelled for assistive technology. */
export function Zoekformulier({
  action,
  label,
  children,
}: {
  action: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <search aria-label={label}>
      <form method="get" action={action}>
        {children}
      </form>
    </search>
  );
}

/** "4 tot 8 uur" with a Dutch decimal comma. */
export const uren = (min: number, max: number): string => {
  const f = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 1 });
  return min === max ? `${f(min)} uur` : `${f(min)} tot ${f(max)} uur`;
};

/** 2026-03-01 → 1 maart 2026. */
export const datumNl = (iso: string | null): string =>
  iso
    ? new Intl.DateTimeFormat('nl-NL', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`))
    : '–';

/** A timestamp as Dutch date and time (Amsterdam). */
export const tijdstipNl = (iso: string): string =>
  new Intl.DateTimeFormat('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));

/** A query string from the filled-in values only. */
export const query = (waarden: Record<string, string | number | undefined>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(waarden)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};
