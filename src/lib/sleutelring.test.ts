import { describe, expect, it } from 'vitest';
import {
  genereerSleutelring,
  isVersleuteld,
  ontsleutel,
  parseSleutelring,
  SleutelringFout,
  sleutelIdVan,
  versleutel,
} from './sleutelring.ts';

const V1 = `v1:${'ab'.repeat(32)}`;
const V2 = `v2:${'cd'.repeat(32)}`;

describe('sleutelring', () => {
  it('parses a keyring: the last key encrypts, every key decrypts', () => {
    const ring = parseSleutelring(`${V1},${V2}`, 'X_KEYS');
    expect(ring.huidig).toBe('v2');
    expect([...ring.sleutels.keys()]).toEqual(['v1', 'v2']);
    const oud = versleutel(parseSleutelring(V1, 'X_KEYS'), 'doel', 'geheim');
    expect(ontsleutel(ring, 'doel', oud)).toBe('geheim');
    expect(sleutelIdVan(versleutel(ring, 'doel', 'geheim'))).toBe('v2');
  });

  it.each([['v1:abc'], [`V1:${'ab'.repeat(32)}`], [`${V1},${V1}`], [`v1:${'ab'.repeat(32)}:x`], ['']])(
    'refuses %j, naming the variable but not the key',
    (waarde) => {
      expect(() => parseSleutelring(waarde, 'X_KEYS')).toThrow(SleutelringFout);
      try {
        parseSleutelring(waarde, 'X_KEYS');
      } catch (e) {
        expect((e as Error).message).toContain('X_KEYS');
        expect((e as Error).message).not.toContain('ab'.repeat(32));
      }
    },
  );

  it('uses a fresh IV every time and binds the ciphertext to its purpose', () => {
    const ring = parseSleutelring(V1, 'X_KEYS');
    const a = versleutel(ring, 'totp-geheim:a', 'JBSWY3DPEHPK3PXP');
    const b = versleutel(ring, 'totp-geheim:a', 'JBSWY3DPEHPK3PXP');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(ontsleutel(ring, 'totp-geheim:a', a)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => ontsleutel(ring, 'totp-geheim:b', a)).toThrow(SleutelringFout);
  });

  it('detects tampering, an unknown key id and a ciphertext relabelled with another key id', () => {
    const ring = parseSleutelring(`${V1},${V2}`, 'X_KEYS');
    const c = versleutel(ring, 'd', 'waarde');
    const data = Buffer.from(c.slice(3), 'base64url');
    data[data.length - 1] = (data[data.length - 1] ?? 0) ^ 1;
    expect(() => ontsleutel(ring, 'd', `v2:${data.toString('base64url')}`)).toThrow(SleutelringFout);
    expect(() => ontsleutel(ring, 'd', `v9:${c.slice(3)}`)).toThrow(/v9/);
    expect(() => ontsleutel(ring, 'd', `v1:${c.slice(3)}`)).toThrow(SleutelringFout);
    expect(() => ontsleutel(ring, 'd', 'v2:AAAA')).toThrow(/te kort/);
  });

  it('tells encrypted values from plain ones (base32 TOTP secrets have no lowercase key id prefix)', () => {
    const ring = parseSleutelring(V1, 'X_KEYS');
    expect(isVersleuteld(versleutel(ring, 'd', 'x'))).toBe(true);
    expect(isVersleuteld('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')).toBe(false);
    expect(isVersleuteld('')).toBe(false);
    expect(parseSleutelring(genereerSleutelring('v7'), 'X_KEYS').huidig).toBe('v7');
  });
});
