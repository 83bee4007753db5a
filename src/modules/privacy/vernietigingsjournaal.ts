import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * The destruction journal (issue 20): every approved destruction list, appended to a file **outside** the database
 * and so outside every backup, and forced to disk before the destruction commits. A restore replays it
 * (`herspeelVernietigingen` in the privacy service), so that a client destroyed after a backup does not come back
 * when that backup is restored.
 *
 * One JSON line per approved list: when, which social service, municipality and list, the retention period and the
 * reference date the list was approved with, and the ids of the destroyed client files (pseudonymous ids, as the
 * access log keeps them; never a name, BSN or klantnummer). A line written for a destruction whose transaction then
 * failed is harmless: a replay destroys only files that are still closed and past that retention period on that
 * date, exactly what the approval was for.
 */
export const JournaalRegel = z.object({
  v: z.literal(1),
  tijd: z.iso.datetime({ offset: true }),
  dienstId: z.uuid(),
  gemeenteId: z.uuid(),
  lijstId: z.uuid(),
  maanden: z.number().int().positive(),
  peildatum: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  klantIds: z.array(z.uuid()),
});
export type JournaalRegel = z.infer<typeof JournaalRegel>;

export interface VernietigingsJournaal {
  /** Where it is (for messages). */
  readonly pad: string;
  /** Appends one line and forces it to disk; throws when that fails (the destruction then does not commit). */
  schrijf(regel: Omit<JournaalRegel, 'v' | 'tijd'>): Promise<void>;
  /**
   * Creates the (empty) file when it does not exist yet, so that a journal that is missing at a restore was lost,
   * not merely never written; and a journal that cannot be written is found at start, not at the first approval.
   */
  maakAan(): Promise<void>;
}

export class JournaalFout extends Error {}

/** The journal in file `pad` (created with mode 0600, its folder too). */
export function bestandsJournaal(pad: string): VernietigingsJournaal {
  const voegToe = async (tekst: string) => {
    await mkdir(dirname(pad), { recursive: true, mode: 0o700 });
    const f = await open(pad, 'a', 0o600);
    try {
      // One write of the whole line (O_APPEND): concurrent approvals never interleave within a line.
      if (tekst) await f.write(tekst);
      await f.sync();
    } finally {
      await f.close();
    }
    // A new file's directory entry must reach the disk too.
    const map = await open(dirname(pad), 'r').catch(() => undefined);
    if (map) {
      await map.sync().catch(() => {});
      await map.close();
    }
  };
  return {
    pad,
    async schrijf(regel) {
      const volledig: JournaalRegel = { v: 1, tijd: new Date().toISOString(), ...regel };
      await voegToe(`${JSON.stringify(volledig)}\n`);
    },
    maakAan: () => voegToe(''),
  };
}

/**
 * Reads a journal: its lines in order, or undefined when the file does not exist. A damaged line (not JSON, or not
 * a journal line) refuses the whole journal; a last line without its newline (cut off by a crash during the write,
 * before the destruction committed) is ignored.
 */
export async function leesJournaal(pad: string): Promise<JournaalRegel[] | undefined> {
  let tekst: string;
  try {
    tekst = await readFile(pad, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new JournaalFout(`Het vernietigingsjournaal ${pad} kan niet worden gelezen.`);
  }
  const regels = tekst.split('\n');
  regels.pop(); // after the last newline: empty, or a line cut off before its newline
  return regels.map((r, i) => {
    let data: unknown;
    try {
      data = JSON.parse(r);
    } catch {
      data = undefined;
    }
    const p = JournaalRegel.safeParse(data);
    if (!p.success)
      throw new JournaalFout(
        `Het vernietigingsjournaal ${pad} is beschadigd (regel ${i + 1}): er is niets hersteld.`,
      );
    return p.data;
  });
}
