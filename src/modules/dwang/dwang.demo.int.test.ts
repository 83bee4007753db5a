import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { createDemoServices, type DemoResult } from '../../demo/demo.ts';
import { systeemActor } from '../auth/index.ts';

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
