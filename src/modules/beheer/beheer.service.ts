import { type Rol, type Tx, withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { AppError, forbidden, notFound } from '../../http/app-error.ts';
import { type Actor, dbContext, type Systeem } from '../auth/index.ts';
import { CreateGemeenteInput, type Gemeente, type GemeentenService } from '../gemeenten/index.ts';
import { type LogboekActie, record, VA } from '../logboek/index.ts';
import { beheerPolicy } from './beheer.policy.ts';
import { type GebruikerRij, beheerRepository as repo, type TeamRij } from './beheer.repository.ts';
import {
  GebruikerInput,
  type GebruikerOverzicht,
  gebruikerSchema,
  Invoerfout,
  parseInvoer,
  type Team,
  TeamInput,
} from './beheer.schemas.ts';

/** Creates a single-use invitation link for a user (the auth module's `maakUitnodiging`). */
export type MaakUitnodiging = (actor: Actor, gebruikerId: string) => Promise<string>;

export interface BeheerDeps {
  gemeenten: GemeentenService;
  /** Left out where no invitation is wanted (the demo accounts have a password). */
  maakUitnodiging?: MaakUitnodiging;
  /** Turns a user's two-step verification off (the auth module's `resetTweestapsverificatie`). */
  resetTweestapsverificatie?: (actor: Actor, gebruikerId: string) => Promise<void>;
}

export interface GemeenteMetWijken extends Gemeente {
  wijken: Array<{ id: string; naam: string; postcodes: string[] }>;
}

/** What the forms offer: the municipalities and teams this actor manages. */
export interface Keuzes {
  gemeenten: Gemeente[];
  teams: Team[];
}

const isUniekeSchending = (e: unknown, constraint?: string): boolean =>
  typeof e === 'object' &&
  e !== null &&
  (e as { code?: unknown }).code === '23505' &&
  (constraint === undefined || (e as { constraint?: unknown }).constraint === constraint);

/**
 * Writes the access log entry of an administration change, in the change's transaction. The subject is the
 * changed record's id; a municipality's own changes go into its chain, teams and users into the service's.
 */
async function logWijziging(
  tx: Tx,
  actor: Actor,
  actie: LogboekActie,
  subject: { type: 'gemeente' | 'team' | 'gebruiker'; id: string },
): Promise<void> {
  await record(tx, {
    actor,
    actie,
    subject,
    verwerkingsactiviteit: VA.beheerOrganisatie,
    gemeenteId: subject.type === 'gemeente' ? subject.id : null,
  });
}

const GEEN_GEBRUIKER = 'Deze gebruiker bestaat niet of valt buiten uw gemeenten.';
const GEEN_TEAM = 'Dit team bestaat niet of valt buiten uw gemeenten.';
const GEEN_GEMEENTE = 'Deze gemeente bestaat niet of u heeft er geen toegang toe.';

/**
 * Administration of the organisation model by the functioneel beheerder: municipalities (through the gemeenten
 * module), teams and users with their assignments. Everything is limited to the actor's own municipalities: in
 * code here, and by row-level security underneath. The system context (CLI, demo) may do everything within the
 * social service it names.
 */
export function createBeheerService(db: Database, deps: BeheerDeps) {
  const { gemeenten } = deps;

  const dienstVan = (actor: Actor): string => {
    if (actor.kind === 'gebruiker') return actor.dienstId;
    if (actor.dienstId) return actor.dienstId;
    throw new AppError('intern', { message: `system context without dienstId: ${actor.reden}` });
  };

  /** The municipalities the actor manages: their own (user) or all of the service (system). */
  const beheerdeGemeenten = async (actor: Actor): Promise<Gemeente[]> => {
    const zichtbaar = await gemeenten.findGemeenten(actor);
    // Row-level security already limits a user to their municipalities; the code check says so explicitly.
    return actor.kind === 'systeem' ? zichtbaar : zichtbaar.filter((g) => actor.gemeenten.includes(g.id));
  };

  const naarTeam = (rij: TeamRij, binnen: readonly Gemeente[]): Team => ({
    id: rij.id,
    naam: rij.naam,
    gemeenten: binnen.filter((g) => rij.gemeenteIds.includes(g.id)).map((g) => ({ id: g.id, naam: g.naam })),
  });

  const naarGebruiker = (rij: GebruikerRij, binnen: readonly Gemeente[]): GebruikerOverzicht => ({
    id: rij.id,
    naam: rij.naam,
    email: rij.email,
    rol: rij.rol,
    isActief: rij.isActief,
    isDemo: rij.isDemo,
    heeftWachtwoord: rij.heeftWachtwoord,
    heeftTweestapsverificatie: rij.heeftTweestapsverificatie,
    teams: rij.teams,
    gemeenten: binnen.filter((g) => rij.gemeenteIds.includes(g.id)).map((g) => ({ id: g.id, naam: g.naam })),
  });

  /** Teams that serve at least one of the managed municipalities. */
  const beheerdeTeams = async (tx: Tx, dienstId: string, binnen: readonly Gemeente[]): Promise<Team[]> =>
    (await repo.listTeams(tx, dienstId))
      .map((t) => naarTeam(t, binnen))
      .filter((t) => t.gemeenten.length > 0);

  /** Users with at least one of the managed municipalities. */
  const beheerdeGebruikers = async (
    tx: Tx,
    dienstId: string,
    binnen: readonly Gemeente[],
    gebruikerId?: string,
  ): Promise<GebruikerOverzicht[]> =>
    (await repo.listGebruikers(tx, dienstId, gebruikerId))
      .map((g) => naarGebruiker(g, binnen))
      .filter((g) => g.gemeenten.length > 0);

  const controleerGemeenten = (gekozen: readonly string[], binnen: readonly Gemeente[]) => {
    if (!gekozen.every((id) => binnen.some((g) => g.id === id)))
      throw new Invoerfout({ gemeenteIds: 'Kies alleen gemeenten die u zelf beheert.' });
  };

  const controleerTeams = (gekozen: readonly string[], teams: readonly Team[]) => {
    if (!gekozen.every((id) => teams.some((t) => t.id === id)))
      throw new Invoerfout({ teamIds: 'Kies alleen teams die in uw gemeenten werken.' });
  };

  const vertaalUniek = (e: unknown): never => {
    if (isUniekeSchending(e, 'gebruiker_email_uniek'))
      throw new Invoerfout({ email: 'Er is al een account met dit e-mailadres.' });
    if (isUniekeSchending(e, 'team_dienst_id_naam_key'))
      throw new Invoerfout({ naam: 'Er bestaat al een team met deze naam.' });
    throw e;
  };

  const service = {
    // ---- Municipalities -------------------------------------------------------------------------------------

    /** The actor's municipalities with their wijken (read-only here). */
    async listGemeenten(actor: Actor): Promise<GemeenteMetWijken[]> {
      beheerPolicy.vereis(actor, 'gemeenten-beheren');
      const lijst = await beheerdeGemeenten(actor);
      const result: GemeenteMetWijken[] = [];
      for (const g of lijst) result.push({ ...g, wijken: await gemeenten.listWijken(actor, g.id) });
      return result;
    },

    async findGemeente(actor: Actor, gemeenteId: string): Promise<GemeenteMetWijken> {
      beheerPolicy.vereis(actor, 'gemeenten-beheren');
      const g = (await beheerdeGemeenten(actor)).find((x) => x.id === gemeenteId);
      if (!g) throw notFound(GEEN_GEMEENTE);
      return { ...g, wijken: await gemeenten.listWijken(actor, g.id) };
    },

    /**
     * Creates a municipality. A functioneel beheerder who creates one is assigned to it in the same transaction,
     * so that they can manage it.
     */
    async createGemeente(actor: Actor, input: CreateGemeenteInput): Promise<Gemeente> {
      beheerPolicy.vereis(actor, 'gemeenten-beheren');
      const dienstId = dienstVan(actor);
      const parsed = parseInvoer(CreateGemeenteInput, input);
      try {
        return await gemeenten.createGemeente(actor, dienstId, parsed, {
          inTransactie: async (tx, gemeente) => {
            if (actor.kind === 'gebruiker')
              await repo.setGebruikerGemeenten(tx, dienstId, actor.gebruikerId, [gemeente.id], []);
            await logWijziging(tx, actor, 'aanmaken', { type: 'gemeente', id: gemeente.id });
          },
        });
      } catch (e) {
        if (e instanceof AppError && e.code === 'conflict') throw new Invoerfout({ code: e.userMessage });
        throw e;
      }
    },

    /** Changes a municipality's name and code; only one of the actor's own municipalities. */
    async updateGemeente(actor: Actor, gemeenteId: string, input: CreateGemeenteInput): Promise<Gemeente> {
      beheerPolicy.vereis(actor, 'gemeenten-beheren');
      const dienstId = dienstVan(actor);
      const parsed = parseInvoer(CreateGemeenteInput, input);
      if (!(await beheerdeGemeenten(actor)).some((g) => g.id === gemeenteId)) throw notFound(GEEN_GEMEENTE);
      try {
        return await gemeenten.updateGemeente(actor, dienstId, gemeenteId, parsed, {
          inTransactie: (tx) => logWijziging(tx, actor, 'wijzigen', { type: 'gemeente', id: gemeenteId }),
        });
      } catch (e) {
        if (e instanceof AppError && e.code === 'conflict') throw new Invoerfout({ code: e.userMessage });
        throw e;
      }
    },

    // ---- Teams ----------------------------------------------------------------------------------------------

    /** Teams serving at least one of the actor's municipalities (only those municipalities are shown). */
    async listTeams(actor: Actor): Promise<Team[]> {
      beheerPolicy.vereis(actor, 'teams-beheren');
      const dienstId = dienstVan(actor);
      const binnen = await beheerdeGemeenten(actor);
      return withContext(db, dbContext(actor), (tx) => beheerdeTeams(tx, dienstId, binnen));
    },

    async findTeam(actor: Actor, teamId: string): Promise<Team> {
      beheerPolicy.vereis(actor, 'teams-beheren');
      const dienstId = dienstVan(actor);
      const binnen = await beheerdeGemeenten(actor);
      const team = await withContext(db, dbContext(actor), async (tx) =>
        (await beheerdeTeams(tx, dienstId, binnen)).find((t) => t.id === teamId),
      );
      if (!team) throw notFound(GEEN_TEAM);
      return team;
    },

    async createTeam(actor: Actor, input: TeamInput): Promise<Team> {
      beheerPolicy.vereis(actor, 'teams-beheren');
      const dienstId = dienstVan(actor);
      const parsed = parseInvoer(TeamInput, input);
      const binnen = await beheerdeGemeenten(actor);
      controleerGemeenten(parsed.gemeenteIds, binnen);
      try {
        return await withContext(db, dbContext(actor), async (tx) => {
          const teamId = await repo.insertTeam(tx, dienstId, parsed.naam);
          await repo.setTeamGemeenten(tx, dienstId, teamId, parsed.gemeenteIds, []);
          await logWijziging(tx, actor, 'aanmaken', { type: 'team', id: teamId });
          const [team] = await repo.listTeams(tx, dienstId, teamId);
          return naarTeam(team!, binnen);
        });
      } catch (e) {
        return vertaalUniek(e);
      }
    },

    /** Renames a team and sets which of the actor's municipalities it serves (the others stay as they are). */
    async updateTeam(actor: Actor, teamId: string, input: TeamInput): Promise<Team> {
      beheerPolicy.vereis(actor, 'teams-beheren');
      const dienstId = dienstVan(actor);
      const parsed = parseInvoer(TeamInput, input);
      const binnen = await beheerdeGemeenten(actor);
      controleerGemeenten(parsed.gemeenteIds, binnen);
      try {
        return await withContext(db, dbContext(actor), async (tx) => {
          const bestaand = (await beheerdeTeams(tx, dienstId, binnen)).find((t) => t.id === teamId);
          if (!bestaand) throw notFound(GEEN_TEAM);
          await repo.updateTeamNaam(tx, dienstId, teamId, parsed.naam);
          await repo.setTeamGemeenten(
            tx,
            dienstId,
            teamId,
            parsed.gemeenteIds,
            binnen.map((g) => g.id),
          );
          await logWijziging(tx, actor, 'wijzigen', { type: 'team', id: teamId });
          const [team] = await repo.listTeams(tx, dienstId, teamId);
          return naarTeam(team!, binnen);
        });
      } catch (e) {
        return vertaalUniek(e);
      }
    },

    /** Finds a team by name or creates it (idempotent; for the demo and bootstrapping). */
    async ensureTeam(actor: Actor, input: TeamInput): Promise<Team> {
      beheerPolicy.vereis(actor, 'teams-beheren');
      const dienstId = dienstVan(actor);
      const parsed = parseInvoer(TeamInput, input);
      const found = await withContext(db, dbContext(actor), (tx) =>
        repo.findTeamByNaam(tx, dienstId, parsed.naam),
      );
      return found ? service.findTeam(actor, found.id) : service.createTeam(actor, parsed);
    },

    // ---- Users ----------------------------------------------------------------------------------------------

    /** Users with at least one of the actor's municipalities, with role, teams, municipalities and status. */
    async listGebruikers(actor: Actor): Promise<GebruikerOverzicht[]> {
      beheerPolicy.vereis(actor, 'gebruikers-beheren');
      const dienstId = dienstVan(actor);
      const binnen = await beheerdeGemeenten(actor);
      return withContext(db, dbContext(actor), (tx) => beheerdeGebruikers(tx, dienstId, binnen));
    },

    async findGebruiker(actor: Actor, gebruikerId: string): Promise<GebruikerOverzicht> {
      beheerPolicy.vereis(actor, 'gebruikers-beheren');
      const dienstId = dienstVan(actor);
      const binnen = await beheerdeGemeenten(actor);
      const [g] = await withContext(db, dbContext(actor), (tx) =>
        beheerdeGebruikers(tx, dienstId, binnen, gebruikerId),
      );
      if (!g) throw notFound(GEEN_GEBRUIKER);
      return g;
    },

    /** The municipalities and teams the actor can assign. */
    async keuzes(actor: Actor): Promise<Keuzes> {
      beheerPolicy.vereis(actor, 'gebruikers-beheren');
      const dienstId = dienstVan(actor);
      const binnen = await beheerdeGemeenten(actor);
      const teams = await withContext(db, dbContext(actor), (tx) => beheerdeTeams(tx, dienstId, binnen));
      return { gemeenten: binnen, teams };
    },

    /**
     * Creates a user (no password yet) with role, teams and municipalities, then an invitation link to set a
     * password and enrol the authenticator app. The link is returned once and never stored in readable form.
     */
    async createGebruiker(
      actor: Actor,
      input: GebruikerInput,
    ): Promise<{ gebruiker: GebruikerOverzicht; uitnodigingslink: string | undefined }> {
      const gebruiker = await maakGebruiker(actor, input, {});
      const uitnodigingslink = deps.maakUitnodiging
        ? await deps.maakUitnodiging(actor, gebruiker.id)
        : undefined;
      return { gebruiker, uitnodigingslink };
    },

    /**
     * Finds a user by e-mail address or creates one with a ready password hash (idempotent; only the system
     * context, for the demo accounts). An existing user is left as it is.
     */
    async ensureGebruiker(
      actor: Actor,
      input: GebruikerInput & { wachtwoordHash: string; isDemo: boolean },
    ): Promise<GebruikerOverzicht> {
      if (actor.kind !== 'systeem') throw forbidden();
      const dienstId = dienstVan(actor);
      const email = parseInvoer(GebruikerInput, input).email;
      const found = await withContext(db, dbContext(actor), (tx) => repo.findGebruikerByEmail(tx, email));
      if (found && found.dienstId === dienstId) return service.findGebruiker(actor, found.id);
      return maakGebruiker(actor, input, { wachtwoordHash: input.wachtwoordHash, isDemo: input.isDemo });
    },

    /**
     * Changes name, e-mail address, role, teams and municipalities. Teams and municipalities outside the actor's
     * reach stay as they are.
     */
    async updateGebruiker(
      actor: Actor,
      gebruikerId: string,
      input: GebruikerInput,
    ): Promise<GebruikerOverzicht> {
      beheerPolicy.vereis(actor, 'gebruikers-beheren');
      const dienstId = dienstVan(actor);
      const binnen = await beheerdeGemeenten(actor);
      try {
        return await withContext(db, dbContext(actor), async (tx) => {
          const [bestaand] = await beheerdeGebruikers(tx, dienstId, binnen, gebruikerId);
          if (!bestaand) throw notFound(GEEN_GEBRUIKER);
          const teams = await beheerdeTeams(tx, dienstId, binnen);
          const teamIds = teams.map((t) => t.id);
          const elders = await repo.countTeamsBuiten(tx, dienstId, gebruikerId, teamIds);
          const parsed = parseInvoer(gebruikerSchema(elders), input);
          controleerGemeenten(parsed.gemeenteIds, binnen);
          controleerTeams(parsed.teamIds, teams);
          if (actor.kind === 'gebruiker' && actor.gebruikerId === gebruikerId && parsed.rol !== bestaand.rol)
            throw new Invoerfout({
              rol: 'U kunt uw eigen rol niet wijzigen. Vraag dit een andere beheerder.',
            });
          await repo.updateGebruiker(tx, dienstId, gebruikerId, {
            naam: parsed.naam,
            email: parsed.email,
            rol: parsed.rol,
          });
          await repo.setGebruikerTeams(tx, dienstId, gebruikerId, parsed.teamIds, teamIds);
          await repo.setGebruikerGemeenten(
            tx,
            dienstId,
            gebruikerId,
            parsed.gemeenteIds,
            binnen.map((g) => g.id),
          );
          await logWijziging(tx, actor, 'wijzigen', { type: 'gebruiker', id: gebruikerId });
          const [gewijzigd] = await beheerdeGebruikers(tx, dienstId, binnen, gebruikerId);
          return gewijzigd!;
        });
      } catch (e) {
        return vertaalUniek(e);
      }
    },

    /**
     * Brings a user's role, and (when given) teams and municipalities, in line with their SSO claims (the auth
     * module calls this at every SSO login, as the system). Teams are matched by name, municipalities by code or
     * name, both within the user's social service; unknown values are ignored. Changes go through
     * `updateGebruiker` (same rules, same access log entry); nothing changes when everything already matches.
     * Throws `Invoerfout` when the result does not fit the rules (a klantmanager needs exactly one team, everyone
     * at least one municipality).
     */
    async pasSsoToewijzingenToe(
      actor: Systeem,
      gebruikerId: string,
      wens: { rol: Rol; teamNamen: readonly string[] | undefined; gemeenten: readonly string[] | undefined },
    ): Promise<void> {
      const bestaand = await service.findGebruiker(actor, gebruikerId);
      const gewoon = (t: string) => t.trim().toLocaleLowerCase('nl');
      let teamIds = bestaand.teams.map((t) => t.id);
      if (wens.teamNamen) {
        const namen = new Set(wens.teamNamen.map(gewoon));
        teamIds = (await service.listTeams(actor)).filter((t) => namen.has(gewoon(t.naam))).map((t) => t.id);
      }
      let gemeenteIds = bestaand.gemeenten.map((g) => g.id);
      if (wens.gemeenten) {
        const gevraagd = new Set(wens.gemeenten.map(gewoon));
        gemeenteIds = (await beheerdeGemeenten(actor))
          .filter((g) => gevraagd.has(gewoon(g.code)) || gevraagd.has(gewoon(g.naam)))
          .map((g) => g.id);
      }
      const zelfde = (a: readonly string[], b: readonly string[]) =>
        a.length === b.length && a.every((x) => b.includes(x));
      if (
        bestaand.rol === wens.rol &&
        zelfde(
          teamIds,
          bestaand.teams.map((t) => t.id),
        ) &&
        zelfde(
          gemeenteIds,
          bestaand.gemeenten.map((g) => g.id),
        )
      )
        return;
      await service.updateGebruiker(actor, gebruikerId, {
        naam: bestaand.naam,
        email: bestaand.email,
        rol: wens.rol,
        teamIds,
        gemeenteIds,
      });
    },

    /** Turns an account off (it can no longer sign in) or on again. Nobody turns their own account off. */
    async zetActief(actor: Actor, gebruikerId: string, actief: boolean): Promise<GebruikerOverzicht> {
      beheerPolicy.vereis(actor, 'gebruikers-beheren');
      const dienstId = dienstVan(actor);
      if (!actief && actor.kind === 'gebruiker' && actor.gebruikerId === gebruikerId)
        throw new AppError('niet-verwerkbaar', { userMessage: 'U kunt uw eigen account niet uitzetten.' });
      const binnen = await beheerdeGemeenten(actor);
      return withContext(db, dbContext(actor), async (tx) => {
        const [bestaand] = await beheerdeGebruikers(tx, dienstId, binnen, gebruikerId);
        if (!bestaand) throw notFound(GEEN_GEBRUIKER);
        await repo.setGebruikerActief(tx, dienstId, gebruikerId, actief);
        await logWijziging(tx, actor, 'wijzigen', { type: 'gebruiker', id: gebruikerId });
        return { ...bestaand, isActief: actief };
      });
    },

    /** A new invitation link for a user (e.g. when the first one expired). */
    async nieuweUitnodiging(actor: Actor, gebruikerId: string): Promise<string> {
      const gebruiker = await service.findGebruiker(actor, gebruikerId);
      if (!gebruiker.isActief)
        throw new AppError('niet-verwerkbaar', {
          userMessage: 'Dit account staat uit. Zet het eerst aan en maak dan een uitnodiging.',
        });
      if (!deps.maakUitnodiging)
        throw new AppError('niet-beschikbaar', { message: 'maakUitnodiging not configured' });
      return deps.maakUitnodiging(actor, gebruikerId);
    },

    /**
     * Turns off a user's two-step verification (a lost phone): their sessions end and they set it up again at
     * their next login. Only for users within the actor's municipalities.
     */
    async resetTweestapsverificatie(actor: Actor, gebruikerId: string): Promise<void> {
      await service.findGebruiker(actor, gebruikerId);
      if (!deps.resetTweestapsverificatie)
        throw new AppError('niet-beschikbaar', { message: 'resetTweestapsverificatie not configured' });
      await deps.resetTweestapsverificatie(actor, gebruikerId);
    },
  };

  async function maakGebruiker(
    actor: Actor,
    input: GebruikerInput,
    extra: { wachtwoordHash?: string; isDemo?: boolean },
  ): Promise<GebruikerOverzicht> {
    beheerPolicy.vereis(actor, 'gebruikers-beheren');
    const dienstId = dienstVan(actor);
    const parsed = parseInvoer(GebruikerInput, input);
    const binnen = await beheerdeGemeenten(actor);
    controleerGemeenten(parsed.gemeenteIds, binnen);
    try {
      return await withContext(db, dbContext(actor), async (tx) => {
        const teams = await beheerdeTeams(tx, dienstId, binnen);
        controleerTeams(parsed.teamIds, teams);
        const gebruikerId = await repo.insertGebruiker(tx, {
          dienstId,
          email: parsed.email,
          naam: parsed.naam,
          rol: parsed.rol,
          ...extra,
        });
        await repo.setGebruikerTeams(tx, dienstId, gebruikerId, parsed.teamIds, []);
        await repo.setGebruikerGemeenten(tx, dienstId, gebruikerId, parsed.gemeenteIds, []);
        await logWijziging(tx, actor, 'aanmaken', { type: 'gebruiker', id: gebruikerId });
        const [gebruiker] = await beheerdeGebruikers(tx, dienstId, binnen, gebruikerId);
        return gebruiker!;
      });
    } catch (e) {
      return vertaalUniek(e);
    }
  }

  return service;
}

export type BeheerService = ReturnType<typeof createBeheerService>;
