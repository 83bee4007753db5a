import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DIEPTE, meldingVoor, ongeldigeTekst, zoekOngeldigeTekst } from './tekstbewaking.ts';

/** `{ a: { a: … { a: binnenste } } }`, `diepte` objects deep. */
function genest(diepte: number, binnenste: unknown): unknown {
  let w = binnenste;
  for (let i = 0; i < diepte; i++) w = i % 2 === 0 ? { a: w } : [w];
  return w;
}

describe('zoekOngeldigeTekst', () => {
  it.each([
    ['plain text', { naam: 'Bakkerij De Korf' }, undefined],
    ['emoji (a valid surrogate pair)', { naam: '👩‍👩‍👧‍👦' }, undefined],
    ['a NUL', { naam: 'a\u0000b' }, { pad: 'naam', soort: 'nul-teken' }],
    ['a high surrogate alone', { notities: 'x\ud800' }, { pad: 'notities', soort: 'los-surrogaat' }],
    ['a low surrogate alone', { notities: '\udc00y' }, { pad: 'notities', soort: 'los-surrogaat' }],
    ['nested in an array', { c: [{ f: 'ok' }, { f: '\u0000' }] }, { pad: 'c.1.f', soort: 'nul-teken' }],
    ['in a key', { 'a\u0000': 1 }, { pad: '(veldnaam)', soort: 'nul-teken' }],
    ['a bare string body', '\u0000', { pad: '(body)', soort: 'nul-teken' }],
    ['numbers, booleans and null', { a: 1, b: true, c: null }, undefined],
  ])('%s', (_n, body, verwacht) => {
    expect(zoekOngeldigeTekst(body)).toEqual(verwacht);
  });

  it('passes every well-formed string and finds a NUL or lone surrogate put anywhere in it', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\u0000')),
        fc.nat(),
        fc.constantFrom('\u0000', '\ud800', '\udfff'),
        (s, plek, slecht) => {
          expect(ongeldigeTekst(s)).toBeUndefined();
          const codepoints = [...s];
          const i = plek % (codepoints.length + 1);
          const kapot = [...codepoints.slice(0, i), slecht, ...codepoints.slice(i)].join('');
          expect(zoekOngeldigeTekst({ veld: kapot })?.pad).toBe('veld');
        },
      ),
    );
  });

  it('refuses a body nested 10,000 levels deep without overflowing the stack', () => {
    expect(zoekOngeldigeTekst(genest(10_000, 'x'))?.soort).toBe('te-diep');
    expect(zoekOngeldigeTekst(JSON.parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`))?.soort).toBe(
      'te-diep',
    );
  });

  it('walks a body up to the limit, and still finds a NUL there', () => {
    expect(zoekOngeldigeTekst(genest(MAX_DIEPTE, 'x'))).toBeUndefined();
    expect(zoekOngeldigeTekst(genest(MAX_DIEPTE, '\u0000'))?.soort).toBe('nul-teken');
    expect(zoekOngeldigeTekst(genest(MAX_DIEPTE + 1, 'x'))?.soort).toBe('te-diep');
  });

  it('says in Dutch which field and what to do', () => {
    expect(meldingVoor({ pad: 'a.0', soort: 'te-diep' })).toMatch(/^Het veld a\.0 is te diep genest/);
    expect(meldingVoor({ pad: 'naam', soort: 'nul-teken' })).toMatch(/^Het veld naam bevat een NUL-teken/);
  });
});
