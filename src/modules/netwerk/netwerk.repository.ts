import { type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Tx } from '../../db/context.ts';
import type { DB } from '../../db/schema.ts';

/**
 * Kysely queries for the network's tables (organisations, activities, place claims, assessments, intervision).
 * Row-level security scopes every query to the organisations and activities that serve one of the context's
 * municipalities; the wijk table is only read for its name.
 */

// ---- Search ------------------------------------------------------------------------------------------------------

/**
 * The search words of a query: letters and digits only (so the user's text can never be tsquery syntax), at most
 * ten.
 */
export function zoekwoorden(zoek: string): string[] {
  return zoek
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 10);
}

/**
 * Dutch full-text search: every word must match, either as a Dutch stem ("fietsen" finds "fiets") or as the start
 * of a word ("kringloop" finds "kringloopwinkel"; the Dutch stemmer alone would shorten it to "kringlop").
 */
function zoekQuery(zoek: string | undefined): RawBuilder<unknown> | undefined {
  const woorden = zoekwoorden(zoek ?? '');
  if (woorden.length === 0) return undefined;
  return sql.join(
    woorden.map((w) => sql`(to_tsquery('dutch', ${`${w}:*`}) || to_tsquery('simple', ${`${w}:*`}))`),
    sql` && `,
  );
}

// ---- Organisations -----------------------------------------------------------------------------------------------

export interface OrganisatieRij {
  id: string;
  naam: string;
  type: string;
  kvkNummer: string | null;
  straat: string | null;
  huisnummer: string | null;
  postcode: string | null;
  plaats: string | null;
  wijkId: string | null;
  wijkNaam: string | null;
  gemeenten: string[];
  website: string | null;
  status: string;
  notities: string | null;
  materieleVersie: number;
  aangemaaktOp: Date;
  gewijzigdOp: Date;
  aantalActiviteiten: number;
}

export interface OrganisatieKolommen {
  naam: string;
  type: string;
  kvkNummer: string | null;
  straat: string | null;
  huisnummer: string | null;
  postcode: string | null;
  plaats: string | null;
  wijkId: string | null;
  gemeenten: string[];
  website: string | null;
  status: string;
  notities: string | null;
}

export interface OrganisatieFilter {
  zoek?: string | undefined;
  type?: string | undefined;
  status?: string | undefined;
  gemeenteId?: string | undefined;
  wijkId?: string | undefined;
}

const organisatieKolommen = [
  'o.id',
  'o.naam',
  'o.type',
  'o.kvkNummer',
  'o.straat',
  'o.huisnummer',
  'o.postcode',
  'o.plaats',
  'o.wijkId',
  'w.naam as wijkNaam',
  'o.gemeenten',
  'o.website',
  'o.status',
  'o.notities',
  'o.materieleVersie',
  'o.aangemaaktOp',
  'o.gewijzigdOp',
] as const;

const aantalActiviteiten = (eb: ExpressionBuilder<DB & { o: DB['organisatie'] }, 'o'>) =>
  eb
    .selectFrom('activiteit as a')
    .select(sql<number>`count(*)::int`.as('n'))
    .whereRef('a.dienstId', '=', 'o.dienstId')
    .whereRef('a.organisatieId', '=', 'o.id')
    .where('a.status', '!=', 'beeindigd');

// ---- Activities --------------------------------------------------------------------------------------------------

export interface ActiviteitRij {
  id: string;
  organisatieId: string | null;
  organisatieNaam: string | null;
  organisatieType: string | null;
  organisatieVersie: number | null;
  titel: string;
  omschrijving: string;
  taken: string | null;
  categorie: string;
  vaardigheden: string[];
  fysiekeBelasting: string;
  belastingToelichting: string | null;
  taalniveauMin: string | null;
  urenMin: string;
  urenMax: string;
  dagdelen: string[];
  locatie: string | null;
  postcode: string | null;
  wijkId: string | null;
  wijkNaam: string | null;
  gemeenten: string[];
  plaatsen: number;
  plaatsenBezet: number;
  mentor: string | null;
  startdatum: string | null;
  einddatum: string | null;
  status: string;
  isMaatwerk: boolean;
  materieleVersie: number;
  aangemaaktOp: Date;
  gewijzigdOp: Date;
  /** The latest assessment, if any. */
  toetsId: string | null;
  toetsConclusie: string | null;
  toetsGeldigTot: string | null;
  toetsVervallenOp: Date | null;
  toetsActiviteitVersie: number | null;
  toetsOrganisatieVersie: number | null;
  intervisieBesluit: string | null;
  intervisieVoorwaarden: string | null;
}

