/**
 * Matching (issue 8): explainable ranking both ways (client → activities, activity → clients) and, in `cohort/`,
 * the exact cohort assignment. The public surface of this module. See docs/matching.md.
 *
 * ## Ranking service (`createMatchingService(deps)`): every function takes `(actor, …)`
 *
 * - `passendeActiviteiten(actor, klantId, { limiet? })` → `PassendeActiviteiten` (suggestions with integer score and
 *   reasons with their contribution; `uitgesloten` says why none fits). Klantmanager (own caseload and team) and
 *   teamleider; the read is logged (`va-matching`).
 * - `kandidaten(actor, activiteitId, { limiet? })` → `Kandidaten` (`bruikbaar`/`nietBruikbaarRedenen`, candidates)
 *   (netwerkmakelaar, klantmanager, teamleider). Every listed client is an access-log read (`va-matching`). The
 *   netwerkmakelaar's reasons never show limitations or capacity ("Past qua belastbaarheid").
 * - **For the cohort**: `kandidatenVoorCohort(actor, { klantIds, activiteitIds, k })` →
 *   `{ paren: [{ klantId, activiteitId, score /* integer 1–1000 *\/, redenen: string[] }], uitgesloten: [{ klantId,
 *   reden }] }` — each client's top-K over the given activities after the hard filters; `uitgesloten` lists the
 *   clients with no candidate and why. Klantmanager/teamleider; every client is logged as read.
 * - Weights: `gewichten(actor, gemeenteId)`, `zetGewichten(actor, gemeenteId, Gewichten)` (functioneel
 *   beheerder), `voorbeeld(actor, gemeenteId, Gewichten)` (pseudonymised reordering preview).
 *
 * ## Pure kernel (no I/O; for the benchmark and the cohort with generated data)
 * `bouwActiviteitCache(ActiviteitGegevens[], centroiden)` → `ActiviteitCache` (struct of typed arrays),
 * `bereidKlantVoor(KlantGegevens, cache, centroiden)` → `KlantKenmerken`, `scoorAlles(klanten, cache, k,
 * gewichten?, { verordeningMaxUren }?)` → `TopK[]` (per client: activity indexes best first, integer scores,
 * filter counts), `rangschik` (one client), `filterPaar` (the hard filters of one pair), `verklaar` + `redenenVoorRol`
 * (the reasons of one pair for a viewer). Centroids: `laadCentroiden()` (the shipped file) or `maakCentroiden(json)`.
 */

// ---- Cohort assignment (cohort/): exact capacitated assignment over the ranking's top-K pairs (teamleider) ----
// `createCohortService({ db, klanten, netwerk, kandidaten: matching.kandidatenVoorCohort, verkenning:
// tegenprestaties.bereidVerkenningVoor, wachtrij? })`: `startCohort(actor, { gemeenteId, klantIds | selectie,
// activiteitIds?, k? })` → run (computed at once when small, else queued: `verwerk(opdracht)` is the job),
// `findRun`/`findRuns`/`findCohort`/`bekijkCohort` (proposal per client with reasons, or why no place),
// `beslis(actor, runId, { accepteer, wijsAf })` (each accepted pair opens a verkenning). Pure solver: `losCohortOp`.
// `inzageVoorKlant(systeem, klantId, { tx, gemeenteId })` → `InzageOnderdeel[]` (src/lib/inzage.ts): the AVG art. 15
// export's cohort proposals concerning the client; the privacy module only (system actor).
export { cohortApi } from './cohort/cohort.api.ts';
export { cohortPolicy } from './cohort/cohort.policy.ts';
export { cohortRoutes } from './cohort/cohort.routes.ts';
export {
  type CohortDeps,
  type CohortOpdracht,
  type CohortService,
  createCohortService,
} from './cohort/cohort.service.ts';
export { type CohortInstantie, type CohortOplossing, losCohortOp } from './cohort/oplosser.ts';
export {
  type ActiviteitCache,
  type ActiviteitGegevens,
  bereidKlantVoor,
  bouwActiviteitCache,
  FACTOR_NAMEN,
  FACTOREN,
  type Factor,
  FILTER_UITLEG,
  FILTERS,
  filterNaam,
  filterPaar,
  type Gewichten,
  type KlantGegevens,
  type KlantKenmerken,
  maakKladblok,
  normaliseerGewichten,
  type RangOpties,
  type Reden,
  rangschik,
  redenenVoorRol,
  redenRegel,
  STANDAARD_GEWICHTEN,
  scoorAlles,
  type TopK,
  uitsluitReden,
  verklaar,
} from './kernel.ts';
export { matchingApi } from './matching.api.ts';
export { matchingPolicy } from './matching.policy.ts';
export { type MatchingRoutesDeps, matchingRoutes } from './matching.routes.ts';
export {
  GewichtenInput,
  type Kandidaten,
  type PassendeActiviteiten,
  type Suggestie,
} from './matching.schemas.ts';
export { createMatchingService, type MatchingDeps, type MatchingService } from './matching.service.ts';
export { type Centroiden, laadCentroiden, maakCentroiden } from './reistijd.ts';
