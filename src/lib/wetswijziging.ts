/**
 * The switch of 1 January 2027 (Participatiewet in balans, BWBR0051679): maatschappelijke participatie replaces the
 * tegenprestatie. Pure helpers any module may use (designs, checks, decisions, agreements) to see whether a period
 * spans the switch, and the one warning they show. Table-tested in `wetswijziging.test.ts`.
 */

/** The day the Participatiewet in balans replaces the tegenprestatie by maatschappelijke participatie. */
export const WETSWIJZIGING_2027 = '2027-01-01';

/**
 * Does the period [start, eind] (eind the last day, inclusive; null = open-ended) run over `datum`: it starts
 * before that day and has not ended before it? A period that starts on or after the day does not span it.
 */
export function spantDatum(
  start: string | null,
  eind: string | null,
  datum: string = WETSWIJZIGING_2027,
): boolean {
  return start !== null && start < datum && (eind === null || eind >= datum);
}

/**
 * The warning every design, ordinance check, decision and agreement shows when its period spans 1 January 2027
 * (null when it does not). `naam` is the instrument's name of the period.
 */
export function overgangWaarschuwing(start: string | null, eind: string | null, naam: string): string | null {
  if (!spantDatum(start, eind)) return null;
  return (
    `Deze ${naam} loopt door na 31 december 2026. Op 1 januari 2027 gaat de Participatiewet in balans in: ` +
    'dan vervangt maatschappelijke participatie de tegenprestatie en geldt een nieuwe wettelijke grondslag. ' +
    'Kijk of de afspraken na die dag nog passen.'
  );
}
