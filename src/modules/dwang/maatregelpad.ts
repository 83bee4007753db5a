import { formatDatumNl, type IsoDatum } from '../klanten/index.ts';
import { hoorOordeel } from './maatregelen.ts';

/**
 * The measure path's state and its guard, pure (no I/O; table-tested in `maatregelpad.test.ts`). Issue 15,
 * section 3; docs/dwang.md. The database backs the same guard with CHECK constraints (migration 0951).
 *
 * voornemen → (zienswijze or Awb ground, verwijtbaarheid, voorstel) → ter-beoordeling → besloten
 *                                                                   ↘ teruggestuurd to voornemen
 * voornemen → afgezien (no measure: culpability absent, urgent reasons, or an ordinance ground)
 */
export const MAATREGEL_STATUSSEN = ['voornemen', 'ter-beoordeling', 'besloten', 'afgezien'] as const;
export type MaatregelStatus = (typeof MAATREGEL_STATUSSEN)[number];
export const MAATREGEL_STATUS_NAMEN: Record<MaatregelStatus, string> = {
  voornemen: 'Voornemen verstuurd',
  'ter-beoordeling': 'Voorstel wacht op de teamleider',
  besloten: 'Maatregel besloten',
  afgezien: 'Afgezien van een maatregel',
};

/** How the client's view came in (Awb 4:8). */
export const ZIENSWIJZE_VORMEN = ['brief', 'gesprek', 'portaal'] as const;
export type ZienswijzeVorm = (typeof ZIENSWIJZE_VORMEN)[number];
export const ZIENSWIJZE_VORM_NAMEN: Record<ZienswijzeVorm, string> = {
  brief: 'Per brief',
  gesprek: 'In een gesprek',
  portaal: 'Via het portaal',
};

/** Grounds to decide without hearing: the closed list of Awb 4:11, and 4:12 where its conditions hold. */
export const HOOR_GRONDEN = ['awb-4-11-a', 'awb-4-11-b', 'awb-4-11-c', 'awb-4-12'] as const;
export type HoorGrond = (typeof HOOR_GRONDEN)[number];
export const HOOR_GROND_NAMEN: Record<HoorGrond, string> = {
  'awb-4-11-a': 'Spoed: de vereiste spoed verzet zich ertegen (artikel 4:11 onder a Awb)',
  'awb-4-11-b':
    'De klant heeft zijn zienswijze al kunnen geven en de feiten zijn niet veranderd (artikel 4:11 onder b Awb)',
  'awb-4-11-c':
    'Het doel van het besluit wordt alleen bereikt als de klant het niet vooraf weet (artikel 4:11 onder c Awb)',
  'awb-4-12':
    'Een financieel besluit waartegen bezwaar kan en waarvan de gevolgen na bezwaar volledig ongedaan kunnen worden gemaakt (artikel 4:12 Awb)',
};

/** What the guard needs from a measure record. */
export interface MaatregelStand {
  status: MaatregelStatus;
  /** The imposed decision's sending date, stored with the intention (null: none). */
  besluitVerzenddatum: IsoDatum | null;
  hoortermijnEinde: IsoDatum;
  zienswijzeDatum: IsoDatum | null;
  hoorGrond: HoorGrond | null;
  hoorMotivering: string | null;
  /** Awb 4:12: the caseworker confirmed its conditions hold. */
  voorwaarden412: boolean;
  /** The culpability assessment (art. 18 lid 9): null when not recorded. */
  verwijtbaar: boolean | null;
  verwijtbaarheidMotivering: string | null;
  /** Urgent reasons (art. 18 lid 10): null when not assessed. */
  dringendeRedenen: boolean | null;
  dringendeRedenenMotivering: string | null;
  voorstelDoor: string | null;
  voorstelPercentage: number | null;
}

