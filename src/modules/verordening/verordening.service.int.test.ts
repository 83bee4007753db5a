import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { maakVersie } from '../../../test/factories/verordening.ts';
import { withContext } from '../../db/context.ts';
import { AppError } from '../../http/app-error.ts';
import { type Gebruiker, systeemActor } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { createGemeentenService } from '../gemeenten/index.ts';
import { createKlantenService, medewerkersUitBeheer } from '../klanten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { VerordeningInvoerfout, type VerordeningOntwerp } from './index.ts';
import { laadDemoVerordeningen } from './verordening.demo.ts';
import { createVerordeningService, type VerordeningService } from './verordening.service.ts';

let db: TestDatabase;
let dienstId: string;
let A: string;
let B: string;
let service: VerordeningService;
let fb: Gebruiker;
let fbA: Gebruiker;
let km: Gebruiker;
let tl: Gebruiker;
let grondA: string;
let grondB: string;

const fout = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
};

const logregels = (subjectId: string) =>
  withContext(db.app, { kind: 'systeem', reden: 'test', dienstId }, (tx) =>
    tx
      .selectFrom('logboek')
      .select(['actie', 'actorId', 'verwerkingsactiviteitId', 'gemeenteId'])
      .where('subjectId', '=', subjectId)
      .execute(),
  );

const ontwerp = (startdatum: string, extra: Partial<VerordeningOntwerp> = {}): VerordeningOntwerp => ({
  startdatum,
  einddatum: null,
  urenPerWeek: 6,
  dagdelen: ['di-ochtend'],
  werk: { urenPerWeek: 0, dagdelen: [] },
  reintegratieDagdelen: [],
  ontheffingen: [],
  verlenging: null,
  ...extra,
});

beforeAll(async () => {
  db = await createTestDatabase();
  const a = await insertGemeente(db.app, { naam: 'Aardam' });
  dienstId = a.dienstId;
  A = a.gemeenteId;
  B = (await insertGemeente(db.app, { dienstId, naam: 'Bergdorp' })).gemeenteId;
  await createLogboekService(db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const gemeenten = createGemeentenService(db.app);
  const klanten = createKlantenService({
    db: db.app,
    bsnSleutels: undefined,
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(db.app, { gemeenten })),
  });
  service = createVerordeningService({ db: db.app, gemeenten, klanten });
  const sys = systeemActor('test', dienstId);
  grondA = (
    await klanten.createLokaleGrond(sys, A, { code: 'mantelzorg', naam: 'Mantelzorg', grondslag: 'art. 4' })
  ).id;
  grondB = (
    await klanten.createLokaleGrond(sys, B, { code: 'mantelzorg', naam: 'Mantelzorg', grondslag: 'art. 4' })
  ).id;
  const g = (rol: Gebruiker['rol'], gemeenten: string[]) =>
    actorVan({ dienstId, gebruikerId: crypto.randomUUID() }, { rol, gemeenten });
  fb = g('functioneel-beheerder', [A, B]);
  fbA = g('functioneel-beheerder', [A]);
  km = g('klantmanager', [A]);
  tl = g('teamleider', [A, B]);
  await laadDemoVerordeningen(service, sys, { Aardam: A, Bergdorp: B });
});

