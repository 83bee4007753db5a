/**
 * A running agreement changed after an evaluation with the decision `aanpassen` (issue 16): the rules of a new
 * version of the agreement, as pure functions (no I/O; table-tested in `versie.test.ts`).
 *
 * - Only a running placement (`lopend`) whose latest evaluation decided `aanpassen`, once per such evaluation, and
 *   with no other proposal open.
 * - Something must change: the hours per week, the day parts or the end date.
 * - It takes effect on a day not in the past, not before that evaluation and not after the current end date; a new
 *   end date is not before the day it takes effect.
 * - A later end date is an **extension**: counted in months from the day after the ORIGINAL end date (version 1), so
 *   extensions one after the other together stay within the ordinance's maximum (the ordinance check judges it).
 * - More hours, more day parts or an extension is **growth**. Growth the client does not agree with is refused here:
 *   where the ordinance imposes, it goes through an intention to impose (the `opleggen` path, issue 15); where it is
 *   only offered, it cannot happen at all (voluntary).
 * - The three parties confirm it before it takes effect: the client, the host (when there is one) and the
 *   municipality (the date on the new version). Where the ordinance imposes, the college's change decision must be
 *   sent no later than the day it takes effect (Awb 3:40–3:41; `beoordeelVerzending`).
 */

import { formatDatumNl, type IsoDatum, plusDagen, plusMaanden } from '../klanten/index.ts';
import type { Status } from '../tegenprestaties/index.ts';
import { beoordeelVerzending } from './besluit.ts';

/** What a version of the agreement fixes that a change may touch. */
export interface Afspraak {
  urenPerWeek: number;
  dagdelen: readonly string[];
  einddatum: IsoDatum | null;
}

export interface VersieVoorstel extends Afspraak {
  ingangsdatum: IsoDatum;
  /** Does the client agree with the change? (Growth against the client's view is refused here.) */
  klantAkkoord: boolean;
}

export interface VersieContext {
  status: Status;
  startdatum: IsoDatum | null;
  /** The items of the version in force now. */
  huidig: Afspraak;
  /** Version 1's end date (extensions count from the day after it). */
  oorspronkelijkeEinde: IsoDatum | null;
  laatsteEvaluatie: { id: string; datum: IsoDatum; besluit: string } | null;
  /** A version (open or confirmed) already follows the latest evaluation. */
  evaluatieGebruikt: boolean;
  openVoorstel: boolean;
  vorm: 'opleggen' | 'aanbieden';
  naam: string;
  vandaag: IsoDatum;
}

export type VersieWijziging = 'uren' | 'dagdelen' | 'einddatum' | 'verlenging';

export interface VersieOordeel {
  /** Refused as a whole (the step cannot be taken now), with why. */
  melding: string | null;
  /** Refusals per field (Dutch). */
  fouten: Record<string, string>;
  wijzigt: VersieWijziging[];
  /** Months of extension from the day after the original end date; null when it is no extension. */
  verlenging: { maanden: number } | null;
  groei: boolean;
}

/**
 * The months an extension to `nieuwEinde` (inclusive) takes, counted from the day after `oudEinde`: the smallest m
 * with `nieuwEinde` before that day plus m months. Null when it is no extension.
 */
export function verlengingMaanden(oudEinde: IsoDatum | null, nieuwEinde: IsoDatum | null): number | null {
  if (oudEinde === null || nieuwEinde === null || nieuwEinde <= oudEinde) return null;
  const begin = plusDagen(oudEinde, 1);
  let m = 1;
  while (nieuwEinde >= plusMaanden(begin, m)) m++;
  return m;
}

const zelfde = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Whether a change may be proposed, and what it is (see the module comment). */
export function beoordeelVersie(c: VersieContext, v: VersieVoorstel): VersieOordeel {
  const leeg = (melding: string): VersieOordeel => ({
    melding,
    fouten: {},
    wijzigt: [],
    verlenging: null,
    groei: false,
  });
  if (c.status !== 'lopend')
    return leeg('De afspraken veranderen kan alleen bij een lopende tegenprestatie.');
  const evaluatie = c.laatsteEvaluatie;
  if (evaluatie?.besluit !== 'aanpassen')
    return leeg(
      'De afspraken veranderen kan na een evaluatie met het besluit "aanpassen". Leg eerst die evaluatie vast.',
    );
  if (c.openVoorstel)
    return leeg('Er ligt al een nieuwe versie die op bevestiging wacht. Bevestig die of trek hem eerst in.');
  if (c.evaluatieGebruikt)
    return leeg(
      `Na de evaluatie van ${formatDatumNl(evaluatie.datum)} is de overeenkomst al aangepast. Een nieuwe aanpassing volgt op een nieuwe evaluatie met het besluit "aanpassen".`,
    );

  const fouten: Record<string, string> = {};
  const wijzigt: VersieWijziging[] = [];
  if (v.urenPerWeek !== c.huidig.urenPerWeek) wijzigt.push('uren');
  if (!zelfde(v.dagdelen, c.huidig.dagdelen)) wijzigt.push('dagdelen');
  const oud = c.huidig.einddatum;
  const langer = oud !== null && (v.einddatum === null || v.einddatum > oud);
  if (v.einddatum !== oud) wijzigt.push(langer ? 'verlenging' : 'einddatum');
  if (wijzigt.length === 0)
    fouten.urenPerWeek = 'Er verandert niets: pas de uren, de dagdelen of de einddatum aan.';

  if (v.ingangsdatum < c.vandaag)
    fouten.ingangsdatum = 'De nieuwe afspraken kunnen niet ingaan in het verleden. Kies vandaag of later.';
  else if (v.ingangsdatum < evaluatie.datum)
    fouten.ingangsdatum = `De nieuwe afspraken gaan in na de evaluatie van ${formatDatumNl(evaluatie.datum)}.`;
  else if (oud !== null && v.ingangsdatum > oud)
    fouten.ingangsdatum = `De ${c.naam} eindigt op ${formatDatumNl(oud)}. Nieuwe afspraken gaan uiterlijk die dag in.`;
  if (v.einddatum !== null && v.einddatum < v.ingangsdatum)
    fouten.einddatum = 'De einddatum ligt vóór de dag waarop de nieuwe afspraken ingaan.';

  let verlenging: { maanden: number } | null = null;
  if (langer) {
    if (v.einddatum === null)
      fouten.einddatum = `Een verlenging heeft een einddatum. Vul in tot wanneer de ${c.naam} doorloopt.`;
    else {
      const m = verlengingMaanden(c.oorspronkelijkeEinde ?? oud, v.einddatum);
      verlenging = m === null ? null : { maanden: m };
    }
  }
  const groei =
    v.urenPerWeek > c.huidig.urenPerWeek || v.dagdelen.some((d) => !c.huidig.dagdelen.includes(d)) || langer;
  if (groei && !v.klantAkkoord)
    fouten.klantAkkoord =
      c.vorm === 'opleggen'
        ? `De klant is het niet eens met meer uren, andere of meer dagdelen of een verlenging. Dat kan niet met een nieuwe versie van de overeenkomst: leg een voornemen tot opleggen vast (met de zienswijze van de klant en het akkoord van de teamleider) via het ontwerp.`
        : `Meedoen is vrijwillig: zonder instemming van de klant komen er geen uren, dagdelen of maanden bij.`;
  return { melding: null, fouten, wijzigt, verlenging, groei };
}

