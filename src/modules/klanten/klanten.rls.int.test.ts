import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { type DbContext, type Rol, withContext } from '../../db/context.ts';

let db: TestDatabase;
let a: { dienstId: string; gemeenteId: string };
let b: { dienstId: string; gemeenteId: string };
let klantA: string;

const ctx = (rol: Rol, gemeenten: string[]): DbContext => ({
  kind: 'gebruiker',
  dienstId: a.dienstId,
  gebruikerId: '00000000-0000-4000-8000-000000000001',
  rol,
  gemeenten,
});

async function insertKlantRij(
  g: { dienstId: string; gemeenteId: string },
  klantnummer: string,
): Promise<string> {
  return withContext(db.app, { kind: 'systeem', reden: 'test:klant', dienstId: g.dienstId }, async (tx) => {
    const { id } = await tx
      .insertInto('klant')
      .values({ ...g, klantnummer, achternaam: 'Jansen', geboortedatum: '1980-01-01', werkervaring: '[]' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('klantBelastbaarheid')
      .values({ ...g, klantId: id, maxUrenPerWeek: 12, beperkingen: ['sociaal-functioneren'] })
      .execute();
    await tx
      .insertInto('klantOntheffing')
      .values({
        ...g,
        klantId: id,
        type: 'dringende-redenen',
        reden: 'Mantelzorg',
        begindatum: '2026-01-01',
        einddatum: '2026-12-01',
      })
      .execute();
    return id;
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  const ga = await insertGemeente(db.app);
  const gb = await insertGemeente(db.app, { dienstId: ga.dienstId });
  a = { dienstId: ga.dienstId, gemeenteId: ga.gemeenteId };
  b = { dienstId: gb.dienstId, gemeenteId: gb.gemeenteId };
  klantA = await insertKlantRij(a, 'A-1');
  await insertKlantRij(b, 'B-1');
});

const tel = (c: DbContext) =>
  withContext(db.app, c, async (tx) => ({
    klant: (await tx.selectFrom('klant').select('id').execute()).length,
    belastbaarheid: (await tx.selectFrom('klantBelastbaarheid').select('klantId').execute()).length,
    ontheffing: (await tx.selectFrom('klantOntheffing').select('id').execute()).length,
  }));

describe('row-level security of the client file', () => {
  it.each(['klantmanager', 'teamleider'] as const)(
    'lets a %s see the special-category rows of their own municipality only',
    async (rol) => {
      expect(await tel(ctx(rol, [a.gemeenteId]))).toEqual({ klant: 1, belastbaarheid: 1, ontheffing: 1 });
    },
  );

  it.each(['netwerkmakelaar', 'functioneel-beheerder'] as const)(
    'shows a %s NO functional limitations or exemptions, even in their own municipality',
    async (rol) => {
      expect(await tel(ctx(rol, [a.gemeenteId]))).toEqual({ klant: 1, belastbaarheid: 0, ontheffing: 0 });
    },
  );

  it('shows a privacy-officer no client rows at all (lookups for the log run under a system context)', async () => {
    expect(await tel(ctx('privacy-officer', [a.gemeenteId]))).toEqual({
      klant: 0,
      belastbaarheid: 0,
      ontheffing: 0,
    });
  });

  it.each(['netwerkmakelaar', 'privacy-officer'] as const)(
    'refuses a %s writing special-category rows',
    async (rol) => {
      await expect(
        withContext(db.app, ctx(rol, [a.gemeenteId]), (tx) =>
          tx
            .insertInto('klantOntheffing')
            .values({ ...a, klantId: klantA, type: 'volledig-arbeidsongeschikt', begindatum: '2026-01-01' })
            .execute(),
        ),
      ).rejects.toThrow(/row-level security/);
      const bijgewerkt = await withContext(db.app, ctx(rol, [a.gemeenteId]), (tx) =>
        tx.updateTable('klantBelastbaarheid').set({ maxUrenPerWeek: 40 }).executeTakeFirst(),
      );
      expect(Number(bijgewerkt.numUpdatedRows)).toBe(0);
    },
  );

  it('hides the client file of another municipality from a klantmanager', async () => {
    const gezien = await withContext(db.app, ctx('klantmanager', [a.gemeenteId]), (tx) =>
      tx.selectFrom('klant').select('klantnummer').execute(),
    );
    expect(gezien.map((r) => r.klantnummer)).toEqual(['A-1']);
  });

  it('shows nothing without context', async () => {
    expect(await db.app.selectFrom('klant').select('id').execute()).toEqual([]);
    expect(await db.app.selectFrom('klantBelastbaarheid').select('klantId').execute()).toEqual([]);
  });

  it('keeps the BSN columns consistent and the postcode well-formed (database checks)', async () => {
    const sys: DbContext = { kind: 'systeem', reden: 'test:klant', dienstId: a.dienstId };
    await expect(
      withContext(db.app, sys, (tx) =>
        tx
          .insertInto('klant')
          .values({
            ...a,
            klantnummer: 'X-1',
            achternaam: 'X',
            geboortedatum: '1980-01-01',
            bsnHash: 'a'.repeat(64),
            werkervaring: '[]',
          })
          .execute(),
      ),
    ).rejects.toThrow(/check constraint/);
    await expect(
      withContext(db.app, sys, (tx) =>
        tx
          .insertInto('klant')
          .values({
            ...a,
            klantnummer: 'X-2',
            achternaam: 'X',
            geboortedatum: '1980-01-01',
            postcode: '1234 SS',
            werkervaring: '[]',
          })
          .execute(),
      ),
    ).rejects.toThrow(/check constraint/);
  });
});
