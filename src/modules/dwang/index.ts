/**
 * Dwang (the compulsory frame, issue 15; docs/dwang.md): what happens where a municipality imposes the
 * tegenprestatie and a client does not comply. Section 1 (imposing a design the client does not want) lives in
 * the tegenprestaties module (the design's states); this module holds what follows the imposed decision.
 *
 * ## Service (`createDwangService({ db, overeenkomsten, signalen, patroon?, vandaag? })`)
 * Access (`dwangPolicy`): klantmanager and teamleider; a placement is visible exactly when its design is (the
 * overeenkomsten module's `opgelegdBesluit` reads it through the tegenprestaties module; else 404). Every read and
 * change is logged (`va-klantdossier-tegenprestatie`, subject the client).
 * - `legIncidentVast(actor, tegenprestatieId, { soort, datum, omschrijving, bron, bronNaam? })` →
 *   `{ incident, patroon }`: only under an imposed decision (else 422), dated within the imposed period, not before
 *   the decision was sent, not in the future. A completed pattern raises `incident-patroon` for the design's
 *   caseworker (signalen `meld`, after the transaction). A signal never starts a measure.
 * - `listIncidenten(actor, tegenprestatieId)` → `{ incidenten, opgelegd, patroon }`.
 *
 * - `listMaatregelverordeningen(actor, gemeenteId)`, `maatregelverordeningOp(actor, gemeenteId, datum)` (the version
 *   valid on the conduct date), `legMaatregelverordeningVast(actor, gemeenteId, versie)` (functioneel beheerder;
 *   checked by `controleerVerordening`; 409 on an existing effective date; a version never changes).
 * - `inzageVoorKlant(systeem, klantId, { tx, gemeenteId })`: the AVG art. 15 export's incidents (privacy module).
 * - `laadDemoMaatregelverordeningen(dwang, actor, gemeenten)`: Aardam's demo ordinance.
 *
 * ## Measure path (`createMaatregelService({ db, overeenkomsten, rechtsgrond, geadresseerde, vandaag? })`)
 * `listMaatregelen`, `findMaatregel`, `legVoornemenVast` (intention: imposed decision sent, conduct in its period,
 * basis + ordinance + category on the conduct date), `legHoringVast` (view or Awb 4:11 / 4:12 ground),
 * `legVerwijtbaarheidVast` (art. 18 lid 9 and 10), `zieAf`, `doeVoorstel`, `beoordeelVoorstel` (team lead, not the
 * proposer: the decision), `document(…, 'voornemen' | 'besluit')` (PDF). Guard: `maatregelpad.ts`
 * (`ontbrekendVoorVoorstel`, `ontbrekendVoorBesluit`), backed by CHECKs on `maatregel` (migration 0951).
 *
 * ## After the decision and the export (`createNazorgService({ db, overeenkomsten, klantnummer, vandaag? })`)
 * `nazorg` (reconsideration due date, changes, what applies now), `stelWijzigingVoor` / `beoordeelWijziging`
 * (reconsideration outcome, urgent reasons, after objection or a provisional ruling; four eyes), `listRechtsmiddelen`,
 * `legRechtsmiddelVast`, `legBeslissingVast` (objection and voorlopige voorziening against the imposing decision or a
 * measure), `teHeroverwegen` (the signal job), `teamlijst` (the team lead's list by stage), `maakExport` /
 * `listExports` / `findExport` (the monthly export to the benefits system; `exportCsv`). Pure: `nazorg.ts`. Tables:
 * migration 1001. The AVG parts: `nazorg.inzage.ts`. Demo: `laadDemoMaatregelen` (Aardam, one path at each stage).
 * The measure service's `ontvangers` (required): the klanten module's representatives and partner (migration 1002).
 *
 * Pure: `incidenten.ts` (`beoordeelIncident`, `patroonBereikt`, `STANDAARD_PATROON`); `maatregelen.ts` (the measures
 * ordinance and its rules: `versieOpDatum`, `vindCategorie`, `telHerhalingen`, `bepaalMaatregel`,
 * `buitenBandbreedte`, `beoordeelVoorstel`, `afzienGronden`, `hoortermijnEinde`, `hoorOordeel`).
 */
export { dwangApi } from './dwang.api.ts';
export {
  type DemoMaatregelOpzet,
  laadDemoMaatregelen,
  laadDemoMaatregelverordeningen,
} from './dwang.demo.ts';
export { dwangPolicy } from './dwang.policy.ts';
export { dwangRoutes } from './dwang.routes.ts';
export {
  Incident,
  IncidentInput,
  IncidentenOverzicht,
  MaatregelVerordeningInput,
  MaatregelverordeningVersie,
} from './dwang.schemas.ts';
export { createDwangService, type DwangDeps, type DwangService } from './dwang.service.ts';
export * from './incidenten.ts';
export * from './maatregelen.ts';
export * from './maatregelpad.ts';
export { maatregelApi } from './maatregel.api.ts';
export { maatregelRoutes } from './maatregel.routes.ts';
export { createMaatregelService, type MaatregelDeps, type MaatregelService } from './maatregel.service.ts';
export * from './nazorg.ts';
export { nazorgApi } from './nazorg.api.ts';
export { nazorgRoutes } from './nazorg.routes.ts';
export { createNazorgService, exportCsv, type NazorgDeps, type NazorgService } from './nazorg.service.ts';
