import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  beoordeelHerstelverzoeken,
  beoordeelPogingen,
  VERTRAGING,
  vertragingMs,
  beoordeelSessie,
  beschrijfBrowser,
  leesTotpCode,
  moetBijwerken,
  normaliseerHerstelcode,
  SESSIE_ABSOLUUT_MS,
  SESSIE_CODE_MS,
  SESSIE_INACTIEF_MS,
  sessieStatus,
  vereistMfa,
} from './regels.ts';

const T0 = new Date('2026-11-27T08:00:00Z');
const na = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60 * 1000;
const UUR = 60 * MIN;

describe('beoordeelSessie', () => {
  const sessie = (o: { actief?: number; verloopt?: number; wachtOpCode?: boolean } = {}) => ({
    aangemaaktOp: T0,
    laatstActiefOp: na(o.actief ?? 0),
    verlooptOp: na(o.verloopt ?? SESSIE_ABSOLUUT_MS),
    wachtOpCode: o.wachtOpCode ?? false,
  });
  it.each([
    ['just created', sessie(), 0, 'geldig'],
    ['29 minutes idle', sessie(), 29 * MIN, 'geldig'],
    ['30 minutes idle', sessie(), 30 * MIN, 'verlopen-inactief'],
    ['active 1 minute ago, 11 hours old', sessie({ actief: 11 * UUR - MIN }), 11 * UUR, 'geldig'],
    ['active 1 minute ago, 12 hours old', sessie({ actief: 12 * UUR - MIN }), 12 * UUR, 'verlopen-absoluut'],
    [
      'stored expiry earlier than 12 hours',
      sessie({ actief: 2 * UUR, verloopt: 2 * UUR }),
      2 * UUR,
      'verlopen-absoluut',
    ],
    ['waiting for code, 9 minutes', sessie({ wachtOpCode: true }), 9 * MIN, 'geldig'],
    [
      'waiting for code, 10 minutes',
      sessie({ actief: 9 * MIN, wachtOpCode: true }),
      10 * MIN,
      'verlopen-absoluut',
    ],
  ] as const)('%s → %s', (_naam, s, wanneer, verwacht) => {
    expect(beoordeelSessie(s, na(wanneer))).toBe(verwacht);
  });

  it('never accepts a session past 12 hours or 30 idle minutes', () => {
    fc.assert(
      fc.property(fc.nat(SESSIE_ABSOLUUT_MS * 2), fc.nat(SESSIE_ABSOLUUT_MS * 2), (actief, wanneer) => {
        fc.pre(actief <= wanneer);
        const oordeel = beoordeelSessie(
          { aangemaaktOp: T0, laatstActiefOp: na(actief), verlooptOp: na(SESSIE_ABSOLUUT_MS) },
          na(wanneer),
        );
        const geldig = wanneer < SESSIE_ABSOLUUT_MS && wanneer - actief < SESSIE_INACTIEF_MS;
        expect(oordeel === 'geldig').toBe(geldig);
      }),
    );
  });

  it('keeps code-waiting sessions short', () => {
    expect(SESSIE_CODE_MS).toBeLessThan(SESSIE_INACTIEF_MS);
  });
});

describe('moetBijwerken', () => {
  it.each([
    [null, 0, true],
    [T0, 0, false],
    [T0, 59_999, false],
    [T0, 60_000, true],
    [T0, 5 * MIN, true],
  ] as const)('last %s, %d ms later → %s', (laatst, ms, verwacht) => {
    expect(moetBijwerken(laatst, na(ms))).toBe(verwacht);
  });
});

describe('vereistMfa', () => {
  it.each([
    ['production', false, true],
    ['production', true, true],
    ['demo', false, true],
    ['demo', true, false],
    ['development', false, false],
    ['development', true, false],
  ] as const)('%s, demo account %s → %s', (mode, isDemo, verwacht) => {
    expect(vereistMfa(mode, isDemo)).toBe(verwacht);
  });
});

describe('sessieStatus', () => {
  it.each([
    [{ isMfaVoldaan: false, totpActief: true, mfaVereist: true }, 'wacht-op-code'],
    [{ isMfaVoldaan: false, totpActief: true, mfaVereist: false }, 'wacht-op-code'],
    [{ isMfaVoldaan: true, totpActief: true, mfaVereist: true }, 'actief'],
    [{ isMfaVoldaan: false, totpActief: false, mfaVereist: true }, 'moet-mfa-instellen'],
    [{ isMfaVoldaan: false, totpActief: false, mfaVereist: false }, 'actief'],
    // SSO: the identity provider's accepted MFA counts, also without a local TOTP secret.
    [{ isMfaVoldaan: true, totpActief: false, mfaVereist: true }, 'actief'],
  ] as const)('%o → %s', (s, verwacht) => {
    expect(sessieStatus(s)).toBe(verwacht);
  });
});

