/**
 * The matching kernel: activity features in typed arrays (struct of arrays), a client's features compiled against
 * them, the hard filters, the weighted score (integer: score × 1000 rounded) and top-K selection — and the
 * explanation of one pair in plain Dutch. Pure: no I/O; the service feeds it from the database and keeps the cache.
 *
 * Hot loop per client: the text cosine is accumulated term-major for all activities first (a client's ~10 query
 * terms touch only their own postings), then one pass over the activities applies the filters and the score and
 * keeps the best K in a small heap. No allocation per pair.
 */
import {
  type Centroiden,
  centroide,
  maxKmBinnen,
  naarKm,
  REISTIJD_MARGE,
  snelsteReis,
  VERVOER_LIJST,
  VERVOER_NAMEN,
  type Vervoer,
  vervoerMasker,
} from './reistijd.ts';
import {
  bouwTekstIndex,
  bouwVraag,
  cosinusAlle,
  cosinusDoc,
  gedeeldeWoorden,
  stam,
  type TekstIndex,
  type TekstVraag,
  woorden,
} from './tekst.ts';

// ---- Weights ---------------------------------------------------------------------------------------------------

export const FACTOREN = [
  'vaardigheden',
  'tekst',
  'afstand',
  'eigenNetwerk',
  'organisatieType',
  'ervaring',
  'verordening',
] as const;
export type Factor = (typeof FACTOREN)[number];

/** Weights per municipality in points (0–1000). `verordening` is a penalty; the others add up to 100 %. */
export type Gewichten = Record<Factor, number>;

export const STANDAARD_GEWICHTEN: Gewichten = {
  vaardigheden: 250,
  tekst: 250,
  afstand: 200,
  eigenNetwerk: 100,
  organisatieType: 100,
  ervaring: 50,
  verordening: 50,
};

export const FACTOR_NAMEN: Record<Factor, string> = {
  vaardigheden: 'Vaardigheden en interesses',
  tekst: 'Wensen en omschrijving (tekst)',
  afstand: 'Afstand (eigen wijk eerst)',
  eigenNetwerk: 'Eigen netwerk van de klant',
  organisatieType: 'Soort organisatie (maatschappelijke instelling eerst)',
  ervaring: 'Ervaring van de organisatie (afgeronde plaatsingen)',
  verordening: 'Aftrek boven de uren van de verordening',
};

// ---- Input as the service reads it -----------------------------------------------------------------------------

export interface ActiviteitGegevens {
  id: string;
  titel: string;
  omschrijving: string;
  taken: string | null;
  categorie: string;
  categorieNaam: string;
  vaardigheden: readonly string[];
  fysiekeBelasting: string;
  taalniveauMin: string | null;
  urenMin: number;
  urenMax: number;
  dagdelen: readonly string[];
  postcode: string | null;
  wijkId: string | null;
  wijkNaam: string | null;
  organisatieId: string | null;
  organisatieNaam: string | null;
  organisatieType: string | null;
  vrijePlaatsen: number;
  /** The host's track record (placements that ended there); null when none ended yet or there is no host. */
  plaatsingen: Plaatsingen | null;
}

/** Placements that ended at a host: see the view `matching_ervaring` (migration 0022). */
export interface Plaatsingen {
  /** Completed as agreed, or ended early because paid work or re-integration started. */
  geslaagd: number;
  /** Of those ended, how many went on to paid work or re-integration. */
  doorstroom: number;
  /** Ended early for a reason the host may have a part in (not health, a move, work or re-integration). */
  voortijdig: number;
}

export interface KlantGegevens {
  id: string;
  gemeenteId: string;
  /** Stored applicability: false = the tegenprestatie does not apply (exemption, AOW age…). */
  toepasselijk: boolean;
  nietToepasselijkReden: string | null;
  maxUrenPerWeek: number | null;
  /**
   * Naar vermogen: the caseworker stated, with a reason, that no limits are known (then the municipality's
   * regular-work threshold is the ceiling). Without it and without `maxUrenPerWeek` no capacity is assumed.
   */
  geenBeperkingenBekend: boolean;
  /** The municipality's regular-work threshold (hours per week). */
  regulierWerkUren: number;
  werkUren: number;
  /**
   * Hours per week the client's agreed or running designs already take, at the most at one time from today on
   * (the checklist's `urenElders`, computed by the service).
   */
  urenElders: number;
  beperkingen: readonly string[];
  beschikbaarheid: readonly string[];
  werkDagdelen: readonly string[];
  reintegratieDagdelen: readonly string[];
  taalniveau: string | null;
  postcode: string | null;
  wijkId: string | null;
  mobiliteit: readonly string[];
  maxReistijdMinuten: number | null;
  vaardigheden: readonly string[];
  interesses: readonly string[];
  /** Wishes from the conversation (part b) and similar free text. */
  wensen: string;
  netwerkOrganisatieIds: readonly string[];
}

// ---- Value encodings -----------------------------------------------------------------------------------------

const DAGEN = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];
const TIJDEN = ['ochtend', 'middag', 'avond'];
const DAGDEEL_BIT = new Map<string, number>(
  DAGEN.flatMap((d, i) => TIJDEN.map((t, j) => [`${d}-${t}`, 1 << (i * 3 + j)] as [string, number])),
);
export const ALLE_DAGDELEN = (1 << 21) - 1;
export function dagdeelMasker(dagdelen: readonly string[]): number {
  let m = 0;
  for (const d of dagdelen) m |= DAGDEEL_BIT.get(d) ?? 0;
  return m;
}
const DAG_VOLUIT: Record<string, string> = {
  ma: 'maandag',
  di: 'dinsdag',
  wo: 'woensdag',
  do: 'donderdag',
  vr: 'vrijdag',
  za: 'zaterdag',
  zo: 'zondag',
};
export function dagdelenTekst(masker: number): string {
  const uit: string[] = [];
  for (const [d, bit] of DAGDEEL_BIT) {
    if (masker & bit) {
      const [dag = '', tijd = ''] = d.split('-');
      uit.push(`${DAG_VOLUIT[dag]}${tijd}`);
    }
  }
  return uit.join(', ');
}

