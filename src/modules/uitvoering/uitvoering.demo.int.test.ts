import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { createDemoServices, type DemoResult } from '../../demo/demo.ts';
import { systeemActor } from '../auth/index.ts';
import { vandaag } from '../klanten/index.ts';

let db: TestDatabase;
let demo: DemoResult;

beforeAll(async () => {
  ({ db, demo } = await createDemoTestDatabase());
}, 120_000);

describe('uitvoering demo', () => {
  it('each municipality has a running placement that started in the past, with hours and an evaluation; Aardam also an ended one', async () => {
    const s = createDemoServices(db.app);
    const actor = systeemActor('test', demo.dienstId);
    const lijst = async (status: 'lopend' | 'beeindigd') =>
      (await s.tegenprestaties.findTegenprestaties(actor, { status, paginaGrootte: 100 })).items;
    for (const [naam, id] of Object.entries(demo.gemeenten)) {
      // The earliest started: the measure demo (issue 15) adds running placements of a few weeks without hours.
      const lopend = (await lijst('lopend'))
        .filter((t) => t.gemeenteId === id && t.startdatum !== null && t.startdatum < vandaag())
        .sort((a, b) => String(a.startdatum).localeCompare(String(b.startdatum)));
      expect(lopend.length, naam).toBeGreaterThanOrEqual(1);
      const beeld = await s.uitvoering.bekijkUitvoering(actor, lopend[0]!.id);
      expect(beeld.totaalUren, naam).toBeGreaterThan(10);
      expect(
        beeld.uren.some((u) => u.afwezig === 'ziek'),
        naam,
      ).toBe(true);
      expect(
        beeld.evaluaties.map((e) => e.besluit),
        naam,
      ).toEqual(['voortzetten']);
    }
    const beeindigd = (await lijst('beeindigd')).filter((t) => t.gemeenteId === demo.gemeenten.Aardam);
    expect(beeindigd).toHaveLength(1);
    const eind = (await s.uitvoering.bekijkUitvoering(actor, beeindigd[0]!.id)).evaluaties[0];
    expect(eind?.eind).toMatchObject({ afloop: 'beeindigd', beeindigingReden: 'werk-gevonden' });
  });
});
