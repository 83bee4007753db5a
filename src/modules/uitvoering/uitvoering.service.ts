import { type Tx, withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { csvVeld } from '../../lib/csv.ts';
import {
  type InzageOnderdeel,
  type InzageOpties,
  inzageDatum,
  inzageKenmerk,
  inzageTekst,
} from '../../lib/inzage.ts';
import { renderPdf } from '../../lib/pdf.ts';
import { type Actor, dbContext, systeemActor } from '../auth/index.ts';
import { formatDatumNl, type KlantenService, plusDagen, vandaag as vandaagNl } from '../klanten/index.ts';
import { record, recordMany, VA } from '../logboek/index.ts';
import { type AfspraakVoorStart, startOordeel } from '../overeenkomsten/index.ts';
import {
  type Herbeoordeling,
  STATUS_NAMEN,
  type Status,
  type Tegenprestatie,
  type TegenprestatiesService,
  VERVOLG_NAMEN,
  type Vervolg,
} from '../tegenprestaties/index.ts';
import { evaluatieDocument } from './evaluatieverslag.ts';
import { volgendeStappen } from './stappen.ts';
import { uitvoeringPolicy } from './uitvoering.policy.ts';
import {
  type EvaluatieRij,
  uitvoeringRepository as repo,
  type UrenRij,
  type UrenWijzigingRij,
} from './uitvoering.repository.ts';
import {
  AFWEZIG_NAMEN,
  type Afwezigheid,
  BEEINDIGING_NAMEN,
  BESLUIT_NAMEN,
  type Besluit,
  type CbsRegel,
  type Evaluatie,
  EvaluatieInput,
  LevensloopInput,
  Maand,
  parseInvoer,
  UitvoeringInvoerfout,
  UREN_BRON_NAMEN,
  type UrenBron,
  UrenInput,
  type Urenregel,
  type UrenWijziging,
  type UrenWijzigingSoort,
} from './uitvoering.schemas.ts';
import { maandagVan, STANDAARD_UREN_PER_DAGDEEL, toetsUren } from './urenregels.ts';

export interface UitvoeringDeps {
  db: Database;
  tegenprestaties: Pick<
    TegenprestatiesService,
    | 'findTegenprestatie'
    | 'findTegenprestaties'
    | 'voerDeel2OvergangUit'
    | 'bereidDeel2OvergangVoor'
    | 'herbeoordeling'
    | 'meldTwijfel'
  >;
  klanten: Pick<KlantenService, 'findKlant'>;
  /**
   * The design's current agreement (overeenkomsten `afspraakVoorStart`): a start by hand is judged by the same
   * `startOordeel` as the daily job, so a superseded agreement never starts a placement.
   */
  afspraakVoorStart: (actor: Actor, id: string) => Promise<AfspraakVoorStart | null>;
  /**
   * The revocation decision a back-step or an early end needs where the ordinance imposes and the decision was sent
   * (overeenkomsten `bereidIntrekkingVoor`): null when none is needed, else the write for the step's transaction;
   * refuses (field errors) when it is needed and missing or wrong. Required: the law's rule, failing closed.
   */
  bereidIntrekkingVoor: (
    actor: Actor,
    id: string,
    input: { datum?: string; verzenddatum?: string; ondertekenaar?: string } | undefined,
    reden: string,
  ) => Promise<((tx: Tx) => Promise<void>) | null>;
  /** Today as an ISO date (tests inject a fixed day). */
  vandaag?: () => string;
  /** The most hours one day part holds (configuration `UREN_PER_DAGDEEL`; default 4). */
  urenPerDagdeel?: number;
}

/** The outcome of saving hours: the placement's hours after it, and how many days changed. */
export interface UrenResultaat {
  uren: Urenregel[];
  /** Days added, changed or removed. */
  gewijzigd: number;
  /** Days sent with exactly what was stored (nothing written). */
  ongewijzigd: number;
}

/** What the Uitvoering page shows of one placement. */
export interface UitvoeringBeeld {
  tegenprestatie: Tegenprestatie;
  uren: Urenregel[];
  evaluaties: Evaluatie[];
  /** Every change of the hours, newest first. */
  wijzigingen: UrenWijziging[];
  /** Hours (> 0) in total. */
  totaalUren: number;
  /** Review needed (agreed or running placements): derived from the data, never stored. */
  herbeoordeling: Herbeoordeling;
}

const naamVan = (actor: Actor): string =>
  actor.kind === 'gebruiker' ? actor.naam : `Systeem (${actor.reden.slice(0, 150)})`;
const idVan = (actor: Actor): string | null => (actor.kind === 'gebruiker' ? actor.gebruikerId : null);

const naarUrenregel = (r: UrenRij): Urenregel => ({
  id: r.id,
  tegenprestatieId: r.tegenprestatieId,
  datum: r.datum,
  uren: Number(r.uren),
  afwezig: r.afwezig as Afwezigheid | null,
  toelichting: r.toelichting,
  geregistreerdDoorNaam: r.geregistreerdDoorNaam,
  geregistreerdOp: r.geregistreerdOp.toISOString(),
  versie: r.versie,
  bron: r.bron as UrenBron | null,
});

const waardeVan = (uren: string | null, afwezig: string | null, toelichting: string | null) =>
  uren === null ? null : { uren: Number(uren), afwezig: afwezig as Afwezigheid | null, toelichting };

const naarWijziging = (r: UrenWijzigingRij): UrenWijziging => ({
  id: r.id,
  tegenprestatieId: r.tegenprestatieId,
  datum: r.datum,
  soort: r.soort as UrenWijzigingSoort,
  vorige: waardeVan(r.vorigeUren, r.vorigeAfwezig, r.vorigeToelichting),
  nieuw: waardeVan(r.uren, r.afwezig, r.toelichting),
  bron: r.bron as UrenBron,
  doorNaam: r.doorNaam,
  op: r.op.toISOString(),
});

const urenNl = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 2 });
/** A stored day in words, for a conflict message. */
const opgeslagenAls = (r: UrenRij): string =>
  r.afwezig
    ? `afwezig (${AFWEZIG_NAMEN[r.afwezig as Afwezigheid] ?? r.afwezig})`
    : `${urenNl(Number(r.uren))} uur`;

