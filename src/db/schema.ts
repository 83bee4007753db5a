import type { ColumnType, Generated } from 'kysely';

/**
 * Table types for Kysely, camelCase (the CamelCasePlugin maps to snake_case). Kept by hand next to the
 * migrations: add a table here in the same commit as its migration.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNullable = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface DienstTable {
  dienstId: Generated<string>;
  naam: string;
  aangemaaktOp: Generated<Date>;
}

export interface GemeenteTable {
  dienstId: string;
  gemeenteId: Generated<string>;
  naam: string;
  code: string;
  aangemaaktOp: Generated<Date>;
}

export interface WijkTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  naam: string;
}

export interface WijkPostcodeTable {
  dienstId: string;
  gemeenteId: string;
  postcode4: string;
  wijkId: string;
}

export interface TeamTable {
  dienstId: string;
  id: Generated<string>;
  naam: string;
  aangemaaktOp: Generated<Date>;
}

export interface TeamGemeenteTable {
  dienstId: string;
  teamId: string;
  gemeenteId: string;
}

export interface GebruikerTable {
  dienstId: string;
  id: Generated<string>;
  email: string;
  naam: string;
  rol: string;
  wachtwoordHash: string | null;
  totpGeheim: string | null;
  totpActiefSinds: TimestampNullable;
  totpLaatsteStap: number | null;
  isDemo: Generated<boolean>;
  isActief: Generated<boolean>;
  aangemaaktOp: Generated<Date>;
}

export interface GebruikerTeamTable {
  dienstId: string;
  gebruikerId: string;
  teamId: string;
}

export interface GebruikerGemeenteTable {
  dienstId: string;
  gebruikerId: string;
  gemeenteId: string;
}

export interface HerstelcodeTable {
  dienstId: string;
  gebruikerId: string;
  codeHash: string;
  gebruiktOp: TimestampNullable;
}

export interface SessieTable {
  dienstId: string;
  id: string;
  gebruikerId: string;
  aangemaaktOp: Generated<Date>;
  laatstActiefOp: Generated<Date>;
  verlooptOp: Timestamp;
  isMfaVoldaan: Generated<boolean>;
  omschrijving: Generated<string>;
}

export interface UitnodigingTable {
  dienstId: string;
  tokenHash: string;
  gebruikerId: string;
  verlooptOp: Timestamp;
  gebruiktOp: TimestampNullable;
}

export interface WachtwoordHerstelTable {
  dienstId: string;
  tokenHash: string;
  gebruikerId: string;
  aangemaaktOp: Generated<Date>;
  verlooptOp: Timestamp;
  gebruiktOp: TimestampNullable;
}

export interface ApiTokenTable {
  dienstId: string;
  id: Generated<string>;
  gebruikerId: string;
  naam: string;
  tokenHash: string;
  aangemaaktOp: Generated<Date>;
  laatstGebruiktOp: TimestampNullable;
  ingetrokkenOp: TimestampNullable;
}

export interface InlogpogingTable {
  id: Generated<number>;
  sleutel: string;
  tijdstip: Generated<Date>;
}

export interface VerwerkingsactiviteitTable {
  dienstId: string;
  id: string;
  naam: string;
  doel: string;
  grondslag: string;
  aangemaaktOp: Generated<Date>;
  gewijzigdOp: Generated<Date>;
}

export interface LogboekInstellingTable {
  id: Generated<boolean>;
  bewaartermijnMaanden: number | null;
  eerstePartitie: TimestampNullable;
  ankerZegel: string | null;
  sleutelId: string | null;
  gewijzigdOp: Generated<Date>;
}

export interface LogboekPartitieTable {
  van: Timestamp;
  tot: Timestamp;
  naam: string;
  aangemaaktOp: Generated<Date>;
  verzegeldOp: TimestampNullable;
  aantalRegels: number | null;
  zegel: string | null;
  sleutelId: string | null;
  verwijderdOp: TimestampNullable;
  bewaartermijnMaanden: number | null;
  verwijderZegel: string | null;
}

export interface LogboekKetenTable {
  partitie: Timestamp;
  dienstId: string;
  gemeenteId: string | null;
  volgnummer: number;
  hash: string;
}

export interface LogboekTussenstandTable {
  partitie: Timestamp;
  gemaaktOp: Timestamp;
  /** `[dienst, gemeente, volgnummer, hash]` tuples; written as a JSON string. */
  koppen: ColumnType<unknown, string, string>;
  zegel: string;
  sleutelId: string;
}

export interface LogboekTable {
  tijdstip: Timestamp;
  dienstId: string;
  gemeenteId: string | null;
  volgnummer: number;
  actorId: string;
  actorReden: string | null;
  rol: string;
  actie: string;
  subjectType: string;
  subjectId: string;
  verwerkingsactiviteitId: string;
  traceId: string | null;
  hash: string;
}

/** `numeric` comes back from pg as a string; repositories convert it with Number(). */
type Numeric = ColumnType<string, number | string, number | string>;
type NumericNullable = ColumnType<string | null, number | string | null | undefined, number | string | null>;
/** `jsonb` is read parsed and written as a JSON string. */
type Jsonb<T> = ColumnType<T, string | undefined, string>;

export interface GemeenteInstellingTable {
  dienstId: string;
  gemeenteId: string;
  regulierWerkUren: ColumnType<string, number | string | undefined, number | string>;
  gewijzigdOp: Generated<Date>;
}

export interface CatalogusTable {
  dienstId: string;
  id: Generated<string>;
  naam: string;
  isActief: Generated<boolean>;
  aangemaaktOp: Generated<Date>;
}

export interface LokaleOntheffingsgrondTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  code: string;
  naam: string;
  grondslag: string;
  isActief: Generated<boolean>;
  aangemaaktOp: Generated<Date>;
}

export interface KlantTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  klantnummer: string | null;
  bsnVersleuteld: string | null;
  bsnHash: string | null;
  voornamen: string | null;
  roepnaam: string | null;
  voorvoegsel: string | null;
  achternaam: string;
  geboortedatum: string;
  straat: string | null;
  huisnummer: string | null;
  postcode: string | null;
  woonplaats: string | null;
  wijkId: string | null;
  wijkHandmatig: Generated<boolean>;
  telefoon: string | null;
  email: string | null;
  taal: string | null;
  taalniveau: string | null;
  opleidingsniveau: string | null;
  werkervaring: Jsonb<Array<{ sector: string; functie: string; jaren: number }>>;
  beschikbaarheid: Generated<string[]>;
  zorgtaken: string | null;
  mobiliteit: Generated<string[]>;
  maxReistijdMinuten: number | null;
  eigenNetwerk: string | null;
  klantmanagerId: string | null;
  toepasselijkheid: string | null;
  toepasselijkheidGeldigTot: string | null;
  dossierGeslotenOp: TimestampNullable;
  aangemaaktOp: Generated<Date>;
  gewijzigdOp: Generated<Date>;
}

/** A representative or the partner of joint bijstand (migration 1002). */
export interface KlantBetrokkeneTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  klantId: string;
  soort: string;
  naam: string;
  adres: string | null;
  vanaf: string;
  tot: string | null;
  vastgelegdDoorNaam: string;
  vastgelegdOp: Generated<Date>;
}

export interface KlantWerkTable {
  dienstId: string;
  gemeenteId: string;
  klantId: string;
  id: Generated<string>;
  omschrijving: string | null;
  urenPerWeek: Numeric;
  dagdelen: Generated<string[]>;
  begindatum: string | null;
  einddatum: string | null;
}

export interface KlantReintegratieTable {
  dienstId: string;
  gemeenteId: string;
  klantId: string;
  id: Generated<string>;
  omschrijving: string | null;
  begindatum: string;
  einddatum: string | null;
  dagdelen: Generated<string[]>;
}

export interface KlantVaardigheidTable {
  dienstId: string;
  gemeenteId: string;
  klantId: string;
  vaardigheidId: string;
}

export interface KlantInteresseTable {
  dienstId: string;
  gemeenteId: string;
  klantId: string;
  interesseId: string;
}

export interface KlantNetwerkOrganisatieTable {
  dienstId: string;
  gemeenteId: string;
  klantId: string;
  organisatieId: string;
  toelichting: string | null;
  gekoppeldOp: Generated<Date>;
}

export interface GesprekTable {
  dienstId: string;
  gemeenteId: string;
  klantId: string;
  id: Generated<string>;
  /** ISO date; read as a string (the pg type parser keeps dates as text). */
  datum: string;
  deelnemers: Generated<string[]>;
  krachtEnBekwaamheid: string | null;
  wensen: string | null;
  eigenVoorstel: string | null;
  socialeOmgeving: string | null;
  notities: string | null;
  afspraken: string | null;
  aangemaaktOp: Generated<Date>;
  aangemaaktDoor: string | null;
  gewijzigdOp: Generated<Date>;
  gewijzigdDoor: string | null;
}

export interface EigenVoorstelTable {
  dienstId: string;
  gemeenteId: string;
  klantId: string;
  gesprekId: string;
  id: Generated<string>;
  titel: string;
  omschrijving: string;
  soort: string;
  organisatieId: string | null;
  nieuweOrganisatieNaam: string | null;
  maatschappelijkNut: boolean;
  nutMotivering: string;
  activiteitId: string | null;
  aangemaaktOp: Generated<Date>;
  aangemaaktDoor: string | null;
}

export interface KlantBelastbaarheidTable {
  dienstId: string;
  gemeenteId: string;
  klantId: string;
  maxUrenPerWeek: NumericNullable;
  beperkingen: Generated<string[]>;
  gewijzigdOp: Generated<Date>;
  /** Migration 0302: the caseworker's reason for "no limits known" (excludes maxUrenPerWeek). */
  geenBeperkingenReden: string | null;
}

export interface KlantOntheffingTable {
  dienstId: string;
  gemeenteId: string;
  klantId: string;
  id: Generated<string>;
  type: string;
  lokaleGrondId: string | null;
  reden: string | null;
  begindatum: string;
  einddatum: string | null;
  herbeoordelingsdatum: string | null;
  geboortedatumKind: string | null;
  eerderGebruikt: Generated<boolean>;
  eerdereGemeente: string | null;
  aangemaaktOp: Generated<Date>;
  aangemaaktDoor: string | null;
  /** Art. 9a (migration 0301): request received, plan van aanpak made, latest re-examination. */
  verzoekdatum: string | null;
  planVanAanpakOp: string | null;
  laatsteHeronderzoekOp: string | null;
}

/** Art. 9a suspensions and resumptions (migration 0301). */
export interface KlantOntheffingGebeurtenisTable {
  dienstId: string;
  gemeenteId: string;
  klantId: string;
  ontheffingId: string;
  id: Generated<string>;
  soort: string;
  datum: string;
  geboortedatumKind: string | null;
  toelichting: string | null;
  aangemaaktOp: Generated<Date>;
  aangemaaktDoor: string | null;
}

