import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BsnSleutelFout,
  genereerBsnSleutels,
  hashBsn,
  isGeldigBsn,
  maskeerBsn,
  normaliseerBsn,
  ontsleutelBsn,
  parseBsnSleutels,
  sleutelIdVan,
  versleutelBsn,
} from './bsn.ts';

/** A valid BSN from 8 arbitrary digits (the 9th follows from the elfproef), or undefined when none exists. */
function metControlecijfer(acht: number[]): string | undefined {
  const som = acht.reduce((s, d, i) => s + (9 - i) * d, 0);
  const laatste = som % 11;
  if (laatste > 9) return undefined;
  const bsn = `${acht.join('')}${laatste}`;
  return bsn === '000000000' ? undefined : bsn;
}

const achtCijfers = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 });
const geldigBsn = achtCijfers.map(metControlecijfer).filter((b): b is string => b !== undefined);

const sleutels = () => {
  const k = genereerBsnSleutels();
  return parseBsnSleutels(k.encryptionKeys, k.hashKey);
};

describe('isGeldigBsn (elfproef)', () => {
  it.each([
    ['111222333', true],
    ['123456782', true],
    ['999999990', true],
    ['123456789', false],
    ['000000000', false],
    ['12345678', false],
    ['1234567820', false],
    ['12345678a', false],
    ['', false],
    ['１２３４５６７８２', false],
  ])('%j → %s', (bsn, geldig) => {
    expect(isGeldigBsn(bsn)).toBe(geldig);
  });

  it('accepts every number built with the elfproef', () => {
    fc.assert(
      fc.property(geldigBsn, (bsn) => {
        expect(isGeldigBsn(bsn)).toBe(true);
      }),
    );
  });

  it('rejects every change of a single digit of a valid number', () => {
    fc.assert(
      fc.property(
        geldigBsn,
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (bsn, pos, delta) => {
          const d = (Number(bsn[pos]) + delta) % 10;
          const anders = `${bsn.slice(0, pos)}${d}${bsn.slice(pos + 1)}`;
          expect(isGeldigBsn(anders)).toBe(false);
        },
      ),
    );
  });

  it('agrees with the definition for any 9 digits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }), (ds) => {
        const som = ds.slice(0, 8).reduce((s, d, i) => s + (9 - i) * d, 0) - ds[8]!;
        const verwacht = som % 11 === 0 && ds.some((d) => d !== 0);
        expect(isGeldigBsn(ds.join(''))).toBe(verwacht);
      }),
    );
  });
});

describe('normaliseerBsn and maskeerBsn', () => {
  it('removes spaces, dots and hyphens people type', () => {
    expect(normaliseerBsn(' 1112.22.333 ')).toBe('111222333');
    expect(normaliseerBsn('111-222-333')).toBe('111222333');
  });

  it('shows only the last four digits', () => {
    expect(maskeerBsn('111222333')).toBe('*****2333');
    fc.assert(
      fc.property(geldigBsn, (bsn) => {
        const m = maskeerBsn(bsn);
        expect(m).toMatch(/^\*{5}\d{4}$/);
        expect(m.slice(5)).toBe(bsn.slice(5));
      }),
    );
  });
});

describe('encryption (AES-256-GCM with key id)', () => {
  it('round-trips every valid BSN and never stores it in the clear', () => {
    const s = sleutels();
    fc.assert(
      fc.property(geldigBsn, (bsn) => {
        const v = versleutelBsn(s, bsn);
        expect(v.startsWith('v1:')).toBe(true);
        expect(v).not.toContain(bsn);
        expect(ontsleutelBsn(s, v)).toBe(bsn);
      }),
    );
  });

  it('uses a fresh IV: the same BSN encrypts differently each time', () => {
    const s = sleutels();
    expect(versleutelBsn(s, '111222333')).not.toBe(versleutelBsn(s, '111222333'));
  });

  it('decrypts old values after rotation (the last key encrypts, every key decrypts)', () => {
    const oud = genereerBsnSleutels('v1');
    const nieuw = genereerBsnSleutels('v2');
    const voor = parseBsnSleutels(oud.encryptionKeys, oud.hashKey);
    const opgeslagen = versleutelBsn(voor, '123456782');
    const na = parseBsnSleutels(`${oud.encryptionKeys},${nieuw.encryptionKeys}`, oud.hashKey);
    expect(na.huidig).toBe('v2');
    expect(ontsleutelBsn(na, opgeslagen)).toBe('123456782');
    const herversleuteld = versleutelBsn(na, ontsleutelBsn(na, opgeslagen));
    expect(sleutelIdVan(herversleuteld)).toBe('v2');
    // Once everything is re-encrypted the old key can go.
    const alleenNieuw = parseBsnSleutels(nieuw.encryptionKeys, oud.hashKey);
    expect(ontsleutelBsn(alleenNieuw, herversleuteld)).toBe('123456782');
    expect(() => ontsleutelBsn(alleenNieuw, opgeslagen)).toThrow(BsnSleutelFout);
  });

  it('detects tampering and a swapped key id, without the BSN in the error', () => {
    const s = parseBsnSleutels(`v1:${'1'.repeat(64)},v2:${'2'.repeat(64)}`, '3'.repeat(64));
    const v = versleutelBsn(s, '111222333');
    const data = Buffer.from(v.slice(3), 'base64url');
    data[data.length - 1] = data[data.length - 1]! ^ 1;
    const fouten = [
      `v2:${data.toString('base64url')}`,
      `v1:${data.toString('base64url')}`,
      'v2:abc',
      'zonder',
    ];
    for (const f of fouten) {
      try {
        ontsleutelBsn(s, f);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(BsnSleutelFout);
        expect(String((e as Error).message)).not.toContain('111222333');
      }
    }
  });
});

describe('hashBsn', () => {
  it('is equal for equal BSNs, differs between BSNs and between hash keys', () => {
    const a = sleutels();
    const b = sleutels();
    expect(hashBsn(a, '111222333')).toBe(hashBsn(a, '111222333'));
    expect(hashBsn(a, '111222333')).not.toBe(hashBsn(a, '123456782'));
    expect(hashBsn(a, '111222333')).not.toBe(hashBsn(b, '111222333'));
    expect(hashBsn(a, '111222333')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('parseBsnSleutels', () => {
  it.each([
    ['', '3'.repeat(64)],
    ['v1:abc', '3'.repeat(64)],
    [`V1:${'1'.repeat(64)}`, '3'.repeat(64)],
    [`v1:${'1'.repeat(64)},v1:${'2'.repeat(64)}`, '3'.repeat(64)],
    [`v1:${'1'.repeat(64)}`, 'kort'],
  ])('refuses %j / %j and names the variable, not the key', (keys, hash) => {
    expect(() => parseBsnSleutels(keys, hash)).toThrow(/BSN_(ENCRYPTION|HASH)_KEY/);
  });
});