const naarEvaluatie = (r: EvaluatieRij): Evaluatie => ({
  id: r.id,
  tegenprestatieId: r.tegenprestatieId,
  datum: r.datum,
  stemKlant: r.stemKlant,
  visieOrganisatie: r.visieOrganisatie,
  conclusie: r.conclusie,
  besluit: r.besluit as Besluit,
  eind:
    r.eind && r.vervolg && r.afloop
      ? {
          vervolg: r.vervolg as NonNullable<Evaluatie['eind']>['vervolg'],
          vervolgToelichting: r.vervolgToelichting,
          afloop: r.afloop as 'afgerond' | 'beeindigd',
          beeindigingReden: r.beeindigingReden as NonNullable<Evaluatie['eind']>['beeindigingReden'],
        }
      : null,
  doorNaam: r.doorNaam,
  op: r.op.toISOString(),
});

/** First and last day of a `JJJJ-MM` month. */
export function maandGrenzen(maand: string): { van: string; tot: string } {
  const [j, m] = maand.split('-').map(Number) as [number, number];
  const laatste = new Date(Date.UTC(j, m, 0)).getUTCDate();
  return { van: `${maand}-01`, tot: `${maand}-${String(laatste).padStart(2, '0')}` };
}

/**
 * The CBS rows as CSV (`;`-separated, as Dutch spreadsheets expect; klantnummer, not the BSN). Cells go through the
 * shared `csvVeld` (src/lib/csv.ts): a klantnummer starting with `=`, `+`, `-`, `@`, tab or CR is defused, as in
 * the privacy export.
 */
export function cbsCsv(gemeenteCode: string, maand: string, regels: CbsRegel[]): string {
  const kop = 'gemeentecode;maand;klantnummer;uitvoering_tegenprestatie;uren';
  const rijen = regels.map((r) =>
    [gemeenteCode, maand, r.klantnummer ?? '', r.uitvoering === 'ja' ? 'J' : 'N', r.uren]
      .map(csvVeld)
      .join(';'),
  );
  return `${[kop, ...rijen].join('\r\n')}\r\n`;
}

/**
 * The running tegenprestatie: hours per date (with absences), evaluations and the final follow-up that ends it,
 * and the monthly CBS indicator. Every function takes `(actor, …)`, checks `uitvoeringPolicy`, sees a placement
 * only when the actor may see its design (`tegenprestaties.findTegenprestatie`, which logs that read), runs its
 * writes in one transaction under the actor's row-level security context and records each read and change in the
 * access log (`va-klantdossier-tegenprestatie`, subject the client) in that transaction.
 */
