import * as OTPAuth from 'otpauth';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOTP_ENCRYPTION_KEYS } from '../../../test/app.ts';
import { totpCode } from '../../../test/browser.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam, TEST_WACHTWOORD } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { withContext } from '../../db/context.ts';
import { genereerSleutelring } from '../../lib/sleutelring.ts';
import { systeemActor } from './actor.ts';
import { type AuthService, createAuthService } from './auth.service.ts';

let db: TestDatabase;
let auth: AuthService;
let prod: AuthService;
beforeAll(async () => {
  db = await createTestDatabase();
  auth = createAuthService({
    db: db.app,
    config: {
      mode: 'development',
      publicUrl: 'https://wederkerig.test',
      totpEncryptionKeys: TEST_TOTP_ENCRYPTION_KEYS,
    },
  });
  prod = createAuthService({
    db: db.app,
    config: {
      mode: 'production',
      publicUrl: 'https://wederkerig.test',
      totpEncryptionKeys: TEST_TOTP_ENCRYPTION_KEYS,
    },
  });
});

const login = (s: AuthService, email: string, wachtwoord = TEST_WACHTWOORD, ip = '10.0.0.1') =>
  s.login({ email, wachtwoord, ip, userAgentOmschrijving: 'Firefox op Linux' });

describe('auth service', () => {
  it('builds the actor with direct and team municipalities', async () => {
    const a = await insertGemeente(db.app);
    const b = await insertGemeente(db.app, { dienstId: a.dienstId });
    const c = await insertGemeente(db.app, { dienstId: a.dienstId });
    const team = await insertTeam(db.app, { dienstId: a.dienstId, gemeenten: [b.gemeenteId] });
    const g = await insertGebruiker(db.app, {
      dienstId: a.dienstId,
      gemeenten: [a.gemeenteId],
      teams: [team.teamId],
    });
    const uit = await login(auth, g.email.toUpperCase());
    expect(uit.kind).toBe('ingelogd');
    if (uit.kind !== 'ingelogd') return;
    expect(uit.status).toBe('actief');
    const s = await auth.vindSessie(uit.sessieToken);
    expect(s?.actor).toMatchObject({ gebruikerId: g.gebruikerId, rol: 'klantmanager', teams: [team.teamId] });
    expect([...(s?.actor.gemeenten ?? [])].sort()).toEqual([a.gemeenteId, b.gemeenteId].sort());
    expect(s?.actor.gemeenten).not.toContain(c.gemeenteId);
  });

  it('sends a production user without TOTP to enrolment, and one with TOTP to the code step', async () => {
    const zonder = await insertGebruiker(db.app);
    const uit = await login(prod, zonder.email);
    expect(uit).toMatchObject({ kind: 'ingelogd', status: 'moet-mfa-instellen' });
    const geheim = new OTPAuth.Secret({ size: 20 }).base32;
    const met = await insertGebruiker(db.app, { totpGeheim: geheim });
    const uit2 = await login(prod, met.email);
    expect(uit2).toMatchObject({ kind: 'ingelogd', status: 'wacht-op-code' });
  });

  it('makes a single-use invitation link', async () => {
    const g = await insertGebruiker(db.app, { wachtwoord: null });
    const link = await auth.maakUitnodiging(systeemActor('test'), g.gebruikerId);
    expect(link).toMatch(/^https:\/\/wederkerig\.test\/uitnodiging\/[A-Za-z0-9_-]{43}$/);
    const token = link.split('/').pop()!;
    expect(await auth.bekijkUitnodiging(token)).toMatchObject({ status: 'geldig', email: g.email });
    const ok = await auth.accepteerUitnodiging({
      token,
      wachtwoord: 'Een-nieuw-wachtwoord',
      herhaling: 'Een-nieuw-wachtwoord',
      userAgentOmschrijving: 'x',
    });
    expect(ok.kind).toBe('ingelogd');
    expect(await auth.bekijkUitnodiging(token)).toEqual({ status: 'gebruikt' });
  });
});

