import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  TEST_BSN_ENCRYPTION_KEYS,
  TEST_BSN_HASH_KEY,
  type TestApp,
} from '../../../test/app.ts';
import { ingelogdAls } from '../../../test/browser.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import {
  d,
  lopendePlaatsing,
  maakApi,
  VANDAAG,
  verwijtbaar,
  voornemen,
  voorstel,
  zienswijze,
} from '../../../test/factories/maatregelen.ts';
import { maakActiviteit, maakOrganisatie, maakToets } from '../../../test/factories/netwerk.ts';
import { withContext } from '../../db/context.ts';
import { createAuthService, type Gebruiker, systeemActor } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { createGemeentenService } from '../gemeenten/index.ts';
import {
  createKlantenService,
  type KlantenService,
  medewerkersUitBeheer,
  parseBsnSleutels,
  plusDagen,
} from '../klanten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { createNetwerkService } from '../netwerk/index.ts';
import { bepaalSignalen } from '../signalen/index.ts';
import { createTegenprestatiesService, type TegenprestatiesService } from '../tegenprestaties/index.ts';
import { createVerordeningService, laadDemoVerordeningen } from '../verordening/index.ts';
import { DEMO_MAATREGELVERORDENING_AARDAM } from './maatregelen.ts';
import { createNazorgService } from './nazorg.service.ts';
import { heroverwegingUiterlijk, maatregelEinde } from './nazorg.ts';

/**
 * Issue 15, "Afterwards" and the hand-over through the API: reconsideration (art. 18 lid 3) and changes to a decided
 * measure with four eyes, objection and voorlopige voorziening against the imposing decision and the measure, the
 * monthly export with correction lines since the last export, the signal's facts, the pages, and the database's
 * own guards.
 */

let t: TestApp;
let tp: TegenprestatiesService;
let klanten: KlantenService;
let kmActor: Gebruiker;
let dienstId: string;
let A: string;
let B: string;
let activiteit: string;
let tokens: Record<'km' | 'kmB' | 'kmAnder' | 'nm' | 'tl' | 'tl2' | 'fb', string>;
let tl: TestGebruiker;
let km: TestGebruiker;
let nm: TestGebruiker;
const api = maakApi(() => t.app);
const lopend = (actor: Gebruiker, token: string, gemeenteId: string, act: string, opgelegd: boolean) =>
  lopendePlaatsing({ klanten: () => klanten, tp: () => tp, api }, actor, token, gemeenteId, act, opgelegd);

beforeAll(async () => {
  t = await createTestApp();
  const g = await insertGemeente(t.db.app, { naam: 'Aardam', code: 'GM9961' });
  dienstId = g.dienstId;
  A = g.gemeenteId;
  B = (await insertGemeente(t.db.app, { dienstId, naam: 'Bergdorp', code: 'GM9962' })).gemeenteId;
  const systeem = systeemActor('test', dienstId);
  await createLogboekService(t.db.app).ensureStandaardRegister(systeem, dienstId);
  const t1 = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const t2 = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const tB = (await insertTeam(t.db.app, { dienstId, gemeenten: [B] })).teamId;
  km = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [A], teams: [t1] });
  const kmAnder = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'klantmanager',
    gemeenten: [A],
    teams: [t2],
  });
  const kmB = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [B], teams: [tB] });
  nm = await insertGebruiker(t.db.app, { dienstId, rol: 'netwerkmakelaar', gemeenten: [A, B] });
  tl = await insertGebruiker(t.db.app, { dienstId, rol: 'teamleider', gemeenten: [A], teams: [t1] });
  const tl2 = await insertGebruiker(t.db.app, { dienstId, rol: 'teamleider', gemeenten: [A], teams: [t1] });
  const fbG = await insertGebruiker(t.db.app, { dienstId, rol: 'functioneel-beheerder', gemeenten: [A, B] });
  kmActor = actorVan(km, { gemeenten: [A], teams: [t1] });
  const gemeenten = createGemeentenService(t.db.app);
  const netwerk = createNetwerkService({ db: t.db.app, gemeenten });
  const nmActor = actorVan(nm, { gemeenten: [A, B] });
  const org = await netwerk.createOrganisatie(nmActor, maakOrganisatie({ gemeenteIds: [A, B] }));
  const nieuw = async (gem: string) => {
    const id = (
      await netwerk.createActiviteit(
        nmActor,
        maakActiviteit({ gemeenteIds: [gem], organisatieId: org.id, plaatsen: 20 }),
      )
    ).id;
    await netwerk.createVerdringingstoets(nmActor, id, maakToets());
    return id;
  };
  activiteit = await nieuw(A);
  klanten = createKlantenService({
    db: t.db.app,
    bsnSleutels: parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY),
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(t.db.app, { gemeenten }), 0),
  });
  const verordening = createVerordeningService({ db: t.db.app, gemeenten, klanten });
  await laadDemoVerordeningen(verordening, systeem, { Aardam: A, Bergdorp: B });
  // The period reaches 2027: record that regime's basis (without one, the agreement cannot be accepted).
  await verordening.setRechtsgrond(actorVan(fbG, { gemeenten: [A, B] }), {
    vanaf: '2027-01-01',
    artikel: 'Testartikel 2027',
    omschrijving: 'Korte testtekst van de grondslag.',
  });
  tp = createTegenprestatiesService({
    db: t.db.app,
    klanten,
    netwerk,
    opleggenToegestaan: (gemeenteId, datum) => verordening.geenMedewerkingToegestaan(gemeenteId, datum),
  });
  const auth = createAuthService({ db: t.db.app, config: t.config });
  const token = async (u: TestGebruiker) =>
    (await auth.createApiTokenVoorEmail(systeemActor('test'), { email: u.email, naam: 'test' })).token;
  tokens = {
    km: await token(km),
    kmB: await token(kmB),
    kmAnder: await token(kmAnder),
    nm: await token(nm),
    tl: await token(tl),
    tl2: await token(tl2),
    fb: await token(fbG),
  };
  const { grondslag: _g, ...versie } = DEMO_MAATREGELVERORDENING_AARDAM;
  expect(
    (await api(await token(fbG), 'POST', `/api/v1/gemeenten/${A}/maatregelverordeningen`, versie)).statusCode,
  ).toBe(201);
});

