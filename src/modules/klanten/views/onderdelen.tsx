import type { ReactNode } from 'react';
import { Alert, ErrorSummary, type FieldErrors, Link } from '../../../web/components/index.tsx';
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
  'netwerk-gekoppeld': 'De organisatie staat nu in het eigen netwerk van de klant.',
  'netwerk-ontkoppeld': 'De organisatie is uit het eigen netwerk van de klant gehaald.',
  'ontheffing-vastgelegd': 'De ontheffing is vastgelegd.',
  'ontheffing-beeindigd': 'De einddatum van de ontheffing is opgeslagen.',
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

export function TextArea({
  name,
  label,
  id,
  value,
  error,
  description,
  rows = 4,
}: {
  name: string;
  label: string;
  id?: string;
  value?: string;
  error?: string | undefined;
  description?: string;
  rows?: number;
}) {
  const inputId = id ?? name;
  const describedBy = [description ? `${inputId}-uitleg` : '', error ? `${inputId}-fout` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--textarea${error ? ' utrecht-form-field--invalid' : ''}`}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={inputId}>
          {label}
        </label>
      </div>
      {description ? (
        <div className="utrecht-form-field-description" id={`${inputId}-uitleg`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field-error-message" id={`${inputId}-fout`}>
          {error}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">
        <textarea
          className={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
          id={inputId}
          name={name}
          rows={rows}
          defaultValue={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
      </div>
    </div>
  );
}

/** A list of label/value pairs (NL Design System data list). Empty values show a dash. */
export function Gegevens({ items }: { items: ReadonlyArray<[string, ReactNode]> }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows wk-gegevens">
      {items.map(([k, v]) => (
        <div className="utrecht-data-list__item" key={k}>
          <dt className="utrecht-data-list__item-key">{k}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
            {v === null || v === undefined || v === '' ? '–' : v}
          </dd>
        </div>
      ))}
    </dl>
  );
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

/** Previous / page x of y / next, as links (the page number travels in the query string). */
export function Paginering({
  pagina,
  aantalPaginas,
  href,
  label = 'Paginering',
}: {
  pagina: number;
  aantalPaginas: number;
  href: (pagina: number) => string;
  label?: string;
}) {
  if (aantalPaginas <= 1) return null;
  return (
    <nav className="utrecht-pagination wk-paginering" aria-label={label}>
      {pagina > 1 ? (
        <a
          className="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev"
          href={href(pagina - 1)}
          rel="prev"
        >
          Vorige pagina
        </a>
      ) : null}
      <span className="wk-paginering-stand">
        Pagina {pagina} van {aantalPaginas}
      </span>
      {pagina < aantalPaginas ? (
        <a
          className="utrecht-pagination__relative-link utrecht-pagination__relative-link--next"
          href={href(pagina + 1)}
          rel="next"
        >
          Volgende pagina
        </a>
      ) : null}
    </nav>
  );
}

/** A link styled as a link inside running text (re-exported for views that only need this). */
export { Link };

/** Numbers as the Netherlands writes them: 40.000. */
export const aantal = (n: number): string => n.toLocaleString('nl-NL');
