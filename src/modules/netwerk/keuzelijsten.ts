/**
 * The fixed value lists of the network: ASCII kebab-case ids (stored and sent over the API) with their Dutch
 * display names. The migration's CHECK constraints list the same ids.
 */

const sleutels = <T extends Record<string, string>>(namen: T) =>
  Object.keys(namen) as Array<keyof T & string>;

export const ORGANISATIE_TYPE_NAMEN = {
  'maatschappelijke-instelling': 'Maatschappelijke instelling',
  vereniging: 'Vereniging',
  stichting: 'Stichting',
  'commercieel-bedrijf': 'Commercieel bedrijf',
  overheid: 'Overheid',
} as const;
export type OrganisatieType = keyof typeof ORGANISATIE_TYPE_NAMEN;
export const ORGANISATIE_TYPES = sleutels(ORGANISATIE_TYPE_NAMEN);

/** `voorgesteld`: proposed by a klantmanager, not yet checked by the netwerkmakelaar. */
export const ORGANISATIE_STATUS_NAMEN = {
  voorgesteld: 'Voorgesteld',
  actief: 'Actief',
  gepauzeerd: 'Gepauzeerd',
  beeindigd: 'Beëindigd',
} as const;
export type OrganisatieStatus = keyof typeof ORGANISATIE_STATUS_NAMEN;
export const ORGANISATIE_STATUSSEN = sleutels(ORGANISATIE_STATUS_NAMEN);

/** What a host organisation gives back (guideline MOET 3). */
export const WEDERKERIGHEID_NAMEN = {
  begeleiding: 'Begeleiding of een mentor',
  training: 'Training of cursus',
  certificaat: 'Certificaat of getuigschrift',
  referentie: 'Referentie',
  netwerk: 'Netwerk en introducties',
  werkervaringsverklaring: 'Werkervaringsverklaring',
  anders: 'Anders',
} as const;
export type WederkerigheidCategorie = keyof typeof WEDERKERIGHEID_NAMEN;
export const WEDERKERIGHEID_CATEGORIEEN = sleutels(WEDERKERIGHEID_NAMEN);

export const CATEGORIE_NAMEN = {
  'zorg-en-welzijn': 'Zorg en welzijn',
  sport: 'Sport',
  'natuur-en-dieren': 'Natuur en dieren',
  'buurt-en-wijk': 'Buurt en wijk',
  cultuur: 'Cultuur',
  onderwijs: 'Onderwijs',
  'techniek-en-klussen': 'Techniek en klussen',
  administratie: 'Administratie',
  'voedsel-en-kringloop': 'Voedsel en kringloop',
  'schoonmaak-en-onderhoud': 'Schoonmaak en onderhoud',
  vervoer: 'Vervoer',
  anders: 'Anders',
} as const;
export type Categorie = keyof typeof CATEGORIE_NAMEN;
export const CATEGORIEEN = sleutels(CATEGORIE_NAMEN);

export const ACTIVITEIT_STATUS_NAMEN = {
  voorgesteld: 'Voorgesteld',
  actief: 'Actief',
  gepauzeerd: 'Gepauzeerd',
  beeindigd: 'Beëindigd',
} as const;
export type ActiviteitStatus = keyof typeof ACTIVITEIT_STATUS_NAMEN;
export const ACTIVITEIT_STATUSSEN = sleutels(ACTIVITEIT_STATUS_NAMEN);

export const BELASTING_NAMEN = {
  laag: 'Laag (vooral zitten of licht werk)',
  midden: 'Midden (staan, lopen, af en toe tillen)',
  hoog: 'Hoog (zwaar tillen, veel bukken of buitenwerk)',
} as const;
export type Belasting = keyof typeof BELASTING_NAMEN;
export const BELASTINGEN = sleutels(BELASTING_NAMEN);

/** Dutch language level (CEFR; A0 = no Dutch needed). The same ids as the client file. */
export const TAALNIVEAU_NAMEN = {
  a0: 'A0 (geen Nederlands nodig)',
  a1: 'A1',
  a2: 'A2',
  b1: 'B1',
  b2: 'B2',
  c1: 'C1',
  c2: 'C2',
} as const;
export type Taalniveau = keyof typeof TAALNIVEAU_NAMEN;
export const TAALNIVEAUS = sleutels(TAALNIVEAU_NAMEN);

const DAGEN = [
  ['ma', 'maandag'],
  ['di', 'dinsdag'],
  ['wo', 'woensdag'],
  ['do', 'donderdag'],
  ['vr', 'vrijdag'],
  ['za', 'zaterdag'],
  ['zo', 'zondag'],
] as const;
const TIJDEN = ['ochtend', 'middag', 'avond'] as const;

/** Days × morning/afternoon/evening, `ma-ochtend` … `zo-avond` (the same ids as the client's availability). */
export const DAGDELEN = DAGEN.flatMap(([d]) => TIJDEN.map((t) => `${d}-${t}` as const));
export type Dagdeel = (typeof DAGDELEN)[number];
const DAG_NAMEN: Record<string, string> = Object.fromEntries(DAGEN);
export const dagdeelNaam = (d: string): string => {
  const [dag = '', tijd = ''] = d.split('-');
  return `${DAG_NAMEN[dag] ?? dag}${tijd}`;
};

export const CONCLUSIE_NAMEN = {
  'geen-risico': 'Geen risico op verdringing',
  twijfel: 'Twijfel: intervisie nodig',
  verdringing: 'Verdringing: niet gebruiken',
} as const;
export type Conclusie = keyof typeof CONCLUSIE_NAMEN;
export const CONCLUSIES = sleutels(CONCLUSIE_NAMEN);

export const BESLUIT_NAMEN = {
  toegestaan: 'Toegestaan',
  'toegestaan-onder-voorwaarden': 'Toegestaan onder voorwaarden',
  'niet-toegestaan': 'Niet toegestaan',
} as const;
export type Besluit = keyof typeof BESLUIT_NAMEN;
export const BESLUITEN = sleutels(BESLUIT_NAMEN);

export const ANTWOORD_NAMEN = {
  ja: 'Ja',
  nee: 'Nee',
  'weet-niet': 'Weet ik niet',
  'niet-van-toepassing': 'Niet van toepassing',
} as const;
export type Antwoord = keyof typeof ANTWOORD_NAMEN;
export const ANTWOORDEN = sleutels(ANTWOORD_NAMEN);
