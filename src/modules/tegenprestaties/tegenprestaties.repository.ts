import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Tx } from '../../db/context.ts';
import type { OpleggingTable, TegenprestatieTable } from '../../db/schema.ts';

export type TegenprestatieRij = Omit<Selectable<TegenprestatieTable>, 'evaluatiedata'> & {
  evaluatiedata: string[];
};
export type OpleggingRij = Selectable<OpleggingTable>;
export type OpleggingKolommen = Omit<Updateable<OpleggingTable>, 'dienstId' | 'gemeenteId' | 'id'>;

export type TegenprestatieKolommen = Omit<Updateable<TegenprestatieTable>, 'dienstId' | 'gemeenteId' | 'id'>;

export interface LijstFilter {
  klantId?: string | undefined;
  status?: string | undefined;
  adviesGevraagd?: boolean | undefined;
  /** Only designs of this caseworker. */
  klantmanagerId?: string | undefined;
}

const kolommen = (tx: Tx) =>
  tx
    .selectFrom('tegenprestatie')
    .selectAll()
    // `date[]` would come back as Date objects; the app speaks ISO dates.
    .select(sql<string[]>`evaluatiedata::text[]`.as('evaluatiedata'));

/** Kysely queries of the tegenprestatie tables only. Row-level security limits every query to the caller. */
export const tegenprestatiesRepository = {
  async insert(
    tx: Tx,
    rij: Insertable<TegenprestatieTable> & { dienstId: string; gemeenteId: string },
  ): Promise<string> {
    const { id } = await tx
      .insertInto('tegenprestatie')
      .values(rij)
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  },

  async find(tx: Tx, dienstId: string, id: string, lock = false): Promise<TegenprestatieRij | undefined> {
    let q = kolommen(tx).where('dienstId', '=', dienstId).where('id', '=', id);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  },

  async list(
    tx: Tx,
    dienstId: string,
    f: LijstFilter,
    limit: number,
    offset: number,
  ): Promise<{ rijen: TegenprestatieRij[]; totaal: number }> {
    let q = tx.selectFrom('tegenprestatie').where('dienstId', '=', dienstId);
    if (f.klantId) q = q.where('klantId', '=', f.klantId);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.klantmanagerId) q = q.where('klantmanagerId', '=', f.klantmanagerId);
    if (f.adviesGevraagd !== undefined)
      q = f.adviesGevraagd
        ? q.where('adviesGevraagdOp', 'is not', null).where('adviesOp', 'is', null)
        : q.where((eb) => eb.or([eb('adviesGevraagdOp', 'is', null), eb('adviesOp', 'is not', null)]));
    const ids = q.select('id');
    const [rijen, telling] = await Promise.all([
      kolommen(tx)
        .where('dienstId', '=', dienstId)
        .where('id', 'in', ids.orderBy('gewijzigdOp', 'desc').orderBy('id').limit(limit).offset(offset))
        .orderBy('gewijzigdOp', 'desc')
        .orderBy('id')
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rijen, totaal: Number(telling.n) };
  },

  /**
   * Writes the changed columns and raises the version. With `versie`: only when the row still has that version
   * (optimistic concurrency); returns false when it did not.
   */
  async update(
    tx: Tx,
    s: { dienstId: string; gemeenteId: string; id: string },
    waarden: TegenprestatieKolommen,
    versie?: number,
  ): Promise<boolean> {
    let q = tx
      .updateTable('tegenprestatie')
      .set({ ...waarden, versie: sql`versie + 1`, gewijzigdOp: sql`now()` })
      .where('dienstId', '=', s.dienstId)
      .where('gemeenteId', '=', s.gemeenteId)
      .where('id', '=', s.id);
    if (versie !== undefined) q = q.where('versie', '=', versie);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async insertOvergang(
    tx: Tx,
    o: {
      dienstId: string;
      gemeenteId: string;
      tegenprestatieId: string;
      van: string | null;
      naar: string;
      door: string | null;
      doorNaam: string;
      reden: string | null;
    },
  ): Promise<void> {
    await tx.insertInto('tegenprestatieOvergang').values(o).execute();
  },

  async listOvergangen(tx: Tx, dienstId: string, gemeenteId: string, tegenprestatieId: string) {
    return tx
      .selectFrom('tegenprestatieOvergang')
      .select(['van', 'naar', 'doorNaam', 'op', 'reden'])
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', '=', gemeenteId)
      .where('tegenprestatieId', '=', tegenprestatieId)
      .orderBy('op')
      .orderBy('id')
      .execute();
  },

  /** The design's rounds of imposing, newest first. */
  async listOpleggingen(tx: Tx, dienstId: string, tegenprestatieId: string): Promise<OpleggingRij[]> {
    return tx
      .selectFrom('oplegging')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('tegenprestatieId', '=', tegenprestatieId)
      .orderBy('voornemenOp', 'desc')
      .orderBy('id')
      .execute();
  },

  async insertOplegging(
    tx: Tx,
    rij: Insertable<OpleggingTable> & { dienstId: string; gemeenteId: string },
  ): Promise<string> {
    const { id } = await tx.insertInto('oplegging').values(rij).returning('id').executeTakeFirstOrThrow();
    return id;
  },

  async updateOplegging(
    tx: Tx,
    s: { dienstId: string; gemeenteId: string; id: string },
    waarden: OpleggingKolommen,
  ): Promise<void> {
    await tx
      .updateTable('oplegging')
      .set(waarden)
      .where('dienstId', '=', s.dienstId)
      .where('gemeenteId', '=', s.gemeenteId)
      .where('id', '=', s.id)
      .execute();
  },

  /** An open or approved round lapses when the design goes back before the decision. */
  async laatOpleggingVervallen(
    tx: Tx,
    s: { dienstId: string; gemeenteId: string; tegenprestatieId: string },
  ): Promise<void> {
    await tx
      .updateTable('oplegging')
      .set({ status: 'vervallen' })
      .where('dienstId', '=', s.dienstId)
      .where('gemeenteId', '=', s.gemeenteId)
      .where('tegenprestatieId', '=', s.tegenprestatieId)
      .where('status', 'in', ['voornemen', 'akkoord'])
      .execute();
  },
};
