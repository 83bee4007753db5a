import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { insertGebruiker, insertTeam } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { maakKlant } from '../../../test/factories/klanten.ts';
import { createAuthService, systeemActor } from '../auth/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { plusMaanden, vandaag } from './datum.ts';
import { kalenderduur, telOp } from './negen-a.ts';

/**
 * Art. 9a Participatiewet through the API: one exemption per parent, suspension and resumption, only previous
 * municipalities deducted, the five years in calendar terms, and the plan van aanpak and re-examination dates.
 * The dates are built from the first day of this month, so the story holds whatever day the test runs.
 */

let t: TestApp;
let dienstId: string;
let A: string;
let km: { token: string };
let nm: { token: string };
let kmB: { token: string };

async function tokenVoor(opts: Parameters<typeof insertGebruiker>[1]): Promise<{ token: string }> {
  const g = await insertGebruiker(t.db.app, { dienstId, wachtwoord: null, ...opts });
  const { token } = await createAuthService({ db: t.db.app, config: t.config }).createApiTokenVoorEmail(
    systeemActor('test'),
    { email: g.email, naam: 'test' },
  );
  return { token };
}

async function api(wie: { token: string }, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: {
      authorization: `Bearer ${wie.token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
}

const velden = (res: { json: () => { invalidParams?: Array<{ name: string }> } }) =>
  (res.json().invalidParams ?? []).map((p) => p.name).sort();

/** The first day of this month: month arithmetic from it never hits a month end. */
const M = `${vandaag().slice(0, 7)}-01`;
const m = (n: number) => plusMaanden(M, n);

beforeAll(async () => {
  t = await createTestApp();
  const ga = await insertGemeente(t.db.app);
  dienstId = ga.dienstId;
  A = ga.gemeenteId;
  const B = (await insertGemeente(t.db.app, { dienstId })).gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const team = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const teamB = (await insertTeam(t.db.app, { dienstId, gemeenten: [B] })).teamId;
  km = await tokenVoor({ rol: 'klantmanager', gemeenten: [A], teams: [team] });
  nm = await tokenVoor({ rol: 'netwerkmakelaar', gemeenten: [A] });
  kmB = await tokenVoor({ rol: 'klantmanager', gemeenten: [B], teams: [teamB] });
});

describe('art. 9a through /api/v1/klanten/{id}/ontheffingen', () => {
  it('grants once, suspends and resumes, deducts only a previous municipality, and dates the plan van aanpak', async () => {
    const klant = (await api(km, 'POST', '/api/v1/klanten', maakKlant({ gemeenteId: A }))).json();
    const url = `/api/v1/klanten/${klant.id}/ontheffingen`;

    // Lid 7 needs the day the request came in; lid 4 only counts a previous municipality, which must be named.
    const zonderVerzoek = await api(km, 'POST', url, {
      type: 'alleenstaande-ouder-kind-onder-5',
      begindatum: m(-12),
      geboortedatumKind: m(-13),
    });
    expect(zonderVerzoek.statusCode).toBe(400);
    expect(velden(zonderVerzoek)).toEqual(['/verzoekdatum']);
    const zonderGemeente = await api(km, 'POST', url, {
      type: 'alleenstaande-ouder-kind-onder-5',
      begindatum: m(-72),
      einddatum: m(-60),
      geboortedatumKind: m(-73),
      eerderGebruikt: true,
    });
    expect(velden(zonderGemeente)).toEqual(['/eerdereGemeente']);

    // Twelve months in a previous municipality, then the grant here twelve months ago.
    expect(
      (
        await api(km, 'POST', url, {
          type: 'alleenstaande-ouder-kind-onder-5',
          begindatum: m(-72),
          einddatum: m(-60),
          geboortedatumKind: m(-73),
          eerderGebruikt: true,
          eerdereGemeente: 'Bergdorp',
        })
      ).statusCode,
    ).toBe(201);
    const res = await api(km, 'POST', url, {
      type: 'alleenstaande-ouder-kind-onder-5',
      begindatum: m(-12),
      verzoekdatum: m(-13),
      geboortedatumKind: m(-13),
    });
    expect(res.statusCode).toBe(201);
    const o = res.json();
    expect(o.negenA).toMatchObject({
      stand: 'lopend',
      // 60 − 12 (elsewhere) months from the grant; the child turns 5 later (m(47)).
      lopendTot: m(36),
      // Used and left are counted up to today.
      gebruikt: telOp({ maanden: 12, dagen: 0 }, kalenderduur(m(-12), vandaag())),
      resterend: kalenderduur(vandaag(), m(36)),
      planVanAanpakUiterlijk: m(-7),
      volgendHeronderzoek: null,
    });

    // Lid 2: granted once.
    const tweede = await api(km, 'POST', url, {
      type: 'alleenstaande-ouder-kind-onder-5',
      begindatum: m(0),
      verzoekdatum: m(0),
      geboortedatumKind: m(-1),
    });
    expect(tweede.statusCode).toBe(409);
    expect(tweede.json().invalidParams[0]).toMatchObject({ name: '/type' });
    expect(tweede.json().invalidParams[0].reason).toContain('art. 9a lid 2');

    const gebeurtenis = (body: unknown) => api(km, 'POST', `${url}/${o.id}/gebeurtenissen`, body);
    // Nothing to resume while it runs.
    const teVroeg = await gebeurtenis({ soort: 'hervatting', datum: m(-2) });
    expect(teVroeg.statusCode).toBe(400);
    expect(velden(teVroeg)).toEqual(['/soort']);

    // Lid 5 onder c: suspended on request a month ago; the tegenprestatie can apply again.
    const opgeschort = await gebeurtenis({
      soort: 'opschorting-verzoek',
      datum: m(-1),
      toelichting: 'Wil werken',
    });
    expect(opgeschort.statusCode).toBe(201);
    expect(opgeschort.json().negenA).toMatchObject({
      stand: 'opgeschort',
      opgeschort: { sinds: m(-1), grond: 'verzoek' },
      lopendTot: null,
    });
    expect((await api(km, 'GET', `/api/v1/klanten/${klant.id}`)).json().toepasselijkheid).toBe(
      'van-toepassing',
    );
    // In order only.
    expect(velden(await gebeurtenis({ soort: 'hervatting', datum: m(-2) }))).toEqual(['/datum']);

    // Lid 6: resumed on request this month: the suspended month does not count (12 + 11 used, 37 left).
    const hervat = await gebeurtenis({ soort: 'hervatting', datum: M });
    expect(hervat.statusCode).toBe(201);
    expect(hervat.json().negenA).toMatchObject({
      stand: 'lopend',
      lopendTot: m(37),
      gebruikt: telOp({ maanden: 23, dagen: 0 }, kalenderduur(M, vandaag())),
      gebeurtenissen: [
        { soort: 'opschorting-verzoek', datum: m(-1), toelichting: 'Wil werken' },
        { soort: 'hervatting', datum: M },
      ],
    });
    expect((await api(km, 'GET', `/api/v1/klanten/${klant.id}`)).json().toepasselijkheid).toBe(
      'niet-van-toepassing',
    );

    // Lid 7 and 8: a re-examination needs the plan first; neither in the future.
    const patch = (body: unknown) => api(km, 'PATCH', `${url}/${o.id}`, body);
    expect(velden(await patch({ laatsteHeronderzoekOp: m(-1) }))).toEqual(['/laatsteHeronderzoekOp']);
    expect(velden(await patch({ planVanAanpakOp: m(2) }))).toEqual(['/planVanAanpakOp']);
    const plan = await patch({ planVanAanpakOp: m(-8) });
    expect(plan.statusCode).toBe(200);
    expect(plan.json().negenA).toMatchObject({ planVanAanpakOp: m(-8), volgendHeronderzoek: m(-2) });
    const heronderzoek = await patch({ laatsteHeronderzoekOp: m(-2) });
    expect(heronderzoek.json().negenA.volgendHeronderzoek).toBe(m(4));

    // Other roles and municipalities.
    expect(
      (await api(nm, 'POST', `${url}/${o.id}/gebeurtenissen`, { soort: 'einde-bijstand', datum: M }))
        .statusCode,
    ).toBe(403);
    expect(
      (await api(kmB, 'POST', `${url}/${o.id}/gebeurtenissen`, { soort: 'einde-bijstand', datum: M }))
        .statusCode,
    ).toBe(404);
  });

  it('art. 9 lid 5: full and permanent incapacity has no end date', async () => {
    const klant = (await api(km, 'POST', '/api/v1/klanten', maakKlant({ gemeenteId: A }))).json();
    const url = `/api/v1/klanten/${klant.id}/ontheffingen`;
    const metEinde = await api(km, 'POST', url, {
      type: 'volledig-arbeidsongeschikt',
      begindatum: m(-12),
      einddatum: m(12),
    });
    expect(velden(metEinde)).toEqual(['/einddatum']);
    const o = (await api(km, 'POST', url, { type: 'volledig-arbeidsongeschikt', begindatum: m(-12) })).json();
    expect(o).toMatchObject({ effectiefEinde: null, isLopend: true, negenA: null });
    expect(velden(await api(km, 'PATCH', `${url}/${o.id}`, { einddatum: m(12) }))).toEqual(['/einddatum']);
    // The finding lapsed (a new assessment): ended as of today.
    const beeindigd = await api(km, 'PATCH', `${url}/${o.id}`, { einddatum: vandaag() });
    expect(beeindigd.statusCode).toBe(200);
    expect(beeindigd.json().isLopend).toBe(false);
  });
});
