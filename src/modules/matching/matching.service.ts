import { type Tx, withContext } from '../../db/context.ts';
import { buitenVerbindingScope } from '../../db/verbindingen.ts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { type Actor, dbContext, type Gebruiker, systeemActor } from '../auth/index.ts';
import { type MedewerkersBron, vandaag } from '../klanten/index.ts';
import { logboek, VA } from '../logboek/index.ts';
import {
  type ActiviteitStatus,
  type Besluit,
  CATEGORIE_NAMEN,
  type Categorie,
  type Conclusie,
  magGeplaatstWorden,
  type OrganisatieStatus,
} from '../netwerk/index.ts';
import {
  type ActiviteitCache,
  type ActiviteitGegevens,
  beperkCache,
  bereidKlantVoor,
  bouwActiviteitCache,
  type Gewichten,
  type Kijker,
  type KlantGegevens,
  type Plaatsingen,
  type KlantKenmerken,
  maakKladblok,
  normaliseerGewichten,
  type RangOpties,
  type Reden,
  rangschik,
  redenenVoorRol,
  redenRegel,
  STANDAARD_GEWICHTEN,
  scoorPaar,
  uitsluitReden,
  verklaar,
  vermogenUitleg,
} from './kernel.ts';
import { matchingPolicy as policy } from './matching.policy.ts';
import { type ActiviteitRij, type KlantRij, matchingRepository as repo } from './matching.repository.ts';
import {
  GewichtenInput,
  type Kandidaat,
  type Kandidaten,
  type PassendeActiviteiten,
  type RedenUit,
  type Suggestie,
} from './matching.schemas.ts';
import { type Centroiden, laadCentroiden } from './reistijd.ts';
import { urenElders } from '../tegenprestaties/index.ts';

type TxOpties = { tx?: Tx };

export interface MatchingDeps {
  db: Database;
  /** Staff and teams (the klanten module's source): a klantmanager sees own caseload and team. */
  medewerkers: MedewerkersBron;
  /** Wishes per client (conversation part b; gesprekken). Absent: interests only. */
  wensen?: (
    actor: Actor,
    klantIds: readonly string[],
    opties?: TxOpties & { gelogdDoorAanroeper?: boolean },
  ) => Promise<Map<string, string>>;
  /** The ordinance's maximum hours per week in a municipality on a day (null: none). Absent: no ordinance. */
  verordeningMaxUren?: (actor: Actor, gemeenteId: string, datum: string) => Promise<number | null>;
  centroiden?: Centroiden;
  /** The activity cache is rebuilt when the network's change counter moved, and at least this often. */
  cacheTtlMs?: number;
}

export type MatchingService = ReturnType<typeof createMatchingService>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GEEN_KLANT = 'Deze klant bestaat niet of u heeft geen toegang.';
const GEEN_ACTIVITEIT = 'Deze activiteit bestaat niet of u heeft geen toegang.';

const getal = (s: string | null): number | null => (s === null ? null : Number(s));

export const naamVan = (r: Pick<KlantRij, 'roepnaam' | 'voornamen' | 'voorvoegsel' | 'achternaam'>): string =>
  [r.roepnaam ?? r.voornamen?.split(' ')[0], r.voorvoegsel, r.achternaam].filter(Boolean).join(' ');

/**
 * The client's matching features. Naar vermogen: the hours of the client's agreed or running designs count with
 * the checklist's own rule (`urenElders`, tegenprestaties module) from `peildatum` on.
 */
function naarGegevens(r: KlantRij, wensen: string, peildatum: string = vandaag()): KlantGegevens {
  const gesloten = r.dossierGeslotenOp !== null;
  const niet = r.toepasselijkheid === 'niet-van-toepassing';
  return {
    id: r.id,
    gemeenteId: r.gemeenteId,
    toepasselijk: !gesloten && !niet,
    nietToepasselijkReden: gesloten
      ? 'Het dossier is gesloten.'
      : niet
        ? 'De tegenprestatie is nu niet van toepassing op deze klant (zie het profiel voor de reden).'
        : null,
    maxUrenPerWeek: getal(r.maxUrenPerWeek),
    geenBeperkingenBekend: r.maxUrenPerWeek === null && !!r.geenBeperkingenReden?.trim(),
    regulierWerkUren: Number(r.regulierWerkUren),
    werkUren: Number(r.werkUren),
    urenElders: urenElders(
      peildatum,
      null,
      r.afgesprokenUren.map((a) => ({ ...a, urenPerWeek: Number(a.urenPerWeek) })),
    ),
    beperkingen: r.beperkingen,
    beschikbaarheid: r.beschikbaarheid,
    werkDagdelen: r.werkDagdelen,
    reintegratieDagdelen: r.reintegratieDagdelen,
    taalniveau: r.taalniveau,
    postcode: r.postcode,
    wijkId: r.wijkId,
    mobiliteit: r.mobiliteit,
    maxReistijdMinuten: r.maxReistijdMinuten,
    vaardigheden: r.vaardigheden,
    interesses: r.interesses,
    wensen,
    netwerkOrganisatieIds: r.netwerkOrganisaties,
  };
}

