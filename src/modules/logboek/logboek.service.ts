import { withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { type Actor, dbContext } from '../auth/index.ts';
import { logboekPolicy } from './logboek.policy.ts';
import { record } from './logboek.record.ts';
import { registerRepository as repo } from './logboek.repository.ts';
import {
  CreateVerwerkingsactiviteitInput,
  UpdateVerwerkingsactiviteitInput,
  type Verwerkingsactiviteit,
  VerwerkingsactiviteitId,
} from './logboek.schemas.ts';
import { leesBewaartermijn } from './onderhoud.ts';
import { STANDAARD_REGISTER, VA } from './standaard-register.ts';

function dienstVan(actor: Actor, dienstId?: string): string {
  const id = actor.kind === 'gebruiker' ? actor.dienstId : (dienstId ?? actor.dienstId);
  if (!id) throw new AppError('intern', { message: 'register: no dienst for the system actor' });
  return id;
}

/** Use cases of the register of processing activities (verwerkingsactiviteiten). */
export function createLogboekService(db: Database) {
  return {
    /** The register of the actor's social service, by name. */
    async findVerwerkingsactiviteiten(actor: Actor, dienstId?: string): Promise<Verwerkingsactiviteit[]> {
      logboekPolicy.vereis(actor, 'register-bekijken');
      const dienst = dienstVan(actor, dienstId);
      return withContext(db, dbContext(actor), (tx) => repo.list(tx, dienst));
    },

    /** The access log's retention in months (null: not set, nothing is dropped). */
    async findBewaartermijn(actor: Actor): Promise<number | null> {
      logboekPolicy.vereis(actor, 'register-bekijken');
      return leesBewaartermijn(db);
    },

    /** One entry, or `niet-gevonden`. */
    async findVerwerkingsactiviteit(actor: Actor, id: string): Promise<Verwerkingsactiviteit> {
      logboekPolicy.vereis(actor, 'register-bekijken');
      const parsedId = VerwerkingsactiviteitId.safeParse(id);
      if (!parsedId.success) throw new AppError('niet-gevonden');
      const dienst = dienstVan(actor);
      const found = await withContext(db, dbContext(actor), (tx) => repo.find(tx, dienst, parsedId.data));
      if (!found) throw new AppError('niet-gevonden');
      return found;
    },

    /** Adds an entry; `conflict` when the id is taken. The addition is logged in the same transaction. */
    async createVerwerkingsactiviteit(
      actor: Actor,
      input: CreateVerwerkingsactiviteitInput,
    ): Promise<Verwerkingsactiviteit> {
      logboekPolicy.vereis(actor, 'register-beheren');
      const parsed = CreateVerwerkingsactiviteitInput.parse(input);
      const dienst = dienstVan(actor);
      return withContext(db, dbContext(actor), async (tx) => {
        if (!(await repo.insert(tx, dienst, parsed))) {
          throw new AppError('conflict', {
            userMessage: `Er bestaat al een verwerkingsactiviteit met code ${parsed.id}.`,
          });
        }
        await record(tx, {
          actor,
          actie: 'aanmaken',
          subject: { type: 'verwerkingsactiviteit', id: parsed.id },
          verwerkingsactiviteit: VA.beheerOrganisatie,
          gemeenteId: null,
        });
        return (await repo.find(tx, dienst, parsed.id))!;
      });
    },

    /** Changes name, purpose and legal basis (the id stays); logged in the same transaction. */
    async updateVerwerkingsactiviteit(
      actor: Actor,
      id: string,
      input: UpdateVerwerkingsactiviteitInput,
    ): Promise<Verwerkingsactiviteit> {
      logboekPolicy.vereis(actor, 'register-beheren');
      const parsedId = VerwerkingsactiviteitId.safeParse(id);
      if (!parsedId.success) throw new AppError('niet-gevonden');
      const parsed = UpdateVerwerkingsactiviteitInput.parse(input);
      const dienst = dienstVan(actor);
      return withContext(db, dbContext(actor), async (tx) => {
        if (!(await repo.update(tx, dienst, parsedId.data, parsed))) throw new AppError('niet-gevonden');
        await record(tx, {
          actor,
          actie: 'wijzigen',
          subject: { type: 'verwerkingsactiviteit', id: parsedId.data },
          verwerkingsactiviteit: VA.beheerOrganisatie,
          gemeenteId: null,
        });
        return (await repo.find(tx, dienst, parsedId.data))!;
      });
    },

    /**
     * Makes sure the social service has the standard register (adds missing entries, changes nothing that
     * exists). Idempotent; for bootstrap (CLI) and the demo. Returns the ids it added.
     */
    async ensureStandaardRegister(actor: Actor, dienstId: string): Promise<string[]> {
      logboekPolicy.vereis(actor, 'register-beheren');
      if (actor.kind === 'gebruiker' && actor.dienstId !== dienstId) throw new AppError('geen-toegang');
      return withContext(db, dbContext(actor), async (tx) => {
        const toegevoegd: string[] = [];
        for (const va of STANDAARD_REGISTER) {
          if (await repo.insert(tx, dienstId, va)) toegevoegd.push(va.id);
        }
        for (const id of toegevoegd) {
          await record(tx, {
            actor,
            dienstId,
            actie: 'aanmaken',
            subject: { type: 'verwerkingsactiviteit', id },
            verwerkingsactiviteit: VA.beheerOrganisatie,
            gemeenteId: null,
          });
        }
        return toegevoegd;
      });
    },
  };
}

export type LogboekService = ReturnType<typeof createLogboekService>;
