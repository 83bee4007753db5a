import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { ingelogdAls, TestBrowser } from '../../../test/browser.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { withContext } from '../../db/context.ts';
import { systeemActor } from '../auth/index.ts';
import { createLogboekService } from '../logboek/index.ts';

let t: TestApp;
let dienstId: string;
let aardam: string;
let bergdorp: string;
let teamA: string;
let beheerA: TestGebruiker;
let klantmanager: TestGebruiker;
/** A user of Bergdorp only: out of reach for the beheerder of Aardam. */
let alleenB: TestGebruiker;
let fb: TestBrowser;

const csrfFout = /formulier is verlopen/;

beforeAll(async () => {
  t = await createTestApp();
  const a = await insertGemeente(t.db.app, { naam: 'Aardam', code: 'GM9901' });
  dienstId = a.dienstId;
  aardam = a.gemeenteId;
  bergdorp = (await insertGemeente(t.db.app, { dienstId, naam: 'Bergdorp', code: 'GM9902' })).gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  teamA = (await insertTeam(t.db.app, { dienstId, naam: 'Team Aardam', gemeenten: [aardam] })).teamId;
  beheerA = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'functioneel-beheerder',
    naam: 'Femke Bakker',
    gemeenten: [aardam],
  });
  klantmanager = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'klantmanager',
    gemeenten: [aardam],
    teams: [teamA],
  });
  alleenB = await insertGebruiker(t.db.app, { dienstId, rol: 'netwerkmakelaar', gemeenten: [bergdorp] });
  fb = await ingelogdAls(t.app, beheerA);
});

const routes = () => {
  const id = klantmanager.gebruikerId;
  return {
    get: [
      '/beheer/gemeenten',
      '/beheer/gemeenten/nieuw',
      `/beheer/gemeenten/${aardam}`,
      '/beheer/teams',
      '/beheer/teams/nieuw',
      `/beheer/teams/${teamA}`,
      '/beheer/gebruikers',
      '/beheer/gebruikers/nieuw',
      `/beheer/gebruikers/${id}`,
    ],
    post: [
      '/beheer/gemeenten',
      `/beheer/gemeenten/${aardam}`,
      '/beheer/teams',
      `/beheer/teams/${teamA}`,
      '/beheer/gebruikers',
      `/beheer/gebruikers/${id}`,
      `/beheer/gebruikers/${id}/uitzetten`,
      `/beheer/gebruikers/${id}/aanzetten`,
      `/beheer/gebruikers/${id}/uitnodiging`,
      `/beheer/gebruikers/${id}/tweestapsverificatie`,
    ],
  };
};