/** A placement with a decided measure (30 % for one month from d(25)): proposed by the caseworker, tl approves. */
async function besloten() {
  const { id, klant } = await lopend(kmActor, tokens.km, A, activiteit, true);
  const url = `/api/v1/tegenprestaties/${id}/maatregelen`;
  const m = (await api(tokens.km, 'POST', url, voornemen())).json();
  const mUrl = `${url}/${m.id}`;
  expect((await api(tokens.km, 'POST', `${mUrl}/horing`, zienswijze)).statusCode).toBe(200);
  expect((await api(tokens.km, 'POST', `${mUrl}/verwijtbaarheid`, verwijtbaar)).statusCode).toBe(200);
  expect((await api(tokens.km, 'POST', `${mUrl}/voorstel`, voorstel())).statusCode).toBe(200);
  expect((await api(tokens.tl, 'POST', `${mUrl}/beoordeling`, { akkoord: true })).statusCode).toBe(200);
  return { id, klant, mid: m.id as string, mUrl };
}
const EINDE = () => maatregelEinde(d(25), 1);

describe('after the decision: reconsideration and changes, four eyes', () => {
  it('reconsideration due in three calendar months; continued, then lowered for urgent reasons', async () => {
    const { id, mid, mUrl } = await lopend(kmActor, tokens.km, A, activiteit, true).then(async ({ id }) => {
      const url = `/api/v1/tegenprestaties/${id}/maatregelen`;
      const m = (await api(tokens.km, 'POST', url, voornemen())).json();
      return { id, mid: m.id as string, mUrl: `${url}/${m.id}` };
    });
    // Before the decision there is nothing afterwards.
    expect((await api(tokens.km, 'GET', `${mUrl}/nazorg`)).statusCode).toBe(422);
    expect(
      (
        await api(tokens.km, 'POST', `${mUrl}/wijzigingen`, {
          aanleiding: 'heroverweging',
          uitkomst: 'voortgezet',
          motivering: 'x',
        })
      ).statusCode,
    ).toBe(422);
    expect((await api(tokens.km, 'POST', `${mUrl}/horing`, zienswijze)).statusCode).toBe(200);
    expect((await api(tokens.km, 'POST', `${mUrl}/verwijtbaarheid`, verwijtbaar)).statusCode).toBe(200);
    expect((await api(tokens.km, 'POST', `${mUrl}/voorstel`, voorstel())).statusCode).toBe(200);
    expect((await api(tokens.tl, 'POST', `${mUrl}/beoordeling`, { akkoord: true })).statusCode).toBe(200);

    const n = await api(tokens.km, 'GET', `${mUrl}/nazorg`);
    expect(n.statusCode).toBe(200);
    expect(n.json()).toMatchObject({
      maatregelId: mid,
      besluitDatum: VANDAAG,
      heroverwegingUiterlijk: heroverwegingUiterlijk(VANDAAG),
      heroverwogen: false,
      besloten: { van: d(25), tot: EINDE(), percentage: 30 },
      termijnen: [{ van: d(25), tot: EINDE(), percentage: 30 }],
      stand: 'lopend',
    });
    // Who may not: the network broker (403), a caseworker of another team (404).
    expect((await api(tokens.nm, 'GET', `${mUrl}/nazorg`)).statusCode).toBe(403);
    expect((await api(tokens.kmAnder, 'GET', `${mUrl}/nazorg`)).statusCode).toBe(404);
    const voort = {
      aanleiding: 'heroverweging',
      uitkomst: 'voortgezet',
      motivering: 'De klant komt nog steeds niet.',
    };
    expect((await api(tokens.nm, 'POST', `${mUrl}/wijzigingen`, voort)).statusCode).toBe(403);

    // Reconsidered: continued. Proposed by the caseworker, determined by a team lead.
    const r1 = await api(tokens.km, 'POST', `${mUrl}/wijzigingen`, voort);
    expect(r1.statusCode).toBe(201);
    const w1 = r1.json().wijzigingen[0];
    expect(w1).toMatchObject({ status: 'ter-beoordeling', uitkomst: 'voortgezet' });
    // One proposal at a time.
    expect((await api(tokens.km, 'POST', `${mUrl}/wijzigingen`, voort)).statusCode).toBe(409);
    const oordeel = `${mUrl}/wijzigingen/${w1.id}/beoordeling`;
    expect((await api(tokens.km, 'POST', oordeel, { akkoord: true })).statusCode).toBe(403);
    expect((await api(tokens.tl, 'POST', oordeel, { akkoord: false })).statusCode).toBe(400);
    const ok1 = await api(tokens.tl, 'POST', oordeel, { akkoord: true });
    expect(ok1.statusCode).toBe(200);
    expect(ok1.json()).toMatchObject({ heroverwogen: true, stand: 'lopend' });
    expect((await api(tokens.tl, 'POST', oordeel, { akkoord: true })).statusCode).toBe(422);

    // Urgent reasons: never "continued", never higher or longer; lower from February's start is allowed.
    const dr = (extra: Record<string, unknown>) => ({
      aanleiding: 'dringende-redenen',
      motivering: 'De klant is opgenomen in het ziekenhuis.',
      ...extra,
    });
    const voortDr = await api(tokens.km, 'POST', `${mUrl}/wijzigingen`, dr({ uitkomst: 'voortgezet' }));
    expect(voortDr.statusCode).toBe(400);
    expect(JSON.stringify(voortDr.json().invalidParams)).toContain('/uitkomst');
    const hoger = await api(
      tokens.km,
      'POST',
      `${mUrl}/wijzigingen`,
      dr({ uitkomst: 'aangepast', ingangsdatum: d(30), percentage: 40, einddatum: EINDE() }),
    );
    expect(hoger.statusCode).toBe(400);
    expect(JSON.stringify(hoger.json().invalidParams)).toMatch(/nieuw besluit/);
    const langer = await api(
      tokens.km,
      'POST',
      `${mUrl}/wijzigingen`,
      dr({ uitkomst: 'aangepast', ingangsdatum: d(30), percentage: 10, einddatum: plusDagen(EINDE(), 1) }),
    );
    expect(langer.statusCode).toBe(400);
    expect(JSON.stringify(langer.json().invalidParams)).toContain('/einddatum');
    const lager = await api(
      tokens.tl,
      'POST',
      `${mUrl}/wijzigingen`,
      dr({ uitkomst: 'aangepast', ingangsdatum: d(30), percentage: 10, einddatum: EINDE() }),
    );
    expect(lager.statusCode).toBe(201);
    const w2 = lager.json().wijzigingen.find((w: { status: string }) => w.status === 'ter-beoordeling');
    // Nobody determines their own proposal.
    const eigen = await api(tokens.tl, 'POST', `${mUrl}/wijzigingen/${w2.id}/beoordeling`, { akkoord: true });
    expect(eigen.statusCode).toBe(422);
    expect(eigen.json().title).toMatch(/vier ogen/);
    const ok2 = await api(tokens.tl2, 'POST', `${mUrl}/wijzigingen/${w2.id}/beoordeling`, { akkoord: true });
    expect(ok2.statusCode).toBe(200);
    expect(ok2.json()).toMatchObject({
      stand: 'aangepast',
      termijnen: [
        { van: d(25), tot: d(29), percentage: 30 },
        { van: d(30), tot: EINDE(), percentage: 10 },
      ],
    });
    expect(id).toBeTruthy();
  });

  it("the database refuses a heavier change, a change on an undecided measure and approving one's own", async () => {
    const { mid } = await besloten();
    const ctx = { kind: 'systeem' as const, reden: 'test: de database bewaakt de wijziging', dienstId };
    const basis = {
      dienstId,
      gemeenteId: A,
      maatregelId: mid,
      aanleiding: 'heroverweging',
      motivering: 'Test.',
      voorgesteldDoor: km.gebruikerId,
      voorgesteldDoorNaam: 'Km',
    };
    const klantId = (
      await withContext(t.db.app, ctx, (tx) =>
        tx.selectFrom('maatregel').select('klantId').where('id', '=', mid).executeTakeFirstOrThrow(),
      )
    ).klantId;
    const poging = (rij: Record<string, unknown>) =>
      withContext(t.db.app, ctx, (tx) =>
        tx
          .insertInto('maatregelWijziging')
          .values({ ...basis, klantId, ...rij } as never)
          .returning('id')
          .executeTakeFirstOrThrow(),
      );
    await expect(
      poging({ uitkomst: 'aangepast', ingangsdatum: d(26), percentage: 31, einddatum: EINDE() }),
    ).rejects.toThrow(/nooit zwaarder/);
    await expect(
      poging({
        uitkomst: 'aangepast',
        ingangsdatum: d(26),
        percentage: 10,
        einddatum: plusDagen(EINDE(), 1),
      }),
    ).rejects.toThrow(/nooit zwaarder/);
    await expect(poging({ uitkomst: 'beeindigd', ingangsdatum: d(24) })).rejects.toThrow(/nooit zwaarder/);
    await expect(poging({ uitkomst: 'voortgezet', aanleiding: 'dringende-redenen' })).rejects.toThrow(
      /check/,
    );
    // A measure still in its intention: nothing to change.
    const { id: tp2 } = await lopend(kmActor, tokens.km, A, activiteit, true);
    const open = (
      await api(tokens.km, 'POST', `/api/v1/tegenprestaties/${tp2}/maatregelen`, voornemen())
    ).json();
    await expect(
      withContext(t.db.app, ctx, async (tx) =>
        tx
          .insertInto('maatregelWijziging')
          .values({
            ...basis,
            maatregelId: open.id,
            klantId: (
              await tx
                .selectFrom('maatregel')
                .select('klantId')
                .where('id', '=', open.id)
                .executeTakeFirstOrThrow()
            ).klantId,
            uitkomst: 'voortgezet',
          } as never)
          .execute(),
      ),
    ).rejects.toThrow(/alleen een besloten maatregel/);
    const w = await poging({ uitkomst: 'beeindigd', ingangsdatum: d(26) });
    // Determined by the proposer, or by no team lead: refused.
    await expect(
      withContext(t.db.app, ctx, (tx) =>
        tx
          .updateTable('maatregelWijziging')
          .set({
            status: 'vastgesteld',
            beoordeeldDoor: km.gebruikerId,
            beoordeeldDoorNaam: 'Km',
            beoordeeldRol: 'teamleider',
            beoordeeldOp: new Date(),
          })
          .where('id', '=', w.id)
          .execute(),
      ),
    ).rejects.toThrow(/check/);
    await withContext(t.db.app, ctx, (tx) =>
      tx
        .updateTable('maatregelWijziging')
        .set({
          status: 'vastgesteld',
          beoordeeldDoor: tl.gebruikerId,
          beoordeeldDoorNaam: 'Tl',
          beoordeeldRol: 'teamleider',
          beoordeeldOp: new Date(),
        })
        .where('id', '=', w.id)
        .execute(),
    );
    // Determined, it never changes.
    await expect(
      withContext(t.db.app, ctx, (tx) =>
        tx.updateTable('maatregelWijziging').set({ motivering: 'Anders.' }).where('id', '=', w.id).execute(),
      ),
    ).rejects.toThrow(/verandert niet/);
  });
});

