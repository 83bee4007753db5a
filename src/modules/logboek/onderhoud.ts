import { sql } from 'kysely';
import { type DbContext, withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import {
  maakAnkerZegel,
  maakVerwijderZegel,
  maakZegel,
  maandBegin,
  maandLabel,
  magVerwijderd,
  partitieNaam,
  plusMaanden,
  sleutelId,
} from './keten.ts';
import { beheerRepository as repo } from './logboek.repository.ts';
import { controleerPartitie, ONDERHOUD_SLOT } from './verificatie.ts';

/** How many months of partitions exist ahead of the current one. */
export const VOORUIT_MAANDEN = 3;
/** A month is sealed this long after it ended (writers that started just before midnight have finished). */
const SLUIT_NA_MS = 3600 * 1000;

export interface OnderhoudOpties {
  /** The signing key; without it partitions are still created, but nothing is sealed or dropped. */
  sleutel: string | undefined;
  /** The moment to act at (tests simulate time); default: the database's clock. */
  nu?: Date;
  vooruitMaanden?: number;
}

export interface OnderhoudVerslag {
  aangemaakt: string[];
  verzegeld: string[];
  verwijderd: string[];
  ankerGezet: boolean;
  /** Problems that stopped a step (Dutch); the job reports them as a failure. */
  problemen: string[];
}

const CTX: DbContext = { kind: 'systeem', reden: 'job:logboek-onderhoud' };

/**
 * The access log's maintenance, run nightly by the job and by `wederkerig logboek onderhoud`, always as the
 * OWNER role: creates partitions ahead, signs the anchor once, seals every closed month (after checking its
 * chains), and drops the months whose whole range is older than the retention (`logboek_instelling`), leaving a
 * signed tombstone. Serialised across instances by an advisory lock; every step is its own transaction.
 */
export async function voerOnderhoudUit(owner: Database, opts: OnderhoudOpties): Promise<OnderhoudVerslag> {
  return owner.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${ONDERHOUD_SLOT})`.execute(conn);
    try {
      return await stappen(conn, opts);
    } finally {
      await sql`SELECT pg_advisory_unlock(${ONDERHOUD_SLOT})`.execute(conn);
    }
  });
}

async function stappen(db: Database, opts: OnderhoudOpties): Promise<OnderhoudVerslag> {
  const verslag: OnderhoudVerslag = {
    aangemaakt: [],
    verzegeld: [],
    verwijderd: [],
    ankerGezet: false,
    problemen: [],
  };
  const nu = opts.nu ?? (await withContext(db, CTX, (tx) => repo.nu(tx)));
  const key = opts.sleutel;

  // 1. Partitions: an unbroken series up to `vooruit` months ahead.
  await withContext(db, CTX, async (tx) => {
    const bestaand = await repo.partities(tx);
    const grens = plusMaanden(maandBegin(nu), (opts.vooruitMaanden ?? VOORUIT_MAANDEN) + 1);
    let van = bestaand.at(-1)?.tot ?? maandBegin(nu);
    while (van < grens) {
      const tot = plusMaanden(van, 1);
      await repo.maakPartitie(tx, van, tot, partitieNaam(van));
      verslag.aangemaakt.push(maandLabel(van));
      van = tot;
    }
  });

  if (!key) {
    verslag.problemen.push('LOGBOEK_SIGNING_KEY ontbreekt: niets verzegeld of verwijderd.');
    return verslag;
  }

  // 2. The anchor: where the log begins, signed once.
  const inst = await withContext(db, CTX, (tx) => repo.instelling(tx));
  let anker = inst.eerstePartitie;
  if (!anker) {
    anker = await withContext(db, CTX, async (tx) => {
      const eerste = (await repo.partities(tx))[0]!.van;
      await repo.zetAnker(tx, eerste, maakAnkerZegel(key, eerste), sleutelId(key));
      return eerste;
    });
    verslag.ankerGezet = true;
  }

  // 3. Seals, oldest first: each seal includes the previous one.
  const partities = await withContext(db, CTX, (tx) => repo.partities(tx));
  let vorigeZegel: string | null = null;
  for (const p of partities) {
    if (p.zegel) {
      vorigeZegel = p.zegel;
      continue;
    }
    if (p.tot.getTime() + SLUIT_NA_MS > nu.getTime()) break;
    const isEerste = p.van.getTime() === anker.getTime();
    if (!isEerste && vorigeZegel === null) {
      verslag.problemen.push(`${maandLabel(p.van)} niet verzegeld: de maand ervoor heeft geen zegel.`);
      break;
    }
    try {
      vorigeZegel = await withContext(db, CTX, async (tx) => {
        await repo.sluitPartitie(tx, p.naam);
        const koppen = await repo.koppen(tx, p.van);
        const controle = await controleerPartitie(tx, p, koppen);
        if (controle.bevindingen.length > 0) {
          throw new OnderhoudFout(
            `${maandLabel(p.van)} niet verzegeld: ${controle.bevindingen.length} bevinding(en), ` +
              `bijvoorbeeld: ${controle.bevindingen[0]!.melding} Draai \`wederkerig logboek verify\`.`,
          );
        }
        const zegel = maakZegel(key, {
          van: p.van,
          tot: p.tot,
          vorigeZegel: isEerste ? null : vorigeZegel,
          koppen,
        });
        await repo.verzegel(tx, p.van, {
          zegel,
          sleutelId: sleutelId(key),
          aantalRegels: controle.regels,
          verzegeldOp: nu,
        });
        return zegel;
      });
      verslag.verzegeld.push(maandLabel(p.van));
    } catch (e) {
      if (!(e instanceof OnderhoudFout)) throw e;
      verslag.problemen.push(e.message);
      break;
    }
  }

  // 4. Retention: drop whole months older than the log's retention, oldest first, sealed ones only.
  const bewaartermijn = inst.bewaartermijnMaanden;
  if (bewaartermijn !== null) {
    const nuPartities = await withContext(db, CTX, (tx) => repo.partities(tx));
    for (const p of nuPartities) {
      if (p.verwijderdOp) continue;
      if (!magVerwijderd(p.tot, nu, bewaartermijn)) break;
      if (!p.zegel) {
        verslag.problemen.push(`${maandLabel(p.van)} niet verwijderd: de maand is niet verzegeld.`);
        break;
      }
      const zegel = p.zegel;
      await withContext(db, CTX, (tx) =>
        repo.verwijderPartitie(tx, p, {
          verwijderdOp: nu,
          bewaartermijnMaanden: bewaartermijn,
          verwijderZegel: maakVerwijderZegel(key, {
            van: p.van,
            tot: p.tot,
            zegel,
            verwijderdOp: nu,
            bewaartermijnMaanden: bewaartermijn,
          }),
        }),
      );
      verslag.verwijderd.push(maandLabel(p.van));
    }
  }
  return verslag;
}

