import { type Tx, withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { type InzageOnderdeel, type InzageOpties, inzageDatum, inzageKenmerk } from '../../lib/inzage.ts';
import { type Actor, dbContext, systeemActor } from '../auth/index.ts';
import {
  formatDatumNl,
  type IsoDatum,
  type KlantDossier,
  type KlantenService,
  vandaag as vandaagNu,
  plusDagen,
} from '../klanten/index.ts';
import { paths } from '../../web/paths.ts';
import { record, VA } from '../logboek/index.ts';
import type { Activiteit, NetwerkService } from '../netwerk/index.ts';
import { STATUS_NAMEN, type Tegenprestatie, type TegenprestatiesService } from '../tegenprestaties/index.ts';
import { overgangWaarschuwing } from '../../lib/wetswijziging.ts';
import type { NieuwSignaal } from '../signalen/index.ts';
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
  beoordeelVerzending,
  type GrondslagBeoordeling,
} from './besluit.ts';
import {
  besluitDocument,
  type DocumentGegevens,
  overeenkomstDocument,
  renderPdf,
  standaardVerzekering,
} from './documenten.ts';
import { overeenkomstenPolicy as policy } from './overeenkomsten.policy.ts';
import {
  type OvereenkomstRij,
  overeenkomstenRepository as repo,
  type ToetsingRij,
} from './overeenkomsten.repository.ts';
import {
  AcceptatieInput,
  type BesluitGrondslag,
  BesluitInput,
  OvereenkomstInvoerfout,
  parseInvoer,
  type Toetsing,
  type VersieSnapshot,
} from './overeenkomsten.schemas.ts';
import { type AfspraakVoorStart, startOordeel } from './start.ts';

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
  >;
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
  };
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
      await log(tx, actor, actie, t);
      return { t, toetsingen, laatste, stand };
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
  ): Promise<DocumentGegevens> {
    policy.vereis(actor, 'overeenkomsten-bekijken');
    const { t, laatste, stand } = await lees(actor, id, 'exporteren');
    if (!laatste?.voldoet || !DOCUMENT_STATUSSEN.has(t.status))
      throw new AppError('niet-verwerkbaar', { userMessage: GEEN_TOETSING });
    const opleggen = laatste.versie.vorm === 'opleggen';
    if (soort === 'besluit') {
      if (!opleggen)
        throw new AppError('niet-verwerkbaar', {
          userMessage:
            'In deze gemeente biedt het college dit alleen aan: meedoen is vrijwillig. Er is daarom geen besluit.',
        });
      if (!stand?.besluit)
        throw new AppError('niet-verwerkbaar', { userMessage: 'Het besluit is nog niet vastgelegd.' });
    }
    const info = await periode(actor, t, laatste);
    // An imposed period is printed only with a recorded basis for all of it: the decision (and the agreement that
    // goes with it) is refused before that. A decision already taken prints what it printed then (one recorded
    // before its basis was kept prints the regimes recorded now, never an unrecorded one).
    const vastgelegd = stand?.besluit?.grondslag ?? null;
    if (opleggen && !stand?.besluit && info.grondslag.weigering)
      throw new AppError('niet-verwerkbaar', { userMessage: info.grondslag.weigering });
    const documentdatum =
      soort === 'besluit'
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
      besluit: stand?.besluit
        ? {
            datum: stand.besluit.datum,
            verzenddatum: stand.besluit.verzenddatum,
            ondertekenaar: stand.besluit.ondertekenaar,
          }
        : null,
      acceptatie: stand?.acceptatie
        ? {
            klantGetekendOp: stand.acceptatie.klantGetekendOp,
            organisatieGetekendOp: stand.acceptatie.organisatieGetekendOp,
            bevestigingsreden: stand.acceptatie.bevestigingsreden,
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
          accepteren: magWijzigen && inToetsing && geslaagd && (!besluitNodig || Boolean(b)),
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
