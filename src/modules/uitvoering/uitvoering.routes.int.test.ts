import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { ingelogdAls, type TestBrowser } from '../../../test/browser.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { insertLopendeTegenprestatie } from '../../../test/factories/uitvoering.ts';
import { createAuthService, systeemActor } from '../auth/index.ts';
import { createLogboekService } from '../logboek/index.ts';

let t: TestApp;
let A: string;
let km: TestGebruiker;
let kmB: TestGebruiker;
let tl: TestGebruiker;
let fb: TestGebruiker;
let nm: TestGebruiker;
let kmBrowser: TestBrowser;
let lopend: { id: string; klantId: string };
let tokens: Record<'km' | 'kmB' | 'nm' | 'tl' | 'fb', string>;

async function api(
  token: string | undefined,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
  accept?: string,
) {
  return t.app.inject({
    method,
    url,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(accept ? { accept } : {}),
    },
    ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const g = await insertGemeente(t.db.app, { naam: 'Aardam', code: 'GM9931' });
  const dienstId = g.dienstId;
  A = g.gemeenteId;
  const B = (await insertGemeente(t.db.app, { dienstId, naam: 'Bergdorp', code: 'GM9932' })).gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const t1 = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const tB = (await insertTeam(t.db.app, { dienstId, gemeenten: [B] })).teamId;
  km = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [A], teams: [t1] });
  kmB = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [B], teams: [tB] });
  tl = await insertGebruiker(t.db.app, { dienstId, rol: 'teamleider', gemeenten: [A], teams: [t1] });
  fb = await insertGebruiker(t.db.app, { dienstId, rol: 'functioneel-beheerder', gemeenten: [A] });
  nm = await insertGebruiker(t.db.app, { dienstId, rol: 'netwerkmakelaar', gemeenten: [A] });
  // Started 2026-09-07: the page's dates (today) fall inside the period.
  lopend = await insertLopendeTegenprestatie(t.db.app, {
    km: actorVan(km, { gemeenten: [A], teams: [t1] }),
    gemeenteId: A,
    startdatum: '2026-09-07',
    einddatum: '2027-09-03',
  });
  kmBrowser = await ingelogdAls(t.app, km);
  const auth = createAuthService({ db: t.db.app, config: t.config });
  const token = async (u: TestGebruiker) =>
    (await auth.createApiTokenVoorEmail(systeemActor('test'), { email: u.email, naam: 'test' })).token;
  tokens = {
    km: await token(km),
    kmB: await token(kmB),
    nm: await token(nm),
    tl: await token(tl),
    fb: await token(fb),
  };
});

