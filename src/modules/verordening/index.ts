/**
 * The ordinance engine (verordening tegenprestatie): the public surface of this module. See docs/verordening.md.
 *
 * ## Pure functions (no I/O; `regels.ts`, table-tested)
 * - `versieOpDatum(versies, datum)` → the version in force on `datum` (latest `ingangsdatum` ≤ datum) or undefined.
 * - `naamOpDatum(versies, datum)` → `'tegenprestatie' | 'maatschappelijke participatie'`: the name on one date
 *   (without a version: the statutory name, the new one from 2027-01-01). `naamVoorPeriode(versies, start, eind)`
 *   → `{ naam, wisselingen }`: a period carries the name of the version in force on its START date;
 *   `naamWisselZin(gemeente, naam, wisselingen)` → the one sentence documents print about a change (or null).
 * - `rechtsgrondOpDatum(datum, config = STANDAARD_RECHTSGRONDEN)` → `{ artikel, omschrijving, tekst, vanaf }`: the
 *   legal basis of a regime, separate from the name (art. 9 lid 1 onder c Pw with its short text until 2026-12-31;
 *   from 2027-01-01 `artikel: null` until the functioneel beheerder records it; `tekst` then is `GEEN_RECHTSGROND`).
 *   `rechtsgrondenInPeriode(start, eind, config)` → the regimes a period reaches, each with its part of it;
 *   `eersteDagZonderRechtsgrond(...)`, `dagVoor(datum)`, `voegRechtsgrondenSamen(opgeslagen)`.
 * - `toetsAanVerordening(ontwerp: VerordeningOntwerp, versie: VersieParameters)` → `Regeluitkomst[]`: one
 *   `{ regel, uitkomst: 'voldoet' | 'voldoet-niet' | 'niet-van-toepassing', uitleg, artikel }` per rule of
 *   `GETOETSTE_REGELS`: first those that hold under every version (`WETTELIJKE_REGELS`: art. 9 lid 5, 9 lid 7 with
 *   9a, 9 lid 2; no clash with work or re-integration, cited as the guideline), then the version's (vorm, uren,
 *   duur, verlenging, lokale ontheffingen). No rule passes by construction. `voldoetAan(uitkomsten)` → no
 *   `voldoet-niet`. Pass the version in force on the START date.
 * - `ontwerpVoorToets(ontwerp, klant, startdatum, peildatum = startdatum)` → `VerordeningOntwerp` (`ontwerp.ts`).
 * - `geenMedewerkingMogelijk(versie)` → true only where the version imposes (`vorm: 'opleggen'`).
 *
 * ## `VerordeningOntwerp`: what the check needs from a design (plain data, mapped by the tegenprestaties module)
 * ```ts
 * {
 *   startdatum: 'YYYY-MM-DD';
 *   einddatum: 'YYYY-MM-DD' | null;          // LAST day, inclusive
 *   urenPerWeek: number;
 *   dagdelen: Dagdeel[];                      // 'ma-ochtend' … 'zo-avond' (klanten DAGDELEN)
 *   werk: { urenPerWeek: number; dagdelen: Dagdeel[] };   // the client's paid work (0 / [] when none)
 *   reintegratieDagdelen: Dagdeel[];          // the client's re-integration day parts
 *   ontheffingen: { type: OntheffingType; lokaleGrondId?: string | null; naam?: string | null }[];
 *                                             // exemptions running on the start date (klanten Ontheffing:
 *                                             // type, lokaleGrond?.id, lokaleGrond?.naam)
 *   verlenging: { maanden: number } | null;   // set when the design extends an earlier placement
 * }
 * ```
 *
 * ## Service (`createVerordeningService({ db, gemeenten, klanten })`): every function takes `(actor, …)`
 * Reading (`verordeningen-lezen`: klantmanager, teamleider, functioneel beheerder; own municipalities, another
 * answers `niet-gevonden`):
 * - `listVerordeningen(actor, { datum? })` → `VerordeningOverzicht[]` (per municipality: geldend, volgende, naam).
 * - `listVersies(actor, gemeenteId)` → `VerordeningVersie[]` (oldest first); `findVersie(actor, gemeenteId, id)`.
 * - `versieVoor(actor, gemeenteId, datum)` → `VerordeningVersie | null`.
 * - `naamVoor(actor, gemeenteId, datum)` → `NaamTekst`; `naamVoorPeriode(actor, gemeenteId, start, eind)`.
 * - `huidigeNaam(gemeenteId, datum)` → `NaamTekst`, NO actor (configuration, system context `verordening:naam`):
 *   the klanten module's `instrumentNaam` hook, for screen headings.
 * - `rechtsgrondVoor(actor, datum)` → `Rechtsgrond`; `rechtsgrondenVoorPeriode(actor, start, eind)` →
 *   `RegimeInPeriode[]`; `listRechtsgronden(actor)`.
 * - `geldendOp(actor, gemeenteId, datum = today)` → `{ datum, versie | null, naam, rechtsgrond,
 *   geenMedewerkingToegestaan }` (what `GET /api/v1/verordeningen/{gemeenteId}/geldend` answers).
 * - `geenMedewerkingToegestaan(gemeenteId, datum)` → boolean, NO actor (configuration read under the logged
 *   system context `verordening:geen-medewerking`): false where the version in force only offers, and false
 *   without a version. src/app.ts passes it to the tegenprestaties service as its `geenMedewerkingToegestaan`.
 * - `toetsOntwerp(actor, gemeenteId, ontwerp)` → `{ versie, uitkomsten }`: picks the version in force on
 *   `ontwerp.startdatum` and runs `toetsAanVerordening` with the service's legal basis; `niet-verwerkbaar` (422)
 *   when no version is in force then. Store `versie.id` with the result: running designs keep their version.
 * - `overgangOverzicht(actor, peildatum = '2027-01-01')` → per municipality the name and version the day before
 *   and on the peildatum, and the legal basis either side (no client data).
 * - `overgangslijst(actor, { peildatum?, gemeenteId? })` → `Overgangsregel[]` (`overgang-bekijken`: teamleider):
 *   the designs in toetsing/overeengekomen/lopend that started before the peildatum and had not ended, read
 *   through `deps.tegenprestaties.findTegenprestaties` (src/app.ts passes the tegenprestaties service), each with
 *   the client's name, hours, day parts, the version in force on its start date and the name/legal basis either
 *   side. Pure: `loptOp`, `overgangslijst`.
 * - `voorbeeldVersie(actor, gemeenteId, VersieInput)` → `{ versie, regels: VoorbeeldRegel[] }` (teamleider): the
 *   rules of a version as typed applied to the placements still running or agreed on its effective date, BEFORE
 *   it is saved (nothing is stored).
 * Writing (`verordeningen-beheren`: functioneel beheerder; logged as `va-beheer-organisatie`):
 * - `createVersie(actor, gemeenteId, VersieInput)` → `VerordeningVersie` (immutable; same date = 409 conflict).
 * - `setRechtsgrond(actor, { vanaf, artikel | null, omschrijving | null })` (both or neither).
 * Invalid input throws `VerordeningInvoerfout` (`.velden`: Dutch message per field path).
 */