// ---- Netwerk: organisations, activities, displacement assessment, intervision (migration 0007) ----------------

export interface OrganisatieTable {
  dienstId: string;
  id: Generated<string>;
  naam: string;
  type: string;
  kvkNummer: string | null;
  straat: string | null;
  huisnummer: string | null;
  postcode: string | null;
  plaats: string | null;
  wijkId: string | null;
  gemeenten: string[];
  website: string | null;
  status: Generated<string>;
  notities: string | null;
  materieleVersie: Generated<number>;
  zoektekst: ColumnType<string, never, never>;
  aangemaaktOp: Generated<Date>;
  gewijzigdOp: Generated<Date>;
}

export interface OrganisatieContactpersoonTable {
  dienstId: string;
  organisatieId: string;
  id: Generated<string>;
  naam: string;
  functie: string | null;
  email: string | null;
  telefoon: string | null;
  volgorde: Generated<number>;
}

export interface OrganisatieWederkerigheidTable {
  dienstId: string;
  organisatieId: string;
  categorie: string;
  omschrijving: string;
}

export interface ActiviteitTable {
  dienstId: string;
  id: Generated<string>;
  organisatieId: string | null;
  titel: string;
  omschrijving: string;
  taken: string | null;
  categorie: string;
  vaardigheden: Generated<string[]>;
  fysiekeBelasting: string;
  belastingToelichting: string | null;
  taalniveauMin: string | null;
  urenMin: ColumnType<string, number | string, number | string>;
  urenMax: ColumnType<string, number | string, number | string>;
  dagdelen: Generated<string[]>;
  locatie: string | null;
  postcode: string | null;
  wijkId: string | null;
  gemeenten: string[];
  plaatsen: number;
  plaatsenBezet: Generated<number>;
  mentor: string | null;
  startdatum: ColumnType<string | null, string | null | undefined, string | null>;
  einddatum: ColumnType<string | null, string | null | undefined, string | null>;
  status: Generated<string>;
  isMaatwerk: Generated<boolean>;
  materieleVersie: Generated<number>;
  zoektekst: ColumnType<string, never, never>;
  aangemaaktOp: Generated<Date>;
  gewijzigdOp: Generated<Date>;
}

export interface ActiviteitPlaatsTable {
  dienstId: string;
  activiteitId: string;
  houderType: string;
  houderId: string;
  geclaimdOp: Generated<Date>;
}

export interface VerdringingstoetsTable {
  dienstId: string;
  id: Generated<string>;
  activiteitId: string;
  antwoorden: ColumnType<Array<{ vraag: string; antwoord: string; toelichting: string }>, string, string>;
  advies: string;
  conclusie: string;
  motivering: string;
  beoordeeldDoor: string | null;
  beoordeeldDoorNaam: string;
  beoordeeldOp: Generated<Date>;
  geldigTot: ColumnType<string, string, string>;
  activiteitVersie: number;
  organisatieVersie: number | null;
  vervallenOp: TimestampNullable;
  vervallenReden: string | null;
}

export interface IntervisieTable {
  dienstId: string;
  id: Generated<string>;
  /** Exactly one of `verdringingstoetsId` and `tegenprestatieId` is set (migration 0512). */
  verdringingstoetsId: string | null;
  activiteitId: string;
  /** A placement's doubt: the placement, its municipality, the question and who asked. */
  gemeenteId: string | null;
  tegenprestatieId: string | null;
  vraag: string | null;
  aangevraagdDoor: string | null;
  aangevraagdDoorNaam: string | null;
  aangevraagdOp: Generated<Date>;
  deelnemers: Generated<string[]>;
  besluit: string | null;
  voorwaarden: string | null;
  motivering: string | null;
  beslotenDoor: string | null;
  beslotenDoorNaam: string | null;
  beslotenOp: TimestampNullable;
}

// ---- Klanten import (migration 0008) -------------------------------------------------------------------------

export interface KlantImportTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  gestartDoor: string | null;
  gestartDoorNaam: string;
  bestandsnaam: string;
  status: Generated<string>;
  codering: string;
  scheidingsteken: string;
  kolommen: string[];
  onbekendeKolommen: string[];
  totaal: number;
  proefAanmaken: Generated<number>;
  proefBijwerken: Generated<number>;
  proefAfgewezen: Generated<number>;
  verwerkt: Generated<number>;
  aangemaakt: Generated<number>;
  bijgewerkt: Generated<number>;
  afgewezen: Generated<number>;
  bestand: Buffer | null;
  foutmelding: string | null;
  aangemaaktOp: Generated<Date>;
  gestartOp: TimestampNullable;
  klaarOp: TimestampNullable;
}

export interface KlantImportRijTable {
  dienstId: string;
  gemeenteId: string;
  importId: string;
  rij: number;
  klantnummer: string | null;
  proef: string;
  uitkomst: string | null;
  fouten: ColumnType<Record<string, string> | null, string | null, string | null>;
}

// ---- Privacy: retention and destruction lists (migration 0009) ------------------------------------------------

export interface BewaartermijnTable {
  dienstId: string;
  gemeenteId: string;
  klantdossierMaanden: number;
  grondslag: string;
  gewijzigdOp: Generated<Date>;
  gewijzigdDoor: string | null;
}

export interface VernietigingslijstTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  status: Generated<string>;
  peildatum: ColumnType<string, string, string>;
  bewaartermijnMaanden: number;
  aantal: number;
  aangemaaktOp: Generated<Date>;
  afgehandeldOp: TimestampNullable;
  afgehandeldDoor: string | null;
  aantalVernietigd: number | null;
}