export interface ActiviteitKolommen {
  organisatieId: string | null;
  titel: string;
  omschrijving: string;
  taken: string | null;
  categorie: string;
  vaardigheden: string[];
  fysiekeBelasting: string;
  belastingToelichting: string | null;
  taalniveauMin: string | null;
  urenMin: number;
  urenMax: number;
  dagdelen: string[];
  locatie: string | null;
  postcode: string | null;
  wijkId: string | null;
  gemeenten: string[];
  plaatsen: number;
  mentor: string | null;
  startdatum: string | null;
  einddatum: string | null;
  status: string;
  isMaatwerk: boolean;
}

export interface ActiviteitFilter {
  zoek?: string | undefined;
  categorie?: string | undefined;
  organisatieId?: string | undefined;
  organisatieType?: string | undefined;
  gemeenteId?: string | undefined;
  wijkId?: string | undefined;
  status?: string | undefined;
  toetsStatus?: string | undefined;
  /** true: only activities whose assessment allows placement today (geen-risico, toegestaan); false: the rest. */
  toetsGeldig?: boolean | undefined;
  vrijePlaatsen?: boolean | undefined;
  maatwerk?: boolean | undefined;
}

/** The activities with their host, wijk and latest assessment (with its intervision). */
function activiteitenBasis(tx: Tx, dienstId: string) {
  return tx
    .selectFrom('activiteit as a')
    .leftJoin('organisatie as o', (j) =>
      j.onRef('o.dienstId', '=', 'a.dienstId').onRef('o.id', '=', 'a.organisatieId'),
    )
    .leftJoin('wijk as w', (j) => j.onRef('w.dienstId', '=', 'a.dienstId').onRef('w.id', '=', 'a.wijkId'))
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('verdringingstoets as vt')
          .select([
            'vt.id',
            'vt.dienstId',
            'vt.conclusie',
            'vt.geldigTot',
            'vt.vervallenOp',
            'vt.activiteitVersie',
            'vt.organisatieVersie',
          ])
          .whereRef('vt.dienstId', '=', 'a.dienstId')
          .whereRef('vt.activiteitId', '=', 'a.id')
          .orderBy('vt.beoordeeldOp', 'desc')
          .limit(1)
          .as('t'),
      (j) => j.onTrue(),
    )
    .leftJoin('intervisie as i', (j) =>
      j.onRef('i.dienstId', '=', 't.dienstId').onRef('i.verdringingstoetsId', '=', 't.id'),
    )
    .where('a.dienstId', '=', dienstId);
}

const activiteitKolommen = [
  'a.id',
  'a.organisatieId',
  'o.naam as organisatieNaam',
  'o.type as organisatieType',
  'o.materieleVersie as organisatieVersie',
  'a.titel',
  'a.omschrijving',
  'a.taken',
  'a.categorie',
  'a.vaardigheden',
  'a.fysiekeBelasting',
  'a.belastingToelichting',
  'a.taalniveauMin',
  'a.urenMin',
  'a.urenMax',
  'a.dagdelen',
  'a.locatie',
  'a.postcode',
  'a.wijkId',
  'w.naam as wijkNaam',
  'a.gemeenten',
  'a.plaatsen',
  'a.plaatsenBezet',
  'a.mentor',
  'a.startdatum',
  'a.einddatum',
  'a.status',
  'a.isMaatwerk',
  'a.materieleVersie',
  'a.aangemaaktOp',
  'a.gewijzigdOp',
  't.id as toetsId',
  't.conclusie as toetsConclusie',
  't.geldigTot as toetsGeldigTot',
  't.vervallenOp as toetsVervallenOp',
  't.activiteitVersie as toetsActiviteitVersie',
  't.organisatieVersie as toetsOrganisatieVersie',
  'i.besluit as intervisieBesluit',
  'i.voorwaarden as intervisieVoorwaarden',
] as const;

