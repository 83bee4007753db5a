import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { createDemoServices, type DemoResult } from '../../demo/demo.ts';
import { type Gebruiker, systeemActor } from '../auth/index.ts';

let db: TestDatabase;
let demo: DemoResult;

beforeAll(async () => {
  ({ db, demo } = await createDemoTestDatabase());
});

describe('demo: the measures ordinance', () => {
  it('Aardam has category 2 at 30 % for one month, range 5–100 %, a repeat within 12 months steps up; Bergdorp none', async () => {
    const s = createDemoServices(db.app);
    const actor = systeemActor('test', demo.dienstId);
    const aardam = await s.dwang.listMaatregelverordeningen(actor, demo.gemeenten.Aardam as string);
    expect(aardam).toHaveLength(1);
    const v = aardam[0];
    expect(v?.bandbreedte).toEqual({ min: 5, max: 100 });
    expect(v?.recidiveMaanden).toBe(12);
    expect(v?.categorieen[0]).toMatchObject({ nummer: 2, gedraging: 'tegenprestatie-niet-nagekomen' });
    expect(v?.categorieen[0]?.stappen[0]).toEqual({ percentage: 30, maanden: 1 });
    expect(v?.categorieen[0]?.stappen[1]?.percentage).toBeGreaterThan(30);
    expect(await s.dwang.listMaatregelverordeningen(actor, demo.gemeenten.Bergdorp as string)).toEqual([]);
  });
});

describe('demo: a measure path at each stage in Aardam', () => {
  it('an intention, one heard, a proposal waiting, a decided measure and an afzien; Bergdorp none', async () => {
    const s = createDemoServices(db.app);
    const tl: Gebruiker = {
      kind: 'gebruiker',
      dienstId: demo.dienstId,
      gebruikerId: demo.gebruikers['teamleider@demo.wederkerig.nl'] as string,
      naam: 'Anouk Jansen',
      email: 'teamleider@demo.wederkerig.nl',
      rol: 'teamleider',
      gemeenten: Object.values(demo.gemeenten),
      teams: Object.values(demo.teams),
      via: 'sessie',
    };
    const lijst = await s.nazorg.teamlijst(tl);
    const aardam = lijst.filter((r) => r.gemeenteId === demo.gemeenten.Aardam);
    expect(aardam.map((r) => r.stadium).sort()).toEqual(
      ['afgezien', 'besloten', 'voornemen', 'voornemen', 'wacht-op-akkoord'].sort(),
    );
    expect(lijst.filter((r) => r.gemeenteId === demo.gemeenten.Bergdorp)).toEqual([]);
    // One of the open intentions is heard with culpability assessed: only the final proposal is missing.
    const open = aardam.filter((r) => r.stadium === 'voornemen');
    const paden = await Promise.all(
      open.map((r) => s.maatregelen.findMaatregel(tl, r.tegenprestatieId, r.maatregelId)),
    );
    expect(paden.map((m) => m.volgendeStap.length === 0).sort()).toEqual([false, true]);
  });
});
