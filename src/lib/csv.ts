/**
 * CSV as Wederkerig writes it for people who open it in a spreadsheet (the privacy officer's log export, the CBS
 * indicator): one rule for every export, so no export can forget to defuse a formula. Pure, no I/O.
 */

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
