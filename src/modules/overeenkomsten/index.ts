/**
 * Tegenprestaties, part 2: the check of a design against the ordinance, the college's decision (besluit), the
 * agreement (overeenkomst) with its acceptance, and the daily move to `lopend`. See docs/overeenkomsten.md.
 *
 * ## Service (`createOvereenkomstenService({ db, tegenprestaties, klanten, netwerk, verordening, signalen?, vandaag?,
 * verzekering? })`)
 * Access (`overeenkomstenPolicy`): klantmanager and teamleider; a design is visible exactly when the tegenprestaties
 * module shows it (else `niet-gevonden`, 404). Every read, PDF and change is logged (`va-klantdossier-tegenprestatie`,
 * subject the client). Invalid input throws `OvereenkomstInvoerfout` (`.velden`); a refused step `niet-verwerkbaar`.
 * - `voerToetsingUit(actor, id)` → `Toetsing`: only in `toetsing` (earlier: 422 naming the open MOETs); the
 *   version in force on the START date (verordening `toetsOntwerp`); stored per rule with the version (snapshot).
 * - `listToetsingen(actor, id)` → newest first. `bekijk(actor, id)` → the page's `OvereenkomstBeeld`.
 * - `neemBesluit(actor, id, { datum, verzenddatum, ondertekenaar })` → stand + `waarschuwingen`: only where the
 *   checked version imposes (`opleggen`); refused when the start lies before the sending date or the period
 *   reaches a day without a recorded legal basis; warned below the version's `minDagenVerzendingStart`.
 * - `eindigVoorGrondslag(actor, id)` → `Toetsing`: ends the period the day before the regime without a basis,
 *   checks again and raises the signal `opnieuw-besluiten` (deps `signalen.meld`).
 * - `besluitPdf(actor, id)`, `overeenkomstPdf(actor, id)` → PDF buffers; `documentGegevens(actor, id, soort)`.
 *   The instrument's name on a document is the name of the period (the version in force on its start date).
 * - `legAcceptatieVast(actor, id, { overeenkomstDatum, klantGetekendOp, organisatieGetekendOp?,
 *   bevestigingsreden? })`: a voluntary agreement dated after the start needs the reason; an imposed one may not; then
 *   `overeengekomen` (tegenprestaties `voerDeel2OvergangUit`, same transaction). A host-less design needs only the
 *   client.
 * - `startOvereenkomsten(reden, { vandaag? })` (the job `overeenkomsten-starten`): accepted agreements whose start
 *   date has come move to `lopend`, as the logged system of their social service — only each design's current
 *   agreement, and only when the design's start date is that agreement's (`startOordeel`).
 * - `afspraakVoorStart(actor, id)` → `AfspraakVoorStart | null`: the current agreement, for a start by hand (the
 *   uitvoering module judges it with the same `startOordeel`).
 * - Versions of a running agreement (issue 16; dep `evaluaties`, the uitvoering module's `evaluatiesVan`):
 *   `aanpassing(actor, id)` → the page's `AanpassingBeeld`; `stelVersieVoor(actor, id, VersieVoorstelInput)` after an
 *   evaluation with `aanpassen` (checked by `beoordeelVersie` and the ordinance; an extension by its rule);
 *   `bevestigVersie(actor, id, nummer, VersieBevestigingInput)` (three parties; where imposed the change decision,
 *   sent no later than it takes effect) sets the placement's items (tegenprestaties `bereidAfspraakWijzigingVoor`);
 *   `trekVersieIn`; `versies`; `versieStand` (for the placement page); `versiePdf`, `wijzigingsbesluitPdf`.
 * - `inzageVoorKlant(systeem, klantId, { tx, gemeenteId })` → `InzageOnderdeel[]` (src/lib/inzage.ts): the AVG
 *   art. 15 export's check results, decisions and agreements (dates and signatory; no PDFs); privacy module only.
 *
 * Pure: `besluitDocument`, `overeenkomstDocument`; `besluit.ts` (`beoordeelVerzending`, `bezwaartermijn`,
 * `beoordeelGrondslag`, `beoordeelBevestiging`); `versie.ts` (`beoordeelVersie`, `beoordeelBevestigingVersie`,
 * `verlengingMaanden`); `startOordeel(tegenprestatie, afspraak, vandaag)` (may this
 * agreement start the placement now?). The check's input comes from the verordening module's `ontwerpVoorToets`.
 * Legal choices: docs/recht.md.
 */

export { bezwaartermijn } from './besluit.ts';
export {
  besluitDocument,
  type DocumentGegevens,
  overeenkomstDocument,
  renderPdf,
  standaardVerzekering,
} from './documenten.ts';
export { overeenkomstenApi } from './overeenkomsten.api.ts';
export { laadDemoOvereenkomsten } from './overeenkomsten.demo.ts';
export { overeenkomstenPolicy } from './overeenkomsten.policy.ts';
export { overeenkomstenRoutes } from './overeenkomsten.routes.ts';
export {
  AcceptatieInput,
  BesluitInput,
  OvereenkomstInvoerfout,
  type OvereenkomstVersie,
  Toetsing,
  VersieVoorstelInput,
} from './overeenkomsten.schemas.ts';
export {
  createOvereenkomstenService,
  type OvereenkomstBeeld,
  type OvereenkomstenDeps,
  type OvereenkomstenService,
  type OvereenkomstStand,
  type VersieStand,
} from './overeenkomsten.service.ts';
export { type AfspraakVoorStart, type StartOordeel, startOordeel } from './start.ts';
