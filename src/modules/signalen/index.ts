/**
 * Signalen: the daily signals and every user's inbox. See docs/uitvoering.md ("Signalen").
 *
 * - Pure rules: `bepaalSignalen(feiten, vandaag)` (regels.ts) — evaluation due in 2 weeks, agreement ends in 4
 *   weeks, no hours for 3 weeks, exemption ends in 4 weeks, intervision waiting (team leads), design in toetsing
 *   for 2 weeks, geen medewerking recorded (team leads), a finished week's hours beyond the margin around the agreed
 *   hours (`uren-wijken-af`). One signal per recipient, kind and cause; a signal never changes anything else.
 * - `createSignaalBronnen({ tegenprestaties, uitvoering, klanten, netwerk, medewerkers })`: gathers the facts of
 *   one social service through those modules' services (as the system).
 * - `createSignalenService({ db, bronnen, mailer?, adressen?, publicUrl, vandaag? })`: `maakSignalen(systeem,
 *   { vandaag? })` (the job; idempotent; one e-mail per recipient per run without client details),
 *   `findSignalen(actor, { alle? })` (logged: the texts name clients), `telOngelezen(actor)`,
 *   `markeerSignaal(actor, id, { gelezen?, afgehandeld? })`. Each user sees only their own (row-level security).
 *   `inzageVoorKlant(systeem, klantId, { tx, gemeenteId })` → `InzageOnderdeel[]` (src/lib/inzage.ts): the AVG
 *   art. 15 export's signals about the client (kind and date only); the privacy module only (system actor).
 * - `registerSignalenTeller(app, db)`: the unread count for the page header (`req.signalenOngelezen`).
 */
export { createSignaalBronnen, type SignaalBronDeps, type SignaalBronnen } from './bronnen.ts';
export {
  bepaalSignalen,
  type NieuwSignaal,
  type SignaalFeiten,
  type SignaalInstellingen,
  SOORT_NAMEN,
  SOORTEN,
  type Soort,
  STANDAARD_UREN_MARGE_PROCENT,
  TERMIJNEN,
} from './regels.ts';
export { signalenPolicy } from './signalen.policy.ts';
export { signalenRoutes } from './signalen.routes.ts';
export {
  createSignalenService,
  SIGNAAL_MAIL,
  type Signaal,
  type SignalenDeps,
  type SignalenService,
} from './signalen.service.ts';
export { registerSignalenTeller } from './teller.ts';
