import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { insertGebruiker } from '../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../test/factories/gemeenten.ts';
import { createAuthService, systeemActor } from '../modules/auth/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

describe('operations', () => {
  it('reports health with the database', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: 'ok',
      pool: { inUse: 0, waiting: 0, max: 5 },
      systemPool: { inUse: 0, waiting: 0, max: 5 },
    });
  });

  it('serves metrics to loopback clients only', async () => {
    const local = await t.app.inject({ url: '/metrics' });
    expect(local.statusCode).toBe(200);
    expect(local.body).toContain('wederkerig_http_request_duration_seconds');
    const remote = await t.app.inject({ url: '/metrics', remoteAddress: '10.1.2.3' });
    expect(remote.statusCode).toBe(403);
  });
});

describe('pages', () => {
  it('renders the Dutch home page with a skip link and lang="nl"', async () => {
    const res = await t.app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toMatch(/^<!doctype html><html lang="nl"/);
    expect(res.body).toContain('href="#inhoud"');
    expect(res.body).toContain('Wederkerig');
  });

  it('renders a Dutch 404 page without internals', async () => {
    const res = await t.app.inject({ url: '/bestaat-niet' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Pagina niet gevonden');
    expect(res.body).not.toMatch(/Error|stack|at .*\.ts/);
  });

  it('refuses a form post without a CSRF token with a Dutch page', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/', payload: { a: 'b' } });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('formulier is verlopen');
  });

  it('refuses text PostgreSQL cannot hold in any body (NUL, lone surrogate) with a Dutch message, API and page', async () => {
    const g = await insertGemeente(t.db.app, { naam: 'Tekstdam', code: 'GM9997' });
    const gebruiker = await insertGebruiker(t.db.app, { dienstId: g.dienstId, gemeenten: [g.gemeenteId] });
    const { token } = await createAuthService({ db: t.db.app, config: t.config }).createApiTokenVoorEmail(
      systeemActor('test'),
      { email: gebruiker.email, naam: 'test' },
    );
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/klanten',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: '{"achternaam":"Jansen","notities":[{"tekst":"a\\u0000b"}]}',
    });
    expect(api.statusCode).toBe(400);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(api.json().invalidParams).toEqual([
      {
        name: '/notities/0/tekst',
        reason: expect.stringMatching(/^Het veld notities\.0\.tekst bevat een NUL-teken/),
      },
    ]);
    const pagina = await t.app.inject({ method: 'POST', url: '/', payload: { naam: 'x\ud800' } });
    expect(pagina.statusCode).toBe(400);
    expect(pagina.headers['content-type']).toMatch(/^text\/html/);
    expect(pagina.body).toContain('Het veld naam bevat een ongeldig teken');
  });

  it('sends the security headers', async () => {
    const res = await t.app.inject({ url: '/' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('API', () => {
  it('answers unknown API paths with problem+json and an API-Version header', async () => {
    const res = await t.app.inject({ url: '/api/v1/bestaat-niet' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['api-version']).toBe('1.0.0');
    expect(res.json()).toMatchObject({ status: 404, title: expect.any(String) });
  });

  it('publishes an OpenAPI 3.1 document with versioned server URL and relative paths', async () => {
    const res = await t.app.inject({ url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0].url).toMatch(/\/api\/v1$/);
    expect(Object.keys(doc.paths)).toContain('/gemeenten');
    expect(doc.paths['/gemeenten'].get.responses['200'].headers['API-Version']).toBeDefined();
    expect(doc.info.contact).toMatchObject({
      name: expect.any(String),
      email: expect.any(String),
      url: expect.any(String),
    });
  });

  it("lists only the caller's municipalities, with id, naam and code, for a bearer token", async () => {
    const g = await insertGemeente(t.db.app, { naam: 'Testdam', code: 'GM9999' });
    const ander = await insertGemeente(t.db.app, { dienstId: g.dienstId, naam: 'Anderdam', code: 'GM9998' });
    const gebruiker = await insertGebruiker(t.db.app, { dienstId: g.dienstId, gemeenten: [g.gemeenteId] });
    const { token } = await createAuthService({ db: t.db.app, config: t.config }).createApiTokenVoorEmail(
      systeemActor('test'),
      { email: gebruiker.email, naam: 'test' },
    );
    const res = await t.app.inject({
      url: '/api/v1/gemeenten',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['api-version']).toBe('1.0.0');
    expect(res.json()).toEqual([{ id: g.gemeenteId, naam: 'Testdam', code: 'GM9999' }]);
    expect(JSON.stringify(res.json())).not.toContain(ander.gemeenteId);
  });

  it('answers 401 problem+json with WWW-Authenticate without a valid bearer token', async () => {
    for (const headers of [
      {},
      { authorization: 'Bearer wkt_onzin-onzin-onzin-onzin-onzin' },
      { authorization: 'Basic eDp5' },
    ]) {
      const res = await t.app.inject({ url: '/api/v1/gemeenten', headers });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });
});
