import { type ReactNode, useId } from 'react';

/**
 * Our thin facade over NL Design System (Utrecht) CSS: plain elements with the Utrecht class names. Pages use
 * these, never the class names directly, so the design system can be swapped in one place.
 */

export function Heading({ level, children, id }: { level: 1 | 2 | 3; children: ReactNode; id?: string }) {
  const cls = `utrecht-heading-${level}`;
  if (level === 1)
    return (
      <h1 className={cls} id={id}>
        {children}
      </h1>
    );
  if (level === 2)
    return (
      <h2 className={cls} id={id}>
        {children}
      </h2>
    );
  return (
    <h3 className={cls} id={id}>
      {children}
    </h3>
  );
}

export function Paragraph({ children, lead }: { children: ReactNode; lead?: boolean }) {
  return (
    <p className={lead ? 'utrecht-paragraph utrecht-paragraph--lead' : 'utrecht-paragraph'}>{children}</p>
  );
}

export function Link({ href, children, current }: { href: string; children: ReactNode; current?: boolean }) {
  return (
    <a className="utrecht-link utrecht-link--html-a" href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}

export function ButtonLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a
      className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
      href={href}
    >
      {children}
    </a>
  );
}

export function Button({
  children,
  appearance = 'primary',
  name,
  value,
}: {
  children: ReactNode;
  appearance?: 'primary' | 'secondary' | 'subtle' | 'danger';
  name?: string;
  value?: string;
}) {
  const variant = {
    primary: 'utrecht-button--primary-action',
    secondary: 'utrecht-button--secondary-action',
    subtle: 'utrecht-button--subtle',
    danger: 'utrecht-button--secondary-action utrecht-button--danger',
  }[appearance];
  return (
    <button type="submit" className={`utrecht-button ${variant}`} name={name} value={value}>
      {children}
    </button>
  );
}

export function UnorderedList({ children }: { children: ReactNode }) {
  return <ul className="utrecht-unordered-list">{children}</ul>;
}

export function ListItem({ children }: { children: ReactNode }) {
  return <li className="utrecht-unordered-list__item">{children}</li>;
}

