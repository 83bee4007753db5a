import { type SqlBool, sql } from 'kysely';
import type { Tx } from '../../db/context.ts';
import type { Fase, Sortering, Telgroep } from './werklijst.ts';

/** The work list's read model (view `werklijst_klant`, migration 0801); row-level security applies to it. */
export interface WerklijstRij {
  gemeenteId: string;
  klantId: string;
  klantnummer: string | null;
  voornamen: string | null;
  roepnaam: string | null;
  voorvoegsel: string | null;
  achternaam: string;
  klantmanagerId: string | null;
  tegenprestatieId: string | null;
  tegenprestatieStatus: string | null;
  startdatum: string | null;
  einddatum: string | null;
  fase: Fase;
  volgendeEvaluatie: string | null;
  openSignalen: number;
}

export interface WerklijstFilter {
  /** Only the clients of these klantmanagers (undefined: no restriction; empty: none). */
  klantmanagerIds?: readonly string[] | undefined;
  gemeenteId?: string | undefined;
  fase?: Fase | undefined;
  aandacht?: 'evaluatie' | 'signalen' | undefined;
  /** Evaluations on or before this date are due (today + the term). */
  evaluatieTot: string;
}

const FASE_VOLGORDE = sql`array_position(ARRAY['geen', 'verkenning', 'ontwerp', 'opleggen', 'toetsing',
  'overeengekomen', 'lopend']::text[], w.fase)`;

function basis(tx: Tx, dienstId: string, f: Omit<WerklijstFilter, 'fase' | 'aandacht'>) {
  let q = tx.selectFrom('werklijstKlant as w').where('w.dienstId', '=', dienstId);
  if (f.klantmanagerIds !== undefined)
    q =
      f.klantmanagerIds.length > 0
        ? q.where('w.klantmanagerId', 'in', [...f.klantmanagerIds])
        : q.where(sql<SqlBool>`false`);
  if (f.gemeenteId) q = q.where('w.gemeenteId', '=', f.gemeenteId);
  return q;
}

export const homeRepository = {
  /** One page of the list: filtered, sorted (name as the tie-breaker, then the id), limited. */
  async werklijst(
    tx: Tx,
    dienstId: string,
    f: WerklijstFilter,
    sorteer: Sortering,
    richting: 'oplopend' | 'aflopend',
    limit: number,
    offset: number,
  ): Promise<WerklijstRij[]> {
    let q = basis(tx, dienstId, f);
    if (f.fase) q = q.where('w.fase', '=', f.fase);
    if (f.aandacht === 'evaluatie') q = q.where('w.volgendeEvaluatie', '<=', f.evaluatieTot);
    if (f.aandacht === 'signalen') q = q.where('w.openSignalen', '>', 0);
    const r = richting === 'aflopend' ? sql`DESC` : sql`ASC`;
    const eerst =
      sorteer === 'fase'
        ? sql`${FASE_VOLGORDE} ${r}`
        : sorteer === 'evaluatie'
          ? sql`w.volgende_evaluatie ${r} NULLS LAST`
          : sorteer === 'signalen'
            ? sql`w.open_signalen ${r}`
            : sorteer === 'start'
              ? sql`w.startdatum ${r} NULLS LAST`
              : sql`lower(w.achternaam) ${r}, lower(coalesce(w.roepnaam, w.voornamen, '')) ${r}`;
    const rijen = await q
      .select([
        'w.gemeenteId',
        'w.klantId',
        'w.klantnummer',
        'w.voornamen',
        'w.roepnaam',
        'w.voorvoegsel',
        'w.achternaam',
        'w.klantmanagerId',
        'w.tegenprestatieId',
        'w.tegenprestatieStatus',
        'w.startdatum',
        'w.einddatum',
        'w.fase',
        'w.volgendeEvaluatie',
        'w.openSignalen',
      ])
      .orderBy(eerst)
      .orderBy(sql`lower(w.achternaam)`)
      .orderBy('w.klantId')
      .limit(limit)
      .offset(offset)
      .execute();
    return rijen as WerklijstRij[];
  },

  /** The counts per municipality, klantmanager and phase (one grouped query; no phase or attention filter). */
  async tellingen(
    tx: Tx,
    dienstId: string,
    f: Omit<WerklijstFilter, 'fase' | 'aandacht'>,
  ): Promise<Telgroep[]> {
    const rijen = await basis(tx, dienstId, f)
      .select([
        'w.gemeenteId',
        'w.klantmanagerId',
        'w.fase',
        sql<number>`count(*)::int`.as('aantal'),
        sql<number>`(count(*) FILTER (WHERE w.volgende_evaluatie <= ${f.evaluatieTot}))::int`.as('evaluatie'),
        sql<number>`(count(*) FILTER (WHERE w.open_signalen > 0))::int`.as('signalen'),
      ])
      .groupBy(['w.gemeenteId', 'w.klantmanagerId', 'w.fase'])
      .execute();
    return rijen as Telgroep[];
  },
};
