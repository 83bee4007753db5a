import type { SsoConfig } from '../../config.ts';
import type { Rol } from '../../db/context.ts';

/**
 * Pure rules of SSO (OpenID Connect): which Wederkerig account, role, teams and municipalities the identity
 * provider's claims lead to, and whether its proof of multi-factor authentication is accepted. No I/O.
 */

export type Claims = Readonly<Record<string, unknown>>;

/**
 * The values of a claim as a list of strings: a string, a list of strings, or (for a dotted name such as
 * Keycloak's `realm_access.roles`) a nested one. Anything else gives no values.
 */
export function claimWaarden(claims: Claims, naam: string): string[] {
  let waarde: unknown = claims[naam];
  if (waarde === undefined && naam.includes('.')) {
    waarde = naam
      .split('.')
      .reduce<unknown>(
        (o, deel) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[deel] : undefined),
        claims,
      );
  }
  if (typeof waarde === 'string') return [waarde];
  if (Array.isArray(waarde)) return waarde.filter((w): w is string => typeof w === 'string');
  return [];
}

/** The role: the first pair of the mapping (in its order) whose value the user has. Never a role outside it. */
export function bepaalRol(claims: Claims, sso: Pick<SsoConfig, 'rolClaim' | 'rolMap'>): Rol | undefined {
  const waarden = new Set(claimWaarden(claims, sso.rolClaim));
  return sso.rolMap.find(([waarde]) => waarden.has(waarde))?.[1];
}

export type MfaOordeel =
  | { kind: 'geaccepteerd'; mfaVoldaan: boolean }
  | { kind: 'geweigerd'; melding: string };

export const MFA_GEWEIGERD =
  'Uw organisatie heeft niet bevestigd dat u met tweestapsverificatie bent ingelogd. Log bij uw organisatie in met tweestapsverificatie (bijvoorbeeld een code of app op uw telefoon) en probeer het opnieuw.';

/**
 * Is the identity provider's authentication strong enough? When accepted `acr` values are configured, the token's
 * `acr` must be one of them; when accepted `amr` values are configured, the token's `amr` must contain one of
 * them. With either configured and met, the session counts as having passed two-step verification. With
 * neither configured (not allowed in production) the login is accepted but the local TOTP rules apply.
 */
export function beoordeelMfa(claims: Claims, sso: Pick<SsoConfig, 'acrValues' | 'amrValues'>): MfaOordeel {
  if (sso.acrValues.length === 0 && sso.amrValues.length === 0)
    return { kind: 'geaccepteerd', mfaVoldaan: false };
  if (sso.acrValues.length > 0) {
    const acr = claims.acr;
    if (typeof acr !== 'string' || !sso.acrValues.includes(acr))
      return { kind: 'geweigerd', melding: MFA_GEWEIGERD };
  }
  if (sso.amrValues.length > 0) {
    const amr = claimWaarden(claims, 'amr');
    if (!amr.some((m) => sso.amrValues.includes(m))) return { kind: 'geweigerd', melding: MFA_GEWEIGERD };
  }
  return { kind: 'geaccepteerd', mfaVoldaan: true };
}

/**
 * The e-mail address that identifies the Wederkerig account: the `email` claim, lower case, unless the identity
 * provider says it is not verified.
 */
export function ssoEmail(claims: Claims): string | undefined {
  const email = claims.email;
  if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email.trim())) return undefined;
  if (claims.email_verified === false || claims.email_verified === 'false') return undefined;
  return email.trim().toLowerCase();
}

/** What the claims ask for the user's assignments: role always, teams and municipalities when configured. */
export interface SsoToewijzingen {
  rol: Rol;
  /** Team names (undefined: teams are not managed by SSO). */
  teamNamen: string[] | undefined;
  /** Municipality codes or names (undefined: municipalities are not managed by SSO). */
  gemeenten: string[] | undefined;
}

export function ssoToewijzingen(
  claims: Claims,
  rol: Rol,
  sso: Pick<SsoConfig, 'teamClaim' | 'gemeenteClaim'>,
): SsoToewijzingen {
  return {
    rol,
    teamNamen: sso.teamClaim ? claimWaarden(claims, sso.teamClaim) : undefined,
    gemeenten: sso.gemeenteClaim ? claimWaarden(claims, sso.gemeenteClaim) : undefined,
  };
}