/** The same status as `toetsStatus()` in verdringing.ts, in SQL for filtering (a test keeps them equal). */
const toetsStatusSql = (peildatum: string) => sql<string>`CASE
  WHEN t.id IS NULL THEN 'geen-toets'
  WHEN t.vervallen_op IS NOT NULL OR t.activiteit_versie <> a.materiele_versie
    OR t.organisatie_versie IS DISTINCT FROM o.materiele_versie OR t.geldig_tot <= ${peildatum}::date THEN 'verlopen'
  WHEN t.conclusie <> 'twijfel' THEN t.conclusie
  WHEN i.besluit IS NULL THEN 'twijfel-open'
  WHEN i.besluit = 'niet-toegestaan' THEN 'niet-toegestaan'
  ELSE 'toegestaan' END`;

// ---- Assessments and intervision ---------------------------------------------------------------------------------

export interface ToetsRij {
  id: string;
  activiteitId: string;
  antwoorden: Array<{ vraag: string; antwoord: string; toelichting: string }>;
  advies: string;
  conclusie: string;
  motivering: string;
  beoordeeldDoorNaam: string;
  beoordeeldOp: Date;
  geldigTot: string;
  vervallenOp: Date | null;
  vervallenReden: string | null;
  activiteitVersie: number;
  organisatieVersie: number | null;
  intervisieId: string | null;
}

export interface IntervisieRij {
  id: string;
  /** An activity's doubt (its assessment); null for a placement's doubt. */
  verdringingstoetsId: string | null;
  /** A placement's doubt (the placement and its municipality); null for an activity's doubt. */
  tegenprestatieId: string | null;
  gemeenteId: string | null;
  activiteitId: string;
  activiteitTitel: string;
  activiteitGemeenten: string[];
  organisatieNaam: string | null;
  aangevraagdOp: Date;
  aangevraagdDoor: string;
  vraag: string;
  toetsVervallenOp: Date | null;
  deelnemers: string[];
  besluit: string | null;
  voorwaarden: string | null;
  motivering: string | null;
  beslotenDoorNaam: string | null;
  beslotenOp: Date | null;
}

const intervisieBasis = (tx: Tx, dienstId: string) =>
  tx
    .selectFrom('intervisie as i')
    // A placement's doubt has no assessment: it carries its own question and who asked.
    .leftJoin('verdringingstoets as t', (j) =>
      j.onRef('t.dienstId', '=', 'i.dienstId').onRef('t.id', '=', 'i.verdringingstoetsId'),
    )
    .innerJoin('activiteit as a', (j) =>
      j.onRef('a.dienstId', '=', 'i.dienstId').onRef('a.id', '=', 'i.activiteitId'),
    )
    .leftJoin('organisatie as o', (j) =>
      j.onRef('o.dienstId', '=', 'a.dienstId').onRef('o.id', '=', 'a.organisatieId'),
    )
    .where('i.dienstId', '=', dienstId)
    .select([
      'i.id',
      'i.verdringingstoetsId',
      'i.tegenprestatieId',
      'i.gemeenteId',
      'i.activiteitId',
      'a.titel as activiteitTitel',
      'a.gemeenten as activiteitGemeenten',
      'o.naam as organisatieNaam',
      'i.aangevraagdOp',
      sql<string>`coalesce(i.aangevraagd_door_naam, t.beoordeeld_door_naam)`.as('aangevraagdDoor'),
      sql<string>`coalesce(i.vraag, t.motivering)`.as('vraag'),
      't.vervallenOp as toetsVervallenOp',
      'i.deelnemers',
      'i.besluit',
      'i.voorwaarden',
      'i.motivering',
      'i.beslotenDoorNaam',
      'i.beslotenOp',
    ]);

