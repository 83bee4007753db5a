import { describe, expect, it } from 'vitest';
import { activiteitLabel, gemeentenTekst, organisatieLabel } from './labels.ts';

const g = (...namen: string[]) => namen.map((naam) => ({ naam }));

describe('labels that tell same-named items of different municipalities apart', () => {
  it.each([
    [[], 'geen gemeente'],
    [['Aardam'], 'Aardam'],
    [['Bergdorp', 'Aardam'], 'Aardam en Bergdorp'],
    [['Cdorp', 'Aardam', 'Bergdorp', 'Aardam'], 'Aardam, Bergdorp en Cdorp'],
  ] as Array<[string[], string]>)('%o → %s', (namen, tekst) => {
    expect(gemeentenTekst(g(...namen))).toBe(tekst);
  });

  it('two activities with the same title and host in different municipalities get different labels', () => {
    const a = { titel: 'Koffie schenken', organisatie: { naam: 'Buurthuis' }, gemeenten: g('Aardam') };
    const b = { ...a, gemeenten: g('Bergdorp') };
    expect(activiteitLabel(a)).toBe('Koffie schenken – Buurthuis (Aardam)');
    expect(activiteitLabel(b)).not.toBe(activiteitLabel(a));
    expect(activiteitLabel({ ...a, organisatie: null })).toBe('Koffie schenken (Aardam)');
    expect(organisatieLabel({ naam: 'Buurthuis', gemeenten: g('Bergdorp', 'Aardam') })).toBe(
      'Buurthuis (Aardam en Bergdorp)',
    );
  });
});