export interface VernietigingslijstKlantTable {
  dienstId: string;
  gemeenteId: string;
  lijstId: string;
  klantId: string;
  klantnummer: string | null;
  dossierGeslotenOp: Timestamp;
  vernietigenVanaf: ColumnType<string, string, string>;
}

export interface NetwerkImportTable {
  dienstId: string;
  id: Generated<string>;
  soort: string;
  gemeenten: string[];
  gestartDoor: string | null;
  gestartDoorNaam: string;
  bestandsnaam: string;
  status: Generated<string>;
  codering: string;
  scheidingsteken: string;
  totaal: number;
  proef: ColumnType<Record<string, number>, string | undefined, string>;
  verwerkt: Generated<number>;
  /** Rows the dry run (a background job) has done (migration 1202). */
  proefVerwerkt: Generated<number>;
  uitkomst: ColumnType<Record<string, number>, string | undefined, string>;
  bestand: Buffer | null;
  foutmelding: string | null;
  aangemaaktOp: Generated<Date>;
  gestartOp: TimestampNullable;
  klaarOp: TimestampNullable;
}

export interface NetwerkImportRijTable {
  dienstId: string;
  importId: string;
  rij: number;
  naam: string;
  proef: string;
  uitkomst: string | null;
  redenen: Generated<string[]>;
}

export interface VerordeningVersieTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  /** ISO date; read as a string (the pg type parser keeps dates as text). */
  ingangsdatum: string;
  titel: string;
  vorm: string;
  weergavenaam: string;
  minUrenPerWeek: NumericNullable;
  maxUrenPerWeek: NumericNullable;
  maxDuurMaanden: number | null;
  verlengingToegestaan: boolean;
  maxVerlengingMaanden: number | null;
  lokaleGrondIds: Generated<string[]>;
  schriftelijkeOvereenkomstVerplicht: boolean;
  artikelVorm: Generated<string>;
  artikelUren: Generated<string>;
  artikelDuur: Generated<string>;
  artikelVerlenging: Generated<string>;
  artikelOntheffingen: Generated<string>;
  artikelOvereenkomst: Generated<string>;
  /** Migration 0101: fewer days between sending a decision and the start give a warning. */
  minDagenVerzendingStart: Generated<number>;
  /** Migration 0101: the measures ordinance's article for not complying (with art. 18 lid 2 Pw). */
  artikelMaatregel: Generated<string>;
  toelichting: string | null;
  aangemaaktOp: Generated<Date>;
  aangemaaktDoor: string | null;
}

export interface VerordeningRechtsgrondTable {
  dienstId: string;
  vanaf: string;
  artikel: string | null;
  /** Migration 0101: the short text of the statutory basis. */
  omschrijving: Generated<string | null>;
  gewijzigdOp: Generated<Date>;
  gewijzigdDoor: string | null;
}

export interface TegenprestatieTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  klantId: string;
  klantmanagerId: string | null;
  status: Generated<string>;
  activiteitId: string | null;
  gesprekId: string | null;
  suggestie: ColumnType<
    { bron: 'ranking' | 'cohort'; score: number; redenen: string[] } | null,
    string | null,
    string | null
  >;
  /** `numeric` comes back as a string. */
  urenPerWeek: ColumnType<string | null, number | null, number | null>;
  dagdelen: Generated<string[]>;
  /** ISO dates (the pg type parser keeps dates as text). */
  startdatum: string | null;
  einddatum: string | null;
  /** `date[]`: select it cast to text[] (the array parser would make Date objects). */
  evaluatiedata: ColumnType<string[], string[] | undefined, string[]>;
  vervolg: string | null;
  vervolgToelichting: string | null;
  maatwerkLeeftijd: string | null;
  maatwerkOpleiding: string | null;
  maatwerkWerkervaring: string | null;
  maatwerkOmstandigheden: string | null;
  wederkerigheidCategorie: string | null;
  wederkerigheidOmschrijving: string | null;
  overtuigdKlantmanager: boolean | null;
  overtuigdKlantmanagerMotivering: string | null;
  overtuigdKlant: boolean | null;
  overtuigdKlantZienswijze: string | null;
  overtuigdOrganisatie: boolean | null;
  overtuigdOrganisatieMotivering: string | null;
  adviesVraag: string | null;
  adviesGevraagdOp: Date | null;
  adviesGevraagdDoorNaam: string | null;
  advies: string | null;
  adviesOp: Date | null;
  adviesDoor: string | null;
  adviesDoorNaam: string | null;
  afwijkingen: ColumnType<Record<string, string>, string | undefined, string>;
  geenMedewerkingOnderbouwing: string | null;
  beeindigingReden: string | null;
  versie: Generated<number>;
  aangemaaktOp: Generated<Date>;
  gewijzigdOp: Generated<Date>;
}

export interface TegenprestatieOvergangTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  tegenprestatieId: string;
  van: string | null;
  naar: string;
  door: string | null;
  doorNaam: string;
  op: Generated<Date>;
  reden: string | null;
}

