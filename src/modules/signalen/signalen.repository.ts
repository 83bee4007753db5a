import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../../db/context.ts';
import type { SignaalTable } from '../../db/schema.ts';

export type SignaalRij = Selectable<SignaalTable>;

/** Kysely queries of the signaal table only. Row-level security shows a user only their own signals. */
export const signalenRepository = {
  /** Stores the signals that do not exist yet (one per recipient, kind and cause); returns the new ones. */
  async insertNieuw(
    tx: Tx,
    rijen: Array<Insertable<SignaalTable> & { dienstId: string; gemeenteId: string }>,
  ): Promise<SignaalRij[]> {
    if (rijen.length === 0) return [];
    return tx
      .insertInto('signaal')
      .values(rijen)
      .onConflict((oc) =>
        oc.columns(['dienstId', 'gemeenteId', 'gebruikerId', 'soort', 'oorzaak']).doNothing(),
      )
      .returningAll()
      .execute();
  },

  /** The kind and date of every signal that names one client (the AVG art. 15 export; system context), oldest first. */
  async vanKlant(tx: Tx, dienstId: string, klantId: string) {
    return tx
      .selectFrom('signaal')
      .select(['soort', 'oorzaak', 'aangemaaktOp'])
      .where('dienstId', '=', dienstId)
      .where('klantId', '=', klantId)
      .orderBy('aangemaaktOp')
      .orderBy('id')
      .execute();
  },

  async list(tx: Tx, dienstId: string, gebruikerId: string, metAfgehandeld: boolean): Promise<SignaalRij[]> {
    let q = tx
      .selectFrom('signaal')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('gebruikerId', '=', gebruikerId);
    if (!metAfgehandeld) q = q.where('afgehandeldOp', 'is', null);
    return q.orderBy('aangemaaktOp', 'desc').orderBy('id').limit(500).execute();
  },

  async telOngelezen(tx: Tx, dienstId: string, gebruikerId: string): Promise<number> {
    const r = await tx
      .selectFrom('signaal')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('dienstId', '=', dienstId)
      .where('gebruikerId', '=', gebruikerId)
      .where('gelezenOp', 'is', null)
      .where('afgehandeldOp', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async markeer(
    tx: Tx,
    dienstId: string,
    gebruikerId: string,
    id: string,
    wat: { gelezen?: boolean; afgehandeld?: boolean },
  ): Promise<SignaalRij | undefined> {
    const nu = new Date();
    return tx
      .updateTable('signaal')
      .set({
        ...(wat.gelezen === undefined ? {} : { gelezenOp: wat.gelezen ? nu : null }),
        ...(wat.afgehandeld === undefined ? {} : { afgehandeldOp: wat.afgehandeld ? nu : null }),
        ...(wat.afgehandeld ? { gelezenOp: nu } : {}),
      })
      .where('dienstId', '=', dienstId)
      .where('gebruikerId', '=', gebruikerId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  },
};