describe('Uitvoering page (without JavaScript)', () => {
  it('registers a week of hours; invalid input re-renders with 422 and keeps what was typed', async () => {
    const url = `/tegenprestaties/${lopend.id}/uitvoering`;
    const pagina = await kmBrowser.get(`${url}?week=2026-10-05`);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('Uren van de week van 5 oktober 2026');
    const dagen = (waarden: string[]) =>
      Object.fromEntries(
        waarden.flatMap((u, i) => [
          [`dag.${i}.datum`, `2026-10-${String(5 + i).padStart(2, '0')}`],
          [`dag.${i}.uren`, u],
          [`dag.${i}.afwezig`, ''],
          [`dag.${i}.toelichting`, ''],
        ]),
      );
    const fout = await kmBrowser.post(`${url}/uren`, { ...dagen(['4', '25', '', '', '', '', '']) });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('Er is een probleem');
    expect(fout.body).toContain('Een dag heeft hoogstens 24 uur.');
    expect(fout.body).toContain('href="#uren-dagen-1-uren"');
    expect(fout.body).toMatch(/id="uren-dagen-1-uren"[^>]*value="25"|value="25"[^>]*id="uren-dagen-1-uren"/);
    const ok = await kmBrowser.post(`${url}/uren`, {
      ...dagen(['4', '3,5', '', '', '', '', '']),
      'dag.2.afwezig': 'ziek',
    });
    expect(ok.statusCode).toBe(303);
    const na = await kmBrowser.get(String(ok.headers.location));
    expect(na.body).toContain('De uren zijn opgeslagen.');
    expect(na.body).toContain('Ziek');
    expect(na.body).toContain('3,5');
  });

  it('an evaluation, then the final evaluation ends it (422 keeps input when the reason is missing)', async () => {
    const url = `/tegenprestaties/${lopend.id}/uitvoering`;
    const evaluatie = {
      datum: '2026-11-02',
      stemKlant: 'Ik vind het leuk werk.',
      visieOrganisatie: 'Betrouwbaar.',
      conclusie: 'Doorgaan.',
    };
    const geenBesluit = await kmBrowser.post(`${url}/evaluatie`, evaluatie);
    expect(geenBesluit.statusCode).toBe(422);
    expect(geenBesluit.body).toContain('Ik vind het leuk werk.');
    expect(
      (await kmBrowser.post(`${url}/evaluatie`, { ...evaluatie, besluit: 'voortzetten' })).statusCode,
    ).toBe(303);
    const eind = { ...evaluatie, datum: '2026-11-16', vervolg: 'betaald-werk', afloop: 'beeindigd' };
    const zonderReden = await kmBrowser.post(`${url}/eindevaluatie`, eind);
    expect(zonderReden.statusCode).toBe(422);
    expect(zonderReden.body).toContain('Kies waarom de tegenprestatie eerder stopt.');
    const klaar = await kmBrowser.post(`${url}/eindevaluatie`, {
      ...eind,
      beeindigingReden: 'werk-gevonden',
    });
    expect(klaar.statusCode).toBe(303);
    const na = await kmBrowser.get(String(klaar.headers.location));
    expect(na.body).toContain('Eindevaluatie van 16 november 2026');
    expect(na.body).toContain('Beëindigd (Werk gevonden)');
    expect(na.body).not.toContain('Uren opslaan');
  });

  it('actors who may not: other roles 403, another municipality 404', async () => {
    const url = `/tegenprestaties/${lopend.id}/uitvoering`;
    const nmB = await ingelogdAls(t.app, nm);
    expect((await nmB.get(url)).statusCode).toBe(403);
    expect((await nmB.post(`${url}/uren`, {})).statusCode).toBe(403);
    expect((await nmB.post(`${url}/evaluatie`, {})).statusCode).toBe(403);
    expect((await nmB.post(`${url}/eindevaluatie`, {})).statusCode).toBe(403);
    const ander = await ingelogdAls(t.app, kmB);
    expect((await ander.get(url)).statusCode).toBe(404);
    expect(
      (await ander.post(`${url}/uren`, { 'dag.0.datum': '2026-10-05', 'dag.0.uren': '1' })).statusCode,
    ).toBe(404);
    expect((await kmBrowser.get('/rapportages/cbs-tegenprestatie')).statusCode).toBe(403);
    expect(
      (await kmBrowser.get(`/rapportages/cbs-tegenprestatie/csv?gemeenteId=${A}&maand=2026-10`)).statusCode,
    ).toBe(403);
  });
});

