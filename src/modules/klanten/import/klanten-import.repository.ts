import { type Selectable, sql } from 'kysely';
import type { Tx } from '../../../db/context.ts';
import type { KlantImportTable } from '../../../db/schema.ts';

/** Queries of the client import's own tables (`klant_import`, `klant_import_rij`). */

export type ImportRecord = Omit<Selectable<KlantImportTable>, 'bestand'>;

export interface RapportRijRecord {
  rij: number;
  klantnummer: string | null;
  proef: string;
  uitkomst: string | null;
  fouten: Record<string, string> | null;
}

const ZONDER_BESTAND = [
  'dienstId',
  'gemeenteId',
  'id',
  'gestartDoor',
  'gestartDoorNaam',
  'bestandsnaam',
  'status',
  'codering',
  'scheidingsteken',
  'kolommen',
  'onbekendeKolommen',
  'totaal',
  'proefAanmaken',
  'proefBijwerken',
  'proefAfgewezen',
  'verwerkt',
  'aangemaakt',
  'bijgewerkt',
  'afgewezen',
  'foutmelding',
  'aangemaaktOp',
  'gestartOp',
  'klaarOp',
] as const;

const BLOK = 1000;

export const klantenImportRepository = {
  async insertImport(
    tx: Tx,
    rij: {
      dienstId: string;
      gemeenteId: string;
      id: string;
      gestartDoor: string | null;
      gestartDoorNaam: string;
      bestandsnaam: string;
      codering: string;
      scheidingsteken: string;
      kolommen: string[];
      onbekendeKolommen: string[];
      totaal: number;
      proefAanmaken: number;
      proefBijwerken: number;
      proefAfgewezen: number;
      bestand: Buffer;
    },
  ): Promise<void> {
    await tx.insertInto('klantImport').values(rij).execute();
  },

  async insertRijen(
    tx: Tx,
    sleutel: { dienstId: string; gemeenteId: string; importId: string },
    rijen: ReadonlyArray<{ rij: number; klantnummer: string | null; proef: string; fouten: object | null }>,
  ): Promise<void> {
    for (let i = 0; i < rijen.length; i += BLOK) {
      await tx
        .insertInto('klantImportRij')
        .values(
          rijen.slice(i, i + BLOK).map((r) => ({
            ...sleutel,
            rij: r.rij,
            klantnummer: r.klantnummer,
            proef: r.proef,
            fouten: r.fouten ? JSON.stringify(r.fouten) : null,
          })),
        )
        .execute();
    }
  },

  async findImport(tx: Tx, dienstId: string, id: string): Promise<ImportRecord | undefined> {
    return tx
      .selectFrom('klantImport')
      .select(ZONDER_BESTAND)
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** The import with its stored file, locked for the worker. */
  async lockImport(
    tx: Tx,
    dienstId: string,
    id: string,
  ): Promise<(ImportRecord & { bestand: Buffer | null }) | undefined> {
    return tx
      .selectFrom('klantImport')
      .select([...ZONDER_BESTAND, 'bestand'])
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  async listImports(
    tx: Tx,
    dienstId: string,
    /** Undefined: every municipality of the service (system context). */
    gemeenteIds: readonly string[] | undefined,
    limit: number,
  ): Promise<ImportRecord[]> {
    if (gemeenteIds?.length === 0) return [];
    let q = tx.selectFrom('klantImport').select(ZONDER_BESTAND).where('dienstId', '=', dienstId);
    if (gemeenteIds) q = q.where('gemeenteId', 'in', gemeenteIds);
    return q.orderBy('aangemaaktOp', 'desc').limit(limit).execute();
  },

  async updateImport(
    tx: Tx,
    dienstId: string,
    id: string,
    wijziging: {
      status?: string;
      foutmelding?: string | null;
      bestand?: null;
      gestartOp?: Date;
      klaarOp?: Date | null;
    },
  ): Promise<void> {
    await tx
      .updateTable('klantImport')
      .set(wijziging)
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .execute();
  },

  /** Adds a processed block's counts and marks how many rows of the file are done. */
  async telOp(
    tx: Tx,
    dienstId: string,
    id: string,
    blok: { verwerkt: number; aangemaakt: number; bijgewerkt: number; afgewezen: number },
  ): Promise<void> {
    await tx
      .updateTable('klantImport')
      .set((eb) => ({
        verwerkt: blok.verwerkt,
        aangemaakt: eb('aangemaakt', '+', blok.aangemaakt),
        bijgewerkt: eb('bijgewerkt', '+', blok.bijgewerkt),
        afgewezen: eb('afgewezen', '+', blok.afgewezen),
      }))
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .execute();
  },

  /** Stores what the real run did with each row of a block. */
  async zetUitkomsten(
    tx: Tx,
    sleutel: { dienstId: string; gemeenteId: string; importId: string },
    rijen: ReadonlyArray<{ rij: number; uitkomst: string; fouten: object | null }>,
  ): Promise<void> {
    if (rijen.length === 0) return;
    const waarden = rijen.map(
      (r) =>
        sql`(${r.rij}::integer, ${r.uitkomst}::text, ${r.fouten ? JSON.stringify(r.fouten) : null}::jsonb)`,
    );
    await sql`UPDATE klant_import_rij AS r SET uitkomst = v.uitkomst, fouten = coalesce(v.fouten, r.fouten)
      FROM (VALUES ${sql.join(waarden)}) AS v(rij, uitkomst, fouten)
      WHERE r.dienst_id = ${sleutel.dienstId} AND r.gemeente_id = ${sleutel.gemeenteId}
        AND r.import_id = ${sleutel.importId} AND r.rij = v.rij`.execute(tx);
  },

  async listRijen(
    tx: Tx,
    dienstId: string,
    importId: string,
    filter: { alleenAfgewezen: boolean; limit: number; offset: number },
  ): Promise<{ rijen: RapportRijRecord[]; totaal: number }> {
    let q = tx.selectFrom('klantImportRij').where('dienstId', '=', dienstId).where('importId', '=', importId);
    if (filter.alleenAfgewezen)
      q = q.where((eb) =>
        eb.or([
          eb('uitkomst', '=', 'afgewezen'),
          eb.and([eb('uitkomst', 'is', null), eb('proef', '=', 'afgewezen')]),
        ]),
      );
    const [rijen, telling] = await Promise.all([
      q
        .select(['rij', 'klantnummer', 'proef', 'uitkomst', 'fouten'])
        .orderBy('rij')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rijen, totaal: Number(telling.n) };
  },

  /** Dry runs nobody started within the period expire: their stored file is removed. */
  async verloopProefruns(
    tx: Tx,
    dienstId: string,
    gemeenteIds: readonly string[] | undefined,
    voor: Date,
  ): Promise<void> {
    if (gemeenteIds?.length === 0) return;
    let q = tx
      .updateTable('klantImport')
      .set({ status: 'verlopen', bestand: null })
      .where('dienstId', '=', dienstId)
      .where('status', 'in', ['proefrun', 'mislukt'])
      .where('aangemaaktOp', '<', voor);
    if (gemeenteIds) q = q.where('gemeenteId', 'in', gemeenteIds);
    await q.execute();
  },
};
