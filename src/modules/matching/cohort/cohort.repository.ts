import type { Selectable } from 'kysely';
import type { Tx } from '../../../db/context.ts';
import type { CohortRunTable, CohortVoorstelTable } from '../../../db/schema.ts';
import type { CohortRun, CohortVoorstel, VoorstelStatus } from './cohort.schemas.ts';

/** Kysely queries for cohort_run and cohort_voorstel. Row-level security scopes every query. */

export type CohortRunRij = Selectable<CohortRunTable>;
export type CohortInvoer = CohortRunRij['invoer'];

export interface NieuwVoorstel {
  klantId: string;
  activiteitId: string | null;
  score: number | null;
  redenen: string[];
  reden: string | null;
  eersteKeusId: string | null;
  status: 'voorgesteld' | 'niet-toegewezen';
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function naarRun(r: CohortRunRij): CohortRun {
  return {
    id: r.id,
    gemeenteId: r.gemeenteId,
    status: r.status as CohortRun['status'],
    voortgang: r.voortgang,
    stap: r.stap,
    k: r.k,
    aantalKlanten: r.aantalKlanten,
    aantalActiviteiten: r.aantalActiviteiten,
    aantalPlaatsen: r.aantalPlaatsen,
    aantalParen: r.aantalParen,
    aantalToegewezen: r.aantalToegewezen,
    doelwaarde: r.doelwaarde === null ? null : Number(r.doelwaarde),
    fout: r.fout,
    aangemaaktOp: r.aangemaaktOp.toISOString(),
    klaarOp: iso(r.klaarOp),
  };
}

function naarVoorstel(r: Selectable<CohortVoorstelTable>): CohortVoorstel {
  return {
    klantId: r.klantId,
    activiteitId: r.activiteitId,
    score: r.score,
    redenen: r.redenen,
    reden: r.reden,
    eersteKeusId: r.eersteKeusId,
    status: r.status as VoorstelStatus,
    tegenprestatieId: r.tegenprestatieId,
  };
}

const BLOK = 1000;

export const cohortRepository = {
  async insertRun(
    tx: Tx,
    v: { dienstId: string; gemeenteId: string; k: number; invoer: CohortInvoer; gestartDoor: string },
  ): Promise<CohortRunRij> {
    return tx
      .insertInto('cohortRun')
      .values({ ...v, invoer: JSON.stringify(v.invoer) })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async findRun(tx: Tx, dienstId: string, id: string, opts: { voorUpdate?: boolean } = {}) {
    let q = tx.selectFrom('cohortRun').selectAll().where('dienstId', '=', dienstId).where('id', '=', id);
    if (opts.voorUpdate) q = q.forUpdate();
    return q.executeTakeFirst();
  },

  async listRuns(
    tx: Tx,
    dienstId: string,
    gemeenteIds: readonly string[],
    limit: number,
  ): Promise<CohortRunRij[]> {
    if (gemeenteIds.length === 0) return [];
    return tx
      .selectFrom('cohortRun')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', 'in', gemeenteIds)
      .orderBy('aangemaaktOp', 'desc')
      .limit(limit)
      .execute();
  },

  async zetVoortgang(
    tx: Tx,
    dienstId: string,
    id: string,
    v: { status?: 'bezig' | 'mislukt'; voortgang?: number; stap?: string | null; fout?: string | null },
  ): Promise<void> {
    await tx.updateTable('cohortRun').set(v).where('dienstId', '=', dienstId).where('id', '=', id).execute();
  },

  async rondAf(
    tx: Tx,
    dienstId: string,
    id: string,
    v: {
      aantalKlanten: number;
      aantalActiviteiten: number;
      aantalPlaatsen: number;
      aantalParen: number;
      aantalToegewezen: number;
      doelwaarde: number;
    },
  ): Promise<void> {
    await tx
      .updateTable('cohortRun')
      .set({ ...v, status: 'klaar', voortgang: 100, stap: null, fout: null, klaarOp: new Date() })
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .execute();
  },

  /** Replaces the run's proposal (a retried job starts over). */
  async schrijfVoorstellen(
    tx: Tx,
    run: { dienstId: string; gemeenteId: string; id: string },
    voorstellen: readonly NieuwVoorstel[],
  ): Promise<void> {
    await tx
      .deleteFrom('cohortVoorstel')
      .where('dienstId', '=', run.dienstId)
      .where('gemeenteId', '=', run.gemeenteId)
      .where('runId', '=', run.id)
      .execute();
    for (let i = 0; i < voorstellen.length; i += BLOK) {
      await tx
        .insertInto('cohortVoorstel')
        .values(
          voorstellen.slice(i, i + BLOK).map((v) => ({
            dienstId: run.dienstId,
            gemeenteId: run.gemeenteId,
            runId: run.id,
            klantId: v.klantId,
            activiteitId: v.activiteitId,
            score: v.score,
            redenen: JSON.stringify(v.redenen),
            reden: v.reden,
            eersteKeusId: v.eersteKeusId,
            status: v.status,
          })),
        )
        .execute();
    }
  },

  /** One page of the proposal: assigned pairs first (best score first), then the unassigned. */
  async voorstellen(
    tx: Tx,
    run: { dienstId: string; gemeenteId: string; id: string },
    p: { pagina: number; paginaGrootte: number; status?: VoorstelStatus },
  ): Promise<{ items: CohortVoorstel[]; totaal: number }> {
    let basis = tx
      .selectFrom('cohortVoorstel')
      .where('dienstId', '=', run.dienstId)
      .where('gemeenteId', '=', run.gemeenteId)
      .where('runId', '=', run.id);
    if (p.status) basis = basis.where('status', '=', p.status);
    const { totaal } = await basis
      .select((eb) => eb.fn.countAll<string>().as('totaal'))
      .executeTakeFirstOrThrow();
    const rijen = await basis
      .selectAll()
      .orderBy((eb) => eb.case().when('activiteitId', 'is', null).then(1).else(0).end())
      .orderBy('score', (ob) => ob.desc().nullsLast())
      .orderBy('klantId')
      .offset((p.pagina - 1) * p.paginaGrootte)
      .limit(p.paginaGrootte)
      .execute();
    return { items: rijen.map(naarVoorstel), totaal: Number(totaal) };
  },

  async voorstellenVan(
    tx: Tx,
    run: { dienstId: string; gemeenteId: string; id: string },
    klantIds: readonly string[],
  ): Promise<CohortVoorstel[]> {
    if (klantIds.length === 0) return [];
    const rijen = await tx
      .selectFrom('cohortVoorstel')
      .selectAll()
      .where('dienstId', '=', run.dienstId)
      .where('gemeenteId', '=', run.gemeenteId)
      .where('runId', '=', run.id)
      .where('klantId', 'in', klantIds)
      .forUpdate()
      .execute();
    return rijen.map(naarVoorstel);
  },

  async zetStatus(
    tx: Tx,
    run: { dienstId: string; gemeenteId: string; id: string },
    klantId: string,
    v: { status: VoorstelStatus; tegenprestatieId?: string | null; gewijzigdDoor: string },
  ): Promise<void> {
    await tx
      .updateTable('cohortVoorstel')
      .set({ ...v, gewijzigdOp: new Date() })
      .where('dienstId', '=', run.dienstId)
      .where('gemeenteId', '=', run.gemeenteId)
      .where('runId', '=', run.id)
      .where('klantId', '=', klantId)
      .execute();
  },

  /** Every cohort proposal line of one client with its run's date, oldest first (the AVG art. 15 export). */
  async voorstellenVanKlant(tx: Tx, dienstId: string, klantId: string) {
    return tx
      .selectFrom('cohortVoorstel as v')
      .innerJoin('cohortRun as r', (j) =>
        j
          .onRef('r.dienstId', '=', 'v.dienstId')
          .onRef('r.gemeenteId', '=', 'v.gemeenteId')
          .onRef('r.id', '=', 'v.runId'),
      )
      .select([
        'r.aangemaaktOp',
        'v.activiteitId',
        'v.score',
        'v.redenen',
        'v.reden',
        'v.status',
        'v.gewijzigdOp',
        'v.tegenprestatieId',
      ])
      .where('v.dienstId', '=', dienstId)
      .where('v.klantId', '=', klantId)
      .orderBy('r.aangemaaktOp')
      .execute();
  },

  /** Which of these clients exist in the municipality and are visible (the matching module's view; RLS applies). */
  async bestaandeKlanten(tx: Tx, dienstId: string, gemeenteId: string, klantIds: readonly string[]) {
    const uit = new Set<string>();
    for (let i = 0; i < klantIds.length; i += 10_000) {
      const rijen = await tx
        .selectFrom('matchingKlant')
        .select('id')
        .where('dienstId', '=', dienstId)
        .where('gemeenteId', '=', gemeenteId)
        .where('id', 'in', klantIds.slice(i, i + 10_000))
        .execute();
      for (const r of rijen) uit.add(r.id);
    }
    return uit;
  },

  /** Display names and numbers of clients (the matching module's view; row-level security applies). */
  async klantNamen(
    tx: Tx,
    dienstId: string,
    klantIds: readonly string[],
  ): Promise<Map<string, { naam: string; klantnummer: string | null }>> {
    const uit = new Map<string, { naam: string; klantnummer: string | null }>();
    if (klantIds.length === 0) return uit;
    const rijen = await tx
      .selectFrom('matchingKlant')
      .select(['id', 'klantnummer', 'voornamen', 'roepnaam', 'voorvoegsel', 'achternaam'])
      .where('dienstId', '=', dienstId)
      .where('id', 'in', klantIds)
      .execute();
    for (const r of rijen)
      uit.set(r.id, {
        naam: [r.roepnaam ?? r.voornamen, r.voorvoegsel, r.achternaam].filter(Boolean).join(' '),
        klantnummer: r.klantnummer,
      });
    return uit;
  },

  /** Titles and hosts of activities (the matching module's view; row-level security applies). */
  async activiteitNamen(
    tx: Tx,
    dienstId: string,
    ids: readonly string[],
  ): Promise<Map<string, { titel: string; organisatie: string | null }>> {
    const uit = new Map<string, { titel: string; organisatie: string | null }>();
    if (ids.length === 0) return uit;
    const rijen = await tx
      .selectFrom('matchingActiviteit')
      .select(['id', 'titel', 'organisatieNaam'])
      .where('dienstId', '=', dienstId)
      .where('id', 'in', ids)
      .execute();
    for (const r of rijen) uit.set(r.id, { titel: r.titel, organisatie: r.organisatieNaam });
    return uit;
  },
};