export const netwerkRepository = {
  // ---- Organisations ----
  async listOrganisaties(
    tx: Tx,
    dienstId: string,
    f: OrganisatieFilter,
    limit: number,
    offset: number,
  ): Promise<{ rijen: OrganisatieRij[]; totaal: number }> {
    const q = zoekQuery(f.zoek);
    let basis = tx
      .selectFrom('organisatie as o')
      .leftJoin('wijk as w', (j) => j.onRef('w.dienstId', '=', 'o.dienstId').onRef('w.id', '=', 'o.wijkId'))
      .where('o.dienstId', '=', dienstId);
    if (q) basis = basis.where(sql<SqlBool>`o.zoektekst @@ (${q})`);
    if (f.type) basis = basis.where('o.type', '=', f.type);
    if (f.status) basis = basis.where('o.status', '=', f.status);
    if (f.wijkId) basis = basis.where('o.wijkId', '=', f.wijkId);
    if (f.gemeenteId) basis = basis.where(sql<SqlBool>`${f.gemeenteId}::uuid = ANY (o.gemeenten)`);
    const [{ n }] = (await basis.select(sql<number>`count(*)::int`.as('n')).execute()) as [{ n: number }];
    let lijst = basis
      .select(organisatieKolommen)
      .select((eb) => aantalActiviteiten(eb).as('aantalActiviteiten'));
    if (q) lijst = lijst.orderBy(sql`ts_rank(o.zoektekst, (${q}))`, 'desc');
    const rijen = await lijst
      .orderBy(sql`lower(o.naam)`)
      .orderBy('o.id')
      .limit(limit)
      .offset(offset)
      .execute();
    return { rijen: rijen as OrganisatieRij[], totaal: n };
  },

  /** Names of organisations by id (those the transaction's context may see). */
  async organisatieNamen(tx: Tx, dienstId: string, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rijen = await tx
      .selectFrom('organisatie')
      .select(['id', 'naam'])
      .where('dienstId', '=', dienstId)
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rijen.map((r) => [r.id, r.naam]));
  },

  /** Titles of activities by id, with their host's name (null for a custom activity without a host). */
  async activiteitNamen(
    tx: Tx,
    dienstId: string,
    ids: readonly string[],
  ): Promise<Map<string, { titel: string; organisatie: string | null }>> {
    if (ids.length === 0) return new Map();
    const rijen = await tx
      .selectFrom('activiteit as a')
      .leftJoin('organisatie as o', (j) =>
        j.onRef('o.dienstId', '=', 'a.dienstId').onRef('o.id', '=', 'a.organisatieId'),
      )
      .select(['a.id', 'a.titel', 'o.naam'])
      .where('a.dienstId', '=', dienstId)
      .where('a.id', 'in', [...ids])
      .execute();
    return new Map(rijen.map((r) => [r.id, { titel: r.titel, organisatie: r.naam }]));
  },

  async findOrganisatie(tx: Tx, dienstId: string, id: string): Promise<OrganisatieRij | undefined> {
    const rij = await tx
      .selectFrom('organisatie as o')
      .leftJoin('wijk as w', (j) => j.onRef('w.dienstId', '=', 'o.dienstId').onRef('w.id', '=', 'o.wijkId'))
      .select(organisatieKolommen)
      .select((eb) => aantalActiviteiten(eb).as('aantalActiviteiten'))
      .where('o.dienstId', '=', dienstId)
      .where('o.id', '=', id)
      .executeTakeFirst();
    return rij as OrganisatieRij | undefined;
  },

  /** Locks the organisation's row for a change (concurrent edits then apply one after the other). */
  async lockOrganisatie(tx: Tx, dienstId: string, id: string): Promise<boolean> {
    const r = await tx
      .selectFrom('organisatie')
      .select('id')
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return r !== undefined;
  },

  async zoekOrganisaties(
    tx: Tx,
    dienstId: string,
    zoek: string,
    limit: number,
  ): Promise<Array<{ id: string; naam: string; type: string; plaats: string | null; status: string }>> {
    const q = zoekQuery(zoek);
    if (!q) return [];
    return tx
      .selectFrom('organisatie as o')
      .select(['o.id', 'o.naam', 'o.type', 'o.plaats', 'o.status'])
      .where('o.dienstId', '=', dienstId)
      .where(sql<SqlBool>`o.zoektekst @@ (${q})`)
      .orderBy(sql`ts_rank(o.zoektekst, (${q}))`, 'desc')
      .orderBy(sql`lower(o.naam)`)
      .limit(limit)
      .execute();
  },

  async organisatieKeuzes(
    tx: Tx,
    dienstId: string,
  ): Promise<Array<{ id: string; naam: string; gemeenten: string[] }>> {
    return tx
      .selectFrom('organisatie')
      .select(['id', 'naam', 'gemeenten'])
      .where('dienstId', '=', dienstId)
      .where('status', '!=', 'beeindigd')
      .orderBy(sql`lower(naam)`)
      .execute();
  },

  async findOrganisatieOpSleutel(
    tx: Tx,
    dienstId: string,
    sleutel: { kvkNummer: string | null; naam: string; postcode: string | null },
  ): Promise<{ id: string } | undefined> {
    if (sleutel.kvkNummer)
      return tx
        .selectFrom('organisatie')
        .select('id')
        .where('dienstId', '=', dienstId)
        .where('kvkNummer', '=', sleutel.kvkNummer)
        .executeTakeFirst();
    let q = tx
      .selectFrom('organisatie')
      .select('id')
      .where('dienstId', '=', dienstId)
      .where(sql<SqlBool>`lower(naam) = lower(${sleutel.naam})`);
    q = sleutel.postcode ? q.where('postcode', '=', sleutel.postcode) : q.where('postcode', 'is', null);
    return q.orderBy('aangemaaktOp').executeTakeFirst();
  },

  async insertOrganisatie(tx: Tx, dienstId: string, k: OrganisatieKolommen): Promise<string> {
    const r = await tx
      .insertInto('organisatie')
      .values({ dienstId, ...k })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async updateOrganisatie(
    tx: Tx,
    dienstId: string,
    id: string,
    k: OrganisatieKolommen,
    materieel: boolean,
  ): Promise<void> {
    await tx
      .updateTable('organisatie')
      .set({
        ...k,
        gewijzigdOp: sql`now()`,
        ...(materieel ? { materieleVersie: sql`materiele_versie + 1` } : {}),
      })
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .execute();
  },

  async listContactpersonen(
    tx: Tx,
    dienstId: string,
    organisatieId: string,
  ): Promise<
    Array<{ id: string; naam: string; functie: string | null; email: string | null; telefoon: string | null }>
  > {
    return tx
      .selectFrom('organisatieContactpersoon')
      .select(['id', 'naam', 'functie', 'email', 'telefoon'])
      .where('dienstId', '=', dienstId)
      .where('organisatieId', '=', organisatieId)
      .orderBy('volgorde')
      .orderBy('naam')
      .execute();
  },

  /** Keeps the ids of contact persons that stay (they get portal accounts later), adds new ones, drops the rest. */
  async bewaarContactpersonen(
    tx: Tx,
    dienstId: string,
    organisatieId: string,
    lijst: Array<{
      id?: string | undefined;
      naam: string;
      functie: string | null;
      email: string | null;
      telefoon: string | null;
    }>,
  ): Promise<void> {
    const bestaand = new Set(
      (
        await tx
          .selectFrom('organisatieContactpersoon')
          .select('id')
          .where('dienstId', '=', dienstId)
          .where('organisatieId', '=', organisatieId)
          .execute()
      ).map((r) => r.id),
    );
    const blijft = new Set<string>();
    for (const [volgorde, c] of lijst.entries()) {
      const waarden = { naam: c.naam, functie: c.functie, email: c.email, telefoon: c.telefoon, volgorde };
      if (c.id && bestaand.has(c.id)) {
        blijft.add(c.id);
        await tx
          .updateTable('organisatieContactpersoon')
          .set(waarden)
          .where('dienstId', '=', dienstId)
          .where('id', '=', c.id)
          .execute();
      } else {
        await tx
          .insertInto('organisatieContactpersoon')
          .values({ dienstId, organisatieId, ...waarden })
          .execute();
      }
    }
    const weg = [...bestaand].filter((id) => !blijft.has(id));
    if (weg.length > 0)
      await tx
        .deleteFrom('organisatieContactpersoon')
        .where('dienstId', '=', dienstId)
        .where('id', 'in', weg)
        .execute();
  },

  async listWederkerigheid(
    tx: Tx,
    dienstId: string,
    organisatieId: string,
  ): Promise<Array<{ categorie: string; omschrijving: string }>> {
    return tx
      .selectFrom('organisatieWederkerigheid')
      .select(['categorie', 'omschrijving'])
      .where('dienstId', '=', dienstId)
      .where('organisatieId', '=', organisatieId)
      .execute();
  },

  async bewaarWederkerigheid(
    tx: Tx,
    dienstId: string,
    organisatieId: string,
    lijst: Array<{ categorie: string; omschrijving: string }>,
  ): Promise<void> {
    await tx
      .deleteFrom('organisatieWederkerigheid')
      .where('dienstId', '=', dienstId)
      .where('organisatieId', '=', organisatieId)
      .execute();
    if (lijst.length > 0)
      await tx
        .insertInto('organisatieWederkerigheid')
        .values(lijst.map((w) => ({ dienstId, organisatieId, ...w })))
        .execute();
  },

  /** Municipalities still used by the organisation's activities (an organisation cannot drop those). */
  async gemeentenVanActiviteiten(tx: Tx, dienstId: string, organisatieId: string): Promise<string[]> {
    const rijen = await tx
      .selectFrom('activiteit')
      .select(sql<string>`unnest(gemeenten)`.as('g'))
      .where('dienstId', '=', dienstId)
      .where('organisatieId', '=', organisatieId)
      .where('status', '!=', 'beeindigd')
      .execute();
    return [...new Set(rijen.map((r) => r.g))];
  },

  // ---- Activities ----
  async listActiviteiten(
    tx: Tx,
    dienstId: string,
    f: ActiviteitFilter,
    peildatum: string,
    limit: number,
    offset: number,
  ): Promise<{ rijen: ActiviteitRij[]; totaal: number }> {
    const q = zoekQuery(f.zoek);
    let basis = activiteitenBasis(tx, dienstId);
    if (q) basis = basis.where(sql<SqlBool>`a.zoektekst @@ (${q})`);
    if (f.categorie) basis = basis.where('a.categorie', '=', f.categorie);
    if (f.organisatieId) basis = basis.where('a.organisatieId', '=', f.organisatieId);
    if (f.organisatieType) basis = basis.where('o.type', '=', f.organisatieType);
    if (f.gemeenteId) basis = basis.where(sql<SqlBool>`${f.gemeenteId}::uuid = ANY (a.gemeenten)`);
    if (f.wijkId) basis = basis.where('a.wijkId', '=', f.wijkId);
    if (f.status) basis = basis.where('a.status', '=', f.status);
    if (f.maatwerk !== undefined) basis = basis.where('a.isMaatwerk', '=', f.maatwerk);
    if (f.vrijePlaatsen === true) basis = basis.where(sql<SqlBool>`a.plaatsen_bezet < a.plaatsen`);
    if (f.vrijePlaatsen === false) basis = basis.where(sql<SqlBool>`a.plaatsen_bezet >= a.plaatsen`);
    if (f.toetsStatus) basis = basis.where(sql<SqlBool>`${toetsStatusSql(peildatum)} = ${f.toetsStatus}`);
    if (f.toetsGeldig !== undefined)
      basis = basis.where(
        f.toetsGeldig
          ? sql<SqlBool>`${toetsStatusSql(peildatum)} IN ('geen-risico', 'toegestaan')`
          : sql<SqlBool>`${toetsStatusSql(peildatum)} NOT IN ('geen-risico', 'toegestaan')`,
      );
    const [{ n }] = (await basis.select(sql<number>`count(*)::int`.as('n')).execute()) as [{ n: number }];
    let lijst = basis.select(activiteitKolommen);
    if (q) lijst = lijst.orderBy(sql`ts_rank(a.zoektekst, (${q}))`, 'desc');
    const rijen = await lijst
      .orderBy(sql`lower(a.titel)`)
      .orderBy('a.id')
      .limit(limit)
      .offset(offset)
      .execute();
    return { rijen: rijen as ActiviteitRij[], totaal: n };
  },

  async findActiviteit(tx: Tx, dienstId: string, id: string): Promise<ActiviteitRij | undefined> {
    const rij = await activiteitenBasis(tx, dienstId)
      .select(activiteitKolommen)
      .where('a.id', '=', id)
      .executeTakeFirst();
    return rij as ActiviteitRij | undefined;
  },

  /** The SQL status of the latest assessment (for the test that keeps SQL and TypeScript equal). */
  async toetsStatusSql(tx: Tx, dienstId: string, id: string, peildatum: string): Promise<string | undefined> {
    const r = await activiteitenBasis(tx, dienstId)
      .select(toetsStatusSql(peildatum).as('status'))
      .where('a.id', '=', id)
      .executeTakeFirst();
    return r?.status;
  },

  /** Locks the activity's row: place claims and changes of one activity then happen one after the other. */
  async lockActiviteit(
    tx: Tx,
    dienstId: string,
    id: string,
  ): Promise<{ plaatsen: number; plaatsenBezet: number; gemeenten: string[] } | undefined> {
    return tx
      .selectFrom('activiteit')
      .select(['plaatsen', 'plaatsenBezet', 'gemeenten'])
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  async findActiviteitOpTitel(
    tx: Tx,
    dienstId: string,
    organisatieId: string,
    titel: string,
  ): Promise<{ id: string } | undefined> {
    return tx
      .selectFrom('activiteit')
      .select('id')
      .where('dienstId', '=', dienstId)
      .where('organisatieId', '=', organisatieId)
      .where(sql<SqlBool>`lower(titel) = lower(${titel})`)
      .orderBy('aangemaaktOp')
      .executeTakeFirst();
  },

  async insertActiviteit(tx: Tx, dienstId: string, k: ActiviteitKolommen): Promise<string> {
    const r = await tx
      .insertInto('activiteit')
      .values({ dienstId, ...k })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async updateActiviteit(
    tx: Tx,
    dienstId: string,
    id: string,
    k: ActiviteitKolommen,
    materieel: boolean,
  ): Promise<void> {
    await tx
      .updateTable('activiteit')
      .set({
        ...k,
        gewijzigdOp: sql`now()`,
        ...(materieel ? { materieleVersie: sql`materiele_versie + 1` } : {}),
      })
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .execute();
  },

  async activiteitIdsVanOrganisatie(tx: Tx, dienstId: string, organisatieId: string): Promise<string[]> {
    const r = await tx
      .selectFrom('activiteit')
      .select('id')
      .where('dienstId', '=', dienstId)
      .where('organisatieId', '=', organisatieId)
      .execute();
    return r.map((x) => x.id);
  },

  // ---- Places ----
  async findPlaats(
    tx: Tx,
    dienstId: string,
    p: { activiteitId: string; houderType: string; houderId: string },
  ): Promise<{ geclaimdOp: Date } | undefined> {
    return tx
      .selectFrom('activiteitPlaats')
      .select('geclaimdOp')
      .where('dienstId', '=', dienstId)
      .where('activiteitId', '=', p.activiteitId)
      .where('houderType', '=', p.houderType)
      .where('houderId', '=', p.houderId)
      .executeTakeFirst();
  },

  async insertPlaats(
    tx: Tx,
    dienstId: string,
    p: { activiteitId: string; houderType: string; houderId: string },
  ): Promise<void> {
    await tx
      .insertInto('activiteitPlaats')
      .values({ dienstId, ...p })
      .execute();
  },

  async deletePlaats(
    tx: Tx,
    dienstId: string,
    p: { activiteitId: string; houderType: string; houderId: string },
  ): Promise<boolean> {
    const r = await tx
      .deleteFrom('activiteitPlaats')
      .where('dienstId', '=', dienstId)
      .where('activiteitId', '=', p.activiteitId)
      .where('houderType', '=', p.houderType)
      .where('houderId', '=', p.houderId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },

  // ---- Assessments ----
  async listToetsen(tx: Tx, dienstId: string, activiteitId: string): Promise<ToetsRij[]> {
    return tx
      .selectFrom('verdringingstoets as t')
      .leftJoin('intervisie as i', (j) =>
        j.onRef('i.dienstId', '=', 't.dienstId').onRef('i.verdringingstoetsId', '=', 't.id'),
      )
      .select([
        't.id',
        't.activiteitId',
        't.antwoorden',
        't.advies',
        't.conclusie',
        't.motivering',
        't.beoordeeldDoorNaam',
        't.beoordeeldOp',
        't.geldigTot',
        't.vervallenOp',
        't.vervallenReden',
        't.activiteitVersie',
        't.organisatieVersie',
        'i.id as intervisieId',
      ])
      .where('t.dienstId', '=', dienstId)
      .where('t.activiteitId', '=', activiteitId)
      .orderBy('t.beoordeeldOp', 'desc')
      .execute();
  },

  async insertToets(
    tx: Tx,
    dienstId: string,
    t: {
      activiteitId: string;
      antwoorden: Array<{ vraag: string; antwoord: string; toelichting: string }>;
      advies: string;
      conclusie: string;
      motivering: string;
      beoordeeldDoor: string | null;
      beoordeeldDoorNaam: string;
      geldigTot: string;
      activiteitVersie: number;
      organisatieVersie: number | null;
    },
  ): Promise<{ id: string; beoordeeldOp: Date }> {
    return tx
      .insertInto('verdringingstoets')
      .values({ dienstId, ...t, antwoorden: JSON.stringify(t.antwoorden) })
      .returning(['id', 'beoordeeldOp'])
      .executeTakeFirstOrThrow();
  },

  /** Marks every still-standing assessment of these activities as lapsed; returns the ids marked. */
  async markeerToetsenVervallen(
    tx: Tx,
    dienstId: string,
    activiteitIds: readonly string[],
    reden: string,
  ): Promise<string[]> {
    if (activiteitIds.length === 0) return [];
    const r = await tx
      .updateTable('verdringingstoets')
      .set({ vervallenOp: sql`now()`, vervallenReden: reden })
      .where('dienstId', '=', dienstId)
      .where('activiteitId', 'in', [...activiteitIds])
      .where('vervallenOp', 'is', null)
      .returning('id')
      .execute();
    return r.map((x) => x.id);
  },

  // ---- Intervision ----
  async insertIntervisie(
    tx: Tx,
    dienstId: string,
    i: { verdringingstoetsId: string; activiteitId: string },
  ): Promise<string> {
    const r = await tx
      .insertInto('intervisie')
      .values({ dienstId, ...i })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** A placement's doubt: at most one open per placement (unique index; a second insert fails with 23505). */
  async insertPlaatsingsIntervisie(
    tx: Tx,
    dienstId: string,
    i: {
      activiteitId: string;
      tegenprestatieId: string;
      gemeenteId: string;
      vraag: string;
      aangevraagdDoor: string | null;
      aangevraagdDoorNaam: string;
    },
  ): Promise<string> {
    const r = await tx
      .insertInto('intervisie')
      .values({ dienstId, ...i })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** The doubts about one placement, newest first. */
  async listPlaatsingsIntervisies(
    tx: Tx,
    dienstId: string,
    tegenprestatieId: string,
  ): Promise<IntervisieRij[]> {
    return intervisieBasis(tx, dienstId)
      .where('i.tegenprestatieId', '=', tegenprestatieId)
      .orderBy('i.aangevraagdOp', 'desc')
      .orderBy('i.id')
      .execute();
  },

  async listIntervisies(
    tx: Tx,
    dienstId: string,
    f: { status?: 'open' | 'besloten' | undefined; metPlaatsingen?: boolean },
    limit: number,
    offset: number,
  ): Promise<{ rijen: IntervisieRij[]; totaal: number }> {
    let basis = intervisieBasis(tx, dienstId);
    // A placement's doubt is about a client: only for who may see it (the team lead).
    if (!f.metPlaatsingen) basis = basis.where('i.tegenprestatieId', 'is', null);
    // An open request of an assessment that lapsed (replaced, or a material change) is no longer in the queue.
    if (f.status === 'open') basis = basis.where('i.besluit', 'is', null).where('t.vervallenOp', 'is', null);
    if (f.status === 'besloten') basis = basis.where('i.besluit', 'is not', null);
    const totaal = await tx
      .selectFrom(basis.as('x'))
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const rijen = await basis
      .orderBy(sql`i.besluit IS NULL`, 'desc')
      .orderBy('i.aangevraagdOp', f.status === 'besloten' ? 'desc' : 'asc')
      .orderBy('i.id')
      .limit(limit)
      .offset(offset)
      .execute();
    return { rijen, totaal: totaal.n };
  },

  async findIntervisie(tx: Tx, dienstId: string, id: string): Promise<IntervisieRij | undefined> {
    return intervisieBasis(tx, dienstId).where('i.id', '=', id).executeTakeFirst();
  },

  /** Records the decision once: false when it was already decided (or is not visible). */
  async besluitIntervisie(
    tx: Tx,
    dienstId: string,
    id: string,
    b: {
      deelnemers: string[];
      besluit: string;
      voorwaarden: string | null;
      motivering: string;
      beslotenDoor: string | null;
      beslotenDoorNaam: string;
    },
  ): Promise<boolean> {
    const r = await tx
      .updateTable('intervisie')
      .set({ ...b, beslotenOp: sql`now()` })
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .where('besluit', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },
};
