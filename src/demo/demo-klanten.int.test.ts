import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY } from '../../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/db.ts';
import { actorVan } from '../../test/factories/actoren.ts';
import { withContext } from '../db/context.ts';
import { systeemActor } from '../modules/auth/index.ts';
import { parseBsnSleutels } from '../modules/klanten/index.ts';
import { createDemoServices, type DemoResult, type DemoServices, loadDemo } from './demo.ts';
import { DEMO_KLANTEN_PER_GEMEENTE, demoKlantRijen } from './demo-klanten.ts';

let db: TestDatabase;
let services: DemoServices;
let eerste: DemoResult;

const sys = () => systeemActor('test', eerste.dienstId);

/** Access-log entries of anything but a read. */
async function schrijfregels(): Promise<number> {
  return withContext(db.app, sys(), async (tx) =>
    Number(
      (
        await tx
          .selectFrom('logboek')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('actie', '<>', 'lezen')
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );
}

async function tel(
  tabel: 'klant' | 'klantOntheffing' | 'klantWerk' | 'klantReintegratie' | 'klantBelastbaarheid' | 'logboek',
) {
  return withContext(db.app, sys(), async (tx) =>
    Number(
      (
        await tx
          .selectFrom(tabel)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
  services = createDemoServices(db.app, {
    bsnSleutels: parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY),
  });
  eerste = await loadDemo(services, systeemActor('test:demo'));
});

describe('demo clients', () => {
  it('has about 150 clients per municipality, and a second load adds nothing (idempotent by klantnummer)', async () => {
    expect(eerste.klanten).toEqual({
      Aardam: DEMO_KLANTEN_PER_GEMEENTE,
      Bergdorp: DEMO_KLANTEN_PER_GEMEENTE,
    });
    expect(await tel('klant')).toBe(2 * DEMO_KLANTEN_PER_GEMEENTE);
    const log = await schrijfregels();
    const tweede = await loadDemo(services, systeemActor('test:demo'));
    expect(tweede).toEqual(eerste);
    expect(await tel('klant')).toBe(2 * DEMO_KLANTEN_PER_GEMEENTE);
    // No change is written twice. (Reads are logged: the later demos read the files to see what exists.)
    expect(await schrijfregels()).toBe(log);
  });

  it('is varied: exemptions of every type, part-time and regular work, re-integration, limitations', async () => {
    const rijen = await withContext(db.app, sys(), (tx) =>
      tx.selectFrom('klantOntheffing').select(['type', 'eerderGebruikt']).execute(),
    );
    expect(new Set(rijen.map((r) => r.type))).toEqual(
      new Set([
        'dringende-redenen',
        'volledig-arbeidsongeschikt',
        'alleenstaande-ouder-kind-onder-5',
        'lokaal',
      ]),
    );
    expect(rijen.some((r) => r.eerderGebruikt)).toBe(true);
    expect(await tel('klantWerk')).toBeGreaterThan(30);
    expect(await tel('klantReintegratie')).toBeGreaterThan(15);
    expect(await tel('klantBelastbaarheid')).toBeGreaterThan(60);
    const verdeling = await withContext(db.app, sys(), (tx) =>
      tx
        .selectFrom('klant')
        .select(['toepasselijkheid', 'taalniveau', 'opleidingsniveau', 'klantmanagerId', 'bsnHash'])
        .execute(),
    );
    expect(new Set(verdeling.map((k) => k.toepasselijkheid))).toEqual(
      new Set(['van-toepassing', 'niet-van-toepassing', 'ontheffing-verloopt']),
    );
    expect(new Set(verdeling.map((k) => k.taalniveau)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(verdeling.map((k) => k.opleidingsniveau)).size).toBeGreaterThanOrEqual(8);
    expect(verdeling.every((k) => k.bsnHash !== null)).toBe(true);
    expect(verdeling.some((k) => k.klantmanagerId === null)).toBe(true);
  });

  it('shows the demo klantmanager their caseload, with wijken derived from the postcodes', async () => {
    const id = eerste.gebruikers['klantmanager.aardam@demo.wederkerig.nl']!;
    const km = actorVan(
      { dienstId: eerste.dienstId, gebruikerId: id },
      { rol: 'klantmanager', gemeenten: [eerste.gemeenten.Aardam!], teams: [eerste.teams['Team Aardam']!] },
    );
    const pagina = await services.klanten.findKlanten(km, { paginaGrootte: 100 });
    expect(pagina.totaal).toBeGreaterThan(120);
    expect(pagina.items.every((k) => k.wijk !== null)).toBe(true);
    const dossier = await services.klanten.findKlant(km, pagina.items[0]!.id);
    expect(dossier.bsnGemaskeerd).toMatch(/^\*{5}\d{4}$/);
  });

  it('generates the same clients for the same municipality and day', () => {
    const c = {
      gemeenteId: 'x',
      code: 'GM9901',
      naam: 'Aardam',
      postcodes: ['5611'],
      klantmanagerId: undefined,
      vaardigheden: [],
      interesses: [],
      lokaleGrondId: undefined,
      metBsn: true,
    };
    expect(demoKlantRijen(c, '2026-11-27')).toEqual(demoKlantRijen(c, '2026-11-27'));
  });
});
