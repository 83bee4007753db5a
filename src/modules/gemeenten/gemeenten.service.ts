import { randomUUID } from 'node:crypto';
import { type DbContext, type Tx, withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { type Actor, dbContext } from '../auth/index.ts';
import { gemeentenRepository as repo } from './gemeenten.repository.ts';
import { CreateGemeenteInput, CreateWijkInput, type Gemeente } from './gemeenten.schemas.ts';

/**
 * Work another module does in the same transaction as a change here (its audit record, an assignment), so that
 * the change and its consequences commit or roll back together.
 */
export type InTransactie = (tx: Tx, gemeente: Gemeente) => Promise<void>;

const isUniekeSchending = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';

const codeBestaatAl = (code: string) =>
  new AppError('conflict', { userMessage: `Er bestaat al een gemeente met code ${code}.` });

/** Use cases for the social service (dienst), its municipalities and their wijken. */
export function createGemeentenService(db: Database) {
  return {
    /** The municipalities the actor may see (row-level security decides). */
    async findGemeenten(actor: Actor): Promise<Gemeente[]> {
      return withContext(db, dbContext(actor), (tx) =>
        repo.listGemeenten(tx, actor.kind === 'gebruiker' ? actor.dienstId : actor.dienstId),
      );
    },

    /** Finds the social service by name or creates it (idempotent; used by bootstrap and demo). */
    async ensureDienst(actor: Actor, naam: string): Promise<string> {
      return withContext(db, dbContext(actor), async (tx) => {
        const found = await repo.findDienstByNaam(tx, naam);
        return found ? found.dienstId : repo.insertDienst(tx, naam);
      });
    },

    async listDiensten(actor: Actor) {
      return withContext(db, dbContext(actor), (tx) => repo.listDiensten(tx));
    },

    /**
     * Creates a municipality, or returns the existing one with the same code when `idempotent`. A staff member
     * creating one gets its id in this transaction's context (row-level security would refuse the new row
     * otherwise); who may do this is the caller's policy. `inTransactie` runs after the insert, in the same
     * transaction. A code that already exists (also in a municipality the actor cannot see) is a `conflict`.
     */
    async createGemeente(
      actor: Actor,
      dienstId: string,
      input: CreateGemeenteInput,
      opts: { idempotent?: boolean; inTransactie?: InTransactie } = {},
    ): Promise<Gemeente> {
      const parsed = CreateGemeenteInput.parse(input);
      const gemeenteId = randomUUID();
      const base = dbContext(actor);
      const ctx: DbContext =
        base.kind === 'gebruiker' ? { ...base, gemeenten: [...base.gemeenten, gemeenteId] } : base;
      try {
        return await withContext(db, ctx, async (tx) => {
          const existing = await repo.findGemeenteByCode(tx, dienstId, parsed.code);
          if (existing) {
            if (opts.idempotent) return existing;
            throw codeBestaatAl(parsed.code);
          }
          const gemeente = await repo.insertGemeente(tx, dienstId, parsed.naam, parsed.code, gemeenteId);
          await opts.inTransactie?.(tx, gemeente);
          return gemeente;
        });
      } catch (e) {
        if (isUniekeSchending(e)) throw codeBestaatAl(parsed.code);
        throw e;
      }
    },

    /** One municipality the actor may see, or `niet-gevonden`. */
    async findGemeente(actor: Actor, dienstId: string, gemeenteId: string): Promise<Gemeente> {
      const found = await withContext(db, dbContext(actor), (tx) =>
        repo.findGemeente(tx, dienstId, gemeenteId),
      );
      if (!found) throw notFound('Deze gemeente bestaat niet of u heeft er geen toegang toe.');
      return found;
    },

    /**
     * Changes a municipality's name and code (row-level security limits it to the actor's municipalities; who may
     * do this is the caller's policy). `inTransactie` runs after the update, in the same transaction.
     */
    async updateGemeente(
      actor: Actor,
      dienstId: string,
      gemeenteId: string,
      input: CreateGemeenteInput,
      opts: { inTransactie?: InTransactie } = {},
    ): Promise<Gemeente> {
      const parsed = CreateGemeenteInput.parse(input);
      try {
        return await withContext(db, dbContext(actor), async (tx) => {
          const gemeente = await repo.updateGemeente(tx, dienstId, gemeenteId, parsed.naam, parsed.code);
          if (!gemeente) throw notFound('Deze gemeente bestaat niet of u heeft er geen toegang toe.');
          await opts.inTransactie?.(tx, gemeente);
          return gemeente;
        });
      } catch (e) {
        if (isUniekeSchending(e)) throw codeBestaatAl(parsed.code);
        throw e;
      }
    },

    /** Creates a wijk (or finds it by name) and maps its 4-digit postcodes to it. */
    async ensureWijk(actor: Actor, dienstId: string, input: CreateWijkInput): Promise<string> {
      const parsed = CreateWijkInput.parse(input);
      return withContext(db, dbContext(actor), async (tx) => {
        const found = await repo.findWijk(tx, dienstId, parsed.gemeenteId, parsed.naam);
        const wijkId = found ? found.id : await repo.insertWijk(tx, dienstId, parsed.gemeenteId, parsed.naam);
        await repo.upsertWijkPostcodes(tx, dienstId, parsed.gemeenteId, wijkId, parsed.postcodes);
        return wijkId;
      });
    },

    async listWijken(actor: Actor, gemeenteId: string) {
      return withContext(db, dbContext(actor), (tx) => repo.listWijken(tx, gemeenteId));
    },
  };
}

export type GemeentenService = ReturnType<typeof createGemeentenService>;