/** The stored TOTP secret of a user, as it is in the database. */
const opgeslagenGeheim = async (gebruikerId: string) =>
  (
    await withContext(db.owner, systeemActor('test:lezen'), (tx) =>
      tx.selectFrom('gebruiker').select('totpGeheim').where('id', '=', gebruikerId).executeTakeFirstOrThrow(),
    )
  ).totpGeheim;

describe('TOTP secrets at rest', () => {
  it('stores a new secret encrypted (key id prefix, never the base32) and still accepts its codes', async () => {
    const g = await insertGebruiker(db.app);
    const actor = actorVan(g);
    const { geheim } = await auth.startTotp(actor);
    const opgeslagen = await opgeslagenGeheim(g.gebruikerId);
    expect(opgeslagen).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(opgeslagen).not.toContain(geheim);
    // Resuming enrolment shows the same secret (decrypted), without storing a new one.
    expect((await auth.startTotp(actor)).geheim).toBe(geheim);
    expect(await opgeslagenGeheim(g.gebruikerId)).toBe(opgeslagen);
    expect(await auth.bevestigTotp(actor, { code: totpCode(geheim) })).toMatchObject({ kind: 'aan' });
  });

  it('accepts a plain secret from before encryption and encrypts it when it is used', async () => {
    const geheim = new OTPAuth.Secret({ size: 20 }).base32;
    const g = await insertGebruiker(db.app, { totpGeheim: geheim });
    expect(await opgeslagenGeheim(g.gebruikerId)).toBe(geheim);
    const stap1 = await login(prod, g.email, TEST_WACHTWOORD, '10.0.0.2');
    if (stap1.kind !== 'ingelogd') throw new Error(stap1.kind);
    const stap2 = await prod.verifieerCode({
      sessieToken: stap1.sessieToken,
      code: totpCode(geheim),
      ip: '10.0.0.2',
      userAgentOmschrijving: 'x',
    });
    expect(stap2.kind).toBe('ingelogd');
    expect(await opgeslagenGeheim(g.gebruikerId)).toMatch(/^v1:/);
  });

  it('refuses to store a new secret without TOTP_ENCRYPTION_KEYS (never plain)', async () => {
    const zonder = createAuthService({
      db: db.app,
      config: { mode: 'development', publicUrl: 'https://wederkerig.test', totpEncryptionKeys: undefined },
    });
    const g = await insertGebruiker(db.app);
    await expect(zonder.startTotp(actorVan(g))).rejects.toMatchObject({ code: 'niet-beschikbaar' });
    expect(await opgeslagenGeheim(g.gebruikerId)).toBeNull();
  });

  it('encrypts the remaining plain secrets at start, and re-encrypts under the new key after a rotation', async () => {
    const geheim = new OTPAuth.Secret({ size: 20 }).base32;
    const g = await insertGebruiker(db.app, { totpGeheim: geheim });
    const eerste = await auth.versleutelOudeTotpGeheimen(systeemActor('test:start'));
    expect(eerste.versleuteld).toBeGreaterThanOrEqual(1);
    expect(await opgeslagenGeheim(g.gebruikerId)).toMatch(/^v1:/);
    expect((await auth.versleutelOudeTotpGeheimen(systeemActor('test:start'))).versleuteld).toBe(0);

    const nieuweRing = `${TEST_TOTP_ENCRYPTION_KEYS},${genereerSleutelring('v2')}`;
    const na = createAuthService({
      db: db.app,
      config: { mode: 'production', publicUrl: 'https://wederkerig.test', totpEncryptionKeys: nieuweRing },
    });
    expect(
      (await na.versleutelOudeTotpGeheimen(systeemActor('test:start'))).versleuteld,
    ).toBeGreaterThanOrEqual(1);
    expect(await opgeslagenGeheim(g.gebruikerId)).toMatch(/^v2:/);
    const stap1 = await login(na, g.email, TEST_WACHTWOORD, '10.0.0.3');
    if (stap1.kind !== 'ingelogd') throw new Error(stap1.kind);
    expect(
      await na.verifieerCode({
        sessieToken: stap1.sessieToken,
        code: totpCode(geheim),
        ip: '10.0.0.3',
        userAgentOmschrijving: 'x',
      }),
    ).toMatchObject({ kind: 'ingelogd' });
  });
});
