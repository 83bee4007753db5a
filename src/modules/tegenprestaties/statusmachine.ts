/**
 * The life of a tegenprestatie as a pure state machine (no I/O): which moves exist, which part of the product
 * may make them, which need a reason, and where the activity's place is held.
 *
 * Part 1 (this module's pages and API): `verkenning` → `ontwerp` → `toetsing`, the back-steps `toetsing` → `ontwerp`,
 * `ontwerp` → `verkenning` (with a reason), and — where the municipality imposes — the route of imposing a tailored
 * design the client does not want: `ontwerp` → `opleggen` (the intention, with the client's reasons weighed) →
 * `toetsing` (after the client's view and the team lead's approval) or back to `ontwerp` (a good reason, the team
 * lead sends it back, or the caseworker withdraws it). The moves into and out of `opleggen` that need the recorded
 * intention are `alleenViaOplegging`: only the oplegging functions of the service make them, never the plain
 * status form. `geen-medewerking` is no status any more (issue 15): it was a dead end without a decision; the
 * history keeps it (`HISTORISCHE_STATUSSEN`).
 * Part 2 (the agreement, a later issue): `toetsing` → `overeengekomen` → `lopend` → `afgerond`, `beeindigd` (with
 * a reason) from `overeengekomen` or `lopend`, and the back-steps `overeengekomen` → `toetsing` and `overeengekomen` →
 * `ontwerp` (the latter releases the place). These are defined
 * here so the whole life is in one table, but only a caller that passes `deel: 2` may make them (the service's
 * `voerDeel2OvergangUit`); the pages and the API refuse them.
 */

export const STATUSSEN = [
  'verkenning',
  'ontwerp',
  'toetsing',
  'opleggen',
  'overeengekomen',
  'lopend',
  'afgerond',
  'beeindigd',
] as const;
export type Status = (typeof STATUSSEN)[number];

/** Every status the history may name: the current ones and the retired `geen-medewerking` (migration 0701). */
export const HISTORISCHE_STATUSSEN = [...STATUSSEN, 'geen-medewerking'] as const;
export type HistorischeStatus = (typeof HISTORISCHE_STATUSSEN)[number];

export const STATUS_NAMEN: Record<Status, string> = {
  verkenning: 'Verkenning',
  ontwerp: 'Ontwerp',
  toetsing: 'Toetsing',
  opleggen: 'Voornemen tot opleggen',
  overeengekomen: 'Overeengekomen',
  lopend: 'Lopend',
  afgerond: 'Afgerond',
  beeindigd: 'Beëindigd',
};

/** Names for the history, which may hold the retired status. */
export const HISTORIE_NAMEN: Record<HistorischeStatus, string> = {
  ...STATUS_NAMEN,
  'geen-medewerking': 'Geen medewerking (vervallen status)',
};

/** Why a running tegenprestatie ended early (part 2). */
export const BEEINDIGING_REDENEN = [
  'werk-gevonden',
  're-integratie-gestart',
  'gezondheid',
  'verhuisd',
  'geen-medewerking',
  'anders',
] as const;
export type BeeindigingReden = (typeof BEEINDIGING_REDENEN)[number];

export interface Overgang {
  van: Status;
  naar: Status;
  /** 1: this pages and API; 2: only the agreement part (later). */
  deel: 1 | 2;
  /** A back-step or an ending: a written reason is required. */
  redenVerplicht: boolean;
  /** The button text on the design page. */
  actie: string;
  /** Needs the guideline checklist: `toetsing` (all MOETs, WENSELIJK or overridden), `opleggen` (tailored). */
  checklist?: 'toetsing' | 'opleggen';
  /** Only the service's oplegging functions make this move (it needs the recorded intention or approval). */
  alleenViaOplegging?: boolean;
}

