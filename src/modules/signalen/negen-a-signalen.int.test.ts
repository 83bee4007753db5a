import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { ingelogdAls, type TestBrowser } from '../../../test/browser.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { maakKlant } from '../../../test/factories/klanten.ts';
import { uitvoeringDiensten } from '../../../test/factories/uitvoering.ts';
import { createAuthService, type Gebruiker, systeemActor } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { medewerkersUitBeheer, plusMaanden, vandaag } from '../klanten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { createUitvoeringService } from '../uitvoering/index.ts';
import { createSignaalBronnen } from './bronnen.ts';
import { createSignalenService, type SignalenService } from './signalen.service.ts';

// Art. 9a lid 7 and 8 (issue 14 part B): the signals for the plan van aanpak and the re-examination are not raised
// for a parent whose exemption is suspended (lid 5). Two parents with the same dates, one suspended through the API;
// the suspended one also has a running exemption for urgent reasons, so the daily job reads her file too.

let t: TestApp;
let service: SignalenService;
let dienstId: string;
let km: TestGebruiker;
let kmActor: Gebruiker;
let kmToken: string;
let kmBrowser: TestBrowser;
const namen = { lopend: 'Ouder-Lopend', opgeschort: 'Ouder-Opgeschort' };
const M = `${vandaag().slice(0, 7)}-01`;
const m = (n: number) => plusMaanden(M, n);

const api = (method: 'POST', url: string, body: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${kmToken}`, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });

async function ouder(achternaam: string): Promise<{ klantId: string; ontheffingId: string }> {
  const d = uitvoeringDiensten(t.db.app);
  const klantId = (
    await d.klanten.createKlant(kmActor, {
      ...maakKlant({ gemeenteId: kmActor.gemeenten[0]! }),
      achternaam,
      klantmanagerId: km.gebruikerId,
    })
  ).id;
  // Requested six months ago: the plan van aanpak is due on the first of this month (lid 7).
  const r = await api('POST', `/api/v1/klanten/${klantId}/ontheffingen`, {
    type: 'alleenstaande-ouder-kind-onder-5',
    begindatum: m(-5),
    verzoekdatum: m(-6),
    geboortedatumKind: m(-13),
  });
  expect(r.statusCode).toBe(201);
  return { klantId, ontheffingId: (r.json() as { id: string }).id };
}

beforeAll(async () => {
  t = await createTestApp();
  const g = await insertGemeente(t.db.app, { naam: 'Aardam' });
  dienstId = g.dienstId;
  const A = g.gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const team = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  km = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [A], teams: [team] });
  kmActor = actorVan(km, { gemeenten: [A], teams: [team] });
  kmToken = (
    await createAuthService({ db: t.db.app, config: t.config }).createApiTokenVoorEmail(
      systeemActor('test'),
      {
        email: km.email,
        naam: 'test',
      },
    )
  ).token;
  const d = uitvoeringDiensten(t.db.app);
  service = createSignalenService({
    db: t.db.app,
    bronnen: createSignaalBronnen({
      tegenprestaties: d.tegenprestaties,
      uitvoering: createUitvoeringService({
        db: t.db.app,
        tegenprestaties: d.tegenprestaties,
        klanten: d.klanten,
        afspraakVoorStart: () => Promise.reject(new Error('no start by hand in this test')),
        bereidIntrekkingVoor: () => Promise.reject(new Error('no revocation in this test')),
      }),
      klanten: d.klanten,
      netwerk: d.netwerk,
      medewerkers: medewerkersUitBeheer(createBeheerService(t.db.app, { gemeenten: d.gemeenten }), 0),
    }),
    publicUrl: 'https://wederkerig.example.nl/',
  });
  await ouder(namen.lopend);
  const o = await ouder(namen.opgeschort);
  const op = await api('POST', `/api/v1/klanten/${o.klantId}/ontheffingen/${o.ontheffingId}/gebeurtenissen`, {
    soort: 'opschorting-verzoek',
    datum: m(-1),
    toelichting: 'Wil werken',
  });
  expect(op.statusCode).toBe(201);
  expect(
    (
      await api('POST', `/api/v1/klanten/${o.klantId}/ontheffingen`, {
        type: 'dringende-redenen',
        begindatum: m(-1),
        einddatum: m(6),
        reden: 'Mantelzorg voor een ouder.',
      })
    ).statusCode,
  ).toBe(201);
  kmBrowser = await ingelogdAls(t.app, km);
});

describe('art. 9a signals', () => {
  it('the plan van aanpak is signalled for the running exemption, not for the suspended one', async () => {
    await service.maakSignalen(systeemActor('test:signalen', dienstId), { vandaag: vandaag() });
    const plan = (await service.findSignalen(kmActor)).filter((s) => s.soort === 'plan-van-aanpak-9a');
    expect(plan.map((s) => s.tekst).join(' | ')).toContain(namen.lopend);
    expect(plan.map((s) => s.tekst).join(' | ')).not.toContain(namen.opgeschort);
    expect(plan).toHaveLength(1);
    const pagina = await kmBrowser.get('/signalen');
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain(`het plan van aanpak op voor Sanne ${namen.lopend}`);
    expect(pagina.body).not.toContain(namen.opgeschort);
  });
});
