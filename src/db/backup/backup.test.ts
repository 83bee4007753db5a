import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laadVolgorde, VolgordeFout } from './volgorde.ts';
import {
  BackupFout,
  KOP_LENGTE,
  Ontsleutelaar,
  ontsleutel,
  andereSleutels,
  parseBackupSleutel,
  sleutelVingerafdrukken,
  Versleutelaar,
  versleutel,
} from './versleuteling.ts';

const SLEUTEL = Buffer.alloc(32, 7);
const ANDERE = Buffer.alloc(32, 8);

function soort(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof BackupFout) return e.soort;
    throw e;
  }
  return 'geen fout';
}

describe('versleuteling van een backup', () => {
  it('round trip: whatever goes in comes out, for any data and chunk size, however the input is split', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 3000 }),
        fc.integer({ min: 1, max: 700 }),
        fc.array(fc.integer({ min: 1, max: 900 }), { maxLength: 10 }),
        (data, chunk, knippen) => {
          const v = new Versleutelaar(SLEUTEL, chunk);
          const delen: Buffer[] = [];
          let i = 0;
          for (const k of knippen) {
            delen.push(...v.schrijf(data.subarray(i, i + k)));
            i += k;
          }
          delen.push(...v.schrijf(data.subarray(i)), ...v.einde());
          const bestand = Buffer.concat(delen);
          // Read back in arbitrary pieces, too.
          const o = new Ontsleutelaar(SLEUTEL);
          const uit: Buffer[] = [];
          for (let j = 0; j < bestand.length; j += 97) uit.push(...o.schrijf(bestand.subarray(j, j + 97)));
          o.einde();
          expect(Buffer.concat(uit).equals(Buffer.from(data))).toBe(true);
        },
      ),
    );
  });

  it('any change of one byte is detected, and nothing of a damaged chunk is given out', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 2000 }),
        fc.integer({ min: 16, max: 500 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (data, chunk, plek, xor) => {
          const bestand = versleutel(data, SLEUTEL, chunk);
          const i = plek % bestand.length;
          const kapot = Buffer.from(bestand);
          kapot[i] = (kapot[i] as number) ^ xor;
          expect(() => ontsleutel(kapot, SLEUTEL)).toThrow(BackupFout);
        },
      ),
    );
  });

  it('a cut-off backup is refused as incomplete, at every length', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 1500 }),
        fc.integer({ min: 8, max: 300 }),
        fc.nat(),
        (data, c, n) => {
          const bestand = versleutel(data, SLEUTEL, c);
          const lengte = n % bestand.length;
          const s = soort(() => ontsleutel(bestand.subarray(0, lengte), SLEUTEL));
          expect(['onvolledig', 'geen-backup']).toContain(s);
          if (lengte >= 8) expect(s).toBe('onvolledig');
        },
      ),
    );
  });

  it('dropping or swapping a chunk is detected', () => {
    const chunk = 100;
    const bestand = versleutel(randomBytes(450), SLEUTEL, chunk);
    const lengte = 5 + chunk + 16;
    const c = (n: number) => bestand.subarray(KOP_LENGTE + n * lengte, KOP_LENGTE + (n + 1) * lengte);
    const kop = bestand.subarray(0, KOP_LENGTE);
    const rest = bestand.subarray(KOP_LENGTE + 2 * lengte);
    expect(soort(() => ontsleutel(Buffer.concat([kop, c(1), c(0), rest]), SLEUTEL))).toBe('beschadigd');
    expect(soort(() => ontsleutel(Buffer.concat([kop, c(0), rest]), SLEUTEL))).toBe('beschadigd');
    // A chunk of another backup made with the same key does not fit either (another salt, another file key).
    const ander = versleutel(randomBytes(450), SLEUTEL, chunk);
    const vreemd = ander.subarray(KOP_LENGTE, KOP_LENGTE + lengte);
    expect(
      soort(() => ontsleutel(Buffer.concat([kop, vreemd, bestand.subarray(KOP_LENGTE + lengte)]), SLEUTEL)),
    ).toBe('beschadigd');
  });

  it('bytes after the last chunk are refused', () => {
    const bestand = versleutel(Buffer.from('hallo'), SLEUTEL);
    expect(soort(() => ontsleutel(Buffer.concat([bestand, Buffer.from([0])]), SLEUTEL))).toBe('beschadigd');
  });

  it('tells a wrong key and a file that is no backup apart from damage', () => {
    const bestand = versleutel(Buffer.from('geheim'), SLEUTEL);
    expect(soort(() => ontsleutel(bestand, ANDERE))).toBe('sleutel');
    expect(soort(() => ontsleutel(Buffer.from('PGDMP dit is iets anders'), SLEUTEL))).toBe('geen-backup');
    expect(soort(() => ontsleutel(Buffer.alloc(0), SLEUTEL))).toBe('geen-backup');
  });

  it('encrypts: the plaintext is not in the file, and two backups of the same data differ', () => {
    const tekst = Buffer.from('Jansen, Piet; BSN 123456782 '.repeat(20));
    const a = versleutel(tekst, SLEUTEL);
    const b = versleutel(tekst, SLEUTEL);
    expect(a.includes(Buffer.from('Jansen'))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('reads the key from BACKUP_ENCRYPTION_KEY: 64 hex characters, or a Dutch message', () => {
    expect(parseBackupSleutel('ab'.repeat(32)).length).toBe(32);
    expect(() => parseBackupSleutel(undefined)).toThrow(/BACKUP_ENCRYPTION_KEY ontbreekt/);
    expect(() => parseBackupSleutel('ab'.repeat(31))).toThrow(/64 hexadecimale tekens/);
    expect(() => parseBackupSleutel('zz'.repeat(32))).toThrow(/64 hexadecimale tekens/);
  });
});

describe('vingerafdrukken van de sleutels van de gegevens', () => {
  it('names exactly the keys that differ, and holds none of the keys themselves', () => {
    const bij = sleutelVingerafdrukken(SLEUTEL, {
      BSN_HASH_KEY: 'a'.repeat(64),
      LOGBOEK_SIGNING_KEY: 'b'.repeat(64),
    });
    expect(JSON.stringify(bij)).not.toContain('a'.repeat(16));
    expect(andereSleutels(bij, bij)).toEqual([]);
    const nu = sleutelVingerafdrukken(SLEUTEL, {
      BSN_HASH_KEY: 'c'.repeat(64),
      LOGBOEK_SIGNING_KEY: 'b'.repeat(64),
      TOTP_ENCRYPTION_KEYS: undefined,
    });
    expect(andereSleutels(bij, nu)).toEqual(['BSN_HASH_KEY']);
    expect(andereSleutels(bij, {})).toEqual(['BSN_HASH_KEY', 'LOGBOEK_SIGNING_KEY']);
    // Another backup key gives other fingerprints of the same keys.
    expect(sleutelVingerafdrukken(ANDERE, { BSN_HASH_KEY: 'a'.repeat(64) }).BSN_HASH_KEY).not.toBe(
      bij.BSN_HASH_KEY,
    );
  });
});

describe('laadvolgorde van de tabellen', () => {
  it('puts every table after the tables it refers to; ties by name; self-references are fine', () => {
    expect(
      laadVolgorde(
        ['logboek', 'klant', 'dienst', 'gemeente', 'team'],
        [
          { van: 'klant', naar: 'gemeente' },
          { van: 'gemeente', naar: 'dienst' },
          { van: 'team', naar: 'team' },
          { van: 'team', naar: 'dienst' },
          { van: 'logboek', naar: 'dienst' },
          { van: 'klant', naar: 'elders' },
        ],
      ),
    ).toEqual(['dienst', 'gemeente', 'klant', 'logboek', 'team']);
  });

  it('is a valid order for any acyclic schema', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.tuple(fc.nat(), fc.nat())), (n, paren) => {
        const tabellen = Array.from({ length: n }, (_, i) => `t${String(i).padStart(2, '0')}`);
        // Only edges from a higher to a lower number: acyclic by construction.
        const verwijzingen = paren
          .map(([a, b]) => [a % n, b % n] as const)
          .filter(([a, b]) => a > b)
          .map(([a, b]) => ({ van: tabellen[a] as string, naar: tabellen[b] as string }));
        const volgorde = laadVolgorde(tabellen, verwijzingen);
        expect([...volgorde].sort()).toEqual(tabellen);
        for (const v of verwijzingen) expect(volgorde.indexOf(v.naar)).toBeLessThan(volgorde.indexOf(v.van));
      }),
    );
  });

  it('refuses a cycle between tables', () => {
    expect(() =>
      laadVolgorde(
        ['a', 'b', 'c'],
        [
          { van: 'a', naar: 'b' },
          { van: 'b', naar: 'a' },
        ],
      ),
    ).toThrow(VolgordeFout);
  });
});
