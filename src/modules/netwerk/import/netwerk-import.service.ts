import { withContext } from '../../../db/context.ts';
import type { Database } from '../../../db/database.ts';
import { AppError, notFound } from '../../../http/app-error.ts';
import { type Actor, dbContext, systeemActor } from '../../auth/index.ts';
import type { GemeentenService } from '../../gemeenten/index.ts';
import { record, VA } from '../../logboek/index.ts';
import { netwerkPolicy } from '../netwerk.policy.ts';
import type { ActiviteitImportRij, ImportUitkomst, NetwerkService } from '../netwerk.service.ts';
import { CsvBestandFout, type GelezenCsv, leesCsv } from './csv.ts';
import {
  activiteitRij,
  deelKolommenIn,
  type Gemeentekeuze,
  type Kolomindeling,
  kolomVoor,
  organisatieRij,
  type Soort,
} from './kolommen.ts';
import { type ImportRecord, netwerkImportRepository as repo } from './netwerk-import.repository.ts';

/**
 * The CSV import of the network (netwerkmakelaar): the upload reads the file's header and stores the file; a dry run
 * then reports per row what would happen (create, update, unchanged or refuse, with reasons per column), and after
 * the start the real run does it. Both are background jobs that work through the file in blocks of 100 rows and
 * store their progress (the upload request never waits for the rows). Rows are written by the network service's import (upsert by natural
 * key, an access log entry per change), under a logged system context limited to the uploader's municipalities.
 */

export const MAX_BESTAND_BYTES = 5 * 1024 * 1024;
const BLOK = 100;

export type ImportActie = ImportUitkomst['actie'];
export const ACTIE_NAMEN: Record<ImportActie, string> = {
  aanmaken: 'Nieuw',
  bijwerken: 'Bijwerken',
  ongewijzigd: 'Ongewijzigd',
  weigeren: 'Geweigerd',
};

export interface NetwerkImport {
  id: string;
  soort: Soort;
  bestandsnaam: string;
  gestartDoorNaam: string;
  /** `proefbezig`: the dry run is queued or running; `proefrun`: it is done and the import can be started. */
  status: 'proefbezig' | 'proefrun' | 'wachtend' | 'bezig' | 'klaar' | 'mislukt';
  codering: string;
  scheidingsteken: string;
  totaal: number;
  proef: Record<ImportActie, number>;
  /** Rows the dry run has done. */
  proefVerwerkt: number;
  verwerkt: number;
  uitkomst: Record<ImportActie, number>;
  foutmelding: string | null;
  aangemaaktOp: string;
  gestartOp: string | null;
  klaarOp: string | null;
}

export interface ImportRapportRij {
  rij: number;
  naam: string;
  proef: ImportActie;
  uitkomst: ImportActie | null;
  redenen: string[];
}

export interface NetwerkImportOpdracht {
  dienstId: string;
  importId: string;
}

/** The file as a whole cannot be imported: Dutch messages for the upload page (422). */
export class ImportBestandFout extends AppError {
  readonly meldingen: readonly string[];

  constructor(meldingen: readonly string[]) {
    super('niet-verwerkbaar', { userMessage: meldingen.join(' ') });
    this.meldingen = meldingen;
  }
}

export interface NetwerkImportDeps {
  db: Database;
  netwerk: NetwerkService;
  gemeenten: Pick<GemeentenService, 'findGemeenten'>;
  /** Queues the dry run and the real run (the job runner); without it they run in this process, in the request. */
  wachtrij?: ((opdracht: NetwerkImportOpdracht) => Promise<void>) | undefined;
  meldFout?: (err: unknown, opdracht: NetwerkImportOpdracht) => void;
}

const leeg = (): Record<ImportActie, number> => ({ aanmaken: 0, bijwerken: 0, ongewijzigd: 0, weigeren: 0 });