describe('the demo ordinances through the service', () => {
  it('loads Aardam (two versions, imposes) and Bergdorp (one version, offers only), idempotently', async () => {
    await laadDemoVerordeningen(service, systeemActor('test', dienstId), { Aardam: A, Bergdorp: B });
    const aardam = await service.listVersies(fb, A);
    expect(aardam.map((v) => [v.ingangsdatum, v.weergavenaam, v.vorm, v.lokaleGrondIds])).toEqual([
      ['2026-01-01', 'tegenprestatie', 'opleggen', [grondA]],
      ['2026-07-01', 'maatschappelijke-participatie', 'opleggen', [grondA]],
    ]);
    const bergdorp = await service.listVersies(tl, B);
    expect(bergdorp.map((v) => [v.ingangsdatum, v.vorm, v.maxUrenPerWeek, v.maxDuurMaanden])).toEqual([
      ['2015-01-01', 'aanbieden', 20, 12],
    ]);
  });

  it.each([
    ['Aardam', 'A', '2026-06-15', '2026-01-01', 'tegenprestatie', true],
    ['Aardam', 'A', '2026-07-02', '2026-07-01', 'maatschappelijke participatie', true],
    ['Aardam', 'A', '2025-06-01', null, 'tegenprestatie', false],
    ['Bergdorp', 'B', '2026-07-02', '2015-01-01', 'tegenprestatie', false],
    ['Bergdorp', 'B', '2027-02-01', '2015-01-01', 'tegenprestatie', false],
  ])(
    '%s on %s: version, name and whether "geen medewerking" exists',
    async (_n, welke, datum, versie, naam, geenMedewerking) => {
      const gemeenteId = welke === 'A' ? A : B;
      expect(
        (await service.versieVoor(km.gemeenten.includes(gemeenteId) ? km : tl, gemeenteId, datum))
          ?.ingangsdatum ?? null,
      ).toBe(versie);
      expect(await service.naamVoor(tl, gemeenteId, datum)).toBe(naam);
      expect(await service.geenMedewerkingToegestaan(gemeenteId, datum)).toBe(geenMedewerking);
    },
  );

  it('checks a design against the version in force on its start date and refuses without one', async () => {
    const juni = await service.toetsOntwerp(
      km,
      A,
      ontwerp('2026-06-15', { urenPerWeek: 10, einddatum: '2026-09-14' }),
    );
    expect(juni.versie.ingangsdatum).toBe('2026-01-01');
    expect(juni.uitkomsten.find((u) => u.regel === 'uren')?.uitkomst).toBe('voldoet');
    const juli = await service.toetsOntwerp(
      km,
      A,
      ontwerp('2026-07-15', { urenPerWeek: 10, einddatum: '2026-10-14' }),
    );
    expect(juli.versie.ingangsdatum).toBe('2026-07-01');
    expect(juli.uitkomsten.find((u) => u.regel === 'uren')?.uitkomst).toBe('voldoet-niet');
    const e = await fout(service.toetsOntwerp(km, A, ontwerp('2025-03-01')));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(422);
    expect((e as AppError).userMessage).toContain('nog geen verordening');
  });

  it('lists per municipality the version in force, the next one and the name', async () => {
    const lijst = await service.listVerordeningen(fb, { datum: '2026-06-15' });
    const aardam = lijst.find((o) => o.gemeente.id === A)!;
    expect(aardam).toMatchObject({ aantalVersies: 2, naam: 'tegenprestatie' });
    expect(aardam.geldend?.ingangsdatum).toBe('2026-01-01');
    expect(aardam.volgende?.ingangsdatum).toBe('2026-07-01');
    expect(lijst.find((o) => o.gemeente.id === B)).toMatchObject({ aantalVersies: 1, volgende: null });
  });
});