const BELASTING_NIVEAU: Record<string, number> = { laag: 0, midden: 1, hoog: 2 };
const BELASTING_WOORD = ['laag', 'midden', 'hoog'];
export const TAAL_NIVEAUS = ['a0', 'a1', 'a2', 'b1', 'b2', 'c1', 'c2'];
const taalIndex = (t: string | null): number => (t ? TAAL_NIVEAUS.indexOf(t) : -1);

/**
 * The heaviest physical load a client's limitation categories allow: `dynamische-handelingen` (walking, lifting,
 * bending) or `aanpassing-fysieke-omgeving` (noise, dust, temperature: outdoor work) rule out `hoog`; together
 * with `statische-houdingen` (long sitting or standing) only `laag` remains.
 */
export function maxBelasting(beperkingen: readonly string[]): number {
  const dyn = beperkingen.includes('dynamische-handelingen');
  const omg = beperkingen.includes('aanpassing-fysieke-omgeving');
  const stat = beperkingen.includes('statische-houdingen');
  if (dyn && stat) return 0;
  if (dyn || omg) return 1;
  return 2;
}

const ORGANISATIE_TYPE_SCORE: Record<string, number> = {
  'maatschappelijke-instelling': 1,
  stichting: 0.8,
  vereniging: 0.8,
  overheid: 0.6,
  'commercieel-bedrijf': 0,
};
const ORGANISATIE_TYPE_WOORD: Record<string, string> = {
  'maatschappelijke-instelling': 'maatschappelijke instelling',
  stichting: 'stichting',
  vereniging: 'vereniging',
  overheid: 'overheidsorganisatie',
  'commercieel-bedrijf': 'commercieel bedrijf',
};

/**
 * Text score: the TF-IDF cosine scaled so that a cosine of {@link TEKST_VOL} (a clear overlap between a few
 * wishes and a description of a few sentences) counts in full: cosines of short texts rarely exceed 0.4.
 */
export const TEKST_VOL = 0.35;
export const tekstScore = (cos: number): number => (cos >= TEKST_VOL ? 1 : cos / TEKST_VOL);

/** Distance score: 1 in the own wijk, else e^(−km / AFSTAND_SCHAAL_KM); 0 when unknown and another wijk. */
export const AFSTAND_SCHAAL_KM = 4;
/** Track record: score = min(1, successful placements / this) × the share of successful among those counted. */
export const ERVARING_VOL = 5;

/** The track-record score in [0, 1]: experience (up to ERVARING_VOL successes) times the success rate. */
export function ervaringScore(p: Plaatsingen | null): number {
  if (!p) return 0;
  const teller = p.geslaagd + p.voortijdig;
  if (teller <= 0 || p.geslaagd <= 0) return 0;
  return Math.min(1, p.geslaagd / ERVARING_VOL) * (p.geslaagd / teller);
}

const meervoud = (n: number, een: string, meer: string): string => `${n} ${n === 1 ? een : meer}`;

/** The track record as a reason, in plain Dutch. */
export function ervaringTekst(p: Plaatsingen | null): string {
  if (!p || p.geslaagd + p.voortijdig <= 0)
    return 'Ervaring van de organisatie: nog geen afgeronde plaatsingen (telt niet mee)';
  const delen = [`${meervoud(p.geslaagd, 'plaatsing', 'plaatsingen')} goed afgerond bij deze organisatie`];
  if (p.doorstroom > 0) delen.push(`waarvan ${p.doorstroom} met betaald werk of re-integratie daarna`);
  const tekst = delen.join(', ');
  return p.voortijdig > 0
    ? `${tekst}; ${meervoud(p.voortijdig, 'plaatsing', 'plaatsingen')} voortijdig gestopt`
    : tekst;
}

// ---- The activity cache (struct of arrays) ----------------------------------------------------------------------

export interface ActiviteitCache {
  n: number;
  ids: string[];
  index: Map<string, number>;
  gegevens: ActiviteitGegevens[];
  vrij: Int32Array;
  urenMin: Float32Array;
  urenMax: Float32Array;
  /** 21-bit day-part mask; all bits = flexible (no fixed day parts). */
  dagdelen: Int32Array;
  belasting: Int8Array;
  taalMin: Int8Array;
  /** Planar km coordinates (see `naarKm`); NaN when the postcode is missing or implausible. */
  x: Float64Array;
  y: Float64Array;
  /** Index into `wijken`; −1 unknown. */
  wijk: Int32Array;
  wijken: Map<string, number>;
  /** Index into `organisaties`; −1 none. */
  organisatie: Int32Array;
  organisaties: Map<string, number>;
  organisatieType: Float32Array;
  ervaring: Float32Array;
  /** Skill/interest tags (stems) per activity, CSR. */
  tagStart: Int32Array;
  tags: Int32Array;
  tagIds: Map<string, number>;
  /** The stem of each tag id. */
  tagNamen: string[];
  tekst: TekstIndex;
}

function tagStammen(namen: readonly string[]): string[] {
  const uit = new Set<string>();
  for (const n of namen) for (const w of woorden(n)) if (w.length >= 3) uit.add(stam(w));
  return [...uit];
}

