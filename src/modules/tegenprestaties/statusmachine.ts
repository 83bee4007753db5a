/**
 * The life of a tegenprestatie as a pure state machine (no I/O): which moves exist, which part of the product
 * may make them, which need a reason, and where the activity's place is held.
 *
 * Part 1 (this module's pages and API): `verkenning` → `ontwerp` → `toetsing`, `ontwerp` → `geen-medewerking`,
 * and the back-steps `toetsing` → `ontwerp`, `ontwerp` → `verkenning` (with a reason).
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
  'geen-medewerking',
  'overeengekomen',
  'lopend',
  'afgerond',
  'beeindigd',
] as const;
export type Status = (typeof STATUSSEN)[number];

export const STATUS_NAMEN: Record<Status, string> = {
  verkenning: 'Verkenning',
  ontwerp: 'Ontwerp',
  toetsing: 'Toetsing',
  'geen-medewerking': 'Geen medewerking',
  overeengekomen: 'Overeengekomen',
  lopend: 'Lopend',
  afgerond: 'Afgerond',
  beeindigd: 'Beëindigd',
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
  /** Needs the guideline checklist: `toetsing` (all MOETs, WENSELIJK or overridden), `geen-medewerking`. */
  checklist?: 'toetsing' | 'geen-medewerking';
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
    naar: 'geen-medewerking',
    deel: 1,
    redenVerplicht: true,
    actie: 'Vastleggen: geen medewerking',
    checklist: 'geen-medewerking',
  },
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
  return OVERGANGEN.filter((o) => o.van === van && o.deel <= deel);
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
 * the checklist (for `toetsing` and `geen-medewerking`) is the caller's next step. Dutch messages.
 */
export function toetsOvergang(
  van: Status,
  naar: Status,
  opts: { reden?: string | null | undefined; deel?: 1 | 2 } = {},
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
  if (o.redenVerplicht && !(opts.reden ?? '').trim())
    return {
      mag: false,
      melding:
        naar === 'geen-medewerking'
          ? 'Onderbouw schriftelijk waarom de klant niet meewerkt.'
          : `Schrijf op waarom de tegenprestatie naar "${STATUS_NAMEN[naar]}" gaat.`,
    };
  return { mag: true, overgang: o };
}