/** May the activity be used now (status, free place, valid displacement assessment)? With the reasons why not. */
export function bruikbaarheid(a: ActiviteitRij, peildatum: string): { mag: boolean; redenen: string[] } {
  const oordeel = magGeplaatstWorden(
    {
      status: a.status as ActiviteitStatus,
      einddatum: a.einddatum,
      materieleVersie: a.materieleVersie,
      organisatieVersie: a.organisatieVersie,
      organisatieStatus: a.organisatieStatus as OrganisatieStatus | null,
    },
    a.toetsConclusie === null
      ? null
      : {
          conclusie: a.toetsConclusie as Conclusie,
          geldigTot: a.toetsGeldigTot ?? '0000-01-01',
          vervallenOp: a.toetsVervallenOp,
          activiteitVersie: a.toetsActiviteitVersie ?? -1,
          organisatieVersie: a.toetsOrganisatieVersie,
        },
    a.intervisieBesluit === null && a.intervisieVoorwaarden === null
      ? null
      : { besluit: a.intervisieBesluit as Besluit | null, voorwaarden: a.intervisieVoorwaarden },
    peildatum,
  );
  const redenen = [...oordeel.redenen];
  if (a.plaatsen - a.plaatsenBezet <= 0) redenen.push('Er is geen plaats vrij.');
  return { mag: redenen.length === 0, redenen };
}

function naarActiviteit(a: ActiviteitRij, ervaring: ReadonlyMap<string, Plaatsingen>): ActiviteitGegevens {
  return {
    id: a.id,
    titel: a.titel,
    omschrijving: a.omschrijving,
    taken: a.taken,
    categorie: a.categorie,
    categorieNaam: CATEGORIE_NAMEN[a.categorie as Categorie] ?? a.categorie,
    vaardigheden: a.vaardigheden,
    fysiekeBelasting: a.fysiekeBelasting,
    taalniveauMin: a.taalniveauMin,
    urenMin: Number(a.urenMin),
    urenMax: Number(a.urenMax),
    dagdelen: a.dagdelen,
    postcode: a.postcode,
    wijkId: a.wijkId,
    wijkNaam: a.wijkNaam,
    organisatieId: a.organisatieId,
    organisatieNaam: a.organisatieNaam,
    organisatieType: a.organisatieType,
    vrijePlaatsen: a.plaatsen - a.plaatsenBezet,
    plaatsingen: a.organisatieId === null ? null : (ervaring.get(a.organisatieId) ?? null),
  };
}

const naarRedenUit = (r: Reden): RedenUit => ({ factor: r.factor, bijdrage: r.punten, tekst: r.tekst });

