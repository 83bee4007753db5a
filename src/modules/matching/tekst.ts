/**
 * Dutch-aware text similarity for matching: a light Dutch stemmer, vocabulary-aware fallbacks (the `ge-…-t`
 * past participle, a final verb `t`, compounds split against the corpus vocabulary) and TF-IDF over the activity
 * corpus, stored term-major so that one client's query touches only the postings of its own few terms.
 *
 * Why not PostgreSQL's `dutch` configuration: it conflates `fietsen`/`fiets` but leaves `gefietst`, `fietser`,
 * `fietsenmaker` and `reparatie`/`repareren` apart, and `ts_rank` has no inverse document frequency (see
 * docs/matching.md).
 *
 * Pure: no I/O.
 */

const STOPWOORDEN = new Set(
  (
    'de het een en of maar want dus als dan die dat deze dit daar hier er in op aan met voor van naar bij uit ' +
    'over onder tot door om te zo ook nog niet geen wel heel erg veel meer minder al wat wie waar hoe ik je jij u ' +
    'hij zij ze we wij mij me mijn jouw uw zijn haar hun ons onze is ben bent was waren wordt worden werd kan kunnen ' +
    'wil willen zou zouden moet moeten mag mogen heeft hebben had graag iets iemand andere anders elke elk alle ' +
    'samen per week uur uren keer dag dagen soms vaak goed leuk fijn doen werk werken werkt werkte gewerkt ' +
    'mensen vroeger later nog eens echt beetje weer vast lang kunnen zou zouden weet hebben heb hebt achter ' +
    'elkaar maakt maken gaat gaan komt komen'
  ).split(/\s+/),
);

/**
 * Common Dutch activity words (stems) that seed the vocabulary for splitting compounds, so that an activity's
 * `fietsenmakerij` also splits when no other activity says `fiets`.
 */
const BASIS_STAMMEN = (
  'fiets mak repar tuin groent dier hond kat paard bos natur park buurt wijk huis kok kook keuken maaltijd ' +
  'koffie thee winkel kring loop kleding voedsel bank tafel taal les school kind jongeren ouder zorg hulp sport ' +
  'voetbal zwem klus tech comput administrati kantor post boek bibliothek muziek kunst theater museum schilder ' +
  'hout metal bouw schoonmak was strijk vervoer chauffeur auto bus rij boodschap bezoek wandel gezel spel markt ' +
  'onderhoud afval zwerfafval inzamel sorter verkop kassa magazijn werk plaats dienst centrum vrijwillig'
).split(/\s+/);

/** Lowercase, accents removed (`café` → `cafe`, `ideeën` → `ideeen`). */
export const normaliseer = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Words of at least two letters, lowercase without accents, stop words removed. */
export function woorden(tekst: string): string[] {
  const uit: string[] = [];
  for (const w of normaliseer(tekst).split(/[^a-z]+/)) {
    if (w.length >= 2 && !STOPWOORDEN.has(w)) uit.push(w);
  }
  return uit;
}

// Longest first; the stem that remains must be at least 3 letters.
const ACHTERVOEGSELS: Array<[string, string]> = [
  ['heden', 'heid'],
  ['ingen', ''],
  ['eerden', ''],
  ['aties', ''],
  ['eerde', ''],
  ['tjes', ''],
  ['atie', ''],
  ['eren', ''],
  ['eerd', ''],
  ['eert', ''],
  ['ster', ''],
  ['ing', ''],
  ['eer', ''],
  ['ers', ''],
  ['tje', ''],
  ['jes', ''],
  ['en', ''],
  ['er', ''],
  ['je', ''],
  ['e', ''],
];

const KLINKER = /[aeiouy]/;

/**
 * The stem of one normalised word: one suffix removed (plural `-en`, agent `-er`, `-atie`/`-eren`/`-eer`, `-ing`,
 * diminutive `-je`…), then a doubled final consonant (`bakk` → `bak`) and a long vowel before the last consonant
 * (`maak` → `mak`, `leer` → `ler`) undoubled. So `fietsen`, `fiets` and `fietser` → `fiets`; `reparatie`,
 * `repareren`, `repareer` → `repar`. It does not strip `ge-` or a final `t`: those are tried only against the
 * vocabulary (see {@link Vocabulaire.termen}), because `gezond` and `kunst` must keep them.
 */
export function stam(woord: string): string {
  let w = woord.endsWith('dt') ? woord.slice(0, -1) : woord;
  for (const [s, v] of ACHTERVOEGSELS) {
    if (w.endsWith(s) && w.length - s.length >= 3) {
      const rest = w.slice(0, w.length - s.length);
      if (s === 'e' && !KLINKER.test(rest)) break;
      w = rest + v;
      break;
    }
  }
  const n = w.length;
  if (n >= 4 && w[n - 1] === w[n - 2] && !KLINKER.test(w[n - 1]!)) w = w.slice(0, -1);
  const m = w.length;
  if (
    m >= 4 &&
    !KLINKER.test(w[m - 1]!) &&
    w[m - 2] === w[m - 3] &&
    'aeou'.includes(w[m - 2]!) &&
    !KLINKER.test(w[m - 4] ?? 'a')
  )
    w = w.slice(0, m - 2) + w.slice(m - 1);
  return w;
}