/** Builds the cache from the usable activities (the caller leaves out those without a free place or assessment). */
export function bouwActiviteitCache(
  acts: readonly ActiviteitGegevens[],
  centroiden: Centroiden,
): ActiviteitCache {
  const n = acts.length;
  const c: ActiviteitCache = {
    n,
    ids: acts.map((a) => a.id),
    index: new Map(acts.map((a, i) => [a.id, i])),
    gegevens: [...acts],
    vrij: new Int32Array(n),
    urenMin: new Float32Array(n),
    urenMax: new Float32Array(n),
    dagdelen: new Int32Array(n),
    belasting: new Int8Array(n),
    taalMin: new Int8Array(n),
    x: new Float64Array(n),
    y: new Float64Array(n),
    wijk: new Int32Array(n),
    wijken: new Map(),
    organisatie: new Int32Array(n),
    organisaties: new Map(),
    organisatieType: new Float32Array(n),
    ervaring: new Float32Array(n),
    tagStart: new Int32Array(n + 1),
    tags: new Int32Array(0),
    tagIds: new Map(),
    tagNamen: [],
    tekst: bouwTekstIndex(
      acts.map((a) =>
        [a.titel, a.titel, a.omschrijving, a.taken ?? '', a.vaardigheden.join(', '), a.categorieNaam].join(
          '. ',
        ),
      ),
    ),
  };
  const tagLijst: number[] = [];
  acts.forEach((a, i) => {
    c.vrij[i] = a.vrijePlaatsen;
    c.urenMin[i] = a.urenMin;
    c.urenMax[i] = a.urenMax;
    c.dagdelen[i] = dagdeelMasker(a.dagdelen) || ALLE_DAGDELEN;
    c.belasting[i] = BELASTING_NIVEAU[a.fysiekeBelasting] ?? 2;
    c.taalMin[i] = taalIndex(a.taalniveauMin);
    const xy = centroide(centroiden, a.postcode);
    const km = xy ? naarKm(xy[0], xy[1]) : null;
    c.x[i] = km ? km[0] : Number.NaN;
    c.y[i] = km ? km[1] : Number.NaN;
    c.wijk[i] = a.wijkId ? volgnummer(c.wijken, a.wijkId) : -1;
    c.organisatie[i] = a.organisatieId ? volgnummer(c.organisaties, a.organisatieId) : -1;
    c.organisatieType[i] = a.organisatieType ? (ORGANISATIE_TYPE_SCORE[a.organisatieType] ?? 0) : 0.5;
    c.ervaring[i] = ervaringScore(a.plaatsingen);
    for (const t of tagStammen([...a.vaardigheden, a.categorieNaam])) tagLijst.push(volgnummer(c.tagIds, t));
    c.tagStart[i + 1] = tagLijst.length;
  });
  c.tags = Int32Array.from(tagLijst);
  for (const [naam, id] of c.tagIds) c.tagNamen[id] = naam;
  return c;
}

function volgnummer(m: Map<string, number>, k: string): number {
  let v = m.get(k);
  if (v === undefined) {
    v = m.size;
    m.set(k, v);
  }
  return v;
}

// ---- Naar vermogen ---------------------------------------------------------------------------------------------

/** Where a client's capacity comes from, as in the checklist. */
export type CapaciteitBron = 'belastbaarheid' | 'geen-beperkingen-bekend' | 'niet-vastgelegd';

export interface Vermogen {
  bron: CapaciteitBron;
  /** The ceiling: the recorded capacity, or the threshold when no limits are known; null when none is recorded. */
  grens: number | null;
  werkUren: number;
  urenElders: number;
  /** Hours the client can still take on: ceiling minus work minus other designs; Infinity when unknown. */
  ruimteUren: number;
}

/**
 * Naar vermogen (art. 9 lid 1 onder c Pw) for the ranking, by the checklist's rule: a recorded capacity, else the
 * municipality's threshold only when the caseworker stated that no limits are known; without either no capacity
 * is assumed (no hours filter, and the reasons say so). Work and the hours of the client's other agreed or running
 * designs count against the ceiling.
 */
export function vermogenVan(
  k: Pick<
    KlantGegevens,
    'maxUrenPerWeek' | 'geenBeperkingenBekend' | 'regulierWerkUren' | 'werkUren' | 'urenElders'
  >,
): Vermogen {
  const basis = { werkUren: k.werkUren, urenElders: k.urenElders };
  if (k.maxUrenPerWeek !== null)
    return {
      ...basis,
      bron: 'belastbaarheid',
      grens: k.maxUrenPerWeek,
      ruimteUren: Math.max(0, k.maxUrenPerWeek - k.werkUren - k.urenElders),
    };
  if (k.geenBeperkingenBekend)
    return {
      ...basis,
      bron: 'geen-beperkingen-bekend',
      grens: k.regulierWerkUren,
      ruimteUren: Math.max(0, k.regulierWerkUren - k.werkUren - k.urenElders),
    };
  return { ...basis, bron: 'niet-vastgelegd', grens: null, ruimteUren: Infinity };
}

/** The capacity in one plain Dutch sentence (caseworker's view: it names capacity, work and other hours). */
export function vermogenUitleg(v: Vermogen): string {
  const elders =
    v.urenElders > 0 ? `${uren(v.urenElders)} uur in een andere afgesproken of lopende tegenprestatie` : null;
  if (v.bron === 'niet-vastgelegd')
    return `De belastbaarheid van de klant is niet vastgelegd: de uren zijn niet getoetst, en de grens van de gemeente wordt niet als vermogen aangenomen${elders ? ` (de klant heeft al ${elders})` : ''}. Leg de belastbaarheid vast, of schrijf op waarom er geen beperkingen bekend zijn.`;
  const delen = [
    v.bron === 'belastbaarheid'
      ? `belastbaar ${uren(v.grens ?? 0)} uur`
      : `geen beperkingen bekend, dus de grens van de gemeente: ${uren(v.grens ?? 0)} uur`,
  ];
  if (v.werkUren > 0) delen.push(`werkt ${uren(v.werkUren)} uur`);
  if (elders) delen.push(elders);
  return `De klant kan nog ${uren(v.ruimteUren)} uur per week (${delen.join(', ')}).`;
}

