import { sql } from 'kysely';
import { z } from 'zod';
import { setContext, systeem, type Tx, withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { type Actor, dbContext, systeemActor } from '../auth/index.ts';
import { createGemeentenService, type GemeentenService } from '../gemeenten/index.ts';
import { logboek, VA } from '../logboek/index.ts';
import {
  createNetwerkService,
  type NetwerkService,
  netwerkPolicy,
  type OrganisatieKeuze,
} from '../netwerk/index.ts';
import {
  type BsnSleutels,
  hashBsn,
  maskeerBsn,
  normaliseerBsn,
  ontsleutelBsn,
  versleutelBsn,
} from './bsn.ts';
import { type IsoDatum, isIsoDatum, vandaag as vandaagNl } from './datum.ts';
import type { Medewerker, MedewerkersBron } from './klanten.medewerkers.ts';
import { klantenPolicy } from './klanten.policy.ts';
import {
  type BelastbaarheidRij,
  type KlantKolommen,
  type KlantRij,
  type OntheffingRij,
  type OverzichtRij,
  type ReintegratieRij,
  klantenRepository as repo,
  type Sleutel,
  type WerkRij,
  type ZoekFilter,
} from './klanten.repository.ts';
import {
  Bsn,
  CreateKlantInput,
  type KlantDossier,
  type KlantenZoekvraag,
  KlantenZoekvraag as KlantenZoekvraagSchema,
  Klantnummer,
  type KlantOverzicht,
  type NetwerkOrganisatieKoppeling,
  GebeurtenisInput,
  type Ontheffing,
  OntheffingInput,
  type Pagina,
  UpdateKlantInput,
  UpdateOntheffingInput,
  vrijeTekst,
} from './klanten.schemas.ts';
import {
  controleerGebeurtenis,
  type NegenAGebeurtenisSoort,
  negenAStandOp,
  planVanAanpakUiterlijk,
  volgendHeronderzoek,
} from './negen-a.ts';
import { parsePostcode } from './postcode.ts';
import {
  bepaalToepasselijkheid,
  effectiefEinde,
  grondslagOp,
  verloop9a,
  type KlantVoorToets,
  ONTHEFFING_TYPE_NAMEN,
  type OntheffingType,
  type OntheffingVoorToets,
  STANDAARD_REGULIER_WERK_UREN,
  type Toepasselijkheid,
  volgendeWijziging,
} from './toepasselijkheid.ts';

/** Field errors keyed by the input's field path (`achternaam`, `werk.0.urenPerWeek`, `bsn`). */
export type Veldfouten = Record<string, string>;

/**
 * Invalid input for a client-file use case, with a Dutch message per field. The API answers 400 (409 for a
 * duplicate) with `invalidParams` naming the fields; pages re-render the form with these messages (422). Never
 * contains the value that was sent (a BSN must not reach a log or an error).
 */
export class KlantInvoerfout extends AppError {
  readonly velden: Veldfouten;

  constructor(velden: Veldfouten, code: 'ongeldige-invoer' | 'conflict' = 'ongeldige-invoer') {
    super(code, { userMessage: Object.values(velden).join(' ') || undefined });
    this.velden = velden;
  }
}

function veldfoutenVan(error: z.ZodError): Veldfouten {
  const velden: Veldfouten = {};
  for (const issue of error.issues) velden[issue.path.map(String).join('.') || 'formulier'] ??= issue.message;
  return velden;
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new KlantInvoerfout(veldfoutenVan(r.error));
  return r.data;
}

/** Parses one value; an error is reported on `veld`. */
function parseVeld<S extends z.ZodType>(veld: string, schema: S, waarde: unknown): z.output<S> {
  const r = schema.safeParse(waarde);
  if (!r.success) throw new KlantInvoerfout({ [veld]: r.error.issues[0]?.message ?? 'Ongeldig.' });
  return r.data;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GEEN_KLANT = 'Deze klant bestaat niet of u heeft er geen toegang toe.';
const isUniekeSchending = (e: unknown, constraint?: string): boolean =>
  typeof e === 'object' &&
  e !== null &&
  (e as { code?: unknown }).code === '23505' &&
  (constraint === undefined || (e as { constraint?: unknown }).constraint === constraint);

export interface KlantenDeps {
  db: Database;
  /** Undefined when BSN keys are not configured: every BSN operation then answers 503. */
  bsnSleutels: BsnSleutels | undefined;
  gemeenten: Pick<GemeentenService, 'findGemeenten' | 'listWijken'>;
  medewerkers: MedewerkersBron;
  /** Today's date (Europe/Amsterdam); tests pass a fixed one. */
  vandaag?: () => IsoDatum;
  /** The network's organisation look-up (own network); by default the network module's service on `db`. */
  netwerk?: Pick<NetwerkService, 'zoekOrganisaties' | 'findOrganisatie'>;
  /**
   * The municipality's current name of the instrument on a date (the verordening module's `huidigeNaam`, wired in
   * src/app.ts), read in the caller's transaction `tx` (no second connection while one is held). Without it: the
   * statutory name (tegenprestatie until 2026, maatschappelijke participatie after).
   */
  instrumentNaam?: (gemeenteId: string, datum: IsoDatum, tx: Tx) => Promise<string>;
}

export interface ImportRij {
  /** Row number in the source (1-based, as the user sees it). */
  rij: number;
  klantnummer: string | null;
  uitkomst: 'aangemaakt' | 'bijgewerkt' | 'overgeslagen' | 'afgewezen';
  velden?: Veldfouten;
}

export interface KlantmanagerKeuze {
  id: string;
  naam: string;
}

export interface CatalogusItem {
  id: string;
  naam: string;
  isActief: boolean;
}

export interface LokaleGrond {
  id: string;
  gemeenteId: string;
  code: string;
  naam: string;
  grondslag: string;
  isActief: boolean;
}

type CatalogusSoort = 'vaardigheid' | 'interesse';

const klantSubject = (id: string) => ({ type: 'klant', id });

/** Display name: first name(s) or call name, prefix and surname. */
export function weergavenaam(k: {
  roepnaam: string | null;
  voornamen: string | null;
  voorvoegsel: string | null;
  achternaam: string;
}): string {
  return [k.roepnaam ?? k.voornamen, k.voorvoegsel, k.achternaam]
    .filter((s) => s && s.trim() !== '')
    .join(' ');
}

/** The client file's use cases: see `index.ts` for the overview. */
export function createKlantenService(deps: KlantenDeps) {
  const { db } = deps;
  const vandaag = deps.vandaag ?? (() => vandaagNl());
  const instrumentNaam =
    deps.instrumentNaam ??
    (async (_gemeenteId: string, datum: IsoDatum, _tx: Tx) =>
      datum < '2027-01-01' ? 'tegenprestatie' : 'maatschappelijke participatie');
  const netwerk = deps.netwerk ?? createNetwerkService({ db, gemeenten: createGemeentenService(db) });

  const dienstVan = (actor: Actor): string => {
    if (actor.kind === 'gebruiker') return actor.dienstId;
    if (actor.dienstId) return actor.dienstId;
    throw new AppError('intern', { message: `system context without dienstId: ${actor.reden}` });
  };

  const sleutels = (): BsnSleutels => {
    if (!deps.bsnSleutels)
      throw new AppError('niet-beschikbaar', {
        message: 'BSN_ENCRYPTION_KEYS/BSN_HASH_KEY not configured',
        userMessage: 'Het BSN kan nu niet worden verwerkt: de versleuteling is niet ingesteld.',
      });
    return deps.bsnSleutels;
  };

  const log = (
    tx: Tx,
    actor: Actor,
    actie: 'lezen' | 'aanmaken' | 'wijzigen' | 'verwijderen' | 'exporteren',
    subject: { type: string; id: string },
    gemeenteId: string | null,
    verwerkingsactiviteit: string = VA.klantdossierTegenprestatie,
  ) =>
    logboek.record(tx, {
      actor,
      actie,
      subject,
      verwerkingsactiviteit,
      gemeenteId,
      ...(actor.kind === 'systeem' ? { dienstId: dienstVan(actor) } : {}),
    });

  /** Many entries at once (list pages, import blocks): one lock and one insert per chain instead of per row. */
  const logVeel = (
    tx: Tx,
    actor: Actor,
    actie: 'lezen' | 'aanmaken' | 'wijzigen',
    subjecten: ReadonlyArray<{ subject: { type: string; id: string }; gemeenteId: string | null }>,
  ) =>
    logboek.recordMany(
      tx,
      subjecten.map(({ subject, gemeenteId }) => ({
        actor,
        actie,
        subject,
        verwerkingsactiviteit: VA.klantdossierTegenprestatie,
        gemeenteId,
        ...(actor.kind === 'systeem' ? { dienstId: dienstVan(actor) } : {}),
      })),
    );

  // ---- Who sees which clients --------------------------------------------------------------------------------

  /** The actor and the colleagues who share a team with them. */
  async function teamgenoten(actor: Actor & { kind: 'gebruiker' }): Promise<string[]> {
    const alle = await deps.medewerkers(actor.dienstId);
    const ids = alle.filter((m) => m.teamIds.some((t) => actor.teams.includes(t))).map((m) => m.id);
    return [...new Set([actor.gebruikerId, ...ids])];
  }

  async function zichtbareGemeenten(actor: Actor): Promise<string[]> {
    if (actor.kind === 'gebruiker') return [...actor.gemeenten];
    return (await deps.gemeenten.findGemeenten(actor)).map((g) => g.id);
  }

  /**
   * Caseload scoping on top of row-level security. klantmanager: `mijn` (own) or `team` (own and team, the
   * default); teamleider: `mijn`, `team` (clients of their teams' members) or `alle` (all clients of their
   * municipalities, the default); the system: everything of its service.
   */
  async function bereik(
    actor: Actor,
    gevraagd?: 'mijn' | 'team' | 'alle',
  ): Promise<{ gemeenteIds: string[]; klantmanagerIds?: string[] }> {
    const gemeenteIds = await zichtbareGemeenten(actor);
    if (actor.kind === 'systeem') return { gemeenteIds };
    const r = gevraagd ?? (actor.rol === 'teamleider' ? 'alle' : 'team');
    if (r === 'mijn') return { gemeenteIds, klantmanagerIds: [actor.gebruikerId] };
    if (r === 'alle' && actor.rol === 'teamleider') return { gemeenteIds };
    return { gemeenteIds, klantmanagerIds: await teamgenoten(actor) };
  }

  /**
   * The team-mates a klantmanager's access depends on, read before a transaction opens: looking them up inside one
   * would ask the pool for a second connection while holding the first (the way the pool wedged under load).
   */
  async function teamVooraf(actor: Actor): Promise<readonly string[]> {
    return actor.kind === 'gebruiker' && actor.rol === 'klantmanager' ? teamgenoten(actor) : [];
  }

  /**
   * May the actor open this client's file? (Row-level security already limited it to their municipalities.)
   * `team`: the klantmanager's team-mates (`teamVooraf`).
   */
  function magDossier(
    actor: Actor,
    rij: { gemeenteId: string; klantmanagerId: string | null },
    team: readonly string[],
  ): boolean {
    if (actor.kind === 'systeem') return true;
    if (!actor.gemeenten.includes(rij.gemeenteId)) return false;
    if (actor.rol === 'teamleider') return true;
    if (actor.rol !== 'klantmanager' || rij.klantmanagerId === null) return false;
    return team.includes(rij.klantmanagerId);
  }

  /** Loads and locks (or just loads) a client the actor may see, or throws 404. `team`: from `teamVooraf`. */
  async function zichtbareKlant(
    tx: Tx,
    actor: Actor,
    id: string,
    team: readonly string[],
    lock = false,
  ): Promise<KlantRij> {
    if (!UUID.test(id)) throw notFound(GEEN_KLANT);
    const rij = lock
      ? await repo.lockKlant(tx, dienstVan(actor), id)
      : await repo.findKlant(tx, dienstVan(actor), id);
    if (!rij || !magDossier(actor, rij, team)) throw notFound(GEEN_KLANT);
    return rij;
  }

  // ---- Derived values ---------------------------------------------------------------------------------------

  async function drempel(tx: Tx, dienstId: string, gemeenteId: string): Promise<number> {
    return (
      (await repo.findInstelling(tx, dienstId, gemeenteId))?.regulierWerkUren ?? STANDAARD_REGULIER_WERK_UREN
    );
  }

  const naarOntheffingVoorToets = (o: OntheffingRij): OntheffingVoorToets => ({
    type: o.type as OntheffingType,
    begindatum: o.begindatum,
    einddatum: o.einddatum,
    reden: o.reden,
    geboortedatumKind: o.geboortedatumKind,
    eerderGebruikt: o.eerderGebruikt,
    gebeurtenissen: o.gebeurtenissen.map((g) => ({
      soort: g.soort as NegenAGebeurtenisSoort,
      datum: g.datum,
      geboortedatumKind: g.geboortedatumKind,
    })),
    lokaleGrond:
      o.lokaleGrondId && o.lokaleGrondCode
        ? { code: o.lokaleGrondCode, naam: o.lokaleGrondNaam ?? '', grondslag: o.lokaleGrondGrondslag ?? '' }
        : null,
  });

  const voorToets = (
    geboortedatum: string,
    werk: readonly WerkRij[],
    trajecten: readonly ReintegratieRij[],
    ontheffingen: readonly OntheffingRij[],
    belastbaarheid?: BelastbaarheidRij | null,
  ): KlantVoorToets => ({
    geboortedatum,
    werk,
    reintegratie: trajecten,
    ontheffingen: ontheffingen.map(naarOntheffingVoorToets),
    maxUrenPerWeek: belastbaarheid?.maxUrenPerWeek ?? null,
  });

  /** Recomputes and stores the applicability of clients (after a change, or when stale). */
  async function herbereken(
    tx: Tx,
    dienstId: string,
    klanten: ReadonlyArray<{ gemeenteId: string; id: string; geboortedatum: string }>,
  ): Promise<void> {
    if (klanten.length === 0) return;
    const ids = klanten.map((k) => k.id);
    const [werk, trajecten, ontheffingen, drempels] = await Promise.all([
      repo.listWerk(tx, dienstId, ids),
      repo.listReintegratie(tx, dienstId, ids),
      repo.listOntheffingen(tx, dienstId, ids),
      repo.listInstellingen(tx, dienstId, [...new Set(klanten.map((k) => k.gemeenteId))]),
    ]);
    const peil = vandaag();
    const waarden = klanten.map((k) => {
      const t = voorToets(
        k.geboortedatum,
        werk.filter((w) => w.klantId === k.id),
        trajecten.filter((r) => r.klantId === k.id),
        ontheffingen.filter((o) => o.klantId === k.id),
      );
      const uitkomst = bepaalToepasselijkheid(t, peil, {
        regulierWerkUren: drempels.get(k.gemeenteId) ?? STANDAARD_REGULIER_WERK_UREN,
      }).uitkomst;
      return sql`(${k.id}::uuid, ${uitkomst}, ${volgendeWijziging(t, peil)}::date)`;
    });
    await sql`UPDATE klant SET toepasselijkheid = v.t, toepasselijkheid_geldig_tot = v.g
      FROM (VALUES ${sql.join(waarden)}) AS v(id, t, g)
      WHERE klant.dienst_id = ${dienstId} AND klant.id = v.id`.execute(tx);
  }

  /** Brings stored applicability up to date for the given municipalities (in batches). */
  async function vernieuwVerouderd(
    tx: Tx,
    dienstId: string,
    gemeenteIds: readonly string[],
  ): Promise<number> {
    let totaal = 0;
    for (;;) {
      const verouderd = await repo.findVerouderd(tx, dienstId, gemeenteIds, vandaag(), 1000);
      await herbereken(tx, dienstId, verouderd);
      totaal += verouderd.length;
      if (verouderd.length < 1000) return totaal;
    }
  }

  /** The wijk of a postcode among a municipality's wijken, or null. */
  function wijkUit(
    wijken: ReadonlyArray<{ id: string; naam: string; postcodes: readonly string[] }>,
    postcode: string | null,
  ): { id: string; naam: string } | null {
    if (!postcode) return null;
    const p = parsePostcode(postcode);
    if (!p.ok) return null;
    const w = wijken.find((x) => x.postcodes.includes(p.postcode4));
    return w ? { id: w.id, naam: w.naam } : null;
  }

  async function wijkVoor(
    actor: Actor,
    gemeenteId: string,
    postcode: string | null,
  ): Promise<{ id: string; naam: string } | null> {
    if (!postcode || !parsePostcode(postcode).ok) return null;
    return wijkUit(await deps.gemeenten.listWijken(actor, gemeenteId), postcode);
  }

  async function controleerKlantmanager(
    actor: Actor,
    gemeenteId: string,
    klantmanagerId: string,
  ): Promise<Medewerker> {
    return kiesKlantmanager(
      actor,
      gemeenteId,
      klantmanagerId,
      await deps.medewerkers(dienstVan(actor)),
      await teamVooraf(actor),
    );
  }

  /** Checks a klantmanager to assign against the staff and team read before (no look-up of its own). */
  function kiesKlantmanager(
    actor: Actor,
    gemeenteId: string,
    klantmanagerId: string,
    alle: readonly Medewerker[],
    team: readonly string[],
  ): Medewerker {
    const m = alle.find((x) => x.id === klantmanagerId);
    const fout = (tekst: string) => new KlantInvoerfout({ klantmanagerId: tekst });
    if (!m?.isActief || !['klantmanager', 'teamleider'].includes(m.rol))
      throw fout('Kies een actieve klantmanager.');
    if (!m.gemeenteIds.includes(gemeenteId))
      throw fout('Deze klantmanager werkt niet voor de gemeente van de klant.');
    if (actor.kind === 'gebruiker' && actor.rol === 'klantmanager' && !team.includes(m.id))
      throw fout('Kies een klantmanager uit uw eigen team.');
    return m;
  }

  // ---- Mapping to output ------------------------------------------------------------------------------------

  async function namenVan(dienstId: string): Promise<Map<string, string>> {
    return new Map((await deps.medewerkers(dienstId)).map((m) => [m.id, m.naam]));
  }

  const naarOverzicht = (r: OverzichtRij, namen: Map<string, string>): KlantOverzicht => ({
    id: r.id,
    gemeenteId: r.gemeenteId,
    klantnummer: r.klantnummer,
    naam: weergavenaam(r),
    voornamen: r.voornamen,
    roepnaam: r.roepnaam,
    voorvoegsel: r.voorvoegsel,
    achternaam: r.achternaam,
    geboortedatum: r.geboortedatum,
    postcode: r.postcode,
    wijk: r.wijkId ? { id: r.wijkId, naam: r.wijkNaam ?? '' } : null,
    klantmanager: r.klantmanagerId
      ? { id: r.klantmanagerId, naam: namen.get(r.klantmanagerId) ?? 'Onbekend' }
      : null,
    toepasselijkheid: r.toepasselijkheid as Toepasselijkheid | null,
    dossierGeslotenOp: r.dossierGeslotenOp ? r.dossierGeslotenOp.toISOString() : null,
  });

  const naarOntheffing = (o: OntheffingRij, alle: readonly OntheffingRij[], peil: IsoDatum): Ontheffing => {
    const voor = naarOntheffingVoorToets(o);
    const einde = effectiefEinde(voor, alle.map(naarOntheffingVoorToets));
    const type = o.type as OntheffingType;
    const negenA = negenAVan(o, alle, peil);
    return {
      id: o.id,
      type,
      typeNaam: ONTHEFFING_TYPE_NAMEN[type],
      grondslag:
        type === 'lokaal'
          ? {
              artikel: o.lokaleGrondGrondslag ?? 'lokale verordening',
              bekend: o.lokaleGrondGrondslag !== null,
            }
          : grondslagOp(type, peil),
      lokaleGrond:
        o.lokaleGrondId && o.lokaleGrondCode
          ? { id: o.lokaleGrondId, code: o.lokaleGrondCode, naam: o.lokaleGrondNaam ?? '' }
          : null,
      reden: o.reden,
      begindatum: o.begindatum,
      einddatum: o.einddatum,
      effectiefEinde: einde,
      herbeoordelingsdatum: o.herbeoordelingsdatum,
      geboortedatumKind: o.geboortedatumKind,
      eerderGebruikt: o.eerderGebruikt,
      eerdereGemeente: o.eerdereGemeente,
      isLopend: negenA
        ? negenA.stand === 'lopend'
        : !o.eerderGebruikt && o.begindatum <= peil && (einde === null || peil < einde),
      aangemaaktOp: o.aangemaaktOp.toISOString(),
      negenA,
    };
  };

  /** The course of an art. 9a exemption on `peil` (null for other types and for earlier periods elsewhere). */
  function negenAVan(o: OntheffingRij, alle: readonly OntheffingRij[], peil: IsoDatum): Ontheffing['negenA'] {
    if (o.type !== 'alleenstaande-ouder-kind-onder-5' || o.eerderGebruikt) return null;
    const voor = naarOntheffingVoorToets(o);
    const verloop = verloop9a(voor, alle.map(naarOntheffingVoorToets));
    const stand = negenAStandOp(
      {
        begindatum: o.begindatum,
        einddatum: o.einddatum,
        geboortedatumKind: o.geboortedatumKind ?? o.begindatum,
        gebeurtenissen: voor.gebeurtenissen ?? [],
      },
      verloop,
      peil,
    );
    return {
      stand: stand.stand,
      lopendTot: stand.periode?.einddatum ?? null,
      opgeschort: stand.opgeschort,
      perioden: verloop.perioden,
      gebruikt: stand.gebruikt,
      resterend: stand.resterend,
      gebeurtenissen: o.gebeurtenissen.map((g) => ({ ...g, soort: g.soort as NegenAGebeurtenisSoort })),
      verzoekdatum: o.verzoekdatum,
      planVanAanpakUiterlijk: o.verzoekdatum ? planVanAanpakUiterlijk(o.verzoekdatum) : null,
      planVanAanpakOp: o.planVanAanpakOp,
      laatsteHeronderzoekOp: o.laatsteHeronderzoekOp,
      volgendHeronderzoek: o.planVanAanpakOp
        ? volgendHeronderzoek(o.planVanAanpakOp, o.laatsteHeronderzoekOp)
        : null,
    };
  }

  async function bouwDossier(
    tx: Tx,
    rij: KlantRij & { wijkNaam?: string | null },
    namen: Map<string, string>,
  ): Promise<KlantDossier> {
    const ids = [rij.id];
    const [
      werk,
      trajecten,
      ontheffingen,
      [belastbaarheid],
      vaardigheden,
      interesses,
      regulier,
      wijkNaam,
      netwerkOrganisaties,
    ] = await Promise.all([
      repo.listWerk(tx, rij.dienstId, ids),
      repo.listReintegratie(tx, rij.dienstId, ids),
      repo.listOntheffingen(tx, rij.dienstId, ids),
      repo.listBelastbaarheid(tx, rij.dienstId, ids),
      repo.listKoppelingen(tx, 'vaardigheid', rij.dienstId, ids),
      repo.listKoppelingen(tx, 'interesse', rij.dienstId, ids),
      drempel(tx, rij.dienstId, rij.gemeenteId),
      rij.wijkNaam !== undefined
        ? Promise.resolve(rij.wijkNaam)
        : rij.wijkId
          ? repo.findKlant(tx, rij.dienstId, rij.id).then((k) => k?.wijkNaam ?? null)
          : Promise.resolve(null),
      repo.listNetwerkOrganisaties(tx, rij.dienstId, ids),
    ]);
    const peil = vandaag();
    const detail = bepaalToepasselijkheid(
      voorToets(rij.geboortedatum, werk, trajecten, ontheffingen, belastbaarheid),
      peil,
      {
        regulierWerkUren: regulier,
      },
    );
    let bsnGemaskeerd: string | null = null;
    if (rij.bsnVersleuteld) {
      try {
        bsnGemaskeerd = maskeerBsn(ontsleutelBsn(sleutels(), rij.bsnVersleuteld));
      } catch {
        bsnGemaskeerd = '*********';
      }
    }
    return {
      ...naarOverzicht(
        {
          ...rij,
          wijkNaam: wijkNaam ?? null,
          // The stored value may be a day old; the file shows today's.
          toepasselijkheid: detail.uitkomst,
        },
        namen,
      ),
      heeftBsn: rij.bsnVersleuteld !== null,
      bsnGemaskeerd,
      straat: rij.straat,
      huisnummer: rij.huisnummer,
      woonplaats: rij.woonplaats,
      wijkHandmatig: rij.wijkHandmatig,
      telefoon: rij.telefoon,
      email: rij.email,
      taal: rij.taal,
      taalniveau: rij.taalniveau as KlantDossier['taalniveau'],
      opleidingsniveau: rij.opleidingsniveau as KlantDossier['opleidingsniveau'],
      werkervaring: rij.werkervaring,
      beschikbaarheid: rij.beschikbaarheid,
      zorgtaken: rij.zorgtaken,
      mobiliteit: rij.mobiliteit,
      maxReistijdMinuten: rij.maxReistijdMinuten,
      eigenNetwerk: rij.eigenNetwerk,
      // Names are filled in after the transaction (metOrganisatieNamen): they belong to the network module.
      netwerkOrganisaties: netwerkOrganisaties.map((n) => ({
        organisatieId: n.organisatieId,
        naam: null,
        toelichting: n.toelichting,
        gekoppeldOp: n.gekoppeldOp.toISOString(),
      })),
      belastbaarheid: belastbaarheid
        ? {
            maxUrenPerWeek: belastbaarheid.maxUrenPerWeek,
            beperkingen: belastbaarheid.beperkingen,
            geenBeperkingenReden: belastbaarheid.geenBeperkingenReden,
          }
        : null,
      werk: werk.map(({ klantId: _k, ...w }) => w),
      reintegratie: trajecten.map(({ klantId: _k, ...r }) => r),
      ontheffingen: ontheffingen.map((o) => naarOntheffing(o, ontheffingen, peil)),
      vaardigheden: vaardigheden.map(({ id, naam }) => ({ id, naam })),
      interesses: interesses.map(({ id, naam }) => ({ id, naam })),
      toepasselijkheidDetail: { peildatum: peil, ...detail },
      instrumentNaam: await instrumentNaam(rij.gemeenteId, peil, tx),
      aangemaaktOp: rij.aangemaaktOp.toISOString(),
      gewijzigdOp: rij.gewijzigdOp.toISOString(),
    };
  }

  /**
   * Fills in the names of the linked organisations through the network module (outside the client transaction).
   * Read as the actor when they may read the network (klantmanager, teamleider), else (system, the privacy
   * officer's export) as the service; an organisation the reader cannot see keeps `naam: null`.
   */
  async function metOrganisatieNamen<D extends { netwerkOrganisaties: NetwerkOrganisatieKoppeling[] }>(
    actor: Actor,
    dossier: D,
  ): Promise<D> {
    if (dossier.netwerkOrganisaties.length === 0) return dossier;
    const lezer: Actor =
      actor.kind === 'gebruiker' && netwerkPolicy.mag(actor, 'netwerk-bekijken')
        ? actor
        : systeemActor('klantdossier:eigen-netwerk', dienstVan(actor));
    // One look-up after the other: a request uses one database connection at a time.
    const netwerkOrganisaties: NetwerkOrganisatieKoppeling[] = [];
    for (const n of dossier.netwerkOrganisaties) {
      try {
        netwerkOrganisaties.push({
          ...n,
          naam: (await netwerk.findOrganisatie(lezer, n.organisatieId)).naam,
        });
      } catch (e) {
        if (e instanceof AppError && e.status === 404) netwerkOrganisaties.push(n);
        else throw e;
      }
    }
    return { ...dossier, netwerkOrganisaties };
  }

  // ---- Writing ----------------------------------------------------------------------------------------------

  type Profiel = z.output<typeof UpdateKlantInput>;

  /** Input fields → columns (only the fields present). BSN encrypted and hashed; postcode normalised. */
  function kolommenVan(p: Profiel): Partial<KlantKolommen> {
    const k: Partial<KlantKolommen> = {};
    const zet = <K extends keyof KlantKolommen>(kolom: K, waarde: KlantKolommen[K] | undefined) => {
      if (waarde !== undefined) k[kolom] = waarde;
    };
    if (p.bsn !== undefined) {
      if (p.bsn === null) {
        k.bsnVersleuteld = null;
        k.bsnHash = null;
      } else {
        const bsn = normaliseerBsn(p.bsn);
        k.bsnVersleuteld = versleutelBsn(sleutels(), bsn);
        k.bsnHash = hashBsn(sleutels(), bsn);
      }
    }
    if (p.postcode !== undefined) {
      const pc = p.postcode === null ? null : parsePostcode(p.postcode);
      k.postcode = pc?.ok ? pc.postcode : null;
    }
    zet('klantnummer', p.klantnummer);
    zet('voornamen', p.voornamen);
    zet('roepnaam', p.roepnaam);
    zet('voorvoegsel', p.voorvoegsel);
    zet('achternaam', p.achternaam);
    zet('geboortedatum', p.geboortedatum);
    zet('straat', p.straat);
    zet('huisnummer', p.huisnummer);
    zet('woonplaats', p.woonplaats);
    zet('telefoon', p.telefoon);
    zet('email', p.email);
    zet('taal', p.taal);
    zet('taalniveau', p.taalniveau);
    zet('opleidingsniveau', p.opleidingsniveau);
    zet('werkervaring', p.werkervaring);
    zet('beschikbaarheid', p.beschikbaarheid);
    zet('zorgtaken', p.zorgtaken);
    zet('mobiliteit', p.mobiliteit);
    zet('maxReistijdMinuten', p.maxReistijdMinuten);
    zet('eigenNetwerk', p.eigenNetwerk);
    return k;
  }

  const werkRijen = (p: Profiel) =>
    p.werk?.map((w) => ({
      omschrijving: w.omschrijving ?? null,
      urenPerWeek: w.urenPerWeek,
      dagdelen: w.dagdelen ?? [],
      begindatum: w.begindatum ?? null,
      einddatum: w.einddatum ?? null,
    }));
  const trajectRijen = (p: Profiel) =>
    p.reintegratie?.map((r) => ({
      omschrijving: r.omschrijving ?? null,
      begindatum: r.begindatum,
      einddatum: r.einddatum ?? null,
      dagdelen: r.dagdelen ?? [],
    }));
  const belastbaarheidVan = (p: Profiel) =>
    p.belastbaarheid === undefined
      ? undefined
      : p.belastbaarheid === null
        ? null
        : {
            maxUrenPerWeek: p.belastbaarheid.maxUrenPerWeek ?? null,
            beperkingen: p.belastbaarheid.beperkingen ?? [],
            geenBeperkingenReden: p.belastbaarheid.geenBeperkingenReden?.trim()
              ? p.belastbaarheid.geenBeperkingenReden
              : null,
          };

  async function controleerCatalogi(tx: Tx, dienstId: string, p: Profiel): Promise<void> {
    const velden: Veldfouten = {};
    for (const [veld, soort] of [
      ['vaardigheidIds', 'vaardigheid'],
      ['interesseIds', 'interesse'],
    ] as const) {
      const ids = p[veld];
      if (
        ids &&
        ids.length > 0 &&
        (await repo.countCatalogusIds(tx, soort, dienstId, ids)) !== new Set(ids).size
      )
        velden[veld] =
          soort === 'vaardigheid' ? 'Kies bestaande vaardigheden.' : 'Kies bestaande interesses.';
    }
    if (Object.keys(velden).length > 0) throw new KlantInvoerfout(velden);
  }

  async function schrijfKinderen(tx: Tx, s: Sleutel, p: Profiel): Promise<void> {
    const werk = werkRijen(p);
    if (werk) await repo.replaceWerk(tx, s, werk);
    const trajecten = trajectRijen(p);
    if (trajecten) await repo.replaceReintegratie(tx, s, trajecten);
    const b = belastbaarheidVan(p);
    if (b !== undefined) await repo.upsertBelastbaarheid(tx, s, b);
    if (p.vaardigheidIds) await repo.replaceKoppelingen(tx, 'vaardigheid', s, p.vaardigheidIds);
    if (p.interesseIds) await repo.replaceKoppelingen(tx, 'interesse', s, p.interesseIds);
  }

  function vertaalUniek(e: unknown): never {
    if (isUniekeSchending(e, 'klant_dienst_id_gemeente_id_klantnummer_key'))
      throw new KlantInvoerfout({ klantnummer: 'Dit klantnummer bestaat al in deze gemeente.' }, 'conflict');
    throw e;
  }

  async function controleerGemeente(actor: Actor, gemeenteId: string): Promise<void> {
    const zichtbaar = await zichtbareGemeenten(actor);
    if (!zichtbaar.includes(gemeenteId))
      throw new KlantInvoerfout({ gemeenteId: 'Deze gemeente bestaat niet of u werkt er niet voor.' });
  }

  async function bsnAlInGemeente(
    tx: Tx,
    dienstId: string,
    gemeenteId: string,
    hash: string,
    behalve?: string,
  ) {
    const n = await repo.countOverzicht(tx, {
      dienstId,
      gemeenteIds: [gemeenteId],
      zoekwoorden: [],
      metGesloten: true,
      bsnHash: hash,
    });
    if (n === 0) return;
    if (behalve) {
      const zelf = await repo.countOverzicht(tx, {
        dienstId,
        gemeenteIds: [gemeenteId],
        zoekwoorden: [],
        metGesloten: true,
        bsnHash: hash,
        id: behalve,
      });
      if (zelf === n) return;
    }
    throw new KlantInvoerfout({ bsn: 'Er is in deze gemeente al een klant met dit BSN.' }, 'conflict');
  }

  async function wijzig(actor: Actor, id: string, invoer: unknown): Promise<KlantDossier> {
    const p = parse(UpdateKlantInput, invoer);
    const dienstId = dienstVan(actor);
    if (p.klantmanagerId !== undefined) klantenPolicy.vereis(actor, 'klantmanager-toewijzen');
    const namen = await namenVan(dienstId);
    // Everything the checks below need from other modules is read before the transaction opens (one connection
    // at a time): the staff, the team, and the wijken of every municipality the actor sees.
    const team = await teamVooraf(actor);
    const medewerkers = p.klantmanagerId ? await deps.medewerkers(dienstId) : [];
    const wijkenPer = new Map<string, Awaited<ReturnType<KlantenDeps['gemeenten']['listWijken']>>>();
    if (p.wijkId !== undefined || p.postcode !== undefined)
      for (const g of await zichtbareGemeenten(actor))
        wijkenPer.set(g, await deps.gemeenten.listWijken(actor, g));
    try {
      return await withContext(db, dbContext(actor), async (tx) => {
        const oud = await zichtbareKlant(tx, actor, id, team, true);
        const s: Sleutel = { dienstId, gemeenteId: oud.gemeenteId, klantId: oud.id };
        const k = kolommenVan(p);
        if (k.bsnHash) await bsnAlInGemeente(tx, dienstId, oud.gemeenteId, k.bsnHash, oud.id);
        if (p.klantmanagerId !== undefined) {
          if (p.klantmanagerId === null) {
            if (actor.kind === 'gebruiker' && actor.rol === 'klantmanager')
              throw new KlantInvoerfout({ klantmanagerId: 'Kies een klantmanager uit uw eigen team.' });
            k.klantmanagerId = null;
          } else {
            k.klantmanagerId = kiesKlantmanager(
              actor,
              oud.gemeenteId,
              p.klantmanagerId,
              medewerkers,
              team,
            ).id;
          }
        }
        const wijken = wijkenPer.get(oud.gemeenteId) ?? [];
        if (p.wijkId !== undefined && p.wijkId !== null) {
          if (!wijken.some((w) => w.id === p.wijkId))
            throw new KlantInvoerfout({ wijkId: 'Kies een wijk van de gemeente van de klant.' });
          k.wijkId = p.wijkId;
          k.wijkHandmatig = true;
        } else if (p.wijkId === null || (p.postcode !== undefined && !oud.wijkHandmatig)) {
          k.wijkId = wijkUit(wijken, k.postcode ?? oud.postcode)?.id ?? null;
          k.wijkHandmatig = false;
        }
        await controleerCatalogi(tx, dienstId, p);
        await repo.updateKlant(tx, s, k);
        await schrijfKinderen(tx, s, p);
        await herbereken(tx, dienstId, [
          { gemeenteId: oud.gemeenteId, id: oud.id, geboortedatum: k.geboortedatum ?? oud.geboortedatum },
        ]);
        await log(tx, actor, 'wijzigen', klantSubject(oud.id), oud.gemeenteId);
        const nieuw = await repo.findKlant(tx, dienstId, oud.id);
        return bouwDossier(tx, nieuw!, namen);
      });
    } catch (e) {
      return vertaalUniek(e);
    }
  }

  async function ontheffingenVan(tx: Tx, dienstId: string, klantId: string, peil: IsoDatum) {
    const rijen = await repo.listOntheffingen(tx, dienstId, [klantId]);
    return rijen.map((o) => naarOntheffing(o, rijen, peil));
  }

  // ---- Catalogues -------------------------------------------------------------------------------------------

  const CatalogusNaam = vrijeTekst(100).refine((s) => s.trim().length > 0, 'Vul een naam in.');

  async function createCatalogus(actor: Actor, soort: CatalogusSoort, invoer: { naam: unknown }) {
    klantenPolicy.vereis(actor, 'catalogi-beheren');
    const naam = parseVeld('naam', CatalogusNaam, invoer.naam);
    const dienstId = dienstVan(actor);
    return withContext(db, dbContext(actor), async (tx) => {
      if (await repo.findCatalogusNaam(tx, soort, dienstId, naam))
        throw new KlantInvoerfout({ naam: `Deze ${soort} bestaat al.` }, 'conflict');
      const item = await repo.insertCatalogus(tx, soort, dienstId, naam);
      await log(tx, actor, 'aanmaken', { type: soort, id: item.id }, null, VA.beheerOrganisatie);
      return item;
    });
  }

  async function updateCatalogus(
    actor: Actor,
    soort: CatalogusSoort,
    id: string,
    invoer: { naam?: unknown; isActief?: unknown },
  ) {
    klantenPolicy.vereis(actor, 'catalogi-beheren');
    if (!UUID.test(id)) throw notFound();
    const w: { naam?: string; isActief?: boolean } = {};
    if (invoer.naam !== undefined) w.naam = parseVeld('naam', CatalogusNaam, invoer.naam);
    if (invoer.isActief !== undefined) w.isActief = invoer.isActief === true;
    const dienstId = dienstVan(actor);
    try {
      return await withContext(db, dbContext(actor), async (tx) => {
        const item = await repo.updateCatalogus(tx, soort, dienstId, id, w);
        if (!item) throw notFound();
        await log(tx, actor, 'wijzigen', { type: soort, id }, null, VA.beheerOrganisatie);
        return item;
      });
    } catch (e) {
      if (isUniekeSchending(e)) throw new KlantInvoerfout({ naam: `Deze ${soort} bestaat al.` }, 'conflict');
      throw e;
    }
  }

  const service = {
    // ---- Reading --------------------------------------------------------------------------------------------

    /**
     * The clients the actor may see, filtered, sorted and paged. Every client on the page is recorded in the access
     * log as read. Stored applicability is brought up to date first.
     */
    async findKlanten(actor: Actor, vraag: KlantenZoekvraag = {}): Promise<Pagina<KlantOverzicht>> {
      klantenPolicy.vereis(actor, 'klanten-bekijken');
      const v = parse(KlantenZoekvraagSchema, vraag);
      const dienstId = dienstVan(actor);
      const scope = await bereik(actor, v.reikwijdte);
      const gemeenteIds = v.gemeenteId
        ? scope.gemeenteIds.filter((g) => g === v.gemeenteId)
        : scope.gemeenteIds;
      const paginaGrootte = v.paginaGrootte ?? 25;
      const pagina = v.pagina ?? 1;
      const namen = await namenVan(dienstId);
      const filter: ZoekFilter = {
        dienstId,
        gemeenteIds,
        ...(scope.klantmanagerIds ? { klantmanagerIds: scope.klantmanagerIds } : {}),
        ...(v.klantmanagerId ? { klantmanagerId: v.klantmanagerId } : {}),
        zoekwoorden: (v.zoek ?? '').split(/\s+/).filter(Boolean).slice(0, 6),
        ...(v.toepasselijkheid ? { toepasselijkheid: v.toepasselijkheid } : {}),
        ...(v.wijkId ? { wijkId: v.wijkId } : {}),
        metGesloten: v.metGesloten ?? false,
      };
      return withContext(db, dbContext(actor), async (tx) => {
        await vernieuwVerouderd(tx, dienstId, gemeenteIds);
        const { rijen, totaal } = await repo.findOverzicht(tx, filter, {
          sorteer: v.sorteer ?? 'naam',
          aflopend: v.richting === 'aflopend',
          limit: paginaGrootte,
          offset: (pagina - 1) * paginaGrootte,
        });
        await logVeel(
          tx,
          actor,
          'lezen',
          rijen.map((r) => ({ subject: klantSubject(r.id), gemeenteId: r.gemeenteId })),
        );
        return {
          items: rijen.map((r) => naarOverzicht(r, namen)),
          totaal,
          pagina,
          paginaGrootte,
          aantalPaginas: Math.max(1, Math.ceil(totaal / paginaGrootte)),
        };
      });
    },

    /**
     * The display names of these clients (at most 100), as far as the actor may see them (own caseload and team, or
     * the team lead's municipalities): one query for a list page that names its clients. Each is logged as read.
     */
    async klantNamen(actor: Actor, ids: readonly string[]): Promise<Map<string, string>> {
      klantenPolicy.vereis(actor, 'klanten-bekijken');
      const uniek = [...new Set(ids)].slice(0, 100);
      if (uniek.length === 0) return new Map();
      const dienstId = dienstVan(actor);
      const scope = await bereik(actor, undefined);
      const namen = await namenVan(dienstId);
      return withContext(db, dbContext(actor), async (tx) => {
        const { rijen } = await repo.findOverzicht(
          tx,
          {
            dienstId,
            gemeenteIds: scope.gemeenteIds,
            ...(scope.klantmanagerIds ? { klantmanagerIds: scope.klantmanagerIds } : {}),
            zoekwoorden: [],
            metGesloten: true,
            ids: uniek,
          },
          { sorteer: 'naam', aflopend: false, limit: uniek.length, offset: 0 },
        );
        await logVeel(
          tx,
          actor,
          'lezen',
          rijen.map((r) => ({ subject: klantSubject(r.id), gemeenteId: r.gemeenteId })),
        );
        return new Map(rijen.map((r) => [r.id, naarOverzicht(r, namen).naam]));
      });
    },

    /**
     * Exact search by BSN (sent in a body or posted form, never in a URL) within what the actor may see. Each
     * client found is recorded as read. An invalid BSN is a `KlantInvoerfout` on `bsn`.
     */
    async zoekKlantenOpBsn(actor: Actor, bsn: string): Promise<KlantOverzicht[]> {
      klantenPolicy.vereis(actor, 'klanten-bekijken');
      const geldig = parseVeld('bsn', Bsn, bsn);
      const hash = hashBsn(sleutels(), normaliseerBsn(geldig));
      const dienstId = dienstVan(actor);
      const scope = await bereik(actor);
      const namen = await namenVan(dienstId);
      return withContext(db, dbContext(actor), async (tx) => {
        const { rijen } = await repo.findOverzicht(
          tx,
          {
            dienstId,
            gemeenteIds: scope.gemeenteIds,
            ...(scope.klantmanagerIds ? { klantmanagerIds: scope.klantmanagerIds } : {}),
            zoekwoorden: [],
            metGesloten: true,
            bsnHash: hash,
          },
          { sorteer: 'naam', aflopend: false, limit: 20, offset: 0 },
        );
        await logVeel(
          tx,
          actor,
          'lezen',
          rijen.map((r) => ({ subject: klantSubject(r.id), gemeenteId: r.gemeenteId })),
        );
        return rijen.map((r) => naarOverzicht(r, namen));
      });
    },

    /** One client's whole file (profile, obligations, exemptions, today's applicability); recorded as read. */
    async findKlant(actor: Actor, id: string): Promise<KlantDossier> {
      klantenPolicy.vereis(actor, 'klanten-bekijken');
      const namen = await namenVan(dienstVan(actor));
      const team = await teamVooraf(actor);
      return withContext(db, dbContext(actor), async (tx) => {
        const rij = await zichtbareKlant(tx, actor, id, team);
        const dossier = await bouwDossier(tx, rij, namen);
        await log(tx, actor, 'lezen', klantSubject(rij.id), rij.gemeenteId);
        return dossier;
      }).then((d) => metOrganisatieNamen(actor, d));
    },

    // ---- Own network: organisations of the network ---------------------------------------------------------

    /**
     * Organisations to link to a client's own network, by name (the network's look-up; at most 10). The same
     * access as changing the client: the client must be one the actor may edit.
     */
    async zoekNetwerkOrganisaties(actor: Actor, klantId: string, zoek: string): Promise<OrganisatieKeuze[]> {
      klantenPolicy.vereis(actor, 'klanten-wijzigen');
      const team = await teamVooraf(actor);
      await withContext(db, dbContext(actor), (tx) => zichtbareKlant(tx, actor, klantId, team));
      if (zoek.trim() === '') return [];
      return netwerk.zoekOrganisaties(actor, zoek.slice(0, 100), { limit: 10 });
    },

    /**
     * Links an organisation of the network to the client's own network (again: replaces the note). The
     * organisation must be visible to the actor and serve the client's municipality. Recorded as `wijzigen`.
     */
    async koppelNetwerkOrganisatie(
      actor: Actor,
      klantId: string,
      organisatieId: string,
      toelichting?: string | null,
    ): Promise<void> {
      klantenPolicy.vereis(actor, 'klanten-wijzigen');
      const noot = parseVeld('toelichting', vrijeTekst(500).nullish(), toelichting)?.trim() || null;
      const geenOrganisatie = () =>
        new KlantInvoerfout({
          organisatieId: 'Deze organisatie bestaat niet of werkt niet in de gemeente van de klant.',
        });
      if (!UUID.test(organisatieId)) throw geenOrganisatie();
      const organisatie = await netwerk.findOrganisatie(actor, organisatieId).catch((e: unknown) => {
        if (e instanceof AppError && e.status === 404) throw geenOrganisatie();
        throw e;
      });
      const team = await teamVooraf(actor);
      await withContext(db, dbContext(actor), async (tx) => {
        const rij = await zichtbareKlant(tx, actor, klantId, team, true);
        if (!organisatie.gemeenten.some((g) => g.id === rij.gemeenteId)) throw geenOrganisatie();
        const s: Sleutel = { dienstId: rij.dienstId, gemeenteId: rij.gemeenteId, klantId: rij.id };
        await repo.koppelNetwerkOrganisatie(tx, s, organisatie.id, noot);
        await log(tx, actor, 'wijzigen', klantSubject(rij.id), rij.gemeenteId);
      });
    },

    /** Removes an organisation from the client's own network (404 when it was not linked). Recorded as `wijzigen`. */
    async ontkoppelNetwerkOrganisatie(actor: Actor, klantId: string, organisatieId: string): Promise<void> {
      klantenPolicy.vereis(actor, 'klanten-wijzigen');
      if (!UUID.test(organisatieId)) throw notFound('Deze organisatie is niet aan de klant gekoppeld.');
      const team = await teamVooraf(actor);
      await withContext(db, dbContext(actor), async (tx) => {
        const rij = await zichtbareKlant(tx, actor, klantId, team, true);
        const s: Sleutel = { dienstId: rij.dienstId, gemeenteId: rij.gemeenteId, klantId: rij.id };
        if (!(await repo.ontkoppelNetwerkOrganisatie(tx, s, organisatieId)))
          throw notFound('Deze organisatie is niet aan de klant gekoppeld.');
        await log(tx, actor, 'wijzigen', klantSubject(rij.id), rij.gemeenteId);
      });
    },

    /** The full BSN, for an explicit "show" action; recorded in the access log (subject type `klant-bsn`). */
    async toonBsn(actor: Actor, id: string): Promise<string | null> {
      klantenPolicy.vereis(actor, 'bsn-tonen');
      const team = await teamVooraf(actor);
      return withContext(db, dbContext(actor), async (tx) => {
        const rij = await zichtbareKlant(tx, actor, id, team);
        if (!rij.bsnVersleuteld) return null;
        const bsn = ontsleutelBsn(sleutels(), rij.bsnVersleuteld);
        await log(tx, actor, 'lezen', { type: 'klant-bsn', id: rij.id }, rij.gemeenteId);
        return bsn;
      });
    },

    /**
     * For the privacy officer: which client (pseudonymous id) has this klantnummer or BSN, without opening the
     * file. Recorded under the processing activity for privacy requests.
     */
    async identificeerKlant(
      actor: Actor,
      vraag: { klantnummer?: string; bsn?: string; gemeenteId?: string; klantId?: string },
    ): Promise<Array<{ id: string; gemeenteId: string; klantnummer: string | null }>> {
      klantenPolicy.vereis(actor, 'klant-identificeren');
      const dienstId = dienstVan(actor);
      if (!vraag.klantnummer && !vraag.bsn && !vraag.klantId)
        throw new KlantInvoerfout({ klantnummer: 'Vul een klantnummer of een BSN in.' });
      if (vraag.klantId !== undefined && !UUID.test(vraag.klantId)) return [];
      const filter: ZoekFilter = {
        dienstId,
        gemeenteIds: (await zichtbareGemeenten(actor)).filter(
          (g) => !vraag.gemeenteId || g === vraag.gemeenteId,
        ),
        zoekwoorden: [],
        metGesloten: true,
      };
      if (vraag.bsn) filter.bsnHash = hashBsn(sleutels(), normaliseerBsn(parseVeld('bsn', Bsn, vraag.bsn)));
      if (vraag.klantnummer) filter.klantnummer = parseVeld('klantnummer', Klantnummer, vraag.klantnummer);
      if (vraag.klantId) filter.id = vraag.klantId;
      // The privacy officer's own context may not read client tables (row-level security): the lookup runs under
      // an explicit system context limited to the officer's municipalities (the filter), the log entry in theirs.
      return withContext(db, systeem('privacy:klant-identificeren', dienstId), async (tx) => {
        const { rijen } = await repo.findOverzicht(tx, filter, {
          sorteer: 'klantnummer',
          aflopend: false,
          limit: 500,
          offset: 0,
        });
        const gevonden = rijen;
        await setContext(tx, dbContext(actor));
        for (const r of gevonden)
          await log(tx, actor, 'lezen', klantSubject(r.id), r.gemeenteId, VA.privacyverzoeken);
        return gevonden.map((r) => ({ id: r.id, gemeenteId: r.gemeenteId, klantnummer: r.klantnummer }));
      });
    },

    /**
     * For an access request (AVG art. 15) by the privacy officer: the client's whole file (as `findKlant` builds
     * it) plus the full BSN, without the officer opening the file. The data is collected under an explicit system
     * context (reason `avg-inzage`; the officer's own context may not read client tables) and recorded twice in
     * the same transaction: the system's read and the officer's export (`exporteren`), under the processing
     * activity for privacy requests. A client outside the officer's municipalities answers 404.
     */
    async verzamelInzage(actor: Actor, id: string): Promise<KlantDossier & { bsn: string | null }> {
      klantenPolicy.vereis(actor, 'inzage-verzamelen');
      if (!UUID.test(id)) throw notFound(GEEN_KLANT);
      const dienstId = dienstVan(actor);
      const namen = await namenVan(dienstId);
      return withContext(db, systeem('avg-inzage', dienstId), async (tx) => {
        const rij = await repo.findKlant(tx, dienstId, id);
        if (!rij || (actor.kind === 'gebruiker' && !actor.gemeenten.includes(rij.gemeenteId)))
          throw notFound(GEEN_KLANT);
        const dossier = await bouwDossier(tx, rij, namen);
        const bsn = rij.bsnVersleuteld ? ontsleutelBsn(sleutels(), rij.bsnVersleuteld) : null;
        await log(
          tx,
          systeemActor('avg-inzage', dienstId),
          'lezen',
          klantSubject(rij.id),
          rij.gemeenteId,
          VA.privacyverzoeken,
        );
        await setContext(tx, dbContext(actor));
        await log(tx, actor, 'exporteren', klantSubject(rij.id), rij.gemeenteId, VA.privacyverzoeken);
        return { ...dossier, bsn };
      }).then((d) => metOrganisatieNamen(actor, d));
    },

    /**
     * Closes a client's file (the benefit ended) as of today or an earlier date, or opens it again
     * (`gesloten: false`). Retention counts from the closing date. Closed files drop out of the default lists.
     */
    async sluitDossier(
      actor: Actor,
      id: string,
      invoer: { gesloten?: boolean; per?: string } = {},
    ): Promise<KlantDossier> {
      klantenPolicy.vereis(actor, 'dossier-sluiten');
      const gesloten = invoer.gesloten ?? true;
      const per = invoer.per;
      if (per !== undefined && (!isIsoDatum(per) || per > vandaag() || per < '1990-01-01'))
        throw new KlantInvoerfout({ per: 'Vul een geldige datum in, niet in de toekomst.' });
      const namen = await namenVan(dienstVan(actor));
      const team = await teamVooraf(actor);
      return withContext(db, dbContext(actor), async (tx) => {
        const rij = await zichtbareKlant(tx, actor, id, team, true);
        const s: Sleutel = { dienstId: rij.dienstId, gemeenteId: rij.gemeenteId, klantId: rij.id };
        await repo.zetDossierGesloten(tx, s, gesloten ? (per ? { datum: per } : 'nu') : null);
        await log(tx, actor, 'wijzigen', klantSubject(rij.id), rij.gemeenteId);
        return bouwDossier(tx, (await repo.findKlant(tx, rij.dienstId, rij.id))!, namen);
      });
    },

    /**
     * Closed files of one municipality whose retention (`maanden` from the closing day) has passed on
     * `peildatum`: klantnummer and dates only. For the destruction list (job, CLI, functioneel beheerder).
     */
    async findVerlopenDossiers(
      actor: Actor,
      vraag: { gemeenteId: string; maanden: number; peildatum: IsoDatum },
    ): Promise<
      Array<{ id: string; klantnummer: string | null; dossierGeslotenOp: Date; vernietigenVanaf: IsoDatum }>
    > {
      klantenPolicy.vereis(actor, 'dossiers-vernietigen');
      const dienstId = dienstVan(actor);
      if (actor.kind === 'gebruiker' && !actor.gemeenten.includes(vraag.gemeenteId)) return [];
      return withContext(db, systeem('bewaartermijn:verlopen-dossiers', dienstId), (tx) =>
        repo.findVerlopen(tx, { dienstId, ...vraag }),
      );
    },

    /**
     * Destroys the given clients of one municipality — those that are still closed and past their retention on
     * `peildatum` (others are skipped) — in one transaction: every client table, the klantnummer in import
     * reports, and `inTransactie` (the caller's own records, e.g. the destruction list). The access log keeps its
     * pseudonymous references; each destruction is recorded there (`verwijderen`, processing activity
     * `va-bewaartermijnen`) in the actor's name. The deletes run under an explicit system context (the
     * special-category tables are closed to other roles).
     */
    async vernietigKlanten(
      actor: Actor,
      opdracht: {
        gemeenteId: string;
        klantIds: readonly string[];
        maanden: number;
        peildatum: IsoDatum;
        inTransactie?: (tx: Tx, vernietigd: readonly string[]) => Promise<void>;
      },
    ): Promise<{ vernietigd: string[] }> {
      klantenPolicy.vereis(actor, 'dossiers-vernietigen');
      const dienstId = dienstVan(actor);
      if (actor.kind === 'gebruiker' && !actor.gemeenten.includes(opdracht.gemeenteId))
        throw notFound('Deze gemeente bestaat niet of u heeft er geen toegang toe.');
      const ids = opdracht.klantIds.filter((k) => UUID.test(k));
      return withContext(db, systeem('bewaartermijn:vernietigen', dienstId), async (tx) => {
        const verlopen = await repo.findVerlopen(tx, {
          dienstId,
          gemeenteId: opdracht.gemeenteId,
          maanden: opdracht.maanden,
          peildatum: opdracht.peildatum,
          ids,
        });
        for (const k of verlopen)
          await repo.deleteKlant(
            tx,
            { dienstId, gemeenteId: opdracht.gemeenteId, klantId: k.id },
            k.klantnummer,
          );
        await setContext(tx, dbContext(actor));
        for (const k of verlopen)
          await log(tx, actor, 'verwijderen', klantSubject(k.id), opdracht.gemeenteId, VA.bewaartermijnen);
        const vernietigd = verlopen.map((k) => k.id);
        await opdracht.inTransactie?.(tx, vernietigd);
        return { vernietigd };
      });
    },

    // ---- Creating and changing ------------------------------------------------------------------------------

    /**
     * Registers a client. A klantmanager becomes the client's klantmanager unless they name a colleague of their
     * team; a teamleider may leave it empty. The wijk follows from the postcode unless `wijkId` is given.
     */
    async createKlant(actor: Actor, invoer: CreateKlantInput | unknown): Promise<KlantDossier> {
      klantenPolicy.vereis(actor, 'klanten-aanmaken');
      const p = parse(CreateKlantInput, invoer);
      const dienstId = dienstVan(actor);
      await controleerGemeente(actor, p.gemeenteId);
      let klantmanagerId: string | null = p.klantmanagerId ?? null;
      if (actor.kind === 'gebruiker' && actor.rol === 'klantmanager') klantmanagerId ??= actor.gebruikerId;
      if (klantmanagerId)
        klantmanagerId = (await controleerKlantmanager(actor, p.gemeenteId, klantmanagerId)).id;
      const k = kolommenVan(p);
      let wijk: { id: string } | null = null;
      if (p.wijkId) {
        const wijken = await deps.gemeenten.listWijken(actor, p.gemeenteId);
        if (!wijken.some((w) => w.id === p.wijkId))
          throw new KlantInvoerfout({ wijkId: 'Kies een wijk van de gemeente van de klant.' });
        wijk = { id: p.wijkId };
      } else {
        wijk = await wijkVoor(actor, p.gemeenteId, k.postcode ?? null);
      }
      const namen = await namenVan(dienstId);
      try {
        return await withContext(db, dbContext(actor), async (tx) => {
          if (k.bsnHash) await bsnAlInGemeente(tx, dienstId, p.gemeenteId, k.bsnHash);
          await controleerCatalogi(tx, dienstId, p);
          const id = await repo.insertKlant(
            tx,
            { dienstId, gemeenteId: p.gemeenteId },
            {
              ...LEEG,
              ...k,
              achternaam: p.achternaam,
              geboortedatum: p.geboortedatum,
              wijkId: wijk?.id ?? null,
              wijkHandmatig: Boolean(p.wijkId),
              klantmanagerId,
            },
          );
          const s: Sleutel = { dienstId, gemeenteId: p.gemeenteId, klantId: id };
          await schrijfKinderen(tx, s, p);
          await herbereken(tx, dienstId, [{ gemeenteId: p.gemeenteId, id, geboortedatum: p.geboortedatum }]);
          await log(tx, actor, 'aanmaken', klantSubject(id), p.gemeenteId);
          return bouwDossier(tx, (await repo.findKlant(tx, dienstId, id))!, namen);
        });
      } catch (e) {
        return vertaalUniek(e);
      }
    },

    /**
     * Changes a client (PATCH semantics: absent fields stay, `null` clears, lists are replaced whole). Changing
     * `klantmanagerId` also needs the right to reassign. `wijkId: null` returns to the wijk of the postcode.
     */
    async updateKlant(actor: Actor, id: string, invoer: UpdateKlantInput | unknown): Promise<KlantDossier> {
      klantenPolicy.vereis(actor, 'klanten-wijzigen');
      return wijzig(actor, id, invoer);
    },

    /** Assigns the client to another klantmanager (or none: teamleider only). */
    async wijsKlantmanagerToe(
      actor: Actor,
      id: string,
      klantmanagerId: string | null,
    ): Promise<KlantDossier> {
      klantenPolicy.vereis(actor, 'klantmanager-toewijzen');
      return wijzig(actor, id, { klantmanagerId });
    },

    // ---- Exemptions -----------------------------------------------------------------------------------------

    /** A client's exemptions, newest first, with their legal basis today; recorded as a read of the file. */
    async listOntheffingen(actor: Actor, klantId: string): Promise<Ontheffing[]> {
      klantenPolicy.vereis(actor, 'klanten-bekijken');
      const team = await teamVooraf(actor);
      return withContext(db, dbContext(actor), async (tx) => {
        const rij = await zichtbareKlant(tx, actor, klantId, team);
        const lijst = await ontheffingenVan(tx, rij.dienstId, rij.id, vandaag());
        await log(tx, actor, 'lezen', klantSubject(rij.id), rij.gemeenteId);
        return lijst;
      });
    },

    /** Records an exemption (type rules: see `OntheffingInput`) and updates the stored applicability. */
    async createOntheffing(actor: Actor, klantId: string, invoer: unknown): Promise<Ontheffing> {
      klantenPolicy.vereis(actor, 'ontheffingen-beheren');
      const o = parse(OntheffingInput, invoer);
      const team = await teamVooraf(actor);
      return withContext(db, dbContext(actor), async (tx) => {
        const rij = await zichtbareKlant(tx, actor, klantId, team, true);
        if (o.lokaleGrondId) {
          const grond = await repo.findLokaleGrond(tx, rij.dienstId, rij.gemeenteId, o.lokaleGrondId);
          if (!grond?.isActief)
            throw new KlantInvoerfout({
              lokaleGrondId: 'Kies een lokale ontheffingsgrond van deze gemeente.',
            });
        }
        const s: Sleutel = { dienstId: rij.dienstId, gemeenteId: rij.gemeenteId, klantId: rij.id };
        if (o.type === 'alleenstaande-ouder-kind-onder-5' && !o.eerderGebruikt) {
          const bestaand = await repo.listOntheffingen(tx, rij.dienstId, [rij.id]);
          if (bestaand.some((x) => x.type === o.type && !x.eerderGebruikt))
            throw new KlantInvoerfout(
              {
                type: 'Deze ouder heeft al een ontheffing als alleenstaande ouder: die wordt maar één keer verleend (art. 9a lid 2). Schort die op of hervat die.',
              },
              'conflict',
            );
        }
        const id = await repo.insertOntheffing(tx, s, {
          type: o.type,
          lokaleGrondId: o.lokaleGrondId ?? null,
          reden: o.reden ?? null,
          begindatum: o.begindatum,
          einddatum: o.einddatum ?? null,
          herbeoordelingsdatum: o.herbeoordelingsdatum ?? null,
          geboortedatumKind: o.geboortedatumKind ?? null,
          eerderGebruikt: o.eerderGebruikt ?? false,
          eerdereGemeente: o.eerdereGemeente ?? null,
          verzoekdatum: o.verzoekdatum ?? null,
          planVanAanpakOp: o.planVanAanpakOp ?? null,
          aangemaaktDoor: actor.kind === 'gebruiker' ? actor.gebruikerId : null,
        });
        await repo.updateKlant(tx, s, {});
        await herbereken(tx, rij.dienstId, [rij]);
        await log(tx, actor, 'wijzigen', klantSubject(rij.id), rij.gemeenteId);
        return (await ontheffingenVan(tx, rij.dienstId, rij.id, vandaag())).find((x) => x.id === id)!;
      });
    },

    /** Changes an exemption's end date, review date or reason (e.g. to end it early). */
    async updateOntheffing(
      actor: Actor,
      klantId: string,
      ontheffingId: string,
      invoer: unknown,
    ): Promise<Ontheffing> {
      klantenPolicy.vereis(actor, 'ontheffingen-beheren');
      const w = parse(UpdateOntheffingInput, invoer);
      if (!UUID.test(ontheffingId)) throw notFound('Deze ontheffing bestaat niet.');
      const team = await teamVooraf(actor);
      return withContext(db, dbContext(actor), async (tx) => {
        const rij = await zichtbareKlant(tx, actor, klantId, team, true);
        const huidig = (await ontheffingenVan(tx, rij.dienstId, rij.id, vandaag())).find(
          (x) => x.id === ontheffingId,
        );
        if (!huidig) throw notFound('Deze ontheffing bestaat niet.');
        const samen = { ...huidig, ...w };
        const velden: Veldfouten = {};
        if (samen.einddatum && samen.einddatum <= samen.begindatum)
          velden.einddatum = 'De einddatum moet na de begindatum liggen.';
        if (huidig.type === 'dringende-redenen') {
          if (!samen.einddatum)
            velden.einddatum = 'Een ontheffing om dringende redenen is tijdelijk: vul een einddatum in.';
          if (!samen.reden?.trim()) velden.reden = 'Vul de dringende reden in.';
        }
        // Art. 9 lid 5: no end date in advance; it ends only when the finding itself has lapsed (today or before).
        if (huidig.type === 'volledig-arbeidsongeschikt' && w.einddatum && w.einddatum > vandaag())
          velden.einddatum =
            'Volledig en duurzaam arbeidsongeschikt heeft geen einddatum vooraf (art. 9 lid 5): beëindig alleen als de vaststelling is vervallen, met vandaag of een eerdere datum.';
        if ((w.planVanAanpakOp || w.laatsteHeronderzoekOp) && !huidig.negenA)
          velden.planVanAanpakOp =
            'Een plan van aanpak en heronderzoek horen bij een ontheffing voor een alleenstaande ouder.';
        if (w.planVanAanpakOp && w.planVanAanpakOp > vandaag())
          velden.planVanAanpakOp = 'Het plan van aanpak kan niet in de toekomst zijn opgesteld.';
        if (w.laatsteHeronderzoekOp && w.laatsteHeronderzoekOp > vandaag())
          velden.laatsteHeronderzoekOp = 'Een heronderzoek kan niet in de toekomst zijn gedaan.';
        const plan = w.planVanAanpakOp ?? huidig.negenA?.planVanAanpakOp ?? null;
        if (w.laatsteHeronderzoekOp && (!plan || w.laatsteHeronderzoekOp < plan))
          velden.laatsteHeronderzoekOp =
            'Een heronderzoek volgt op het plan van aanpak (art. 9a lid 8): leg eerst het plan vast.';
        if (Object.keys(velden).length > 0) throw new KlantInvoerfout(velden);
        const s: Sleutel = { dienstId: rij.dienstId, gemeenteId: rij.gemeenteId, klantId: rij.id };
        const wijziging: {
          einddatum?: string | null;
          herbeoordelingsdatum?: string | null;
          reden?: string | null;
          planVanAanpakOp?: string | null;
          laatsteHeronderzoekOp?: string | null;
        } = {};
        if (w.planVanAanpakOp !== undefined) wijziging.planVanAanpakOp = w.planVanAanpakOp;
        if (w.laatsteHeronderzoekOp !== undefined) wijziging.laatsteHeronderzoekOp = w.laatsteHeronderzoekOp;
        if (w.einddatum !== undefined) wijziging.einddatum = w.einddatum;
        if (w.herbeoordelingsdatum !== undefined) wijziging.herbeoordelingsdatum = w.herbeoordelingsdatum;
        if (w.reden !== undefined) wijziging.reden = w.reden;
        await repo.updateOntheffing(tx, s, ontheffingId, wijziging);
        await repo.updateKlant(tx, s, {});
        await herbereken(tx, rij.dienstId, [rij]);
        await log(tx, actor, 'wijzigen', klantSubject(rij.id), rij.gemeenteId);
        return (await ontheffingenVan(tx, rij.dienstId, rij.id, vandaag())).find(
          (x) => x.id === ontheffingId,
        )!;
      });
    },

    /**
     * Art. 9a lid 5 and 6: suspends the exemption (on request, or because the right to bijstand ended) or
     * resumes it on request. Events are recorded in date order and only where they fit (`controleerGebeurtenis`);
     * the suspension on the youngest child's 5th birthday needs no event, it follows from the dates.
     */
    async legGebeurtenisVast(
      actor: Actor,
      klantId: string,
      ontheffingId: string,
      invoer: unknown,
    ): Promise<Ontheffing> {
      klantenPolicy.vereis(actor, 'ontheffingen-beheren');
      const g = parse(GebeurtenisInput, invoer);
      if (!UUID.test(ontheffingId)) throw notFound('Deze ontheffing bestaat niet.');
      const team = await teamVooraf(actor);
      return withContext(db, dbContext(actor), async (tx) => {
        const rij = await zichtbareKlant(tx, actor, klantId, team, true);
        const rijen = await repo.listOntheffingen(tx, rij.dienstId, [rij.id]);
        const o = rijen.find((x) => x.id === ontheffingId);
        if (!o) throw notFound('Deze ontheffing bestaat niet.');
        if (o.type !== 'alleenstaande-ouder-kind-onder-5' || o.eerderGebruikt)
          throw new KlantInvoerfout({
            soort: 'Alleen een ontheffing voor een alleenstaande ouder kan worden opgeschort of hervat.',
          });
        const voor = naarOntheffingVoorToets(o);
        const fout = controleerGebeurtenis(
          {
            begindatum: o.begindatum,
            einddatum: o.einddatum,
            geboortedatumKind: o.geboortedatumKind ?? o.begindatum,
            gebeurtenissen: voor.gebeurtenissen ?? [],
          },
          rijen.filter((x) => x.type === o.type && x.eerderGebruikt),
          { soort: g.soort, datum: g.datum, geboortedatumKind: g.geboortedatumKind ?? null },
        );
        if (fout) throw new KlantInvoerfout({ [fout.veld]: fout.melding });
        const s: Sleutel = { dienstId: rij.dienstId, gemeenteId: rij.gemeenteId, klantId: rij.id };
        await repo.insertGebeurtenis(tx, s, {
          ontheffingId,
          soort: g.soort,
          datum: g.datum,
          geboortedatumKind: g.geboortedatumKind ?? null,
          toelichting: g.toelichting ?? null,
          aangemaaktDoor: actor.kind === 'gebruiker' ? actor.gebruikerId : null,
        });
        await repo.updateKlant(tx, s, {});
        await herbereken(tx, rij.dienstId, [rij]);
        await log(tx, actor, 'wijzigen', klantSubject(rij.id), rij.gemeenteId);
        return (await ontheffingenVan(tx, rij.dienstId, rij.id, vandaag())).find(
          (x) => x.id === ontheffingId,
        )!;
      });
    },

    // ---- Helpers for the forms --------------------------------------------------------------------------------

    /** The klantmanagers the actor may assign (klantmanager: own team; teamleider: their municipalities). */
    async klantmanagerKeuzes(actor: Actor, gemeenteId?: string): Promise<KlantmanagerKeuze[]> {
      klantenPolicy.vereis(actor, 'klanten-bekijken');
      const alle = await deps.medewerkers(dienstVan(actor));
      const gemeenten = await zichtbareGemeenten(actor);
      let kandidaten = alle.filter(
        (m) =>
          m.isActief &&
          ['klantmanager', 'teamleider'].includes(m.rol) &&
          m.gemeenteIds.some((g) => gemeenten.includes(g) && (!gemeenteId || g === gemeenteId)),
      );
      if (actor.kind === 'gebruiker' && actor.rol === 'klantmanager') {
        const team = await teamgenoten(actor);
        kandidaten = kandidaten.filter((m) => team.includes(m.id));
      }
      return kandidaten
        .map((m) => ({ id: m.id, naam: m.naam }))
        .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
    },

    /** The wijk a postcode belongs to in a municipality (for the form's preview), or null. */
    async wijkVoorPostcode(
      actor: Actor,
      gemeenteId: string,
      postcode: string,
    ): Promise<{ id: string; naam: string } | null> {
      klantenPolicy.vereis(actor, 'klanten-bekijken');
      await controleerGemeente(actor, gemeenteId);
      return wijkVoor(actor, gemeenteId, postcode);
    },

    /**
     * Recomputes stale stored applicability for all clients the actor's context can see (a daily job runs it
     * with a system actor; lists also do it for their own municipalities). Returns how many were updated.
     */
    async vernieuwToepasselijkheid(actor: Actor): Promise<number> {
      klantenPolicy.vereis(actor, 'klanten-bekijken');
      const dienstId = dienstVan(actor);
      const gemeenteIds = await zichtbareGemeenten(actor);
      return withContext(db, dbContext(actor), (tx) => vernieuwVerouderd(tx, dienstId, gemeenteIds));
    },

    // ---- Bulk (CSV import, demo) --------------------------------------------------------------------------------

    /**
     * Creates or updates clients by klantnummer in one municipality (idempotent). Each row is validated like
     * `createKlant` (klantnummer required); a broken row is reported and does not stop the others. New clients are
     * inserted in batches. With `proefrun` nothing is written: the report says what would happen.
     *
     * The report holds only row numbers, klantnummers and field messages — what the functioneel beheerder may
     * see. A staff member needs the `klanten-importeren` right; the database work then runs under a
     * logged system context (the import also writes special-category data the beheerder cannot read).
     */
    async importeerKlanten(
      actor: Actor,
      gemeenteId: string,
      rijen: ReadonlyArray<{ rij: number; invoer: unknown }>,
      opts: { proefrun?: boolean; klantmanagerId?: string | null; alleenNieuw?: boolean } = {},
    ): Promise<ImportRij[]> {
      const dienstId = dienstVan(actor);
      if (actor.kind === 'gebruiker') {
        klantenPolicy.vereis(actor, 'klanten-importeren');
        if (!actor.gemeenten.includes(gemeenteId))
          throw new KlantInvoerfout({ gemeenteId: 'Deze gemeente bestaat niet of u werkt er niet voor.' });
      }
      const uitvoerder: Actor =
        actor.kind === 'systeem' ? actor : systeemActor(`import:klanten:${actor.gebruikerId}`, dienstId);
      await controleerGemeente(uitvoerder, gemeenteId);
      const klantmanagerId = opts.klantmanagerId
        ? (await controleerKlantmanager(uitvoerder, gemeenteId, opts.klantmanagerId)).id
        : null;
      const wijken = await deps.gemeenten.listWijken(uitvoerder, gemeenteId);
      const toewijsbaar = new Set(
        (await deps.medewerkers(dienstId))
          .filter(
            (m) =>
              m.isActief &&
              ['klantmanager', 'teamleider'].includes(m.rol) &&
              m.gemeenteIds.includes(gemeenteId),
          )
          .map((m) => m.id),
      );
      const wijkVan = (pc: string | null | undefined) => {
        const p = pc ? parsePostcode(pc) : undefined;
        return p?.ok ? (wijken.find((w) => w.postcodes.includes(p.postcode4))?.id ?? null) : null;
      };

      const verslag: ImportRij[] = [];
      const geldig: Array<{ rij: number; p: z.output<typeof ImportInvoer> & { klantnummer: string } }> = [];
      const gezien = new Set<string>();
      for (const r of rijen) {
        const invoer = { ...(r.invoer as object), gemeenteId };
        const res = ImportInvoer.safeParse(invoer);
        const nummer =
          typeof (r.invoer as { klantnummer?: unknown })?.klantnummer === 'string'
            ? ((r.invoer as { klantnummer: string }).klantnummer as string)
            : null;
        if (!res.success) {
          verslag.push({
            rij: r.rij,
            klantnummer: nummer,
            uitkomst: 'afgewezen',
            velden: veldfoutenVan(res.error),
          });
          continue;
        }
        if (!res.data.klantnummer) {
          verslag.push({
            rij: r.rij,
            klantnummer: null,
            uitkomst: 'afgewezen',
            velden: { klantnummer: 'Vul het klantnummer in.' },
          });
          continue;
        }
        if (gezien.has(res.data.klantnummer)) {
          verslag.push({
            rij: r.rij,
            klantnummer: res.data.klantnummer,
            uitkomst: 'afgewezen',
            velden: { klantnummer: 'Dit klantnummer staat al eerder in het bestand.' },
          });
          continue;
        }
        gezien.add(res.data.klantnummer);
        geldig.push({
          rij: r.rij,
          p: res.data as z.output<typeof ImportInvoer> & { klantnummer: string },
        });
      }

      await repo.werkStatistiekenBij(db);
      return withContext(db, dbContext(uitvoerder), async (tx) => {
        const bestaand = await repo.findKlantnummers(
          tx,
          dienstId,
          gemeenteId,
          geldig.map((g) => g.p.klantnummer),
        );
        const catalogi = {
          vaardigheid: new Set((await repo.listCatalogus(tx, 'vaardigheid', dienstId)).map((c) => c.id)),
          interesse: new Set((await repo.listCatalogus(tx, 'interesse', dienstId)).map((c) => c.id)),
        };
        const peil = vandaag();
        const regulier = await drempel(tx, dienstId, gemeenteId);
        const gronden = new Map(
          (await repo.listLokaleGronden(tx, dienstId, gemeenteId))
            .filter((g) => g.isActief)
            .map((g) => [g.id, g]),
        );
        const nieuw: typeof geldig = [];
        const bijgewerkt: Array<{ gemeenteId: string; id: string; geboortedatum: string }> = [];
        // The child rows of updated clients are written together after the loop (as `schrijfKinderen` would).
        const kinderen: Array<{ klantId: string; p: Profiel }> = [];
        const wijzigingen: Array<{ id: string; k: Partial<KlantKolommen> }> = [];
        for (const g of geldig) {
          const onbekend =
            (g.p.vaardigheidIds ?? []).some((id) => !catalogi.vaardigheid.has(id)) ||
            (g.p.interesseIds ?? []).some((id) => !catalogi.interesse.has(id));
          if (onbekend) {
            verslag.push({
              rij: g.rij,
              klantnummer: g.p.klantnummer,
              uitkomst: 'afgewezen',
              velden: { vaardigheidIds: 'Kies bestaande vaardigheden en interesses.' },
            });
            continue;
          }
          if (g.p.klantmanagerId && !toewijsbaar.has(g.p.klantmanagerId)) {
            verslag.push({
              rij: g.rij,
              klantnummer: g.p.klantnummer,
              uitkomst: 'afgewezen',
              velden: { klantmanagerId: 'Deze klantmanager werkt niet (meer) voor deze gemeente.' },
            });
            continue;
          }
          if ((g.p.ontheffingen ?? []).some((o) => o.lokaleGrondId && !gronden.has(o.lokaleGrondId))) {
            verslag.push({
              rij: g.rij,
              klantnummer: g.p.klantnummer,
              uitkomst: 'afgewezen',
              velden: { ontheffingen: 'Kies een lokale ontheffingsgrond van deze gemeente.' },
            });
            continue;
          }
          const gevonden = bestaand.get(g.p.klantnummer);
          if (gevonden === undefined) {
            nieuw.push(g);
            continue;
          }
          if (opts.alleenNieuw) {
            verslag.push({ rij: g.rij, klantnummer: g.p.klantnummer, uitkomst: 'overgeslagen' });
            continue;
          }
          if (!opts.proefrun) {
            const { gemeenteId: _g, klantmanagerId: _k, wijkId: _w, ontheffingen: _o, ...wijziging } = g.p;
            const k = kolommenVan(wijziging);
            if (k.postcode !== undefined && !gevonden.wijkHandmatig) {
              k.wijkId = wijkVan(k.postcode);
              k.wijkHandmatig = false;
            }
            wijzigingen.push({ id: gevonden.id, k });
            kinderen.push({ klantId: gevonden.id, p: wijziging });
            bijgewerkt.push({ gemeenteId, id: gevonden.id, geboortedatum: g.p.geboortedatum });
          }
          verslag.push({ rij: g.rij, klantnummer: g.p.klantnummer, uitkomst: 'bijgewerkt' });
        }

        await repo.updateKlantenVeel(tx, dienstId, gemeenteId, wijzigingen);
        await repo.schrijfKinderenVeel(tx, dienstId, gemeenteId, {
          werk: kinderen.flatMap(({ klantId, p }) => {
            const rijen = werkRijen(p);
            return rijen ? [{ klantId, rijen }] : [];
          }),
          trajecten: kinderen.flatMap(({ klantId, p }) => {
            const rijen = trajectRijen(p);
            return rijen ? [{ klantId, rijen }] : [];
          }),
          belastbaarheid: kinderen.flatMap(({ klantId, p }) => {
            const b = belastbaarheidVan(p);
            return b !== undefined ? [{ klantId, b }] : [];
          }),
          vaardigheden: kinderen.flatMap(({ klantId, p }) =>
            p.vaardigheidIds ? [{ klantId, ids: p.vaardigheidIds }] : [],
          ),
          interesses: kinderen.flatMap(({ klantId, p }) =>
            p.interesseIds ? [{ klantId, ids: p.interesseIds }] : [],
          ),
        });
        await logVeel(
          tx,
          uitvoerder,
          'wijzigen',
          bijgewerkt.map((b) => ({ subject: klantSubject(b.id), gemeenteId })),
        );
        for (let i = 0; i < bijgewerkt.length; i += 1000)
          await herbereken(tx, dienstId, bijgewerkt.slice(i, i + 1000));
        if (!opts.proefrun && nieuw.length > 0) {
          for (let i = 0; i < nieuw.length; i += 500) {
            const blok = nieuw.slice(i, i + 500);
            const waarden = blok.map(({ p }) => {
              const werk = (werkRijen(p) ?? []).map(
                (w) => ({ ...w, klantId: '' }) as WerkRij & { id: string },
              );
              const trajecten = (trajectRijen(p) ?? []).map(
                (r) => ({ ...r, klantId: '' }) as ReintegratieRij & { id: string },
              );
              const t: KlantVoorToets = {
                geboortedatum: p.geboortedatum,
                werk,
                reintegratie: trajecten,
                ontheffingen: (p.ontheffingen ?? []).map((o) => {
                  const grond = o.lokaleGrondId ? gronden.get(o.lokaleGrondId) : undefined;
                  return {
                    ...o,
                    lokaleGrond: grond
                      ? { code: grond.code, naam: grond.naam, grondslag: grond.grondslag }
                      : null,
                  };
                }),
              };
              return {
                dienstId,
                gemeenteId,
                ...LEEG,
                ...kolommenVan(p),
                werkervaring: JSON.stringify(p.werkervaring ?? []),
                achternaam: p.achternaam,
                geboortedatum: p.geboortedatum,
                wijkId: p.wijkId && wijken.some((w) => w.id === p.wijkId) ? p.wijkId : wijkVan(p.postcode),
                wijkHandmatig: Boolean(p.wijkId && wijken.some((w) => w.id === p.wijkId)),
                klantmanagerId: p.klantmanagerId ?? klantmanagerId,
                toepasselijkheid: bepaalToepasselijkheid(t, peil, { regulierWerkUren: regulier }).uitkomst,
                toepasselijkheidGeldigTot: volgendeWijziging(t, peil),
              };
            });
            const ids = await tx
              .insertInto('klant')
              .values(waarden)
              .returning(['id', 'klantnummer'])
              .execute();
            const idVan = new Map(ids.map((r) => [r.klantnummer as string, r.id]));
            const sleutelVan = (p: { klantnummer: string }): Sleutel => ({
              dienstId,
              gemeenteId,
              klantId: idVan.get(p.klantnummer)!,
            });
            const werk = blok.flatMap(({ p }) =>
              (werkRijen(p) ?? []).map((w) => ({ ...w, ...sleutelVan(p) })),
            );
            if (werk.length > 0) await tx.insertInto('klantWerk').values(werk).execute();
            const trajecten = blok.flatMap(({ p }) =>
              (trajectRijen(p) ?? []).map((r) => ({ ...r, ...sleutelVan(p) })),
            );
            if (trajecten.length > 0) await tx.insertInto('klantReintegratie').values(trajecten).execute();
            const belast = blok.flatMap(({ p }) => {
              const b = belastbaarheidVan(p);
              return b ? [{ ...b, ...sleutelVan(p) }] : [];
            });
            if (belast.length > 0) await tx.insertInto('klantBelastbaarheid').values(belast).execute();
            const vaardig = blok.flatMap(({ p }) =>
              [...new Set(p.vaardigheidIds ?? [])].map((vaardigheidId) => ({
                ...sleutelVan(p),
                vaardigheidId,
              })),
            );
            if (vaardig.length > 0) await tx.insertInto('klantVaardigheid').values(vaardig).execute();
            const interesse = blok.flatMap(({ p }) =>
              [...new Set(p.interesseIds ?? [])].map((interesseId) => ({ ...sleutelVan(p), interesseId })),
            );
            if (interesse.length > 0) await tx.insertInto('klantInteresse').values(interesse).execute();
            const ontheffingen = blok.flatMap(({ p }) =>
              (p.ontheffingen ?? []).map((o) => ({
                ...sleutelVan(p),
                type: o.type,
                lokaleGrondId: o.lokaleGrondId ?? null,
                reden: o.reden ?? null,
                begindatum: o.begindatum,
                einddatum: o.einddatum ?? null,
                herbeoordelingsdatum: o.herbeoordelingsdatum ?? null,
                geboortedatumKind: o.geboortedatumKind ?? null,
                eerderGebruikt: o.eerderGebruikt ?? false,
                eerdereGemeente: o.eerdereGemeente ?? null,
                verzoekdatum: o.verzoekdatum ?? null,
                planVanAanpakOp: o.planVanAanpakOp ?? null,
              })),
            );
            if (ontheffingen.length > 0)
              await tx.insertInto('klantOntheffing').values(ontheffingen).execute();
            await logVeel(
              tx,
              uitvoerder,
              'aanmaken',
              blok.map(({ p }) => ({ subject: klantSubject(idVan.get(p.klantnummer)!), gemeenteId })),
            );
          }
        }
        for (const g of nieuw)
          verslag.push({ rij: g.rij, klantnummer: g.p.klantnummer, uitkomst: 'aangemaakt' });
        return verslag.sort((a, b) => a.rij - b.rij);
      });
    },

    /**
     * Adds an exemption to a client found by klantnummer (demo and import of exemptions; system context or a
     * staff member allowed to manage exemptions).
     */
    async createOntheffingVoorKlantnummer(
      actor: Actor,
      gemeenteId: string,
      klantnummer: string,
      invoer: unknown,
    ): Promise<Ontheffing> {
      const dienstId = dienstVan(actor);
      const id = await withContext(
        db,
        dbContext(actor),
        async (tx) =>
          (await repo.findKlantnummers(tx, dienstId, gemeenteId, [klantnummer])).get(klantnummer)?.id,
      );
      if (!id) throw notFound(GEEN_KLANT);
      return service.createOntheffing(actor, id, invoer);
    },

    // ---- Catalogues and settings (functioneel beheerder) ------------------------------------------------------

    /** Skills (vaardigheden) of the social service, inactive ones included (forms show only active ones). */
    async listVaardigheden(actor: Actor): Promise<CatalogusItem[]> {
      klantenPolicy.vereis(actor, 'catalogi-lezen');
      return withContext(db, dbContext(actor), (tx) =>
        repo.listCatalogus(tx, 'vaardigheid', dienstVan(actor)),
      );
    },
    async createVaardigheid(actor: Actor, invoer: { naam: unknown }): Promise<CatalogusItem> {
      return createCatalogus(actor, 'vaardigheid', invoer);
    },
    async updateVaardigheid(actor: Actor, id: string, invoer: { naam?: unknown; isActief?: unknown }) {
      return updateCatalogus(actor, 'vaardigheid', id, invoer);
    },
    /** Interests (interesses) of the social service. */
    async listInteresses(actor: Actor): Promise<CatalogusItem[]> {
      klantenPolicy.vereis(actor, 'catalogi-lezen');
      return withContext(db, dbContext(actor), (tx) => repo.listCatalogus(tx, 'interesse', dienstVan(actor)));
    },
    async createInteresse(actor: Actor, invoer: { naam: unknown }): Promise<CatalogusItem> {
      return createCatalogus(actor, 'interesse', invoer);
    },
    async updateInteresse(actor: Actor, id: string, invoer: { naam?: unknown; isActief?: unknown }) {
      return updateCatalogus(actor, 'interesse', id, invoer);
    },

    /** The local exemption grounds of a municipality. */
    async listLokaleGronden(actor: Actor, gemeenteId: string): Promise<LokaleGrond[]> {
      klantenPolicy.vereis(actor, 'catalogi-lezen');
      await controleerGemeente(actor, gemeenteId);
      return withContext(db, dbContext(actor), (tx) =>
        repo.listLokaleGronden(tx, dienstVan(actor), gemeenteId),
      );
    },

    async createLokaleGrond(
      actor: Actor,
      gemeenteId: string,
      invoer: { code: unknown; naam: unknown; grondslag: unknown },
    ): Promise<LokaleGrond> {
      klantenPolicy.vereis(actor, 'catalogi-beheren');
      await controleerGemeente(actor, gemeenteId);
      const velden: Veldfouten = {};
      const code = LokaleCode.safeParse(invoer.code);
      const naam = CatalogusNaam.safeParse(invoer.naam);
      const grondslag = Grondslag.safeParse(invoer.grondslag);
      if (!code.success) velden.code = code.error.issues[0]!.message;
      if (!naam.success) velden.naam = naam.error.issues[0]!.message;
      if (!grondslag.success) velden.grondslag = grondslag.error.issues[0]!.message;
      if (!code.success || !naam.success || !grondslag.success) throw new KlantInvoerfout(velden);
      const dienstId = dienstVan(actor);
      try {
        return await withContext(db, dbContext(actor), async (tx) => {
          const g = await repo.insertLokaleGrond(tx, dienstId, gemeenteId, {
            code: code.data,
            naam: naam.data,
            grondslag: grondslag.data,
          });
          await log(
            tx,
            actor,
            'aanmaken',
            { type: 'lokale-ontheffingsgrond', id: g.id },
            gemeenteId,
            VA.beheerOrganisatie,
          );
          return g;
        });
      } catch (e) {
        if (isUniekeSchending(e))
          throw new KlantInvoerfout({ code: 'Deze code bestaat al in deze gemeente.' }, 'conflict');
        throw e;
      }
    },

    async updateLokaleGrond(
      actor: Actor,
      gemeenteId: string,
      id: string,
      invoer: { naam?: unknown; grondslag?: unknown; isActief?: unknown },
    ): Promise<LokaleGrond> {
      klantenPolicy.vereis(actor, 'catalogi-beheren');
      await controleerGemeente(actor, gemeenteId);
      if (!UUID.test(id)) throw notFound();
      const w: { naam?: string; grondslag?: string; isActief?: boolean } = {};
      if (invoer.naam !== undefined) w.naam = parseVeld('naam', CatalogusNaam, invoer.naam);
      if (invoer.grondslag !== undefined) w.grondslag = parseVeld('grondslag', Grondslag, invoer.grondslag);
      if (invoer.isActief !== undefined) w.isActief = invoer.isActief === true;
      const dienstId = dienstVan(actor);
      return withContext(db, dbContext(actor), async (tx) => {
        const g = await repo.updateLokaleGrond(tx, dienstId, gemeenteId, id, w);
        if (!g) throw notFound();
        await log(
          tx,
          actor,
          'wijzigen',
          { type: 'lokale-ontheffingsgrond', id },
          gemeenteId,
          VA.beheerOrganisatie,
        );
        return g;
      });
    },

    /** The municipality's settings for the client file. */
    async findInstellingen(actor: Actor, gemeenteId: string): Promise<{ regulierWerkUren: number }> {
      klantenPolicy.vereis(actor, 'catalogi-lezen');
      await controleerGemeente(actor, gemeenteId);
      return withContext(db, dbContext(actor), async (tx) => ({
        regulierWerkUren: await drempel(tx, dienstVan(actor), gemeenteId),
      }));
    },

    /** Sets from how many hours per week work counts as regular work; stored applicability is recomputed. */
    async updateInstellingen(
      actor: Actor,
      gemeenteId: string,
      invoer: { regulierWerkUren: unknown },
    ): Promise<{ regulierWerkUren: number }> {
      klantenPolicy.vereis(actor, 'catalogi-beheren');
      await controleerGemeente(actor, gemeenteId);
      const uren = parseVeld('regulierWerkUren', RegulierWerkUren, invoer.regulierWerkUren);
      const dienstId = dienstVan(actor);
      return withContext(db, dbContext(actor), async (tx) => {
        await repo.upsertInstelling(tx, dienstId, gemeenteId, uren);
        await repo.markeerVerouderd(tx, dienstId, gemeenteId);
        await log(
          tx,
          actor,
          'wijzigen',
          { type: 'gemeente-instelling', id: gemeenteId },
          gemeenteId,
          VA.beheerOrganisatie,
        );
        return { regulierWerkUren: uren };
      });
    },
  };
  return service;
}

/** An import row: a new client's input, optionally with exemptions (added for new clients only). */
const ImportInvoer = CreateKlantInput.extend({
  ontheffingen: z
    .array(OntheffingInput)
    .max(10)
    .optional()
    .refine(
      (l) =>
        (l ?? []).filter((o) => o.type === 'alleenstaande-ouder-kind-onder-5' && !o.eerderGebruikt).length <=
        1,
      'Een ontheffing als alleenstaande ouder wordt maar één keer verleend (art. 9a lid 2).',
    ),
});

/** Column defaults for a new client: everything the input leaves out. */
const LEEG: Omit<KlantKolommen, 'achternaam' | 'geboortedatum'> = {
  klantnummer: null,
  bsnVersleuteld: null,
  bsnHash: null,
  voornamen: null,
  roepnaam: null,
  voorvoegsel: null,
  straat: null,
  huisnummer: null,
  postcode: null,
  woonplaats: null,
  wijkId: null,
  wijkHandmatig: false,
  telefoon: null,
  email: null,
  taal: null,
  taalniveau: null,
  opleidingsniveau: null,
  werkervaring: [],
  beschikbaarheid: [],
  zorgtaken: null,
  mobiliteit: [],
  maxReistijdMinuten: null,
  eigenNetwerk: null,
  klantmanagerId: null,
};

const LokaleCode = vrijeTekst(60).refine(
  (s) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s),
  'Een code bestaat uit kleine letters, cijfers en streepjes, bijvoorbeeld mantelzorg.',
);
const Grondslag = vrijeTekst(500).refine(
  (s) => s.trim().length > 0,
  'Vul de grondslag in, bijvoorbeeld het artikel van de verordening.',
);
const RegulierWerkUren = z
  .number({ error: 'Vul een aantal uren in.' })
  .gt(0, 'Vul meer dan 0 uur in.')
  .max(60, 'Hoogstens 60 uur.')
  .refine((n) => Number.isInteger(n * 2), 'Vul hele of halve uren in.');

export type KlantenService = ReturnType<typeof createKlantenService>;
