/**
 * Travel: postcode centroids (shipped in `data/pc4-centroids.json`, see `data/README.md` for licence and
 * attribution) and a travel-time estimate from the straight-line distance with a detour factor and a speed per
 * mode. No outside service is ever called.
 *
 * Pure except {@link laadCentroiden}, which reads the shipped file once.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Vervoer = 'lopen' | 'fiets' | 'ov' | 'auto';

/**
 * Per mode: the detour factor (route length ÷ straight line; 1.3 is the usual Dutch rule of thumb for roads and
 * cycle paths, public transport detours more), the average door-to-door speed in km/h and a fixed overhead in
 * minutes (waiting and walking to a stop, parking, getting the bike). Documented in docs/matching.md.
 */
export const VERVOER_MODEL: Record<Vervoer, { omweg: number; kmPerUur: number; vasteMinuten: number }> = {
  lopen: { omweg: 1.3, kmPerUur: 5, vasteMinuten: 0 },
  fiets: { omweg: 1.3, kmPerUur: 15, vasteMinuten: 2 },
  ov: { omweg: 1.4, kmPerUur: 20, vasteMinuten: 10 },
  auto: { omweg: 1.3, kmPerUur: 35, vasteMinuten: 5 },
};

export const VERVOER_NAMEN: Record<Vervoer, string> = {
  lopen: 'lopend',
  fiets: 'met de fiets',
  ov: 'met het openbaar vervoer',
  auto: 'met de auto',
};

/** When a client's modes are unknown we assume walking and public transport. */
export const STANDAARD_VERVOER: readonly Vervoer[] = ['lopen', 'ov'];

/** Travel "clearly beyond" the client's maximum: more than this factor times the maximum is filtered out. */
export const REISTIJD_MARGE = 1.5;

/** Straight-line distance in km between two WGS84 points (equirectangular; exact enough within a region). */
export function afstandKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const cos = Math.cos(((lat1 + lat2) * Math.PI) / 360);
  const dx = (lon2 - lon1) * 111.32 * cos;
  const dy = (lat2 - lat1) * 110.57;
  return Math.sqrt(dx * dx + dy * dy);
}

/**
 * Planar coordinates in km (x east, y north) with one reference latitude for the whole country (52.2°: the cosine
 * varies 0.60–0.64 over the Netherlands, so distances are within ~3 %). Distances are then a square root of two
 * squares — cheap enough for the kernel's hot loop.
 */
export const KM_PER_GRAAD_LON = 111.32 * Math.cos((52.2 * Math.PI) / 180);
export const KM_PER_GRAAD_LAT = 110.57;
export const naarKm = (lat: number, lon: number): [number, number] => [
  lon * KM_PER_GRAAD_LON,
  lat * KM_PER_GRAAD_LAT,
];

/**
 * The longest straight-line distance (km) a client with these modes can travel within `minuten` (the fastest
 * mode for that distance wins: travel time is increasing in the distance for each mode).
 */
export function maxKmBinnen(minuten: number, masker: number): number {
  let beste = 0;
  VERVOER_LIJST.forEach((v, j) => {
    if ((masker & (1 << j)) === 0) return;
    const m = VERVOER_MODEL[v];
    beste = Math.max(beste, ((minuten - m.vasteMinuten) * m.kmPerUur) / (60 * m.omweg));
  });
  return beste;
}

/** Minutes for `km` straight-line distance by one mode. */
export function reisminuten(km: number, vervoer: Vervoer): number {
  const m = VERVOER_MODEL[vervoer];
  return m.vasteMinuten + ((km * m.omweg) / m.kmPerUur) * 60;
}

/** The fastest of the client's modes (the standard ones when none is known). */
export function snelsteReis(km: number, modi: readonly Vervoer[]): { vervoer: Vervoer; minuten: number } {
  const lijst = modi.length > 0 ? modi : STANDAARD_VERVOER;
  let beste: { vervoer: Vervoer; minuten: number } = { vervoer: lijst[0]!, minuten: Infinity };
  for (const v of lijst) {
    const min = reisminuten(km, v);
    if (min < beste.minuten) beste = { vervoer: v, minuten: min };
  }
  return beste;
}