export function Alert({
  type,
  children,
  title,
}: {
  type: 'info' | 'ok' | 'warning' | 'error';
  children: ReactNode;
  title?: string;
}) {
  return (
    <div className={`utrecht-alert utrecht-alert--${type}`} role={type === 'error' ? 'alert' : 'status'}>
      <div className="utrecht-alert__content">
        {title ? (
          <p className="utrecht-alert__title utrecht-paragraph">
            <strong>{title}</strong>
          </p>
        ) : null}
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

/** Field errors keyed by field name. */
export type FieldErrors = Partial<Record<string, string>>;

/** The GOV.UK-style error summary above a form: each error links to its field. */
export function ErrorSummary({
  errors,
  fieldIds,
}: {
  errors: FieldErrors;
  fieldIds?: Record<string, string>;
}) {
  const entries = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]));
  if (entries.length === 0) return null;
  return (
    <div
      className="utrecht-alert utrecht-alert--error wk-error-summary"
      role="alert"
      tabIndex={-1}
      id="foutmeldingen"
    >
      <div className="utrecht-alert__content">
        <h2 className="utrecht-heading-2">Er is een probleem</h2>
        <ul className="utrecht-unordered-list">
          {entries.map(([field, message]) => (
            <li key={field} className="utrecht-unordered-list__item">
              <a className="utrecht-link" href={`#${fieldIds?.[field] ?? field}`}>
                {message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function TextField({
  name,
  label,
  id,
  value,
  error,
  type = 'text',
  autoComplete,
  description,
  required,
  inputMode,
  spellCheck,
}: {
  name: string;
  label: string;
  id?: string;
  value?: string;
  error?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'date';
  autoComplete?: string;
  description?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'text' | 'email';
  spellCheck?: boolean;
}) {
  const inputId = id ?? name;
  const describedBy = [description ? `${inputId}-uitleg` : '', error ? `${inputId}-fout` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}
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
        <input
          className={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
          id={inputId}
          name={name}
          type={type}
          defaultValue={type === 'password' ? undefined : value}
          autoComplete={autoComplete}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          required={required}
          inputMode={inputMode}
          spellCheck={spellCheck}
        />
      </div>
    </div>
  );
}

export function SelectField({
  name,
  label,
  id,
  value,
  error,
  options,
  multiple,
  values,
}: {
  name: string;
  label: string;
  id?: string;
  value?: string;
  values?: readonly string[];
  error?: string | undefined;
  options: ReadonlyArray<{ value: string; label: string }>;
  multiple?: boolean;
}) {
  const inputId = id ?? name;
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--select${error ? ' utrecht-form-field--invalid' : ''}`}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={inputId}>
          {label}
        </label>
      </div>
      {error ? (
        <div className="utrecht-form-field-error-message" id={`${inputId}-fout`}>
          {error}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">
        <select
          className={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}
          id={inputId}
          name={name}
          defaultValue={multiple ? [...(values ?? [])] : value}
          multiple={multiple}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-fout` : undefined}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** A group of checkboxes in a fieldset with a legend. */
export function CheckboxGroup({
  name,
  legend,
  options,
  values,
  error,
  idPrefix,
}: {
  name: string;
  legend: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  values: readonly string[];
  error?: string | undefined;
  idPrefix?: string;
}) {
  const prefix = idPrefix ?? name;
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      id={prefix}
      aria-describedby={error ? `${prefix}-fout` : undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
      </legend>
      {error ? (
        <div className="utrecht-form-field-error-message" id={`${prefix}-fout`}>
          {error}
        </div>
      ) : null}
      {options.map((o) => (
        <div className="utrecht-form-field utrecht-form-field--checkbox" key={o.value}>
          <input
            className="utrecht-checkbox utrecht-checkbox--html-input"
            type="checkbox"
            id={`${prefix}-${o.value}`}
            name={name}
            value={o.value}
            defaultChecked={values.includes(o.value)}
          />
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`${prefix}-${o.value}`}>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * A table usable at 375 pixels wide (issue 16): it scrolls sideways inside its own region (keyboard-focusable,
 * named by its caption) with a visible cue — a line on narrow screens and a shadow at the edge that has more — while
 * the page itself never scrolls sideways. No JavaScript.
 */
export function Table({ caption, head, children }: { caption: string; head: string[]; children: ReactNode }) {
  const id = useId();
  return (
    <TabelRegio labelId={id}>
      <table className="utrecht-table utrecht-table--html-table">
        <caption className="utrecht-table__caption" id={id}>
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {head.map((h) => (
              <th key={h} className="utrecht-table__header-cell" scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">{children}</tbody>
      </table>
    </TabelRegio>
  );
}

/**
 * The sideways-scrolling region around a table (see `Table`), for a table written by hand: `labelId` is the id of
 * its caption, which names the region.
 */
export function TabelRegio({ labelId, children }: { labelId: string; children: ReactNode }) {
  return (
    <div className="wk-tabel">
      <p className="wk-tabel-hint">Schuif de tabel opzij om alle kolommen te zien.</p>
      <section
        className="utrecht-table-container wk-tabel-scroll"
        aria-labelledby={labelId}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard (WCAG 2.1.1)
        tabIndex={0}
      >
        {children}
      </section>
    </div>
  );
}

export function Row({ children }: { children: ReactNode }) {
  return <tr className="utrecht-table__row">{children}</tr>;
}

export function Cell({ children }: { children: ReactNode }) {
  return <td className="utrecht-table__cell">{children}</td>;
}

/** A POST form with the CSRF token; works without JavaScript. */
export function Form({
  action,
  csrfToken,
  children,
  id,
}: {
  action: string;
  csrfToken: string;
  children: ReactNode;
  id?: string;
}) {
  return (
    <form method="post" action={action} id={id} noValidate>
      <input type="hidden" name="_csrf" value={csrfToken} />
      {children}
    </form>
  );
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
