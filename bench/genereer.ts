/**
 * The generated features shared by the matching benchmarks (bench/matching-rank.ts, bench/matching-cohort.ts): word
 * lists for titles, descriptions and wishes, skills and interests, a seeded random source, and one municipality of
 * activities and clients as the matching service reads them. Not part of the app or its tests.
 */
import { prng } from '../src/modules/matching/cohort/testinstantie.ts';
import {
  type ActiviteitGegevens,
  type KlantGegevens,
  laadCentroiden,
} from '../src/modules/matching/index.ts';

export const WOORDEN = (
  'fiets repareren tuin koken dieren ouderen bezoeken koffie schenken winkel kringloop sorteren kleding ' +
  'voedselbank inpakken taalcafe lezen kinderen sport voetbal zwemmen computer administratie post boeken ' +
  'bibliotheek muziek schilderen hout klussen schoonmaken wassen strijken vervoer chauffeur boodschappen wandelen ' +
  'spel markt onderhoud afval zwerfafval inzamelen verkopen kassa magazijn werkplaats buurthuis moestuin groente ' +
  'bloemen planten snoeien maaien hond kat paard kinderboerderij zorgcentrum bewoners gastvrouw gastheer ' +
  'receptie telefoon archief foto museum theater concert podium decor naaien breien repair solderen elektra'
).split(' ');
export const VAARDIGHEDEN = [
  'Koken',
  'Tuinieren',
  'Klussen',
  'Schoonmaken',
  'Administratie',
  'Computervaardigheden',
  'Rijbewijs B',
  'Fietsen repareren',
  'Naaien',
  'Verkoop',
  'Kinderopvang',
  'Ouderen helpen',
  'Werken met dieren',
  'Gastvrijheid',
  'Luisteren',
  'Geduld',
  'Voorlezen',
  'Schilderen',
  'Techniek',
  'Tolken',
];
export const INTERESSES = [
  'Dieren',
  'Natuur',
  'Sport',
  'Muziek',
  'Kunst en cultuur',
  'Zorg',
  'Buurt',
  'Duurzaamheid',
  'Techniek',
  'Koken',
];
const DD = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'].flatMap((d) =>
  ['ochtend', 'middag', 'avond'].map((t) => `${d}-${t}`),
);

export function rng(seed: number) {
  const r = prng(seed);
  const kies = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const enkele = <T>(xs: readonly T[], n: number): T[] => Array.from({ length: n }, () => kies(xs));
  return { r, kies, enkele };
}

/**
 * One generated municipality in Amsterdam's postcodes (20 wijken), seeded: the same features for the same seed in
 * every thread and process. Activities (capacities 1–10, 2,000 hosts) and clients as the matching service reads them.
 */
export function genereerGemeente(aantalKlanten: number, aantalActiviteiten: number, zaad = 42) {
  const c = laadCentroiden();
  const pcs = [...c.keys()].filter((p) => p >= '1011' && p <= '1109');
  const wijken = Array.from({ length: 20 }, (_, i) => `w${i}`);
  const { r, kies, enkele } = rng(zaad);
  const acts: ActiviteitGegevens[] = Array.from({ length: aantalActiviteiten }, (_, i) => ({
    id: `a${i}`,
    titel: `${kies(WOORDEN)} ${kies(WOORDEN)}`,
    omschrijving: enkele(WOORDEN, 14).join(' '),
    taken: null,
    categorie: 'anders',
    categorieNaam: kies([
      'Zorg en welzijn',
      'Sport',
      'Natuur en dieren',
      'Buurt en wijk',
      'Cultuur',
      'Techniek en klussen',
    ]),
    vaardigheden: enkele(VAARDIGHEDEN, 2),
    fysiekeBelasting: kies(['laag', 'laag', 'midden', 'hoog']),
    taalniveauMin: kies([null, null, 'a2', 'b1']),
    urenMin: 2 + Math.floor(r() * 10),
    urenMax: 16,
    dagdelen: r() < 0.1 ? [] : enkele(DD, 4),
    postcode: `${kies(pcs)} AB`,
    wijkId: kies(wijken),
    wijkNaam: null,
    organisatieId: `o${Math.floor(r() * 2000)}`,
    organisatieNaam: 'Organisatie',
    organisatieType: kies(['stichting', 'vereniging', 'commercieel-bedrijf', 'maatschappelijke-instelling']),
    vrijePlaatsen: 1 + Math.floor(r() * 10),
    plaatsingen: null,
  }));
  const klanten: KlantGegevens[] = Array.from({ length: aantalKlanten }, (_, i) => ({
    id: `k${i}`,
    gemeenteId: 'g',
    toepasselijk: true,
    nietToepasselijkReden: null,
    maxUrenPerWeek: kies([null, 8, 12, 16, 20]),
    geenBeperkingenBekend: false,
    regulierWerkUren: 28,
    werkUren: kies([0, 0, 0, 4, 8]),
    urenElders: 0,
    beperkingen: kies([
      [],
      [],
      [],
      ['dynamische-handelingen'],
      ['statische-houdingen', 'dynamische-handelingen'],
    ]),
    beschikbaarheid: enkele(DD, 10),
    werkDagdelen: r() < 0.2 ? enkele(DD, 3) : [],
    reintegratieDagdelen: [],
    taalniveau: kies(['a1', 'a2', 'b1', 'b2', null]),
    postcode: `${kies(pcs)} CD`,
    wijkId: kies(wijken),
    mobiliteit: enkele(['lopen', 'fiets', 'ov', 'auto'], 2),
    maxReistijdMinuten: kies([null, 20, 30, 45, 60]),
    vaardigheden: enkele(VAARDIGHEDEN, 3),
    interesses: enkele(INTERESSES, 2),
    wensen: enkele(WOORDEN, 6).join(' '),
    netwerkOrganisatieIds: r() < 0.3 ? [`o${Math.floor(r() * 2000)}`] : [],
  }));
  return { activiteiten: acts, klanten, centroiden: c };
}