/** Issue 15 (migration 0701): one round of imposing a design the client does not want. */
export interface OpleggingTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  tegenprestatieId: string;
  klantId: string;
  status: Generated<string>;
  redenen: Jsonb<
    Array<{
      tekst: string;
      categorie: string;
      maaktOngeschikt: boolean;
      beoordeling: string;
      bron: 'voornemen' | 'zienswijze';
    }>
  >;
  alternatiefSoort: string;
  alternatiefToelichting: string | null;
  voornemenDoor: string | null;
  voornemenDoorNaam: string;
  voornemenOp: Generated<Date>;
  zienswijzeVorm: string | null;
  zienswijzeDatum: string | null;
  zienswijzeInhoud: string | null;
  awbGrond: string | null;
  awbMotivering: string | null;
  beantwoording: string | null;
  zienswijzeDoor: string | null;
  zienswijzeDoorNaam: string | null;
  zienswijzeVastgelegdOp: Date | null;
  beoordelingDoor: string | null;
  beoordelingDoorNaam: string | null;
  beoordelingOp: Date | null;
  beoordelingToelichting: string | null;
}

/** Issue 15 (migration 0702): an incident on a placement under an imposed decision. Append-only. */
export interface IncidentTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  tegenprestatieId: string;
  klantId: string;
  soort: string;
  datum: string;
  omschrijving: string;
  bron: string;
  bronNaam: string | null;
  vastgelegdDoor: string | null;
  vastgelegdDoorNaam: string;
  vastgelegdOp: Generated<Date>;
}

/** Issue 15 (migration 0703): a version of a municipality's measures ordinance. Append-only. */
export interface MaatregelverordeningTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  ingangsdatum: string;
  titel: string;
  /** The checked `MaatregelVerordening` (src/modules/dwang/maatregelen.ts). */
  inhoud: ColumnType<unknown, string, string>;
  vastgelegdDoor: string | null;
  vastgelegdDoorNaam: string;
  vastgelegdOp: Generated<Date>;
}

/** Issue 15 (migration 0951): one measure path (intention → hearing → culpability → proposal → decision). */
export interface MaatregelTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  tegenprestatieId: string;
  klantId: string;
  status: Generated<string>;
  gedraging: string;
  gedragDatum: string;
  gedragOmschrijving: string;
  incidentId: string | null;
  ontdektOp: string;
  besluitDatum: string;
  besluitVerzenddatum: string;
  besluitStartdatum: string;
  besluitEinddatum: string | null;
  besluitTitel: string;
  verordeningId: string;
  /** The measures ordinance version valid on the conduct date (`MaatregelVerordening`), stored with the measure. */
  verordening: ColumnType<unknown, string, string>;
  categorie: number;
  herhaling: number;
  percentage: number;
  maanden: number;
  verzondenOp: string;
  hoortermijnEinde: string;
  voornemenDoor: string | null;
  voornemenDoorNaam: string;
  voornemenOp: Generated<Date>;
  zienswijzeVorm: string | null;
  zienswijzeDatum: string | null;
  zienswijzeInhoud: string | null;
  zienswijzeAntwoord: string | null;
  hoorGrond: string | null;
  hoorMotivering: string | null;
  voorwaarden412: Generated<boolean>;
  horingDoorNaam: string | null;
  verwijtbaar: boolean | null;
  verwijtbaarheidMotivering: string | null;
  dringendeRedenen: boolean | null;
  dringendeRedenenMotivering: string | null;
  beoordelingDoorNaam: string | null;
  afzienGrond: string | null;
  afzienMotivering: string | null;
  voorstelPercentage: number | null;
  voorstelMaanden: number | null;
  voorstelIngangsdatum: string | null;
  voorstelMotivering: string | null;
  opnieuwGehoordDatum: string | null;
  opnieuwGehoordInhoud: string | null;
  voorstelDoor: string | null;
  voorstelDoorNaam: string | null;
  voorstelOp: Date | null;
  teruggestuurdToelichting: string | null;
  akkoordDoor: string | null;
  akkoordDoorNaam: string | null;
  akkoordRol: string | null;
  akkoordOp: Date | null;
  akkoordToelichting: string | null;
  /** The partner of joint bijstand on the conduct date (migration 1002). */
  gezamenlijkMet: string | null;
}

// ---- Dwang: after the measure decision, the export (migration 1001) ------------------------------------------

export interface MaatregelWijzigingTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  maatregelId: string;
  klantId: string;
  aanleiding: string;
  uitkomst: string;
  ingangsdatum: string | null;
  percentage: number | null;
  einddatum: string | null;
  motivering: string;
  status: Generated<string>;
  voorgesteldDoor: string | null;
  voorgesteldDoorNaam: string;
  voorgesteldOp: Generated<Date>;
  beoordeeldDoor: string | null;
  beoordeeldDoorNaam: string | null;
  beoordeeldRol: string | null;
  beoordeeldOp: Date | null;
  beoordelingToelichting: string | null;
}

export interface MaatregelRechtsmiddelTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  tegenprestatieId: string;
  klantId: string;
  betreft: string;
  maatregelId: string | null;
  besluitDatum: string;
  besluitVerzenddatum: string;
  soort: string;
  ontvangenOp: string;
  toelichting: string;
  vastgelegdDoorNaam: string;
  vastgelegdOp: Generated<Date>;
  beslistOp: string | null;
  uitkomst: string | null;
  beslissingToelichting: string | null;
  beslissingDoorNaam: string | null;
}

export interface MaatregelExportTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  maand: string;
  uitgevoerdOp: Generated<Date>;
  door: string | null;
  doorNaam: string;
  /** The lines as exported (`ExportRegel[]`). */
  regels: ColumnType<unknown, string, never>;
  aantal: number;
  aantalCorrecties: number;
}

export interface MaatregelExportCorrectieTable {
  dienstId: string;
  gemeenteId: string;
  exportId: string;
  wijzigingId: string;
}

