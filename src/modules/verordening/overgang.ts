import type { IsoDatum } from '../klanten/index.ts';
import { NIEUWE_WET_VANAF } from './regels.ts';

/**
 * The transition list: which tegenprestaties still run on a date — by default 1 January 2027, when the
 * Participatiewet in balans takes effect, or the effective date of a new version of the ordinance. Pure;
 * table-tested in `overgang.test.ts`. Nothing converts by itself: the list is for review.
 */

/** The states in which a tegenprestatie has been checked or agreed and has not ended. */
export const LOPENDE_STATUSSEN = ['toetsing', 'overeengekomen', 'lopend'] as const;
export type LopendeStatus = (typeof LOPENDE_STATUSSEN)[number];

/** What the list needs of a design (the tegenprestaties module's `Tegenprestatie` fits). */
export interface OntwerpPeriode {
  id: string;
  klantId: string;
  gemeenteId: string;
  status: string;
  startdatum: IsoDatum | null;
  /** Last day (inclusive); null = open-ended. */
  einddatum: IsoDatum | null;
  /** Hours per week and day parts (the design's; absent in lists that do not carry them). */
  urenPerWeek?: number | null;
  dagdelen?: readonly string[];
}

export const STANDAARD_PEILDATUM: IsoDatum = NIEUWE_WET_VANAF;

/**
 * Does this tegenprestatie still run on `peildatum`? It is checked or agreed (`LOPENDE_STATUSSEN`), it started
 * before that day (so it was checked under the rules before it) and it has not ended before it.
 */
export function loptOp(o: OntwerpPeriode, peildatum: IsoDatum = STANDAARD_PEILDATUM): boolean {
  return (
    (LOPENDE_STATUSSEN as readonly string[]).includes(o.status) &&
    o.startdatum !== null &&
    o.startdatum < peildatum &&
    (o.einddatum === null || o.einddatum >= peildatum)
  );
}

/** The designs running on `peildatum`, earliest start first. */
export function overgangslijst<O extends OntwerpPeriode>(ontwerpen: readonly O[], peildatum: IsoDatum): O[] {
  return ontwerpen
    .filter((o) => loptOp(o, peildatum))
    .sort((a, b) => (a.startdatum ?? '').localeCompare(b.startdatum ?? '') || a.id.localeCompare(b.id));
}

/** The day before an ISO date. */
export function dagErvoor(datum: IsoDatum): IsoDatum {
  const [y, m, d] = datum.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}