describe('saving a version', () => {
  it('saves a new version for the functioneel beheerder and logs it in the same transaction', async () => {
    const v = await service.createVersie(
      fb,
      B,
      maakVersie({ ingangsdatum: '2027-01-01', lokaleGrondIds: [grondB] }),
    );
    expect(v).toMatchObject({
      gemeenteId: B,
      ingangsdatum: '2027-01-01',
      minUrenPerWeek: 4,
      lokaleGrondIds: [grondB],
    });
    expect(await logregels(v.id)).toEqual([
      {
        actie: 'aanmaken',
        actorId: fb.gebruikerId,
        verwerkingsactiviteitId: 'va-beheer-organisatie',
        gemeenteId: B,
      },
    ]);
    expect(await service.geenMedewerkingToegestaan(B, '2027-01-01')).toBe(true);
    expect(await service.geenMedewerkingToegestaan(B, '2026-12-31')).toBe(false);
  });

  it('refuses a klantmanager and a teamleider (403) and another municipality (404)', async () => {
    for (const actor of [km, tl]) {
      const e = await fout(service.createVersie(actor, A, maakVersie({ ingangsdatum: '2030-01-01' })));
      expect((e as AppError).status).toBe(403);
    }
    const e = await fout(service.createVersie(fbA, B, maakVersie({ ingangsdatum: '2030-01-01' })));
    expect((e as AppError).status).toBe(404);
    expect(((await fout(service.listVersies(fbA, B))) as AppError).status).toBe(404);
  });

  it('refuses a second version on the same effective date (409, the first stays as it was)', async () => {
    const e = await fout(
      service.createVersie(fb, A, maakVersie({ ingangsdatum: '2026-07-01', maxUrenPerWeek: 20 })),
    );
    expect(e).toBeInstanceOf(VerordeningInvoerfout);
    expect((e as VerordeningInvoerfout).status).toBe(409);
    expect((e as VerordeningInvoerfout).velden.ingangsdatum).toContain('1 juli 2026');
    expect((await service.versieVoor(fb, A, '2026-07-01'))?.maxUrenPerWeek).toBe(8);
  });

  it.each([
    [{ minUrenPerWeek: 10, maxUrenPerWeek: 8 }, 'maxUrenPerWeek', 'lager dan het minimum'],
    [{ verlengingToegestaan: false, maxVerlengingMaanden: 3 }, 'maxVerlengingMaanden', 'Verlenging mag niet'],
    [{ ingangsdatum: '2026-02-30' }, 'ingangsdatum', 'bestaande datum'],
    [{ titel: '  ' }, 'titel', 'Vul de titel'],
    [{ maxDuurMaanden: 0 }, 'maxDuurMaanden', 'minstens 1 maand'],
    [{ maxUrenPerWeek: 4.25 }, 'maxUrenPerWeek', 'halve uren'],
  ])('refuses %j with a Dutch message on %s', async (over, veld, tekst) => {
    const e = await fout(service.createVersie(fb, A, maakVersie({ ingangsdatum: '2031-01-01', ...over })));
    expect(e).toBeInstanceOf(VerordeningInvoerfout);
    expect((e as VerordeningInvoerfout).velden[veld]).toContain(tekst);
  });

  it("refuses another municipality's local exemption ground", async () => {
    const e = await fout(
      service.createVersie(fb, A, maakVersie({ ingangsdatum: '2031-02-01', lokaleGrondIds: [grondB] })),
    );
    expect((e as VerordeningInvoerfout).velden.lokaleGrondIds).toContain('van deze gemeente');
  });

  it('keeps a saved version immutable: the application role cannot update it and a trigger stops the owner', async () => {
    const [v] = await service.listVersies(fb, A);
    await expect(
      withContext(db.app, { kind: 'systeem', reden: 'test' }, (tx) =>
        tx.updateTable('verordeningVersie').set({ titel: 'Anders' }).where('id', '=', v!.id).execute(),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      withContext(db.owner, { kind: 'systeem', reden: 'test' }, (tx) =>
        sql`UPDATE verordening_versie SET titel = 'Anders' WHERE id = ${v!.id}`.execute(tx),
      ),
    ).rejects.toThrow(/verandert niet meer/);
    await expect(
      withContext(db.app, { kind: 'systeem', reden: 'test' }, (tx) =>
        tx.deleteFrom('verordeningVersie').where('id', '=', v!.id).execute(),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it("row-level security: a context of one municipality sees none of the other's versions", async () => {
    const rijen = await withContext(
      db.app,
      {
        kind: 'gebruiker',
        dienstId,
        gebruikerId: fbA.gebruikerId,
        rol: 'functioneel-beheerder',
        gemeenten: [A],
      },
      (tx) => tx.selectFrom('verordeningVersie').select('gemeenteId').execute(),
    );
    expect(rijen.length).toBeGreaterThan(0);
    expect(rijen.every((r) => r.gemeenteId === A)).toBe(true);
  });
});

describe('the legal basis per date', () => {
  it('is art. 9 lid 1 onder c until 2026 and not recorded from 2027 until the beheerder records citation and text (logged)', async () => {
    expect((await service.rechtsgrondVoor(km, '2026-12-31')).artikel).toBe(
      'art. 9 lid 1 onder c Participatiewet',
    );
    expect(await service.rechtsgrondVoor(km, '2027-01-01')).toMatchObject({
      artikel: null,
      omschrijving: null,
      tekst: expect.stringMatching(/^Geen wettelijke grondslag vastgelegd/),
    });
    // Citation without its short text is refused (the decision prints both).
    expect(
      ((await fout(service.setRechtsgrond(fb, { vanaf: '2027-01-01', artikel: 'art. 1' }))) as AppError)
        .status,
    ).toBe(400);
    expect(
      ((await fout(service.setRechtsgrond(km, { vanaf: '2027-01-01', artikel: 'x' }))) as AppError).status,
    ).toBe(403);
    const perioden = await service.setRechtsgrond(fb, {
      vanaf: '2027-01-01',
      artikel: 'art. 9 lid 1 Pw 2027',
      omschrijving: 'Korte tekst van de grondslag vanaf 2027.',
    });
    expect(perioden.at(-1)?.omschrijving).toBe('Korte tekst van de grondslag vanaf 2027.');
    expect(await service.rechtsgrondenVoorPeriode(tl, '2026-12-01', '2027-01-31')).toMatchObject([
      { van: '2026-12-01', tot: '2026-12-31', artikel: 'art. 9 lid 1 onder c Participatiewet' },
      { van: '2027-01-01', tot: '2027-01-31', artikel: 'art. 9 lid 1 Pw 2027' },
    ]);
    expect(perioden.map((p) => [p.vanaf, p.tekst])).toEqual([
      ['2015-01-01', 'art. 9 lid 1 onder c Participatiewet'],
      ['2027-01-01', 'art. 9 lid 1 Pw 2027'],
    ]);
    expect((await service.rechtsgrondVoor(tl, '2027-01-01')).artikel).toBe('art. 9 lid 1 Pw 2027');
    expect(await logregels('2027-01-01')).toEqual([
      {
        actie: 'wijzigen',
        actorId: fb.gebruikerId,
        verwerkingsactiviteitId: 'va-beheer-organisatie',
        gemeenteId: null,
      },
    ]);
    await service.setRechtsgrond(fb, { vanaf: '2027-01-01', artikel: '' });
    expect((await service.rechtsgrondVoor(tl, '2027-06-01')).artikel).toBeNull();
  });
});

describe('the transition list', () => {
  /** Designs as the tegenprestaties module lists them (a stand-in for its service, in memory). */
  const ontwerpen = () => [
    {
      id: 'a1',
      klantId: 'k1',
      gemeenteId: A,
      status: 'lopend',
      startdatum: '2026-06-15',
      einddatum: '2026-09-14',
      urenPerWeek: 10,
      dagdelen: ['di-ochtend'],
    },
    {
      id: 'a2',
      klantId: 'k2',
      gemeenteId: A,
      status: 'overeengekomen',
      startdatum: '2026-10-01',
      einddatum: null,
      urenPerWeek: 6,
      dagdelen: ['ma-ochtend'],
    },
    {
      id: 'a3',
      klantId: 'k3',
      gemeenteId: A,
      status: 'afgerond',
      startdatum: '2026-02-01',
      einddatum: '2026-07-31',
    },
    {
      id: 'b1',
      klantId: 'k4',
      gemeenteId: B,
      status: 'lopend',
      startdatum: '2026-11-01',
      einddatum: '2027-04-30',
    },
  ];
  const metBron = () =>
    createVerordeningService({
      db: db.app,
      gemeenten: createGemeentenService(db.app),
      klanten: {
        listLokaleGronden: async () => [],
        findKlant: async (_actor, id) =>
          ({ naam: `Klant ${id}`, werk: [], reintegratie: [], ontheffingen: [] }) as never,
      },
      tegenprestaties: {
        async findTegenprestaties(_actor, vraag) {
          const items = ontwerpen().filter((o) => o.status === vraag.status);
          return { items, aantalPaginas: 1 };
        },
      },
    });

  it('lists what still runs on 2027-01-01 with the version it was checked against and both legal bases', async () => {
    const regels = await metBron().overgangslijst(tl);
    expect(regels.map((r) => r.tegenprestatie.id)).toEqual(['a2', 'b1']);
    const a2 = regels[0]!;
    expect(a2.versieBijStart?.ingangsdatum).toBe('2026-07-01');
    expect(a2).toMatchObject({
      naamVoor: 'maatschappelijke participatie',
      naamOp: 'maatschappelijke participatie',
    });
    expect(a2.rechtsgrondVoor.artikel).toBe('art. 9 lid 1 onder c Participatiewet');
    expect(a2.rechtsgrondOp.artikel).toBeNull();
    expect(regels[1]).toMatchObject({
      naamVoor: 'tegenprestatie',
      naamOp: 'tegenprestatie',
      gemeente: { id: B },
    });
  });

  it("on a new version's effective date: Aardam's design from 2026-06-15 runs on 2026-07-01 and changes name", async () => {
    const regels = await metBron().overgangslijst(tl, { peildatum: '2026-07-01', gemeenteId: A });
    expect(regels.map((r) => r.tegenprestatie.id)).toEqual(['a1']); // a3 has ended (afgerond)
    expect(regels[0]).toMatchObject({ naamVoor: 'tegenprestatie', naamOp: 'maatschappelijke participatie' });
    expect(regels[0]?.versieBijStart?.ingangsdatum).toBe('2026-01-01');
    expect(regels[0]?.versieOpPeildatum?.ingangsdatum).toBe('2026-07-01');
  });

  it('previews a new version BEFORE it is saved: per running or agreed placement, client, hours, day parts and each rule', async () => {
    const service = metBron();
    const nu = (await service.listVersies(tl, A)).at(-1)!;
    const voor = (await service.listVersies(tl, A)).length;
    const { id: _i, gemeenteId: _g, aangemaaktOp: _a, ...basis } = nu;
    // A stricter version from 2026-09-01: at most 5 hours and 3 months.
    const { versie, regels } = await service.voorbeeldVersie(tl, A, {
      ...basis,
      lokaleGrondIds: [...basis.lokaleGrondIds],
      ingangsdatum: '2026-09-01',
      maxUrenPerWeek: 5,
      minUrenPerWeek: null,
      maxDuurMaanden: 3,
    });
    expect(versie.ingangsdatum).toBe('2026-09-01');
    // a1 (until 2026-09-14) and a2 (open-ended) still run on 2026-09-01; b1 is in another municipality.
    expect(regels.map((r) => r.tegenprestatie.id)).toEqual(['a1', 'a2']);
    const a1 = regels[0]!;
    expect(a1).toMatchObject({
      klantNaam: 'Klant k1',
      voldoet: false,
      tegenprestatie: { urenPerWeek: 10, dagdelen: ['di-ochtend'] },
    });
    expect(a1.versieNu?.ingangsdatum).toBe('2026-01-01');
    expect(a1.uitkomsten.find((u) => u.regel === 'uren')?.uitkomst).toBe('voldoet-niet');
    // The duration counts from the placement's own start: 2026-06-15 to 2026-09-14 is within 3 months.
    expect(a1.uitkomsten.find((u) => u.regel === 'duur')?.uitkomst).toBe('voldoet');
    const a2 = regels[1]!;
    expect(a2.uitkomsten.find((u) => u.regel === 'duur')?.uitkomst).toBe('voldoet-niet');
    // Nothing was saved.
    expect((await service.listVersies(tl, A)).length).toBe(voor);
    for (const actor of [fb, km])
      expect(((await fout(service.voorbeeldVersie(actor, A, basis))) as AppError).status).toBe(403);
  });

  it('is for the teamleider only; the overview without client data is for every reader', async () => {
    for (const actor of [fb, km])
      expect(((await fout(metBron().overgangslijst(actor))) as AppError).status).toBe(403);
    const overzicht = await metBron().overgangOverzicht(fb, '2026-07-01');
    expect(overzicht.gemeenten.find((g) => g.gemeente.id === A)).toMatchObject({
      naamVoor: 'tegenprestatie',
      naamOp: 'maatschappelijke participatie',
    });
  });
});
