import { type Tx, voorCommit } from '../../db/context.ts';
import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../auth/index.ts';
import { genesisHash, type KetenSleutel, type LogboekRegelData, maandBegin, regelHash } from './keten.ts';
import { schrijfRepository as repo } from './logboek.repository.ts';
import { LogboekInvoer } from './logboek.schemas.ts';
import { huidigeTraceId } from './trace.ts';

/** One processing to record: who (the actor), what (action and subject), why (the processing activity). */
export type LogboekEntry = LogboekInvoer & { actor: Actor };

const geldigeTraceId = (t: string | undefined): string | null =>
  t !== undefined && /^[A-Za-z0-9._:-]{1,100}$/.test(t) ? t : null;

export interface Vastgelegd {
  tijdstip: Date;
  volgnummer: number;
  hash: string;
}

/**
 * Records one processing in the access log, inside the caller's transaction (so the entry exists exactly when
 * the change does). Call it in the same `withContext` transaction as the change or read it is about.
 *
 * The entry is checked at once; it is written just before the transaction commits (or changes its context), with
 * every other entry of that transaction: the chain heads of (month, dienst, gemeente) are then locked last, all
 * together and in one fixed order, so two transactions never lock them in opposite order (a deadlock), and they
 * are held only for the commit. In a transaction `withContext` did not open, the entry is written at once.
 *
 * The actor's id and role are taken from the actor, and the database's policy checks that they match the
 * transaction's context. The trace id defaults to the current request's id.
 *
 * @throws AppError('intern') when the entry cannot be recorded (the caller's transaction then fails too).
 */
export async function record(tx: Tx, entry: LogboekEntry): Promise<void> {
  await schrijfOfWacht(tx, [entry]);
}

/**
 * Records many processings at once (a list page, an import block), with the same guarantees as `record`: one
 * timestamp, each chain head locked once (in a fixed order, so concurrent batches cannot deadlock), the entries
 * inserted in blocks and each head updated once. An import of thousands of clients then costs a handful of
 * queries per block instead of five per client.
 */
export async function recordMany(tx: Tx, entries: readonly LogboekEntry[]): Promise<void> {
  if (entries.length > 0) await schrijfOfWacht(tx, entries);
}

/** Entries waiting for their transaction's commit, per transaction. */
const wachtend = new WeakMap<Tx, LogboekEntry[]>();

async function schrijfOfWacht(tx: Tx, entries: readonly LogboekEntry[]): Promise<void> {
  // Checked now (a bad entry fails where it is made), with the trace id of the request that makes it.
  const klaar = entries.map((e) => {
    bereidVoor(e, 0);
    return e.traceId === undefined ? { ...e, traceId: geldigeTraceId(huidigeTraceId()) ?? undefined } : e;
  });
  const rij = wachtend.get(tx);
  if (rij) {
    rij.push(...klaar);
    return;
  }
  const nieuw = [...klaar];
  const geregistreerd = voorCommit(tx, async () => {
    wachtend.delete(tx);
    await schrijf(tx, nieuw);
  });
  if (geregistreerd) wachtend.set(tx, nieuw);
  else await schrijf(tx, nieuw);
}

interface Voorbereid {
  index: number;
  actor: Actor;
  e: LogboekInvoer;
  dienstId: string;
}

function bereidVoor(entry: LogboekEntry, index: number): Voorbereid {
  const { actor, ...invoer } = entry;
  const parsed = LogboekInvoer.safeParse(invoer);
  if (!parsed.success) {
    throw new AppError('intern', { message: `logboek.record: invalid entry: ${parsed.error.message}` });
  }
  const e = parsed.data;
  const dienstId = actor.kind === 'gebruiker' ? actor.dienstId : (e.dienstId ?? actor.dienstId);
  if (!dienstId) {
    throw new AppError('intern', { message: 'logboek.record: the system actor needs a dienstId' });
  }
  if (actor.kind === 'gebruiker' && e.dienstId && e.dienstId !== actor.dienstId.toLowerCase()) {
    throw new AppError('intern', { message: "logboek.record: dienstId differs from the actor's" });
  }
  return { index, actor, e, dienstId: dienstId.toLowerCase() };
}

const INSERT_BLOK = 1000;

async function schrijf(tx: Tx, entries: readonly LogboekEntry[]): Promise<Vastgelegd[]> {
  const voorbereid = entries.map(bereidVoor);
  const tijdstip = await repo.tijd(tx);
  const partitie = maandBegin(tijdstip);
  const ketens = new Map<string, { sleutel: KetenSleutel; regels: Voorbereid[] }>();
  for (const v of voorbereid) {
    const naam = `${v.dienstId}|${v.e.gemeenteId ?? ''}`;
    const keten = ketens.get(naam) ?? {
      sleutel: { partitie, dienstId: v.dienstId, gemeenteId: v.e.gemeenteId },
      regels: [],
    };
    keten.regels.push(v);
    ketens.set(naam, keten);
  }
  const resultaat: Vastgelegd[] = new Array(entries.length);
  for (const naam of [...ketens.keys()].sort()) {
    const { sleutel, regels } = ketens.get(naam)!;
    const kop = await repo.lockKop(tx, sleutel, genesisHash(sleutel));
    if (!kop)
      throw new AppError('intern', { message: 'logboek.record: chain head not visible in this context' });
    let { volgnummer, hash } = kop;
    const rijen = regels.map(({ index, actor, e }) => {
      volgnummer += 1;
      const data: LogboekRegelData = {
        volgnummer,
        tijdstip,
        dienstId: sleutel.dienstId,
        gemeenteId: sleutel.gemeenteId,
        actorId: actor.kind === 'gebruiker' ? actor.gebruikerId.toLowerCase() : 'systeem',
        actorReden: actor.kind === 'gebruiker' ? null : actor.reden.slice(0, 200),
        rol: actor.kind === 'gebruiker' ? actor.rol : 'systeem',
        actie: e.actie,
        subjectType: e.subject.type,
        subjectId: e.subject.id,
        verwerkingsactiviteitId: e.verwerkingsactiviteit,
        traceId: e.traceId ?? geldigeTraceId(huidigeTraceId()),
      };
      hash = regelHash(hash, data);
      resultaat[index] = { tijdstip, volgnummer, hash };
      return { ...data, hash };
    });
    for (let i = 0; i < rijen.length; i += INSERT_BLOK)
      await repo.insertRegels(tx, rijen.slice(i, i + INSERT_BLOK));
    await repo.updateKop(tx, sleutel, { volgnummer, hash });
  }
  return resultaat;
}
