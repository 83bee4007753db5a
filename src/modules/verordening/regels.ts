import {
  type DAGDELEN,
  dagdeelNaam,
  formatDatumNl,
  type IsoDatum,
  type OntheffingType,
  plusMaanden,
} from '../klanten/index.ts';

/**
 * The ordinance engine's pure rules: which version of a municipality's verordening tegenprestatie is in force on a
 * date, the instrument's name and legal basis on a date, and the check of a design against a version. No I/O;
 * table-tested in `regels.test.ts`. Facts: Participatiewet art. 8a lid 1 onder b, 9 lid 1 onder c, 9 lid 2, 9 lid 5,
 * 9 lid 7 with 9a (docs/research/domain.md §1–§2; docs/verordening.md).
 */

export type Dagdeel = (typeof DAGDELEN)[number];

/** Whether the municipality imposes the instrument (a college decision follows) or only offers it (voluntary). */
export const VORMEN = ['opleggen', 'aanbieden'] as const;
export type Vorm = (typeof VORMEN)[number];
export const VORM_NAMEN: Record<Vorm, string> = {
  opleggen: 'Opleggen (het college draagt het op met een besluit)',
  aanbieden: 'Alleen aanbieden (vrijwillig, zonder besluit)',
};

/** The instrument's display name: a setting per version, apart from its legal basis. */
export const WEERGAVENAMEN = ['tegenprestatie', 'maatschappelijke-participatie'] as const;
export type Weergavenaam = (typeof WEERGAVENAMEN)[number];
/** The name as it appears in text and on documents. */
export const WEERGAVENAAM_TEKST = {
  tegenprestatie: 'tegenprestatie',
  'maatschappelijke-participatie': 'maatschappelijke participatie',
} as const satisfies Record<Weergavenaam, string>;
export type NaamTekst = (typeof WEERGAVENAAM_TEKST)[Weergavenaam];

/** The rules of a version that cite an article of the ordinance. */
export const ARTIKEL_REGELS = ['vorm', 'uren', 'duur', 'verlenging', 'ontheffingen', 'overeenkomst'] as const;
export type ArtikelRegel = (typeof ARTIKEL_REGELS)[number];
export const ARTIKEL_REGEL_NAMEN: Record<ArtikelRegel, string> = {
  vorm: 'Opleggen of aanbieden',
  uren: 'Uren per week',
  duur: 'Duur',
  verlenging: 'Verlenging',
  ontheffingen: 'Lokale ontheffingsgronden',
  overeenkomst: 'Schriftelijke overeenkomst',
};

/** The parameters of one version of a municipality's ordinance (what the check needs). */
export interface VersieParameters {
  /** The effective date: the version applies from this day until the next version's date. */
  ingangsdatum: IsoDatum;
  vorm: Vorm;
  weergavenaam: Weergavenaam;
  /** null: no minimum. */
  minUrenPerWeek: number | null;
  /** null: no maximum in the ordinance. */
  maxUrenPerWeek: number | null;
  /** null: no maximum duration in the ordinance. */
  maxDuurMaanden: number | null;
  verlengingToegestaan: boolean;
  /** Months an extension may last; null when extension is not allowed or not limited. */
  maxVerlengingMaanden: number | null;
  /** Ids of the municipality's local exemption grounds (klanten catalogue) that exempt under this version. */
  lokaleGrondIds: readonly string[];
  schriftelijkeOvereenkomstVerplicht: boolean;
  /** Per rule the article of the ordinance (free text, e.g. "art. 4 lid 1"); empty when not filled in. */
  artikelen: Readonly<Record<ArtikelRegel, string>>;
}

// ---------------------------------------------------------------------------------------------------------------
// Version and name on a date
// ---------------------------------------------------------------------------------------------------------------

/** The version in force on `datum`: the one with the latest effective date on or before it; undefined if none. */
export function versieOpDatum<V extends Pick<VersieParameters, 'ingangsdatum'>>(
  versies: readonly V[],
  datum: IsoDatum,
): V | undefined {
  let geldend: V | undefined;
  for (const v of versies) {
    if (v.ingangsdatum <= datum && (geldend === undefined || v.ingangsdatum > geldend.ingangsdatum))
      geldend = v;
  }
  return geldend;
}