describe('hours are never overwritten silently (page and API)', () => {
  const dag = (i: number, uren: string, versie = '') => ({
    [`dag.${i}.datum`]: `2026-11-${String(9 + i).padStart(2, '0')}`,
    [`dag.${i}.uren`]: uren,
    [`dag.${i}.afwezig`]: '',
    [`dag.${i}.toelichting`]: '',
    [`dag.${i}.versie`]: versie,
  });
  const leegBehalve = (dagen: Record<string, string>) => ({
    ...Object.assign({}, ...Array.from({ length: 7 }, (_, i) => dag(i, ''))),
    ...dagen,
  });

  it('a past week opens with what is stored; saving it unchanged changes nothing; an emptied day is removed with its history', async () => {
    const p = await insertLopendeTegenprestatie(t.db.app, {
      km: actorVan(km, { gemeenten: [A] }),
      gemeenteId: A,
      klantId: lopend.klantId,
    });
    const url = `/tegenprestaties/${p.id}/uitvoering`;
    const eerst = await kmBrowser.post(`${url}/uren`, leegBehalve({ ...dag(0, '4'), ...dag(2, '3,5') }));
    expect(eerst.statusCode).toBe(303);
    expect(String(eerst.headers.location)).toContain('week=2026-11-09');
    // The week shows the stored hours with their versions.
    const week = await kmBrowser.get(`${url}?week=2026-11-11`);
    expect(week.body).toContain('Uren van de week van 9 november 2026');
    expect(week.body).toMatch(/name="dag\.0\.uren"[^>]*value="4"|value="4"[^>]*name="dag\.0\.uren"/);
    expect(week.body).toMatch(/name="dag\.2\.uren"[^>]*value="3,5"|value="3,5"[^>]*name="dag\.2\.uren"/);
    expect(week.body).toMatch(/name="dag\.0\.versie" value="1"/);
    const cbs = async () =>
      (await api(tokens.tl, 'GET', `/api/v1/gemeenten/${A}/cbs-tegenprestatie?maand=2026-11`)).json();
    const cbsVoor = await cbs();
    // Saving the form as shown: nothing changes.
    const zelfde = await kmBrowser.post(
      `${url}/uren`,
      leegBehalve({ ...dag(0, '4', '1'), ...dag(2, '3,5', '1') }),
    );
    expect(zelfde.statusCode).toBe(303);
    expect((await kmBrowser.get(String(zelfde.headers.location))).body).toContain('Er is niets gewijzigd');
    expect(await cbs()).toEqual(cbsVoor);
    // The old empty form (no versions) with Monday typed again as 0: refused with what is stored, kept as typed.
    const oud = await kmBrowser.post(`${url}/uren`, leegBehalve(dag(0, '0')));
    expect(oud.statusCode).toBe(422);
    expect(oud.body).toContain('Op 9 november 2026 staat al 4 uur');
    expect(oud.body).toMatch(/name="dag\.0\.uren"[^>]*value="0"|value="0"[^>]*name="dag\.0\.uren"/);
    // The re-rendered form now knows the stored version: saving it again is a deliberate change.
    expect(oud.body).toMatch(/name="dag\.0\.versie" value="1"/);
    expect(await cbs()).toEqual(cbsVoor);
    // Emptying Wednesday removes it; the history shows the previous value, who and how.
    const weg = await kmBrowser.post(`${url}/uren`, leegBehalve({ ...dag(0, '4', '1'), ...dag(2, '', '1') }));
    expect(weg.statusCode).toBe(303);
    const na = await kmBrowser.get(String(weg.headers.location));
    expect(na.body).toContain('De uren zijn opgeslagen.');
    expect(na.body).toContain('Wijzigingen van de uren');
    expect(na.body).toMatch(
      /Verwijderd<\/td><td[^>]*>3,5 uur<\/td><td[^>]*>–<\/td><td[^>]*>[^<]+<\/td><td[^>]*>Weekformulier/,
    );
  });

  it('the page shows the date and day-part rules next to the day (422)', async () => {
    const p = await insertLopendeTegenprestatie(t.db.app, {
      km: actorVan(km, { gemeenten: [A] }),
      gemeenteId: A,
      klantId: lopend.klantId,
    });
    const url = `/tegenprestaties/${p.id}/uitvoering`;
    const teVeel = await kmBrowser.post(`${url}/uren`, leegBehalve({ ...dag(0, '4'), ...dag(2, '4,25') }));
    expect(teVeel.statusCode).toBe(422);
    expect(teVeel.body).toContain('In de week van 9 november 2026 komen de uren op 8,25.');
    expect(teVeel.body).toContain('href="#uren-dagen-0-uren"');
    const overmorgen = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const toekomst = await kmBrowser.post(`${url}/uren`, {
      ...leegBehalve({}),
      'dag.0.datum': overmorgen,
      'dag.0.uren': '1',
    });
    expect(toekomst.statusCode).toBe(422);
    expect(toekomst.body).toContain('ligt in de toekomst');
  });

  it('API: a stored day is changed or removed only with its version (409 otherwise); the history is listed', async () => {
    const p = await insertLopendeTegenprestatie(t.db.app, {
      km: actorVan(km, { gemeenten: [A] }),
      gemeenteId: A,
    });
    const uren = `/api/v1/tegenprestaties/${p.id}/uren`;
    expect(
      (await api(tokens.km, 'POST', uren, { dagen: [{ datum: '2026-11-16', uren: 2 }] })).statusCode,
    ).toBe(201);
    // The same again: nothing to overwrite, 201 with the same rows.
    const opnieuw = await api(tokens.km, 'POST', uren, { dagen: [{ datum: '2026-11-16', uren: 2 }] });
    expect(opnieuw.statusCode).toBe(201);
    expect(opnieuw.json()).toMatchObject([{ uren: 2, versie: 1, bron: 'api' }]);
    const anders = await api(tokens.km, 'POST', uren, { dagen: [{ datum: '2026-11-16', uren: 3 }] });
    expect(anders.statusCode).toBe(409);
    expect(anders.headers['content-type']).toContain('application/problem+json');
    expect(anders.json().invalidParams).toEqual([
      { name: '/dagen/0/datum', reason: expect.stringContaining('staat al 2 uur') },
    ]);
    const metVersie = await api(tokens.tl, 'POST', uren, {
      dagen: [{ datum: '2026-11-16', uren: 3, versie: 1 }],
    });
    expect(metVersie.json()).toMatchObject([{ uren: 3, versie: 2 }]);
    const zonderVersie = await api(tokens.km, 'POST', uren, {
      dagen: [{ datum: '2026-11-16', verwijderen: true }],
    });
    expect(zonderVersie.statusCode).toBe(400);
    expect(zonderVersie.json().invalidParams).toEqual([
      { name: '/dagen/0/versie', reason: expect.any(String) },
    ]);
    const overmorgen = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const toekomst = await api(tokens.km, 'POST', uren, { dagen: [{ datum: overmorgen, uren: 1 }] });
    expect(toekomst.statusCode).toBe(400);
    expect(toekomst.json().invalidParams[0].reason).toContain('ligt in de toekomst');
    const wijzigingen = await api(tokens.km, 'GET', `/api/v1/tegenprestaties/${p.id}/uren-wijzigingen`);
    expect(wijzigingen.statusCode).toBe(200);
    expect(wijzigingen.json()).toMatchObject([
      { soort: 'gewijzigd', vorige: { uren: 2 }, nieuw: { uren: 3 }, bron: 'api' },
      { soort: 'nieuw', vorige: null, nieuw: { uren: 2 }, bron: 'api' },
    ]);
    expect(
      (await api(tokens.kmB, 'GET', `/api/v1/tegenprestaties/${p.id}/uren-wijzigingen`)).statusCode,
    ).toBe(404);
    expect((await api(tokens.nm, 'GET', `/api/v1/tegenprestaties/${p.id}/uren-wijzigingen`)).statusCode).toBe(
      403,
    );
  });
});

