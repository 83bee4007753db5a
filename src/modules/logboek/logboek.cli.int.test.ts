import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_LOGBOEK_KEY } from '../../../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { withContext } from '../../db/context.ts';
import { dbContext, systeemActor } from '../auth/index.ts';
import {
  createLogboekService,
  logboekCommand,
  record,
  STANDAARD_REGISTER,
  VA,
  verifieerLogboek,
  voerOnderhoudUit,
} from './index.ts';
import { maandBegin, plusMaanden } from './keten.ts';
import { vervangSleutel } from './onderhoud.ts';

const NIEUWE_SLEUTEL = 'b'.repeat(64);

async function logboekMetRegels(n: number): Promise<TestDatabase> {
  const db = await createTestDatabase();
  const g = await insertGemeente(db.app);
  await createLogboekService(db.app).ensureStandaardRegister(systeemActor('test'), g.dienstId);
  const km = actorVan(
    { dienstId: g.dienstId, gebruikerId: randomUUID(), rol: 'klantmanager' },
    { gemeenten: [g.gemeenteId] },
  );
  for (let i = 0; i < n; i++) {
    await withContext(db.app, dbContext(km), (tx) =>
      record(tx, {
        actor: km,
        actie: 'lezen',
        subject: { type: 'klant', id: randomUUID() },
        verwerkingsactiviteit: VA.klantdossierTegenprestatie,
        gemeenteId: g.gemeenteId,
      }),
    );
  }
  return db;
}

/** Runs the command and collects its output. */
async function cli(db: TestDatabase, args: string[], sleutel: string | null = TEST_LOGBOEK_KEY, invoer = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await logboekCommand(
    args,
    { owner: db.owner, sleutel: sleutel ?? undefined, leesInvoer: async () => invoer },
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let db: TestDatabase;
beforeAll(async () => {
  db = await logboekMetRegels(5);
});

describe('wederkerig logboek', () => {
  it('verify fails before the first maintenance (no anchor), passes after it, in Dutch and English', async () => {
    const voor = await cli(db, ['verify']);
    expect(voor.code).toBe(1);
    expect(voor.err).toContain('Het anker van het logboek ontbreekt');
    expect(voor.err).toContain('Result: FAILED');
    const onderhoud = await cli(db, ['onderhoud']);
    expect(onderhoud.code).toBe(0);
    expect(onderhoud.out).toContain('Anker van het logboek gezet.');
    const na = await cli(db, ['verify']);
    expect(na.code).toBe(0);
    expect(na.out).toContain(`${STANDAARD_REGISTER.length + 5} regels`);
    expect(na.out).toContain('Resultaat: in orde.');
    expect(na.out).toContain('Result: OK');
  });

  it('verify refuses to run without the signing key', async () => {
    const r = await cli(db, ['verify'], null);
    expect(r.code).toBe(1);
    expect(r.err).toContain('LOGBOEK_SIGNING_KEY ontbreekt');
  });

  it('shows, sets and clears the retention', async () => {
    expect((await cli(db, ['bewaartermijn'])).out).toContain('niet ingesteld');
    expect((await cli(db, ['bewaartermijn', '24'])).code).toBe(0);
    expect((await cli(db, ['bewaartermijn'])).out).toContain('24 maanden');
    expect((await cli(db, ['bewaartermijn', '0'])).code).toBe(1);
    expect((await cli(db, ['bewaartermijn', 'twee'])).code).toBe(1);
    expect((await cli(db, ['bewaartermijn', 'uit'])).code).toBe(0);
    expect((await cli(db, ['bewaartermijn'])).out).toContain('niet ingesteld');
  });

  it('prints its usage for an unknown command', async () => {
    const r = await cli(db, ['bestaat-niet']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('wederkerig logboek <opdracht>');
  });

  it('sleutel-vervangen checks its input', async () => {
    expect((await cli(db, ['sleutel-vervangen'], NIEUWE_SLEUTEL, 'geen sleutel')).code).toBe(1);
    expect((await cli(db, ['sleutel-vervangen'], TEST_LOGBOEK_KEY, TEST_LOGBOEK_KEY)).err).toContain(
      'gelijk',
    );
  });
});

describe('key rotation', () => {
  it('re-signs anchor, seals and tombstones so that the log verifies with the new key only', async () => {
    const rot = await logboekMetRegels(4);
    await withContext(rot.owner, { kind: 'systeem', reden: 'test' }, (tx) =>
      tx.updateTable('logboekInstelling').set({ bewaartermijnMaanden: 2 }).execute(),
    );
    const nu = plusMaanden(maandBegin(new Date()), 4);
    const verslag = await voerOnderhoudUit(rot.owner, { sleutel: TEST_LOGBOEK_KEY, nu });
    expect(verslag.verwijderd.length).toBeGreaterThan(0);
    expect(verslag.verzegeld.length).toBeGreaterThan(verslag.verwijderd.length);

    const r = await vervangSleutel(rot.owner, {
      oudeSleutel: TEST_LOGBOEK_KEY,
      nieuweSleutel: NIEUWE_SLEUTEL,
      nu,
    });
    expect(r.regels[0]).toContain('Sleutel vervangen');
    expect(r.ok).toBe(true);
    expect((await verifieerLogboek(rot.owner, { sleutel: NIEUWE_SLEUTEL, nu })).bevindingen).toEqual([]);
    const oud = await verifieerLogboek(rot.owner, { sleutel: TEST_LOGBOEK_KEY, nu });
    expect(oud.ok).toBe(false);
    // Every signature is the new key's now (the open month's checkpoint too, hence no recent valid checkpoint).
    expect(new Set(oud.bevindingen.map((b) => b.soort))).toEqual(new Set(['zegel', 'niet-verzegeld']));
  });

  it('refuses when the log does not verify with the old key, and changes nothing', async () => {
    const r = await vervangSleutel(db.owner, { oudeSleutel: 'c'.repeat(64), nieuweSleutel: NIEUWE_SLEUTEL });
    expect(r.ok).toBe(false);
    expect(r.regels[0]).toContain('er is niets veranderd');
    expect((await verifieerLogboek(db.owner, { sleutel: TEST_LOGBOEK_KEY })).bevindingen).toEqual([]);
  });
});
