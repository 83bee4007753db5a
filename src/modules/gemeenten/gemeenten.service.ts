import { withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { type Actor, dbContext } from '../auth/index.ts';
import { gemeentenRepository as repo } from './gemeenten.repository.ts';
import { CreateGemeenteInput, CreateWijkInput, type Gemeente } from './gemeenten.schemas.ts';

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

    /** Creates a municipality, or returns the existing one with the same code when `idempotent`. */
    async createGemeente(
      actor: Actor,
      dienstId: string,
      input: CreateGemeenteInput,
      opts: { idempotent?: boolean } = {},
    ): Promise<Gemeente> {
      const parsed = CreateGemeenteInput.parse(input);
      return withContext(db, dbContext(actor), async (tx) => {
        const existing = await repo.findGemeenteByCode(tx, dienstId, parsed.code);
        if (existing) {
          if (opts.idempotent) return existing;
          throw new AppError('conflict', {
            userMessage: `Er bestaat al een gemeente met code ${parsed.code}.`,
          });
        }
        return repo.insertGemeente(tx, dienstId, parsed.naam, parsed.code);
      });
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
