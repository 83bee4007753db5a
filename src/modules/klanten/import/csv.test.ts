import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvBestandFout, decodeer, detecteerScheidingsteken, leesCsv } from './csv.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);
const w1252 = (s: string) => new Uint8Array(iconv.encode(s, 'win1252'));

/** Writes cells as a spreadsheet would: quoted when they hold a quote, the separator or a line break. */
function schrijf(rijen: string[][], sep: string, eol = '\n'): string {
  const cel = (c: string) => (/["\n;,]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  return rijen.map((r) => r.map(cel).join(sep)).join(eol) + eol;
}

describe('decodeer', () => {
  it('reads UTF-8 with and without a BOM, and Windows-1252', () => {
    expect(decodeer(utf8('Zoë;Müller'))).toEqual({ tekst: 'Zoë;Müller', codering: 'utf-8' });
    expect(decodeer(bom('Zoë;Müller'))).toEqual({ tekst: 'Zoë;Müller', codering: 'utf-8' });
    expect(decodeer(w1252('Zoë;Müller;€ 5'))).toEqual({ tekst: 'Zoë;Müller;€ 5', codering: 'windows-1252' });
    expect(decodeer(utf8('plain ascii'))).toEqual({ tekst: 'plain ascii', codering: 'utf-8' });
  });

  it('property: any text survives UTF-8 with or without a BOM', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.boolean(), (s, metBom) => {
        expect(decodeer(metBom ? bom(s) : utf8(s)).tekst).toBe(s);
      }),
    );
  });

  it('property: Dutch text with accents in Windows-1252 is recognised and survives', () => {
    // Accented letters are bytes 0xC0–0xFF in Windows-1252: never a valid UTF-8 sequence on their own.
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ;,0123456789-'.split(''));
    const accent = fc.constantFrom(...'éëèêïöüáàçñÉËÖÜÏß'.split(''));
    const tekst = fc
      .tuple(fc.array(fc.oneof(letter, accent), { maxLength: 40 }), accent)
      .map(([delen, a]) => [...delen, a].join(''));
    fc.assert(
      fc.property(tekst, (s) => {
        expect(decodeer(w1252(s))).toEqual({ tekst: s, codering: 'windows-1252' });
      }),
    );
  });
});

describe('detecteerScheidingsteken', () => {
  it('takes the more frequent of ; and , on the header line, ignoring quoted text', () => {
    expect(detecteerScheidingsteken('klantnummer;achternaam;geboortedatum\n1,2,3,4,5')).toBe(';');
    expect(detecteerScheidingsteken('klantnummer,achternaam,geboortedatum\n1;2;3;4;5')).toBe(',');
    expect(detecteerScheidingsteken('"a;b;c",d,e')).toBe(',');
    expect(detecteerScheidingsteken('klantnummer')).toBe(';');
  });
});

describe('leesCsv', () => {
  it('reads a Dutch Excel file: Windows-1252, semicolons, CRLF', () => {
    const csv = leesCsv(w1252('klantnummer;achternaam\r\nK1;Öztürk\r\nK2;"de Vries; jr."\r\n'));
    expect(csv.codering).toBe('windows-1252');
    expect(csv.scheidingsteken).toBe(';');
    expect(csv.kop).toEqual(['klantnummer', 'achternaam']);
    expect(csv.records).toEqual([
      { regel: 2, cellen: ['K1', 'Öztürk'] },
      { regel: 3, cellen: ['K2', 'de Vries; jr.'] },
    ]);
  });

  it('numbers records by the line they start on, also after a line break inside a cell and a blank line', () => {
    const csv = leesCsv(utf8('a,b\n1,"twee\nregels"\n\n3,4\n5,6'));
    expect(csv.records.map((r) => r.regel)).toEqual([2, 5, 6]);
    expect(csv.records[0]?.cellen).toEqual(['1', 'twee\nregels']);
  });

  it('keeps a stray quote inside a cell as text', () => {
    const csv = leesCsv(utf8('a;b\n1;2\n3;"vier"x\n5;6\n'));
    expect(csv.records.map((r) => r.cellen)).toEqual([
      ['1', '2'],
      ['3', '"vier"x'],
      ['5', '6'],
    ]);
  });

  it('reports where an unclosed quote makes the rest unreadable, and keeps the rows before it', () => {
    const csv = leesCsv(utf8('a;b\n1;2\n3;"vier\n5;6\n'));
    expect(csv.records.map((r) => r.cellen)).toEqual([['1', '2']]);
    expect(csv.onleesbaar).toEqual([{ regel: 3, melding: expect.stringContaining('niet gesloten') }]);
  });

  it('refuses an empty file and a UTF-16 file as a whole', () => {
    expect(() => leesCsv(utf8(' \n'))).toThrow(CsvBestandFout);
    expect(() => leesCsv(new Uint8Array(iconv.encode('a;b\n', 'utf16le')))).toThrow(/UTF-16/);
  });

  it('property: whatever the cells hold, they come back as written, with either separator and line ending', () => {
    const cel = fc.string({ unit: fc.constantFrom(...'ab é;,"\n 1-'.split('')), maxLength: 12 });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((n) =>
            fc.tuple(
              fc.array(fc.array(cel, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 8 }),
              fc.constant(n),
            ),
          ),
        fc.constantFrom(';', ','),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        ([rijen, n], sep, eol, metBom) => {
          const kop = Array.from({ length: n }, (_, i) => `kolom${i}`);
          // A header with one column has no separator to detect; give it the separator twice in a data-free way.
          const tekst = schrijf([kop, ...rijen], sep, eol);
          const csv = leesCsv(metBom ? bom(tekst) : utf8(tekst));
          if (n > 1) expect(csv.scheidingsteken).toBe(sep);
          if (n > 1 || sep === ';') {
            const verwacht = rijen.filter((r) => !(r.length === 1 && r[0] === ''));
            expect(csv.records.map((r) => r.cellen)).toEqual(verwacht);
          }
          expect(csv.onleesbaar).toEqual([]);
        },
      ),
    );
  });
});