export interface BevestigingVersieInvoer {
  ingangsdatum: IsoDatum;
  /** The day the new version was proposed (its confirmation comes after it). */
  voorgesteldOp: IsoDatum;
  overeenkomstDatum: IsoDatum;
  klantGetekendOp: IsoDatum;
  organisatieGetekendOp: IsoDatum | null;
  metOrganisatie: boolean;
  vorm: 'opleggen' | 'aanbieden';
  besluit: { datum: IsoDatum; verzenddatum: IsoDatum; ondertekenaar: string } | null;
  minDagen: number;
  naam: string;
  vandaag: IsoDatum;
}

/**
 * The three parties' confirmation of a new version (and, where imposed, the change decision). Refusals per field;
 * warnings (few days between sending and effect) do not stop it.
 */
export function beoordeelBevestigingVersie(i: BevestigingVersieInvoer): {
  fouten: Record<string, string>;
  waarschuwingen: string[];
} {
  const fouten: Record<string, string> = {};
  let waarschuwingen: string[] = [];
  const teLaat = (d: IsoDatum) =>
    `De nieuwe afspraken gaan in op ${formatDatumNl(i.ingangsdatum)}; deze handtekening is van ${formatDatumNl(d)}, daarna. ` +
    'Trek deze versie in en stel hem opnieuw voor met een latere ingangsdatum.';
  if (i.overeenkomstDatum > i.vandaag) fouten.overeenkomstDatum = 'Deze datum ligt in de toekomst.';
  else if (i.overeenkomstDatum < i.voorgesteldOp)
    fouten.overeenkomstDatum = `De nieuwe versie is voorgesteld op ${formatDatumNl(i.voorgesteldOp)}: de datum erop kan niet eerder zijn.`;
  else if (i.overeenkomstDatum > i.ingangsdatum) fouten.overeenkomstDatum = teLaat(i.overeenkomstDatum);
  if (i.klantGetekendOp > i.vandaag) fouten.klantGetekendOp = 'Deze datum ligt in de toekomst.';
  else if (i.klantGetekendOp < i.overeenkomstDatum)
    fouten.klantGetekendOp = 'De klant kan niet tekenen vóór de datum van de nieuwe versie.';
  else if (i.klantGetekendOp > i.ingangsdatum) fouten.klantGetekendOp = teLaat(i.klantGetekendOp);
  if (i.metOrganisatie) {
    const o = i.organisatieGetekendOp;
    if (!o)
      fouten.organisatieGetekendOp =
        'Vul in wanneer u de nieuwe versie getekend van de organisatie terugkreeg.';
    else if (o > i.vandaag) fouten.organisatieGetekendOp = 'Deze datum ligt in de toekomst.';
    else if (o < i.overeenkomstDatum)
      fouten.organisatieGetekendOp = 'De organisatie kan niet tekenen vóór de datum van de nieuwe versie.';
    else if (o > i.ingangsdatum) fouten.organisatieGetekendOp = teLaat(o);
  }
  if (i.vorm === 'opleggen') {
    if (!i.besluit)
      fouten.besluitDatum =
        'De gemeente legt de tegenprestatie op: een wijziging is een nieuw besluit van het college. Vul de datum, de verzenddatum en de ondertekenaar van het wijzigingsbesluit in.';
    else {
      if (!i.besluit.ondertekenaar.trim())
        fouten.besluitOndertekenaar = 'Vul in wie het wijzigingsbesluit namens het college ondertekent.';
      const b = beoordeelVerzending({
        besluitdatum: i.besluit.datum,
        verzenddatum: i.besluit.verzenddatum,
        startdatum: i.ingangsdatum,
        vandaag: i.vandaag,
        minDagen: i.minDagen,
        naam: i.naam,
      });
      if (b.fouten.datum) fouten.besluitDatum = b.fouten.datum;
      if (b.fouten.verzenddatum) fouten.verzenddatum = b.fouten.verzenddatum;
      waarschuwingen = b.waarschuwingen;
    }
  }
  return { fouten, waarschuwingen };
}
