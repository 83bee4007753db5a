/**
 * Conversations (gesprekken) with a client and the client's own proposals (eigen voorstellen): the public surface
 * of this module. The guideline's personal conversation has four parts — (a) kracht en bekwaamheid, (b) wensen,
 * ambities en kwaliteiten, (c) eigen voorstel, (d) eigen sociale omgeving — plus notes and agreed next steps. See
 * docs/gesprekken.md.
 *
 * ## Getting the service
 * `src/app.ts` builds one service, `const gesprekken = createGesprekkenService({ db: db.app, klanten, netwerk })`,
 * right after the klanten and netwerk services, and passes it to this module's routes. Pass that same `gesprekken`
 * to your own routes or service factory (e.g. `tegenprestatieRoutes({ …, gesprekken })`); type it as
 * `Pick<GesprekkenService, 'samenvattingVoorKlant'>` so tests can hand in a real service built the same way.
 *
 * ## Service (`createGesprekkenService({ db, klanten, netwerk })`): every function takes `(actor, …)`
 *
 * Access (`gesprekkenPolicy`): klantmanager and teamleider read; the klantmanager records conversations and own
 * proposals. Caseload and team access are the client file's (`klanten.findKlant`): a client the actor may not open
 * — or of another municipality — answers `niet-gevonden` (404). Every read and change is recorded in the access log
 * with the client as subject (`va-klantdossier-tegenprestatie`). Invalid input throws `GesprekInvoerfout`
 * (`.velden`: Dutch message per field path; status 400) — pages show those with 422 and keep what was typed.
 *
 * For other modules (contract):
 * - `samenvattingVoorKlant(actor, klantId, { tx? })` → `GesprekSamenvatting | null`: the latest conversation's
 *   `{ id, datum, onderdelen: { krachtEnBekwaamheid, wensen, eigenVoorstel, socialeOmgeving } }` (true = the part
 *   holds non-blank text). For the tegenprestatie checklist (WENSELIJK). Roles: klantmanager, teamleider.
 * - `wensenVanKlanten(actor, klantIds, { tx? })` → `Map<klantId, text>`: part (b) and part (a) of the latest
 *   conversation that has either, for the matching engine's text similarity; clients without one are absent.
 *   Roles: klantmanager, teamleider, netwerkmakelaar (the text is for scoring, never to be shown to the latter).
 *   Logged per client with `recordMany` (`va-matching`).
 * - `eigenVoorstellenVanKlant(actor, klantId, { tx? })` → `EigenVoorstel[]`, newest first: the client's own
 *   proposals with the maatwerk activity each became (`activiteitId`, null when not judged useful).
 * These check role and row-level security (municipality), not the caseload: the caller has opened the client(s)
 * through the client file. Pass `tx` (with this actor's context) to read inside your own transaction.
 * - `inzageVoorKlant(systeem, klantId, { tx, gemeenteId })` → `InzageOnderdeel[]` (src/lib/inzage.ts): the AVG
 *   art. 15 export's parts "Gesprekken met u" and "Uw eigen voorstellen"; the privacy module only (system actor).
 *
 * Own pages and API:
 * - `gesprekkenVanKlant(actor, klantId)` → `{ klant, gesprekken: GesprekOverzicht[] }` (newest first).
 * - `findGesprek(actor, id)` → `{ klant, gesprek: Gesprek }` (with its own proposals).
 * - `createGesprek(actor, klantId, GesprekInput)`, `updateGesprek(actor, id, GesprekWijziging)` → `Gesprek`.
 * - `createEigenVoorstel(actor, gesprekId, EigenVoorstelInput)` → `EigenVoorstel`: with the judgment of social
 *   usefulness; when useful it becomes a `maatwerk` activity through the network (host optional; a new
 *   organisation is proposed with status `voorgesteld`).
 *
 * Pure helpers: `onderdelenVan(gesprek)`, `parseDeelnemers(tekst)` (participants from a text field).
 */
export { deelnemersAlsTekst, parseDeelnemers } from './deelnemers.ts';
export { gesprekkenApi } from './gesprekken.api.ts';
export { DEMO_GESPREKKEN_PER_GEMEENTE, laadDemoGesprekken } from './gesprekken.demo.ts';
export { gesprekkenPolicy } from './gesprekken.policy.ts';
export { gesprekkenRoutes } from './gesprekken.routes.ts';
export {
  type EigenVoorstel,
  EigenVoorstelInput,
  type Gesprek,
  GesprekInput,
  GesprekInvoerfout,
  type GesprekOverzicht,
  type GesprekSamenvatting,
  GesprekWijziging,
  ONDERDEEL_NAMEN,
  ONDERDELEN,
  type Onderdeel,
  type Onderdelen,
  VOORSTEL_SOORT_NAMEN,
  VOORSTEL_SOORTEN,
  type VoorstelSoort,
} from './gesprekken.schemas.ts';
export {
  createGesprekkenService,
  type GesprekkenDeps,
  type GesprekkenService,
  onderdelenVan,
  type TxOpties,
} from './gesprekken.service.ts';