describe('objection and voorlopige voorziening, against the imposing decision and the measure', () => {
  it('records both, with their decisions; a ruling only next to an objection', async () => {
    const { id, mid } = await besloten();
    const url = `/api/v1/tegenprestaties/${id}/rechtsmiddelen`;
    const bezwaar = {
      betreft: 'opleggend-besluit',
      soort: 'bezwaar',
      ontvangenOp: d(-10),
      toelichting: 'De klant vindt de tegenprestatie niet passend.',
    };
    expect((await api(tokens.nm, 'POST', url, bezwaar)).statusCode).toBe(403);
    expect((await api(tokens.kmAnder, 'GET', url)).statusCode).toBe(404);
    const vovo = await api(tokens.km, 'POST', url, { ...bezwaar, soort: 'voorlopige-voorziening' });
    expect(vovo.statusCode).toBe(400);
    expect(JSON.stringify(vovo.json().invalidParams)).toMatch(/8:81/);
    // Before the imposing decision (sent 25 days ago) or in the future: refused.
    expect((await api(tokens.km, 'POST', url, { ...bezwaar, ontvangenOp: d(-26) })).statusCode).toBe(400);
    expect((await api(tokens.km, 'POST', url, { ...bezwaar, ontvangenOp: d(1) })).statusCode).toBe(400);
    const b1 = await api(tokens.km, 'POST', url, bezwaar);
    expect(b1.statusCode).toBe(201);
    expect(b1.json()).toMatchObject({
      betreft: 'opleggend-besluit',
      maatregelId: null,
      besluitDatum: d(-25),
      bezwaartermijnEinde: plusDagen(d(-25), 42),
    });
    expect(
      (await api(tokens.km, 'POST', url, { ...bezwaar, soort: 'voorlopige-voorziening' })).statusCode,
    ).toBe(201);
    // Against the measure: dated from the decision (today).
    const tegenM = { betreft: 'maatregel', maatregelId: mid, soort: 'bezwaar', toelichting: 'Te hoog.' };
    expect((await api(tokens.km, 'POST', url, { ...tegenM, ontvangenOp: d(-1) })).statusCode).toBe(400);
    expect(
      (
        await api(tokens.km, 'POST', url, {
          ...tegenM,
          betreft: 'maatregel',
          maatregelId: null,
          ontvangenOp: VANDAAG,
        })
      ).statusCode,
    ).toBe(400);
    const b2 = await api(tokens.km, 'POST', url, { ...tegenM, ontvangenOp: VANDAAG });
    expect(b2.statusCode).toBe(201);
    expect(b2.json()).toMatchObject({ betreft: 'maatregel', maatregelId: mid, besluitDatum: VANDAAG });

    // The decision: an outcome that fits, dated from receipt to today; once decided, fixed.
    const bes = `${url}/${b1.json().id}/beslissing`;
    expect(
      (await api(tokens.km, 'POST', bes, { beslistOp: VANDAAG, uitkomst: 'toegewezen' })).statusCode,
    ).toBe(400);
    expect((await api(tokens.km, 'POST', bes, { beslistOp: d(-11), uitkomst: 'ongegrond' })).statusCode).toBe(
      400,
    );
    expect(
      (await api(tokens.nm, 'POST', bes, { beslistOp: VANDAAG, uitkomst: 'ongegrond' })).statusCode,
    ).toBe(403);
    const beslist = await api(tokens.km, 'POST', bes, {
      beslistOp: VANDAAG,
      uitkomst: 'ongegrond',
      toelichting: 'De tegenprestatie past.',
    });
    expect(beslist.statusCode).toBe(200);
    expect(beslist.json()).toMatchObject({ uitkomst: 'ongegrond', beslistOp: VANDAAG });
    expect((await api(tokens.km, 'POST', bes, { beslistOp: VANDAAG, uitkomst: 'gegrond' })).statusCode).toBe(
      422,
    );
    const lijst = (await api(tokens.km, 'GET', url)).json();
    expect(lijst).toHaveLength(3);
    // The measure's own view lists the objection against it.
    const n = (await api(tokens.km, 'GET', `/api/v1/tegenprestaties/${id}/maatregelen/${mid}/nazorg`)).json();
    expect(n.rechtsmiddelen).toEqual([expect.objectContaining({ id: b2.json().id, soort: 'bezwaar' })]);
  });
});

