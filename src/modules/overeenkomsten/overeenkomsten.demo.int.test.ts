import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { createDemoServices, type DemoResult, loadDemo } from '../../demo/demo.ts';
import { systeemActor } from '../auth/index.ts';

let db: TestDatabase;
let demo: DemoResult;

beforeAll(async () => {
  ({ db, demo } = await createDemoTestDatabase());
});

describe('demo overeenkomsten', () => {
  it('has designs in overeengekomen and lopend, keeps one in toetsing per municipality, and loads again unchanged', async () => {
    const s = createDemoServices(db.app);
    const actor = systeemActor('test', demo.dienstId);
    const telling = async () => {
      const { items } = await s.tegenprestaties.findTegenprestaties(actor, { paginaGrootte: 100 });
      const per = (status: string, gemeente: string) =>
        items.filter((t) => t.status === status && t.gemeenteId === demo.gemeenten[gemeente]).length;
      return {
        lopend: per('lopend', 'Aardam') + per('lopend', 'Bergdorp'),
        overeengekomen: per('overeengekomen', 'Aardam') + per('overeengekomen', 'Bergdorp'),
        toetsingAardam: per('toetsing', 'Aardam'),
        toetsingBergdorp: per('toetsing', 'Bergdorp'),
      };
    };
    const eerst = await telling();
    expect(eerst.lopend).toBeGreaterThanOrEqual(1);
    expect(eerst.overeengekomen).toBeGreaterThanOrEqual(1);
    expect(eerst.toetsingAardam).toBeGreaterThanOrEqual(1);
    expect(eerst.toetsingBergdorp).toBeGreaterThanOrEqual(1);
    await loadDemo(s, systeemActor('test:demo'));
    expect(await telling()).toEqual(eerst);
  });
});
