import { randomUUID } from 'node:crypto';
import { type Tx, withContext } from '../../../db/context.ts';
import type { Database } from '../../../db/database.ts';
import { AppError, notFound } from '../../../http/app-error.ts';
import { type Actor, dbContext, systeemActor } from '../../auth/index.ts';
import { logboek, VA } from '../../logboek/index.ts';
import type { BsnSleutels } from '../bsn.ts';
import { klantenPolicy } from '../klanten.policy.ts';
import type { Pagina } from '../klanten.schemas.ts';
import type { ImportRij, KlantenService } from '../klanten.service.ts';
import { type BestandRij, HELE_RIJ, type KlantenBestand, leesKlantenBestand } from './bestand.ts';
import { CsvBestandFout } from './csv.ts';
import { type ImportRecord, klantenImportRepository as repo } from './klanten-import.repository.ts';
import { foutenPerKolom, type Rijfouten } from './kolommen.ts';
import { ontsleutelBestand, versleutelBestand } from './versleuteling.ts';

/**
 * The CSV import of clients for the functioneel beheerder (and the CLI): a dry run that reports per row what would
 * happen, then the real run as a background job that works through the file in blocks, storing its progress.
 *
 * The functioneel beheerder sees only row numbers, klantnummers and field messages: the report is built from
 * those alone, and the client data itself is written by the client file's service (`importeerKlanten`, upsert by
 * klantnummer, access log entry per created or updated client) under a logged system context.
 */

export const IMPORT_STATUSSEN = ['proefrun', 'wachtend', 'bezig', 'klaar', 'mislukt', 'verlopen'] as const;
export type ImportStatus = (typeof IMPORT_STATUSSEN)[number];

/** What the dry run says will happen with a row. */
export type Voornemen = 'aanmaken' | 'bijwerken' | 'afgewezen';

export interface KlantImport {
  id: string;
  gemeenteId: string;
  bestandsnaam: string;
  gestartDoorNaam: string;
  status: ImportStatus;
  codering: string;
  scheidingsteken: string;
  kolommen: string[];
  onbekendeKolommen: string[];
  /** Rows in the file (header and empty rows not counted). */
  totaal: number;
  proef: { aanmaken: number; bijwerken: number; afgewezen: number };
  /** Rows the real run has done, and what it did. */
  verwerkt: number;
  aangemaakt: number;
  bijgewerkt: number;
  afgewezen: number;
  foutmelding: string | null;
  aangemaaktOp: string;
  gestartOp: string | null;
  klaarOp: string | null;
}

export interface ImportRapportRij {
  rij: number;
  klantnummer: string | null;
  proef: Voornemen;
  uitkomst: Uitkomst | null;
  /** Message per column (the file's own header), or for the row as a whole under `rij`. */
  fouten: Rijfouten | null;
}

export interface KlantenImportOpdracht {
  dienstId: string;
  importId: string;
}

/** The file as a whole cannot be imported: Dutch messages for the upload page (422) or the CLI. */
export class ImportBestandFout extends AppError {
  readonly meldingen: readonly string[];

  constructor(meldingen: readonly string[]) {
    super('niet-verwerkbaar', { userMessage: meldingen.join(' ') });
    this.meldingen = meldingen;
  }
}

export interface KlantenImportDeps {
  db: Database;
  klanten: Pick<KlantenService, 'importeerKlanten'>;
  bsnSleutels: BsnSleutels | undefined;
  /**
   * Queues the real run (pg-boss in the server). Without one, the run starts in this process right away (tests,
   * and a server whose job runner is not up).
   */
  wachtrij?: ((opdracht: KlantenImportOpdracht) => Promise<void>) | undefined;
  /** Rows per block: each block is one call of `importeerKlanten` (its own transaction) and one progress update. */
  blokGrootte?: number;
  /** Where a failed run's technical error goes (the user sees a Dutch message). */
  meldFout?: (err: unknown, opdracht: KlantenImportOpdracht) => void;
}

