/**
 * The client file (klantdossier): the public surface of this module.
 *
 * ## Service (`createKlantenService(deps)`): every function takes `(actor, …)`
 *
 * Access: klantmanager and teamleider only (`klantenPolicy`). A klantmanager sees their own caseload and the
 * clients of their teams' colleagues; a teamleider all clients of their municipalities. Anything else the actor
 * may not see answers `niet-gevonden` (404) — also a client of another municipality. Every read of a client
 * (list rows included), change and BSN reveal is recorded in the access log (`va-klantdossier-tegenprestatie`) in
 * the same transaction. Invalid input throws `KlantInvoerfout` (`.velden`: Dutch message per field path, e.g.
 * `achternaam`, `werk.0.urenPerWeek`; status 400, or 409 for a duplicate klantnummer/BSN) — pages show those
 * with 422 and keep what was typed.
 *
 * Reading
 * - `findKlanten(actor, { gemeenteId?, zoek?, reikwijdte?: 'mijn'|'team'|'alle', toepasselijkheid?, wijkId?,
 *   klantmanagerId?: uuid|'geen', metGesloten?, sorteer?: 'naam'|'klantnummer'|'geboortedatum'|'wijk'|
 *   'toepasselijkheid'|'gewijzigd', richting?: 'oplopend'|'aflopend', pagina?, paginaGrootte? (≤100, default 25) })`
 *   → `Pagina<KlantOverzicht>` (`items`, `totaal`, `pagina`, `paginaGrootte`, `aantalPaginas`). `zoek` matches
 *   every word against klantnummer and name parts. Default reikwijdte: klantmanager `team`, teamleider `alle`.
 * - `zoekKlantenOpBsn(actor, bsn)` → `KlantOverzicht[]` — exact BSN, from a POSTed form/body only.
 * - `findKlant(actor, id)` → `KlantDossier`: profile, `bsnGemaskeerd`, werk, reintegratie, belastbaarheid,
 *   ontheffingen (with legal basis and effective end), skills, interests and `toepasselijkheidDetail`
 *   (`bepaalToepasselijkheid` for today: uitkomst, redenen with article, resterendeUren, AOW date).
 * - `toonBsn(actor, id)` → the full BSN (or null), logged as a reveal (subject type `klant-bsn`).
 * - `listOntheffingen(actor, klantId)` → `Ontheffing[]`.
 * - `identificeerKlant(actor, { klantnummer?, bsn?, gemeenteId?, klantId? })` → `[{ id, gemeenteId, klantnummer }]`
 *   (privacy officer: find the subject for the access log without opening the file; the lookup runs under a
 *   system context, since row-level security keeps the privacy officer out of client tables).
 * - `verzamelInzage(actor, id)` → `KlantDossier & { bsn }` (privacy officer, AVG art. 15: collected under the
 *   system context `avg-inzage`, logged as the system's read and the officer's `exporteren`).
 *
 * Changing
 * - `createKlant(actor, CreateKlantInput)` → `KlantDossier`. Needs `gemeenteId`, `achternaam`, `geboortedatum`.
 *   The wijk follows from the postcode's 4 digits (the municipality's wijk table) unless `wijkId` is given.
 * - `updateKlant(actor, id, UpdateKlantInput)` → `KlantDossier`. PATCH: absent = unchanged, `null` = cleared,
 *   lists (werk, reintegratie, dagdelen, vaardigheidIds, …) replaced whole; `wijkId: null` = derive again.
 * - `wijsKlantmanagerToe(actor, id, klantmanagerId | null)` (klantmanager: within own team).
 * - `sluitDossier(actor, id, { gesloten?: boolean = true, per?: IsoDatum })` → `KlantDossier`: closes the file
 *   (benefit ended) now or as of an earlier day, or opens it again; retention counts from the closing day.
 * - `createOntheffing(actor, klantId, OntheffingInput)`, `updateOntheffing(actor, klantId, ontheffingId,
 *   { einddatum?, herbeoordelingsdatum?, reden? })` → `Ontheffing`. End dates are exclusive: the tegenprestatie
 *   applies again from the end date.
 * - Own network: `koppelNetwerkOrganisatie(actor, klantId, organisatieId, toelichting?)`,
 *   `ontkoppelNetwerkOrganisatie(actor, klantId, organisatieId)` and `zoekNetwerkOrganisaties(actor, klantId,
 *   zoek)` (the network module's look-up); same access as editing the client, the organisation must be visible
 *   and serve the client's municipality; logged as `wijzigen`. The file lists them in `netwerkOrganisaties`.
 *
 * Form helpers: `klantmanagerKeuzes(actor, gemeenteId?)`, `wijkVoorPostcode(actor, gemeenteId, postcode)`,
 * `listVaardigheden`, `listInteresses`, `listLokaleGronden(actor, gemeenteId)`, `findInstellingen(actor,
 * gemeenteId)`; value lists with Dutch names in `keuzelijsten.ts` (re-exported below).
 *
 * Functioneel beheerder: `create/updateVaardigheid`, `create/updateInteresse`, `create/updateLokaleGrond`,
 * `updateInstellingen(actor, gemeenteId, { regulierWerkUren })`, and for the CSV import
 * `importeerKlanten(actor, gemeenteId, [{ rij, invoer }], { proefrun?, klantmanagerId? })` → `ImportRij[]`
 * (upsert by klantnummer; only row numbers, klantnummers and field messages in the report; batch inserts).
 *
 * Retention (functioneel beheerder, jobs): `findVerlopenDossiers(actor, { gemeenteId, maanden, peildatum })` →
 * closed files past their period (id, klantnummer, dates); `vernietigKlanten(actor, { gemeenteId, klantIds,
 * maanden, peildatum, inTransactie? })` deletes those still past it from every client table in one transaction
 * (the log keeps its pseudonymous references and records each destruction).
 *
 * Jobs: `vernieuwToepasselijkheid(systeemActor(…, dienstId))` recomputes stored applicability that has become
 * stale (lists also do this for their own municipalities before filtering).
 */
