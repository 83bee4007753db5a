import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { ingelogdAls, type TestBrowser } from '../../../test/browser.ts';
import { createDemoTestDatabase } from '../../../test/db.ts';
import { withContext } from '../../db/context.ts';
import { createDemoServices, DEMO_WACHTWOORD, type DemoResult } from '../../demo/demo.ts';
import { type Actor, dbContext, systeemActor } from '../auth/index.ts';
import { plusDagen, vandaag } from '../klanten/index.ts';
import { createHomeService } from './home.service.ts';
import { FASEN, type Fase, leesWerklijstVraag } from './werklijst.ts';

let t: TestApp;
let demo: DemoResult;
let km: TestBrowser;
let kmB: TestBrowser;
let tl: TestBrowser;
let nm: TestBrowser;
let po: TestBrowser;
const KM = 'klantmanager.aardam@demo.wederkerig.nl';
const KM_B = 'klantmanager.bergdorp@demo.wederkerig.nl';
const systeem = () => systeemActor('test', demo.dienstId);

/** The ground truth, worked out from the tables (not the view): each open client's phase. */
async function fasenVan(klantmanagerId?: string): Promise<Map<string, { fase: Fase; gemeenteId: string }>> {
  return withContext(t.db.app, dbContext(systeem()), async (tx) => {
    let q = tx
      .selectFrom('klant')
      .select(['id', 'gemeenteId', 'klantmanagerId'])
      .where('dienstId', '=', demo.dienstId)
      .where('dossierGeslotenOp', 'is', null);
    if (klantmanagerId) q = q.where('klantmanagerId', '=', klantmanagerId);
    const klanten = await q.execute();
    const tps = await tx
      .selectFrom('tegenprestatie')
      .select(['klantId', 'status', 'aangemaaktOp'])
      .where('dienstId', '=', demo.dienstId)
      .execute();
    const uit = new Map<string, { fase: Fase; gemeenteId: string }>();
    for (const k of klanten) {
      const eigen = tps.filter((x) => x.klantId === k.id);
      const actief = eigen
        .filter((x) => !['afgerond', 'beeindigd'].includes(x.status))
        .sort((a, b) => b.aangemaaktOp.getTime() - a.aangemaaktOp.getTime());
      uit.set(k.id, { fase: (actief[0]?.status as Fase | undefined) ?? 'geen', gemeenteId: k.gemeenteId });
    }
    return uit;
  });
}

const klantLinks = (html: string) => [
  ...new Set([...html.matchAll(/href="\/klanten\/([0-9a-f-]{36})"/g)].map((m) => m[1]!)),
];
const teller = (html: string, label: string) => {
  const m = new RegExp(`${label}: (\\d+)`).exec(html);
  if (!m) throw new Error(`no count for ${label}`);
  return Number(m[1]);
};

beforeAll(async () => {
  const d = await createDemoTestDatabase();
  demo = d.demo;
  t = await createTestApp({}, d.db);
  const login = (email: string) => ingelogdAls(t.app, { email, wachtwoord: DEMO_WACHTWOORD });
  km = await login(KM);
  kmB = await login(KM_B);
  tl = await login('teamleider@demo.wederkerig.nl');
  nm = await login('netwerk@demo.wederkerig.nl');
  po = await login('privacy@demo.wederkerig.nl');
}, 120_000);