describe('the monthly export to the benefits system', () => {
  it('lines for the month, a correction once in the first export after a change; CSV; who may not', async () => {
    const { klant, mid, mUrl } = await besloten();
    const klantnummer = (await klanten.findKlant(kmActor, klant)).klantnummer;
    const maand = d(25).slice(0, 7);
    const url = `/api/v1/gemeenten/${A}/maatregel-exports`;
    expect((await api(tokens.km, 'POST', url, { maand })).statusCode).toBe(403);
    expect((await api(tokens.km, 'GET', url)).statusCode).toBe(403);
    expect((await api(tokens.fb, 'POST', url, { maand: '2027-13' })).statusCode).toBe(400);
    expect(
      (await api(tokens.fb, 'POST', `/api/v1/gemeenten/${B}/maatregel-exports`, { maand })).statusCode,
    ).toBe(201);
    const e1 = await api(tokens.fb, 'POST', url, { maand });
    expect(e1.statusCode).toBe(201);
    const regel = e1.json().regels.find((r: { maatregelId: string }) => r.maatregelId === mid);
    expect(regel).toEqual({
      soort: 'maatregel',
      klantnummer,
      maatregelId: mid,
      categorie: 2,
      percentage: 30,
      ingangsdatum: d(25),
      einddatum: EINDE(),
      grondslag: 'bijstandsnorm',
      besluitDatum: VANDAAG,
      status: 'besloten',
      gezamenlijkeBijstand: false,
    });
    // No BSN anywhere in the export.
    expect(JSON.stringify(e1.json())).not.toMatch(/bsn|\b\d{9}\b/i);

    // Ended from its first day (withdrawn) — e.g. after a well-founded objection: the next export has a correction.
    const w = await api(tokens.km, 'POST', `${mUrl}/wijzigingen`, {
      aanleiding: 'bezwaar',
      uitkomst: 'beeindigd',
      ingangsdatum: d(25),
      motivering: 'Het bezwaar is gegrond: de maatregel wordt herroepen.',
    });
    expect(w.statusCode).toBe(201);
    const wid = w.json().wijzigingen[0].id;
    // Proposed but not determined: no correction yet.
    const e2 = (await api(tokens.tl, 'POST', url, { maand })).json();
    expect(
      e2.regels
        .filter((r: { maatregelId: string }) => r.maatregelId === mid)
        .map((r: { soort: string }) => r.soort),
    ).toEqual(['maatregel']);
    expect(
      (await api(tokens.tl, 'POST', `${mUrl}/wijzigingen/${wid}/beoordeling`, { akkoord: true })).statusCode,
    ).toBe(200);
    const e3 = (await api(tokens.tl, 'POST', url, { maand: '2026-01' })).json();
    expect(e3.regels.filter((r: { maatregelId: string }) => r.maatregelId === mid)).toEqual([
      expect.objectContaining({
        soort: 'correctie',
        percentage: 0,
        ingangsdatum: d(25),
        einddatum: null,
        status: 'ingetrokken',
        besluitDatum: VANDAAG,
      }),
    ]);
    expect(e3.aantalCorrecties).toBeGreaterThanOrEqual(1);
    // The next export no longer carries it, and the withdrawn measure has no line.
    const e4 = (await api(tokens.tl, 'POST', url, { maand })).json();
    expect(e4.regels.filter((r: { maatregelId: string }) => r.maatregelId === mid)).toEqual([]);

    // The stored run as JSON and CSV, exactly as made.
    const lijst = (await api(tokens.fb, 'GET', url)).json();
    expect(lijst.map((x: { id: string }) => x.id)).toContain(e3.id);
    const csv = await t.app.inject({
      method: 'GET',
      url: `${url}/${e3.id}`,
      headers: { authorization: `Bearer ${tokens.fb}`, accept: 'text/csv' },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('soort;klantnummer;maatregel_id;categorie;percentage');
    expect(csv.body).toContain(
      `correctie;${klantnummer};${mid};2;0;${d(25)};;bijstandsnorm;${VANDAAG};ingetrokken;nee`,
    );
    expect((await api(tokens.kmB, 'GET', `${url}/${e3.id}`)).statusCode).toBe(403);
  });
});

describe('the reconsideration signal (art. 18 lid 3)', () => {
  it('a decided measure is due three calendar months after its decision, until its reconsideration is determined', async () => {
    const { mid, mUrl } = await besloten();
    const nazorg = createNazorgService({
      db: t.db.app,
      overeenkomsten: {
        opgelegdBesluit: async () => {
          throw new Error('not used by teHeroverwegen');
        },
      },
      klantnummer: async () => null,
    });
    const systeem = { ...systeemActor('test: signalen', dienstId), dienstId };
    const feit = (await nazorg.teHeroverwegen(systeem)).find((f) => f.id === mid);
    expect(feit).toMatchObject({
      heroverwegingUiterlijk: heroverwegingUiterlijk(VANDAAG),
      voorbereider: km.gebruikerId,
    });
    const signalen = bepaalSignalen(
      {
        tegenprestaties: [],
        ontheffingen: [],
        intervisies: [],
        teamleiders: {},
        maatregelen: [{ ...(feit as NonNullable<typeof feit>), klantNaam: 'De klant' }],
      },
      plusDagen(heroverwegingUiterlijk(VANDAAG), -28),
    );
    expect(signalen).toMatchObject([{ soort: 'maatregel-heroverwegen', gebruikerId: km.gebruikerId }]);
    const w = await api(tokens.km, 'POST', `${mUrl}/wijzigingen`, {
      aanleiding: 'heroverweging',
      uitkomst: 'voortgezet',
      motivering: 'Blijft nodig.',
    });
    await api(tokens.tl, 'POST', `${mUrl}/wijzigingen/${w.json().wijzigingen[0].id}/beoordeling`, {
      akkoord: true,
    });
    expect((await nazorg.teHeroverwegen(systeem)).find((f) => f.id === mid)).toBeUndefined();
  });
});

describe('the pages (no JavaScript): a refused form keeps what was typed', () => {
  it('measure page: reconsideration and a change with four eyes; list page: objection; export page', async () => {
    const { id, mid } = await besloten();
    const b = await ingelogdAls(t.app, km);
    const mPagina = `/tegenprestaties/${id}/maatregelen/${mid}`;
    const p1 = await b.get(mPagina);
    expect(p1.statusCode).toBe(200);
    expect(p1.body).toContain('Na het besluit');
    expect(p1.body).toContain(`Heroverweeg de maatregel uiterlijk`);
    const hoog = await b.post(`${mPagina}/wijzigingen`, {
      aanleiding: 'dringende-redenen',
      uitkomst: 'aangepast',
      ingangsdatum: d(26),
      percentage: '50',
      einddatum: EINDE(),
      motivering: 'Opname in het ziekenhuis.',
    });
    expect(hoog.statusCode).toBe(422);
    expect(hoog.body).toContain('een zwaardere maatregel is een nieuw besluit');
    expect(hoog.body).toContain('Opname in het ziekenhuis.');
    expect(hoog.body).toContain('value="50"');
    const ok = await b.post(`${mPagina}/wijzigingen`, {
      aanleiding: 'heroverweging',
      uitkomst: 'voortgezet',
      motivering: 'Nog steeds nodig.',
    });
    expect(ok.statusCode).toBe(303);
    expect((await b.get(String(ok.headers.location))).body).not.toContain(
      'Vier ogen: de wijziging vaststellen',
    );
    const tlB = await ingelogdAls(t.app, tl);
    const tlPagina = await tlB.get(mPagina);
    expect(tlPagina.body).toContain('Vier ogen: de wijziging vaststellen');
    const wid = /wijzigingen\/([0-9a-f-]{36})\/beoordeling/.exec(tlPagina.body)?.[1] as string;
    const terug = await tlB.post(`${mPagina}/wijzigingen/${wid}/beoordeling`, {
      akkoord: 'nee',
      toelichting: '',
    });
    expect(terug.statusCode).toBe(422);
    expect(terug.body).toContain('Schrijf waarom u het terugstuurt.');
    expect((await tlB.post(`${mPagina}/wijzigingen/${wid}/beoordeling`, { akkoord: 'ja' })).statusCode).toBe(
      303,
    );
    expect((await b.get(mPagina)).body).toContain('Heroverweging');
    expect((await b.get(mPagina)).body).not.toContain('Heroverweeg de maatregel uiterlijk');

    // Objection on the list page.
    const lijst = `/tegenprestaties/${id}/maatregelen`;
    expect((await b.get(lijst)).body).toContain('Bezwaar en voorlopige voorziening');
    const fout = await b.post(`/tegenprestaties/${id}/rechtsmiddelen`, {
      keuze: 'opleggend-besluit',
      soort: 'voorlopige-voorziening',
      ontvangenOp: d(-5),
      toelichting: 'Spoed: de klant kan niet.',
    });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('8:81 Awb');
    expect(fout.body).toContain('Spoed: de klant kan niet.');
    const goed = await b.post(`/tegenprestaties/${id}/rechtsmiddelen`, {
      keuze: `maatregel:${mid}`,
      soort: 'bezwaar',
      ontvangenOp: VANDAAG,
      toelichting: 'Te hoog.',
    });
    expect(goed.statusCode).toBe(303);
    const na = await b.get(String(goed.headers.location));
    expect(na.body).toContain('Bezwaar tegen de maatregel');
    const rid = /rechtsmiddelen\/([0-9a-f-]{36})\/beslissing/.exec(na.body)?.[1] as string;
    const bes = await b.post(`/tegenprestaties/${id}/rechtsmiddelen/${rid}/beslissing`, {
      uitkomst: 'gegrond',
      beslistOp: d(1),
      toelichting: 'Het percentage was te hoog.',
    });
    expect(bes.statusCode).toBe(422);
    expect(bes.body).toContain('niet in de toekomst');
    expect(bes.body).toContain('Het percentage was te hoog.');

    // Export page: the team lead makes it; the caseworker and the network broker may not.
    expect((await b.get('/maatregel-export')).statusCode).toBe(403);
    expect((await (await ingelogdAls(t.app, nm)).get('/maatregel-export')).statusCode).toBe(403);
    expect((await tlB.get('/maatregel-export')).body).toContain('Maatregelexport naar het uitkeringssysteem');
    const fm = await tlB.post('/maatregel-export', { gemeenteId: A, maand: '2027-1' });
    expect(fm.statusCode).toBe(422);
    expect(fm.body).toContain('value="2027-1"');
    const gemaakt = await tlB.post('/maatregel-export', { gemeenteId: A, maand: d(25).slice(0, 7) });
    expect(gemaakt.statusCode).toBe(303);
    const ex = await tlB.get(String(gemaakt.headers.location));
    expect(ex.body).toContain('De export is gemaakt en bewaard.');
    expect(ex.body).toContain('Regels van de export');
    const csvPad = /href="(\/maatregel-export\/[^"]+\/csv)"/.exec(ex.body)?.[1] as string;
    const csv = await tlB.get(csvPad);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(mid);
    expect((await b.get(csvPad)).statusCode).toBe(403);
  });
});

