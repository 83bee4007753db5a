import { sql } from 'kysely';
import type { Tx } from '../../../db/context.ts';

/** Kysely queries for the network's import tables. Row-level security scopes them like the network itself. */

export interface ImportRecord {
  id: string;
  soort: string;
  gemeenten: string[];
  gestartDoorNaam: string;
  bestandsnaam: string;
  status: string;
  codering: string;
  scheidingsteken: string;
  totaal: number;
  proef: Record<string, number>;
  proefVerwerkt: number;
  verwerkt: number;
  uitkomst: Record<string, number>;
  foutmelding: string | null;
  aangemaaktOp: Date;
  gestartOp: Date | null;
  klaarOp: Date | null;
}

const kolommen = [
  'id',
  'soort',
  'gemeenten',
  'gestartDoorNaam',
  'bestandsnaam',
  'status',
  'codering',
  'scheidingsteken',
  'totaal',
  'proef',
  'proefVerwerkt',
  'verwerkt',
  'uitkomst',
  'foutmelding',
  'aangemaaktOp',
  'gestartOp',
  'klaarOp',
] as const;

export const netwerkImportRepository = {
  async insertImport(
    tx: Tx,
    dienstId: string,
    v: {
      soort: string;
      gemeenten: string[];
      gestartDoor: string | null;
      gestartDoorNaam: string;
      bestandsnaam: string;
      codering: string;
      scheidingsteken: string;
      totaal: number;
      bestand: Buffer;
    },
  ): Promise<string> {
    // The dry run comes later, as a background job (`bewaarProefVoortgang`).
    const r = await tx
      .insertInto('netwerkImport')
      .values({ dienstId, ...v, status: 'proefbezig', proef: JSON.stringify({}) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async insertRijen(
    tx: Tx,
    dienstId: string,
    importId: string,
    rijen: ReadonlyArray<{ rij: number; naam: string; proef: string; redenen: string[] }>,
  ): Promise<void> {
    for (let i = 0; i < rijen.length; i += 500)
      await tx
        .insertInto('netwerkImportRij')
        .values(rijen.slice(i, i + 500).map((r) => ({ dienstId, importId, ...r })))
        .execute();
  },

  async findImport(tx: Tx, dienstId: string, id: string): Promise<ImportRecord | undefined> {
    return tx
      .selectFrom('netwerkImport')
      .select(kolommen)
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async findBestand(tx: Tx, dienstId: string, id: string): Promise<Buffer | null> {
    const r = await tx
      .selectFrom('netwerkImport')
      .select('bestand')
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .executeTakeFirst();
    return r?.bestand ?? null;
  },

  async listImports(tx: Tx, dienstId: string, limit: number): Promise<ImportRecord[]> {
    return tx
      .selectFrom('netwerkImport')
      .select(kolommen)
      .where('dienstId', '=', dienstId)
      .orderBy('aangemaaktOp', 'desc')
      .limit(limit)
      .execute();
  },

  async listRijen(
    tx: Tx,
    dienstId: string,
    importId: string,
    opts: { alleenGeweigerd: boolean; limit: number; offset: number },
  ): Promise<{
    rijen: Array<{ rij: number; naam: string; proef: string; uitkomst: string | null; redenen: string[] }>;
    totaal: number;
  }> {
    let q = tx
      .selectFrom('netwerkImportRij')
      .where('dienstId', '=', dienstId)
      .where('importId', '=', importId);
    if (opts.alleenGeweigerd)
      q = q.where((eb) => eb.or([eb('proef', '=', 'weigeren'), eb('uitkomst', '=', 'weigeren')]));
    const { n } = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const rijen = await q
      .select(['rij', 'naam', 'proef', 'uitkomst', 'redenen'])
      .orderBy('rij')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute();
    return { rijen, totaal: n };
  },

  /**
   * One block of the dry run: its report rows and the running totals. Only while the dry run is on
   * (`proefbezig`) and only right after the rows done so far (`vanaf`): a job that runs a block twice (a restart)
   * stores it once. False when nothing was stored.
   */
  async bewaarProefVoortgang(
    tx: Tx,
    dienstId: string,
    id: string,
    blok: { vanaf: number; tot: number; proef: Record<string, number> },
    rijen: ReadonlyArray<{ rij: number; naam: string; proef: string; redenen: string[] }>,
  ): Promise<boolean> {
    const r = await tx
      .updateTable('netwerkImport')
      .set({ proefVerwerkt: blok.tot, proef: JSON.stringify(blok.proef) })
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .where('status', '=', 'proefbezig')
      .where('proefVerwerkt', '=', blok.vanaf)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    await netwerkImportRepository.insertRijen(tx, dienstId, id, rijen);
    return true;
  },

  /** proefbezig → proefrun: the dry run is done. */
  async sluitProefAf(tx: Tx, dienstId: string, id: string): Promise<void> {
    await tx
      .updateTable('netwerkImport')
      .set({ status: 'proefrun' })
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .where('status', '=', 'proefbezig')
      .execute();
  },

  /** proefrun → wachtend, once: false when the import was already started. */
  async markeerWachtend(tx: Tx, dienstId: string, id: string): Promise<boolean> {
    const r = await tx
      .updateTable('netwerkImport')
      .set({ status: 'wachtend', gestartOp: sql`now()` })
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .where('status', '=', 'proefrun')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  /** wachtend → bezig (or bezig again after a restart): false when it is done or not started. */
  async markeerBezig(tx: Tx, dienstId: string, id: string): Promise<boolean> {
    const r = await tx
      .updateTable('netwerkImport')
      .set({ status: 'bezig' })
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .where('status', 'in', ['wachtend', 'bezig'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  async bewaarVoortgang(
    tx: Tx,
    dienstId: string,
    id: string,
    verwerkt: number,
    uitkomst: Record<string, number>,
    rijen: ReadonlyArray<{ rij: number; uitkomst: string; redenen: string[] }>,
  ): Promise<void> {
    for (const r of rijen)
      await tx
        .updateTable('netwerkImportRij')
        .set({ uitkomst: r.uitkomst, redenen: r.redenen })
        .where('dienstId', '=', dienstId)
        .where('importId', '=', id)
        .where('rij', '=', r.rij)
        .execute();
    await tx
      .updateTable('netwerkImport')
      .set({ verwerkt, uitkomst: JSON.stringify(uitkomst) })
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .execute();
  },

  /** Done or failed: the file is no longer kept. */
  async sluitAf(
    tx: Tx,
    dienstId: string,
    id: string,
    status: 'klaar' | 'mislukt',
    foutmelding: string | null,
  ) {
    await tx
      .updateTable('netwerkImport')
      .set({ status, foutmelding, klaarOp: sql`now()`, bestand: null })
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .execute();
  },
};
