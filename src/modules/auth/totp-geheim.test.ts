import { describe, expect, it } from 'vitest';
import { parseSleutelring, SleutelringFout } from '../../lib/sleutelring.ts';
import { leesTotpGeheim, versleutelTotpGeheim } from './totp-geheim.ts';

const RING = parseSleutelring(`v1:${'11'.repeat(32)}`, 'TOTP_ENCRYPTION_KEYS');
const GEROTEERD = parseSleutelring(`v1:${'11'.repeat(32)},v2:${'22'.repeat(32)}`, 'TOTP_ENCRYPTION_KEYS');
const A = '7b6f5c1e-0000-4000-8000-00000000000a';
const B = '7b6f5c1e-0000-4000-8000-00000000000b';
const GEHEIM = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('TOTP secrets at rest', () => {
  it('round-trips a secret for its user and asks nothing more', () => {
    const v = versleutelTotpGeheim(RING, A, GEHEIM);
    expect(leesTotpGeheim(RING, A, v)).toEqual({ geheim: GEHEIM, moetOpnieuw: false });
  });

  it("does not decrypt a secret copied into another user's row", () => {
    const v = versleutelTotpGeheim(RING, A, GEHEIM);
    expect(() => leesTotpGeheim(RING, B, v)).toThrow(SleutelringFout);
  });

  it('reads a plain secret and asks to encrypt it; without a keyring it reads it but cannot encrypt', () => {
    expect(leesTotpGeheim(RING, A, GEHEIM)).toEqual({ geheim: GEHEIM, moetOpnieuw: true });
    expect(leesTotpGeheim(undefined, A, GEHEIM)).toEqual({ geheim: GEHEIM, moetOpnieuw: false });
    expect(() => leesTotpGeheim(undefined, A, versleutelTotpGeheim(RING, A, GEHEIM))).toThrow(
      /TOTP_ENCRYPTION_KEYS/,
    );
  });

  it('asks to re-encrypt a secret under an older key after a rotation', () => {
    const oud = versleutelTotpGeheim(RING, A, GEHEIM);
    expect(leesTotpGeheim(GEROTEERD, A, oud)).toEqual({ geheim: GEHEIM, moetOpnieuw: true });
    expect(leesTotpGeheim(GEROTEERD, A, versleutelTotpGeheim(GEROTEERD, A, GEHEIM)).moetOpnieuw).toBe(false);
  });
});