export function createMatchingService(deps: MatchingDeps) {
  const { db } = deps;
  const ttl = deps.cacheTtlMs ?? 60_000;
  const centroiden = () => deps.centroiden ?? laadCentroiden();

  // ---- The activity cache per municipality ------------------------------------------------------------------

  interface CacheRegel {
    versie: string;
    datum: string;
    tot: number;
    cache: Promise<ActiviteitCache>;
    /** A rebuild in progress (the old cache keeps answering meanwhile). */
    nieuw?: Promise<ActiviteitCache>;
  }
  const caches = new Map<string, CacheRegel>();

  /**
   * The usable activities of a municipality as typed arrays. Rebuilt when the network's change counter (read by
   * the caller in its own transaction) differs from the one it was built at, when the day changed, or after the
   * TTL. Read under a system context narrowed to the social service: the cache is shared by every user of that
   * municipality, and each of them may see exactly the activities that serve it.
   */
  function activiteitCache(dienstId: string, gemeenteId: string, versie: string): Promise<ActiviteitCache> {
    const sleutel = `${dienstId}|${gemeenteId}`;
    const nu = Date.now();
    const datum = vandaag();
    const hit = caches.get(sleutel);
    if (hit && hit.versie === versie && hit.datum === datum && hit.tot > nu) return hit.cache;
    const bouw = () =>
      withContext(db, dbContext(systeemActor('matching:activiteiten', dienstId)), async (tx) => {
        const rijen = await repo.openActiviteiten(tx, dienstId, gemeenteId);
        const ervaring = await repo.ervaring(tx, dienstId);
        return bouwActiviteitCache(
          rijen.filter((a) => bruikbaarheid(a, datum).mag).map((a) => naarActiviteit(a, ervaring)),
          centroiden(),
        );
      });
    if (!hit || hit.datum !== datum) {
      // Nothing usable yet (or a new day: assessments may have expired): build and wait.
      const cache = bouw();
      caches.set(sleutel, { versie, datum, tot: nu + ttl, cache });
      cache.catch(() => caches.delete(sleutel));
      return cache;
    }
    // Stale: keep answering from the cache while one rebuild runs (a large municipality takes a moment); the next
    // request after it finished gets the new one. Free places are checked again when a place is claimed.
    if (!hit.nieuw) {
      // Built in the background, outside the request's connection account: the request does not wait for it.
      const nieuw = buitenVerbindingScope(bouw);
      hit.nieuw = nieuw;
      nieuw.then(
        (cache) =>
          caches.set(sleutel, { versie, datum, tot: Date.now() + ttl, cache: Promise.resolve(cache) }),
        () => {
          hit.nieuw = undefined;
        },
      );
    }
    return hit.cache;
  }

  const maxUrenCache = new Map<string, { tot: number; waarde: Promise<number | null> }>();
  function verordeningMax(dienstId: string, gemeenteId: string): Promise<number | null> {
    if (!deps.verordeningMaxUren) return Promise.resolve(null);
    const sleutel = `${dienstId}|${gemeenteId}|${vandaag()}`;
    const hit = maxUrenCache.get(sleutel);
    if (hit && hit.tot > Date.now()) return hit.waarde;
    // The ordinance is public: read it as the system, for any viewer.
    const waarde = deps
      .verordeningMaxUren(systeemActor('matching:verordening', dienstId), gemeenteId, vandaag())
      .catch(() => null);
    maxUrenCache.set(sleutel, { tot: Date.now() + ttl, waarde });
    return waarde;
  }

  // ---- Access to clients (as in the client file) -----------------------------------------------------------

  async function teamgenoten(actor: Gebruiker): Promise<string[]> {
    const alle = await deps.medewerkers(actor.dienstId);
    const ids = alle.filter((m) => m.teamIds.some((t) => actor.teams.includes(t))).map((m) => m.id);
    return [...new Set([actor.gebruikerId, ...ids])];
  }

  /**
   * A klantmanager's team-mates, read before a transaction opens: the look-up may refresh through the pool, and a
   * request holding a connection must never wait for a second one.
   */
  async function teamVooraf(actor: Actor): Promise<readonly string[]> {
    return actor.kind === 'gebruiker' && actor.rol === 'klantmanager' ? teamgenoten(actor) : [];
  }

  /** May the actor see this client? `team`: from `teamVooraf`. */
  function magKlant(
    actor: Actor,
    r: Pick<KlantRij, 'gemeenteId' | 'klantmanagerId'>,
    team: readonly string[],
  ): boolean {
    if (actor.kind === 'systeem') return true;
    if (!actor.gemeenten.includes(r.gemeenteId)) return false;
    if (actor.rol === 'teamleider') return true;
    if (actor.rol !== 'klantmanager' || r.klantmanagerId === null) return false;
    return team.includes(r.klantmanagerId);
  }

  const dienstVan = (actor: Actor): string => {
    if (actor.kind === 'gebruiker') return actor.dienstId;
    if (!actor.dienstId) throw new AppError('intern', { message: 'matching: system actor without dienstId' });
    return actor.dienstId;
  };

  const logLezen = (tx: Tx, actor: Actor, klanten: ReadonlyArray<{ id: string; gemeenteId: string }>) =>
    logboek.recordMany(
      tx,
      klanten.map((k) => ({
        actor,
        actie: 'lezen' as const,
        subject: { type: 'klant', id: k.id },
        verwerkingsactiviteit: VA.matching,
        gemeenteId: k.gemeenteId,
      })),
    );

  async function gewichtenIn(tx: Tx, dienstId: string, gemeenteId: string): Promise<Gewichten> {
    return (await repo.gewichten(tx, dienstId, gemeenteId)) ?? { ...STANDAARD_GEWICHTEN };
  }

  /** `gelogd`: the caller records the read of these clients in `tx` itself (the wishes then add no entry). */
  async function wensenVan(
    actor: Actor,
    ids: readonly string[],
    tx?: Tx,
    gelogd = false,
  ): Promise<Map<string, string>> {
    if (!deps.wensen || ids.length === 0) return new Map();
    return deps.wensen(actor, ids, tx ? { tx, gelogdDoorAanroeper: gelogd } : {});
  }

  /** One client's ranking (compute only): the best `limiet` with reasons in full detail. */
  function rangschikEen(
    kl: KlantKenmerken,
    cache: ActiviteitCache,
    gewichten: Gewichten,
    opties: RangOpties,
    limiet: number,
    kijker: Kijker,
  ): { suggesties: Suggestie[]; passend: number; uitgesloten: string | null } {
    const top = rangschik(
      kl,
      cache,
      normaliseerGewichten(gewichten),
      limiet,
      opties,
      maakKladblok(cache.n, limiet),
    );
    const suggesties: Suggestie[] = [];
    top.idx.forEach((i, r) => {
      const a = cache.gegevens[i]!;
      suggesties.push({
        activiteitId: a.id,
        titel: a.titel,
        organisatieNaam: a.organisatieNaam,
        organisatieType: a.organisatieType,
        categorie: a.categorie,
        score: top.score[r]!,
        redenen: redenenVoorRol(verklaar(kl, cache, i, gewichten, opties).redenen, kijker).map(naarRedenUit),
      });
    });
    return {
      suggesties,
      passend: top.passend,
      uitgesloten: suggesties.length === 0 ? uitsluitReden(kl, cache) : null,
    };
  }

  const service = {
    /**
     * The best activities for one client, with score and reasons (the caseworker's full detail). Logged as a
     * read of the client (`va-matching`).
     */
    async passendeActiviteiten(
      actor: Actor,
      klantId: string,
      opties: { limiet?: number } = {},
    ): Promise<PassendeActiviteiten> {
      policy.vereis(actor, 'passende-activiteiten-bekijken');
      if (!UUID.test(klantId)) throw notFound(GEEN_KLANT);
      const dienstId = dienstVan(actor);
      const limiet = Math.min(100, Math.max(1, opties.limiet ?? 25));
      const team = await teamVooraf(actor);
      const { rij, versie, gewichten, wensen } = await withContext(db, dbContext(actor), async (tx) => {
        const rij = await repo.klantMetContext(tx, dienstId, klantId);
        if (!rij || !magKlant(actor, rij, team)) throw notFound(GEEN_KLANT);
        const wensen = await wensenVan(actor, [rij.id], tx, true);
        await logLezen(tx, actor, [rij]);
        return { rij, versie: rij.versie, gewichten: rij.gewichten ?? { ...STANDAARD_GEWICHTEN }, wensen };
      });
      // One after the other: a request uses one database connection at a time.
      const cache = await activiteitCache(dienstId, rij.gemeenteId, versie);
      const maxUren = await verordeningMax(dienstId, rij.gemeenteId);
      const kl = bereidKlantVoor(naarGegevens(rij, wensen.get(rij.id) ?? ''), cache, centroiden());
      const uit = rangschikEen(kl, cache, gewichten, { verordeningMaxUren: maxUren }, limiet, 'klantmanager');
      return {
        klantId: rij.id,
        aantalBekeken: cache.n,
        aantalPassend: uit.passend,
        uitgesloten: uit.uitgesloten,
        verordeningMaxUren: maxUren,
        vermogen: {
          bron: kl.vermogen.bron,
          ruimteUren: Number.isFinite(kl.vermogen.ruimteUren) ? kl.vermogen.ruimteUren : null,
          urenElders: kl.vermogen.urenElders,
          uitleg: vermogenUitleg(kl.vermogen),
        },
        gewichten: { ...gewichten },
        activiteiten: uit.suggesties,
      };
    },

    /**
     * The best clients for one activity. Klantmanager: own caseload and team; teamleider: their municipalities;
     * netwerkmakelaar: every open file in their municipalities, read under a system context (row-level security
     * keeps limitations from that role, yet the filters need them) and shown without any limitation or capacity.
     * Each listed client is logged as read by the actor (`va-matching`).
     */
    async kandidaten(
      actor: Actor,
      activiteitId: string,
      opties: { limiet?: number } = {},
    ): Promise<Kandidaten> {
      policy.vereis(actor, 'kandidaten-bekijken');
      if (!UUID.test(activiteitId) || actor.kind !== 'gebruiker') throw notFound(GEEN_ACTIVITEIT);
      const dienstId = actor.dienstId;
      const limiet = Math.min(100, Math.max(1, opties.limiet ?? 25));
      const datum = vandaag();
      const { a, versie } = await withContext(db, dbContext(actor), async (tx) => ({
        a: await repo.activiteit(tx, dienstId, activiteitId),
        versie: await repo.versie(tx, dienstId),
      }));
      if (!a) throw notFound(GEEN_ACTIVITEIT);
      const basis: Kandidaten = {
        activiteitId: a.id,
        titel: a.titel,
        bruikbaar: true,
        nietBruikbaarRedenen: [],
        aantalBekeken: 0,
        kandidaten: [],
      };
      const b = bruikbaarheid(a, datum);
      if (!b.mag) return { ...basis, bruikbaar: false, nietBruikbaarRedenen: b.redenen };
      const gemeenten = a.gemeenten.filter((g) => actor.gemeenten.includes(g));
      const makelaar = actor.rol === 'netwerkmakelaar';
      const kijker: Kijker = makelaar ? 'netwerkmakelaar' : 'klantmanager';
      const klantmanagers = actor.rol === 'klantmanager' ? await teamgenoten(actor) : null;
      const leesActor = makelaar ? systeemActor('matching:kandidaten', dienstId) : actor;
      const { rijen, wensen } = await withContext(db, dbContext(leesActor), async (tx) => {
        const rijen = await repo.kandidaatKlanten(tx, dienstId, gemeenten, klantmanagers);
        return {
          rijen,
          wensen: await wensenVan(
            leesActor,
            rijen.map((r) => r.id),
            tx,
          ),
        };
      });
      const gescoord: Array<{
        rij: KlantRij;
        kl: KlantKenmerken;
        cache: ActiviteitCache;
        i: number;
        score: number;
      }> = [];
      const opGemeente = new Map<string, KlantRij[]>();
      for (const r of rijen) opGemeente.set(r.gemeenteId, [...(opGemeente.get(r.gemeenteId) ?? []), r]);
      const perGemeente = new Map<string, { gewichten: Gewichten; maxUren: number | null }>();
      for (const [gemeenteId, lijst] of opGemeente) {
        const cache = await activiteitCache(dienstId, gemeenteId, versie);
        const i = cache.index.get(a.id);
        if (i === undefined) continue;
        const gewichten = await withContext(db, dbContext(actor), (tx) =>
          gewichtenIn(tx, dienstId, gemeenteId),
        );
        const maxUren = await verordeningMax(dienstId, gemeenteId);
        perGemeente.set(gemeenteId, { gewichten, maxUren });
        const w = normaliseerGewichten(gewichten);
        for (const rij of lijst) {
          const kl = bereidKlantVoor(naarGegevens(rij, wensen.get(rij.id) ?? ''), cache, centroiden());
          const score = scoorPaar(kl, cache, i, w, { verordeningMaxUren: maxUren });
          if (score !== null) gescoord.push({ rij, kl, cache, i, score });
        }
      }
      gescoord.sort((x, y) => y.score - x.score || (x.rij.id < y.rij.id ? -1 : 1));
      const gekozen = gescoord.slice(0, limiet);
      if (gekozen.length > 0)
        await withContext(db, dbContext(actor), (tx) =>
          logLezen(
            tx,
            actor,
            gekozen.map((g) => g.rij),
          ),
        );
      const kandidaten: Kandidaat[] = gekozen.map((g) => {
        const pg = perGemeente.get(g.rij.gemeenteId)!;
        return {
          klantId: g.rij.id,
          naam: naamVan(g.rij),
          klantnummer: g.rij.klantnummer,
          score: g.score,
          redenen: redenenVoorRol(
            verklaar(g.kl, g.cache, g.i, pg.gewichten, { verordeningMaxUren: pg.maxUren }).redenen,
            kijker,
          ).map(naarRedenUit),
        };
      });
      return { ...basis, aantalBekeken: rijen.length, kandidaten };
    },

    /**
     * For the cohort: each client's top-`k` over the given activities after the hard filters, with integer scores
     * and the reasons as lines (the caseworker's detail); `uitgesloten`: the clients without any candidate, and
     * why. Every client is logged as read.
     */
    async kandidatenVoorCohort(
      actor: Actor,
      invoer: { klantIds: string[]; activiteitIds: string[]; k: number },
    ): Promise<{
      paren: Array<{ klantId: string; activiteitId: string; score: number; redenen: string[] }>;
      uitgesloten: Array<{ klantId: string; reden: string }>;
    }> {
      policy.vereis(actor, 'kandidaten-voor-cohort');
      const dienstId = dienstVan(actor);
      const k = Math.min(200, Math.max(1, Math.floor(invoer.k)));
      const klantIds = [
        ...new Set(invoer.klantIds.filter((id) => UUID.test(id)).map((id) => id.toLowerCase())),
      ];
      const activiteitIds = new Set(invoer.activiteitIds.map((id) => id.toLowerCase()));
      const team = await teamVooraf(actor);
      const { rijen, versie, wensen, gewichten } = await withContext(db, dbContext(actor), async (tx) => {
        const alle = await repo.klanten(tx, dienstId, klantIds);
        const rijen = alle.filter((r) => magKlant(actor, r, team));
        const gewichten = new Map<string, Gewichten>();
        for (const g of new Set(rijen.map((r) => r.gemeenteId)))
          gewichten.set(g, await gewichtenIn(tx, dienstId, g));
        const wensen = await wensenVan(
          actor,
          rijen.map((r) => r.id),
          tx,
          true,
        );
        await logLezen(tx, actor, rijen);
        return { rijen, versie: await repo.versie(tx, dienstId), wensen, gewichten };
      });
      const uitgesloten: Array<{ klantId: string; reden: string }> = [];
      const gevonden = new Set(rijen.map((r) => r.id));
      for (const id of klantIds)
        if (!gevonden.has(id))
          uitgesloten.push({ klantId: id, reden: 'Klant niet gevonden of geen toegang.' });
      const paren: Array<{ klantId: string; activiteitId: string; score: number; redenen: string[] }> = [];
      const opGemeente = new Map<string, KlantRij[]>();
      for (const r of rijen) opGemeente.set(r.gemeenteId, [...(opGemeente.get(r.gemeenteId) ?? []), r]);
      for (const [gemeenteId, lijst] of opGemeente) {
        const volledig = await activiteitCache(dienstId, gemeenteId, versie);
        const toegestaan = new Set<number>();
        for (const id of activiteitIds) {
          const i = volledig.index.get(id);
          if (i !== undefined) toegestaan.add(i);
        }
        const cache = beperkCache(volledig, toegestaan);
        const g = gewichten.get(gemeenteId) ?? STANDAARD_GEWICHTEN;
        const w = normaliseerGewichten(g);
        const opties = { verordeningMaxUren: await verordeningMax(dienstId, gemeenteId) };
        const blok = maakKladblok(cache.n, k);
        for (const rij of lijst) {
          const kl = bereidKlantVoor(naarGegevens(rij, wensen.get(rij.id) ?? ''), cache, centroiden());
          const top = rangschik(kl, cache, w, k, opties, blok);
          if (top.idx.length === 0) {
            uitgesloten.push({
              klantId: rij.id,
              reden:
                toegestaan.size === 0
                  ? 'Geen van de gekozen activiteiten is bruikbaar in de gemeente van deze klant.'
                  : uitsluitReden(kl, cache),
            });
            continue;
          }
          top.idx.forEach((i, r) => {
            paren.push({
              klantId: rij.id,
              activiteitId: cache.ids[i]!,
              score: top.score[r]!,
              redenen: verklaar(kl, cache, i, g, opties).redenen.map(redenRegel),
            });
          });
        }
      }
      return { paren, uitgesloten };
    },

    // ---- Weights -------------------------------------------------------------------------------------------

    async gewichten(actor: Actor, gemeenteId: string): Promise<Gewichten> {
      policy.vereis(actor, 'gewichten-beheren');
      const dienstId = dienstVan(actor);
      if (actor.kind === 'gebruiker' && !actor.gemeenten.includes(gemeenteId))
        throw notFound('Gemeente niet gevonden.');
      return withContext(db, dbContext(actor), (tx) => gewichtenIn(tx, dienstId, gemeenteId));
    },

    async zetGewichten(actor: Actor, gemeenteId: string, invoer: unknown): Promise<Gewichten> {
      policy.vereis(actor, 'gewichten-beheren');
      const dienstId = dienstVan(actor);
      if (actor.kind === 'gebruiker' && !actor.gemeenten.includes(gemeenteId))
        throw notFound('Gemeente niet gevonden.');
      const g = GewichtenInput.parse(invoer);
      await withContext(db, dbContext(actor), async (tx) => {
        await repo.zetGewichten(
          tx,
          dienstId,
          gemeenteId,
          g,
          actor.kind === 'gebruiker' ? actor.gebruikerId : null,
        );
        await logboek.record(tx, {
          actor,
          actie: 'wijzigen',
          subject: { type: 'matching-gewichten', id: gemeenteId },
          verwerkingsactiviteit: VA.matching,
          gemeenteId,
        });
      });
      return g;
    },

    /**
     * How a change of weights reorders the suggestions for a pseudonymised sample of clients ("Klant A" …): for
     * each, the top 5 under the current and the proposed weights (activity titles only; no names, no reasons).
     * The sample is read under a system context (the functioneel beheerder has no access to client files) and
     * each sampled client is logged as read for `va-matching`.
     */
    async voorbeeld(
      actor: Actor,
      gemeenteId: string,
      voorstel: Gewichten,
      opties: { aantal?: number; top?: number } = {},
    ): Promise<
      Array<{
        label: string;
        huidig: Array<{ titel: string; score: number }>;
        nieuw: Array<{ titel: string; score: number; was: number | null }>;
      }>
    > {
      policy.vereis(actor, 'gewichten-beheren');
      const dienstId = dienstVan(actor);
      if (actor.kind === 'gebruiker' && !actor.gemeenten.includes(gemeenteId))
        throw notFound('Gemeente niet gevonden.');
      const aantal = opties.aantal ?? 5;
      const top = opties.top ?? 5;
      const huidig = await withContext(db, dbContext(actor), (tx) => gewichtenIn(tx, dienstId, gemeenteId));
      const leesActor = systeemActor('matching:voorbeeld', dienstId);
      const { rijen, versie, wensen } = await withContext(db, dbContext(leesActor), async (tx) => {
        const ids = await repo.steekproef(tx, dienstId, gemeenteId, aantal);
        const rijen = await repo.klanten(tx, dienstId, ids);
        rijen.sort((x, y) => ids.indexOf(x.id) - ids.indexOf(y.id));
        return {
          rijen,
          versie: await repo.versie(tx, dienstId),
          wensen: await wensenVan(leesActor, ids, tx),
        };
      });
      if (rijen.length > 0) await withContext(db, dbContext(actor), (tx) => logLezen(tx, actor, rijen));
      const cache = await activiteitCache(dienstId, gemeenteId, versie);
      const opt = { verordeningMaxUren: await verordeningMax(dienstId, gemeenteId) };
      return rijen.map((rij, n) => {
        const kl = bereidKlantVoor(naarGegevens(rij, wensen.get(rij.id) ?? ''), cache, centroiden());
        const oud = rangschik(kl, cache, normaliseerGewichten(huidig), top, opt);
        const nw = rangschik(kl, cache, normaliseerGewichten(voorstel), top, opt);
        const oudeIdx = [...oud.idx];
        return {
          label: `Klant ${String.fromCharCode(65 + n)}`,
          huidig: oudeIdx.map((i, r) => ({ titel: cache.gegevens[i]!.titel, score: oud.score[r]! })),
          nieuw: [...nw.idx].map((i, r) => {
            const p = oudeIdx.indexOf(i);
            return { titel: cache.gegevens[i]!.titel, score: nw.score[r]!, was: p < 0 ? null : p + 1 };
          }),
        };
      });
    },

    /** Resolves when every activity cache rebuild in progress has finished (tests). */
    async cacheKlaar(): Promise<void> {
      await Promise.allSettled([...caches.values()].map((c) => c.nieuw ?? c.cache));
    },

    /** Drops the cached activities (tests; the change counter does this in normal use). */
    leegCache(): void {
      caches.clear();
      maxUrenCache.clear();
    },
  };
  return service;
}