/** A vocabulary of stems (the corpus's, plus the seed list) used to try fallbacks and split compounds. */
export class Vocabulaire {
  private readonly stammen: Set<string>;
  constructor(stammen: Iterable<string>, metBasis = true) {
    this.stammen = new Set(stammen);
    if (metBasis) for (const s of BASIS_STAMMEN) this.stammen.add(s);
  }
  heeft(s: string): boolean {
    return this.stammen.has(s);
  }

  /**
   * The vocabulary terms a word stands for: its own stem when known; else the stem without `ge-` and/or a final
   * `t` (`gefietst` → `fiets`); else the parts of a compound whose stems are known (`fietsenmaker` → `fiets`,
   * `mak`). Unknown simple words give their own stem (they then weigh nothing against the corpus).
   */
  termen(woord: string): string[] {
    let uit = this.onthouden.get(woord);
    if (uit === undefined) {
      uit = this.bepaal(woord);
      if (this.onthouden.size < 200_000) this.onthouden.set(woord, uit);
    }
    return uit;
  }

  private readonly onthouden = new Map<string, string[]>();

  private bepaal(woord: string): string[] {
    const s = stam(woord);
    if (this.stammen.has(s)) return [s];
    for (const k of varianten(woord)) {
      const ks = stam(k);
      if (this.stammen.has(ks)) return [ks];
    }
    if (woord.length >= 7) {
      const delen = this.splits(woord, 0);
      if (delen && delen.length > 0) return delen;
    }
    return [s];
  }

  /** Splits a compound into known stems (each part ≥ 3 letters; linking `s`/`en`/`e` allowed). */
  private splits(woord: string, diepte: number): string[] | null {
    if (diepte > 3) return null;
    for (let i = woord.length - 3; i >= 3; i--) {
      const kop = woord.slice(0, i);
      const ks = stam(kop);
      if (!this.stammen.has(ks)) continue;
      let rest = woord.slice(i);
      const mogelijk = [rest];
      if (rest.startsWith('s') && rest.length > 4) mogelijk.push(rest.slice(1));
      if (rest.startsWith('en') && rest.length > 5) mogelijk.push(rest.slice(2));
      for (rest of mogelijk) {
        const rs = stam(rest);
        if (this.stammen.has(rs)) return [ks, rs];
        const verder = rest.length >= 6 ? this.splits(rest, diepte + 1) : null;
        if (verder) return [ks, ...verder];
      }
      // The head alone is known and the rest is not: keep the head (`fietsenmakerij` → `fiets`).
      if (woord.length - i >= 3) return [ks];
    }
    return null;
  }
}

function varianten(w: string): string[] {
  const uit: string[] = [];
  const zonderGe = w.startsWith('ge') && w.length >= 6 ? w.slice(2) : null;
  if (zonderGe) uit.push(zonderGe);
  if (w.endsWith('t') && w.length >= 5) uit.push(w.slice(0, -1));
  if (zonderGe?.endsWith('t') || zonderGe?.endsWith('d')) uit.push(zonderGe.slice(0, -1));
  return uit;
}

/** One document's terms with the surface word each came from (for "past bij: fietsen, repareren"). */
export function termenVan(tekst: string, vocab: Vocabulaire): Array<{ term: string; woord: string }> {
  const uit: Array<{ term: string; woord: string }> = [];
  for (const w of woorden(tekst)) for (const t of vocab.termen(w)) uit.push({ term: t, woord: w });
  return uit;
}

// ---- TF-IDF over the activity corpus --------------------------------------------------------------------------

/**
 * The activity corpus as TF-IDF, term-major (an inverted index): for term `t`, postings
 * `postDoc[postStart[t] .. postStart[t+1])` with weights `postGewicht` (each document's vector is L2-normalised).
 * `idf[t] = ln((N + 1) / (df + 1)) + 1`; term frequency is `1 + ln(tf)`.
 */
export interface TekstIndex {
  vocab: Vocabulaire;
  termId: Map<string, number>;
  idf: Float32Array;
  postStart: Int32Array;
  postDoc: Int32Array;
  postGewicht: Float32Array;
  /** Per document: its term ids and, parallel, the surface words seen for them (for explanations). */
  docTermen: Int32Array[];
  docWoorden: string[][];
}

