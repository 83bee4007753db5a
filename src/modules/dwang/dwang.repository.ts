import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../../db/context.ts';
import type { IncidentTable, MaatregelverordeningTable } from '../../db/schema.ts';

export type IncidentRij = Selectable<IncidentTable>;
export type MaatregelverordeningRij = Selectable<MaatregelverordeningTable>;

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
};
