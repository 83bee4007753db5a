import { type SqlBool, sql } from 'kysely';
import type { Tx } from '../../db/context.ts';
import { APP_ROLE } from '../../db/migrations/rls.ts';
import type { KetenKop, KetenKopMetSleutel, KetenSleutel, LogboekActie, OpgeslagenRegel } from './keten.ts';
import type {
  CreateVerwerkingsactiviteitInput,
  UpdateVerwerkingsactiviteitInput,
  Verwerkingsactiviteit,
} from './logboek.schemas.ts';

const VA_KOLOMMEN = ['id', 'naam', 'doel', 'grondslag', 'aangemaaktOp', 'gewijzigdOp'] as const;

/** Kysely queries for the register of processing activities (application role, row-level security). */
export const registerRepository = {
  async list(tx: Tx, dienstId: string): Promise<Verwerkingsactiviteit[]> {
    return tx
      .selectFrom('verwerkingsactiviteit')
      .select(VA_KOLOMMEN)
      .where('dienstId', '=', dienstId)
      .orderBy('naam')
      .execute();
  },

  async find(tx: Tx, dienstId: string, id: string): Promise<Verwerkingsactiviteit | undefined> {
    return tx
      .selectFrom('verwerkingsactiviteit')
      .select(VA_KOLOMMEN)
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** Inserts unless the id exists; returns whether it was inserted. */
  async insert(tx: Tx, dienstId: string, input: CreateVerwerkingsactiviteitInput): Promise<boolean> {
    const rows = await tx
      .insertInto('verwerkingsactiviteit')
      .values({ dienstId, ...input })
      .onConflict((oc) => oc.columns(['dienstId', 'id']).doNothing())
      .returning('id')
      .execute();
    return rows.length > 0;
  },

  async update(
    tx: Tx,
    dienstId: string,
    id: string,
    input: UpdateVerwerkingsactiviteitInput,
  ): Promise<boolean> {
    const r = await tx
      .updateTable('verwerkingsactiviteit')
      .set({ ...input, gewijzigdOp: sql<Date>`now()` })
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  },
};

export interface VerwerkingenFilter {
  dienstId: string;
  subjecten: ReadonlyArray<{ type: string; id: string }>;
  actorId?: string;
  actie?: string;
  /** Days in Europe/Amsterdam, both inclusive. */
  van?: string;
  tot?: string;
}

export interface VerwerkingRij {
  tijdstip: Date;
  gemeenteId: string | null;
  actorId: string;
  actorReden: string | null;
  rol: string;
  actie: string;
  subjectType: string;
  subjectId: string;
  verwerkingsactiviteitId: string;
  verwerkingsactiviteitNaam: string | null;
  traceId: string | null;
}

/** Reading the log about one subject (application role: row-level security limits it to the reader's scope). */
export const leesRepository = {
  async findVerwerkingen(
    tx: Tx,
    f: VerwerkingenFilter,
    opts: { limit: number; offset: number },
  ): Promise<{ rijen: VerwerkingRij[]; totaal: number }> {
    if (f.subjecten.length === 0) return { rijen: [], totaal: 0 };
    let q = tx
      .selectFrom('logboek as l')
      .leftJoin('verwerkingsactiviteit as va', (j) =>
        j.onRef('va.dienstId', '=', 'l.dienstId').onRef('va.id', '=', 'l.verwerkingsactiviteitId'),
      )
      .where('l.dienstId', '=', f.dienstId)
      .where((eb) =>
        eb.or(
          f.subjecten.map((s) => eb.and([eb('l.subjectType', '=', s.type), eb('l.subjectId', '=', s.id)])),
        ),
      );
    if (f.actorId) q = q.where('l.actorId', '=', f.actorId);
    if (f.actie) q = q.where('l.actie', '=', f.actie);
    if (f.van)
      q = q.where(sql<SqlBool>`l.tijdstip >= (${f.van}::date)::timestamp AT TIME ZONE 'Europe/Amsterdam'`);
    if (f.tot)
      q = q.where(
        sql<SqlBool>`l.tijdstip < ((${f.tot}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`,
      );
    const rijen = await q
      .select([
        'l.tijdstip',
        'l.gemeenteId',
        'l.actorId',
        'l.actorReden',
        'l.rol',
        'l.actie',
        'l.subjectType',
        'l.subjectId',
        'l.verwerkingsactiviteitId',
        'va.naam as verwerkingsactiviteitNaam',
        'l.traceId',
        sql<number>`count(*) OVER ()`.as('totaal'),
      ])
      .orderBy('l.tijdstip', 'desc')
      .orderBy('l.volgnummer', 'desc')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute();
    const totaal = rijen[0] ? Number(rijen[0].totaal) : 0;
    return { rijen: rijen.map(({ totaal: _t, ...r }) => r), totaal };
  },

  /** The distinct actors in the log about these subjects (for a filter), whatever the other filters. */
  async findActoren(
    tx: Tx,
    dienstId: string,
    subjecten: ReadonlyArray<{ type: string; id: string }>,
  ): Promise<Array<{ actorId: string; rol: string }>> {
    if (subjecten.length === 0) return [];
    return tx
      .selectFrom('logboek as l')
      .select(['l.actorId', 'l.rol'])
      .distinct()
      .where('l.dienstId', '=', dienstId)
      .where((eb) =>
        eb.or(subjecten.map((s) => eb.and([eb('l.subjectType', '=', s.type), eb('l.subjectId', '=', s.id)]))),
      )
      .orderBy('l.actorId')
      .execute();
  },
};

/** Kysely queries that append to the log (application role; row-level security applies). */
export const schrijfRepository = {
  /** The database's clock, to the millisecond (the precision the hash covers). */
  async tijd(tx: Tx): Promise<Date> {
    const r = await sql<{ nu: Date }>`SELECT date_trunc('milliseconds', clock_timestamp()) AS nu`.execute(tx);
    return r.rows[0]!.nu;
  },

  /**
   * Creates the chain head when it is missing and locks it until the caller's transaction ends, in one round trip:
   * appends to one chain are serialised (concurrent first writers: one inserts, the others wait for it and then
   * lock the row it made). The no-op update only takes the row lock; it returns the head as it is.
   */
  async lockKop(tx: Tx, k: KetenSleutel, genesis: string): Promise<KetenKop | undefined> {
    return tx
      .insertInto('logboekKeten')
      .values({
        partitie: k.partitie,
        dienstId: k.dienstId,
        gemeenteId: k.gemeenteId,
        volgnummer: 0,
        hash: genesis,
      })
      .onConflict((oc) =>
        oc
          .columns(['partitie', 'dienstId', 'gemeenteId'])
          .doUpdateSet({ volgnummer: sql<number>`logboek_keten.volgnummer` }),
      )
      .returning(['volgnummer', 'hash'])
      .executeTakeFirst();
  },

  async updateKop(tx: Tx, k: KetenSleutel, kop: KetenKop): Promise<void> {
    let q = tx
      .updateTable('logboekKeten')
      .set({ volgnummer: kop.volgnummer, hash: kop.hash })
      .where('partitie', '=', k.partitie)
      .where('dienstId', '=', k.dienstId);
    q = k.gemeenteId === null ? q.where('gemeenteId', 'is', null) : q.where('gemeenteId', '=', k.gemeenteId);
    await q.execute();
  },

  async insertRegels(tx: Tx, rijen: OpgeslagenRegel[]): Promise<void> {
    await tx.insertInto('logboek').values(rijen).execute();
  },
};

export interface PartitieRij {
  van: Date;
  tot: Date;
  naam: string;
  verzegeldOp: Date | null;
  aantalRegels: number | null;
  zegel: string | null;
  sleutelId: string | null;
  verwijderdOp: Date | null;
  bewaartermijnMaanden: number | null;
  verwijderZegel: string | null;
}

export interface InstellingRij {
  bewaartermijnMaanden: number | null;
  eerstePartitie: Date | null;
  ankerZegel: string | null;
  sleutelId: string | null;
}

export interface KetenOverzicht {
  dienstId: string;
  gemeenteId: string | null;
  aantal: number;
  min: number;
  max: number;
}

/**
 * DDL on the log takes strong locks (creating or dropping a partition locks the parent table): wait at most ten
 * seconds for running transactions instead of queueing every writer behind us; the next run tries again.
 */
async function wachtKort(tx: Tx, ms = 10_000): Promise<void> {
  await sql`SELECT set_config('lock_timeout', ${`${Math.max(1, Math.round(ms))}ms`}, true)`.execute(tx);
}

/** PostgreSQL's `lock_not_available` (a lock timeout). */
export const isSlotTimeout = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '55P03';

/**
 * Queries of the maintenance job and of `logboek verify`. They run as the OWNER role inside an explicit system
 * context (the tables force row-level security, also for their owner).
 */
export const beheerRepository = {
  async nu(tx: Tx): Promise<Date> {
    const r = await sql<{ nu: Date }>`SELECT now() AS nu`.execute(tx);
    return r.rows[0]!.nu;
  },

  async instelling(tx: Tx): Promise<InstellingRij> {
    return tx
      .selectFrom('logboekInstelling')
      .select(['bewaartermijnMaanden', 'eerstePartitie', 'ankerZegel', 'sleutelId'])
      .executeTakeFirstOrThrow();
  },

  async zetAnker(tx: Tx, eerstePartitie: Date, ankerZegel: string, sleutelId: string): Promise<void> {
    await tx
      .updateTable('logboekInstelling')
      .set({ eerstePartitie, ankerZegel, sleutelId, gewijzigdOp: sql<Date>`now()` })
      .execute();
  },

  async zetBewaartermijn(tx: Tx, maanden: number | null): Promise<void> {
    await tx
      .updateTable('logboekInstelling')
      .set({ bewaartermijnMaanden: maanden, gewijzigdOp: sql<Date>`now()` })
      .execute();
  },

  async partities(tx: Tx): Promise<PartitieRij[]> {
    return tx
      .selectFrom('logboekPartitie')
      .select([
        'van',
        'tot',
        'naam',
        'verzegeldOp',
        'aantalRegels',
        'zegel',
        'sleutelId',
        'verwijderdOp',
        'bewaartermijnMaanden',
        'verwijderZegel',
      ])
      .orderBy('van')
      .execute();
  },

  /** The partitions attached to `logboek` right now, by table name. */
  async aangehangen(tx: Tx): Promise<string[]> {
    const r = await sql<{ naam: string }>`SELECT c.relname AS naam FROM pg_inherits i
      JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'logboek'::regclass ORDER BY 1`.execute(tx);
    return r.rows.map((x) => x.naam);
  },

  /** Creates a partition owner-only (no access for the app role except through the parent) and records it. */
  async maakPartitie(tx: Tx, van: Date, tot: Date, naam: string, slotMs?: number): Promise<void> {
    await wachtKort(tx, slotMs);
    const t = sql.id(naam);
    await sql`CREATE TABLE ${t} PARTITION OF logboek
      FOR VALUES FROM (${sql.lit(van.toISOString())}) TO (${sql.lit(tot.toISOString())})`.execute(tx);
    await sql`REVOKE ALL ON ${t} FROM PUBLIC, ${sql.id(APP_ROLE)}`.execute(tx);
    await sql`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`.execute(tx);
    await sql`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`.execute(tx);
    await tx.insertInto('logboekPartitie').values({ van, tot, naam }).execute();
  },

  /**
   * Closes a partition for writing: a CHECK (false) NOT VALID constraint refuses every new row (existing rows
   * are not checked). Taking the lock waits for transactions still writing to it.
   */
  async sluitPartitie(tx: Tx, naam: string, slotMs?: number): Promise<void> {
    await wachtKort(tx, slotMs);
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_constraint
      WHERE conrelid = ${naam}::regclass AND conname = 'logboek_verzegeld'`.execute(tx);
    if ((r.rows[0]?.n ?? 0) > 0) return;
    await sql`ALTER TABLE ${sql.id(naam)} ADD CONSTRAINT logboek_verzegeld CHECK (false) NOT VALID`.execute(
      tx,
    );
  },

  async verzegel(
    tx: Tx,
    van: Date,
    z: { zegel: string; sleutelId: string; aantalRegels: number; verzegeldOp: Date },
  ): Promise<void> {
    await tx.updateTable('logboekPartitie').set(z).where('van', '=', van).execute();
  },

  /** The signed checkpoint of an open month, if any. */
  async tussenstand(
    tx: Tx,
    partitie: Date,
  ): Promise<{ gemaaktOp: Date; koppen: unknown; zegel: string; sleutelId: string } | undefined> {
    return tx
      .selectFrom('logboekTussenstand')
      .select(['gemaaktOp', 'koppen', 'zegel', 'sleutelId'])
      .where('partitie', '=', partitie)
      .executeTakeFirst();
  },

  async zetTussenstand(
    tx: Tx,
    partitie: Date,
    t: { gemaaktOp: Date; koppen: string; zegel: string; sleutelId: string },
  ): Promise<void> {
    await tx
      .insertInto('logboekTussenstand')
      .values({ partitie, ...t })
      .onConflict((oc) => oc.column('partitie').doUpdateSet(t))
      .execute();
  },

  async verwijderTussenstand(tx: Tx, partitie: Date): Promise<void> {
    await tx.deleteFrom('logboekTussenstand').where('partitie', '=', partitie).execute();
  },

  /** New signatures for a partition record (key rotation). */
  async hersigneer(
    tx: Tx,
    van: Date,
    z: { zegel: string; verwijderZegel: string | null; sleutelId: string },
  ): Promise<void> {
    await tx.updateTable('logboekPartitie').set(z).where('van', '=', van).execute();
  },

  /** Drops a partition's table and chain heads; its record stays as a signed tombstone. */
  async verwijderPartitie(
    tx: Tx,
    p: { van: Date; naam: string },
    v: { verwijderdOp: Date; bewaartermijnMaanden: number; verwijderZegel: string },
    slotMs?: number,
  ): Promise<void> {
    await wachtKort(tx, slotMs);
    await sql`DROP TABLE ${sql.id(p.naam)}`.execute(tx);
    await tx.deleteFrom('logboekKeten').where('partitie', '=', p.van).execute();
    await tx.updateTable('logboekPartitie').set(v).where('van', '=', p.van).execute();
  },

  async koppen(tx: Tx, partitie: Date): Promise<KetenKopMetSleutel[]> {
    return tx
      .selectFrom('logboekKeten')
      .select(['dienstId', 'gemeenteId', 'volgnummer', 'hash'])
      .where('partitie', '=', partitie)
      .execute();
  },

  /** The chains found in the entries of one partition's range (read through the parent). */
  async ketens(tx: Tx, van: Date, tot: Date): Promise<KetenOverzicht[]> {
    return tx
      .selectFrom('logboek')
      .select((eb) => [
        'dienstId',
        'gemeenteId',
        eb.fn.countAll<number>().as('aantal'),
        eb.fn.min('volgnummer').as('min'),
        eb.fn.max('volgnummer').as('max'),
      ])
      .where('tijdstip', '>=', van)
      .where('tijdstip', '<', tot)
      .groupBy(['dienstId', 'gemeenteId'])
      .execute();
  },

  /** One window of a chain's entries, in order of sequence number. */
  async regels(
    tx: Tx,
    van: Date,
    tot: Date,
    keten: { dienstId: string; gemeenteId: string | null },
    vanafVolgnummer: number,
    totVolgnummer: number,
  ): Promise<OpgeslagenRegel[]> {
    let q = tx
      .selectFrom('logboek')
      .select([
        'volgnummer',
        'tijdstip',
        'dienstId',
        'gemeenteId',
        'actorId',
        'actorReden',
        'rol',
        'actie',
        'subjectType',
        'subjectId',
        'verwerkingsactiviteitId',
        'traceId',
        'hash',
      ])
      .where('tijdstip', '>=', van)
      .where('tijdstip', '<', tot)
      .where('dienstId', '=', keten.dienstId)
      .where('volgnummer', '>=', vanafVolgnummer)
      .where('volgnummer', '<', totVolgnummer);
    q =
      keten.gemeenteId === null
        ? q.where('gemeenteId', 'is', null)
        : q.where('gemeenteId', '=', keten.gemeenteId);
    const rows = await q.orderBy('volgnummer').orderBy('hash').execute();
    return rows.map((r) => ({ ...r, actie: r.actie as LogboekActie }));
  },
};