/** Builds the index of `docs` (one text per activity, title repeated to weigh double by the caller if wanted). */
export function bouwTekstIndex(docs: readonly string[]): TekstIndex {
  // Pass 1: the vocabulary of plain stems, so pass 2 can resolve variants and compounds against it.
  const ruw = docs.map((d) => woorden(d));
  const basis = new Set<string>();
  const gestamd = new Map<string, string>();
  for (const ws of ruw)
    for (const w of ws) {
      let st = gestamd.get(w);
      if (st === undefined) {
        st = stam(w);
        gestamd.set(w, st);
      }
      basis.add(st);
    }
  const vocab = new Vocabulaire(basis);
  const termId = new Map<string, number>();
  const perDoc: Array<Map<number, number>> = [];
  const docWoorden: string[][] = [];
  for (const ws of ruw) {
    const tf = new Map<number, number>();
    const gezien: string[] = [];
    for (const w of ws) {
      for (const t of vocab.termen(w)) {
        let id = termId.get(t);
        if (id === undefined) {
          id = termId.size;
          termId.set(t, id);
        }
        tf.set(id, (tf.get(id) ?? 0) + 1);
        gezien.push(w);
      }
    }
    perDoc.push(tf);
    docWoorden.push(gezien);
  }
  const T = termId.size;
  const N = docs.length;
  const df = new Int32Array(T);
  for (const tf of perDoc) for (const id of tf.keys()) df[id]! += 1;
  const idf = new Float32Array(T);
  for (let t = 0; t < T; t++) idf[t] = Math.log((N + 1) / (df[t]! + 1)) + 1;
  const postStart = new Int32Array(T + 1);
  for (let t = 0; t < T; t++) postStart[t + 1] = postStart[t]! + df[t]!;
  const vul = postStart.slice(0, T);
  const postDoc = new Int32Array(postStart[T]!);
  const postGewicht = new Float32Array(postStart[T]!);
  const docTermen: Int32Array[] = [];
  perDoc.forEach((tf, d) => {
    let norm = 0;
    const gewichten: Array<[number, number]> = [];
    for (const [id, n] of tf) {
      const g = (1 + Math.log(n)) * idf[id]!;
      gewichten.push([id, g]);
      norm += g * g;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [id, g] of gewichten) {
      const p = vul[id]!++;
      postDoc[p] = d;
      postGewicht[p] = g / norm;
    }
    docTermen.push(Int32Array.from(gewichten.map(([id]) => id)));
  });
  return { vocab, termId, idf, postStart, postDoc, postGewicht, docTermen, docWoorden };
}

/** A query (a client's wishes and interests) as a normalised TF-IDF vector over the index's terms. */
export interface TekstVraag {
  termen: Int32Array;
  gewichten: Float32Array;
  /** The surface words of the query per term id (for "past bij: …"). */
  woorden: Map<number, string>;
}

export function bouwVraag(index: TekstIndex, tekst: string): TekstVraag {
  const tf = new Map<number, number>();
  const woordVan = new Map<number, string>();
  for (const { term, woord } of termenVan(tekst, index.vocab)) {
    const id = index.termId.get(term);
    if (id === undefined) continue;
    tf.set(id, (tf.get(id) ?? 0) + 1);
    if (!woordVan.has(id)) woordVan.set(id, woord);
  }
  const termen = new Int32Array(tf.size);
  const gewichten = new Float32Array(tf.size);
  let norm = 0;
  let i = 0;
  for (const [id, n] of tf) {
    const g = (1 + Math.log(n)) * index.idf[id]!;
    termen[i] = id;
    gewichten[i] = g;
    norm += g * g;
    i++;
  }
  norm = Math.sqrt(norm) || 1;
  for (let j = 0; j < gewichten.length; j++) gewichten[j]! /= norm;
  return { termen, gewichten, woorden: woordVan };
}

/** Adds the cosine of `vraag` with every document into `uit` (length = number of documents; zero it first). */
export function cosinusAlle(index: TekstIndex, vraag: TekstVraag, uit: Float32Array): void {
  const { postStart, postDoc, postGewicht } = index;
  for (let j = 0; j < vraag.termen.length; j++) {
    const t = vraag.termen[j]!;
    const g = vraag.gewichten[j]!;
    for (let p = postStart[t]!, e = postStart[t + 1]!; p < e; p++) uit[postDoc[p]!]! += g * postGewicht[p]!;
  }
}

/** The query's words that also occur in document `d` (its own surface forms), for the reason text. */
export function gedeeldeWoorden(index: TekstIndex, vraag: TekstVraag, d: number): string[] {
  const doc = index.docTermen[d];
  if (!doc) return [];
  const inDoc = new Set(doc);
  const uit: string[] = [];
  for (const t of vraag.termen) {
    if (inDoc.has(t)) {
      const w = vraag.woorden.get(t);
      if (w && !uit.includes(w)) uit.push(w);
    }
  }
  return uit;
}

/** The cosine of `vraag` with one document (postings are sorted by document: binary search per query term). */
export function cosinusDoc(index: TekstIndex, vraag: TekstVraag, d: number): number {
  const { postStart, postDoc, postGewicht } = index;
  let som = 0;
  for (let j = 0; j < vraag.termen.length; j++) {
    const t = vraag.termen[j]!;
    let lo = postStart[t]!;
    let hi = postStart[t + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = postDoc[mid]!;
      if (v === d) {
        som += vraag.gewichten[j]! * postGewicht[mid]!;
        break;
      }
      if (v < d) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return som;
}
