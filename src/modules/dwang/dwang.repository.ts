import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Tx } from '../../db/context.ts';
import type {
  IncidentTable,
  MaatregelRechtsmiddelTable,
  MaatregelTable,
  MaatregelverordeningTable,
  MaatregelWijzigingTable,
} from '../../db/schema.ts';

export type IncidentRij = Selectable<IncidentTable>;
export type MaatregelverordeningRij = Selectable<MaatregelverordeningTable>;
export type MaatregelRij = Selectable<MaatregelTable>;
export type WijzigingRij = Selectable<MaatregelWijzigingTable>;
export type RechtsmiddelRij = Selectable<MaatregelRechtsmiddelTable>;

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

  /** A measure's changes, oldest first (determined ones in the order of determination follow from `beoordeeldOp`). */
  async listWijzigingen(tx: Tx, dienstId: string, maatregelIds: readonly string[]): Promise<WijzigingRij[]> {
    if (maatregelIds.length === 0) return [];
    return tx
      .selectFrom('maatregelWijziging')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('maatregelId', 'in', maatregelIds)
      .orderBy('voorgesteldOp')
      .execute();
  },

  async insertWijziging(
    tx: Tx,
    rij: Insertable<MaatregelWijzigingTable> & { dienstId: string; gemeenteId: string },
  ): Promise<WijzigingRij> {
    return tx.insertInto('maatregelWijziging').values(rij).returningAll().executeTakeFirstOrThrow();
  },

  /** Judges a proposed change while it is still proposed (undefined when someone judged it meanwhile). */
  async beoordeelWijziging(
    tx: Tx,
    dienstId: string,
    id: string,
    wijziging: Updateable<MaatregelWijzigingTable>,
  ): Promise<WijzigingRij | undefined> {
    return tx
      .updateTable('maatregelWijziging')
      .set(wijziging)
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .where('status', '=', 'ter-beoordeling')
      .returningAll()
      .executeTakeFirst();
  },

  /** A placement's objections and provisional rulings, oldest first. */
  async listRechtsmiddelen(tx: Tx, dienstId: string, tegenprestatieId: string): Promise<RechtsmiddelRij[]> {
    return tx
      .selectFrom('maatregelRechtsmiddel')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('tegenprestatieId', '=', tegenprestatieId)
      .orderBy('ontvangenOp')
      .orderBy('vastgelegdOp')
      .execute();
  },

  async insertRechtsmiddel(
    tx: Tx,
    rij: Insertable<MaatregelRechtsmiddelTable> & { dienstId: string; gemeenteId: string },
  ): Promise<RechtsmiddelRij> {
    return tx.insertInto('maatregelRechtsmiddel').values(rij).returningAll().executeTakeFirstOrThrow();
  },

  /** Adds the decision while there is none (undefined when someone decided it meanwhile). */
  async beslisRechtsmiddel(
    tx: Tx,
    dienstId: string,
    id: string,
    wijziging: Updateable<MaatregelRechtsmiddelTable>,
  ): Promise<RechtsmiddelRij | undefined> {
    return tx
      .updateTable('maatregelRechtsmiddel')
      .set(wijziging)
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .where('uitkomst', 'is', null)
      .returningAll()
      .executeTakeFirst();
  },

  /** A municipality's decided measures (all placements): the export and the signal. */
  async besloteMaatregelenVanGemeente(
    tx: Tx,
    dienstId: string,
    gemeenteId: string | null,
  ): Promise<MaatregelRij[]> {
    let q = tx
      .selectFrom('maatregel')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('status', '=', 'besloten');
    if (gemeenteId) q = q.where('gemeenteId', '=', gemeenteId);
    return q.orderBy('akkoordOp').execute();
  },

  /** Determined changes that no export carried yet. */
  async nietGeexporteerdeWijzigingen(tx: Tx, dienstId: string, gemeenteId: string): Promise<string[]> {
    const rijen = await tx
      .selectFrom('maatregelWijziging as w')
      .select('w.id')
      .where('w.dienstId', '=', dienstId)
      .where('w.gemeenteId', '=', gemeenteId)
      .where('w.status', '=', 'vastgesteld')
      .where('w.uitkomst', '<>', 'voortgezet')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('maatregelExportCorrectie as c')
              .select('c.wijzigingId')
              .whereRef('c.dienstId', '=', 'w.dienstId')
              .whereRef('c.wijzigingId', '=', 'w.id'),
          ),
        ),
      )
      .execute();
    return rijen.map((r) => r.id);
  },

  async insertExport(
    tx: Tx,
    rij: {
      dienstId: string;
      gemeenteId: string;
      maand: string;
      door: string | null;
      doorNaam: string;
      regels: string;
      aantal: number;
      aantalCorrecties: number;
    },
    wijzigingIds: readonly string[],
  ) {
    const e = await tx.insertInto('maatregelExport').values(rij).returningAll().executeTakeFirstOrThrow();
    if (wijzigingIds.length)
      await tx
        .insertInto('maatregelExportCorrectie')
        .values(
          wijzigingIds.map((wijzigingId) => ({
            dienstId: rij.dienstId,
            gemeenteId: rij.gemeenteId,
            exportId: e.id,
            wijzigingId,
          })),
        )
        .execute();
    return e;
  },

  async listExports(tx: Tx, dienstId: string, gemeenteId: string) {
    return tx
      .selectFrom('maatregelExport')
      .select(['id', 'gemeenteId', 'maand', 'uitgevoerdOp', 'doorNaam', 'aantal', 'aantalCorrecties'])
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', '=', gemeenteId)
      .orderBy('uitgevoerdOp', 'desc')
      .execute();
  },

  async findExport(tx: Tx, dienstId: string, gemeenteId: string, id: string) {
    return tx
      .selectFrom('maatregelExport')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', '=', gemeenteId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** A client's measure paths (all placements), oldest first: the AVG art. 15 export. */
  async listMaatregelenVanKlant(tx: Tx, dienstId: string, klantId: string): Promise<MaatregelRij[]> {
    return tx
      .selectFrom('maatregel')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('klantId', '=', klantId)
      .orderBy('voornemenOp')
      .execute();
  },

  /** A client's objections and provisional rulings (all placements), oldest first: the AVG art. 15 export. */
  async listRechtsmiddelenVanKlant(tx: Tx, dienstId: string, klantId: string): Promise<RechtsmiddelRij[]> {
    return tx
      .selectFrom('maatregelRechtsmiddel')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('klantId', '=', klantId)
      .orderBy('ontvangenOp')
      .orderBy('vastgelegdOp')
      .execute();
  },

  /** Every measure path the caller may see (row-level security: their municipalities), newest first. */
  async listAlleMaatregelen(tx: Tx, dienstId: string): Promise<MaatregelRij[]> {
    return tx
      .selectFrom('maatregel')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .orderBy('voornemenOp', 'desc')
      .execute();
  },
};
