import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';
import type { MatchingActiviteitView, MatchingKlantView } from '../../db/schema.ts';
import type { Gewichten, Plaatsingen } from './kernel.ts';

/**
 * Queries on the matching module's own objects: `matching_gewichten`, `matching_versie` and the read-only views
 * `matching_activiteit` and `matching_klant` (its read model over the network and client tables, migration 0017;
 * row-level security of the underlying tables applies to the caller).
 */

/** One activity as the matching reads it: the columns of the view `matching_activiteit` this module reads. */
export type ActiviteitRij = Pick<MatchingActiviteitView, (typeof ACTIVITEIT_KOLOMMEN)[number]>;

/** One client's matching features: the columns of the view `matching_klant` this module reads. */
export type KlantRij = Pick<MatchingKlantView, (typeof KLANT_KOLOMMEN)[number]>;

const ACTIVITEIT_KOLOMMEN = [
  'id',
  'titel',
  'omschrijving',
  'taken',
  'categorie',
  'vaardigheden',
  'fysiekeBelasting',
  'taalniveauMin',
  'urenMin',
  'urenMax',
  'dagdelen',
  'gemeenten',
  'plaatsen',
  'plaatsenBezet',
  'status',
  'einddatum',
  'materieleVersie',
  'postcode',
  'wijkId',
  'wijkNaam',
  'organisatieId',
  'organisatieNaam',
  'organisatieType',
  'organisatieStatus',
  'organisatieVersie',
  'toetsConclusie',
  'toetsGeldigTot',
  'toetsVervallenOp',
  'toetsActiviteitVersie',
  'toetsOrganisatieVersie',
  'intervisieBesluit',
  'intervisieVoorwaarden',
] as const;

const KLANT_KOLOMMEN = [
  'id',
  'gemeenteId',
  'klantnummer',
  'voornamen',
  'roepnaam',
  'voorvoegsel',
  'achternaam',
  'postcode',
  'wijkId',
  'taalniveau',
  'beschikbaarheid',
  'mobiliteit',
  'maxReistijdMinuten',
  'klantmanagerId',
  'toepasselijkheid',
  'dossierGeslotenOp',
  'maxUrenPerWeek',
  'beperkingen',
  'werkUren',
  'werkDagdelen',
  'reintegratieDagdelen',
  'vaardigheden',
  'interesses',
  'netwerkOrganisaties',
  'geenBeperkingenReden',
  'regulierWerkUren',
  'afgesprokenUren',
] as const;

