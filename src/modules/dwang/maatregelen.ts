import { formatDatumNl, type IsoDatum, plusDagen, plusMaanden } from '../klanten/index.ts';

/**
 * The measures ordinance (afstemmings-/maatregelenverordening, art. 8 lid 1 onder a with art. 18 lid 2
 * Participatiewet) and the rules that derive a measure from it, as pure functions (no I/O; table-tested at their
 * boundaries in `maatregelen.test.ts`). Issue 15, section 3; docs/dwang.md. Sources (domain.md §0 fact 3–5, §1.1
 * art. 18, §1.2 Awb 4:8–4:12, §2.5 the measures ordinance of Diemen 2015 and the older model pattern):
 *
 * - Separate from the tegenprestatie ordinance, versioned per municipality by effective date; the version valid on
 *   the date of the conduct applies and is stored with the measure.
 * - Categories per conduct with a percentage of the applicable norm and a duration; the college may deviate within
 *   the allowed range (Diemen: 5–100 %); a repeat within the recidivism window (12 months) steps up.
 * - The tegenprestatie category is only for not complying with an *imposed decision* (art. 9 lid 1 onder c binds
 *   only to what the college ordered). Refusing to cooperate as such has a category only where the ordinance names
 *   one (for example the duty to cooperate, art. 17 lid 2) — never the tegenprestatie category.
 * - Refrain (afzien) when the conduct was found more than a year after it happened, and — where the ordinance allows
 *   it — a written warning instead of a measure on a first breach.
 * - The hearing (Awb 4:8): a term for the client's view (default 14 days); no measure decision before the term ends
 *   unless the view came in; skipping the hearing only on an Awb 4:11 ground or under Awb 4:12's conditions.
 */

/** The conduct a measure can be about. */
export const GEDRAGINGEN = ['tegenprestatie-niet-nagekomen', 'medewerking-geweigerd'] as const;
export type Gedraging = (typeof GEDRAGINGEN)[number];
export const GEDRAGING_NAMEN: Record<Gedraging, string> = {
  'tegenprestatie-niet-nagekomen':
    'De opgelegde tegenprestatie niet of niet voldoende verrichten (artikel 9 lid 1 onder c Participatiewet)',
  'medewerking-geweigerd': 'Niet meewerken (artikel 17 lid 2 Participatiewet), waar de verordening dat noemt',
};

/** One step of a category: the first breach, the first repeat, the second … (the last step holds from then on). */
export interface MaatregelStap {
  /** Percent of the applicable norm (the base). */
  percentage: number;
  /** Duration in whole months. */
  maanden: number;
}

export interface MaatregelCategorie {
  /** The category's number in the ordinance (Diemen: 2). */
  nummer: number;
  /** The conduct this category covers. */
  gedraging: Gedraging;
  /** The ordinance's article (cited in letters). */
  artikel: string;
  /** First breach, then each repeat within the window; the last step applies to every further repeat. */
  stappen: MaatregelStap[];
  /** May a first breach get a written warning instead of a measure? */
  schriftelijkeWaarschuwing: boolean;
}

export interface MaatregelVerordening {
  titel: string;
  ingangsdatum: IsoDatum;
  /** The base the percentage applies to. */
  grondslag: 'bijstandsnorm';
  categorieen: MaatregelCategorie[];
  /** The allowed range when the college deviates (percent, both ends included). */
  bandbreedte: { min: number; max: number };
  /** A measure in the same category whose conduct lies within this many months before is a repeat. */
  recidiveMaanden: number;
  /** No measure when the conduct was found more than this many months after it happened. */
  verjaringMaanden: number;
  /** The term for the client's view on the intention (days from sending). */
  hoortermijnDagen: number;
}

export type Uitkomst<T> = { ok: true; waarde: T } | { ok: false; melding: string };

