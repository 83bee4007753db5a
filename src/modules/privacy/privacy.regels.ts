/**
 * Pure rules of the privacy module: the retention date of a closed file and the CSV of a log search. No I/O.
 */

/** The Amsterdam day of an instant, as `YYYY-MM-DD`. */
export function dagInAmsterdam(t: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(t);
}

/** The time of an instant in Amsterdam, `YYYY-MM-DD HH:MM:SS`. */
export function tijdInAmsterdam(t: Date): string {
  const d = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(t);
  const p = (type: string) => d.find((x) => x.type === type)?.value ?? '';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}:${p('second')}`;
}

/**
 * One CSV field: quoted when needed, and a leading `=`, `+`, `-`, `@`, tab or carriage return defused with a
 * quote, so that a spreadsheet never runs the text as a formula (CSV injection).
 */
export function csvVeld(waarde: string | number | null | undefined): string {
  if (waarde === null || waarde === undefined) return '';
  let s = String(waarde);
  if (typeof waarde === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\r\n,]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A CSV document (`;`-separated, as Dutch spreadsheets expect; CRLF; a BOM so Excel reads UTF-8). */
export function naarCsv(
  kop: readonly string[],
  rijen: ReadonlyArray<ReadonlyArray<string | number | null>>,
): string {
  const regels = [kop, ...rijen].map((r) => r.map(csvVeld).join(';'));
  return `\uFEFF${regels.join('\r\n')}\r\n`;
}