export const OVERGANGEN: readonly Overgang[] = [
  { van: 'verkenning', naar: 'ontwerp', deel: 1, redenVerplicht: false, actie: 'Begin het ontwerp' },
  {
    van: 'ontwerp',
    naar: 'toetsing',
    deel: 1,
    redenVerplicht: false,
    actie: 'Naar toetsing',
    checklist: 'toetsing',
  },
  {
    van: 'ontwerp',
    naar: 'opleggen',
    deel: 1,
    redenVerplicht: false,
    actie: 'Voornemen tot opleggen vastleggen',
    checklist: 'opleggen',
    alleenViaOplegging: true,
  },
  // The team lead approves the intention: the design goes to the check and the college's decision.
  {
    van: 'opleggen',
    naar: 'toetsing',
    deel: 1,
    redenVerplicht: false,
    actie: 'Akkoord: naar toetsing en besluit',
    alleenViaOplegging: true,
  },
  // A good reason, the team lead sends it back, or the caseworker withdraws the intention.
  { van: 'opleggen', naar: 'ontwerp', deel: 1, redenVerplicht: true, actie: 'Voornemen intrekken' },
  { van: 'toetsing', naar: 'ontwerp', deel: 1, redenVerplicht: true, actie: 'Terug naar ontwerp' },
  { van: 'ontwerp', naar: 'verkenning', deel: 1, redenVerplicht: true, actie: 'Terug naar verkenning' },
  {
    van: 'toetsing',
    naar: 'overeengekomen',
    deel: 2,
    redenVerplicht: false,
    actie: 'Overeenkomst vastleggen',
  },
  { van: 'overeengekomen', naar: 'toetsing', deel: 2, redenVerplicht: true, actie: 'Terug naar toetsing' },
  // The back-step before the start (the running phase, issue 16): the agreement does not go ahead as signed; the
  // place is released, the documents and history stay.
  { van: 'overeengekomen', naar: 'ontwerp', deel: 2, redenVerplicht: true, actie: 'Terug naar ontwerp' },
  { van: 'overeengekomen', naar: 'lopend', deel: 2, redenVerplicht: false, actie: 'Starten' },
  { van: 'lopend', naar: 'afgerond', deel: 2, redenVerplicht: false, actie: 'Afronden' },
  { van: 'overeengekomen', naar: 'beeindigd', deel: 2, redenVerplicht: true, actie: 'Beëindigen' },
  { van: 'lopend', naar: 'beeindigd', deel: 2, redenVerplicht: true, actie: 'Beëindigen' },
];

/** The move from `van` to `naar`, if the machine has it. */
export function vindOvergang(van: Status, naar: Status): Overgang | undefined {
  return OVERGANGEN.find((o) => o.van === van && o.naar === naar);
}

/** The moves out of a status that a caller of `deel` may make (the buttons of the design page). */
export function overgangenVanuit(van: Status, deel: 1 | 2 = 1): Overgang[] {
  return OVERGANGEN.filter((o) => o.van === van && o.deel <= deel && !o.alleenViaOplegging);
}

/** Statuses in which the design holds one place of its activity. */
const HOUDT_PLAATS: ReadonlySet<Status> = new Set(['toetsing', 'overeengekomen', 'lopend']);

export const houdtPlaats = (s: Status): boolean => HOUDT_PLAATS.has(s);

/** What a move does to the activity's place: take one, give it back, or nothing. */
export function plaatsActie(van: Status, naar: Status): 'claimen' | 'vrijgeven' | null {
  if (!houdtPlaats(van) && houdtPlaats(naar)) return 'claimen';
  if (houdtPlaats(van) && !houdtPlaats(naar)) return 'vrijgeven';
  return null;
}

/** Statuses in which the design itself (activity, hours, dates, statements) may still be changed. */
export const isBewerkbaar = (s: Status): boolean => s === 'verkenning' || s === 'ontwerp';

export type OvergangsOordeel = { mag: true; overgang: Overgang } | { mag: false; melding: string };

/**
 * May a caller of `deel` move a tegenprestatie from `van` to `naar` with this reason? Checks the machine only;
 * the checklist (for `toetsing` and `opleggen`) is the caller's next step. Dutch messages.
 */
export function toetsOvergang(
  van: Status,
  naar: Status,
  opts: { reden?: string | null | undefined; deel?: 1 | 2; viaOplegging?: boolean } = {},
): OvergangsOordeel {
  const deel = opts.deel ?? 1;
  if (van === naar) return { mag: false, melding: `De tegenprestatie staat al op "${STATUS_NAMEN[naar]}".` };
  const o = vindOvergang(van, naar);
  if (!o)
    return {
      mag: false,
      melding: `Van "${STATUS_NAMEN[van]}" kan de tegenprestatie niet naar "${STATUS_NAMEN[naar]}".`,
    };
  if (o.deel > deel)
    return {
      mag: false,
      melding: `De stap naar "${STATUS_NAMEN[naar]}" (overeenkomst, uitvoering en afronding) kan hier nog niet. Die komt in een volgende versie van Wederkerig.`,
    };
  if (o.alleenViaOplegging && !opts.viaOplegging)
    return {
      mag: false,
      melding:
        naar === 'opleggen'
          ? 'Een voornemen tot opleggen legt u vast met de redenen van de klant en uw beoordeling daarvan (formulier "Opleggen").'
          : 'Naar toetsing gaat een voornemen tot opleggen pas na de zienswijze van de klant en het akkoord van de teamleider.',
    };
  if (o.redenVerplicht && !(opts.reden ?? '').trim())
    return { mag: false, melding: `Schrijf op waarom de tegenprestatie naar "${STATUS_NAMEN[naar]}" gaat.` };
  return { mag: true, overgang: o };
}
