import { sql } from 'kysely';
import type { Tx } from '../../db/context.ts';

/** What the actor is built from: the user, their municipalities (direct and through teams) and teams. */
export interface GebruikerGegevens {
  dienstId: string;
  gebruikerId: string;
  naam: string;
  email: string;
  rol: string;
  isDemo: boolean;
  isActief: boolean;
  totpActief: boolean;
  gemeenten: string[];
  teams: string[];
}

export interface SessieRij extends GebruikerGegevens {
  id: string;
  aangemaaktOp: Date;
  laatstActiefOp: Date;
  verlooptOp: Date;
  isMfaVoldaan: boolean;
}

export interface ApiTokenRij extends GebruikerGegevens {
  tokenId: string;
  laatstGebruiktOp: Date | null;
}

// The municipalities of a user: assigned directly, plus those of the user's teams. `g` is the gebruiker row.
const gemeentenVan = sql<string[]>`ARRAY(
    SELECT gg.gemeente_id::text FROM gebruiker_gemeente gg WHERE gg.dienst_id = g.dienst_id AND gg.gebruiker_id = g.id
    UNION
    SELECT tg.gemeente_id::text FROM gebruiker_team gt
      JOIN team_gemeente tg ON tg.dienst_id = gt.dienst_id AND tg.team_id = gt.team_id
    WHERE gt.dienst_id = g.dienst_id AND gt.gebruiker_id = g.id
    ORDER BY 1)`;
const teamsVan = sql<string[]>`ARRAY(
    SELECT gt.team_id::text FROM gebruiker_team gt WHERE gt.dienst_id = g.dienst_id AND gt.gebruiker_id = g.id
    ORDER BY 1)`;

/**
 * Kysely queries of the auth module: sessions, API tokens, invitations, recovery codes and failed logins, and
 * the authentication columns of `gebruiker` (password hash, TOTP). Other user data belongs to `beheer`.
 */