// ---- Overeenkomsten (migration 0019) ------------------------------------------------------------------------

export interface VerordeningstoetsingTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  tegenprestatieId: string;
  versieId: string;
  /** Snapshot of the version's cited parts (jsonb). */
  versie: ColumnType<unknown, string, string>;
  /** ISO date. */
  startdatum: string;
  /** `[{ regel, uitkomst, uitleg, artikel }]` (jsonb). */
  uitkomsten: ColumnType<unknown, string, string>;
  voldoet: boolean;
  door: string | null;
  doorNaam: string;
  uitgevoerdOp: Generated<Date>;
}

export interface OvereenkomstTable {
  dienstId: string;
  gemeenteId: string;
  toetsingId: string;
  tegenprestatieId: string;
  besluitDatum: string | null;
  besluitOndertekenaar: string | null;
  besluitDoor: string | null;
  besluitDoorNaam: string | null;
  besluitVastgelegdOp: TimestampNullable;
  overeenkomstDatum: string | null;
  klantGetekendOp: string | null;
  organisatieGetekendOp: string | null;
  acceptatieDoor: string | null;
  acceptatieDoorNaam: string | null;
  acceptatieVastgelegdOp: TimestampNullable;
  startdatum: string | null;
  gestartOp: TimestampNullable;
  /** Migration 0101: the day the decision was sent (made known, Awb 3:41). */
  verzenddatum: Generated<string | null>;
  /** Migration 0101: what the decision printed about its legal basis (`BesluitGrondslag`). */
  besluitGrondslag: ColumnType<unknown | null, string | null | undefined, string | null>;
  /** Migration 0101: why a voluntary agreement confirms a placement that already ran. */
  bevestigingsreden: Generated<string | null>;
  /** Migration 1102: the college's revocation of the imposed decision (back-step or early end after sending). */
  intrekkingDatum: Generated<string | null>;
  intrekkingVerzenddatum: Generated<string | null>;
  intrekkingOndertekenaar: Generated<string | null>;
  intrekkingReden: Generated<string | null>;
  intrekkingDoorNaam: Generated<string | null>;
  intrekkingVastgelegdOp: Generated<Date | null>;
}

/** Migration 1101: version 2, 3, … of a running agreement (after an evaluation with `aanpassen`). */
export interface OvereenkomstVersieTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  tegenprestatieId: string;
  nummer: number;
  evaluatieId: string;
  ingangsdatum: string;
  /** numeric(4,1): read as a string. */
  urenPerWeek: ColumnType<string, number, number>;
  dagdelen: string[];
  einddatum: string | null;
  /** The items of the version it replaces (`{ urenPerWeek, dagdelen, einddatum }`, jsonb). */
  vorige: ColumnType<unknown, string, string>;
  verlengingMaanden: number | null;
  toelichting: string;
  /** `VersieSnapshot` of the ordinance version the change was checked against (jsonb). */
  versie: ColumnType<unknown, string, string>;
  uitkomsten: ColumnType<unknown, string, string>;
  door: string | null;
  doorNaam: string;
  voorgesteldOp: Generated<Date>;
  besluitDatum: string | null;
  verzenddatum: string | null;
  besluitOndertekenaar: string | null;
  overeenkomstDatum: string | null;
  klantGetekendOp: string | null;
  organisatieGetekendOp: string | null;
  bevestigingDoor: string | null;
  bevestigingDoorNaam: string | null;
  bevestigdOp: TimestampNullable;
  ingetrokkenOp: TimestampNullable;
  ingetrokkenReden: string | null;
}

// ---- Matching (migration 0017) --------------------------------------------------------------------------------

export interface MatchingGewichtenTable {
  dienstId: string;
  gemeenteId: string;
  vaardigheden: number;
  tekst: number;
  afstand: number;
  eigenNetwerk: number;
  organisatieType: number;
  ervaring: number;
  verordening: number;
  gewijzigdOp: Generated<Date>;
  gewijzigdDoor: string | null;
}

export interface MatchingVersieTable {
  dienstId: string;
  versie: ColumnType<string, never, never>;
  gewijzigdOp: Generated<Date>;
}

/** Read-only view (security_invoker): per host organisation the placements that ended (track record). */
export interface MatchingErvaringView {
  dienstId: ColumnType<string, never, never>;
  organisatieId: ColumnType<string, never, never>;
  geslaagd: ColumnType<number, never, never>;
  doorstroom: ColumnType<number, never, never>;
  voortijdig: ColumnType<number, never, never>;
}

/** Read-only view (security_invoker): an activity with host, wijk and latest assessment. */
export interface MatchingActiviteitView {
  dienstId: string;
  id: string;
  titel: string;
  omschrijving: string;
  taken: string | null;
  categorie: string;
  vaardigheden: string[];
  fysiekeBelasting: string;
  taalniveauMin: string | null;
  urenMin: string;
  urenMax: string;
  dagdelen: string[];
  gemeenten: string[];
  plaatsen: number;
  plaatsenBezet: number;
  status: string;
  einddatum: string | null;
  materieleVersie: number;
  isMaatwerk: boolean;
  postcode: string | null;
  wijkId: string | null;
  wijkNaam: string | null;
  organisatieId: string | null;
  organisatieNaam: string | null;
  organisatieType: string | null;
  organisatieStatus: string | null;
  organisatieVersie: number | null;
  toetsConclusie: string | null;
  toetsGeldigTot: string | null;
  toetsVervallenOp: Date | null;
  toetsActiviteitVersie: number | null;
  toetsOrganisatieVersie: number | null;
  intervisieBesluit: string | null;
  intervisieVoorwaarden: string | null;
}