/** From this date the Participatiewet in balans replaces the tegenprestatie by maatschappelijke participatie. */
export const NIEUWE_WET_VANAF: IsoDatum = '2027-01-01';

/**
 * The instrument's name on `datum` (a document carries the name in force on the document's own date). Without a
 * version in force: the statutory name, `tegenprestatie` until 2026 and `maatschappelijke participatie` after.
 */
export function naamOpDatum(
  versies: ReadonlyArray<Pick<VersieParameters, 'ingangsdatum' | 'weergavenaam'>>,
  datum: IsoDatum,
): NaamTekst {
  const versie = versieOpDatum(versies, datum);
  if (versie) return WEERGAVENAAM_TEKST[versie.weergavenaam];
  return datum < NIEUWE_WET_VANAF
    ? WEERGAVENAAM_TEKST.tegenprestatie
    : WEERGAVENAAM_TEKST['maatschappelijke-participatie'];
}

// ---------------------------------------------------------------------------------------------------------------
// Legal basis on a date (separate from the name)
// ---------------------------------------------------------------------------------------------------------------

/** One period of the legal basis: from `vanaf` until the next period. `artikel` null = still to be filled in. */
export interface RechtsgrondPeriode {
  vanaf: IsoDatum;
  artikel: string | null;
}
export type RechtsgrondConfig = readonly RechtsgrondPeriode[];

/**
 * The default: art. 9 lid 1 onder c Pw until 31 December 2026; from 1 January 2027 the article of the
 * Participatiewet in balans, left empty until its text has been read (domain.md §1.3 "Not found").
 */
export const STANDAARD_RECHTSGRONDEN: RechtsgrondConfig = [
  { vanaf: '2015-01-01', artikel: 'art. 9 lid 1 onder c Participatiewet' },
  { vanaf: NIEUWE_WET_VANAF, artikel: null },
];

export const NOG_IN_TE_VULLEN =
  'Nog in te vullen: het artikel van de Participatiewet in balans dat vanaf deze datum geldt, is nog niet vastgelegd';

export interface Rechtsgrond {
  /** The article, or null when not yet filled in. */
  artikel: string | null;
  /** What to show or print: the article, or the "nog in te vullen" text. */
  tekst: string;
  /** The start of the period this comes from (null: the date lies before every period). */
  vanaf: IsoDatum | null;
}

/** The legal basis of the instrument on `datum` according to `config` (periods in any order). */
export function rechtsgrondOpDatum(
  datum: IsoDatum,
  config: RechtsgrondConfig = STANDAARD_RECHTSGRONDEN,
): Rechtsgrond {
  const periode = versieOpDatum(
    config.map((p) => ({ ...p, ingangsdatum: p.vanaf })),
    datum,
  );
  const artikel = periode?.artikel?.trim() ? periode.artikel.trim() : null;
  return { artikel, tekst: artikel ?? NOG_IN_TE_VULLEN, vanaf: periode?.vanaf ?? null };
}

/** Stored periods over the defaults: a stored period replaces the default with the same start date. */
export function voegRechtsgrondenSamen(opgeslagen: RechtsgrondConfig): RechtsgrondPeriode[] {
  const perVanaf = new Map<string, RechtsgrondPeriode>();
  for (const p of STANDAARD_RECHTSGRONDEN) perVanaf.set(p.vanaf, p);
  for (const p of opgeslagen) perVanaf.set(p.vanaf, { vanaf: p.vanaf, artikel: p.artikel?.trim() || null });
  return [...perVanaf.values()].sort((a, b) => a.vanaf.localeCompare(b.vanaf));
}

/** Where the municipality only offers the instrument, "geen medewerking" (refusal) is not a state it can record. */
export function geenMedewerkingMogelijk(versie: Pick<VersieParameters, 'vorm'> | undefined): boolean {
  return versie?.vorm === 'opleggen';
}

// ---------------------------------------------------------------------------------------------------------------
// The check of a design against a version
// ---------------------------------------------------------------------------------------------------------------

/**
 * What the check needs to know about a design (plain data; the tegenprestaties module maps its design onto it).
 * Dates are ISO `YYYY-MM-DD`; `einddatum` is the LAST day of the placement (inclusive).
 */
