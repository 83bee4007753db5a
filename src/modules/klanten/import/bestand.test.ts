import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CreateKlantInput } from '../klanten.schemas.ts';
import { type BestandRij, HELE_RIJ, leesKlantenBestand } from './bestand.ts';
import { CsvBestandFout } from './csv.ts';
import { foutenPerKolom, KOLOMMEN, koppelKop, leesDatum } from './kolommen.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const utf8 = (s: string) => new TextEncoder().encode(s);
const GEMEENTE = '00000000-0000-4000-8000-000000000001';

const invoerVan = (r: BestandRij | undefined) => {
  if (!r || !('invoer' in r)) throw new Error(`expected a valid row, got ${JSON.stringify(r)}`);
  return r.invoer;
};
const foutenVan = (r: BestandRij | undefined) => {
  if (!r || !('fouten' in r)) throw new Error(`expected a rejected row, got ${JSON.stringify(r)}`);
  return r.fouten;
};

describe('leesKlantenBestand', () => {
  it('reads the documented example file: every row becomes valid service input', () => {
    const bestand = leesKlantenBestand(readFileSync(join(ROOT, 'docs/voorbeelden/klanten.csv')));
    expect(bestand.onbekendeKolommen).toEqual([]);
    expect(bestand.kolommen).toHaveLength(KOLOMMEN.length);
    expect(bestand.rijen.map((r) => r.rij)).toEqual([2, 3, 4, 5]);
    for (const r of bestand.rijen) {
      const res = CreateKlantInput.safeParse({ ...invoerVan(r), gemeenteId: GEMEENTE });
      expect(res.error?.issues ?? []).toEqual([]);
    }
    expect(invoerVan(bestand.rijen[0])).toMatchObject({
      klantnummer: '2026-00101',
      bsn: '353454709',
      roepnaam: 'Fatima',
      voorvoegsel: null,
      geboortedatum: '1979-02-14',
      postcode: '1234 AB',
      taal: 'ar',
      taalniveau: 'a2',
      opleidingsniveau: 'vmbo',
      beschikbaarheid: ['ma-ochtend', 'di-ochtend', 'do-middag'],
      mobiliteit: ['fiets', 'ov'],
      maxReistijdMinuten: 30,
      werk: [],
      reintegratie: [],
      belastbaarheid: { maxUrenPerWeek: 16, beperkingen: ['werktijden'] },
    });
    expect(invoerVan(bestand.rijen[1])).toMatchObject({
      voorvoegsel: 'van der',
      werk: [{ urenPerWeek: 12, dagdelen: ['ma-middag', 'di-middag'] }],
      belastbaarheid: null,
    });
    expect(invoerVan(bestand.rijen[2])).toMatchObject({
      bsn: null,
      reintegratie: [{ begindatum: '2026-09-01', einddatum: null }],
    });
    expect(invoerVan(bestand.rijen[3])).toMatchObject({
      geboortedatum: '2004-02-29',
      zorgtaken: 'Zorg voor twee kinderen; de jongste is 3',
    });
  });

  it('reads a Windows-1252 file with commas, aliases in the header and unknown columns', () => {
    const tekst =
      'Klantnr,Tussenvoegsel,Achternaam,Geboortedatum,E-mail,Opmerking\r\n' +
      'A-1,van,Dijk,1-2-1980,a@b.nl,iets\r\n' +
      'A-2,,Çelik,31/12/1975,,\r\n';
    const bestand = leesKlantenBestand(new Uint8Array(iconv.encode(tekst, 'win1252')));
    expect(bestand).toMatchObject({
      codering: 'windows-1252',
      scheidingsteken: ',',
      kolommen: ['Klantnr', 'Tussenvoegsel', 'Achternaam', 'Geboortedatum', 'E-mail'],
      onbekendeKolommen: ['Opmerking'],
    });
    expect(bestand.rijen.map(invoerVan)).toEqual([
      {
        klantnummer: 'A-1',
        voorvoegsel: 'van',
        achternaam: 'Dijk',
        geboortedatum: '1980-02-01',
        email: 'a@b.nl',
      },
      {
        klantnummer: 'A-2',
        voorvoegsel: null,
        achternaam: 'Çelik',
        geboortedatum: '1975-12-31',
        email: null,
      },
    ]);
  });

  it('reports a broken row with Dutch messages per column and still reads the others', () => {
    const tekst = [
      'klantnummer;bsn;achternaam;geboortedatum;postcode;opleidingsniveau;beschikbaarheid',
      'K1;111222333;Jansen;1980-01-01;1234 AB;mbo 2;ma-ochtend',
      'K2;123456789;;30-02-1980;1234;doctor;maandag',
      ';;Zonder nummer;1980-01-01;;;',
      'K1;;Dubbel;1980-01-01;;;',
      'K4;;Pietersen;1990-05-05;;;;extra',
      'K5;;de Boer;1990-05-05;9999 SS;;',
    ].join('\n');
    const bestand = leesKlantenBestand(utf8(tekst));
    expect(bestand.rijen.map((r) => [r.rij, r.klantnummer, 'invoer' in r])).toEqual([
      [2, 'K1', true],
      [3, 'K2', false],
      [4, null, false],
      [5, 'K1', false],
      [6, null, false],
      [7, 'K5', false],
    ]);
    expect(foutenVan(bestand.rijen[1])).toEqual({
      bsn: 'Dit is geen geldig BSN (9 cijfers die de elfproef doorstaan).',
      achternaam: 'Vul de achternaam in.',
      geboortedatum: 'Vul een bestaande datum in als 21-03-1985 of 1985-03-21.',
      postcode: expect.stringContaining('1234 AB'),
      opleidingsniveau: expect.stringContaining('Onbekend opleidingsniveau'),
      beschikbaarheid: expect.stringContaining('Onbekend dagdeel "maandag"'),
    });
    expect(foutenVan(bestand.rijen[2])).toEqual({ klantnummer: 'Vul het klantnummer in.' });
    expect(foutenVan(bestand.rijen[3])).toEqual({
      klantnummer: 'Dit klantnummer staat al eerder in het bestand (rij 2).',
    });
    expect(foutenVan(bestand.rijen[4])[HELE_RIJ]).toMatch(/8 kolommen en de kop 7/);
    expect(foutenVan(bestand.rijen[5]).postcode).toMatch(/SS bestaan niet/);
    // No message repeats what was in a cell (the BSN least of all).
    expect(JSON.stringify(bestand.rijen.filter((r) => 'fouten' in r))).not.toContain('123456789');
  });

  it('pads a BSN that a spreadsheet stored as a number without its leading zero', () => {
    const bestand = leesKlantenBestand(
      utf8('klantnummer;bsn;achternaam;geboortedatum\nK1;11222335;A;1980-01-01\n'),
    );
    expect(invoerVan(bestand.rijen[0]).bsn).toBe('011222335');
  });

  it('refuses a file without a required column or with a column twice, as a whole', () => {
    expect(() => leesKlantenBestand(utf8('klantnummer;achternaam\nK1;A\n'))).toThrow(
      new CsvBestandFout('De kolom "geboortedatum" ontbreekt.'),
    );
    expect(() =>
      leesKlantenBestand(utf8('klantnummer;achternaam;geslachtsnaam;geboortedatum\nK1;A;B;1980-01-01\n')),
    ).toThrow(/"achternaam" en "geslachtsnaam" zijn allebei achternaam/);
  });

  it('skips empty rows but keeps the row numbers of the file', () => {
    const bestand = leesKlantenBestand(
      utf8('klantnummer;achternaam;geboortedatum\n;;\nK1;A;1980-01-01\n\nK2;B;1980-01-01\n'),
    );
    expect(bestand.rijen.map((r) => [r.rij, r.klantnummer])).toEqual([
      [3, 'K1'],
      [5, 'K2'],
    ]);
  });

  it('property: a row never throws, and is either valid input or carries at least one message', () => {
    const cel = fc.string({ maxLength: 15 });
    fc.assert(
      fc.property(fc.array(fc.array(cel, { minLength: 6, maxLength: 6 }), { maxLength: 10 }), (rijen) => {
        const kop = 'klantnummer;bsn;achternaam;geboortedatum;postcode;werk uren per week';
        const cel2 = (c: string) => `"${c.replaceAll('"', '""')}"`;
        const tekst = [kop, ...rijen.map((r) => r.map(cel2).join(';'))].join('\n');
        const bestand = leesKlantenBestand(utf8(tekst));
        for (const r of bestand.rijen) {
          if ('fouten' in r) expect(Object.keys(r.fouten).length).toBeGreaterThan(0);
          else expect(typeof r.invoer.klantnummer).toBe('string');
        }
      }),
    );
  });
});

