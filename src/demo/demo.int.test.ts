import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.ts';
import { withContext } from '../db/context.ts';
import { systeemActor, verifieerWachtwoord } from '../modules/auth/index.ts';
import { createDemoServices, DEMO_ACCOUNTS, DEMO_WACHTWOORD, type DemoResult, loadDemo } from './demo.ts';

let db: TestDatabase;
let eerste: DemoResult;

beforeAll(async () => {
  db = await createTestDatabase();
  eerste = await loadDemo(createDemoServices(db.app), systeemActor('test:demo'));
});

describe('demo data', () => {
  it('is idempotent: a second load finds everything and changes nothing', async () => {
    const tweede = await loadDemo(createDemoServices(db.app), systeemActor('test:demo'));
    expect(tweede).toEqual(eerste);
    const aantal = await withContext(db.app, systeemActor('test'), (tx) =>
      tx
        .selectFrom('gebruiker')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    expect(Number(aantal.n)).toBe(DEMO_ACCOUNTS.length);
  });

  it('has the teams with their municipalities', async () => {
    const teams = await createDemoServices(db.app).beheer.listTeams(systeemActor('test', eerste.dienstId));
    expect(teams.map((t) => [t.naam, t.gemeenten.map((g) => g.naam)])).toEqual([
      ['Team Aardam', ['Aardam']],
      ['Team Bergdorp', ['Bergdorp']],
    ]);
  });

  it('has the demo accounts with role, teams, municipalities and the demo password', async () => {
    const gebruikers = await createDemoServices(db.app).beheer.listGebruikers(
      systeemActor('test', eerste.dienstId),
    );
    const overzicht = Object.fromEntries(
      gebruikers.map((g) => [
        g.email,
        {
          rol: g.rol,
          teams: g.teams.map((t) => t.naam),
          gemeenten: g.gemeenten.map((x) => x.naam),
          demo: g.isDemo,
        },
      ]),
    );
    expect(overzicht).toEqual({
      'klantmanager.aardam@demo.wederkerig.nl': {
        rol: 'klantmanager',
        teams: ['Team Aardam'],
        gemeenten: ['Aardam'],
        demo: true,
      },
      'klantmanager.bergdorp@demo.wederkerig.nl': {
        rol: 'klantmanager',
        teams: ['Team Bergdorp'],
        gemeenten: ['Bergdorp'],
        demo: true,
      },
      'teamleider@demo.wederkerig.nl': {
        rol: 'teamleider',
        teams: ['Team Aardam', 'Team Bergdorp'],
        gemeenten: ['Aardam', 'Bergdorp'],
        demo: true,
      },
      'netwerk@demo.wederkerig.nl': {
        rol: 'netwerkmakelaar',
        teams: [],
        gemeenten: ['Aardam', 'Bergdorp'],
        demo: true,
      },
      'beheer@demo.wederkerig.nl': {
        rol: 'functioneel-beheerder',
        teams: [],
        gemeenten: ['Aardam', 'Bergdorp'],
        demo: true,
      },
      'privacy@demo.wederkerig.nl': {
        rol: 'privacy-officer',
        teams: [],
        gemeenten: ['Aardam', 'Bergdorp'],
        demo: true,
      },
    });
    const hashes = await withContext(db.app, systeemActor('test'), (tx) =>
      tx.selectFrom('gebruiker').select(['email', 'wachtwoordHash']).execute(),
    );
    for (const h of hashes)
      expect(await verifieerWachtwoord(h.wachtwoordHash!, DEMO_WACHTWOORD), h.email).toBe(true);
  });
});
