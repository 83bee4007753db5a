import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Tx } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';

/**
 * Kysely queries for the client file's tables only. Row-level security scopes every query to the context's
 * municipalities (and, for belastbaarheid and ontheffingen, to the klantmanager and teamleider roles); the
 * service adds caseload and team scoping on top.
 */

export interface KlantRij {
  dienstId: string;
  gemeenteId: string;
  id: string;
  klantnummer: string | null;
  bsnVersleuteld: string | null;
  voornamen: string | null;
  roepnaam: string | null;
  voorvoegsel: string | null;
  achternaam: string;
  geboortedatum: string;
  straat: string | null;
  huisnummer: string | null;
  postcode: string | null;
  woonplaats: string | null;
  wijkId: string | null;
  wijkHandmatig: boolean;
  telefoon: string | null;
  email: string | null;
  taal: string | null;
  taalniveau: string | null;
  opleidingsniveau: string | null;
  werkervaring: Array<{ sector: string; functie: string; jaren: number }>;
  beschikbaarheid: string[];
  zorgtaken: string | null;
  mobiliteit: string[];
  maxReistijdMinuten: number | null;
  eigenNetwerk: string | null;
  klantmanagerId: string | null;
  toepasselijkheid: string | null;
  toepasselijkheidGeldigTot: string | null;
  dossierGeslotenOp: Date | null;
  aangemaaktOp: Date;
  gewijzigdOp: Date;
}

/** The columns a create or update writes (profile only; child tables have their own functions). */
export type KlantKolommen = Omit<
  KlantRij,
  | 'dienstId'
  | 'gemeenteId'
  | 'id'
  | 'aangemaaktOp'
  | 'gewijzigdOp'
  | 'toepasselijkheid'
  | 'toepasselijkheidGeldigTot'
  | 'dossierGeslotenOp'
> & { bsnHash: string | null };

export interface OverzichtRij {
  id: string;
  gemeenteId: string;
  klantnummer: string | null;
  voornamen: string | null;
  roepnaam: string | null;
  voorvoegsel: string | null;
  achternaam: string;
  geboortedatum: string;
  postcode: string | null;
  wijkId: string | null;
  wijkNaam: string | null;
  klantmanagerId: string | null;
  toepasselijkheid: string | null;
  dossierGeslotenOp: Date | null;
}

export interface WerkRij {
  id: string;
  klantId: string;
  omschrijving: string | null;
  urenPerWeek: number;
  dagdelen: string[];
  begindatum: string | null;
  einddatum: string | null;
}

export interface ReintegratieRij {
  id: string;
  klantId: string;
  omschrijving: string | null;
  begindatum: string;
  einddatum: string | null;
  dagdelen: string[];
}

export interface OntheffingRij {
  id: string;
  klantId: string;
  type: string;
  lokaleGrondId: string | null;
  lokaleGrondCode: string | null;
  lokaleGrondNaam: string | null;
  lokaleGrondGrondslag: string | null;
  reden: string | null;
  begindatum: string;
  einddatum: string | null;
  herbeoordelingsdatum: string | null;
  geboortedatumKind: string | null;
  eerderGebruikt: boolean;
  eerdereGemeente: string | null;
  aangemaaktOp: Date;
  verzoekdatum: string | null;
  planVanAanpakOp: string | null;
  laatsteHeronderzoekOp: string | null;
  /** Art. 9a suspensions and resumptions, in date order. */
  gebeurtenissen: GebeurtenisRij[];
}

export interface GebeurtenisRij {
  id: string;
  soort: string;
  datum: string;
  geboortedatumKind: string | null;
  toelichting: string | null;
}

export interface BelastbaarheidRij {
  klantId: string;
  maxUrenPerWeek: number | null;
  beperkingen: string[];
  geenBeperkingenReden: string | null;
}

export interface Sleutel {
  dienstId: string;
  gemeenteId: string;
  klantId: string;
}

export interface ZoekFilter {
  dienstId: string;
  gemeenteIds: readonly string[];
  /** Only clients of these klantmanagers (undefined: no caseload restriction). */
  klantmanagerIds?: readonly string[];
  /** A specific klantmanager, or `geen` for unassigned clients. */
  klantmanagerId?: string;
  zoekwoorden: readonly string[];
  toepasselijkheid?: string;
  wijkId?: string;
  metGesloten: boolean;
  bsnHash?: string;
  /** Exact klantnummer. */
  klantnummer?: string;
  /** A single client by id. */
  id?: string;
  /** Only these clients (a list page naming its clients). */
  ids?: readonly string[];
}

export type Sortering = 'naam' | 'klantnummer' | 'geboortedatum' | 'wijk' | 'toepasselijkheid' | 'gewijzigd';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const zoekbareNaam = sql<string>`lower(concat_ws(' ', k.klantnummer, k.voornamen, k.roepnaam, k.voorvoegsel, k.achternaam))`;

