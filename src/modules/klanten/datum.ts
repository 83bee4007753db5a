/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`), computed in UTC so that no time zone shifts a day. ISO strings
 * compare correctly as strings, which keeps the rules readable (`a <= b`).
 */

export type IsoDatum = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date in `YYYY-MM-DD` form (2023-02-29 and 2024-13-01 are not). */
export function isIsoDatum(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= dagenInMaand(y, mo);
}

function delen(s: IsoDatum): [number, number, number] {
  const m = ISO.exec(s);
  if (!m) throw new RangeError(`Geen ISO-datum: ${s}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function dagenInMaand(jaar: number, maand: number): number {
  return new Date(Date.UTC(jaar, maand, 0)).getUTCDate();
}

function formatteer(jaar: number, maand: number, dag: number): IsoDatum {
  return `${String(jaar).padStart(4, '0')}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

/**
 * Adds years and months. When the day does not exist in the target month (29 February in a common year, the 31st
 * of a 30-day month) the result is the last day of that month: someone born on 29 February 2008 turns 18 on
 * 28 February 2026. This is the usual reading of "reaching an age" in Dutch practice; see docs/klanten.md.
 */
export function plusMaanden(datum: IsoDatum, maanden: number): IsoDatum {
  const [y, m, d] = delen(datum);
  const totaal = y * 12 + (m - 1) + maanden;
  const jaar = Math.floor(totaal / 12);
  const maand = (totaal % 12) + 1;
  return formatteer(jaar, maand, Math.min(d, dagenInMaand(jaar, maand)));
}

export const plusJaren = (datum: IsoDatum, jaren: number): IsoDatum => plusMaanden(datum, jaren * 12);

export function plusDagen(datum: IsoDatum, dagen: number): IsoDatum {
  const [y, m, d] = delen(datum);
  const t = new Date(Date.UTC(y, m - 1, d + dagen));
  return formatteer(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from `van` to `tot` (negative when `tot` is earlier). */
export function dagenTussen(van: IsoDatum, tot: IsoDatum): number {
  const [y1, m1, d1] = delen(van);
  const [y2, m2, d2] = delen(tot);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** Age in whole years on `peildatum`, with the same month-end rule as `plusMaanden`. */
export function leeftijd(geboortedatum: IsoDatum, peildatum: IsoDatum): number {
  const [y1] = delen(geboortedatum);
  const [y2] = delen(peildatum);
  let jaren = y2 - y1;
  while (jaren > 0 && plusJaren(geboortedatum, jaren) > peildatum) jaren--;
  return Math.max(0, jaren);
}

export const minDatum = (a: IsoDatum, b: IsoDatum): IsoDatum => (a <= b ? a : b);
export const maxDatum = (a: IsoDatum, b: IsoDatum): IsoDatum => (a >= b ? a : b);

/** Built once: constructing an `Intl.DateTimeFormat` costs far more than formatting with it (the import calls this per row). */
const AMSTERDAM_DATUM = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in the Netherlands (Europe/Amsterdam), as the rules use it. */
export function vandaag(nu: Date = new Date()): IsoDatum {
  return AMSTERDAM_DATUM.format(nu);
}

/** `2028-04-01` → `1 april 2028`. */
export function formatDatumNl(datum: IsoDatum): string {
  const [y, m, d] = delen(datum);
  const maanden = [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ];
  return `${d} ${maanden[m - 1]} ${y}`;
}
