/**
 * The fixed value lists of the client file: ASCII kebab-case ids (stored and sent over the API) with their Dutch
 * display names. The migration's CHECK constraints list the same ids.
 */

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

/** Days × morning/afternoon/evening: `ma-ochtend` … `zo-avond`. */
export const DAGDELEN = DAGEN.flatMap(([d]) => TIJDEN.map((t) => `${d}-${t}` as const));
export type Dagdeel = (typeof DAGDELEN)[number];
export const DAG_NAMEN: Record<(typeof DAGEN)[number][0], string> = Object.fromEntries(DAGEN) as Record<
  (typeof DAGEN)[number][0],
  string
>;
export const DAGEN_KORT = DAGEN.map(([d]) => d);
export const DAGDEEL_TIJDEN = TIJDEN;
export const dagdeelNaam = (d: Dagdeel): string => {
  const [dag, tijd] = d.split('-') as [keyof typeof DAG_NAMEN, string];
  return `${DAG_NAMEN[dag]}${tijd}`;
};

/**
 * Functional limitations as categories — the six sections of the UWV Functionele Mogelijkhedenlijst — never
 * diagnoses.
 */
export const BEPERKING_NAMEN = {
  'persoonlijk-functioneren': 'Persoonlijk functioneren (concentratie, tempo, omgaan met stress)',
  'sociaal-functioneren': 'Sociaal functioneren (samenwerken, contact met anderen)',
  'aanpassing-fysieke-omgeving': 'Aanpassing aan de fysieke omgeving (geluid, stof, temperatuur)',
  'dynamische-handelingen': 'Dynamische handelingen (lopen, tillen, bukken)',
  'statische-houdingen': 'Statische houdingen (lang zitten of staan)',
  werktijden: 'Werktijden (uren per dag of week, avond of nacht)',
} as const;
export type Beperking = keyof typeof BEPERKING_NAMEN;
export const BEPERKINGEN = Object.keys(BEPERKING_NAMEN) as Beperking[];

export const MOBILITEIT_NAMEN = {
  lopen: 'Lopen',
  fiets: 'Fiets',
  ov: 'Openbaar vervoer',
  auto: 'Auto',
} as const;
export type Vervoer = keyof typeof MOBILITEIT_NAMEN;
export const MOBILITEIT = Object.keys(MOBILITEIT_NAMEN) as Vervoer[];

/** Dutch education levels (highest completed). */
export const OPLEIDINGSNIVEAU_NAMEN = {
  geen: 'Geen opleiding afgerond',
  basisonderwijs: 'Basisonderwijs',
  praktijkonderwijs: 'Praktijkonderwijs',
  vmbo: 'Vmbo',
  'mbo-1': 'Mbo niveau 1 (entree)',
  'mbo-2': 'Mbo niveau 2',
  'mbo-3': 'Mbo niveau 3',
  'mbo-4': 'Mbo niveau 4',
  havo: 'Havo',
  vwo: 'Vwo',
  hbo: 'Hbo',
  wo: 'Wo (universiteit)',
} as const;
export type Opleidingsniveau = keyof typeof OPLEIDINGSNIVEAU_NAMEN;
export const OPLEIDINGSNIVEAUS = Object.keys(OPLEIDINGSNIVEAU_NAMEN) as Opleidingsniveau[];

/** Dutch language level (CEFR; A0 = no Dutch yet). */
export const TAALNIVEAU_NAMEN = {
  a0: 'A0 (nog geen Nederlands)',
  a1: 'A1',
  a2: 'A2',
  b1: 'B1',
  b2: 'B2',
  c1: 'C1',
  c2: 'C2',
} as const;
export type Taalniveau = keyof typeof TAALNIVEAU_NAMEN;
export const TAALNIVEAUS = Object.keys(TAALNIVEAU_NAMEN) as Taalniveau[];

/** Common preferred languages (ISO 639 codes) with Dutch names; the API accepts any 2–3 letter code. */
export const TAAL_NAMEN: Record<string, string> = {
  nl: 'Nederlands',
  en: 'Engels',
  ar: 'Arabisch',
  tr: 'Turks',
  pl: 'Pools',
  uk: 'Oekraïens',
  ru: 'Russisch',
  ti: 'Tigrinya',
  so: 'Somalisch',
  fa: 'Perzisch (Farsi)',
  prs: 'Dari',
  ps: 'Pasjtoe',
  ku: 'Koerdisch',
  ber: 'Berbers (Tamazight)',
  pap: 'Papiaments',
  es: 'Spaans',
  pt: 'Portugees',
  fr: 'Frans',
  de: 'Duits',
  ro: 'Roemeens',
  bg: 'Bulgaars',
  zh: 'Chinees',
};
