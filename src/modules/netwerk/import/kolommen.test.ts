import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvBestandFout, leesCsv } from './csv.ts';
import { activiteitRij, datum, deelKolommenIn, kolomVoor, normaliseer, organisatieRij } from './kolommen.ts';

const gemeenten = [
  { id: 'a0000000-0000-4000-8000-000000000001', naam: 'Aardam', code: 'GM9901' },
  { id: 'b0000000-0000-4000-8000-000000000002', naam: 'Bergdorp', code: 'GM9902' },
];

describe('leesCsv', () => {
  it('reads Windows-1252 with semicolons (Dutch Excel)', () => {
    const bytes = iconv.encode('naam;soort;plaats\r\nCafé De Brug;stichting;Aardam\r\n', 'win1252');
    const csv = leesCsv(bytes);
    expect([csv.codering, csv.scheidingsteken, csv.kop]).toEqual([
      'windows-1252',
      ';',
      ['naam', 'soort', 'plaats'],
    ]);
    expect(csv.records).toEqual([{ regel: 2, cellen: ['Café De Brug', 'stichting', 'Aardam'] }]);
  });

  it('reads UTF-8 with a BOM and commas, quoted cells with line breaks, and numbers lines as a spreadsheet does', () => {
    const tekst = '\uFEFFnaam,notities\n"Buurthuis, De Boog","regel 1\nregel 2"\n\nVoedselbank,x\n';
    const csv = leesCsv(new TextEncoder().encode(tekst));
    expect([csv.codering, csv.scheidingsteken]).toEqual(['utf-8', ',']);
    expect(csv.records.map((r) => [r.regel, r.cellen[0]])).toEqual([
      [2, 'Buurthuis, De Boog'],
      [5, 'Voedselbank'],
    ]);
  });

  it('refuses an empty file and a binary one', () => {
    expect(() => leesCsv(new Uint8Array())).toThrow(CsvBestandFout);
    expect(() => leesCsv(new Uint8Array([0, 1, 2, 3]))).toThrow(/geen tekstbestand/);
  });
});

describe('column mapping', () => {
  it('matches headers loosely and reports unknown ones', () => {
    const i = deelKolommenIn(
      ['Naam', 'Soort organisatie', 'KvK-nummer', 'Wederkerigheid: Referentie', 'Kleur'],
      'organisaties',
    );
    expect([...i.index.keys()]).toEqual(['naam', 'type', 'kvkNummer', 'wederkerigheid.referentie']);
    expect(i.onbekend).toEqual(['Kleur']);
    expect(normaliseer('  Café-Naam_ ')).toBe('cafenaam');
  });

  it('names the missing required columns', () => {
    expect(() => deelKolommenIn(['naam'], 'organisaties')).toThrow(/ontbreken: soort/);
    expect(() =>
      deelKolommenIn(
        ['titel', 'omschrijving', 'categorie', 'belasting', 'uren max', 'plaatsen'],
        'activiteiten',
      ),
    ).toThrow(/organisatie \(of organisatie kvk-nummer\)/);
  });

  it('turns an organisation row into input, with Dutch names for values and municipalities by name or code', () => {
    const indeling = deelKolommenIn(
      ['naam', 'soort', 'gemeenten', 'status', 'contactpersoon', 'e-mail', 'training'],
      'organisaties',
    );
    const r = organisatieRij({ indeling, gemeenten }, [
      'De Boog',
      'Maatschappelijke instelling',
      'aardam | GM9902',
      'Gepauzeerd',
      'Karim',
      'k@boog.nl',
      'EHBO',
    ]);
    expect(r.invoer).toMatchObject({
      naam: 'De Boog',
      type: 'maatschappelijke-instelling',
      status: 'gepauzeerd',
      gemeenteIds: gemeenten.map((g) => g.id),
      contactpersonen: [{ naam: 'Karim', email: 'k@boog.nl' }],
      wederkerigheid: [{ categorie: 'training', omschrijving: 'EHBO' }],
    });
    const fout = organisatieRij({ indeling, gemeenten }, ['X', 'bedrijf', 'Cdorp', '', '', '', '']);
    expect(Object.keys(fout.fouten ?? {}).sort()).toEqual(['gemeenten', 'type']);
    // Without municipalities: all of the uploader's.
    expect(
      organisatieRij({ indeling, gemeenten }, ['Y', 'stichting', '', '', '', '', '']).invoer?.gemeenteIds,
    ).toHaveLength(2);
  });

  it('turns an activity row into the host key and input', () => {
    const indeling = deelKolommenIn(
      [
        'organisatie',
        'organisatie postcode',
        'titel',
        'omschrijving',
        'categorie',
        'belasting',
        'uren min',
        'uren max',
        'dagdelen',
        'plaatsen',
        'startdatum',
        'vaardigheden',
      ],
      'activiteiten',
    );
    const r = activiteitRij({ indeling, gemeenten }, 7, [
      'De Boog',
      '5611ab',
      'Koffie schenken',
      'U schenkt koffie.',
      'Buurt en wijk',
      'Laag',
      '2,5',
      '4',
      'ma-ochtend, woensdagmiddag',
      '3',
      '1-3-2027',
      'Gastvrijheid|Koken',
    ]);
    expect(r.rij).toMatchObject({
      rij: 7,
      organisatie: { naam: 'De Boog', postcode: '5611ab' },
      invoer: {
        categorie: 'buurt-en-wijk',
        fysiekeBelasting: 'laag',
        urenMin: 2.5,
        urenMax: 4,
        dagdelen: ['ma-ochtend', 'wo-middag'],
        plaatsen: 3,
        startdatum: '2027-03-01',
        vaardigheden: ['Gastvrijheid', 'Koken'],
      },
    });
    const fout = activiteitRij({ indeling, gemeenten }, 8, [
      '',
      '',
      'T',
      'O',
      'Koken',
      'zwaar',
      '',
      '4',
      'maandag',
      '1',
      '',
      '',
    ]);
    expect(Object.keys(fout.fouten ?? {}).sort()).toEqual([
      'categorie',
      'dagdelen',
      'fysiekeBelasting',
      'organisatie',
    ]);
    expect(kolomVoor(indeling, 'urenMax')).toBe('uren max');
    expect(kolomVoor(indeling, 'organisatie')).toBe('organisatie');
  });

  it.each([
    ['1-3-2027', '2027-03-01'],
    ['01/12/2026', '2026-12-01'],
    ['2027-03-01', '2027-03-01'],
    ['maart', 'maart'],
  ])('datum %s → %s', (in_, uit) => expect(datum(in_)).toBe(uit));
});