const naarImport = (r: ImportRecord): NetwerkImport => ({
  id: r.id,
  soort: r.soort as Soort,
  bestandsnaam: r.bestandsnaam,
  gestartDoorNaam: r.gestartDoorNaam,
  status: r.status as NetwerkImport['status'],
  codering: r.codering,
  scheidingsteken: r.scheidingsteken,
  totaal: r.totaal,
  proef: { ...leeg(), ...r.proef },
  proefVerwerkt: r.proefVerwerkt,
  verwerkt: r.verwerkt,
  uitkomst: { ...leeg(), ...r.uitkomst },
  foutmelding: r.foutmelding,
  aangemaaktOp: r.aangemaaktOp.toISOString(),
  gestartOp: r.gestartOp?.toISOString() ?? null,
  klaarOp: r.klaarOp?.toISOString() ?? null,
});

const dienstVan = (actor: Actor): string => {
  if (actor.kind === 'gebruiker') return actor.dienstId;
  if (actor.dienstId) return actor.dienstId;
  throw new AppError('intern', { message: 'system context without dienstId' });
};

export function createNetwerkImportService(deps: NetwerkImportDeps) {
  const { db, netwerk } = deps;

  /** Reads the file and maps its header; file-level problems become an `ImportBestandFout`. */
  const lees = (bytes: Uint8Array, soort: Soort): { csv: GelezenCsv; indeling: Kolomindeling } => {
    try {
      const csv = leesCsv(bytes);
      return { csv, indeling: deelKolommenIn(csv.kop, soort) };
    } catch (e) {
      if (e instanceof CsvBestandFout) throw new ImportBestandFout(e.meldingen);
      throw e;
    }
  };

  /** Reasons per column of the file: "postcode: Vul een postcode in zoals 5611 AB." */
  const redenen = (
    indeling: Kolomindeling,
    u: { redenen: string[]; velden?: Record<string, string> | undefined },
  ) =>
    u.velden
      ? Object.entries(u.velden).map(([veld, melding]) =>
          veld === 'formulier' ? melding : `${kolomVoor(indeling, veld)}: ${melding}`,
        )
      : u.redenen;

  /** Maps the records and runs them through the network's import (as `uitvoerder`, within `gemeenten`). */
  async function verwerkRecords(
    uitvoerder: Actor,
    soort: Soort,
    indeling: Kolomindeling,
    gemeenten: readonly Gemeentekeuze[],
    records: GelezenCsv['records'],
    proefrun: boolean,
  ): Promise<ImportRapportRij[]> {
    const ctx = { indeling, gemeenten };
    const afgewezen: ImportUitkomst[] = [];
    const opties = { proefrun, binnenGemeenten: gemeenten.map((g) => g.id) };
    let uitkomsten: ImportUitkomst[];
    if (soort === 'organisaties') {
      const rijen: Array<{ rij: number; invoer: unknown }> = [];
      for (const r of records) {
        const m = organisatieRij(ctx, r.cellen);
        if (m.fouten)
          afgewezen.push({
            rij: r.regel,
            actie: 'weigeren',
            naam: naamUit(indeling, r.cellen, 'naam'),
            redenen: [],
            velden: m.fouten,
          });
        else rijen.push({ rij: r.regel, invoer: m.invoer });
      }
      uitkomsten = rijen.length > 0 ? await netwerk.importeerOrganisaties(uitvoerder, rijen, opties) : [];
    } else {
      const rijen: ActiviteitImportRij[] = [];
      for (const r of records) {
        const m = activiteitRij(ctx, r.regel, r.cellen);
        if (m.fouten)
          afgewezen.push({
            rij: r.regel,
            actie: 'weigeren',
            naam: naamUit(indeling, r.cellen, 'titel'),
            redenen: [],
            velden: m.fouten,
          });
        else rijen.push(m.rij);
      }
      uitkomsten = rijen.length > 0 ? await netwerk.importeerActiviteiten(uitvoerder, rijen, opties) : [];
    }
    return [...afgewezen, ...uitkomsten]
      .map((u) => ({
        rij: u.rij,
        naam: u.naam.slice(0, 200),
        proef: u.actie,
        uitkomst: null,
        redenen: redenen(indeling, u),
      }))
      .sort((a, b) => a.rij - b.rij);
  }

  const naamUit = (indeling: Kolomindeling, cellen: readonly string[], veld: string) => {
    const i = indeling.index.get(veld);
    return i === undefined ? '' : (cellen[i] ?? '').trim().slice(0, 200);
  };

  const eigenGemeenten = async (actor: Actor): Promise<Gemeentekeuze[]> => {
    const alle = await deps.gemeenten.findGemeenten(actor);
    return actor.kind === 'gebruiker' ? alle.filter((g) => actor.gemeenten.includes(g.id)) : alle;
  };

  /**
   * The dry run: block by block as the real run does it (each block in a transaction that is rolled back), storing
   * the report rows and the totals per block; a restarted job continues after the last stored block. As the
   * system, within the uploader's municipalities.
   */
  async function verwerkProef(opdracht: NetwerkImportOpdracht): Promise<void> {
    const systeem = systeemActor('job:netwerk-proefrun', opdracht.dienstId);
    const ctx = dbContext(systeem);
    const klaar = await withContext(db, ctx, async (tx) => {
      const imp = await repo.findImport(tx, opdracht.dienstId, opdracht.importId);
      if (imp?.status !== 'proefbezig') return null;
      const bestand = await repo.findBestand(tx, opdracht.dienstId, opdracht.importId);
      return bestand ? { imp, bestand } : null;
    });
    if (!klaar) return;
    const { imp, bestand } = klaar;
    try {
      const soort = imp.soort as Soort;
      const { csv, indeling } = lees(bestand, soort);
      const gemeenten = (await deps.gemeenten.findGemeenten(systeem)).filter((g) =>
        imp.gemeenten.includes(g.id),
      );
      const telling = { ...leeg(), ...imp.proef };
      for (let i = imp.proefVerwerkt; i < csv.records.length; i += BLOK) {
        const blok = csv.records.slice(i, i + BLOK);
        const rapport = await verwerkRecords(systeem, soort, indeling, gemeenten, blok, true);
        for (const r of rapport) telling[r.proef]++;
        const bewaard = await withContext(db, ctx, (tx) =>
          repo.bewaarProefVoortgang(
            tx,
            opdracht.dienstId,
            imp.id,
            { vanaf: i, tot: i + blok.length, proef: telling },
            rapport.map((r) => ({ rij: r.rij, naam: r.naam, proef: r.proef, redenen: r.redenen })),
          ),
        );
        // Another run of this job got here first (or the import is gone): it finishes the work.
        if (!bewaard) return;
      }
      await withContext(db, ctx, (tx) => repo.sluitProefAf(tx, opdracht.dienstId, imp.id));
    } catch (e) {
      deps.meldFout?.(e, opdracht);
      const melding =
        e instanceof ImportBestandFout
          ? e.meldingen.join(' ')
          : 'De proefrun is afgebroken door een fout. Laad het bestand opnieuw.';
      await withContext(db, ctx, (tx) =>
        repo.sluitAf(tx, opdracht.dienstId, imp.id, 'mislukt', melding.slice(0, 500)),
      );
    }
  }

  /** The job handler: the dry run of an uploaded file, or the real run of a started import. */
  async function verwerk(opdracht: NetwerkImportOpdracht): Promise<void> {
    const status = await withContext(
      db,
      systeemCtx(opdracht),
      async (tx) => (await repo.findImport(tx, opdracht.dienstId, opdracht.importId))?.status,
    );
    if (status === 'proefbezig') await verwerkProef(opdracht);
    else await verwerkEcht(opdracht);
  }

  const systeemCtx = (opdracht: NetwerkImportOpdracht) =>
    dbContext(systeemActor('job:netwerk-import', opdracht.dienstId));

  /** The real run: block by block, storing the progress; the file is dropped when done. */
  async function verwerkEcht(opdracht: NetwerkImportOpdracht): Promise<void> {
    const systeem = systeemActor('job:netwerk-import', opdracht.dienstId);
    const ctx = dbContext(systeem);
    const klaar = await withContext(db, ctx, async (tx) => {
      if (!(await repo.markeerBezig(tx, opdracht.dienstId, opdracht.importId))) return null;
      const imp = await repo.findImport(tx, opdracht.dienstId, opdracht.importId);
      const bestand = await repo.findBestand(tx, opdracht.dienstId, opdracht.importId);
      return imp && bestand ? { imp, bestand } : null;
    });
    if (!klaar) return;
    const { imp, bestand } = klaar;
    try {
      const soort = imp.soort as Soort;
      const { csv, indeling } = lees(bestand, soort);
      const gemeenten = (await deps.gemeenten.findGemeenten(systeem)).filter((g) =>
        imp.gemeenten.includes(g.id),
      );
      const telling = leeg();
      let verwerkt = 0;
      for (let i = 0; i < csv.records.length; i += BLOK) {
        const blok = csv.records.slice(i, i + BLOK);
        // A restart continues after the last stored block: those rows are upserts, so doing one again is harmless.
        if (i + blok.length <= imp.verwerkt) {
          verwerkt = i + blok.length;
          continue;
        }
        const rijen = await verwerkRecords(systeem, soort, indeling, gemeenten, blok, false);
        for (const r of rijen) telling[r.proef]++;
        verwerkt = i + blok.length;
        await withContext(db, ctx, (tx) =>
          repo.bewaarVoortgang(
            tx,
            opdracht.dienstId,
            imp.id,
            verwerkt,
            telling,
            rijen.map((r) => ({ rij: r.rij, uitkomst: r.proef, redenen: r.redenen })),
          ),
        );
      }
      await withContext(db, ctx, (tx) => repo.sluitAf(tx, opdracht.dienstId, imp.id, 'klaar', null));
    } catch (e) {
      deps.meldFout?.(e, opdracht);
      const melding =
        e instanceof ImportBestandFout
          ? e.meldingen.join(' ')
          : 'De import is afgebroken door een fout. Probeer het opnieuw.';
      await withContext(db, ctx, (tx) =>
        repo.sluitAf(tx, opdracht.dienstId, imp.id, 'mislukt', melding.slice(0, 500)),
      );
    }
  }

  return {
    /**
     * Reads the file's header and stores the import; its dry run (the report per row: what would happen and why
     * not; nothing in the network changes) is queued as a background job, or run here without a job runner.
     * @throws ImportBestandFout when the file cannot be used (422 on the page).
     */
    async proefrun(
      actor: Actor,
      upload: { soort: Soort; bestandsnaam: string; bytes: Buffer },
    ): Promise<NetwerkImport> {
      netwerkPolicy.vereis(actor, 'netwerk-importeren');
      if (upload.bytes.byteLength > MAX_BESTAND_BYTES)
        throw new ImportBestandFout(['Het bestand is groter dan 5 MB. Splits het in delen.']);
      const dienstId = dienstVan(actor);
      const { csv } = lees(upload.bytes, upload.soort);
      if (csv.records.length === 0) throw new ImportBestandFout(['Het bestand heeft alleen een kopregel.']);
      const gemeenten = await eigenGemeenten(actor);
      if (gemeenten.length === 0) throw new ImportBestandFout(['U werkt nog voor geen enkele gemeente.']);
      const id = await withContext(db, dbContext(actor), async (tx) => {
        const id = await repo.insertImport(tx, dienstId, {
          soort: upload.soort,
          gemeenten: gemeenten.map((g) => g.id),
          gestartDoor: actor.kind === 'gebruiker' ? actor.gebruikerId : null,
          gestartDoorNaam: actor.kind === 'gebruiker' ? actor.naam : `Systeem (${actor.reden})`,
          bestandsnaam: upload.bestandsnaam.slice(0, 255) || 'bestand.csv',
          codering: csv.codering,
          scheidingsteken: csv.scheidingsteken,
          totaal: csv.records.length,
          bestand: upload.bytes,
        });
        await record(tx, {
          actor,
          dienstId,
          actie: 'aanmaken',
          subject: { type: 'netwerk-import', id },
          verwerkingsactiviteit: VA.netwerk,
          gemeenteId: null,
        });
        return id;
      });
      const opdracht = { dienstId, importId: id };
      if (deps.wachtrij) await deps.wachtrij(opdracht);
      else await verwerk(opdracht);
      return this.findImport(actor, id);
    },

    /** Starts the real run of a dry-run import (once): queued as a job, or run here without a job runner. */
    async start(actor: Actor, id: string): Promise<NetwerkImport> {
      netwerkPolicy.vereis(actor, 'netwerk-importeren');
      const dienstId = dienstVan(actor);
      const gestart = await withContext(db, dbContext(actor), async (tx) => {
        if (!(await repo.findImport(tx, dienstId, id))) throw notFound('Deze import bestaat niet.');
        const ok = await repo.markeerWachtend(tx, dienstId, id);
        if (ok)
          await record(tx, {
            actor,
            dienstId,
            actie: 'wijzigen',
            subject: { type: 'netwerk-import', id },
            verwerkingsactiviteit: VA.netwerk,
            gemeenteId: null,
          });
        return ok;
      });
      if (!gestart) throw new AppError('conflict', { userMessage: 'Deze import is al gestart.' });
      const opdracht = { dienstId, importId: id };
      if (deps.wachtrij) await deps.wachtrij(opdracht);
      else await verwerk(opdracht);
      return this.findImport(actor, id);
    },

    /** The job handler: runs one started import. */
    verwerk,

    async findImport(actor: Actor, id: string): Promise<NetwerkImport> {
      netwerkPolicy.vereis(actor, 'netwerk-importeren');
      const r = await withContext(db, dbContext(actor), (tx) => repo.findImport(tx, dienstVan(actor), id));
      if (!r) throw notFound('Deze import bestaat niet of valt buiten uw gemeenten.');
      return naarImport(r);
    },

    async listImports(actor: Actor): Promise<NetwerkImport[]> {
      netwerkPolicy.vereis(actor, 'netwerk-importeren');
      const r = await withContext(db, dbContext(actor), (tx) => repo.listImports(tx, dienstVan(actor), 20));
      return r.map(naarImport);
    },

    /** The report per row, 50 a page; `alleenGeweigerd` shows only refused rows. */
    async listRapport(
      actor: Actor,
      id: string,
      opts: { alleenGeweigerd?: boolean; pagina?: number } = {},
    ): Promise<{ rijen: ImportRapportRij[]; totaal: number; pagina: number; aantalPaginas: number }> {
      netwerkPolicy.vereis(actor, 'netwerk-importeren');
      const pagina = Math.max(1, Math.min(opts.pagina ?? 1, 100000));
      const { rijen, totaal } = await withContext(db, dbContext(actor), (tx) =>
        repo.listRijen(tx, dienstVan(actor), id, {
          alleenGeweigerd: opts.alleenGeweigerd ?? false,
          limit: 50,
          offset: (pagina - 1) * 50,
        }),
      );
      return {
        rijen: rijen.map((r) => ({
          ...r,
          proef: r.proef as ImportActie,
          uitkomst: r.uitkomst as ImportActie | null,
        })),
        totaal,
        pagina,
        aantalPaginas: Math.max(1, Math.ceil(totaal / 50)),
      };
    },
  };
}

export type NetwerkImportService = ReturnType<typeof createNetwerkImportService>;