/** The demo ordinance of Aardam: category 2 is the tegenprestatie, 30 % for one month, range 5–100 %. */
export const DEMO_MAATREGELVERORDENING_AARDAM: MaatregelVerordening = {
  titel: 'Maatregelenverordening Participatiewet Aardam 2026',
  ingangsdatum: '2026-01-01',
  grondslag: 'bijstandsnorm',
  categorieen: [
    {
      nummer: 2,
      gedraging: 'tegenprestatie-niet-nagekomen',
      artikel: 'art. 7 lid 2 onder d',
      // A repeat within 12 months steps up: 30 % → 60 % → 100 %, one month each.
      stappen: [
        { percentage: 30, maanden: 1 },
        { percentage: 60, maanden: 1 },
        { percentage: 100, maanden: 1 },
      ],
      schriftelijkeWaarschuwing: false,
    },
  ],
  bandbreedte: { min: 5, max: 100 },
  recidiveMaanden: 12,
  verjaringMaanden: 12,
  hoortermijnDagen: 14,
};

/** Checks a version as configuration (the functioneel beheerder's input); Dutch messages per field. */
export function controleerVerordening(v: MaatregelVerordening): Record<string, string> {
  const f: Record<string, string> = {};
  const { min, max } = v.bandbreedte;
  if (!(Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max <= 100 && min <= max))
    f.bandbreedte =
      'De bandbreedte is een heel percentage van 1 tot en met 100, het minimum niet boven het maximum.';
  if (v.categorieen.length === 0) f.categorieen = 'Leg minstens één categorie vast.';
  const gezien = new Set<string>();
  v.categorieen.forEach((c, n) => {
    if (gezien.has(c.gedraging))
      f[`categorieen.${n}.gedraging`] = 'Elke gedraging hoort bij één categorie van de verordening.';
    gezien.add(c.gedraging);
    if (c.stappen.length === 0) f[`categorieen.${n}.stappen`] = 'Leg het percentage en de duur vast.';
    c.stappen.forEach((s, k) => {
      if (!(Number.isInteger(s.percentage) && s.percentage >= min && s.percentage <= max))
        f[`categorieen.${n}.stappen.${k}.percentage`] =
          `Het percentage ligt binnen de bandbreedte (${min}–${max} %).`;
      if (!(Number.isInteger(s.maanden) && s.maanden >= 1 && s.maanden <= 3))
        f[`categorieen.${n}.stappen.${k}.maanden`] = 'De duur is 1, 2 of 3 maanden.';
    });
  });
  for (const [k, w, lo, hi] of [
    ['recidiveMaanden', v.recidiveMaanden, 1, 60],
    ['verjaringMaanden', v.verjaringMaanden, 1, 60],
    ['hoortermijnDagen', v.hoortermijnDagen, 1, 60],
  ] as const)
    if (!(Number.isInteger(w) && w >= lo && w <= hi)) f[k] = `Een heel getal van ${lo} tot en met ${hi}.`;
  return f;
}

/** The version valid on the date of the conduct: the latest whose effective date is on or before it. */
export function versieOpDatum<V extends { ingangsdatum: IsoDatum }>(
  versies: readonly V[],
  datum: IsoDatum,
): V | undefined {
  return [...versies]
    .filter((v) => v.ingangsdatum <= datum)
    .sort((a, b) => (a.ingangsdatum < b.ingangsdatum ? 1 : -1))[0];
}

/**
 * The category for this conduct. Refused: no category in the ordinance for it (a refusal to cooperate is never
 * put under the tegenprestatie category: only a category the ordinance names for it counts).
 */
export function vindCategorie(v: MaatregelVerordening, gedraging: Gedraging): Uitkomst<MaatregelCategorie> {
  const c = v.categorieen.find((x) => x.gedraging === gedraging);
  if (c) return { ok: true, waarde: c };
  return {
    ok: false,
    melding:
      gedraging === 'medewerking-geweigerd'
        ? `De ${v.titel} noemt geen categorie voor niet meewerken. Een weigering om mee te werken valt niet onder de categorie van de tegenprestatie: die is alleen voor het niet nakomen van een opgelegd besluit. Een maatregel kan hier niet.`
        : `De ${v.titel} noemt geen categorie voor deze gedraging. Een maatregel kan niet.`,
  };
}

