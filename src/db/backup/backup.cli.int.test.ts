import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/app.ts';
import { createDemoTestDatabase, createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { privacyVoorCli } from '../../cli.ts';
import type { Config } from '../../config.ts';
import { systeemActor } from '../../modules/auth/index.ts';
import { systeem, withContext } from '../context.ts';
import { voerOnderhoudUit } from '../../modules/logboek/index.ts';
import { TEST_LOGBOEK_KEY } from '../../../test/constants.ts';
import type { Runtime } from '../runtime.ts';
import { backupCommand } from './backup.cli.ts';

const SLEUTEL = 'c3'.repeat(32);
let map: string;
let bron: TestDatabase;

function runtime(db: TestDatabase, config: Config): Runtime {
  return { pools: db, config, embedded: undefined, close: async () => {} };
}

async function cli(
  opdracht: 'backup' | 'restore',
  args: string[],
  db: TestDatabase,
  opties: { sleutel?: string | undefined; config?: Partial<Config> } = {},
) {
  const config = testConfig({
    databaseUrl: db.appUrl,
    databaseOwnerUrl: db.ownerUrl,
    databaseSystemUrl: db.systeemUrl,
    ...opties.config,
  });
  const out: string[] = [];
  const err: string[] = [];
  const code = await backupCommand(
    opdracht,
    args,
    {
      config,
      backupSleutel: 'sleutel' in opties ? opties.sleutel : SLEUTEL,
      open: async () => runtime(db, config),
      herspeelVernietigingen: (rt, regels) =>
        privacyVoorCli(rt).herspeelVernietigingen(regels, 'test:herstel'),
    },
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  map = await mkdtemp(join(tmpdir(), 'wk-backup-cli-'));
  ({ db: bron } = await createDemoTestDatabase());
  await voerOnderhoudUit(bron.owner, { sleutel: TEST_LOGBOEK_KEY });
});

afterAll(async () => {
  await rm(map, { recursive: true, force: true });
});

describe('wederkerig backup / restore', () => {
  it('backs up, refuses to overwrite, and restores into an empty database with the log verified', async () => {
    const bestand = join(map, 'a.backup');
    const b = await cli('backup', [bestand], bron);
    expect(b.err).toBe('');
    expect(b.code).toBe(0);
    expect(b.out).toMatch(/^Backup gemaakt: .*a\.backup \(\d+ tabellen, \d+ rijen/);

    const nogmaals = await cli('backup', [bestand], bron);
    expect(nogmaals.code).toBe(1);
    expect(nogmaals.err).toMatch(/bestaat al: een backup overschrijft nooit een andere/);

    const doel = await createTestDatabase();
    // An empty destruction journal (no list approved yet): nothing to replay, nothing to warn about.
    const journaal = join(map, 'leeg.jsonl');
    await writeFile(journaal, '');
    const r = await cli('restore', [bestand], doel, { config: { vernietigingsjournaal: journaal } });
    expect(r.err).toBe('');
    expect(r.out).toContain('Vernietigingsjournaal toegepast: 0 goedgekeurde lijsten');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/teruggezet: \d+ tabellen, \d+ rijen/);
    expect(r.out).toMatch(/Resultaat: in orde|in orde/i);

    const nietLeeg = await cli('restore', [bestand], doel);
    expect(nietLeeg.code).toBe(1);
    expect(nietLeeg.err).toMatch(/De database is niet leeg/);
  });

  it('says in Dutch what is wrong: no key, a malformed key, a wrong key, a missing file, no file name', async () => {
    const bestand = join(map, 'b.backup');
    expect((await cli('backup', [bestand], bron)).code).toBe(0);
    const doel = await createTestDatabase();

    const geen = await cli('backup', [join(map, 'c.backup')], bron, { sleutel: undefined });
    expect(geen.code).toBe(1);
    expect(geen.err).toMatch(/BACKUP_ENCRYPTION_KEY ontbreekt/);

    const kort = await cli('restore', [bestand], doel, { sleutel: 'abc' });
    expect(kort.err).toMatch(/64 hexadecimale tekens/);

    const fout = await cli('restore', [bestand], doel, { sleutel: 'd4'.repeat(32) });
    expect(fout.code).toBe(1);
    expect(fout.err).toMatch(/met een andere sleutel versleuteld/);

    const weg = await cli('restore', [join(map, 'bestaat-niet.backup')], doel);
    expect(weg.code).toBe(1);
    expect(weg.err).toMatch(/bestaat niet/);

    await writeFile(join(map, 'tekst.backup'), 'dit is geen backup');
    const tekst = await cli('restore', [join(map, 'tekst.backup')], doel);
    expect(tekst.err).toMatch(/geen backup van Wederkerig/);

    expect((await cli('restore', [], doel)).err).toBe('Gebruik: wederkerig restore BESTAND');

    // A damaged destruction journal refuses the restore before anything changed.
    const kapot = join(map, 'kapot.jsonl');
    await writeFile(kapot, 'kapot\n');
    const journaal = await cli('restore', [bestand], doel, { config: { vernietigingsjournaal: kapot } });
    expect(journaal.code).toBe(1);
    expect(journaal.err).toMatch(
      /vernietigingsjournaal .*kapot\.jsonl is beschadigd \(regel 1\): er is niets hersteld/,
    );
    expect(journaal.out).toBe('');
  });

  it('refuses other data keys than the backup was made with, before loading anything', async () => {
    const bestand = join(map, 'd.backup');
    expect((await cli('backup', [bestand], bron)).code).toBe(0);
    const doel = await createTestDatabase();
    const r = await cli('restore', [bestand], doel, { config: { bsnHashKey: 'e5'.repeat(32) } });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/sleutels passen niet bij deze backup: BSN_HASH_KEY/);
    // Nothing was loaded: a restore with the right keys still works.
    expect((await cli('restore', [bestand], doel)).code).toBe(0);
  });

  it('keeps a client destroyed after the backup destroyed after a restore (destruction journal)', async () => {
    const journaal = join(map, 'journaal', 'vernietigingsjournaal.jsonl');
    const config = { vernietigingsjournaal: journaal };
    const rt = runtime(bron, testConfig({ ...config, databaseUrl: bron.appUrl }));
    const privacy = privacyVoorCli(rt);
    const dienstId = await withContext(
      bron.owner,
      systeem('test:journaal'),
      async (tx) => (await tx.selectFrom('dienst').select('dienstId').executeTakeFirstOrThrow()).dienstId,
    );
    const actor = systeemActor('test:journaal', dienstId);
    // Two clients of one municipality, their files closed long ago; the others stay open.
    const [k1, k2] = await withContext(bron.owner, systeem('test:journaal'), async (tx) => {
      const eerste = await tx
        .selectFrom('klant')
        .select('gemeenteId')
        .where('dossierGeslotenOp', 'is', null)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const rijen = await tx
        .selectFrom('klant')
        .select(['id', 'gemeenteId'])
        .where('dossierGeslotenOp', 'is', null)
        .where('gemeenteId', '=', eerste.gemeenteId)
        .orderBy('id')
        .limit(2)
        .execute();
      for (const r of rijen)
        await sql`UPDATE klant SET dossier_gesloten_op = '2015-03-01T12:00:00Z' WHERE id = ${r.id}`.execute(
          tx,
        );
      return rijen;
    });
    expect(k1?.gemeenteId).toBe(k2?.gemeenteId);
    const gemeenteId = k1!.gemeenteId;
    await privacy.zetBewaartermijn(actor, gemeenteId, { maanden: 12, grondslag: 'Selectielijst 2020' });

    // The list is drawn up before the backup and approved after it: the files are destroyed, the journal says so.
    const lijst = await privacy.stelVernietigingslijstVoor(actor, gemeenteId);
    const bestand = join(map, 'voor-vernietiging.backup');
    expect((await cli('backup', [bestand], bron, { config })).code).toBe(0);
    expect(await privacy.keurVernietigingslijstGoed(actor, lijst!.id)).toEqual({
      vernietigd: expect.any(Number),
    });
    const klantIds = (await readFile(journaal, 'utf8'))
      .trim()
      .split('\n')
      .flatMap((l) => (JSON.parse(l) as { klantIds: string[] }).klantIds);
    expect(klantIds).toEqual(expect.arrayContaining([k1!.id, k2!.id]));
    const klantenIn = async (db: TestDatabase) =>
      withContext(db.owner, systeem('test:journaal'), (tx) =>
        tx.selectFrom('klant').select('id').where('id', 'in', [k1!.id, k2!.id]).execute(),
      );
    expect(await klantenIn(bron)).toEqual([]);

    // Without the journal the restore says so, and the destroyed files are back (what the journal prevents).
    const zonder = await createTestDatabase();
    const r0 = await cli('restore', [bestand], zonder, {
      config: { vernietigingsjournaal: join(map, 'geen.jsonl') },
    });
    expect(r0.err).toMatch(/geen vernietigingsjournaal gevonden/);
    expect(await klantenIn(zonder)).toHaveLength(2);

    // With it: destroyed again, the list closed, and the access log (with the new entries) verifies.
    const doel = await createTestDatabase();
    const r = await cli('restore', [bestand], doel, { config });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /Vernietigingsjournaal toegepast: 1 goedgekeurde lijst van na de backup, \d+ dossiers opnieuw vernietigd/,
    );
    expect(await klantenIn(doel)).toEqual([]);
    const status = await withContext(doel.owner, systeem('test:journaal'), (tx) =>
      tx.selectFrom('vernietigingslijst').select('status').where('id', '=', lijst!.id).execute(),
    );
    expect(status).toEqual([{ status: 'goedgekeurd' }]);
  });
});