/** Bit mask of modes (lopen 1, fiets 2, ov 4, auto 8) for the kernel. */
export const VERVOER_BIT: Record<Vervoer, number> = { lopen: 1, fiets: 2, ov: 4, auto: 8 };
export const VERVOER_LIJST: readonly Vervoer[] = ['lopen', 'fiets', 'ov', 'auto'];

export function vervoerMasker(modi: readonly string[]): number {
  let m = 0;
  for (const v of modi) if (v in VERVOER_BIT) m |= VERVOER_BIT[v as Vervoer];
  return m === 0 ? VERVOER_BIT.lopen | VERVOER_BIT.ov : m;
}

/** Fastest minutes for a mode mask (see {@link vervoerMasker}). Hot loop: no allocation. */
export function snelsteMinuten(km: number, masker: number): number {
  let beste = Infinity;
  if (masker & 1) beste = Math.min(beste, reisminuten(km, 'lopen'));
  if (masker & 2) beste = Math.min(beste, reisminuten(km, 'fiets'));
  if (masker & 4) beste = Math.min(beste, reisminuten(km, 'ov'));
  if (masker & 8) beste = Math.min(beste, reisminuten(km, 'auto'));
  return beste;
}

// ---- Postcode centroids ---------------------------------------------------------------------------------------

export type Centroiden = ReadonlyMap<string, readonly [number, number]>;

/** The Dutch mainland and islands, generously: a centroid outside is implausible. */
const IN_NEDERLAND = (lat: number, lon: number) => lat > 50.7 && lat < 53.7 && lon > 3.3 && lon < 7.3;

/**
 * Postcodes whose centroid is implausible: outside the Netherlands, or more than {@link AFWIJKING_KM} from the
 * median of the codes sharing its first two digits (P.O.-box-only codes such as 1002 carry a stray coordinate
 * far from their region, as the data's README warns). Those are left out and count as unknown.
 */
export const AFWIJKING_KM = 40;

const mediaan = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

export function maakCentroiden(ruw: Record<string, { c: [number, number] }>): Centroiden {
  const groepen = new Map<string, Array<[number, number]>>();
  for (const [pc, v] of Object.entries(ruw)) {
    const g = groepen.get(pc.slice(0, 2)) ?? [];
    g.push(v.c);
    groepen.set(pc.slice(0, 2), g);
  }
  const midden = new Map<string, [number, number]>();
  for (const [g, cs] of groepen) midden.set(g, [mediaan(cs.map((c) => c[0])), mediaan(cs.map((c) => c[1]))]);
  const uit = new Map<string, readonly [number, number]>();
  for (const [pc, v] of Object.entries(ruw)) {
    if (!/^[1-9][0-9]{3}$/.test(pc)) continue;
    const [lat, lon] = v.c;
    const m = midden.get(pc.slice(0, 2))!;
    if (!IN_NEDERLAND(lat, lon) || afstandKm(lat, lon, m[0], m[1]) > AFWIJKING_KM) continue;
    uit.set(pc, [lat, lon]);
  }
  return uit;
}

let geladen: Centroiden | null = null;

/** Reads `data/pc4-centroids.json` once (shipped with the app). */
export function laadCentroiden(): Centroiden {
  if (!geladen) {
    const pad = fileURLToPath(new URL('../../../data/pc4-centroids.json', import.meta.url));
    geladen = maakCentroiden(
      JSON.parse(readFileSync(pad, 'utf8')) as Record<string, { c: [number, number] }>,
    );
  }
  return geladen;
}

/** The centroid of a postcode (`1234 AB` or `1234`), or null when missing or implausible. */
export function centroide(
  centroiden: Centroiden,
  postcode: string | null | undefined,
): readonly [number, number] | null {
  if (!postcode) return null;
  const pc4 = postcode.trim().slice(0, 4);
  return centroiden.get(pc4) ?? null;
}
