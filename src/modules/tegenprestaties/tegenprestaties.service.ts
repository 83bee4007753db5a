import { type Tx, withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import {
  type InzageOnderdeel,
  type InzageOpties,
  inzageDatum,
  inzageKenmerk,
  inzageTekst,
} from '../../lib/inzage.ts';
import { type Actor, dbContext } from '../auth/index.ts';
import {
  bepaalToepasselijkheid,
  type DAGDELEN,
  dagdeelNaam,
  type KlantDossier,
  type KlantenService,
  vandaag,
} from '../klanten/index.ts';
import { record, VA } from '../logboek/index.ts';
import {
  type Activiteit,
  keuzeWeigering,
  type NetwerkService,
  PlaatsingsTwijfelInput,
} from '../netwerk/index.ts';
import {
  type Checklist,
  type ChecklistInvoer,
  type LaterWerk,
  richtlijnChecklist,
  type Verklaring,
} from './checklist.ts';
import { herbeoordelingRedenen, TE_HERBEOORDELEN } from './herbeoordeling.ts';
import {
  ALTERNATIEF_NAMEN,
  AWB_4_11_NAMEN,
  type Awb411Grond,
  beoordeelAkkoord,
  beoordeelVoornemen,
  beoordeelZienswijze,
  type KlantReden,
  REDEN_CATEGORIE_NAMEN,
  type RedenCategorie,
  ZIENSWIJZE_VORM_NAMEN,
  type ZienswijzeVorm,
} from './oplegging.ts';
import {
  HISTORIE_NAMEN,
  type HistorischeStatus,
  isBewerkbaar,
  type Overgang,
  overgangenVanuit,
  plaatsActie,
  STATUS_NAMEN,
  type Status,
  toetsOvergang,
} from './statusmachine.ts';
import { tegenprestatiesPolicy } from './tegenprestaties.policy.ts';
import {
  type OpleggingRij,
  tegenprestatiesRepository as repo,
  type TegenprestatieKolommen,
  type TegenprestatieRij,
} from './tegenprestaties.repository.ts';
import {
  AdviesInput,
  AdviesVraagInput,
  type Herbeoordeling,
  type Oplegging,
  OpleggingBeoordelingInput,
  VoornemenInput,
  ZienswijzeInput,
  type Pagina,
  parseInvoer,
  StartVerkenningInput,
  type Statusovergang,
  StatusovergangInput,
  type Tegenprestatie,
  TegenprestatieInvoerfout,
  TegenprestatieZoekvraag,
  type UpdateTegenprestatie,
  UpdateTegenprestatieInput,
  VERVOLG_NAMEN,
  type Vervolg,
} from './tegenprestaties.schemas.ts';

/**
 * The latest conversation's four parts, as the gesprekken module gives them (`samenvattingVoorKlant`; true = the
 * part holds text).
 */
export interface GesprekSamenvatting {
  id: string;
  datum: string;
  onderdelen: {
    krachtEnBekwaamheid: boolean;
    wensen: boolean;
    eigenVoorstel: boolean;
    socialeOmgeving: boolean;
  };
}

export interface TegenprestatiesDeps {
  db: Database;
  klanten: Pick<KlantenService, 'findKlant' | 'klantNamen'>;
  netwerk: Pick<
    NetwerkService,
    | 'findActiviteit'
    | 'findOrganisatie'
    | 'beoordeelPlaatsing'
    | 'claimPlaats'
    | 'releasePlaats'
    | 'meldPlaatsingsTwijfel'
    | 'plaatsingsTwijfels'
    | 'namenInTransactie'
  >;
  /** The gesprekken module's summary of a client's latest conversation (absent: no conversations known). */
  gesprekken?: {
    samenvattingVoorKlant(
      actor: Actor,
      klantId: string,
      opties?: { tx?: Tx },
    ): Promise<GesprekSamenvatting | null>;
  };
  /**
   * Does the ordinance in force in this municipality on this date impose the tegenprestatie? Only then may a design
   * the client does not want be imposed (issue 15). Required — a guard the law needs fails closed: without it the
   * route cannot be built (src/app.ts wires the verordening module's answer; tests pass their own).
   */
  opleggenToegestaan: (gemeenteId: string, datum: string) => boolean | Promise<boolean>;
}

/** Everything the design page shows: the design, its client, activity, conversation and live checklist. */
export interface OntwerpBeeld {
  tegenprestatie: Tegenprestatie;
  overgangen: Statusovergang[];
  klant: KlantDossier;
  activiteit: Activiteit | null;
  /** The host's standing reciprocity offer (empty without host). */
  aanbod: Array<{ categorie: string; omschrijving: string }>;
  gesprek: GesprekSamenvatting | null;
  checklist: Checklist;
  /** The part-1 moves out of the current status, with whether the checklist allows them now. */
  acties: Array<Overgang & { kan: boolean }>;
  /** The latest round of imposing (issue 15), or null. */
  oplegging: Oplegging | null;
  /** Does the ordinance in force on the start date (else today) impose? (Offering-only: never this path.) */
  gemeenteLegtOp: boolean;
}

const GEEN_TEGENPRESTATIE = 'Deze tegenprestatie bestaat niet of u heeft er geen toegang toe.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STANDAARD_PAGINA = 25;

const naamVan = (actor: Actor): string =>
  actor.kind === 'gebruiker' ? actor.naam : `Systeem (${actor.reden.slice(0, 150)})`;
const idVan = (actor: Actor): string | null => (actor.kind === 'gebruiker' ? actor.gebruikerId : null);
const oordeel = (b: boolean | null): 'ja' | 'nee' | null => (b === null ? null : b ? 'ja' : 'nee');
const bool = (o: 'ja' | 'nee' | null): boolean | null => (o === null ? null : o === 'ja');

/** A row as the API and pages see it. */
export function naarTegenprestatie(r: TegenprestatieRij): Tegenprestatie {
  return {
    id: r.id,
    klantId: r.klantId,
    gemeenteId: r.gemeenteId,
    klantmanagerId: r.klantmanagerId,
    status: r.status as Status,
    activiteitId: r.activiteitId,
    gesprekId: r.gesprekId,
    suggestie: r.suggestie,
    urenPerWeek: r.urenPerWeek === null ? null : Number(r.urenPerWeek),
    dagdelen: r.dagdelen,
    startdatum: r.startdatum,
    einddatum: r.einddatum,
    evaluatiedata: r.evaluatiedata,
    vervolg: r.vervolg as Vervolg | null,
    vervolgToelichting: r.vervolgToelichting,
    maatwerk: {
      leeftijd: r.maatwerkLeeftijd,
      opleiding: r.maatwerkOpleiding,
      werkervaring: r.maatwerkWerkervaring,
      omstandigheden: r.maatwerkOmstandigheden,
    },
    wederkerigheid: {
      categorie: r.wederkerigheidCategorie as Tegenprestatie['wederkerigheid']['categorie'],
      omschrijving: r.wederkerigheidOmschrijving,
    },
    overtuigd: {
      klantmanager: {
        oordeel: oordeel(r.overtuigdKlantmanager),
        motivering: r.overtuigdKlantmanagerMotivering,
      },
      klant: { oordeel: oordeel(r.overtuigdKlant), motivering: r.overtuigdKlantZienswijze },
      organisatie: {
        oordeel: oordeel(r.overtuigdOrganisatie),
        motivering: r.overtuigdOrganisatieMotivering,
      },
    },
    advies: {
      vraag: r.adviesVraag,
      gevraagdOp: r.adviesGevraagdOp?.toISOString() ?? null,
      gevraagdDoorNaam: r.adviesGevraagdDoorNaam,
      advies: r.advies,
      op: r.adviesOp?.toISOString() ?? null,
      doorNaam: r.adviesDoorNaam,
    },
    afwijkingen: r.afwijkingen ?? {},
    geenMedewerkingOnderbouwing: r.geenMedewerkingOnderbouwing,
    versie: r.versie,
    aangemaaktOp: r.aangemaaktOp.toISOString(),
    gewijzigdOp: r.gewijzigdOp.toISOString(),
  };
}

/** A round of imposing as the API and pages see it. */
export function naarOplegging(r: OpleggingRij): Oplegging {
  return {
    id: r.id,
    tegenprestatieId: r.tegenprestatieId,
    status: r.status as Oplegging['status'],
    redenen: r.redenen.map((x) => ({ ...x, categorie: x.categorie as RedenCategorie })),
    alternatief: {
      soort: r.alternatiefSoort as Oplegging['alternatief']['soort'],
      toelichting: r.alternatiefToelichting,
    },
    voornemen: { doorNaam: r.voornemenDoorNaam, op: r.voornemenOp.toISOString() },
    zienswijze:
      r.zienswijzeVorm && r.zienswijzeDatum
        ? {
            vorm: r.zienswijzeVorm as ZienswijzeVorm,
            datum: r.zienswijzeDatum,
            inhoud: r.zienswijzeInhoud ?? '',
            beantwoording: r.beantwoording ?? '',
            doorNaam: r.zienswijzeDoorNaam ?? '',
          }
        : null,
    awb411: r.awbGrond
      ? {
          grond: r.awbGrond as Awb411Grond,
          motivering: r.awbMotivering ?? '',
          doorNaam: r.zienswijzeDoorNaam ?? '',
        }
      : null,
    beoordeling:
      r.beoordelingOp && r.beoordelingDoorNaam
        ? {
            doorNaam: r.beoordelingDoorNaam,
            op: r.beoordelingOp.toISOString(),
            toelichting: r.beoordelingToelichting,
          }
        : null,
  };
}

/** The design with a (validated) change applied, without saving: the live checklist of an unsaved form. */
export function pasToe(t: Tegenprestatie, w: UpdateTegenprestatie): Tegenprestatie {
  const verklaring = (x: Verklaring | undefined, oud: Verklaring): Verklaring => x ?? oud;
  const afw = { ...t.afwijkingen };
  for (const [k, r] of Object.entries(w.afwijkingen ?? {})) {
    if (r === undefined) continue;
    if (r === null) delete afw[k];
    else afw[k] = r;
  }
  const def = <T>(nieuw: T | undefined, oud: T): T => (nieuw === undefined ? oud : nieuw);
  return {
    ...t,
    activiteitId: def(w.activiteitId, t.activiteitId),
    gesprekId: def(w.gesprekId, t.gesprekId),
    urenPerWeek: def(w.urenPerWeek, t.urenPerWeek),
    dagdelen: def(w.dagdelen, t.dagdelen),
    startdatum: def(w.startdatum, t.startdatum),
    einddatum: def(w.einddatum, t.einddatum),
    evaluatiedata: def(w.evaluatiedata ? [...w.evaluatiedata].sort() : undefined, t.evaluatiedata),
    vervolg: def(w.vervolg, t.vervolg),
    vervolgToelichting: def(w.vervolgToelichting, t.vervolgToelichting),
    maatwerk: {
      leeftijd: def(w.maatwerk?.leeftijd, t.maatwerk.leeftijd),
      opleiding: def(w.maatwerk?.opleiding, t.maatwerk.opleiding),
      werkervaring: def(w.maatwerk?.werkervaring, t.maatwerk.werkervaring),
      omstandigheden: def(w.maatwerk?.omstandigheden, t.maatwerk.omstandigheden),
    },
    wederkerigheid: w.wederkerigheid ?? t.wederkerigheid,
    overtuigd: {
      klantmanager: verklaring(w.overtuigd?.klantmanager, t.overtuigd.klantmanager),
      klant: verklaring(w.overtuigd?.klant, t.overtuigd.klant),
      organisatie: verklaring(w.overtuigd?.organisatie, t.overtuigd.organisatie),
    },
    afwijkingen: afw,
  };
}

/** The columns that store a design as `t` has it. */
function kolommenVan(t: Tegenprestatie): TegenprestatieKolommen {
  return {
    activiteitId: t.activiteitId,
    gesprekId: t.gesprekId,
    urenPerWeek: t.urenPerWeek,
    dagdelen: t.dagdelen,
    startdatum: t.startdatum,
    einddatum: t.einddatum,
    evaluatiedata: t.evaluatiedata,
    vervolg: t.vervolg,
    vervolgToelichting: t.vervolgToelichting,
    maatwerkLeeftijd: t.maatwerk.leeftijd,
    maatwerkOpleiding: t.maatwerk.opleiding,
    maatwerkWerkervaring: t.maatwerk.werkervaring,
    maatwerkOmstandigheden: t.maatwerk.omstandigheden,
    wederkerigheidCategorie: t.wederkerigheid.categorie,
    wederkerigheidOmschrijving: t.wederkerigheid.omschrijving,
    overtuigdKlantmanager: bool(t.overtuigd.klantmanager.oordeel),
    overtuigdKlantmanagerMotivering: t.overtuigd.klantmanager.motivering,
    overtuigdKlant: bool(t.overtuigd.klant.oordeel),
    overtuigdKlantZienswijze: t.overtuigd.klant.motivering,
    overtuigdOrganisatie: bool(t.overtuigd.organisatie.oordeel),
    overtuigdOrganisatieMotivering: t.overtuigd.organisatie.motivering,
    afwijkingen: JSON.stringify(t.afwijkingen),
  };
}

/**
 * Tegenprestaties, part 1: exploration, design and the guideline checklist, up to `toetsing`. Every function takes
 * `(actor, …)`, checks `tegenprestatiesPolicy`, sees a design only when the actor may open its client's file
 * (`klanten.findKlant`, which logs that read), runs its writes in one transaction under the actor's row-level
 * security context and records each read and change in the access log (`va-klantdossier-tegenprestatie`, subject
 * the client) in that transaction.
 */
/** What opens a verkenning: the client, and optionally an activity, a conversation and a matching suggestion. */
export interface VerkenningInvoer {
  klantId: string;
  activiteitId?: string;
  gesprekId?: string;
  suggestie?: { bron: 'ranking' | 'cohort'; score: number; redenen: string[] };
}

export function createTegenprestatiesService(deps: TegenprestatiesDeps) {
  const { db, klanten, netwerk } = deps;

  const dienstVan = (actor: Actor): string => {
    if (actor.kind === 'gebruiker') return actor.dienstId;
    if (actor.dienstId) return actor.dienstId;
    throw new AppError('intern', { message: `system context without dienstId: ${actor.reden}` });
  };

  const log = (
    tx: Tx,
    actor: Actor,
    actie: 'lezen' | 'aanmaken' | 'wijzigen',
    klantId: string,
    gemeenteId: string,
  ) =>
    record(tx, {
      actor,
      actie,
      subject: { type: 'klant', id: klantId },
      verwerkingsactiviteit: VA.klantdossierTegenprestatie,
      gemeenteId,
      ...(actor.kind === 'systeem' ? { dienstId: dienstVan(actor) } : {}),
    });

  /** The design and its client, or `niet-gevonden` when either is outside the actor's reach. */
  async function zichtbaar(
    actor: Actor,
    id: string,
  ): Promise<{ rij: TegenprestatieRij; klant: KlantDossier }> {
    if (!UUID.test(id)) throw notFound(GEEN_TEGENPRESTATIE);
    const rij = await withContext(db, dbContext(actor), (tx) => repo.find(tx, dienstVan(actor), id));
    if (!rij) throw notFound(GEEN_TEGENPRESTATIE);
    const klant = await klanten.findKlant(actor, rij.klantId).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'niet-gevonden') throw notFound(GEEN_TEGENPRESTATIE);
      throw e;
    });
    return { rij, klant };
  }

  async function activiteitVan(actor: Actor, activiteitId: string | null, veld = 'activiteitId') {
    if (!activiteitId) return null;
    try {
      return await netwerk.findActiviteit(actor, activiteitId);
    } catch (e) {
      if (e instanceof AppError && e.code === 'niet-gevonden')
        throw new TegenprestatieInvoerfout({
          [veld]: 'Deze activiteit bestaat niet of is niet in uw gemeenten.',
        });
      throw e;
    }
  }

  /**
   * An activity a design newly chooses: visible to the actor and not ruled out by its displacement assessment
   * (`keuzeWeigering`: concluded verdringing, lapsed, or not allowed after intervision) — refused at the door, not
   * only at toetsing.
   */
  async function kiesbareActiviteit(actor: Actor, activiteitId: string | null, veld = 'activiteitId') {
    const a = await activiteitVan(actor, activiteitId, veld);
    const weigering = a ? keuzeWeigering(a.toets.status) : null;
    if (weigering) throw new TegenprestatieInvoerfout({ [veld]: weigering });
    return a;
  }

  async function aanbodVan(actor: Actor, a: Activiteit | null) {
    if (!a?.organisatie) return [];
    try {
      return (await netwerk.findOrganisatie(actor, a.organisatie.id)).wederkerigheid;
    } catch (e) {
      if (e instanceof AppError && e.code === 'niet-gevonden') return [];
      throw e;
    }
  }

  /** `bepaalToepasselijkheid` for the client on `datum`, from the file the actor may read. */
  function toepasselijkheidOp(klant: KlantDossier, datum: string): ChecklistInvoer['toepasselijkheid'] {
    const u = bepaalToepasselijkheid(
      {
        geboortedatum: klant.geboortedatum,
        werk: klant.werk.map((w) => ({
          urenPerWeek: w.urenPerWeek,
          begindatum: w.begindatum,
          einddatum: w.einddatum,
        })),
        reintegratie: klant.reintegratie.map((r) => ({ begindatum: r.begindatum, einddatum: r.einddatum })),
        ontheffingen: klant.ontheffingen.map((o) => ({
          type: o.type,
          begindatum: o.begindatum,
          einddatum: o.einddatum,
          reden: o.reden,
          geboortedatumKind: o.geboortedatumKind,
          eerderGebruikt: o.eerderGebruikt,
          gebeurtenissen: o.negenA?.gebeurtenissen ?? [],
          lokaleGrond: o.lokaleGrond
            ? { code: o.lokaleGrond.code, naam: o.lokaleGrond.naam, grondslag: o.grondslag.artikel }
            : null,
        })),
        maxUrenPerWeek: klant.belastbaarheid?.maxUrenPerWeek ?? null,
      },
      datum,
      { regulierWerkUren: klant.toepasselijkheidDetail.regulierWerkUren },
    );
    return { uitkomst: u.uitkomst, redenen: u.redenen.map((r) => r.tekst), resterendeUren: u.resterendeUren };
  }

  /** Naar vermogen: recorded hours, the statement that no limits are known, or nothing recorded. */
  const capaciteitVan = (klant: KlantDossier): ChecklistInvoer['capaciteit'] =>
    klant.belastbaarheid?.maxUrenPerWeek != null
      ? { bron: 'belastbaarheid', reden: null }
      : klant.belastbaarheid?.geenBeperkingenReden
        ? { bron: 'geen-beperkingen-bekend', reden: klant.belastbaarheid.geenBeperkingenReden }
        : { bron: 'niet-vastgelegd', reden: null };

  /**
   * The client's work and re-integration that start after the design's start date, on or before its end date, with
   * the hours the client can still do from that day (werk gaat voor: `latereBotsingen`).
   */
  function laterWerkVan(klant: KlantDossier, start: string, einde: string | null): LaterWerk[] {
    const binnen = (d: string | null): d is string =>
      d !== null && d > start && (einde === null || d <= einde);
    const rest = (d: string) => toepasselijkheidOp(klant, d)?.resterendeUren ?? null;
    return [
      ...klant.werk
        .filter((w) => binnen(w.begindatum))
        .map((w) => ({
          soort: 'werk' as const,
          begindatum: w.begindatum as string,
          omschrijving: w.omschrijving,
          urenPerWeek: w.urenPerWeek,
          dagdelen: w.dagdelen,
          resterendeUren: rest(w.begindatum as string),
        })),
      ...klant.reintegratie
        .filter((r) => binnen(r.begindatum))
        .map((r) => ({
          soort: 'reintegratie' as const,
          begindatum: r.begindatum,
          omschrijving: r.omschrijving,
          urenPerWeek: null,
          dagdelen: r.dagdelen,
          resterendeUren: null,
        })),
    ].sort((a, b) => (a.begindatum < b.begindatum ? -1 : a.begindatum > b.begindatum ? 1 : 0));
  }

  /** Gathers the facts of the checklist (client, activity, displacement, conversation) and computes it. */
  async function beoordeel(actor: Actor, t: Tegenprestatie, klant: KlantDossier) {
    // Naar vermogen: the client's other agreed or running designs count against the capacity (read first, so
    // this request holds one connection at a time).
    const andere = await withContext(db, dbContext(actor), async (tx) =>
      (await repo.list(tx, dienstVan(actor), { klantId: t.klantId }, 200, 0)).rijen.filter(
        (r) =>
          r.id !== t.id &&
          (r.status === 'overeengekomen' || r.status === 'lopend') &&
          r.startdatum !== null &&
          r.urenPerWeek !== null,
      ),
    );
    const activiteit = await activiteitVan(actor, t.activiteitId);
    // One after the other: a request uses one database connection at a time.
    const aanbod = await aanbodVan(actor, activiteit);
    const plaatsing =
      activiteit && t.startdatum
        ? await netwerk.beoordeelPlaatsing(actor, activiteit.id, t.startdatum)
        : null;
    const gesprek = deps.gesprekken ? await deps.gesprekken.samenvattingVoorKlant(actor, t.klantId) : null;
    const checklist = richtlijnChecklist({
      ontwerp: {
        activiteitId: t.activiteitId,
        urenPerWeek: t.urenPerWeek,
        dagdelen: t.dagdelen,
        startdatum: t.startdatum,
        einddatum: t.einddatum,
        evaluatiedata: t.evaluatiedata,
        vervolg: t.vervolg,
        vervolgToelichting: t.vervolgToelichting,
        maatwerk: t.maatwerk,
        wederkerigheid: t.wederkerigheid,
        overtuigd: t.overtuigd,
        afwijkingen: t.afwijkingen,
      },
      toepasselijkheid: t.startdatum ? toepasselijkheidOp(klant, t.startdatum) : null,
      capaciteit: capaciteitVan(klant),
      laterWerk: t.startdatum ? laterWerkVan(klant, t.startdatum, t.einddatum) : [],
      andereTegenprestaties: andere.map((r) => ({
        urenPerWeek: Number(r.urenPerWeek),
        startdatum: r.startdatum!,
        einddatum: r.einddatum,
      })),
      activiteit: activiteit
        ? {
            titel: activiteit.titel,
            isMaatwerk: activiteit.isMaatwerk,
            heeftOrganisatie: activiteit.organisatie !== null,
            aanbod: aanbod.map((a) => a.categorie),
          }
        : null,
      plaatsing: plaatsing ? { ...plaatsing, conclusie: activiteit?.toets.conclusie ?? null } : null,
      gesprek: gesprek ? { datum: gesprek.datum, onderdelen: gesprek.onderdelen } : null,
    });
    return { activiteit, aanbod, gesprek, checklist };
  }

  const overgangenVan = async (tx: Tx, r: TegenprestatieRij): Promise<Statusovergang[]> =>
    (await repo.listOvergangen(tx, r.dienstId, r.gemeenteId, r.id)).map((o) => ({
      van: o.van as HistorischeStatus | null,
      naar: o.naar as HistorischeStatus,
      doorNaam: o.doorNaam,
      op: o.op.toISOString(),
      reden: o.reden,
    }));

  const laatsteOplegging = async (tx: Tx, r: TegenprestatieRij): Promise<OpleggingRij | null> =>
    (await repo.listOpleggingen(tx, r.dienstId, r.id))[0] ?? null;

  /** Does the ordinance in force on the design's start date (else today) impose? The required guard. */
  const legtOp = async (r: { gemeenteId: string; startdatum: string | null }): Promise<boolean> =>
    (await deps.opleggenToegestaan(r.gemeenteId, r.startdatum ?? vandaag())) === true;

  /** Locks the row and checks the version the caller read; `conflict` when someone changed it meanwhile. */
  async function vergrendel(tx: Tx, actor: Actor, id: string, versie: number | undefined) {
    const r = await repo.find(tx, dienstVan(actor), id, true);
    if (!r) throw notFound(GEEN_TEGENPRESTATIE);
    if (versie !== undefined && r.versie !== versie)
      throw new AppError('conflict', {
        userMessage:
          'Iemand anders heeft deze tegenprestatie intussen gewijzigd. Open de pagina opnieuw en kijk of uw wijziging nog nodig is.',
      });
    return r;
  }

  /**
   * One status move inside the caller's transaction: machine, place claim or release (netwerk, same transaction),
   * the new status, the history row and the log entry.
   */
  async function verplaats(
    tx: Tx,
    actor: Actor,
    r: TegenprestatieRij,
    naar: Status,
    reden: string | null,
    extra: TegenprestatieKolommen = {},
    opts: { viaOplegging?: boolean } = {},
  ): Promise<void> {
    const van = r.status as Status;
    // The machine once more, inside the transaction (callers checked it before; this keeps every path honest).
    const machine = toetsOvergang(van, naar, { reden, deel: 2, viaOplegging: opts.viaOplegging === true });
    if (!machine.mag) throw new AppError('niet-verwerkbaar', { userMessage: machine.melding });
    const actie = plaatsActie(van, naar);
    if (actie && r.activiteitId) {
      const plaats = { activiteitId: r.activiteitId, houderType: 'tegenprestatie', houderId: r.id };
      if (actie === 'claimen') await netwerk.claimPlaats(actor, plaats, { tx });
      else await netwerk.releasePlaats(actor, plaats, { tx });
    }
    await repo.update(tx, r, { status: naar, ...extra });
    // Back before the decision: an open or approved round of imposing lapses (a new one needs a new intention).
    if (naar === 'ontwerp' || naar === 'verkenning')
      await repo.laatOpleggingVervallen(tx, {
        dienstId: r.dienstId,
        gemeenteId: r.gemeenteId,
        tegenprestatieId: r.id,
      });
    await repo.insertOvergang(tx, {
      dienstId: r.dienstId,
      gemeenteId: r.gemeenteId,
      tegenprestatieId: r.id,
      van,
      naar,
      door: idVan(actor),
      doorNaam: naamVan(actor),
      reden,
    });
    await log(tx, actor, 'wijzigen', r.klantId, r.gemeenteId);
  }

  async function lees(tx: Tx, actor: Actor, id: string): Promise<Tegenprestatie> {
    const r = await repo.find(tx, dienstVan(actor), id);
    if (!r) throw notFound(GEEN_TEGENPRESTATIE);
    return naarTegenprestatie(r);
  }

  const service = {
    /**
     * Starts exploring a tegenprestatie with a client (`verkenning`): from the client file, a conversation or an
     * accepted matching suggestion (whose score and reasons travel into the design). The actor must be able to
     * open the client's file; the activity, when given, must be visible to the actor. To start it inside the
     * caller's own transaction, use `bereidVerkenningVoor`.
     * @returns the new design's id.
     */
    async startVerkenning(actor: Actor, input: VerkenningInvoer): Promise<{ id: string }> {
      const werk = await service.bereidVerkenningVoor(actor, input);
      return withContext(db, dbContext(actor), werk);
    },

    /**
     * `startVerkenning` for a caller's own transaction (its context must be this actor's): the checks that read
     * other modules (the client file, the activity) run now, before that transaction opens — a request never waits
     * for a second connection while it holds one — and the returned function inserts the design inside it.
     */
    async bereidVerkenningVoor(
      actor: Actor,
      input: VerkenningInvoer,
    ): Promise<(tx: Tx) => Promise<{ id: string }>> {
      tegenprestatiesPolicy.vereis(actor, 'tegenprestaties-ontwerpen');
      const v = parseInvoer(StartVerkenningInput, input);
      const klant = await klanten.findKlant(actor, v.klantId);
      if (v.activiteitId) await kiesbareActiviteit(actor, v.activiteitId);
      const werk = async (tx: Tx) => {
        const id = await repo.insert(tx, {
          dienstId: dienstVan(actor),
          gemeenteId: klant.gemeenteId,
          klantId: klant.id,
          // The caseworker who starts it; a team lead or the system (cohort, demo) starts it for the client's own.
          klantmanagerId:
            actor.kind === 'gebruiker' && actor.rol === 'klantmanager'
              ? actor.gebruikerId
              : (klant.klantmanager?.id ?? null),
          activiteitId: v.activiteitId ?? null,
          gesprekId: v.gesprekId ?? null,
          suggestie: v.suggestie ? JSON.stringify(v.suggestie) : null,
        });
        await repo.insertOvergang(tx, {
          dienstId: dienstVan(actor),
          gemeenteId: klant.gemeenteId,
          tegenprestatieId: id,
          van: null,
          naar: 'verkenning',
          door: idVan(actor),
          doorNaam: naamVan(actor),
          reden: v.suggestie
            ? `Voorstel uit matching (${v.suggestie.bron === 'cohort' ? 'cohort' : 'rangschikking'})`
            : null,
        });
        await log(tx, actor, 'aanmaken', klant.id, klant.gemeenteId);
        return { id };
      };
      return werk;
    },

    /**
     * Designs the actor may see, newest change first. `klantId`: that client's (the actor must be able to open the
     * file). Without it: a teamleider sees all of their municipalities, a klantmanager their own designs.
     * `adviesGevraagd: true`: advice asked and not yet given.
     */
    async findTegenprestaties(
      actor: Actor,
      vraag: TegenprestatieZoekvraag = {},
    ): Promise<Pagina<Tegenprestatie>> {
      tegenprestatiesPolicy.vereis(actor, 'tegenprestaties-bekijken');
      const f = parseInvoer(TegenprestatieZoekvraag, vraag);
      if (f.klantId) await klanten.findKlant(actor, f.klantId);
      const paginaGrootte = f.paginaGrootte ?? STANDAARD_PAGINA;
      const pagina = f.pagina ?? 1;
      const eigen = !f.klantId && actor.kind === 'gebruiker' && actor.rol === 'klantmanager';
      return withContext(db, dbContext(actor), async (tx) => {
        const { rijen, totaal } = await repo.list(
          tx,
          dienstVan(actor),
          {
            klantId: f.klantId,
            status: f.status,
            adviesGevraagd: f.adviesGevraagd,
            klantmanagerId: eigen ? (idVan(actor) ?? undefined) : undefined,
          },
          paginaGrootte,
          (pagina - 1) * paginaGrootte,
        );
        for (const [klantId, gemeenteId] of new Map(rijen.map((r) => [r.klantId, r.gemeenteId])))
          await log(tx, actor, 'lezen', klantId, gemeenteId);
        return {
          items: rijen.map(naarTegenprestatie),
          totaal,
          pagina,
          paginaGrootte,
          aantalPaginas: Math.max(1, Math.ceil(totaal / paginaGrootte)),
        };
      });
    },

    /** One design with its status history, or `niet-gevonden`. */
    async findTegenprestatie(
      actor: Actor,
      id: string,
    ): Promise<Tegenprestatie & { overgangen: Statusovergang[]; oplegging: Oplegging | null }> {
      tegenprestatiesPolicy.vereis(actor, 'tegenprestaties-bekijken');
      const { rij } = await zichtbaar(actor, id);
      return withContext(db, dbContext(actor), async (tx) => {
        const overgangen = await overgangenVan(tx, rij);
        const o = await laatsteOplegging(tx, rij);
        await log(tx, actor, 'lezen', rij.klantId, rij.gemeenteId);
        return { ...naarTegenprestatie(rij), overgangen, oplegging: o ? naarOplegging(o) : null };
      });
    },

    /**
     * Review needed: why an agreed or running placement should be reviewed now (the activity's displacement
     * assessment no longer allows it; the client starts work or re-integration during it). Worked out from the data
     * each time (`herbeoordelingRedenen`), never stored; the read of the client file is logged by the klanten
     * module, the read of the placement here.
     */
    async herbeoordeling(actor: Actor, id: string): Promise<Herbeoordeling> {
      tegenprestatiesPolicy.vereis(actor, 'tegenprestaties-bekijken');
      const { rij, klant } = await zichtbaar(actor, id);
      const t = naarTegenprestatie(rij);
      const activiteit = TE_HERBEOORDELEN.includes(t.status)
        ? await activiteitVan(actor, t.activiteitId).catch((e: unknown) => {
            // The activity may have left the actor's municipalities; the placement stays reviewable without it.
            if (e instanceof TegenprestatieInvoerfout) return null;
            throw e;
          })
        : null;
      const twijfels = await netwerk.plaatsingsTwijfels(actor, t.id);
      const redenen = herbeoordelingRedenen({
        plaatsing: { status: t.status, startdatum: t.startdatum, einddatum: t.einddatum },
        activiteit: activiteit
          ? {
              titel: activiteit.titel,
              toetsStatus: activiteit.toets.status,
              verdringingstoetsId: activiteit.toets.verdringingstoetsId,
            }
          : null,
        werk: klant.werk,
        reintegratie: klant.reintegratie,
        twijfels: twijfels.map((i) => ({ intervisieId: i.id, besluit: i.besluit, motivering: i.motivering })),
      });
      await withContext(db, dbContext(actor), (tx) => log(tx, actor, 'lezen', rij.klantId, rij.gemeenteId));
      return {
        tegenprestatieId: t.id,
        status: t.status,
        nodig: redenen.length > 0,
        redenen,
        twijfels: twijfels.map((i) => ({
          intervisieId: i.id,
          vraag: i.vraag,
          aangevraagdDoor: i.aangevraagdDoor,
          aangevraagdOp: i.aangevraagdOp,
          status: i.status,
          besluit: i.besluit,
          voorwaarden: i.voorwaarden,
          motivering: i.motivering,
        })),
      };
    },

    /**
     * A caseworker's doubt about one agreed or running placement goes to intervision, like an activity's doubt: the
     * team lead decides (netwerk `besluitIntervisie`); a decision "niet toegestaan" flags the placement for review.
     * Invalid reason: `TegenprestatieInvoerfout` ({ reden }); not agreed or running: `niet-verwerkbaar`; an open
     * doubt already: `conflict`.
     */
    async meldTwijfel(actor: Actor, id: string, input: unknown): Promise<{ intervisieId: string }> {
      tegenprestatiesPolicy.vereis(actor, 'tegenprestaties-bekijken');
      const v = parseInvoer(PlaatsingsTwijfelInput, input);
      const { rij } = await zichtbaar(actor, id);
      if (!TE_HERBEOORDELEN.includes(rij.status as Status))
        throw new AppError('niet-verwerkbaar', {
          userMessage: `Twijfel over een plaatsing melden kan alleen bij een overeengekomen of lopende tegenprestatie. Deze staat op "${STATUS_NAMEN[rij.status as Status]}".`,
        });
      const activiteitId = rij.activiteitId;
      if (!activiteitId)
        throw new AppError('niet-verwerkbaar', { userMessage: 'Deze tegenprestatie heeft geen activiteit.' });
      return withContext(db, dbContext(actor), async (tx) => {
        const i = await netwerk.meldPlaatsingsTwijfel(
          actor,
          { tegenprestatieId: rij.id, gemeenteId: rij.gemeenteId, activiteitId, reden: v.reden },
          { tx },
        );
        await log(tx, actor, 'wijzigen', rij.klantId, rij.gemeenteId);
        return { intervisieId: i.id };
      });
    },

    /**
     * The design page: the design (with `concept`, an unsaved change from the form, applied when given), its
     * client, activity, the host's reciprocity offer, the latest conversation and the live checklist.
     * An invalid `concept` throws `TegenprestatieInvoerfout`.
     */
    async bekijkOntwerp(actor: Actor, id: string, concept?: unknown): Promise<OntwerpBeeld> {
      tegenprestatiesPolicy.vereis(actor, 'tegenprestaties-bekijken');
      const { rij, klant } = await zichtbaar(actor, id);
      const opgeslagen = naarTegenprestatie(rij);
      const t =
        concept === undefined
          ? opgeslagen
          : pasToe(opgeslagen, parseInvoer(UpdateTegenprestatieInput, concept));
      // One after the other: a request uses one database connection at a time.
      const { activiteit, aanbod, gesprek, checklist } = await beoordeel(actor, t, klant).catch(
        async (e: unknown) => {
          // An unsaved choice of an activity the actor cannot see: show the checklist without it.
          if (e instanceof TegenprestatieInvoerfout && concept !== undefined)
            return beoordeel(actor, { ...t, activiteitId: null }, klant);
          throw e;
        },
      );
      const { overgangen, oplegging } = await withContext(db, dbContext(actor), async (tx) => {
        const o = await overgangenVan(tx, rij);
        const op = await laatsteOplegging(tx, rij);
        await log(tx, actor, 'lezen', rij.klantId, rij.gemeenteId);
        return { overgangen: o, oplegging: op ? naarOplegging(op) : null };
      });
      const acties = overgangenVanuit(opgeslagen.status).map((o) => ({
        ...o,
        kan: o.checklist === 'toetsing' ? checklist.magNaarToetsing : true,
      }));
      const gemeenteLegtOp = await legtOp(rij);
      return {
        tegenprestatie: t,
        overgangen,
        klant,
        activiteit,
        aanbod,
        gesprek,
        checklist,
        acties,
        oplegging,
        gemeenteLegtOp,
      };
    },

    /**
     * Changes the design (PATCH: absent = unchanged, null = cleared; nested statements replaced per person).
     * Only in `verkenning` or `ontwerp`; with `versie`, only when nobody changed it meanwhile (else `conflict`). The
     * activity must be visible; the reciprocity must come from the host's standing offer.
     */
    async updateTegenprestatie(
      actor: Actor,
      id: string,
      input: UpdateTegenprestatieInput,
    ): Promise<Tegenprestatie> {
      tegenprestatiesPolicy.vereis(actor, 'tegenprestaties-ontwerpen');
      const w = parseInvoer(UpdateTegenprestatieInput, input);
      const { rij } = await zichtbaar(actor, id);
      if (!isBewerkbaar(rij.status as Status))
        throw new AppError('conflict', {
          userMessage: `In de status "${STATUS_NAMEN[rij.status as Status]}" kan het ontwerp niet meer worden gewijzigd. Zet het eerst terug naar ontwerp.`,
        });
      const nieuw = pasToe(naarTegenprestatie(rij), w);
      // A newly chosen activity must pass the displacement assessment; the one already chosen is judged by the
      // checklist (and, once running, flagged for review).
      const activiteit =
        nieuw.activiteitId !== rij.activiteitId
          ? await kiesbareActiviteit(actor, nieuw.activiteitId)
          : await activiteitVan(actor, nieuw.activiteitId);
      const c = nieuw.wederkerigheid.categorie;
      if (c) {
        const aanbod = await aanbodVan(actor, activiteit);
        if (!aanbod.some((a) => a.categorie === c))
          throw new TegenprestatieInvoerfout({
            'wederkerigheid.categorie': activiteit?.organisatie
              ? 'Kies wat de organisatie teruggeeft uit haar vaste aanbod.'
              : 'Deze activiteit heeft geen organisatie die iets teruggeeft.',
          });
      }
      if (nieuw.startdatum && nieuw.einddatum && nieuw.einddatum < nieuw.startdatum)
        throw new TegenprestatieInvoerfout({ einddatum: 'De einddatum ligt vóór de startdatum.' });
      return withContext(db, dbContext(actor), async (tx) => {
        const r = await vergrendel(tx, actor, id, w.versie);
        if (!isBewerkbaar(r.status as Status) || r.versie !== rij.versie)
          throw new AppError('conflict', {
            userMessage:
              'Iemand anders heeft deze tegenprestatie intussen gewijzigd. Open de pagina opnieuw.',
          });
        await repo.update(tx, r, kolommenVan(nieuw));
        await log(tx, actor, 'wijzigen', r.klantId, r.gemeenteId);
        return lees(tx, actor, id);
      });
    },

    /**
     * Moves the design to another status (part 1 only): `ontwerp` (from verkenning, or back from toetsing with a
     * reason), `toetsing` (only when every MOET holds and every WENSELIJK holds or has a recorded reason; takes a
     * place of the activity), `verkenning` (back, with a reason) or from `opleggen` back to `ontwerp` (withdrawing the
     * intention, with a reason). The moves into `opleggen` and on to `toetsing` after it are the oplegging functions'
     * (`legVoornemenVast`, `beoordeelOplegging`). Part-2 statuses are refused with a Dutch message. Records who, when
     * and why.
     */
    async wijzigStatus(actor: Actor, id: string, input: StatusovergangInput): Promise<Tegenprestatie> {
      tegenprestatiesPolicy.vereis(actor, 'tegenprestaties-ontwerpen');
      const v = parseInvoer(StatusovergangInput, input);
      const { rij, klant } = await zichtbaar(actor, id);
      const oordeelMachine = toetsOvergang(rij.status as Status, v.naar, { reden: v.reden, deel: 1 });
      if (!oordeelMachine.mag)
        throw new AppError('niet-verwerkbaar', { userMessage: oordeelMachine.melding });
      const o = oordeelMachine.overgang;
      const extra: TegenprestatieKolommen = {};
      if (o.checklist) {
        const { checklist } = await beoordeel(actor, naarTegenprestatie(rij), klant);
        if (o.checklist === 'toetsing' && !checklist.magNaarToetsing)
          throw new AppError('niet-verwerkbaar', {
            userMessage: `Het ontwerp kan nog niet naar toetsing. ${checklist.blokkades.join(' ')}`,
          });
      }
      return withContext(db, dbContext(actor), async (tx) => {
        const r = await vergrendel(tx, actor, id, v.versie ?? rij.versie);
        if (r.status !== rij.status)
          throw new AppError('conflict', {
            userMessage: 'De status is intussen gewijzigd. Open de pagina opnieuw.',
          });
        await verplaats(tx, actor, r, v.naar, v.reden ?? null, extra);
        return lees(tx, actor, id);
      });
    },

    /**
     * For part 2 only (the agreement and what follows): makes a part-2 move (`overeengekomen`, `lopend`,
     * `afgerond`, `beeindigd`, back to `toetsing`) under the same rules for reasons, places, history and the log.
     * Part 2 checks its own conditions (ordinance, acceptance) before calling. To make the move inside the caller's
     * own transaction, use `bereidDeel2OvergangVoor`. Not used by this module's pages or API.
     */
    async voerDeel2OvergangUit(
      actor: Actor,
      id: string,
      input: StatusovergangInput & { beeindigingReden?: string },
    ): Promise<Tegenprestatie> {
      const werk = await service.bereidDeel2OvergangVoor(actor, id, input);
      return withContext(db, dbContext(actor), werk);
    },

    /**
     * The same move for a caller's own transaction: the checks that read through other modules (the design's
     * visibility, the client file) run now, before that transaction opens — a request never waits for a second
     * connection while it holds one — and the returned function does the move inside it.
     */
    async bereidDeel2OvergangVoor(
      actor: Actor,
      id: string,
      input: StatusovergangInput & { beeindigingReden?: string },
    ): Promise<(tx: Tx) => Promise<Tegenprestatie>> {
      tegenprestatiesPolicy.vereis(actor, 'tegenprestaties-ontwerpen');
      const v = parseInvoer(StatusovergangInput, input);
      const { rij } = await zichtbaar(actor, id);
      const o = toetsOvergang(rij.status as Status, v.naar, { reden: v.reden, deel: 2 });
      if (!o.mag) throw new AppError('niet-verwerkbaar', { userMessage: o.melding });
      return async (tx: Tx) => {
        const r = await vergrendel(tx, actor, id, v.versie ?? rij.versie);
        await verplaats(tx, actor, r, v.naar, v.reden ?? null, {
          ...(v.naar === 'beeindigd' ? { beeindigingReden: input.beeindigingReden ?? 'anders' } : {}),
        });
        return lees(tx, actor, id);
      };
    },

    /**
     * For part 2 only (the overeenkomsten module's new version of a running agreement, issue 16): sets the hours per
     * week, the day parts and the end date of a RUNNING placement inside the caller's transaction, once the new
     * version is confirmed. The checks that read run now; the returned function locks the row, refuses when it is
     * no longer running or was changed meanwhile, writes and logs.
     */
    async bereidAfspraakWijzigingVoor(
      actor: Actor,
      id: string,
      afspraak: { urenPerWeek: number; dagdelen: readonly string[]; einddatum: string | null },
    ): Promise<(tx: Tx) => Promise<Tegenprestatie>> {
      tegenprestatiesPolicy.vereis(actor, 'tegenprestaties-ontwerpen');
      const { rij } = await zichtbaar(actor, id);
      const nietLopend = () =>
        new AppError('conflict', {
          userMessage: 'De tegenprestatie loopt niet (meer). Open de pagina opnieuw.',
        });
      if (rij.status !== 'lopend') throw nietLopend();
      return async (tx: Tx) => {
        const r = await vergrendel(tx, actor, id, rij.versie);
        if (r.status !== 'lopend') throw nietLopend();
        const nieuw: Tegenprestatie = {
          ...naarTegenprestatie(r),
          urenPerWeek: afspraak.urenPerWeek,
          dagdelen: [...afspraak.dagdelen],
          einddatum: afspraak.einddatum,
        };
        await repo.update(tx, r, kolommenVan(nieuw));
        await log(tx, actor, 'wijzigen', r.klantId, r.gemeenteId);
        return lees(tx, actor, id);
      };
    },

    /** The client file's tab: the client, their designs (newest change first) and the activities' titles. */
    async overzichtVoorKlant(
      actor: Actor,
      klantId: string,
    ): Promise<{ klant: KlantDossier; tegenprestaties: Tegenprestatie[]; titels: Record<string, string> }> {
      tegenprestatiesPolicy.vereis(actor, 'tegenprestaties-bekijken');
      const klant = await klanten.findKlant(actor, klantId);
      const { items } = await service.findTegenprestaties(actor, { klantId, paginaGrootte: 100 });
      const titels: Record<string, string> = {};
      for (const id of new Set(items.flatMap((t) => (t.activiteitId ? [t.activiteitId] : [])))) {
        const a = await activiteitVan(actor, id).catch(() => null);
        if (a) titels[id] = a.titel;
      }
      return { klant, tegenprestaties: items, titels };
    },

    /**
     * A klantmanager's own tegenprestaties (the designs they are the klantmanager of; row-level security still limits
     * them to their municipalities), newest change first, one page of 50, with each client's name — two reads, one
     * after the other, whatever the page's length.
     */
    async mijnOverzicht(
      actor: Actor,
      vraag: { status?: Status | undefined; pagina?: number | undefined },
    ): Promise<{ pagina: Pagina<Tegenprestatie>; klantNamen: Map<string, string> }> {
      tegenprestatiesPolicy.vereis(actor, 'tegenprestaties-bekijken');
      if (actor.kind !== 'gebruiker' || actor.rol !== 'klantmanager') throw new AppError('geen-toegang');
      const pagina = await service.findTegenprestaties(actor, {
        ...(vraag.status ? { status: vraag.status } : {}),
        pagina: vraag.pagina ?? 1,
        paginaGrootte: 50,
      });
      const klantNamen = await klanten.klantNamen(
        actor,
        pagina.items.map((t) => t.klantId),
      );
      return { pagina, klantNamen };
    },

    /**
     * The team lead's list: designs with an open request for advice, and intentions to impose (`opleggen`) waiting
     * for the client's view or the team lead's approval, with the client's name (only clients the team lead may open).
     */
    async teamleiderOverzicht(actor: Actor): Promise<{
      adviesGevraagd: Array<{ tegenprestatie: Tegenprestatie; klantNaam: string }>;
      opleggen: Array<{ tegenprestatie: Tegenprestatie; klantNaam: string }>;
    }> {
      tegenprestatiesPolicy.vereis(actor, 'advies-geven');
      // One after the other: a request uses one database connection at a time. The names in one read for both
      // lists (`klantNamen`, at most 100 per call, each logged as read), not one client read per row.
      const advies = await service.findTegenprestaties(actor, { adviesGevraagd: true, paginaGrootte: 100 });
      const opleggen = await service.findTegenprestaties(actor, { status: 'opleggen', paginaGrootte: 100 });
      const ids = [...new Set([...advies.items, ...opleggen.items].map((t) => t.klantId))];
      const namen = new Map<string, string>();
      for (let i = 0; i < ids.length; i += 100)
        for (const [id, naam] of await klanten.klantNamen(actor, ids.slice(i, i + 100))) namen.set(id, naam);
      const metNaam = (items: Tegenprestatie[]) =>
        items.flatMap((t) => {
          const klantNaam = namen.get(t.klantId);
          return klantNaam === undefined ? [] : [{ tegenprestatie: t, klantNaam }];
        });
      return { adviesGevraagd: metNaam(advies.items), opleggen: metNaam(opleggen.items) };
    },

    /** The caseworker asks the team lead's advice (the client is not convinced, or another doubt). Recorded. */
    async vraagAdvies(actor: Actor, id: string, input: { vraag: string }): Promise<Tegenprestatie> {
      tegenprestatiesPolicy.vereis(actor, 'tegenprestaties-ontwerpen');
      const v = parseInvoer(AdviesVraagInput, input);
      const { rij } = await zichtbaar(actor, id);
      if (!isBewerkbaar(rij.status as Status))
        throw new AppError('niet-verwerkbaar', {
          userMessage: 'Advies vragen kan in verkenning of ontwerp.',
        });
      return withContext(db, dbContext(actor), async (tx) => {
        const r = await vergrendel(tx, actor, id, undefined);
        await repo.update(tx, r, {
          adviesVraag: v.vraag,
          adviesGevraagdOp: new Date(),
          adviesGevraagdDoorNaam: naamVan(actor),
          advies: null,
          adviesOp: null,
          adviesDoor: null,
          adviesDoorNaam: null,
        });
        await log(tx, actor, 'wijzigen', r.klantId, r.gemeenteId);
        return lees(tx, actor, id);
      });
    },

    // ---- Imposing a design the client does not want (issue 15, section 1; docs/dwang.md) -------------------------

    /**
     * The caseworker records the intention to impose a tailored design the client does not want: each reason the
     * client gives with why it does (not) make the design unsuitable, and the alternative offered or the team lead's
     * advice asked. Only where the ordinance in force imposes (`opleggenToegestaan`, required), only from `ontwerp`
     * and only for a tailored design (checklist `magOpleggen`). A reason judged good keeps the design in `ontwerp`
     * (refused with the reason: change the design). Moves the design to `opleggen`; history and log.
     */
    async legVoornemenVast(actor: Actor, id: string, input: VoornemenInput): Promise<Oplegging> {
      tegenprestatiesPolicy.vereis(actor, 'tegenprestaties-ontwerpen');
      const v = parseInvoer(VoornemenInput, input);
      const { rij, klant } = await zichtbaar(actor, id);
      const machine = toetsOvergang(rij.status as Status, 'opleggen', { viaOplegging: true });
      if (!machine.mag) throw new AppError('niet-verwerkbaar', { userMessage: machine.melding });
      const { checklist } = await beoordeel(actor, naarTegenprestatie(rij), klant);
      const oordeel = beoordeelVoornemen({
        gemeenteLegtOp: await legtOp(rij),
        opMaat: checklist.magOpleggen,
        redenen: v.redenen,
        alternatief: v.alternatief,
        adviesGevraagd: rij.adviesGevraagdOp !== null,
      });
      if (Object.keys(oordeel.fouten).length) throw new TegenprestatieInvoerfout(oordeel.fouten);
      if (oordeel.goedeReden !== null) {
        const r = v.redenen[oordeel.goedeReden] as (typeof v.redenen)[number];
        throw new AppError('niet-verwerkbaar', {
          userMessage: `U beoordeelt reden ${oordeel.goedeReden + 1} (${REDEN_CATEGORIE_NAMEN[r.categorie].toLowerCase()}) als een goede reden: die maakt het ontwerp ongeschikt. Er komt geen voornemen tot opleggen; het ontwerp blijft in ontwerp. Pas het ontwerp aan.`,
        });
      }
      return withContext(db, dbContext(actor), async (tx) => {
        const r = await vergrendel(tx, actor, id, v.versie ?? rij.versie);
        if (r.status !== 'ontwerp')
          throw new AppError('conflict', {
            userMessage: 'De status is intussen gewijzigd. Open de pagina opnieuw.',
          });
        await verplaats(
          tx,
          actor,
          r,
          'opleggen',
          `Voornemen tot opleggen: de klant wil dit ontwerp niet (${v.redenen.length} ${v.redenen.length === 1 ? 'reden' : 'redenen'} beoordeeld; ${ALTERNATIEF_NAMEN[v.alternatief.soort as keyof typeof ALTERNATIEF_NAMEN].toLowerCase()}).`,
          {},
          { viaOplegging: true },
        );
        await repo.insertOplegging(tx, {
          dienstId: r.dienstId,
          gemeenteId: r.gemeenteId,
          tegenprestatieId: r.id,
          klantId: r.klantId,
          redenen: JSON.stringify(v.redenen.map((x) => ({ ...x, bron: 'voornemen' }))),
          alternatiefSoort: v.alternatief.soort as string,
          alternatiefToelichting: v.alternatief.toelichting,
          voornemenDoor: idVan(actor),
          voornemenDoorNaam: naamVan(actor),
        });
        return naarOplegging((await laatsteOplegging(tx, r)) as OpleggingRij);
      });
    },

    /**
     * The client's view on the intended decision (Awb 4:8: form, date, content, and the answer the decision's
     * reasons give), or the ground from the closed list of Awb 4:11 with reasons. New reasons the client gives are
     * judged like the first ones; one judged good sends the design back to `ontwerp` (the round is `teruggezet`).
     * May be recorded again until the team lead approves.
     */
    async legZienswijzeVast(
      actor: Actor,
      id: string,
      input: ZienswijzeInput,
    ): Promise<{ oplegging: Oplegging; status: Status }> {
      tegenprestatiesPolicy.vereis(actor, 'tegenprestaties-ontwerpen');
      const v = parseInvoer(ZienswijzeInput, input);
      const { rij } = await zichtbaar(actor, id);
      if (rij.status !== 'opleggen')
        throw new AppError('niet-verwerkbaar', {
          userMessage: 'Een zienswijze op het voornemen legt u vast in de status "Voornemen tot opleggen".',
        });
      const nieuweRedenen: KlantReden[] =
        v.soort === 'zienswijze' ? (v.redenen ?? []).map((x) => ({ ...x, bron: 'zienswijze' as const })) : [];
      return withContext(db, dbContext(actor), async (tx) => {
        const r = await vergrendel(tx, actor, id, undefined);
        const ronde = await laatsteOplegging(tx, r);
        if (r.status !== 'opleggen' || ronde?.status !== 'voornemen')
          throw new AppError('conflict', {
            userMessage: 'Het voornemen is intussen gewijzigd. Open de pagina opnieuw.',
          });
        const fouten = beoordeelZienswijze(
          v.soort === 'zienswijze'
            ? { ...v, beantwoording: v.beantwoording }
            : { soort: 'awb-4-11', grond: v.grond, motivering: v.motivering },
          { vandaag: vandaag(), voornemenDatum: vandaag(ronde.voornemenOp) },
        );
        if (Object.keys(fouten).length) throw new TegenprestatieInvoerfout(fouten);
        const goed = nieuweRedenen.find((x) => x.maaktOngeschikt);
        await repo.updateOplegging(tx, ronde, {
          redenen: JSON.stringify([...ronde.redenen, ...nieuweRedenen]),
          zienswijzeVorm: v.soort === 'zienswijze' ? v.vorm : null,
          zienswijzeDatum: v.soort === 'zienswijze' ? v.datum : null,
          zienswijzeInhoud: v.soort === 'zienswijze' ? v.inhoud : null,
          beantwoording: v.soort === 'zienswijze' ? v.beantwoording : null,
          awbGrond: v.soort === 'awb-4-11' ? v.grond : null,
          awbMotivering: v.soort === 'awb-4-11' ? v.motivering : null,
          zienswijzeDoor: idVan(actor),
          zienswijzeDoorNaam: naamVan(actor),
          zienswijzeVastgelegdOp: new Date(),
          ...(goed ? { status: 'teruggezet' } : {}),
        });
        if (goed)
          await verplaats(
            tx,
            actor,
            r,
            'ontwerp',
            `Goede reden in de zienswijze (${REDEN_CATEGORIE_NAMEN[goed.categorie].toLowerCase()}): ${goed.beoordeling}`,
          );
        else await log(tx, actor, 'wijzigen', r.klantId, r.gemeenteId);
        const nu = (await laatsteOplegging(tx, r)) as OpleggingRij;
        return { oplegging: naarOplegging(nu), status: goed ? 'ontwerp' : 'opleggen' };
      });
    },

    /**
     * The team lead (a second person: not who recorded the intention or the view) approves the intention — the
     * design goes to `toetsing` (it takes a place of the activity) for the ordinance check and the college's decision,
     * whose reasons answer the client's view — or sends it back to `ontwerp` with a reason.
     */
    async beoordeelOplegging(
      actor: Actor,
      id: string,
      input: OpleggingBeoordelingInput,
    ): Promise<{ oplegging: Oplegging; status: Status }> {
      tegenprestatiesPolicy.vereis(actor, 'oplegging-beoordelen');
      const v = parseInvoer(OpleggingBeoordelingInput, input);
      const { rij, klant } = await zichtbaar(actor, id);
      if (rij.status !== 'opleggen')
        throw new AppError('niet-verwerkbaar', {
          userMessage: 'Er ligt geen voornemen tot opleggen ter beoordeling.',
        });
      if (v.akkoord) {
        // The facts may have changed since the intention: tailored and imposing, still, today.
        const { checklist } = await beoordeel(actor, naarTegenprestatie(rij), klant);
        if (!checklist.magOpleggen)
          throw new AppError('niet-verwerkbaar', {
            userMessage: `Het ontwerp is niet meer op maat: ${checklist.blokkades.filter((b) => !b.startsWith('Overtuigd')).join(' ') || 'zie de checklist.'} Stuur het terug naar ontwerp.`,
          });
        if (!(await legtOp(rij)))
          throw new AppError('niet-verwerkbaar', {
            userMessage:
              'De verordening die op de startdatum geldt, legt de tegenprestatie niet op. Stuur het terug naar ontwerp.',
          });
      }
      return withContext(db, dbContext(actor), async (tx) => {
        const r = await vergrendel(tx, actor, id, undefined);
        const ronde = await laatsteOplegging(tx, r);
        if (r.status !== 'opleggen' || ronde?.status !== 'voornemen')
          throw new AppError('conflict', {
            userMessage: 'Het voornemen is intussen gewijzigd. Open de pagina opnieuw.',
          });
        const fouten = beoordeelAkkoord({
          doorId: idVan(actor),
          voornemenDoorId: ronde.voornemenDoor,
          zienswijzeDoorId: ronde.zienswijzeDoor,
          zienswijzeVastgelegd: ronde.zienswijzeVorm !== null || ronde.awbGrond !== null,
          akkoord: v.akkoord,
          toelichting: v.toelichting,
        });
        if (Object.keys(fouten).length) throw new TegenprestatieInvoerfout(fouten);
        await repo.updateOplegging(tx, ronde, {
          status: v.akkoord ? 'akkoord' : 'teruggezet',
          beoordelingDoor: idVan(actor),
          beoordelingDoorNaam: naamVan(actor),
          beoordelingOp: new Date(),
          beoordelingToelichting: v.toelichting,
        });
        if (v.akkoord)
          await verplaats(
            tx,
            actor,
            r,
            'toetsing',
            `Akkoord teamleider met het voornemen tot opleggen${v.toelichting ? `: ${v.toelichting}` : '.'}`,
            {},
            { viaOplegging: true },
          );
        else
          await verplaats(tx, actor, r, 'ontwerp', `Teamleider stuurt het voornemen terug: ${v.toelichting}`);
        const nu = (await laatsteOplegging(tx, r)) as OpleggingRij;
        return { oplegging: naarOplegging(nu), status: v.akkoord ? 'toetsing' : 'ontwerp' };
      });
    },

    /** The team lead's advice on a design (recorded with who and when). */
    async geefAdvies(actor: Actor, id: string, input: { advies: string }): Promise<Tegenprestatie> {
      tegenprestatiesPolicy.vereis(actor, 'advies-geven');
      const v = parseInvoer(AdviesInput, input);
      await zichtbaar(actor, id);
      return withContext(db, dbContext(actor), async (tx) => {
        const r = await vergrendel(tx, actor, id, undefined);
        await repo.update(tx, r, {
          advies: v.advies,
          adviesOp: new Date(),
          adviesDoor: idVan(actor),
          adviesDoorNaam: naamVan(actor),
        });
        await log(tx, actor, 'wijzigen', r.klantId, r.gemeenteId);
        return lees(tx, actor, id);
      });
    },

    /**
     * AVG art. 15 (the privacy module only, as the system inside its transaction): the ids of the client's designs,
     * oldest first, read in the caller's transaction so that another module's export part needs no connection of its
     * own. Not logged: the caller logs its read of the client (`va-privacyverzoeken`).
     */
    async ontwerpIdsVoorInzage(actor: Actor, klantId: string, opties: { tx: Tx }): Promise<string[]> {
      if (actor.kind !== 'systeem') throw new AppError('geen-toegang');
      const { rijen } = await repo.list(opties.tx, dienstVan(actor), { klantId }, 1000, 0);
      return [...rijen].sort((a, b) => a.aangemaaktOp.getTime() - b.aangemaaktOp.getTime()).map((r) => r.id);
    },

    /**
     * AVG art. 15 (the privacy module only, as the system `avg-inzage` inside its transaction): the client's
     * designs and their status history with reasons, as plain records with Dutch labels ("kenmerk": the short
     * reference other modules' parts use too). Staff names are left out. The read is logged (`va-privacyverzoeken`).
     */
    async inzageVoorKlant(actor: Actor, klantId: string, opties: InzageOpties): Promise<InzageOnderdeel[]> {
      if (actor.kind !== 'systeem') throw new AppError('geen-toegang');
      const { tx } = opties;
      const { rijen } = await repo.list(tx, dienstVan(actor), { klantId }, 1000, 0);
      const ontwerpen = [...rijen].sort((a, b) => a.aangemaaktOp.getTime() - b.aangemaaktOp.getTime());
      const opleggingen: Array<Record<string, string | number | null>> = [];
      for (const r of ontwerpen)
        for (const o of (await repo.listOpleggingen(tx, r.dienstId, r.id)).reverse())
          opleggingen.push({
            Tegenprestatie: inzageKenmerk(r.id),
            'Voornemen vastgelegd op': inzageDatum(o.voornemenOp),
            Stand:
              {
                voornemen: 'Voornemen',
                akkoord: 'Akkoord teamleider',
                teruggezet: 'Teruggezet naar ontwerp',
                vervallen: 'Vervallen',
              }[o.status as 'voornemen'] ?? o.status,
            'Uw redenen en onze beoordeling': o.redenen
              .map(
                (x) =>
                  `${x.tekst} — ${x.maaktOngeschikt ? 'goede reden' : 'geen goede reden'}: ${x.beoordeling}`,
              )
              .join(' | '),
            'Wat wij ook deden':
              ALTERNATIEF_NAMEN[o.alternatiefSoort as keyof typeof ALTERNATIEF_NAMEN] ?? o.alternatiefSoort,
            'Uw zienswijze': o.zienswijzeVorm
              ? `${ZIENSWIJZE_VORM_NAMEN[o.zienswijzeVorm as ZienswijzeVorm]} op ${o.zienswijzeDatum}: ${o.zienswijzeInhoud ?? ''}`
              : null,
            'Ons antwoord': inzageTekst(o.beantwoording),
            'Niet gehoord, omdat': o.awbGrond
              ? `${AWB_4_11_NAMEN[o.awbGrond as Awb411Grond]}: ${o.awbMotivering ?? ''}`
              : null,
            'Beoordeeld op': inzageDatum(o.beoordelingOp),
          });
      const overgangen = [];
      for (const r of ontwerpen)
        for (const o of await repo.listOvergangen(tx, r.dienstId, r.gemeenteId, r.id))
          overgangen.push({
            Tegenprestatie: inzageKenmerk(r.id),
            Datum: inzageDatum(o.op),
            Van: o.van ? (HISTORIE_NAMEN[o.van as HistorischeStatus] ?? o.van) : null,
            Naar: HISTORIE_NAMEN[o.naar as HistorischeStatus] ?? o.naar,
            Reden: inzageTekst(o.reden),
          });
      // The activities' names in the same transaction (one connection per request).
      const namen = (
        await netwerk.namenInTransactie(
          actor,
          { activiteiten: ontwerpen.flatMap((r) => (r.activiteitId ? [r.activiteitId] : [])) },
          { tx },
        )
      ).activiteiten;
      const activiteiten = new Map(
        [...namen].map(([id, a]) => [id, a.organisatie ? `${a.titel} (${a.organisatie})` : a.titel]),
      );
      await record(tx, {
        actor,
        actie: 'lezen',
        subject: { type: 'klant', id: klantId },
        verwerkingsactiviteit: VA.privacyverzoeken,
        gemeenteId: opties.gemeenteId,
        dienstId: dienstVan(actor),
      });
      const oordeel = (v: boolean | null) => (v === null ? null : v ? 'Ja' : 'Nee');
      return [
        {
          onderdeel: 'tegenprestaties',
          titel: 'Uw tegenprestatie',
          records: ontwerpen.map((r) => ({
            Kenmerk: inzageKenmerk(r.id),
            'Gemaakt op': inzageDatum(r.aangemaaktOp),
            Status: STATUS_NAMEN[r.status as Status] ?? r.status,
            Activiteit: r.activiteitId ? (activiteiten.get(r.activiteitId) ?? null) : null,
            'Uren per week': r.urenPerWeek === null ? null : Number(r.urenPerWeek),
            Dagdelen: r.dagdelen.length
              ? r.dagdelen.map((d) => dagdeelNaam(d as (typeof DAGDELEN)[number])).join(', ')
              : null,
            Begindatum: inzageDatum(r.startdatum),
            Einddatum: inzageDatum(r.einddatum),
            Evaluatiedata: r.evaluatiedata.length ? r.evaluatiedata.join(', ') : null,
            'Wat daarna (vervolg)': r.vervolg ? (VERVOLG_NAMEN[r.vervolg as Vervolg] ?? r.vervolg) : null,
            'Toelichting vervolg': inzageTekst(r.vervolgToelichting),
            'Past bij uw leeftijd': inzageTekst(r.maatwerkLeeftijd),
            'Past bij uw opleiding': inzageTekst(r.maatwerkOpleiding),
            'Past bij uw werkervaring': inzageTekst(r.maatwerkWerkervaring),
            'Past bij uw situatie': inzageTekst(r.maatwerkOmstandigheden),
            'Wat u ervoor terugkrijgt': inzageTekst(r.wederkerigheidOmschrijving),
            'Vindt de klantmanager het passend': oordeel(r.overtuigdKlantmanager),
            'Waarom (klantmanager)': inzageTekst(r.overtuigdKlantmanagerMotivering),
            'Vindt u het passend': oordeel(r.overtuigdKlant),
            'Uw mening': inzageTekst(r.overtuigdKlantZienswijze),
            'Vindt de organisatie het passend': oordeel(r.overtuigdOrganisatie),
            'Waarom (organisatie)': inzageTekst(r.overtuigdOrganisatieMotivering),
            'Vraag aan de teamleider': inzageTekst(r.adviesVraag),
            'Advies van de teamleider': inzageTekst(r.advies),
            'Voorgesteld door de computer': r.suggestie
              ? [`score ${r.suggestie.score}`, ...r.suggestie.redenen].join('; ')
              : null,
            'Waarom geen medewerking': inzageTekst(r.geenMedewerkingOnderbouwing),
            'Reden van stoppen': inzageTekst(r.beeindigingReden),
          })),
        },
        // Only for a client on whom a design was (to be) imposed (issue 15).
        ...(opleggingen.length
          ? [
              {
                onderdeel: 'tegenprestatie-oplegging',
                titel: 'Opleggen van uw tegenprestatie: uw redenen, uw zienswijze en ons antwoord',
                records: opleggingen,
              },
            ]
          : []),
        {
          onderdeel: 'tegenprestatie-statussen',
          titel: 'Hoe uw tegenprestatie veranderde',
          records: overgangen,
        },
      ];
    },
  };
  return service;
}

export type TegenprestatiesService = ReturnType<typeof createTegenprestatiesService>;