/** Dry runs that nobody starts within a day expire, and their stored file is removed. */
const PROEFRUN_GELDIG_MS = 24 * 60 * 60 * 1000;
export const MAX_BESTAND_BYTES = 25 * 1024 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GEEN_IMPORT = 'Deze import bestaat niet of u heeft er geen toegang toe.';
const MISLUKT =
  'De import is gestopt door een fout. Wat al verwerkt is, blijft staan. U kunt de import opnieuw starten.';

/** What a row ended as. (The service's `overgeslagen` only happens with `alleenNieuw`, which the import does not use.) */
export type Uitkomst = 'aangemaakt' | 'bijgewerkt' | 'afgewezen';
const uitkomstVan = (u: ImportRij['uitkomst']): Uitkomst => (u === 'overgeslagen' ? 'bijgewerkt' : u);

const VOORNEMEN: Record<Uitkomst, Voornemen> = {
  aangemaakt: 'aanmaken',
  bijgewerkt: 'bijwerken',
  afgewezen: 'afgewezen',
};

const naarImport = (r: ImportRecord): KlantImport => ({
  id: r.id,
  gemeenteId: r.gemeenteId,
  bestandsnaam: r.bestandsnaam,
  gestartDoorNaam: r.gestartDoorNaam,
  status: r.status as ImportStatus,
  codering: r.codering,
  scheidingsteken: r.scheidingsteken,
  kolommen: r.kolommen,
  onbekendeKolommen: r.onbekendeKolommen,
  totaal: r.totaal,
  proef: { aanmaken: r.proefAanmaken, bijwerken: r.proefBijwerken, afgewezen: r.proefAfgewezen },
  verwerkt: r.verwerkt,
  aangemaakt: r.aangemaakt,
  bijgewerkt: r.bijgewerkt,
  afgewezen: r.afgewezen,
  foutmelding: r.foutmelding,
  aangemaaktOp: r.aangemaaktOp.toISOString(),
  gestartOp: r.gestartOp ? r.gestartOp.toISOString() : null,
  klaarOp: r.klaarOp ? r.klaarOp.toISOString() : null,
});

/** The name to show for an uploaded file: its last path part, without control characters, at most 200 characters. */
function bestandsnaamVan(naam: string): string {
  const laatste = naam.split(/[\\/]/).at(-1) ?? '';
  const schoon = [...laatste]
    .filter((c) => c >= ' ' && c !== '\u007f')
    .slice(-200)
    .join('');
  return schoon.trim() === '' ? 'bestand.csv' : schoon;
}

