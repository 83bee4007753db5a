import { randomBytes } from 'node:crypto';
import { withContext } from '../../src/db/context.ts';
import type { Database } from '../../src/db/database.ts';

const uniq = () => randomBytes(4).toString('hex');

export interface TestKlant {
  dienstId: string;
  gemeenteId: string;
  id: string;
  klantnummer: string;
  achternaam: string;
  geboortedatum: string;
}

/** A client in memory: the input `createKlant` takes, with a unique klantnummer. */
export function maakKlant(overrides: Record<string, unknown> & { gemeenteId: string }) {
  return {
    klantnummer: `K-${uniq()}`,
    voornamen: 'Sanne',
    achternaam: `Visser-${uniq()}`,
    geboortedatum: '1985-03-10',
    ...overrides,
  };
}

/**
 * Inserts a client row directly (system context, as the import does), without BSN or children. For tests that
 * need clients to exist; tests of the use cases create them through the service.
 */
export async function insertKlant(
  db: Database,
  opts: {
    dienstId: string;
    gemeenteId: string;
    klantnummer?: string;
    achternaam?: string;
    voornamen?: string;
    geboortedatum?: string;
    klantmanagerId?: string | null;
    postcode?: string | null;
  },
): Promise<TestKlant> {
  const klantnummer = opts.klantnummer ?? `K-${uniq()}`;
  const achternaam = opts.achternaam ?? `Jansen-${uniq()}`;
  const geboortedatum = opts.geboortedatum ?? '1980-05-05';
  return withContext(db, { kind: 'systeem', reden: 'test:factory', dienstId: opts.dienstId }, async (tx) => {
    const { id } = await tx
      .insertInto('klant')
      .values({
        dienstId: opts.dienstId,
        gemeenteId: opts.gemeenteId,
        klantnummer,
        achternaam,
        voornamen: opts.voornamen ?? 'Test',
        geboortedatum,
        klantmanagerId: opts.klantmanagerId ?? null,
        postcode: opts.postcode ?? null,
        werkervaring: '[]',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      dienstId: opts.dienstId,
      gemeenteId: opts.gemeenteId,
      id,
      klantnummer,
      achternaam,
      geboortedatum,
    };
  });
}
