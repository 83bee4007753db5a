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
  /**
   * Fewer days than this between sending an imposing decision and its start give a warning (ordinance setting;
   * default `STANDAARD_MIN_DAGEN_VERZENDING`).
   */
  minDagenVerzendingStart: number;
  /**
   * The article of the municipality's measures ordinance (afstemmingsverordening) that lowers the benefit when an
   * imposed obligation is not met; cited with art. 18 lid 2 Pw in the decision's consequences clause. Empty: not
   * recorded (the clause then names the ordinance without an article).
   */
  artikelMaatregel: string;
}

/** The default number of days between sending a decision and the start of what it imposes (below it: a warning). */
export const STANDAARD_MIN_DAGEN_VERZENDING = 5;

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

/**
 * One regime of the legal basis: from `vanaf` until the next period. `artikel` is the citation, `omschrijving` its
 * short text; `artikel` null = no basis recorded for this regime (yet).
 */
export interface RechtsgrondPeriode {
  vanaf: IsoDatum;
  artikel: string | null;
  omschrijving: string | null;
}
export type RechtsgrondConfig = readonly RechtsgrondPeriode[];

/**
 * The default: art. 9 lid 1 onder c Pw until 31 December 2026 (BWBR0015703); from 1 January 2027 the Participatiewet
 * in balans (BWBR0051679), whose article the functioneel beheerder records once the municipality has checked the
 * text (domain.md §1.3: the article was not found). Until then that regime has no recorded basis.
 */
export const STANDAARD_RECHTSGRONDEN: RechtsgrondConfig = [
  {
    vanaf: '2015-01-01',
    artikel: 'art. 9 lid 1 onder c Participatiewet',
    omschrijving:
      'Wie bijstand krijgt, verricht naar vermogen de onbeloonde maatschappelijk nuttige werkzaamheden die het ' +
      'college opdraagt, naast of in aanvulling op reguliere arbeid en zonder verdringing op de arbeidsmarkt.',
  },
  { vanaf: NIEUWE_WET_VANAF, artikel: null, omschrijving: null },
];

/** What screens show for a regime without a recorded basis (documents never print it: they refuse or warn). */
export const GEEN_RECHTSGROND =
  'Geen wettelijke grondslag vastgelegd. De functioneel beheerder legt het artikel vast zodra de gemeente de wettekst heeft gecontroleerd.';

export interface Rechtsgrond {
  /** The citation, or null when no basis is recorded for this regime. */
  artikel: string | null;
  /** The short text of the basis (null when not recorded). */
  omschrijving: string | null;
  /** What a screen shows: the citation, or `GEEN_RECHTSGROND`. */
  tekst: string;
  /** The start of the regime this comes from (null: the date lies before every regime). */
  vanaf: IsoDatum | null;
}

const naarRechtsgrond = (p: RechtsgrondPeriode | undefined): Rechtsgrond => {
  const artikel = p?.artikel?.trim() ? p.artikel.trim() : null;
  return {
    artikel,
    omschrijving: artikel ? p?.omschrijving?.trim() || null : null,
    tekst: artikel ?? GEEN_RECHTSGROND,
    vanaf: p?.vanaf ?? null,
  };
};

const perioden = (config: RechtsgrondConfig) =>
  [...config].sort((a, b) => a.vanaf.localeCompare(b.vanaf)).map((p) => ({ ...p, ingangsdatum: p.vanaf }));

/** The legal basis of the instrument on `datum` according to `config` (periods in any order). */
export function rechtsgrondOpDatum(
  datum: IsoDatum,
  config: RechtsgrondConfig = STANDAARD_RECHTSGRONDEN,
): Rechtsgrond {
  return naarRechtsgrond(versieOpDatum(perioden(config), datum));
}

/** One regime within a period: its part of the period (`van`–`tot`, inclusive; `tot` null = open) and its basis. */
export interface RegimeInPeriode extends Rechtsgrond {
  van: IsoDatum;
  tot: IsoDatum | null;
}

/**
 * The regimes a period [start, eind] (eind inclusive; null = open-ended) reaches, in order, each with its part of
 * the period and its basis. Pure.
 */
export function rechtsgrondenInPeriode(
  start: IsoDatum,
  eind: IsoDatum | null,
  config: RechtsgrondConfig = STANDAARD_RECHTSGRONDEN,
): RegimeInPeriode[] {
  const lijst = perioden(config);
  const uit: RegimeInPeriode[] = [];
  const eerste = versieOpDatum(lijst, start);
  const kandidaten = [
    ...(eerste ? [eerste] : [{ vanaf: start, ingangsdatum: start, artikel: null, omschrijving: null }]),
    ...lijst.filter((p) => p.vanaf > start && (eind === null || p.vanaf <= eind)),
  ];
  kandidaten.forEach((p, i) => {
    const volgende = kandidaten[i + 1];
    uit.push({
      ...naarRechtsgrond(p),
      van: p.vanaf > start ? p.vanaf : start,
      tot: volgende ? dagVoor(volgende.vanaf) : eind,
    });
  });
  return uit;
}

