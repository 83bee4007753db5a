/** Identity and access: actors, policies, and (through the auth hook) the signed-in user of a request. */
export { type Actor, dbContext, type Gebruiker, type Systeem, systeemActor } from './actor.ts';
export { allPolicies, definePolicy, type Policy, ROL_NAMEN, renderRolesMatrix } from './policy.ts';
export { pageChrome, requireGebruiker, requireRol } from './request.ts';
export {
  controleerWachtwoord,
  hashWachtwoord,
  NieuwWachtwoord,
  verifieerWachtwoord,
  WACHTWOORD_MIN,
} from './wachtwoord.ts';
