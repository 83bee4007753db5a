import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import {
  insertActiviteit,
  insertOrganisatie,
  maakActiviteit,
  maakOrganisatie,
  maakToets,
} from '../../../test/factories/netwerk.ts';
import { type DbContext, withContext } from '../../db/context.ts';
import { AppError } from '../../http/app-error.ts';
import { type Gebruiker, systeemActor } from '../auth/index.ts';
import { createGemeentenService } from '../gemeenten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { netwerkRepository } from './netwerk.repository.ts';
import { NetwerkInvoerfout } from './netwerk.schemas.ts';
import { createNetwerkService, type NetwerkService, vandaagNl } from './netwerk.service.ts';
import { TOETS_STATUSSEN } from './verdringing.ts';

let db: TestDatabase;
let service: NetwerkService;
let dienstId: string;
let aardam: string;
let bergdorp: string;
let centrum: string;
/** Netwerkmakelaar of both municipalities. */
let nm: Gebruiker;
/** Netwerkmakelaar of Aardam only. */
let nmA: Gebruiker;
let km: Gebruiker;
let tlA: Gebruiker;
let tlB: Gebruiker;
let fb: Gebruiker;
let po: Gebruiker;

async function fout(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}
async function velden(p: Promise<unknown>): Promise<Record<string, string>> {
  const e = await fout(p);
  expect(e).toBeInstanceOf(NetwerkInvoerfout);
  return (e as NetwerkInvoerfout).velden;
}

const logregels = (subjectId: string) =>
  withContext(db.app, systeemActor('test'), (tx) =>
    tx
      .selectFrom('logboek')
      .select(['actie', 'subjectType', 'actorId', 'verwerkingsactiviteitId'])
      .where('subjectId', '=', subjectId)
      .orderBy('volgnummer')
      .execute(),
  );

beforeAll(async () => {
  db = await createTestDatabase();
  const a = await insertGemeente(db.app, { naam: 'Aardam', code: 'GM9901' });
  dienstId = a.dienstId;
  aardam = a.gemeenteId;
  bergdorp = (await insertGemeente(db.app, { dienstId, naam: 'Bergdorp', code: 'GM9902' })).gemeenteId;
  const systeem = systeemActor('test', dienstId);
  await createLogboekService(db.app).ensureStandaardRegister(systeem, dienstId);
  const gemeenten = createGemeentenService(db.app);
  centrum = await gemeenten.ensureWijk(systeem, dienstId, {
    gemeenteId: aardam,
    naam: 'Centrum',
    postcodes: ['5611', '5612'],
  });
  service = createNetwerkService({ db: db.app, gemeenten });
  const actor = async (rol: Gebruiker['rol'], gem: string[]) =>
    actorVan(await insertGebruiker(db.app, { dienstId, rol, gemeenten: gem }), { gemeenten: gem });
  nm = await actor('netwerkmakelaar', [aardam, bergdorp]);
  nmA = await actor('netwerkmakelaar', [aardam]);
  km = await actor('klantmanager', [aardam]);
  tlA = await actor('teamleider', [aardam]);
  tlB = await actor('teamleider', [bergdorp]);
  fb = await actor('functioneel-beheerder', [aardam, bergdorp]);
  po = await actor('privacy-officer', [aardam, bergdorp]);
});

