import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePostcode } from './postcode.ts';

describe('parsePostcode', () => {
  it.each([
    ['1234 AB', '1234 AB'],
    ['1234AB', '1234 AB'],
    ['1234ab', '1234 AB'],
    [' 5611 aa ', '5611 AA'],
    ['9999 ZZ', '9999 ZZ'],
    ['1000 SB', '1000 SB'],
  ])('accepts %j as %j', (invoer, verwacht) => {
    expect(parsePostcode(invoer)).toMatchObject({
      ok: true,
      postcode: verwacht,
      postcode4: verwacht.slice(0, 4),
    });
  });

  it.each([
    ['0123 AB', '4 cijfers'],
    ['123 AB', '4 cijfers'],
    ['12345 AB', '4 cijfers'],
    ['1234 A', '4 cijfers'],
    ['1234  AB', '4 cijfers'],
    ['1234-AB', '4 cijfers'],
    ['', '4 cijfers'],
    ['1234 ÄB', '4 cijfers'],
    ['1234 SA', 'SA bestaan niet'],
    ['1234 sd', 'SD bestaan niet'],
    ['1234SS', 'SS bestaan niet'],
  ])('refuses %j', (invoer, melding) => {
    const r = parsePostcode(invoer);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.melding).toContain(melding);
  });

  const cijfers = fc.integer({ min: 1000, max: 9999 }).map(String);
  const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  const letters = fc.tuple(letter, letter).map(([a, b]) => `${a}${b}`);

  it('normalises every valid postcode, in any case and with or without the space, to the same form', () => {
    fc.assert(
      fc.property(cijfers, letters, fc.boolean(), fc.boolean(), (c, l, spatie, klein) => {
        fc.pre(!['SA', 'SD', 'SS'].includes(l));
        const invoer = `${c}${spatie ? ' ' : ''}${klein ? l.toLowerCase() : l}`;
        const r = parsePostcode(invoer);
        expect(r).toEqual({ ok: true, postcode: `${c} ${l}`, postcode4: c });
        // Normalising twice changes nothing.
        if (r.ok) expect(parsePostcode(r.postcode)).toEqual(r);
      }),
    );
  });

  it('refuses every postcode starting with 0 and every SA/SD/SS combination', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), letters, (n, l) => {
        expect(parsePostcode(`${String(n).padStart(4, '0')} ${l}`).ok).toBe(false);
      }),
    );
    fc.assert(
      fc.property(cijfers, fc.constantFrom('SA', 'SD', 'SS'), (c, l) => {
        expect(parsePostcode(`${c} ${l}`).ok).toBe(false);
      }),
    );
  });
});