export { aowDatum, formatAowLeeftijd } from './aow.ts';
export { type BsnSleutels, isGeldigBsn, maskeerBsn, normaliseerBsn, parseBsnSleutels } from './bsn.ts';
export {
  dagenTussen,
  formatDatumNl,
  type IsoDatum,
  isIsoDatum,
  plusDagen,
  plusMaanden,
  vandaag,
} from './datum.ts';
export { IMPORT_USAGE, runImportCli } from './import/klanten-import.cli.ts';
export {
  createKlantenImportService,
  ImportBestandFout,
  type KlantenImportService,
  type KlantImport,
} from './import/klanten-import.service.ts';
export {
  BEPERKING_NAMEN,
  BEPERKINGEN,
  DAG_NAMEN,
  DAGDEEL_TIJDEN,
  DAGDELEN,
  DAGEN_KORT,
  dagdeelNaam,
  MOBILITEIT,
  MOBILITEIT_NAMEN,
  OPLEIDINGSNIVEAU_NAMEN,
  OPLEIDINGSNIVEAUS,
  TAAL_NAMEN,
  TAALNIVEAU_NAMEN,
  TAALNIVEAUS,
} from './keuzelijsten.ts';
export * from './betrokkenen.ts';
export { betrokkenenRoutes } from './betrokkenen.routes.ts';
export {
  Betrokkene,
  BetrokkeneInput,
  type BetrokkenenService,
  createBetrokkenenService,
} from './betrokkenen.service.ts';
export { klantenApi } from './klanten.api.ts';
export { type Medewerker, type MedewerkersBron, medewerkersUitBeheer } from './klanten.medewerkers.ts';
export { klantenPolicy } from './klanten.policy.ts';
export { klantenRoutes } from './klanten.routes.ts';
export {
  CreateKlantInput,
  type KlantDossier,
  type KlantenZoekvraag,
  type KlantOverzicht,
  type Ontheffing,
  OntheffingInput,
  type Pagina,
  REIKWIJDTES,
  SORTERINGEN,
  UpdateKlantInput,
  UpdateOntheffingInput,
} from './klanten.schemas.ts';
export {
  type CatalogusItem,
  createKlantenService,
  type ImportRij,
  type KlantenDeps,
  type KlantenService,
  KlantInvoerfout,
  type KlantmanagerKeuze,
  type LokaleGrond,
  type Veldfouten,
  weergavenaam,
} from './klanten.service.ts';
export { NEGEN_A_GEBEURTENIS_NAMEN } from './negen-a.ts';
export { parsePostcode } from './postcode.ts';
export {
  bepaalToepasselijkheid,
  ONTHEFFING_TYPE_NAMEN,
  ONTHEFFING_TYPES,
  type OntheffingType,
  STANDAARD_REGULIER_WERK_UREN,
  TOEPASSELIJKHEDEN,
  TOEPASSELIJKHEID_NAMEN,
  type Toepasselijkheid,
} from './toepasselijkheid.ts';
export { DossierFrame, type Tab as DossierTab } from './views/dossier.tsx';
