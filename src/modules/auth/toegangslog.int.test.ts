import * as OTPAuth from 'otpauth';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_LOGBOEK_KEY, type TestApp } from '../../../test/app.ts';
import { ingelogdAls, TestBrowser, totpCode } from '../../../test/browser.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertDienst } from '../../../test/factories/gemeenten.ts';
import { withContext } from '../../db/context.ts';
import { verifieerLogboek, voerOnderhoudUit } from '../logboek/index.ts';
import { systeemActor } from './actor.ts';
import { type AuthService, createAuthService } from './auth.service.ts';

let t: TestApp;
let auth: AuthService;
let ip = 0;
const browser = () => new TestBrowser(t.app, { remoteAddress: `10.7.0.${++ip}` });

beforeAll(async () => {
  t = await createTestApp();
  auth = createAuthService({ db: t.db.app, config: t.config });
});

/** The access log entries about one user, oldest first, with every column. */
const regels = (gebruikerId: string) =>
  withContext(t.db.owner, systeemActor('test:lezen'), (tx) =>
    tx
      .selectFrom('logboek')
      .selectAll()
      .where('subjectId', '=', gebruikerId)
      .orderBy('tijdstip')
      .orderBy('volgnummer')
      .execute(),
  );

const kort = async (gebruikerId: string) =>
  (await regels(gebruikerId)).map((r) => ({
    type: r.subjectType,
    actie: r.actie,
    actor: r.actorId === 'systeem' ? `systeem:${r.actorReden}` : r.actorId,
  }));