/** Read-only view (security_invoker): a client's matching features. */
export interface MatchingKlantView {
  dienstId: string;
  gemeenteId: string;
  id: string;
  klantnummer: string | null;
  voornamen: string | null;
  roepnaam: string | null;
  voorvoegsel: string | null;
  achternaam: string;
  postcode: string | null;
  wijkId: string | null;
  taalniveau: string | null;
  beschikbaarheid: string[];
  mobiliteit: string[];
  maxReistijdMinuten: number | null;
  klantmanagerId: string | null;
  toepasselijkheid: string | null;
  toepasselijkheidGeldigTot: string | null;
  dossierGeslotenOp: Date | null;
  maxUrenPerWeek: string | null;
  beperkingen: string[];
  werkUren: string;
  werkDagdelen: string[];
  reintegratieDagdelen: string[];
  vaardigheden: string[];
  interesses: string[];
  netwerkOrganisaties: string[];
  /** Migration 0501: the statement that no limits are known (naar vermogen), null when none. */
  geenBeperkingenReden: string | null;
  /** Migration 0501: the municipality's regular-work threshold (`numeric` comes back as a string). */
  regulierWerkUren: string;
  /** Migration 0501: the client's agreed or running designs (hours, start, end as stored). */
  afgesprokenUren: Array<{ urenPerWeek: number; startdatum: string; einddatum: string | null }>;
}

/** A cohort assignment run (issue 8): the choice, job status and progress, the outcome. */
/** One client's line in a cohort proposal: the assigned pair or why none. */
// ---- Uitvoering and signalen (migration 0020) ------------------------------------------------------------------

export interface UrenRegistratieTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  tegenprestatieId: string;
  klantId: string;
  /** ISO date (kept as text). */
  datum: string;
  /** `numeric` comes back as a string. */
  uren: ColumnType<string, number | undefined, number>;
  afwezig: string | null;
  toelichting: string | null;
  geregistreerdDoor: string | null;
  geregistreerdDoorNaam: string;
  geregistreerdOp: Generated<Date>;
  /** Optimistic concurrency: 1 on insert, +1 on every change. */
  versie: Generated<number>;
  /** How the current value came in; null before migration 0401. */
  bron: string | null;
}

/** Every new, changed or removed hour registration with the previous value (append-only). */
export interface UrenWijzigingTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  tegenprestatieId: string;
  klantId: string;
  datum: string;
  soort: string;
  vorigeUren: ColumnType<string | null, number | null | undefined, never>;
  vorigeAfwezig: string | null;
  vorigeToelichting: string | null;
  uren: ColumnType<string | null, number | null | undefined, never>;
  afwezig: string | null;
  toelichting: string | null;
  bron: string;
  door: string | null;
  doorNaam: string;
  op: Generated<Date>;
}

export interface EvaluatieTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  tegenprestatieId: string;
  klantId: string;
  datum: string;
  stemKlant: string;
  visieOrganisatie: string | null;
  conclusie: string;
  besluit: string;
  eind: Generated<boolean>;
  vervolg: string | null;
  vervolgToelichting: string | null;
  afloop: string | null;
  beeindigingReden: string | null;
  door: string | null;
  doorNaam: string;
  op: Generated<Date>;
}

export interface SignaalTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  gebruikerId: string;
  soort: string;
  oorzaak: string;
  klantId: string | null;
  tekst: string;
  link: string;
  datum: string | null;
  aangemaaktOp: Generated<Date>;
  gelezenOp: Date | null;
  afgehandeldOp: Date | null;
}

/** A cohort assignment run (issue 8): the choice, job status and progress, the outcome. */
export interface CohortRunTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  status: Generated<string>;
  voortgang: Generated<number>;
  stap: string | null;
  k: number;
  invoer: Jsonb<{
    klantIds?: string[];
    activiteitIds?: string[];
    selectie?: { wijkId?: string; klantmanagerId?: string; toepasselijkheid?: string };
  }>;
  aantalKlanten: number | null;
  aantalActiviteiten: number | null;
  aantalPlaatsen: number | null;
  aantalParen: number | null;
  aantalToegewezen: number | null;
  doelwaarde: ColumnType<string | null, number | null | undefined, number | null>;
  fout: string | null;
  gestartDoor: string;
  aangemaaktOp: Generated<Date>;
  klaarOp: TimestampNullable;
}

/** One client's line in a cohort proposal: the assigned pair or why none. */
export interface CohortVoorstelTable {
  dienstId: string;
  gemeenteId: string;
  runId: string;
  klantId: string;
  activiteitId: string | null;
  score: number | null;
  redenen: Jsonb<string[]>;
  reden: string | null;
  eersteKeusId: string | null;
  status: string;
  tegenprestatieId: string | null;
  gewijzigdOp: Generated<Date>;
  gewijzigdDoor: string | null;
}

// ---- Uitvoering and signalen (migration 0020) ------------------------------------------------------------------

export interface UrenRegistratieTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  tegenprestatieId: string;
  klantId: string;
  /** ISO date (kept as text). */
  datum: string;
  /** `numeric` comes back as a string. */
  uren: ColumnType<string, number | undefined, number>;
  afwezig: string | null;
  toelichting: string | null;
  geregistreerdDoor: string | null;
  geregistreerdDoorNaam: string;
  geregistreerdOp: Generated<Date>;
}