// ---- A client compiled against the cache -------------------------------------------------------------------------

export interface KlantKenmerken {
  gegevens: KlantGegevens;
  /** Naar vermogen: where the capacity comes from and what is left ({@link vermogenVan}). */
  vermogen: Vermogen;
  /** Hours the client can still do: ceiling minus work and other designs; Infinity when none is recorded. */
  ruimteUren: number;
  /** Day parts free for an activity: availability (all when none recorded) minus work and re-integration. */
  vrijeDagdelen: number;
  bezetDagdelen: number;
  maxBelasting: number;
  taal: number;
  /** Planar km coordinates; NaN unknown. */
  x: number;
  y: number;
  /** Squared straight-line km beyond which travel is clearly too long (Infinity: no filter). */
  maxKm2: number;
  wijk: number;
  vervoer: number;
  maxReis: number;
  /** Membership of the cache's tags (1 = the client has a skill or interest with that stem). */
  tagMasker: Uint8Array;
  aantalTags: number;
  netwerk: Int32Array;
  vraag: TekstVraag;
}

export function bereidKlantVoor(
  k: KlantGegevens,
  cache: ActiviteitCache,
  centroiden: Centroiden,
): KlantKenmerken {
  const beschikbaar = k.beschikbaarheid.length > 0 ? dagdeelMasker(k.beschikbaarheid) : ALLE_DAGDELEN;
  const bezet = dagdeelMasker(k.werkDagdelen) | dagdeelMasker(k.reintegratieDagdelen);
  const xy = centroide(centroiden, k.postcode);
  const km = xy ? naarKm(xy[0], xy[1]) : null;
  const tagMasker = new Uint8Array(cache.tagIds.size);
  let aantalTags = 0;
  for (const t of tagStammen([...k.vaardigheden, ...k.interesses])) {
    aantalTags++;
    const id = cache.tagIds.get(t);
    if (id !== undefined) tagMasker[id] = 1;
  }
  const netwerk: number[] = [];
  for (const o of k.netwerkOrganisatieIds) {
    const i = cache.organisaties.get(o);
    if (i !== undefined) netwerk.push(i);
  }
  const vermogen = vermogenVan(k);
  return {
    gegevens: k,
    vermogen,
    ruimteUren: vermogen.ruimteUren,
    vrijeDagdelen: beschikbaar & ~bezet,
    bezetDagdelen: bezet,
    maxBelasting: maxBelasting(k.beperkingen),
    taal: taalIndex(k.taalniveau),
    x: km ? km[0] : Number.NaN,
    y: km ? km[1] : Number.NaN,
    maxKm2:
      k.maxReistijdMinuten === null || !km
        ? Infinity
        : maxKmBinnen(k.maxReistijdMinuten * REISTIJD_MARGE, vervoerMasker(k.mobiliteit)) ** 2,
    wijk: k.wijkId ? (cache.wijken.get(k.wijkId) ?? -2) : -3,
    vervoer: vervoerMasker(k.mobiliteit),
    maxReis: k.maxReistijdMinuten ?? Infinity,
    tagMasker,
    aantalTags,
    netwerk: Int32Array.from(netwerk),
    vraag: bouwVraag(cache.tekst, [k.wensen, ...k.interesses].join('. ')),
  };
}

// ---- Hard filters -------------------------------------------------------------------------------------------

export const FILTERS = ['plaats', 'uren', 'dagdelen', 'belasting', 'taal', 'reistijd'] as const;
export type Filter = (typeof FILTERS)[number];
/** 0 = passes; otherwise 1 + the index in {@link FILTERS} of the first filter that refuses. */
export type FilterCode = number;

/** Why a pair is impossible, for the caseworker (specific) — never shown to the netwerkmakelaar. */
export const FILTER_UITLEG: Record<Filter, string> = {
  plaats: 'geen vrije plaats',
  uren: 'vraagt meer uren dan de klant naast werk en andere tegenprestaties kan',
  dagdelen: 'geen dagdeel dat vrij is naast werk en re-integratie',
  belasting: 'lichamelijk te zwaar',
  taal: 'vraagt een hoger taalniveau',
  reistijd: 'reistijd duidelijk boven het maximum',
};

/**
 * The hard filters of one pair: a free place, hours within the room the client has (capacity minus work), a
 * day part free of work and re-integration, physical load and Dutch level within the client's limits, and travel
 * not clearly beyond the maximum (more than {@link REISTIJD_MARGE} × the maximum). Unknown client data never
 * refuses (no capacity recorded = no hours filter; no postcode = no travel filter).
 */
export function filterPaar(k: KlantKenmerken, c: ActiviteitCache, i: number): FilterCode {
  if (c.vrij[i]! <= 0) return 1;
  if (c.urenMin[i]! > k.ruimteUren) return 2;
  if ((c.dagdelen[i]! & k.vrijeDagdelen) === 0) return 3;
  if (c.belasting[i]! > k.maxBelasting) return 4;
  if (k.taal >= 0 && c.taalMin[i]! > k.taal) return 5;
  if (k.maxKm2 !== Infinity) {
    const dx = c.x[i]! - k.x;
    const dy = c.y[i]! - k.y;
    // NaN (unknown) compares false: no filter.
    if (dx * dx + dy * dy > k.maxKm2) return 6;
  }
  return 0;
}

