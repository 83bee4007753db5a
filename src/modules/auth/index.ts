/** Identity and access: actors, policies, and (through the auth hook) the signed-in user of a request. */
export { type Actor, dbContext, type Gebruiker, type Systeem, systeemActor } from './actor.ts';
export { runTokenCli, TOKEN_USAGE } from './auth.cli.ts';
export { padVoorLog, registerAuthHook, sessieCookieNaam } from './auth.hook.ts';
export { authPolicy } from './auth.policy.ts';
export { authRoutes, loginPaginaOpties } from './auth.routes.ts';
export {
  type AuthService,
  createAuthService,
  type GevondenSessie,
  HERSTEL_GELDIG_MS,
  UITNODIGING_GELDIG_MS,
  type UitnodigingStatus,
} from './auth.service.ts';
export { allPolicies, definePolicy, type Policy, ROL_NAMEN, renderRolesMatrix } from './policy.ts';
export { vereistMfa } from './regels.ts';
export { pageChrome, requireGebruiker, requireRol } from './request.ts';
export { LoginPagina } from './views/login-pagina.tsx';
export {
  controleerWachtwoord,
  hashWachtwoord,
  NieuwWachtwoord,
  verifieerWachtwoord,
  WACHTWOORD_MIN,
} from './wachtwoord.ts';
