import { dagenTussen, formatDatumNl, type IsoDatum, plusDagen } from '../klanten/index.ts';
import type { RegimeInPeriode } from '../verordening/index.ts';

/**
 * The rules of the college's decision and the agreement about dates and legal basis, as pure functions (no I/O;
 * table-tested in `besluit.test.ts`). Sources (docs/recht.md):
 * - Awb 3:40–3:41: a decision takes effect once it is made known, by sending it; an obligation it imposes cannot
 *   start before it was sent — refused, no override.
 * - Awb 6:7–6:8: the objection term is six weeks and starts on the day after the decision was made known.
 * - Awb 8:81: the voorlopige voorziening can be asked only together with an objection (or appeal).
 * - The ordinance setting `minDagenVerzendingStart` (default 5): fewer days between sending and start warn.
 * - A voluntary agreement (the ordinance only offers) may confirm what already runs, with a recorded reason; an
 *   imposed one may not (the obligation rests on the decision, which cannot reach back).
 */

/** How far ahead a sending date may be recorded (a decision prepared now and posted in the coming weeks). */
export const MAX_DAGEN_VERZENDING_VOORUIT = 30;

export interface VerzendingInvoer {
  /** The date of the decision (the college's resolution). */
  besluitdatum: IsoDatum;
  /** The day it is sent to the client (made known). */
  verzenddatum: IsoDatum;
  /** The first day of what the decision imposes. */
  startdatum: IsoDatum;
  vandaag: IsoDatum;
  /** The ordinance's minimum of days between sending and start (below it: a warning). */
  minDagen: number;
  /** The instrument's name of the period. */
  naam: string;
}

export interface Beoordeling {
  /** Refusals per input field (Dutch); empty when the decision may be recorded. */
  fouten: Record<string, string>;
  /** Warnings the page shows (Dutch); they do not stop the decision. */
  waarschuwingen: string[];
}

/**
 * The dates of an imposing decision. Refused: a decision date in the future; a sending date before the decision
 * date or more than `MAX_DAGEN_VERZENDING_VOORUIT` days ahead; a start before the sending date (no override). Warned:
 * fewer than `minDagen` days between sending and start. A start on the sending date itself is allowed.
 */
export function beoordeelVerzending(i: VerzendingInvoer): Beoordeling {
  const fouten: Record<string, string> = {};
  const waarschuwingen: string[] = [];
  if (i.besluitdatum > i.vandaag) fouten.datum = 'De datum van het besluit ligt in de toekomst.';
  if (i.verzenddatum < i.besluitdatum)
    fouten.verzenddatum =
      'De verzenddatum ligt vóór de datum van het besluit. Een besluit wordt verzonden nadat het is genomen.';
  else if (i.verzenddatum > plusDagen(i.vandaag, MAX_DAGEN_VERZENDING_VOORUIT))
    fouten.verzenddatum = `De verzenddatum ligt meer dan ${MAX_DAGEN_VERZENDING_VOORUIT} dagen vooruit. Vul de dag in waarop het besluit wordt verstuurd.`;
  else if (i.startdatum < i.verzenddatum)
    fouten.verzenddatum =
      `De ${i.naam} begint op ${formatDatumNl(i.startdatum)}, vóór de verzenddatum ${formatDatumNl(i.verzenddatum)}. ` +
      'Een besluit werkt pas als het is verzonden (artikel 3:40 en 3:41 Awb): wat het oplegt, kan niet eerder ' +
      'ingaan. Verstuur het besluit uiterlijk op de startdatum, of zet het ontwerp terug en kies een latere startdatum.';
  else {
    const dagen = dagenTussen(i.verzenddatum, i.startdatum);
    if (dagen < i.minDagen)
      waarschuwingen.push(
        `Tussen de verzenddatum (${formatDatumNl(i.verzenddatum)}) en de startdatum (${formatDatumNl(i.startdatum)}) ` +
          `${dagen === 1 ? 'zit 1 dag' : `zitten ${dagen} dagen`}. De gemeente vraagt er minstens ${i.minDagen}: ` +
          'de klant heeft weinig tijd om zich voor te bereiden.',
      );
  }
  return { fouten, waarschuwingen };
}

/** The objection term: it starts the day after sending and ends six weeks later (Awb 6:7, 6:8). */
export function bezwaartermijn(verzenddatum: IsoDatum): { begint: IsoDatum; eindigt: IsoDatum } {
  return { begint: plusDagen(verzenddatum, 1), eindigt: plusDagen(verzenddatum, 42) };
}

export interface GrondslagBeoordeling {
  /** The first day of the period without a recorded basis (null: every regime has one). */
  ontbreektVanaf: IsoDatum | null;
  /** The end date that keeps the period within recorded regimes (the day before `ontbreektVanaf`). */
  eindeVoorstel: IsoDatum | null;
  /** For an imposing decision: the refusal; else null. */
  weigering: string | null;
  /** For a voluntary agreement or a check: the warning; else null. */
  waarschuwing: string | null;
}

