import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bestandsJournaal, JournaalFout, leesJournaal } from './vernietigingsjournaal.ts';

let map: string;
beforeAll(async () => {
  map = await mkdtemp(join(tmpdir(), 'wk-journaal-test-'));
});
afterAll(async () => {
  await rm(map, { recursive: true, force: true });
});

const REGEL = {
  dienstId: '11111111-1111-4111-8111-111111111111',
  gemeenteId: '22222222-2222-4222-8222-222222222222',
  lijstId: '33333333-3333-4333-8333-333333333333',
  maanden: 12,
  peildatum: '2026-12-08',
  klantIds: ['44444444-4444-4444-8444-444444444444'],
};

describe('the destruction journal', () => {
  it('appends lines (file mode 0600, folder made) and reads them back in order', async () => {
    const pad = join(map, 'a', 'b', 'journaal.jsonl');
    const j = bestandsJournaal(pad);
    await j.schrijf(REGEL);
    await j.schrijf({ ...REGEL, klantIds: [] });
    const regels = await leesJournaal(pad);
    expect(regels).toEqual([
      { v: 1, tijd: expect.any(String), ...REGEL },
      { v: 1, tijd: expect.any(String), ...REGEL, klantIds: [] },
    ]);
    expect((await stat(pad)).mode & 0o777).toBe(0o600);
  });

  it('says undefined for a missing journal, and [] for one made at start (maakAan) but never written', async () => {
    const pad = join(map, 'leeg.jsonl');
    expect(await leesJournaal(pad)).toBeUndefined();
    await bestandsJournaal(pad).maakAan();
    expect(await leesJournaal(pad)).toEqual([]);
    await bestandsJournaal(pad).maakAan();
    expect(await readFile(pad, 'utf8')).toBe('');
  });

  it('ignores a last line cut off before its newline (a crash during the write, before the commit)', async () => {
    const pad = join(map, 'afgebroken.jsonl');
    await bestandsJournaal(pad).schrijf(REGEL);
    await appendFile(pad, '{"v":1,"tijd":"2026-12-08T10:00:00.000Z","dienstId":"111');
    expect(await leesJournaal(pad)).toHaveLength(1);
  });

  it.each([
    ['not JSON', 'kapot\n'],
    ['another version', `${JSON.stringify({ v: 2, tijd: '2026-12-08T10:00:00.000Z', ...REGEL })}\n`],
    [
      'a malformed id',
      `${JSON.stringify({ v: 1, tijd: '2026-12-08T10:00:00.000Z', ...REGEL, klantIds: ['x'] })}\n`,
    ],
    ['no time', `${JSON.stringify({ v: 1, ...REGEL })}\n`],
  ])('refuses a journal with a damaged line (%s), naming the line', async (_naam, regel) => {
    const pad = join(map, `kapot-${Math.random().toString(36).slice(2)}.jsonl`);
    await bestandsJournaal(pad).schrijf(REGEL);
    await appendFile(pad, regel);
    await expect(leesJournaal(pad)).rejects.toThrow(JournaalFout);
    await expect(leesJournaal(pad)).rejects.toThrow(/beschadigd \(regel 2\)/);
  });
});
