import type { Selectable } from 'kysely';
import type { Tx } from '../../db/context.ts';
import type { VerordeningVersieTable } from '../../db/schema.ts';
import type { RechtsgrondPeriode, Vorm, Weergavenaam } from './regels.ts';
import type { VerordeningVersie, VersieInvoer } from './verordening.schemas.ts';

const getal = (v: string | null): number | null => (v === null ? null : Number(v));

function naarVersie(r: Selectable<VerordeningVersieTable>): VerordeningVersie {
  return {
    id: r.id,
    gemeenteId: r.gemeenteId,
    ingangsdatum: r.ingangsdatum,
    titel: r.titel,
    vorm: r.vorm as Vorm,
    weergavenaam: r.weergavenaam as Weergavenaam,
    minUrenPerWeek: getal(r.minUrenPerWeek),
    maxUrenPerWeek: getal(r.maxUrenPerWeek),
    maxDuurMaanden: r.maxDuurMaanden,
    verlengingToegestaan: r.verlengingToegestaan,
    maxVerlengingMaanden: r.maxVerlengingMaanden,
    lokaleGrondIds: r.lokaleGrondIds,
    schriftelijkeOvereenkomstVerplicht: r.schriftelijkeOvereenkomstVerplicht,
    artikelen: {
      vorm: r.artikelVorm,
      uren: r.artikelUren,
      duur: r.artikelDuur,
      verlenging: r.artikelVerlenging,
      ontheffingen: r.artikelOntheffingen,
      overeenkomst: r.artikelOvereenkomst,
    },
    minDagenVerzendingStart: r.minDagenVerzendingStart,
    artikelMaatregel: r.artikelMaatregel,
    toelichting: r.toelichting,
    aangemaaktOp: r.aangemaaktOp.toISOString(),
  };
}

/** Kysely queries for the ordinance tables. Row-level security scopes every query to the caller's municipalities. */
export const verordeningRepository = {
  /** Versions of the given municipalities (all visible ones when omitted), oldest effective date first. */
  async listVersies(tx: Tx, dienstId: string, gemeenteIds?: readonly string[]): Promise<VerordeningVersie[]> {
    let q = tx.selectFrom('verordeningVersie').selectAll().where('dienstId', '=', dienstId);
    if (gemeenteIds) {
      if (gemeenteIds.length === 0) return [];
      q = q.where('gemeenteId', 'in', gemeenteIds);
    }
    const rows = await q.orderBy('gemeenteId').orderBy('ingangsdatum').execute();
    return rows.map(naarVersie);
  },

  /** Versions of one municipality by its id alone (for the system context, which sees every service). */
  async listVersiesVanGemeente(tx: Tx, gemeenteId: string): Promise<VerordeningVersie[]> {
    const rows = await tx
      .selectFrom('verordeningVersie')
      .selectAll()
      .where('gemeenteId', '=', gemeenteId)
      .orderBy('ingangsdatum')
      .execute();
    return rows.map(naarVersie);
  },

  async findVersie(
    tx: Tx,
    dienstId: string,
    gemeenteId: string,
    id: string,
  ): Promise<VerordeningVersie | undefined> {
    const r = await tx
      .selectFrom('verordeningVersie')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', '=', gemeenteId)
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? naarVersie(r) : undefined;
  },

  async hasVersieOp(tx: Tx, dienstId: string, gemeenteId: string, ingangsdatum: string): Promise<boolean> {
    const r = await tx
      .selectFrom('verordeningVersie')
      .select('id')
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', '=', gemeenteId)
      .where('ingangsdatum', '=', ingangsdatum)
      .executeTakeFirst();
    return r !== undefined;
  },

  async insertVersie(
    tx: Tx,
    dienstId: string,
    gemeenteId: string,
    v: VersieInvoer,
    door: string | null,
  ): Promise<VerordeningVersie> {
    const r = await tx
      .insertInto('verordeningVersie')
      .values({
        dienstId,
        gemeenteId,
        ingangsdatum: v.ingangsdatum,
        titel: v.titel,
        vorm: v.vorm,
        weergavenaam: v.weergavenaam,
        minUrenPerWeek: v.minUrenPerWeek,
        maxUrenPerWeek: v.maxUrenPerWeek,
        maxDuurMaanden: v.maxDuurMaanden,
        verlengingToegestaan: v.verlengingToegestaan,
        maxVerlengingMaanden: v.maxVerlengingMaanden,
        lokaleGrondIds: [...new Set(v.lokaleGrondIds)],
        schriftelijkeOvereenkomstVerplicht: v.schriftelijkeOvereenkomstVerplicht,
        artikelVorm: v.artikelen.vorm,
        artikelUren: v.artikelen.uren,
        artikelDuur: v.artikelen.duur,
        artikelVerlenging: v.artikelen.verlenging,
        artikelOntheffingen: v.artikelen.ontheffingen,
        artikelOvereenkomst: v.artikelen.overeenkomst,
        minDagenVerzendingStart: v.minDagenVerzendingStart,
        artikelMaatregel: v.artikelMaatregel,
        toelichting: v.toelichting,
        aangemaaktDoor: door,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return naarVersie(r);
  },

  async listRechtsgronden(tx: Tx, dienstId: string): Promise<RechtsgrondPeriode[]> {
    return tx
      .selectFrom('verordeningRechtsgrond')
      .select(['vanaf', 'artikel', 'omschrijving'])
      .where('dienstId', '=', dienstId)
      .orderBy('vanaf')
      .execute();
  },

  async upsertRechtsgrond(
    tx: Tx,
    dienstId: string,
    p: RechtsgrondPeriode,
    door: string | null,
  ): Promise<void> {
    await tx
      .insertInto('verordeningRechtsgrond')
      .values({
        dienstId,
        vanaf: p.vanaf,
        artikel: p.artikel,
        omschrijving: p.omschrijving,
        gewijzigdDoor: door,
      })
      .onConflict((oc) =>
        oc.columns(['dienstId', 'vanaf']).doUpdateSet({
          artikel: p.artikel,
          omschrijving: p.omschrijving,
          gewijzigdDoor: door,
          gewijzigdOp: new Date(),
        }),
      )
      .execute();
  },
};
