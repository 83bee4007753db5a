import { type Codering, CsvBestandFout, leesCsv, type Scheidingsteken } from './csv.ts';
import { type Kopkoppeling, koppelKop, type Rijfouten, zetOm } from './kolommen.ts';

/**
 * A client import file, read and checked row by row (pure). Rows that cannot become client input carry their
 * field errors; the others carry the input for the service, which validates it again and decides between create
 * and update. A broken row never stops the others.
 */

/** More rows than this is refused as a whole (a municipality has at most tens of thousands of clients). */
export const MAX_RIJEN = 100_000;

export type BestandRij =
  | { rij: number; klantnummer: string; invoer: Record<string, unknown> }
  | { rij: number; klantnummer: string | null; fouten: Rijfouten };

export interface KlantenBestand {
  codering: Codering;
  scheidingsteken: Scheidingsteken;
  /** Headers of the file that are used, as written. */
  kolommen: string[];
  /** Headers the import does not know (ignored). */
  onbekendeKolommen: string[];
  koppeling: Kopkoppeling;
  /** In file order. */
  rijen: BestandRij[];
}

/** The key under which errors about a row as a whole (not one column) are reported. */
export const HELE_RIJ = 'rij';

/**
 * Reads and checks a client file. Throws `CsvBestandFout` when the file as a whole is unusable (empty, not text,
 * a required column missing or twice, too many rows).
 */
export function leesKlantenBestand(bytes: Uint8Array): KlantenBestand {
  const csv = leesCsv(bytes);
  const koppeling = koppelKop(csv.kop);
  if (koppeling.fouten.length > 0) throw new CsvBestandFout(koppeling.fouten);
  if (csv.records.length > MAX_RIJEN)
    throw new CsvBestandFout(
      `Het bestand heeft ${csv.records.length} rijen; dat is meer dan ${MAX_RIJEN}. Splits het in delen.`,
    );

  const rijen: BestandRij[] = [];
  const eerste = new Map<string, number>();
  for (const { regel, cellen } of csv.records) {
    if (cellen.every((c) => c.trim() === '')) continue;
    if (cellen.length > csv.kop.length) {
      rijen.push({
        rij: regel,
        klantnummer: null,
        fouten: {
          [HELE_RIJ]: `Deze rij heeft ${cellen.length} kolommen en de kop ${csv.kop.length}. Staat er een scheidingsteken (${csv.scheidingsteken}) in een cel zonder aanhalingstekens?`,
        },
      });
      continue;
    }
    const { invoer, klantnummer, fouten } = zetOm(cellen, koppeling);
    if (klantnummer !== null) {
      const eerder = eerste.get(klantnummer);
      if (eerder !== undefined) {
        fouten[koppeling.kolommen.find((k) => k.kolom.sleutel === 'klantnummer')!.kop] =
          `Dit klantnummer staat al eerder in het bestand (rij ${eerder}).`;
      } else eerste.set(klantnummer, regel);
    }
    if (Object.keys(fouten).length > 0 || klantnummer === null)
      rijen.push({ rij: regel, klantnummer, fouten });
    else rijen.push({ rij: regel, klantnummer, invoer });
  }
  for (const o of csv.onleesbaar)
    rijen.push({ rij: o.regel, klantnummer: null, fouten: { [HELE_RIJ]: o.melding } });
  rijen.sort((a, b) => a.rij - b.rij);

  return {
    codering: csv.codering,
    scheidingsteken: csv.scheidingsteken,
    kolommen: koppeling.kolommen.map((k) => k.kop),
    onbekendeKolommen: koppeling.onbekend,
    koppeling,
    rijen,
  };
}
