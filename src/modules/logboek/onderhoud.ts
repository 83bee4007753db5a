import { sql } from 'kysely';
import { type DbContext, setContext, withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import {
  koppenAlsTupels,
  maakAnkerZegel,
  maakTussenstandZegel,
  maakVerwijderZegel,
  maakZegel,
  maandBegin,
  maandLabel,
  magVerwijderd,
  partitieNaam,
  plusMaanden,
  sleutelId,
} from './keten.ts';
import { isSlotTimeout, beheerRepository as repo } from './logboek.repository.ts';
import {
  controleerPartitie,
  formatVerificatie,
  leesTussenstand,
  ONDERHOUD_SLOT,
  verifieerInTransactie,
} from './verificatie.ts';

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
  /** How long DDL waits for running transactions before it gives up until the next run (default 10 s). */
  slotWachttijdMs?: number;
  /** Only create the partitions ahead (fast; `serve` does this before it starts, the job does the rest). */
  alleenPartities?: boolean;
}

export interface OnderhoudVerslag {
  aangemaakt: string[];
  verzegeld: string[];
  /** Open months whose chain heads were signed as a checkpoint. */
  tussenstanden: string[];
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
    tussenstanden: [],
    verwijderd: [],
    ankerGezet: false,
    problemen: [],
  };
  const nu = opts.nu ?? (await withContext(db, CTX, (tx) => repo.nu(tx)));
  const key = opts.sleutel;

  // 1. Partitions: an unbroken series up to `vooruit` months ahead.
  try {
    await withContext(db, CTX, async (tx) => {
      const bestaand = await repo.partities(tx);
      const grens = plusMaanden(maandBegin(nu), (opts.vooruitMaanden ?? VOORUIT_MAANDEN) + 1);
      let van = bestaand.at(-1)?.tot ?? maandBegin(nu);
      const nieuw: string[] = [];
      while (van < grens) {
        const tot = plusMaanden(van, 1);
        await repo.maakPartitie(tx, van, tot, partitieNaam(van), opts.slotWachttijdMs);
        nieuw.push(maandLabel(van));
        van = tot;
      }
      verslag.aangemaakt.push(...nieuw);
    });
  } catch (e) {
    if (!isSlotTimeout(e)) throw e;
    verslag.problemen.push(
      'Geen nieuwe partities: lopende transacties hielden het logboek vast. Volgende keer opnieuw.',
    );
  }

  if (opts.alleenPartities) return verslag;
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
        await repo.sluitPartitie(tx, p.naam, opts.slotWachttijdMs);
        const koppen = await repo.koppen(tx, p.van);
        const tussenstand = await leesTussenstand(tx, p.van, key);
        if (tussenstand && !tussenstand.geldig) {
          throw new OnderhoudFout(`${maandLabel(p.van)} niet verzegeld: de tussenstand is ongeldig.`);
        }
        const controle = await controleerPartitie(tx, p, koppen, tussenstand?.koppen ?? []);
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
        // The seal covers the whole month now; the checkpoint has done its work.
        await repo.verwijderTussenstand(tx, p.van);
        return zegel;
      });
      verslag.verzegeld.push(maandLabel(p.van));
    } catch (e) {
      if (isSlotTimeout(e)) {
        verslag.problemen.push(
          `${maandLabel(p.van)} niet verzegeld: er schrijven nog transacties in. Volgende keer opnieuw.`,
        );
        break;
      }
      if (!(e instanceof OnderhoudFout)) throw e;
      verslag.problemen.push(e.message);
      break;
    }
  }

  // 4. Checkpoints of the months still open (one consistent snapshot each), so that rewriting recent entries
  // together with their chain heads is detected too.
  for (const p of await withContext(db, CTX, (tx) => repo.partities(tx))) {
    if (p.zegel || p.verwijderdOp || p.van > nu) continue;
    try {
      await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (tx) => {
          await setContext(tx, CTX);
          const koppen = await repo.koppen(tx, p.van);
          const vorige = await leesTussenstand(tx, p.van, key);
          if (vorige && !vorige.geldig) {
            throw new OnderhoudFout(
              `Tussenstand van ${maandLabel(p.van)} niet vernieuwd: de vorige is ongeldig.`,
            );
          }
          const controle = await controleerPartitie(tx, p, koppen, vorige?.koppen ?? []);
          if (controle.bevindingen.length > 0) {
            throw new OnderhoudFout(
              `Tussenstand van ${maandLabel(p.van)} niet ondertekend: ${controle.bevindingen[0]!.melding} ` +
                'Draai `wederkerig logboek verify`.',
            );
          }
          await repo.zetTussenstand(tx, p.van, {
            gemaaktOp: nu,
            koppen: JSON.stringify(koppenAlsTupels(koppen)),
            zegel: maakTussenstandZegel(key, { van: p.van, gemaaktOp: nu, koppen }),
            sleutelId: sleutelId(key),
          });
        });
      verslag.tussenstanden.push(maandLabel(p.van));
    } catch (e) {
      if (!(e instanceof OnderhoudFout)) throw e;
      verslag.problemen.push(e.message);
    }
  }

  // 5. Retention: drop whole months older than the log's retention, oldest first, sealed ones only.
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
      try {
        await withContext(db, CTX, (tx) =>
          repo.verwijderPartitie(
            tx,
            p,
            {
              verwijderdOp: nu,
              bewaartermijnMaanden: bewaartermijn,
              verwijderZegel: maakVerwijderZegel(key, {
                van: p.van,
                tot: p.tot,
                zegel,
                verwijderdOp: nu,
                bewaartermijnMaanden: bewaartermijn,
              }),
            },
            opts.slotWachttijdMs,
          ),
        );
      } catch (e) {
        if (!isSlotTimeout(e)) throw e;
        verslag.problemen.push(
          `${maandLabel(p.van)} niet verwijderd: het logboek was bezet. Volgende keer opnieuw.`,
        );
        break;
      }
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
    `Tussenstand ondertekend: ${lijst(v.tussenstanden)}`,
    `Verwijderd na de bewaartermijn: ${lijst(v.verwijderd)}`,
    ...(v.ankerGezet ? ['Anker van het logboek gezet.'] : []),
    ...v.problemen.map((p) => `Probleem: ${p}`),
  ];
}