// ---- Soft factors --------------------------------------------------------------------------------------------

// e^(−km / schaal) tabulated per 20 m up to 80 km (beyond: 0).
const EXP_STAP = 50;
const EXP_TABEL = Float64Array.from({ length: 80 * EXP_STAP }, (_, j) =>
  Math.exp(-j / EXP_STAP / AFSTAND_SCHAAL_KM),
);

/** Distance score from the squared straight-line km; 0 when unknown (NaN). */
export function afstandUitKm2(d2: number): number {
  if (!(d2 >= 0)) return 0;
  const j = (Math.sqrt(d2) * EXP_STAP) | 0;
  return j < EXP_TABEL.length ? EXP_TABEL[j]! : 0;
}

export function afstandScore(k: KlantKenmerken, c: ActiviteitCache, i: number): number {
  if (k.wijk >= 0 && c.wijk[i] === k.wijk) return 1;
  const dx = c.x[i]! - k.x;
  const dy = c.y[i]! - k.y;
  return afstandUitKm2(dx * dx + dy * dy);
}

export function vaardigheidTreffers(k: KlantKenmerken, c: ActiviteitCache, i: number): number {
  let n = 0;
  for (let p = c.tagStart[i]!, e = c.tagStart[i + 1]!; p < e; p++) n += k.tagMasker[c.tags[p]!]!;
  return n;
}
export const vaardigheidScore = (treffers: number): number => Math.min(1, treffers / 2);

export function inEigenNetwerk(k: KlantKenmerken, c: ActiviteitCache, i: number): boolean {
  const o = c.organisatie[i]!;
  if (o < 0) return false;
  for (let j = 0; j < k.netwerk.length; j++) if (k.netwerk[j] === o) return true;
  return false;
}

/** Options per ranking: the ordinance's maximum hours per week (null: none known). */
export interface RangOpties {
  verordeningMaxUren: number | null;
}

/** The weights as fractions: the positive factors sum to 1; `verordening` relative to the same sum. */
export interface GenormaliseerdeGewichten {
  vaardigheden: number;
  tekst: number;
  afstand: number;
  eigenNetwerk: number;
  organisatieType: number;
  ervaring: number;
  verordening: number;
}
export function normaliseerGewichten(g: Gewichten): GenormaliseerdeGewichten {
  const som = g.vaardigheden + g.tekst + g.afstand + g.eigenNetwerk + g.organisatieType + g.ervaring || 1;
  return {
    vaardigheden: g.vaardigheden / som,
    tekst: g.tekst / som,
    afstand: g.afstand / som,
    eigenNetwerk: g.eigenNetwerk / som,
    organisatieType: g.organisatieType / som,
    ervaring: g.ervaring / som,
    verordening: g.verordening / som,
  };
}

/** The integer score (0–1000 scale, at least 1 for a pair that passes) from the factor values. */
export function totaal(
  w: GenormaliseerdeGewichten,
  vaardigheid: number,
  tekst: number,
  afstand: number,
  netwerk: number,
  orgType: number,
  ervaring: number,
  boven: number,
): number {
  const s =
    w.vaardigheden * vaardigheid +
    w.tekst * tekst +
    w.afstand * afstand +
    w.eigenNetwerk * netwerk +
    w.organisatieType * orgType +
    w.ervaring * ervaring -
    w.verordening * boven;
  const r = Math.round(s * 1000);
  return Math.min(1000, Math.max(1, r));
}

// ---- Ranking ---------------------------------------------------------------------------------------------------

export interface TopK {
  /** Activity indexes, best first. */
  idx: Int32Array;
  score: Int32Array;
  /** How many pairs passed the filters. */
  passend: number;
}

/** Scratch space reused across calls (one per thread). */
export interface Kladblok {
  tekst: Float32Array;
  heapIdx: Int32Array;
  heapScore: Int32Array;
}
export const maakKladblok = (n: number, k: number): Kladblok => ({
  tekst: new Float32Array(n),
  heapIdx: new Int32Array(k),
  heapScore: new Int32Array(k),
});

// Min-heap on (score asc, index desc): the root is the worst kept pair.
const slechter = (s1: number, i1: number, s2: number, i2: number) => s1 < s2 || (s1 === s2 && i1 > i2);