export interface VerordeningOntwerp {
  startdatum: IsoDatum;
  /** Last day (inclusive); null when no end date is set yet. */
  einddatum: IsoDatum | null;
  urenPerWeek: number;
  /** The day parts of the placement (`ma-ochtend` …). */
  dagdelen: readonly Dagdeel[];
  /** True when the work is unpaid (no wage; an expense allowance is not a wage). */
  onbetaald: boolean;
  /** The client's paid work: hours per week and day parts (empty when none). */
  werk: { urenPerWeek: number; dagdelen: readonly Dagdeel[] };
  /** Day parts of the client's re-integration activities (empty when none). */
  reintegratieDagdelen: readonly Dagdeel[];
  /** The client's exemptions that run on the start date, with their local ground (type `lokaal`). */
  ontheffingen: ReadonlyArray<{ type: OntheffingType; lokaleGrondId?: string | null; naam?: string | null }>;
  /** Set when the design extends an earlier placement: the extension in months. */
  verlenging: { maanden: number } | null;
  /** A written agreement exists or is planned (the agreement step of the design). */
  schriftelijkeOvereenkomst: boolean;
}

export const REGELS = [
  'arbeidsongeschiktheid',
  'alleenstaande-ouder',
  'dringende-redenen',
  'onbetaald',
  'werk',
  'reintegratie',
  'vorm',
  'uren',
  'duur',
  'verlenging',
  'ontheffingen',
  'overeenkomst',
] as const;
export type Regel = (typeof REGELS)[number];

/** The statutory rules: they apply whatever the version says. */
export const WETTELIJKE_REGELS: readonly Regel[] = [
  'arbeidsongeschiktheid',
  'alleenstaande-ouder',
  'dringende-redenen',
  'onbetaald',
  'werk',
  'reintegratie',
];

export const REGEL_NAMEN: Record<Regel, string> = {
  arbeidsongeschiktheid: 'Niet volledig en duurzaam arbeidsongeschikt',
  'alleenstaande-ouder': 'Geen ontheffing als alleenstaande ouder',
  'dringende-redenen': 'Geen ontheffing om dringende redenen',
  onbetaald: 'Onbetaald',
  werk: 'Niet tegelijk met betaald werk',
  reintegratie: 'Niet tegelijk met re-integratie',
  vorm: 'Opleggen of aanbieden',
  uren: 'Uren per week',
  duur: 'Duur',
  verlenging: 'Verlenging',
  ontheffingen: 'Lokale ontheffingsgronden',
  overeenkomst: 'Schriftelijke overeenkomst',
};

export const UITKOMSTEN = ['voldoet', 'voldoet-niet', 'niet-van-toepassing'] as const;
export type Uitkomst = (typeof UITKOMSTEN)[number];

export interface Regeluitkomst {
  regel: Regel;
  uitkomst: Uitkomst;
  /** Plain Dutch: why. */
  uitleg: string;
  /** The article the rule rests on (statute or ordinance). */
  artikel: string;
}

const WET_ARTIKELEN: Record<
  'arbeidsongeschiktheid' | 'alleenstaande-ouder' | 'dringende-redenen' | 'werk' | 'reintegratie',
  string
> = {
  arbeidsongeschiktheid: 'art. 9 lid 5 Participatiewet',
  'alleenstaande-ouder': 'art. 9 lid 7 jo. art. 9a Participatiewet',
  'dringende-redenen': 'art. 9 lid 2 Participatiewet',
  werk: 'art. 9 lid 1 onder c Participatiewet (naast of in aanvulling op reguliere arbeid)',
  reintegratie: 'art. 9 lid 1 onder b en c Participatiewet',
};

/** A statutory article on a date: the numbering of the Participatiewet in balans (2027) is not yet recorded. */
function wetArtikel(regel: keyof typeof WET_ARTIKELEN, datum: IsoDatum): string {
  return datum < NIEUWE_WET_VANAF
    ? WET_ARTIKELEN[regel]
    : `Participatiewet in balans (artikel nog in te vullen; tot 2027: ${WET_ARTIKELEN[regel]})`;
}

const verordeningArtikel = (versie: VersieParameters, regel: ArtikelRegel): string =>
  versie.artikelen[regel]?.trim()
    ? `${versie.artikelen[regel].trim()} verordening (versie van ${formatDatumNl(versie.ingangsdatum)})`
    : `Verordening, versie van ${formatDatumNl(versie.ingangsdatum)} (artikel niet ingevuld)`;