export interface SleutelWissel {
  ok: boolean;
  /** Dutch lines for the CLI. */
  regels: string[];
}

/**
 * Replaces LOGBOEK_SIGNING_KEY: verifies the whole log with the old key, re-signs the anchor, every seal (in
 * order, each including the new previous seal) and every tombstone with the new key, and verifies again with the
 * new key, all in one transaction under the maintenance lock. A dropped partition keeps its old seal value: the
 * new tombstone signature vouches for it. Refuses when the log does not verify with the old key.
 */
export async function vervangSleutel(
  owner: Database,
  opts: { oudeSleutel: string; nieuweSleutel: string; nu?: Date },
): Promise<SleutelWissel> {
  return owner.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${ONDERHOUD_SLOT})`.execute(conn);
    try {
      return await conn
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (tx) => {
          await setContext(tx, { kind: 'systeem', reden: 'cli:logboek-sleutel-vervangen' });
          const voor = await verifieerInTransactie(tx, {
            sleutel: opts.oudeSleutel,
            ...(opts.nu ? { nu: opts.nu } : {}),
          });
          if (!voor.ok) {
            return {
              ok: false,
              regels: [
                'Het logboek klopt niet met de oude sleutel; er is niets veranderd.',
                ...formatVerificatie(voor),
              ],
            };
          }
          const key = opts.nieuweSleutel;
          const inst = await repo.instelling(tx);
          if (inst.eerstePartitie)
            await repo.zetAnker(
              tx,
              inst.eerstePartitie,
              maakAnkerZegel(key, inst.eerstePartitie),
              sleutelId(key),
            );
          let vorigeZegel: string | null = null;
          let aantal = 0;
          for (const p of await repo.partities(tx)) {
            if (p.verwijderdOp && p.zegel && p.bewaartermijnMaanden !== null) {
              const verwijderZegel = maakVerwijderZegel(key, {
                van: p.van,
                tot: p.tot,
                zegel: p.zegel,
                verwijderdOp: p.verwijderdOp,
                bewaartermijnMaanden: p.bewaartermijnMaanden,
              });
              await repo.hersigneer(tx, p.van, { zegel: p.zegel, verwijderZegel, sleutelId: sleutelId(key) });
              vorigeZegel = p.zegel;
            } else if (p.zegel) {
              const isEerste = inst.eerstePartitie?.getTime() === p.van.getTime();
              const koppen = await repo.koppen(tx, p.van);
              const zegel = maakZegel(key, {
                van: p.van,
                tot: p.tot,
                vorigeZegel: isEerste ? null : vorigeZegel,
                koppen,
              });
              await repo.hersigneer(tx, p.van, { zegel, verwijderZegel: null, sleutelId: sleutelId(key) });
              vorigeZegel = zegel;
            } else {
              vorigeZegel = null;
              const t = await leesTussenstand(tx, p.van, opts.oudeSleutel);
              if (t?.geldig) {
                await repo.zetTussenstand(tx, p.van, {
                  gemaaktOp: t.gemaaktOp,
                  koppen: JSON.stringify(koppenAlsTupels(t.koppen)),
                  zegel: maakTussenstandZegel(key, { van: p.van, gemaaktOp: t.gemaaktOp, koppen: t.koppen }),
                  sleutelId: sleutelId(key),
                });
              }
              continue;
            }
            aantal += 1;
          }
          const na = await verifieerInTransactie(tx, { sleutel: key, nu: voor.nu });
          if (!na.ok) throw new Error(`Re-signing did not verify: ${formatVerificatie(na).join(' ')}`);
          return {
            ok: true,
            regels: [
              `Sleutel vervangen (${sleutelId(opts.oudeSleutel)} → ${sleutelId(key)}): anker en ${aantal} partitie(s) opnieuw ondertekend.`,
              'Zet nu LOGBOEK_SIGNING_KEY op de nieuwe sleutel voor alle instanties en vernietig de oude.',
            ],
          };
        });
    } finally {
      await sql`SELECT pg_advisory_unlock(${ONDERHOUD_SLOT})`.execute(conn);
    }
  });
}