describe('organisations', () => {
  it('creates one with wijk from the postcode, contact persons, reciprocity offer and an access log entry', async () => {
    const o = await service.createOrganisatie(
      nm,
      maakOrganisatie({ gemeenteIds: [aardam], postcode: '5612ab', kvkNummer: '4123 4567' }),
    );
    expect(o.wijk).toEqual({ id: centrum, naam: 'Centrum' });
    expect(o.postcode).toBe('5612 AB');
    expect(o.kvkNummer).toBe('41234567');
    expect(o.status).toBe('actief');
    expect(o.gemeenten).toEqual([{ id: aardam, naam: 'Aardam' }]);
    expect(o.contactpersonen.map((c) => c.naam)).toEqual(['Ineke de Wit']);
    expect(o.wederkerigheid).toEqual([
      { categorie: 'begeleiding', omschrijving: 'Een vaste begeleider op elke werkdag.' },
    ]);
    expect(await logregels(o.id)).toEqual([
      {
        actie: 'aanmaken',
        subjectType: 'organisatie',
        actorId: nm.gebruikerId,
        verwerkingsactiviteitId: 'va-netwerk',
      },
    ]);
  });

  it('refuses a duplicate KvK number with a conflict on the field', async () => {
    await service.createOrganisatie(nm, maakOrganisatie({ gemeenteIds: [aardam], kvkNummer: '11112222' }));
    const e = await fout(
      service.createOrganisatie(nm, maakOrganisatie({ gemeenteIds: [aardam], kvkNummer: '11112222' })),
    );
    expect(e.code).toBe('conflict');
    expect((e as NetwerkInvoerfout).velden.kvkNummer).toMatch(/KvK-nummer/);
  });

  it('gives Dutch field messages for invalid input', async () => {
    const v = await velden(
      service.createOrganisatie(nm, {
        ...maakOrganisatie({ gemeenteIds: [] }),
        naam: ' ',
        kvkNummer: '123',
        postcode: 'abc',
        contactpersonen: [{ naam: 'Jan', email: 'geen-adres' }],
      }),
    );
    expect(v).toMatchObject({
      naam: 'Vul de naam van de organisatie in.',
      kvkNummer: expect.stringMatching(/8 cijfers/),
      postcode: expect.stringMatching(/5611 AB/),
      gemeenteIds: 'Kies minstens één gemeente.',
      'contactpersonen.0.email': expect.stringMatching(/e-mailadres/),
    });
  });

  it('lets only the netwerkmakelaar manage organisations; klantmanager and teamleider read; others nothing', async () => {
    const invoer = maakOrganisatie({ gemeenteIds: [aardam] });
    for (const a of [km, tlA, fb, po])
      expect((await fout(service.createOrganisatie(a, invoer))).code).toBe('geen-toegang');
    for (const a of [fb, po]) expect((await fout(service.findOrganisaties(a))).code).toBe('geen-toegang');
    for (const a of [km, tlA]) expect((await service.findOrganisaties(a)).totaal).toBeGreaterThan(0);
    // A klantmanager may propose one: status voorgesteld.
    const voorstel = await service.stelOrganisatieVoor(km, invoer);
    expect(voorstel.status).toBe('voorgesteld');
  });

  it('refuses a municipality the netwerkmakelaar does not work for', async () => {
    const v = await velden(service.createOrganisatie(nmA, maakOrganisatie({ gemeenteIds: [bergdorp] })));
    expect(v.gemeenteIds).toBe('Kies alleen gemeenten waarvoor u werkt.');
  });

  it('keeps the municipalities an editor cannot see, and the ids of contact persons that stay', async () => {
    const o = await service.createOrganisatie(
      nm,
      maakOrganisatie({
        gemeenteIds: [aardam, bergdorp],
        contactpersonen: [{ naam: 'Piet' }, { naam: 'Klaas' }],
      }),
    );
    const [piet] = o.contactpersonen;
    const na = await service.updateOrganisatie(
      nmA,
      o.id,
      maakOrganisatie({
        naam: o.naam,
        gemeenteIds: [aardam],
        contactpersonen: [{ id: piet?.id, naam: 'Piet Pieters' }, { naam: 'Marieke' }],
      }),
    );
    expect(na.gemeenteIds.sort()).toEqual([aardam, bergdorp].sort());
    expect(na.gemeenten).toEqual([{ id: aardam, naam: 'Aardam' }]);
    expect(na.contactpersonen.map((c) => c.naam)).toEqual(['Piet Pieters', 'Marieke']);
    expect(na.contactpersonen[0]?.id).toBe(piet?.id);
    expect((await logregels(o.id)).map((r) => r.actie)).toEqual(['aanmaken', 'wijzigen']);
  });

  it('finds organisations with Dutch full-text search (prefix per word), filters and paging', async () => {
    const kring = await service.createOrganisatie(
      nm,
      maakOrganisatie({
        naam: 'Kringloopwinkel De Ruilhoek',
        type: 'commercieel-bedrijf',
        gemeenteIds: [aardam],
      }),
    );
    const r = await service.findOrganisaties(nm, { zoek: 'kringloop ruil' });
    expect(r.items.map((o) => o.id)).toEqual([kring.id]);
    expect((await service.findOrganisaties(nm, { zoek: 'kringloop', type: 'stichting' })).totaal).toBe(0);
    expect((await service.findOrganisaties(nm, { zoek: "'); DROP TABLE organisatie; --" })).totaal).toBe(0);
    const p1 = await service.findOrganisaties(nm, { paginaGrootte: 2 });
    expect(p1.items).toHaveLength(2);
    expect(p1.aantalPaginas).toBe(Math.ceil(p1.totaal / 2));
    const p2 = await service.findOrganisaties(nm, { paginaGrootte: 2, pagina: 2 });
    expect(p2.items.map((o) => o.id)).not.toContain(p1.items[0]?.id);
    expect(
      (await service.findOrganisaties(nm, { wijkId: centrum })).items.every((o) => o.wijk?.id === centrum),
    ).toBe(true);
    // The look-up for the client file.
    expect((await service.zoekOrganisaties(km, 'ruilhoek')).map((o) => o.naam)).toEqual([
      'Kringloopwinkel De Ruilhoek',
    ]);
    expect(await service.zoekOrganisaties(km, '  ')).toEqual([]);
  });
});

