import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Tx } from '../../db/context.ts';
import type {
  OvereenkomstTable,
  OvereenkomstVersieTable,
  VerordeningstoetsingTable,
} from '../../db/schema.ts';

export type ToetsingRij = Selectable<VerordeningstoetsingTable>;
export type OvereenkomstRij = Selectable<OvereenkomstTable>;
export type VersieRij = Selectable<OvereenkomstVersieTable>;
export type OvereenkomstKolommen = Omit<
  Updateable<OvereenkomstTable>,
  'dienstId' | 'gemeenteId' | 'toetsingId' | 'tegenprestatieId'
>;

/** Kysely queries of this module's tables only. Row-level security limits every query to the caller. */
export const overeenkomstenRepository = {
  async insertToetsing(tx: Tx, rij: Insertable<VerordeningstoetsingTable>): Promise<ToetsingRij> {
    return tx.insertInto('verordeningstoetsing').values(rij).returningAll().executeTakeFirstOrThrow();
  },

  /** The runs of the check of one design, newest first. */
  async listToetsingen(tx: Tx, dienstId: string, tegenprestatieId: string): Promise<ToetsingRij[]> {
    return tx
      .selectFrom('verordeningstoetsing')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('tegenprestatieId', '=', tegenprestatieId)
      .orderBy('uitgevoerdOp', 'desc')
      .orderBy('id')
      .execute();
  },

  async findOvereenkomst(
    tx: Tx,
    dienstId: string,
    toetsingId: string,
    lock = false,
  ): Promise<OvereenkomstRij | undefined> {
    let q = tx
      .selectFrom('overeenkomst')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('toetsingId', '=', toetsingId);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  },

  /** Creates the record of a check run's decision/agreement, or changes it. */
  async upsertOvereenkomst(
    tx: Tx,
    sleutel: { dienstId: string; gemeenteId: string; toetsingId: string; tegenprestatieId: string },
    kolommen: OvereenkomstKolommen,
  ): Promise<void> {
    await tx
      .insertInto('overeenkomst')
      .values({ ...sleutel, ...kolommen } as Insertable<OvereenkomstTable>)
      .onConflict((oc) => oc.columns(['dienstId', 'gemeenteId', 'toetsingId']).doUpdateSet(kolommen))
      .execute();
  },

  /**
   * Accepted agreements whose start date has come and that the job has not started yet (system context) — only
   * each design's current one: the agreement of its newest check run (newest first as in `listToetsingen`). An
   * agreement superseded by a later check (the design was stepped back and checked again) is never listed.
   */
  async listTeStarten(tx: Tx, vandaag: string, limit: number): Promise<OvereenkomstRij[]> {
    return tx
      .selectFrom('overeenkomst as o')
      .innerJoin('verordeningstoetsing as v', (j) =>
        j
          .onRef('v.dienstId', '=', 'o.dienstId')
          .onRef('v.gemeenteId', '=', 'o.gemeenteId')
          .onRef('v.id', '=', 'o.toetsingId'),
      )
      .selectAll('o')
      .where('o.acceptatieVastgelegdOp', 'is not', null)
      .where('o.gestartOp', 'is', null)
      .where('o.startdatum', '<=', vandaag)
      .where(({ eb, exists, not, selectFrom }) =>
        not(
          exists(
            selectFrom('verordeningstoetsing as later')
              .select('later.id')
              .whereRef('later.dienstId', '=', 'v.dienstId')
              .whereRef('later.gemeenteId', '=', 'v.gemeenteId')
              .whereRef('later.tegenprestatieId', '=', 'v.tegenprestatieId')
              .where((w) =>
                w.or([
                  w('later.uitgevoerdOp', '>', eb.ref('v.uitgevoerdOp')),
                  w.and([
                    w('later.uitgevoerdOp', '=', eb.ref('v.uitgevoerdOp')),
                    w('later.id', '<', eb.ref('v.id')),
                  ]),
                ]),
              ),
          ),
        ),
      )
      .orderBy('o.startdatum')
      .orderBy('o.toetsingId')
      .limit(limit)
      .execute();
  },

  async markeerGestart(tx: Tx, rij: Pick<OvereenkomstRij, 'dienstId' | 'gemeenteId' | 'toetsingId'>) {
    await tx
      .updateTable('overeenkomst')
      .set({ gestartOp: new Date() })
      .where('dienstId', '=', rij.dienstId)
      .where('gemeenteId', '=', rij.gemeenteId)
      .where('toetsingId', '=', rij.toetsingId)
      .execute();
  },

  /** The versions 2, 3, … of a placement's agreement, oldest first. */
  async listVersies(tx: Tx, dienstId: string, tegenprestatieId: string, lock = false): Promise<VersieRij[]> {
    let q = tx
      .selectFrom('overeenkomstVersie')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('tegenprestatieId', '=', tegenprestatieId)
      .orderBy('nummer');
    if (lock) q = q.forUpdate();
    return q.execute();
  },

  async insertVersie(tx: Tx, rij: Insertable<OvereenkomstVersieTable>): Promise<VersieRij> {
    return tx.insertInto('overeenkomstVersie').values(rij).returningAll().executeTakeFirstOrThrow();
  },

  async updateVersie(
    tx: Tx,
    s: { dienstId: string; gemeenteId: string; id: string },
    kolommen: Updateable<OvereenkomstVersieTable>,
  ): Promise<void> {
    await tx
      .updateTable('overeenkomstVersie')
      .set(kolommen)
      .where('dienstId', '=', s.dienstId)
      .where('gemeenteId', '=', s.gemeenteId)
      .where('id', '=', s.id)
      .execute();
  },
};