describe('leesDatum', () => {
  it('accepts ISO and Dutch day-month-year, refuses impossible dates', () => {
    expect(leesDatum('1985-03-21')).toEqual({ iso: '1985-03-21' });
    expect(leesDatum('21-3-1985')).toEqual({ iso: '1985-03-21' });
    expect(leesDatum(' 21.03.1985 ')).toEqual({ iso: '1985-03-21' });
    expect(leesDatum('29-02-2023')).toHaveProperty('fout');
    expect(leesDatum('03/21/1985')).toHaveProperty('fout');
    expect(leesDatum('gisteren')).toHaveProperty('fout');
  });
});

describe('foutenPerKolom', () => {
  it('names the file’s own header for errors the service reports by input path', () => {
    const koppeling = koppelKop(['Klantnr', 'Achternaam', 'Geboortedatum', 'Uren werk', 'Belastbaarheid']);
    expect(
      foutenPerKolom(
        {
          klantnummer: 'a',
          'werk.0.urenPerWeek': 'b',
          'belastbaarheid.maxUrenPerWeek': 'c',
          email: 'd',
          gemeenteId: 'e',
        },
        koppeling,
      ),
    ).toEqual({ Klantnr: 'a', 'Uren werk': 'b', Belastbaarheid: 'c', 'e-mailadres': 'd', gemeenteId: 'e' });
  });
});

describe('documentation', () => {
  it('documents every column in docs/import-klanten.md', () => {
    const doc = readFileSync(join(ROOT, 'docs/import-klanten.md'), 'utf8');
    for (const k of KOLOMMEN) expect(doc, k.naam).toContain(`\`${k.naam}\``);
  });
});
