import { randomBytes } from 'node:crypto';
import { withContext } from '../../src/db/context.ts';
import type { Database } from '../../src/db/database.ts';
import { systeemActor } from '../../src/modules/auth/index.ts';
import { createLogboekService } from '../../src/modules/logboek/index.ts';

let counter = 0;
const uniq = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

/**
 * Inserts a social service with the standard register of processing activities, as bootstrapping does (system
 * context). Without the register nothing that writes to the access log works, logins included: pass
 * `register: false` only to test exactly that.
 */
export async function insertDienst(
  db: Database,
  overrides: { naam?: string; register?: boolean } = {},
): Promise<string> {
  const dienstId = await withContext(db, { kind: 'systeem', reden: 'test:factory' }, async (tx) => {
    const row = await tx
      .insertInto('dienst')
      .values({ naam: overrides.naam ?? `Dienst ${uniq()}` })
      .returning('dienstId')
      .executeTakeFirstOrThrow();
    return row.dienstId;
  });
  if (overrides.register !== false)
    await createLogboekService(db).ensureStandaardRegister(systeemActor('test:factory', dienstId), dienstId);
  return dienstId;
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
