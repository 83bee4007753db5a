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

// The CSV of a log search is written with the shared CSV rules (formula cells defused): src/lib/csv.ts.
export { csvVeld, naarCsv } from '../../lib/csv.ts';
