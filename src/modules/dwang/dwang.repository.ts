import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Tx } from '../../db/context.ts';
import type { IncidentTable, MaatregelTable, MaatregelverordeningTable } from '../../db/schema.ts';

export type IncidentRij = Selectable<IncidentTable>;
export type MaatregelverordeningRij = Selectable<MaatregelverordeningTable>;
export type MaatregelRij = Selectable<MaatregelTable>;

/** Kysely queries of the dwang tables only. Row-level security limits every query to the caller. */
export const dwangRepository = {
  async insertIncident(
    tx: Tx,
    rij: Insertable<IncidentTable> & { dienstId: string; gemeenteId: string },
  ): Promise<IncidentRij> {
    return tx.insertInto('incident').values(rij).returningAll().executeTakeFirstOrThrow();
  },

  /** A client's incidents (all placements), oldest first: the AVG art. 15 export. */
  async listIncidentenVanKlant(tx: Tx, dienstId: string, klantId: string): Promise<IncidentRij[]> {
    return tx
      .selectFrom('incident')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('klantId', '=', klantId)
      .orderBy('datum')
      .orderBy('vastgelegdOp')
      .execute();
  },

  /** A municipality's measures ordinance versions, oldest first. */
  async listMaatregelverordeningen(
    tx: Tx,
    dienstId: string,
    gemeenteId: string,
  ): Promise<MaatregelverordeningRij[]> {
    return tx
      .selectFrom('maatregelverordening')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', '=', gemeenteId)
      .orderBy('ingangsdatum')
      .execute();
  },

  async insertMaatregelverordening(
    tx: Tx,
    rij: Insertable<MaatregelverordeningTable> & { dienstId: string; gemeenteId: string },
  ): Promise<MaatregelverordeningRij> {
    return tx.insertInto('maatregelverordening').values(rij).returningAll().executeTakeFirstOrThrow();
  },

  /** A placement's incidents, oldest first. */
  async listIncidenten(tx: Tx, dienstId: string, tegenprestatieId: string): Promise<IncidentRij[]> {
    return tx
      .selectFrom('incident')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('tegenprestatieId', '=', tegenprestatieId)
      .orderBy('datum')
      .orderBy('vastgelegdOp')
      .execute();
  },

  async insertMaatregel(
    tx: Tx,
    rij: Insertable<MaatregelTable> & { dienstId: string; gemeenteId: string },
  ): Promise<MaatregelRij> {
    return tx.insertInto('maatregel').values(rij).returningAll().executeTakeFirstOrThrow();
  },

  /** A placement's measure paths, newest first. */
  async listMaatregelen(tx: Tx, dienstId: string, tegenprestatieId: string): Promise<MaatregelRij[]> {
    return tx
      .selectFrom('maatregel')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('tegenprestatieId', '=', tegenprestatieId)
      .orderBy('voornemenOp', 'desc')
      .execute();
  },

  async findMaatregel(
    tx: Tx,
    dienstId: string,
    tegenprestatieId: string,
    id: string,
  ): Promise<MaatregelRij | undefined> {
    return tx
      .selectFrom('maatregel')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('tegenprestatieId', '=', tegenprestatieId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** The client's decided measures (for recidivism): category and conduct date. */
  async besloteMaatregelenVanKlant(
    tx: Tx,
    dienstId: string,
    klantId: string,
  ): Promise<Array<{ categorie: number; gedragDatum: string }>> {
    return tx
      .selectFrom('maatregel')
      .select(['categorie', 'gedragDatum'])
      .where('dienstId', '=', dienstId)
      .where('klantId', '=', klantId)
      .where('status', '=', 'besloten')
      .execute();
  },

  /** Updates a measure only while it is still in `status` (optimistic: undefined when someone changed it). */
  async updateMaatregel(
    tx: Tx,
    dienstId: string,
    id: string,
    status: string,
    wijziging: Updateable<MaatregelTable>,
  ): Promise<MaatregelRij | undefined> {
    return tx
      .updateTable('maatregel')
      .set(wijziging)
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .where('status', '=', status)
      .returningAll()
      .executeTakeFirst();
  },
};
