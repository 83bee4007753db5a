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

  it('shows the switch: Aardam decisions have a sending date and never reach a regime without a recorded basis; Bergdorp agrees voluntarily', async () => {
    const s = createDemoServices(db.app);
    const actor = systeemActor('test', demo.dienstId);
    const { items } = await s.tegenprestaties.findTegenprestaties(actor, {
      status: 'overeengekomen',
      paginaGrootte: 100,
    });
    const aardam = items.filter((t) => t.gemeenteId === demo.gemeenten.Aardam);
    for (const t of aardam) {
      const beeld = await s.overeenkomsten.bekijk(actor, t.id);
      if (!beeld.stand?.besluit) continue;
      expect(beeld.stand.besluit.verzenddatum).not.toBeNull();
      expect(t.startdatum! >= beeld.stand.besluit.verzenddatum!).toBe(true);
      // Only regimes with a recorded basis (the demo records none for 2027).
      for (const r of beeld.stand.besluit.grondslag?.regimes ?? []) expect(r.artikel).toBeTruthy();
      if (t.startdatum! < '2027-01-01') expect(t.einddatum! <= '2026-12-31').toBe(true);
    }
    const bergdorp = items.filter((t) => t.gemeenteId === demo.gemeenten.Bergdorp);
    for (const t of bergdorp) {
      const beeld = await s.overeenkomsten.bekijk(actor, t.id);
      expect(beeld.besluitNodig).toBe(false);
      expect(beeld.stand?.besluit ?? null).toBeNull();
    }
  });
});
