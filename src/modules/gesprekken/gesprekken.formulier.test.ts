import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deelnemersAlsTekst, MAX_DEELNEMERS, parseDeelnemers } from './deelnemers.ts';
import { parseUren, voorstelInvoerVan } from './gesprekken.formulier.ts';
import { onderdelenVan } from './gesprekken.service.ts';
import { LEEG_VOORSTEL } from './views/gesprekken.tsx';

describe('parseDeelnemers', () => {
  it.each([
    ['', []],
    ['Sanne Visser', ['Sanne Visser']],
    ['Sanne Visser\nKarin de Wit', ['Sanne Visser', 'Karin de Wit']],
    ['Sanne, Karin; tolk', ['Sanne', 'Karin', 'tolk']],
    ['  Sanne   Visser \r\n\n sanne visser ,,', ['Sanne Visser']],
  ])('%j → %j', (tekst, verwacht) => {
    expect(parseDeelnemers(tekst)).toEqual({ ok: true, deelnemers: verwacht });
  });

  it('refuses more than 20 names and over-long names', () => {
    const veel = Array.from({ length: 21 }, (_, i) => `Persoon ${i}`).join('\n');
    expect(parseDeelnemers(veel)).toMatchObject({ ok: false, melding: 'Vul hoogstens 20 deelnemers in.' });
    expect(parseDeelnemers('x'.repeat(201))).toMatchObject({ ok: false });
  });

  it('properties: no blank or padded names, no duplicates, no separators; the text form parses back the same', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (tekst) => {
        const r = parseDeelnemers(tekst);
        for (const d of r.deelnemers) {
          expect(d).toBe(d.trim());
          expect(d).not.toBe('');
          expect(d).not.toMatch(/[\n\r,;]|\s\s/u);
        }
        const sleutels = r.deelnemers.map((d) => d.toLocaleLowerCase('nl'));
        expect(new Set(sleutels).size).toBe(sleutels.length);
        expect(r.ok).toBe(
          r.deelnemers.length <= MAX_DEELNEMERS && r.deelnemers.every((d) => d.length <= 200),
        );
        // Idempotent through the form's text.
        expect(parseDeelnemers(deelnemersAlsTekst(r.deelnemers)).deelnemers).toEqual(r.deelnemers);
      }),
    );
  });
});

describe('parseUren', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['4', 4],
    ['2,5', 2.5],
    [' 3.5 ', 3.5],
    ['12,25', 12.25],
  ])('%j → %j', (tekst, verwacht) => {
    expect(parseUren(tekst)).toBe(verwacht);
  });

  it.each(['vier', '1.000', '1e3', '-2', '2,5,5', 'Infinity', '0x10'])(
    '%j is not a number of hours',
    (tekst) => {
      expect(parseUren(tekst)).toBeNaN();
    },
  );

  it('property: a number written with comma or point reads back as that number; other text never throws', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.boolean(),
        (h, c, komma) => {
          const tekst = `${h}${komma ? ',' : '.'}${String(c).padStart(2, '0')}`;
          expect(parseUren(tekst)).toBeCloseTo(h + c / 100, 10);
        },
      ),
    );
    fc.assert(
      fc.property(fc.string(), (tekst) => {
        const u = parseUren(tekst);
        expect(u === null || typeof u === 'number').toBe(true);
      }),
    );
  });
});

describe('voorstelInvoerVan', () => {
  it('passes on only the fields of the chosen kind of host', () => {
    const w = {
      ...LEEG_VOORSTEL,
      soort: 'zonder-organisatie',
      organisatieId: '00000000-0000-4000-8000-000000000000',
      'nieuweOrganisatie.naam': 'Iets',
      maatschappelijkNut: 'nee',
    };
    expect(voorstelInvoerVan(w)).toMatchObject({
      organisatieId: null,
      nieuweOrganisatie: null,
      maatschappelijkNut: false,
    });
    expect(voorstelInvoerVan({ ...w, soort: 'nieuwe-organisatie' }).nieuweOrganisatie).toMatchObject({
      naam: 'Iets',
    });
    expect(voorstelInvoerVan({ ...w, soort: 'bestaande-organisatie' }).organisatieId).toBe(w.organisatieId);
  });
});

describe('onderdelenVan', () => {
  it('counts a part as filled only with non-blank text', () => {
    expect(
      onderdelenVan({ krachtEnBekwaamheid: 'x', wensen: ' \n ', eigenVoorstel: null, socialeOmgeving: '' }),
    ).toEqual({ krachtEnBekwaamheid: true, wensen: false, eigenVoorstel: false, socialeOmgeving: false });
  });
});