/** The client import's use cases: see the module comment above. */
export function createKlantenImportService(deps: KlantenImportDeps) {
  const { db } = deps;
  const blokGrootte = deps.blokGrootte ?? 1000;

  const dienstVan = (actor: Actor): string => {
    if (actor.kind === 'gebruiker') return actor.dienstId;
    if (actor.dienstId) return actor.dienstId;
    throw new AppError('intern', { message: `system context without dienstId: ${actor.reden}` });
  };

  const sleutels = (): BsnSleutels => {
    if (!deps.bsnSleutels)
      throw new AppError('niet-beschikbaar', {
        message: 'BSN_ENCRYPTION_KEYS/BSN_HASH_KEY not configured',
        userMessage: 'Importeren kan nu niet: de versleuteling is niet ingesteld.',
      });
    return deps.bsnSleutels;
  };

  function controleer(actor: Actor, gemeenteId?: string): void {
    klantenPolicy.vereis(actor, 'klanten-importeren');
    if (gemeenteId && actor.kind === 'gebruiker' && !actor.gemeenten.includes(gemeenteId))
      throw new AppError('ongeldige-invoer', {
        userMessage: 'Deze gemeente bestaat niet of u werkt er niet voor.',
      });
  }

  const logImport = (
    tx: Tx,
    actor: Actor,
    actie: 'aanmaken' | 'wijzigen' | 'lezen',
    importId: string,
    gemeenteId: string,
  ) =>
    logboek.record(tx, {
      actor,
      actie,
      subject: { type: 'klant-import', id: importId },
      verwerkingsactiviteit: VA.klantdossierTegenprestatie,
      gemeenteId,
      ...(actor.kind === 'systeem' ? { dienstId: dienstVan(actor) } : {}),
    });

  function leesBestand(bytes: Uint8Array): KlantenBestand {
    if (bytes.byteLength > MAX_BESTAND_BYTES)
      throw new ImportBestandFout(['Het bestand is groter dan 25 MB. Splits het in delen.']);
    try {
      return leesKlantenBestand(bytes);
    } catch (e) {
      if (e instanceof CsvBestandFout) throw new ImportBestandFout(e.meldingen);
      throw e;
    }
  }

  /** Valid rows → the service's import (dry run or real); rejected rows keep their own messages. */
  async function verwerkRijen(
    actor: Actor,
    gemeenteId: string,
    bestand: KlantenBestand,
    rijen: readonly BestandRij[],
    proefrun: boolean,
  ): Promise<
    Array<{
      rij: number;
      klantnummer: string | null;
      uitkomst: Uitkomst;
      fouten: Rijfouten | null;
    }>
  > {
    const geldig = rijen.flatMap((r) => ('invoer' in r ? [{ rij: r.rij, invoer: r.invoer }] : []));
    const verslag =
      geldig.length > 0 ? await deps.klanten.importeerKlanten(actor, gemeenteId, geldig, { proefrun }) : [];
    const perRij = new Map(verslag.map((v) => [v.rij, v]));
    return rijen.map((r) => {
      if ('fouten' in r)
        return { rij: r.rij, klantnummer: r.klantnummer, uitkomst: 'afgewezen', fouten: r.fouten };
      const v = perRij.get(r.rij);
      if (!v)
        return {
          rij: r.rij,
          klantnummer: r.klantnummer,
          uitkomst: 'afgewezen',
          fouten: { [HELE_RIJ]: 'Deze rij is niet verwerkt.' },
        };
      return {
        rij: r.rij,
        klantnummer: r.klantnummer,
        uitkomst: uitkomstVan(v.uitkomst),
        fouten: v.velden ? foutenPerKolom(v.velden, bestand.koppeling) : null,
      };
    });
  }

  const service = {
    /**
     * Reads an uploaded file and reports per row what importing it would do; nothing changes in the client
     * files. The file is kept (encrypted) for the real run, for a day. Throws `ImportBestandFout` when the file
     * as a whole is unusable.
     */
    async proefrun(
      actor: Actor,
      invoer: { gemeenteId: string; bestandsnaam: string; bytes: Uint8Array },
    ): Promise<KlantImport> {
      controleer(actor, invoer.gemeenteId);
      const dienstId = dienstVan(actor);
      const s = sleutels();
      const bestand = leesBestand(invoer.bytes);
      const verslag = await verwerkRijen(actor, invoer.gemeenteId, bestand, bestand.rijen, true);
      const tel = (u: Uitkomst) => verslag.filter((v) => v.uitkomst === u).length;
      const id = randomUUID();
      const naam = bestandsnaamVan(invoer.bestandsnaam);
      return withContext(db, dbContext(actor), async (tx) => {
        await repo.insertImport(tx, {
          dienstId,
          gemeenteId: invoer.gemeenteId,
          id,
          gestartDoor: actor.kind === 'gebruiker' ? actor.gebruikerId : null,
          gestartDoorNaam: actor.kind === 'gebruiker' ? actor.naam : `Systeem (${actor.reden})`.slice(0, 200),
          bestandsnaam: naam,
          codering: bestand.codering,
          scheidingsteken: bestand.scheidingsteken,
          kolommen: bestand.kolommen,
          onbekendeKolommen: bestand.onbekendeKolommen,
          totaal: bestand.rijen.length,
          proefAanmaken: tel('aangemaakt'),
          proefBijwerken: tel('bijgewerkt'),
          proefAfgewezen: tel('afgewezen'),
          bestand: versleutelBestand(s, id, invoer.bytes),
        });
        await repo.insertRijen(
          tx,
          { dienstId, gemeenteId: invoer.gemeenteId, importId: id },
          verslag.map((v) => ({
            rij: v.rij,
            klantnummer: v.klantnummer,
            proef: VOORNEMEN[v.uitkomst],
            fouten: v.fouten,
          })),
        );
        await logImport(tx, actor, 'aanmaken', id, invoer.gemeenteId);
        const rij = await repo.findImport(tx, dienstId, id);
        return naarImport(rij!);
      });
    },

    /**
     * Starts the real run of a dry run (or restarts a failed one): the job is queued and the page follows its
     * progress. Only once: a running or finished import answers `conflict`.
     */
    async start(actor: Actor, importId: string): Promise<KlantImport> {
      controleer(actor);
      if (!UUID.test(importId)) throw notFound(GEEN_IMPORT);
      const dienstId = dienstVan(actor);
      const { imp, vorige } = await withContext(db, dbContext(actor), async (tx) => {
        const rij = await repo.lockImport(tx, dienstId, importId);
        if (!rij) throw notFound(GEEN_IMPORT);
        controleer(actor, rij.gemeenteId);
        if (rij.status !== 'proefrun' && rij.status !== 'mislukt')
          throw new AppError('conflict', {
            userMessage:
              rij.status === 'verlopen'
                ? 'Deze proefrun is verlopen. Laad het bestand opnieuw.'
                : 'Deze import is al gestart.',
          });
        if (!rij.bestand)
          throw new AppError('conflict', { userMessage: 'Het bestand is er niet meer. Laad het opnieuw.' });
        await repo.updateImport(tx, dienstId, importId, { status: 'wachtend', foutmelding: null });
        await logImport(tx, actor, 'wijzigen', importId, rij.gemeenteId);
        return { imp: naarImport({ ...rij, status: 'wachtend', foutmelding: null }), vorige: rij };
      });
      const opdracht = { dienstId, importId };
      if (deps.wachtrij) {
        try {
          await deps.wachtrij(opdracht);
        } catch (e) {
          // Not queued: back to where it was, so it can be started again.
          await withContext(db, dbContext(actor), (tx) =>
            repo.updateImport(tx, dienstId, importId, {
              status: vorige.status,
              foutmelding: vorige.foutmelding,
            }),
          );
          throw e;
        }
      } else
        setImmediate(() => {
          service.verwerk(opdracht).catch((e) => deps.meldFout?.(e, opdracht));
        });
      return imp;
    },

    /**
     * The background job: works through the file in blocks, each block an idempotent upsert by klantnummer
     * (its own transaction) followed by a progress update. A run that was cut off (a restart) continues after
     * the last block it finished. On an error the import is marked failed with a Dutch message; what was done
     * stays. Returns the import as it ended, or undefined when there was nothing (more) to do.
     */
    async verwerk(
      opdracht: KlantenImportOpdracht,
      opts: { voortgang?: (imp: KlantImport) => void } = {},
    ): Promise<KlantImport | undefined> {
      const { dienstId, importId } = opdracht;
      const systeem = systeemActor('job:klanten-import', dienstId);
      const start = await withContext(db, dbContext(systeem), async (tx) => {
        const rij = await repo.lockImport(tx, dienstId, importId);
        if (!rij || (rij.status !== 'wachtend' && rij.status !== 'bezig') || !rij.bestand) return undefined;
        await repo.updateImport(tx, dienstId, importId, {
          status: 'bezig',
          ...(rij.gestartOp ? {} : { gestartOp: new Date() }),
        });
        return rij;
      });
      if (!start) return undefined;
      const { gemeenteId } = start;
      // The client file's changes are recorded as done by the system on behalf of whoever started the import.
      const uitvoerder = systeemActor(`import:klanten:${start.gestartDoor ?? 'cli'}`, dienstId);
      try {
        const bestand = leesKlantenBestand(ontsleutelBestand(sleutels(), importId, start.bestand!));
        for (let i = start.verwerkt; i < bestand.rijen.length; i += blokGrootte) {
          const blok = bestand.rijen.slice(i, i + blokGrootte);
          const uitkomsten = await verwerkRijen(uitvoerder, gemeenteId, bestand, blok, false);
          const tel = (u: Uitkomst) => uitkomsten.filter((v) => v.uitkomst === u).length;
          const imp = await withContext(db, dbContext(systeem), async (tx) => {
            await repo.zetUitkomsten(tx, { dienstId, gemeenteId, importId }, uitkomsten);
            await repo.telOp(tx, dienstId, importId, {
              verwerkt: i + blok.length,
              aangemaakt: tel('aangemaakt'),
              bijgewerkt: tel('bijgewerkt'),
              afgewezen: tel('afgewezen'),
            });
            return (await repo.findImport(tx, dienstId, importId))!;
          });
          opts.voortgang?.(naarImport(imp));
        }
        return await withContext(db, dbContext(systeem), async (tx) => {
          await repo.updateImport(tx, dienstId, importId, {
            status: 'klaar',
            bestand: null,
            klaarOp: new Date(),
          });
          return naarImport((await repo.findImport(tx, dienstId, importId))!);
        });
      } catch (e) {
        deps.meldFout?.(e, opdracht);
        return withContext(db, dbContext(systeem), async (tx) => {
          await repo.updateImport(tx, dienstId, importId, { status: 'mislukt', foutmelding: MISLUKT });
          return naarImport((await repo.findImport(tx, dienstId, importId))!);
        });
      }
    },

    /** One import (its counts and progress), for the page that follows it. */
    async findImport(actor: Actor, importId: string): Promise<KlantImport> {
      controleer(actor);
      if (!UUID.test(importId)) throw notFound(GEEN_IMPORT);
      const rij = await withContext(db, dbContext(actor), (tx) =>
        repo.findImport(tx, dienstVan(actor), importId),
      );
      if (!rij) throw notFound(GEEN_IMPORT);
      controleer(actor, rij.gemeenteId);
      return naarImport(rij);
    },

    /** The report per row: row number, klantnummer, what the dry run and the real run did, and why not. */
    async listRapport(
      actor: Actor,
      importId: string,
      vraag: { alleenAfgewezen?: boolean; pagina?: number; paginaGrootte?: number } = {},
    ): Promise<Pagina<ImportRapportRij>> {
      await service.findImport(actor, importId);
      const paginaGrootte = Math.min(Math.max(vraag.paginaGrootte ?? 100, 1), 500);
      const pagina = Math.max(1, Math.min(vraag.pagina ?? 1, 100_000));
      const { rijen, totaal } = await withContext(db, dbContext(actor), (tx) =>
        repo.listRijen(tx, dienstVan(actor), importId, {
          alleenAfgewezen: vraag.alleenAfgewezen ?? false,
          limit: paginaGrootte,
          offset: (pagina - 1) * paginaGrootte,
        }),
      );
      return {
        items: rijen.map((r) => ({
          rij: r.rij,
          klantnummer: r.klantnummer,
          proef: r.proef as Voornemen,
          uitkomst: r.uitkomst as Uitkomst | null,
          fouten: r.fouten,
        })),
        totaal,
        pagina,
        paginaGrootte,
        aantalPaginas: Math.max(1, Math.ceil(totaal / paginaGrootte)),
      };
    },

    /** The latest imports of the actor's municipalities (dry runs older than a day expire first). */
    async listImports(actor: Actor): Promise<KlantImport[]> {
      controleer(actor);
      const dienstId = dienstVan(actor);
      const gemeenten = actor.kind === 'gebruiker' ? [...actor.gemeenten] : undefined;
      return withContext(db, dbContext(actor), async (tx) => {
        await repo.verloopProefruns(tx, dienstId, gemeenten, new Date(Date.now() - PROEFRUN_GELDIG_MS));
        return (await repo.listImports(tx, dienstId, gemeenten, 20)).map(naarImport);
      });
    },
  };
  return service;
}

export type KlantenImportService = ReturnType<typeof createKlantenImportService>;
