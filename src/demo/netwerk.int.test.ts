import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoTestDatabase, type TestDatabase } from '../../test/db.ts';
import { withContext } from '../db/context.ts';
import { systeemActor } from '../modules/auth/index.ts';
import { ORGANISATIE_TYPES } from '../modules/netwerk/index.ts';
import { createDemoServices, type DemoResult, loadDemo } from './demo.ts';

let db: TestDatabase;
let demo: DemoResult;

beforeAll(async () => {
  ({ db, demo } = await createDemoTestDatabase());
});

describe('the demo network', () => {
  it('has about 30 organisations per municipality of every type and about 80 activities', async () => {
    expect(demo.netwerk).toEqual({ organisaties: 60, activiteiten: 80 });
    const netwerk = createDemoServices(db.app).netwerk;
    const actor = systeemActor('test', demo.dienstId);
    for (const gemeenteId of Object.values(demo.gemeenten)) {
      const o = await netwerk.findOrganisaties(actor, { gemeenteId, paginaGrootte: 100 });
      // The demo network's 30, plus organisations that clients proposed (status voorgesteld, gesprekken demo).
      const vast = o.items.filter((x) => x.status !== 'voorgesteld');
      expect(vast).toHaveLength(30);
      expect(new Set(vast.map((x) => x.type))).toEqual(new Set(ORGANISATIE_TYPES));
      expect(vast.every((x) => x.wijk !== null)).toBe(true);
    }
  });

  it('has assessments: mostly no risk, a few doubts waiting for intervision, one displacement, some not yet', async () => {
    const netwerk = createDemoServices(db.app).netwerk;
    const actor = systeemActor('test', demo.dienstId);
    const aantal = async (toetsStatus: 'geen-risico' | 'twijfel-open' | 'verdringing' | 'geen-toets') =>
      (await netwerk.findActiviteiten(actor, { toetsStatus, paginaGrootte: 1 })).totaal;
    expect(await aantal('geen-risico')).toBeGreaterThan(50);
    expect(await aantal('twijfel-open')).toBeGreaterThanOrEqual(3);
    expect(await aantal('verdringing')).toBe(1);
    expect(await aantal('geen-toets')).toBeGreaterThan(0);
    expect((await netwerk.findIntervisies(actor, { status: 'open' })).totaal).toBe(
      await aantal('twijfel-open'),
    );
  });

  it('loads again without changing anything or writing to the access log', async () => {
    const regels = () =>
      withContext(db.app, systeemActor('test'), async (tx) =>
        Number(
          (
            await tx
              .selectFrom('logboek')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('verwerkingsactiviteitId', '=', 'va-netwerk')
              .executeTakeFirstOrThrow()
          ).n,
        ),
      );
    const voor = await regels();
    expect(voor).toBeGreaterThan(200);
    const opnieuw = await loadDemo(createDemoServices(db.app), systeemActor('test:demo'));
    expect(opnieuw.netwerk).toEqual(demo.netwerk);
    expect(await regels()).toBe(voor);
  });
});