export { type OntwerpVoorToets, ontwerpVoorToets } from './ontwerp.ts';
export {
  LOPENDE_STATUSSEN,
  type LopendeStatus,
  loptOp,
  type OntwerpPeriode,
  overgangslijst,
  STANDAARD_PEILDATUM,
} from './overgang.ts';
export {
  ARTIKEL_REGEL_NAMEN,
  ARTIKEL_REGELS,
  type ArtikelRegel,
  type Dagdeel,
  geenMedewerkingMogelijk,
  type NaamTekst,
  dagVoor,
  eersteDagZonderRechtsgrond,
  GEEN_RECHTSGROND,
  GETOETSTE_REGELS,
  NIEUWE_WET_VANAF,
  type NaamWissel,
  naamOpDatum,
  naamVoorPeriode,
  naamWisselZin,
  REGEL_NAMEN,
  REGELS,
  type Rechtsgrond,
  type RechtsgrondConfig,
  type RechtsgrondPeriode,
  type Regel,
  type Regeluitkomst,
  type RegimeInPeriode,
  rechtsgrondenInPeriode,
  rechtsgrondOpDatum,
  STANDAARD_MIN_DAGEN_VERZENDING,
  STANDAARD_RECHTSGRONDEN,
  toetsAanVerordening,
  UITKOMSTEN,
  type Uitkomst,
  type VerordeningOntwerp,
  type VersieParameters,
  VORM_NAMEN,
  VORMEN,
  type Vorm,
  versieOpDatum,
  voegRechtsgrondenSamen,
  voldoetAan,
  WEERGAVENAAM_TEKST,
  WEERGAVENAMEN,
  WETTELIJKE_REGELS,
  type Weergavenaam,
} from './regels.ts';
export { verordeningApi } from './verordening.api.ts';
export { laadDemoVerordeningen } from './verordening.demo.ts';
export { verordeningPolicy } from './verordening.policy.ts';
export { verordeningRoutes } from './verordening.routes.ts';
export {
  Regeluitkomst as RegeluitkomstSchema,
  VerordeningInvoerfout,
  type VerordeningVersie,
  VersieInput,
} from './verordening.schemas.ts';
export {
  createVerordeningService,
  naamVan,
  type OvergangOverzicht,
  type Overgangsregel,
  type RechtsgrondRegel,
  type TegenprestatiesBron,
  type Toetsing,
  type VerordeningDeps,
  type VerordeningOverzicht,
  type VerordeningService,
  type VoorbeeldRegel,
} from './verordening.service.ts';