function filterExpressie(
  eb: ExpressionBuilder<DB & { k: DB['klant'] }, 'k'>,
  f: ZoekFilter,
): Expression<SqlBool> {
  const en: Expression<SqlBool>[] = [eb('k.dienstId', '=', f.dienstId)];
  en.push(f.gemeenteIds.length > 0 ? eb('k.gemeenteId', 'in', [...f.gemeenteIds]) : sql<SqlBool>`false`);
  if (f.klantmanagerIds !== undefined) {
    en.push(
      f.klantmanagerIds.length > 0
        ? eb('k.klantmanagerId', 'in', [...f.klantmanagerIds])
        : sql<SqlBool>`false`,
    );
  }
  if (f.klantmanagerId === 'geen') en.push(eb('k.klantmanagerId', 'is', null));
  else if (f.klantmanagerId) en.push(eb('k.klantmanagerId', '=', f.klantmanagerId));
  for (const woord of f.zoekwoorden) {
    en.push(sql<SqlBool>`${zoekbareNaam} LIKE ${`%${escapeLike(woord.toLowerCase())}%`}`);
  }
  if (f.toepasselijkheid) en.push(eb('k.toepasselijkheid', '=', f.toepasselijkheid));
  if (f.wijkId) en.push(eb('k.wijkId', '=', f.wijkId));
  if (!f.metGesloten) en.push(eb('k.dossierGeslotenOp', 'is', null));
  if (f.bsnHash) en.push(eb('k.bsnHash', '=', f.bsnHash));
  if (f.klantnummer) en.push(eb('k.klantnummer', '=', f.klantnummer));
  if (f.id) en.push(eb('k.id', '=', f.id));
  if (f.ids !== undefined) en.push(f.ids.length > 0 ? eb('k.id', 'in', [...f.ids]) : sql<SqlBool>`false`);
  return eb.and(en);
}

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

