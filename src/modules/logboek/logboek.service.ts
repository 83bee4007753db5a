import { withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { type Actor, dbContext } from '../auth/index.ts';
import { logboekPolicy } from './logboek.policy.ts';
import { record } from './logboek.record.ts';
import { leesRepository, registerRepository as repo } from './logboek.repository.ts';
import {
  CreateVerwerkingsactiviteitInput,
  UpdateVerwerkingsactiviteitInput,
  type Verwerkingen,
  VerwerkingenVraag,
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

    /**
     * The log about one person (the subjects that stand for them, e.g. `klant` and `klant-bsn` with the client's
     * id): newest first, filtered by actor, action and period (days in Amsterdam, inclusive), paged. Privacy
     * officer only; row-level security limits it to their municipalities (and service-level entries). Reading
     * the log is not itself recorded here: the caller records what it does with the result.
     */
    async findVerwerkingen(actor: Actor, vraag: VerwerkingenVraag): Promise<Verwerkingen> {
      logboekPolicy.vereis(actor, 'logboek-inzien');
      const v = VerwerkingenVraag.parse(vraag);
      const dienstId = dienstVan(actor);
      const paginaGrootte = v.paginaGrootte ?? 50;
      const pagina = v.pagina ?? 1;
      return withContext(db, dbContext(actor), async (tx) => {
        const { rijen, totaal } = await leesRepository.findVerwerkingen(
          tx,
          {
            dienstId,
            subjecten: v.subjecten,
            ...(v.actorId ? { actorId: v.actorId } : {}),
            ...(v.actie ? { actie: v.actie } : {}),
            ...(v.van ? { van: v.van } : {}),
            ...(v.tot ? { tot: v.tot } : {}),
          },
          { limit: paginaGrootte, offset: (pagina - 1) * paginaGrootte },
        );
        const actoren = await leesRepository.findActoren(tx, dienstId, v.subjecten);
        return {
          items: rijen.map((r) => ({
            tijdstip: r.tijdstip,
            gemeenteId: r.gemeenteId,
            actorId: r.actorId,
            actorReden: r.actorReden,
            rol: r.rol,
            actie: r.actie,
            subject: { type: r.subjectType, id: r.subjectId },
            verwerkingsactiviteit: {
              id: r.verwerkingsactiviteitId,
              naam: r.verwerkingsactiviteitNaam ?? r.verwerkingsactiviteitId,
            },
            traceId: r.traceId,
          })),
          totaal,
          pagina,
          paginaGrootte,
          aantalPaginas: Math.max(1, Math.ceil(totaal / paginaGrootte)),
          actoren,
        };
      });
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
