import { type IsoDatum, plusMaanden } from './datum.ts';

/**
 * The AOW age (pensioengerechtigde leeftijd) by date of birth, as the SVB and Rijksoverheid publish it. The law
 * (AOW art. 7a) sets the age per calendar year, five years ahead; someone reaches it on the first day on which
 * their age equals the age of that calendar year. That turns into these ranges of birth dates.
 *
 * Sources: rijksoverheid.nl "Wanneer gaat mijn AOW in?" (2024–2029 rows), the ministerial decisions of
 * November 2024 (2030: 67 years and 3 months) and 13 November 2025 (2031: 67 years and 3 months, Stcrt.
 * 2025-0000245696); earlier years from the Wet verhoging AOW- en pensioenrichtleeftijd and the Wet temporisering
 * verhoging AOW-leeftijd (2019–2023).
 *
 * Known up to and including people born on 30 September 1964 (AOW in 2031). For anyone born later the age is
 * not fixed yet: we use the latest known age and say it is provisional (`voorlopig`). It cannot be lower — a
 * fixed AOW age never goes down — but it may be higher. Add a row each November when the minister announces the
 * next year (the decision for 2032 is due by 1 January 2027).
 */
export interface AowCohort {
  /** First birth date of the range (inclusive); undefined: from the beginning. */
  geborenVanaf?: IsoDatum;
  /** Last birth date of the range (inclusive). */
  geborenTotEnMet: IsoDatum;
  jaren: number;
  maanden: number;
  /** Calendar year(s) in which this range reaches the AOW age. */
  aowInJaar: string;
}

export const AOW_COHORTEN: readonly AowCohort[] = [
  { geborenTotEnMet: '1947-12-31', jaren: 65, maanden: 0, aowInJaar: 't/m 2012' },
  { geborenVanaf: '1948-01-01', geborenTotEnMet: '1948-11-30', jaren: 65, maanden: 1, aowInJaar: '2013' },
  { geborenVanaf: '1948-12-01', geborenTotEnMet: '1949-10-31', jaren: 65, maanden: 2, aowInJaar: '2014' },
  { geborenVanaf: '1949-11-01', geborenTotEnMet: '1950-09-30', jaren: 65, maanden: 3, aowInJaar: '2015' },
  { geborenVanaf: '1950-10-01', geborenTotEnMet: '1951-06-30', jaren: 65, maanden: 6, aowInJaar: '2016' },
  { geborenVanaf: '1951-07-01', geborenTotEnMet: '1952-03-31', jaren: 65, maanden: 9, aowInJaar: '2017' },
  { geborenVanaf: '1952-04-01', geborenTotEnMet: '1952-12-31', jaren: 66, maanden: 0, aowInJaar: '2018' },
  {
    geborenVanaf: '1953-01-01',
    geborenTotEnMet: '1955-08-31',
    jaren: 66,
    maanden: 4,
    aowInJaar: '2019–2021',
  },
  { geborenVanaf: '1955-09-01', geborenTotEnMet: '1956-05-31', jaren: 66, maanden: 7, aowInJaar: '2022' },
  { geborenVanaf: '1956-06-01', geborenTotEnMet: '1957-02-28', jaren: 66, maanden: 10, aowInJaar: '2023' },
  {
    geborenVanaf: '1957-03-01',
    geborenTotEnMet: '1960-12-31',
    jaren: 67,
    maanden: 0,
    aowInJaar: '2024–2027',
  },
  { geborenVanaf: '1961-01-01', geborenTotEnMet: '1961-09-30', jaren: 67, maanden: 3, aowInJaar: '2028' },
  { geborenVanaf: '1961-10-01', geborenTotEnMet: '1962-09-30', jaren: 67, maanden: 3, aowInJaar: '2029' },
  { geborenVanaf: '1962-10-01', geborenTotEnMet: '1963-09-30', jaren: 67, maanden: 3, aowInJaar: '2030' },
  { geborenVanaf: '1963-10-01', geborenTotEnMet: '1964-09-30', jaren: 67, maanden: 3, aowInJaar: '2031' },
];

/** The last birth date for which the AOW age is fixed. */
export const AOW_BEKEND_TOT_EN_MET: IsoDatum = AOW_COHORTEN[AOW_COHORTEN.length - 1]!.geborenTotEnMet;

export interface AowUitkomst {
  /** The day the person reaches the AOW age (from that day the tegenprestatie no longer applies). */
  datum: IsoDatum;
  jaren: number;
  maanden: number;
  /**
   * True when the age for this birth date is not fixed yet: `datum` uses the latest known age and is the earliest
   * possible date; the real one may be later.
   */
  voorlopig: boolean;
}

/** The day someone born on `geboortedatum` reaches the AOW age. */
export function aowDatum(geboortedatum: IsoDatum): AowUitkomst {
  const cohort = AOW_COHORTEN.find((c) => geboortedatum <= c.geborenTotEnMet);
  const gebruikt = cohort ?? AOW_COHORTEN[AOW_COHORTEN.length - 1]!;
  return {
    datum: plusMaanden(geboortedatum, gebruikt.jaren * 12 + gebruikt.maanden),
    jaren: gebruikt.jaren,
    maanden: gebruikt.maanden,
    voorlopig: cohort === undefined,
  };
}

/** "67 jaar en 3 maanden" */
export function formatAowLeeftijd(u: Pick<AowUitkomst, 'jaren' | 'maanden'>): string {
  if (u.maanden === 0) return `${u.jaren} jaar`;
  return `${u.jaren} jaar en ${u.maanden} ${u.maanden === 1 ? 'maand' : 'maanden'}`;
}
