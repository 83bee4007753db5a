import type { Tx } from '../../db/context.ts';
import type { Actor } from './actor.ts';

/**
 * Access events of accounts, recorded in the access log (logboek) under the processing activity
 * `va-toegang-en-beveiliging`, in the same transaction as the change they are about. The subject is always the
 * user's pseudonymous id (never an e-mail address); the subject type names the event. See docs/auth.md.
 */
const GEBEURTENISSEN = {
  /** Signed in (a session was created: by password, by SSO, or after choosing a password). */
  inlog: 'aanmaken',
  /** Passed the second step (TOTP or recovery code). */
  'inlog-tweede-stap': 'aanmaken',
  /** A wrong password or code for an existing account (unknown addresses have no subject and are not logged). */
  'inlog-mislukt': 'lezen',
  /** Signed out. */
  uitlog: 'verwijderen',
  /** Ended one of their own sessions from the list. */
  sessie: 'verwijderen',
  /** A password was set (invitation or reset); all other sessions ended. */
  wachtwoord: 'wijzigen',
  /** A password-reset link was sent. */
  'wachtwoord-herstel': 'aanmaken',
  /** API token created, or revoked. */
  'api-token': 'aanmaken',
  'api-token-ingetrokken': 'verwijderen',
  /** Two-step verification turned on (enrolment confirmed), or turned off by the functioneel beheerder. */
  tweestapsverificatie: 'aanmaken',
  'tweestapsverificatie-uit': 'verwijderen',
  /** New recovery codes. */
  herstelcodes: 'wijzigen',
} as const;

export type ToegangsGebeurtenis = keyof typeof GEBEURTENISSEN;

export const TOEGANGSGEBEURTENISSEN = GEBEURTENISSEN;

/**
 * Records one access event about a user, in the caller's transaction (fail closed: if the entry cannot be
 * written, the change does not happen). The actor is the user acting on their own account, the functioneel
 * beheerder, or the system for steps before anyone is signed in (login, logout, password reset), with a reason.
 */
export async function registreerToegang(
  tx: Tx,
  actor: Actor,
  gebeurtenis: ToegangsGebeurtenis,
  gebruiker: { dienstId: string; gebruikerId: string },
): Promise<void> {
  // Imported when first used: the logboek module itself builds on this module (actors, policies), so a static
  // import would be a cycle that breaks whichever module is loaded first.
  const { record, VA } = await import('../logboek/index.ts');
  await record(tx, {
    actor,
    actie: GEBEURTENISSEN[gebeurtenis],
    subject: { type: gebeurtenis, id: gebruiker.gebruikerId },
    verwerkingsactiviteit: VA.toegangEnBeveiliging,
    gemeenteId: null,
    dienstId: gebruiker.dienstId,
  });
}
