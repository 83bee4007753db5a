import { randomBytes } from 'node:crypto';
import { withContext } from '../../src/db/context.ts';
import type { Database } from '../../src/db/database.ts';

let counter = 0;
const uniq = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

/** Inserts a social service (system context, as bootstrapping does). */
export async function insertDienst(db: Database, overrides: { naam?: string } = {}): Promise<string> {
  return withContext(db, { kind: 'systeem', reden: 'test:factory' }, async (tx) => {
    const row = await tx
      .insertInto('dienst')
      .values({ naam: overrides.naam ?? `Dienst ${uniq()}` })
      .returning('dienstId')
      .executeTakeFirstOrThrow();
    return row.dienstId;
  });
}

/** Inserts a municipality, creating its social service when none is given. */
export async function insertGemeente(
  db: Database,
  overrides: { dienstId?: string; naam?: string; code?: string } = {},
): Promise<{ dienstId: string; gemeenteId: string; naam: string; code: string }> {
  const dienstId = overrides.dienstId ?? (await insertDienst(db));
  const code = overrides.code ?? `GM${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`;
  const naam = overrides.naam ?? `Gemeente ${uniq()}`;
  return withContext(db, { kind: 'systeem', reden: 'test:factory', dienstId }, async (tx) => {
    const row = await tx
      .insertInto('gemeente')
      .values({ dienstId, naam, code })
      .returning('gemeenteId')
      .executeTakeFirstOrThrow();
    return { dienstId, gemeenteId: row.gemeenteId, naam, code };
  });
}