/**
 * How many earlier measures of the same category have conduct within the window before this conduct (the window
 * starts `maanden` months before the conduct date, that day included: with 12 months, a conduct on 2025-12-07
 * counts for one on 2026-12-07, one on 2025-12-06 does not). Only earlier conduct counts.
 */
export function telHerhalingen(
  eerdere: ReadonlyArray<{ gedragDatum: IsoDatum; categorie: number }>,
  categorie: number,
  gedragDatum: IsoDatum,
  maanden: number,
): number {
  const vanaf = plusMaanden(gedragDatum, -maanden);
  return eerdere.filter(
    (e) => e.categorie === categorie && e.gedragDatum >= vanaf && e.gedragDatum < gedragDatum,
  ).length;
}

export interface MaatregelBepaling {
  categorie: MaatregelCategorie;
  /** 0: a first breach; 1: the first repeat; … */
  herhaling: number;
  percentage: number;
  maanden: number;
}

/**
 * The measure the ordinance sets for this conduct on this date: the version valid on the conduct date, the
 * category, the step after repeats. Refused: the conduct date lies in a regime without a recorded statutory basis
 * (whatever the instrument is called); no version on that date; no category for the conduct.
 */
export function bepaalMaatregel(i: {
  versies: readonly MaatregelVerordening[];
  gedraging: Gedraging;
  gedragDatum: IsoDatum;
  /** The statutory basis recorded for the regime of the conduct date (null: none recorded). */
  grondslagOpDatum: string | null;
  eerdere: ReadonlyArray<{ gedragDatum: IsoDatum; categorie: number }>;
}): Uitkomst<MaatregelBepaling & { versie: MaatregelVerordening }> {
  if (!i.grondslagOpDatum)
    return {
      ok: false,
      melding: `Voor ${formatDatumNl(i.gedragDatum)} is geen wettelijke grondslag vastgelegd. Zonder grondslag kan er voor gedrag op die dag geen maatregel komen, hoe het instrument ook heet.`,
    };
  const versie = versieOpDatum(i.versies, i.gedragDatum);
  if (!versie)
    return {
      ok: false,
      melding: `Op ${formatDatumNl(i.gedragDatum)} gold geen maatregelenverordening. Een maatregel kan niet.`,
    };
  const c = vindCategorie(versie, i.gedraging);
  if (!c.ok) return c;
  const herhaling = telHerhalingen(i.eerdere, c.waarde.nummer, i.gedragDatum, versie.recidiveMaanden);
  const stap = c.waarde.stappen[Math.min(herhaling, c.waarde.stappen.length - 1)] as MaatregelStap;
  return {
    ok: true,
    waarde: { versie, categorie: c.waarde, herhaling, percentage: stap.percentage, maanden: stap.maanden },
  };
}

/** Is this percentage within the ordinance's range (both ends included)? A Dutch refusal, or null. */
export function buitenBandbreedte(
  percentage: number,
  v: Pick<MaatregelVerordening, 'bandbreedte'>,
): string | null {
  const { min, max } = v.bandbreedte;
  if (!Number.isFinite(percentage) || percentage < min || percentage > max)
    return `Het percentage ligt buiten de bandbreedte van de verordening (${min}–${max} %).`;
  return null;
}

/**
 * The final proposal against the intention: lower (or shorter) is allowed; higher (or longer) only after a new
 * hearing on it; outside the range never.
 */
