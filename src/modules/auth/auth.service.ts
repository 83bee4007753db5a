import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { Config } from '../../config.ts';
import { ROLLEN, type Rol, systeem, type Tx, withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { parseSleutelring, type Sleutelring, SleutelringFout } from '../../lib/sleutelring.ts';
import { LINK, type Mailer } from '../../mail/index.ts';
import { type Actor, dbContext, type Gebruiker, type Systeem, systeemActor } from './actor.ts';
import { authPolicy } from './auth.policy.ts';
import { type GebruikerGegevens, authRepository as repo } from './auth.repository.ts';
import { ApiTokenInput, HerstelAanvraagInput, LoginInput, veldFouten } from './auth.schemas.ts';
import {
  beoordeelHerstelverzoeken,
  beoordeelPogingen,
  beoordeelSessie,
  leesTotpCode,
  moetBijwerken,
  normaliseerHerstelcode,
  POGING_VENSTER_MS,
  SESSIE_ABSOLUUT_MS,
  SESSIE_INACTIEF_MS,
  type SessieStatus,
  sessieStatus,
  vereistMfa,
} from './regels.ts';
import {
  beoordeelMfa,
  bepaalRol,
  type Claims,
  type SsoToewijzingen,
  ssoEmail,
  ssoToewijzingen,
} from './sso-regels.ts';
import { registreerToegang } from './toegangslog.ts';
import { nieuweHerstelcode, nieuwToken, sha256Hex } from './tokens.ts';
import { leesTotpGeheim, versleutelTotpGeheim } from './totp-geheim.ts';
import { controleerWachtwoord, hashWachtwoord, verifieerWachtwoord } from './wachtwoord.ts';

export const UITNODIGING_GELDIG_MS = 7 * 24 * 60 * 60 * 1000;
/** A password-reset link works for one hour, once. */
export const HERSTEL_GELDIG_MS = 60 * 60 * 1000;
export const AANTAL_HERSTELCODES = 10;
const API_TOKEN_PREFIX = 'wkt_';
const TOKEN_VORM = /^[A-Za-z0-9_-]{20,100}$/;
const TOTP_PERIODE = 30;

export interface AuthServiceDeps {
  db: Database;
  config: Pick<Config, 'mode' | 'publicUrl' | 'totpEncryptionKeys'> & Partial<Pick<Config, 'sso'>>;
  /** The clock; tests may pass their own. */
  nu?: () => Date;
  /** Sends password-reset links. Without it (or with a log-only mailer in production) reset is switched off. */
  mailer?: Mailer;
  /** Reports an error that happens after the answer was given (sending mail). */
  meldFout?: (e: unknown) => void;
  /**
   * Brings a user's role (and, when configured, teams and municipalities) in line with their SSO claims: the
   * beheer module's `pasSsoToewijzingenToe`. Throws `AppError` with a Dutch message when they do not fit.
   */
  ssoToewijzingen?: (actor: Systeem, gebruikerId: string, wens: SsoToewijzingen) => Promise<void>;
}

export type SsoLoginUitkomst =
  | { kind: 'geweigerd'; melding: string }
  | { kind: 'ingelogd'; sessieToken: string; status: SessieStatus };

const SSO_GEEN_EMAIL =
  'Uw organisatie-account geeft geen bevestigd e-mailadres door. Daardoor kan Wederkerig uw account niet vinden. Vraag de functioneel beheerder om hulp.';
const SSO_GEEN_ACCOUNT =
  'Er is in Wederkerig geen account met het e-mailadres van uw organisatie-account. Vraag de functioneel beheerder van uw sociale dienst om een account.';
const SSO_ACCOUNT_UIT =
  'Uw account in Wederkerig staat uit. Vraag de functioneel beheerder van uw sociale dienst om het weer aan te zetten.';
const SSO_GEEN_ROL =
  'Uw organisatie-account heeft geen rol voor Wederkerig. Vraag de beheerder van uw organisatie-account om de juiste groep.';

/** A session found from its cookie. `actor` may act only when `status` is `actief`. */
export interface GevondenSessie {
  /** The row id (SHA-256 of the cookie value). */
  sessieId: string;
  status: SessieStatus;
  actor: Gebruiker;
}

export type LoginUitkomst =
  | { kind: 'te-vaak'; wachtSeconden: number }
  | { kind: 'onjuist' }
  | { kind: 'ongeldig'; fouten: Record<string, string> }
  | { kind: 'ingelogd'; sessieToken: string; status: SessieStatus };

export type CodeUitkomst =
  | { kind: 'te-vaak'; wachtSeconden: number }
  | { kind: 'onjuist' }
  | { kind: 'geen-sessie' }
  | { kind: 'ingelogd'; sessieToken: string; herstelcodesOver: number | undefined };

export type UitnodigingStatus = 'geldig' | 'gebruikt' | 'verlopen' | 'onbekend';
/** A password-reset link's state (the same four as an invitation's). */
export type HerstelStatus = UitnodigingStatus;

export type HerstelAanvraagUitkomst =
  | { kind: 'ongeldig'; fouten: Record<string, string> }
  | { kind: 'te-vaak' }
  /** The same answer whether or not the address has an account. */
  | { kind: 'aangevraagd' };

const accountSleutel = (email: string) => `account:${sha256Hex(email)}`;
const ipSleutel = (ip: string) => `ip:${sha256Hex(ip)}`;
const herstelAdresSleutel = (email: string) => `herstel-adres:${sha256Hex(email)}`;
const herstelIpSleutel = (ip: string) => `herstel-ip:${sha256Hex(ip)}`;

/** The e-mail with a password-reset link (plain Dutch; `{{link}}` is filled in by the mailer only). */
function herstelBericht(naam: string) {
  return {
    onderwerp: 'Nieuw wachtwoord kiezen voor Wederkerig',
    tekst: [
      `Beste ${naam},`,
      '',
      'U (of iemand anders) heeft gevraagd om een nieuw wachtwoord voor uw account bij Wederkerig.',
      '',
      'Kies een nieuw wachtwoord via deze link:',
      LINK,
      '',
      'De link werkt 1 uur en maar één keer. Daarna logt u in met uw nieuwe wachtwoord. Gebruikt u',
      'tweestapsverificatie? Dan vult u daarna ook de code uit uw app in.',
      '',
      'Heeft u dit niet zelf gevraagd? Dan hoeft u niets te doen: uw wachtwoord blijft hetzelfde.',
      'Krijgt u dit bericht vaker zonder dat u het vraagt? Meld het dan bij de functioneel beheerder.',
      '',
      'Met vriendelijke groet,',
      'Wederkerig',
    ].join('\n'),
  };
}

function alsRol(rol: string): Rol {
  const gevonden = ROLLEN.find((r) => r === rol);
  if (!gevonden) throw new AppError('intern', { message: `unknown role in database: ${rol}` });
  return gevonden;
}

function actorVan(g: GebruikerGegevens, via: Gebruiker['via']): Gebruiker {
  return {
    kind: 'gebruiker',
    dienstId: g.dienstId,
    gebruikerId: g.gebruikerId,
    naam: g.naam,
    email: g.email,
    rol: alsRol(g.rol),
    gemeenten: g.gemeenten,
    teams: g.teams,
    via,
  };
}

function totpVoor(geheim: string, email: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: 'Wederkerig',
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIODE,
    secret: OTPAuth.Secret.fromBase32(geheim),
  });
}

