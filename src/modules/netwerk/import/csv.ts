import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

/**
 * Reading a CSV file as spreadsheets write it: UTF-8 (with or without BOM) or Windows-1252, `;` (Dutch Excel) or
 * `,` as separator. Pure: bytes in, records out. The same conventions as the client import (whose reader lives in
 * the klanten module; a shared one in src/ would serve both).
 */

export type Codering = 'utf-8' | 'windows-1252';
export type Scheidingsteken = ';' | ',';

export interface CsvRecord {
  /** The line in the file where the record starts (1 = the header), as a spreadsheet numbers it. */
  regel: number;
  cellen: string[];
}

export interface GelezenCsv {
  codering: Codering;
  scheidingsteken: Scheidingsteken;
  kop: string[];
  records: CsvRecord[];
}

/** The file as a whole cannot be used: Dutch messages without cell values. */
export class CsvBestandFout extends Error {
  readonly meldingen: readonly string[];

  constructor(meldingen: string | readonly string[]) {
    const lijst = typeof meldingen === 'string' ? [meldingen] : meldingen;
    super(lijst.join(' '));
    this.meldingen = lijst;
  }
}

/** Valid UTF-8 (a BOM is dropped) is read as UTF-8, anything else as Windows-1252. Never fails. */
export function decodeer(bytes: Uint8Array): { tekst: string; codering: Codering } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const inhoud = bom ? bytes.subarray(3) : bytes;
  try {
    return { tekst: new TextDecoder('utf-8', { fatal: true }).decode(inhoud), codering: 'utf-8' };
  } catch {
    return { tekst: iconv.decode(Buffer.from(inhoud), 'win1252'), codering: 'windows-1252' };
  }
}

/** The separator of the header line: the more frequent of `;` and `,` outside quotes (a tie is `;`). */
export function detecteerScheidingsteken(tekst: string): Scheidingsteken {
  let puntkomma = 0;
  let komma = 0;
  let inQuotes = false;
  for (const teken of tekst) {
    if (teken === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (teken === '\n' || teken === '\r')) break;
    else if (!inQuotes && teken === ';') puntkomma++;
    else if (!inQuotes && teken === ',') komma++;
  }
  return komma > puntkomma ? ',' : ';';
}

/** Reads the CSV: decodes, detects the separator, parses. The first record is the header. */
export function leesCsv(bytes: Uint8Array): GelezenCsv {
  const { tekst, codering } = decodeer(bytes);
  if (tekst.includes('\u0000'))
    throw new CsvBestandFout('Dit is geen tekstbestand. Sla het op als CSV (UTF-8 of Windows).');
  if (tekst.trim() === '') throw new CsvBestandFout('Het bestand is leeg.');
  const scheidingsteken = detecteerScheidingsteken(tekst);
  let rijen: Array<{ record: string[]; raw: string; info: { lines: number } }>;
  try {
    rijen = parse(tekst, {
      delimiter: scheidingsteken,
      info: true,
      raw: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as Array<{ record: string[]; raw: string; info: { lines: number } }>;
  } catch (e) {
    const regel = (e as { lines?: unknown }).lines;
    throw new CsvBestandFout(
      `Het bestand is niet te lezen${typeof regel === 'number' ? ` vanaf regel ${regel}` : ''}: controleer de aanhalingstekens (").`,
    );
  }
  const [kop, ...rest] = rijen;
  if (!kop) throw new CsvBestandFout('Het bestand heeft geen kopregel met kolomnamen.');
  return {
    codering,
    scheidingsteken,
    kop: kop.record.map((k) => k.trim()),
    // info.lines is the record's last line: minus the line breaks inside the record, its first.
    records: rest.map((r) => {
      const kern = r.raw.replace(/^[\r\n]+/, '').replace(/(\r\n|\r|\n)$/, '');
      const breuken = kern.match(/\r\n|\r|\n/g)?.length ?? 0;
      return { regel: r.info.lines - breuken, cellen: r.record };
    }),
  };
}