describe('everything visible: the AVG export and the team lead list', () => {
  it("the client's measures, changes and objections are in the art. 15 export; the team lead lists by stage", async () => {
    const { id, klant, mid, mUrl } = await besloten();
    const w = await api(tokens.km, 'POST', `${mUrl}/wijzigingen`, {
      aanleiding: 'dringende-redenen',
      uitkomst: 'beeindigd',
      ingangsdatum: d(30),
      motivering: 'Opname in het ziekenhuis.',
    });
    // Waiting for the team lead: in the list as such.
    const lijst1 = await api(tokens.tl, 'GET', '/api/v1/maatregelen');
    expect(lijst1.statusCode).toBe(200);
    expect(lijst1.json().find((r: { maatregelId: string }) => r.maatregelId === mid)).toMatchObject({
      stadium: 'wacht-op-akkoord',
      tegenprestatieId: id,
    });
    await api(tokens.tl, 'POST', `${mUrl}/wijzigingen/${w.json().wijzigingen[0].id}/beoordeling`, {
      akkoord: true,
    });
    await api(tokens.km, 'POST', `/api/v1/tegenprestaties/${id}/rechtsmiddelen`, {
      betreft: 'opleggend-besluit',
      soort: 'bezwaar',
      ontvangenOp: d(-3),
      toelichting: 'Niet passend.',
    });
    // An open intention whose term has not ended, on another placement of the same team.
    const { id: tp2 } = await lopend(kmActor, tokens.km, A, activiteit, true);
    const open = (
      await api(tokens.km, 'POST', `/api/v1/tegenprestaties/${tp2}/maatregelen`, voornemen())
    ).json();
    const lijst2 = (await api(tokens.tl, 'GET', '/api/v1/maatregelen')).json() as Array<{
      maatregelId: string;
      stadium: string;
      peildatum: string | null;
      klantNaam: string | null;
    }>;
    expect(lijst2.find((r) => r.maatregelId === mid)).toMatchObject({
      stadium: 'besloten',
      peildatum: VANDAAG,
    });
    expect(lijst2.find((r) => r.maatregelId === open.id)).toMatchObject({
      stadium: 'voornemen',
      peildatum: d(14),
    });
    expect(lijst2.find((r) => r.maatregelId === mid)?.klantNaam).toBe(
      (await klanten.findKlant(kmActor, klant)).naam,
    );
    // Who may not: a caseworker, the network broker; another municipality's team lead would not see them (RLS).
    expect((await api(tokens.km, 'GET', '/api/v1/maatregelen')).statusCode).toBe(403);
    expect((await api(tokens.nm, 'GET', '/api/v1/maatregelen')).statusCode).toBe(403);
    const tlB = await ingelogdAls(t.app, tl);
    const pagina = await tlB.get('/maatregelen');
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toContain('Voornemens binnen de termijn voor de zienswijze (');
    expect(pagina.body).toContain(`/tegenprestaties/${tp2}/maatregelen/${open.id}`);
    expect((await (await ingelogdAls(t.app, km)).get('/maatregelen')).statusCode).toBe(403);

    // The AVG art. 15 export (the privacy officer).
    const po = await insertGebruiker(t.db.app, { dienstId, rol: 'privacy-officer', gemeenten: [A] });
    const officer = await ingelogdAls(t.app, po);
    await officer.get(`/privacy/verwerkingen/${klant}`);
    const res = await officer.post(`/privacy/verwerkingen/${klant}/inzage`, { formaat: 'json' });
    expect(res.statusCode).toBe(200);
    const inzage = res.json() as {
      onderdelen: Array<{ onderdeel: string; records: Array<Record<string, unknown>> }>;
    };
    const deel = (o: string) => inzage.onderdelen.find((x) => x.onderdeel === o);
    expect(deel('maatregelen')?.records).toEqual([
      expect.objectContaining({
        Stand: 'Maatregel besloten',
        'Voornemen: percentage': 30,
        'Ons antwoord': zienswijze.antwoord,
        Verwijtbaar: 'Ja',
        'Besluit: datum': VANDAAG,
        'Besluit: percentage': 30,
        'Besluit: vanaf': d(25),
        'Na wijzigingen': 'Beëindigd',
        'Heroverweging uiterlijk': heroverwegingUiterlijk(VANDAAG),
      }),
    ]);
    expect(deel('maatregel-wijzigingen')?.records).toEqual([
      expect.objectContaining({
        Uitkomst: expect.stringMatching(/^Beëindigd/),
        Vanaf: d(30),
        Vastgesteld: VANDAAG,
      }),
    ]);
    expect(deel('bezwaren')?.records).toEqual([
      expect.objectContaining({
        Soort: 'Bezwaar',
        Tegen: 'Het besluit dat de tegenprestatie oplegt',
        Ontvangen: d(-3),
      }),
    ]);
    // No staff names in these parts.
    expect(
      JSON.stringify([deel('maatregelen'), deel('maatregel-wijzigingen'), deel('bezwaren')]),
    ).not.toContain(tl.naam);
  });
});

