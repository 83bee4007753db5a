import type { Rol, Tx } from '../../../db/context.ts';
import { withContext } from '../../../db/context.ts';
import type { Database } from '../../../db/database.ts';
import { AppError } from '../../../http/app-error.ts';
import {
  type InzageOnderdeel,
  type InzageOpties,
  inzageDatum,
  inzageKenmerk,
  inzageTekst,
} from '../../../lib/inzage.ts';
import { type Actor, dbContext, type Gebruiker } from '../../auth/index.ts';
import type { KlantenService, Toepasselijkheid } from '../../klanten/index.ts';
import { type LogboekEntry, logboek, VA } from '../../logboek/index.ts';
import type { NetwerkService } from '../../netwerk/index.ts';
import { cohortPolicy } from './cohort.policy.ts';
import {
  type CohortInvoer,
  type NieuwVoorstel,
  naarRun,
  cohortRepository as repo,
} from './cohort.repository.ts';
import {
  CohortBesluitInput,
  type CohortBesluitUitkomst,
  CohortInvoerfout,
  type CohortRun,
  type CohortToewijzing,
  parseCohortInvoer,
  STANDAARD_K,
  StartCohortInput,
  VOORSTEL_STATUSSEN,
  type VoorstelStatus,
} from './cohort.schemas.ts';
import { losCohortOp } from './oplosser.ts';

/** What the ranking service's `kandidatenVoorCohort` returns (see the matching module's index.ts). */
export interface CohortKandidaten {
  paren: Array<{ klantId: string; activiteitId: string; score: number; redenen: string[] }>;
  uitgesloten: Array<{ klantId: string; reden: string }>;
}

/** Names for the page: client id → name and number; activity id → title and host. */
export interface CohortNamen {
  klanten: Map<string, { naam: string; klantnummer: string | null }>;
  activiteiten: Map<string, { titel: string; organisatie: string | null }>;
}

export type KandidatenVoorCohort = (
  actor: Actor,
  input: { klantIds: string[]; activiteitIds: string[]; k: number },
) => Promise<CohortKandidaten>;

/** The tegenprestaties module's `startVerkenning` (structural, so this module does not depend on its types). */
/**
 * Prepares a verkenning (tegenprestaties `bereidVerkenningVoor`): checks first, outside any transaction, and returns
 * the insert to run inside the caller's.
 */
export type StartVerkenning = (
  actor: Actor,
  input: {
    klantId: string;
    activiteitId?: string;
    suggestie?: { bron: 'ranking' | 'cohort'; score: number; redenen: string[] };
  },
) => Promise<(tx: Tx) => Promise<{ id: string }>>;

/** A queued run: the background job acts on behalf of the team lead who started it. */
export interface CohortOpdracht {
  dienstId: string;
  runId: string;
  uitvoerder: { gebruikerId: string; rol: Rol; gemeenten: string[]; teams: string[] };
}

export interface CohortDeps {
  db: Database;
  klanten: Pick<KlantenService, 'findKlanten'>;
  netwerk: Pick<NetwerkService, 'findActiviteiten'>;
  /** The ranking's candidate pairs with reasons (matching service `kandidatenVoorCohort`). */
  kandidaten: KandidatenVoorCohort;
  /** Opens a design in verkenning for an accepted pair (tegenprestaties `bereidVerkenningVoor`). */
  verkenning?: StartVerkenning;
  /** Queues a run as a background job; without it every run is computed in the request. */
  wachtrij?: (opdracht: CohortOpdracht) => Promise<void>;
  /** Cohorts up to this many clients are computed in the request (default 500). */
  direktTot?: number;
  /** Reports an unexpected failure of a background run (the run itself records `mislukt`). */
  meldFout?: (e: unknown) => void;
}

const PAGINA = 100;
const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_REDENEN = 30;

/** Why a client with candidates got no place (plain Dutch). */
export const REDEN_PLAATSEN_VERGEVEN =
  'Geen plaats over: de plaatsen bij de activiteiten die bij deze klant passen, gingen naar klanten die er beter bij passen.';
export const REDEN_GEEN_KANDIDAAT = 'Geen van de gekozen activiteiten past bij deze klant.';

