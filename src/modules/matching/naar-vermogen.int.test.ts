import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { ingelogdAls, type TestBrowser } from '../../../test/browser.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { maakKlant } from '../../../test/factories/klanten.ts';
import { maakActiviteit, maakOrganisatie, maakToets } from '../../../test/factories/netwerk.ts';
import { insertLopendeTegenprestatie, uitvoeringDiensten } from '../../../test/factories/uitvoering.ts';
import { withContext } from '../../db/context.ts';
import { createAuthService, type Gebruiker, systeemActor } from '../auth/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import type { CohortToewijzing } from './cohort/cohort.schemas.ts';
import type { PassendeActiviteiten } from './matching.schemas.ts';

// Naar vermogen in matching and the cohort (issue 14 part B): the hours of the client's agreed or running designs
// count against the capacity, by the checklist's own rule; without a recorded capacity the municipality's threshold
// is not assumed, and the result says so. Through the API and the page.

let t: TestApp;
let A: string;
let km: Gebruiker;
let kmApi: string;
let tlApi: string;
let poApi: string;
let kmBrowser: TestBrowser;
let vol: string; // client with capacity 16 and a running placement of 8 hours (added during the test)
let leeg: string; // nothing recorded
let geenBeperkingen: string; // statement: no limits known
let tienUur: string; // activity asking at least 10 hours
let vierUur: string; // activity asking 4 to 8 hours

async function token(g: TestGebruiker): Promise<string> {
  return (
    await createAuthService({ db: t.db.app, config: t.config }).createApiTokenVoorEmail(
      systeemActor('test'),
      {
        email: g.email,
        naam: 'test',
      },
    )
  ).token;
}

const api = (tok: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: {
      authorization: `Bearer ${tok}`,
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
  });

const ranking = async (klantId: string): Promise<PassendeActiviteiten> => {
  const r = await api(kmApi, 'GET', `/api/v1/klanten/${klantId}/passende-activiteiten?limiet=50`);
  expect(r.statusCode).toBe(200);
  return r.json() as PassendeActiviteiten;
};
const ids = (p: PassendeActiviteiten) => p.activiteiten.map((a) => a.activiteitId);

beforeAll(async () => {
  t = await createTestApp();
  const g = await insertGemeente(t.db.app, { naam: 'Aardam' });
  const dienstId = g.dienstId;
  A = g.gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const team = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const kmG = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'klantmanager',
    gemeenten: [A],
    teams: [team],
  });
  const tlG = await insertGebruiker(t.db.app, { dienstId, rol: 'teamleider', gemeenten: [A], teams: [team] });
  const poG = await insertGebruiker(t.db.app, { dienstId, rol: 'privacy-officer', gemeenten: [A] });
  km = actorVan(kmG, { gemeenten: [A], teams: [team] });
  const d = uitvoeringDiensten(t.db.app);
  // The municipality's regular-work threshold: 8 hours (so the difference between assuming it and not shows).
  await withContext(t.db.app, systeemActor('test', dienstId), (tx) =>
    tx.insertInto('gemeenteInstelling').values({ dienstId, gemeenteId: A, regulierWerkUren: 8 }).execute(),
  );
  const systeem = systeemActor('test', dienstId);
  const organisatieId = (await d.netwerk.createOrganisatie(systeem, maakOrganisatie({ gemeenteIds: [A] })))
    .id;
  const activiteit = async (urenMin: number, urenMax: number) => {
    const id = (
      await d.netwerk.createActiviteit(
        systeem,
        maakActiviteit({ gemeenteIds: [A], organisatieId, urenMin, urenMax, plaatsen: 3 }),
      )
    ).id;
    await d.netwerk.createVerdringingstoets(systeem, id, maakToets());
    return id;
  };
  tienUur = await activiteit(10, 12);
  vierUur = await activiteit(4, 8);
  const beschikbaarheid = ['ma-ochtend', 'wo-ochtend', 'vr-ochtend'];
  vol = (
    await d.klanten.createKlant(
      km,
      maakKlant({ gemeenteId: A, beschikbaarheid, belastbaarheid: { maxUrenPerWeek: 16 } }),
    )
  ).id;
  leeg = (await d.klanten.createKlant(km, maakKlant({ gemeenteId: A, beschikbaarheid }))).id;
  geenBeperkingen = (
    await d.klanten.createKlant(
      km,
      maakKlant({
        gemeenteId: A,
        beschikbaarheid,
        belastbaarheid: { geenBeperkingenReden: 'Bij de intake geen beperkingen genoemd.' },
      }),
    )
  ).id;
  kmApi = await token(kmG);
  tlApi = await token(tlG);
  poApi = await token(poG);
  kmBrowser = await ingelogdAls(t.app, kmG);
}, 120_000);