describe('who receives: a representative and the partner of joint bijstand', () => {
  it('are recorded on the client; a measure on joint bijstand names both, and the export says so', async () => {
    const { id, klant } = await lopend(kmActor, tokens.km, A, activiteit, true);
    const url = `/api/v1/klanten/${klant}/betrokkenen`;
    const bewind = { soort: 'bewindvoerder', naam: 'Mr. P. Bakker', vanaf: d(-100) };
    expect((await api(tokens.nm, 'POST', url, { ...bewind, adres: 'Postbus 12' })).statusCode).toBe(403);
    expect((await api(tokens.kmAnder, 'GET', url)).statusCode).toBe(404);
    const zonder = await api(tokens.km, 'POST', url, bewind);
    expect(zonder.statusCode).toBe(400);
    expect(JSON.stringify(zonder.json().invalidParams)).toContain('/adres');
    expect(
      (await api(tokens.km, 'POST', url, { ...bewind, adres: 'Postbus 12, 1234 AA Aardam' })).statusCode,
    ).toBe(201);
    const partner = await api(tokens.km, 'POST', url, { soort: 'partner', naam: 'A. Smit', vanaf: d(-100) });
    expect(partner.statusCode).toBe(201);
    const tweede = await api(tokens.km, 'POST', url, { soort: 'partner', naam: 'B. Smit', vanaf: d(-5) });
    expect(tweede.statusCode).toBe(400);
    expect(JSON.stringify(tweede.json().invalidParams)).toContain('A. Smit');
    expect((await api(tokens.km, 'GET', url)).json()).toHaveLength(2);

    // The measure on joint bijstand: stored with the intention, shown, in the export.
    const mUrl0 = `/api/v1/tegenprestaties/${id}/maatregelen`;
    const m = (await api(tokens.km, 'POST', mUrl0, voornemen())).json();
    expect(m.gezamenlijkMet).toBe('A. Smit');
    const mUrl = `${mUrl0}/${m.id}`;
    expect((await api(tokens.km, 'POST', `${mUrl}/horing`, zienswijze)).statusCode).toBe(200);
    expect((await api(tokens.km, 'POST', `${mUrl}/verwijtbaarheid`, verwijtbaar)).statusCode).toBe(200);
    expect((await api(tokens.km, 'POST', `${mUrl}/voorstel`, voorstel())).statusCode).toBe(200);
    expect((await api(tokens.tl, 'POST', `${mUrl}/beoordeling`, { akkoord: true })).statusCode).toBe(200);
    const e = (
      await api(tokens.tl, 'POST', `/api/v1/gemeenten/${A}/maatregel-exports`, { maand: d(25).slice(0, 7) })
    ).json();
    expect(e.regels.find((r: { maatregelId: string }) => r.maatregelId === m.id)).toMatchObject({
      gezamenlijkeBijstand: true,
    });
    const b = await ingelogdAls(t.app, km);
    const pagina = await b.get(`/tegenprestaties/${id}/maatregelen/${m.id}`);
    expect(pagina.body).toContain('Gezamenlijke bijstand');
    expect(pagina.body).toContain('Met A. Smit: de maatregel gaat over beide partners');
    const pdf = await b.get(`/tegenprestaties/${id}/maatregelen/${m.id}/besluit.pdf`);
    expect(pdf.statusCode).toBe(200);

    // The page on the client's file: a refused form keeps what was typed; ending a record.
    const p = `/klanten/${klant}/vertegenwoordiging`;
    const lijst = await b.get(p);
    expect(lijst.statusCode).toBe(200);
    expect(lijst.body).toContain('Bewindvoerder: Mr. P. Bakker');
    const fout = await b.post(p, { soort: 'mentor', naam: 'J. Mentor', adres: '', vanaf: d(-1) });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('Vul het adres in');
    expect(fout.body).toContain('value="J. Mentor"');
    const pid = partner.json().id as string;
    const vroeg = await b.post(`${p}/${pid}/einde`, { tot: d(-101) });
    expect(vroeg.statusCode).toBe(422);
    expect(vroeg.body).toContain('niet vóór de begindatum');
    expect((await b.post(`${p}/${pid}/einde`, { tot: d(-1) })).statusCode).toBe(303);
    // A new intention for conduct after the partner's end: no joint bijstand any more.
    const m2 = await api(tokens.km, 'POST', mUrl0, voornemen({ gedragDatum: VANDAAG }));
    expect(m2.json().gezamenlijkMet).toBeNull();
    expect((await (await ingelogdAls(t.app, nm)).get(p)).statusCode).toBe(403);
    // In the AVG art. 15 export.
    const po = await insertGebruiker(t.db.app, { dienstId, rol: 'privacy-officer', gemeenten: [A] });
    const officer = await ingelogdAls(t.app, po);
    await officer.get(`/privacy/verwerkingen/${klant}`);
    const inzage = (
      await officer.post(`/privacy/verwerkingen/${klant}/inzage`, { formaat: 'json' })
    ).json() as {
      onderdelen: Array<{ onderdeel: string; records: Array<Record<string, unknown>> }>;
    };
    expect(inzage.onderdelen.find((o) => o.onderdeel === 'vertegenwoordiging')?.records).toEqual([
      { Wie: 'Bewindvoerder', Naam: 'Mr. P. Bakker', Vanaf: d(-100), 'Tot en met': null },
      { Wie: 'Partner (gezamenlijke bijstand)', Naam: 'A. Smit', Vanaf: d(-100), 'Tot en met': d(-1) },
    ]);
  });
});
