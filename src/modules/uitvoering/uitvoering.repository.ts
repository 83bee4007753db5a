import { type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/context.ts';
import type { EvaluatieTable, UrenRegistratieTable } from '../../db/schema.ts';

export type UrenRij = Selectable<UrenRegistratieTable>;
export type EvaluatieRij = Selectable<EvaluatieTable>;

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

  /** One row per date: a second registration of the same date replaces the first (with who did it). */
  async upsertUren(
    tx: Tx,
    rijen: Array<Insertable<UrenRegistratieTable> & { dienstId: string; gemeenteId: string }>,
  ): Promise<void> {
    if (rijen.length === 0) return;
    await tx
      .insertInto('urenRegistratie')
      .values(rijen)
      .onConflict((oc) =>
        oc.columns(['dienstId', 'gemeenteId', 'tegenprestatieId', 'datum']).doUpdateSet((eb) => ({
          uren: eb.ref('excluded.uren'),
          afwezig: eb.ref('excluded.afwezig'),
          toelichting: eb.ref('excluded.toelichting'),
          geregistreerdDoor: eb.ref('excluded.geregistreerdDoor'),
          geregistreerdDoorNaam: eb.ref('excluded.geregistreerdDoorNaam'),
          geregistreerdOp: sql<Date>`now()`,
        })),
      )
      .execute();
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

  /** Every hour registration and evaluation of one client (the AVG art. 15 export), oldest first. */
  async vanKlant(
    tx: Tx,
    dienstId: string,
    klantId: string,
  ): Promise<{ uren: UrenRij[]; evaluaties: EvaluatieRij[] }> {
    const uren = await tx
      .selectFrom('urenRegistratie')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('klantId', '=', klantId)
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
    return { uren, evaluaties };
  },
};
