import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrations } from './index.ts';

/** `YYYY_MM_DD_NNNN_name`: the date and number that order the migrations. */
const NAAM = /^(\d{4}_\d{2}_\d{2})_(\d{4})_[a-z0-9_]+$/;

/** The problems of a list of migration names, in the order they are listed: empty when it is sound. */
function problemenMetVolgorde(namen: readonly string[]): string[] {
  const problemen: string[] = [];
  const nummers = new Map<string, string>();
  namen.forEach((naam, i) => {
    const m = NAAM.exec(naam);
    if (!m) {
      problemen.push(`${naam}: not named YYYY_MM_DD_NNNN_name`);
      return;
    }
    const nummer = m[2] as string;
    const eerder = nummers.get(nummer);
    if (eerder) problemen.push(`${naam}: number ${nummer} is also ${eerder}`);
    nummers.set(nummer, naam);
    const vorige = namen[i - 1];
    if (vorige !== undefined && vorige >= naam)
      problemen.push(`${naam}: listed after ${vorige}, runs before it`);
  });
  return problemen;
}

describe('migrations', () => {
  it('finds duplicate numbers and names out of order', () => {
    expect(problemenMetVolgorde(['2026_11_27_0001_a', '2026_11_27_0002_b'])).toEqual([]);
    expect(problemenMetVolgorde(['2026_11_27_0001_a', '2026_12_07_0001_b'])).toEqual([
      '2026_12_07_0001_b: number 0001 is also 2026_11_27_0001_a',
    ]);
    expect(problemenMetVolgorde(['2026_12_07_0401_a', '2026_12_07_0301_b'])).toEqual([
      '2026_12_07_0301_b: listed after 2026_12_07_0401_a, runs before it',
    ]);
    expect(problemenMetVolgorde(['0001_a'])).toEqual(['0001_a: not named YYYY_MM_DD_NNNN_name']);
  });

  it('are listed in the order they run (by name), each number once', () => {
    expect(problemenMetVolgorde(Object.keys(migrations))).toEqual([]);
  });

  it('lists every migration file, and only those', () => {
    const bestanden = readdirSync(import.meta.dirname)
      .filter((f) => NAAM.test(f.replace(/\.ts$/, '')))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(migrations).sort()).toEqual(bestanden);
  });
});
