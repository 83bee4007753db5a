import { isGeldigBsn, normaliseerBsn } from '../bsn.ts';
import { isIsoDatum } from '../datum.ts';
import {
  BEPERKING_NAMEN,
  DAG_NAMEN,
  DAGDELEN,
  MOBILITEIT_NAMEN,
  OPLEIDINGSNIVEAU_NAMEN,
  TAAL_NAMEN,
  TAALNIVEAU_NAMEN,
} from '../keuzelijsten.ts';
import { parsePostcode } from '../postcode.ts';

/**
 * The columns of the client import: Dutch headers (with the aliases core systems use) and how each cell becomes a
 * field of the service's client input. Pure. The documentation for users is docs/import-klanten.md: keep both in
 * step (a test checks that every column is documented).
 *
 * Cells: text is kept exactly as written (the service refuses only NUL and unpaired surrogates); codes, dates and
 * numbers are trimmed and converted. An empty cell clears the field when a client is updated; a column that is
 * not in the file leaves the field as it is.
 */

type Lezing = { waarde: unknown } | { fout: string };
type Lezer = (cel: string) => Lezing;

export interface KolomDefinitie {
  /** The internal key of the column. */
  sleutel: string;
  /** The header as documented. */
  naam: string;
  aliassen: readonly string[];
  verplicht?: boolean;
  /** What the column holds, for the documentation and the upload page. */
  uitleg: string;
  lees: Lezer;
}

