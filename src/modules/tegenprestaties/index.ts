/**
 * Tegenprestaties, part 1: exploration (verkenning), design (ontwerp), the guideline checklist and the move to
 * toetsing — the public surface of this module. See docs/tegenprestaties.md.
 *
 * ## Service (`createTegenprestatiesService({ db, klanten, netwerk, gesprekken?, opleggenToegestaan })`)
 *
 * Other modules get the service from `buildApp` (src/app.ts builds it once after klanten and netwerk and passes it
 * to the routes that need it, as it does with `klanten` and `netwerk`): take it as a dependency of your routes
 * factory (`Pick<TegenprestatiesService, 'startVerkenning'>`), never build a second one.
 *
 * Access (`tegenprestatiesPolicy`): klantmanager and teamleider; a design is visible exactly when its client's file
 * is (`klanten.findKlant`); anything else answers `niet-gevonden` (404). Every read and change is logged
 * (`va-klantdossier-tegenprestatie`, subject the client) in its transaction. Invalid input throws
 * `TegenprestatieInvoerfout` (`.velden`: Dutch message per field path; 400). A refused move answers
 * `niet-verwerkbaar` (422) with a Dutch message; a stale `versie` answers `conflict` (409).
 *
 * - `startVerkenning(actor, { klantId, activiteitId?, gesprekId?, suggestie?: { bron: 'ranking'|'cohort', score,
 *   redenen } })` → `{ id }`: a new design in `verkenning` (from the client file, a conversation or an
 *   accepted matching suggestion). `bereidVerkenningVoor(actor, input)` checks first and returns `(tx) => { id }`
 *   to insert it inside the caller's transaction.
 * - `findTegenprestaties(actor, { klantId?, status?, adviesGevraagd?, pagina?, paginaGrootte? })` → `Pagina`;
 *   `findTegenprestatie(actor, id)` → design + `overgangen` (status history).
 * - `bekijkOntwerp(actor, id, concept?)` → the design page's data with the live `richtlijnChecklist`.
 * - `updateTegenprestatie(actor, id, patch)` (only in verkenning/ontwerp; `versie` for optimistic concurrency).
 * - `wijzigStatus(actor, id, { naar, reden?, versie? })`: part-1 moves only (verkenning → ontwerp → toetsing,
 *   back-steps with a reason, withdrawing an intention to impose). Entering `toetsing` claims the activity's place
 *   (netwerk `claimPlaats`, houderType `tegenprestatie`, same transaction); leaving it releases it.
 * - `voerDeel2OvergangUit(actor, id, { naar, reden?, versie?, beeindigingReden? })`: **reserved for part 2**
 *   (agreement, running, ending); the pages and API of this module never call it. `bereidDeel2OvergangVoor(actor,
 *   id, input)` does its checks first and returns `(tx) => …` to make the move inside the caller's transaction.
 * - `herbeoordeling(actor, id)` → `{ nodig, redenen }`: why an agreed or running placement needs review now
 *   (displacement assessment, work or re-integration starting during it); derived, never stored (herbeoordeling.ts).
 * - `meldTwijfel(actor, id, { reden })` → `{ intervisieId }`: a caseworker's doubt about one agreed or running
 *   placement, to intervision (netwerk `meldPlaatsingsTwijfel`, same transaction); "niet toegestaan" flags it for review.
 * - `vraagAdvies(actor, id, { vraag })`, `geefAdvies(actor, id, { advies })` (teamleider).
 * - Imposing a design the client does not want (issue 15, docs/dwang.md), only where `opleggenToegestaan` (a
 *   REQUIRED dependency: the guard fails closed) says the ordinance imposes: `legVoornemenVast(actor, id,
 *   { redenen, alternatief })` (ontwerp → opleggen), `legZienswijzeVast(actor, id, zienswijze | Awb 4:11 ground)`
 *   (a good reason sends it back to ontwerp), `beoordeelOplegging(actor, id, { akkoord, toelichting })` (teamleider,
 *   a second person; akkoord → toetsing, else → ontwerp). `findTegenprestatie` carries the latest round
 *   (`oplegging`), which the college's decision (overeenkomsten) requires and answers in its reasons.
 * - `inzageVoorKlant(systeem, klantId, { tx, gemeenteId })` → `InzageOnderdeel[]` (src/lib/inzage.ts): the AVG
 *   art. 15 export's parts "Uw tegenprestatie" and its status history; the privacy module only (system actor).
 *   `ontwerpIdsVoorInzage(systeem, klantId, { tx })`: the client's design ids in the caller's transaction, for
 *   another module's export part (overeenkomsten).
 *
 * Pure: `richtlijnChecklist(input)` (checklist.ts) and the state machine (`toetsOvergang`, `OVERGANGEN`,
 * `plaatsActie`, `houdtPlaats`; statusmachine.ts).
 */
export * from './checklist.ts';
export * from './herbeoordeling.ts';
export * from './oplegging.ts';
export * from './statusmachine.ts';
export { tegenprestatiesApi } from './tegenprestaties.api.ts';
export { laadDemoTegenprestaties } from './tegenprestaties.demo.ts';
export { tegenprestatiesPolicy } from './tegenprestaties.policy.ts';
export { tegenprestatiesRoutes } from './tegenprestaties.routes.ts';
export {
  Herbeoordeling,
  Oplegging,
  OpleggingBeoordelingInput,
  StartVerkenningInput,
  VoornemenInput,
  ZienswijzeInput,
  type Statusovergang,
  StatusovergangInput,
  Suggestie,
  Tegenprestatie,
  TegenprestatieInvoerfout,
  UpdateTegenprestatieInput,
  VERVOLG_NAMEN,
  VERVOLGEN,
  type Vervolg,
} from './tegenprestaties.schemas.ts';
export {
  createTegenprestatiesService,
  naarOplegging,
  type GesprekSamenvatting,
  type OntwerpBeeld,
  type TegenprestatiesDeps,
  type TegenprestatiesService,
} from './tegenprestaties.service.ts';
