import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import {
  insertLopendeTegenprestatie,
  legOvereenkomstVast,
  uitvoeringDiensten,
} from '../../../test/factories/uitvoering.ts';
import { withContext } from '../../db/context.ts';
import { AppError } from '../../http/app-error.ts';
import { type Gebruiker, systeemActor } from '../auth/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { UitvoeringInvoerfout } from './uitvoering.schemas.ts';
import { cbsCsv, createUitvoeringService, type UitvoeringService } from './uitvoering.service.ts';

let db: TestDatabase;
let service: UitvoeringService;
let diensten: ReturnType<typeof uitvoeringDiensten>;
let A: string;
let km: Gebruiker;
let kmB: Gebruiker;
let tl: Gebruiker;
let fb: Gebruiker;
let nm: Gebruiker;
let lopend: { id: string; klantId: string; activiteitId: string };
const VANDAAG = '2026-11-20';

async function fout(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const logregels = (subjectId: string) =>
  withContext(db.app, systeemActor('test'), (tx) =>
    tx
      .selectFrom('logboek')
      .select(['actie', 'actorId', 'verwerkingsactiviteitId'])
      .where('subjectId', '=', subjectId)
      .orderBy('volgnummer')
      .execute(),
  );

beforeAll(async () => {
  db = await createTestDatabase();
  const a = await insertGemeente(db.app, { naam: 'Aardam', code: 'GM9921' });
  A = a.gemeenteId;
  const dienstId = a.dienstId;
  const B = (await insertGemeente(db.app, { dienstId, naam: 'Bergdorp', code: 'GM9922' })).gemeenteId;
  await createLogboekService(db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const t1 = (await insertTeam(db.app, { dienstId, gemeenten: [A] })).teamId;
  const tB = (await insertTeam(db.app, { dienstId, gemeenten: [B] })).teamId;
  const medewerker = async (rol: Gebruiker['rol'], gem: string[], teams: string[]) =>
    actorVan(await insertGebruiker(db.app, { dienstId, rol, gemeenten: gem, teams }), {
      gemeenten: gem,
      teams,
    });
  km = await medewerker('klantmanager', [A], [t1]);
  kmB = await medewerker('klantmanager', [B], [tB]);
  tl = await medewerker('teamleider', [A], [t1]);
  fb = await medewerker('functioneel-beheerder', [A], []);
  nm = await medewerker('netwerkmakelaar', [A], []);
  diensten = uitvoeringDiensten(db.app);
  service = createUitvoeringService({
    db: db.app,
    tegenprestaties: diensten.tegenprestaties,
    klanten: diensten.klanten,
    afspraakVoorStart: (actor, id) => diensten.overeenkomsten.afspraakVoorStart(actor, id),
    bereidIntrekkingVoor: (actor, id, input, reden) =>
      diensten.overeenkomsten.bereidIntrekkingVoor(actor, id, input, reden),
    vandaag: () => VANDAAG,
  });
  lopend = await insertLopendeTegenprestatie(db.app, { km, gemeenteId: A });
});

const week = (maandag: string, uren: number[]) =>
  uren.map((u, i) => {
    const d = new Date(`${maandag}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + i);
    return { datum: d.toISOString().slice(0, 10), uren: u };
  });

const F = { bron: 'formulier' } as const;
const API = { bron: 'api' } as const;

const wijzigingenVan = (tegenprestatieId: string) =>
  withContext(db.app, systeemActor('test'), (tx) =>
    tx
      .selectFrom('urenWijziging')
      .selectAll()
      .where('tegenprestatieId', '=', tegenprestatieId)
      .orderBy('op')
      .orderBy('datum')
      .execute(),
  );

describe('hours', () => {
  it('stores a week per date with who registered it and how; a change needs the version it replaces; logs', async () => {
    const { uren, gewijzigd } = await service.registreerUren(
      km,
      lopend.id,
      { dagen: [...week('2026-10-05', [4, 0, 3.5]), { datum: '2026-10-08', uren: 0, afwezig: 'ziek' }] },
      F,
    );
    expect(gewijzigd).toBe(4);
    expect(uren.map((u) => [u.datum, u.uren, u.afwezig, u.versie, u.bron])).toEqual([
      ['2026-10-08', 0, 'ziek', 1, 'formulier'],
      ['2026-10-07', 3.5, null, 1, 'formulier'],
      ['2026-10-06', 0, null, 1, 'formulier'],
      ['2026-10-05', 4, null, 1, 'formulier'],
    ]);
    expect(uren[0]?.geregistreerdDoorNaam).toBe(km.naam);
    const opnieuw = await service.registreerUren(
      tl,
      lopend.id,
      { dagen: [{ datum: '2026-10-05', uren: 2, versie: 1 }] },
      API,
    );
    expect(opnieuw.uren.filter((u) => u.datum === '2026-10-05')).toMatchObject([
      { uren: 2, geregistreerdDoorNaam: tl.naam, versie: 2, bron: 'api' },
    ]);
    expect(opnieuw.uren).toHaveLength(4);
    const log = await logregels(lopend.klantId);
    expect(log.some((l) => l.actie === 'wijzigen' && l.actorId === tl.gebruikerId)).toBe(true);
    const geschiedenis = await service.findUrenWijzigingen(km, lopend.id);
    expect(geschiedenis[0]).toMatchObject({
      datum: '2026-10-05',
      soort: 'gewijzigd',
      vorige: { uren: 4, afwezig: null, toelichting: null },
      nieuw: { uren: 2, afwezig: null, toelichting: null },
      bron: 'api',
      doorNaam: tl.naam,
    });
    expect(geschiedenis.filter((w) => w.soort === 'nieuw')).toHaveLength(4);
  });

  it('regression: a stored day is never overwritten silently; an unchanged week changes nothing, not even CBS', async () => {
    const p = await insertLopendeTegenprestatie(db.app, { km, gemeenteId: A });
    await service.registreerUren(km, p.id, { dagen: week('2026-10-12', [4, 0, 4]) }, F);
    // The old loss: the past week opened empty, the caseworker typed the week again (here Monday 0) and saved
    // without knowing what was stored. Now refused with what is stored, and nothing changes.
    const e = await fout(service.registreerUren(km, p.id, { dagen: [{ datum: '2026-10-12', uren: 0 }] }, F));
    expect(e.code).toBe('conflict');
    expect((e as UitvoeringInvoerfout).velden).toEqual({
      'dagen.0.datum': `Op 12 oktober 2026 staat al 4 uur (door ${km.naam}). Uw wijziging van deze dag is niet opgeslagen: kijk de dag na en sla opnieuw op.`,
    });
    // A stale version (someone changed the day meanwhile) is refused too, and so is a removal with it.
    await service.registreerUren(tl, p.id, { dagen: [{ datum: '2026-10-14', uren: 3, versie: 1 }] }, F);
    expect(
      (
        await fout(
          service.registreerUren(km, p.id, { dagen: [{ datum: '2026-10-14', uren: 4, versie: 1 }] }, F),
        )
      ).code,
    ).toBe('conflict');
    expect(
      (
        await fout(
          service.registreerUren(
            km,
            p.id,
            { dagen: [{ datum: '2026-10-14', verwijderen: true, versie: 1 }] },
            F,
          ),
        )
      ).code,
    ).toBe('conflict');
    const cbsVoor = (await service.cbsExport(tl, A, '2026-10')).find((r) => r.klantId === p.klantId);
    expect(cbsVoor).toMatchObject({ uitvoering: 'ja', uren: 7 });
    const historieVoor = await wijzigingenVan(p.id);
    // Saving the week exactly as stored (as the form now shows it) writes nothing.
    const opgeslagen = (await service.findUren(km, p.id)).filter((u) => u.datum >= '2026-10-12');
    const zelfde = await service.registreerUren(
      km,
      p.id,
      { dagen: opgeslagen.map((u) => ({ datum: u.datum, uren: u.uren, versie: u.versie })) },
      F,
    );
    expect(zelfde).toMatchObject({ gewijzigd: 0, ongewijzigd: 3 });
    expect(zelfde.uren).toEqual(await service.findUren(km, p.id));
    expect(zelfde.uren.map((u) => [u.datum, u.uren, u.versie])).toEqual([
      ['2026-10-14', 3, 2],
      ['2026-10-13', 0, 1],
      ['2026-10-12', 4, 1],
    ]);
    expect(await wijzigingenVan(p.id)).toEqual(historieVoor);
    const cbsNa = (await service.cbsExport(tl, A, '2026-10')).find((r) => r.klantId === p.klantId);
    expect(cbsNa).toEqual(cbsVoor);
  });

  it('removing a stored day (with its version) keeps it in the history with who, how and the previous value', async () => {
    const p = await insertLopendeTegenprestatie(db.app, { km, gemeenteId: A });
    await service.registreerUren(
      km,
      p.id,
      { dagen: [{ datum: '2026-10-19', uren: 2.5, toelichting: 'Tuin' }] },
      F,
    );
    const { uren, gewijzigd } = await service.registreerUren(
      tl,
      p.id,
      { dagen: [{ datum: '2026-10-19', verwijderen: true, versie: 1 }] },
      API,
    );
    expect(gewijzigd).toBe(1);
    expect(uren).toEqual([]);
    const h = await wijzigingenVan(p.id);
    expect(h.map((w) => [w.soort, w.vorigeUren, w.vorigeToelichting, w.uren, w.bron, w.doorNaam])).toEqual([
      ['nieuw', null, null, '2.50', 'formulier', km.naam],
      ['verwijderd', '2.50', 'Tuin', null, 'api', tl.naam],
    ]);
    // The history is append-only for the application: it cannot be changed or removed.
    await expect(
      withContext(db.app, { kind: 'systeem', reden: 'test' }, (tx) =>
        tx.deleteFrom('urenWijziging').where('tegenprestatieId', '=', p.id).execute(),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('refuses dates outside the period or in the future, hours beyond the day parts, and hours on an absent day', async () => {
    const veld = async (dagen: Parameters<UitvoeringService['registreerUren']>[2]['dagen']) => {
      const e = await fout(service.registreerUren(km, lopend.id, { dagen }, F));
      expect(e).toBeInstanceOf(UitvoeringInvoerfout);
      return Object.keys((e as UitvoeringInvoerfout).velden);
    };
    expect(await veld([{ datum: '2026-09-06', uren: 2 }])).toEqual(['dagen.0.datum']);
    expect(
      await veld([
        { datum: VANDAAG, uren: 2 },
        { datum: '2026-11-21', uren: 2 },
      ]),
    ).toEqual(['dagen.1.datum']);
    expect(await veld([{ datum: '2026-10-12', uren: 24.25 }])).toEqual(['dagen.0.uren']);
    expect(await veld([{ datum: '2026-10-12', uren: -1 }])).toEqual(['dagen.0.uren']);
    expect(await veld([{ datum: '2026-10-12', uren: 3, afwezig: 'vakantie' }])).toEqual(['dagen.0.uren']);
    expect(await veld(week('2026-10-12', [1, 1, 1, 1, 1, 1, 1, 1]))).toEqual(['dagen']);
    // Two agreed mornings of 4 hours: 8.25 hours in one week do not fit; nothing of the week is stored.
    expect(await veld(week('2026-10-26', [4, 0, 4.25]))).toEqual(['dagen.0.uren']);
    expect((await service.findUren(km, lopend.id)).some((u) => u.datum >= '2026-10-26')).toBe(false);
    // The first day of the period and today are fine.
    const ok = await service.registreerUren(
      km,
      lopend.id,
      {
        dagen: [
          { datum: '2026-09-07', uren: 1 },
          { datum: VANDAAG, uren: 1 },
        ],
      },
      F,
    );
    expect(ok.gewijzigd).toBe(2);
  });

  it('the limit per day part is configuration', async () => {
    const krap = createUitvoeringService({
      db: db.app,
      tegenprestaties: diensten.tegenprestaties,
      klanten: diensten.klanten,
      afspraakVoorStart: () => Promise.reject(new Error('no start by hand in this test')),
      bereidIntrekkingVoor: (actor, id, input, reden) =>
        diensten.overeenkomsten.bereidIntrekkingVoor(actor, id, input, reden),
      vandaag: () => VANDAAG,
      urenPerDagdeel: 3,
    });
    const p = await insertLopendeTegenprestatie(db.app, { km, gemeenteId: A });
    const e = await fout(krap.registreerUren(km, p.id, { dagen: week('2026-11-02', [4, 0, 3]) }, F));
    expect((e as UitvoeringInvoerfout).velden['dagen.0.uren']).toContain('hoogstens 6 per week');
    expect(
      (await service.registreerUren(km, p.id, { dagen: week('2026-11-02', [4, 0, 3]) }, F)).gewijzigd,
    ).toBe(3);
  });

  it('only for a running placement; other roles and municipalities may not', async () => {
    const toetsing = await insertLopendeTegenprestatie(db.app, { km, gemeenteId: A, tot: 'toetsing' });
    expect(
      (await fout(service.registreerUren(km, toetsing.id, { dagen: [{ datum: '2026-10-05', uren: 1 }] }, F)))
        .code,
    ).toBe('niet-verwerkbaar');
    const dagen = [{ datum: '2026-10-05', uren: 1 }];
    expect((await fout(service.registreerUren(nm, lopend.id, { dagen }, F))).code).toBe('geen-toegang');
    expect((await fout(service.registreerUren(fb, lopend.id, { dagen }, F))).code).toBe('geen-toegang');
    expect((await fout(service.registreerUren(kmB, lopend.id, { dagen }, F))).code).toBe('niet-gevonden');
    expect((await fout(service.findUren(kmB, lopend.id))).code).toBe('niet-gevonden');
    expect((await fout(service.findUrenWijzigingen(kmB, lopend.id))).code).toBe('niet-gevonden');
    expect((await fout(service.findEvaluaties(nm, lopend.id))).code).toBe('geen-toegang');
  });
});

describe('evaluation and the final follow-up', () => {
  const basis = {
    stemKlant: 'Het gaat goed, ik vind het fijn om er te zijn.',
    visieOrganisatie: 'Hij is op tijd en helpt graag.',
    conclusie: 'Doorgaan zoals afgesproken.',
  };

  it('records an evaluation; beeindigen needs the final one; a future date is refused', async () => {
    const e = await service.createEvaluatie(km, lopend.id, {
      ...basis,
      datum: '2026-11-02',
      besluit: 'voortzetten',
    });
    expect(e).toMatchObject({ besluit: 'voortzetten', eind: null, doorNaam: km.naam });
    const zonderEind = await fout(
      service.createEvaluatie(km, lopend.id, { ...basis, datum: '2026-11-02', besluit: 'beeindigen' }),
    );
    expect(Object.keys((zonderEind as UitvoeringInvoerfout).velden)).toEqual(['eind.vervolg']);
    const toekomst = await fout(
      service.createEvaluatie(km, lopend.id, { ...basis, datum: '2026-11-21', besluit: 'aanpassen' }),
    );
    expect(Object.keys((toekomst as UitvoeringInvoerfout).velden)).toEqual(['datum']);
    const zonderReden = await fout(
      service.createEvaluatie(km, lopend.id, {
        ...basis,
        datum: '2026-11-02',
        besluit: 'beeindigen',
        eind: { vervolg: 'betaald-werk', afloop: 'beeindigd' },
      }),
    );
    expect(Object.keys((zonderReden as UitvoeringInvoerfout).velden)).toEqual(['eind.beeindigingReden']);
    expect(await service.findEvaluaties(tl, lopend.id)).toHaveLength(1);
  });

  it('the final evaluation ends the placement (beeindigd with reason) and releases the place', async () => {
    const p = await insertLopendeTegenprestatie(db.app, { km, gemeenteId: A });
    const bezet = async () => (await diensten.netwerk.findActiviteit(km, p.activiteitId)).plaatsenBezet;
    expect(await bezet()).toBe(1);
    const e = await service.createEvaluatie(km, p.id, {
      ...basis,
      datum: '2026-11-16',
      besluit: 'beeindigen',
      eind: { vervolg: 'betaald-werk', afloop: 'beeindigd', beeindigingReden: 'werk-gevonden' },
    });
    expect(e.eind).toEqual({
      vervolg: 'betaald-werk',
      vervolgToelichting: null,
      afloop: 'beeindigd',
      beeindigingReden: 'werk-gevonden',
    });
    const t = await diensten.tegenprestaties.findTegenprestatie(km, p.id);
    expect(t.status).toBe('beeindigd');
    expect(t.overgangen.at(-1)).toMatchObject({
      van: 'lopend',
      naar: 'beeindigd',
      reden: 'Eindevaluatie 2026-11-16: Werk gevonden',
    });
    expect(await bezet()).toBe(0);
    // Ended: no more hours or evaluations.
    expect(
      (await fout(service.registreerUren(km, p.id, { dagen: [{ datum: '2026-11-16', uren: 1 }] }, F))).code,
    ).toBe('niet-verwerkbaar');
  });

  it('afgerond: the planned ending', async () => {
    const p = await insertLopendeTegenprestatie(db.app, { km, gemeenteId: A });
    await service.createEvaluatie(km, p.id, {
      ...basis,
      datum: '2026-11-20',
      besluit: 'beeindigen',
      eind: { vervolg: 're-integratie', vervolgToelichting: 'Start traject in januari.', afloop: 'afgerond' },
    });
    expect((await diensten.tegenprestaties.findTegenprestatie(tl, p.id)).status).toBe('afgerond');
  });
});

describe('lifecycle from overeengekomen', () => {
  const overeengekomen = (startdatum: string) =>
    insertLopendeTegenprestatie(db.app, { km, gemeenteId: A, startdatum, tot: 'overeengekomen' });
  const bezet = async (activiteitId: string) =>
    (await diensten.netwerk.findActiviteit(km, activiteitId)).plaatsenBezet;

  it('starts by hand on the start date, not the day before', async () => {
    const morgen = await overeengekomen('2026-11-21');
    const e = await fout(service.wijzigLevensloop(km, morgen.id, { stap: 'starten' }));
    expect(e.code).toBe('niet-verwerkbaar');
    expect(e.userMessage).toBe(
      'Starten kan vanaf de startdatum, 21 november 2026. Op die dag start de dagelijkse taak hem ook vanzelf.',
    );
    const vandaag = await overeengekomen(VANDAAG);
    const t = await service.wijzigLevensloop(tl, vandaag.id, { stap: 'starten' });
    expect(t.status).toBe('lopend');
    const { overgangen } = await diensten.tegenprestaties.findTegenprestatie(km, vandaag.id);
    expect(overgangen.at(-1)).toMatchObject({
      van: 'overeengekomen',
      naar: 'lopend',
      reden: 'Met de hand gestart op 20 november 2026',
      doorNaam: tl.naam,
    });
    expect(await bezet(vandaag.activiteitId)).toBe(1);
    // Running now: the lifecycle steps of overeengekomen are gone.
    expect((await fout(service.wijzigLevensloop(km, vandaag.id, { stap: 'starten' }))).code).toBe(
      'niet-verwerkbaar',
    );
  });

  it("starts by hand only on the current agreement for the design's start date (the same rule as the daily job)", async () => {
    const p = await overeengekomen('2026-11-16');
    await service.wijzigLevensloop(km, p.id, { stap: 'terug-naar-ontwerp', reden: 'Andere startdatum.' });
    await diensten.tegenprestaties.updateTegenprestatie(km, p.id, { startdatum: '2026-11-18' });
    await diensten.tegenprestaties.wijzigStatus(km, p.id, { naar: 'toetsing' });
    // Back in overeengekomen without a new agreement: the stored one is for 16 November, not the design's date.
    await diensten.tegenprestaties.voerDeel2OvergangUit(km, p.id, { naar: 'overeengekomen' });
    const e = await fout(service.wijzigLevensloop(km, p.id, { stap: 'starten' }));
    expect(e.code).toBe('niet-verwerkbaar');
    expect(e.userMessage).toContain('niet die van de getekende overeenkomst');
    expect((await diensten.tegenprestaties.findTegenprestatie(km, p.id)).status).toBe('overeengekomen');
    // With the agreement for the design's date recorded it starts.
    await legOvereenkomstVast(db.app, {
      dienstId: km.dienstId,
      gemeenteId: A,
      tegenprestatieId: p.id,
      startdatum: '2026-11-18',
    });
    expect((await service.wijzigLevensloop(km, p.id, { stap: 'starten' })).status).toBe('lopend');
  });

  it('steps back to the design with a reason: the place is released, history kept', async () => {
    const p = await overeengekomen('2026-12-01');
    expect(await bezet(p.activiteitId)).toBe(1);
    const zonder = await fout(service.wijzigLevensloop(km, p.id, { stap: 'terug-naar-ontwerp', reden: ' ' }));
    expect((zonder as UitvoeringInvoerfout).velden).toEqual({ reden: 'Schrijf op waarom.' });
    const t = await service.wijzigLevensloop(km, p.id, {
      stap: 'terug-naar-ontwerp',
      reden: 'De organisatie kan pas in het voorjaar.',
    });
    expect(t.status).toBe('ontwerp');
    expect(await bezet(p.activiteitId)).toBe(0);
    const { overgangen } = await diensten.tegenprestaties.findTegenprestatie(km, p.id);
    expect(overgangen.map((o) => o.naar)).toEqual([
      'verkenning',
      'ontwerp',
      'toetsing',
      'overeengekomen',
      'ontwerp',
    ]);
    expect(overgangen.at(-1)?.reden).toBe('De organisatie kan pas in het voorjaar.');
  });

  it('ends before the start with a reason; not from lopend; not for other roles or municipalities', async () => {
    const p = await overeengekomen('2026-12-01');
    const zonderReden = await fout(
      service.wijzigLevensloop(km, p.id, { stap: 'beeindigen-voor-start', reden: 'Werk.' } as never),
    );
    expect(Object.keys((zonderReden as UitvoeringInvoerfout).velden)).toEqual(['beeindigingReden']);
    expect((await fout(service.wijzigLevensloop(nm, p.id, { stap: 'starten' }))).code).toBe('geen-toegang');
    expect((await fout(service.wijzigLevensloop(kmB, p.id, { stap: 'starten' }))).code).toBe('niet-gevonden');
    const t = await service.wijzigLevensloop(km, p.id, {
      stap: 'beeindigen-voor-start',
      reden: 'Start maandag bij een supermarkt.',
      beeindigingReden: 'werk-gevonden',
    });
    expect(t).toMatchObject({ status: 'beeindigd' });
    expect(await bezet(p.activiteitId)).toBe(0);
    const { overgangen } = await diensten.tegenprestaties.findTegenprestatie(km, p.id);
    expect(overgangen.at(-1)?.reden).toBe(
      'Beëindigd vóór de start (Werk gevonden): Start maandag bij een supermarkt.',
    );
    expect(
      (await fout(service.wijzigLevensloop(km, lopend.id, { stap: 'terug-naar-ontwerp', reden: 'x' }))).code,
    ).toBe('niet-verwerkbaar');
  });
});

describe('CBS export', () => {
  it('per client of the municipality: ja when any hours were done in the month, else nee; klantnummer, no BSN', async () => {
    const metUren = await insertLopendeTegenprestatie(db.app, {
      km,
      gemeenteId: A,
      startdatum: '2026-09-01',
    });
    const alleenZiek = await insertLopendeTegenprestatie(db.app, {
      km,
      gemeenteId: A,
      startdatum: '2026-09-01',
    });
    await service.registreerUren(
      km,
      metUren.id,
      {
        dagen: [
          { datum: '2026-09-30', uren: 3 },
          { datum: '2026-10-31', uren: 0.25 },
        ],
      },
      F,
    );
    await service.registreerUren(
      km,
      alleenZiek.id,
      {
        dagen: [
          { datum: '2026-10-01', uren: 0, afwezig: 'ziek' },
          { datum: '2026-11-02', uren: 2 },
        ],
      },
      F,
    );
    const oktober = await service.cbsExport(tl, A, '2026-10');
    const perKlant = new Map(oktober.map((r) => [r.klantId, r]));
    expect(perKlant.get(metUren.klantId)).toMatchObject({ uitvoering: 'ja', uren: 0.25 });
    expect(perKlant.get(alleenZiek.klantId)).toMatchObject({ uitvoering: 'nee', uren: 0 });
    // The first placement: hours 5-7 October (the replaced 2 + 3.5) → ja.
    expect(perKlant.get(lopend.klantId)).toMatchObject({ uitvoering: 'ja', uren: 5.5 });
    const november = new Map(
      (await service.cbsExport(fb, A, '2026-11')).map((r) => [r.klantId, r.uitvoering]),
    );
    expect(november.get(alleenZiek.klantId)).toBe('ja');
    expect(november.get(metUren.klantId)).toBe('nee');
    // Every row's hours equal the registered hours of that client in the month.
    const geregistreerd = await withContext(db.app, systeemActor('test'), (tx) =>
      tx
        .selectFrom('urenRegistratie')
        .select(['klantId', (eb) => eb.fn.sum<string>('uren').as('som')])
        .where('datum', '>=', '2026-10-01')
        .where('datum', '<=', '2026-10-31')
        .groupBy('klantId')
        .execute(),
    );
    for (const g of geregistreerd) expect(perKlant.get(g.klantId)?.uren).toBe(Number(g.som));
    const csv = cbsCsv('GM9921', '2026-10', oktober);
    expect(csv.split('\r\n')[0]).toBe('gemeentecode;maand;klantnummer;uitvoering_tegenprestatie;uren');
    const klant = await diensten.klanten.findKlant(km, metUren.klantId);
    expect(csv).toContain(`GM9921;2026-10;${klant.klantnummer};J;0.25`);
    expect(csv).not.toMatch(/\b\d{9}\b/);
    const log = await logregels(metUren.klantId);
    expect(log.some((l) => l.actie === 'exporteren' && l.verwerkingsactiviteitId === 'va-rapportage')).toBe(
      true,
    );
  });

  it('only teamleider and functioneel beheerder, only their municipalities, a valid month', async () => {
    expect((await fout(service.cbsExport(km, A, '2026-10'))).code).toBe('geen-toegang');
    expect((await fout(service.cbsExport(nm, A, '2026-10'))).code).toBe('geen-toegang');
    expect((await fout(service.cbsExport(tl, '00000000-0000-4000-8000-000000000001', '2026-10'))).code).toBe(
      'niet-gevonden',
    );
    expect(await fout(service.cbsExport(tl, A, '2026-13'))).toBeInstanceOf(UitvoeringInvoerfout);
  });
});