describe('the klantmanager’s work list', () => {
  it('lists only their own open clients with the phase of each and counts per phase; no "Wat er nog komt"', async () => {
    const waarheid = await fasenVan(demo.gebruikers[KM]);
    expect(waarheid.size).toBeGreaterThan(0);
    const res = await km.get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1');
    expect(res.body).toContain('Werklijst');
    expect(res.body).not.toContain('Wat er nog komt');
    expect(res.body).toContain('Uitloggen');
    const ids = klantLinks(res.body);
    expect(ids.length).toBe(Math.min(waarheid.size, 50));
    for (const id of ids) expect(waarheid.has(id), id).toBe(true);
    expect(teller(res.body, 'Alle klanten')).toBe(waarheid.size);
    const perFase = new Map<Fase, number>();
    for (const { fase } of waarheid.values()) perFase.set(fase, (perFase.get(fase) ?? 0) + 1);
    expect(teller(res.body, 'Lopend')).toBe(perFase.get('lopend') ?? 0);
    expect(teller(res.body, 'Nog geen tegenprestatie')).toBe(perFase.get('geen') ?? 0);
    expect(perFase.size).toBeGreaterThan(1);
  });

  it('filters by phase with GET parameters (no JavaScript) and ignores nonsense in the query', async () => {
    const waarheid = await fasenVan(demo.gebruikers[KM]);
    const fase = [...waarheid.values()].find((w) => w.fase !== 'geen')!.fase;
    const res = await km.get(`/?fase=${fase}&sorteer=fase&richting=aflopend`);
    expect(res.statusCode).toBe(200);
    const ids = klantLinks(res.body);
    expect(ids.length).toBe([...waarheid.values()].filter((w) => w.fase === fase).length);
    for (const id of ids) expect(waarheid.get(id)?.fase).toBe(fase);
    const onzin = await km.get('/?fase=%3Cscript%3E&pagina=abc&sorteer=drop&gemeenteId=x');
    expect(onzin.statusCode).toBe(200);
    expect(klantLinks(onzin.body).length).toBe(Math.min(waarheid.size, 50));
  });

  it('an evaluation is due from 14 days before its date, not 15 (boundary)', async () => {
    const kmId = demo.gebruikers[KM]!;
    const lopend = await withContext(t.db.app, dbContext(systeem()), (tx) =>
      tx
        .selectFrom('tegenprestatie')
        .select(['id', 'klantId'])
        .where('dienstId', '=', demo.dienstId)
        .where('status', '=', 'lopend')
        .where('klantmanagerId', '=', kmId)
        .execute(),
    );
    const eigenKlanten = await fasenVan(kmId);
    const tp = lopend.find((x) => eigenKlanten.get(x.klantId)?.fase === 'lopend')!;
    expect(tp).toBeDefined();
    // A planned evaluation 40 days from now (later than 14 days after any evaluation the demo recorded).
    const gepland = plusDagen(vandaag(), 40);
    await withContext(t.db.app, dbContext(systeem()), (tx) =>
      tx
        .updateTable('tegenprestatie')
        .set({ evaluatiedata: sql`ARRAY[${gepland}::date]` as unknown as string[] })
        .where('id', '=', tp.id)
        .execute(),
    );
    const home = createHomeService({
      db: t.db.app,
      staf: async () => ({ teams: [], namen: new Map() }),
      netwerk: { findActiviteiten: () => Promise.reject(), findIntervisies: () => Promise.reject() },
    });
    const actor: Actor = {
      kind: 'gebruiker',
      dienstId: demo.dienstId,
      gebruikerId: kmId,
      naam: 'Klantmanager',
      email: KM,
      rol: 'klantmanager',
      gemeenten: [demo.gemeenten.Aardam!],
      teams: [demo.teams['Team Aardam']!],
      via: 'sessie',
    };
    const volgende = (await home.werklijst(actor, leesWerklijstVraag({ fase: 'lopend' }))).rijen.find(
      (r) => r.klantId === tp.klantId,
    )?.volgendeEvaluatie;
    expect(volgende).toBe(gepland);
    const nodig = await home.werklijst(
      actor,
      leesWerklijstVraag({ aandacht: 'evaluatie' }),
      plusDagen(volgende!, -14),
    );
    expect(nodig.rijen.map((r) => r.klantId)).toContain(tp.klantId);
    expect(nodig.tellingen.evaluatie).toBeGreaterThanOrEqual(1);
    const teVroeg = await home.werklijst(
      actor,
      leesWerklijstVraag({ aandacht: 'evaluatie' }),
      plusDagen(volgende!, -15),
    );
    expect(teVroeg.rijen.map((r) => r.klantId)).not.toContain(tp.klantId);
    // An actor who may not: the privacy officer has no work list.
    await expect(
      home.werklijst({ ...actor, rol: 'privacy-officer' }, leesWerklijstVraag({})),
    ).rejects.toMatchObject({ code: 'geen-toegang' });
  });

  it('open signals: the caseworker’s own, counted and filterable', async () => {
    const kmId = demo.gebruikers[KM]!;
    const [klantId] = [...(await fasenVan(kmId)).keys()];
    await withContext(t.db.app, dbContext(systeem()), (tx) =>
      tx
        .insertInto('signaal')
        .values({
          dienstId: demo.dienstId,
          gemeenteId: demo.gemeenten.Aardam!,
          gebruikerId: kmId,
          soort: 'geen-uren',
          oorzaak: `werklijst-test:${klantId}`,
          klantId: klantId!,
          tekst: 'Test',
          link: '/signalen',
        })
        .execute(),
    );
    const res = await km.get('/?aandacht=signalen');
    expect(klantLinks(res.body)).toContain(klantId);
    expect(teller(res.body, 'Met open signalen')).toBeGreaterThanOrEqual(1);
  });

  it('every client shown is logged as read', async () => {
    const res = await km.get('/?sorteer=naam');
    const ids = klantLinks(res.body);
    const gelogd = await withContext(t.db.app, dbContext(systeem()), (tx) =>
      tx
        .selectFrom('logboek')
        .select('subjectId')
        .where('dienstId', '=', demo.dienstId)
        .where('actorId', '=', demo.gebruikers[KM]!)
        .where('actie', '=', 'lezen')
        .where('subjectId', 'in', ids)
        .execute(),
    );
    expect(new Set(gelogd.map((g) => g.subjectId))).toEqual(new Set(ids));
  });

  it('a klantmanager of another municipality sees none of them, even when asking for it', async () => {
    const aardam = await fasenVan(demo.gebruikers[KM]);
    const res = await kmB.get(`/?gemeenteId=${demo.gemeenten.Aardam}`);
    expect(res.statusCode).toBe(200);
    for (const id of klantLinks(res.body)) expect(aardam.has(id)).toBe(false);
  });
});