const uren = (n: number): string => `${String(n).replace('.', ',')} uur`;
const maanden = (n: number): string => `${n} ${n === 1 ? 'maand' : 'maanden'}`;
const dagdelenTekst = (d: readonly Dagdeel[]): string => d.map(dagdeelNaam).join(', ');
const overlap = (a: readonly Dagdeel[], b: readonly Dagdeel[]): Dagdeel[] => a.filter((d) => b.includes(d));

/**
 * Checks a design against the version of the ordinance in force on its start date (the caller picks it with
 * `versieOpDatum(versies, ontwerp.startdatum)`). Returns one outcome per rule of `REGELS`, in that order: the
 * statutory rules first (they apply under every version), then the version's rules. `rechtsgronden` gives the
 * legal basis cited for the unpaid rule (default: `STANDAARD_RECHTSGRONDEN`).
 */
export function toetsAanVerordening(
  ontwerp: VerordeningOntwerp,
  versie: VersieParameters,
  rechtsgronden: RechtsgrondConfig = STANDAARD_RECHTSGRONDEN,
): Regeluitkomst[] {
  const naam = WEERGAVENAAM_TEKST[versie.weergavenaam];
  const start = ontwerp.startdatum;
  const heeft = (t: OntheffingType) => ontwerp.ontheffingen.some((o) => o.type === t);
  const uit: Regeluitkomst[] = [];
  const zet = (regel: Regel, uitkomst: Uitkomst, uitleg: string, artikel: string) =>
    uit.push({ regel, uitkomst, uitleg, artikel });

  // ---- Statutory rules -------------------------------------------------------------------------------------
  zet(
    'arbeidsongeschiktheid',
    heeft('volledig-arbeidsongeschikt') ? 'voldoet-niet' : 'voldoet',
    heeft('volledig-arbeidsongeschikt')
      ? `De klant is volledig en duurzaam arbeidsongeschikt. De wet sluit de ${naam} dan uit.`
      : 'De klant is niet volledig en duurzaam arbeidsongeschikt.',
    wetArtikel('arbeidsongeschiktheid', start),
  );
  zet(
    'alleenstaande-ouder',
    heeft('alleenstaande-ouder-kind-onder-5') ? 'voldoet-niet' : 'voldoet',
    heeft('alleenstaande-ouder-kind-onder-5')
      ? `De klant heeft op de startdatum een ontheffing als alleenstaande ouder van een kind onder 5 jaar. De ${naam} geldt dan niet.`
      : 'De klant heeft op de startdatum geen ontheffing als alleenstaande ouder van een kind onder 5 jaar.',
    wetArtikel('alleenstaande-ouder', start),
  );
  zet(
    'dringende-redenen',
    heeft('dringende-redenen') ? 'voldoet-niet' : 'voldoet',
    heeft('dringende-redenen')
      ? `De klant heeft op de startdatum een tijdelijke ontheffing om dringende redenen. Wacht tot die afloopt.`
      : 'De klant heeft op de startdatum geen ontheffing om dringende redenen.',
    wetArtikel('dringende-redenen', start),
  );
  zet(
    'onbetaald',
    ontwerp.onbetaald ? 'voldoet' : 'voldoet-niet',
    ontwerp.onbetaald
      ? `Het werk is onbetaald, zoals de wet vraagt.`
      : `De ${naam} is onbetaald werk. Betaald werk kan geen ${naam} zijn.`,
    rechtsgrondOpDatum(start, rechtsgronden).tekst,
  );

  const werkDagdelen = ontwerp.werk.dagdelen;
  const heeftWerk = ontwerp.werk.urenPerWeek > 0 || werkDagdelen.length > 0;
  if (!heeftWerk) {
    zet('werk', 'niet-van-toepassing', 'De klant heeft geen betaald werk.', wetArtikel('werk', start));
  } else if (ontwerp.dagdelen.length === 0) {
    zet(
      'werk',
      'voldoet-niet',
      'De klant heeft betaald werk, maar het ontwerp heeft geen dagdelen. Kies de dagdelen, dan is te zien of ze botsen.',
      wetArtikel('werk', start),
    );
  } else {
    const botst = overlap(ontwerp.dagdelen, werkDagdelen);
    zet(
      'werk',
      botst.length > 0 ? 'voldoet-niet' : 'voldoet',
      botst.length > 0
        ? `De ${naam} valt op dagdelen waarop de klant werkt: ${dagdelenTekst(botst)}. Betaald werk gaat voor.`
        : `De dagdelen botsen niet met het werk van de klant (${uren(ontwerp.werk.urenPerWeek)} per week).`,
      wetArtikel('werk', start),
    );
  }

  const reDagdelen = ontwerp.reintegratieDagdelen;
  if (reDagdelen.length === 0) {
    zet(
      'reintegratie',
      'niet-van-toepassing',
      'De klant heeft geen re-integratieactiviteit met vaste dagdelen.',
      wetArtikel('reintegratie', start),
    );
  } else if (ontwerp.dagdelen.length === 0) {
    zet(
      'reintegratie',
      'voldoet-niet',
      'De klant heeft re-integratie op vaste dagdelen, maar het ontwerp heeft geen dagdelen. Kies de dagdelen.',
      wetArtikel('reintegratie', start),
    );
  } else {
    const botst = overlap(ontwerp.dagdelen, reDagdelen);
    zet(
      'reintegratie',
      botst.length > 0 ? 'voldoet-niet' : 'voldoet',
      botst.length > 0
        ? `De ${naam} valt op dagdelen van de re-integratie: ${dagdelenTekst(botst)}. Re-integratie gaat voor.`
        : 'De dagdelen botsen niet met de re-integratie van de klant.',
      wetArtikel('reintegratie', start),
    );
  }

  // ---- The version's rules ---------------------------------------------------------------------------------
  zet(
    'vorm',
    'voldoet',
    versie.vorm === 'opleggen'
      ? `De gemeente legt de ${naam} op: het college neemt er een besluit over, met bezwaarmogelijkheid.`
      : `De gemeente biedt de ${naam} alleen aan: meedoen is vrijwillig. Er komt geen besluit en geen maatregel bij geen medewerking.`,
    verordeningArtikel(versie, 'vorm'),
  );

  const { minUrenPerWeek: min, maxUrenPerWeek: max } = versie;
  const u = ontwerp.urenPerWeek;
  if (min === null && max === null) {
    zet(
      'uren',
      'niet-van-toepassing',
      'De verordening stelt geen grenzen aan de uren per week.',
      verordeningArtikel(versie, 'uren'),
    );
  } else {
    const grens =
      min !== null && max !== null
        ? `tussen ${uren(min)} en ${uren(max)}`
        : min !== null
          ? `minstens ${uren(min)}`
          : `hoogstens ${uren(max as number)}`;
    const goed = (min === null || u >= min) && (max === null || u <= max);
    zet(
      'uren',
      goed ? 'voldoet' : 'voldoet-niet',
      goed
        ? `${uren(u)} per week past: de verordening vraagt ${grens} per week.`
        : `${uren(u)} per week past niet: de verordening vraagt ${grens} per week.`,
      verordeningArtikel(versie, 'uren'),
    );
  }

  if (ontwerp.verlenging !== null) {
    zet(
      'duur',
      'niet-van-toepassing',
      'Dit ontwerp is een verlenging: de regel voor verlenging geldt.',
      verordeningArtikel(versie, 'duur'),
    );
  } else if (versie.maxDuurMaanden === null) {
    zet(
      'duur',
      'niet-van-toepassing',
      'De verordening stelt geen grens aan de duur.',
      verordeningArtikel(versie, 'duur'),
    );
  } else if (ontwerp.einddatum === null) {
    zet(
      'duur',
      'voldoet-niet',
      `Er is geen einddatum. De ${naam} duurt volgens de verordening hoogstens ${maanden(versie.maxDuurMaanden)}.`,
      verordeningArtikel(versie, 'duur'),
    );
  } else {
    const grens = plusMaanden(start, versie.maxDuurMaanden);
    const goed = ontwerp.einddatum < grens;
    zet(
      'duur',
      goed ? 'voldoet' : 'voldoet-niet',
      goed
        ? `Van ${formatDatumNl(start)} tot en met ${formatDatumNl(ontwerp.einddatum)} past binnen ${maanden(versie.maxDuurMaanden)}.`
        : `Van ${formatDatumNl(start)} tot en met ${formatDatumNl(ontwerp.einddatum)} is langer dan ${maanden(versie.maxDuurMaanden)}. De laatste dag mag hoogstens een dag voor ${formatDatumNl(grens)} zijn.`,
      verordeningArtikel(versie, 'duur'),
    );
  }

  if (ontwerp.verlenging === null) {
    zet(
      'verlenging',
      'niet-van-toepassing',
      'Dit ontwerp is geen verlenging.',
      verordeningArtikel(versie, 'verlenging'),
    );
  } else if (!versie.verlengingToegestaan) {
    zet(
      'verlenging',
      'voldoet-niet',
      `De verordening staat geen verlenging van de ${naam} toe.`,
      verordeningArtikel(versie, 'verlenging'),
    );
  } else {
    const m = ontwerp.verlenging.maanden;
    const maxV = versie.maxVerlengingMaanden;
    const periodeTeLang = ontwerp.einddatum === null || ontwerp.einddatum >= plusMaanden(start, m);
    if (maxV !== null && m > maxV) {
      zet(
        'verlenging',
        'voldoet-niet',
        `Een verlenging van ${maanden(m)} is te lang: de verordening staat hoogstens ${maanden(maxV)} toe.`,
        verordeningArtikel(versie, 'verlenging'),
      );
    } else if (periodeTeLang) {
      zet(
        'verlenging',
        'voldoet-niet',
        ontwerp.einddatum === null
          ? `Er is geen einddatum. Een verlenging van ${maanden(m)} eindigt uiterlijk een dag voor ${formatDatumNl(plusMaanden(start, m))}.`
          : `De periode tot en met ${formatDatumNl(ontwerp.einddatum)} is langer dan de verlenging van ${maanden(m)}.`,
        verordeningArtikel(versie, 'verlenging'),
      );
    } else {
      zet(
        'verlenging',
        'voldoet',
        maxV === null
          ? `Verlenging is toegestaan; ${maanden(m)} valt binnen de regels.`
          : `Verlenging is toegestaan; ${maanden(m)} is niet meer dan ${maanden(maxV)}.`,
        verordeningArtikel(versie, 'verlenging'),
      );
    }
  }

  const lokaal = ontwerp.ontheffingen.filter((o) => o.type === 'lokaal');
  const geldend = lokaal.filter((o) => o.lokaleGrondId && versie.lokaleGrondIds.includes(o.lokaleGrondId));
  const naamVan = (o: (typeof lokaal)[number]) => o.naam?.trim() || 'lokale ontheffingsgrond';
  if (lokaal.length === 0) {
    zet(
      'ontheffingen',
      'voldoet',
      'De klant heeft op de startdatum geen lokale ontheffing.',
      verordeningArtikel(versie, 'ontheffingen'),
    );
  } else if (geldend.length > 0) {
    zet(
      'ontheffingen',
      'voldoet-niet',
      `De klant heeft een ontheffing op een grond die deze verordening erkent: ${geldend.map(naamVan).join(', ')}.`,
      verordeningArtikel(versie, 'ontheffingen'),
    );
  } else {
    zet(
      'ontheffingen',
      'voldoet',
      `De lokale ontheffing van de klant (${lokaal.map(naamVan).join(', ')}) is geen grond in deze versie van de verordening.`,
      verordeningArtikel(versie, 'ontheffingen'),
    );
  }

  if (!versie.schriftelijkeOvereenkomstVerplicht) {
    zet(
      'overeenkomst',
      'niet-van-toepassing',
      'De verordening vraagt geen schriftelijke overeenkomst.',
      verordeningArtikel(versie, 'overeenkomst'),
    );
  } else {
    zet(
      'overeenkomst',
      ontwerp.schriftelijkeOvereenkomst ? 'voldoet' : 'voldoet-niet',
      ontwerp.schriftelijkeOvereenkomst
        ? 'Er komt een schriftelijke overeenkomst, zoals de verordening vraagt.'
        : `De verordening vraagt een schriftelijke overeenkomst voor de ${naam}. Die ontbreekt nog.`,
      verordeningArtikel(versie, 'overeenkomst'),
    );
  }
  return uit;
}

/** True when no rule says `voldoet-niet`. */
export const voldoetAan = (uitkomsten: readonly Regeluitkomst[]): boolean =>
  uitkomsten.every((u) => u.uitkomst !== 'voldoet-niet');