describe('row-level security', () => {
  it('hides an organisation serving only Bergdorp from an Aardam-only user, also when the code check is bypassed', async () => {
    const o = await service.createOrganisatie(
      nm,
      maakOrganisatie({ naam: 'Alleen Bergdorp', gemeenteIds: [bergdorp] }),
    );
    const act = await service.createActiviteit(
      nm,
      maakActiviteit({ organisatieId: o.id, gemeenteIds: [bergdorp] }),
    );
    await service.createVerdringingstoets(nm, act.id, maakToets({ conclusie: 'twijfel' }));
    expect((await fout(service.findOrganisatie(nmA, o.id))).code).toBe('niet-gevonden');
    expect((await fout(service.findActiviteit(km, act.id))).code).toBe('niet-gevonden');
    expect((await service.findOrganisaties(nmA, { zoek: 'Alleen Bergdorp' })).totaal).toBe(0);
    expect((await service.zoekOrganisaties(km, 'Alleen Bergdorp')).length).toBe(0);
    // Straight to the tables, as a buggy query would: row-level security still filters.
    const ctx: DbContext = {
      kind: 'gebruiker',
      dienstId,
      gebruikerId: nmA.gebruikerId,
      rol: 'netwerkmakelaar',
      gemeenten: [aardam],
    };
    const gezien = await withContext(db.app, ctx, async (tx) => ({
      organisatie: await tx.selectFrom('organisatie').select('id').where('id', '=', o.id).execute(),
      contact: await tx
        .selectFrom('organisatieContactpersoon')
        .select('id')
        .where('organisatieId', '=', o.id)
        .execute(),
      aanbod: await tx
        .selectFrom('organisatieWederkerigheid')
        .select('categorie')
        .where('organisatieId', '=', o.id)
        .execute(),
      activiteit: await tx.selectFrom('activiteit').select('id').where('id', '=', act.id).execute(),
      toets: await tx
        .selectFrom('verdringingstoets')
        .select('id')
        .where('activiteitId', '=', act.id)
        .execute(),
      intervisie: await tx.selectFrom('intervisie').select('id').where('activiteitId', '=', act.id).execute(),
    }));
    expect(gezien).toEqual({
      organisatie: [],
      contact: [],
      aanbod: [],
      activiteit: [],
      toets: [],
      intervisie: [],
    });
    // Writing a row for Bergdorp from an Aardam-only context is refused by the policy.
    await expect(
      withContext(db.app, ctx, (tx) =>
        tx
          .insertInto('organisatie')
          .values({
            dienstId,
            naam: 'Indringer',
            type: 'stichting',
            kvkNummer: null,
            straat: null,
            huisnummer: null,
            postcode: null,
            plaats: null,
            wijkId: null,
            gemeenten: [bergdorp],
            website: null,
            notities: null,
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    // The team lead of Bergdorp sees its intervision request, the one of Aardam does not.
    expect(
      (await service.findIntervisies(tlB, { status: 'open' })).items.map((i) => i.activiteit.id),
    ).toContain(act.id);
    expect(
      (await service.findIntervisies(tlA, { status: 'open' })).items.map((i) => i.activiteit.id),
    ).not.toContain(act.id);
  });
});

describe('activities', () => {
  let orgId: string;
  beforeAll(async () => {
    orgId = (await service.createOrganisatie(nm, maakOrganisatie({ gemeenteIds: [aardam] }))).id;
  });

  it('creates an activity at a host serving its municipalities, with an access log entry', async () => {
    const a = await service.createActiviteit(
      nm,
      maakActiviteit({
        organisatieId: orgId,
        gemeenteIds: [aardam],
        postcode: '5611 xx',
        dagdelen: ['ma-ochtend'],
      }),
    );
    expect(a.wijk?.naam).toBe('Centrum');
    expect(a.plaatsenVrij).toBe(2);
    expect(a.toets).toMatchObject({ status: 'geen-toets', magGeplaatstWorden: false });
    expect(await logregels(a.id)).toEqual([
      expect.objectContaining({ actie: 'aanmaken', subjectType: 'activiteit' }),
    ]);
    const v = await velden(
      service.createActiviteit(nm, maakActiviteit({ organisatieId: orgId, gemeenteIds: [bergdorp] })),
    );
    expect(v.gemeenteIds).toMatch(/Kies alleen gemeenten waarin/);
    const w = await velden(
      service.createActiviteit(nm, {
        ...maakActiviteit({ organisatieId: null, gemeenteIds: [aardam] }),
        urenMin: 8,
        urenMax: 4,
      }),
    );
    expect(w).toEqual({
      urenMax: 'Het maximum is lager dan het minimum.',
      organisatieId: 'Kies de organisatie van deze activiteit.',
    });
  });

  it('lets a klantmanager create a custom (maatwerk) activity without host, but not a regular one', async () => {
    const m = await service.createMaatwerkActiviteit(
      km,
      maakActiviteit({ organisatieId: null, gemeenteIds: [aardam], titel: 'Boodschappen voor de buurvrouw' }),
    );
    expect(m.isMaatwerk).toBe(true);
    expect(m.organisatie).toBeNull();
    expect(
      (
        await fout(
          service.createActiviteit(km, maakActiviteit({ organisatieId: orgId, gemeenteIds: [aardam] })),
        )
      ).code,
    ).toBe('geen-toegang');
  });

  it('finds activities with Dutch stemming and filters on category, free places and organisation type', async () => {
    const fiets = await service.createActiviteit(
      nm,
      maakActiviteit({
        organisatieId: orgId,
        gemeenteIds: [aardam],
        titel: 'Fietsenmaker in de werkplaats',
        omschrijving: 'U repareert een fiets samen met een vaste vrijwilliger.',
        categorie: 'techniek-en-klussen',
        plaatsen: 1,
      }),
    );
    expect((await service.findActiviteiten(km, { zoek: 'fietsen' })).items.map((a) => a.id)).toContain(
      fiets.id,
    );
    expect((await service.findActiviteiten(km, { zoek: 'werkplaats', categorie: 'sport' })).totaal).toBe(0);
    expect(
      (await service.findActiviteiten(km, { categorie: 'techniek-en-klussen' })).items.map((a) => a.id),
    ).toEqual([fiets.id]);
    expect(
      (await service.findActiviteiten(km, { organisatieType: 'commercieel-bedrijf', zoek: 'fietsenmaker' }))
        .totaal,
    ).toBe(0);
    await service.claimPlaats(km, {
      activiteitId: fiets.id,
      houderType: 'ontwerp',
      houderId: crypto.randomUUID(),
    });
    expect(
      (await service.findActiviteiten(km, { vrijePlaatsen: true })).items.map((a) => a.id),
    ).not.toContain(fiets.id);
    expect((await service.findActiviteiten(km, { vrijePlaatsen: false })).items.map((a) => a.id)).toContain(
      fiets.id,
    );
  });

  it('does not lower the places below the places held', async () => {
    const a = await service.createActiviteit(
      nm,
      maakActiviteit({ organisatieId: orgId, gemeenteIds: [aardam], plaatsen: 2 }),
    );
    await service.claimPlaats(km, {
      activiteitId: a.id,
      houderType: 'ontwerp',
      houderId: crypto.randomUUID(),
    });
    await service.claimPlaats(km, {
      activiteitId: a.id,
      houderType: 'ontwerp',
      houderId: crypto.randomUUID(),
    });
    const v = await velden(
      service.updateActiviteit(
        nm,
        a.id,
        maakActiviteit({ organisatieId: orgId, gemeenteIds: [aardam], plaatsen: 1 }),
      ),
    );
    expect(v.plaatsen).toMatch(/al 2 plaatsen bezet/);
  });
});

describe('places', () => {
  it('claims idempotently per holder, refuses when full, releases, and logs each change', async () => {
    const o = await insertOrganisatie(db.app, { dienstId, gemeenten: [aardam] });
    const a = await insertActiviteit(db.app, {
      dienstId,
      organisatieId: o.id,
      gemeenten: [aardam],
      plaatsen: 1,
    });
    const houder = crypto.randomUUID();
    const p = { activiteitId: a.id, houderType: 'ontwerp', houderId: houder };
    expect(await service.claimPlaats(km, p)).toEqual({ plaatsen: 1, plaatsenBezet: 1, alGeclaimd: false });
    expect(await service.claimPlaats(km, p)).toEqual({ plaatsen: 1, plaatsenBezet: 1, alGeclaimd: true });
    const vol = await fout(service.claimPlaats(km, { ...p, houderId: crypto.randomUUID() }));
    expect([vol.code, vol.userMessage]).toEqual([
      'conflict',
      'Er is geen plaats meer vrij bij deze activiteit.',
    ]);
    expect((await fout(service.claimPlaats(nm, p))).code).toBe('geen-toegang');
    expect(await service.releasePlaats(km, p)).toBe(true);
    expect(await service.releasePlaats(km, p)).toBe(false);
    expect((await service.findActiviteit(km, a.id)).plaatsenBezet).toBe(0);
    expect((await logregels(`${a.id}:${houder}`)).map((r) => r.actie)).toEqual(['aanmaken', 'verwijderen']);
  });

  it('never gives the last place twice under concurrent claims', async () => {
    const o = await insertOrganisatie(db.app, { dienstId, gemeenten: [aardam] });
    const a = await insertActiviteit(db.app, {
      dienstId,
      organisatieId: o.id,
      gemeenten: [aardam],
      plaatsen: 1,
    });
    const pogingen = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        service.claimPlaats(km, { activiteitId: a.id, houderType: 'ontwerp', houderId: crypto.randomUUID() }),
      ),
    );
    expect(pogingen.filter((p) => p.status === 'fulfilled')).toHaveLength(1);
    for (const p of pogingen.filter((x) => x.status === 'rejected'))
      expect((p as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    expect((await service.findActiviteit(km, a.id)).plaatsenBezet).toBe(1);
  });

  it('refuses the second of two concurrent raw inserts for the last place (the database constraint, no code check)', async () => {
    const o = await insertOrganisatie(db.app, { dienstId, gemeenten: [aardam] });
    const a = await insertActiviteit(db.app, {
      dienstId,
      organisatieId: o.id,
      gemeenten: [aardam],
      plaatsen: 1,
    });
    const ctx = { kind: 'systeem', reden: 'test', dienstId } as const;
    // The first transaction holds its claim open while the second tries: the second waits on the row, then fails.
    let klaar: () => void = () => {};
    const wacht = new Promise<void>((r) => {
      klaar = r;
    });
    let eersteBinnen: () => void = () => {};
    const binnen = new Promise<void>((r) => {
      eersteBinnen = r;
    });
    const eerste = withContext(db.app, ctx, async (tx) => {
      await tx
        .insertInto('activiteitPlaats')
        .values({ dienstId, activiteitId: a.id, houderType: 'ontwerp', houderId: crypto.randomUUID() })
        .execute();
      eersteBinnen();
      await wacht;
    });
    await binnen;
    const tweede = withContext(db.app, ctx, (tx) =>
      tx
        .insertInto('activiteitPlaats')
        .values({ dienstId, activiteitId: a.id, houderType: 'ontwerp', houderId: crypto.randomUUID() })
        .execute(),
    );
    // Give the second insert time to reach the row lock, then let the first commit.
    await withContext(db.app, ctx, (tx) => sql`SELECT pg_sleep(0.2)`.execute(tx));
    klaar();
    await eerste;
    await expect(tweede).rejects.toThrow(/activiteit_plaatsen_vrij/);
    const [r] = await withContext(db.app, ctx, (tx) =>
      tx.selectFrom('activiteit').select('plaatsenBezet').where('id', '=', a.id).execute(),
    );
    expect(r?.plaatsenBezet).toBe(1);
  });
});

describe('displacement assessment and intervision', () => {
  let orgId: string;
  beforeAll(async () => {
    orgId = (await service.createOrganisatie(nm, maakOrganisatie({ gemeenteIds: [aardam] }))).id;
  });
  const nieuweActiviteit = async () =>
    service.createActiviteit(nm, maakActiviteit({ organisatieId: orgId, gemeenteIds: [aardam] }));

  it('records a geen-risico assessment valid for 12 months, and the activity may then be used', async () => {
    const a = await nieuweActiviteit();
    const { toets, intervisieId } = await service.createVerdringingstoets(nm, a.id, maakToets());
    expect(intervisieId).toBeNull();
    expect(toets).toMatchObject({ advies: 'geen-risico', conclusie: 'geen-risico', beoordeeldDoor: nm.naam });
    const [j, m, d] = vandaagNl().split('-').map(Number) as [number, number, number];
    expect(toets.geldigTot.slice(0, 7)).toBe(`${j + 1}-${String(m).padStart(2, '0')}`);
    expect(Number(toets.geldigTot.slice(8))).toBeLessThanOrEqual(d);
    expect(await service.beoordeelPlaatsing(km, a.id)).toEqual({ mag: true, redenen: [], voorwaarden: null });
    expect((await service.findActiviteit(km, a.id)).toets.status).toBe('geen-risico');
    expect((await logregels(toets.id)).map((r) => r.subjectType)).toEqual(['verdringingstoets']);
  });

  it('needs every question answered with evidence, and no milder conclusion than the advice', async () => {
    const a = await nieuweActiviteit();
    const onvolledig = maakToets();
    onvolledig.antwoorden = onvolledig.antwoorden
      .filter((x) => x.vraag !== 'vacature')
      .map((x) => (x.vraag === 'omvang' ? { ...x, toelichting: '' } : x));
    const v = await velden(service.createVerdringingstoets(nm, a.id, onvolledig));
    expect(Object.keys(v).sort()).toEqual(['antwoorden.omvang', 'antwoorden.vacature']);
    const mild = await velden(
      service.createVerdringingstoets(
        nm,
        a.id,
        maakToets({ antwoorden: { vervanging: 'ja' }, conclusie: 'twijfel' }),
      ),
    );
    expect(mild.conclusie).toMatch(/wijzen op verdringing/);
    expect((await fout(service.createVerdringingstoets(km, a.id, maakToets()))).code).toBe('geen-toegang');
    expect((await fout(service.createVerdringingstoets(tlA, a.id, maakToets()))).code).toBe('geen-toegang');
  });

  it('blocks an activity judged verdringing', async () => {
    const a = await nieuweActiviteit();
    await service.createVerdringingstoets(
      nm,
      a.id,
      maakToets({ antwoorden: { 'betaalde-krachten': 'ja', vacature: 'ja' }, conclusie: 'verdringing' }),
    );
    const oordeel = await service.beoordeelPlaatsing(km, a.id);
    expect(oordeel.mag).toBe(false);
    expect(oordeel.redenen).toContain(
      'Uit de verdringingstoets blijkt verdringing van betaald werk. Deze activiteit mag niet.',
    );
  });

  it('opens an intervision request on twijfel that only a team lead of the municipality decides, once', async () => {
    const a = await nieuweActiviteit();
    const { intervisieId } = await service.createVerdringingstoets(
      nm,
      a.id,
      maakToets({
        antwoorden: { vacature: 'weet-niet' },
        conclusie: 'twijfel',
        motivering: 'Onduidelijk of er een vacature is.',
      }),
    );
    expect(intervisieId).not.toBeNull();
    const id = intervisieId as string;
    expect((await service.beoordeelPlaatsing(km, a.id)).redenen).toEqual([
      'De verdringingstoets gaf twijfel en de teamleider heeft na intervisie nog niet besloten.',
    ]);
    const wachtrij = await service.findIntervisies(tlA, { status: 'open' });
    expect(wachtrij.items.find((i) => i.id === id)).toMatchObject({
      status: 'open',
      vraag: 'Onduidelijk of er een vacature is.',
      aangevraagdDoor: nm.naam,
    });
    const besluit = {
      deelnemers: ['Anouk Jansen', 'Sanne de Vries'],
      besluit: 'toegestaan-onder-voorwaarden' as const,
      voorwaarden: 'Alleen naast de vaste medewerker, nooit alleen op de afdeling.',
      motivering: 'Er is geen vacature; het werk komt erbij.',
    };
    for (const a2 of [nm, km, fb])
      expect((await fout(service.besluitIntervisie(a2, id, besluit))).code).toBe('geen-toegang');
    expect((await fout(service.besluitIntervisie(tlB, id, besluit))).code).toBe('niet-gevonden');
    expect(
      (await velden(service.besluitIntervisie(tlA, id, { ...besluit, voorwaarden: '' }))).voorwaarden,
    ).toBe('Schrijf de voorwaarden op.');
    const besloten = await service.besluitIntervisie(tlA, id, besluit);
    expect(besloten).toMatchObject({
      status: 'besloten',
      besluit: 'toegestaan-onder-voorwaarden',
      beslotenDoor: tlA.naam,
    });
    expect((await fout(service.besluitIntervisie(tlA, id, besluit))).code).toBe('conflict');
    expect(await service.beoordeelPlaatsing(km, a.id)).toEqual({
      mag: true,
      redenen: [],
      voorwaarden: besluit.voorwaarden,
    });
    expect((await service.findIntervisies(tlA, { status: 'open' })).items.map((i) => i.id)).not.toContain(id);
    expect((await logregels(id)).map((r) => [r.actie, r.actorId])).toEqual([
      ['aanmaken', nm.gebruikerId],
      ['wijzigen', tlA.gebruikerId],
    ]);
  });

  it('lapses the assessment on a material change of the activity or its host, and drops an open request from the queue', async () => {
    const a = await nieuweActiviteit();
    await service.createVerdringingstoets(nm, a.id, maakToets());
    // Not material: a new title.
    await service.updateActiviteit(
      nm,
      a.id,
      maakActiviteit({
        organisatieId: orgId,
        gemeenteIds: [aardam],
        titel: 'Nieuwe titel',
        omschrijving: 'U ontvangt bezoekers, schenkt koffie en thee en maakt een praatje.',
      }),
    );
    expect((await service.findActiviteit(km, a.id)).toets.status).toBe('geen-risico');
    // Material: more hours.
    await service.updateActiviteit(
      nm,
      a.id,
      maakActiviteit({
        organisatieId: orgId,
        gemeenteIds: [aardam],
        urenMax: 16,
        omschrijving: 'U ontvangt bezoekers, schenkt koffie en thee en maakt een praatje.',
      }),
    );
    const na = await service.findActiviteit(km, a.id);
    expect(na.toets.status).toBe('verlopen');
    expect(na.toets.redenen.join(' ')).toMatch(/wezenlijk veranderd/);
    const [t] = await service.listVerdringingstoetsen(km, a.id);
    expect(t?.vervallenReden).toMatch(/meer uren/);

    // The host changes type: every activity's assessment lapses, an open intervision leaves the queue.
    const host = await service.createOrganisatie(nm, maakOrganisatie({ gemeenteIds: [aardam] }));
    const b = await service.createActiviteit(
      nm,
      maakActiviteit({ organisatieId: host.id, gemeenteIds: [aardam] }),
    );
    const { intervisieId } = await service.createVerdringingstoets(
      nm,
      b.id,
      maakToets({ conclusie: 'twijfel' }),
    );
    await service.updateOrganisatie(
      nm,
      host.id,
      maakOrganisatie({ naam: host.naam, gemeenteIds: [aardam], type: 'commercieel-bedrijf' }),
    );
    expect((await service.findActiviteit(km, b.id)).toets.status).toBe('verlopen');
    expect((await service.findIntervisies(tlA, { status: 'open' })).items.map((i) => i.id)).not.toContain(
      intervisieId,
    );
    const e = await fout(
      service.besluitIntervisie(tlA, intervisieId as string, {
        deelnemers: ['X'],
        besluit: 'toegestaan',
        motivering: 'Ok',
      }),
    );
    expect(e.userMessage).toMatch(/geldt niet meer/);
    // A commercial host must answer the competition question.
    const v = await velden(service.createVerdringingstoets(nm, b.id, maakToets()));
    expect(v['antwoorden.concurrentie']).toMatch(/commercieel bedrijf/);
    expect(
      (await service.createVerdringingstoets(nm, b.id, maakToets({ commercieel: true }))).toets.conclusie,
    ).toBe('geen-risico');
  });

  it('filters on assessment status with the same outcome in SQL as in TypeScript', async () => {
    const peildatum = vandaagNl();
    const alle = await service.findActiviteiten(nm, { paginaGrootte: 100 });
    expect(new Set(alle.items.map((a) => a.toets.status)).size).toBeGreaterThanOrEqual(5);
    for (const status of TOETS_STATUSSEN) {
      const gefilterd = await service.findActiviteiten(nm, { toetsStatus: status, paginaGrootte: 100 });
      expect([status, gefilterd.items.map((a) => a.id).sort()]).toEqual([
        status,
        alle.items
          .filter((a) => a.toets.status === status)
          .map((a) => a.id)
          .sort(),
      ]);
    }
    for (const a of alle.items) {
      const s = await withContext(db.app, systeemActor('test', dienstId), (tx) =>
        netwerkRepository.toetsStatusSql(tx, dienstId, a.id, peildatum),
      );
      expect([a.id, s]).toEqual([a.id, a.toets.status]);
    }
  });
});
