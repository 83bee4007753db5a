import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';

/** Kysely queries for the privacy module's own tables (retention periods, destruction lists). */

export interface BewaartermijnRij {
  gemeenteId: string;
  klantdossierMaanden: number;
  grondslag: string;
  gewijzigdOp: Date;
}

export interface LijstRij {
  id: string;
  gemeenteId: string;
  status: string;
  peildatum: string;
  bewaartermijnMaanden: number;
  aantal: number;
  aangemaaktOp: Date;
  afgehandeldOp: Date | null;
  afgehandeldDoor: string | null;
  aantalVernietigd: number | null;
}

export interface LijstKlantRij {
  klantId: string;
  klantnummer: string | null;
  dossierGeslotenOp: Date;
  vernietigenVanaf: string;
}

const LIJST_KOLOMMEN = [
  'id',
  'gemeenteId',
  'status',
  'peildatum',
  'bewaartermijnMaanden',
  'aantal',
  'aangemaaktOp',
  'afgehandeldOp',
  'afgehandeldDoor',
  'aantalVernietigd',
] as const;

export const privacyRepository = {
  async listBewaartermijnen(tx: Tx, dienstId: string): Promise<BewaartermijnRij[]> {
    return tx
      .selectFrom('bewaartermijn')
      .select(['gemeenteId', 'klantdossierMaanden', 'grondslag', 'gewijzigdOp'])
      .where('dienstId', '=', dienstId)
      .execute();
  },

  async upsertBewaartermijn(
    tx: Tx,
    s: { dienstId: string; gemeenteId: string },
    t: { klantdossierMaanden: number; grondslag: string; gewijzigdDoor: string | null },
  ): Promise<void> {
    await tx
      .insertInto('bewaartermijn')
      .values({ ...s, ...t })
      .onConflict((oc) =>
        oc.columns(['dienstId', 'gemeenteId']).doUpdateSet({ ...t, gewijzigdOp: sql<Date>`now()` }),
      )
      .execute();
  },

  /** Marks the open proposal of a municipality as superseded (a new one replaces it). */
  async vervalOpen(tx: Tx, s: { dienstId: string; gemeenteId: string }): Promise<void> {
    await tx
      .updateTable('vernietigingslijst')
      .set({ status: 'vervallen', afgehandeldOp: sql<Date>`now()` })
      .where('dienstId', '=', s.dienstId)
      .where('gemeenteId', '=', s.gemeenteId)
      .where('status', '=', 'voorgesteld')
      .execute();
    // A superseded list keeps no klantnummers.
    await sql`DELETE FROM vernietigingslijst_klant r USING vernietigingslijst l
      WHERE r.dienst_id = l.dienst_id AND r.gemeente_id = l.gemeente_id AND r.lijst_id = l.id
        AND l.dienst_id = ${s.dienstId} AND l.gemeente_id = ${s.gemeenteId} AND l.status = 'vervallen'`.execute(
      tx,
    );
  },

  async insertLijst(
    tx: Tx,
    s: { dienstId: string; gemeenteId: string },
    l: { peildatum: string; bewaartermijnMaanden: number; klanten: readonly LijstKlantRij[] },
  ): Promise<string> {
    const { id } = await tx
      .insertInto('vernietigingslijst')
      .values({
        ...s,
        peildatum: l.peildatum,
        bewaartermijnMaanden: l.bewaartermijnMaanden,
        aantal: l.klanten.length,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < l.klanten.length; i += 1000) {
      await tx
        .insertInto('vernietigingslijstKlant')
        .values(l.klanten.slice(i, i + 1000).map((k) => ({ ...s, lijstId: id, ...k })))
        .execute();
    }
    return id;
  },

  async listLijsten(tx: Tx, dienstId: string, gemeenteIds: readonly string[]): Promise<LijstRij[]> {
    if (gemeenteIds.length === 0) return [];
    return tx
      .selectFrom('vernietigingslijst')
      .select(LIJST_KOLOMMEN)
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', 'in', [...gemeenteIds])
      .orderBy('aangemaaktOp', 'desc')
      .limit(100)
      .execute();
  },

  async findLijst(tx: Tx, dienstId: string, id: string): Promise<LijstRij | undefined> {
    return tx
      .selectFrom('vernietigingslijst')
      .select(LIJST_KOLOMMEN)
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async listLijstKlanten(
    tx: Tx,
    l: { dienstId: string; gemeenteId: string; id: string },
  ): Promise<LijstKlantRij[]> {
    return tx
      .selectFrom('vernietigingslijstKlant')
      .select(['klantId', 'klantnummer', 'dossierGeslotenOp', 'vernietigenVanaf'])
      .where('dienstId', '=', l.dienstId)
      .where('gemeenteId', '=', l.gemeenteId)
      .where('lijstId', '=', l.id)
      .orderBy('dossierGeslotenOp')
      .orderBy('klantId')
      .execute();
  },

  /**
   * Closes an open list as approved, keeping only counts: its lines (klantnummers) are deleted. Returns false
   * when the list was no longer open (approved or superseded meanwhile).
   */
  async keurGoed(
    tx: Tx,
    l: { dienstId: string; gemeenteId: string; id: string },
    u: { door: string | null; aantalVernietigd: number },
  ): Promise<boolean> {
    const r = await tx
      .updateTable('vernietigingslijst')
      .set({
        status: 'goedgekeurd',
        afgehandeldOp: sql<Date>`now()`,
        afgehandeldDoor: u.door,
        aantalVernietigd: u.aantalVernietigd,
      })
      .where('dienstId', '=', l.dienstId)
      .where('gemeenteId', '=', l.gemeenteId)
      .where('id', '=', l.id)
      .where('status', '=', 'voorgesteld')
      .executeTakeFirst();
    if (r.numUpdatedRows === 0n) return false;
    await tx
      .deleteFrom('vernietigingslijstKlant')
      .where('dienstId', '=', l.dienstId)
      .where('gemeenteId', '=', l.gemeenteId)
      .where('lijstId', '=', l.id)
      .execute();
    return true;
  },
};