export function beoordeelVoorstel(i: {
  voornemen: MaatregelStap;
  voorstel: MaatregelStap;
  versie: Pick<MaatregelVerordening, 'bandbreedte'>;
  opnieuwGehoord: boolean;
}): string | null {
  const buiten = buitenBandbreedte(i.voorstel.percentage, i.versie);
  if (buiten) return buiten;
  if (!(Number.isInteger(i.voorstel.maanden) && i.voorstel.maanden >= 1 && i.voorstel.maanden <= 3))
    return 'De duur is 1, 2 of 3 maanden.';
  const zwaarder = i.voorstel.percentage > i.voornemen.percentage || i.voorstel.maanden > i.voornemen.maanden;
  if (zwaarder && !i.opnieuwGehoord)
    return 'Het voorstel is zwaarder dan het voornemen. Dat kan alleen als de klant opnieuw is gehoord over het zwaardere voorstel.';
  return null;
}

export const AFZIEN_GRONDEN = [
  'geen-verwijtbaarheid',
  'dringende-redenen',
  'verjaard',
  'schriftelijke-waarschuwing',
] as const;
export type AfzienGrond = (typeof AFZIEN_GRONDEN)[number];
export const AFZIEN_NAMEN: Record<AfzienGrond, string> = {
  'geen-verwijtbaarheid': 'Elke vorm van verwijtbaarheid ontbreekt (artikel 18 lid 9 Participatiewet)',
  'dringende-redenen': 'Dringende redenen (artikel 18 lid 10 Participatiewet)',
  verjaard: 'De gedraging werd pas meer dan een jaar later ontdekt (verordening)',
  'schriftelijke-waarschuwing': 'Een schriftelijke waarschuwing in plaats van een maatregel (verordening)',
};

/**
 * The ordinance's grounds to refrain that apply (the college records which it uses; culpability and urgent reasons
 * are its own assessments, not derived here): `verjaard` when the conduct was found more than `verjaringMaanden`
 * after it happened (found exactly that many months later still counts as within); `schriftelijke-waarschuwing` on
 * a first breach where the category allows it.
 */
export function afzienGronden(i: {
  versie: Pick<MaatregelVerordening, 'verjaringMaanden'>;
  categorie: Pick<MaatregelCategorie, 'schriftelijkeWaarschuwing'>;
  gedragDatum: IsoDatum;
  ontdektOp: IsoDatum;
  herhaling: number;
}): AfzienGrond[] {
  const gronden: AfzienGrond[] = [];
  if (i.ontdektOp > plusMaanden(i.gedragDatum, i.versie.verjaringMaanden)) gronden.push('verjaard');
  if (i.categorie.schriftelijkeWaarschuwing && i.herhaling === 0) gronden.push('schriftelijke-waarschuwing');
  return gronden;
}

/** The last day of the term for the client's view: `dagen` days after sending the intention. */
export const hoortermijnEinde = (verzonden: IsoDatum, dagen: number): IsoDatum => plusDagen(verzonden, dagen);

/**
 * May the measure be decided on `vandaag` as far as the hearing goes? After the term ended (the day after its last
 * day), or earlier when the view came in; without a hearing only on a recorded Awb 4:11 ground, or under Awb 4:12
 * (a financial decision, objection possible, the consequences fully undone after objection) with reasons.
 */
export function hoorOordeel(i: {
  vandaag: IsoDatum;
  termijnEinde: IsoDatum | null;
  zienswijzeOntvangen: boolean;
  grond: 'awb-4-11' | 'awb-4-12' | null;
  grondMotivering: string | null;
}): string | null {
  if (i.grond) {
    if (!i.grondMotivering?.trim()) return 'Motiveer waarom de klant niet wordt gehoord.';
    return null;
  }
  if (i.zienswijzeOntvangen) return null;
  if (!i.termijnEinde)
    return 'Verstuur eerst het voornemen: de klant krijgt een termijn voor zijn zienswijze.';
  if (i.vandaag <= i.termijnEinde)
    return `De termijn voor de zienswijze loopt tot en met ${formatDatumNl(i.termijnEinde)}. Besluit daarna, of zodra de zienswijze binnen is.`;
  return null;
}