describe('the team lead’s work list', () => {
  it('shows every client of their municipalities, per team and municipality, and filters by either', async () => {
    const alle = await fasenVan();
    const res = await tl.get('/');
    expect(res.statusCode).toBe(200);
    expect(teller(res.body, 'Alle klanten')).toBe(alle.size);
    expect(res.body).toContain('Aantal klanten per team en fase');
    expect(res.body).toContain('Aantal klanten per gemeente en fase');
    const bergdorp = await tl.get(`/?gemeenteId=${demo.gemeenten.Bergdorp}`);
    const ids = klantLinks(bergdorp.body);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(alle.get(id)?.gemeenteId).toBe(demo.gemeenten.Bergdorp);
    const team = await tl.get(`/?teamId=${demo.teams['Team Aardam']}`);
    expect(teller(team.body, 'Alle klanten')).toBeLessThan(alle.size);
  });
});

describe('the netwerkmakelaar’s start page', () => {
  it('shows activities without a valid assessment, free places and intervision waiting, with counts', async () => {
    const res = await nm.get('/');
    expect(res.statusCode).toBe(200);
    const zonder = Number(/Activiteiten zonder geldige verdringingstoets: (\d+)/.exec(res.body)?.[1]);
    const s = createDemoServices(t.db.app);
    const actor = systeemActor('test', demo.dienstId);
    let verwacht = 0;
    for (const toetsStatus of [
      'geen-toets',
      'twijfel-open',
      'niet-toegestaan',
      'verdringing',
      'verlopen',
    ] as const)
      verwacht += (await s.netwerk.findActiviteiten(actor, { toetsStatus, status: 'actief' })).totaal;
    expect(zonder).toBe(verwacht);
    expect(res.body).toMatch(/Activiteiten met vrije plaatsen: \d+/);
    expect(res.body).toMatch(/Intervisie die wacht: \d+/);
    expect(res.body).not.toContain('Wat er nog komt');
  });
});

describe('roles without a work list', () => {
  it('the privacy officer gets the plain start page, without "Wat er nog komt"', async () => {
    const res = await po.get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('Wat er nog komt');
    expect(res.body).not.toContain('Aantallen per fase');
  });

  it('FASEN lists every phase the view can produce', () => {
    expect(FASEN).toContain('geen');
  });
});

describe('a klantmanager’s own tegenprestaties (/tegenprestaties)', () => {
  it('lists only the designs they are the klantmanager of, filterable by status', async () => {
    const kmId = demo.gebruikers[KM]!;
    const eigen = await withContext(t.db.app, dbContext(systeem()), (tx) =>
      tx
        .selectFrom('tegenprestatie')
        .select(['id', 'status'])
        .where('dienstId', '=', demo.dienstId)
        .where('klantmanagerId', '=', kmId)
        .execute(),
    );
    expect(eigen.length).toBeGreaterThan(0);
    const res = await km.get('/tegenprestaties');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Mijn tegenprestaties');
    const ids = [...res.body.matchAll(/href="\/tegenprestaties\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    expect(new Set(ids)).toEqual(new Set(eigen.map((e) => e.id).slice(0, 50)));
    expect(res.body).not.toContain('Klant (niet in uw team)');
    const lopend = await km.get('/tegenprestaties?status=lopend');
    const lopendIds = [...lopend.body.matchAll(/href="\/tegenprestaties\/([0-9a-f-]{36})"/g)].map(
      (m) => m[1],
    );
    expect(new Set(lopendIds)).toEqual(new Set(eigen.filter((e) => e.status === 'lopend').map((e) => e.id)));
  });

  it('another municipality’s klantmanager sees none of them; roles without access get 403', async () => {
    const res = await kmB.get('/tegenprestaties');
    expect(res.statusCode).toBe(200);
    const aardam = await withContext(t.db.app, dbContext(systeem()), (tx) =>
      tx.selectFrom('tegenprestatie').select('id').where('gemeenteId', '=', demo.gemeenten.Aardam!).execute(),
    );
    for (const { id } of aardam) expect(res.body).not.toContain(id);
    expect((await nm.get('/tegenprestaties')).statusCode).toBe(403);
    expect((await po.get('/tegenprestaties')).statusCode).toBe(403);
    expect((await tl.get('/tegenprestaties')).body).toContain('advies en voornemens tot opleggen');
  });
});