/** The hearing's state as `hoorOordeel` reads it. */
export function hoorMelding(m: MaatregelStand, vandaag: IsoDatum): string | null {
  if (m.hoorGrond === 'awb-4-12' && !m.voorwaarden412)
    return 'Artikel 4:12 Awb geldt alleen als het een financieel besluit is waartegen bezwaar kan en waarvan de gevolgen na bezwaar volledig ongedaan kunnen worden gemaakt. Bevestig dat, of hoor de klant.';
  return hoorOordeel({
    vandaag,
    termijnEinde: m.hoortermijnEinde,
    zienswijzeOntvangen: m.zienswijzeDatum !== null,
    grond: m.hoorGrond ? (m.hoorGrond === 'awb-4-12' ? 'awb-4-12' : 'awb-4-11') : null,
    grondMotivering: m.hoorMotivering,
  });
}

/** Culpability and urgent reasons: what is missing before a final proposal (null: complete, a measure can follow). */
export function beoordelingMelding(m: MaatregelStand): string | null {
  if (m.verwijtbaar === null || !m.verwijtbaarheidMotivering?.trim())
    return 'Beoordeel eerst de verwijtbaarheid, met motivering (artikel 18 lid 9 Participatiewet).';
  if (m.dringendeRedenen === null || !m.dringendeRedenenMotivering?.trim())
    return 'Beoordeel eerst of er dringende redenen zijn, met motivering (artikel 18 lid 10 Participatiewet).';
  if (!m.verwijtbaar)
    return 'Elke vorm van verwijtbaarheid ontbreekt: zie af van een maatregel (artikel 18 lid 9 Participatiewet).';
  if (m.dringendeRedenen)
    return 'Er zijn dringende redenen: zie af van een maatregel of stem hem daarop af (artikel 18 lid 10 Participatiewet).';
  return null;
}

/** What a final proposal still needs (the proposal is made in `voornemen`). Empty: it may go to the team lead. */
export function ontbrekendVoorVoorstel(m: MaatregelStand, vandaag: IsoDatum): string[] {
  const uit: string[] = [];
  if (m.status !== 'voornemen')
    uit.push(`De maatregel is al ${MAATREGEL_STATUS_NAMEN[m.status].toLowerCase()}.`);
  if (!m.besluitVerzenddatum)
    uit.push('Er is geen verzonden besluit dat de tegenprestatie oplegt: een maatregel kan niet.');
  const h = hoorMelding(m, vandaag);
  if (h) uit.push(h);
  const b = beoordelingMelding(m);
  if (b) uit.push(b);
  return uit;
}

/**
 * What the measure decision still needs (the team lead's approval turns the proposal into the decision). Empty:
 * it may be decided. Never without an imposed decision, a hearing or a recorded Awb ground, a culpability
 * assessment, a final proposal and a second person's approval.
 */
export function ontbrekendVoorBesluit(
  m: MaatregelStand,
  i: { vandaag: IsoDatum; goedkeurder: string; goedkeurderIsTeamleider: boolean },
): string[] {
  const uit: string[] = [];
  if (m.status !== 'ter-beoordeling' || m.voorstelPercentage === null || !m.voorstelDoor)
    uit.push('Er ligt geen definitief voorstel ter beoordeling.');
  if (!m.besluitVerzenddatum)
    uit.push('Er is geen verzonden besluit dat de tegenprestatie oplegt: een maatregel kan niet.');
  const h = hoorMelding(m, i.vandaag);
  if (h) uit.push(h);
  const b = beoordelingMelding(m);
  if (b) uit.push(b);
  if (!i.goedkeurderIsTeamleider) uit.push('Alleen een teamleider keurt een maatregel goed.');
  if (m.voorstelDoor && m.voorstelDoor === i.goedkeurder)
    uit.push('U deed het voorstel zelf: een tweede persoon keurt het goed (vier ogen).');
  return uit;
}

/** The measure's period: from its start date for the months (the last day is the day before the same day). */
export function maatregelPeriodeTekst(ingang: IsoDatum, maanden: number): string {
  return `${maanden} ${maanden === 1 ? 'maand' : 'maanden'} vanaf ${formatDatumNl(ingang)}`;
}