export const authRepository = {
  async findGebruikerByEmail(tx: Tx, email: string) {
    return tx
      .selectFrom('gebruiker')
      .select(['dienstId', 'id', 'naam', 'wachtwoordHash', 'isActief', 'isDemo', 'totpActiefSinds'])
      .where('email', '=', email)
      .executeTakeFirst();
  },

  async findGebruikerGegevens(
    tx: Tx,
    dienstId: string,
    gebruikerId: string,
  ): Promise<GebruikerGegevens | undefined> {
    return tx
      .selectFrom('gebruiker as g')
      .select([
        'g.dienstId',
        'g.id as gebruikerId',
        'g.naam',
        'g.email',
        'g.rol',
        'g.isDemo',
        'g.isActief',
        sql<boolean>`g.totp_actief_sinds IS NOT NULL`.as('totpActief'),
        gemeentenVan.as('gemeenten'),
        teamsVan.as('teams'),
      ])
      .where('g.dienstId', '=', dienstId)
      .where('g.id', '=', gebruikerId)
      .executeTakeFirst();
  },

  /** The dienst of a user (any dienst the context allows: the system context sees all). */
  async findDienstVanGebruiker(tx: Tx, gebruikerId: string): Promise<string | undefined> {
    const row = await tx
      .selectFrom('gebruiker')
      .select('dienstId')
      .where('id', '=', gebruikerId)
      .executeTakeFirst();
    return row?.dienstId;
  },

  // Sessions ---------------------------------------------------------------------------------------------

  async findSessie(tx: Tx, id: string): Promise<SessieRij | undefined> {
    return tx
      .selectFrom('sessie as s')
      .innerJoin('gebruiker as g', (j) =>
        j.onRef('g.dienstId', '=', 's.dienstId').onRef('g.id', '=', 's.gebruikerId'),
      )
      .select([
        's.id',
        's.aangemaaktOp',
        's.laatstActiefOp',
        's.verlooptOp',
        's.isMfaVoldaan',
        'g.dienstId',
        'g.id as gebruikerId',
        'g.naam',
        'g.email',
        'g.rol',
        'g.isDemo',
        'g.isActief',
        sql<boolean>`g.totp_actief_sinds IS NOT NULL`.as('totpActief'),
        gemeentenVan.as('gemeenten'),
        teamsVan.as('teams'),
      ])
      .where('s.id', '=', id)
      .executeTakeFirst();
  },

  async insertSessie(
    tx: Tx,
    s: {
      dienstId: string;
      id: string;
      gebruikerId: string;
      verlooptOp: Date;
      isMfaVoldaan: boolean;
      omschrijving: string;
    },
  ): Promise<void> {
    await tx.insertInto('sessie').values(s).execute();
  },

  async deleteSessie(tx: Tx, id: string): Promise<void> {
    await tx.deleteFrom('sessie').where('id', '=', id).execute();
  },

  /** Removes the session with this id; returns whose it was (undefined when there was none). */
  async deleteSessieVanToken(
    tx: Tx,
    id: string,
  ): Promise<{ dienstId: string; gebruikerId: string } | undefined> {
    return tx
      .deleteFrom('sessie')
      .where('id', '=', id)
      .returning(['dienstId', 'gebruikerId'])
      .executeTakeFirst();
  },

  async touchSessie(tx: Tx, id: string, nu: Date): Promise<void> {
    await tx.updateTable('sessie').set({ laatstActiefOp: nu }).where('id', '=', id).execute();
  },

  async setSessieMfaVoldaan(tx: Tx, dienstId: string, gebruikerId: string, id: string): Promise<void> {
    await tx
      .updateTable('sessie')
      .set({ isMfaVoldaan: true })
      .where('dienstId', '=', dienstId)
      .where('gebruikerId', '=', gebruikerId)
      .where('id', '=', id)
      .execute();
  },

  async listSessies(tx: Tx, dienstId: string, gebruikerId: string) {
    return tx
      .selectFrom('sessie')
      .select(['id', 'aangemaaktOp', 'laatstActiefOp', 'verlooptOp', 'isMfaVoldaan', 'omschrijving'])
      .where('dienstId', '=', dienstId)
      .where('gebruikerId', '=', gebruikerId)
      .orderBy('laatstActiefOp', 'desc')
      .execute();
  },

  async deleteSessieVanGebruiker(
    tx: Tx,
    dienstId: string,
    gebruikerId: string,
    id: string,
  ): Promise<boolean> {
    const r = await tx
      .deleteFrom('sessie')
      .where('dienstId', '=', dienstId)
      .where('gebruikerId', '=', gebruikerId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },

  async deleteSessiesVanGebruiker(tx: Tx, dienstId: string, gebruikerId: string): Promise<void> {
    await tx
      .deleteFrom('sessie')
      .where('dienstId', '=', dienstId)
      .where('gebruikerId', '=', gebruikerId)
      .execute();
  },

  /** Removes the user's sessions that are past their idle or absolute limit. */
  async deleteVerlopenSessies(
    tx: Tx,
    dienstId: string,
    gebruikerId: string,
    grenzen: { actiefVoor: Date; aangemaaktVoor: Date; nu: Date },
  ): Promise<void> {
    await tx
      .deleteFrom('sessie')
      .where('dienstId', '=', dienstId)
      .where('gebruikerId', '=', gebruikerId)
      .where((eb) =>
        eb.or([
          eb('laatstActiefOp', '<', grenzen.actiefVoor),
          eb('aangemaaktOp', '<', grenzen.aangemaaktVoor),
          eb('verlooptOp', '<=', grenzen.nu),
        ]),
      )
      .execute();
  },

  // Failed logins ----------------------------------------------------------------------------------------

  async countPogingen(tx: Tx, sleutels: readonly string[], sinds: Date): Promise<Map<string, number>> {
    const rows = await tx
      .selectFrom('inlogpoging')
      .select(['sleutel', (eb) => eb.fn.countAll<number>().as('aantal')])
      .where('sleutel', 'in', sleutels)
      .where('tijdstip', '>', sinds)
      .groupBy('sleutel')
      .execute();
    return new Map(rows.map((r) => [r.sleutel, Number(r.aantal)]));
  },

  /**
   * The failed attempts of each key since `sinds` (count and latest), after waiting for any other attempt on the
   * same keys to finish its check (a transaction-scoped advisory lock per key, taken in one order): concurrent
   * attempts are counted one after the other, not all against the same old count.
   */
  async pogingStand(
    tx: Tx,
    sleutels: readonly string[],
    sinds: Date,
  ): Promise<Map<string, { aantal: number; laatste: Date | null }>> {
    for (const sleutel of [...new Set(sleutels)].sort())
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`inlogpoging:${sleutel}`}, 0))`.execute(tx);
    const rows = await tx
      .selectFrom('inlogpoging')
      .select([
        'sleutel',
        (eb) => eb.fn.countAll<number>().as('aantal'),
        (eb) => eb.fn.max('tijdstip').as('laatste'),
      ])
      .where('sleutel', 'in', sleutels)
      .where('tijdstip', '>', sinds)
      .groupBy('sleutel')
      .execute();
    return new Map(rows.map((r) => [r.sleutel, { aantal: Number(r.aantal), laatste: r.laatste }]));
  },

  /** Records one attempt per key; returns the rows' ids (an attempt that succeeds removes its own). */
  async insertPogingenMetId(tx: Tx, sleutels: readonly string[], tijdstip: Date): Promise<number[]> {
    const rows = await tx
      .insertInto('inlogpoging')
      .values(sleutels.map((sleutel) => ({ sleutel, tijdstip })))
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  },

  async deletePogingenMetId(tx: Tx, ids: readonly number[]): Promise<void> {
    if (ids.length > 0)
      await tx
        .deleteFrom('inlogpoging')
        .where('id', 'in', [...ids])
        .execute();
  },

  async insertPogingen(tx: Tx, sleutels: readonly string[], tijdstip: Date): Promise<void> {
    await tx
      .insertInto('inlogpoging')
      .values(sleutels.map((sleutel) => ({ sleutel, tijdstip })))
      .execute();
  },

  async deletePogingen(tx: Tx, sleutel: string): Promise<void> {
    await tx.deleteFrom('inlogpoging').where('sleutel', '=', sleutel).execute();
  },

  async deleteOudePogingen(tx: Tx, ouderDan: Date): Promise<void> {
    await tx.deleteFrom('inlogpoging').where('tijdstip', '<', ouderDan).execute();
  },

  // API tokens -------------------------------------------------------------------------------------------

  async findApiToken(tx: Tx, tokenHash: string): Promise<ApiTokenRij | undefined> {
    return tx
      .selectFrom('apiToken as t')
      .innerJoin('gebruiker as g', (j) =>
        j.onRef('g.dienstId', '=', 't.dienstId').onRef('g.id', '=', 't.gebruikerId'),
      )
      .select([
        't.id as tokenId',
        't.laatstGebruiktOp',
        'g.dienstId',
        'g.id as gebruikerId',
        'g.naam',
        'g.email',
        'g.rol',
        'g.isDemo',
        'g.isActief',
        sql<boolean>`g.totp_actief_sinds IS NOT NULL`.as('totpActief'),
        gemeentenVan.as('gemeenten'),
        teamsVan.as('teams'),
      ])
      .where('t.tokenHash', '=', tokenHash)
      .where('t.ingetrokkenOp', 'is', null)
      .executeTakeFirst();
  },

  async touchApiToken(tx: Tx, dienstId: string, tokenId: string, nu: Date): Promise<void> {
    await tx
      .updateTable('apiToken')
      .set({ laatstGebruiktOp: nu })
      .where('dienstId', '=', dienstId)
      .where('id', '=', tokenId)
      .execute();
  },

  async insertApiToken(
    tx: Tx,
    t: { dienstId: string; gebruikerId: string; naam: string; tokenHash: string },
  ): Promise<string> {
    const row = await tx.insertInto('apiToken').values(t).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async listApiTokens(tx: Tx, dienstId: string, gebruikerId: string) {
    return tx
      .selectFrom('apiToken')
      .select(['id', 'naam', 'aangemaaktOp', 'laatstGebruiktOp', 'ingetrokkenOp'])
      .where('dienstId', '=', dienstId)
      .where('gebruikerId', '=', gebruikerId)
      .orderBy('aangemaaktOp', 'desc')
      .execute();
  },

  /** Revokes every API token of a user that is still valid (a password reset); returns how many. */
  async revokeApiTokensVanGebruiker(
    tx: Tx,
    dienstId: string,
    gebruikerId: string,
    nu: Date,
  ): Promise<number> {
    const r = await tx
      .updateTable('apiToken')
      .set({ ingetrokkenOp: nu })
      .where('dienstId', '=', dienstId)
      .where('gebruikerId', '=', gebruikerId)
      .where('ingetrokkenOp', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  async revokeApiToken(
    tx: Tx,
    dienstId: string,
    gebruikerId: string,
    id: string,
    nu: Date,
  ): Promise<boolean> {
    const r = await tx
      .updateTable('apiToken')
      .set({ ingetrokkenOp: nu })
      .where('dienstId', '=', dienstId)
      .where('gebruikerId', '=', gebruikerId)
      .where('id', '=', id)
      .where('ingetrokkenOp', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  // TOTP and recovery codes ------------------------------------------------------------------------------

  async findTotp(tx: Tx, dienstId: string, gebruikerId: string) {
    return tx
      .selectFrom('gebruiker')
      .select(['totpGeheim', 'totpActiefSinds', 'totpLaatsteStap', 'email'])
      .where('dienstId', '=', dienstId)
      .where('id', '=', gebruikerId)
      .executeTakeFirst();
  },

  async setTotpGeheim(tx: Tx, dienstId: string, gebruikerId: string, geheim: string | null): Promise<void> {
    await tx
      .updateTable('gebruiker')
      .set({ totpGeheim: geheim, totpActiefSinds: null, totpLaatsteStap: null })
      .where('dienstId', '=', dienstId)
      .where('id', '=', gebruikerId)
      .execute();
  },

  /**
   * Stores a secret again in another form (encrypted, or under the current key) without touching its state;
   * only when the row still holds `vorig`, so a concurrent change wins.
   */
  async herschrijfTotpGeheim(
    tx: Tx,
    dienstId: string,
    gebruikerId: string,
    vorig: string,
    nieuw: string,
  ): Promise<void> {
    await tx
      .updateTable('gebruiker')
      .set({ totpGeheim: nieuw })
      .where('dienstId', '=', dienstId)
      .where('id', '=', gebruikerId)
      .where('totpGeheim', '=', vorig)
      .execute();
  },

  /** Every stored TOTP secret (for re-encryption at start; the system context sees all services). */
  async listTotpGeheimen(tx: Tx) {
    return tx
      .selectFrom('gebruiker')
      .select(['dienstId', 'id', 'totpGeheim'])
      .where('totpGeheim', 'is not', null)
      .execute();
  },

  async activeerTotp(tx: Tx, dienstId: string, gebruikerId: string, nu: Date): Promise<void> {
    await tx
      .updateTable('gebruiker')
      .set({ totpActiefSinds: nu })
      .where('dienstId', '=', dienstId)
      .where('id', '=', gebruikerId)
      .execute();
  },

  /**
   * Records a TOTP time step as used; false when this or a later step was already used (a replayed code).
   * Atomic: two requests with the same code cannot both succeed.
   */
  async claimTotpStap(tx: Tx, dienstId: string, gebruikerId: string, stap: number): Promise<boolean> {
    const r = await tx
      .updateTable('gebruiker')
      .set({ totpLaatsteStap: stap })
      .where('dienstId', '=', dienstId)
      .where('id', '=', gebruikerId)
      .where((eb) => eb.or([eb('totpLaatsteStap', 'is', null), eb('totpLaatsteStap', '<', stap)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  async replaceHerstelcodes(
    tx: Tx,
    dienstId: string,
    gebruikerId: string,
    hashes: readonly string[],
  ): Promise<void> {
    await tx
      .deleteFrom('herstelcode')
      .where('dienstId', '=', dienstId)
      .where('gebruikerId', '=', gebruikerId)
      .execute();
    if (hashes.length > 0)
      await tx
        .insertInto('herstelcode')
        .values(hashes.map((codeHash) => ({ dienstId, gebruikerId, codeHash })))
        .execute();
  },

  /** Marks an unused recovery code as used; false when it does not exist or was used before. */
  async markHerstelcodeGebruikt(
    tx: Tx,
    dienstId: string,
    gebruikerId: string,
    codeHash: string,
    nu: Date,
  ): Promise<boolean> {
    const r = await tx
      .updateTable('herstelcode')
      .set({ gebruiktOp: nu })
      .where('dienstId', '=', dienstId)
      .where('gebruikerId', '=', gebruikerId)
      .where('codeHash', '=', codeHash)
      .where('gebruiktOp', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  async countOngebruikteHerstelcodes(tx: Tx, dienstId: string, gebruikerId: string): Promise<number> {
    const row = await tx
      .selectFrom('herstelcode')
      .select((eb) => eb.fn.countAll<number>().as('aantal'))
      .where('dienstId', '=', dienstId)
      .where('gebruikerId', '=', gebruikerId)
      .where('gebruiktOp', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.aantal);
  },

  // Passwords and invitations ----------------------------------------------------------------------------

  async setWachtwoordHash(
    tx: Tx,
    dienstId: string,
    gebruikerId: string,
    wachtwoordHash: string,
  ): Promise<void> {
    await tx
      .updateTable('gebruiker')
      .set({ wachtwoordHash })
      .where('dienstId', '=', dienstId)
      .where('id', '=', gebruikerId)
      .execute();
  },

  /** Open invitations of a user stop working when a new one is made. */
  async deleteOpenUitnodigingen(tx: Tx, dienstId: string, gebruikerId: string): Promise<void> {
    await tx
      .deleteFrom('uitnodiging')
      .where('dienstId', '=', dienstId)
      .where('gebruikerId', '=', gebruikerId)
      .where('gebruiktOp', 'is', null)
      .execute();
  },

  async insertUitnodiging(
    tx: Tx,
    u: { dienstId: string; gebruikerId: string; tokenHash: string; verlooptOp: Date },
  ): Promise<void> {
    await tx.insertInto('uitnodiging').values(u).execute();
  },

  async findUitnodiging(tx: Tx, tokenHash: string) {
    return tx
      .selectFrom('uitnodiging as u')
      .innerJoin('gebruiker as g', (j) =>
        j.onRef('g.dienstId', '=', 'u.dienstId').onRef('g.id', '=', 'u.gebruikerId'),
      )
      .select([
        'u.dienstId',
        'u.gebruikerId',
        'u.verlooptOp',
        'u.gebruiktOp',
        'g.naam',
        'g.email',
        'g.isActief',
        'g.isDemo',
        sql<boolean>`g.totp_actief_sinds IS NOT NULL`.as('totpActief'),
      ])
      .where('u.tokenHash', '=', tokenHash)
      .executeTakeFirst();
  },

  /** Uses an invitation once: false when it was used already or has expired. */
  async markUitnodigingGebruikt(tx: Tx, tokenHash: string, nu: Date): Promise<boolean> {
    const r = await tx
      .updateTable('uitnodiging')
      .set({ gebruiktOp: nu })
      .where('tokenHash', '=', tokenHash)
      .where('gebruiktOp', 'is', null)
      .where('verlooptOp', '>', nu)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  // Password reset ---------------------------------------------------------------------------------------

  /** Earlier unused reset links of a user stop working when a new one is made. */
  async deleteOpenHerstel(tx: Tx, dienstId: string, gebruikerId: string): Promise<void> {
    await tx
      .deleteFrom('wachtwoordHerstel')
      .where('dienstId', '=', dienstId)
      .where('gebruikerId', '=', gebruikerId)
      .where('gebruiktOp', 'is', null)
      .execute();
  },

  async insertHerstel(
    tx: Tx,
    h: { dienstId: string; gebruikerId: string; tokenHash: string; verlooptOp: Date },
  ): Promise<void> {
    await tx.insertInto('wachtwoordHerstel').values(h).execute();
  },

  async findHerstel(tx: Tx, tokenHash: string) {
    return tx
      .selectFrom('wachtwoordHerstel as h')
      .innerJoin('gebruiker as g', (j) =>
        j.onRef('g.dienstId', '=', 'h.dienstId').onRef('g.id', '=', 'h.gebruikerId'),
      )
      .select([
        'h.dienstId',
        'h.gebruikerId',
        'h.verlooptOp',
        'h.gebruiktOp',
        'g.naam',
        'g.email',
        'g.isActief',
      ])
      .where('h.tokenHash', '=', tokenHash)
      .executeTakeFirst();
  },

  /** Uses a reset link once: false when it was used already or has expired. */
  async markHerstelGebruikt(tx: Tx, tokenHash: string, nu: Date): Promise<boolean> {
    const r = await tx
      .updateTable('wachtwoordHerstel')
      .set({ gebruiktOp: nu })
      .where('tokenHash', '=', tokenHash)
      .where('gebruiktOp', 'is', null)
      .where('verlooptOp', '>', nu)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },
};