describe('lifecycle on the placement page and through the API', () => {
  // A client of its own each (a start after 7 December needs an evaluation date after the start).
  const overeengekomen = (startdatum: string) =>
    insertLopendeTegenprestatie(t.db.app, {
      km: actorVan(km, { gemeenten: [A] }),
      gemeenteId: A,
      startdatum,
      evaluatiedata: ['2027-02-01'],
      tot: 'overeengekomen',
    });

  it('shows the next steps and starts by hand; a back-step needs a reason (422 keeps the form)', async () => {
    const p = await overeengekomen('2026-11-30');
    const url = `/tegenprestaties/${p.id}/uitvoering`;
    const pagina = await kmBrowser.get(url);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('Volgende stappen');
    expect(pagina.body).toContain('Start de tegenprestatie');
    expect(pagina.body).toContain('Zet terug naar ontwerp');
    expect(pagina.body).toContain('Beëindig vóór de start');
    expect(pagina.body).not.toContain('geen vervolgstappen');
    // The design page points to these steps instead of a dead end.
    const ontwerpPagina = await kmBrowser.get(`/tegenprestaties/${p.id}`);
    expect(ontwerpPagina.body).toContain('staan op de pagina');
    expect(ontwerpPagina.body).toContain(`href="/tegenprestaties/${p.id}/uitvoering"`);
    expect(ontwerpPagina.body).not.toContain('geen vervolgstappen');
    const start = await kmBrowser.post(`${url}/stap`, { stap: 'starten' });
    expect(start.statusCode).toBe(303);
    const na = await kmBrowser.get(String(start.headers.location));
    expect(na.body).toContain('De tegenprestatie is gestart.');
    expect(na.body).toContain('Uren opslaan');

    const q = await overeengekomen('2026-11-30');
    const qUrl = `/tegenprestaties/${q.id}/uitvoering`;
    const zonder = await kmBrowser.post(`${qUrl}/stap`, { stap: 'terug-naar-ontwerp', reden: '' });
    expect(zonder.statusCode).toBe(422);
    expect(zonder.body).toContain('Er is een probleem');
    expect(zonder.body).toContain('href="#stap-terug-naar-ontwerp-reden"');
    expect(zonder.body).toContain('Schrijf op waarom.');
    const terug = await kmBrowser.post(`${qUrl}/stap`, {
      stap: 'terug-naar-ontwerp',
      reden: 'Klant verhuist.',
    });
    expect(terug.statusCode).toBe(303);
    const ontwerp = await kmBrowser.get(String(terug.headers.location));
    expect(ontwerp.body).toContain('De tegenprestatie staat weer op ontwerp.');
    expect(ontwerp.body).toContain('Naar het ontwerp');
  });

  it('a placement that has ended says why there is no step', async () => {
    const p = await overeengekomen('2027-01-04');
    const url = `/tegenprestaties/${p.id}/uitvoering`;
    expect((await kmBrowser.get(url)).body).toContain('Starten kan vanaf de startdatum, 4 januari 2027.');
    const weg = await kmBrowser.post(`${url}/stap`, {
      stap: 'beeindigen-voor-start',
      reden: 'Werk gevonden.',
      beeindigingReden: 'werk-gevonden',
    });
    expect(weg.statusCode).toBe(303);
    const na = await kmBrowser.get(String(weg.headers.location));
    expect(na.body).toContain('De tegenprestatie is beëindigd: er volgen geen stappen meer.');
  });

  it('API: 200 with the moved placement, 422 saying why, 400 for a missing reason, 403/404 for who may not', async () => {
    const p = await overeengekomen('2027-01-04');
    const url = `/api/v1/tegenprestaties/${p.id}/levensloop`;
    const te = await api(tokens.km, 'POST', url, { stap: 'starten' });
    expect(te.statusCode).toBe(422);
    expect(te.headers['content-type']).toContain('application/problem+json');
    expect(te.json().detail ?? te.json().title).toBeTruthy();
    expect(JSON.stringify(te.json())).toContain('4 januari 2027');
    expect((await api(tokens.km, 'POST', url, { stap: 'terug-naar-ontwerp' })).statusCode).toBe(400);
    expect((await api(tokens.nm, 'POST', url, { stap: 'starten' })).statusCode).toBe(403);
    expect((await api(tokens.kmB, 'POST', url, { stap: 'starten' })).statusCode).toBe(404);
    const ok = await api(tokens.tl, 'POST', url, { stap: 'terug-naar-ontwerp', reden: 'Nog niet rijp.' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id: p.id, status: 'ontwerp' });
  });
});

