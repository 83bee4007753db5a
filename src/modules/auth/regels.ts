import type { Mode } from '../../config.ts';

/** Pure rules of authentication: no I/O, tested table by table. */

export const SESSIE_INACTIEF_MS = 30 * 60 * 1000;
export const SESSIE_ABSOLUUT_MS = 12 * 60 * 60 * 1000;
/** A session waiting for its TOTP code lives briefly: the password step does not keep a door open. */
export const SESSIE_CODE_MS = 10 * 60 * 1000;
/** `laatst_actief_op` (sessions) and `laatst_gebruikt_op` (tokens) are written at most this often. */
export const BIJWERK_INTERVAL_MS = 60 * 1000;

export type SessieOordeel = 'geldig' | 'verlopen-inactief' | 'verlopen-absoluut';

/**
 * Is a session still valid at `nu`? Invalid after 30 minutes without a request (idle) and 12 hours after it
 * was created (absolute), whichever comes first; `verlooptOp` (stored at creation) can only shorten it.
 */
export function beoordeelSessie(
  s: { aangemaaktOp: Date; laatstActiefOp: Date; verlooptOp: Date; wachtOpCode?: boolean },
  nu: Date,
): SessieOordeel {
  const t = nu.getTime();
  const absoluut = Math.min(s.aangemaaktOp.getTime() + SESSIE_ABSOLUUT_MS, s.verlooptOp.getTime());
  if (t >= absoluut) return 'verlopen-absoluut';
  if (s.wachtOpCode && t >= s.aangemaaktOp.getTime() + SESSIE_CODE_MS) return 'verlopen-absoluut';
  if (t >= s.laatstActiefOp.getTime() + SESSIE_INACTIEF_MS) return 'verlopen-inactief';
  return 'geldig';
}

/** Should a last-activity timestamp be written now (at most once a minute)? */
export function moetBijwerken(laatst: Date | null, nu: Date): boolean {
  return laatst === null || nu.getTime() - laatst.getTime() >= BIJWERK_INTERVAL_MS;
}

/**
 * Is TOTP required for this account? Always in production mode; in demo mode for every account except the
 * demo accounts; never in development mode.
 */
export function vereistMfa(mode: Mode, isDemo: boolean): boolean {
  if (mode === 'production') return true;
  if (mode === 'demo') return !isDemo;
  return false;
}

/** What a signed-in session may do. */
export type SessieStatus =
  /** Fully signed in. */
  | 'actief'
  /** Password accepted, the TOTP code (or a recovery code) still has to be given. */
  | 'wacht-op-code'
  /** Signed in, but TOTP is required and not set up: only the enrolment page and logout are reachable. */
  | 'moet-mfa-instellen';

/**
 * The state of a session. Two-step verification is met by the local TOTP step or, for an SSO session, by the
 * identity provider's accepted MFA (`isMfaVoldaan` from the start).
 */
export function sessieStatus(s: {
  isMfaVoldaan: boolean;
  totpActief: boolean;
  mfaVereist: boolean;
}): SessieStatus {
  if (s.isMfaVoldaan) return 'actief';
  if (s.totpActief) return 'wacht-op-code';
  return s.mfaVereist ? 'moet-mfa-instellen' : 'actief';
}

/** Failed attempts count for this long (a key's count falls back as its attempts age out). */
export const POGING_VENSTER_MS = 15 * 60 * 1000;

/**
 * Slow-down instead of lock-out: per account (from any address) and per client address (for any account), a few
 * attempts are free, then each next attempt waits 1 s after the latest, doubling with every failure up to a cap.
 * Nobody is ever locked out: the right password always works after at most the cap. An address is allowed more
 * (an office behind one address, when the proxy is not a configured trusted proxy) and waits less.
 */
export const VERTRAGING = {
  account: { vrij: 5, maxMs: 60_000 },
  ip: { vrij: 20, maxMs: 30_000 },
} as const;
const EERSTE_VERTRAGING_MS = 1000;

/** The failed attempts of one key (an account or an address) in the window: how many, and the latest. */
export interface PogingStand {
  aantal: number;
  laatste: Date | null;
}

/** How long after its latest failed attempt a key waits, given its number of failed attempts in the window. */
export function vertragingMs(aantal: number, soort: keyof typeof VERTRAGING): number {
  const { vrij, maxMs } = VERTRAGING[soort];
  if (aantal < vrij) return 0;
  return Math.min(maxMs, EERSTE_VERTRAGING_MS * 2 ** Math.min(aantal - vrij, 20));
}

/**
 * May a login attempt (password or second step) go ahead now? Not before the account's and the address's delays
 * after their latest failed attempts have passed; otherwise the whole seconds still to wait (at least 1).
 */
export function beoordeelPogingen(
  stand: { account: PogingStand; ip: PogingStand },
  nu: Date,
): { mag: true } | { mag: false; wachtSeconden: number } {
  let vanaf = 0;
  for (const soort of ['account', 'ip'] as const) {
    const { aantal, laatste } = stand[soort];
    if (laatste) vanaf = Math.max(vanaf, laatste.getTime() + vertragingMs(aantal, soort));
  }
  const wacht = vanaf - nu.getTime();
  return wacht > 0 ? { mag: false, wachtSeconden: Math.ceil(wacht / 1000) } : { mag: true };
}

/** Password-reset requests per address and per IP address in the same 15-minute window. */
export const MAX_HERSTEL_PER_ADRES = 3;
export const MAX_HERSTEL_PER_IP = 10;

/**
 * May a password-reset request go ahead? Every request counts, whether or not the address has an account (so
 * the throttle says nothing about which addresses exist).
 */
export function beoordeelHerstelverzoeken(eerder: {
  adres: number;
  ip: number;
}): 'toegestaan' | 'geblokkeerd' {
  return eerder.adres >= MAX_HERSTEL_PER_ADRES || eerder.ip >= MAX_HERSTEL_PER_IP
    ? 'geblokkeerd'
    : 'toegestaan';
}

/**
 * A short, human description of a browser from its User-Agent ("Firefox op Windows"), for the list of
 * sessions. No version numbers, no IP address: enough to recognise a session, not to fingerprint it.
 */
export function beschrijfBrowser(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /OPR\/|Opera/.test(ua)
      ? 'Opera'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Chrom(e|ium)\//.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua)
            ? 'Safari'
            : /curl\//i.test(ua)
              ? 'curl'
              : undefined;
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /CrOS/.test(ua)
            ? 'ChromeOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : undefined;
  if (browser && os) return `${browser} op ${os}`;
  return browser ?? (os ? `Browser op ${os}` : 'Onbekende browser');
}

/** Normalises a typed recovery code: case, spaces and dashes do not matter. */
export function normaliseerHerstelcode(invoer: string): string {
  return invoer.toLowerCase().replace(/[\s-]/g, '');
}

/** A 6-digit TOTP code, spaces allowed ("123 456"). */
export function leesTotpCode(invoer: string): string | undefined {
  const code = invoer.replace(/\s/g, '');
  return /^\d{6}$/.test(code) ? code : undefined;
}
