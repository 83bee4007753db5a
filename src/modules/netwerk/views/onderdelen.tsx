import type { ReactNode } from 'react';
import { Alert, ErrorSummary, type FieldErrors } from '../../../web/components/index.tsx';
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

/** Radio buttons in a fieldset with a legend (one choice). The fieldset's id is `idPrefix`. */
export function RadioGroup({
  name,
  legend,
  options,
  value,
  error,
  idPrefix,
  description,
}: {
  name: string;
  legend: ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
  value: string | undefined;
  error?: string | undefined;
  idPrefix?: string;
  description?: string;
}) {
  const prefix = idPrefix ?? name;
  const describedBy = [description ? `${prefix}-uitleg` : '', error ? `${prefix}-fout` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      id={prefix}
      aria-describedby={describedBy || undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
      </legend>
      {description ? (
        <div className="utrecht-form-field-description" id={`${prefix}-uitleg`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field-error-message" id={`${prefix}-fout`}>
          {error}
        </div>
      ) : null}
      {options.map((o) => (
        <div className="utrecht-form-field utrecht-form-field--radio" key={o.value}>
          <input
            className="utrecht-radio-button utrecht-radio-button--html-input"
            type="radio"
            id={`${prefix}-${o.value}`}
            name={name}
            value={o.value}
            defaultChecked={value === o.value}
          />
          <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${prefix}-${o.value}`}>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** A list of label/value pairs (NL Design System data list). Empty values show a dash. */
export function Gegevens({ items }: { items: ReadonlyArray<[string, ReactNode]> }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows">
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

/** Previous / page x of y / next, as links (the page number travels in the query string). */
export function Paginering({
  pagina,
  aantalPaginas,
  href,
}: {
  pagina: number;
  aantalPaginas: number;
  href: (pagina: number) => string;
}) {
  if (aantalPaginas <= 1) return null;
  return (
    <nav className="utrecht-pagination" aria-label="Paginering">
      {pagina > 1 ? (
        <a
          className="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev"
          href={href(pagina - 1)}
          rel="prev"
        >
          Vorige pagina
        </a>
      ) : null}{' '}
      <span>
        Pagina {pagina} van {aantalPaginas}
      </span>{' '}
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
