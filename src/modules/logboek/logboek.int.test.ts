import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_LOGBOEK_KEY } from '../../../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import type { Rol, Tx } from '../../db/context.ts';
import { setContext, withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { type Actor, dbContext, systeemActor } from '../auth/index.ts';
import {
  createLogboekService,
  formatVerificatie,
  type LogboekEntry,
  metTrace,
  record,
  recordMany,
  STANDAARD_REGISTER,
  VA,
  verifieerLogboek,
  voerOnderhoudUit,
} from './index.ts';
import { maandBegin, plusMaanden, regelHash } from './keten.ts';

interface Omgeving {
  db: TestDatabase;
  dienstId: string;
  gemeenteA: string;
  gemeenteB: string;
  klantmanager(gemeente: string, rol?: Rol): Actor;
  schrijf(actor: Actor, overrides?: Partial<LogboekEntry>): Promise<void>;
}

/** A fresh database with a service, two municipalities and the standard register. */
async function maakOmgeving(): Promise<Omgeving> {
  const db = await createTestDatabase();
  const a = await insertGemeente(db.app);
  const b = await insertGemeente(db.app, { dienstId: a.dienstId });
  await createLogboekService(db.app).ensureStandaardRegister(systeemActor('test:register'), a.dienstId);
  const klantmanager = (gemeente: string, rol: Rol = 'klantmanager') =>
    actorVan({ dienstId: a.dienstId, gebruikerId: randomUUID(), rol }, { gemeenten: [gemeente] });
  const schrijf = (actor: Actor, overrides: Partial<LogboekEntry> = {}) =>
    withContext(db.app, dbContext(actor), async (tx) => {
      await record(tx, {
        actor,
        actie: 'lezen',
        subject: { type: 'klant', id: randomUUID() },
        verwerkingsactiviteit: VA.klantdossierTegenprestatie,
        gemeenteId: actor.kind === 'gebruiker' ? (actor.gemeenten[0] ?? null) : null,
        ...overrides,
      });
    });
  return {
    db,
    dienstId: a.dienstId,
    gemeenteA: a.gemeenteId,
    gemeenteB: b.gemeenteId,
    klantmanager,
    schrijf,
  };
}

const verifieer = (db: Database, nu?: Date) =>
  verifieerLogboek(db, { sleutel: TEST_LOGBOEK_KEY, ...(nu ? { nu } : {}) });
const onderhoud = (db: Database, nu?: Date) =>
  voerOnderhoudUit(db, { sleutel: TEST_LOGBOEK_KEY, ...(nu ? { nu } : {}) });
const soorten = (v: { bevindingen: Array<{ soort: string }> }) => [
  ...new Set(v.bevindingen.map((b) => b.soort)),
];

/** What an attacker with the owner's credentials can do: switch off forced RLS and change rows directly. */
async function alsAanvaller(db: TestDatabase, fn: (tx: Tx) => Promise<unknown>): Promise<void> {
  await db.owner.transaction().execute(async (tx) => {
    await sql`ALTER TABLE logboek NO FORCE ROW LEVEL SECURITY`.execute(tx);
    await sql`ALTER TABLE logboek_keten NO FORCE ROW LEVEL SECURITY`.execute(tx);
    await fn(tx);
    await sql`ALTER TABLE logboek FORCE ROW LEVEL SECURITY`.execute(tx);
    await sql`ALTER TABLE logboek_keten FORCE ROW LEVEL SECURITY`.execute(tx);
  });
}

const alleRegels = (db: TestDatabase) =>
  withContext(db.owner, { kind: 'systeem', reden: 'test:lezen' }, (tx) =>
    tx.selectFrom('logboek').selectAll().orderBy('gemeenteId').orderBy('volgnummer').execute(),
  );

let o: Omgeving;
beforeAll(async () => {
  o = await maakOmgeving();
});

describe('record', () => {
  it('writes actor, role, action, pseudonymous subject, activity, municipality and trace id', async () => {
    const km = o.klantmanager(o.gemeenteA);
    const klantId = randomUUID();
    await metTrace('req-test-123', () =>
      o.schrijf(km, { actie: 'wijzigen', subject: { type: 'klant', id: klantId.toUpperCase() } }),
    );
    const rij = (await alleRegels(o.db)).find((r) => r.subjectId === klantId);
    expect(rij).toMatchObject({
      dienstId: o.dienstId,
      gemeenteId: o.gemeenteA,
      actorId: km.kind === 'gebruiker' ? km.gebruikerId : '',
      actorReden: null,
      rol: 'klantmanager',
      actie: 'wijzigen',
      subjectType: 'klant',
      verwerkingsactiviteitId: 'va-klantdossier-tegenprestatie',
      traceId: 'req-test-123',
    });
    expect(rij?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rij?.tijdstip.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('records the system as `systeem` with its reason', async () => {
    await o.schrijf(systeemActor('job:test', o.dienstId), { subject: { type: 'gemeente', id: o.gemeenteB } });
    const rij = (await alleRegels(o.db)).find((r) => r.subjectId === o.gemeenteB);
    expect(rij).toMatchObject({
      actorId: 'systeem',
      rol: 'systeem',
      actorReden: 'job:test',
      gemeenteId: null,
    });
  });

  it("is part of the caller's transaction: a rollback leaves neither entry nor chain step", async () => {
    const km = o.klantmanager(o.gemeenteB);
    const voor = (await alleRegels(o.db)).length;
    await expect(
      withContext(o.db.app, dbContext(km), async (tx) => {
        await record(tx, {
          actor: km,
          actie: 'aanmaken',
          subject: { type: 'klant', id: randomUUID() },
          verwerkingsactiviteit: VA.klantdossierTegenprestatie,
          gemeenteId: o.gemeenteB,
        });
        throw new Error('de wijziging mislukt');
      }),
    ).rejects.toThrow('de wijziging mislukt');
    expect((await alleRegels(o.db)).length).toBe(voor);
    await o.schrijf(km);
    await onderhoud(o.db.owner);
    expect((await verifieer(o.db.owner)).bevindingen).toEqual([]);
  });

  it.each([
    ['a BSN as subject', { subject: { type: 'klant', id: '123456782' } }],
    ['a name as subject', { subject: { type: 'klant', id: 'Jan de Vries' } }],
    ['an unknown action', { actie: 'bekijken' as LogboekEntry['actie'] }],
    ['a processing activity that is not in the register', { verwerkingsactiviteit: 'va-bestaat-niet' }],
  ])('refuses %s', async (_naam, overrides) => {
    await expect(o.schrijf(o.klantmanager(o.gemeenteA), overrides)).rejects.toThrow();
  });

  it("refuses an entry for a municipality outside the user's context", async () => {
    await expect(o.schrijf(o.klantmanager(o.gemeenteA), { gemeenteId: o.gemeenteB })).rejects.toThrow();
  });

  it("lets the database refuse an entry in another user's name", async () => {
    const km = o.klantmanager(o.gemeenteA);
    const ander = o.klantmanager(o.gemeenteA);
    await expect(
      withContext(o.db.app, dbContext(km), (tx) =>
        record(tx, {
          actor: ander,
          actie: 'lezen',
          subject: { type: 'klant', id: randomUUID() },
          verwerkingsactiviteit: VA.klantdossierTegenprestatie,
          gemeenteId: o.gemeenteA,
        }),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});

describe('append-only and access', () => {
  it('refuses UPDATE, DELETE and TRUNCATE to the application role', async () => {
    await o.schrijf(o.klantmanager(o.gemeenteA));
    const sys = { kind: 'systeem', reden: 'test:aanval' } as const;
    await expect(
      withContext(o.db.app, sys, (tx) => tx.updateTable('logboek').set({ subjectId: 'x' }).execute()),
    ).rejects.toThrow(/permission denied/);
    await expect(withContext(o.db.app, sys, (tx) => tx.deleteFrom('logboek').execute())).rejects.toThrow(
      /permission denied/,
    );
    await expect(withContext(o.db.app, sys, (tx) => sql`TRUNCATE logboek`.execute(tx))).rejects.toThrow(
      /permission denied/,
    );
  });

  it('gives the application role no direct access to partitions (RLS applies through the parent only)', async () => {
    const naam = `logboek_p${new Date().toISOString().slice(0, 7).replace('-', '')}`;
    const sys = { kind: 'systeem', reden: 'test:aanval' } as const;
    await expect(
      withContext(o.db.app, sys, (tx) => sql`SELECT * FROM ${sql.id(naam)}`.execute(tx)),
    ).rejects.toThrow(/permission denied/);
    const r = await sql<{ forced: boolean; parent: boolean }>`SELECT c.relforcerowsecurity AS forced,
      (SELECT p.relforcerowsecurity FROM pg_class p WHERE p.relname = 'logboek') AS parent
      FROM pg_class c WHERE c.relname = ${naam}`.execute(o.db.owner);
    expect(r.rows[0]).toEqual({ forced: true, parent: true });
  });

  it('returns no log rows to a query without context', async () => {
    await o.schrijf(o.klantmanager(o.gemeenteA));
    expect(await o.db.app.selectFrom('logboek').selectAll().execute()).toEqual([]);
    expect(await o.db.app.selectFrom('logboekKeten').selectAll().execute()).toEqual([]);
  });

  it('lets the privacy officer read the entries of her municipalities only, and a klantmanager none', async () => {
    await o.schrijf(o.klantmanager(o.gemeenteA));
    await o.schrijf(o.klantmanager(o.gemeenteB));
    const lees = (actor: Actor) =>
      withContext(o.db.app, dbContext(actor), (tx) =>
        tx.selectFrom('logboek').select('gemeenteId').execute(),
      );
    const po = lees(o.klantmanager(o.gemeenteA, 'privacy-officer'));
    const gezien = new Set((await po).map((r) => r.gemeenteId));
    expect(gezien.has(o.gemeenteA)).toBe(true);
    expect(gezien.has(o.gemeenteB)).toBe(false);
    expect(await lees(o.klantmanager(o.gemeenteA))).toEqual([]);
  });
});

describe('concurrency', () => {
  it('keeps every chain gapless and verifiable under 50 concurrent transactions in 2 municipalities', async () => {
    const env = await maakOmgeving();
    const actoren = [env.klantmanager(env.gemeenteA), env.klantmanager(env.gemeenteB)];
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        env.schrijf(
          actoren[i % 2]!,
          i % 10 === 0 ? { gemeenteId: null, subject: { type: 'gebruiker', id: randomUUID() } } : {},
        ),
      ),
    );
    const rijen = await alleRegels(env.db);
    // The standard register's entries (by the system) plus the 50 written here.
    expect(rijen.length).toBe(STANDAARD_REGISTER.length + 50);
    const perKeten = new Map<string, number[]>();
    for (const r of rijen) {
      const k = r.gemeenteId ?? 'dienst';
      perKeten.set(k, [...(perKeten.get(k) ?? []), r.volgnummer]);
    }
    for (const nummers of perKeten.values()) {
      expect(nummers).toEqual(Array.from({ length: nummers.length }, (_, i) => i + 1));
    }
    await onderhoud(env.db.owner);
    const v = await verifieer(env.db.owner);
    expect(v.bevindingen).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.regels).toBe(STANDAARD_REGISTER.length + 50);
  });

  it('never deadlocks: two transactions that record in two municipalities in opposite order both commit', async () => {
    const env = await maakOmgeving();
    const tl = actorVan(
      { dienstId: env.dienstId, gebruikerId: randomUUID(), rol: 'teamleider' },
      { gemeenten: [env.gemeenteA, env.gemeenteB] },
    );
    const entry = (gemeenteId: string): LogboekEntry => ({
      actor: tl,
      actie: 'wijzigen',
      subject: { type: 'tegenprestatie', id: randomUUID() },
      verwerkingsactiviteit: VA.klantdossierTegenprestatie,
      gemeenteId,
    });
    // Both transactions record their first entry before either records its second: had the first entry locked
    // its chain head at once, each would now wait for the other's (PostgreSQL: "deadlock detected").
    let klaar = 0;
    let verder: () => void = () => {};
    const beide = new Promise<void>((r) => {
      verder = r;
    });
    const eerstBeide = async () => {
      klaar += 1;
      if (klaar === 2) verder();
      await beide;
    };
    const transactie = (eerste: string, tweede: string) =>
      withContext(env.db.app, dbContext(tl), async (tx) => {
        await record(tx, entry(eerste));
        await eerstBeide();
        await record(tx, entry(tweede));
        // A query after the second entry: both transactions are still open and working at this point.
        await sql`SELECT 1`.execute(tx);
      });
    const uitkomsten = await Promise.allSettled([
      transactie(env.gemeenteA, env.gemeenteB),
      transactie(env.gemeenteB, env.gemeenteA),
    ]);
    expect(uitkomsten.map((u) => u.status)).toEqual(['fulfilled', 'fulfilled']);
    const rijen = (await alleRegels(env.db)).filter((r) => r.actie === 'wijzigen');
    expect(rijen).toHaveLength(4);
    await onderhoud(env.db.owner);
    expect((await verifieer(env.db.owner)).bevindingen).toEqual([]);
  });

  it('writes entries recorded before a change of context under the context they were made in', async () => {
    const env = await maakOmgeving();
    const km = env.klantmanager(env.gemeenteA);
    const kmId = km.kind === 'gebruiker' ? km.gebruikerId : '';
    const systeem = systeemActor('test:contextwissel', env.dienstId);
    await withContext(env.db.app, dbContext(systeem), async (tx) => {
      await record(tx, {
        actor: systeem,
        actie: 'lezen',
        subject: { type: 'klant', id: randomUUID() },
        verwerkingsactiviteit: VA.klantdossierTegenprestatie,
        gemeenteId: env.gemeenteA,
      });
      await setContext(tx, dbContext(km));
      await record(tx, {
        actor: km,
        actie: 'exporteren',
        subject: { type: 'klant', id: randomUUID() },
        verwerkingsactiviteit: VA.klantdossierTegenprestatie,
        gemeenteId: env.gemeenteA,
      });
    });
    const rijen = await alleRegels(env.db);
    expect(rijen.filter((r) => r.actie === 'lezen' && r.actorId === 'systeem')).toHaveLength(1);
    expect(rijen.filter((r) => r.actie === 'exporteren' && r.actorId === kmId)).toHaveLength(1);
  });
});

describe('recordMany', () => {
  it('records batches and single entries concurrently into gapless, verifiable chains', async () => {
    const env = await maakOmgeving();
    const actoren = [env.klantmanager(env.gemeenteA), env.klantmanager(env.gemeenteB)];
    const systeem = systeemActor('test:batch', env.dienstId);
    const batch = (n: number) =>
      withContext(env.db.app, dbContext(systeem), (tx) =>
        recordMany(
          tx,
          Array.from({ length: n }, (_, i) => ({
            actor: systeem,
            actie: 'aanmaken' as const,
            subject: { type: 'klant', id: randomUUID() },
            verwerkingsactiviteit: VA.klantdossierTegenprestatie,
            gemeenteId: i % 2 === 0 ? env.gemeenteA : env.gemeenteB,
          })),
        ),
      );
    await Promise.all([
      batch(1500),
      ...Array.from({ length: 10 }, (_, i) => env.schrijf(actoren[i % 2]!)),
      batch(7),
    ]);
    const rijen = await alleRegels(env.db);
    expect(rijen.length).toBe(STANDAARD_REGISTER.length + 1500 + 10 + 7);
    const perKeten = new Map<string, number[]>();
    for (const r of rijen) {
      const k = r.gemeenteId ?? 'dienst';
      perKeten.set(k, [...(perKeten.get(k) ?? []), r.volgnummer]);
    }
    for (const nummers of perKeten.values()) {
      expect([...nummers].sort((a, b) => a - b)).toEqual(
        Array.from({ length: nummers.length }, (_, i) => i + 1),
      );
    }
    await onderhoud(env.db.owner);
    const v = await verifieer(env.db.owner);
    expect(v.bevindingen).toEqual([]);
    expect(v.ok).toBe(true);
  });

  it('writes nothing for an empty batch', async () => {
    const env = await maakOmgeving();
    const voor = (await alleRegels(env.db)).length;
    await withContext(env.db.app, dbContext(systeemActor('test:leeg', env.dienstId)), (tx) =>
      recordMany(tx, []),
    );
    expect((await alleRegels(env.db)).length).toBe(voor);
  });
});

describe('tamper evidence', () => {
  /** A fresh log with two chains of 10 entries each, maintained (anchor signed) and verified. */
  async function eerlijkLogboek(): Promise<Omgeving> {
    const env = await maakOmgeving();
    for (let i = 0; i < 10; i++) {
      await env.schrijf(env.klantmanager(env.gemeenteA));
      await env.schrijf(env.klantmanager(env.gemeenteB));
    }
    await onderhoud(env.db.owner);
    const v = await verifieer(env.db.owner);
    expect(v.bevindingen).toEqual([]);
    return env;
  }

  const inKeten = (env: Omgeving, volgnummer: number) => (eb: Tx) =>
    eb
      .selectFrom('logboek')
      .selectAll()
      .where('gemeenteId', '=', env.gemeenteA)
      .where('volgnummer', '=', volgnummer)
      .executeTakeFirstOrThrow();

  it('detects a changed entry', async () => {
    const env = await eerlijkLogboek();
    await alsAanvaller(env.db, (tx) =>
      tx
        .updateTable('logboek')
        .set({ actie: 'lezen', subjectId: randomUUID() })
        .where('gemeenteId', '=', env.gemeenteA)
        .where('volgnummer', '=', 4)
        .execute(),
    );
    const v = await verifieer(env.db.owner);
    expect(v.ok).toBe(false);
    expect(soorten(v)).toEqual(['gewijzigd']);
    expect(v.bevindingen[0]).toMatchObject({ volgnummer: 4 });
  });

  it('detects a deleted entry', async () => {
    const env = await eerlijkLogboek();
    await alsAanvaller(env.db, (tx) =>
      tx.deleteFrom('logboek').where('gemeenteId', '=', env.gemeenteA).where('volgnummer', '=', 5).execute(),
    );
    const v = await verifieer(env.db.owner);
    expect(soorten(v)).toEqual(['verwijderd']);
  });

  it('detects an inserted entry, even one with a correct hash', async () => {
    const env = await eerlijkLogboek();
    await alsAanvaller(env.db, async (tx) => {
      const { hash: vorige, ...laatste } = await inKeten(env, 10)(tx);
      const data = { ...laatste, volgnummer: 11, subjectId: randomUUID(), actie: 'lezen' as const };
      await tx
        .insertInto('logboek')
        .values({ ...data, hash: regelHash(vorige, data) })
        .execute();
    });
    const v = await verifieer(env.db.owner);
    expect(soorten(v)).toEqual(['ingevoegd']);
  });

  it('detects an inserted copy of an existing entry', async () => {
    const env = await eerlijkLogboek();
    await alsAanvaller(env.db, async (tx) => {
      const rij = await inKeten(env, 3)(tx);
      await tx.insertInto('logboek').values(rij).execute();
    });
    expect(soorten(await verifieer(env.db.owner))).toEqual(['ingevoegd']);
  });

  it('detects a truncated partition (entries removed at the end)', async () => {
    const env = await eerlijkLogboek();
    await alsAanvaller(env.db, (tx) =>
      tx.deleteFrom('logboek').where('gemeenteId', '=', env.gemeenteA).where('volgnummer', '>', 7).execute(),
    );
    const v = await verifieer(env.db.owner);
    expect(soorten(v)).toEqual(['afgekapt']);
  });

  describe('in the open month, with signed checkpoints (tussenstanden)', () => {
    it('detects a consistent rewrite of entries before the checkpoint, head included', async () => {
      const env = await eerlijkLogboek();
      await alsAanvaller(env.db, async (tx) => {
        const rijen = await tx
          .selectFrom('logboek')
          .selectAll()
          .where('gemeenteId', '=', env.gemeenteA)
          .orderBy('volgnummer')
          .execute();
        // Rewrite entry 3 and recompute every later hash and the head, as an attacker who knows the scheme would.
        let vorige = rijen[1]!.hash;
        for (const r of rijen.slice(2)) {
          const { hash: _oud, ...data } = r;
          const nieuw = {
            ...data,
            subjectId: r.volgnummer === 3 ? randomUUID() : r.subjectId,
            actie: 'lezen' as const,
          };
          vorige = regelHash(vorige, nieuw);
          await tx
            .updateTable('logboek')
            .set({ subjectId: nieuw.subjectId, hash: vorige })
            .where('gemeenteId', '=', env.gemeenteA)
            .where('volgnummer', '=', r.volgnummer)
            .execute();
        }
        await tx
          .updateTable('logboekKeten')
          .set({ hash: vorige })
          .where('gemeenteId', '=', env.gemeenteA)
          .execute();
      });
      const v = await verifieer(env.db.owner);
      expect(soorten(v)).toEqual(['gewijzigd']);
      expect(v.bevindingen[0]?.melding).toContain('tussenstand');
    });

    it('detects a missing checkpoint of a month that began more than two days ago', async () => {
      const env = await maakOmgeving();
      await env.schrijf(env.klantmanager(env.gemeenteA));
      const nu = new Date(maandBegin(new Date()).getTime() + 3 * 24 * 3600 * 1000);
      const verslag = await onderhoud(env.db.owner, nu);
      expect(verslag.tussenstanden).toContain(nu.toISOString().slice(0, 7));
      expect((await verifieer(env.db.owner, nu)).bevindingen).toEqual([]);
      await alsAanvaller(env.db, (tx) => tx.deleteFrom('logboekTussenstand').execute());
      expect(soorten(await verifieer(env.db.owner, nu))).toEqual(['niet-verzegeld']);
    });
  });

  describe('in a sealed partition', () => {
    /** Two months later: this month is closed and sealed by the maintenance job. */
    const later = () => plusMaanden(maandBegin(new Date()), 2);

    async function verzegeld(): Promise<Omgeving> {
      const env = await eerlijkLogboek();
      const verslag = await onderhoud(env.db.owner, later());
      expect(verslag.problemen).toEqual([]);
      expect(verslag.verzegeld).toContain(new Date().toISOString().slice(0, 7));
      expect((await verifieer(env.db.owner, later())).bevindingen).toEqual([]);
      return env;
    }

    it('refuses new entries after sealing', async () => {
      const env = await verzegeld();
      await expect(
        alsAanvaller(env.db, async (tx) => {
          const rij = await inKeten(env, 3)(tx);
          await tx
            .insertInto('logboek')
            .values({ ...rij, volgnummer: 11 })
            .execute();
        }),
      ).rejects.toThrow(/logboek_verzegeld/);
    });

    it('detects truncation even when the attacker also moves the chain head back', async () => {
      const env = await verzegeld();
      await alsAanvaller(env.db, async (tx) => {
        await tx
          .deleteFrom('logboek')
          .where('gemeenteId', '=', env.gemeenteA)
          .where('volgnummer', '>', 8)
          .execute();
        const nieuweKop = await inKeten(env, 8)(tx);
        await tx
          .updateTable('logboekKeten')
          .set({ volgnummer: 8, hash: nieuweKop.hash })
          .where('gemeenteId', '=', env.gemeenteA)
          .execute();
      });
      const v = await verifieer(env.db.owner, later());
      expect(soorten(v)).toEqual(['zegel']);
    });

    it('detects a removed partition', async () => {
      const env = await verzegeld();
      const maand = new Date().toISOString().slice(0, 7).replace('-', '');
      await alsAanvaller(env.db, async (tx) => {
        await sql`DROP TABLE ${sql.id(`logboek_p${maand}`)}`.execute(tx);
        await tx.deleteFrom('logboekKeten').where('partitie', '=', maandBegin(new Date())).execute();
        await tx.deleteFrom('logboekPartitie').where('van', '=', maandBegin(new Date())).execute();
      });
      const v = await verifieer(env.db.owner, later());
      expect(v.ok).toBe(false);
      expect(soorten(v)).toContain('partitie');
    });

    it('detects a partition dropped and marked as expired without the key', async () => {
      const env = await verzegeld();
      const maand = new Date().toISOString().slice(0, 7).replace('-', '');
      await alsAanvaller(env.db, async (tx) => {
        await sql`DROP TABLE ${sql.id(`logboek_p${maand}`)}`.execute(tx);
        await tx
          .updateTable('logboekPartitie')
          .set({ verwijderdOp: later(), bewaartermijnMaanden: 1, verwijderZegel: 'a'.repeat(64) })
          .where('van', '=', maandBegin(new Date()))
          .execute();
      });
      expect(soorten(await verifieer(env.db.owner, later()))).toContain('zegel');
    });
  });

  describe('retention', () => {
    it('passes after the maintenance job drops an expired partition, and keeps a signed tombstone', async () => {
      const env = await eerlijkLogboek();
      await withContext(env.db.owner, { kind: 'systeem', reden: 'test' }, (tx) =>
        tx.updateTable('logboekInstelling').set({ bewaartermijnMaanden: 2 }).execute(),
      );
      const deze = maandBegin(new Date());
      const nu = plusMaanden(deze, 4);
      const verslag = await onderhoud(env.db.owner, nu);
      expect(verslag.problemen).toEqual([]);
      expect(verslag.verwijderd).toContain(deze.toISOString().slice(0, 7));
      // The partition with this month's entries is gone; the log still verifies.
      expect(await alleRegels(env.db)).toEqual([]);
      const v = await verifieer(env.db.owner, nu);
      expect(v.bevindingen).toEqual([]);
      expect(v.partities.find((p) => p.maand === deze.toISOString().slice(0, 7))?.status).toBe('verwijderd');
      expect(formatVerificatie(v).join('\n')).toContain('bewaartermijn 2 maanden');
      // A tombstone's retention cannot be edited afterwards.
      await alsAanvaller(env.db, (tx) =>
        tx.updateTable('logboekPartitie').set({ bewaartermijnMaanden: 1 }).where('van', '=', deze).execute(),
      );
      expect(soorten(await verifieer(env.db.owner, nu))).toEqual(['zegel']);
    });

    it('creates only the partitions ahead when asked (serve at start), after a long downtime too', async () => {
      const env = await maakOmgeving();
      const nu = plusMaanden(maandBegin(new Date()), 7);
      const verslag = await onderhoud(env.db.owner, nu);
      expect(verslag.aangemaakt.length).toBeGreaterThan(0);
      const alleen = await voerOnderhoudUit(env.db.owner, {
        sleutel: TEST_LOGBOEK_KEY,
        nu: plusMaanden(nu, 2),
        alleenPartities: true,
      });
      expect(alleen.aangemaakt).toEqual(
        [plusMaanden(nu, 4), plusMaanden(nu, 5)].map((d) => d.toISOString().slice(0, 7)),
      );
      expect(alleen.verzegeld).toEqual([]);
      expect(alleen.tussenstanden).toEqual([]);
    });

    it('gives up quickly while a transaction holds the log, and succeeds the next time', async () => {
      const env = await eerlijkLogboek();
      const lezer = await env.db.systeem.startTransaction().execute();
      await setContext(lezer, { kind: 'systeem', reden: 'test:lezer' });
      await lezer.selectFrom('logboek').select('volgnummer').execute();
      const nu = plusMaanden(maandBegin(new Date()), 2);
      const geblokkeerd = await voerOnderhoudUit(env.db.owner, {
        sleutel: TEST_LOGBOEK_KEY,
        nu,
        slotWachttijdMs: 100,
      });
      expect(geblokkeerd.verzegeld).toEqual([]);
      expect(geblokkeerd.problemen.join(' ')).toContain('Volgende keer opnieuw');
      await lezer.rollback().execute();
      const daarna = await onderhoud(env.db.owner, nu);
      expect(daarna.problemen).toEqual([]);
      expect(daarna.verzegeld).toContain(new Date().toISOString().slice(0, 7));
      expect((await verifieer(env.db.owner, nu)).bevindingen).toEqual([]);
    });

    it('drops nothing while no retention is set', async () => {
      const env = await eerlijkLogboek();
      const nu = plusMaanden(maandBegin(new Date()), 30);
      const verslag = await onderhoud(env.db.owner, nu);
      expect(verslag.verwijderd).toEqual([]);
      expect((await verifieer(env.db.owner, nu)).bevindingen).toEqual([]);
      expect((await alleRegels(env.db)).length).toBe(STANDAARD_REGISTER.length + 20);
    });
  });
});