export const matchingRepository = {
  /** The change counter of the network (raised by triggers); '0' when nothing changed yet. */
  async versie(tx: Tx, dienstId: string): Promise<string> {
    const r = await tx
      .selectFrom('matchingVersie')
      .select('versie')
      .where('dienstId', '=', dienstId)
      .executeTakeFirst();
    return r ? String(r.versie) : '0';
  },

  /** Open activities serving a municipality with a free place (the assessment is judged by the caller). */
  async openActiviteiten(tx: Tx, dienstId: string, gemeenteId: string): Promise<ActiviteitRij[]> {
    return tx
      .selectFrom('matchingActiviteit')
      .select(ACTIVITEIT_KOLOMMEN)
      .where('dienstId', '=', dienstId)
      .where(sql<boolean>`${gemeenteId}::uuid = ANY (gemeenten)`)
      .where('status', '=', 'actief')
      .where(sql<boolean>`plaatsen > plaatsen_bezet`)
      .orderBy('id')
      .execute();
  },

  /** Per host organisation the placements that ended (track record; counts only, view `matching_ervaring`). */
  async ervaring(tx: Tx, dienstId: string): Promise<Map<string, Plaatsingen>> {
    const rijen = await tx
      .selectFrom('matchingErvaring')
      .select(['organisatieId', 'geslaagd', 'doorstroom', 'voortijdig'])
      .where('dienstId', '=', dienstId)
      .execute();
    return new Map(
      rijen.map((r) => [
        r.organisatieId,
        { geslaagd: r.geslaagd, doorstroom: r.doorstroom, voortijdig: r.voortijdig },
      ]),
    );
  },

  async activiteit(tx: Tx, dienstId: string, id: string): Promise<ActiviteitRij | undefined> {
    return tx
      .selectFrom('matchingActiviteit')
      .select(ACTIVITEIT_KOLOMMEN)
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async klant(tx: Tx, dienstId: string, id: string): Promise<KlantRij | undefined> {
    return tx
      .selectFrom('matchingKlant')
      .select(KLANT_KOLOMMEN)
      .where('dienstId', '=', dienstId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /**
   * One client's features with, in the same round trip, the network's change counter and the weights of the
   * client's municipality (the ranking's hot path). Through the function `matching_klant_met_context` (migration
   * 0022), whose plan each connection keeps; row-level security applies as on the view.
   */
  async klantMetContext(
    tx: Tx,
    dienstId: string,
    id: string,
  ): Promise<(KlantRij & { versie: string; gewichten: Gewichten | null }) | undefined> {
    const { rows } = await sql<KlantRij & { versie: string | null; gewichten: Gewichten | null }>`
      SELECT ${sql.join(KLANT_KOLOMMEN.map((c) => sql.ref(c)))}, versie, gewichten
      FROM matching_klant_met_context(${dienstId}::uuid, ${id}::uuid)`.execute(tx);
    const r = rows[0];
    return r ? { ...r, versie: r.versie ?? '0', gewichten: r.gewichten ?? null } : undefined;
  },

  async klanten(tx: Tx, dienstId: string, ids: readonly string[]): Promise<KlantRij[]> {
    const uit: KlantRij[] = [];
    for (let i = 0; i < ids.length; i += 5000) {
      uit.push(
        ...(await tx
          .selectFrom('matchingKlant')
          .select(KLANT_KOLOMMEN)
          .where('dienstId', '=', dienstId)
          .where('id', 'in', ids.slice(i, i + 5000))
          .execute()),
      );
    }
    return uit;
  },

  /**
   * Open files in these municipalities for which the tegenprestatie is (or may be) applicable, optionally only
   * those of the given client managers (a klantmanager's own caseload and team).
   */
  async kandidaatKlanten(
    tx: Tx,
    dienstId: string,
    gemeenteIds: readonly string[],
    klantmanagerIds: readonly string[] | null,
  ): Promise<KlantRij[]> {
    if (gemeenteIds.length === 0 || (klantmanagerIds !== null && klantmanagerIds.length === 0)) return [];
    let q = tx
      .selectFrom('matchingKlant')
      .select(KLANT_KOLOMMEN)
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', 'in', gemeenteIds)
      .where('dossierGeslotenOp', 'is', null)
      .where((eb) =>
        eb.or([eb('toepasselijkheid', 'is', null), eb('toepasselijkheid', '!=', 'niet-van-toepassing')]),
      );
    if (klantmanagerIds !== null) q = q.where('klantmanagerId', 'in', klantmanagerIds);
    return q.orderBy('id').execute();
  },

  /** Pseudonymised sample for the weights preview: ids only, a stable pick. */
  async steekproef(tx: Tx, dienstId: string, gemeenteId: string, n: number): Promise<string[]> {
    const rijen = await tx
      .selectFrom('matchingKlant')
      .select('id')
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', '=', gemeenteId)
      .where('dossierGeslotenOp', 'is', null)
      .orderBy(sql`md5(id::text)`)
      .limit(n)
      .execute();
    return rijen.map((r) => r.id);
  },

  async gewichten(tx: Tx, dienstId: string, gemeenteId: string): Promise<Gewichten | undefined> {
    return tx
      .selectFrom('matchingGewichten')
      .select([
        'vaardigheden',
        'tekst',
        'afstand',
        'eigenNetwerk',
        'organisatieType',
        'ervaring',
        'verordening',
      ])
      .where('dienstId', '=', dienstId)
      .where('gemeenteId', '=', gemeenteId)
      .executeTakeFirst();
  },

  async zetGewichten(
    tx: Tx,
    dienstId: string,
    gemeenteId: string,
    g: Gewichten,
    door: string | null,
  ): Promise<void> {
    await tx
      .insertInto('matchingGewichten')
      .values({ dienstId, gemeenteId, ...g, gewijzigdDoor: door })
      .onConflict((oc) =>
        oc
          .columns(['dienstId', 'gemeenteId'])
          .doUpdateSet({ ...g, gewijzigdDoor: door, gewijzigdOp: sql`now()` }),
      )
      .execute();
  },
};