/** Ranks every activity for one client: filters, score, the best `k` (score desc, then cache order). */
export function rangschik(
  kl: KlantKenmerken,
  c: ActiviteitCache,
  w: GenormaliseerdeGewichten,
  k: number,
  opties: RangOpties,
  blok: Kladblok = maakKladblok(c.n, k),
): TopK {
  const n = c.n;
  if (!kl.gegevens.toepasselijk)
    return {
      idx: new Int32Array(0),
      score: new Int32Array(0),
      passend: 0,
    };
  const tekst = blok.tekst.length >= n ? blok.tekst : new Float32Array(n);
  tekst.fill(0, 0, n);
  if (kl.vraag.termen.length > 0) cosinusAlle(c.tekst, kl.vraag, tekst);
  const hi = blok.heapIdx.length >= k ? blok.heapIdx : new Int32Array(k);
  const hs = blok.heapScore.length >= k ? blok.heapScore : new Int32Array(k);
  const maxUren = opties.verordeningMaxUren ?? Infinity;
  let m = 0;
  let passend = 0;
  // The filters and the score of filterPaar/afstandScore/totaal, inlined with hoisted locals (hot loop).
  const { vrij, urenMin, dagdelen, belasting, taalMin, x, y, wijk, organisatie, organisatieType, ervaring } =
    c;
  const { tagStart, tags } = c;
  const { ruimteUren, vrijeDagdelen, maxBelasting: maxB, taal, maxKm2, tagMasker, netwerk } = kl;
  const kx = kl.x;
  const ky = kl.y;
  const kw = kl.wijk;
  const heeftNetwerk = netwerk.length > 0;
  const basis = w.organisatieType;
  const we = w.ervaring;
  const wv = w.vaardigheden;
  const wt = w.tekst;
  const wa = w.afstand;
  const wn = w.eigenNetwerk;
  const wr = w.verordening;
  const taalEff = taal >= 0 ? taal : 99;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - kx;
    const dy = y[i]! - ky;
    const d2 = dx * dx + dy * dy;
    // Branch-free: one unpredictable branch per pair instead of six (NaN distance compares false: no filter).
    const ok =
      (vrij[i]! > 0 ? 1 : 0) &
      (urenMin[i]! <= ruimteUren ? 1 : 0) &
      ((dagdelen[i]! & vrijeDagdelen) !== 0 ? 1 : 0) &
      (belasting[i]! <= maxB ? 1 : 0) &
      (taalMin[i]! <= taalEff ? 1 : 0) &
      (d2 > maxKm2 ? 0 : 1);
    if (ok === 0) continue;
    passend++;
    let treffers = 0;
    for (let p = tagStart[i]!, e = tagStart[i + 1]!; p < e; p++) treffers += tagMasker[tags[p]!]!;
    const a = kw >= 0 && wijk[i] === kw ? 1 : afstandUitKm2(d2);
    let net = 0;
    if (heeftNetwerk) {
      const o = organisatie[i]!;
      for (let j = 0; j < netwerk.length; j++) if (netwerk[j] === o) net = 1;
    }
    const ruw =
      wv * (treffers >= 2 ? 1 : treffers / 2) +
      wt * (tekst[i]! >= TEKST_VOL ? 1 : tekst[i]! / TEKST_VOL) +
      wa * a +
      wn * net +
      basis * organisatieType[i]! +
      we * ervaring[i]! -
      (urenMin[i]! > maxUren ? wr : 0);
    const r = Math.round(ruw * 1000);
    const s = Math.min(1000, Math.max(1, r));
    if (m < k) {
      // sift up
      let j = m++;
      while (j > 0) {
        const p = (j - 1) >> 1;
        if (!slechter(s, i, hs[p]!, hi[p]!)) break;
        hs[j] = hs[p]!;
        hi[j] = hi[p]!;
        j = p;
      }
      hs[j] = s;
      hi[j] = i;
    } else if (slechter(hs[0]!, hi[0]!, s, i)) {
      // replace root, sift down
      let j = 0;
      for (;;) {
        const l = 2 * j + 1;
        if (l >= m) break;
        const r = l + 1;
        const kind = r < m && slechter(hs[r]!, hi[r]!, hs[l]!, hi[l]!) ? r : l;
        if (!slechter(hs[kind]!, hi[kind]!, s, i)) break;
        hs[j] = hs[kind]!;
        hi[j] = hi[kind]!;
        j = kind;
      }
      hs[j] = s;
      hi[j] = i;
    }
  }
  // Sort the heap best first.
  const volgorde = Array.from({ length: m }, (_, j) => j).sort((a, b) => hs[b]! - hs[a]! || hi[a]! - hi[b]!);
  const idx = new Int32Array(m);
  const score = new Int32Array(m);
  volgorde.forEach((j, r) => {
    idx[r] = hi[j]!;
    score[r] = hs[j]!;
  });
  return { idx, score, passend };
}

/**
 * Top-`k` for many clients at once (the cohort's candidate pairs and the benchmark), reusing one scratch block.
 * Returns per client its TopK in the same order as `klanten`.
 */
export function scoorAlles(
  klanten: readonly KlantKenmerken[],
  c: ActiviteitCache,
  k: number,
  gewichten: Gewichten = STANDAARD_GEWICHTEN,
  opties: RangOpties = { verordeningMaxUren: null },
): TopK[] {
  const w = normaliseerGewichten(gewichten);
  const blok = maakKladblok(c.n, k);
  return klanten.map((kl) => rangschik(kl, c, w, k, opties, blok));
}

/** The score of one pair, or null when a hard filter refuses it (the activity → clients direction). */
export function scoorPaar(
  kl: KlantKenmerken,
  c: ActiviteitCache,
  i: number,
  w: GenormaliseerdeGewichten,
  opties: RangOpties,
): number | null {
  if (!kl.gegevens.toepasselijk || filterPaar(kl, c, i) !== 0) return null;
  return totaal(
    w,
    vaardigheidScore(vaardigheidTreffers(kl, c, i)),
    tekstScore(kl.vraag.termen.length > 0 ? Math.fround(cosinusDoc(c.tekst, kl.vraag, i)) : 0),
    afstandScore(kl, c, i),
    inEigenNetwerk(kl, c, i) ? 1 : 0,
    c.organisatieType[i]!,
    c.ervaring[i]!,
    opties.verordeningMaxUren !== null && c.urenMin[i]! > opties.verordeningMaxUren ? 1 : 0,
  );
}

/** The cache with only the activities whose index is in `toegestaan` usable (others get no free place). */
export function beperkCache(c: ActiviteitCache, toegestaan: ReadonlySet<number>): ActiviteitCache {
  const vrij = new Int32Array(c.n);
  for (const i of toegestaan) if (i >= 0 && i < c.n) vrij[i] = c.vrij[i]!;
  return { ...c, vrij };
}

// ---- Explanation ---------------------------------------------------------------------------------------------

export interface Reden {
  factor: Factor | 'filter' | 'info';
  /** Contribution in points on the 0–1000 scale (negative for the ordinance), null for information. */
  punten: number | null;
  tekst: string;
  /**
   * Set when the text reveals the client's limitations or capacity: the netwerkmakelaar then sees this
   * replacement instead (or nothing when null).
   */
  voorMakelaar?: string | null;
}