export interface EvaluatieTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  tegenprestatieId: string;
  klantId: string;
  datum: string;
  stemKlant: string;
  visieOrganisatie: string | null;
  conclusie: string;
  besluit: string;
  eind: Generated<boolean>;
  vervolg: string | null;
  vervolgToelichting: string | null;
  afloop: string | null;
  beeindigingReden: string | null;
  door: string | null;
  doorNaam: string;
  op: Generated<Date>;
}

export interface SignaalTable {
  dienstId: string;
  gemeenteId: string;
  id: Generated<string>;
  gebruikerId: string;
  soort: string;
  oorzaak: string;
  klantId: string | null;
  tekst: string;
  link: string;
  datum: string | null;
  aangemaaktOp: Generated<Date>;
  gelezenOp: Date | null;
  afgehandeldOp: Date | null;
}

/** Migration 0801: the work list's read model, one row per open client file (view, security invoker). */
export interface WerklijstKlantView {
  dienstId: string;
  gemeenteId: string;
  klantId: string;
  klantnummer: string | null;
  voornamen: string | null;
  roepnaam: string | null;
  voorvoegsel: string | null;
  achternaam: string;
  klantmanagerId: string | null;
  tegenprestatieId: string | null;
  tegenprestatieStatus: string | null;
  /** ISO dates as text. */
  startdatum: string | null;
  einddatum: string | null;
  /** `geen` or the current tegenprestatie's status. */
  fase: string;
  volgendeEvaluatie: string | null;
  openSignalen: number;
}

export interface DB {
  dienst: DienstTable;
  gemeente: GemeenteTable;
  wijk: WijkTable;
  wijkPostcode: WijkPostcodeTable;
  team: TeamTable;
  teamGemeente: TeamGemeenteTable;
  gebruiker: GebruikerTable;
  gebruikerTeam: GebruikerTeamTable;
  gebruikerGemeente: GebruikerGemeenteTable;
  herstelcode: HerstelcodeTable;
  sessie: SessieTable;
  uitnodiging: UitnodigingTable;
  apiToken: ApiTokenTable;
  wachtwoordHerstel: WachtwoordHerstelTable;
  inlogpoging: InlogpogingTable;
  verwerkingsactiviteit: VerwerkingsactiviteitTable;
  logboekInstelling: LogboekInstellingTable;
  logboekPartitie: LogboekPartitieTable;
  logboekKeten: LogboekKetenTable;
  logboek: LogboekTable;
  logboekTussenstand: LogboekTussenstandTable;
  gemeenteInstelling: GemeenteInstellingTable;
  vaardigheid: CatalogusTable;
  interesse: CatalogusTable;
  lokaleOntheffingsgrond: LokaleOntheffingsgrondTable;
  klant: KlantTable;
  klantWerk: KlantWerkTable;
  klantReintegratie: KlantReintegratieTable;
  klantVaardigheid: KlantVaardigheidTable;
  klantInteresse: KlantInteresseTable;
  klantNetwerkOrganisatie: KlantNetwerkOrganisatieTable;
  klantBelastbaarheid: KlantBelastbaarheidTable;
  gesprek: GesprekTable;
  eigenVoorstel: EigenVoorstelTable;
  klantOntheffing: KlantOntheffingTable;
  klantOntheffingGebeurtenis: KlantOntheffingGebeurtenisTable;
  klantImport: KlantImportTable;
  klantImportRij: KlantImportRijTable;
  organisatie: OrganisatieTable;
  organisatieContactpersoon: OrganisatieContactpersoonTable;
  organisatieWederkerigheid: OrganisatieWederkerigheidTable;
  activiteit: ActiviteitTable;
  activiteitPlaats: ActiviteitPlaatsTable;
  verdringingstoets: VerdringingstoetsTable;
  intervisie: IntervisieTable;
  bewaartermijn: BewaartermijnTable;
  vernietigingslijst: VernietigingslijstTable;
  vernietigingslijstKlant: VernietigingslijstKlantTable;
  netwerkImport: NetwerkImportTable;
  netwerkImportRij: NetwerkImportRijTable;
  tegenprestatie: TegenprestatieTable;
  tegenprestatieOvergang: TegenprestatieOvergangTable;
  oplegging: OpleggingTable;
  incident: IncidentTable;
  maatregelverordening: MaatregelverordeningTable;
  maatregel: MaatregelTable;
  maatregelWijziging: MaatregelWijzigingTable;
  klantBetrokkene: KlantBetrokkeneTable;
  maatregelRechtsmiddel: MaatregelRechtsmiddelTable;
  maatregelExport: MaatregelExportTable;
  maatregelExportCorrectie: MaatregelExportCorrectieTable;
  verordeningstoetsing: VerordeningstoetsingTable;
  overeenkomst: OvereenkomstTable;
  overeenkomstVersie: OvereenkomstVersieTable;
  verordeningVersie: VerordeningVersieTable;
  verordeningRechtsgrond: VerordeningRechtsgrondTable;
  matchingGewichten: MatchingGewichtenTable;
  matchingVersie: MatchingVersieTable;
  matchingActiviteit: MatchingActiviteitView;
  matchingKlant: MatchingKlantView;
  matchingErvaring: MatchingErvaringView;
  cohortRun: CohortRunTable;
  cohortVoorstel: CohortVoorstelTable;
  urenRegistratie: UrenRegistratieTable;
  urenWijziging: UrenWijzigingTable;
  evaluatie: EvaluatieTable;
  signaal: SignaalTable;
  werklijstKlant: WerklijstKlantView;
}