describe('naar vermogen in the ranking', () => {
  it('counts the hours of a running placement of the same client against its capacity', async () => {
    const voor = await ranking(vol);
    expect(voor.vermogen).toMatchObject({ bron: 'belastbaarheid', ruimteUren: 16, urenElders: 0 });
    expect(ids(voor)).toContain(tienUur);

    await insertLopendeTegenprestatie(t.db.app, {
      km,
      gemeenteId: A,
      klantId: vol,
      startdatum: '2026-11-02',
      einddatum: '2027-04-30',
    });
    const na = await ranking(vol);
    expect(na.vermogen).toMatchObject({ bron: 'belastbaarheid', ruimteUren: 8, urenElders: 8 });
    expect(na.vermogen.uitleg).toContain('8 uur in een andere afgesproken of lopende tegenprestatie');
    expect(ids(na)).not.toContain(tienUur);
    expect(ids(na)).toContain(vierUur);
    const reden = na.activiteiten
      .find((a) => a.activiteitId === vierUur)!
      .redenen.map((r) => r.tekst)
      .join(' | ');
    expect(reden).toContain('De klant kan nog 8 uur per week');
  });

  it('without a recorded capacity assumes no threshold, and says so', async () => {
    const r = await ranking(leeg);
    expect(r.vermogen.bron).toBe('niet-vastgelegd');
    expect(r.vermogen.ruimteUren).toBeNull();
    expect(r.vermogen.uitleg).toMatch(
      /niet vastgelegd.*grens van de gemeente wordt niet als vermogen aangenomen/,
    );
    // The threshold (8) would refuse the 10-hour activity: it is not applied.
    expect(ids(r)).toContain(tienUur);
  });

  it('with the statement that no limits are known, the threshold is the ceiling', async () => {
    const r = await ranking(geenBeperkingen);
    expect(r.vermogen).toMatchObject({ bron: 'geen-beperkingen-bekend', ruimteUren: 8 });
    expect(ids(r)).not.toContain(tienUur);
    expect(ids(r)).toContain(vierUur);
  });

  it('the page says so, and a role without matching is refused', async () => {
    const p = await kmBrowser.get(`/klanten/${leeg}/passende-activiteiten`);
    expect(p.statusCode).toBe(200);
    expect(p.body).toContain('De belastbaarheid van de klant is niet vastgelegd');
    const v = await kmBrowser.get(`/klanten/${vol}/passende-activiteiten`);
    expect(v.body).toContain('8 uur in een andere afgesproken of lopende tegenprestatie');
    const po = await api(poApi, 'GET', `/api/v1/klanten/${vol}/passende-activiteiten`);
    expect(po.statusCode).toBe(403);
    expect(po.headers['content-type']).toContain('application/problem+json');
  });
});

describe('naar vermogen in the cohort', () => {
  it('gives the client with a running placement only what fits next to it, with the reason', async () => {
    const res = await api(tlApi, 'POST', '/api/v1/cohort-toewijzingen', {
      gemeenteId: A,
      klantIds: [vol, leeg],
      activiteitIds: [tienUur, vierUur],
      k: 10,
    });
    expect(res.statusCode).toBe(201);
    const c = (await api(tlApi, 'GET', res.headers.location as string)).json() as CohortToewijzing;
    const voorVol = c.voorstellen.find((v) => v.klantId === vol)!;
    expect(voorVol.activiteitId).toBe(vierUur);
    expect(voorVol.redenen.join(' | ')).toContain('andere afgesproken of lopende tegenprestatie');
    const voorLeeg = c.voorstellen.find((v) => v.klantId === leeg)!;
    expect(voorLeeg.redenen.join(' | ')).toContain('niet vastgelegd');
    expect(
      (await api(kmApi, 'POST', '/api/v1/cohort-toewijzingen', { gemeenteId: A, klantIds: [vol] }))
        .statusCode,
    ).toBe(403);
  });
});
