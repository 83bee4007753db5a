import * as OTPAuth from 'otpauth';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { insertGebruiker, insertTeam, TEST_WACHTWOORD } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { systeemActor } from './actor.ts';
import { type AuthService, createAuthService } from './auth.service.ts';

let db: TestDatabase;
let auth: AuthService;
let prod: AuthService;
beforeAll(async () => {
  db = await createTestDatabase();
  auth = createAuthService({
    db: db.app,
    config: { mode: 'development', publicUrl: 'https://wederkerig.test' },
  });
  prod = createAuthService({
    db: db.app,
    config: { mode: 'production', publicUrl: 'https://wederkerig.test' },
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
