import { formatDatumNl, type IsoDatum, plusDagen } from '../klanten/index.ts';

/**
 * Incidents in the running phase of a placement under an imposed decision (issue 15, section 2), as pure rules (no
 * I/O; table-tested in `incidenten.test.ts`; docs/dwang.md).
 *
 * An incident is a fact someone reports (no-show, late, refusal, behaviour), with its date, a description and its
 * source. A configurable pattern (default: two no-shows within four weeks) raises a signal for a person. **A signal
 * never starts a measure**: a measure only follows from an intention, a hearing, a culpability assessment and a
 * second approval (section 3), and only for not complying with the imposed decision.
 */

export const INCIDENT_SOORTEN = ['niet-verschenen', 'te-laat', 'weigering', 'gedrag'] as const;
export type IncidentSoort = (typeof INCIDENT_SOORTEN)[number];
export const INCIDENT_SOORT_NAMEN: Record<IncidentSoort, string> = {
  'niet-verschenen': 'Niet verschenen',
  'te-laat': 'Te laat',
  weigering: 'Weigering (een taak of de activiteit)',
  gedrag: 'Gedrag',
};

/** Who reported it. The host will report through its portal later; until then the caseworker records it. */
export const INCIDENT_BRONNEN = ['organisatie', 'klantmanager', 'klant', 'anders'] as const;
export type IncidentBron = (typeof INCIDENT_BRONNEN)[number];
export const INCIDENT_BRON_NAMEN: Record<IncidentBron, string> = {
  organisatie: 'De organisatie (begeleider of contactpersoon)',
  klantmanager: 'De klantmanager zelf',
  klant: 'De klant',
  anders: 'Iemand anders',
};

/** The pattern that raises a signal: `aantal` incidents of `soort` within `dagen` days (the last day included). */
export interface IncidentPatroon {
  soort: IncidentSoort;
  aantal: number;
  dagen: number;
}

/** Two no-shows within four weeks. */
export const STANDAARD_PATROON: IncidentPatroon = { soort: 'niet-verschenen', aantal: 2, dagen: 28 };

/** The imposed decision a placement runs under, as far as incidents need it. */
export interface OpgelegdBesluit {
  /** The day the decision was sent (made known): it binds from then on (Awb 3:40–3:41). */
  verzenddatum: IsoDatum;
  /** The imposed period. */
  startdatum: IsoDatum;
  einddatum: IsoDatum | null;
}

/** Statuses of a placement on which incidents may be recorded (also afterwards, for what happened in the period). */
export const INCIDENT_STATUSSEN: ReadonlySet<string> = new Set([
  'overeengekomen',
  'lopend',
  'afgerond',
  'beeindigd',
]);

export type Fouten = Record<string, string>;

/**
 * May this incident be recorded? Only on a placement under an imposed decision (a voluntary one never carries
 * consequences), dated within the imposed period and not before the decision was sent, and not in the future.
 */
export function beoordeelIncident(i: {
  datum: IsoDatum;
  vandaag: IsoDatum;
  status: string;
  besluit: OpgelegdBesluit | null;
}): Fouten {
  const fouten: Fouten = {};
  if (!INCIDENT_STATUSSEN.has(i.status)) {
    fouten.formulier =
      'Incidenten legt u vast bij een plaatsing die is overeengekomen of loopt (of liep), niet bij een ontwerp.';
    return fouten;
  }
  if (!i.besluit) {
    fouten.formulier =
      'Deze plaatsing loopt niet onder een besluit dat de tegenprestatie oplegt. Meedoen is vrijwillig: een incident heeft geen gevolgen en wordt hier niet vastgelegd. Bespreek het met de klant en de organisatie.';
    return fouten;
  }
  const b = i.besluit;
  if (i.datum > i.vandaag) fouten.datum = 'De datum ligt in de toekomst.';
  else if (i.datum < b.verzenddatum)
    fouten.datum = `Het besluit is verzonden op ${formatDatumNl(b.verzenddatum)}: wat daarvóór gebeurde, valt er niet onder.`;
  else if (i.datum < b.startdatum)
    fouten.datum = `De opgelegde periode begint op ${formatDatumNl(b.startdatum)}: deze datum ligt ervóór.`;
  else if (b.einddatum && i.datum > b.einddatum)
    fouten.datum = `De opgelegde periode eindigde op ${formatDatumNl(b.einddatum)}: deze datum ligt erna.`;
  return fouten;
}

export interface PatroonUitkomst {
  /** The incidents of the pattern's kind in the window, oldest first. */
  datums: IsoDatum[];
  /** The window: from `van` up to and including `tot` (the reference day). */
  van: IsoDatum;
  tot: IsoDatum;
}

/**
 * Is the pattern reached on `peildatum`? Counts the incidents of the pattern's kind dated within the `dagen` days
 * that end on `peildatum` (both ends included: with 28 days, a no-show 27 days earlier counts, one 28 days earlier
 * does not). Null when fewer than `aantal`.
 */
export function patroonBereikt(
  incidenten: ReadonlyArray<{ soort: string; datum: IsoDatum }>,
  patroon: IncidentPatroon,
  peildatum: IsoDatum,
): PatroonUitkomst | null {
  const van = plusDagen(peildatum, -(patroon.dagen - 1));
  const datums = incidenten
    .filter((x) => x.soort === patroon.soort && x.datum >= van && x.datum <= peildatum)
    .map((x) => x.datum)
    .sort();
  return datums.length >= patroon.aantal ? { datums, van, tot: peildatum } : null;
}

/** The pattern in plain Dutch ("2 keer niet verschenen binnen 28 dagen"). */
export const patroonTekst = (p: IncidentPatroon): string =>
  `${p.aantal} keer ${INCIDENT_SOORT_NAMEN[p.soort].toLowerCase()} binnen ${p.dagen} dagen`;