const dienstVan = (actor: Actor): string => {
  if (actor.kind === 'gebruiker') return actor.dienstId;
  if (!actor.dienstId) throw new AppError('intern', { message: 'cohort: system actor without dienstId' });
  return actor.dienstId;
};
const idVan = (actor: Actor): string | null => (actor.kind === 'gebruiker' ? actor.gebruikerId : null);

const logKlanten = (
  actor: Actor,
  actie: LogboekEntry['actie'],
  gemeenteId: string,
  klantIds: readonly string[],
): LogboekEntry[] =>
  klantIds.map((id) => ({
    actor,
    actie,
    subject: { type: 'klant', id },
    verwerkingsactiviteit: VA.matching,
    gemeenteId,
  }));

/** Cohort assignment: choose clients and activities, compute the optimal proposal, accept pairs. */
export function createCohortService(deps: CohortDeps) {
  const { db } = deps;
  const direktTot = deps.direktTot ?? 500;

  async function zetStap(actor: Actor, runId: string, voortgang: number, stap: string): Promise<void> {
    await withContext(db, dbContext(actor), (tx) =>
      repo.zetVoortgang(tx, dienstVan(actor), runId, { status: 'bezig', voortgang, stap }),
    );
  }

  /** All (open) clients of the municipality that fit the selection, through the klanten service (logged). */
  async function selecteerKlanten(
    actor: Actor,
    gemeenteId: string,
    selectie: NonNullable<CohortInvoer['selectie']>,
  ): Promise<string[]> {
    const ids: string[] = [];
    for (let pagina = 1; ; pagina++) {
      const p = await deps.klanten.findKlanten(actor, {
        gemeenteId,
        reikwijdte: 'alle',
        ...(selectie.wijkId ? { wijkId: selectie.wijkId } : {}),
        ...(selectie.klantmanagerId ? { klantmanagerId: selectie.klantmanagerId } : {}),
        ...(selectie.toepasselijkheid
          ? { toepasselijkheid: selectie.toepasselijkheid as Toepasselijkheid }
          : {}),
        sorteer: 'klantnummer',
        pagina,
        paginaGrootte: PAGINA,
      });
      for (const k of p.items) if (k.gemeenteId === gemeenteId) ids.push(k.id);
      if (pagina >= p.aantalPaginas || ids.length >= 40_000) break;
    }
    return ids;
  }

  /** Active activities serving the municipality with free places: id → free places. */
  async function vrijePlaatsen(actor: Actor, gemeenteId: string): Promise<Map<string, number>> {
    const vrij = new Map<string, number>();
    for (let pagina = 1; ; pagina++) {
      const p = await deps.netwerk.findActiviteiten(actor, {
        gemeenteId,
        status: 'actief',
        vrijePlaatsen: true,
        pagina,
        paginaGrootte: PAGINA,
      });
      for (const a of p.items) if (a.plaatsenVrij > 0) vrij.set(a.id, a.plaatsenVrij);
      if (pagina >= p.aantalPaginas) break;
    }
    return vrij;
  }

  /** Computes the proposal of a run (in the request or in the background job). */
  async function bereken(actor: Actor, runId: string): Promise<void> {
    const dienstId = dienstVan(actor);
    const run = await withContext(db, dbContext(actor), (tx) => repo.findRun(tx, dienstId, runId));
    if (!run) throw new AppError('niet-gevonden');
    const gemeenteId = run.gemeenteId;

    await zetStap(actor, runId, 5, 'Klanten kiezen');
    const klantIds =
      run.invoer.klantIds ?? (await selecteerKlanten(actor, gemeenteId, run.invoer.selectie ?? {}));

    await zetStap(actor, runId, 15, 'Activiteiten en vrije plaatsen ophalen');
    const vrij = await vrijePlaatsen(actor, gemeenteId);
    const gekozen = run.invoer.activiteitIds;
    const activiteitIds = gekozen ? gekozen.filter((id) => vrij.has(id)) : [...vrij.keys()];

    await zetStap(actor, runId, 25, 'Kandidaten en redenen bepalen');
    const kandidaten =
      klantIds.length > 0 && activiteitIds.length > 0
        ? await deps.kandidaten(actor, { klantIds, activiteitIds, k: run.k })
        : { paren: [], uitgesloten: [] };

    await zetStap(actor, runId, 70, 'Optimale verdeling berekenen');
    const klantIndex = new Map(klantIds.map((id, i) => [id, i]));
    const actIndex = new Map(activiteitIds.map((id, j) => [id, j]));
    const paren = kandidaten.paren.filter((p) => klantIndex.has(p.klantId) && actIndex.has(p.activiteitId));
    const E = paren.length;
    const klant = new Int32Array(E);
    const activiteit = new Int32Array(E);
    const score = new Int32Array(E);
    paren.forEach((p, e) => {
      klant[e] = klantIndex.get(p.klantId)!;
      activiteit[e] = actIndex.get(p.activiteitId)!;
      score[e] = Math.round(p.score);
    });
    const capaciteit = Int32Array.from(activiteitIds, (id) => vrij.get(id) ?? 0);
    const uitkomst = losCohortOp({ aantalKlanten: klantIds.length, capaciteit, klant, activiteit, score });

    // Per client: its best candidate (for "first choice went to someone else") and the assigned pair's reasons.
    const beste = new Int32Array(klantIds.length).fill(-1);
    for (let e = 0; e < E; e++) {
      const i = klant[e]!;
      const b = beste[i]!;
      if (b < 0 || score[e]! > score[b]! || (score[e] === score[b] && activiteit[e]! < activiteit[b]!))
        beste[i] = e;
    }
    const gekozenPaar = new Map<number, number>();
    for (let e = 0; e < E; e++)
      if (uitkomst.toegewezen[klant[e]!] === activiteit[e]) gekozenPaar.set(klant[e]!, e);
    const uitgesloten = new Map(kandidaten.uitgesloten.map((u) => [u.klantId, u.reden]));
    const voorstellen: NieuwVoorstel[] = klantIds.map((klantId, i) => {
      const j = uitkomst.toegewezen[i]!;
      const b = beste[i]!;
      const eersteKeus = b >= 0 ? activiteitIds[activiteit[b]!]! : null;
      if (j >= 0) {
        const e = gekozenPaar.get(i)!;
        const activiteitId = activiteitIds[j]!;
        return {
          klantId,
          activiteitId,
          score: score[e]!,
          redenen: paren[e]!.redenen.slice(0, MAX_REDENEN),
          reden: null,
          eersteKeusId: eersteKeus !== activiteitId && score[b]! > score[e]! ? eersteKeus : null,
          status: 'voorgesteld',
        };
      }
      return {
        klantId,
        activiteitId: null,
        score: null,
        redenen: [],
        reden: b >= 0 ? REDEN_PLAATSEN_VERGEVEN : (uitgesloten.get(klantId) ?? REDEN_GEEN_KANDIDAAT),
        eersteKeusId: eersteKeus,
        status: 'niet-toegewezen',
      };
    });

    await zetStap(actor, runId, 90, 'Voorstel opslaan');
    await withContext(db, dbContext(actor), async (tx) => {
      await repo.schrijfVoorstellen(tx, { dienstId, gemeenteId, id: runId }, voorstellen);
      await repo.rondAf(tx, dienstId, runId, {
        aantalKlanten: klantIds.length,
        aantalActiviteiten: activiteitIds.length,
        aantalPlaatsen: capaciteit.reduce((a, c) => a + c, 0),
        aantalParen: E,
        aantalToegewezen: uitkomst.aantalToegewezen,
        doelwaarde: uitkomst.doelwaarde,
      });
      // A proposal was made about each client of the cohort.
      await logboek.recordMany(tx, logKlanten(actor, 'aanmaken', gemeenteId, klantIds));
    });
  }

  async function markeerMislukt(actor: Actor, runId: string, e: unknown): Promise<void> {
    const melding =
      e instanceof AppError && e.userMessage
        ? e.userMessage
        : 'Er ging iets mis bij het berekenen. Probeer het opnieuw.';
    await withContext(db, dbContext(actor), (tx) =>
      repo.zetVoortgang(tx, dienstVan(actor), runId, {
        status: 'mislukt',
        stap: null,
        fout: melding.slice(0, 2000),
      }),
    );
  }

  async function leesCohort(
    actor: Actor,
    runId: string,
    opts: { pagina?: number; paginaGrootte?: number; status?: VoorstelStatus },
    metNamen: boolean,
  ): Promise<CohortToewijzing & { namen: CohortNamen }> {
    cohortPolicy.vereis(actor, 'cohort-bekijken');
    bestaandeRunId(runId);
    const dienstId = dienstVan(actor);
    const pagina = Math.max(1, Math.min(100_000, Math.floor(opts.pagina ?? 1)));
    const paginaGrootte = Math.max(1, Math.min(500, Math.floor(opts.paginaGrootte ?? 100)));
    if (opts.status !== undefined && !VOORSTEL_STATUSSEN.includes(opts.status))
      throw new AppError('ongeldige-invoer');
    return withContext(db, dbContext(actor), async (tx) => {
      const run = await repo.findRun(tx, dienstId, runId);
      if (!run) throw new AppError('niet-gevonden');
      const { items, totaal } = await repo.voorstellen(
        tx,
        { dienstId, gemeenteId: run.gemeenteId, id: run.id },
        { pagina, paginaGrootte, ...(opts.status ? { status: opts.status } : {}) },
      );
      const namen: CohortNamen = { klanten: new Map(), activiteiten: new Map() };
      if (metNamen) {
        namen.klanten = await repo.klantNamen(
          tx,
          dienstId,
          items.map((i) => i.klantId),
        );
        const acts = new Set<string>();
        for (const i of items) {
          if (i.activiteitId) acts.add(i.activiteitId);
          if (i.eersteKeusId) acts.add(i.eersteKeusId);
        }
        namen.activiteiten = await repo.activiteitNamen(tx, dienstId, [...acts]);
      }
      await logboek.recordMany(
        tx,
        logKlanten(
          actor,
          'lezen',
          run.gemeenteId,
          items.map((i) => i.klantId),
        ),
      );
      return { ...naarRun(run), voorstellen: items, totaalVoorstellen: totaal, pagina, paginaGrootte, namen };
    });
  }

  /** A run id that is no uuid names no run (404), before it reaches a query (where it would be an error). */
  function bestaandeRunId(runId: string): void {
    if (!RUN_ID.test(runId)) throw new AppError('niet-gevonden');
  }

  /** A run without its proposal (status and progress, for polling). */
  async function findRun(actor: Actor, runId: string): Promise<CohortRun> {
    cohortPolicy.vereis(actor, 'cohort-bekijken');
    bestaandeRunId(runId);
    const run = await withContext(db, dbContext(actor), (tx) => repo.findRun(tx, dienstVan(actor), runId));
    if (!run) throw new AppError('niet-gevonden');
    return naarRun(run);
  }

  return {
    /**
     * Starts a cohort assignment for one municipality. Small cohorts (≤ `direktTot` clients, or any cohort when no
     * job runner is configured) are computed right away and returned with status `klaar`; larger ones are queued
     * as a background job (status `wachtrij`; poll `findCohort`).
     */
    async startCohort(actor: Actor, input: StartCohortInput): Promise<CohortRun> {
      cohortPolicy.vereis(actor, 'cohort-berekenen');
      if (actor.kind !== 'gebruiker') throw new AppError('geen-toegang');
      const v = parseCohortInvoer(StartCohortInput, input);
      if (!actor.gemeenten.includes(v.gemeenteId)) throw new AppError('niet-gevonden');
      const invoer: CohortInvoer = {
        ...(v.klantIds ? { klantIds: [...new Set(v.klantIds)] } : {}),
        ...(v.activiteitIds ? { activiteitIds: [...new Set(v.activiteitIds)] } : {}),
        ...(v.selectie ? { selectie: v.selectie } : {}),
      };
      if (invoer.klantIds) {
        const ids = invoer.klantIds;
        const bestaand = await withContext(db, dbContext(actor), (tx) =>
          repo.bestaandeKlanten(tx, actor.dienstId, v.gemeenteId, ids),
        );
        const onbekend = ids.filter((id) => !bestaand.has(id)).length;
        if (onbekend > 0)
          throw new CohortInvoerfout({
            klantIds: `${onbekend} van de gekozen klanten ${onbekend === 1 ? 'hoort' : 'horen'} niet bij deze gemeente of ${onbekend === 1 ? 'bestaat' : 'bestaan'} niet.`,
          });
      }
      let omvang = invoer.klantIds?.length;
      if (omvang === undefined && deps.wachtrij) {
        const s = invoer.selectie ?? {};
        const p = await deps.klanten.findKlanten(actor, {
          gemeenteId: v.gemeenteId,
          reikwijdte: 'alle',
          ...(s.wijkId ? { wijkId: s.wijkId } : {}),
          ...(s.klantmanagerId ? { klantmanagerId: s.klantmanagerId } : {}),
          ...(s.toepasselijkheid ? { toepasselijkheid: s.toepasselijkheid as Toepasselijkheid } : {}),
          paginaGrootte: 1,
        });
        omvang = p.totaal;
      }
      const run = await withContext(db, dbContext(actor), async (tx) => {
        const r = await repo.insertRun(tx, {
          dienstId: actor.dienstId,
          gemeenteId: v.gemeenteId,
          k: v.k ?? STANDAARD_K,
          invoer,
          gestartDoor: actor.gebruikerId,
        });
        await logboek.record(tx, {
          actor,
          actie: 'aanmaken',
          subject: { type: 'cohort-run', id: r.id },
          verwerkingsactiviteit: VA.matching,
          gemeenteId: v.gemeenteId,
        });
        return r;
      });
      if (deps.wachtrij && (omvang ?? 0) > direktTot) {
        await deps.wachtrij({
          dienstId: actor.dienstId,
          runId: run.id,
          uitvoerder: {
            gebruikerId: actor.gebruikerId,
            rol: actor.rol,
            gemeenten: [...actor.gemeenten],
            teams: [...actor.teams],
          },
        });
        return naarRun(run);
      }
      try {
        await bereken(actor, run.id);
      } catch (e) {
        await markeerMislukt(actor, run.id, e);
        throw e;
      }
      return findRun(actor, run.id);
    },

    /** The background job: computes a queued run on behalf of the team lead who started it. */
    async verwerk(opdracht: CohortOpdracht): Promise<void> {
      const actor: Gebruiker = {
        kind: 'gebruiker',
        dienstId: opdracht.dienstId,
        gebruikerId: opdracht.uitvoerder.gebruikerId,
        naam: '',
        email: '',
        rol: opdracht.uitvoerder.rol,
        gemeenten: opdracht.uitvoerder.gemeenten,
        teams: opdracht.uitvoerder.teams,
        via: 'sessie',
      };
      cohortPolicy.vereis(actor, 'cohort-berekenen');
      const run = await withContext(db, dbContext(actor), (tx) =>
        repo.findRun(tx, opdracht.dienstId, opdracht.runId),
      );
      if (!run || run.status === 'klaar') return;
      try {
        await bereken(actor, opdracht.runId);
      } catch (e) {
        deps.meldFout?.(e);
        await markeerMislukt(actor, opdracht.runId, e);
      }
    },

    /** A run without its proposal (status and progress, for polling). */
    findRun,

    /** The team lead's recent runs in their municipalities (newest first). */
    async findRuns(actor: Actor, opts: { gemeenteId?: string; limit?: number } = {}): Promise<CohortRun[]> {
      cohortPolicy.vereis(actor, 'cohort-bekijken');
      const gemeenten =
        actor.kind === 'gebruiker'
          ? actor.gemeenten.filter((g) => !opts.gemeenteId || g === opts.gemeenteId)
          : opts.gemeenteId
            ? [opts.gemeenteId]
            : [];
      const rijen = await withContext(db, dbContext(actor), (tx) =>
        repo.listRuns(tx, dienstVan(actor), gemeenten, Math.min(50, opts.limit ?? 20)),
      );
      return rijen.map(naarRun);
    },

    /**
     * A run with one page of its proposal: the assigned pairs (best score first), then the clients left
     * unassigned with the reason. Every client on the page is logged as read.
     */
    async findCohort(
      actor: Actor,
      runId: string,
      opts: { pagina?: number; paginaGrootte?: number; status?: VoorstelStatus } = {},
    ): Promise<CohortToewijzing> {
      const { namen: _n, ...rest } = await leesCohort(actor, runId, opts, false);
      return rest;
    },

    /** `findCohort` plus the clients' names and the activities' titles, for the page. */
    async bekijkCohort(
      actor: Actor,
      runId: string,
      opts: { pagina?: number; paginaGrootte?: number; status?: VoorstelStatus } = {},
    ): Promise<CohortToewijzing & { namen: CohortNamen }> {
      return leesCohort(actor, runId, opts, true);
    },

    /**
     * Accepts or rejects proposed pairs. Each accepted pair opens a design in verkenning for that client carrying
     * the suggestion (source `cohort`, score and reasons) — never a design without the client: the conversation
     * follows. A pair that cannot be accepted (no longer proposed, the client's file closed, the activity gone) is
     * skipped with the reason; the others go through (one transaction per pair).
     */
    async beslis(actor: Actor, runId: string, input: CohortBesluitInput): Promise<CohortBesluitUitkomst> {
      cohortPolicy.vereis(actor, 'cohort-besluiten');
      const v = parseCohortInvoer(CohortBesluitInput, input);
      const dienstId = dienstVan(actor);
      const verkenning = deps.verkenning;
      bestaandeRunId(runId);
      const run = await withContext(db, dbContext(actor), (tx) => repo.findRun(tx, dienstId, runId));
      if (!run) throw new AppError('niet-gevonden');
      if (run.status !== 'klaar')
        throw new AppError('niet-verwerkbaar', { userMessage: 'Deze cohorttoewijzing is nog niet klaar.' });
      const sleutel = { dienstId, gemeenteId: run.gemeenteId, id: run.id };
      const uitkomst: CohortBesluitUitkomst = { geaccepteerd: [], afgewezen: [], overgeslagen: [] };
      const accepteer = [...new Set(v.accepteer)];
      const wijsAf = [...new Set(v.wijsAf)].filter((k) => !accepteer.includes(k));
      const door = idVan(actor) ?? run.gestartDoor;

      for (const klantId of accepteer) {
        try {
          const geenPaar = () =>
            new AppError('niet-verwerkbaar', { userMessage: 'Voor deze klant is geen paar voorgesteld.' });
          const [eerst] = await withContext(db, dbContext(actor), (tx) =>
            repo.voorstellenVan(tx, sleutel, [klantId]),
          );
          if (!eerst?.activiteitId) throw geenPaar();
          if (eerst.status === 'geaccepteerd') {
            uitkomst.geaccepteerd.push({ klantId, tegenprestatieId: eerst.tegenprestatieId! });
            continue;
          }
          if (!verkenning)
            throw new AppError('niet-beschikbaar', { userMessage: 'Verkenningen openen kan hier nog niet.' });
          // The verkenning's checks read the client file and the network: before the transaction that records the
          // acceptance opens (one connection at a time), which then checks the proposal again.
          const start = await verkenning(actor, {
            klantId,
            activiteitId: eerst.activiteitId,
            suggestie: {
              bron: 'cohort',
              score: Math.max(-1000, Math.min(1000, eerst.score ?? 0)),
              redenen: eerst.redenen
                .map((r) => r.trim().slice(0, 300))
                .filter((r) => r.length > 0)
                .slice(0, MAX_REDENEN),
            },
          });
          const id = await withContext(db, dbContext(actor), async (tx) => {
            const [voorstel] = await repo.voorstellenVan(tx, sleutel, [klantId]);
            if (voorstel?.status === 'geaccepteerd') return voorstel.tegenprestatieId!;
            if (voorstel?.activiteitId !== eerst.activiteitId) throw geenPaar();
            const { id } = await start(tx);
            await repo.zetStatus(tx, sleutel, klantId, {
              status: 'geaccepteerd',
              tegenprestatieId: id,
              gewijzigdDoor: door,
            });
            await logboek.recordMany(tx, logKlanten(actor, 'wijzigen', run.gemeenteId, [klantId]));
            return id;
          });
          uitkomst.geaccepteerd.push({ klantId, tegenprestatieId: id });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          uitkomst.overgeslagen.push({
            klantId,
            reden: e.userMessage ?? 'Dit paar kon niet worden geaccepteerd.',
          });
        }
      }

      if (wijsAf.length > 0) {
        await withContext(db, dbContext(actor), async (tx) => {
          const huidig = await repo.voorstellenVan(tx, sleutel, wijsAf);
          const gewijzigd: string[] = [];
          for (const voorstel of huidig) {
            if (voorstel.status !== 'voorgesteld') {
              uitkomst.overgeslagen.push({
                klantId: voorstel.klantId,
                reden:
                  voorstel.status === 'geaccepteerd'
                    ? 'Dit paar is al geaccepteerd; de verkenning loopt.'
                    : 'Voor deze klant is geen paar voorgesteld.',
              });
              continue;
            }
            await repo.zetStatus(tx, sleutel, voorstel.klantId, { status: 'afgewezen', gewijzigdDoor: door });
            gewijzigd.push(voorstel.klantId);
          }
          for (const k of wijsAf)
            if (!huidig.some((h) => h.klantId === k))
              uitkomst.overgeslagen.push({
                klantId: k,
                reden: 'Deze klant hoort niet bij deze cohorttoewijzing.',
              });
          await logboek.recordMany(tx, logKlanten(actor, 'wijzigen', run.gemeenteId, gewijzigd));
          uitkomst.afgewezen.push(...gewijzigd);
        });
      }
      return uitkomst;
    },

    /**
     * AVG art. 15 (the privacy module only, as the system `avg-inzage` inside its transaction): every cohort
     * proposal concerning the client (date, activity, score and reasons, or why no place; the team lead's
     * decision). The read is logged (`va-privacyverzoeken`).
     */
    async inzageVoorKlant(actor: Actor, klantId: string, opties: InzageOpties): Promise<InzageOnderdeel[]> {
      if (actor.kind !== 'systeem') throw new AppError('geen-toegang');
      const { tx } = opties;
      const dienstId = dienstVan(actor);
      const rijen = await repo.voorstellenVanKlant(tx, dienstId, klantId);
      const namen = await repo.activiteitNamen(
        tx,
        dienstId,
        rijen.flatMap((r) => (r.activiteitId ? [r.activiteitId] : [])),
      );
      await logboek.record(tx, {
        actor,
        actie: 'lezen',
        subject: { type: 'klant', id: klantId },
        verwerkingsactiviteit: VA.privacyverzoeken,
        gemeenteId: opties.gemeenteId,
        dienstId,
      });
      return [
        {
          onderdeel: 'cohort-voorstellen',
          titel: 'Voorstellen voor een activiteit',
          uitleg:
            'Soms zoekt de gemeente voor een groep inwoners tegelijk een passende activiteit. Hier staat wat ' +
            'daarbij voor u werd voorgesteld, en waarom.',
          records: rijen.map((r) => {
            const a = r.activiteitId ? namen.get(r.activiteitId) : undefined;
            return {
              Datum: inzageDatum(r.aangemaaktOp),
              Activiteit: a ? (a.organisatie ? `${a.titel} (${a.organisatie})` : a.titel) : null,
              'Hoe goed het past (score)': r.score,
              Waarom: r.redenen.length ? r.redenen.join('; ') : inzageTekst(r.reden),
              Besluit: VOORSTEL_STATUS_TEKST[r.status] ?? r.status,
              'Besluit op':
                r.status === 'geaccepteerd' || r.status === 'afgewezen' ? inzageDatum(r.gewijzigdOp) : null,
              Tegenprestatie: r.tegenprestatieId ? inzageKenmerk(r.tegenprestatieId) : null,
            };
          }),
        },
      ];
    },
  };
}

const VOORSTEL_STATUS_TEKST: Record<string, string> = {
  voorgesteld: 'Voorgesteld, nog geen besluit',
  'niet-toegewezen': 'Geen plaats gevonden',
  geaccepteerd: 'Geaccepteerd',
  afgewezen: 'Afgewezen',
};

export type CohortService = ReturnType<typeof createCohortService>;
