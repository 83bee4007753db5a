/**
 * Privacy: the public surface of this module.
 *
 * ## Service (`createPrivacyService(deps)`): every function takes `(actor, …)`
 *
 * Privacy officer (`privacyPolicy`; the officer may not open client files — row-level security keeps the role
 * out of client tables — so lookups and the export run in the klanten module under logged system contexts):
 * - `zoekKlant(actor, { klantnummer?, bsn? })` → `GevondenKlant[]` (id, klantnummer, municipality only; logged).
 * - `findVerwerkingen(actor, klantId, { actorId?, actie?, van?, tot?, pagina?, paginaGrootte? })` → who read or
 *   changed the client's data (file and BSN reveals), when, how and under which processing activity.
 * - `exporteerVerwerkingen(actor, klantId, filter)` → `{ klant, csv }`; logged as `exporteren`.
 * - `maakInzage(actor, klantId)` → `Inzage` (AVG art. 15: all data, the log as dates and processing activities
 *   only, never staff — CJEU C-579/21); `inzagePdf(inzage)` renders it as PDF/A-3b. Logged as `exporteren`.
 *   The data of the other modules comes from `deps.inzageBronnen()`: each module's `inzageVoorKlant(systeem,
 *   klantId, { tx, gemeenteId })` → `InzageOnderdeel[]` (src/lib/inzage.ts), called under `avg-inzage`.
 *
 * Functioneel beheerder (retention; no default period: until one is set, nothing is destroyed):
 * - `listBewaartermijnen(actor)`, `zetBewaartermijn(actor, gemeenteId, { maanden, grondslag })`.
 * - `stelVernietigingslijstVoor(actor, gemeenteId)` → a list of closed files past their period (klantnummer and
 *   dates); `stelVernietigingslijstenVoor(reden)` does every municipality (monthly job, CLI).
 * - `listVernietigingslijsten`, `findVernietigingslijst`, `keurVernietigingslijstGoed(actor, id)` → destroys the
 *   files in one transaction (klanten module), leaving only the access log's pseudonymous references, and writes
 *   the approval to the destruction journal outside the database before it commits; `herspeelVernietigingen`
 *   replays that journal after a restore (`vernietigingsjournaal.ts`, docs/operations.md).
 *
 * Pages: `privacyRoutes`; API: `privacyApi` (`/api/v1/verwerkingen`); CLI: `wederkerig bewaartermijn voorstel`.
 */
export { inzagePdf } from './inzage-pdf.ts';
export { privacyApi } from './privacy.api.ts';
export { BEWAARTERMIJN_USAGE, runBewaartermijnCli } from './privacy.cli.ts';
export { privacyPolicy } from './privacy.policy.ts';
export { csvVeld, naarCsv } from './privacy.regels.ts';
export { privacyRoutes } from './privacy.routes.ts';
export type { GevondenKlant, VerwerkingenAntwoord, VerwerkingenFilter } from './privacy.schemas.ts';
export {
  type Bewaartermijn,
  createPrivacyService,
  type Inzage,
  type InzageBron,
  type PrivacyDeps,
  type PrivacyService,
  type Vernietigingslijst,
} from './privacy.service.ts';
export {
  bestandsJournaal,
  JournaalFout,
  type JournaalRegel,
  leesJournaal,
  type VernietigingsJournaal,
} from './vernietigingsjournaal.ts';