// One formatter each (creating an Intl.NumberFormat per call costs far more than the ranking itself).
const KM1 = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const UREN = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const km1 = (x: number) => KM1.format(x);
const uren = (x: number) => UREN.format(x);
const lijstje = (xs: readonly string[]) => xs.slice(0, 6).join(', ');

/** The reasons of one pair that passed the filters (full detail; see {@link redenenVoorRol}). */
export function verklaar(
  kl: KlantKenmerken,
  c: ActiviteitCache,
  i: number,
  gewichten: Gewichten,
  opties: RangOpties,
): { score: number; redenen: Reden[] } {
  const w = normaliseerGewichten(gewichten);
  const a = c.gegevens[i]!;
  const k = kl.gegevens;
  const redenen: Reden[] = [];
  const pt = (gewicht: number, s: number) => Math.round(gewicht * s * 1000);

  // Soft factors, strongest first as they come.
  const treffers = vaardigheidTreffers(kl, c, i);
  const vs = vaardigheidScore(treffers);
  if (treffers > 0) {
    const gedeeld = new Set<string>();
    for (let p = c.tagStart[i]!, e = c.tagStart[i + 1]!; p < e; p++) {
      if (kl.tagMasker[c.tags[p]!]) {
        const stamTag = c.tagNamen[c.tags[p]!];
        for (const naam of [...a.vaardigheden, a.categorieNaam]) {
          if (stamTag && tagStammen([naam]).includes(stamTag)) gedeeld.add(naam.toLowerCase());
        }
      }
    }
    redenen.push({
      factor: 'vaardigheden',
      punten: pt(w.vaardigheden, vs),
      tekst: `Past bij vaardigheden en interesses: ${lijstje([...gedeeld])}`,
    });
  } else {
    redenen.push({ factor: 'vaardigheden', punten: 0, tekst: 'Geen overlap met vaardigheden of interesses' });
  }

  const ts = tekstScore(kl.vraag.termen.length > 0 ? Math.fround(cosinusDoc(c.tekst, kl.vraag, i)) : 0);
  const gedeeldeTekst = gedeeldeWoorden(c.tekst, kl.vraag, i);
  if (gedeeldeTekst.length > 0) {
    redenen.push({
      factor: 'tekst',
      punten: pt(w.tekst, ts),
      tekst: `Past bij wensen en interesses: ${lijstje(gedeeldeTekst)}`,
      // The matched words come from the client's own words (conversation notes may name health): not for the broker.
      voorMakelaar: 'Past bij de wensen en interesses van de klant',
    });
  } else {
    redenen.push({
      factor: 'tekst',
      punten: 0,
      tekst:
        kl.vraag.termen.length === 0
          ? 'Geen wensen bekend om mee te vergelijken'
          : 'Geen woorden uit de wensen in de omschrijving',
    });
  }

  const as = afstandScore(kl, c, i);
  const eigenWijk = kl.wijk >= 0 && c.wijk[i] === kl.wijk;
  const bekend = !Number.isNaN(kl.x) && !Number.isNaN(c.x[i]!);
  let afstandTekst: string;
  if (bekend) {
    const km = Math.hypot(c.x[i]! - kl.x, c.y[i]! - kl.y);
    const reis = snelsteReis(
      km,
      VERVOER_LIJST.filter((v) => (kl.vervoer & (1 << VERVOER_LIJST.indexOf(v))) !== 0) as Vervoer[],
    );
    afstandTekst = `${eigenWijk ? `In eigen wijk${a.wijkNaam ? ` (${a.wijkNaam})` : ''}, ` : ''}${km1(km)} km hemelsbreed, ongeveer ${Math.round(reis.minuten)} minuten ${VERVOER_NAMEN[reis.vervoer]}`;
    if (k.maxReistijdMinuten !== null && reis.minuten > k.maxReistijdMinuten)
      afstandTekst += ` (iets boven de ${k.maxReistijdMinuten} minuten die de klant wil reizen)`;
  } else if (eigenWijk) {
    afstandTekst = `In eigen wijk${a.wijkNaam ? ` (${a.wijkNaam})` : ''}; postcode onbekend, daarom op wijk vergeleken`;
  } else {
    afstandTekst = 'Afstand onbekend: postcode ontbreekt of is onbekend, en het is niet de eigen wijk';
  }
  redenen.push({ factor: 'afstand', punten: pt(w.afstand, as), tekst: afstandTekst });

  const netwerk = inEigenNetwerk(kl, c, i);
  if (netwerk)
    redenen.push({
      factor: 'eigenNetwerk',
      punten: pt(w.eigenNetwerk, 1),
      tekst: `${a.organisatieNaam ?? 'De organisatie'} hoort bij het eigen netwerk van de klant`,
    });

  const ot = c.organisatieType[i]!;
  if (a.organisatieType) {
    const woord = ORGANISATIE_TYPE_WOORD[a.organisatieType] ?? a.organisatieType;
    redenen.push({
      factor: 'organisatieType',
      punten: pt(w.organisatieType, ot),
      tekst:
        a.organisatieType === 'commercieel-bedrijf'
          ? 'Commercieel bedrijf: maatschappelijke instellingen gaan voor'
          : a.organisatieType === 'maatschappelijke-instelling'
            ? 'Maatschappelijke instelling: gaat voor op bedrijven'
            : `Bij een ${woord}`,
    });
  } else {
    redenen.push({
      factor: 'organisatieType',
      punten: pt(w.organisatieType, ot),
      tekst: 'Maatwerk zonder vaste organisatie',
    });
  }

  const ev = c.ervaring[i]!;
  redenen.push({
    factor: 'ervaring',
    punten: pt(w.ervaring, ev),
    tekst: ervaringTekst(a.plaatsingen),
  });

  const max = opties.verordeningMaxUren;
  const boven = max !== null && a.urenMin > max ? 1 : 0;
  if (max !== null && a.urenMin > max) {
    redenen.push({
      factor: 'verordening',
      punten: -pt(w.verordening, 1),
      tekst: `Let op: vraagt minstens ${uren(a.urenMin)} uur per week, de verordening staat hoogstens ${uren(max)} uur toe`,
    });
  } else if (max !== null && a.urenMax > max) {
    redenen.push({
      factor: 'info',
      punten: null,
      tekst: `Let op: hoogstens ${uren(max)} uur per week past binnen de verordening (de activiteit kan tot ${uren(a.urenMax)} uur)`,
    });
  }

  // The hard filters it passed, in words (specific for the caseworker; general for the netwerkmakelaar).
  const vrij = c.vrij[i]!;
  redenen.push({ factor: 'info', punten: null, tekst: `${vrij} ${vrij === 1 ? 'plaats' : 'plaatsen'} vrij` });
  const urenTekst =
    a.urenMin === a.urenMax ? `${uren(a.urenMin)} uur` : `${uren(a.urenMin)}–${uren(a.urenMax)} uur`;
  redenen.push({
    factor: 'filter',
    punten: null,
    tekst: `Vraagt ${urenTekst} per week. ${vermogenUitleg(kl.vermogen)}`,
    voorMakelaar: 'Past qua belastbaarheid',
  });
  const belastingWoord = BELASTING_WOORD[c.belasting[i]!] ?? 'onbekend';
  redenen.push({
    factor: 'filter',
    punten: null,
    tekst:
      k.beperkingen.length > 0
        ? `Lichamelijke belasting ${belastingWoord}: past bij de beperkingen van de klant`
        : `Lichamelijke belasting ${belastingWoord}`,
    voorMakelaar: 'Past qua belastbaarheid',
  });
  const flexibel = a.dagdelen.length === 0;
  const d = c.dagdelen[i]!;
  const samen = d & kl.vrijeDagdelen;
  redenen.push({
    factor: 'filter',
    punten: null,
    tekst: flexibel
      ? 'Dagdelen vrij in te delen'
      : `Kan op ${dagdelenTekst(samen)}${kl.bezetDagdelen & d ? ' (naast werk of re-integratie)' : ''}`,
    voorMakelaar: flexibel ? 'Dagdelen vrij in te delen' : `Beschikbaar op ${dagdelenTekst(samen)}`,
  });
  if (a.taalniveauMin && a.taalniveauMin !== 'a0') {
    redenen.push({
      factor: 'filter',
      punten: null,
      tekst:
        k.taalniveau === null
          ? `Vraagt taalniveau ${a.taalniveauMin.toUpperCase()}; taalniveau van de klant onbekend`
          : `Vraagt taalniveau ${a.taalniveauMin.toUpperCase()}, klant heeft ${k.taalniveau.toUpperCase()}`,
      voorMakelaar: 'Past qua taalniveau',
    });
  }

  const score = totaal(w, vs, ts, as, netwerk ? 1 : 0, ot, ev, boven);
  return { score, redenen };
}