/** The time step a valid code belongs to (one step of clock drift either way), or undefined. */
function totpStap(geheim: string, email: string, code: string, nu: Date): number | undefined {
  const delta = totpVoor(geheim, email).validate({ token: code, timestamp: nu.getTime(), window: 1 });
  if (delta === null) return undefined;
  return Math.floor(nu.getTime() / 1000 / TOTP_PERIODE) + delta;
}

/** The field errors of a new password typed twice (rules and strength first), or undefined when it is fine. */
function controleerNieuwWachtwoord(
  input: { wachtwoord: string; herhaling: string },
  persoon: { email?: string | undefined; naam?: string | undefined },
): Record<string, string> | undefined {
  const regel = controleerWachtwoord(input.wachtwoord, {
    ...(persoon.email ? { email: persoon.email } : {}),
    ...(persoon.naam ? { naam: persoon.naam } : {}),
  });
  if (regel) return { wachtwoord: regel };
  if (input.herhaling !== input.wachtwoord)
    return { herhaling: 'De twee wachtwoorden zijn niet gelijk. Typ hetzelfde wachtwoord twee keer.' };
  return undefined;
}

// Verifying against a real hash when the account does not exist keeps the answer time the same.
let dummyHash: Promise<string> | undefined;
function dummy(): Promise<string> {
  dummyHash ??= hashWachtwoord('geen-account-maar-wel-even-lang-rekenen');
  return dummyHash;
}

/**
 * Authentication use cases: login with throttling, TOTP, sessions, API tokens, invitations. Lookups before the
 * social service is known (a cookie, a token, an e-mail address) run under an explicit system context.
 */