export const klantenRepository = {
  /**
   * Refreshes the planner statistics of `klant` when it grew or changed a lot since the last ANALYZE (migration
   * 0013): keeps a bulk import linear. Runs on its own, outside a transaction (ANALYZE locks until commit).
   */
  async werkStatistiekenBij(db: Database): Promise<void> {
    await sql`SELECT klant_statistieken_bijwerken()`.execute(db);
  },

  async findOverzicht(
    tx: Tx,
    f: ZoekFilter,
    opts: { sorteer: Sortering; aflopend: boolean; limit: number; offset: number },
  ): Promise<{ rijen: OverzichtRij[]; totaal: number }> {
    const richting = opts.aflopend ? sql.raw('DESC') : sql.raw('ASC');
    const volgorde = {
      naam: sql`lower(k.achternaam) ${richting}, lower(coalesce(k.roepnaam, k.voornamen, '')) ${richting}`,
      klantnummer: sql`k.klantnummer ${richting} NULLS LAST`,
      geboortedatum: sql`k.geboortedatum ${richting}`,
      wijk: sql`w.naam ${richting} NULLS LAST, lower(k.achternaam)`,
      toepasselijkheid: sql`k.toepasselijkheid ${richting} NULLS LAST, lower(k.achternaam)`,
      gewijzigd: sql`k.gewijzigd_op ${richting}`,
    }[opts.sorteer];
    const rijen = await tx
      .selectFrom('klant as k')
      .leftJoin('wijk as w', (j) => j.onRef('w.dienstId', '=', 'k.dienstId').onRef('w.id', '=', 'k.wijkId'))
      .select([
        'k.id',
        'k.gemeenteId',
        'k.klantnummer',
        'k.voornamen',
        'k.roepnaam',
        'k.voorvoegsel',
        'k.achternaam',
        'k.geboortedatum',
        'k.postcode',
        'k.wijkId',
        'w.naam as wijkNaam',
        'k.klantmanagerId',
        'k.toepasselijkheid',
        'k.dossierGeslotenOp',
        sql<number>`count(*) OVER ()`.as('totaal'),
      ])
      .where((eb) => filterExpressie(eb, f))
      .orderBy(volgorde)
      .orderBy('k.id')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute();
    const totaal = rijen[0] ? Number(rijen[0].totaal) : 0;
    return { rijen: rijen.map(({ totaal: _t, ...r }) => r), totaal };
  },

  async countOverzicht(tx: Tx, f: ZoekFilter): Promise<number> {
    const r = await tx
      .selectFrom('klant as k')
      .select(sql<number>`count(*)::int`.as('n'))
      .where((eb) => filterExpressie(eb, f))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async findKlant(
    tx: Tx,
    dienstId: string,
    id: string,
  ): Promise<(KlantRij & { wijkNaam: string | null }) | undefined> {
    return tx
      .selectFrom('klant as k')
      .leftJoin('wijk as w', (j) => j.onRef('w.dienstId', '=', 'k.dienstId').onRef('w.id', '=', 'k.wijkId'))
      .selectAll('k')
      .select('w.naam as wijkNaam')
      .where('k.dienstId', '=', dienstId)
      .where('k.id', '=', id)
      .executeTakeFirst() as Promise<(KlantRij & { wijkNaam: string | null }) | undefined>;
  },

  async lockKlant(tx: Tx, dienstId: string, id: string): Promise<KlantRij | undefined> {
    return tx
      .selectFrom('klant')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst() as Promise<KlantRij | undefined>;
  },

  /** Existing clients by klantnummer (in chunks: PostgreSQL takes at most 65,535 parameters per query). */
  async findKlantnummers(
    tx: Tx,
    dienstId: string,
    gemeenteId: string,
    nummers: readonly string[],
  ): Promise<Map<string, { id: string; wijkHandmatig: boolean }>> {
    const gevonden = new Map<string, { id: string; wijkHandmatig: boolean }>();
    for (let i = 0; i < nummers.length; i += 10_000) {
      const rijen = await tx
        .selectFrom('klant')
        .select(['id', 'klantnummer', 'wijkHandmatig'])
        .where('dienstId', '=', dienstId)
        .where('gemeenteId', '=', gemeenteId)
        .where('klantnummer', 'in', nummers.slice(i, i + 10_000))
        .execute();
      for (const r of rijen)
        gevonden.set(r.klantnummer as string, { id: r.id, wijkHandmatig: r.wijkHandmatig });
    }
    return gevonden;
  },

  async insertKlant(
    tx: Tx,
    sleutel: { dienstId: string; gemeenteId: string },
    k: KlantKolommen,
  ): Promise<string> {
    const { werkervaring, ...rest } = k;
    const { id } = await tx
      .insertInto('klant')
      .values({ ...sleutel, ...rest, werkervaring: JSON.stringify(werkervaring) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  },

  async updateKlant(tx: Tx, s: Sleutel, k: Partial<KlantKolommen>): Promise<void> {
    const { werkervaring, ...rest } = k;
    await tx
      .updateTable('klant')
      .set({
        ...rest,
        ...(werkervaring !== undefined ? { werkervaring: JSON.stringify(werkervaring) } : {}),
        gewijzigdOp: sql`now()`,
      })
      .where('dienstId', '=', s.dienstId)
      .where('gemeenteId', '=', s.gemeenteId)
      .where('id', '=', s.klantId)
      .execute();
  },

  /**
   * The bulk form of `updateKlant` for many clients of one municipality (the CSV re-import): one UPDATE per set of
   * changed columns instead of one per client. The new values travel as one JSON array that
   * `jsonb_populate_recordset(NULL::klant, ...)` turns into rows of the table's own column types.
   */
  async updateKlantenVeel(
    tx: Tx,
    dienstId: string,
    gemeenteId: string,
    wijzigingen: ReadonlyArray<{ id: string; k: Partial<KlantKolommen> }>,
  ): Promise<void> {
    const kolom = (veld: string) => veld.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    const groepen = new Map<string, Array<Record<string, unknown>>>();
    for (const w of wijzigingen) {
      // Like Kysely's `set`: a field left undefined is not changed.
      const velden = Object.entries(w.k).filter(([, v]) => v !== undefined);
      const sleutel = velden
        .map(([veld]) => veld)
        .sort()
        .join(',');
      const rij: Record<string, unknown> = { id: w.id };
      for (const [veld, waarde] of velden) rij[kolom(veld)] = waarde;
      const groep = groepen.get(sleutel);
      if (groep) groep.push(rij);
      else groepen.set(sleutel, [rij]);
    }
    for (const [sleutel, rijen] of groepen) {
      const kolommen = sleutel === '' ? [] : sleutel.split(',').map(kolom);
      for (let i = 0; i < rijen.length; i += 1000) {
        await sql`UPDATE klant
          SET (${sql.join([...kolommen.map((c) => sql.id(c)), sql.id('gewijzigd_op')])})
            = (${sql.join([...kolommen.map((c) => sql.id('v', c)), sql`now()`])})
          FROM jsonb_populate_recordset(NULL::klant, ${JSON.stringify(rijen.slice(i, i + 1000))}::jsonb) AS v
          WHERE klant.dienst_id = ${dienstId} AND klant.gemeente_id = ${gemeenteId} AND klant.id = v.id`.execute(
          tx,
        );
      }
    }
  },

  async setToepasselijkheid(tx: Tx, s: Sleutel, uitkomst: string, geldigTot: string): Promise<void> {
    await tx
      .updateTable('klant')
      .set({ toepasselijkheid: uitkomst, toepasselijkheidGeldigTot: geldigTot })
      .where('dienstId', '=', s.dienstId)
      .where('gemeenteId', '=', s.gemeenteId)
      .where('id', '=', s.klantId)
      .execute();
  },

  /** Clients whose stored applicability is missing or may have changed by `datum`. */
  async findVerouderd(
    tx: Tx,
    dienstId: string | undefined,
    gemeenteIds: readonly string[] | undefined,
    datum: string,
    limit: number,
  ): Promise<Array<{ dienstId: string; gemeenteId: string; id: string; geboortedatum: string }>> {
    let q = tx
      .selectFrom('klant')
      .select(['dienstId', 'gemeenteId', 'id', 'geboortedatum'])
      .where((eb) =>
        eb.or([eb('toepasselijkheidGeldigTot', 'is', null), eb('toepasselijkheidGeldigTot', '<=', datum)]),
      )
      .limit(limit);
    if (dienstId) q = q.where('dienstId', '=', dienstId);
    if (gemeenteIds)
      q =
        gemeenteIds.length > 0 ? q.where('gemeenteId', 'in', [...gemeenteIds]) : q.where(sql<SqlBool>`false`);
    return q.execute();
  },

  async markeerVerouderd(tx: Tx, dienstId: string, gemeenteId: string): Promise<void> {
    await tx
      .updateTable('klant')
      .set({ toepasselijkheidGeldigTot: null })
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', '=', gemeenteId)
      .execute();
  },

  // ---- Closing and retention ----------------------------------------------------------------------------------

  /** Closes the file now or as of the start of a day (Amsterdam), or opens it again with null. */
  async zetDossierGesloten(tx: Tx, s: Sleutel, op: 'nu' | { datum: string } | null): Promise<void> {
    const waarde =
      op === null
        ? null
        : op === 'nu'
          ? sql<Date>`now()`
          : sql<Date>`(${op.datum}::date)::timestamp AT TIME ZONE 'Europe/Amsterdam'`;
    await tx
      .updateTable('klant')
      .set({ dossierGeslotenOp: waarde, gewijzigdOp: sql`now()` })
      .where('dienstId', '=', s.dienstId)
      .where('gemeenteId', '=', s.gemeenteId)
      .where('id', '=', s.klantId)
      .execute();
  },

  /**
   * Closed files of a municipality whose retention has passed on `peildatum`: closed on a day (Amsterdam) that,
   * plus `maanden` months, is on or before `peildatum` (PostgreSQL clamps to the end of a shorter month). With
   * `ids`, only those clients, locked for destruction.
   */
  async findVerlopen(
    tx: Tx,
    f: { dienstId: string; gemeenteId: string; maanden: number; peildatum: string; ids?: readonly string[] },
  ): Promise<
    Array<{ id: string; klantnummer: string | null; dossierGeslotenOp: Date; vernietigenVanaf: string }>
  > {
    const vanaf = sql<string>`(((dossier_gesloten_op AT TIME ZONE 'Europe/Amsterdam')::date
      + make_interval(months => ${f.maanden}::int))::date)::text`;
    let q = tx
      .selectFrom('klant')
      .select(['id', 'klantnummer', 'dossierGeslotenOp', vanaf.as('vernietigenVanaf')])
      .where('dienstId', '=', f.dienstId)
      .where('gemeenteId', '=', f.gemeenteId)
      .where('dossierGeslotenOp', 'is not', null)
      .where(sql<SqlBool>`${vanaf}::date <= ${f.peildatum}::date`)
      .orderBy('dossierGeslotenOp')
      .orderBy('id');
    if (f.ids !== undefined) {
      if (f.ids.length === 0) return [];
      q = q.where('id', 'in', [...f.ids]).forUpdate();
    }
    return (await q.execute()) as Array<{
      id: string;
      klantnummer: string | null;
      dossierGeslotenOp: Date;
      vernietigenVanaf: string;
    }>;
  },

  /**
   * Deletes a client with everything that refers to it in this module's tables: the child tables explicitly
   * (special-category ones included; the caller runs under the system context), the client row, and the
   * klantnummer in import reports (the report rows stay, without the number).
   */
  async deleteKlant(tx: Tx, s: Sleutel, klantnummer: string | null): Promise<void> {
    for (const tabel of [
      'klantBelastbaarheid',
      'klantOntheffing',
      'klantWerk',
      'klantReintegratie',
      'klantVaardigheid',
      'klantInteresse',
    ] as const) {
      await tx
        .deleteFrom(tabel)
        .where('dienstId', '=', s.dienstId)
        .where('gemeenteId', '=', s.gemeenteId)
        .where('klantId', '=', s.klantId)
        .execute();
    }
    await tx
      .deleteFrom('klant')
      .where('dienstId', '=', s.dienstId)
      .where('gemeenteId', '=', s.gemeenteId)
      .where('id', '=', s.klantId)
      .execute();
    if (klantnummer !== null) {
      await tx
        .updateTable('klantImportRij')
        .set({ klantnummer: null })
        .where('dienstId', '=', s.dienstId)
        .where('gemeenteId', '=', s.gemeenteId)
        .where('klantnummer', '=', klantnummer)
        .execute();
    }
  },

  // ---- Child tables -------------------------------------------------------------------------------------------

  async listWerk(tx: Tx, dienstId: string, klantIds: readonly string[]): Promise<WerkRij[]> {
    if (klantIds.length === 0) return [];
    const rijen = await tx
      .selectFrom('klantWerk')
      .select(['id', 'klantId', 'omschrijving', 'urenPerWeek', 'dagdelen', 'begindatum', 'einddatum'])
      .where('dienstId', '=', dienstId)
      .where('klantId', 'in', [...klantIds])
      .orderBy('begindatum')
      .orderBy('id')
      .execute();
    return rijen.map((r) => ({ ...r, urenPerWeek: Number(r.urenPerWeek) }));
  },

  async replaceWerk(tx: Tx, s: Sleutel, werk: ReadonlyArray<Omit<WerkRij, 'id' | 'klantId'>>): Promise<void> {
    await tx
      .deleteFrom('klantWerk')
      .where('dienstId', '=', s.dienstId)
      .where('gemeenteId', '=', s.gemeenteId)
      .where('klantId', '=', s.klantId)
      .execute();
    if (werk.length > 0)
      await tx
        .insertInto('klantWerk')
        .values(
          werk.map((w) => ({ ...w, dienstId: s.dienstId, gemeenteId: s.gemeenteId, klantId: s.klantId })),
        )
        .execute();
  },

  /**
   * The bulk form of `replaceWerk`, `replaceReintegratie`, `upsertBelastbaarheid` and `replaceKoppelingen` for many
   * clients of one municipality (the CSV re-import): per kind one delete and a few insert blocks instead of two
   * statements per client. Same end state as calling the single forms client by client.
   */
  async schrijfKinderenVeel(
    tx: Tx,
    dienstId: string,
    gemeenteId: string,
    k: {
      werk: ReadonlyArray<{ klantId: string; rijen: ReadonlyArray<Omit<WerkRij, 'id' | 'klantId'>> }>;
      trajecten: ReadonlyArray<{
        klantId: string;
        rijen: ReadonlyArray<Omit<ReintegratieRij, 'id' | 'klantId'>>;
      }>;
      belastbaarheid: ReadonlyArray<{
        klantId: string;
        b: {
          maxUrenPerWeek: number | null;
          beperkingen: string[];
          geenBeperkingenReden: string | null;
        } | null;
      }>;
      vaardigheden: ReadonlyArray<{ klantId: string; ids: readonly string[] }>;
      interesses: ReadonlyArray<{ klantId: string; ids: readonly string[] }>;
    },
  ): Promise<void> {
    const BLOK = 1000;
    const blokken = <T>(xs: readonly T[]): T[][] => {
      const uit: T[][] = [];
      for (let i = 0; i < xs.length; i += BLOK) uit.push(xs.slice(i, i + BLOK));
      return uit;
    };
    const basis = (klantId: string) => ({ dienstId, gemeenteId, klantId });
    const tabellen = {
      werk: 'klantWerk',
      trajecten: 'klantReintegratie',
      belastbaarheid: 'klantBelastbaarheid',
      vaardigheden: 'klantVaardigheid',
      interesses: 'klantInteresse',
    } as const;
    const wis = async (tabel: (typeof tabellen)[keyof typeof tabellen], ids: readonly string[]) => {
      for (const blok of blokken(ids))
        await tx
          .deleteFrom(tabel)
          .where('dienstId', '=', dienstId)
          .where('gemeenteId', '=', gemeenteId)
          .where('klantId', 'in', blok)
          .execute();
    };

    await wis(
      tabellen.werk,
      k.werk.map((w) => w.klantId),
    );
    for (const blok of blokken(k.werk.flatMap((w) => w.rijen.map((r) => ({ ...r, ...basis(w.klantId) })))))
      await tx.insertInto('klantWerk').values(blok).execute();

    await wis(
      tabellen.trajecten,
      k.trajecten.map((t) => t.klantId),
    );
    for (const blok of blokken(
      k.trajecten.flatMap((t) => t.rijen.map((r) => ({ ...r, ...basis(t.klantId) }))),
    ))
      await tx.insertInto('klantReintegratie').values(blok).execute();

    await wis(
      tabellen.belastbaarheid,
      k.belastbaarheid.filter((x) => x.b === null).map((x) => x.klantId),
    );
    const upserts = k.belastbaarheid.flatMap((x) => (x.b ? [{ ...basis(x.klantId), ...x.b }] : []));
    for (const blok of blokken(upserts))
      await tx
        .insertInto('klantBelastbaarheid')
        .values(blok)
        .onConflict((oc) =>
          oc.columns(['dienstId', 'gemeenteId', 'klantId']).doUpdateSet((eb) => ({
            maxUrenPerWeek: eb.ref('excluded.maxUrenPerWeek'),
            beperkingen: eb.ref('excluded.beperkingen'),
            gewijzigdOp: sql`now()`,
          })),
        )
        .execute();

    await wis(
      tabellen.vaardigheden,
      k.vaardigheden.map((v) => v.klantId),
    );
    for (const blok of blokken(
      k.vaardigheden.flatMap((v) =>
        [...new Set(v.ids)].map((vaardigheidId) => ({ ...basis(v.klantId), vaardigheidId })),
      ),
    ))
      await tx.insertInto('klantVaardigheid').values(blok).execute();

    await wis(
      tabellen.interesses,
      k.interesses.map((v) => v.klantId),
    );
    for (const blok of blokken(
      k.interesses.flatMap((v) =>
        [...new Set(v.ids)].map((interesseId) => ({ ...basis(v.klantId), interesseId })),
      ),
    ))
      await tx.insertInto('klantInteresse').values(blok).execute();
  },

  async listReintegratie(tx: Tx, dienstId: string, klantIds: readonly string[]): Promise<ReintegratieRij[]> {
    if (klantIds.length === 0) return [];
    return tx
      .selectFrom('klantReintegratie')
      .select(['id', 'klantId', 'omschrijving', 'begindatum', 'einddatum', 'dagdelen'])
      .where('dienstId', '=', dienstId)
      .where('klantId', 'in', [...klantIds])
      .orderBy('begindatum')
      .orderBy('id')
      .execute();
  },

  async replaceReintegratie(
    tx: Tx,
    s: Sleutel,
    trajecten: ReadonlyArray<Omit<ReintegratieRij, 'id' | 'klantId'>>,
  ): Promise<void> {
    await tx
      .deleteFrom('klantReintegratie')
      .where('dienstId', '=', s.dienstId)
      .where('gemeenteId', '=', s.gemeenteId)
      .where('klantId', '=', s.klantId)
      .execute();
    if (trajecten.length > 0)
      await tx
        .insertInto('klantReintegratie')
        .values(
          trajecten.map((r) => ({
            ...r,
            dienstId: s.dienstId,
            gemeenteId: s.gemeenteId,
            klantId: s.klantId,
          })),
        )
        .execute();
  },

  async listBelastbaarheid(
    tx: Tx,
    dienstId: string,
    klantIds: readonly string[],
  ): Promise<BelastbaarheidRij[]> {
    if (klantIds.length === 0) return [];
    const rijen = await tx
      .selectFrom('klantBelastbaarheid')
      .select(['klantId', 'maxUrenPerWeek', 'beperkingen', 'geenBeperkingenReden'])
      .where('dienstId', '=', dienstId)
      .where('klantId', 'in', [...klantIds])
      .execute();
    return rijen.map((r) => ({ ...r, maxUrenPerWeek: num(r.maxUrenPerWeek) }));
  },

  async upsertBelastbaarheid(
    tx: Tx,
    s: Sleutel,
    b: { maxUrenPerWeek: number | null; beperkingen: string[]; geenBeperkingenReden: string | null } | null,
  ): Promise<void> {
    if (b === null) {
      await tx
        .deleteFrom('klantBelastbaarheid')
        .where('dienstId', '=', s.dienstId)
        .where('gemeenteId', '=', s.gemeenteId)
        .where('klantId', '=', s.klantId)
        .execute();
      return;
    }
    await tx
      .insertInto('klantBelastbaarheid')
      .values({ dienstId: s.dienstId, gemeenteId: s.gemeenteId, klantId: s.klantId, ...b })
      .onConflict((oc) =>
        oc.columns(['dienstId', 'gemeenteId', 'klantId']).doUpdateSet({ ...b, gewijzigdOp: sql`now()` }),
      )
      .execute();
  },

  async listOntheffingen(tx: Tx, dienstId: string, klantIds: readonly string[]): Promise<OntheffingRij[]> {
    if (klantIds.length === 0) return [];
    const rijen = await tx
      .selectFrom('klantOntheffing as o')
      .leftJoin('lokaleOntheffingsgrond as g', (j) =>
        j
          .onRef('g.dienstId', '=', 'o.dienstId')
          .onRef('g.gemeenteId', '=', 'o.gemeenteId')
          .onRef('g.id', '=', 'o.lokaleGrondId'),
      )
      .select([
        'o.id',
        'o.klantId',
        'o.type',
        'o.lokaleGrondId',
        'g.code as lokaleGrondCode',
        'g.naam as lokaleGrondNaam',
        'g.grondslag as lokaleGrondGrondslag',
        'o.reden',
        'o.begindatum',
        'o.einddatum',
        'o.herbeoordelingsdatum',
        'o.geboortedatumKind',
        'o.eerderGebruikt',
        'o.eerdereGemeente',
        'o.aangemaaktOp',
        'o.verzoekdatum',
        'o.planVanAanpakOp',
        'o.laatsteHeronderzoekOp',
      ])
      .where('o.dienstId', '=', dienstId)
      .where('o.klantId', 'in', [...klantIds])
      .orderBy('o.begindatum', 'desc')
      .orderBy('o.aangemaaktOp', 'desc')
      .execute();
    const negenA = rijen.filter((o) => o.type === 'alleenstaande-ouder-kind-onder-5' && !o.eerderGebruikt);
    const gebeurtenissen =
      negenA.length === 0
        ? []
        : await tx
            .selectFrom('klantOntheffingGebeurtenis')
            .select(['ontheffingId', 'id', 'soort', 'datum', 'geboortedatumKind', 'toelichting'])
            .where('dienstId', '=', dienstId)
            .where('klantId', 'in', [...new Set(negenA.map((o) => o.klantId))])
            .orderBy('datum')
            .orderBy('aangemaaktOp')
            .execute();
    return rijen.map((o) => ({
      ...o,
      gebeurtenissen: gebeurtenissen
        .filter((g) => g.ontheffingId === o.id)
        .map(({ ontheffingId: _o, ...g }) => g),
    }));
  },

  async insertGebeurtenis(
    tx: Tx,
    s: Sleutel,
    g: {
      ontheffingId: string;
      soort: string;
      datum: string;
      geboortedatumKind: string | null;
      toelichting: string | null;
      aangemaaktDoor: string | null;
    },
  ): Promise<void> {
    await tx
      .insertInto('klantOntheffingGebeurtenis')
      .values({ dienstId: s.dienstId, gemeenteId: s.gemeenteId, klantId: s.klantId, ...g })
      .execute();
  },

  async insertOntheffing(
    tx: Tx,
    s: Sleutel,
    o: {
      type: string;
      lokaleGrondId: string | null;
      reden: string | null;
      begindatum: string;
      einddatum: string | null;
      herbeoordelingsdatum: string | null;
      geboortedatumKind: string | null;
      eerderGebruikt: boolean;
      eerdereGemeente: string | null;
      verzoekdatum: string | null;
      planVanAanpakOp: string | null;
      aangemaaktDoor: string | null;
    },
  ): Promise<string> {
    const { id } = await tx
      .insertInto('klantOntheffing')
      .values({ dienstId: s.dienstId, gemeenteId: s.gemeenteId, klantId: s.klantId, ...o })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  },

  async updateOntheffing(
    tx: Tx,
    s: Sleutel,
    id: string,
    o: {
      einddatum?: string | null;
      herbeoordelingsdatum?: string | null;
      reden?: string | null;
      verzoekdatum?: string | null;
      planVanAanpakOp?: string | null;
      laatsteHeronderzoekOp?: string | null;
    },
  ): Promise<boolean> {
    if (Object.keys(o).length === 0) return true;
    const r = await tx
      .updateTable('klantOntheffing')
      .set(o)
      .where('dienstId', '=', s.dienstId)
      .where('gemeenteId', '=', s.gemeenteId)
      .where('klantId', '=', s.klantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  async listKoppelingen(
    tx: Tx,
    soort: 'vaardigheid' | 'interesse',
    dienstId: string,
    klantIds: readonly string[],
  ): Promise<Array<{ klantId: string; id: string; naam: string }>> {
    if (klantIds.length === 0) return [];
    if (soort === 'vaardigheid')
      return tx
        .selectFrom('klantVaardigheid as kv')
        .innerJoin('vaardigheid as v', (j) =>
          j.onRef('v.dienstId', '=', 'kv.dienstId').onRef('v.id', '=', 'kv.vaardigheidId'),
        )
        .select(['kv.klantId', 'v.id', 'v.naam'])
        .where('kv.dienstId', '=', dienstId)
        .where('kv.klantId', 'in', [...klantIds])
        .orderBy('v.naam')
        .execute();
    return tx
      .selectFrom('klantInteresse as ki')
      .innerJoin('interesse as i', (j) =>
        j.onRef('i.dienstId', '=', 'ki.dienstId').onRef('i.id', '=', 'ki.interesseId'),
      )
      .select(['ki.klantId', 'i.id', 'i.naam'])
      .where('ki.dienstId', '=', dienstId)
      .where('ki.klantId', 'in', [...klantIds])
      .orderBy('i.naam')
      .execute();
  },

  /** The organisations linked to clients' own networks (ids only: the names belong to the network module). */
  async listNetwerkOrganisaties(
    tx: Tx,
    dienstId: string,
    klantIds: readonly string[],
  ): Promise<
    Array<{ klantId: string; organisatieId: string; toelichting: string | null; gekoppeldOp: Date }>
  > {
    if (klantIds.length === 0) return [];
    return tx
      .selectFrom('klantNetwerkOrganisatie')
      .select(['klantId', 'organisatieId', 'toelichting', 'gekoppeldOp'])
      .where('dienstId', '=', dienstId)
      .where('klantId', 'in', [...klantIds])
      .orderBy('gekoppeldOp')
      .orderBy('organisatieId')
      .execute();
  },

  /** Links an organisation (again: the note is replaced). */
  async koppelNetwerkOrganisatie(
    tx: Tx,
    s: Sleutel,
    organisatieId: string,
    toelichting: string | null,
  ): Promise<void> {
    await tx
      .insertInto('klantNetwerkOrganisatie')
      .values({ ...s, organisatieId, toelichting })
      .onConflict((oc) =>
        oc.columns(['dienstId', 'gemeenteId', 'klantId', 'organisatieId']).doUpdateSet({ toelichting }),
      )
      .execute();
  },

  /** Removes a link; false when there was none. */
  async ontkoppelNetwerkOrganisatie(tx: Tx, s: Sleutel, organisatieId: string): Promise<boolean> {
    const r = await tx
      .deleteFrom('klantNetwerkOrganisatie')
      .where('dienstId', '=', s.dienstId)
      .where('gemeenteId', '=', s.gemeenteId)
      .where('klantId', '=', s.klantId)
      .where('organisatieId', '=', organisatieId)
      .executeTakeFirst();
    return r.numDeletedRows > 0n;
  },

  async replaceKoppelingen(
    tx: Tx,
    soort: 'vaardigheid' | 'interesse',
    s: Sleutel,
    ids: readonly string[],
  ): Promise<void> {
    const basis = { dienstId: s.dienstId, gemeenteId: s.gemeenteId, klantId: s.klantId };
    if (soort === 'vaardigheid') {
      await tx
        .deleteFrom('klantVaardigheid')
        .where('dienstId', '=', s.dienstId)
        .where('gemeenteId', '=', s.gemeenteId)
        .where('klantId', '=', s.klantId)
        .execute();
      if (ids.length > 0)
        await tx
          .insertInto('klantVaardigheid')
          .values([...new Set(ids)].map((vaardigheidId) => ({ ...basis, vaardigheidId })))
          .execute();
      return;
    }
    await tx
      .deleteFrom('klantInteresse')
      .where('dienstId', '=', s.dienstId)
      .where('gemeenteId', '=', s.gemeenteId)
      .where('klantId', '=', s.klantId)
      .execute();
    if (ids.length > 0)
      await tx
        .insertInto('klantInteresse')
        .values([...new Set(ids)].map((interesseId) => ({ ...basis, interesseId })))
        .execute();
  },

  // ---- Catalogues and settings --------------------------------------------------------------------------------

  async listCatalogus(
    tx: Tx,
    soort: 'vaardigheid' | 'interesse',
    dienstId: string,
  ): Promise<Array<{ id: string; naam: string; isActief: boolean }>> {
    return tx
      .selectFrom(soort)
      .select(['id', 'naam', 'isActief'])
      .where('dienstId', '=', dienstId)
      .orderBy(sql`lower(naam)`)
      .execute();
  },

  async findCatalogusNaam(tx: Tx, soort: 'vaardigheid' | 'interesse', dienstId: string, naam: string) {
    return tx
      .selectFrom(soort)
      .select(['id', 'naam', 'isActief'])
      .where('dienstId', '=', dienstId)
      .where(sql`lower(naam)`, '=', naam.toLowerCase())
      .executeTakeFirst();
  },

  async insertCatalogus(tx: Tx, soort: 'vaardigheid' | 'interesse', dienstId: string, naam: string) {
    return tx
      .insertInto(soort)
      .values({ dienstId, naam })
      .returning(['id', 'naam', 'isActief'])
      .executeTakeFirstOrThrow();
  },

  async updateCatalogus(
    tx: Tx,
    soort: 'vaardigheid' | 'interesse',
    dienstId: string,
    id: string,
    w: { naam?: string; isActief?: boolean },
  ) {
    return tx
      .updateTable(soort)
      .set(w)
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .returning(['id', 'naam', 'isActief'])
      .executeTakeFirst();
  },

  async countCatalogusIds(
    tx: Tx,
    soort: 'vaardigheid' | 'interesse',
    dienstId: string,
    ids: readonly string[],
  ): Promise<number> {
    if (ids.length === 0) return 0;
    const r = await tx
      .selectFrom(soort)
      .select(sql<number>`count(*)::int`.as('n'))
      .where('dienstId', '=', dienstId)
      .where('id', 'in', [...new Set(ids)])
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async listLokaleGronden(tx: Tx, dienstId: string, gemeenteId: string) {
    return tx
      .selectFrom('lokaleOntheffingsgrond')
      .select(['id', 'gemeenteId', 'code', 'naam', 'grondslag', 'isActief'])
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', '=', gemeenteId)
      .orderBy(sql`lower(naam)`)
      .execute();
  },

  async findLokaleGrond(tx: Tx, dienstId: string, gemeenteId: string, id: string) {
    return tx
      .selectFrom('lokaleOntheffingsgrond')
      .select(['id', 'gemeenteId', 'code', 'naam', 'grondslag', 'isActief'])
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', '=', gemeenteId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async insertLokaleGrond(
    tx: Tx,
    dienstId: string,
    gemeenteId: string,
    g: { code: string; naam: string; grondslag: string },
  ) {
    return tx
      .insertInto('lokaleOntheffingsgrond')
      .values({ dienstId, gemeenteId, ...g })
      .returning(['id', 'gemeenteId', 'code', 'naam', 'grondslag', 'isActief'])
      .executeTakeFirstOrThrow();
  },

  async updateLokaleGrond(
    tx: Tx,
    dienstId: string,
    gemeenteId: string,
    id: string,
    g: { naam?: string; grondslag?: string; isActief?: boolean },
  ) {
    return tx
      .updateTable('lokaleOntheffingsgrond')
      .set(g)
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', '=', gemeenteId)
      .where('id', '=', id)
      .returning(['id', 'gemeenteId', 'code', 'naam', 'grondslag', 'isActief'])
      .executeTakeFirst();
  },

  async findInstelling(
    tx: Tx,
    dienstId: string,
    gemeenteId: string,
  ): Promise<{ regulierWerkUren: number } | undefined> {
    const r = await tx
      .selectFrom('gemeenteInstelling')
      .select('regulierWerkUren')
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', '=', gemeenteId)
      .executeTakeFirst();
    return r ? { regulierWerkUren: Number(r.regulierWerkUren) } : undefined;
  },

  async listInstellingen(
    tx: Tx,
    dienstId: string,
    gemeenteIds: readonly string[],
  ): Promise<Map<string, number>> {
    if (gemeenteIds.length === 0) return new Map();
    const rijen = await tx
      .selectFrom('gemeenteInstelling')
      .select(['gemeenteId', 'regulierWerkUren'])
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', 'in', [...gemeenteIds])
      .execute();
    return new Map(rijen.map((r) => [r.gemeenteId, Number(r.regulierWerkUren)]));
  },

  async upsertInstelling(
    tx: Tx,
    dienstId: string,
    gemeenteId: string,
    regulierWerkUren: number,
  ): Promise<void> {
    await tx
      .insertInto('gemeenteInstelling')
      .values({ dienstId, gemeenteId, regulierWerkUren })
      .onConflict((oc) =>
        oc.columns(['dienstId', 'gemeenteId']).doUpdateSet({ regulierWerkUren, gewijzigdOp: sql`now()` }),
      )
      .execute();
  },
};
