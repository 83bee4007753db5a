import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { createDemoServices, type DemoResult } from '../../demo/demo.ts';
import { systeemActor } from '../auth/index.ts';

let db: TestDatabase;
let demo: DemoResult;

beforeAll(async () => {
  ({ db, demo } = await createDemoTestDatabase());
});

describe('demo tegenprestaties', () => {
  it('has designs in every state of part 1, a host-less maatwerk one, a client not convinced with advice asked', async () => {
    const s = createDemoServices(db.app);
    const actor = systeemActor('test', demo.dienstId);
    const { items } = await s.tegenprestaties.findTegenprestaties(actor, { paginaGrootte: 100 });
    const statussen = new Set(items.map((t) => t.status));
    for (const st of ['verkenning', 'ontwerp', 'opleggen']) expect(statussen).toContain(st);
    // Only where the ordinance imposes (Aardam); Bergdorp, which only offers, never gets the path.
    const opleggen = items.filter((t) => t.status === 'opleggen');
    expect(opleggen.every((t) => t.gemeenteId === demo.gemeenten.Aardam)).toBe(true);
    expect(
      (await s.tegenprestaties.findTegenprestatie(actor, opleggen[0]!.id)).oplegging?.zienswijze,
    ).not.toBeNull();
    // Part 2's demo may take designs on from toetsing (agreement, running): toetsing or later.
    const verder = new Set(['toetsing', 'overeengekomen', 'lopend', 'afgerond', 'beeindigd']);
    expect(items.some((t) => verder.has(t.status))).toBe(true);
    expect(items.some((t) => t.suggestie !== null)).toBe(true);
    expect(items.some((t) => t.gesprekId !== null)).toBe(true);
    const nietOvertuigd = items.filter((t) => t.overtuigd.klant.oordeel === 'nee' && t.status === 'ontwerp');
    expect(nietOvertuigd.some((t) => t.advies.vraag !== null)).toBe(true);
    let zonderHost = false;
    for (const t of items.filter((x) => verder.has(x.status) && x.activiteitId)) {
      const a = await s.netwerk.findActiviteit(actor, t.activiteitId!);
      if (a.isMaatwerk && a.organisatie === null) zonderHost = true;
    }
    expect(zonderHost).toBe(true);
  });
});
