import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';

/**
 * Kysely queries on this module's tables only (`gesprek`, `eigen_voorstel`). Row-level security scopes every query
 * to the context's municipalities; the service adds the client file's caseload and team scoping on top.
 */

export interface GesprekRij {
  dienstId: string;
  gemeenteId: string;
  klantId: string;
  id: string;
  datum: string;
  deelnemers: string[];
  krachtEnBekwaamheid: string | null;
  wensen: string | null;
  eigenVoorstel: string | null;
  socialeOmgeving: string | null;
  notities: string | null;
  afspraken: string | null;
  aangemaaktOp: Date;
  aangemaaktDoor: string | null;
  gewijzigdOp: Date;
  gewijzigdDoor: string | null;
}

export type GesprekKolommen = Pick<
  GesprekRij,
  | 'datum'
  | 'deelnemers'
  | 'krachtEnBekwaamheid'
  | 'wensen'
  | 'eigenVoorstel'
  | 'socialeOmgeving'
  | 'notities'
  | 'afspraken'
>;

export interface EigenVoorstelRij {
  dienstId: string;
  gemeenteId: string;
  klantId: string;
  gesprekId: string;
  id: string;
  titel: string;
  omschrijving: string;
  soort: string;
  organisatieId: string | null;
  nieuweOrganisatieNaam: string | null;
  maatschappelijkNut: boolean;
  nutMotivering: string;
  activiteitId: string | null;
  aangemaaktOp: Date;
  aangemaaktDoor: string | null;
}

export type EigenVoorstelKolommen = Omit<
  EigenVoorstelRij,
  'dienstId' | 'gemeenteId' | 'klantId' | 'gesprekId' | 'id' | 'aangemaaktOp'
>;

const GESPREK_KOLOMMEN = [
  'dienstId',
  'gemeenteId',
  'klantId',
  'id',
  'datum',
  'deelnemers',
  'krachtEnBekwaamheid',
  'wensen',
  'eigenVoorstel',
  'socialeOmgeving',
  'notities',
  'afspraken',
  'aangemaaktOp',
  'aangemaaktDoor',
  'gewijzigdOp',
  'gewijzigdDoor',
] as const;

export const gesprekkenRepository = {
  /** A client's conversations, newest first, each with its number of own proposals. */
  async listVoorKlant(
    tx: Tx,
    dienstId: string,
    klantId: string,
  ): Promise<Array<GesprekRij & { aantalEigenVoorstellen: number }>> {
    return tx
      .selectFrom('gesprek as g')
      .select(GESPREK_KOLOMMEN.map((k) => `g.${k}` as const))
      .select((eb) =>
        eb
          .selectFrom('eigenVoorstel as v')
          .whereRef('v.dienstId', '=', 'g.dienstId')
          .whereRef('v.gemeenteId', '=', 'g.gemeenteId')
          .whereRef('v.gesprekId', '=', 'g.id')
          .select(sql<number>`count(*)::int`.as('n'))
          .as('aantalEigenVoorstellen'),
      )
      .where('g.dienstId', '=', dienstId)
      .where('g.klantId', '=', klantId)
      .orderBy('g.datum', 'desc')
      .orderBy('g.aangemaaktOp', 'desc')
      .execute() as Promise<Array<GesprekRij & { aantalEigenVoorstellen: number }>>;
  },

  async findGesprek(tx: Tx, dienstId: string, id: string, lock = false): Promise<GesprekRij | undefined> {
    let q = tx
      .selectFrom('gesprek')
      .select(GESPREK_KOLOMMEN)
      .where('dienstId', '=', dienstId)
      .where('id', '=', id);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  },

  /** The client's latest conversation (by date, then by when it was recorded). */
  async laatsteGesprek(tx: Tx, dienstId: string, klantId: string): Promise<GesprekRij | undefined> {
    return tx
      .selectFrom('gesprek')
      .select(GESPREK_KOLOMMEN)
      .where('dienstId', '=', dienstId)
      .where('klantId', '=', klantId)
      .orderBy('datum', 'desc')
      .orderBy('aangemaaktOp', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  /**
   * Per client the latest conversation in which part (a) or (b) holds text: its wishes and strengths, for the
   * matching engine's text similarity.
   */
  async laatsteWensen(
    tx: Tx,
    dienstId: string,
    klantIds: readonly string[],
  ): Promise<
    Array<{ klantId: string; gemeenteId: string; wensen: string | null; krachtEnBekwaamheid: string | null }>
  > {
    if (klantIds.length === 0) return [];
    return tx
      .selectFrom('gesprek')
      .distinctOn('klantId')
      .select(['klantId', 'gemeenteId', 'wensen', 'krachtEnBekwaamheid'])
      .where('dienstId', '=', dienstId)
      .where('klantId', 'in', [...klantIds])
      .where((eb) =>
        eb.or([
          eb(sql`btrim(coalesce(wensen, ''))`, '<>', ''),
          eb(sql`btrim(coalesce(kracht_en_bekwaamheid, ''))`, '<>', ''),
        ]),
      )
      .orderBy('klantId')
      .orderBy('datum', 'desc')
      .orderBy('aangemaaktOp', 'desc')
      .execute();
  },

  async insertGesprek(
    tx: Tx,
    sleutel: { dienstId: string; gemeenteId: string; klantId: string },
    kolommen: GesprekKolommen,
    door: string | null,
  ): Promise<string> {
    const { id } = await tx
      .insertInto('gesprek')
      .values({ ...sleutel, ...kolommen, aangemaaktDoor: door, gewijzigdDoor: door })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  },

  async updateGesprek(
    tx: Tx,
    dienstId: string,
    id: string,
    kolommen: Partial<GesprekKolommen>,
    door: string | null,
  ): Promise<void> {
    await tx
      .updateTable('gesprek')
      .set({ ...kolommen, gewijzigdOp: sql`now()`, gewijzigdDoor: door })
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .execute();
  },

  async listEigenVoorstellen(tx: Tx, dienstId: string, gesprekId: string): Promise<EigenVoorstelRij[]> {
    return tx
      .selectFrom('eigenVoorstel')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('gesprekId', '=', gesprekId)
      .orderBy('aangemaaktOp')
      .execute();
  },

  /** A client's own proposals, newest first. */
  async listEigenVoorstellenVanKlant(tx: Tx, dienstId: string, klantId: string): Promise<EigenVoorstelRij[]> {
    return tx
      .selectFrom('eigenVoorstel')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('klantId', '=', klantId)
      .orderBy('aangemaaktOp', 'desc')
      .execute();
  },

  async insertEigenVoorstel(
    tx: Tx,
    gesprek: { dienstId: string; gemeenteId: string; klantId: string; id: string },
    kolommen: EigenVoorstelKolommen,
  ): Promise<EigenVoorstelRij> {
    return tx
      .insertInto('eigenVoorstel')
      .values({
        dienstId: gesprek.dienstId,
        gemeenteId: gesprek.gemeenteId,
        klantId: gesprek.klantId,
        gesprekId: gesprek.id,
        ...kolommen,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },
};
