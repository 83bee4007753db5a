/**
 * Uitvoering: the running tegenprestatie — hours, evaluations, the final follow-up that ends it, and the monthly
 * CBS indicator. See docs/uitvoering.md.
 *
 * ## Service (`createUitvoeringService({ db, tegenprestaties, klanten, afspraakVoorStart, bereidIntrekkingVoor,
 * vandaag?, urenPerDagdeel? })`)
 *
 * Access (`uitvoeringPolicy`): klantmanager and teamleider see and record; teamleider and functioneel beheerder
 * download the CBS export of their municipalities. A placement is visible exactly when its design is
 * (`tegenprestaties.findTegenprestatie`); else `niet-gevonden` (404). Every read and change is logged
 * (`va-klantdossier-tegenprestatie`, subject the client); the export as `exporteren` (`va-rapportage`). Invalid
 * input throws `UitvoeringInvoerfout` (`.velden`; 400 in the API, 422 on pages); a placement that is not
 * `lopend` answers `niet-verwerkbaar` (422).
 *
 * - `bekijkUitvoering(actor, id)` → `{ tegenprestatie, uren, evaluaties, totaalUren }`.
 * - `findUren(actor, id)`; `registreerUren(actor, id, { dagen: [{ datum, uren?, afwezig?, toelichting?, versie?,
 *   verwijderen? }] }, { bron })` → `{ uren, gewijzigd, ongewijzigd }`: nothing overwritten silently (a stored day
 *   changes only with its `versie`, else `conflict`), every change kept (`findUrenWijzigingen(actor, id)`), the date
 *   and day-part rules of `toetsUren` (urenregels.ts; pure, for every way hours come in).
 * - `wijzigLevensloop(actor, id, { stap: 'starten' | 'terug-naar-ontwerp' | 'beeindigen-voor-start', reden?,
 *   beeindigingReden?, intrekking? })`: the steps from `overeengekomen`; `volgendeStappen(t, vandaag, extra)`
 *   (stappen.ts; pure) says what the placement page offers, or why nothing. Where imposed and sent, a back-step or an
 *   early end (also a final evaluation `beeindigd`) records the revocation decision (dep `bereidIntrekkingVoor`, the
 *   overeenkomsten module) in the same transaction, or is refused without it.
 * - `evaluatiesVan(actor, id)` (lean, for the overeenkomsten module's versions); `evaluatieVerslagPdf(actor, id,
 *   evaluatieId)` → the evaluation report (evaluatieverslag.ts; pure `evaluatieDocument`).
 * - `weekUrenPerTegenprestatie(actor, ids, maandag)` → Map id → `{ uren, dagen, afwezig }` (the signal job).
 * - `findEvaluaties(actor, id)`, `createEvaluatie(actor, id, EvaluatieInput)` (with `besluit: 'beeindigen'` and
 *   `eind`: ends the placement through `tegenprestaties.voerDeel2OvergangUit` in the same transaction).
 * - `laatsteUrenPerTegenprestatie(actor, ids)` → Map id → latest date with hours (the signal job).
 * - `cbsExport(actor, gemeenteId, 'JJJJ-MM')` → `CbsRegel[]`; `cbsCsv(code, maand, regels)` makes the CSV.
 * - `inzageVoorKlant(systeem, klantId, { tx, gemeenteId })` → `InzageOnderdeel[]` (src/lib/inzage.ts): the AVG
 *   art. 15 export's hours/absences and evaluations; the privacy module only (system actor).
 */
export { uitvoeringPaden } from './paden.ts';
export { type MogelijkeStap, STAPPEN, type Stap, type Vervolg, volgendeStappen } from './stappen.ts';
export { uitvoeringApi } from './uitvoering.api.ts';
export { type DemoUitvoeringOpzet, laadDemoUitvoering } from './uitvoering.demo.ts';
export { uitvoeringPolicy } from './uitvoering.policy.ts';
export { uitvoeringRoutes } from './uitvoering.routes.ts';
export {
  AFWEZIG_NAMEN,
  AFWEZIGHEDEN,
  BEEINDIGING_NAMEN,
  BESLUIT_NAMEN,
  BESLUITEN,
  type CbsRegel,
  Evaluatie,
  EvaluatieInput,
  LevensloopInput,
  UitvoeringInvoerfout,
  UREN_BRON_NAMEN,
  UREN_BRONNEN,
  type UrenBron,
  UrenInput,
  Urenregel,
  UrenWijziging,
} from './uitvoering.schemas.ts';
export {
  cbsCsv,
  createUitvoeringService,
  maandGrenzen,
  type UitvoeringBeeld,
  type UitvoeringDeps,
  type UitvoeringService,
  type UrenResultaat,
} from './uitvoering.service.ts';
export {
  DAGDELEN_PER_DAG,
  maandagVan,
  maxUrenPerWeek,
  STANDAARD_UREN_PER_DAGDEEL,
  toetsUren,
  type UrenDagWijziging,
  type UrenKader,
} from './urenregels.ts';
