import type { Rol, Tx } from '../../db/context.ts';

/** A team with the ids of the municipalities it serves (those row-level security lets the caller see). */
export interface TeamRij {
  id: string;
  naam: string;
  gemeenteIds: string[];
}

/** A user with teams and the ids of their municipalities (those the caller may see). */
export interface GebruikerRij {
  id: string;
  naam: string;
  email: string;
  rol: Rol;
  isActief: boolean;
  isDemo: boolean;
  heeftWachtwoord: boolean;
  heeftTweestapsverificatie: boolean;
  teams: Array<{ id: string; naam: string }>;
  gemeenteIds: string[];
}

/**
 * Kysely queries for teams, users and their assignments (names of municipalities come from the gemeenten
 * module, not from a join here). Row-level security scopes every query: the
 * municipality links (`team_gemeente`, `gebruiker_gemeente`) show only the caller's municipalities. Where a
 * `binnen` list is given, changes to links are limited to those municipalities or teams as well, so that a
 * functioneel beheerder never touches another municipality's links (also under the system context).
 */
export const beheerRepository = {
  async listTeams(tx: Tx, dienstId: string, teamId?: string): Promise<TeamRij[]> {
    let q = tx
      .selectFrom('team')
      .leftJoin('teamGemeente', (j) =>
        j.onRef('teamGemeente.dienstId', '=', 'team.dienstId').onRef('teamGemeente.teamId', '=', 'team.id'),
      )
      .select(['team.id', 'team.naam', 'teamGemeente.gemeenteId'])
      .where('team.dienstId', '=', dienstId)
      .orderBy('team.naam');
    if (teamId) q = q.where('team.id', '=', teamId);
    const rows = await q.execute();
    const byId = new Map<string, TeamRij>();
    for (const r of rows) {
      const team = byId.get(r.id) ?? { id: r.id, naam: r.naam, gemeenteIds: [] };
      if (r.gemeenteId) team.gemeenteIds.push(r.gemeenteId);
      byId.set(r.id, team);
    }
    return [...byId.values()];
  },

  async findTeamByNaam(tx: Tx, dienstId: string, naam: string): Promise<{ id: string } | undefined> {
    return tx
      .selectFrom('team')
      .select('id')
      .where('dienstId', '=', dienstId)
      .where('naam', '=', naam)
      .executeTakeFirst();
  },

  async insertTeam(tx: Tx, dienstId: string, naam: string): Promise<string> {
    const row = await tx
      .insertInto('team')
      .values({ dienstId, naam })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async updateTeamNaam(tx: Tx, dienstId: string, teamId: string, naam: string): Promise<void> {
    await tx
      .updateTable('team')
      .set({ naam })
      .where('dienstId', '=', dienstId)
      .where('id', '=', teamId)
      .execute();
  },

  /** Replaces the team's municipalities within `binnen` (the caller's municipalities); others stay. */
  async setTeamGemeenten(
    tx: Tx,
    dienstId: string,
    teamId: string,
    gemeenteIds: readonly string[],
    binnen: readonly string[],
  ): Promise<void> {
    if (binnen.length > 0)
      await tx
        .deleteFrom('teamGemeente')
        .where('dienstId', '=', dienstId)
        .where('teamId', '=', teamId)
        .where('gemeenteId', 'in', [...binnen])
        .execute();
    if (gemeenteIds.length > 0)
      await tx
        .insertInto('teamGemeente')
        .values(gemeenteIds.map((gemeenteId) => ({ dienstId, teamId, gemeenteId })))
        .onConflict((oc) => oc.doNothing())
        .execute();
  },

  async listGebruikers(tx: Tx, dienstId: string, gebruikerId?: string): Promise<GebruikerRij[]> {
    let q = tx
      .selectFrom('gebruiker')
      .select(['id', 'naam', 'email', 'rol', 'isActief', 'isDemo', 'wachtwoordHash', 'totpActiefSinds'])
      .where('dienstId', '=', dienstId)
      .orderBy('naam')
      .orderBy('email');
    if (gebruikerId) q = q.where('id', '=', gebruikerId);
    const rows = await q.execute();
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const teams = await tx
      .selectFrom('gebruikerTeam')
      .innerJoin('team', (j) =>
        j.onRef('team.dienstId', '=', 'gebruikerTeam.dienstId').onRef('team.id', '=', 'gebruikerTeam.teamId'),
      )
      .select(['gebruikerTeam.gebruikerId', 'team.id', 'team.naam'])
      .where('gebruikerTeam.dienstId', '=', dienstId)
      .where('gebruikerTeam.gebruikerId', 'in', ids)
      .orderBy('team.naam')
      .execute();
    const gemeenten = await tx
      .selectFrom('gebruikerGemeente')
      .select(['gebruikerId', 'gemeenteId'])
      .where('dienstId', '=', dienstId)
      .where('gebruikerId', 'in', ids)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      naam: r.naam,
      email: r.email,
      rol: r.rol as Rol,
      isActief: r.isActief,
      isDemo: r.isDemo,
      heeftWachtwoord: r.wachtwoordHash !== null,
      heeftTweestapsverificatie: r.totpActiefSinds !== null,
      teams: teams.filter((t) => t.gebruikerId === r.id).map((t) => ({ id: t.id, naam: t.naam })),
      gemeenteIds: gemeenten.filter((g) => g.gebruikerId === r.id).map((g) => g.gemeenteId),
    }));
  },

  async findGebruikerByEmail(tx: Tx, email: string): Promise<{ id: string; dienstId: string } | undefined> {
    return tx
      .selectFrom('gebruiker')
      .select(['id', 'dienstId'])
      .where('email', '=', email)
      .executeTakeFirst();
  },

  async insertGebruiker(
    tx: Tx,
    values: {
      dienstId: string;
      email: string;
      naam: string;
      rol: Rol;
      wachtwoordHash?: string | null;
      isDemo?: boolean;
    },
  ): Promise<string> {
    const row = await tx.insertInto('gebruiker').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async updateGebruiker(
    tx: Tx,
    dienstId: string,
    gebruikerId: string,
    values: { naam: string; email: string; rol: Rol },
  ): Promise<void> {
    await tx
      .updateTable('gebruiker')
      .set(values)
      .where('dienstId', '=', dienstId)
      .where('id', '=', gebruikerId)
      .execute();
  },

  async setGebruikerActief(tx: Tx, dienstId: string, gebruikerId: string, isActief: boolean): Promise<void> {
    await tx
      .updateTable('gebruiker')
      .set({ isActief })
      .where('dienstId', '=', dienstId)
      .where('id', '=', gebruikerId)
      .execute();
  },

  /** Replaces the user's teams within `binnen` (the teams the caller manages); others stay. */
  async setGebruikerTeams(
    tx: Tx,
    dienstId: string,
    gebruikerId: string,
    teamIds: readonly string[],
    binnen: readonly string[],
  ): Promise<void> {
    if (binnen.length > 0)
      await tx
        .deleteFrom('gebruikerTeam')
        .where('dienstId', '=', dienstId)
        .where('gebruikerId', '=', gebruikerId)
        .where('teamId', 'in', [...binnen])
        .execute();
    if (teamIds.length > 0)
      await tx
        .insertInto('gebruikerTeam')
        .values(teamIds.map((teamId) => ({ dienstId, gebruikerId, teamId })))
        .onConflict((oc) => oc.doNothing())
        .execute();
  },

  /** Replaces the user's municipalities within `binnen` (the caller's municipalities); others stay. */
  async setGebruikerGemeenten(
    tx: Tx,
    dienstId: string,
    gebruikerId: string,
    gemeenteIds: readonly string[],
    binnen: readonly string[],
  ): Promise<void> {
    if (binnen.length > 0)
      await tx
        .deleteFrom('gebruikerGemeente')
        .where('dienstId', '=', dienstId)
        .where('gebruikerId', '=', gebruikerId)
        .where('gemeenteId', 'in', [...binnen])
        .execute();
    if (gemeenteIds.length > 0)
      await tx
        .insertInto('gebruikerGemeente')
        .values(gemeenteIds.map((gemeenteId) => ({ dienstId, gebruikerId, gemeenteId })))
        .onConflict((oc) => oc.doNothing())
        .execute();
  },

  /** Counts the user's teams outside `binnen` (teams the caller cannot manage). */
  async countTeamsBuiten(
    tx: Tx,
    dienstId: string,
    gebruikerId: string,
    binnen: readonly string[],
  ): Promise<number> {
    let q = tx
      .selectFrom('gebruikerTeam')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('dienstId', '=', dienstId)
      .where('gebruikerId', '=', gebruikerId);
    if (binnen.length > 0) q = q.where('teamId', 'not in', [...binnen]);
    const row = await q.executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