/** Header text → comparison key: lower case, no diacritics, letters and digits only (`E-mailadres` → `emailadres`). */
export function kopSleutel(kop: string): string {
  return kop
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const ok = (waarde: unknown): Lezing => ({ waarde });
const fout = (tekst: string): Lezing => ({ fout: tekst });

const tekst: Lezer = (cel) => ok(cel === '' ? null : cel);

const verplichteTekst =
  (melding: string): Lezer =>
  (cel) =>
    cel.trim() === '' ? fout(melding) : ok(cel);

/** Dates as `1985-03-21`, `21-03-1985`, `21-3-1985`, `21/03/1985` or `21.03.1985`. */
export function leesDatum(cel: string): { iso: string } | { fout: string } {
  const s = cel.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  const delen = iso ? [iso[1], iso[2], iso[3]] : nl ? [nl[3], nl[2], nl[1]] : undefined;
  const melding = 'Vul een bestaande datum in als 21-03-1985 of 1985-03-21.';
  if (!delen) return { fout: melding };
  const [j, m, d] = delen as [string, string, string];
  const datum = `${j}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDatum(datum) ? { iso: datum } : { fout: melding };
}

const datum =
  (leeg: string | null): Lezer =>
  (cel) => {
    if (cel.trim() === '') return leeg === null ? ok(null) : fout(leeg);
    const d = leesDatum(cel);
    return 'iso' in d ? ok(d.iso) : fout(d.fout);
  };

/** A number with a decimal comma or point (`12,5`), or empty (null). */
const getal =
  (melding: string): Lezer =>
  (cel) => {
    const s = cel.trim();
    if (s === '') return ok(null);
    if (!/^\d+([.,]\d+)?$/.test(s)) return fout(melding);
    return ok(Number(s.replace(',', '.')));
  };

/** A value from a fixed list, by its code or its Dutch name (any case, with or without accents or spaces). */
function keuze(namen: Record<string, string>, extra: Record<string, string> = {}) {
  const opzoek = new Map<string, string>();
  for (const [code, naam] of Object.entries(namen)) {
    opzoek.set(kopSleutel(code), code);
    opzoek.set(kopSleutel(naam), code);
  }
  for (const [alias, code] of Object.entries(extra)) opzoek.set(kopSleutel(alias), code);
  return (cel: string): string | undefined => opzoek.get(kopSleutel(cel));
}

const enkel =
  (zoek: (cel: string) => string | undefined, melding: string): Lezer =>
  (cel) => {
    if (cel.trim() === '') return ok(null);
    const code = zoek(cel);
    return code === undefined ? fout(melding) : ok(code);
  };

/** A list in one cell, separated by `|`, `,` or `;` (quoted when it uses the file's own separator). */
const lijst =
  (zoek: (cel: string) => string | undefined, melding: (onbekend: string) => string): Lezer =>
  (cel) => {
    const delen = cel
      .split(/[|,;]/)
      .map((d) => d.trim())
      .filter((d) => d !== '');
    const codes: string[] = [];
    for (const d of delen) {
      const code = zoek(d);
      if (code === undefined) return fout(melding(d.length > 40 ? `${d.slice(0, 40)}…` : d));
      if (!codes.includes(code)) codes.push(code);
    }
    return ok(codes);
  };

const opleiding = keuze(OPLEIDINGSNIVEAU_NAMEN, {
  'mbo 1': 'mbo-1',
  entree: 'mbo-1',
  'mbo 2': 'mbo-2',
  'mbo 3': 'mbo-3',
  'mbo 4': 'mbo-4',
  wo: 'wo',
  universiteit: 'wo',
  geen: 'geen',
});
const taalniveau = keuze(Object.fromEntries(Object.keys(TAALNIVEAU_NAMEN).map((k) => [k, k])));
const taal = (() => {
  const opzoek = keuze(TAAL_NAMEN);
  return (cel: string) => {
    const code = cel.trim().toLowerCase();
    return /^[a-z]{2,3}$/.test(code) ? code : opzoek(cel);
  };
})();
const vervoer = keuze(MOBILITEIT_NAMEN, { 'openbaar vervoer': 'ov', fietsen: 'fiets', 'te voet': 'lopen' });
const beperking = keuze(BEPERKING_NAMEN);
const dagdeel = (() => {
  const opzoek = new Map<string, string>();
  for (const d of DAGDELEN) {
    const [dag, tijd] = d.split('-') as [keyof typeof DAG_NAMEN, string];
    opzoek.set(kopSleutel(d), d);
    opzoek.set(kopSleutel(`${DAG_NAMEN[dag]}${tijd}`), d);
    opzoek.set(kopSleutel(`${DAG_NAMEN[dag]} ${tijd}`), d);
  }
  return (cel: string) => opzoek.get(kopSleutel(cel));
})();

const DAGDEEL_MELDING = (d: string) =>
  `Onbekend dagdeel "${d}". Gebruik bijvoorbeeld ma-ochtend, di-middag of vr-avond.`;

/** Every column the import knows, in the order of the documentation. */
export const KOLOMMEN: readonly KolomDefinitie[] = [
  {
    sleutel: 'klantnummer',
    naam: 'klantnummer',
    aliassen: ['klantnr', 'clientnummer', 'cliëntnummer', 'relatienummer'],
    verplicht: true,
    uitleg:
      'Het nummer uit het kernsysteem; uniek per gemeente. Hiermee wordt een bestaande klant bijgewerkt.',
    lees: (cel) => (cel.trim() === '' ? fout('Vul het klantnummer in.') : ok(cel.trim())),
  },
  {
    sleutel: 'bsn',
    naam: 'bsn',
    aliassen: ['burgerservicenummer', 'sofinummer'],
    uitleg: '9 cijfers die de elfproef doorstaan (spaties en punten mogen). Wordt versleuteld opgeslagen.',
    lees: (cel) => {
      const s = cel.trim();
      if (s === '') return ok(null);
      // Excel drops the leading zero of a number: 8 digits are padded back.
      const bsn = normaliseerBsn(s).padStart(9, '0');
      return isGeldigBsn(bsn)
        ? ok(bsn)
        : fout('Dit is geen geldig BSN (9 cijfers die de elfproef doorstaan).');
    },
  },
  { sleutel: 'voornamen', naam: 'voornamen', aliassen: ['voornaam'], uitleg: 'Alle voornamen.', lees: tekst },
  {
    sleutel: 'roepnaam',
    naam: 'roepnaam',
    aliassen: [],
    uitleg: 'De naam waarmee de klant wordt aangesproken.',
    lees: tekst,
  },
  {
    sleutel: 'voorvoegsel',
    naam: 'voorvoegsel',
    aliassen: ['tussenvoegsel', 'tussenvoegsels', 'voorvoegsels'],
    uitleg: 'Bijvoorbeeld van, de, van der.',
    lees: tekst,
  },
  {
    sleutel: 'achternaam',
    naam: 'achternaam',
    aliassen: ['geslachtsnaam', 'familienaam'],
    verplicht: true,
    uitleg: 'Zonder voorvoegsel.',
    lees: verplichteTekst('Vul de achternaam in.'),
  },
  {
    sleutel: 'geboortedatum',
    naam: 'geboortedatum',
    aliassen: ['geboren', 'geb datum', 'geboortedat'],
    verplicht: true,
    uitleg: 'Als 21-03-1985 of 1985-03-21.',
    lees: datum('Vul de geboortedatum in.'),
  },
  { sleutel: 'straat', naam: 'straat', aliassen: ['straatnaam'], uitleg: 'Straatnaam.', lees: tekst },
  {
    sleutel: 'huisnummer',
    naam: 'huisnummer',
    aliassen: ['huisnr', 'huisnummer en toevoeging'],
    uitleg: 'Met toevoeging, bijvoorbeeld 12a of 12-3.',
    lees: tekst,
  },
  {
    sleutel: 'postcode',
    naam: 'postcode',
    aliassen: [],
    uitleg: 'Als 1234 AB (ook 1234ab). De wijk volgt uit de postcode.',
    lees: (cel) => {
      if (cel.trim() === '') return ok(null);
      const p = parsePostcode(cel);
      return p.ok ? ok(p.postcode) : fout(p.melding);
    },
  },
  { sleutel: 'woonplaats', naam: 'woonplaats', aliassen: ['plaats'], uitleg: 'Woonplaats.', lees: tekst },
  {
    sleutel: 'telefoon',
    naam: 'telefoon',
    aliassen: ['telefoonnummer', 'tel', 'mobiel'],
    uitleg: 'Telefoonnummer.',
    lees: tekst,
  },
  {
    sleutel: 'email',
    naam: 'e-mailadres',
    aliassen: ['email', 'e-mail', 'mail'],
    uitleg: 'Bijvoorbeeld naam@voorbeeld.nl.',
    lees: (cel) => ok(cel.trim() === '' ? null : cel.trim()),
  },
  {
    sleutel: 'taal',
    naam: 'voorkeurstaal',
    aliassen: ['taal', 'taalcode'],
    uitleg: 'Taalcode (nl, ar, tr …) of de Nederlandse naam van de taal (Arabisch).',
    lees: enkel(taal, 'Vul een taalcode in (bijvoorbeeld nl of ar) of de naam van de taal.'),
  },
  {
    sleutel: 'taalniveau',
    naam: 'taalniveau nederlands',
    aliassen: ['taalniveau', 'niveau nederlands'],
    uitleg: 'A0, A1, A2, B1, B2, C1 of C2.',
    lees: enkel(taalniveau, 'Vul een taalniveau in: A0, A1, A2, B1, B2, C1 of C2.'),
  },
  {
    sleutel: 'opleidingsniveau',
    naam: 'opleidingsniveau',
    aliassen: ['opleiding', 'hoogste opleiding'],
    uitleg:
      'Hoogst afgeronde opleiding: geen, basisonderwijs, praktijkonderwijs, vmbo, mbo-1 … mbo-4, havo, vwo, hbo, wo.',
    lees: enkel(opleiding, 'Onbekend opleidingsniveau. Gebruik bijvoorbeeld vmbo, mbo-2, havo, hbo of wo.'),
  },
  {
    sleutel: 'beschikbaarheid',
    naam: 'beschikbaarheid',
    aliassen: ['beschikbare dagdelen', 'dagdelen'],
    uitleg: 'Dagdelen waarop de klant kan, gescheiden door |, bijvoorbeeld ma-ochtend|di-middag.',
    lees: lijst(dagdeel, DAGDEEL_MELDING),
  },
  {
    sleutel: 'mobiliteit',
    naam: 'mobiliteit',
    aliassen: ['vervoer'],
    uitleg: 'lopen, fiets, ov en/of auto, gescheiden door |.',
    lees: lijst(vervoer, (d) => `Onbekend vervoer "${d}". Gebruik lopen, fiets, ov of auto.`),
  },
  {
    sleutel: 'maxReistijdMinuten',
    naam: 'maximale reistijd',
    aliassen: ['max reistijd', 'reistijd', 'maximale reistijd minuten', 'max reistijd minuten'],
    uitleg: 'In minuten (hele getallen, 0 tot 240).',
    lees: getal('Vul een aantal minuten in, bijvoorbeeld 30.'),
  },
  {
    sleutel: 'zorgtaken',
    naam: 'zorgtaken',
    aliassen: ['mantelzorg'],
    uitleg: 'Vrije tekst (hoogstens 2000 tekens).',
    lees: tekst,
  },
  {
    sleutel: 'eigenNetwerk',
    naam: 'eigen netwerk',
    aliassen: ['netwerk', 'sociaal netwerk'],
    uitleg: 'Verenigingen, kerk, school, buurthuis: vrije tekst (hoogstens 4000 tekens).',
    lees: tekst,
  },
  {
    sleutel: 'werkUren',
    naam: 'werk uren per week',
    aliassen: ['uren werk', 'werkuren', 'uren betaald werk', 'werk uren'],
    uitleg: 'Uren betaald werk per week (hele of halve uren). Leeg of 0: geen werk.',
    lees: getal('Vul een aantal uren in, bijvoorbeeld 12 of 12,5.'),
  },
  {
    sleutel: 'werkDagdelen',
    naam: 'werk dagdelen',
    aliassen: ['dagdelen werk'],
    uitleg: 'Dagdelen waarop de klant werkt, gescheiden door |.',
    lees: lijst(dagdeel, DAGDEEL_MELDING),
  },
  {
    sleutel: 'reintegratieBegin',
    naam: 're-integratie vanaf',
    aliassen: ['reintegratie van', 're-integratie van', 'reintegratie begindatum', 'traject vanaf'],
    uitleg: 'Begindatum van een lopend re-integratietraject.',
    lees: datum(null),
  },
  {
    sleutel: 'reintegratieEinde',
    naam: 're-integratie tot',
    aliassen: ['reintegratie einddatum', 'traject tot'],
    uitleg: 'De eerste dag zonder traject (leeg: loopt nog).',
    lees: datum(null),
  },
  {
    sleutel: 'maxUren',
    naam: 'belastbaarheid uren per week',
    aliassen: ['belastbaarheid', 'max uren per week', 'belastbaar uren'],
    uitleg: 'Hoeveel uur per week de klant hoogstens kan (hele of halve uren).',
    lees: getal('Vul een aantal uren in, bijvoorbeeld 16.'),
  },
  {
    sleutel: 'beperkingen',
    naam: 'beperkingen',
    aliassen: ['functionele beperkingen'],
    uitleg: `Categorieën, geen diagnoses, gescheiden door |: ${Object.keys(BEPERKING_NAMEN).join(', ')}.`,
    lees: lijst(
      beperking,
      (d) =>
        `Onbekende beperking "${d}". Gebruik de categorieën uit de handleiding, bijvoorbeeld werktijden.`,
    ),
  },
];

const PER_SLEUTEL = new Map(KOLOMMEN.map((k) => [k.sleutel, k]));
const PER_KOP = new Map<string, KolomDefinitie>();
for (const k of KOLOMMEN) for (const n of [k.naam, ...k.aliassen]) PER_KOP.set(kopSleutel(n), k);

export interface Kopkoppeling {
  /** Index in the record → column. */
  kolommen: Array<{ index: number; kolom: KolomDefinitie; kop: string }>;
  /** Headers the import does not use (reported, not an error). */
  onbekend: string[];
  /** Dutch messages about the header that stop the whole file (a required column missing, a column twice). */
  fouten: string[];
}

/** Matches the file's header to the known columns. */
export function koppelKop(kop: readonly string[]): Kopkoppeling {
  const kolommen: Kopkoppeling['kolommen'] = [];
  const onbekend: string[] = [];
  const fouten: string[] = [];
  const gezien = new Map<string, string>();
  kop.forEach((k, index) => {
    const tekstKop = k.replace(/^\uFEFF/, '').trim();
    if (tekstKop === '') return;
    const kolom = PER_KOP.get(kopSleutel(tekstKop));
    if (!kolom) {
      onbekend.push(tekstKop);
      return;
    }
    const eerder = gezien.get(kolom.sleutel);
    if (eerder !== undefined) {
      fouten.push(`De kolommen "${eerder}" en "${tekstKop}" zijn allebei ${kolom.naam}. Laat er één staan.`);
      return;
    }
    gezien.set(kolom.sleutel, tekstKop);
    kolommen.push({ index, kolom, kop: tekstKop });
  });
  for (const k of KOLOMMEN)
    if (k.verplicht && !gezien.has(k.sleutel)) fouten.push(`De kolom "${k.naam}" ontbreekt.`);
  return { kolommen, onbekend, fouten };
}

export type Rijfouten = Record<string, string>;

/**
 * One record → the service's client input (without `gemeenteId`), or the field errors keyed by the column's header
 * as written in the file.
 */
export function zetOm(
  cellen: readonly string[],
  koppeling: Kopkoppeling,
): { invoer: Record<string, unknown>; klantnummer: string | null; fouten: Rijfouten } {
  const waarden = new Map<string, unknown>();
  const fouten: Rijfouten = {};
  for (const { index, kolom, kop } of koppeling.kolommen) {
    const r = kolom.lees(cellen[index] ?? '');
    if ('fout' in r) fouten[kop] = r.fout;
    else waarden.set(kolom.sleutel, r.waarde);
  }
  const klantnummer = (waarden.get('klantnummer') as string | undefined) ?? null;
  const invoer: Record<string, unknown> = {};
  const direct = [
    'klantnummer',
    'bsn',
    'voornamen',
    'roepnaam',
    'voorvoegsel',
    'achternaam',
    'geboortedatum',
    'straat',
    'huisnummer',
    'postcode',
    'woonplaats',
    'telefoon',
    'email',
    'taal',
    'taalniveau',
    'opleidingsniveau',
    'zorgtaken',
    'maxReistijdMinuten',
    'eigenNetwerk',
  ];
  for (const s of direct) if (waarden.has(s)) invoer[s] = waarden.get(s);
  for (const s of ['beschikbaarheid', 'mobiliteit']) if (waarden.has(s)) invoer[s] = waarden.get(s) ?? [];

  const heeft = (s: string) => PER_SLEUTEL.has(s) && koppeling.kolommen.some((k) => k.kolom.sleutel === s);
  if (heeft('werkUren')) {
    const uren = waarden.get('werkUren') as number | null | undefined;
    const dagdelen = (waarden.get('werkDagdelen') as string[] | undefined) ?? [];
    invoer.werk = uren ? [{ urenPerWeek: uren, dagdelen }] : [];
  }
  if (heeft('reintegratieBegin')) {
    const begin = waarden.get('reintegratieBegin') as string | null | undefined;
    const einde = waarden.get('reintegratieEinde') as string | null | undefined;
    if (begin) invoer.reintegratie = [{ begindatum: begin, einddatum: einde ?? null }];
    else if (einde) {
      const kop = koppeling.kolommen.find((k) => k.kolom.sleutel === 'reintegratieBegin')!.kop;
      fouten[kop] ??= 'Vul de begindatum van het re-integratietraject in.';
    } else invoer.reintegratie = [];
  }
  if (heeft('maxUren') || heeft('beperkingen')) {
    const maxUren = waarden.get('maxUren') as number | null | undefined;
    const beperkingen = (waarden.get('beperkingen') as string[] | undefined) ?? [];
    invoer.belastbaarheid =
      (maxUren ?? null) === null && beperkingen.length === 0
        ? null
        : { maxUrenPerWeek: maxUren ?? null, beperkingen };
  }
  return { invoer, klantnummer, fouten };
}

/** The column keys an input path belongs to (`werk.0.urenPerWeek` → `werkUren`). */
function sleutelVanPad(pad: string): string {
  const [eerste, , tweede] = pad.split('.');
  if (eerste === 'werk') return tweede === 'dagdelen' ? 'werkDagdelen' : 'werkUren';
  if (eerste === 'reintegratie') return tweede === 'einddatum' ? 'reintegratieEinde' : 'reintegratieBegin';
  if (eerste === 'belastbaarheid') return pad.includes('beperkingen') ? 'beperkingen' : 'maxUren';
  return eerste ?? pad;
}

/**
 * Field errors from the service (keyed by input path) → keyed by the file's header, so the report speaks the
 * language of the file. Paths without a column (e.g. `gemeenteId`) keep a readable name.
 */
export function foutenPerKolom(velden: Record<string, string>, koppeling: Kopkoppeling): Rijfouten {
  const uit: Rijfouten = {};
  for (const [pad, melding] of Object.entries(velden)) {
    const sleutel = sleutelVanPad(pad);
    const kop =
      koppeling.kolommen.find((k) => k.kolom.sleutel === sleutel)?.kop ??
      PER_SLEUTEL.get(sleutel)?.naam ??
      pad;
    uit[kop] ??= melding;
  }
  return uit;
}
