/**
 * The work list's pure part (no I/O): the phases a client can be in, the query as the page's GET form sends it,
 * and the counts per phase, team and municipality worked out from the repository's grouped rows.
 */
import { z } from 'zod';
import { STATUS_NAMEN } from '../tegenprestaties/index.ts';

/** A client's phase: the status of their current tegenprestatie, or `geen` (none, or the last one ended). */
export const FASEN = [
  'geen',
  'verkenning',
  'ontwerp',
  'opleggen',
  'toetsing',
  'overeengekomen',
  'lopend',
] as const;
export type Fase = (typeof FASEN)[number];

export const FASE_NAMEN: Record<Fase, string> = {
  geen: 'Nog geen tegenprestatie',
  verkenning: STATUS_NAMEN.verkenning,
  ontwerp: STATUS_NAMEN.ontwerp,
  opleggen: STATUS_NAMEN.opleggen,
  toetsing: STATUS_NAMEN.toetsing,
  overeengekomen: STATUS_NAMEN.overeengekomen,
  lopend: STATUS_NAMEN.lopend,
};

/** What needs attention besides the phase. */
export const AANDACHT = ['evaluatie', 'signalen'] as const;
export type Aandacht = (typeof AANDACHT)[number];
export const AANDACHT_NAMEN: Record<Aandacht, string> = {
  evaluatie: 'Evaluatie nodig',
  signalen: 'Met open signalen',
};

/** An evaluation is due when its date is today or within this many days (as the signal evaluatie-nadert). */
export const EVALUATIE_TERMIJN_DAGEN = 14;

export const SORTERINGEN = ['naam', 'fase', 'evaluatie', 'signalen', 'start'] as const;
export type Sortering = (typeof SORTERINGEN)[number];
export const SORTERING_NAMEN: Record<Sortering, string> = {
  naam: 'Naam',
  fase: 'Fase',
  evaluatie: 'Volgende evaluatie',
  signalen: 'Open signalen',
  start: 'Startdatum',
};

export const PAGINA_GROOTTE = 50;

/** Anything unknown in the query string falls back to the default (a list page never answers 422 for a link). */
const ofLeeg = <T extends z.ZodType>(s: T) => s.optional().catch(undefined);

/** The work list's query as the GET form sends it (strings in the URL). */
export const WerklijstVraag = z.object({
  fase: ofLeeg(z.enum(FASEN)),
  aandacht: ofLeeg(z.enum(AANDACHT)),
  gemeenteId: ofLeeg(z.uuid()),
  teamId: ofLeeg(z.uuid()),
  sorteer: z.enum(SORTERINGEN).catch('naam'),
  richting: z.enum(['oplopend', 'aflopend']).catch('oplopend'),
  pagina: z.coerce.number().int().min(1).max(100000).catch(1),
});
export type WerklijstVraag = z.infer<typeof WerklijstVraag>;

/** Parses a query string object (never throws: unknown values become the defaults). */
export function leesWerklijstVraag(query: unknown): WerklijstVraag {
  const ruw = typeof query === 'object' && query !== null ? (query as Record<string, unknown>) : {};
  const tekst = (k: string) => {
    const v = ruw[k];
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === 'string' && s !== '' ? s : undefined;
  };
  return WerklijstVraag.parse({
    fase: tekst('fase'),
    aandacht: tekst('aandacht'),
    gemeenteId: tekst('gemeenteId'),
    teamId: tekst('teamId'),
    sorteer: tekst('sorteer'),
    richting: tekst('richting'),
    pagina: tekst('pagina'),
  });
}

/** One group of the counts query: clients of one klantmanager in one municipality in one phase. */
export interface Telgroep {
  gemeenteId: string;
  klantmanagerId: string | null;
  fase: Fase;
  aantal: number;
  evaluatie: number;
  signalen: number;
}

export interface Tellingen {
  totaal: number;
  perFase: Record<Fase, number>;
  evaluatie: number;
  signalen: number;
}

const leeg = (): Tellingen => ({
  totaal: 0,
  perFase: Object.fromEntries(FASEN.map((f) => [f, 0])) as Record<Fase, number>,
  evaluatie: 0,
  signalen: 0,
});

/** Adds up groups into counts per phase and per attention point. */
export function telOp(groepen: readonly Telgroep[]): Tellingen {
  const t = leeg();
  for (const g of groepen) {
    t.totaal += g.aantal;
    t.perFase[g.fase] += g.aantal;
    t.evaluatie += g.evaluatie;
    t.signalen += g.signalen;
  }
  return t;
}

/** How many clients the list shows for a phase and attention filter (for the pages). */
export function aantalVoor(groepen: readonly Telgroep[], fase?: Fase, aandacht?: Aandacht): number {
  let n = 0;
  for (const g of groepen) {
    if (fase && g.fase !== fase) continue;
    n += aandacht === 'evaluatie' ? g.evaluatie : aandacht === 'signalen' ? g.signalen : g.aantal;
  }
  return n;
}

/**
 * The counts per team (a client counts for each team their klantmanager is in; clients without a klantmanager in
 * a team are not in any) and per municipality.
 */
export function perTeamEnGemeente(
  groepen: readonly Telgroep[],
  teams: ReadonlyArray<{ id: string; leden: readonly string[] }>,
): { perTeam: Map<string, Tellingen>; perGemeente: Map<string, Tellingen> } {
  const perTeam = new Map<string, Tellingen>();
  for (const team of teams) {
    const leden = new Set(team.leden);
    perTeam.set(
      team.id,
      telOp(groepen.filter((g) => g.klantmanagerId !== null && leden.has(g.klantmanagerId))),
    );
  }
  const perGemeente = new Map<string, Tellingen>();
  for (const id of new Set(groepen.map((g) => g.gemeenteId)))
    perGemeente.set(id, telOp(groepen.filter((g) => g.gemeenteId === id)));
  return { perTeam, perGemeente };
}
