import { randomBytes } from 'node:crypto';
import type { Rol } from '../../src/db/context.ts';
import { withContext } from '../../src/db/context.ts';
import type { Database } from '../../src/db/database.ts';
import { hashWachtwoord } from '../../src/modules/auth/index.ts';
import { insertDienst } from './gemeenten.ts';

const uniq = () => randomBytes(5).toString('hex');

/** The password every factory user gets unless told otherwise. */
export const TEST_WACHTWOORD = 'Test-wachtwoord-2026';

// Hashing costs ~50 ms: hash the default password once per test file.
let standaardHash: Promise<string> | undefined;
function hashVoor(wachtwoord: string): Promise<string> {
  if (wachtwoord !== TEST_WACHTWOORD) return hashWachtwoord(wachtwoord);
  standaardHash ??= hashWachtwoord(TEST_WACHTWOORD);
  return standaardHash;
}

/** Inserts a team serving the given municipalities. */
export async function insertTeam(
  db: Database,
  opts: { dienstId: string; naam?: string; gemeenten?: readonly string[] },
): Promise<{ dienstId: string; teamId: string; naam: string }> {
  const naam = opts.naam ?? `Team ${uniq()}`;
  return withContext(db, { kind: 'systeem', reden: 'test:factory', dienstId: opts.dienstId }, async (tx) => {
    const { id } = await tx
      .insertInto('team')
      .values({ dienstId: opts.dienstId, naam })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (opts.gemeenten?.length)
      await tx
        .insertInto('teamGemeente')
        .values(opts.gemeenten.map((gemeenteId) => ({ dienstId: opts.dienstId, teamId: id, gemeenteId })))
        .execute();
    return { dienstId: opts.dienstId, teamId: id, naam };
  });
}

export interface TestGebruiker {
  dienstId: string;
  gebruikerId: string;
  email: string;
  naam: string;
  rol: Rol;
  wachtwoord: string;
}

/**
 * Inserts a staff member with a password (`TEST_WACHTWOORD` unless given; `wachtwoord: null` for none), the
 * given municipalities and teams, and optionally an active TOTP secret (base32).
 */
export async function insertGebruiker(
  db: Database,
  opts: {
    dienstId?: string;
    rol?: Rol;
    email?: string;
    naam?: string;
    wachtwoord?: string | null;
    gemeenten?: readonly string[];
    teams?: readonly string[];
    isDemo?: boolean;
    isActief?: boolean;
    totpGeheim?: string;
  } = {},
): Promise<TestGebruiker> {
  const dienstId = opts.dienstId ?? (await insertDienst(db));
  const email = opts.email ?? `gebruiker.${uniq()}@test.wederkerig.nl`;
  const naam = opts.naam ?? `Medewerker ${uniq()}`;
  const rol = opts.rol ?? 'klantmanager';
  const wachtwoord = opts.wachtwoord === undefined ? TEST_WACHTWOORD : opts.wachtwoord;
  const wachtwoordHash = wachtwoord === null ? null : await hashVoor(wachtwoord);
  return withContext(db, { kind: 'systeem', reden: 'test:factory', dienstId }, async (tx) => {
    const { id } = await tx
      .insertInto('gebruiker')
      .values({
        dienstId,
        email,
        naam,
        rol,
        wachtwoordHash,
        isDemo: opts.isDemo ?? false,
        isActief: opts.isActief ?? true,
        totpGeheim: opts.totpGeheim ?? null,
        totpActiefSinds: opts.totpGeheim ? new Date() : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (opts.gemeenten?.length)
      await tx
        .insertInto('gebruikerGemeente')
        .values(opts.gemeenten.map((gemeenteId) => ({ dienstId, gebruikerId: id, gemeenteId })))
        .execute();
    if (opts.teams?.length)
      await tx
        .insertInto('gebruikerTeam')
        .values(opts.teams.map((teamId) => ({ dienstId, gebruikerId: id, teamId })))
        .execute();
    return { dienstId, gebruikerId: id, email, naam, rol, wachtwoord: wachtwoord ?? '' };
  });
}
