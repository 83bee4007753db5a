import { describe, expect, it } from 'vitest';
import { csvVeld, dagInAmsterdam, naarCsv, tijdInAmsterdam } from './privacy.regels.ts';

describe('csvVeld', () => {
  it.each([
    ['gewoon', 'gewoon'],
    ['a;b', '"a;b"'],
    ['zei "ja"', '"zei ""ja"""'],
    ['regel\nnieuw', '"regel\nnieuw"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+31 6', "'+31 6"],
    ['-1', "'-1"],
    ['@som', "'@som"],
    [12, '12'],
    [-3, '-3'],
    [null, ''],
  ] as const)('%j → %s', (invoer, uit) => {
    expect(csvVeld(invoer)).toBe(uit);
  });
});

describe('naarCsv', () => {
  it('writes a BOM, semicolons and CRLF', () => {
    expect(naarCsv(['a', 'b'], [['1', null]])).toBe('\uFEFFa;b\r\n1;\r\n');
  });
});

describe('Amsterdam days and times', () => {
  it('uses summer and winter time', () => {
    expect(tijdInAmsterdam(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02 00:30:00');
    expect(tijdInAmsterdam(new Date('2026-01-15T23:59:59Z'))).toBe('2026-01-16 00:59:59');
    expect(dagInAmsterdam(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
  });
});
