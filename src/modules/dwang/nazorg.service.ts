import { naarCsv } from '../../lib/csv.ts';
import type { Tx } from '../../db/context.ts';
import { withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { type Actor, dbContext, type Systeem } from '../auth/index.ts';
import { type IsoDatum, vandaag as vandaagNu } from '../klanten/index.ts';
import { record, recordMany, VA } from '../logboek/index.ts';
import type { OvereenkomstenService } from '../overeenkomsten/index.ts';
import { dwangPolicy } from './dwang.policy.ts';
import {
  dwangRepository as repo,
  type MaatregelRij,
  type RechtsmiddelRij,
  type WijzigingRij,
} from './dwang.repository.ts';
import { DwangInvoerfout, parseInvoer } from './dwang.schemas.ts';
import {
  beoordeelBeslissing,
  beoordeelRechtsmiddel,
  beoordeelWijziging,
  type Betreft,
  bezwaartermijnEinde,
  EXPORT_KOLOMMEN,
  type ExportRegel,
  exportRegels,
  exportRij,
  geldendeTermijnen,
  heroverwegingUiterlijk,
  maatregelEinde,
  type RechtsmiddelSoort,
  type RechtsmiddelUitkomst,
  STADIA,
  type Stadium,
  stadiumVan,
  standNaWijzigingen,
  type Termijn,
  type Wijziging,
  type WijzigingAanleiding,
  type WijzigingUitkomst,
} from './nazorg.ts';
import {
  BeslissingInput,
  ExportInput,
  type MaatregelExport,
  type MaatregelNazorg,
  type MaatregelWijziging,
  type Rechtsmiddel,
  RechtsmiddelInput,
  WijzigingInput,
  WijzigingOordeelInput,
} from './nazorg.schemas.ts';

export interface NazorgDeps {
  db: Database;
  /** The imposed decision a placement runs under (and the design's visibility: 404 otherwise). */
  overeenkomsten: Pick<OvereenkomstenService, 'opgelegdBesluit'>;
  /**
   * A client's number for the export (the klanten module, read as the system: the exporter may be a functioneel
   * beheerder, who does not open client files). Null when the file has none.
   */
  klantnummer: (dienstId: string, klantId: string) => Promise<string | null>;
  /** A client's name for the team lead's list (the klanten module, as the actor). */
  klantNaam?: (actor: Actor, klantId: string) => Promise<string>;
  vandaag?: () => IsoDatum;
}

const naamVan = (actor: Actor): string =>
  actor.kind === 'gebruiker' ? actor.naam : `Systeem (${actor.reden.slice(0, 150)})`;
const idVan = (actor: Actor): string | null => (actor.kind === 'gebruiker' ? actor.gebruikerId : null);
/** The day of a moment in the Netherlands. */
const dagVan = (d: Date): IsoDatum => vandaagNu(d);

/** The measure as decided: its start, last day and percentage (null while not decided). */
export function besloten(r: MaatregelRij): Termijn | null {
  if (r.status !== 'besloten' || !r.voorstelIngangsdatum || !r.voorstelMaanden || !r.voorstelPercentage)
    return null;
  return {
    van: r.voorstelIngangsdatum,
    tot: maatregelEinde(r.voorstelIngangsdatum, r.voorstelMaanden),
    percentage: r.voorstelPercentage,
  };
}

/** Determined changes in the order of determination. */
const vastgesteld = (w: readonly WijzigingRij[]) =>
  w
    .filter((x) => x.status === 'vastgesteld' && x.beoordeeldOp)
    .sort((a, b) => (a.beoordeeldOp as Date).getTime() - (b.beoordeeldOp as Date).getTime());
const alsWijziging = (w: WijzigingRij): Wijziging => ({
  uitkomst: w.uitkomst as WijzigingUitkomst,
  ingangsdatum: w.ingangsdatum,
  percentage: w.percentage,
  einddatum: w.einddatum,
});

export function naarWijziging(w: WijzigingRij): MaatregelWijziging {
  return {
    id: w.id,
    maatregelId: w.maatregelId,
    aanleiding: w.aanleiding as WijzigingAanleiding,
    uitkomst: w.uitkomst as WijzigingUitkomst,
    ingangsdatum: w.ingangsdatum,
    percentage: w.percentage,
    einddatum: w.einddatum,
    motivering: w.motivering,
    status: w.status as MaatregelWijziging['status'],
    voorgesteldDoorNaam: w.voorgesteldDoorNaam,
    voorgesteldOp: w.voorgesteldOp.toISOString(),
    beoordeeldDoorNaam: w.beoordeeldDoorNaam,
    beoordeeldOp: w.beoordeeldOp ? w.beoordeeldOp.toISOString() : null,
    beoordelingToelichting: w.beoordelingToelichting,
  };
}

export function naarRechtsmiddel(r: RechtsmiddelRij): Rechtsmiddel {
  return {
    id: r.id,
    tegenprestatieId: r.tegenprestatieId,
    betreft: r.betreft as Betreft,
    maatregelId: r.maatregelId,
    besluitDatum: r.besluitDatum,
    besluitVerzenddatum: r.besluitVerzenddatum,
    bezwaartermijnEinde: bezwaartermijnEinde(r.besluitVerzenddatum),
    soort: r.soort as RechtsmiddelSoort,
    ontvangenOp: r.ontvangenOp,
    toelichting: r.toelichting,
    vastgelegdDoorNaam: r.vastgelegdDoorNaam,
    beslistOp: r.beslistOp,
    uitkomst: r.uitkomst as RechtsmiddelUitkomst | null,
    beslissingToelichting: r.beslissingToelichting,
  };
}

/** A decided measure after the decision: reconsideration, changes, what applies now, objections against it. */
export function naarNazorg(
  r: MaatregelRij,
  wijzigingen: readonly WijzigingRij[],
  rechtsmiddelen: readonly RechtsmiddelRij[],
): MaatregelNazorg {
  const basis = besloten(r) as Termijn;
  const besluitDatum = dagVan(r.akkoordOp as Date);
  const v = vastgesteld(wijzigingen).map(alsWijziging);
  return {
    maatregelId: r.id,
    besluitDatum,
    heroverwegingUiterlijk: heroverwegingUiterlijk(besluitDatum),
    heroverwogen: wijzigingen.some((w) => w.aanleiding === 'heroverweging' && w.status === 'vastgesteld'),
    besloten: basis,
    termijnen: geldendeTermijnen(basis, v),
    stand: standNaWijzigingen(basis, v),
    wijzigingen: wijzigingen.map(naarWijziging),
    rechtsmiddelen: rechtsmiddelen.filter((x) => x.maatregelId === r.id).map(naarRechtsmiddel),
  };
}

/**
 * Issue 15, "Afterwards" and the hand-over (docs/dwang.md): reconsideration (art. 18 lid 3 Pw) and changes to a
 * decided measure — urgent reasons (lid 10), objection, a provisional ruling — each proposed by one person and
 * determined by a team lead who is someone else; objection and voorlopige voorziening against the imposing decision
 * and against a measure; the monthly export to the benefits system. Access as the measure path (`dwangPolicy`;
 * a placement's measures are visible exactly when its design is); every read and change is logged. The database
 * backs each guard (migration 1001).
 */
export function createNazorgService(deps: NazorgDeps) {
  const { db } = deps;
  const vandaag = deps.vandaag ?? (() => vandaagNu());

  const dienstVan = (actor: Actor): string => {
    if (actor.kind === 'gebruiker') return actor.dienstId;
    if (actor.dienstId) return actor.dienstId;
    throw new AppError('intern', { message: `system context without dienstId: ${actor.reden}` });
  };
  const weiger = (melding: string) => new AppError('niet-verwerkbaar', { userMessage: melding });
  const gewijzigd = (melding: string) => new AppError('conflict', { userMessage: melding });
  const isUniek = (e: unknown) =>
    typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
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
    });

  async function beslotenMaatregel(tx: Tx, actor: Actor, tegenprestatieId: string, maatregelId: string) {
    const r = await repo.findMaatregel(tx, dienstVan(actor), tegenprestatieId, maatregelId);
    if (!r) throw new AppError('niet-gevonden', { userMessage: 'Deze maatregel bestaat niet.' });
    if (r.status !== 'besloten')
      throw weiger(
        'Er is (nog) geen besluit: wijzigen, heroverwegen of bezwaar kan pas na het maatregelbesluit.',
      );
    return r;
  }

  async function nazorgIn(tx: Tx, actor: Actor, r: MaatregelRij): Promise<MaatregelNazorg> {
    const w = await repo.listWijzigingen(tx, dienstVan(actor), [r.id]);
    const rm = await repo.listRechtsmiddelen(tx, dienstVan(actor), r.tegenprestatieId);
    return naarNazorg(r, w, rm);
  }

  const service = {
    /** A decided measure after its decision (422 while not decided). Logged as a read. */
    async nazorg(actor: Actor, tegenprestatieId: string, maatregelId: string): Promise<MaatregelNazorg> {
      dwangPolicy.vereis(actor, 'maatregelen-bekijken');
      const { tegenprestatie: t } = await deps.overeenkomsten.opgelegdBesluit(actor, tegenprestatieId);
      return withContext(db, dbContext(actor), async (tx) => {
        const r = await beslotenMaatregel(tx, actor, t.id, maatregelId);
        await log(tx, actor, 'lezen', t.klantId, t.gemeenteId);
        return nazorgIn(tx, actor, r);
      });
    },

    /**
     * Proposes a change to a decided measure: the outcome of the reconsideration (continued, adjusted, ended), or
     * an adjustment for urgent reasons, after objection or a provisional ruling. Never heavier than what applies
     * (`beoordeelWijziging`); one proposal at a time (409). A team lead who did not propose it determines it.
     */
    async stelWijzigingVoor(
      actor: Actor,
      tegenprestatieId: string,
      maatregelId: string,
      input: WijzigingInput,
    ): Promise<MaatregelNazorg> {
      dwangPolicy.vereis(actor, 'maatregel-voorbereiden');
      const v = parseInvoer(WijzigingInput, input);
      const { tegenprestatie: t } = await deps.overeenkomsten.opgelegdBesluit(actor, tegenprestatieId);
      try {
        return await withContext(db, dbContext(actor), async (tx) => {
          const r = await beslotenMaatregel(tx, actor, t.id, maatregelId);
          const bestaand = await repo.listWijzigingen(tx, dienstVan(actor), [r.id]);
          if (bestaand.some((w) => w.status === 'ter-beoordeling'))
            throw gewijzigd(
              'Er ligt al een wijziging ter beoordeling bij de teamleider. Wacht op het oordeel.',
            );
          const fouten = beoordeelWijziging({
            termijnen: geldendeTermijnen(besloten(r) as Termijn, vastgesteld(bestaand).map(alsWijziging)),
            aanleiding: v.aanleiding,
            wijziging: v,
          });
          if (Object.keys(fouten).length) throw new DwangInvoerfout(fouten);
          await repo.insertWijziging(tx, {
            dienstId: dienstVan(actor),
            gemeenteId: r.gemeenteId,
            maatregelId: r.id,
            klantId: r.klantId,
            aanleiding: v.aanleiding,
            uitkomst: v.uitkomst,
            ingangsdatum: v.ingangsdatum,
            percentage: v.percentage,
            einddatum: v.einddatum,
            motivering: v.motivering,
            voorgesteldDoor: idVan(actor),
            voorgesteldDoorNaam: naamVan(actor),
          });
          await log(tx, actor, 'wijzigen', t.klantId, t.gemeenteId);
          return nazorgIn(tx, actor, r);
        });
      } catch (e) {
        if (isUniek(e))
          throw gewijzigd(
            'Er ligt al een wijziging ter beoordeling bij de teamleider. Wacht op het oordeel.',
          );
        throw e;
      }
    },

    /**
     * Four eyes on a change: a team lead who did not propose it determines it (it applies from then on, and the next
     * export carries a correction line) or sends it back with reasons.
     */
    async beoordeelWijziging(
      actor: Actor,
      tegenprestatieId: string,
      maatregelId: string,
      wijzigingId: string,
      input: WijzigingOordeelInput,
    ): Promise<MaatregelNazorg> {
      dwangPolicy.vereis(actor, 'maatregel-beoordelen');
      const v = parseInvoer(WijzigingOordeelInput, input);
      const { tegenprestatie: t } = await deps.overeenkomsten.opgelegdBesluit(actor, tegenprestatieId);
      return withContext(db, dbContext(actor), async (tx) => {
        const r = await beslotenMaatregel(tx, actor, t.id, maatregelId);
        const alle = await repo.listWijzigingen(tx, dienstVan(actor), [r.id]);
        const w = alle.find((x) => x.id === wijzigingId);
        if (!w) throw new AppError('niet-gevonden', { userMessage: 'Deze wijziging bestaat niet.' });
        if (w.status !== 'ter-beoordeling') throw weiger('Deze wijziging is al beoordeeld.');
        const ik = idVan(actor);
        if (v.akkoord) {
          if (!(actor.kind === 'gebruiker' && actor.rol === 'teamleider'))
            throw weiger('Alleen een teamleider stelt een wijziging vast.');
          if (!ik || w.voorgesteldDoor === ik)
            throw weiger(
              'U stelde deze wijziging zelf voor: een tweede persoon stelt haar vast (vier ogen).',
            );
          const fouten = beoordeelWijziging({
            termijnen: geldendeTermijnen(besloten(r) as Termijn, vastgesteld(alle).map(alsWijziging)),
            aanleiding: w.aanleiding as WijzigingAanleiding,
            wijziging: alsWijziging(w),
          });
          if (Object.keys(fouten).length) throw weiger(Object.values(fouten).join(' '));
        }
        const nieuw = await repo.beoordeelWijziging(tx, dienstVan(actor), w.id, {
          status: v.akkoord ? 'vastgesteld' : 'teruggestuurd',
          beoordeeldDoor: ik,
          beoordeeldDoorNaam: naamVan(actor),
          beoordeeldRol: v.akkoord ? 'teamleider' : null,
          beoordeeldOp: new Date(),
          beoordelingToelichting: v.toelichting,
        });
        if (!nieuw)
          throw gewijzigd('Iemand anders heeft deze wijziging intussen beoordeeld. Bekijk haar opnieuw.');
        await log(tx, actor, 'wijzigen', t.klantId, t.gemeenteId);
        return nazorgIn(tx, actor, r);
      });
    },

    /** A placement's objections and provisional rulings (against the imposing decision and its measures). */
    async listRechtsmiddelen(actor: Actor, tegenprestatieId: string): Promise<Rechtsmiddel[]> {
      dwangPolicy.vereis(actor, 'maatregelen-bekijken');
      const { tegenprestatie: t } = await deps.overeenkomsten.opgelegdBesluit(actor, tegenprestatieId);
      return withContext(db, dbContext(actor), async (tx) => {
        const rijen = await repo.listRechtsmiddelen(tx, dienstVan(actor), t.id);
        await log(tx, actor, 'lezen', t.klantId, t.gemeenteId);
        return rijen.map(naarRechtsmiddel);
      });
    },

    /**
     * Records an objection (received) or a provisional ruling (requested) against the placement's imposing decision
     * or one of its decided measures. The date lies from the decision to today; a provisional ruling only next to
     * an objection against the same decision (Awb 8:81).
     */
    async legRechtsmiddelVast(
      actor: Actor,
      tegenprestatieId: string,
      input: RechtsmiddelInput,
    ): Promise<Rechtsmiddel> {
      dwangPolicy.vereis(actor, 'maatregel-voorbereiden');
      const v = parseInvoer(RechtsmiddelInput, input);
      const { tegenprestatie: t, besluit } = await deps.overeenkomsten.opgelegdBesluit(
        actor,
        tegenprestatieId,
      );
      return withContext(db, dbContext(actor), async (tx) => {
        let datum: IsoDatum;
        let verzonden: IsoDatum;
        if (v.betreft === 'maatregel') {
          const r = await repo.findMaatregel(tx, dienstVan(actor), t.id, v.maatregelId as string);
          if (r?.status !== 'besloten' || !r.akkoordOp)
            throw new DwangInvoerfout({ maatregelId: 'Kies een besloten maatregel van deze plaatsing.' });
          // The measure decision is dated and sent on the day of the approval (its PDF).
          datum = dagVan(r.akkoordOp);
          verzonden = datum;
        } else {
          if (!besluit)
            throw weiger(
              'Deze plaatsing loopt niet onder een verzonden besluit dat de tegenprestatie oplegt: er is geen opleggend besluit om bezwaar tegen te maken.',
            );
          datum = besluit.datum;
          verzonden = besluit.verzenddatum;
        }
        const bestaand = await repo.listRechtsmiddelen(tx, dienstVan(actor), t.id);
        const fouten = beoordeelRechtsmiddel({
          soort: v.soort,
          ontvangenOp: v.ontvangenOp,
          besluitDatum: datum,
          vandaag: vandaag(),
          bezwaarBekend: bestaand.some(
            (x) => x.soort === 'bezwaar' && x.betreft === v.betreft && x.maatregelId === v.maatregelId,
          ),
        });
        if (Object.keys(fouten).length) throw new DwangInvoerfout(fouten);
        const rij = await repo.insertRechtsmiddel(tx, {
          dienstId: dienstVan(actor),
          gemeenteId: t.gemeenteId,
          tegenprestatieId: t.id,
          klantId: t.klantId,
          betreft: v.betreft,
          maatregelId: v.maatregelId,
          besluitDatum: datum,
          besluitVerzenddatum: verzonden,
          soort: v.soort,
          ontvangenOp: v.ontvangenOp,
          toelichting: v.toelichting,
          vastgelegdDoorNaam: naamVan(actor),
        });
        await log(tx, actor, 'aanmaken', t.klantId, t.gemeenteId);
        return naarRechtsmiddel(rij);
      });
    },

    /** The decision on an objection or the ruling on a request: its date and outcome. Once decided, fixed. */
    async legBeslissingVast(
      actor: Actor,
      tegenprestatieId: string,
      rechtsmiddelId: string,
      input: BeslissingInput,
    ): Promise<Rechtsmiddel> {
      dwangPolicy.vereis(actor, 'maatregel-voorbereiden');
      const v = parseInvoer(BeslissingInput, input);
      const { tegenprestatie: t } = await deps.overeenkomsten.opgelegdBesluit(actor, tegenprestatieId);
      return withContext(db, dbContext(actor), async (tx) => {
        const r = (await repo.listRechtsmiddelen(tx, dienstVan(actor), t.id)).find(
          (x) => x.id === rechtsmiddelId,
        );
        if (!r) throw new AppError('niet-gevonden', { userMessage: 'Dit bezwaar of verzoek bestaat niet.' });
        if (r.uitkomst) throw weiger('Hierop is al beslist; een beslissing verandert niet.');
        const fouten = beoordeelBeslissing({
          soort: r.soort as RechtsmiddelSoort,
          ontvangenOp: r.ontvangenOp,
          beslistOp: v.beslistOp,
          uitkomst: v.uitkomst,
          vandaag: vandaag(),
        });
        if (Object.keys(fouten).length) throw new DwangInvoerfout(fouten);
        const nieuw = await repo.beslisRechtsmiddel(tx, dienstVan(actor), r.id, {
          beslistOp: v.beslistOp,
          uitkomst: v.uitkomst,
          beslissingToelichting: v.toelichting,
          beslissingDoorNaam: naamVan(actor),
        });
        if (!nieuw) throw gewijzigd('Iemand anders heeft hierop intussen beslist. Bekijk het opnieuw.');
        await log(tx, actor, 'wijzigen', t.klantId, t.gemeenteId);
        return naarRechtsmiddel(nieuw);
      });
    },

    /**
     * The signal job's facts: decided measures (not withdrawn) whose reconsideration is not determined, with the
     * last day (decision date + 3 calendar months). The system only; the reads are logged per client.
     */
    async teHeroverwegen(actor: Systeem & { dienstId: string }) {
      return withContext(db, dbContext(actor), async (tx) => {
        const rijen = await repo.besloteMaatregelenVanGemeente(tx, actor.dienstId, null);
        const w = await repo.listWijzigingen(
          tx,
          actor.dienstId,
          rijen.map((r) => r.id),
        );
        const uit = [];
        for (const r of rijen) {
          const n = naarNazorg(
            r,
            w.filter((x) => x.maatregelId === r.id),
            [],
          );
          if (n.heroverwogen || n.stand === 'ingetrokken') continue;
          uit.push({
            id: r.id,
            tegenprestatieId: r.tegenprestatieId,
            klantId: r.klantId,
            gemeenteId: r.gemeenteId,
            voorbereider: r.voorstelDoor ?? r.voornemenDoor,
            heroverwegingUiterlijk: n.heroverwegingUiterlijk,
          });
        }
        await recordMany(
          tx,
          uit.map((m) => ({
            actor,
            actie: 'lezen' as const,
            subject: { type: 'klant' as const, id: m.klantId },
            verwerkingsactiviteit: VA.klantdossierTegenprestatie,
            gemeenteId: m.gemeenteId,
            dienstId: actor.dienstId,
          })),
        );
        return uit;
      });
    },

    /**
     * Runs the monthly export for a municipality: each decided measure's terms that overlap the month, and a
     * correction line for every determined change (adjusted, ended, withdrawn) that no earlier export carried — so
     * "since the last export" is exact. The run and its lines are stored (409 when another run took a correction
     * meanwhile). Logged per client.
     */
    async maakExport(actor: Actor, gemeenteId: string, input: { maand: string }): Promise<MaatregelExport> {
      dwangPolicy.vereis(actor, 'maatregel-exporteren');
      const { maand } = parseInvoer(ExportInput, input);
      eigenGemeente(actor, gemeenteId);
      const dienstId = dienstVan(actor);
      const gelezen = await withContext(db, dbContext(actor), async (tx) => {
        const rijen = await repo.besloteMaatregelenVanGemeente(tx, dienstId, gemeenteId);
        const w = await repo.listWijzigingen(
          tx,
          dienstId,
          rijen.map((r) => r.id),
        );
        const open = new Set(await repo.nietGeexporteerdeWijzigingen(tx, dienstId, gemeenteId));
        return { rijen, w, open };
      });
      const nummers = new Map<string, string | null>();
      for (const r of gelezen.rijen)
        if (!nummers.has(r.klantId)) nummers.set(r.klantId, await deps.klantnummer(dienstId, r.klantId));
      const regels = exportRegels(
        maand,
        gelezen.rijen.map((r) => ({
          id: r.id,
          klantnummer: nummers.get(r.klantId) ?? null,
          categorie: r.categorie,
          grondslag: ((r.verordening as { grondslag?: string }).grondslag ?? 'bijstandsnorm') as string,
          besluitDatum: dagVan(r.akkoordOp as Date),
          gezamenlijk: r.gezamenlijkMet !== null,
          basis: besloten(r) as Termijn,
          wijzigingen: vastgesteld(gelezen.w.filter((x) => x.maatregelId === r.id)).map((x) => ({
            ...alsWijziging(x),
            vastgesteldOp: dagVan(x.beoordeeldOp as Date),
            nieuw: gelezen.open.has(x.id),
          })),
        })),
      );
      const klanten = new Set(
        gelezen.rijen.filter((r) => regels.some((x) => x.maatregelId === r.id)).map((r) => r.klantId),
      );
      try {
        return await withContext(db, dbContext(actor), async (tx) => {
          const e = await repo.insertExport(
            tx,
            {
              dienstId,
              gemeenteId,
              maand,
              door: idVan(actor),
              doorNaam: naamVan(actor),
              regels: JSON.stringify(regels),
              aantal: regels.length,
              aantalCorrecties: regels.filter((r) => r.soort === 'correctie').length,
            },
            [...gelezen.open],
          );
          await logExport(tx, actor, gemeenteId, klanten);
          return naarExport(e, regels);
        });
      } catch (e) {
        if (isUniek(e))
          throw gewijzigd(
            'Intussen is een andere export gemaakt met dezelfde correcties. Maak de export opnieuw.',
          );
        throw e;
      }
    },

    /**
     * The team lead's list: every measure path in their municipalities with its stage (`stadiumVan`) and the date
     * that matters for it, most urgent stage first. Logged per client (the list names them).
     */
    async teamlijst(actor: Actor): Promise<TeamlijstRegel[]> {
      dwangPolicy.vereis(actor, 'maatregelen-overzicht');
      const dienstId = dienstVan(actor);
      const vandaagD = vandaag();
      const regels = await withContext(db, dbContext(actor), async (tx) => {
        const rijen = await repo.listAlleMaatregelen(tx, dienstId);
        const w = await repo.listWijzigingen(
          tx,
          dienstId,
          rijen.filter((r) => r.status === 'besloten').map((r) => r.id),
        );
        await recordMany(
          tx,
          [...new Map(rijen.map((r) => [r.klantId, r.gemeenteId]))].map(([klantId, gemeenteId]) => ({
            actor,
            actie: 'lezen' as const,
            subject: { type: 'klant' as const, id: klantId },
            verwerkingsactiviteit: VA.klantdossierTegenprestatie,
            gemeenteId,
          })),
        );
        return rijen.map((r) => {
          const eigen = w.filter((x) => x.maatregelId === r.id);
          const n = r.status === 'besloten' ? naarNazorg(r, eigen, []) : null;
          const { stadium, datum } = stadiumVan(
            {
              status: r.status as 'voornemen' | 'ter-beoordeling' | 'besloten' | 'afgezien',
              hoortermijnEinde: r.hoortermijnEinde,
              besluitDatum: n?.besluitDatum ?? null,
              heroverwogen: n?.heroverwogen ?? false,
              ingetrokken: n?.stand === 'ingetrokken',
              wijzigingOpen: eigen.some((x) => x.status === 'ter-beoordeling'),
            },
            vandaagD,
          );
          return {
            maatregelId: r.id,
            tegenprestatieId: r.tegenprestatieId,
            klantId: r.klantId,
            klantNaam: null as string | null,
            gemeenteId: r.gemeenteId,
            gedragDatum: r.gedragDatum,
            stadium,
            peildatum: datum,
          };
        });
      });
      const namen = new Map<string, string | null>();
      for (const r of regels) {
        if (!namen.has(r.klantId))
          namen.set(
            r.klantId,
            deps.klantNaam ? await deps.klantNaam(actor, r.klantId).catch(() => null) : null,
          );
        r.klantNaam = namen.get(r.klantId) ?? null;
      }
      const volgorde = (s: Stadium) => STADIA.indexOf(s);
      return regels.sort(
        (a, b) =>
          volgorde(a.stadium) - volgorde(b.stadium) || (a.peildatum ?? '').localeCompare(b.peildatum ?? ''),
      );
    },

    /** The municipality's export runs, newest first (without their lines). */
    async listExports(actor: Actor, gemeenteId: string): Promise<MaatregelExport[]> {
      dwangPolicy.vereis(actor, 'maatregel-exporteren');
      eigenGemeente(actor, gemeenteId);
      return withContext(db, dbContext(actor), async (tx) =>
        (await repo.listExports(tx, dienstVan(actor), gemeenteId)).map((e) => ({
          id: e.id,
          gemeenteId: e.gemeenteId,
          maand: e.maand,
          uitgevoerdOp: e.uitgevoerdOp.toISOString(),
          doorNaam: e.doorNaam,
          aantal: e.aantal,
          aantalCorrecties: e.aantalCorrecties,
        })),
      );
    },

    /** One run with its lines exactly as exported (a download is logged per client). */
    async findExport(actor: Actor, gemeenteId: string, exportId: string): Promise<MaatregelExport> {
      dwangPolicy.vereis(actor, 'maatregel-exporteren');
      eigenGemeente(actor, gemeenteId);
      return withContext(db, dbContext(actor), async (tx) => {
        const e = await repo.findExport(tx, dienstVan(actor), gemeenteId, exportId);
        if (!e) throw new AppError('niet-gevonden', { userMessage: 'Deze export bestaat niet.' });
        const regels = e.regels as ExportRegel[];
        const ids = new Set(regels.map((r) => r.maatregelId));
        const rijen = await repo.besloteMaatregelenVanGemeente(tx, dienstVan(actor), gemeenteId);
        await logExport(
          tx,
          actor,
          gemeenteId,
          new Set(rijen.filter((r) => ids.has(r.id)).map((r) => r.klantId)),
        );
        return naarExport(e, regels);
      });
    },
  };

  function eigenGemeente(actor: Actor, gemeenteId: string) {
    if (actor.kind === 'gebruiker' && !actor.gemeenten.includes(gemeenteId))
      throw new AppError('niet-gevonden', {
        userMessage: 'Deze gemeente bestaat niet of u heeft er geen toegang toe.',
      });
  }

  function logExport(tx: Tx, actor: Actor, gemeenteId: string, klanten: ReadonlySet<string>) {
    return recordMany(
      tx,
      [...klanten].map((id) => ({
        actor,
        actie: 'lezen' as const,
        subject: { type: 'klant' as const, id },
        verwerkingsactiviteit: VA.klantdossierTegenprestatie,
        gemeenteId,
      })),
    );
  }

  return service;
}

function naarExport(
  e: {
    id: string;
    gemeenteId: string;
    maand: string;
    uitgevoerdOp: Date;
    doorNaam: string;
    aantal: number;
    aantalCorrecties: number;
  },
  regels: ExportRegel[],
): MaatregelExport {
  return {
    id: e.id,
    gemeenteId: e.gemeenteId,
    maand: e.maand,
    uitgevoerdOp: e.uitgevoerdOp.toISOString(),
    doorNaam: e.doorNaam,
    aantal: e.aantal,
    aantalCorrecties: e.aantalCorrecties,
    regels,
  };
}

/** The export as CSV (`src/lib/csv.ts`: `;`, CRLF, BOM, formulas defused). */
export function exportCsv(regels: readonly ExportRegel[]): string {
  return naarCsv(EXPORT_KOLOMMEN, regels.map(exportRij));
}

export interface TeamlijstRegel {
  maatregelId: string;
  tegenprestatieId: string;
  klantId: string;
  klantNaam: string | null;
  gemeenteId: string;
  gedragDatum: IsoDatum;
  stadium: Stadium;
  peildatum: IsoDatum | null;
}

export type NazorgService = ReturnType<typeof createNazorgService>;