describe('API', () => {
  it('hours and evaluations: 201 for the caseworker, 400 with field pointers, 403/404 for who may not', async () => {
    const p = await insertLopendeTegenprestatie(t.db.app, {
      km: actorVan(km, { gemeenten: [A] }),
      gemeenteId: A,
    });
    const uren = `/api/v1/tegenprestaties/${p.id}/uren`;
    const post = await api(tokens.km, 'POST', uren, { dagen: [{ datum: '2026-10-06', uren: 2.5 }] });
    expect(post.statusCode).toBe(201);
    expect(post.json()).toMatchObject([{ datum: '2026-10-06', uren: 2.5, afwezig: null }]);
    const fout = await api(tokens.km, 'POST', uren, { dagen: [{ datum: '2026-09-01', uren: 2 }] });
    expect(fout.statusCode).toBe(400);
    expect(fout.json().invalidParams).toEqual([
      { name: '/dagen/0/datum', reason: expect.stringContaining('vóór de startdatum') },
    ]);
    expect((await api(tokens.tl, 'GET', uren)).json()).toHaveLength(1);
    const evaluaties = `/api/v1/tegenprestaties/${p.id}/evaluaties`;
    const e = await api(tokens.tl, 'POST', evaluaties, {
      datum: '2026-11-02',
      stemKlant: 'Prima.',
      conclusie: 'Aanpassen: minder uren.',
      besluit: 'aanpassen',
    });
    expect(e.statusCode).toBe(201);
    expect((await api(tokens.km, 'GET', evaluaties)).json()).toMatchObject([{ besluit: 'aanpassen' }]);
    for (const [token, status] of [
      [tokens.nm, 403],
      [tokens.fb, 403],
      [tokens.kmB, 404],
      [undefined, 401],
    ] as const) {
      expect((await api(token, 'GET', uren)).statusCode).toBe(status);
      expect((await api(token, 'POST', uren, { dagen: [{ datum: '2026-10-07', uren: 1 }] })).statusCode).toBe(
        status,
      );
      expect((await api(token, 'GET', evaluaties)).statusCode).toBe(status);
      expect(
        (
          await api(token, 'POST', evaluaties, {
            datum: '2026-11-02',
            stemKlant: 'x',
            conclusie: 'y',
            besluit: 'voortzetten',
          })
        ).statusCode,
      ).toBe(status);
    }
  });

  it('CBS export: JSON and CSV for teamleider and functioneel beheerder; not for others', async () => {
    const url = `/api/v1/gemeenten/${A}/cbs-tegenprestatie?maand=2026-10`;
    const json = await api(tokens.tl, 'GET', url);
    expect(json.statusCode).toBe(200);
    expect(json.json()).toContainEqual(
      expect.objectContaining({ klantId: lopend.klantId, uitvoering: 'ja' }),
    );
    const csv = await api(tokens.fb, 'GET', url, undefined, 'text/csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toMatch(
      /^gemeentecode;maand;klantnummer;uitvoering_tegenprestatie;uren\r\nGM9931;2026-10;/,
    );
    expect((await api(tokens.km, 'GET', url)).statusCode).toBe(403);
    expect((await api(tokens.nm, 'GET', url)).statusCode).toBe(403);
    expect(
      (await api(tokens.tl, 'GET', `/api/v1/gemeenten/${A}/cbs-tegenprestatie?maand=2026-13`)).statusCode,
    ).toBe(400);
    const tlB = await ingelogdAls(t.app, tl);
    const pagina = await tlB.get(`/rapportages/cbs-tegenprestatie?gemeenteId=${A}&maand=2026-10`);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('Download als CSV');
    const download = await tlB.get(`/rapportages/cbs-tegenprestatie/csv?gemeenteId=${A}&maand=2026-10`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toContain(';J;');
  });
});