export type Kijker = 'klantmanager' | 'netwerkmakelaar';

/**
 * The reasons as a viewer sees them. The caseworker (klantmanager, teamleider) sees everything. The
 * netwerkmakelaar never sees the client's limitations or capacity: each such reason is replaced by its general
 * text ("Past qua belastbaarheid"), once.
 */
export function redenenVoorRol(redenen: readonly Reden[], kijker: Kijker): Reden[] {
  if (kijker === 'klantmanager') return [...redenen];
  const uit: Reden[] = [];
  const gezien = new Set<string>();
  for (const r of redenen) {
    if (r.voorMakelaar === undefined) {
      uit.push(r);
    } else if (r.voorMakelaar !== null && !gezien.has(r.voorMakelaar)) {
      gezien.add(r.voorMakelaar);
      uit.push({ factor: r.factor, punten: r.punten, tekst: r.voorMakelaar });
    }
  }
  return uit;
}

/** A reason as one line: "In eigen wijk, 1,2 km (+200)". */
export const redenRegel = (r: Reden): string =>
  r.punten === null || (r.punten === 0 && r.factor !== 'ervaring')
    ? r.tekst
    : `${r.tekst} (${r.punten >= 0 ? '+' : '−'}${Math.abs(r.punten)})`;

/** Why a client got no candidate at all, from the filter counts of a ranking. */
export function uitsluitReden(kl: KlantKenmerken, c: ActiviteitCache): string {
  if (!kl.gegevens.toepasselijk)
    return kl.gegevens.nietToepasselijkReden ?? 'De tegenprestatie is niet van toepassing op deze klant.';
  if (c.n === 0) return 'Er zijn geen bruikbare activiteiten (vrije plaats en geldige verdringingstoets).';
  const geweigerd = new Int32Array(FILTERS.length + 1);
  for (let i = 0; i < c.n; i++) geweigerd[filterPaar(kl, c, i)]!++;
  const delen: string[] = [];
  FILTERS.forEach((f, j) => {
    const n = geweigerd[j + 1]!;
    if (n > 0) delen.push(`${n}× ${FILTER_UITLEG[f]}`);
  });
  return `Geen activiteit gaat door de harde filters (${delen.join('; ')}).`;
}

/** Which filter refused a pair, for tests and explanations; null when it passes. */
export const filterNaam = (code: FilterCode): Filter | null => (code === 0 ? null : FILTERS[code - 1]!);
