import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

/**
 * Reading a CSV file as core systems and spreadsheets write it: UTF-8 (with or without BOM) or Windows-1252, `;`
 * (Dutch Excel) or `,` as separator. Pure: bytes in, records out. Parsing is done by csv-parse (quotes, doubled
 * quotes, line breaks inside quoted cells); what it cannot read is reported per line, and the rest is still read.
 */

export type Codering = 'utf-8' | 'windows-1252';
export type Scheidingsteken = ';' | ',';

export interface CsvRecord {
  /** The line in the file where the record starts (1 = the header): what a spreadsheet shows as the row number. */
  regel: number;
  cellen: string[];
}

export interface GelezenCsv {
  codering: Codering;
  scheidingsteken: Scheidingsteken;
  kop: string[];
  records: CsvRecord[];
  /** Lines csv-parse could not read (a broken quote), with a Dutch message. */
  onleesbaar: Array<{ regel: number; melding: string }>;
}

/**
 * The file as a whole cannot be used (empty, not text, a required column missing). The messages are Dutch and hold
 * no cell values.
 */
export class CsvBestandFout extends Error {
  readonly meldingen: readonly string[];

  constructor(meldingen: string | readonly string[]) {
    const lijst = typeof meldingen === 'string' ? [meldingen] : meldingen;
    super(lijst.join(' '));
    this.meldingen = lijst;
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Decodes the bytes: valid UTF-8 (a BOM is dropped) is read as UTF-8, anything else as Windows-1252 (the encoding
 * of Excel's "CSV (gescheiden door lijstscheidingsteken)" on Dutch Windows). Every byte sequence decodes one way
 * or the other, so this never fails; pure ASCII is UTF-8.
 */
export function decodeer(bytes: Uint8Array): { tekst: string; codering: Codering } {
  const bom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const inhoud = bom ? bytes.subarray(3) : bytes;
  try {
    return { tekst: new TextDecoder('utf-8', { fatal: true }).decode(inhoud), codering: 'utf-8' };
  } catch {
    return { tekst: iconv.decode(Buffer.from(inhoud), 'win1252'), codering: 'windows-1252' };
  }
}

/**
 * The separator, from the header line: the one of `;` and `,` that occurs more often outside quotes. A tie (a
 * one-column file) is `;`, the Dutch default.
 */
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

/** The first line of the record: its last line minus the line breaks inside it. */
function beginregel(eindregel: number, raw: string): number {
  const kern = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$|\r$/, '');
  let breuken = 0;
  for (let i = 0; i < kern.length; i++) {
    if (kern[i] === '\n' || (kern[i] === '\r' && kern[i + 1] !== '\n')) breuken++;
  }
  return eindregel - breuken;
}

const PARSE_MELDINGEN: Record<string, string> = {
  CSV_INVALID_CLOSING_QUOTE:
    'Deze regel is niet te lezen: na een afsluitend aanhalingsteken (") volgt geen scheidingsteken.',
  CSV_QUOTE_NOT_CLOSED:
    'Vanaf deze regel is het bestand niet te lezen: een aanhalingsteken (") wordt niet gesloten.',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'Deze regel heeft een ander aantal kolommen dan de kop.',
};

/** Reads the CSV: decodes, detects the separator, parses. The first record is the header. */
export function leesCsv(bytes: Uint8Array): GelezenCsv {
  const { tekst, codering } = decodeer(bytes);
  if (tekst.includes('\u0000'))
    throw new CsvBestandFout(
      'Dit is geen tekstbestand (of het is opgeslagen als UTF-16). Sla het op als CSV (UTF-8 of Windows).',
    );
  if (tekst.trim() === '') throw new CsvBestandFout('Het bestand is leeg.');
  const scheidingsteken = detecteerScheidingsteken(tekst);
  const overgeslagen: Array<{ code: string | undefined; regel: number }> = [];
  const uitkomst = parse(tekst, {
    delimiter: scheidingsteken,
    info: true,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      overgeslagen.push({ code: err?.code, regel: typeof err?.lines === 'number' ? err.lines : 0 });
      return undefined;
    },
  }) as unknown as Array<{ record: string[]; raw: string; info: { lines: number } }>;
  // An unclosed quote is only noticed at the end of the file; it starts after the last record that was read.
  const laatste = uitkomst.at(-1)?.info.lines ?? 0;
  const onleesbaar = overgeslagen.map(({ code, regel }) => ({
    regel: code === 'CSV_QUOTE_NOT_CLOSED' ? laatste + 1 : regel,
    melding: (code && PARSE_MELDINGEN[code]) ?? 'Deze regel is niet te lezen.',
  }));
  const [kopRecord, ...rest] = uitkomst;
  if (!kopRecord) throw new CsvBestandFout('Het bestand heeft geen kopregel met kolomnamen.');
  return {
    codering,
    scheidingsteken,
    kop: kopRecord.record,
    records: rest.map((r) => ({ regel: beginregel(r.info.lines, r.raw), cellen: r.record })),
    onleesbaar,
  };
}