/**
 * The first day of a period on which no legal basis is recorded (null: every regime it reaches has one). An
 * imposing decision over such a period is refused; the period can end the day before (`dagVoor`).
 */
export function eersteDagZonderRechtsgrond(
  start: IsoDatum,
  eind: IsoDatum | null,
  config: RechtsgrondConfig = STANDAARD_RECHTSGRONDEN,
): IsoDatum | null {
  return rechtsgrondenInPeriode(start, eind, config).find((r) => r.artikel === null)?.van ?? null;
}

/** The day before an ISO date. */
export function dagVoor(datum: IsoDatum): IsoDatum {
  const [y, m, d] = datum.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** Stored periods over the defaults: a stored period replaces the default with the same start date. */
export function voegRechtsgrondenSamen(opgeslagen: RechtsgrondConfig): RechtsgrondPeriode[] {
  const perVanaf = new Map<string, RechtsgrondPeriode>();
  for (const p of STANDAARD_RECHTSGRONDEN) perVanaf.set(p.vanaf, p);
  for (const p of opgeslagen) {
    const artikel = p.artikel?.trim() || null;
    perVanaf.set(p.vanaf, {
      vanaf: p.vanaf,
      artikel,
      omschrijving: artikel ? p.omschrijving?.trim() || null : null,
    });
  }
  return [...perVanaf.values()].sort((a, b) => a.vanaf.localeCompare(b.vanaf));
}

// ---------------------------------------------------------------------------------------------------------------
// The name over a period
// ---------------------------------------------------------------------------------------------------------------

/** A change of the instrument's name inside a period: from `datum` on it is called `naam`. */
export interface NaamWissel {
  datum: IsoDatum;
  naam: NaamTekst;
}

/**
 * The name of a period is the name of the version that governs it — the one in force on its START date (the
 * version it is checked against), whatever the print date. Also returns the changes of name later in the period
 * (a new version with another name), for the one sentence a document prints about them. Pure.
 */
export function naamVoorPeriode(
  versies: ReadonlyArray<Pick<VersieParameters, 'ingangsdatum' | 'weergavenaam'>>,
  start: IsoDatum,
  eind: IsoDatum | null,
): { naam: NaamTekst; wisselingen: NaamWissel[] } {
  const naam = naamOpDatum(versies, start);
  const wisselingen: NaamWissel[] = [];
  let huidig = naam;
  const later = versies
    .filter((v) => v.ingangsdatum > start && (eind === null || v.ingangsdatum <= eind))
    .sort((a, b) => a.ingangsdatum.localeCompare(b.ingangsdatum));
  for (const v of later) {
    const n = WEERGAVENAAM_TEKST[v.weergavenaam];
    if (n !== huidig) wisselingen.push({ datum: v.ingangsdatum, naam: n });
    huidig = n;
  }
  return { naam, wisselingen };
}

/**
 * The one plain sentence a document or page prints when the name changes inside the period (null when it does
 * not): the name never changes the agreement, the rules it was checked against, or the legal basis.
 */
export function naamWisselZin(
  gemeente: string,
  naam: NaamTekst,
  wisselingen: readonly NaamWissel[],
): string | null {
  const w = wisselingen.at(-1);
  if (!w) return null;
  return (
    `Vanaf ${formatDatumNl(w.datum)} heet de ${naam} in de gemeente ${gemeente} ${w.naam}; ` +
    'voor deze afspraken verandert daardoor niets.'
  );
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
  /** The client's paid work: hours per week and day parts (empty when none). */
  werk: { urenPerWeek: number; dagdelen: readonly Dagdeel[] };
  /** Day parts of the client's re-integration activities (empty when none). */
  reintegratieDagdelen: readonly Dagdeel[];
  /** The client's exemptions that run on the start date, with their local ground (type `lokaal`). */
  ontheffingen: ReadonlyArray<{ type: OntheffingType; lokaleGrondId?: string | null; naam?: string | null }>;
  /** Set when the design extends an earlier placement: the extension in months. */
  verlenging: { maanden: number } | null;
}

/**
 * Every rule a stored check run may hold. `onbetaald` and `overeenkomst` were checks that always passed (no wage
 * field; the agreement is always drawn up): they are no longer run (`GETOETSTE_REGELS`) but stay readable in
 * older runs.
 */
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

/** The rules `toetsAanVerordening` runs, in this order. */
export const GETOETSTE_REGELS: readonly Regel[] = [
  'arbeidsongeschiktheid',
  'alleenstaande-ouder',
  'dringende-redenen',
  'werk',
  'reintegratie',
  'vorm',
  'uren',
  'duur',
  'verlenging',
  'ontheffingen',
];

/**
 * The rules that apply whatever the version says: the statutory exclusions (art. 9 lid 2, 5, 7 Pw) and the
 * guideline's rule that paid work and re-integration come first (policy, cited as such).
 */
export const WETTELIJKE_REGELS: readonly Regel[] = [
  'arbeidsongeschiktheid',
  'alleenstaande-ouder',
  'dringende-redenen',
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

const WET_ARTIKELEN: Record<'arbeidsongeschiktheid' | 'alleenstaande-ouder' | 'dringende-redenen', string> = {
  arbeidsongeschiktheid: 'art. 9 lid 5 Participatiewet',
  'alleenstaande-ouder': 'art. 9 lid 7 jo. art. 9a Participatiewet',
  'dringende-redenen': 'art. 9 lid 2 Participatiewet',
};

/**
 * Paid work and re-integration coming first is policy, not statute: the guideline (MOET 1 and its definition: the
 * activity must not hinder work or re-integration). Cited as the guideline, never as an article of the law.
 */
const RICHTLIJN: Record<'werk' | 'reintegratie', string> = {
  werk: 'Richtlijn tegenprestatie, MOET 1: betaald werk gaat voor (beleid, geen wetsartikel)',
  reintegratie: 'Richtlijn tegenprestatie, MOET 1: re-integratie gaat voor (beleid, geen wetsartikel)',
};

/**
 * A statutory article on a date. The numbering under the Participatiewet in balans (from 2027) is not recorded in
 * Wederkerig: from then the article is cited as the text that held until 2027, and said so.
 */
function wetArtikel(regel: keyof typeof WET_ARTIKELEN, datum: IsoDatum): string {
  return datum < NIEUWE_WET_VANAF
    ? WET_ARTIKELEN[regel]
    : `${WET_ARTIKELEN[regel]} (tekst tot 1 januari 2027; controleer de nummering in de Participatiewet in balans)`;
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
 * `versieOpDatum(versies, ontwerp.startdatum)`). Returns one outcome per rule of `GETOETSTE_REGELS`, in that
 * order: the rules that hold under every version first (statute and the guideline), then the version's rules.
 * Every outcome is computed from the design and the client's file: no rule passes by construction.
 */
export function toetsAanVerordening(ontwerp: VerordeningOntwerp, versie: VersieParameters): Regeluitkomst[] {
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
  const werkDagdelen = ontwerp.werk.dagdelen;
  const heeftWerk = ontwerp.werk.urenPerWeek > 0 || werkDagdelen.length > 0;
  if (!heeftWerk) {
    zet('werk', 'niet-van-toepassing', 'De klant heeft geen betaald werk.', RICHTLIJN.werk);
  } else if (ontwerp.dagdelen.length === 0) {
    zet(
      'werk',
      'voldoet-niet',
      'De klant heeft betaald werk, maar het ontwerp heeft geen dagdelen. Kies de dagdelen, dan is te zien of ze botsen.',
      RICHTLIJN.werk,
    );
  } else {
    const botst = overlap(ontwerp.dagdelen, werkDagdelen);
    zet(
      'werk',
      botst.length > 0 ? 'voldoet-niet' : 'voldoet',
      botst.length > 0
        ? `De ${naam} valt op dagdelen waarop de klant werkt: ${dagdelenTekst(botst)}. Betaald werk gaat voor.`
        : `De dagdelen botsen niet met het werk van de klant (${uren(ontwerp.werk.urenPerWeek)} per week).`,
      RICHTLIJN.werk,
    );
  }

  const reDagdelen = ontwerp.reintegratieDagdelen;
  if (reDagdelen.length === 0) {
    zet(
      'reintegratie',
      'niet-van-toepassing',
      'De klant heeft geen re-integratieactiviteit met vaste dagdelen.',
      RICHTLIJN.reintegratie,
    );
  } else if (ontwerp.dagdelen.length === 0) {
    zet(
      'reintegratie',
      'voldoet-niet',
      'De klant heeft re-integratie op vaste dagdelen, maar het ontwerp heeft geen dagdelen. Kies de dagdelen.',
      RICHTLIJN.reintegratie,
    );
  } else {
    const botst = overlap(ontwerp.dagdelen, reDagdelen);
    zet(
      'reintegratie',
      botst.length > 0 ? 'voldoet-niet' : 'voldoet',
      botst.length > 0
        ? `De ${naam} valt op dagdelen van de re-integratie: ${dagdelenTekst(botst)}. Re-integratie gaat voor.`
        : 'De dagdelen botsen niet met de re-integratie van de klant.',
      RICHTLIJN.reintegratie,
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

  return uit;
}

/** True when no rule says `voldoet-niet`. */
export const voldoetAan = (uitkomsten: readonly Regeluitkomst[]): boolean =>
  uitkomsten.every((u) => u.uitkomst !== 'voldoet-niet');
