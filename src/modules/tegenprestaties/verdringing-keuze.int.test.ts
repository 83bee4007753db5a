import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { ingelogdAls, type TestBrowser } from '../../../test/browser.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { maakKlant } from '../../../test/factories/klanten.ts';
import { maakActiviteit, maakOrganisatie, maakToets } from '../../../test/factories/netwerk.ts';
import { uitvoeringDiensten } from '../../../test/factories/uitvoering.ts';
import { createAuthService, systeemActor } from '../auth/index.ts';
import { createLogboekService } from '../logboek/index.ts';

// Displacement at the door (issue 14 part B): an activity whose assessment concluded verdringing, or whose
// assessment lapsed, cannot be chosen for a design at all — the form does not offer it and refuses it (422, the
// Dutch message), the API answers problem+json — not only at toetsing.

let t: TestApp;
let A: string;
let kmBrowser: TestBrowser;
let tokens: Record<'km' | 'nm', string>;
let klant: string;
let goed: string;
let verdringing: string;
let vervallen: string;
const titels: Record<string, string> = {};

const api = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: {
      authorization: `Bearer ${token}`,
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
  });

beforeAll(async () => {
  t = await createTestApp();
  const g = await insertGemeente(t.db.app, { naam: 'Aardam' });
  const dienstId = g.dienstId;
  A = g.gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const team = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const km: TestGebruiker = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'klantmanager',
    gemeenten: [A],
    teams: [team],
  });
  const nm = await insertGebruiker(t.db.app, { dienstId, rol: 'netwerkmakelaar', gemeenten: [A] });
  const d = uitvoeringDiensten(t.db.app);
  const nmActor = actorVan(nm, { gemeenten: [A] });
  const org = (await d.netwerk.createOrganisatie(nmActor, maakOrganisatie({ gemeenteIds: [A] }))).id;
  const activiteit = async (titel: string, conclusie: 'geen-risico' | 'verdringing') => {
    const invoer = maakActiviteit({ gemeenteIds: [A], organisatieId: org, titel });
    const id = (await d.netwerk.createActiviteit(nmActor, invoer)).id;
    await d.netwerk.createVerdringingstoets(nmActor, id, maakToets({ conclusie }));
    titels[id] = titel;
    return { id, invoer };
  };
  goed = (await activiteit('Koffie schenken in het buurthuis', 'geen-risico')).id;
  verdringing = (await activiteit('Schoonmaken van de kantine', 'verdringing')).id;
  const v = await activiteit('Balie van de bibliotheek', 'geen-risico');
  vervallen = v.id;
  // A material change after the assessment: the assessment lapses.
  await d.netwerk.updateActiviteit(nmActor, vervallen, {
    ...v.invoer,
    taken: 'Boeken uitlenen\nKassa bedienen',
  });
  klant = (
    await d.klanten.createKlant(
      actorVan(km, { gemeenten: [A], teams: [team] }),
      maakKlant({ gemeenteId: A, belastbaarheid: { maxUrenPerWeek: 16 } }),
    )
  ).id;
  kmBrowser = await ingelogdAls(t.app, km);
  const auth = createAuthService({ db: t.db.app, config: t.config });
  const token = async (u: TestGebruiker) =>
    (await auth.createApiTokenVoorEmail(systeemActor('test'), { email: u.email, naam: 'test' })).token;
  tokens = { km: await token(km), nm: await token(nm) };
});

describe('an activity ruled out by its displacement assessment cannot be chosen', () => {
  it('API: a new design with such an activity is refused with problem+json and the Dutch reason', async () => {
    const v = await api(tokens.km, 'POST', '/api/v1/tegenprestaties', {
      klantId: klant,
      activiteitId: verdringing,
    });
    expect(v.statusCode).toBe(400);
    expect(v.headers['content-type']).toContain('application/problem+json');
    expect(v.body).toContain('blijkt verdringing van betaald werk');
    const l = await api(tokens.km, 'POST', '/api/v1/tegenprestaties', {
      klantId: klant,
      activiteitId: vervallen,
    });
    expect(l.statusCode).toBe(400);
    expect(l.body).toContain('verlopen of vervallen');
    const ok = await api(tokens.km, 'POST', '/api/v1/tegenprestaties', {
      klantId: klant,
      activiteitId: goed,
    });
    expect(ok.statusCode).toBe(201);
    // A role that may not design gets 403, whatever the activity.
    const nm = await api(tokens.nm, 'POST', '/api/v1/tegenprestaties', {
      klantId: klant,
      activiteitId: goed,
    });
    expect(nm.statusCode).toBe(403);
  });

  it('API: changing a design to such an activity is refused; the design keeps its activity', async () => {
    const { id } = (
      await api(tokens.km, 'POST', '/api/v1/tegenprestaties', { klantId: klant, activiteitId: goed })
    ).json() as { id: string };
    const r = await api(tokens.km, 'PATCH', `/api/v1/tegenprestaties/${id}`, { activiteitId: verdringing });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.body).toContain('blijkt verdringing van betaald werk');
    const na = (await api(tokens.km, 'GET', `/api/v1/tegenprestaties/${id}`)).json() as {
      activiteitId: string;
    };
    expect(na.activiteitId).toBe(goed);
    // Other fields can still be saved while the chosen activity stays.
    expect(
      (await api(tokens.km, 'PATCH', `/api/v1/tegenprestaties/${id}`, { urenPerWeek: 6 })).statusCode,
    ).toBe(200);
  });

  it('page: the form does not offer it, and a posted choice is refused with the message and the input kept', async () => {
    const { id } = (
      await api(tokens.km, 'POST', '/api/v1/tegenprestaties', { klantId: klant, activiteitId: goed })
    ).json() as { id: string };
    const pagina = await kmBrowser.get(`/tegenprestaties/${id}`);
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain(`value="${goed}"`);
    expect(pagina.body).not.toContain(`value="${verdringing}"`);
    expect(pagina.body).not.toContain(`value="${vervallen}"`);
    const post = await kmBrowser.post(`/tegenprestaties/${id}`, {
      activiteitId: verdringing,
      urenPerWeek: '7',
      versie: /name="versie" value="(\d+)"/.exec(pagina.body)?.[1] ?? '',
    });
    expect(post.statusCode).toBe(422);
    expect(post.body).toContain('blijkt verdringing van betaald werk');
    expect(post.body).toContain('value="7"');
  });
});