export function createUitvoeringService(deps: UitvoeringDeps) {
  const { db, tegenprestaties, klanten } = deps;
  const vandaag = deps.vandaag ?? (() => vandaagNl());
  const urenPerDagdeel = deps.urenPerDagdeel ?? STANDAARD_UREN_PER_DAGDEEL;

  const dienstVan = (actor: Actor): string => {
    if (actor.kind === 'gebruiker') return actor.dienstId;
    if (actor.dienstId) return actor.dienstId;
    throw new AppError('intern', { message: `system context without dienstId: ${actor.reden}` });
  };

  const log = (tx: Tx, actor: Actor, actie: 'lezen' | 'aanmaken' | 'wijzigen', t: Tegenprestatie) =>
    record(tx, {
      actor,
      actie,
      subject: { type: 'klant', id: t.klantId },
      verwerkingsactiviteit: VA.klantdossierTegenprestatie,
      gemeenteId: t.gemeenteId,
      ...(actor.kind === 'systeem' ? { dienstId: dienstVan(actor) } : {}),
    });

  /** The design (visible to the actor, else `niet-gevonden`); without its history. */
  async function ontwerp(actor: Actor, id: string): Promise<Tegenprestatie> {
    const { overgangen: _o, ...t } = await tegenprestaties.findTegenprestatie(actor, id);
    return t;
  }

  function moetLopen(t: Tegenprestatie, wat: string): void {
    if ((t.status as Status) !== 'lopend')
      throw new AppError('niet-verwerkbaar', {
        userMessage: `${wat} kan alleen bij een lopende tegenprestatie. Deze staat op "${t.status}".`,
      });
  }

  const service = {
    /** The placement with its hours (newest date first) and evaluations (newest first). */
    async bekijkUitvoering(actor: Actor, id: string): Promise<UitvoeringBeeld> {
      uitvoeringPolicy.vereis(actor, 'uitvoering-bekijken');
      const t = await ontwerp(actor, id);
      // Before the transaction: one connection at a time.
      const herbeoordeling = await tegenprestaties.herbeoordeling(actor, id);
      return withContext(db, dbContext(actor), async (tx) => {
        const uren = await repo.listUren(tx, dienstVan(actor), id);
        const evaluaties = await repo.listEvaluaties(tx, dienstVan(actor), id);
        const wijzigingen = await repo.listWijzigingen(tx, dienstVan(actor), id);
        await log(tx, actor, 'lezen', t);
        const regels = uren.map(naarUrenregel);
        return {
          tegenprestatie: t,
          uren: regels,
          evaluaties: evaluaties.map(naarEvaluatie),
          wijzigingen: wijzigingen.map(naarWijziging),
          totaalUren: regels.reduce((s, r) => s + r.uren, 0),
          herbeoordeling,
        };
      });
    },

    /**
     * A caseworker's doubt about this placement, to intervision (tegenprestaties `meldTwijfel`: access, checks and
     * the log are there). Invalid reason: `TegenprestatieInvoerfout` ({ reden }).
     */
    async meldTwijfel(actor: Actor, id: string, input: { reden: string }): Promise<{ intervisieId: string }> {
      uitvoeringPolicy.vereis(actor, 'uitvoering-bekijken');
      return tegenprestaties.meldTwijfel(actor, id, input);
    },

    /** The registered hours of a placement, newest date first. */
    async findUren(actor: Actor, id: string): Promise<Urenregel[]> {
      return (await service.bekijkUitvoering(actor, id)).uren;
    },

    /** Every change of a placement's hours (previous and new value, who, when, how), newest first. */
    async findUrenWijzigingen(actor: Actor, id: string): Promise<UrenWijziging[]> {
      return (await service.bekijkUitvoering(actor, id)).wijzigingen;
    },

    /**
     * Registers hours (or an absence) per date — at most a week at once — for a running placement. Nothing is
     * overwritten silently: a day sent exactly as stored is left alone; changing or removing a stored day needs
     * the `versie` it replaces (else `conflict`, 409, naming what is stored); every new, changed and removed day is
     * kept in the history with the previous value, who, when and how (`bron`). The date and day-part rules
     * (`toetsUren`): from the start date to the end date, never after today, a week's hours within the agreed day
     * parts.
     */
    async registreerUren(
      actor: Actor,
      id: string,
      input: UrenInput,
      opties: { bron: UrenBron },
    ): Promise<UrenResultaat> {
      uitvoeringPolicy.vereis(actor, 'uitvoering-vastleggen');
      const v = parseInvoer(UrenInput, input);
      const t = await ontwerp(actor, id);
      moetLopen(t, 'Uren registreren');
      const dienstId = dienstVan(actor);
      return withContext(db, dbContext(actor), async (tx) => {
        const opgeslagen = new Map((await repo.listUren(tx, dienstId, id)).map((r) => [r.datum, r]));
        const conflicten: Record<string, string> = {};
        type Stap =
          | { soort: 'nieuw'; i: number }
          | { soort: 'gewijzigd' | 'verwijderd'; i: number; rij: UrenRij };
        const stappen: Stap[] = [];
        let ongewijzigd = 0;
        v.dagen.forEach((d, i) => {
          const rij = opgeslagen.get(d.datum);
          const uren = d.uren ?? 0;
          const afwezig = d.afwezig ?? null;
          const toelichting = d.toelichting ?? null;
          if (d.verwijderen) {
            if (!rij) {
              conflicten[`dagen.${i}.datum`] =
                `Op ${formatDatumNl(d.datum)} staat intussen niets meer. Er is niets verwijderd: kijk de week na.`;
            } else if (rij.versie !== d.versie) {
              conflicten[`dagen.${i}.datum`] =
                `Op ${formatDatumNl(d.datum)} staat intussen ${opgeslagenAls(rij)} (door ${rij.geregistreerdDoorNaam}). Er is niets verwijderd: kijk de week na.`;
            } else stappen.push({ soort: 'verwijderd', i, rij });
            return;
          }
          if (!rij) {
            if (d.versie != null)
              conflicten[`dagen.${i}.datum`] =
                `De registratie van ${formatDatumNl(d.datum)} is intussen verwijderd. Kijk de dag na en sla opnieuw op.`;
            else stappen.push({ soort: 'nieuw', i });
            return;
          }
          if (Number(rij.uren) === uren && rij.afwezig === afwezig && rij.toelichting === toelichting) {
            ongewijzigd++;
            return;
          }
          if (rij.versie !== d.versie)
            conflicten[`dagen.${i}.datum`] =
              `Op ${formatDatumNl(d.datum)} staat al ${opgeslagenAls(rij)} (door ${rij.geregistreerdDoorNaam}). Uw wijziging van deze dag is niet opgeslagen: kijk de dag na en sla opnieuw op.`;
          else stappen.push({ soort: 'gewijzigd', i, rij });
        });
        if (Object.keys(conflicten).length > 0) throw new UitvoeringInvoerfout(conflicten, 'conflict');

        const regels = toetsUren(
          {
            startdatum: t.startdatum,
            einddatum: t.einddatum,
            dagdelen: t.dagdelen,
            vandaag: vandaag(),
            urenPerDagdeel,
          },
          v.dagen.map((d) => ({ datum: d.datum, uren: d.uren ?? 0, verwijderen: d.verwijderen ?? false })),
          new Map([...opgeslagen].map(([datum, r]) => [datum, Number(r.uren)])),
        );
        // A day sent unchanged is not checked again: only what changes must fit the rules.
        const gewijzigd = new Set(stappen.map((s) => s.i));
        for (const k of Object.keys(regels)) {
          const m = /^dagen\.(\d+)\./.exec(k);
          if (m && !gewijzigd.has(Number(m[1]))) delete regels[k];
        }
        if (Object.keys(regels).length > 0) throw new UitvoeringInvoerfout(regels);

        const door = { door: idVan(actor), doorNaam: naamVan(actor) };
        const wijzigingen = [];
        for (const stap of stappen) {
          const d = v.dagen[stap.i];
          if (!d) continue;
          const nieuw = { uren: d.uren ?? 0, afwezig: d.afwezig ?? null, toelichting: d.toelichting ?? null };
          const basis = {
            dienstId,
            gemeenteId: t.gemeenteId,
            tegenprestatieId: t.id,
            klantId: t.klantId,
            datum: d.datum,
            bron: opties.bron,
            ...door,
          };
          const conflict = () =>
            new UitvoeringInvoerfout(
              {
                [`dagen.${stap.i}.datum`]: `${formatDatumNl(d.datum)} is intussen door iemand anders gewijzigd. Kijk de dag na.`,
              },
              'conflict',
            );
          if (stap.soort === 'nieuw') {
            const r = await repo.insertUren(tx, {
              dienstId,
              gemeenteId: t.gemeenteId,
              tegenprestatieId: t.id,
              klantId: t.klantId,
              datum: d.datum,
              ...nieuw,
              geregistreerdDoor: door.door,
              geregistreerdDoorNaam: door.doorNaam,
              bron: opties.bron,
            });
            if (!r) throw conflict();
            wijzigingen.push({ ...basis, soort: 'nieuw', ...nieuw });
            continue;
          }
          const vorige = {
            vorigeUren: Number(stap.rij.uren),
            vorigeAfwezig: stap.rij.afwezig,
            vorigeToelichting: stap.rij.toelichting,
          };
          const waar = { dienstId, gemeenteId: t.gemeenteId, id: stap.rij.id, versie: stap.rij.versie };
          if (stap.soort === 'verwijderd') {
            if (!(await repo.deleteUren(tx, waar))) throw conflict();
            wijzigingen.push({
              ...basis,
              soort: 'verwijderd',
              ...vorige,
              uren: null,
              afwezig: null,
              toelichting: null,
            });
          } else {
            const r = await repo.updateUren(tx, waar, {
              ...nieuw,
              geregistreerdDoor: door.door,
              geregistreerdDoorNaam: door.doorNaam,
              bron: opties.bron,
            });
            if (!r) throw conflict();
            wijzigingen.push({ ...basis, soort: 'gewijzigd', ...vorige, ...nieuw });
          }
        }
        await repo.insertWijzigingen(tx, wijzigingen);
        await log(tx, actor, wijzigingen.length > 0 ? 'wijzigen' : 'lezen', t);
        return {
          uren: (await repo.listUren(tx, dienstId, id)).map(naarUrenregel),
          gewijzigd: wijzigingen.length,
          ongewijzigd,
        };
      });
    },

    /**
     * A lifecycle step from `overeengekomen` (see `volgendeStappen`): `starten` by hand on or after the start date,
     * only on the design's current agreement with that start date (`startOordeel`, as the daily job, which stays the
     * fallback); `terug-naar-ontwerp` with a reason (releases the place; the documents and
     * the history stay); `beeindigen-voor-start` with a reason. A step that cannot be taken now answers
     * `niet-verwerkbaar` (422) saying why. The move and its history go through the tegenprestaties module.
     */
    async wijzigLevensloop(actor: Actor, id: string, input: LevensloopInput): Promise<Tegenprestatie> {
      uitvoeringPolicy.vereis(actor, 'uitvoering-vastleggen');
      const v = parseInvoer(LevensloopInput, input);
      const t = await ontwerp(actor, id);
      const dag = vandaag();
      const stap = volgendeStappen(t, dag).stappen.find((s) => s.stap === v.stap);
      if (!stap?.kan)
        throw new AppError('niet-verwerkbaar', {
          userMessage:
            stap?.uitleg ??
            `Deze stap kan niet: de tegenprestatie staat op "${STATUS_NAMEN[t.status].toLowerCase()}".`,
        });
      if (v.stap === 'starten') {
        const oordeel = startOordeel(t, await deps.afspraakVoorStart(actor, id), dag);
        if (!oordeel.mag) throw new AppError('niet-verwerkbaar', { userMessage: oordeel.melding });
      }
      const overgang =
        v.stap === 'starten'
          ? {
              naar: 'lopend' as const,
              reden: `Met de hand gestart op ${formatDatumNl(dag)}`,
              versie: t.versie,
            }
          : v.stap === 'terug-naar-ontwerp'
            ? { naar: 'ontwerp' as const, reden: v.reden, versie: t.versie }
            : {
                naar: 'beeindigd' as const,
                reden: `Beëindigd vóór de start (${BEEINDIGING_NAMEN[v.beeindigingReden]}): ${v.reden}`,
                beeindigingReden: v.beeindigingReden,
                versie: t.versie,
              };
      // Where imposed and sent, stepping back or ending is a revocation decision, recorded with the move. Both are
      // prepared (their reads) before the one transaction opens.
      const intrekking =
        v.stap === 'starten'
          ? null
          : await deps.bereidIntrekkingVoor(actor, id, v.intrekking, overgang.reden);
      const verplaats = await tegenprestaties.bereidDeel2OvergangVoor(actor, id, overgang);
      return withContext(db, dbContext(actor), async (tx) => {
        if (intrekking) await intrekking(tx);
        return verplaats(tx);
      });
    },

    /**
     * The evaluations of a placement, newest first, without the rest of the page (the overeenkomsten module asks it
     * whether the latest decided `aanpassen`). Logged as a read.
     */
    async evaluatiesVan(actor: Actor, id: string): Promise<Evaluatie[]> {
      uitvoeringPolicy.vereis(actor, 'uitvoering-bekijken');
      const t = await ontwerp(actor, id);
      return withContext(db, dbContext(actor), async (tx) => {
        const evaluaties = await repo.listEvaluaties(tx, dienstVan(actor), id);
        await log(tx, actor, 'lezen', t);
        return evaluaties.map(naarEvaluatie);
      });
    },

    /**
     * The report of one evaluation as PDF (issue 16): the placement, the client's voice, the host's view, the
     * conclusion, the decision and — for a final evaluation — the follow-up and how it ended. Never a BSN. Logged as
     * an export of the client's file.
     */
    async evaluatieVerslagPdf(actor: Actor, id: string, evaluatieId: string): Promise<Buffer> {
      uitvoeringPolicy.vereis(actor, 'uitvoering-bekijken');
      const t = await ontwerp(actor, id);
      const klant = await klanten.findKlant(actor, t.klantId);
      const e = await withContext(db, dbContext(actor), async (tx) => {
        const rij = (await repo.listEvaluaties(tx, dienstVan(actor), id)).find((r) => r.id === evaluatieId);
        if (!rij) throw notFound('Deze evaluatie bestaat niet.');
        await record(tx, {
          actor,
          actie: 'exporteren',
          subject: { type: 'klant', id: t.klantId },
          verwerkingsactiviteit: VA.klantdossierTegenprestatie,
          gemeenteId: t.gemeenteId,
          ...(actor.kind === 'systeem' ? { dienstId: dienstVan(actor) } : {}),
        });
        return naarEvaluatie(rij);
      });
      return renderPdf(
        evaluatieDocument({
          klant: { naam: klant.naam, klantnummer: klant.klantnummer },
          klantmanager: klant.klantmanager?.naam ?? null,
          periode: { start: t.startdatum, einde: t.einddatum },
          urenPerWeek: t.urenPerWeek,
          dagdelen: t.dagdelen,
          evaluatie: e,
          naam: klant.instrumentNaam,
        }),
      );
    },

    /** The evaluations of a placement, newest first. */
    async findEvaluaties(actor: Actor, id: string): Promise<Evaluatie[]> {
      return (await service.bekijkUitvoering(actor, id)).evaluaties;
    },

    /**
     * Records an evaluation of a running placement: the client's voice, the host's view, the caseworker's
     * conclusion and the decision (voortzetten, aanpassen, beeindigen). With `beeindigen` it is the final
     * evaluation: it records the actual follow-up and ends the placement — `afgerond`, or `beeindigd` with a
     * reason — in the same transaction (the tegenprestaties module releases the activity's place).
     */
    async createEvaluatie(actor: Actor, id: string, input: EvaluatieInput): Promise<Evaluatie> {
      uitvoeringPolicy.vereis(actor, 'uitvoering-vastleggen');
      const v = parseInvoer(EvaluatieInput, input);
      const t = await ontwerp(actor, id);
      moetLopen(t, 'Evalueren');
      if (t.startdatum && v.datum < t.startdatum)
        throw new UitvoeringInvoerfout({ datum: `De evaluatie ligt vóór de startdatum (${t.startdatum}).` });
      if (v.datum > vandaag())
        throw new UitvoeringInvoerfout({ datum: 'Een evaluatie legt u vast op of na de dag zelf.' });
      // The move's checks first: they read in transactions of their own (which write the access log), and this
      // transaction must neither hold a second connection nor the log's chain head while they wait for it.
      const reden = v.eind?.beeindigingReden;
      const einde = v.eind
        ? await tegenprestaties.bereidDeel2OvergangVoor(
            actor,
            id,
            v.eind.afloop === 'beeindigd' && reden
              ? {
                  naar: 'beeindigd',
                  reden: `Eindevaluatie ${v.datum}: ${BEEINDIGING_NAMEN[reden]}`,
                  beeindigingReden: reden,
                }
              : { naar: 'afgerond', reden: `Eindevaluatie ${v.datum}` },
          )
        : null;
      // An early end where imposed and sent is a revocation decision (an end as agreed is not).
      const intrekking =
        v.eind?.afloop === 'beeindigd'
          ? await deps.bereidIntrekkingVoor(
              actor,
              id,
              v.eind.intrekking,
              `Eindevaluatie ${formatDatumNl(v.datum)}: ${BEEINDIGING_NAMEN[v.eind.beeindigingReden ?? 'anders']}. ${v.conclusie}`,
            )
          : null;
      return withContext(db, dbContext(actor), async (tx) => {
        if (intrekking) await intrekking(tx);
        if (einde) await einde(tx);
        const rij = await repo.insertEvaluatie(tx, {
          dienstId: dienstVan(actor),
          gemeenteId: t.gemeenteId,
          tegenprestatieId: t.id,
          klantId: t.klantId,
          datum: v.datum,
          stemKlant: v.stemKlant,
          visieOrganisatie: v.visieOrganisatie,
          conclusie: v.conclusie,
          besluit: v.besluit,
          eind: v.eind != null,
          vervolg: v.eind?.vervolg ?? null,
          vervolgToelichting: v.eind?.vervolgToelichting ?? null,
          afloop: v.eind?.afloop ?? null,
          beeindigingReden: v.eind?.afloop === 'beeindigd' ? (v.eind.beeindigingReden ?? null) : null,
          door: idVan(actor),
          doorNaam: naamVan(actor),
        });
        await log(tx, actor, 'aanmaken', t);
        return naarEvaluatie(rij);
      });
    },

    /**
     * The latest date with hours per running placement (for the "no hours for 3 weeks" signal). A system actor of
     * the social service (the signal job) or a staff member; no access log entry (no client data leaves).
     */
    async laatsteUrenPerTegenprestatie(actor: Actor, ids: string[]): Promise<Map<string, string>> {
      uitvoeringPolicy.vereis(actor, 'uitvoering-bekijken');
      return withContext(db, dbContext(actor), (tx) => repo.laatsteUren(tx, dienstVan(actor), ids));
    },

    /**
     * Per running placement the hours of one week (Monday `maandag` to Sunday) and whether an absence is
     * registered in it (the "week differs from the agreed hours" signal). Like `laatsteUrenPerTegenprestatie`: the
     * signal job or staff; no access log entry (no client data leaves, only totals).
     */
    async weekUrenPerTegenprestatie(
      actor: Actor,
      ids: string[],
      maandag: string,
    ): Promise<Map<string, { uren: number; dagen: number; afwezig: boolean }>> {
      uitvoeringPolicy.vereis(actor, 'uitvoering-bekijken');
      const van = maandagVan(maandag);
      return withContext(db, dbContext(actor), (tx) =>
        repo.urenTussen(tx, dienstVan(actor), ids, van, plusDagen(van, 6)),
      );
    },

    /**
     * The CBS BUS indicator "uitvoering tegenprestatie" of one municipality and month: per client with a placement
     * that overlaps the month (or with hours registered in it), `ja` when any hours were done in that month, else
     * `nee`. Identified by klantnummer (no BSN). The export is logged as `exporteren` per client.
     */
    async cbsExport(actor: Actor, gemeenteId: string, maand: string): Promise<CbsRegel[]> {
      uitvoeringPolicy.vereis(actor, 'cbs-exporteren');
      const m = Maand.safeParse(maand);
      if (!m.success)
        throw new UitvoeringInvoerfout({ maand: m.error.issues[0]?.message ?? 'Ongeldige maand.' });
      if (actor.kind === 'gebruiker' && !actor.gemeenten.includes(gemeenteId))
        throw notFound('Deze gemeente bestaat niet of u heeft er geen toegang toe.');
      const { van, tot } = maandGrenzen(maand);
      const dienstId = dienstVan(actor);
      // The placements of the municipality, whoever's caseload they are in: read under a logged system context.
      const systeem = systeemActor('cbs-export', dienstId);
      const klantIds = new Set<string>();
      for (const status of ['overeengekomen', 'lopend', 'afgerond', 'beeindigd'] as const) {
        for (let pagina = 1; ; pagina++) {
          const p = await tegenprestaties.findTegenprestaties(systeem, {
            status,
            pagina,
            paginaGrootte: 100,
          });
          for (const t of p.items)
            if (
              t.gemeenteId === gemeenteId &&
              t.startdatum !== null &&
              t.startdatum <= tot &&
              (t.einddatum === null || t.einddatum >= van)
            )
              klantIds.add(t.klantId);
          if (pagina >= p.aantalPaginas) break;
        }
      }
      const uren = new Map(
        (
          await withContext(db, dbContext(actor), (tx) =>
            repo.urenPerKlant(tx, dienstId, gemeenteId, van, tot),
          )
        ).map((r) => [r.klantId, r.uren]),
      );
      for (const k of uren.keys()) klantIds.add(k);
      const regels: CbsRegel[] = [];
      for (const klantId of klantIds) {
        const klant = await klanten.findKlant(systeem, klantId).catch(() => null);
        const u = uren.get(klantId) ?? 0;
        regels.push({
          klantId,
          klantnummer: klant?.klantnummer ?? null,
          uitvoering: u > 0 ? 'ja' : 'nee',
          uren: u,
        });
      }
      regels.sort(
        (a, b) =>
          (a.klantnummer ?? '').localeCompare(b.klantnummer ?? '') || a.klantId.localeCompare(b.klantId),
      );
      await withContext(db, dbContext(actor), (tx) =>
        recordMany(
          tx,
          regels.map((r) => ({
            actor,
            actie: 'exporteren' as const,
            subject: { type: 'klant', id: r.klantId },
            verwerkingsactiviteit: VA.rapportage,
            gemeenteId,
            ...(actor.kind === 'systeem' ? { dienstId } : {}),
          })),
        ),
      );
      return regels;
    },

    /**
     * AVG art. 15 (the privacy module only, as the system `avg-inzage` inside its transaction): the client's hours
     * and absences and evaluations (the client's voice, the host's view, the conclusion), as plain records with
     * Dutch labels; staff names left out. The read is logged (`va-privacyverzoeken`).
     */
    async inzageVoorKlant(actor: Actor, klantId: string, opties: InzageOpties): Promise<InzageOnderdeel[]> {
      if (actor.kind !== 'systeem') throw new AppError('geen-toegang');
      const { tx } = opties;
      const { uren, wijzigingen, evaluaties } = await repo.vanKlant(tx, dienstVan(actor), klantId);
      const inWoorden = (w: UrenWijziging['vorige']): string | null =>
        w === null
          ? null
          : `${w.afwezig ? (AFWEZIG_NAMEN[w.afwezig] ?? w.afwezig) : `${urenNl(w.uren)} uur`}${w.toelichting ? ` (${w.toelichting})` : ''}`;
      await record(tx, {
        actor,
        actie: 'lezen',
        subject: { type: 'klant', id: klantId },
        verwerkingsactiviteit: VA.privacyverzoeken,
        gemeenteId: opties.gemeenteId,
        dienstId: dienstVan(actor),
      });
      return [
        {
          onderdeel: 'uren',
          titel: 'Uw uren',
          records: uren.map((u) => ({
            Tegenprestatie: inzageKenmerk(u.tegenprestatieId),
            Datum: inzageDatum(u.datum),
            Uren: Number(u.uren),
            Afwezig: u.afwezig ? (AFWEZIG_NAMEN[u.afwezig as Afwezigheid] ?? u.afwezig) : null,
            Toelichting: inzageTekst(u.toelichting),
          })),
        },
        {
          onderdeel: 'uren-wijzigingen',
          titel: 'Wijzigingen van uw uren',
          records: wijzigingen.map(naarWijziging).map((w) => ({
            Tegenprestatie: inzageKenmerk(w.tegenprestatieId),
            Datum: inzageDatum(w.datum),
            Wat: w.soort === 'nieuw' ? 'Nieuw' : w.soort === 'gewijzigd' ? 'Gewijzigd' : 'Verwijderd',
            Was: inWoorden(w.vorige),
            Werd: inWoorden(w.nieuw),
            Hoe: UREN_BRON_NAMEN[w.bron] ?? w.bron,
            Wanneer: inzageDatum(new Date(w.op)),
          })),
        },
        {
          onderdeel: 'evaluaties',
          titel: 'Gesprekken over hoe het gaat (evaluaties)',
          records: evaluaties.map((e) => ({
            Tegenprestatie: inzageKenmerk(e.tegenprestatieId),
            Datum: inzageDatum(e.datum),
            'Wat u zei': e.stemKlant,
            'Wat de organisatie zei': inzageTekst(e.visieOrganisatie),
            Conclusie: e.conclusie,
            Besluit: BESLUIT_NAMEN[e.besluit as Besluit] ?? e.besluit,
            Eindevaluatie: e.eind,
            'Hoe het afliep':
              e.afloop === 'afgerond' ? 'Afgerond' : e.afloop === 'beeindigd' ? 'Beëindigd' : null,
            'Reden van stoppen': e.beeindigingReden
              ? (BEEINDIGING_NAMEN[e.beeindigingReden as keyof typeof BEEINDIGING_NAMEN] ??
                e.beeindigingReden)
              : null,
            'Wat daarna': e.vervolg ? (VERVOLG_NAMEN[e.vervolg as Vervolg] ?? e.vervolg) : null,
            'Toelichting wat daarna': inzageTekst(e.vervolgToelichting),
          })),
        },
      ];
    },
  };
  return service;
}

export type UitvoeringService = ReturnType<typeof createUitvoeringService>;
