import { type Tx, withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { type InzageOnderdeel, type InzageOpties, inzageDatum, inzageKenmerk } from '../../lib/inzage.ts';
import { overgangWaarschuwing } from '../../lib/wetswijziging.ts';
import { paths } from '../../web/paths.ts';
import { type Actor, dbContext, systeemActor } from '../auth/index.ts';
import {
  formatDatumNl,
  type IsoDatum,
  isIsoDatum,
  type KlantDossier,
  type KlantenService,
  plusDagen,
  vandaag as vandaagNu,
} from '../klanten/index.ts';
import { record, VA } from '../logboek/index.ts';
import type { Activiteit, NetwerkService } from '../netwerk/index.ts';
import type { NieuwSignaal } from '../signalen/index.ts';
import { STATUS_NAMEN, type Tegenprestatie, type TegenprestatiesService } from '../tegenprestaties/index.ts';
import {
  type NaamTekst,
  naamWisselZin,
  ontwerpVoorToets,
  REGEL_NAMEN,
  STANDAARD_MIN_DAGEN_VERZENDING,
  type VerordeningService,
  WEERGAVENAAM_TEKST,
} from '../verordening/index.ts';
import {
  beoordeelBevestiging,
  beoordeelGrondslag,
  beoordeelIntrekking,
  beoordeelVerzending,
  type GrondslagBeoordeling,
} from './besluit.ts';
import {
  besluitDocument,
  type DocumentGegevens,
  intrekkingDocument,
  overeenkomstDocument,
  renderPdf,
  standaardVerzekering,
} from './documenten.ts';
import { overeenkomstenPolicy as policy } from './overeenkomsten.policy.ts';
import {
  type OvereenkomstRij,
  overeenkomstenRepository as repo,
  type ToetsingRij,
  type VersieRij,
} from './overeenkomsten.repository.ts';
import {
  AcceptatieInput,
  type BesluitGrondslag,
  BesluitInput,
  OvereenkomstInvoerfout,
  type OvereenkomstVersie,
  parseInvoer,
  type Toetsing,
  VersieBevestigingInput,
  VersieIntrekkingInput,
  type VersieSnapshot,
  VersieVoorstelInput,
} from './overeenkomsten.schemas.ts';
import { type AfspraakVoorStart, startOordeel } from './start.ts';
import { type Afspraak, beoordeelBevestigingVersie, beoordeelVersie, type VersieContext } from './versie.ts';

export interface OvereenkomstenDeps {
  db: Database;
  tegenprestaties: Pick<
    TegenprestatiesService,
    | 'findTegenprestatie'
    | 'bekijkOntwerp'
    | 'bereidDeel2OvergangVoor'
    | 'ontwerpIdsVoorInzage'
    | 'wijzigStatus'
    | 'updateTegenprestatie'
    | 'bereidAfspraakWijzigingVoor'
  >;
  /**
   * The evaluations of a placement, newest first (the uitvoering module's `evaluatiesVan`): a new version of a
   * running agreement follows an evaluation with the decision `aanpassen`. Required: without it no change is allowed.
   */
  evaluaties: (actor: Actor, id: string) => Promise<Array<{ id: string; datum: IsoDatum; besluit: string }>>;
  klanten: Pick<KlantenService, 'findKlant'>;
  netwerk: Pick<NetwerkService, 'findActiviteit'>;
  verordening: Pick<
    VerordeningService,
    'toetsOntwerp' | 'naamVoorPeriode' | 'rechtsgrondenVoorPeriode' | 'findGemeente'
  >;
  /** Raises a signal at once (the signalen module's `meld`); without it no signal is raised. */
  signalen?: { meld(signaal: NieuwSignaal & { dienstId: string }): Promise<void> };
  /** Today in Amsterdam (tests inject a fixed day). */
  vandaag?: () => IsoDatum;
  /** The insurance sentence on the agreement (configuration; default: the municipality's collective policies). */
  verzekering?: (gemeente: string, naam: NaamTekst) => string;
}

/** The decision/agreement of the latest check run, as pages and the API show it. */
export interface OvereenkomstStand {
  besluit: {
    datum: IsoDatum;
    /** The day it was sent (made known); null for decisions recorded before the sending date was. */
    verzenddatum: IsoDatum | null;
    ondertekenaar: string;
    doorNaam: string | null;
    /** What the decision printed about its legal basis (null for older decisions). */
    grondslag: BesluitGrondslag | null;
  } | null;
  acceptatie: {
    overeenkomstDatum: IsoDatum;
    klantGetekendOp: IsoDatum;
    organisatieGetekendOp: IsoDatum | null;
    /** Why a voluntary agreement confirms what already ran (dated after the start). */
    bevestigingsreden: string | null;
    doorNaam: string | null;
  } | null;
  gestartOp: string | null;
  /** The college's revocation of the imposed decision (issue 16), once recorded. */
  intrekking?: { datum: IsoDatum; verzenddatum: IsoDatum; ondertekenaar: string; reden: string } | null;
}

/** Everything the page of a design's check, decision and agreement shows. */
export interface OvereenkomstBeeld {
  tegenprestatie: Tegenprestatie;
  klant: KlantDossier;
  activiteit: Activiteit | null;
  gemeente: string;
  toetsingen: Toetsing[];
  laatste: Toetsing | null;
  stand: OvereenkomstStand | null;
  /** A host organisation takes part (a host-less maatwerk design needs only the client's signature). */
  metOrganisatie: boolean;
  /** The latest check passed and the version imposes: the college decides. */
  besluitNodig: boolean;
  /** The instrument's name of this period: the name of the version that governs it (in force on its start). */
  naam: NaamTekst;
  /** One plain sentence when the name changes within the period (else null). */
  naamZin: string | null;
  /** The legal basis over the period (an imposing decision is refused where it is missing). */
  grondslag: GrondslagBeoordeling;
  /** Warnings the page shows: the period spans 2027, no basis for part of it, few days after sending. */
  waarschuwingen: string[];
  /** What the caseworker can do now (`inkorten`: end the period before the regime without a basis). */
  kan: {
    toetsen: boolean;
    besluiten: boolean;
    accepteren: boolean;
    overeenkomstPdf: boolean;
    inkorten: boolean;
  };
  /** Open MOETs when the design is not in toetsing yet (else empty). */
  openMoeten: string[];
  vandaag: IsoDatum;
}

const DOCUMENT_STATUSSEN = new Set(['toetsing', 'overeengekomen', 'lopend', 'afgerond', 'beeindigd']);
const GEEN_TOETSING =
  'Er is nog geen geslaagde toets aan de verordening. Toets het ontwerp eerst en los op wat niet voldoet.';

const naamVan = (actor: Actor): string =>
  actor.kind === 'gebruiker' ? actor.naam : `Systeem (${actor.reden.slice(0, 150)})`;
const idVan = (actor: Actor): string | null => (actor.kind === 'gebruiker' ? actor.gebruikerId : null);

function naarToetsing(r: ToetsingRij): Toetsing {
  return {
    id: r.id,
    tegenprestatieId: r.tegenprestatieId,
    startdatum: r.startdatum,
    versie: r.versie as VersieSnapshot,
    voldoet: r.voldoet,
    uitkomsten: r.uitkomsten as Toetsing['uitkomsten'],
    doorNaam: r.doorNaam,
    uitgevoerdOp: r.uitgevoerdOp.toISOString(),
  };
}

function naarStand(r: OvereenkomstRij | undefined): OvereenkomstStand | null {
  if (!r) return null;
  return {
    besluit:
      r.besluitDatum && r.besluitOndertekenaar
        ? {
            datum: r.besluitDatum,
            verzenddatum: r.verzenddatum,
            ondertekenaar: r.besluitOndertekenaar,
            doorNaam: r.besluitDoorNaam,
            grondslag: (r.besluitGrondslag as BesluitGrondslag | null) ?? null,
          }
        : null,
    acceptatie:
      r.acceptatieVastgelegdOp && r.overeenkomstDatum && r.klantGetekendOp
        ? {
            overeenkomstDatum: r.overeenkomstDatum,
            klantGetekendOp: r.klantGetekendOp,
            organisatieGetekendOp: r.organisatieGetekendOp,
            bevestigingsreden: r.bevestigingsreden,
            doorNaam: r.acceptatieDoorNaam,
          }
        : null,
    gestartOp: r.gestartOp ? r.gestartOp.toISOString() : null,
    intrekking:
      r.intrekkingDatum && r.intrekkingVerzenddatum
        ? {
            datum: r.intrekkingDatum,
            verzenddatum: r.intrekkingVerzenddatum,
            ondertekenaar: r.intrekkingOndertekenaar ?? '',
            reden: r.intrekkingReden ?? '',
          }
        : null,
  };
}

/** The items a version row fixes, and those of the version it replaced. */
const afspraakVan = (r: VersieRij): Afspraak => ({
  urenPerWeek: Number(r.urenPerWeek),
  dagdelen: r.dagdelen,
  einddatum: r.einddatum,
});
const vorigeVan = (r: VersieRij): Afspraak => {
  const v = r.vorige as { urenPerWeek: number | null; dagdelen: string[]; einddatum: string | null };
  return {
    urenPerWeek: Number(v.urenPerWeek ?? 0),
    dagdelen: v.dagdelen ?? [],
    einddatum: v.einddatum ?? null,
  };
};

/** The items of the version in force now (the placement's own). */
const huidigeAfspraak = (t: Tegenprestatie): Afspraak => ({
  urenPerWeek: t.urenPerWeek ?? 0,
  dagdelen: t.dagdelen,
  einddatum: t.einddatum,
});

function naarVersie(r: VersieRij, vandaag: IsoDatum, inKracht: boolean): OvereenkomstVersie {
  const uitkomsten = (r.uitkomsten as OvereenkomstVersie['uitkomsten']) ?? [];
  return {
    nummer: r.nummer,
    status: r.bevestigdOp ? 'bevestigd' : r.ingetrokkenOp ? 'ingetrokken' : 'voorgesteld',
    inKracht: inKracht && Boolean(r.bevestigdOp) && r.ingangsdatum <= vandaag,
    ingangsdatum: r.ingangsdatum,
    afspraak: { ...afspraakVan(r), dagdelen: [...r.dagdelen] },
    vorige: (() => {
      const v = vorigeVan(r);
      return { ...v, dagdelen: [...v.dagdelen] };
    })(),
    verlengingMaanden: r.verlengingMaanden,
    toelichting: r.toelichting,
    evaluatieId: r.evaluatieId,
    uitkomsten,
    voldoet: uitkomsten.every((u) => u.uitkomst !== 'voldoet-niet'),
    besluit:
      r.besluitDatum && r.verzenddatum && r.besluitOndertekenaar
        ? { datum: r.besluitDatum, verzenddatum: r.verzenddatum, ondertekenaar: r.besluitOndertekenaar }
        : null,
    bevestiging:
      r.bevestigdOp && r.overeenkomstDatum && r.klantGetekendOp
        ? {
            overeenkomstDatum: r.overeenkomstDatum,
            klantGetekendOp: r.klantGetekendOp,
            organisatieGetekendOp: r.organisatieGetekendOp,
          }
        : null,
    ingetrokkenReden: r.ingetrokkenReden,
    doorNaam: r.doorNaam,
  };
}

/**
 * Version 1 (the accepted agreement, with the items that held before the first confirmed change) and every later
 * version; the one in force on `vandaag` is the newest confirmed one that has taken effect (else version 1).
 */
function versieLijst(
  t: Tegenprestatie,
  laatste: Toetsing | null,
  stand: OvereenkomstStand | null,
  rijen: VersieRij[],
  vandaag: IsoDatum,
): OvereenkomstVersie[] {
  const bevestigd = rijen.filter((r) => r.bevestigdOp);
  const geldend = [...bevestigd].reverse().find((r) => r.ingangsdatum <= vandaag);
  const eerste = bevestigd[0] ? vorigeVan(bevestigd[0]) : huidigeAfspraak(t);
  const een: OvereenkomstVersie = {
    nummer: 1,
    status: stand?.acceptatie ? 'bevestigd' : 'voorgesteld',
    inKracht: Boolean(stand?.acceptatie) && !geldend,
    ingangsdatum: t.startdatum,
    afspraak: { ...eerste, dagdelen: [...eerste.dagdelen] },
    vorige: null,
    verlengingMaanden: null,
    toelichting: null,
    evaluatieId: null,
    uitkomsten: laatste?.uitkomsten ?? [],
    voldoet: laatste?.voldoet ?? false,
    besluit: stand?.besluit?.verzenddatum
      ? {
          datum: stand.besluit.datum,
          verzenddatum: stand.besluit.verzenddatum,
          ondertekenaar: stand.besluit.ondertekenaar,
        }
      : null,
    bevestiging: stand?.acceptatie
      ? {
          overeenkomstDatum: stand.acceptatie.overeenkomstDatum,
          klantGetekendOp: stand.acceptatie.klantGetekendOp,
          organisatieGetekendOp: stand.acceptatie.organisatieGetekendOp,
        }
      : null,
    ingetrokkenReden: null,
    doorNaam: stand?.acceptatie?.doorNaam ?? null,
  };
  return [een, ...rijen.map((r) => naarVersie(r, vandaag, r === geldend))];
}

/** What `beoordeelVersie` needs of the placement, its versions and evaluations. */
function versieContext(
  t: Tegenprestatie,
  rijen: VersieRij[],
  evaluaties: Array<{ id: string; datum: IsoDatum; besluit: string }>,
  vorm: 'opleggen' | 'aanbieden',
  naam: string,
  vandaag: IsoDatum,
): VersieContext {
  const laatsteEvaluatie = evaluaties[0] ?? null;
  const bevestigd = rijen.filter((r) => r.bevestigdOp);
  return {
    status: t.status,
    startdatum: t.startdatum,
    huidig: huidigeAfspraak(t),
    oorspronkelijkeEinde: bevestigd[0] ? vorigeVan(bevestigd[0]).einddatum : t.einddatum,
    laatsteEvaluatie,
    evaluatieGebruikt:
      laatsteEvaluatie !== null &&
      rijen.some((r) => r.evaluatieId === laatsteEvaluatie.id && !r.ingetrokkenOp),
    openVoorstel: rijen.some((r) => !r.bevestigdOp && !r.ingetrokkenOp),
    vorm,
    naam,
    vandaag,
  };
}

/** Which version of a placement's agreement holds today (the placement page shows it). */
export interface VersieStand {
  inKracht: { nummer: number; sinds: IsoDatum | null } | null;
  /** A confirmed version that takes effect later. */
  komend: { nummer: number; ingangsdatum: IsoDatum } | null;
  /** The version waiting for the three parties' confirmation. */
  open: number | null;
  /**
   * The sending date of the imposed decision once it was sent (else null): a back-step or an early end is then a
   * revocation decision (`bereidIntrekkingVoor`).
   */
  besluitVerzonden: IsoDatum | null;
}

/** The page of a running agreement's versions (issue 16). */
export interface AanpassingBeeld {
  tegenprestatie: Tegenprestatie;
  klant: KlantDossier;
  activiteit: { titel: string; organisatie: string | null } | null;
  gemeente: string;
  naam: NaamTekst;
  vorm: 'opleggen' | 'aanbieden';
  versies: OvereenkomstVersie[];
  /** The number of the version in force today. */
  inKracht: number;
  open: OvereenkomstVersie | null;
  laatsteEvaluatie: { id: string; datum: IsoDatum; besluit: string } | null;
  /** Why no new version can be proposed now (null when it can). */
  waaromNiet: string | null;
  metOrganisatie: boolean;
  kan: { voorstellen: boolean; bevestigen: boolean; intrekken: boolean };
  vandaag: IsoDatum;
}

/**
 * Part 2 of a tegenprestatie's life: the check against the ordinance, the college's decision, the agreement and
 * its acceptance, and the move to `lopend` on the start date. Access: klantmanager and teamleider (own policy) and
 * the design must be visible (the tegenprestaties module answers `niet-gevonden` otherwise). Every read and
 * change is logged (`va-klantdossier-tegenprestatie`, subject the client) in its transaction.
 */
export function createOvereenkomstenService(deps: OvereenkomstenDeps) {
  const { db } = deps;
  const vandaag = deps.vandaag ?? (() => vandaagNu());
  const verzekering = deps.verzekering ?? standaardVerzekering;

  const dienstVan = (actor: Actor): string => {
    if (actor.kind === 'gebruiker') return actor.dienstId;
    if (actor.dienstId) return actor.dienstId;
    throw new AppError('intern', { message: `system context without dienstId: ${actor.reden}` });
  };

  const log = (
    tx: Tx,
    actor: Actor,
    actie: 'lezen' | 'aanmaken' | 'wijzigen' | 'exporteren',
    t: Pick<Tegenprestatie, 'klantId' | 'gemeenteId'>,
  ) =>
    record(tx, {
      actor,
      actie,
      subject: { type: 'klant', id: t.klantId },
      verwerkingsactiviteit: VA.klantdossierTegenprestatie,
      gemeenteId: t.gemeenteId,
      ...(actor.kind === 'systeem' ? { dienstId: dienstVan(actor) } : {}),
    });

  async function activiteitVan(actor: Actor, id: string | null): Promise<Activiteit | null> {
    if (!id) return null;
    return deps.netwerk.findActiviteit(actor, id).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'niet-gevonden') return null;
      throw e;
    });
  }

  /** The design (404 when invisible), its check runs (newest first) and the latest run's record. */
  async function lees(actor: Actor, id: string, actie: 'lezen' | 'exporteren' = 'lezen') {
    const t = await deps.tegenprestaties.findTegenprestatie(actor, id);
    return withContext(db, dbContext(actor), async (tx) => {
      const toetsingen = (await repo.listToetsingen(tx, dienstVan(actor), t.id)).map(naarToetsing);
      const laatste = toetsingen[0] ?? null;
      const stand = laatste ? naarStand(await repo.findOvereenkomst(tx, dienstVan(actor), laatste.id)) : null;
      const versieRijen = await repo.listVersies(tx, dienstVan(actor), t.id);
      await log(tx, actor, actie, t);
      return { t, toetsingen, laatste, stand, versieRijen };
    });
  }

  const nietInToetsing = (t: Tegenprestatie) =>
    new AppError('niet-verwerkbaar', {
      userMessage: `De tegenprestatie staat op "${STATUS_NAMEN[t.status]}". Dit kan alleen in de status toetsing.`,
    });

  /**
   * The name and legal basis of a design's period: the name of the version that governs it (the checked version,
   * in force on the start date) with the changes of name later in the period, and the legal basis per regime the
   * period reaches, judged for an imposing decision or a voluntary agreement.
   */
  async function periode(actor: Actor, t: Tegenprestatie, laatste: Toetsing | null) {
    const start = t.startdatum;
    if (!start) {
      const naam: NaamTekst = laatste ? WEERGAVENAAM_TEKST[laatste.versie.weergavenaam] : 'tegenprestatie';
      return {
        naam,
        naamZin: null,
        regimes: [],
        grondslag: beoordeelGrondslag([], 'vrijwillig', naam),
        waarschuwing2027: null,
      };
    }
    // One after the other: a request uses one database connection at a time.
    const gemeente = await deps.verordening.findGemeente(actor, t.gemeenteId);
    const p = await deps.verordening.naamVoorPeriode(actor, t.gemeenteId, start, t.einddatum);
    const regimes = await deps.verordening.rechtsgrondenVoorPeriode(actor, start, t.einddatum);
    const naam = laatste ? WEERGAVENAAM_TEKST[laatste.versie.weergavenaam] : p.naam;
    const soort = laatste?.versie.vorm === 'aanbieden' ? 'vrijwillig' : 'opleggen';
    return {
      naam,
      naamZin: naamWisselZin(gemeente.naam, naam, p.wisselingen),
      regimes,
      grondslag: beoordeelGrondslag(regimes, soort, naam),
      waarschuwing2027: overgangWaarschuwing(start, t.einddatum, naam),
    };
  }

  async function documentGegevens(
    actor: Actor,
    id: string,
    soort: 'besluit' | 'overeenkomst',
    nummer = 1,
    /** The revocation prints also after a back-step (the design is then in ontwerp). */
    ookNaTerugzetten = false,
  ): Promise<DocumentGegevens> {
    policy.vereis(actor, 'overeenkomsten-bekijken');
    const gelezen = await lees(actor, id, 'exporteren');
    const { laatste, stand, versieRijen } = gelezen;
    // Every version prints its own items: version 1 what held before the first confirmed change, a later one its own.
    const bevestigd = versieRijen.filter((v) => v.bevestigdOp);
    const rij = nummer >= 2 ? versieRijen.find((v) => v.nummer === nummer && !v.ingetrokkenOp) : undefined;
    if (nummer >= 2 && !rij)
      throw notFound('Deze versie van de overeenkomst bestaat niet (of is ingetrokken).');
    const items = rij ? afspraakVan(rij) : bevestigd[0] ? vorigeVan(bevestigd[0]) : null;
    const t = items
      ? {
          ...gelezen.t,
          urenPerWeek: items.urenPerWeek,
          dagdelen: [...items.dagdelen],
          einddatum: items.einddatum,
        }
      : gelezen.t;
    if (!laatste?.voldoet || !(ookNaTerugzetten || DOCUMENT_STATUSSEN.has(t.status)))
      throw new AppError('niet-verwerkbaar', { userMessage: GEEN_TOETSING });
    const opleggen = laatste.versie.vorm === 'opleggen';
    if (soort === 'besluit') {
      if (!opleggen)
        throw new AppError('niet-verwerkbaar', {
          userMessage:
            'In deze gemeente biedt het college dit alleen aan: meedoen is vrijwillig. Er is daarom geen besluit.',
        });
      if (rij ? !rij.besluitDatum : !stand?.besluit)
        throw new AppError('niet-verwerkbaar', {
          userMessage: rij
            ? 'Het wijzigingsbesluit is nog niet vastgelegd.'
            : 'Het besluit is nog niet vastgelegd.',
        });
    }
    const info = await periode(actor, t, laatste);
    // An imposed period is printed only with a recorded basis for all of it: the decision (and the agreement that
    // goes with it) is refused before that. A decision already taken prints what it printed then (one recorded
    // before its basis was kept prints the regimes recorded now, never an unrecorded one).
    const vastgelegd = stand?.besluit?.grondslag ?? null;
    if (opleggen && !stand?.besluit && info.grondslag.weigering)
      throw new AppError('niet-verwerkbaar', { userMessage: info.grondslag.weigering });
    const documentdatum = rij
      ? (rij.overeenkomstDatum ?? vandaag())
      : soort === 'besluit'
        ? (stand?.besluit?.verzenddatum ?? stand?.besluit?.datum ?? vandaag())
        : (stand?.acceptatie?.overeenkomstDatum ?? vandaag());
    // One after the other: a request uses one database connection at a time.
    const klant = await deps.klanten.findKlant(actor, t.klantId);
    const activiteit = await activiteitVan(actor, t.activiteitId);
    const gemeente = await deps.verordening.findGemeente(actor, t.gemeenteId);
    const adres = [
      [klant.straat, klant.huisnummer].filter(Boolean).join(' '),
      [klant.postcode, klant.woonplaats].filter(Boolean).join(' '),
    ]
      .filter(Boolean)
      .join(', ');
    const grondslag: BesluitGrondslag = vastgelegd ?? {
      regimes: info.regimes.flatMap((r) =>
        r.artikel ? [{ van: r.van, tot: r.tot, artikel: r.artikel, omschrijving: r.omschrijving }] : [],
      ),
      artikelMaatregel: laatste.versie.artikelMaatregel ?? '',
    };
    return {
      gemeente: gemeente.naam,
      naam: info.naam,
      naamZin: info.naamZin,
      vorm: laatste.versie.vorm,
      documentdatum,
      klant: { naam: klant.naam, klantnummer: klant.klantnummer, adres: adres || null },
      klantmanager: klant.klantmanager?.naam ?? null,
      tegenprestatie: t,
      oplegging: t.oplegging?.status === 'akkoord' ? t.oplegging : null,
      activiteit: activiteit
        ? {
            titel: activiteit.titel,
            omschrijving: activiteit.omschrijving,
            organisatie: activiteit.organisatie?.naam ?? null,
            locatie: activiteit.locatie,
            mentor: activiteit.mentor,
          }
        : null,
      versie: laatste.versie,
      toetsdatum: laatste.uitgevoerdOp.slice(0, 10),
      grondslag,
      verzekering: verzekering(gemeente.naam, info.naam),
      besluit: rij
        ? rij.besluitDatum && rij.besluitOndertekenaar
          ? {
              datum: rij.besluitDatum,
              verzenddatum: rij.verzenddatum,
              ondertekenaar: rij.besluitOndertekenaar,
            }
          : null
        : stand?.besluit
          ? {
              datum: stand.besluit.datum,
              verzenddatum: stand.besluit.verzenddatum,
              ondertekenaar: stand.besluit.ondertekenaar,
            }
          : null,
      acceptatie: rij
        ? rij.bevestigdOp && rij.klantGetekendOp
          ? {
              klantGetekendOp: rij.klantGetekendOp,
              organisatieGetekendOp: rij.organisatieGetekendOp,
              bevestigingsreden: null,
            }
          : null
        : stand?.acceptatie
          ? {
              klantGetekendOp: stand.acceptatie.klantGetekendOp,
              organisatieGetekendOp: stand.acceptatie.organisatieGetekendOp,
              bevestigingsreden: stand.acceptatie.bevestigingsreden,
            }
          : null,
      wijziging: rij
        ? {
            nummer: rij.nummer,
            ingangsdatum: rij.ingangsdatum,
            vorige: vorigeVan(rij),
            verlengingMaanden: rij.verlengingMaanden,
            toelichting: rij.toelichting,
            besluit:
              rij.besluitDatum && rij.verzenddatum && rij.besluitOndertekenaar
                ? {
                    datum: rij.besluitDatum,
                    verzenddatum: rij.verzenddatum,
                    ondertekenaar: rij.besluitOndertekenaar,
                  }
                : null,
          }
        : null,
    };
  }

  const service = {
    /**
     * Checks the design against the version of the ordinance in force on its START date and stores the outcome
     * per rule with the version. Only in `toetsing`: asked earlier, refuses (`niet-verwerkbaar`, 422) and names
     * the open MOETs; without a version in force on the start date, refuses too.
     */
    async voerToetsingUit(actor: Actor, id: string): Promise<Toetsing> {
      policy.vereis(actor, 'overeenkomsten-vastleggen');
      const t = await deps.tegenprestaties.findTegenprestatie(actor, id);
      if (t.status !== 'toetsing') {
        if (t.status === 'verkenning' || t.status === 'ontwerp') {
          const { checklist } = await deps.tegenprestaties.bekijkOntwerp(actor, id);
          throw new AppError('niet-verwerkbaar', {
            userMessage:
              `Het ontwerp staat nog op "${STATUS_NAMEN[t.status]}". De toets aan de verordening komt pas als ` +
              `het ontwerp klaar is en op toetsing staat. ${
                checklist.blokkades.length
                  ? `Nog open: ${checklist.blokkades.join(' ')}`
                  : 'Zet het ontwerp eerst naar toetsing.'
              }`,
          });
        }
        throw nietInToetsing(t);
      }
      if (!t.startdatum)
        throw new AppError('niet-verwerkbaar', { userMessage: 'Het ontwerp heeft geen startdatum.' });
      const klant = await deps.klanten.findKlant(actor, t.klantId);
      const { versie, uitkomsten } = await deps.verordening.toetsOntwerp(
        actor,
        t.gemeenteId,
        ontwerpVoorToets(t, klant, t.startdatum),
      );
      const snapshot: VersieSnapshot = {
        id: versie.id,
        ingangsdatum: versie.ingangsdatum,
        titel: versie.titel,
        vorm: versie.vorm,
        weergavenaam: versie.weergavenaam,
        artikelen: { ...versie.artikelen },
        minDagenVerzendingStart: versie.minDagenVerzendingStart,
        artikelMaatregel: versie.artikelMaatregel,
      };
      return withContext(db, dbContext(actor), async (tx) => {
        const rij = await repo.insertToetsing(tx, {
          dienstId: dienstVan(actor),
          gemeenteId: t.gemeenteId,
          tegenprestatieId: t.id,
          versieId: versie.id,
          versie: JSON.stringify(snapshot),
          startdatum: t.startdatum as string,
          uitkomsten: JSON.stringify(uitkomsten),
          voldoet: uitkomsten.every((u) => u.uitkomst !== 'voldoet-niet'),
          door: idVan(actor),
          doorNaam: naamVan(actor),
        });
        await log(tx, actor, 'aanmaken', t);
        return naarToetsing(rij);
      });
    },

    /** The stored check runs of a design, newest first. */
    async listToetsingen(actor: Actor, id: string): Promise<Toetsing[]> {
      policy.vereis(actor, 'overeenkomsten-bekijken');
      return (await lees(actor, id)).toetsingen;
    },

    /** The page: the design, client, activity, check runs, the latest run's decision/agreement and what can be done. */
    async bekijk(actor: Actor, id: string): Promise<OvereenkomstBeeld> {
      policy.vereis(actor, 'overeenkomsten-bekijken');
      const { t, toetsingen, laatste, stand } = await lees(actor, id);
      // One after the other: a request uses one database connection at a time.
      const klant = await deps.klanten.findKlant(actor, t.klantId);
      const activiteit = await activiteitVan(actor, t.activiteitId);
      const gemeente = await deps.verordening.findGemeente(actor, t.gemeenteId);
      const openMoeten =
        t.status === 'verkenning' || t.status === 'ontwerp'
          ? (await deps.tegenprestaties.bekijkOntwerp(actor, id)).checklist.blokkades
          : [];
      const magWijzigen = policy.mag(actor, 'overeenkomsten-vastleggen');
      const inToetsing = t.status === 'toetsing';
      const geslaagd = Boolean(laatste?.voldoet);
      const besluitNodig = geslaagd && laatste?.versie.vorm === 'opleggen';
      const info = await periode(actor, t, laatste);
      const waarschuwingen: string[] = [];
      if (info.waarschuwing2027) waarschuwingen.push(info.waarschuwing2027);
      if (info.grondslag.waarschuwing && !stand?.besluit?.grondslag)
        waarschuwingen.push(info.grondslag.waarschuwing);
      const b = stand?.besluit;
      if (b?.verzenddatum && t.startdatum)
        waarschuwingen.push(
          ...beoordeelVerzending({
            besluitdatum: b.datum,
            verzenddatum: b.verzenddatum,
            startdatum: t.startdatum,
            vandaag: b.verzenddatum,
            minDagen: laatste?.versie.minDagenVerzendingStart ?? STANDAARD_MIN_DAGEN_VERZENDING,
            naam: info.naam,
          }).waarschuwingen,
        );
      const zonderGrondslag = besluitNodig && !b && Boolean(info.grondslag.weigering);
      return {
        tegenprestatie: t,
        klant,
        activiteit,
        gemeente: gemeente.naam,
        toetsingen,
        laatste,
        stand,
        metOrganisatie: Boolean(activiteit?.organisatie),
        besluitNodig,
        naam: info.naam,
        naamZin: info.naamZin,
        grondslag: info.grondslag,
        waarschuwingen,
        kan: {
          toetsen: magWijzigen && inToetsing,
          besluiten: magWijzigen && inToetsing && besluitNodig && !b && !zonderGrondslag,
          accepteren:
            magWijzigen && inToetsing && geslaagd && (!besluitNodig || Boolean(b)) && !stand?.intrekking,
          overeenkomstPdf: geslaagd && DOCUMENT_STATUSSEN.has(t.status) && !zonderGrondslag,
          inkorten:
            magWijzigen &&
            inToetsing &&
            zonderGrondslag &&
            info.grondslag.eindeVoorstel !== null &&
            t.startdatum !== null &&
            info.grondslag.eindeVoorstel >= t.startdatum,
        },
        openMoeten,
        vandaag: vandaag(),
      };
    },

    /**
     * Records the college's decision (only where the version the design was checked against imposes it): its date
     * (not in the future), the sending date and who signs on behalf of the college; once per check run. Refused
     * (no override): a start before the sending date (Awb 3:40–3:41), and a period that reaches a day without a
     * recorded legal basis. Warned: fewer days between sending and start than the ordinance asks. Keeps what the
     * decision prints about its legal basis with it.
     */
    async neemBesluit(
      actor: Actor,
      id: string,
      input: unknown,
    ): Promise<OvereenkomstStand & { waarschuwingen: string[] }> {
      policy.vereis(actor, 'overeenkomsten-vastleggen');
      const invoer = parseInvoer(BesluitInput, input);
      const { t, laatste, stand } = await lees(actor, id);
      if (t.status !== 'toetsing') throw nietInToetsing(t);
      if (!laatste?.voldoet) throw new AppError('niet-verwerkbaar', { userMessage: GEEN_TOETSING });
      if (laatste.versie.vorm !== 'opleggen')
        throw new AppError('niet-verwerkbaar', {
          userMessage: `In de gemeente biedt het college de ${WEERGAVENAAM_TEKST[laatste.versie.weergavenaam]} alleen aan (${laatste.versie.titel}): meedoen is vrijwillig. Er komt geen besluit.`,
        });
      if (stand?.besluit) throw new AppError('conflict', { userMessage: 'Het besluit is al vastgelegd.' });
      // Issue 15: a client who is not convinced is bound only by a decision taken after their view, approved by a
      // second person (tegenprestaties `beoordeelOplegging`); its reasons answer the view.
      if (t.overtuigd.klant.oordeel !== 'ja' && t.oplegging?.status !== 'akkoord')
        throw new AppError('niet-verwerkbaar', {
          userMessage:
            'De klant is niet overtuigd en er is geen voornemen tot opleggen waarmee de teamleider akkoord ging. ' +
            'Leg eerst het voornemen vast, met de redenen van de klant en de zienswijze, en vraag het akkoord van de teamleider.',
        });
      const start = t.startdatum as string;
      const info = await periode(actor, t, laatste);
      if (info.grondslag.weigering)
        throw new AppError('niet-verwerkbaar', { userMessage: info.grondslag.weigering });
      const oordeel = beoordeelVerzending({
        besluitdatum: invoer.datum,
        verzenddatum: invoer.verzenddatum,
        startdatum: start,
        vandaag: vandaag(),
        minDagen: laatste.versie.minDagenVerzendingStart ?? STANDAARD_MIN_DAGEN_VERZENDING,
        naam: info.naam,
      });
      if (Object.keys(oordeel.fouten).length) throw new OvereenkomstInvoerfout(oordeel.fouten);
      const grondslag: BesluitGrondslag = {
        regimes: info.regimes.map((r) => ({
          van: r.van,
          tot: r.tot,
          artikel: r.artikel as string,
          omschrijving: r.omschrijving,
        })),
        artikelMaatregel: laatste.versie.artikelMaatregel ?? '',
      };
      return withContext(db, dbContext(actor), async (tx) => {
        await repo.upsertOvereenkomst(
          tx,
          {
            dienstId: dienstVan(actor),
            gemeenteId: t.gemeenteId,
            toetsingId: laatste.id,
            tegenprestatieId: t.id,
          },
          {
            besluitDatum: invoer.datum,
            verzenddatum: invoer.verzenddatum,
            besluitOndertekenaar: invoer.ondertekenaar,
            besluitGrondslag: JSON.stringify(grondslag),
            besluitDoor: idVan(actor),
            besluitDoorNaam: naamVan(actor),
            besluitVastgelegdOp: new Date(),
          },
        );
        await log(tx, actor, 'wijzigen', t);
        const nieuw = naarStand(
          await repo.findOvereenkomst(tx, dienstVan(actor), laatste.id),
        ) as OvereenkomstStand;
        return { ...nieuw, waarschuwingen: oordeel.waarschuwingen };
      });
    },

    /**
     * Where an imposing decision is refused because its period reaches a day without a recorded legal basis: ends
     * the period on the day before (back to ontwerp, the end date and the evaluation dates within it, again to
     * toetsing), checks it again, and raises a signal for the caseworker to decide again for the period after.
     */
    async eindigVoorGrondslag(actor: Actor, id: string): Promise<Toetsing> {
      policy.vereis(actor, 'overeenkomsten-vastleggen');
      const { t, laatste, stand } = await lees(actor, id);
      if (t.status !== 'toetsing') throw nietInToetsing(t);
      if (!laatste?.voldoet) throw new AppError('niet-verwerkbaar', { userMessage: GEEN_TOETSING });
      if (laatste.versie.vorm !== 'opleggen' || stand?.besluit)
        throw new AppError('niet-verwerkbaar', {
          userMessage: 'Inkorten kan alleen vóór het besluit, in een gemeente die het oplegt.',
        });
      // Issue 15: a design imposed after an approved intention cannot pass the back-step and return by the checklist
      // (the client is not convinced): refused before anything changes, with the way forward.
      if (t.overtuigd.klant.oordeel !== 'ja')
        throw new AppError('niet-verwerkbaar', {
          userMessage:
            'Dit ontwerp gaat naar het besluit na een voornemen tot opleggen. Inkorten kan hier niet vanzelf: zet het ' +
            'terug naar ontwerp, laat de periode eindigen op de dag vóór het regime zonder grondslag en leg het ' +
            'voornemen opnieuw vast (met de zienswijze en het akkoord van de teamleider).',
        });
      const info = await periode(actor, t, laatste);
      const { eindeVoorstel: einde, ontbreektVanaf: vanaf } = info.grondslag;
      const start = t.startdatum as string;
      if (!einde || !vanaf)
        throw new AppError('niet-verwerkbaar', {
          userMessage: 'Voor de hele periode is een wettelijke grondslag vastgelegd. Inkorten is niet nodig.',
        });
      if (einde < start)
        throw new AppError('niet-verwerkbaar', {
          userMessage: `De ${info.naam} begint pas op ${formatDatumNl(start)}: voor die dag is geen wettelijke grondslag vastgelegd. Inkorten helpt niet.`,
        });
      const reden = `De periode eindigt op ${formatDatumNl(einde)}: voor de periode vanaf ${formatDatumNl(vanaf)} is geen wettelijke grondslag vastgelegd.`;
      await deps.tegenprestaties.wijzigStatus(actor, id, { naar: 'ontwerp', reden });
      const nu = await deps.tegenprestaties.findTegenprestatie(actor, id);
      const binnen = nu.evaluatiedata.filter((d) => d >= start && d <= einde);
      const midden = plusDagen(start, Math.floor((Date.parse(einde) - Date.parse(start)) / 172_800_000));
      await deps.tegenprestaties.updateTegenprestatie(actor, id, {
        versie: nu.versie,
        einddatum: einde,
        evaluatiedata: binnen.length > 0 ? binnen : [midden],
      });
      await deps.tegenprestaties.wijzigStatus(actor, id, { naar: 'toetsing' });
      const toets = await service.voerToetsingUit(actor, id);
      const ontvanger = t.klantmanagerId ?? idVan(actor);
      if (deps.signalen && ontvanger) {
        const klant = await deps.klanten.findKlant(actor, t.klantId);
        await deps.signalen.meld({
          dienstId: dienstVan(actor),
          gemeenteId: t.gemeenteId,
          gebruikerId: ontvanger,
          soort: 'opnieuw-besluiten',
          oorzaak: `${t.id}:${vanaf}`,
          klantId: t.klantId,
          tekst: `De ${info.naam} van ${klant.naam} eindigt nu op ${formatDatumNl(einde)}. Besluit opnieuw over de periode vanaf ${formatDatumNl(vanaf)} zodra de wettelijke grondslag is vastgelegd.`,
          link: paths.tegenprestatieToetsing(t.id),
          datum: vanaf,
        });
      }
      return toets;
    },

    /** The college's decision as PDF (only where imposed and recorded). */
    async besluitPdf(actor: Actor, id: string): Promise<Buffer> {
      return renderPdf(besluitDocument(await documentGegevens(actor, id, 'besluit')));
    },

    /** The agreement as PDF: dated today until it is accepted, then the date printed on the signed one. */
    async overeenkomstPdf(actor: Actor, id: string): Promise<Buffer> {
      return renderPdf(overeenkomstDocument(await documentGegevens(actor, id, 'overeenkomst')));
    },

    /**
     * The versions of a running agreement (issue 16): version 1 (the accepted agreement) and every later version,
     * which one is in force today, the open proposal and what the caseworker can do now. Logged as a read.
     */
    async aanpassing(actor: Actor, id: string): Promise<AanpassingBeeld> {
      policy.vereis(actor, 'overeenkomsten-bekijken');
      const { t, laatste, stand, versieRijen } = await lees(actor, id);
      // One after the other: a request uses one database connection at a time.
      const evaluaties = await deps.evaluaties(actor, id);
      const klant = await deps.klanten.findKlant(actor, t.klantId);
      const activiteit = await activiteitVan(actor, t.activiteitId);
      const gemeente = await deps.verordening.findGemeente(actor, t.gemeenteId);
      const nu = vandaag();
      const vorm = laatste?.versie.vorm ?? 'aanbieden';
      const naam: NaamTekst = laatste ? WEERGAVENAAM_TEKST[laatste.versie.weergavenaam] : 'tegenprestatie';
      const versies = versieLijst(t, laatste, stand, versieRijen, nu);
      const open = versies.find((v) => v.status === 'voorgesteld') ?? null;
      const ctx = versieContext(t, versieRijen, evaluaties, vorm, naam, nu);
      const oordeel = beoordeelVersie(ctx, {
        ...huidigeAfspraak(t),
        ingangsdatum: nu,
        klantAkkoord: true,
      });
      const mag = policy.mag(actor, 'overeenkomsten-vastleggen');
      return {
        tegenprestatie: t,
        klant,
        activiteit: activiteit
          ? { titel: activiteit.titel, organisatie: activiteit.organisatie?.naam ?? null }
          : null,
        gemeente: gemeente.naam,
        naam,
        vorm,
        versies,
        inKracht: versies.find((v) => v.inKracht)?.nummer ?? 1,
        open,
        laatsteEvaluatie: ctx.laatsteEvaluatie,
        waaromNiet: oordeel.melding,
        metOrganisatie: Boolean(activiteit?.organisatie),
        kan: {
          voorstellen: mag && oordeel.melding === null,
          bevestigen: mag && open !== null && t.status === 'lopend',
          intrekken: mag && open !== null,
        },
        vandaag: nu,
      };
    },

    /**
     * Proposes a new version of a running agreement after an evaluation with `aanpassen`: new hours, day parts or
     * end date (a later end date is an extension), from a day on. Checked by `beoordeelVersie` and against the
     * ordinance (an extension by its rule for extensions, from the day after the original end date); a change that
     * fails a rule is refused with the failing rules and nothing is stored. Stored as `voorgesteld`: it changes
     * nothing until the three parties confirm it (`bevestigVersie`).
     */
    async stelVersieVoor(actor: Actor, id: string, input: unknown): Promise<OvereenkomstVersie> {
      policy.vereis(actor, 'overeenkomsten-vastleggen');
      const v = parseInvoer(VersieVoorstelInput, input);
      const { t, laatste, stand, versieRijen } = await lees(actor, id);
      if (!laatste?.voldoet || !stand?.acceptatie)
        throw new AppError('niet-verwerkbaar', {
          userMessage: 'Er is geen getekende overeenkomst om aan te passen.',
        });
      // One after the other: a request uses one database connection at a time.
      const evaluaties = await deps.evaluaties(actor, id);
      const naam = WEERGAVENAAM_TEKST[laatste.versie.weergavenaam];
      const ctx = versieContext(t, versieRijen, evaluaties, laatste.versie.vorm, naam, vandaag());
      const nieuw: Afspraak = {
        urenPerWeek: v.urenPerWeek,
        dagdelen: v.dagdelen,
        einddatum: v.einddatum ?? null,
      };
      const oordeel = beoordeelVersie(ctx, {
        ...nieuw,
        ingangsdatum: v.ingangsdatum,
        klantAkkoord: v.klantAkkoord,
      });
      if (oordeel.melding) throw new AppError('niet-verwerkbaar', { userMessage: oordeel.melding });
      if (Object.keys(oordeel.fouten).length) throw new OvereenkomstInvoerfout(oordeel.fouten);
      const evaluatie = ctx.laatsteEvaluatie as NonNullable<typeof ctx.laatsteEvaluatie>;
      // The ordinance: an extension is checked from its own first day (the day after the original end date) under
      // the version in force then; any other change from the placement's start under the version that governs it.
      const klant = await deps.klanten.findKlant(actor, t.klantId);
      const oorspronkelijk = ctx.oorspronkelijkeEinde;
      const startToets =
        oordeel.verlenging && oorspronkelijk ? plusDagen(oorspronkelijk, 1) : (t.startdatum as string);
      const { versie, uitkomsten } = await deps.verordening.toetsOntwerp(actor, t.gemeenteId, {
        ...ontwerpVoorToets(nieuw, klant, startToets, v.ingangsdatum),
        verlenging: oordeel.verlenging,
      });
      // Where imposed, the change is a new decision: it may not reach a day without a recorded legal basis
      // (docs/recht.md), as the first decision may not.
      if (laatste.versie.vorm === 'opleggen') {
        const info = await periode(actor, { ...t, einddatum: nieuw.einddatum }, laatste);
        if (info.grondslag.weigering)
          throw new OvereenkomstInvoerfout({ einddatum: info.grondslag.weigering });
      }
      const nietGoed = uitkomsten.filter((u) => u.uitkomst === 'voldoet-niet');
      if (nietGoed.length)
        throw new OvereenkomstInvoerfout({
          toetsing: `Dit past niet in de verordening (${versie.titel}): ${nietGoed
            .map((u) => `${REGEL_NAMEN[u.regel] ?? u.regel}: ${u.uitleg}`)
            .join(' ')}`,
        });
      const snapshot: VersieSnapshot = {
        id: versie.id,
        ingangsdatum: versie.ingangsdatum,
        titel: versie.titel,
        vorm: versie.vorm,
        weergavenaam: versie.weergavenaam,
        artikelen: { ...versie.artikelen },
        minDagenVerzendingStart: versie.minDagenVerzendingStart,
        artikelMaatregel: versie.artikelMaatregel,
      };
      return withContext(db, dbContext(actor), async (tx) => {
        const rijen = await repo.listVersies(tx, dienstVan(actor), t.id, true);
        if (rijen.length !== versieRijen.length)
          throw new AppError('conflict', {
            userMessage: 'Iemand anders heeft intussen een versie vastgelegd. Open de pagina opnieuw.',
          });
        const rij = await repo.insertVersie(tx, {
          dienstId: dienstVan(actor),
          gemeenteId: t.gemeenteId,
          tegenprestatieId: t.id,
          nummer: Math.max(1, ...rijen.map((r) => r.nummer)) + 1,
          evaluatieId: evaluatie.id,
          ingangsdatum: v.ingangsdatum,
          urenPerWeek: nieuw.urenPerWeek,
          dagdelen: [...nieuw.dagdelen],
          einddatum: nieuw.einddatum,
          vorige: JSON.stringify(huidigeAfspraak(t)),
          verlengingMaanden: oordeel.verlenging?.maanden ?? null,
          toelichting: v.toelichting,
          versie: JSON.stringify(snapshot),
          uitkomsten: JSON.stringify(uitkomsten),
          door: idVan(actor),
          doorNaam: naamVan(actor),
        });
        await log(tx, actor, 'aanmaken', t);
        return naarVersie(rij, vandaag(), false);
      });
    },

    /**
     * Records the three parties' confirmation of the open version (the date on it, the client's and — when there is
     * one — the host's signature), and where the ordinance imposes the college's change decision, sent no later than
     * the day the version takes effect. In the same transaction the placement gets the new hours, day parts and end
     * date (the tegenprestaties module). Refused per field with Dutch messages; warnings do not stop it.
     */
    async bevestigVersie(
      actor: Actor,
      id: string,
      nummer: number,
      input: unknown,
    ): Promise<OvereenkomstVersie & { waarschuwingen: string[] }> {
      policy.vereis(actor, 'overeenkomsten-vastleggen');
      const v = parseInvoer(VersieBevestigingInput, input);
      const { t, laatste, versieRijen } = await lees(actor, id);
      const rij = versieRijen.find((r) => r.nummer === nummer);
      if (!rij) throw notFound('Deze versie van de overeenkomst bestaat niet.');
      if (rij.bevestigdOp || rij.ingetrokkenOp)
        throw new AppError('conflict', {
          userMessage: `Versie ${nummer} is al ${rij.bevestigdOp ? 'bevestigd' : 'ingetrokken'}.`,
        });
      if (t.status !== 'lopend')
        throw new AppError('niet-verwerkbaar', {
          userMessage: `De tegenprestatie loopt niet meer (${STATUS_NAMEN[t.status].toLowerCase()}): trek deze versie in.`,
        });
      const vorm = laatste?.versie.vorm ?? 'aanbieden';
      const activiteit = await activiteitVan(actor, t.activiteitId);
      const metOrganisatie = Boolean(activiteit?.organisatie);
      const besluitIngevuld = Boolean(v.besluitDatum || v.verzenddatum || v.besluitOndertekenaar);
      const besluit =
        vorm === 'opleggen' && besluitIngevuld
          ? {
              datum: v.besluitDatum ?? '',
              verzenddatum: v.verzenddatum ?? '',
              ondertekenaar: v.besluitOndertekenaar ?? '',
            }
          : null;
      const fouten: Record<string, string> = {};
      if (besluit && !besluit.datum) fouten.besluitDatum = 'Vul de datum van het wijzigingsbesluit in.';
      if (besluit && !besluit.verzenddatum)
        fouten.verzenddatum = 'Vul de verzenddatum van het wijzigingsbesluit in.';
      if (Object.keys(fouten).length) throw new OvereenkomstInvoerfout(fouten);
      const oordeel = beoordeelBevestigingVersie({
        ingangsdatum: rij.ingangsdatum,
        // The Dutch day it was proposed (never after the service's today, which tests may fix).
        voorgesteldOp: [vandaagNu(rij.voorgesteldOp), vandaag()].sort()[0] as IsoDatum,
        overeenkomstDatum: v.overeenkomstDatum,
        klantGetekendOp: v.klantGetekendOp,
        organisatieGetekendOp: v.organisatieGetekendOp ?? null,
        metOrganisatie,
        vorm,
        besluit,
        minDagen: laatste?.versie.minDagenVerzendingStart ?? STANDAARD_MIN_DAGEN_VERZENDING,
        naam: laatste ? WEERGAVENAAM_TEKST[laatste.versie.weergavenaam] : 'tegenprestatie',
        vandaag: vandaag(),
      });
      if (Object.keys(oordeel.fouten).length) throw new OvereenkomstInvoerfout(oordeel.fouten);
      // The placement's move reads other modules: before this transaction opens (one connection at a time).
      const pasToe = await deps.tegenprestaties.bereidAfspraakWijzigingVoor(actor, id, afspraakVan(rij));
      return withContext(db, dbContext(actor), async (tx) => {
        const nu = (await repo.listVersies(tx, dienstVan(actor), t.id, true)).find((r) => r.id === rij.id);
        if (!nu || nu.bevestigdOp || nu.ingetrokkenOp)
          throw new AppError('conflict', {
            userMessage: 'Deze versie is intussen gewijzigd. Open de pagina opnieuw.',
          });
        await repo.updateVersie(
          tx,
          { dienstId: rij.dienstId, gemeenteId: rij.gemeenteId, id: rij.id },
          {
            overeenkomstDatum: v.overeenkomstDatum,
            klantGetekendOp: v.klantGetekendOp,
            organisatieGetekendOp: metOrganisatie ? (v.organisatieGetekendOp ?? null) : null,
            besluitDatum: besluit?.datum ?? null,
            verzenddatum: besluit?.verzenddatum ?? null,
            besluitOndertekenaar: besluit?.ondertekenaar ?? null,
            bevestigingDoor: idVan(actor),
            bevestigingDoorNaam: naamVan(actor),
            bevestigdOp: new Date(),
          },
        );
        await pasToe(tx);
        await log(tx, actor, 'wijzigen', t);
        const na = (await repo.listVersies(tx, dienstVan(actor), t.id)).find(
          (r) => r.id === rij.id,
        ) as VersieRij;
        return { ...naarVersie(na, vandaag(), false), waarschuwingen: oordeel.waarschuwingen };
      });
    },

    /** Withdraws the open version (it never took effect; it stays stored with the reason). */
    async trekVersieIn(
      actor: Actor,
      id: string,
      nummer: number,
      input: unknown,
    ): Promise<OvereenkomstVersie> {
      policy.vereis(actor, 'overeenkomsten-vastleggen');
      const v = parseInvoer(VersieIntrekkingInput, input);
      const { t, versieRijen } = await lees(actor, id);
      const rij = versieRijen.find((r) => r.nummer === nummer);
      if (!rij) throw notFound('Deze versie van de overeenkomst bestaat niet.');
      if (rij.bevestigdOp || rij.ingetrokkenOp)
        throw new AppError('conflict', {
          userMessage: `Versie ${nummer} is al ${rij.bevestigdOp ? 'bevestigd en kan niet meer worden ingetrokken' : 'ingetrokken'}.`,
        });
      return withContext(db, dbContext(actor), async (tx) => {
        await repo.updateVersie(
          tx,
          { dienstId: rij.dienstId, gemeenteId: rij.gemeenteId, id: rij.id },
          { ingetrokkenOp: new Date(), ingetrokkenReden: v.reden },
        );
        await log(tx, actor, 'wijzigen', t);
        const na = (await repo.listVersies(tx, dienstVan(actor), t.id)).find(
          (r) => r.id === rij.id,
        ) as VersieRij;
        return naarVersie(na, vandaag(), false);
      });
    },

    /**
     * For the placement page (the uitvoering module's routes): the version of the agreement in force today, a
     * confirmed version that has yet to take effect, and the one waiting for confirmation. Logged as a read.
     */
    async versieStand(actor: Actor, id: string): Promise<VersieStand> {
      policy.vereis(actor, 'overeenkomsten-bekijken');
      const { t, laatste, stand, versieRijen } = await lees(actor, id);
      const versies = versieLijst(t, laatste, stand, versieRijen, vandaag());
      const geldend = versies.find((v) => v.inKracht);
      const komend = versies.find((v) => v.nummer > (geldend?.nummer ?? 0) && v.status === 'bevestigd');
      return {
        inKracht: geldend ? { nummer: geldend.nummer, sinds: geldend.ingangsdatum } : null,
        komend: komend?.ingangsdatum ? { nummer: komend.nummer, ingangsdatum: komend.ingangsdatum } : null,
        open: versies.find((v) => v.status === 'voorgesteld' && v.nummer >= 2)?.nummer ?? null,
        besluitVerzonden:
          laatste?.versie.vorm === 'opleggen' &&
          stand?.besluit?.verzenddatum &&
          stand.besluit.verzenddatum <= vandaag()
            ? stand.besluit.verzenddatum
            : null,
      };
    },

    /**
     * Issue 16: where the ordinance imposes and the decision was sent (its sending date has come), a back-step, an
     * early end before the start or an early end of a running placement is a new decision that revokes it. Returns
     * null when none is needed (voluntary, no decision, or not sent yet); otherwise checks the revocation the caller
     * passes (`beoordeelIntrekking`; missing or wrong: `OvereenkomstInvoerfout` on `intrekkingDatum` …) and returns
     * the write for the caller's transaction (with the step). Reads before that transaction opens.
     */
    async bereidIntrekkingVoor(
      actor: Actor,
      id: string,
      input: { datum?: string; verzenddatum?: string; ondertekenaar?: string } | undefined,
      reden: string,
    ): Promise<((tx: Tx) => Promise<void>) | null> {
      policy.vereis(actor, 'overeenkomsten-vastleggen');
      const { t, laatste, stand } = await lees(actor, id);
      const besluit = stand?.besluit;
      const nu = vandaag();
      if (laatste?.versie.vorm !== 'opleggen' || !besluit?.verzenddatum || besluit.verzenddatum > nu)
        return null;
      const naam = WEERGAVENAAM_TEKST[laatste.versie.weergavenaam];
      const i = {
        datum: input?.datum?.trim() ?? '',
        verzenddatum: input?.verzenddatum?.trim() ?? '',
        ondertekenaar: input?.ondertekenaar?.trim().slice(0, 300) ?? '',
      };
      const fouten: Record<string, string> = {};
      const nodig = `De gemeente legt de ${naam} op en het besluit is verzonden op ${formatDatumNl(besluit.verzenddatum)}. Deze stap is een nieuw besluit van het college dat het intrekt: vul de datum, de verzenddatum en de ondertekenaar van het besluit tot intrekking in.`;
      if (!isIsoDatum(i.datum))
        fouten.intrekkingDatum = i.datum ? 'Vul een bestaande datum in, bijvoorbeeld 2026-07-02.' : nodig;
      if (!isIsoDatum(i.verzenddatum))
        fouten.intrekkingVerzenddatum = i.verzenddatum
          ? 'Vul een bestaande datum in, bijvoorbeeld 2026-07-02.'
          : 'Vul de verzenddatum van het besluit tot intrekking in.';
      if (Object.keys(fouten).length === 0)
        Object.assign(fouten, beoordeelIntrekking({ besluitdatum: besluit.datum, ...i, vandaag: nu }));
      else if (!i.ondertekenaar)
        fouten.intrekkingOndertekenaar =
          'Vul in wie het besluit tot intrekking namens het college ondertekent.';
      if (Object.keys(fouten).length) throw new OvereenkomstInvoerfout(fouten);
      return async (tx: Tx) => {
        await repo.upsertOvereenkomst(
          tx,
          {
            dienstId: dienstVan(actor),
            gemeenteId: t.gemeenteId,
            toetsingId: laatste.id,
            tegenprestatieId: t.id,
          },
          {
            intrekkingDatum: i.datum,
            intrekkingVerzenddatum: i.verzenddatum,
            intrekkingOndertekenaar: i.ondertekenaar,
            intrekkingReden: reden.slice(0, 2000),
            intrekkingDoorNaam: naamVan(actor),
            intrekkingVastgelegdOp: new Date(),
          },
        );
        await log(tx, actor, 'wijzigen', t);
      };
    },

    /** The college's revocation of the imposed decision as PDF (only once recorded). */
    async intrekkingPdf(actor: Actor, id: string): Promise<Buffer> {
      const g = await documentGegevens(actor, id, 'besluit', 1, true);
      const { laatste } = await lees(actor, id, 'exporteren');
      const rij = laatste
        ? await withContext(db, dbContext(actor), (tx) =>
            repo.findOvereenkomst(tx, dienstVan(actor), laatste.id),
          )
        : undefined;
      if (!rij?.intrekkingDatum || !rij.intrekkingVerzenddatum)
        throw new AppError('niet-verwerkbaar', {
          userMessage: 'Er is geen besluit tot intrekking vastgelegd.',
        });
      return renderPdf(
        intrekkingDocument(g, {
          datum: rij.intrekkingDatum,
          verzenddatum: rij.intrekkingVerzenddatum,
          ondertekenaar: rij.intrekkingOndertekenaar ?? '',
          reden: rij.intrekkingReden ?? '',
        }),
      );
    },

    /** The versions of a placement's agreement (API). */
    async versies(actor: Actor, id: string): Promise<OvereenkomstVersie[]> {
      return (await service.aanpassing(actor, id)).versies;
    },

    /** The agreement of one version as PDF (1: the accepted agreement with its own items; 2, 3, …: a change). */
    async versiePdf(actor: Actor, id: string, nummer: number): Promise<Buffer> {
      return renderPdf(overeenkomstDocument(await documentGegevens(actor, id, 'overeenkomst', nummer)));
    },

    /** The college's change decision of a version (only where imposed and recorded). */
    async wijzigingsbesluitPdf(actor: Actor, id: string, nummer: number): Promise<Buffer> {
      if (nummer < 2) throw notFound('Een wijzigingsbesluit hoort bij versie 2 of later.');
      return renderPdf(besluitDocument(await documentGegevens(actor, id, 'besluit', nummer)));
    },

    /** The data both documents print (for tests and the page). */
    documentGegevens,

    /**
     * Records that the signed agreement came back ("getekend ontvangen op", by the caseworker for now) from the
     * client and — when there is one — the host organisation, and moves the design to `overeengekomen` in the
     * same transaction. Needs a passing check and, where imposed, the recorded decision.
     */
    async legAcceptatieVast(actor: Actor, id: string, input: unknown): Promise<OvereenkomstStand> {
      policy.vereis(actor, 'overeenkomsten-vastleggen');
      const invoer = parseInvoer(AcceptatieInput, input);
      const { t, laatste, stand } = await lees(actor, id);
      if (t.status !== 'toetsing') throw nietInToetsing(t);
      if (!laatste?.voldoet) throw new AppError('niet-verwerkbaar', { userMessage: GEEN_TOETSING });
      if (laatste.versie.vorm === 'opleggen' && !stand?.besluit)
        throw new AppError('niet-verwerkbaar', {
          userMessage: 'Leg eerst het besluit van het college vast. Daarna de getekende overeenkomst.',
        });
      // Issue 16: after a back-step the decision of this check run was revoked; agreeing again needs a new check
      // and (where imposed) a new decision, never the revoked one.
      if (stand?.intrekking)
        throw new AppError('niet-verwerkbaar', {
          userMessage: `Het besluit van deze toets is ingetrokken op ${formatDatumNl(stand.intrekking.datum)}. Toets het ontwerp opnieuw en neem een nieuw besluit; daarna de getekende overeenkomst.`,
        });
      const activiteit = await activiteitVan(actor, t.activiteitId);
      const metOrganisatie = Boolean(activiteit?.organisatie);
      const fouten: Record<string, string> = beoordeelBevestiging({
        vorm: laatste.versie.vorm,
        startdatum: t.startdatum as string,
        overeenkomstDatum: invoer.overeenkomstDatum,
        bevestigingsreden: invoer.bevestigingsreden,
        naam: WEERGAVENAAM_TEKST[laatste.versie.weergavenaam],
      });
      const nu = vandaag();
      if (invoer.overeenkomstDatum > nu)
        fouten.overeenkomstDatum = 'De datum van de overeenkomst ligt in de toekomst.';
      if (
        laatste.versie.vorm === 'opleggen' &&
        stand?.besluit &&
        invoer.overeenkomstDatum < stand.besluit.datum
      )
        fouten.overeenkomstDatum ??=
          'De overeenkomst kan niet gedateerd zijn vóór het besluit van het college.';
      if (invoer.klantGetekendOp > nu) fouten.klantGetekendOp = 'Deze datum ligt in de toekomst.';
      else if (invoer.klantGetekendOp < invoer.overeenkomstDatum)
        fouten.klantGetekendOp = 'De klant kan niet tekenen vóór de datum van de overeenkomst.';
      if (metOrganisatie) {
        if (!invoer.organisatieGetekendOp)
          fouten.organisatieGetekendOp =
            'Vul in wanneer u de overeenkomst getekend van de organisatie terugkreeg.';
        else if (invoer.organisatieGetekendOp > nu)
          fouten.organisatieGetekendOp = 'Deze datum ligt in de toekomst.';
        else if (invoer.organisatieGetekendOp < invoer.overeenkomstDatum)
          fouten.organisatieGetekendOp = 'De organisatie kan niet tekenen vóór de datum van de overeenkomst.';
      }
      if (Object.keys(fouten).length) throw new OvereenkomstInvoerfout(fouten);
      // The move's checks read other modules: done before this transaction opens (one connection at a time).
      const naarOvereengekomen = await deps.tegenprestaties.bereidDeel2OvergangVoor(actor, id, {
        naar: 'overeengekomen',
        reden: `Overeenkomst getekend ontvangen op ${formatDatumNl(invoer.klantGetekendOp)}`,
        versie: t.versie,
      });
      return withContext(db, dbContext(actor), async (tx) => {
        await repo.upsertOvereenkomst(
          tx,
          {
            dienstId: dienstVan(actor),
            gemeenteId: t.gemeenteId,
            toetsingId: laatste.id,
            tegenprestatieId: t.id,
          },
          {
            overeenkomstDatum: invoer.overeenkomstDatum,
            klantGetekendOp: invoer.klantGetekendOp,
            organisatieGetekendOp: metOrganisatie ? (invoer.organisatieGetekendOp ?? null) : null,
            bevestigingsreden:
              invoer.overeenkomstDatum > (t.startdatum as string) ? (invoer.bevestigingsreden ?? null) : null,
            acceptatieDoor: idVan(actor),
            acceptatieDoorNaam: naamVan(actor),
            acceptatieVastgelegdOp: new Date(),
            startdatum: t.startdatum,
            // Accepted (again) for this start date: the job may start it, whatever it marked before.
            gestartOp: null,
          },
        );
        await naarOvereengekomen(tx);
        await log(tx, actor, 'wijzigen', t);
        return naarStand(await repo.findOvereenkomst(tx, dienstVan(actor), laatste.id)) as OvereenkomstStand;
      });
    },

    /**
     * The design's current agreement for a start by hand (the uitvoering module): the accepted agreement of its
     * newest check run, or null when there is none. Judge it with `startOordeel`, as the daily job does. Logged.
     */
    /**
     * The imposed decision a placement runs under (issue 15: incidents and measures): the decision of the design's
     * current check run where that run's version imposes and the decision was recorded with its sending date; else
     * null (voluntary, or no decision yet). Logged as a read.
     */
    async opgelegdBesluit(
      actor: Actor,
      id: string,
    ): Promise<{
      tegenprestatie: Tegenprestatie;
      besluit: {
        datum: IsoDatum;
        verzenddatum: IsoDatum;
        startdatum: IsoDatum;
        einddatum: IsoDatum | null;
        versieTitel: string;
      } | null;
    }> {
      policy.vereis(actor, 'overeenkomsten-bekijken');
      const t = await deps.tegenprestaties.findTegenprestatie(actor, id);
      return withContext(db, dbContext(actor), async (tx) => {
        const laatste = (await repo.listToetsingen(tx, dienstVan(actor), t.id))[0];
        const rij = laatste ? await repo.findOvereenkomst(tx, dienstVan(actor), laatste.id) : undefined;
        await log(tx, actor, 'lezen', t);
        const versie = laatste ? naarToetsing(laatste).versie : null;
        const start = rij?.startdatum ?? t.startdatum;
        return {
          tegenprestatie: t,
          besluit:
            versie?.vorm === 'opleggen' && rij?.besluitDatum && rij.verzenddatum && start
              ? {
                  datum: rij.besluitDatum,
                  verzenddatum: rij.verzenddatum,
                  startdatum: start,
                  einddatum: t.einddatum,
                  versieTitel: versie.titel,
                }
              : null,
        };
      });
    },

    async afspraakVoorStart(actor: Actor, id: string): Promise<AfspraakVoorStart | null> {
      policy.vereis(actor, 'overeenkomsten-bekijken');
      const t = await deps.tegenprestaties.findTegenprestatie(actor, id);
      return withContext(db, dbContext(actor), async (tx) => {
        const laatste = (await repo.listToetsingen(tx, dienstVan(actor), t.id))[0];
        const rij = laatste ? await repo.findOvereenkomst(tx, dienstVan(actor), laatste.id) : undefined;
        await log(tx, actor, 'lezen', t);
        return rij?.acceptatieVastgelegdOp ? { startdatum: rij.startdatum, huidig: true } : null;
      });
    },

    /**
     * The background job: moves every accepted agreement whose start date has come (on or before `vandaag`) from
     * `overeengekomen` to `lopend`, each as the system within its social service (logged, with history) — only
     * the design's current agreement, and only when the design's start date is that agreement's (`startOordeel`):
     * an agreement superseded after a back-step never starts it. A design no longer in `overeengekomen` is only
     * marked. One failure does not stop the others.
     */
    async startOvereenkomsten(
      reden: string,
      opties: { vandaag?: IsoDatum } = {},
    ): Promise<{
      gestart: number;
      overgeslagen: number;
      mislukt: number;
      /** Per failed design its id (pseudonymous) and the error's message, for the job's log line. */
      fouten: Array<{ tegenprestatieId: string; melding: string }>;
    }> {
      const dag = opties.vandaag ?? vandaag();
      const te = await withContext(db, { kind: 'systeem', reden }, (tx) => repo.listTeStarten(tx, dag, 1000));
      let gestart = 0;
      let overgeslagen = 0;
      let mislukt = 0;
      const fouten: Array<{ tegenprestatieId: string; melding: string }> = [];
      for (const rij of te) {
        const systeem = systeemActor(reden, rij.dienstId);
        try {
          const t = await deps.tegenprestaties.findTegenprestatie(systeem, rij.tegenprestatieId);
          // Listed rows are each design's current agreement (`listTeStarten`); the rule checks the rest.
          const oordeel = startOordeel(t, { startdatum: rij.startdatum, huidig: true }, dag);
          // The move's checks read other modules: before this transaction opens (one connection at a time).
          const naarLopend = oordeel.mag
            ? await deps.tegenprestaties.bereidDeel2OvergangVoor(systeem, t.id, {
                naar: 'lopend',
                reden: `Startdatum ${formatDatumNl(rij.startdatum ?? dag)} bereikt`,
              })
            : null;
          await withContext(db, dbContext(systeem), async (tx) => {
            if (naarLopend) {
              await naarLopend(tx);
              gestart++;
            } else overgeslagen++;
            // Marked when started, or when the design is no longer in `overeengekomen` (started by hand, ended,
            // stepped back; a new acceptance clears the mark). An agreement refused for its date is not marked:
            // it started nothing.
            if (oordeel.mag || oordeel.reden === 'niet-overeengekomen') await repo.markeerGestart(tx, rij);
          });
        } catch (e) {
          mislukt++;
          fouten.push({
            tegenprestatieId: rij.tegenprestatieId,
            melding: e instanceof Error ? e.message.slice(0, 200) : 'onbekende fout',
          });
        }
      }
      return { gestart, overgeslagen, mislukt, fouten };
    },

    /**
     * AVG art. 15 (the privacy module only, as the system `avg-inzage` inside its transaction): the ordinance check
     * results, the decisions and the agreements of the client's designs (dates, signatory, acceptance dates — not
     * the PDFs, which can be requested). The designs come from the tegenprestaties module; the read is logged
     * (`va-privacyverzoeken`).
     */
    async inzageVoorKlant(actor: Actor, klantId: string, opties: InzageOpties): Promise<InzageOnderdeel[]> {
      if (actor.kind !== 'systeem') throw new AppError('geen-toegang');
      const { tx } = opties;
      // The designs in the same transaction (one connection per request).
      const ontwerpen = await deps.tegenprestaties.ontwerpIdsVoorInzage(actor, klantId, { tx });
      const toetsingen = [];
      const afspraken = [];
      for (const id of ontwerpen)
        for (const r of await repo.listToetsingen(tx, dienstVan(actor), id)) {
          const uitkomsten = (r.uitkomsten as Toetsing['uitkomsten']) ?? [];
          toetsingen.push({
            Tegenprestatie: inzageKenmerk(id),
            Datum: inzageDatum(r.uitgevoerdOp),
            Verordening: (r.versie as VersieSnapshot | null)?.titel ?? null,
            'Voor de startdatum': inzageDatum(r.startdatum),
            'Voldoet aan de regels': r.voldoet,
            Uitkomsten: uitkomsten
              .map((u) => `${REGEL_NAMEN[u.regel] ?? u.regel}: ${UITKOMST_TEKST[u.uitkomst] ?? u.uitkomst}`)
              .join('; '),
          });
          const o = await repo.findOvereenkomst(tx, dienstVan(actor), r.id);
          if (o)
            afspraken.push({
              Tegenprestatie: inzageKenmerk(id),
              'Datum besluit': inzageDatum(o.besluitDatum),
              'Besluit verzonden op': inzageDatum(o.verzenddatum),
              'Besluit ondertekend door': o.besluitOndertekenaar,
              'Datum overeenkomst': inzageDatum(o.overeenkomstDatum),
              'U tekende op': inzageDatum(o.klantGetekendOp),
              'De organisatie tekende op': inzageDatum(o.organisatieGetekendOp),
              Begindatum: inzageDatum(o.startdatum),
              'Begonnen op': inzageDatum(o.gestartOp),
            });
        }
      await record(tx, {
        actor,
        actie: 'lezen',
        subject: { type: 'klant', id: klantId },
        verwerkingsactiviteit: VA.privacyverzoeken,
        gemeenteId: opties.gemeenteId,
        dienstId: dienstVan(actor),
      });
      return [
        { onderdeel: 'toetsingen', titel: 'Toets aan de regels van de gemeente', records: toetsingen },
        {
          onderdeel: 'besluiten-en-overeenkomsten',
          titel: 'Besluit en overeenkomst',
          uitleg:
            'Hier staan de data van het besluit (ook de verzenddatum) en van de overeenkomst. De brieven zelf staan niet in dit ' +
            'overzicht. Wilt u een kopie? Vraag die dan aan de gemeente.',
          records: afspraken,
        },
      ];
    },
  };
  return service;
}

const UITKOMST_TEKST: Record<string, string> = {
  voldoet: 'voldoet',
  'voldoet-niet': 'voldoet niet',
  'niet-van-toepassing': 'niet van toepassing',
};

export type OvereenkomstenService = ReturnType<typeof createOvereenkomstenService>;
