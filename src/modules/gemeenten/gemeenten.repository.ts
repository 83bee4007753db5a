import type { Tx } from '../../db/context.ts';
import type { Gemeente } from './gemeenten.schemas.ts';

/** Kysely queries for the dienst, gemeente and wijk tables. Row-level security scopes every query. */
export const gemeentenRepository = {
  async findDienstByNaam(tx: Tx, naam: string): Promise<{ dienstId: string } | undefined> {
    return tx.selectFrom('dienst').select('dienstId').where('naam', '=', naam).executeTakeFirst();
  },

  async insertDienst(tx: Tx, naam: string): Promise<string> {
    const row = await tx
      .insertInto('dienst')
      .values({ naam })
      .returning('dienstId')
      .executeTakeFirstOrThrow();
    return row.dienstId;
  },

  async listDiensten(tx: Tx): Promise<Array<{ dienstId: string; naam: string }>> {
    return tx.selectFrom('dienst').select(['dienstId', 'naam']).orderBy('naam').execute();
  },

  async listGemeenten(tx: Tx, dienstId?: string): Promise<Gemeente[]> {
    let q = tx.selectFrom('gemeente').select(['gemeenteId as id', 'naam', 'code']).orderBy('naam');
    if (dienstId) q = q.where('dienstId', '=', dienstId);
    return q.execute();
  },

  async findGemeenteByCode(tx: Tx, dienstId: string, code: string): Promise<Gemeente | undefined> {
    return tx
      .selectFrom('gemeente')
      .select(['gemeenteId as id', 'naam', 'code'])
      .where('dienstId', '=', dienstId)
      .where('code', '=', code)
      .executeTakeFirst();
  },

  async insertGemeente(
    tx: Tx,
    dienstId: string,
    naam: string,
    code: string,
    gemeenteId?: string,
  ): Promise<Gemeente> {
    return tx
      .insertInto('gemeente')
      .values(gemeenteId ? { dienstId, gemeenteId, naam, code } : { dienstId, naam, code })
      .returning(['gemeenteId as id', 'naam', 'code'])
      .executeTakeFirstOrThrow();
  },

  async findGemeente(tx: Tx, dienstId: string, gemeenteId: string): Promise<Gemeente | undefined> {
    return tx
      .selectFrom('gemeente')
      .select(['gemeenteId as id', 'naam', 'code'])
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', '=', gemeenteId)
      .executeTakeFirst();
  },

  async updateGemeente(
    tx: Tx,
    dienstId: string,
    gemeenteId: string,
    naam: string,
    code: string,
  ): Promise<Gemeente | undefined> {
    return tx
      .updateTable('gemeente')
      .set({ naam, code })
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', '=', gemeenteId)
      .returning(['gemeenteId as id', 'naam', 'code'])
      .executeTakeFirst();
  },

  async findWijk(
    tx: Tx,
    dienstId: string,
    gemeenteId: string,
    naam: string,
  ): Promise<{ id: string } | undefined> {
    return tx
      .selectFrom('wijk')
      .select('id')
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', '=', gemeenteId)
      .where('naam', '=', naam)
      .executeTakeFirst();
  },

  async insertWijk(tx: Tx, dienstId: string, gemeenteId: string, naam: string): Promise<string> {
    const row = await tx
      .insertInto('wijk')
      .values({ dienstId, gemeenteId, naam })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async upsertWijkPostcodes(
    tx: Tx,
    dienstId: string,
    gemeenteId: string,
    wijkId: string,
    postcodes: string[],
  ) {
    if (postcodes.length === 0) return;
    await tx
      .insertInto('wijkPostcode')
      .values(postcodes.map((postcode4) => ({ dienstId, gemeenteId, wijkId, postcode4 })))
      .onConflict((oc) => oc.columns(['dienstId', 'gemeenteId', 'postcode4']).doUpdateSet({ wijkId }))
      .execute();
  },

  async listWijken(
    tx: Tx,
    gemeenteId: string,
  ): Promise<Array<{ id: string; naam: string; postcodes: string[] }>> {
    const rows = await tx
      .selectFrom('wijk')
      .leftJoin('wijkPostcode', (j) =>
        j.onRef('wijkPostcode.dienstId', '=', 'wijk.dienstId').onRef('wijkPostcode.wijkId', '=', 'wijk.id'),
      )
      .select(['wijk.id', 'wijk.naam', 'wijkPostcode.postcode4'])
      .where('wijk.gemeenteId', '=', gemeenteId)
      .orderBy('wijk.naam')
      .orderBy('wijkPostcode.postcode4')
      .execute();
    const byId = new Map<string, { id: string; naam: string; postcodes: string[] }>();
    for (const r of rows) {
      const w = byId.get(r.id) ?? { id: r.id, naam: r.naam, postcodes: [] };
      if (r.postcode4) w.postcodes.push(r.postcode4);
      byId.set(r.id, w);
    }
    return [...byId.values()];
  },
};