describe('vertragingMs (slow-down, never a lock-out)', () => {
  it.each([
    [0, 'account', 0],
    [4, 'account', 0],
    [5, 'account', 1000],
    [6, 'account', 2000],
    [10, 'account', 32_000],
    [11, 'account', 60_000],
    [1000, 'account', 60_000],
    [19, 'ip', 0],
    [20, 'ip', 1000],
    [24, 'ip', 16_000],
    [25, 'ip', 30_000],
    [10_000, 'ip', 30_000],
  ] as const)('%d failures of an %s → wait %d ms', (aantal, soort, ms) => {
    expect(vertragingMs(aantal, soort)).toBe(ms);
  });

  it('grows with every failure and never passes the cap', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.constantFrom('account' as const, 'ip' as const), (n, soort) => {
        expect(vertragingMs(n + 1, soort)).toBeGreaterThanOrEqual(vertragingMs(n, soort));
        expect(vertragingMs(n, soort)).toBeLessThanOrEqual(VERTRAGING[soort].maxMs);
      }),
    );
  });
});

describe('beoordeelPogingen', () => {
  const nu = new Date('2026-12-07T10:00:00Z');
  const geleden = (ms: number) => new Date(nu.getTime() - ms);
  const geen = { aantal: 0, laatste: null };
  it.each([
    ['nothing failed', geen, geen, true, 0],
    ['4 account failures just now', { aantal: 4, laatste: nu }, geen, true, 0],
    ['5 account failures just now', { aantal: 5, laatste: nu }, geen, false, 1],
    ['5 account failures 999 ms ago', { aantal: 5, laatste: geleden(999) }, geen, false, 1],
    ['5 account failures 1 s ago', { aantal: 5, laatste: geleden(1000) }, geen, true, 0],
    ['7 account failures 1 s ago', { aantal: 7, laatste: geleden(1000) }, geen, false, 3],
    ['50 account failures 59 s ago', { aantal: 50, laatste: geleden(59_000) }, geen, false, 1],
    ['50 account failures 60 s ago', { aantal: 50, laatste: geleden(60_000) }, geen, true, 0],
    ['19 address failures just now', geen, { aantal: 19, laatste: nu }, true, 0],
    ['20 address failures just now', geen, { aantal: 20, laatste: nu }, false, 1],
    ['500 address failures 30 s ago', geen, { aantal: 500, laatste: geleden(30_000) }, true, 0],
    ['the longer of both', { aantal: 6, laatste: nu }, { aantal: 25, laatste: geleden(10_000) }, false, 20],
  ] as const)('%s', (_, account, ip, mag, wacht) => {
    const uit = beoordeelPogingen({ account, ip }, nu);
    expect(uit.mag).toBe(mag);
    if (!uit.mag) expect(uit.wachtSeconden).toBe(wacht);
  });

  it('never makes anyone wait longer than the cap after the latest failure', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), fc.nat(120_000), (a, i, sinds) => {
        const laatste = geleden(sinds);
        const uit = beoordeelPogingen({ account: { aantal: a, laatste }, ip: { aantal: i, laatste } }, nu);
        if (sinds >= VERTRAGING.account.maxMs) expect(uit.mag).toBe(true);
        if (!uit.mag) expect(uit.wachtSeconden).toBeLessThanOrEqual(VERTRAGING.account.maxMs / 1000);
      }),
    );
  });
});

describe('beoordeelHerstelverzoeken', () => {
  it.each([
    [0, 0, 'toegestaan'],
    [2, 9, 'toegestaan'],
    [3, 0, 'geblokkeerd'],
    [0, 10, 'geblokkeerd'],
  ] as const)('address %d, ip %d → %s', (adres, ip, verwacht) => {
    expect(beoordeelHerstelverzoeken({ adres, ip })).toBe(verwacht);
  });
});

describe('beschrijfBrowser', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      'Chrome op Windows',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      'Edge op Windows',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox op Linux'],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
      'Safari op macOS',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      'Safari op iOS',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
      'Chrome op Android',
    ],
    ['curl/8.5.0', 'curl'],
    ['lightMyRequest', 'Onbekende browser'],
    [undefined, 'Onbekende browser'],
  ])('%s → %s', (ua, verwacht) => {
    expect(beschrijfBrowser(ua)).toBe(verwacht);
  });

  it('never includes digits (no versions, no addresses)', () => {
    fc.assert(
      fc.property(fc.string(), (ua) => {
        expect(beschrijfBrowser(ua)).not.toMatch(/\d/);
      }),
    );
  });
});

describe('codes', () => {
  it.each([
    ['123456', '123456'],
    ['123 456', '123456'],
    [' 123456 ', '123456'],
    ['12345', undefined],
    ['1234567', undefined],
    ['abcdef', undefined],
  ])('leesTotpCode(%j) → %s', (invoer, verwacht) => {
    expect(leesTotpCode(invoer)).toBe(verwacht);
  });

  it.each([
    ['K7MQ-X2TA-9PWE', 'k7mqx2ta9pwe'],
    ['k7mq x2ta 9pwe', 'k7mqx2ta9pwe'],
    ['k7mqx2ta9pwe', 'k7mqx2ta9pwe'],
  ])('normaliseerHerstelcode(%j) → %s', (invoer, verwacht) => {
    expect(normaliseerHerstelcode(invoer)).toBe(verwacht);
  });
});
