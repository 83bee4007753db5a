import { sql } from 'kysely';
import { type Tx, withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { type Actor, dbContext } from '../auth/index.ts';
import type { Gemeente, GemeentenService } from '../gemeenten/index.ts';
import { type LogboekActie, record, VA } from '../logboek/index.ts';
import {
  type ActiviteitStatus,
  ANTWOORDEN,
  type Besluit,
  type Conclusie,
  type OrganisatieStatus,
  type OrganisatieType,
} from './keuzelijsten.ts';
import { renderPdf } from '../../lib/pdf.ts';
import { intervisieDocument } from './intervisieverslag.ts';
import { activiteitMaterieelGewijzigd, organisatieMaterieelGewijzigd } from './materieel.ts';
import { netwerkPolicy } from './netwerk.policy.ts';
import {
  type ActiviteitKolommen,
  type ActiviteitRij,
  type IntervisieRij,
  type OrganisatieKolommen,
  type OrganisatieRij,
  netwerkRepository as repo,
  type ToetsRij,
} from './netwerk.repository.ts';
import {
  type Activiteit,
  ActiviteitInput,
  type ActiviteitInvoer,
  type ActiviteitOverzicht,
  ActiviteitZoekvraag,
  type Intervisie,
  IntervisieBesluitInput,
  IntervisieZoekvraag,
  PlaatsingsTwijfelInput,
  NetwerkInvoerfout,
  type Organisatie,
  OrganisatieInput,
  type OrganisatieInvoer,
  type OrganisatieOverzicht,
  OrganisatieZoekvraag,
  type Pagina,
  PlaatsInput,
  parseInvoer,
  ToetsInput,
  type ToetsSamenvatting,
  type Verdringingstoets,
  veldfoutenVan,
} from './netwerk.schemas.ts';
import {
  bepaalAdvies,
  controleerAntwoorden,
  controleerConclusie,
  geldigTot,
  magGeplaatstWorden,
  type Plaatsingsoordeel,
  type ToetsAntwoord,
  toetsStatus,
  VRAAG_IDS,
  type VraagId,
} from './verdringing.ts';

export interface NetwerkDeps {
  db: Database;
  gemeenten: GemeentenService;
}

/** A short reference to an organisation, for look-ups elsewhere (a client's own network). */
export interface OrganisatieKeuze {
  id: string;
  naam: string;
  type: OrganisatieType;
  plaats: string | null;
  status: OrganisatieStatus;
}

/** The outcome of one row of an import (also of a dry run): what happened or would happen, and why not. */
export interface ImportUitkomst {
  /** The row number in the file (the caller's numbering). */
  rij: number;
  /** `ongewijzigd`: the row matches what is stored; nothing is written or logged. */
  actie: 'aanmaken' | 'bijwerken' | 'ongewijzigd' | 'weigeren';
  /** The organisation's name or the activity's title, as far as known. */
  naam: string;
  /** Dutch reasons for a refusal, one per field. */
  redenen: string[];
  /** The same reasons by field path (`postcode`, `contactpersonen.0.email`), for a report per column. */
  velden?: Record<string, string>;
  id?: string;
}

export interface ImportOpties {
  /** Report what would happen, change nothing. */
  proefrun?: boolean | undefined;
  /** Work as if the actor had only these municipalities (a job running for the uploader). */
  binnenGemeenten?: readonly string[] | undefined;
}

/** A row of an activity import: the host by its natural key, and the activity itself. */
export interface ActiviteitImportRij {
  rij: number;
  organisatie: { kvkNummer?: string | null; naam?: string | null; postcode?: string | null };
  /** `ActiviteitInput` without `organisatieId`; `gemeenteIds` defaults to the host's (within the actor's). */
  invoer: unknown;
}

const GEEN_ORGANISATIE = 'Deze organisatie bestaat niet of werkt niet in uw gemeenten.';
const GEEN_ACTIVITEIT = 'Deze activiteit bestaat niet of is niet in uw gemeenten.';
const GEEN_INTERVISIE = 'Dit intervisieverzoek bestaat niet of valt buiten uw gemeenten.';
const STANDAARD_PAGINA = 25;

/** Today in the Netherlands, YYYY-MM-DD. */
export const vandaagNl = (nu = new Date()): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(nu);

const isCode = (e: unknown, code: string, constraint?: string): boolean =>
  typeof e === 'object' &&
  e !== null &&
  (e as { code?: unknown }).code === code &&
  (constraint === undefined || (e as { constraint?: unknown }).constraint === constraint);

const naamVan = (actor: Actor): string =>
  actor.kind === 'gebruiker' ? actor.naam : `Systeem (${actor.reden.slice(0, 150)})`;
const idVan = (actor: Actor): string | null => (actor.kind === 'gebruiker' ? actor.gebruikerId : null);

const paginering = (pagina: number | undefined, grootte: number | undefined) => {
  const paginaGrootte = grootte ?? STANDAARD_PAGINA;
  const p = pagina ?? 1;
  return { pagina: p, paginaGrootte, offset: (p - 1) * paginaGrootte };
};
const pagina = <T>(items: T[], totaal: number, p: number, paginaGrootte: number): Pagina<T> => ({
  items,
  totaal,
  pagina: p,
  paginaGrootte,
  aantalPaginas: Math.max(1, Math.ceil(totaal / paginaGrootte)),
});

/** The well-formed answers of a checklist input (also from input that failed validation elsewhere). */
function geldigeAntwoorden(input: unknown): ToetsAntwoord[] {
  const lijst = Array.isArray(input) ? input : (input as { antwoorden?: unknown } | null)?.antwoorden;
  if (!Array.isArray(lijst)) return [];
  const vragen = new Set<string>(VRAAG_IDS);
  const antwoorden = new Set<string>(ANTWOORDEN);
  return lijst.flatMap((x) => {
    const a = x as { vraag?: unknown; antwoord?: unknown; toelichting?: unknown } | null;
    return typeof a?.vraag === 'string' &&
      vragen.has(a.vraag) &&
      typeof a.antwoord === 'string' &&
      antwoorden.has(a.antwoord)
      ? [
          {
            vraag: a.vraag as VraagId,
            antwoord: a.antwoord as ToetsAntwoord['antwoord'],
            toelichting: typeof a.toelichting === 'string' ? a.toelichting.trim() : '',
          },
        ]
      : [];
  });
}

/** Equality of plain JSON values. */
const gelijk = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const aanbodSleutel = (l: ReadonlyArray<{ categorie: string; omschrijving: string }>) =>
  [...l].map((w) => `${w.categorie}\u0000${w.omschrijving}`).sort();

/** Would writing `nieuw` change the stored row? Compares only the columns `nieuw` has; arrays as sets. */
function zelfde(nieuw: object, oud: object): boolean {
  const o = oud as Record<string, unknown>;
  return Object.entries(nieuw).every(([k, v]) => {
    const w = o[k];
    if (Array.isArray(v) && Array.isArray(w)) return gelijk([...v].sort(), [...w].sort());
    return (v ?? null) === (w ?? null);
  });
}

/** Writes the access log entry of a change in the network, in the change's transaction. */
async function logWijziging(
  tx: Tx,
  actor: Actor,
  dienstId: string,
  actie: LogboekActie,
  subject: { type: string; id: string },
): Promise<void> {
  await record(tx, { actor, dienstId, actie, subject, verwerkingsactiviteit: VA.netwerk, gemeenteId: null });
}

/**
 * The network: organisations (with contact persons and their standing reciprocity offer), activities with their
 * places, displacement assessments and intervision. Every function takes `(actor, …)`, checks `netwerkPolicy`
 * and runs in one transaction under the actor's row-level security context; every change writes an access log
 * entry (`va-netwerk`) in that transaction. What lies outside the actor's municipalities answers `niet-gevonden`.
 */
export function createNetwerkService(deps: NetwerkDeps) {
  const { db, gemeenten } = deps;

  const dienstVan = (actor: Actor): string => {
    if (actor.kind === 'gebruiker') return actor.dienstId;
    if (actor.dienstId) return actor.dienstId;
    throw new AppError('intern', { message: `system context without dienstId: ${actor.reden}` });
  };

  /** The municipalities the actor works for (a user: the assigned ones; the system: all of the service). */
  const eigenGemeenten = async (actor: Actor): Promise<Gemeente[]> => {
    const zichtbaar = await gemeenten.findGemeenten(actor);
    return actor.kind === 'systeem' ? zichtbaar : zichtbaar.filter((g) => actor.gemeenten.includes(g.id));
  };

  /**
   * The municipalities a change leaves on a row: the chosen ones (each must be the actor's own) plus those of the
   * old row that the actor cannot see or change. At least one must be the actor's own, or they would lose it.
   */
  const bepaalGemeenten = (
    gekozen: readonly string[],
    eigen: readonly Gemeente[],
    oud: readonly string[] = [],
  ): string[] => {
    const eigenIds = new Set(eigen.map((g) => g.id));
    if (!gekozen.every((id) => eigenIds.has(id)))
      throw new NetwerkInvoerfout({ gemeenteIds: 'Kies alleen gemeenten waarvoor u werkt.' });
    return [...new Set([...gekozen, ...oud.filter((id) => !eigenIds.has(id))])];
  };

  type Wijken = Map<string, ReadonlyArray<{ id: string; postcodes: readonly string[] }>>;

  /**
   * The wijken of the actor's own municipalities, read before a transaction opens (inside one, the look-up would
   * ask for a second connection). Nothing to read without a postcode.
   */
  const wijkenVan = async (
    actor: Actor,
    eigen: readonly Gemeente[],
    postcode: string | null,
  ): Promise<Wijken> => {
    const wijken: Wijken = new Map();
    if (postcode) for (const g of eigen) wijken.set(g.id, await gemeenten.listWijken(actor, g.id));
    return wijken;
  };

  /** The wijk of a postcode in the row's municipalities that the actor can see (their wijken from `wijkenVan`). */
  const wijkUit = (wijken: Wijken, gemeenteIds: readonly string[], postcode: string | null) => {
    if (!postcode) return null;
    const pc4 = postcode.slice(0, 4);
    for (const gemeenteId of gemeenteIds) {
      const w = wijken.get(gemeenteId)?.find((x) => x.postcodes.includes(pc4));
      if (w) return w.id;
    }
    return null;
  };

  const wijkVoor = async (actor: Actor, gemeenteIds: readonly string[], postcode: string | null) =>
    wijkUit(await wijkenVan(actor, await eigenGemeenten(actor), postcode), gemeenteIds, postcode);

  const gemeenteNamen = async (actor: Actor): Promise<Map<string, string>> =>
    new Map((await gemeenten.findGemeenten(actor)).map((g) => [g.id, g.naam]));

  // ---- Mapping ----------------------------------------------------------------------------------------------

  const organisatieOverzicht = (r: OrganisatieRij): OrganisatieOverzicht => ({
    id: r.id,
    naam: r.naam,
    type: r.type as OrganisatieType,
    kvkNummer: r.kvkNummer,
    plaats: r.plaats,
    wijk: r.wijkId ? { id: r.wijkId, naam: r.wijkNaam ?? '' } : null,
    status: r.status as OrganisatieStatus,
    gemeenteIds: r.gemeenten,
    aantalActiviteiten: r.aantalActiviteiten,
  });

  const leesOrganisatie = async (
    tx: Tx,
    dienstId: string,
    id: string,
    namen: Map<string, string>,
  ): Promise<Organisatie> => {
    const r = await repo.findOrganisatie(tx, dienstId, id);
    if (!r) throw notFound(GEEN_ORGANISATIE);
    const [contactpersonen, wederkerigheid] = await Promise.all([
      repo.listContactpersonen(tx, dienstId, id),
      repo.listWederkerigheid(tx, dienstId, id),
    ]);
    return {
      ...organisatieOverzicht(r),
      straat: r.straat,
      huisnummer: r.huisnummer,
      postcode: r.postcode,
      website: r.website,
      notities: r.notities,
      gemeenten: r.gemeenten.flatMap((g) => (namen.has(g) ? [{ id: g, naam: namen.get(g) ?? '' }] : [])),
      contactpersonen,
      wederkerigheid: wederkerigheid as Organisatie['wederkerigheid'],
      materieleVersie: r.materieleVersie,
      aangemaaktOp: r.aangemaaktOp.toISOString(),
      gewijzigdOp: r.gewijzigdOp.toISOString(),
    };
  };

  const plaatsingsActiviteit = (r: ActiviteitRij) => ({
    status: r.status as ActiviteitStatus,
    einddatum: r.einddatum,
    materieleVersie: r.materieleVersie,
    organisatieVersie: r.organisatieId ? r.organisatieVersie : null,
    organisatieStatus: null as OrganisatieStatus | null,
  });
  const toetsVan = (r: ActiviteitRij) =>
    r.toetsId && r.toetsConclusie && r.toetsGeldigTot && r.toetsActiviteitVersie !== null
      ? {
          conclusie: r.toetsConclusie as Conclusie,
          geldigTot: r.toetsGeldigTot,
          vervallenOp: r.toetsVervallenOp,
          activiteitVersie: r.toetsActiviteitVersie,
          organisatieVersie: r.toetsOrganisatieVersie,
        }
      : null;
  const intervisieVan = (r: ActiviteitRij) =>
    r.toetsConclusie === 'twijfel'
      ? { besluit: r.intervisieBesluit as Besluit | null, voorwaarden: r.intervisieVoorwaarden }
      : null;

  const samenvatting = (r: ActiviteitRij, organisatieStatus: OrganisatieStatus | null, peildatum: string) => {
    const a = { ...plaatsingsActiviteit(r), organisatieStatus };
    const t = toetsVan(r);
    const i = intervisieVan(r);
    const oordeel = magGeplaatstWorden(a, t, i, peildatum);
    const s: ToetsSamenvatting = {
      status: toetsStatus(a, t, i, peildatum),
      verdringingstoetsId: r.toetsId,
      conclusie: (r.toetsConclusie as Conclusie | null) ?? null,
      geldigTot: r.toetsGeldigTot,
      magGeplaatstWorden: oordeel.mag,
      redenen: oordeel.redenen,
      voorwaarden: oordeel.voorwaarden,
    };
    return { s, oordeel };
  };

  const activiteitOverzicht = (
    r: ActiviteitRij,
    organisatieStatus: OrganisatieStatus | null,
    peildatum: string,
  ): ActiviteitOverzicht => ({
    id: r.id,
    titel: r.titel,
    organisatie:
      r.organisatieId && r.organisatieNaam
        ? { id: r.organisatieId, naam: r.organisatieNaam, type: r.organisatieType as OrganisatieType }
        : null,
    categorie: r.categorie as ActiviteitOverzicht['categorie'],
    wijk: r.wijkId ? { id: r.wijkId, naam: r.wijkNaam ?? '' } : null,
    urenMin: Number(r.urenMin),
    urenMax: Number(r.urenMax),
    plaatsen: r.plaatsen,
    plaatsenBezet: r.plaatsenBezet,
    plaatsenVrij: Math.max(0, r.plaatsen - r.plaatsenBezet),
    status: r.status as ActiviteitStatus,
    isMaatwerk: r.isMaatwerk,
    gemeenteIds: r.gemeenten,
    toets: samenvatting(r, organisatieStatus, peildatum).s,
  });

  /** Organisation statuses for a set of activity rows (one query per distinct host, usually a handful). */
  const organisatieStatussen = async (tx: Tx, dienstId: string, rijen: ActiviteitRij[]) => {
    const ids = [...new Set(rijen.flatMap((r) => (r.organisatieId ? [r.organisatieId] : [])))];
    const statussen = new Map<string, OrganisatieStatus>();
    for (const id of ids) {
      const o = await repo.findOrganisatie(tx, dienstId, id);
      if (o) statussen.set(id, o.status as OrganisatieStatus);
    }
    return (r: ActiviteitRij): OrganisatieStatus | null =>
      r.organisatieId ? (statussen.get(r.organisatieId) ?? null) : null;
  };

  const leesActiviteit = async (
    tx: Tx,
    dienstId: string,
    id: string,
    namen: Map<string, string>,
    peildatum: string,
  ): Promise<Activiteit> => {
    const r = await repo.findActiviteit(tx, dienstId, id);
    if (!r) throw notFound(GEEN_ACTIVITEIT);
    const status = await organisatieStatussen(tx, dienstId, [r]);
    return {
      ...activiteitOverzicht(r, status(r), peildatum),
      omschrijving: r.omschrijving,
      taken: r.taken,
      vaardigheden: r.vaardigheden,
      fysiekeBelasting: r.fysiekeBelasting as Activiteit['fysiekeBelasting'],
      belastingToelichting: r.belastingToelichting,
      taalniveauMin: r.taalniveauMin as Activiteit['taalniveauMin'],
      dagdelen: r.dagdelen as Activiteit['dagdelen'],
      locatie: r.locatie,
      postcode: r.postcode,
      gemeenten: r.gemeenten.flatMap((g) => (namen.has(g) ? [{ id: g, naam: namen.get(g) ?? '' }] : [])),
      mentor: r.mentor,
      startdatum: r.startdatum,
      einddatum: r.einddatum,
      materieleVersie: r.materieleVersie,
      aangemaaktOp: r.aangemaaktOp.toISOString(),
      gewijzigdOp: r.gewijzigdOp.toISOString(),
    };
  };

  const toetsUit = (t: ToetsRij): Verdringingstoets => ({
    id: t.id,
    activiteitId: t.activiteitId,
    antwoorden: t.antwoorden as Verdringingstoets['antwoorden'],
    advies: t.advies as Conclusie,
    conclusie: t.conclusie as Conclusie,
    motivering: t.motivering,
    beoordeeldDoor: t.beoordeeldDoorNaam,
    beoordeeldOp: t.beoordeeldOp.toISOString(),
    geldigTot: t.geldigTot,
    vervallenOp: t.vervallenOp?.toISOString() ?? null,
    vervallenReden: t.vervallenReden,
    intervisieId: t.intervisieId,
  });

  const intervisieUit = (i: IntervisieRij): Intervisie => ({
    id: i.id,
    onderwerp: i.tegenprestatieId ? 'plaatsing' : 'activiteit',
    verdringingstoetsId: i.verdringingstoetsId,
    plaatsing:
      i.tegenprestatieId && i.gemeenteId
        ? { tegenprestatieId: i.tegenprestatieId, gemeenteId: i.gemeenteId }
        : null,
    activiteit: { id: i.activiteitId, naam: i.activiteitTitel, organisatie: i.organisatieNaam },
    aangevraagdOp: i.aangevraagdOp.toISOString(),
    aangevraagdDoor: i.aangevraagdDoor,
    vraag: i.vraag,
    status: i.besluit === null ? 'open' : 'besloten',
    deelnemers: i.deelnemers,
    besluit: i.besluit as Besluit | null,
    voorwaarden: i.voorwaarden,
    motivering: i.motivering,
    beslotenDoor: i.beslotenDoorNaam,
    beslotenOp: i.beslotenOp?.toISOString() ?? null,
  });

  // ---- Organisations ----------------------------------------------------------------------------------------

  const organisatieKolommen = (
    v: OrganisatieInvoer,
    gemeenteIds: string[],
    wijkId: string | null,
    status: OrganisatieStatus,
  ): OrganisatieKolommen => ({
    naam: v.naam,
    type: v.type,
    kvkNummer: v.kvkNummer,
    straat: v.straat,
    huisnummer: v.huisnummer,
    postcode: v.postcode,
    plaats: v.plaats,
    wijkId,
    gemeenten: gemeenteIds,
    website: v.website,
    status,
    notities: v.notities,
  });

  const vertaalOrganisatieFout = (e: unknown): never => {
    if (isCode(e, '23505', 'organisatie_kvk'))
      throw new NetwerkInvoerfout({ kvkNummer: 'Er is al een organisatie met dit KvK-nummer.' }, 'conflict');
    throw e;
  };

  async function maakOrganisatie(
    actor: Actor,
    input: unknown,
    status?: OrganisatieStatus,
  ): Promise<Organisatie> {
    const v = parseInvoer(OrganisatieInput, input);
    const dienstId = dienstVan(actor);
    const eigen = await eigenGemeenten(actor);
    const gemeenteIds = bepaalGemeenten(v.gemeenteIds, eigen);
    const wijkId = await wijkVoor(actor, gemeenteIds, v.postcode);
    const namen = await gemeenteNamen(actor);
    try {
      return await withContext(db, dbContext(actor), async (tx) => {
        const id = await repo.insertOrganisatie(
          tx,
          dienstId,
          organisatieKolommen(v, gemeenteIds, wijkId, status ?? v.status),
        );
        await repo.bewaarContactpersonen(tx, dienstId, id, v.contactpersonen);
        await repo.bewaarWederkerigheid(tx, dienstId, id, v.wederkerigheid);
        await logWijziging(tx, actor, dienstId, 'aanmaken', { type: 'organisatie', id });
        return leesOrganisatie(tx, dienstId, id, namen);
      });
    } catch (e) {
      return vertaalOrganisatieFout(e);
    }
  }

  // ---- Activities -------------------------------------------------------------------------------------------

  const activiteitKolommen = (
    v: ActiviteitInvoer,
    gemeenteIds: string[],
    wijkId: string | null,
  ): ActiviteitKolommen => ({
    organisatieId: v.organisatieId,
    titel: v.titel,
    omschrijving: v.omschrijving,
    taken: v.taken,
    categorie: v.categorie,
    vaardigheden: [...new Set(v.vaardigheden)],
    fysiekeBelasting: v.fysiekeBelasting,
    belastingToelichting: v.belastingToelichting,
    taalniveauMin: v.taalniveauMin,
    urenMin: v.urenMin,
    urenMax: v.urenMax,
    dagdelen: [...new Set(v.dagdelen)],
    locatie: v.locatie,
    postcode: v.postcode,
    wijkId,
    gemeenten: gemeenteIds,
    plaatsen: v.plaatsen,
    mentor: v.mentor,
    startdatum: v.startdatum,
    einddatum: v.einddatum,
    status: v.status,
    isMaatwerk: v.isMaatwerk,
  });

  /** The activity's municipalities must be served by its host. */
  const controleerHost = async (
    tx: Tx,
    dienstId: string,
    v: ActiviteitInvoer,
    gemeenteIds: string[],
    bekend?: { naam: string; gemeenten: string[] },
  ) => {
    if (!v.organisatieId) return;
    const o = bekend ?? (await repo.findOrganisatie(tx, dienstId, v.organisatieId));
    if (!o) throw new NetwerkInvoerfout({ organisatieId: 'Kies een organisatie uit de lijst.' });
    if (!gemeenteIds.every((g) => o.gemeenten.includes(g)))
      throw new NetwerkInvoerfout({
        gemeenteIds: `Kies alleen gemeenten waarin ${o.naam} werkt (pas anders eerst de organisatie aan).`,
      });
  };

  async function maakActiviteit(actor: Actor, input: unknown, forceer: { isMaatwerk?: boolean } = {}) {
    const v = parseInvoer(ActiviteitInput, { ...(input as object), ...forceer });
    const dienstId = dienstVan(actor);
    const eigen = await eigenGemeenten(actor);
    const gemeenteIds = bepaalGemeenten(v.gemeenteIds, eigen);
    const wijkId = await wijkVoor(actor, gemeenteIds, v.postcode);
    const namen = await gemeenteNamen(actor);
    const peildatum = vandaagNl();
    return withContext(db, dbContext(actor), async (tx) => {
      await controleerHost(tx, dienstId, v, gemeenteIds);
      const id = await repo.insertActiviteit(tx, dienstId, activiteitKolommen(v, gemeenteIds, wijkId));
      await logWijziging(tx, actor, dienstId, 'aanmaken', { type: 'activiteit', id });
      return leesActiviteit(tx, dienstId, id, namen, peildatum);
    });
  }

  /** Field messages as reasons: "postcode: Vul een postcode in zoals 5611 AB." */
  const redenenVan = (velden: Record<string, string>): string[] =>
    Object.entries(velden).map(([veld, melding]) => (veld === 'formulier' ? melding : `${veld}: ${melding}`));

  /** A postcode's wijk in one of these municipalities, from a prepared index (imports look it up per row). */
  const wijkIndex = async (actor: Actor, eigen: readonly Gemeente[]) => {
    const index = new Map<string, Map<string, string>>();
    for (const g of eigen) {
      const m = new Map<string, string>();
      for (const w of await gemeenten.listWijken(actor, g.id)) for (const pc of w.postcodes) m.set(pc, w.id);
      index.set(g.id, m);
    }
    return (gemeenteIds: readonly string[], postcode: string | null): string | null => {
      if (!postcode) return null;
      for (const g of gemeenteIds) {
        const w = index.get(g)?.get(postcode.slice(0, 4));
        if (w) return w;
      }
      return null;
    };
  };

  /**
   * Runs the rows of an import in one transaction, each under a savepoint (a refused row leaves the others
   * intact). A dry run does the same work and then rolls everything back, so its report is exactly what the real
   * run would do.
   */
  async function importeer<R>(
    actor: Actor,
    rijen: readonly R[],
    opts: { proefrun?: boolean | undefined },
    verwerk: (tx: Tx, rij: R) => Promise<ImportUitkomst>,
  ): Promise<ImportUitkomst[]> {
    const uitkomsten: ImportUitkomst[] = [];
    const proef = new AppError('intern', { message: 'dry run: roll back' });
    try {
      await withContext(db, dbContext(actor), async (tx) => {
        for (const rij of rijen) {
          await sql`SAVEPOINT importrij`.execute(tx);
          try {
            const u = await verwerk(tx, rij);
            await sql`RELEASE SAVEPOINT importrij`.execute(tx);
            uitkomsten.push(u);
          } catch (e) {
            await sql`ROLLBACK TO SAVEPOINT importrij`.execute(tx);
            if (e instanceof NetwerkInvoerfout) {
              const r = rij as { rij: number; invoer?: unknown };
              const naam = (r.invoer as { naam?: unknown; titel?: unknown } | null) ?? {};
              uitkomsten.push({
                rij: r.rij,
                actie: 'weigeren',
                naam: String(naam.naam ?? naam.titel ?? '').slice(0, 200),
                redenen: redenenVan(e.velden),
                velden: e.velden,
              });
            } else throw e;
          }
        }
        if (opts.proefrun) throw proef;
      });
    } catch (e) {
      if (e !== proef) throw e;
    }
    return uitkomsten;
  }

  const importPolicy = (actor: Actor) => netwerkPolicy.vereis(actor, 'netwerk-importeren');
  /** A background job acts as the system, within the municipalities of the person who uploaded the file. */
  const binnen = (eigen: Gemeente[], opts: ImportOpties) =>
    opts.binnenGemeenten ? eigen.filter((g) => opts.binnenGemeenten?.includes(g.id)) : eigen;

  /**
   * Imports organisations: upsert by natural key (KvK number, else name + postcode). Contact persons keep their id
   * when the name matches; the reciprocity offer is replaced when the row has one. `proefrun`: report only.
   */
  async function importeerOrganisaties(
    actor: Actor,
    rijen: ReadonlyArray<{ rij: number; invoer: unknown }>,
    opts: ImportOpties = {},
  ): Promise<ImportUitkomst[]> {
    importPolicy(actor);
    const dienstId = dienstVan(actor);
    const eigen = binnen(await eigenGemeenten(actor), opts);
    const wijk = await wijkIndex(actor, eigen);
    return importeer(actor, rijen, opts, async (tx, { rij, invoer }) => {
      const v = parseInvoer(OrganisatieInput, invoer);
      const bestaand = await repo.findOrganisatieOpSleutel(tx, dienstId, v);
      if (!bestaand) {
        const gemeenteIds = bepaalGemeenten(v.gemeenteIds, eigen);
        let id: string;
        try {
          id = await repo.insertOrganisatie(
            tx,
            dienstId,
            organisatieKolommen(v, gemeenteIds, wijk(gemeenteIds, v.postcode), v.status),
          );
        } catch (e) {
          return vertaalOrganisatieFout(e);
        }
        await repo.bewaarContactpersonen(tx, dienstId, id, v.contactpersonen);
        await repo.bewaarWederkerigheid(tx, dienstId, id, v.wederkerigheid);
        await logWijziging(tx, actor, dienstId, 'aanmaken', { type: 'organisatie', id });
        return { rij, actie: 'aanmaken', naam: v.naam, redenen: [], id };
      }
      const id = bestaand.id;
      const oud = await repo.findOrganisatie(tx, dienstId, id);
      if (!oud) throw new NetwerkInvoerfout({ naam: 'Deze organisatie is niet zichtbaar.' });
      const gemeenteIds = bepaalGemeenten(v.gemeenteIds, eigen, oud.gemeenten);
      const kolommen = organisatieKolommen(
        v,
        gemeenteIds,
        wijk(gemeenteIds, v.postcode) ?? oud.wijkId,
        v.status,
      );
      const huidigeContacten = await repo.listContactpersonen(tx, dienstId, id);
      const huidigAanbod = await repo.listWederkerigheid(tx, dienstId, id);
      if (
        zelfde(kolommen, { ...oud, gemeenten: oud.gemeenten }) &&
        (v.contactpersonen.length === 0 ||
          gelijk(
            v.contactpersonen.map((c) => [c.naam, c.functie, c.email, c.telefoon]),
            huidigeContacten.map((c) => [c.naam, c.functie, c.email, c.telefoon]),
          )) &&
        (v.wederkerigheid.length === 0 ||
          gelijk(aanbodSleutel(v.wederkerigheid), aanbodSleutel(huidigAanbod)))
      )
        return { rij, actie: 'ongewijzigd', naam: v.naam, redenen: [], id };
      const materieel = organisatieMaterieelGewijzigd(oud, v);
      try {
        await repo.updateOrganisatie(tx, dienstId, id, kolommen, materieel);
      } catch (e) {
        return vertaalOrganisatieFout(e);
      }
      if (v.contactpersonen.length > 0) {
        const huidige = huidigeContacten;
        await repo.bewaarContactpersonen(
          tx,
          dienstId,
          id,
          v.contactpersonen.map((c) => ({
            ...c,
            id: huidige.find((h) => h.naam.toLowerCase() === c.naam.toLowerCase())?.id,
          })),
        );
      }
      if (v.wederkerigheid.length > 0) await repo.bewaarWederkerigheid(tx, dienstId, id, v.wederkerigheid);
      await logWijziging(tx, actor, dienstId, 'wijzigen', { type: 'organisatie', id });
      if (materieel) {
        const vervallen = await repo.markeerToetsenVervallen(
          tx,
          dienstId,
          await repo.activiteitIdsVanOrganisatie(tx, dienstId, id),
          'De organisatie is wezenlijk gewijzigd (soort organisatie of KvK-nummer).',
        );
        for (const t of vervallen)
          await logWijziging(tx, actor, dienstId, 'wijzigen', { type: 'verdringingstoets', id: t });
      }
      return { rij, actie: 'bijwerken', naam: v.naam, redenen: [], id };
    });
  }

  /**
   * Imports activities: the host by its natural key (it must exist and be visible), upsert by host + title.
   * `proefrun`: report only.
   */
  async function importeerActiviteiten(
    actor: Actor,
    rijen: readonly ActiviteitImportRij[],
    opts: ImportOpties = {},
  ): Promise<ImportUitkomst[]> {
    importPolicy(actor);
    const dienstId = dienstVan(actor);
    const eigen = binnen(await eigenGemeenten(actor), opts);
    const eigenIds = new Set(eigen.map((g) => g.id));
    const wijk = await wijkIndex(actor, eigen);
    // The hosts do not change during an activity import: look each up once.
    const hosts = new Map<string, OrganisatieRij>();
    return importeer(actor, rijen, opts, async (tx, { rij, organisatie, invoer }) => {
      const sleutel = {
        kvkNummer: organisatie.kvkNummer?.replace(/[\s.]/g, '') || null,
        naam: organisatie.naam?.trim() ?? '',
        postcode: organisatie.postcode
          ? `${organisatie.postcode.replace(/\s+/g, '').toUpperCase().slice(0, 4)} ${organisatie.postcode.replace(/\s+/g, '').toUpperCase().slice(4)}`
          : null,
      };
      if (!sleutel.kvkNummer && !sleutel.naam)
        throw new NetwerkInvoerfout({ organisatie: 'Vul het KvK-nummer of de naam van de organisatie in.' });
      const cacheSleutel = JSON.stringify(sleutel);
      let o = hosts.get(cacheSleutel);
      if (!o) {
        const host = await repo.findOrganisatieOpSleutel(tx, dienstId, sleutel);
        o = host ? await repo.findOrganisatie(tx, dienstId, host.id) : undefined;
        if (o) hosts.set(cacheSleutel, o);
      }
      if (!o)
        throw new NetwerkInvoerfout({
          organisatie:
            'Deze organisatie staat niet in het netwerk (of niet in uw gemeenten). Importeer eerst de organisaties.',
        });
      const ruw = (typeof invoer === 'object' && invoer !== null ? invoer : {}) as Record<string, unknown>;
      const v = parseInvoer(ActiviteitInput, {
        ...ruw,
        organisatieId: o.id,
        gemeenteIds:
          Array.isArray(ruw.gemeenteIds) && ruw.gemeenteIds.length > 0
            ? ruw.gemeenteIds
            : o.gemeenten.filter((g) => eigenIds.has(g)),
      });
      const bestaand = await repo.findActiviteitOpTitel(tx, dienstId, o.id, v.titel);
      const oud = bestaand ? await repo.findActiviteit(tx, dienstId, bestaand.id) : undefined;
      const gemeenteIds = bepaalGemeenten(v.gemeenteIds, eigen, oud?.gemeenten ?? []);
      await controleerHost(tx, dienstId, v, gemeenteIds, o);
      if (!oud) {
        const id = await repo.insertActiviteit(
          tx,
          dienstId,
          activiteitKolommen(v, gemeenteIds, wijk(gemeenteIds, v.postcode)),
        );
        await logWijziging(tx, actor, dienstId, 'aanmaken', { type: 'activiteit', id });
        return { rij, actie: 'aanmaken', naam: v.titel, redenen: [], id };
      }
      if (v.plaatsen < oud.plaatsenBezet)
        throw new NetwerkInvoerfout({ plaatsen: `Er zijn al ${oud.plaatsenBezet} plaatsen bezet.` });
      const kolommen = {
        ...activiteitKolommen(v, gemeenteIds, wijk(gemeenteIds, v.postcode) ?? oud.wijkId),
        isMaatwerk: oud.isMaatwerk,
      };
      if (zelfde(kolommen, { ...oud, urenMin: Number(oud.urenMin), urenMax: Number(oud.urenMax) }))
        return { rij, actie: 'ongewijzigd', naam: v.titel, redenen: [], id: oud.id };
      const materieel = activiteitMaterieelGewijzigd(
        { ...oud, urenMin: Number(oud.urenMin), urenMax: Number(oud.urenMax) },
        v,
      );
      await repo.updateActiviteit(tx, dienstId, oud.id, kolommen, materieel);
      await logWijziging(tx, actor, dienstId, 'wijzigen', { type: 'activiteit', id: oud.id });
      if (materieel)
        for (const t of await repo.markeerToetsenVervallen(
          tx,
          dienstId,
          [oud.id],
          'De activiteit is wezenlijk gewijzigd (import).',
        ))
          await logWijziging(tx, actor, dienstId, 'wijzigen', { type: 'verdringingstoets', id: t });
      return { rij, actie: 'bijwerken', naam: v.titel, redenen: [], id: oud.id };
    });
  }

  /** Records one assessment inside an open transaction (see `createVerdringingstoets`). */
  async function legToetsVast(
    tx: Tx,
    actor: Actor,
    dienstId: string,
    activiteitId: string,
    input: unknown,
  ): Promise<{ toets: Verdringingstoets; intervisieId: string | null }> {
    const r = ToetsInput.safeParse(input);
    const a = await repo.findActiviteit(tx, dienstId, activiteitId);
    if (!a) throw notFound(GEEN_ACTIVITEIT);
    // All messages at once: the schema's and the checklist's (over the answers that are well-formed).
    const fouten: Record<string, string> = r.success ? {} : veldfoutenVan(r.error);
    const antwoorden = geldigeAntwoorden(r.success ? r.data.antwoorden : input);
    for (const [vraag, melding] of Object.entries(
      controleerAntwoorden(antwoorden, (a.organisatieType as OrganisatieType | null) ?? null),
    ))
      if (melding) fouten[`antwoorden.${vraag}`] ??= melding;
    const { advies } = bepaalAdvies(antwoorden);
    if (r.success && Object.keys(fouten).length === 0) {
      const conclusieFout = controleerConclusie(advies, r.data.conclusie);
      if (conclusieFout) fouten.conclusie = conclusieFout;
    }
    if (!r.success || Object.keys(fouten).length > 0) throw new NetwerkInvoerfout(fouten);
    const v = r.data;

    await repo.markeerToetsenVervallen(tx, dienstId, [activiteitId], 'Vervangen door een nieuwere toets.');
    const { id } = await repo.insertToets(tx, dienstId, {
      activiteitId,
      antwoorden,
      advies,
      conclusie: v.conclusie,
      motivering: v.motivering,
      beoordeeldDoor: idVan(actor),
      beoordeeldDoorNaam: naamVan(actor),
      geldigTot: geldigTot(vandaagNl()),
      activiteitVersie: a.materieleVersie,
      organisatieVersie: a.organisatieId ? a.organisatieVersie : null,
    });
    await logWijziging(tx, actor, dienstId, 'aanmaken', { type: 'verdringingstoets', id });
    let intervisieId: string | null = null;
    if (v.conclusie === 'twijfel') {
      intervisieId = await repo.insertIntervisie(tx, dienstId, { verdringingstoetsId: id, activiteitId });
      await logWijziging(tx, actor, dienstId, 'aanmaken', { type: 'intervisie', id: intervisieId });
    }
    const toets = (await repo.listToetsen(tx, dienstId, activiteitId)).find((t) => t.id === id);
    if (!toets) throw new AppError('intern', { message: 'assessment not readable after insert' });
    return { toets: toetsUit(toets), intervisieId };
  }

  type PlaatsOpties = { tx?: Tx };

  const service = {
    /** Organisations serving the actor's municipalities, with Dutch full-text search, filters and paging. */
    async findOrganisaties(
      actor: Actor,
      vraag: OrganisatieZoekvraag = {},
    ): Promise<Pagina<OrganisatieOverzicht>> {
      netwerkPolicy.vereis(actor, 'netwerk-bekijken');
      const f = parseInvoer(OrganisatieZoekvraag, vraag);
      const p = paginering(f.pagina, f.paginaGrootte);
      const { rijen, totaal } = await withContext(db, dbContext(actor), (tx) =>
        repo.listOrganisaties(tx, dienstVan(actor), f, p.paginaGrootte, p.offset),
      );
      return pagina(rijen.map(organisatieOverzicht), totaal, p.pagina, p.paginaGrootte);
    },

    /** One organisation with contact persons and reciprocity offer, or `niet-gevonden`. */
    async findOrganisatie(actor: Actor, id: string): Promise<Organisatie> {
      netwerkPolicy.vereis(actor, 'netwerk-bekijken');
      const namen = await gemeenteNamen(actor);
      return withContext(db, dbContext(actor), (tx) => leesOrganisatie(tx, dienstVan(actor), id, namen));
    },

    /**
     * Names for a read that runs in the caller's transaction (the AVG art. 15 export, as the system): organisation
     * names and activity titles with their host, by id. Ids the context cannot see are left out. Not logged: names
     * of organisations and activities are no personal data of a client; the caller logs its own read.
     */
    async namenInTransactie(
      actor: Actor,
      ids: { organisaties?: readonly string[]; activiteiten?: readonly string[] },
      opties: { tx: Tx },
    ): Promise<{
      organisaties: Map<string, string>;
      activiteiten: Map<string, { titel: string; organisatie: string | null }>;
    }> {
      netwerkPolicy.vereis(actor, 'netwerk-bekijken');
      const dienstId = dienstVan(actor);
      return {
        organisaties: await repo.organisatieNamen(opties.tx, dienstId, [...new Set(ids.organisaties ?? [])]),
        activiteiten: await repo.activiteitNamen(opties.tx, dienstId, [...new Set(ids.activiteiten ?? [])]),
      };
    },

    /**
     * Finds organisations by name (Dutch full-text, prefix per word), best match first: the organisation side of
     * linking a client's own-network entry to an organisation. Readable for klantmanager, teamleider and
     * netwerkmakelaar; at most `limit` (default 10).
     */
    async zoekOrganisaties(
      actor: Actor,
      zoek: string,
      opts: { limit?: number } = {},
    ): Promise<OrganisatieKeuze[]> {
      netwerkPolicy.vereis(actor, 'netwerk-bekijken');
      const limit = Math.min(Math.max(opts.limit ?? 10, 1), 50);
      const rijen = await withContext(db, dbContext(actor), (tx) =>
        repo.zoekOrganisaties(tx, dienstVan(actor), zoek.slice(0, 200), limit),
      );
      return rijen.map((r) => ({
        ...r,
        type: r.type as OrganisatieType,
        status: r.status as OrganisatieStatus,
      }));
    },

    /**
     * The organisation with this natural key, if the actor can see it: the KvK number when given, else name
     * (case-insensitive) and postcode. The key of the CSV import and the demo loader.
     */
    async findOrganisatieOpSleutel(
      actor: Actor,
      sleutel: { kvkNummer?: string | null; naam: string; postcode?: string | null },
    ): Promise<string | undefined> {
      netwerkPolicy.vereis(actor, 'netwerk-bekijken');
      const r = await withContext(db, dbContext(actor), (tx) =>
        repo.findOrganisatieOpSleutel(tx, dienstVan(actor), {
          kvkNummer: sleutel.kvkNummer ?? null,
          naam: sleutel.naam,
          postcode: sleutel.postcode ?? null,
        }),
      );
      return r?.id;
    },

    /** The organisations a new activity can belong to (not ended), for the activity form. */
    async organisatieKeuzes(actor: Actor): Promise<Array<{ id: string; naam: string; gemeenten: string[] }>> {
      netwerkPolicy.vereis(actor, 'netwerk-bekijken');
      return withContext(db, dbContext(actor), (tx) => repo.organisatieKeuzes(tx, dienstVan(actor)));
    },

    /** The municipalities the actor may choose in the forms, and their wijken (for the filters). */
    async keuzes(actor: Actor): Promise<{
      gemeenten: Gemeente[];
      wijken: Array<{ id: string; naam: string; gemeenteId: string }>;
    }> {
      netwerkPolicy.vereis(actor, 'netwerk-bekijken');
      const eigen = await eigenGemeenten(actor);
      const wijken = [];
      for (const g of eigen)
        for (const w of await gemeenten.listWijken(actor, g.id))
          wijken.push({
            id: w.id,
            naam: eigen.length > 1 ? `${w.naam} (${g.naam})` : w.naam,
            gemeenteId: g.id,
          });
      return { gemeenten: eigen, wijken };
    },

    /** Creates an organisation (netwerkmakelaar). The wijk follows from the postcode. */
    async createOrganisatie(actor: Actor, input: OrganisatieInput): Promise<Organisatie> {
      netwerkPolicy.vereis(actor, 'organisaties-beheren');
      return maakOrganisatie(actor, input);
    },

    /** A klantmanager proposes an organisation: it gets status `voorgesteld` until the netwerkmakelaar sets it. */
    async stelOrganisatieVoor(actor: Actor, input: OrganisatieInput): Promise<Organisatie> {
      netwerkPolicy.vereis(actor, 'organisatie-voorstellen');
      return maakOrganisatie(actor, input, 'voorgesteld');
    },

    /**
     * Changes an organisation. Contact persons keep their id when the input carries it; the reciprocity offer is
     * replaced whole. A material change (type, KvK number) lapses the assessments of all its activities.
     */
    async updateOrganisatie(actor: Actor, id: string, input: OrganisatieInput): Promise<Organisatie> {
      netwerkPolicy.vereis(actor, 'organisaties-beheren');
      const v = parseInvoer(OrganisatieInput, input);
      const dienstId = dienstVan(actor);
      const eigen = await eigenGemeenten(actor);
      const namen = await gemeenteNamen(actor);
      const wijken = await wijkenVan(actor, eigen, v.postcode);
      try {
        return await withContext(db, dbContext(actor), async (tx) => {
          if (!(await repo.lockOrganisatie(tx, dienstId, id))) throw notFound(GEEN_ORGANISATIE);
          const oud = await repo.findOrganisatie(tx, dienstId, id);
          if (!oud) throw notFound(GEEN_ORGANISATIE);
          const gemeenteIds = bepaalGemeenten(v.gemeenteIds, eigen, oud.gemeenten);
          const inGebruik = await repo.gemeentenVanActiviteiten(tx, dienstId, id);
          const weg = inGebruik.filter((g) => !gemeenteIds.includes(g));
          if (weg.length > 0)
            throw new NetwerkInvoerfout({
              gemeenteIds: `Activiteiten van deze organisatie werken nog in ${weg
                .map((g) => namen.get(g) ?? 'een andere gemeente')
                .join(', ')}. Pas eerst die activiteiten aan.`,
            });
          const wijkId =
            v.postcode === oud.postcode && oud.wijkId ? oud.wijkId : wijkUit(wijken, gemeenteIds, v.postcode);
          const materieel = organisatieMaterieelGewijzigd(oud, v);
          await repo.updateOrganisatie(
            tx,
            dienstId,
            id,
            organisatieKolommen(v, gemeenteIds, wijkId, v.status),
            materieel,
          );
          await repo.bewaarContactpersonen(tx, dienstId, id, v.contactpersonen);
          await repo.bewaarWederkerigheid(tx, dienstId, id, v.wederkerigheid);
          await logWijziging(tx, actor, dienstId, 'wijzigen', { type: 'organisatie', id });
          if (materieel) {
            const activiteiten = await repo.activiteitIdsVanOrganisatie(tx, dienstId, id);
            const vervallen = await repo.markeerToetsenVervallen(
              tx,
              dienstId,
              activiteiten,
              'De organisatie is wezenlijk gewijzigd (soort organisatie of KvK-nummer).',
            );
            for (const t of vervallen)
              await logWijziging(tx, actor, dienstId, 'wijzigen', { type: 'verdringingstoets', id: t });
          }
          return leesOrganisatie(tx, dienstId, id, namen);
        });
      } catch (e) {
        return vertaalOrganisatieFout(e);
      }
    },

    importeerOrganisaties,
    importeerActiviteiten,

    // ---- Activities ----

    /** Activities in the actor's municipalities: search, filters (also by assessment status on today), paging. */
    async findActiviteiten(
      actor: Actor,
      vraag: ActiviteitZoekvraag = {},
    ): Promise<Pagina<ActiviteitOverzicht>> {
      netwerkPolicy.vereis(actor, 'netwerk-bekijken');
      const f = parseInvoer(ActiviteitZoekvraag, vraag);
      const p = paginering(f.pagina, f.paginaGrootte);
      const peildatum = vandaagNl();
      const dienstId = dienstVan(actor);
      return withContext(db, dbContext(actor), async (tx) => {
        const { rijen, totaal } = await repo.listActiviteiten(
          tx,
          dienstId,
          f,
          peildatum,
          p.paginaGrootte,
          p.offset,
        );
        const status = await organisatieStatussen(tx, dienstId, rijen);
        return pagina(
          rijen.map((r) => activiteitOverzicht(r, status(r), peildatum)),
          totaal,
          p.pagina,
          p.paginaGrootte,
        );
      });
    },

    /** One activity with places and the state of its assessment on today, or `niet-gevonden`. */
    async findActiviteit(actor: Actor, id: string): Promise<Activiteit> {
      netwerkPolicy.vereis(actor, 'netwerk-bekijken');
      const namen = await gemeenteNamen(actor);
      return withContext(db, dbContext(actor), (tx) =>
        leesActiviteit(tx, dienstVan(actor), id, namen, vandaagNl()),
      );
    },

    /** Creates an activity at an organisation (netwerkmakelaar). Its municipalities must be served by the host. */
    async createActiviteit(actor: Actor, input: ActiviteitInput): Promise<Activiteit> {
      netwerkPolicy.vereis(actor, 'activiteiten-beheren');
      return maakActiviteit(actor, input);
    },

    /**
     * A one-off custom activity (a client's own proposal or the caseworker's idea), flagged `maatwerk`, with or
     * without a host. It goes through the same displacement assessment before it can be used.
     */
    async createMaatwerkActiviteit(actor: Actor, input: ActiviteitInput): Promise<Activiteit> {
      netwerkPolicy.vereis(actor, 'maatwerkactiviteit-aanmaken');
      return maakActiviteit(actor, input, { isMaatwerk: true });
    },

    /**
     * Changes an activity. A material change (host, description, tasks, category, more hours or places) lapses
     * its standing assessment. Places cannot drop below the places held.
     */
    async updateActiviteit(actor: Actor, id: string, input: ActiviteitInput): Promise<Activiteit> {
      netwerkPolicy.vereis(actor, 'activiteiten-beheren');
      const v = parseInvoer(ActiviteitInput, input);
      const dienstId = dienstVan(actor);
      const eigen = await eigenGemeenten(actor);
      const namen = await gemeenteNamen(actor);
      const wijken = await wijkenVan(actor, eigen, v.postcode);
      const peildatum = vandaagNl();
      return withContext(db, dbContext(actor), async (tx) => {
        const slot = await repo.lockActiviteit(tx, dienstId, id);
        const oud = slot ? await repo.findActiviteit(tx, dienstId, id) : undefined;
        if (!slot || !oud) throw notFound(GEEN_ACTIVITEIT);
        const gemeenteIds = bepaalGemeenten(v.gemeenteIds, eigen, oud.gemeenten);
        await controleerHost(tx, dienstId, v, gemeenteIds);
        if (v.plaatsen < slot.plaatsenBezet)
          throw new NetwerkInvoerfout({
            plaatsen: `Er zijn al ${slot.plaatsenBezet} plaatsen bezet. Het aantal plaatsen kan niet lager zijn.`,
          });
        const wijkId =
          v.postcode === oud.postcode && oud.wijkId ? oud.wijkId : wijkUit(wijken, gemeenteIds, v.postcode);
        const materieel = activiteitMaterieelGewijzigd(
          { ...oud, urenMin: Number(oud.urenMin), urenMax: Number(oud.urenMax) },
          v,
        );
        await repo.updateActiviteit(
          tx,
          dienstId,
          id,
          { ...activiteitKolommen(v, gemeenteIds, wijkId), isMaatwerk: oud.isMaatwerk },
          materieel,
        );
        await logWijziging(tx, actor, dienstId, 'wijzigen', { type: 'activiteit', id });
        if (materieel) {
          const vervallen = await repo.markeerToetsenVervallen(
            tx,
            dienstId,
            [id],
            'De activiteit is wezenlijk gewijzigd (organisatie, werk, categorie, meer uren of meer plaatsen).',
          );
          for (const t of vervallen)
            await logWijziging(tx, actor, dienstId, 'wijzigen', { type: 'verdringingstoets', id: t });
        }
        return leesActiviteit(tx, dienstId, id, namen, peildatum);
      });
    },

    // ---- Places ----

    /**
     * Holds one place of an activity for a holder (a design or tegenprestatie: `houderType` + `houderId`).
     * Idempotent for the same holder. The last place can never be taken twice: claims of one activity serialise
     * on its row lock, and the database's CHECK refuses more claims than places. Pass `opts.tx` to claim inside
     * the caller's own transaction (its context must be set). Checks capacity only: whether the activity may be
     * used at all is `beoordeelPlaatsing`.
     * @throws AppError('conflict') when no place is free; `niet-gevonden` outside the actor's municipalities.
     */
    async claimPlaats(
      actor: Actor,
      input: PlaatsInput,
      opts: PlaatsOpties = {},
    ): Promise<{ plaatsen: number; plaatsenBezet: number; alGeclaimd: boolean }> {
      netwerkPolicy.vereis(actor, 'plaatsen-beheren');
      const p = parseInvoer(PlaatsInput, input);
      const dienstId = dienstVan(actor);
      const werk = async (tx: Tx) => {
        const a = await repo.lockActiviteit(tx, dienstId, p.activiteitId);
        if (!a) throw notFound(GEEN_ACTIVITEIT);
        if (await repo.findPlaats(tx, dienstId, p)) return { ...a, alGeclaimd: true };
        if (a.plaatsenBezet >= a.plaatsen) throw geenPlaats();
        try {
          await repo.insertPlaats(tx, dienstId, p);
        } catch (e) {
          if (isCode(e, '23514', 'activiteit_plaatsen_vrij')) throw geenPlaats();
          throw e;
        }
        await logWijziging(tx, actor, dienstId, 'aanmaken', {
          type: 'activiteit-plaats',
          id: `${p.activiteitId}:${p.houderId}`,
        });
        return { plaatsen: a.plaatsen, plaatsenBezet: a.plaatsenBezet + 1, alGeclaimd: false };
      };
      const r = opts.tx ? await werk(opts.tx) : await withContext(db, dbContext(actor), werk);
      return { plaatsen: r.plaatsen, plaatsenBezet: r.plaatsenBezet, alGeclaimd: r.alGeclaimd };
    },

    /** Gives a held place back (idempotent: false when this holder held none). `opts.tx` as for `claimPlaats`. */
    async releasePlaats(actor: Actor, input: PlaatsInput, opts: PlaatsOpties = {}): Promise<boolean> {
      netwerkPolicy.vereis(actor, 'plaatsen-beheren');
      const p = parseInvoer(PlaatsInput, input);
      const dienstId = dienstVan(actor);
      const werk = async (tx: Tx) => {
        if (!(await repo.lockActiviteit(tx, dienstId, p.activiteitId))) throw notFound(GEEN_ACTIVITEIT);
        const weg = await repo.deletePlaats(tx, dienstId, p);
        if (weg)
          await logWijziging(tx, actor, dienstId, 'verwijderen', {
            type: 'activiteit-plaats',
            id: `${p.activiteitId}:${p.houderId}`,
          });
        return weg;
      };
      return opts.tx ? werk(opts.tx) : withContext(db, dbContext(actor), werk);
    },

    // ---- Displacement assessment ----

    /** The assessments of an activity, newest first. */
    async listVerdringingstoetsen(actor: Actor, activiteitId: string): Promise<Verdringingstoets[]> {
      netwerkPolicy.vereis(actor, 'netwerk-bekijken');
      const dienstId = dienstVan(actor);
      return withContext(db, dbContext(actor), async (tx) => {
        if (!(await repo.findActiviteit(tx, dienstId, activiteitId))) throw notFound(GEEN_ACTIVITEIT);
        return (await repo.listToetsen(tx, dienstId, activiteitId)).map(toetsUit);
      });
    },

    /**
     * Records a displacement assessment of an activity: every checklist question answered with evidence, the
     * conclusion (never milder than the checklist's advice) and its reasons. Valid for 12 months; it replaces the
     * activity's earlier assessments. `twijfel` opens an intervision request for the team lead in the same
     * transaction.
     */
    async createVerdringingstoets(
      actor: Actor,
      activiteitId: string,
      input: ToetsInput,
    ): Promise<{ toets: Verdringingstoets; intervisieId: string | null }> {
      netwerkPolicy.vereis(actor, 'verdringing-toetsen');
      const dienstId = dienstVan(actor);
      return withContext(db, dbContext(actor), (tx) =>
        legToetsVast(tx, actor, dienstId, activiteitId, input),
      );
    },

    /** Several assessments in one transaction (the demo loader); all or none. */
    async createVerdringingstoetsen(
      actor: Actor,
      toetsen: ReadonlyArray<{ activiteitId: string; invoer: ToetsInput }>,
    ): Promise<Array<{ toets: Verdringingstoets; intervisieId: string | null }>> {
      netwerkPolicy.vereis(actor, 'verdringing-toetsen');
      const dienstId = dienstVan(actor);
      return withContext(db, dbContext(actor), async (tx) => {
        const uit = [];
        for (const t of toetsen) uit.push(await legToetsVast(tx, actor, dienstId, t.activiteitId, t.invoer));
        return uit;
      });
    },

    /**
     * May this activity be used for a placement starting on `peildatum` (default today)? The rule of
     * `magGeplaatstWorden` over the activity's latest assessment and intervision, with reasons in Dutch.
     */
    async beoordeelPlaatsing(
      actor: Actor,
      activiteitId: string,
      peildatum = vandaagNl(),
    ): Promise<Plaatsingsoordeel> {
      netwerkPolicy.vereis(actor, 'netwerk-bekijken');
      const dienstId = dienstVan(actor);
      return withContext(db, dbContext(actor), async (tx) => {
        const r = await repo.findActiviteit(tx, dienstId, activiteitId);
        if (!r) throw notFound(GEEN_ACTIVITEIT);
        const status = await organisatieStatussen(tx, dienstId, [r]);
        return samenvatting(r, status(r), peildatum).oordeel;
      });
    },

    // ---- Intervision ----

    /** Intervision requests of the actor's municipalities: `open` (the queue, oldest first) or `besloten`. */
    async findIntervisies(actor: Actor, vraag: IntervisieZoekvraag = {}): Promise<Pagina<Intervisie>> {
      netwerkPolicy.vereis(actor, 'netwerk-bekijken');
      const f = parseInvoer(IntervisieZoekvraag, vraag);
      const p = paginering(f.pagina, f.paginaGrootte);
      const metPlaatsingen = netwerkPolicy.mag(actor, 'plaatsingstwijfel-bekijken');
      const { rijen, totaal } = await withContext(db, dbContext(actor), (tx) =>
        repo.listIntervisies(tx, dienstVan(actor), { ...f, metPlaatsingen }, p.paginaGrootte, p.offset),
      );
      return pagina(rijen.map(intervisieUit), totaal, p.pagina, p.paginaGrootte);
    },

    async findIntervisie(actor: Actor, id: string): Promise<Intervisie & { toetsVervallen: boolean }> {
      netwerkPolicy.vereis(actor, 'netwerk-bekijken');
      const r = await withContext(db, dbContext(actor), (tx) =>
        repo.findIntervisie(tx, dienstVan(actor), id),
      );
      // A placement's doubt is about a client: only the team lead sees it here (the caseworker at the placement).
      if (!r || (r.tegenprestatieId && !netwerkPolicy.mag(actor, 'plaatsingstwijfel-bekijken')))
        throw notFound(GEEN_INTERVISIE);
      return { ...intervisieUit(r), toetsVervallen: r.toetsVervallenOp !== null };
    },

    /**
     * The record of one intervision as PDF (issue 16; `intervisieDocument`): visible as `findIntervisie` shows it
     * (a placement's doubt only to the team lead). No client data. Logged as an export (`va-netwerk`).
     */
    async intervisieVerslagPdf(actor: Actor, id: string): Promise<Buffer> {
      const { toetsVervallen: _v, ...intervisie } = await service.findIntervisie(actor, id);
      await withContext(db, dbContext(actor), (tx) =>
        logWijziging(tx, actor, dienstVan(actor), 'exporteren', { type: 'intervisie', id }),
      );
      return renderPdf(intervisieDocument(intervisie));
    },

    /**
     * A caseworker's doubt about one placement, to intervision (the team lead decides, as for an activity's doubt).
     * Runs in the caller's transaction: the tegenprestaties module checks first that the placement is visible to
     * the actor and agreed or running (`meldTwijfel`), and passes its activity and municipality. At most one open
     * doubt per placement (`conflict`).
     */
    async meldPlaatsingsTwijfel(
      actor: Actor,
      input: { tegenprestatieId: string; gemeenteId: string; activiteitId: string } & PlaatsingsTwijfelInput,
      opts: { tx: Tx },
    ): Promise<Intervisie> {
      netwerkPolicy.vereis(actor, 'plaatsingstwijfel-melden');
      const v = parseInvoer(PlaatsingsTwijfelInput, { reden: input.reden });
      const { tx } = opts;
      const dienstId = dienstVan(actor);
      const open = (await repo.listPlaatsingsIntervisies(tx, dienstId, input.tegenprestatieId)).some(
        (i) => i.besluit === null,
      );
      if (open)
        throw new AppError('conflict', {
          userMessage:
            'Over deze plaatsing wacht al een twijfel op intervisie. Wacht het besluit van de teamleider af.',
        });
      const id = await repo.insertPlaatsingsIntervisie(tx, dienstId, {
        activiteitId: input.activiteitId,
        tegenprestatieId: input.tegenprestatieId,
        gemeenteId: input.gemeenteId,
        vraag: v.reden,
        aangevraagdDoor: idVan(actor),
        aangevraagdDoorNaam: naamVan(actor),
      });
      await logWijziging(tx, actor, dienstId, 'aanmaken', { type: 'intervisie', id });
      const r = await repo.findIntervisie(tx, dienstId, id);
      if (!r) throw notFound(GEEN_INTERVISIE);
      return intervisieUit(r);
    },

    /**
     * The doubts about one placement, newest first. For the tegenprestaties module, which checks first that the
     * placement is visible to the actor.
     */
    async plaatsingsTwijfels(
      actor: Actor,
      tegenprestatieId: string,
      opts: { tx?: Tx } = {},
    ): Promise<Intervisie[]> {
      netwerkPolicy.vereis(actor, 'netwerk-bekijken');
      const lees = (tx: Tx) => repo.listPlaatsingsIntervisies(tx, dienstVan(actor), tegenprestatieId);
      const rijen = opts.tx ? await lees(opts.tx) : await withContext(db, dbContext(actor), lees);
      return rijen.map(intervisieUit);
    },

    /**
     * The team lead's decision on an intervision request: participants, decision, conditions (required for
     * `toegestaan-onder-voorwaarden`) and reasons. Once only; not for an assessment that has lapsed.
     */
    async besluitIntervisie(actor: Actor, id: string, input: IntervisieBesluitInput): Promise<Intervisie> {
      netwerkPolicy.vereis(actor, 'intervisie-besluiten');
      const v = parseInvoer(IntervisieBesluitInput, input);
      const dienstId = dienstVan(actor);
      return withContext(db, dbContext(actor), async (tx) => {
        const oud = await repo.findIntervisie(tx, dienstId, id);
        if (!oud) throw notFound(GEEN_INTERVISIE);
        if (oud.besluit !== null)
          throw new AppError('conflict', { userMessage: 'Over dit intervisieverzoek is al besloten.' });
        if (oud.toetsVervallenOp !== null)
          throw new AppError('conflict', {
            userMessage:
              'De verdringingstoets van dit verzoek geldt niet meer. Er is een nieuwe toets nodig.',
          });
        const gelukt = await repo.besluitIntervisie(tx, dienstId, id, {
          deelnemers: [...new Set(v.deelnemers)],
          besluit: v.besluit,
          voorwaarden: v.besluit === 'toegestaan-onder-voorwaarden' ? v.voorwaarden : null,
          motivering: v.motivering,
          beslotenDoor: idVan(actor),
          beslotenDoorNaam: naamVan(actor),
        });
        if (!gelukt)
          throw new AppError('conflict', { userMessage: 'Over dit intervisieverzoek is al besloten.' });
        await logWijziging(tx, actor, dienstId, 'wijzigen', { type: 'intervisie', id });
        const r = await repo.findIntervisie(tx, dienstId, id);
        if (!r) throw notFound(GEEN_INTERVISIE);
        return intervisieUit(r);
      });
    },
  };
  return service;

  function geenPlaats(): AppError {
    return new AppError('conflict', { userMessage: 'Er is geen plaats meer vrij bij deze activiteit.' });
  }
}

export type NetwerkService = ReturnType<typeof createNetwerkService>;
