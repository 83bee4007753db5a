/**
 * The network (netwerk): host organisations, their activities and places, the displacement assessment
 * (verdringingstoets) and intervision — the public surface of this module.
 *
 * ## Service (`createNetwerkService({ db, gemeenten })`): every function takes `(actor, …)`
 *
 * Access (`netwerkPolicy`): the netwerkmakelaar manages organisations, activities and assessments; klantmanager and
 * teamleider read; the teamleider decides intervision requests; other roles have no access. Row-level security
 * limits everyone to organisations and activities that serve one of their municipalities; anything else answers
 * `niet-gevonden` (404). Every change writes an access log entry (`va-netwerk`) in its transaction. Invalid input
 * throws `NetwerkInvoerfout` (`.velden`: Dutch message per field path; status 400, 409 for a duplicate KvK number).
 *
 * - Organisations: `findOrganisaties(actor, { zoek?, type?, status?, gemeenteId?, wijkId?, pagina?, paginaGrootte? })`,
 *   `findOrganisatie(actor, id)`, `createOrganisatie`, `updateOrganisatie(actor, id, input)`,
 *   `stelOrganisatieVoor(actor, input)` (klantmanager: status `voorgesteld`).
 * - **Names in the caller's transaction** (the AVG art. 15 export's parts): `namenInTransactie(actor,
 *   { organisaties?, activiteiten? }, { tx })` → organisation names and activity titles with their host, by id.
 * - **Look-up for the client file** (a client's own-network entry linked to an organisation):
 *   `zoekOrganisaties(actor, zoek, { limit? })` → `OrganisatieKeuze[]` (id, naam, type, plaats, status), and
 *   `findOrganisatie(actor, id)` to show it. Klantmanager and teamleider may use both.
 * - Activities: `findActiviteiten(actor, { zoek?, categorie?, organisatieId?, organisatieType?, gemeenteId?, wijkId?,
 *   status?, toetsStatus?, toetsGeldig?, vrijePlaatsen?, maatwerk?, pagina?, paginaGrootte? })`, `findActiviteit(actor, id)`,
 *   `createActiviteit`, `updateActiviteit(actor, id, input)`, `createMaatwerkActiviteit(actor, input)`
 *   (klantmanager; flagged `maatwerk`, host optional).
 * - **Places** (for the design issue): `claimPlaats(actor, { activiteitId, houderType, houderId }, { tx? })` →
 *   `{ plaatsen, plaatsenBezet, alGeclaimd }`, `releasePlaats(actor, same, { tx? })` → boolean. Idempotent per
 *   holder; the last place cannot be taken twice (row lock + CHECK); `conflict` (409) when none is free. Pass `tx`
 *   to claim inside your own transaction. Capacity only: check `beoordeelPlaatsing` for whether the activity may
 *   be used at all.
 * - Assessment: `listVerdringingstoetsen(actor, activiteitId)`, `createVerdringingstoets(actor, activiteitId,
 *   { antwoorden: [{ vraag, antwoord, toelichting }], conclusie, motivering })` (twijfel opens an intervision
 *   request), `beoordeelPlaatsing(actor, activiteitId, peildatum?)` → `{ mag, redenen, voorwaarden }`.
 * - Intervision: `findIntervisies(actor, { status? })`, `findIntervisie(actor, id)`,
 *   `besluitIntervisie(actor, id, { deelnemers, besluit, voorwaarden?, motivering })` (teamleider).
 *
 * ## Pure rules (no I/O), for later issues
 * `magGeplaatstWorden(activiteit, toets, intervisie, peildatum)` — "no placement without a valid geen-risico
 * assessment or an allowing intervision decision", 12 months' validity, lapsed on material change — with Dutch
 * reasons; `bepaalAdvies` (checklist → advice), `toetsStatus`, `VRAGEN` (the checklist), and the value lists.
 */
export { activiteitLabel, gemeentenTekst, gemeentenUitIds, organisatieLabel } from './labels.ts';
export { ACTIVITEIT_KOLOMMEN, ORGANISATIE_KOLOMMEN } from './import/kolommen.ts';
export { netwerkImportRoutes } from './import/netwerk-import.routes.ts';
export {
  createNetwerkImportService,
  ImportBestandFout,
  type NetwerkImport,
  type NetwerkImportOpdracht,
  type NetwerkImportService,
} from './import/netwerk-import.service.ts';
export * from './keuzelijsten.ts';
export { activiteitMaterieelGewijzigd, organisatieMaterieelGewijzigd } from './materieel.ts';
export { netwerkApi } from './netwerk.api.ts';
export { type NetwerkActie, netwerkPolicy } from './netwerk.policy.ts';
export { netwerkRoutes } from './netwerk.routes.ts';
export {
  type Activiteit,
  ActiviteitInput,
  type ActiviteitOverzicht,
  type Contactpersoon,
  type Intervisie,
  IntervisieBesluitInput,
  NetwerkInvoerfout,
  type Organisatie,
  OrganisatieInput,
  type OrganisatieOverzicht,
  type Pagina,
  PlaatsInput,
  PlaatsingsTwijfelInput,
  ToetsInput,
  type ToetsSamenvatting,
  type Verdringingstoets,
} from './netwerk.schemas.ts';
export {
  type ActiviteitImportRij,
  createNetwerkService,
  type ImportOpties,
  type ImportUitkomst,
  type NetwerkDeps,
  type NetwerkService,
  type OrganisatieKeuze,
  vandaagNl,
} from './netwerk.service.ts';
export {
  type Advies,
  bepaalAdvies,
  controleerAntwoorden,
  controleerConclusie,
  GELDIGHEID_MAANDEN,
  geldigTot,
  keuzeWeigering,
  magGeplaatstWorden,
  type PlaatsingsActiviteit,
  type PlaatsingsIntervisie,
  type Plaatsingsoordeel,
  type PlaatsingsToets,
  TOETS_STATUS_NAMEN,
  TOETS_STATUSSEN,
  type ToetsAntwoord,
  type ToetsStatus,
  toetsStatus,
  VRAAG_IDS,
  VRAGEN,
  type Vraag,
  type VraagId,
} from './verdringing.ts';