describe('who may use the beheer pages', () => {
  it('sends an anonymous visitor to the login page', async () => {
    const anoniem = new TestBrowser(t.app);
    for (const url of routes().get) {
      const res = await anoniem.get(url);
      expect([url, res.statusCode, res.headers.location]).toEqual([url, 303, '/']);
    }
    for (const url of routes().post) {
      const res = await anoniem.post(url, { naam: 'X' });
      expect([url, res.statusCode, res.headers.location]).toEqual([url, 303, '/']);
    }
  });

  it('refuses a klantmanager with 403 on every page and form', async () => {
    const km = await ingelogdAls(t.app, klantmanager);
    for (const url of routes().get) expect([url, (await km.get(url)).statusCode]).toEqual([url, 403]);
    for (const url of routes().post)
      expect([url, (await km.post(url, { naam: 'X', code: 'GM9999' })).statusCode]).toEqual([url, 403]);
    // Nothing changed.
    const [g] = await withContext(t.db.app, systeemActor('test'), (tx) =>
      tx.selectFrom('gebruiker').select('isActief').where('id', '=', klantmanager.gebruikerId).execute(),
    );
    expect(g?.isActief).toBe(true);
  });

  it('refuses a form post without the CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/beheer/gemeenten',
      headers: { cookie: [...fb.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      payload: { naam: 'Zonder token', code: 'GM9990' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toMatch(csrfFout);
  });

  it('shows the menu entries to the functioneel beheerder only', async () => {
    const res = await fb.get('/beheer/gebruikers');
    expect(res.body).toContain('href="/beheer/teams"');
    expect(res.body).toContain('href="/beheer/gemeenten"');
    const km = await ingelogdAls(t.app, klantmanager);
    expect((await km.get('/')).body).not.toContain('href="/beheer/gebruikers"');
  });

  it('answers 404 for a municipality, team or user outside the beheerder’s municipalities, and for a bad id', async () => {
    expect((await fb.get(`/beheer/gemeenten/${bergdorp}`)).statusCode).toBe(404);
    const teamB = (await insertTeam(t.db.app, { dienstId, gemeenten: [bergdorp] })).teamId;
    expect((await fb.get(`/beheer/teams/${teamB}`)).statusCode).toBe(404);
    expect((await fb.get(`/beheer/gebruikers/${alleenB.gebruikerId}`)).statusCode).toBe(404);
    expect((await fb.post(`/beheer/gebruikers/${alleenB.gebruikerId}/uitzetten`)).statusCode).toBe(404);
    expect((await fb.get('/beheer/gebruikers/geen-uuid')).statusCode).toBe(404);
    const lijst = await fb.get('/beheer/gebruikers');
    expect(lijst.body).not.toContain(alleenB.email);
    expect((await fb.get('/beheer/gemeenten')).body).not.toContain('Bergdorp');
  });
});

describe('municipalities', () => {
  it('lists the beheerder’s municipalities in a table with a caption', async () => {
    const res = await fb.get('/beheer/gemeenten');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<caption class="utrecht-table__caption" id="[^"]+">Uw gemeenten/);
    expect(res.body).toContain('GM9901');
  });

  it('re-renders an invalid form with 422, an error summary, field messages and the input', async () => {
    const res = await fb.post('/beheer/gemeenten', { naam: 'Cranendonck', code: 'XX12' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Er is een probleem');
    expect(res.body).toContain('href="#code"');
    expect(res.body).toContain('Vul een gemeentecode in zoals GM0363');
    expect(res.body).toContain('value="Cranendonck"');
    expect(res.body).toContain('value="XX12"');
    expect(res.body).toContain('aria-invalid="true"');
  });

  it('creates a municipality (303) and edits it', async () => {
    const res = await fb.post('/beheer/gemeenten', { naam: 'Cranendonck', code: 'GM9903' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/beheer/gemeenten?melding=aangemaakt');
    // The creator is assigned to it: after signing in again (fresh assignments) it is in the list.
    const opnieuw = await ingelogdAls(t.app, beheerA);
    const lijst = await opnieuw.get(res.headers.location as string);
    expect(lijst.body).toContain('Aangemaakt.');
    const id = /href="\/beheer\/gemeenten\/([0-9a-f-]{36})">Cranendonck</.exec(lijst.body)?.[1];
    expect(id).toBeDefined();
    const edit = await opnieuw.get(`/beheer/gemeenten/${id}`);
    expect(edit.body).toContain('Deze gemeente heeft nog geen wijken.');
    const opslaan = await opnieuw.post(`/beheer/gemeenten/${id}`, {
      naam: 'Cranendonck-Zuid',
      code: 'GM9903',
    });
    expect(opslaan.statusCode).toBe(303);
    expect((await opnieuw.get('/beheer/gemeenten')).body).toContain('Cranendonck-Zuid');
    const dubbel = await opnieuw.post(`/beheer/gemeenten/${id}`, { naam: 'Dubbel', code: 'GM9901' });
    expect(dubbel.statusCode).toBe(422);
    expect(dubbel.body).toContain('Er bestaat al een gemeente met code GM9901.');
  });
});

describe('teams', () => {
  it('creates a team and changes its name', async () => {
    const fout = await fb.post('/beheer/teams', { naam: '' });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('Kies minstens één gemeente die het team bedient.');
    expect(fout.body).toContain(`href="#gemeenteIds-${aardam}"`);
    const res = await fb.post('/beheer/teams', { naam: 'Team Noord', gemeenteIds: aardam });
    expect(res.statusCode).toBe(303);
    const lijst = await fb.get('/beheer/teams');
    const id = /href="\/beheer\/teams\/([0-9a-f-]{36})">Team Noord</.exec(lijst.body)?.[1];
    expect(id).toBeDefined();
    expect(
      (await fb.post(`/beheer/teams/${id}`, { naam: 'Team Noord-Oost', gemeenteIds: aardam })).statusCode,
    ).toBe(303);
    expect((await fb.get('/beheer/teams')).body).toContain('Team Noord-Oost');
    const buiten = await fb.post(`/beheer/teams/${id}`, { naam: 'Team Noord-Oost', gemeenteIds: bergdorp });
    expect(buiten.statusCode).toBe(422);
    expect(buiten.body).toContain('Kies alleen gemeenten die u zelf beheert.');
  });
});

describe('users', () => {
  it('creates a user and shows the invitation link once', async () => {
    const fout = await fb.post('/beheer/gebruikers', {
      naam: 'Joris',
      email: 'joris',
      rol: 'klantmanager',
      gemeenteIds: aardam,
    });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('Vul een geldig e-mailadres in');
    expect(fout.body).toContain('Een klantmanager hoort bij precies één team.');
    expect(fout.body).toContain('value="joris"');
    expect(fout.body).toMatch(/<option value="klantmanager" selected="">/);

    const res = await fb.post('/beheer/gebruikers', {
      naam: 'Joris Smit',
      email: 'joris.smit@aardam.nl',
      rol: 'klantmanager',
      teamIds: teamA,
      gemeenteIds: aardam,
    });
    expect(res.statusCode).toBe(303);
    const pagina = await fb.get(res.headers.location as string);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('Uitnodigingslink');
    expect(pagina.body).toMatch(/\/uitnodiging\/[A-Za-z0-9_-]{20,}/);
    const nogEens = await fb.get((res.headers.location as string).split('?')[0]!);
    expect(nogEens.body).not.toMatch(/\/uitnodiging\/[A-Za-z0-9_-]{20,}/);
    expect((await fb.get('/beheer/gebruikers')).body).toContain('joris.smit@aardam.nl');
  });

  it('edits role, teams and municipalities; turns the account off and on; makes a new invitation', async () => {
    const g = await insertGebruiker(t.db.app, { dienstId, rol: 'netwerkmakelaar', gemeenten: [aardam] });
    const url = `/beheer/gebruikers/${g.gebruikerId}`;
    const opslaan = await fb.post(url, {
      naam: 'Nieuwe Naam',
      email: g.email,
      rol: 'teamleider',
      teamIds: teamA,
      gemeenteIds: aardam,
    });
    expect(opslaan.statusCode).toBe(303);
    const lijst = await fb.get('/beheer/gebruikers');
    expect(lijst.body).toContain('Nieuwe Naam');
    expect(lijst.body).toContain('Teamleider');

    expect((await fb.post(`${url}/uitzetten`)).headers.location).toBe(`${url}?melding=uitgezet`);
    const uit = await fb.get(`${url}?melding=uitgezet`);
    expect(uit.body).toContain('Het account staat uit.');
    expect(uit.body).toContain('Account weer aanzetten');
    // A deactivated account cannot sign in.
    expect((await new TestBrowser(t.app).login(g)).headers.location).not.toBe('/');
    expect((await fb.post(`${url}/aanzetten`)).statusCode).toBe(303);
    expect((await ingelogdAls(t.app, g)).cookies.size).toBeGreaterThan(0);

    const uitnodiging = await fb.post(`${url}/uitnodiging`);
    expect(uitnodiging.statusCode).toBe(303);
    expect((await fb.get(url)).body).toMatch(/\/uitnodiging\/[A-Za-z0-9_-]{20,}/);
  });

  it('turns off the two-step verification of a user who lost their phone', async () => {
    const g = await insertGebruiker(t.db.app, {
      dienstId,
      rol: 'netwerkmakelaar',
      gemeenten: [aardam],
      totpGeheim: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    });
    const url = `/beheer/gebruikers/${g.gebruikerId}`;
    expect((await fb.get(url)).body).toContain('Tweestapsverificatie uitzetten');
    const res = await fb.post(`${url}/tweestapsverificatie`);
    expect(res.headers.location).toBe(`${url}?melding=tweestap-uit`);
    const pagina = await fb.get(res.headers.location as string);
    expect(pagina.body).toContain('De tweestapsverificatie staat uit');
    expect(pagina.body).not.toContain('Tweestapsverificatie uitzetten');
    const [rij] = await withContext(t.db.app, systeemActor('test'), (tx) =>
      tx.selectFrom('gebruiker').select('totpGeheim').where('id', '=', g.gebruikerId).execute(),
    );
    expect(rij?.totpGeheim).toBeNull();
  });

  it('does not offer turning off one’s own account, and refuses it', async () => {
    const eigen = await fb.get(`/beheer/gebruikers/${beheerA.gebruikerId}`);
    expect(eigen.body).toContain('U kunt uw eigen account niet uitzetten.');
    expect(eigen.body).not.toContain('Account uitzetten');
    expect((await fb.post(`/beheer/gebruikers/${beheerA.gebruikerId}/uitzetten`)).statusCode).toBe(422);
  });
});