class OnderhoudFout extends Error {}

/** Sets (or with null clears) the log's retention in months. Owner role. */
export async function zetBewaartermijn(owner: Database, maanden: number | null): Promise<void> {
  await withContext(owner, { kind: 'systeem', reden: 'cli:logboek-bewaartermijn' }, (tx) =>
    repo.zetBewaartermijn(tx, maanden),
  );
}

/** The log's retention in months (null: kept forever). */
export async function leesBewaartermijn(db: Database): Promise<number | null> {
  return withContext(db, { kind: 'systeem', reden: 'logboek:bewaartermijn-lezen' }, async (tx) => {
    return (await repo.instelling(tx)).bewaartermijnMaanden;
  });
}

/** One line per step, for the CLI and the job's log. */
export function formatOnderhoud(v: OnderhoudVerslag): string[] {
  const lijst = (xs: string[]) => (xs.length ? xs.join(', ') : 'geen');
  return [
    `Partities aangemaakt: ${lijst(v.aangemaakt)}`,
    `Verzegeld: ${lijst(v.verzegeld)}`,
    `Verwijderd na de bewaartermijn: ${lijst(v.verwijderd)}`,
    ...(v.ankerGezet ? ['Anker van het logboek gezet.'] : []),
    ...v.problemen.map((p) => `Probleem: ${p}`),
  ];
}