export function createAuthService(deps: AuthServiceDeps) {
  const { db, config } = deps;
  const nu = deps.nu ?? (() => new Date());
  const meldFout = deps.meldFout ?? ((e: unknown) => console.error(e));
  // In production a reset link must really arrive: without SMTP the function is off (and the page says so).
  const herstelBeschikbaar =
    deps.mailer !== undefined && (deps.mailer.soort === 'smtp' || config.mode !== 'production');
  const totpRing: Sleutelring | undefined = config.totpEncryptionKeys
    ? parseSleutelring(config.totpEncryptionKeys, 'TOTP_ENCRYPTION_KEYS')
    : undefined;

  /**
   * The plain base32 secret of a stored TOTP secret. A secret stored before encryption (or under an older key)
   * is encrypted under the current key on this use, in the caller's transaction.
   */
  async function totpGeheimVan(
    tx: Tx,
    g: { dienstId: string; gebruikerId: string },
    opgeslagen: string,
  ): Promise<string> {
    const { geheim, moetOpnieuw } = leesTotpGeheim(totpRing, g.gebruikerId, opgeslagen);
    if (moetOpnieuw && totpRing)
      await repo.herschrijfTotpGeheim(
        tx,
        g.dienstId,
        g.gebruikerId,
        opgeslagen,
        versleutelTotpGeheim(totpRing, g.gebruikerId, geheim),
      );
    return geheim;
  }

  async function nieuweSessie(
    tx: Tx,
    g: { dienstId: string; gebruikerId: string },
    opts: { isMfaVoldaan: boolean; omschrijving: string },
  ): Promise<string> {
    const token = nieuwToken();
    const t = nu();
    await repo.deleteVerlopenSessies(tx, g.dienstId, g.gebruikerId, {
      actiefVoor: new Date(t.getTime() - SESSIE_INACTIEF_MS),
      aangemaaktVoor: new Date(t.getTime() - SESSIE_ABSOLUUT_MS),
      nu: t,
    });
    await repo.insertSessie(tx, {
      dienstId: g.dienstId,
      id: sha256Hex(token),
      gebruikerId: g.gebruikerId,
      verlooptOp: new Date(t.getTime() + SESSIE_ABSOLUUT_MS),
      isMfaVoldaan: opts.isMfaVoldaan,
      omschrijving: opts.omschrijving,
    });
    return token;
  }

  /**
   * The slow-down check of a login attempt, in the caller's transaction: refused (with the seconds to wait) while
   * the account's or the address's delay runs; otherwise the attempt is counted at once as a failed one (so that
   * concurrent attempts see it), and `ipRij` names the address's row, which a successful attempt removes again.
   */
  async function reserveerPoging(
    tx: Tx,
    sleutels: { account: string; ip: string },
  ): Promise<{ mag: false; wachtSeconden: number } | { mag: true; ipRij: number[] }> {
    const t = nu();
    await repo.deleteOudePogingen(tx, new Date(t.getTime() - POGING_VENSTER_MS));
    const stand = await repo.pogingStand(
      tx,
      [sleutels.account, sleutels.ip],
      new Date(t.getTime() - POGING_VENSTER_MS),
    );
    const geen = { aantal: 0, laatste: null };
    const oordeel = beoordeelPogingen(
      { account: stand.get(sleutels.account) ?? geen, ip: stand.get(sleutels.ip) ?? geen },
      t,
    );
    if (!oordeel.mag) return oordeel;
    const [, ipRij] = await repo.insertPogingenMetId(tx, [sleutels.account, sleutels.ip], t);
    return { mag: true, ipRij: ipRij === undefined ? [] : [ipRij] };
  }

  /**
   * A failed attempt (already counted by `reserveerPoging`): recorded in the access log when the account exists
   * (subject: the user's id; never the e-mail address typed).
   */
  async function registreerMislukt(
    account: { dienstId: string; gebruikerId: string } | undefined,
    reden: string,
  ) {
    if (!account) return;
    await withContext(db, systeem(reden, account.dienstId), (tx) =>
      registreerToegang(tx, systeemActor(reden, account.dienstId), 'inlog-mislukt', account),
    );
  }

  const service = {
    /**
     * Step one of logging in: e-mail and password. Slowed down per account and per client address (growing delays
     * after a few failures, never a lock-out: `beoordeelPogingen`); the answer on a wrong address or password is
     * the same. Any previous session of this browser is
     * replaced (a new session id at every login).
     */
    async login(input: {
      email: string;
      wachtwoord: string;
      ip: string;
      userAgentOmschrijving: string;
      vorigeSessieToken?: string | undefined;
    }): Promise<LoginUitkomst> {
      const parsed = LoginInput.safeParse(input);
      if (!parsed.success) return { kind: 'ongeldig', fouten: veldFouten(parsed.error) };
      const { email, wachtwoord } = parsed.data;
      const sleutels = { account: accountSleutel(email), ip: ipSleutel(input.ip) };
      const poging = await withContext(db, systeem('auth:inloggen'), async (tx) => {
        const r = await reserveerPoging(tx, sleutels);
        if (!r.mag) return r;
        return { ...r, voor: await repo.findGebruikerByEmail(tx, email) };
      });
      if (!poging.mag) return { kind: 'te-vaak', wachtSeconden: poging.wachtSeconden };
      const { voor } = poging;
      const hash = voor?.isActief && voor.wachtwoordHash ? voor.wachtwoordHash : undefined;
      const klopt = await verifieerWachtwoord(hash ?? (await dummy()), wachtwoord);
      if (!voor || !hash || !klopt) {
        await registreerMislukt(
          voor ? { dienstId: voor.dienstId, gebruikerId: voor.id } : undefined,
          'auth:inloggen',
        );
        return { kind: 'onjuist' };
      }
      const totpActief = voor.totpActiefSinds !== null;
      const sessieToken = await withContext(db, systeem('auth:inloggen', voor.dienstId), async (tx) => {
        await repo.deletePogingen(tx, sleutels.account);
        await repo.deletePogingenMetId(tx, poging.ipRij);
        if (input.vorigeSessieToken) await repo.deleteSessie(tx, sha256Hex(input.vorigeSessieToken));
        const g = { dienstId: voor.dienstId, gebruikerId: voor.id };
        await registreerToegang(tx, systeemActor('auth:inloggen', voor.dienstId), 'inlog', g);
        return nieuweSessie(tx, g, { isMfaVoldaan: false, omschrijving: input.userAgentOmschrijving });
      });
      const status = sessieStatus({
        isMfaVoldaan: false,
        totpActief,
        mfaVereist: vereistMfa(config.mode, voor.isDemo),
      });
      return { kind: 'ingelogd', sessieToken, status };
    },

    /**
     * Step two of logging in: the TOTP code (or a single-use recovery code) for a session that waits for it.
     * Failures count towards the same throttle as passwords. On success the session gets a new id.
     */
    async verifieerCode(input: {
      sessieToken: string;
      code: string;
      ip: string;
      userAgentOmschrijving: string;
    }): Promise<CodeUitkomst> {
      const sessie = await service.vindSessie(input.sessieToken);
      if (sessie?.status !== 'wacht-op-code') return { kind: 'geen-sessie' };
      const { dienstId, gebruikerId, email } = sessie.actor;
      const sleutels = { account: accountSleutel(email), ip: ipSleutel(input.ip) };
      const uitkomst = await withContext(db, systeem('auth:code', dienstId), async (tx) => {
        const poging = await reserveerPoging(tx, sleutels);
        if (!poging.mag) return { kind: 'te-vaak' as const, wachtSeconden: poging.wachtSeconden };
        const totp = await repo.findTotp(tx, dienstId, gebruikerId);
        if (!totp?.totpGeheim || !totp.totpActiefSinds) return { kind: 'onjuist' as const };
        const cijfers = leesTotpCode(input.code);
        let herstelcodesOver: number | undefined;
        const geheim = await totpGeheimVan(tx, { dienstId, gebruikerId }, totp.totpGeheim);
        if (cijfers) {
          const stap = totpStap(geheim, totp.email, cijfers, nu());
          if (stap === undefined || !(await repo.claimTotpStap(tx, dienstId, gebruikerId, stap)))
            return { kind: 'onjuist' as const };
        } else {
          const hash = sha256Hex(normaliseerHerstelcode(input.code));
          if (!(await repo.markHerstelcodeGebruikt(tx, dienstId, gebruikerId, hash, nu())))
            return { kind: 'onjuist' as const };
          herstelcodesOver = await repo.countOngebruikteHerstelcodes(tx, dienstId, gebruikerId);
        }
        await repo.deletePogingen(tx, sleutels.account);
        await repo.deletePogingenMetId(tx, poging.ipRij);
        await repo.deleteSessie(tx, sessie.sessieId);
        await registreerToegang(tx, systeemActor('auth:code', dienstId), 'inlog-tweede-stap', {
          dienstId,
          gebruikerId,
        });
        const sessieToken = await nieuweSessie(
          tx,
          { dienstId, gebruikerId },
          { isMfaVoldaan: true, omschrijving: input.userAgentOmschrijving },
        );
        return { kind: 'ingelogd' as const, sessieToken, herstelcodesOver };
      });
      if (uitkomst.kind === 'onjuist') await registreerMislukt({ dienstId, gebruikerId }, 'auth:code');
      return uitkomst;
    },

    /**
     * The session behind a cookie value, or undefined when it does not exist, has expired (30 minutes idle, 12
     * hours absolute; expired sessions are removed) or belongs to a user who was switched off. Records activity
     * at most once a minute.
     */
    async vindSessie(sessieToken: string): Promise<GevondenSessie | undefined> {
      if (!TOKEN_VORM.test(sessieToken)) return undefined;
      const id = sha256Hex(sessieToken);
      const t = nu();
      return withContext(db, systeem('auth:sessie'), async (tx) => {
        const s = await repo.findSessie(tx, id);
        if (!s) return undefined;
        const status = sessieStatus({
          isMfaVoldaan: s.isMfaVoldaan,
          totpActief: s.totpActief,
          mfaVereist: vereistMfa(config.mode, s.isDemo),
        });
        const oordeel = beoordeelSessie({ ...s, wachtOpCode: status === 'wacht-op-code' }, t);
        if (oordeel !== 'geldig' || !s.isActief) {
          await repo.deleteSessie(tx, id);
          return undefined;
        }
        if (moetBijwerken(s.laatstActiefOp, t)) await repo.touchSessie(tx, id, t);
        return { sessieId: id, status, actor: actorVan(s, 'sessie') };
      });
    },

    /**
     * The user behind an API token (not revoked, user active), or undefined. `mfaOntbreekt` is true when the
     * user must have TOTP and has none: the API then refuses (403). Records use at most once a minute.
     */
    async vindApiToken(token: string): Promise<{ actor: Gebruiker; mfaOntbreekt: boolean } | undefined> {
      if (!token.startsWith(API_TOKEN_PREFIX) || !TOKEN_VORM.test(token.slice(API_TOKEN_PREFIX.length)))
        return undefined;
      const t = nu();
      return withContext(db, systeem('auth:api-token'), async (tx) => {
        const r = await repo.findApiToken(tx, sha256Hex(token));
        if (!r?.isActief) return undefined;
        if (moetBijwerken(r.laatstGebruiktOp, t)) await repo.touchApiToken(tx, r.dienstId, r.tokenId, t);
        return {
          actor: actorVan(r, 'api-token'),
          mfaOntbreekt: vereistMfa(config.mode, r.isDemo) && !r.totpActief,
        };
      });
    },

    /** Ends the session behind a cookie value (logout), recorded in the access log. */
    async uitloggen(sessieToken: string): Promise<void> {
      if (!TOKEN_VORM.test(sessieToken)) return;
      await withContext(db, systeem('auth:uitloggen'), async (tx) => {
        const weg = await repo.deleteSessieVanToken(tx, sha256Hex(sessieToken));
        if (weg) await registreerToegang(tx, systeemActor('auth:uitloggen', weg.dienstId), 'uitlog', weg);
      });
    },

    /** The actor's own sessions that are still valid, most recently active first. */
    async findSessies(actor: Gebruiker, huidigeSessieId: string | undefined) {
      authPolicy.vereis(actor, 'eigen-account-beheren');
      const t = nu();
      const rows = await withContext(db, dbContext(actor), (tx) =>
        repo.listSessies(tx, actor.dienstId, actor.gebruikerId),
      );
      return rows
        .filter((s) => beoordeelSessie(s, t) === 'geldig')
        .map((s) => ({
          id: s.id,
          aangemaaktOp: s.aangemaaktOp,
          laatstActiefOp: s.laatstActiefOp,
          omschrijving: s.omschrijving || 'Onbekende browser',
          isHuidige: s.id === huidigeSessieId,
        }));
    },

    /** Ends one of the actor's own sessions; `niet-gevonden` for any other id. */
    async revokeSessie(actor: Gebruiker, sessieId: string): Promise<void> {
      authPolicy.vereis(actor, 'eigen-account-beheren');
      const weg = await withContext(db, dbContext(actor), async (tx) => {
        const gedaan = await repo.deleteSessieVanGebruiker(tx, actor.dienstId, actor.gebruikerId, sessieId);
        if (gedaan) await registreerToegang(tx, actor, 'sessie', actor);
        return gedaan;
      });
      if (!weg) throw new AppError('niet-gevonden', { userMessage: 'Deze sessie bestaat niet (meer).' });
    },

    /** The actor's API tokens (the token values themselves are never stored). */
    async findApiTokens(actor: Gebruiker) {
      authPolicy.vereis(actor, 'eigen-account-beheren');
      return withContext(db, dbContext(actor), (tx) =>
        repo.listApiTokens(tx, actor.dienstId, actor.gebruikerId),
      );
    },

    /** Creates an API token for the actor; the value is returned once and stored only as its SHA-256. */
    async createApiToken(actor: Gebruiker, input: ApiTokenInput): Promise<{ id: string; token: string }> {
      authPolicy.vereis(actor, 'eigen-account-beheren');
      const { naam } = ApiTokenInput.parse(input);
      const token = `${API_TOKEN_PREFIX}${nieuwToken()}`;
      const id = await withContext(db, dbContext(actor), async (tx) => {
        const nieuw = await repo.insertApiToken(tx, {
          dienstId: actor.dienstId,
          gebruikerId: actor.gebruikerId,
          naam,
          tokenHash: sha256Hex(token),
        });
        await registreerToegang(tx, actor, 'api-token', actor);
        return nieuw;
      });
      return { id, token };
    },

    /** Creates an API token for the user with this e-mail address (the CLI, as the system). */
    async createApiTokenVoorEmail(
      actor: Systeem,
      input: { email: string; naam: string },
    ): Promise<{ id: string; token: string }> {
      authPolicy.vereis(actor, 'api-token-voor-ander-maken');
      const { naam } = ApiTokenInput.parse({ naam: input.naam });
      const email = input.email.trim().toLowerCase();
      const token = `${API_TOKEN_PREFIX}${nieuwToken()}`;
      const id = await withContext(db, dbContext(actor), async (tx) => {
        const g = await repo.findGebruikerByEmail(tx, email);
        if (!g?.isActief)
          throw new AppError('niet-gevonden', {
            userMessage: 'Er is geen actieve gebruiker met dit e-mailadres.',
          });
        const nieuw = await repo.insertApiToken(tx, {
          dienstId: g.dienstId,
          gebruikerId: g.id,
          naam,
          tokenHash: sha256Hex(token),
        });
        await registreerToegang(tx, systeemActor(actor.reden, g.dienstId), 'api-token', {
          dienstId: g.dienstId,
          gebruikerId: g.id,
        });
        return nieuw;
      });
      return { id, token };
    },

    /** Revokes one of the actor's own tokens; `niet-gevonden` when it is not theirs or already revoked. */
    async revokeApiToken(actor: Gebruiker, tokenId: string): Promise<void> {
      authPolicy.vereis(actor, 'eigen-account-beheren');
      const gedaan = await withContext(db, dbContext(actor), async (tx) => {
        const ingetrokken = await repo.revokeApiToken(tx, actor.dienstId, actor.gebruikerId, tokenId, nu());
        if (ingetrokken) await registreerToegang(tx, actor, 'api-token-ingetrokken', actor);
        return ingetrokken;
      });
      if (!gedaan)
        throw new AppError('niet-gevonden', { userMessage: 'Dit token bestaat niet of is al ingetrokken.' });
    },

    /** Whether the actor has TOTP, since when, and how many unused recovery codes are left. */
    async totpStatus(
      actor: Gebruiker,
    ): Promise<{ actief: boolean; sinds: Date | null; herstelcodesOver: number }> {
      authPolicy.vereis(actor, 'eigen-account-beheren');
      return withContext(db, dbContext(actor), async (tx) => {
        const t = await repo.findTotp(tx, actor.dienstId, actor.gebruikerId);
        return {
          actief: Boolean(t?.totpActiefSinds),
          sinds: t?.totpActiefSinds ?? null,
          herstelcodesOver: await repo.countOngebruikteHerstelcodes(tx, actor.dienstId, actor.gebruikerId),
        };
      });
    },

    /**
     * Starts (or resumes) TOTP enrolment: a new secret, kept until it is confirmed with a code. Returns the
     * secret for manual entry, the otpauth URI and a QR code as an SVG data URI (allowed by the CSP).
     */
    async startTotp(actor: Gebruiker): Promise<{ geheim: string; uri: string; qrDataUri: string }> {
      authPolicy.vereis(actor, 'eigen-account-beheren');
      const geheim = await withContext(db, dbContext(actor), async (tx) => {
        const t = await repo.findTotp(tx, actor.dienstId, actor.gebruikerId);
        if (t?.totpActiefSinds)
          throw new AppError('conflict', { userMessage: 'Tweestapsverificatie staat al aan.' });
        if (t?.totpGeheim) return totpGeheimVan(tx, actor, t.totpGeheim);
        if (!totpRing)
          throw new AppError('niet-beschikbaar', {
            message: 'TOTP_ENCRYPTION_KEYS is not configured: TOTP secrets cannot be stored',
            userMessage:
              'Tweestapsverificatie instellen kan nu niet: de sleutel om het geheim te beveiligen ontbreekt. Neem contact op met de beheerder.',
          });
        const nieuw = new OTPAuth.Secret({ size: 20 }).base32;
        await repo.setTotpGeheim(
          tx,
          actor.dienstId,
          actor.gebruikerId,
          versleutelTotpGeheim(totpRing, actor.gebruikerId, nieuw),
        );
        return nieuw;
      });
      const uri = totpVoor(geheim, actor.email).toString();
      const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
      return { geheim, uri, qrDataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
    },

    /**
     * Confirms TOTP enrolment with one code from the app. Turns TOTP on, marks the current session as having
     * passed two-step verification, and returns 10 new recovery codes (shown once, stored hashed).
     */
    async bevestigTotp(
      actor: Gebruiker,
      input: { code: string; sessieId?: string | undefined },
    ): Promise<{ kind: 'onjuist' } | { kind: 'aan'; herstelcodes: string[] }> {
      authPolicy.vereis(actor, 'eigen-account-beheren');
      const cijfers = leesTotpCode(input.code);
      if (!cijfers) return { kind: 'onjuist' };
      return withContext(db, dbContext(actor), async (tx) => {
        const t = await repo.findTotp(tx, actor.dienstId, actor.gebruikerId);
        if (t?.totpActiefSinds)
          throw new AppError('conflict', { userMessage: 'Tweestapsverificatie staat al aan.' });
        if (!t?.totpGeheim) return { kind: 'onjuist' as const };
        const geheim = await totpGeheimVan(tx, actor, t.totpGeheim);
        const stap = totpStap(geheim, actor.email, cijfers, nu());
        if (stap === undefined || !(await repo.claimTotpStap(tx, actor.dienstId, actor.gebruikerId, stap)))
          return { kind: 'onjuist' as const };
        await repo.activeerTotp(tx, actor.dienstId, actor.gebruikerId, nu());
        const herstelcodes = Array.from({ length: AANTAL_HERSTELCODES }, nieuweHerstelcode);
        await repo.replaceHerstelcodes(
          tx,
          actor.dienstId,
          actor.gebruikerId,
          herstelcodes.map((c) => sha256Hex(normaliseerHerstelcode(c))),
        );
        if (input.sessieId)
          await repo.setSessieMfaVoldaan(tx, actor.dienstId, actor.gebruikerId, input.sessieId);
        await registreerToegang(tx, actor, 'tweestapsverificatie', actor);
        return { kind: 'aan' as const, herstelcodes };
      });
    },

    /** Replaces the actor's recovery codes after checking a current TOTP code. */
    async vernieuwHerstelcodes(
      actor: Gebruiker,
      input: { code: string },
    ): Promise<{ kind: 'onjuist' } | { kind: 'vernieuwd'; herstelcodes: string[] }> {
      authPolicy.vereis(actor, 'eigen-account-beheren');
      const cijfers = leesTotpCode(input.code);
      if (!cijfers) return { kind: 'onjuist' };
      return withContext(db, dbContext(actor), async (tx) => {
        const t = await repo.findTotp(tx, actor.dienstId, actor.gebruikerId);
        if (!t?.totpGeheim || !t.totpActiefSinds) return { kind: 'onjuist' as const };
        const geheim = await totpGeheimVan(tx, actor, t.totpGeheim);
        const stap = totpStap(geheim, actor.email, cijfers, nu());
        if (stap === undefined || !(await repo.claimTotpStap(tx, actor.dienstId, actor.gebruikerId, stap)))
          return { kind: 'onjuist' as const };
        const herstelcodes = Array.from({ length: AANTAL_HERSTELCODES }, nieuweHerstelcode);
        await repo.replaceHerstelcodes(
          tx,
          actor.dienstId,
          actor.gebruikerId,
          herstelcodes.map((c) => sha256Hex(normaliseerHerstelcode(c))),
        );
        await registreerToegang(tx, actor, 'herstelcodes', actor);
        return { kind: 'vernieuwd' as const, herstelcodes };
      });
    },

    /**
     * Turns a user's TOTP off (lost phone) and ends their sessions; they enrol again at their next login.
     * For the functioneel beheerder (and the system).
     */
    async resetTweestapsverificatie(actor: Actor, gebruikerId: string): Promise<void> {
      authPolicy.vereis(actor, 'tweestapsverificatie-resetten');
      await withContext(db, dbContext(actor), async (tx) => {
        const dienstId = await repo.findDienstVanGebruiker(tx, gebruikerId);
        if (!dienstId) throw new AppError('niet-gevonden', { userMessage: 'Deze gebruiker bestaat niet.' });
        await repo.setTotpGeheim(tx, dienstId, gebruikerId, null);
        await repo.replaceHerstelcodes(tx, dienstId, gebruikerId, []);
        await repo.deleteSessiesVanGebruiker(tx, dienstId, gebruikerId);
        await registreerToegang(tx, actor, 'tweestapsverificatie-uit', { dienstId, gebruikerId });
      });
    },

    /**
     * Encrypts every TOTP secret that is still plain (stored before encryption existed) or under an older key,
     * with the current key of TOTP_ENCRYPTION_KEYS. Run by `serve` at start; returns how many were rewritten.
     */
    async versleutelOudeTotpGeheimen(actor: Systeem): Promise<{ versleuteld: number; onleesbaar: number }> {
      const telling = { versleuteld: 0, onleesbaar: 0 };
      if (!totpRing) return telling;
      await withContext(db, dbContext(actor), async (tx) => {
        for (const r of await repo.listTotpGeheimen(tx)) {
          if (!r.totpGeheim) continue;
          try {
            if (!leesTotpGeheim(totpRing, r.id, r.totpGeheim).moetOpnieuw) continue;
            await totpGeheimVan(tx, { dienstId: r.dienstId, gebruikerId: r.id }, r.totpGeheim);
            telling.versleuteld++;
          } catch (e) {
            // A secret under a key that is no longer configured: that user cannot log in with it; report it.
            if (!(e instanceof SleutelringFout)) throw e;
            telling.onleesbaar++;
          }
        }
      });
      return telling;
    },

    /**
     * Logs in with the claims of a completed OpenID Connect login. The account is the existing, active user with
     * the claims' verified e-mail address (no account is created here). The role comes only from the configured
     * mapping of the role claim, and the user's role (and teams and municipalities, when configured) is brought in
     * line with it; the identity provider's MFA must meet the accepted `acr`/`amr` values, and then counts as
     * this session's two-step verification. A refusal of a known user is recorded in the access log.
     */
    async ssoLogin(input: {
      claims: Claims;
      userAgentOmschrijving: string;
      vorigeSessieToken?: string | undefined;
    }): Promise<SsoLoginUitkomst> {
      const sso = config.sso;
      if (!sso) throw new AppError('niet-beschikbaar', { message: 'SSO is not configured' });
      const email = ssoEmail(input.claims);
      if (!email) return { kind: 'geweigerd', melding: SSO_GEEN_EMAIL };
      const g = await withContext(db, systeem('auth:sso'), (tx) => repo.findGebruikerByEmail(tx, email));
      if (!g) return { kind: 'geweigerd', melding: SSO_GEEN_ACCOUNT };
      const wie = { dienstId: g.dienstId, gebruikerId: g.id };
      const actor = systeemActor('auth:sso', g.dienstId);
      const weiger = async (melding: string): Promise<SsoLoginUitkomst> => {
        await withContext(db, dbContext(actor), (tx) => registreerToegang(tx, actor, 'inlog-mislukt', wie));
        return { kind: 'geweigerd', melding };
      };
      if (!g.isActief) return weiger(SSO_ACCOUNT_UIT);
      const mfa = beoordeelMfa(input.claims, sso);
      if (mfa.kind === 'geweigerd') return weiger(mfa.melding);
      const rol = bepaalRol(input.claims, sso);
      if (!rol) return weiger(SSO_GEEN_ROL);
      if (deps.ssoToewijzingen) {
        try {
          await deps.ssoToewijzingen(actor, g.id, ssoToewijzingen(input.claims, rol, sso));
        } catch (e) {
          if (!(e instanceof AppError) || e.status >= 500) throw e;
          return weiger(
            `Uw rol, team of gemeenten bij uw organisatie passen niet bij Wederkerig: ${e.userMessage} Vraag de functioneel beheerder om hulp.`,
          );
        }
      }
      const uitkomst = await withContext(db, dbContext(actor), async (tx) => {
        // Whatever the sync did: this session only starts with exactly the mapped role.
        const nu = await repo.findGebruikerGegevens(tx, g.dienstId, g.id);
        if (nu?.rol !== rol || !nu.isActief) return undefined;
        if (input.vorigeSessieToken) await repo.deleteSessie(tx, sha256Hex(input.vorigeSessieToken));
        await registreerToegang(tx, actor, 'inlog', wie);
        const sessieToken = await nieuweSessie(tx, wie, {
          isMfaVoldaan: mfa.mfaVoldaan,
          omschrijving: input.userAgentOmschrijving,
        });
        return { sessieToken, totpActief: nu.totpActief };
      });
      if (!uitkomst) return weiger(SSO_GEEN_ROL);
      const status = sessieStatus({
        isMfaVoldaan: mfa.mfaVoldaan,
        totpActief: uitkomst.totpActief,
        mfaVereist: vereistMfa(config.mode, g.isDemo),
      });
      return { kind: 'ingelogd', sessieToken: uitkomst.sessieToken, status };
    },

    /** What the login page offers: password reset (only when its mail can be sent) and SSO (when configured). */
    loginOpties(): { wachtwoordHerstel: boolean; sso: boolean } {
      return { wachtwoordHerstel: herstelBeschikbaar, sso: config.sso !== undefined };
    },

    /**
     * "Wachtwoord vergeten": when the address belongs to an active account, sends a single-use link (valid 1
     * hour; earlier open links stop working). The answer is the same whether or not the address exists, and the
     * mail is sent after the answer (its delay tells nothing either). Throttled per address and per IP address
     * in PostgreSQL; every request counts.
     */
    async vraagWachtwoordHerstelAan(input: { email: string; ip: string }): Promise<HerstelAanvraagUitkomst> {
      if (!herstelBeschikbaar || !deps.mailer)
        throw new AppError('niet-beschikbaar', { message: 'password reset needs a mailer' });
      const parsed = HerstelAanvraagInput.safeParse({ email: input.email });
      if (!parsed.success) return { kind: 'ongeldig', fouten: veldFouten(parsed.error) };
      const { email } = parsed.data;
      const sleutels = [herstelAdresSleutel(email), herstelIpSleutel(input.ip)];
      const t = nu();
      const uitkomst = await withContext(db, systeem('auth:wachtwoord-herstel'), async (tx) => {
        await repo.deleteOudePogingen(tx, new Date(t.getTime() - POGING_VENSTER_MS));
        const telling = await repo.countPogingen(tx, sleutels, new Date(t.getTime() - POGING_VENSTER_MS));
        const oordeel = beoordeelHerstelverzoeken({
          adres: telling.get(sleutels[0] ?? '') ?? 0,
          ip: telling.get(sleutels[1] ?? '') ?? 0,
        });
        if (oordeel === 'geblokkeerd') return { kind: 'te-vaak' as const };
        await repo.insertPogingen(tx, sleutels, t);
        const g = await repo.findGebruikerByEmail(tx, email);
        if (!g?.isActief) return { kind: 'aangevraagd' as const, mail: undefined };
        const token = nieuwToken();
        await repo.deleteOpenHerstel(tx, g.dienstId, g.id);
        await repo.insertHerstel(tx, {
          dienstId: g.dienstId,
          gebruikerId: g.id,
          tokenHash: sha256Hex(token),
          verlooptOp: new Date(t.getTime() + HERSTEL_GELDIG_MS),
        });
        const wie = { dienstId: g.dienstId, gebruikerId: g.id };
        await registreerToegang(
          tx,
          systeemActor('auth:wachtwoord-herstel', g.dienstId),
          'wachtwoord-herstel',
          wie,
        );
        return { kind: 'aangevraagd' as const, mail: { naam: g.naam, token } };
      });
      if (uitkomst.kind === 'te-vaak') return uitkomst;
      if (uitkomst.mail) {
        const { naam, token } = uitkomst.mail;
        const link = `${config.publicUrl.replace(/\/$/, '')}/wachtwoord-herstellen/${token}`;
        // Not awaited: the answer must not wait for (or reveal) the sending.
        void deps.mailer.verstuur({ aan: email, ...herstelBericht(naam), link }).catch(meldFout);
      }
      return { kind: 'aangevraagd' };
    },

    /** What a reset link leads to (for its page): valid, used, expired or unknown. */
    async bekijkHerstel(token: string): Promise<{ status: HerstelStatus; naam?: string; email?: string }> {
      if (!TOKEN_VORM.test(token)) return { status: 'onbekend' };
      const h = await withContext(db, systeem('auth:wachtwoord-herstel'), (tx) =>
        repo.findHerstel(tx, sha256Hex(token)),
      );
      if (!h?.isActief) return { status: 'onbekend' };
      if (h.gebruiktOp) return { status: 'gebruikt' };
      if (h.verlooptOp.getTime() <= nu().getTime()) return { status: 'verlopen' };
      return { status: 'geldig', naam: h.naam, email: h.email };
    },

    /**
     * Uses a reset link once: sets the new password (rules and strength checked, typed twice) and ends all the
     * user's sessions. The user then logs in as usual (with their TOTP code when they have one): a reset never
     * skips two-step verification.
     */
    async herstelWachtwoord(input: {
      token: string;
      wachtwoord: string;
      herhaling: string;
    }): Promise<
      | { kind: 'fouten'; fouten: Record<string, string> }
      | { kind: 'ongeldig'; status: Exclude<HerstelStatus, 'geldig'> }
      | { kind: 'gewijzigd' }
    > {
      const vooraf = await service.bekijkHerstel(input.token);
      if (vooraf.status !== 'geldig') return { kind: 'ongeldig', status: vooraf.status };
      const fouten = controleerNieuwWachtwoord(input, { email: vooraf.email, naam: vooraf.naam });
      if (fouten) return { kind: 'fouten', fouten };
      const wachtwoordHash = await hashWachtwoord(input.wachtwoord);
      const tokenHash = sha256Hex(input.token);
      return withContext(db, systeem('auth:wachtwoord-herstel'), async (tx) => {
        const h = await repo.findHerstel(tx, tokenHash);
        if (!h?.isActief) return { kind: 'ongeldig' as const, status: 'onbekend' as const };
        if (!(await repo.markHerstelGebruikt(tx, tokenHash, nu())))
          return {
            kind: 'ongeldig' as const,
            status: h.gebruiktOp ? ('gebruikt' as const) : ('verlopen' as const),
          };
        await repo.setWachtwoordHash(tx, h.dienstId, h.gebruikerId, wachtwoordHash);
        await repo.deleteSessiesVanGebruiker(tx, h.dienstId, h.gebruikerId);
        // Whoever knew the old password may have made an API token with it: those end too.
        await repo.revokeApiTokensVanGebruiker(tx, h.dienstId, h.gebruikerId, nu());
        await repo.deletePogingen(tx, accountSleutel(h.email));
        await registreerToegang(tx, systeemActor('auth:wachtwoord-herstel', h.dienstId), 'wachtwoord', h);
        return { kind: 'gewijzigd' as const };
      });
    },

    /**
     * Makes a single-use invitation (valid 7 days) for a user to choose a password and set up two-step
     * verification, and returns the link. Earlier open invitations of the user stop working.
     */
    async maakUitnodiging(actor: Actor, gebruikerId: string): Promise<string> {
      authPolicy.vereis(actor, 'uitnodiging-maken');
      const token = nieuwToken();
      await withContext(db, dbContext(actor), async (tx) => {
        const dienstId = await repo.findDienstVanGebruiker(tx, gebruikerId);
        if (!dienstId) throw new AppError('niet-gevonden', { userMessage: 'Deze gebruiker bestaat niet.' });
        await repo.deleteOpenUitnodigingen(tx, dienstId, gebruikerId);
        await repo.insertUitnodiging(tx, {
          dienstId,
          gebruikerId,
          tokenHash: sha256Hex(token),
          verlooptOp: new Date(nu().getTime() + UITNODIGING_GELDIG_MS),
        });
      });
      return `${config.publicUrl.replace(/\/$/, '')}/uitnodiging/${token}`;
    },

    /** What an invitation link leads to (for its page): valid, used, expired or unknown. */
    async bekijkUitnodiging(
      token: string,
    ): Promise<{ status: UitnodigingStatus; naam?: string; email?: string }> {
      if (!TOKEN_VORM.test(token)) return { status: 'onbekend' };
      const u = await withContext(db, systeem('auth:uitnodiging'), (tx) =>
        repo.findUitnodiging(tx, sha256Hex(token)),
      );
      if (!u?.isActief) return { status: 'onbekend' };
      if (u.gebruiktOp) return { status: 'gebruikt' };
      if (u.verlooptOp.getTime() <= nu().getTime()) return { status: 'verlopen' };
      return { status: 'geldig', naam: u.naam, email: u.email };
    },

    /**
     * Uses an invitation: sets the chosen password (checked against the rules, typed twice), ends the user's
     * other sessions and signs them in. Returns field errors or the invitation's state when it cannot be used.
     */
    async accepteerUitnodiging(input: {
      token: string;
      wachtwoord: string;
      herhaling: string;
      userAgentOmschrijving: string;
    }): Promise<
      | { kind: 'fouten'; fouten: Record<string, string> }
      | { kind: 'ongeldig'; status: Exclude<UitnodigingStatus, 'geldig'> }
      | { kind: 'ingelogd'; sessieToken: string; status: SessieStatus }
    > {
      const vooraf = await service.bekijkUitnodiging(input.token);
      if (vooraf.status !== 'geldig') return { kind: 'ongeldig', status: vooraf.status };
      const fouten = controleerNieuwWachtwoord(input, { email: vooraf.email, naam: vooraf.naam });
      if (fouten) return { kind: 'fouten', fouten };
      const wachtwoordHash = await hashWachtwoord(input.wachtwoord);
      const tokenHash = sha256Hex(input.token);
      return withContext(db, systeem('auth:uitnodiging'), async (tx) => {
        const u = await repo.findUitnodiging(tx, tokenHash);
        if (!u?.isActief) return { kind: 'ongeldig' as const, status: 'onbekend' as const };
        if (!(await repo.markUitnodigingGebruikt(tx, tokenHash, nu())))
          return {
            kind: 'ongeldig' as const,
            status: u.gebruiktOp ? ('gebruikt' as const) : ('verlopen' as const),
          };
        await repo.setWachtwoordHash(tx, u.dienstId, u.gebruikerId, wachtwoordHash);
        await repo.deleteSessiesVanGebruiker(tx, u.dienstId, u.gebruikerId);
        await repo.deletePogingen(tx, accountSleutel(u.email));
        const wie = systeemActor('auth:uitnodiging', u.dienstId);
        await registreerToegang(tx, wie, 'wachtwoord', u);
        await registreerToegang(tx, wie, 'inlog', u);
        const sessieToken = await nieuweSessie(
          tx,
          { dienstId: u.dienstId, gebruikerId: u.gebruikerId },
          { isMfaVoldaan: false, omschrijving: input.userAgentOmschrijving },
        );
        const status = sessieStatus({
          isMfaVoldaan: false,
          totpActief: u.totpActief,
          mfaVereist: vereistMfa(config.mode, u.isDemo),
        });
        return { kind: 'ingelogd' as const, sessieToken, status };
      });
    },
  };
  return service;
}

export type AuthService = ReturnType<typeof createAuthService>;
