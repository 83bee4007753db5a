import { formatDatumNl, plusDagen } from '../klanten/index.ts';

/**
 * The date and day-part rules for hours (issue 14, "Day parts and dates of hours") as pure functions: no I/O, the
 * same for every way hours come in (the week form and the API now; the host and client portals later). Dutch
 * messages per field path (`dagen.2.datum`, `dagen.2.uren`), as the forms and the API show them.
 */

/** The default limit of hours in one day part (morning, afternoon or evening); configuration overrides it. */
export const STANDAARD_UREN_PER_DAGDEEL = 4;
/** A day has three day parts (ochtend, middag, avond). */
export const DAGDELEN_PER_DAG = 3;

/** What the rules need of a placement. */
export interface UrenKader {
  startdatum: string | null;
  einddatum: string | null;
  /** The agreed day parts (`ma-ochtend`, …). */
  dagdelen: readonly string[];
  /** Today (ISO); a date after it is the future. */
  vandaag: string;
  /** The most hours one day part holds. */
  urenPerDagdeel: number;
}

/** One day as it would be stored after the change; `verwijderen` removes the day's registration. */
export interface UrenDagWijziging {
  datum: string;
  uren: number;
  verwijderen?: boolean;
}

/** The Monday of the week of `iso` (weeks run Monday to Sunday). */
export function maandagVan(iso: string): string {
  const dag = new Date(`${iso}T12:00:00Z`).getUTCDay();
  return plusDagen(iso, -((dag + 6) % 7));
}

const urenNl = (n: number): string => n.toLocaleString('nl-NL', { maximumFractionDigits: 2 });

/** The most hours a week may hold: the agreed day parts × the limit per day part. */
export const maxUrenPerWeek = (k: Pick<UrenKader, 'dagdelen' | 'urenPerDagdeel'>): number =>
  new Set(k.dagdelen).size * k.urenPerDagdeel;

/**
 * Checks a change of hours against the placement: every date from the start date to the end date and not after
 * today; a day holds at most three day parts' hours; a week's total (the stored days it keeps plus the changed
 * ones) fits the agreed day parts (no 20 hours in one morning). A removal is always allowed: it can only lower
 * a total, and a registration outside the period must be removable.
 *
 * @param wijzigingen the days as they would be after the change (index = the input's `dagen` index)
 * @param bestaand the stored registrations of the placement (date → hours)
 * @returns Dutch messages per field path; empty when the change fits
 */
export function toetsUren(
  kader: UrenKader,
  wijzigingen: readonly UrenDagWijziging[],
  bestaand: ReadonlyMap<string, number>,
): Record<string, string> {
  const fouten: Record<string, string> = {};
  const start = kader.startdatum;
  if (!start) {
    fouten.formulier = 'Deze tegenprestatie heeft geen startdatum: leg eerst de periode vast.';
    return fouten;
  }
  const perDag = DAGDELEN_PER_DAG * kader.urenPerDagdeel;
  wijzigingen.forEach((d, i) => {
    if (d.verwijderen) return;
    if (d.datum < start)
      fouten[`dagen.${i}.datum`] =
        `${formatDatumNl(d.datum)} ligt vóór de startdatum (${formatDatumNl(start)}).`;
    else if (kader.einddatum && d.datum > kader.einddatum)
      fouten[`dagen.${i}.datum`] =
        `${formatDatumNl(d.datum)} ligt na de einddatum (${formatDatumNl(kader.einddatum)}).`;
    else if (d.datum > kader.vandaag)
      fouten[`dagen.${i}.datum`] =
        `${formatDatumNl(d.datum)} ligt in de toekomst. Uren legt u vast op de dag zelf of later.`;
    else if (d.uren > perDag)
      fouten[`dagen.${i}.uren`] =
        `Op één dag passen hoogstens ${urenNl(perDag)} uur (${DAGDELEN_PER_DAG} dagdelen van hoogstens ${urenNl(kader.urenPerDagdeel)} uur).`;
  });

  // The week totals after the change: stored days the change keeps, plus the changed days.
  const naWijziging = new Map(bestaand);
  for (const d of wijzigingen) naWijziging.set(d.datum, d.verwijderen ? 0 : d.uren);
  const max = maxUrenPerWeek(kader);
  const aantal = new Set(kader.dagdelen).size;
  const gemeld = new Set<string>();
  wijzigingen.forEach((d, i) => {
    if (d.verwijderen || d.uren <= 0) return;
    const maandag = maandagVan(d.datum);
    if (gemeld.has(maandag) || fouten[`dagen.${i}.datum`] || fouten[`dagen.${i}.uren`]) return;
    const zondag = plusDagen(maandag, 6);
    let totaal = 0;
    for (const [datum, uren] of naWijziging) if (datum >= maandag && datum <= zondag) totaal += uren;
    if (totaal <= max) return;
    gemeld.add(maandag);
    fouten[`dagen.${i}.uren`] =
      aantal === 0
        ? 'Er zijn geen dagdelen afgesproken, dus er passen geen uren. Pas eerst de afspraak aan.'
        : `In de week van ${formatDatumNl(maandag)} komen de uren op ${urenNl(totaal)}. Bij ${aantal} ${aantal === 1 ? 'dagdeel' : 'dagdelen'} van hoogstens ${urenNl(kader.urenPerDagdeel)} uur passen er hoogstens ${urenNl(max)} per week.`;
  });
  return fouten;
}