/**
 * The legal basis over the period of an imposing decision or a voluntary agreement/check. An imposing decision
 * whose period reaches a day without a recorded basis is refused (the page offers to end the period the day
 * before, with a signal to decide again); a voluntary agreement and a check get a warning instead.
 */
export function beoordeelGrondslag(
  regimes: readonly RegimeInPeriode[],
  soort: 'opleggen' | 'vrijwillig',
  naam: string,
): GrondslagBeoordeling {
  const ontbreekt = regimes.find((r) => r.artikel === null);
  if (!ontbreekt) return { ontbreektVanaf: null, eindeVoorstel: null, weigering: null, waarschuwing: null };
  const vanaf = ontbreekt.van;
  const eindeVoorstel = plusDagen(vanaf, -1);
  const basis = `Voor de periode vanaf ${formatDatumNl(vanaf)} is geen wettelijke grondslag vastgelegd.`;
  return {
    ontbreektVanaf: vanaf,
    eindeVoorstel,
    weigering:
      soort === 'opleggen'
        ? `${basis} Een besluit dat de ${naam} oplegt voor die periode kan daarom niet. Laat de periode eindigen op ` +
          `${formatDatumNl(eindeVoorstel)} en besluit later opnieuw, of vraag de functioneel beheerder de grondslag ` +
          'vast te leggen zodra de gemeente de wettekst heeft gecontroleerd.'
        : null,
    waarschuwing:
      soort === 'vrijwillig'
        ? `${basis} Meedoen blijft vrijwillig; controleer de afspraken voor die periode zodra de grondslag is vastgelegd.`
        : `${basis} Een besluit dat de ${naam} oplegt voor die periode kan pas als de grondslag is vastgelegd.`,
  };
}

export interface BevestigingInvoer {
  vorm: 'opleggen' | 'aanbieden';
  startdatum: IsoDatum;
  overeenkomstDatum: IsoDatum;
  bevestigingsreden: string | null | undefined;
  naam: string;
}

/**
 * An agreement dated after its start date confirms what already runs. Only a voluntary agreement may do that, and
 * only with a recorded reason; an imposed placement may not start before its agreement (and its decision).
 */
export function beoordeelBevestiging(i: BevestigingInvoer): Record<string, string> {
  if (i.overeenkomstDatum <= i.startdatum) return {};
  if (i.vorm === 'opleggen')
    return {
      overeenkomstDatum:
        `De overeenkomst is gedateerd na de startdatum (${formatDatumNl(i.startdatum)}). Een opgelegde ${i.naam} ` +
        'kan niet achteraf worden bevestigd: alleen een vrijwillige overeenkomst kan bevestigen wat al loopt.',
    };
  if (!i.bevestigingsreden?.trim())
    return {
      bevestigingsreden:
        `De overeenkomst is gedateerd na de startdatum (${formatDatumNl(i.startdatum)}): zij bevestigt wat al loopt. ` +
        'Vul in waarom.',
    };
  return {};
}

/**
 * The revocation of an imposed decision that was sent (issue 16): a back-step, an early end before the start or an
 * early end of a running placement is a new decision, sent to the client. The step takes effect now, so the
 * revocation must be sent already (today at the latest; Awb 3:40–3:41): its date not in the future and not before
 * the decision it revokes, its sending date not before its date and not after today.
 */
export function beoordeelIntrekking(i: {
  besluitdatum: IsoDatum;
  datum: IsoDatum;
  verzenddatum: IsoDatum;
  ondertekenaar: string;
  vandaag: IsoDatum;
}): Record<string, string> {
  const fouten: Record<string, string> = {};
  if (i.datum > i.vandaag)
    fouten.intrekkingDatum = 'De datum van het besluit tot intrekking ligt in de toekomst.';
  else if (i.datum < i.besluitdatum)
    fouten.intrekkingDatum = `Het besluit tot intrekking kan niet vóór het besluit van ${formatDatumNl(i.besluitdatum)} liggen.`;
  if (i.verzenddatum < i.datum)
    fouten.intrekkingVerzenddatum = 'De verzenddatum ligt vóór de datum van het besluit tot intrekking.';
  else if (i.verzenddatum > i.vandaag)
    fouten.intrekkingVerzenddatum =
      'Deze stap geldt vanaf vandaag. Het besluit tot intrekking werkt pas als het is verzonden (artikel 3:40 en 3:41 Awb): verstuur het eerst en leg de stap dan vast.';
  if (!i.ondertekenaar.trim())
    fouten.intrekkingOndertekenaar = 'Vul in wie het besluit tot intrekking namens het college ondertekent.';
  return fouten;
}
