import { type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/context.ts';
import type { EvaluatieTable, UrenRegistratieTable, UrenWijzigingTable } from '../../db/schema.ts';

export type UrenRij = Selectable<UrenRegistratieTable>;
export type EvaluatieRij = Selectable<EvaluatieTable>;
export type UrenWijzigingRij = Selectable<UrenWijzigingTable>;

/** Kysely queries of the uitvoering tables only. Row-level security limits every query to the caller. */
export const uitvoeringRepository = {
  async listUren(tx: Tx, dienstId: string, tegenprestatieId: string): Promise<UrenRij[]> {
    return tx
      .selectFrom('urenRegistratie')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('tegenprestatieId', '=', tegenprestatieId)
      .orderBy('datum', 'desc')
      .execute();
  },

  /** A new registration of a date (the unique key refuses a second one: a concurrent insert is a conflict). */
  async insertUren(
    tx: Tx,
    rij: Insertable<UrenRegistratieTable> & { dienstId: string; gemeenteId: string },
  ): Promise<UrenRij | null> {
    const r = await tx
      .insertInto('urenRegistratie')
      .values(rij)
      .onConflict((oc) => oc.columns(['dienstId', 'gemeenteId', 'tegenprestatieId', 'datum']).doNothing())
      .returningAll()
      .executeTakeFirst();
    return r ?? null;
  },

  /** Changes a registration only if it still has `versie` (else null: someone changed it meanwhile). */
  async updateUren(
    tx: Tx,
    waar: { dienstId: string; gemeenteId: string; id: string; versie: number },
    waarden: {
      uren: number;
      afwezig: string | null;
      toelichting: string | null;
      geregistreerdDoor: string | null;
      geregistreerdDoorNaam: string;
      bron: string;
    },
  ): Promise<UrenRij | null> {
    const r = await tx
      .updateTable('urenRegistratie')
      .set((eb) => ({ ...waarden, geregistreerdOp: sql<Date>`now()`, versie: eb('versie', '+', 1) }))
      .where('dienstId', '=', waar.dienstId)
      .where('gemeenteId', '=', waar.gemeenteId)
      .where('id', '=', waar.id)
      .where('versie', '=', waar.versie)
      .returningAll()
      .executeTakeFirst();
    return r ?? null;
  },

  /** Removes a registration only if it still has `versie`; false when someone changed it meanwhile. */
  async deleteUren(
    tx: Tx,
    waar: { dienstId: string; gemeenteId: string; id: string; versie: number },
  ): Promise<boolean> {
    const r = await tx
      .deleteFrom('urenRegistratie')
      .where('dienstId', '=', waar.dienstId)
      .where('gemeenteId', '=', waar.gemeenteId)
      .where('id', '=', waar.id)
      .where('versie', '=', waar.versie)
      .executeTakeFirst();
    return r.numDeletedRows > 0n;
  },

  async insertWijzigingen(
    tx: Tx,
    rijen: Array<Insertable<UrenWijzigingTable> & { dienstId: string; gemeenteId: string }>,
  ): Promise<void> {
    if (rijen.length === 0) return;
    await tx.insertInto('urenWijziging').values(rijen).execute();
  },

  /** Every change of a placement's hours, newest first. */
  async listWijzigingen(tx: Tx, dienstId: string, tegenprestatieId: string): Promise<UrenWijzigingRij[]> {
    return tx
      .selectFrom('urenWijziging')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('tegenprestatieId', '=', tegenprestatieId)
      .orderBy('op', 'desc')
      .orderBy('datum', 'desc')
      .execute();
  },

  /** Per placement: the hours, the registered days and whether one is an absence, in [van, tot] (none: absent). */
  async urenTussen(
    tx: Tx,
    dienstId: string,
    tegenprestatieIds: string[],
    van: string,
    tot: string,
  ): Promise<Map<string, { uren: number; dagen: number; afwezig: boolean }>> {
    if (tegenprestatieIds.length === 0) return new Map();
    const rijen = await tx
      .selectFrom('urenRegistratie')
      .select([
        'tegenprestatieId',
        (eb) => eb.fn.sum<string>('uren').as('uren'),
        (eb) => eb.fn.count<string>('afwezig').as('afwezig'),
        (eb) => eb.fn.countAll<string>().as('dagen'),
      ])
      .where('dienstId', '=', dienstId)
      .where('tegenprestatieId', 'in', tegenprestatieIds)
      .where('datum', '>=', van)
      .where('datum', '<=', tot)
      .groupBy('tegenprestatieId')
      .execute();
    return new Map(
      rijen.map((r) => [
        r.tegenprestatieId,
        { uren: Number(r.uren), dagen: Number(r.dagen), afwezig: Number(r.afwezig) > 0 },
      ]),
    );
  },

  /** The latest date with hours (> 0) per placement (placements without any are absent). */
  async laatsteUren(tx: Tx, dienstId: string, tegenprestatieIds: string[]): Promise<Map<string, string>> {
    if (tegenprestatieIds.length === 0) return new Map();
    const rijen = await tx
      .selectFrom('urenRegistratie')
      .select(['tegenprestatieId', (eb) => eb.fn.max('datum').as('laatste')])
      .where('dienstId', '=', dienstId)
      .where('tegenprestatieId', 'in', tegenprestatieIds)
      .where('uren', '>', sql<string>`0`)
      .groupBy('tegenprestatieId')
      .execute();
    return new Map(rijen.map((r) => [r.tegenprestatieId, String(r.laatste)]));
  },

  /** Hours per client of one municipality in [van, tot] (inclusive), with registered rows only. */
  async urenPerKlant(
    tx: Tx,
    dienstId: string,
    gemeenteId: string,
    van: string,
    tot: string,
  ): Promise<Array<{ klantId: string; uren: number }>> {
    const rijen = await tx
      .selectFrom('urenRegistratie')
      .select(['klantId', (eb) => eb.fn.sum<string>('uren').as('uren')])
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', '=', gemeenteId)
      .where('datum', '>=', van)
      .where('datum', '<=', tot)
      .groupBy('klantId')
      .execute();
    return rijen.map((r) => ({ klantId: r.klantId, uren: Number(r.uren) }));
  },

  async listEvaluaties(tx: Tx, dienstId: string, tegenprestatieId: string): Promise<EvaluatieRij[]> {
    return tx
      .selectFrom('evaluatie')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('tegenprestatieId', '=', tegenprestatieId)
      .orderBy('datum', 'desc')
      .orderBy('op', 'desc')
      .execute();
  },

  async insertEvaluatie(
    tx: Tx,
    rij: Insertable<EvaluatieTable> & { dienstId: string; gemeenteId: string },
  ): Promise<EvaluatieRij> {
    return tx.insertInto('evaluatie').values(rij).returningAll().executeTakeFirstOrThrow();
  },

  /** Every hour registration, change of hours and evaluation of one client (the AVG art. 15 export), oldest first. */
  async vanKlant(
    tx: Tx,
    dienstId: string,
    klantId: string,
  ): Promise<{ uren: UrenRij[]; wijzigingen: UrenWijzigingRij[]; evaluaties: EvaluatieRij[] }> {
    const uren = await tx
      .selectFrom('urenRegistratie')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('klantId', '=', klantId)
      .orderBy('datum')
      .execute();
    const wijzigingen = await tx
      .selectFrom('urenWijziging')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('klantId', '=', klantId)
      .orderBy('op')
      .orderBy('datum')
      .execute();
    const evaluaties = await tx
      .selectFrom('evaluatie')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('klantId', '=', klantId)
      .orderBy('datum')
      .orderBy('op')
      .execute();
    return { uren, wijzigingen, evaluaties };
  },
};