describe('access events in the access log (va-toegang-en-beveiliging)', () => {
  it('records a login, its second step and the logout under the user as subject, in their service chain', async () => {
    const geheim = new OTPAuth.Secret({ size: 20 }).base32;
    const g = await insertGebruiker(t.db.app, { totpGeheim: geheim });
    const b = await ingelogdAls(t.app, { ...g, totpGeheim: geheim }, { remoteAddress: '10.7.1.1' });
    await b.post('/uitloggen');
    expect(await kort(g.gebruikerId)).toEqual([
      { type: 'inlog', actie: 'aanmaken', actor: 'systeem:auth:inloggen' },
      { type: 'inlog-tweede-stap', actie: 'aanmaken', actor: 'systeem:auth:code' },
      { type: 'uitlog', actie: 'verwijderen', actor: 'systeem:auth:uitloggen' },
    ]);
    for (const r of await regels(g.gebruikerId)) {
      expect(r).toMatchObject({
        dienstId: g.dienstId,
        gemeenteId: null,
        verwerkingsactiviteitId: 'va-toegang-en-beveiliging',
        rol: 'systeem',
      });
      expect(r.traceId).toBeTruthy();
    }
  });

  it('records a failed login of an existing account without the e-mail address, and nothing for an unknown one', async () => {
    const g = await insertGebruiker(t.db.app);
    const b = browser();
    await b.get('/');
    expect((await b.post('/', { email: g.email, wachtwoord: 'Niet-het-wachtwoord' })).statusCode).toBe(422);
    await b.post('/', { email: `niemand.${g.gebruikerId}@test.wederkerig.nl`, wachtwoord: 'x' });
    const rijen = await regels(g.gebruikerId);
    expect(rijen.map((r) => [r.subjectType, r.actie, r.actorReden])).toEqual([
      ['inlog-mislukt', 'lezen', 'auth:inloggen'],
    ]);
    const alles = await withContext(t.db.owner, systeemActor('test:lezen'), (tx) =>
      tx.selectFrom('logboek').selectAll().execute(),
    );
    expect(JSON.stringify(alles)).not.toContain(g.email);
    expect(JSON.stringify(alles)).not.toContain('niemand.');
  });

  it("records the user's own API tokens, sessions and two-step verification with the user as actor", async () => {
    const g = await insertGebruiker(t.db.app);
    const b = await ingelogdAls(t.app, g, { remoteAddress: '10.7.1.2' });
    const tweede = await ingelogdAls(t.app, g, { remoteAddress: '10.7.1.3' });
    const actor = actorVan(g, { rol: g.rol });
    const token = await auth.createApiToken(actor, { naam: 'Koppeling' });
    await auth.revokeApiToken(actor, token.id);
    const { geheim } = await auth.startTotp(actor);
    await auth.bevestigTotp(actor, { code: totpCode(geheim) });
    const sessies = await auth.findSessies(actor, undefined);
    await auth.revokeSessie(actor, sessies[0]?.id ?? '');
    expect((await kort(g.gebruikerId)).slice(2)).toEqual([
      { type: 'api-token', actie: 'aanmaken', actor: g.gebruikerId },
      { type: 'api-token-ingetrokken', actie: 'verwijderen', actor: g.gebruikerId },
      { type: 'tweestapsverificatie', actie: 'aanmaken', actor: g.gebruikerId },
      { type: 'sessie', actie: 'verwijderen', actor: g.gebruikerId },
    ]);
    expect((await regels(g.gebruikerId)).at(-1)?.rol).toBe('klantmanager');
    expect(b && tweede).toBeTruthy();
  });

  it('records a reset of two-step verification with the functioneel beheerder as actor, and a token made on the CLI', async () => {
    const g = await insertGebruiker(t.db.app, { totpGeheim: new OTPAuth.Secret({ size: 20 }).base32 });
    const fb = await insertGebruiker(t.db.app, { dienstId: g.dienstId, rol: 'functioneel-beheerder' });
    await auth.resetTweestapsverificatie(actorVan(fb), g.gebruikerId);
    await auth.createApiTokenVoorEmail(systeemActor('cli:token-create'), { email: g.email, naam: 'CLI' });
    expect(await kort(g.gebruikerId)).toEqual([
      { type: 'tweestapsverificatie-uit', actie: 'verwijderen', actor: fb.gebruikerId },
      { type: 'api-token', actie: 'aanmaken', actor: 'systeem:cli:token-create' },
    ]);
  });

  it('records choosing a password with an invitation (and the login it gives)', async () => {
    const g = await insertGebruiker(t.db.app, { wachtwoord: null });
    const link = await auth.maakUitnodiging(systeemActor('test'), g.gebruikerId);
    const uit = await auth.accepteerUitnodiging({
      token: link.split('/').pop() ?? '',
      wachtwoord: 'Paarse-olifant-fietst-langzaam',
      herhaling: 'Paarse-olifant-fietst-langzaam',
      userAgentOmschrijving: 'x',
    });
    expect(uit.kind).toBe('ingelogd');
    expect(await kort(g.gebruikerId)).toEqual([
      { type: 'wachtwoord', actie: 'wijzigen', actor: 'systeem:auth:uitnodiging' },
      { type: 'inlog', actie: 'aanmaken', actor: 'systeem:auth:uitnodiging' },
    ]);
  });

  it('fails closed: without the register entry no one logs in (nothing changes without its log entry)', async () => {
    const dienstId = await insertDienst(t.db.app, { register: false });
    const g = await insertGebruiker(t.db.app, { dienstId });
    await expect(
      auth.login({ email: g.email, wachtwoord: g.wachtwoord, ip: '10.7.2.1', userAgentOmschrijving: 'x' }),
    ).rejects.toThrow();
    const sessies = await withContext(t.db.owner, systeemActor('test:lezen'), (tx) =>
      tx.selectFrom('sessie').select('id').where('gebruikerId', '=', g.gebruikerId).execute(),
    );
    expect(sessies).toEqual([]);
  });

  it('keeps the access log verifiable', async () => {
    await voerOnderhoudUit(t.db.owner, { sleutel: TEST_LOGBOEK_KEY });
    expect((await verifieerLogboek(t.db.owner, { sleutel: TEST_LOGBOEK_KEY })).bevindingen).toEqual([]);
  });
});
