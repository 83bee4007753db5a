import { formatDatumNl, type IsoDatum, plusDagen, plusMaanden } from '../klanten/index.ts';

/**
 * After the measure decision (issue 15, "Afterwards"; docs/dwang.md), pure (no I/O; table-tested in
 * `nazorg.test.ts`): reconsideration within three months (art. 18 lid 3 Pw), changes to an imposed measure
 * (reconsideration, urgent reasons — lid 10 —, objection, a provisional ruling), the terms that apply after them,
 * objection and voorlopige voorziening, and the lines of the monthly export to the benefits system.
 */

/** Art. 18 lid 3 Pw: reconsidered within a term the college sets, at most three months (calendar months). */
export const HEROVERWEGING_MAANDEN = 3;

/**
 * The last day of the reconsideration: the decision date plus three calendar months. Where that day does not
 * exist (31 March → 30 June; 30 November 2027 → 29 February 2028; 29 February 2028 → 29 May 2028), the last day of
 * that month (`plusMaanden`).
 */
export function heroverwegingUiterlijk(besluitDatum: IsoDatum): IsoDatum {
  return plusMaanden(besluitDatum, HEROVERWEGING_MAANDEN);
}

/** A measure's period: from its start for the months, the last day is the day before the same day. */
export function maatregelEinde(ingang: IsoDatum, maanden: number): IsoDatum {
  return plusDagen(plusMaanden(ingang, maanden), -1);
}

/** Why a decided measure is looked at again. */
export const WIJZIGING_AANLEIDINGEN = [
  'heroverweging',
  'dringende-redenen',
  'bezwaar',
  'voorlopige-voorziening',
] as const;
export type WijzigingAanleiding = (typeof WIJZIGING_AANLEIDINGEN)[number];
export const WIJZIGING_AANLEIDING_NAMEN: Record<WijzigingAanleiding, string> = {
  heroverweging: 'Heroverweging (artikel 18 lid 3 Participatiewet)',
  'dringende-redenen': 'Dringende redenen (artikel 18 lid 10 Participatiewet)',
  bezwaar: 'Beslissing op bezwaar',
  'voorlopige-voorziening': 'Uitspraak op een voorlopige voorziening',
};

export const WIJZIGING_UITKOMSTEN = ['voortgezet', 'aangepast', 'beeindigd'] as const;
export type WijzigingUitkomst = (typeof WIJZIGING_UITKOMSTEN)[number];
export const WIJZIGING_UITKOMST_NAMEN: Record<WijzigingUitkomst, string> = {
  voortgezet: 'Voortgezet (ongewijzigd)',
  aangepast: 'Aangepast (lager percentage of korter)',
  beeindigd: 'Beëindigd (of ingetrokken vanaf de ingangsdatum)',
};

/** One stretch of a measure with one percentage (the period's first and last day included). */
export interface Termijn {
  van: IsoDatum;
  tot: IsoDatum;
  percentage: number;
}

/** A change as it applies (a determined one, in the order of determination). */
export interface Wijziging {
  uitkomst: WijzigingUitkomst;
  /** From this day on (aangepast, beeindigd: the first day without the measure); null for voortgezet. */
  ingangsdatum: IsoDatum | null;
  percentage: number | null;
  /** Aangepast: the new last day. */
  einddatum: IsoDatum | null;
}

/** The terms after the changes, in order: a change replaces everything from its date on. */
export function geldendeTermijnen(basis: Termijn, wijzigingen: readonly Wijziging[]): Termijn[] {
  let t: Termijn[] = [basis];
  for (const w of wijzigingen) {
    if (w.uitkomst === 'voortgezet' || !w.ingangsdatum) continue;
    const d = w.ingangsdatum;
    const voor = t.filter((x) => x.van < d).map((x) => ({ ...x, tot: x.tot < d ? x.tot : plusDagen(d, -1) }));
    t =
      w.uitkomst === 'aangepast' && w.percentage !== null && w.einddatum
        ? [...voor, { van: d, tot: w.einddatum, percentage: w.percentage }]
        : voor;
  }
  return t;
}

export type NazorgStand = 'lopend' | 'aangepast' | 'beeindigd' | 'ingetrokken';
export const NAZORG_STAND_NAMEN: Record<NazorgStand, string> = {
  lopend: 'Zoals besloten',
  aangepast: 'Aangepast',
  beeindigd: 'Beëindigd',
  ingetrokken: 'Ingetrokken',
};

/** The measure's standing after its changes. */
export function standNaWijzigingen(basis: Termijn, wijzigingen: readonly Wijziging[]): NazorgStand {
  const t = geldendeTermijnen(basis, wijzigingen);
  if (t.length === 0) return 'ingetrokken';
  const laatste = t[t.length - 1] as Termijn;
  if (laatste.tot < basis.tot && t.every((x) => x.percentage === basis.percentage)) return 'beeindigd';
  return t.length === 1 && laatste.tot === basis.tot && laatste.percentage === basis.percentage
    ? 'lopend'
    : 'aangepast';
}

/**
 * A proposed change against the terms that apply now (field errors, Dutch; empty: allowed). Never heavier: a
 * higher percentage or a longer measure would be a new adverse decision (a new intention and hearing). Urgent
 * reasons (lid 10) adjust or end — "voortgezet" is a reconsideration's outcome only.
 */
export function beoordeelWijziging(i: {
  termijnen: readonly Termijn[];
  aanleiding: WijzigingAanleiding;
  wijziging: Wijziging;
}): Record<string, string> {
  const fouten: Record<string, string> = {};
  const w = i.wijziging;
  if (w.uitkomst === 'voortgezet') {
    if (i.aanleiding === 'dringende-redenen')
      fouten.uitkomst =
        'Dringende redenen passen de maatregel aan of beëindigen hem. Zijn er geen dringende redenen, leg dan niets vast.';
    return fouten;
  }
  const eerste = i.termijnen[0];
  const laatste = i.termijnen[i.termijnen.length - 1];
  if (!eerste || !laatste) {
    fouten.uitkomst = 'De maatregel is al ingetrokken: er valt niets meer te wijzigen.';
    return fouten;
  }
  const d = w.ingangsdatum;
  if (!d) {
    fouten.ingangsdatum = 'Vul de datum in vanaf wanneer de wijziging geldt.';
    return fouten;
  }
  if (d < eerste.van || d > laatste.tot)
    fouten.ingangsdatum = `De wijziging geldt vanaf een dag in de maatregel: van ${formatDatumNl(eerste.van)} tot en met ${formatDatumNl(laatste.tot)}.`;
  if (w.uitkomst === 'aangepast') {
    const nu = i.termijnen.find((x) => d >= x.van && d <= x.tot)?.percentage ?? laatste.percentage;
    if (w.percentage === null || !Number.isInteger(w.percentage) || w.percentage < 1)
      fouten.percentage = 'Vul het nieuwe percentage in: een heel getal van 1 tot en met 100.';
    else if (w.percentage > nu)
      fouten.percentage = `Hoger dan ${nu} % kan niet: een zwaardere maatregel is een nieuw besluit, met een voornemen en horen.`;
    if (!w.einddatum) fouten.einddatum = 'Vul de nieuwe laatste dag van de maatregel in.';
    else if (w.einddatum < d) fouten.einddatum = 'De laatste dag ligt niet vóór de ingangsdatum.';
    else if (w.einddatum > laatste.tot)
      fouten.einddatum = `Langer dan tot en met ${formatDatumNl(laatste.tot)} kan niet: een langere maatregel is een nieuw besluit.`;
    if (
      !fouten.percentage &&
      !fouten.einddatum &&
      w.percentage === nu &&
      w.einddatum === laatste.tot &&
      i.termijnen.filter((x) => x.tot >= d).every((x) => x.percentage === nu)
    )
      fouten.percentage =
        'Dit verandert niets aan de maatregel. Kies "voortgezet" als hij blijft zoals hij is.';
  }
  return fouten;
}

/** Objection and a provisional ruling (Awb 6:4, 8:81), against the imposing decision or the measure decision. */
export const RECHTSMIDDEL_SOORTEN = ['bezwaar', 'voorlopige-voorziening'] as const;
export type RechtsmiddelSoort = (typeof RECHTSMIDDEL_SOORTEN)[number];
export const RECHTSMIDDEL_SOORT_NAMEN: Record<RechtsmiddelSoort, string> = {
  bezwaar: 'Bezwaar',
  'voorlopige-voorziening': 'Voorlopige voorziening',
};
export const BEZWAAR_UITKOMSTEN = ['gegrond', 'ongegrond', 'niet-ontvankelijk', 'ingetrokken'] as const;
export const VOORZIENING_UITKOMSTEN = ['toegewezen', 'afgewezen', 'ingetrokken'] as const;
export const UITKOMSTEN = [...BEZWAAR_UITKOMSTEN, 'toegewezen', 'afgewezen'] as const;
export type RechtsmiddelUitkomst = (typeof UITKOMSTEN)[number];
export const UITKOMST_NAMEN: Record<RechtsmiddelUitkomst, string> = {
  gegrond: 'Gegrond',
  ongegrond: 'Ongegrond',
  'niet-ontvankelijk': 'Niet-ontvankelijk',
  ingetrokken: 'Ingetrokken',
  toegewezen: 'Toegewezen',
  afgewezen: 'Afgewezen',
};
export const BETREFT = ['opleggend-besluit', 'maatregel'] as const;
export type Betreft = (typeof BETREFT)[number];

/** Awb 6:7–6:8: six weeks, from the day after the decision was sent; the last day of the term. */
export function bezwaartermijnEinde(verzenddatum: IsoDatum): IsoDatum {
  return plusDagen(verzenddatum, 42);
}

/** The dates of an objection or request (field errors, Dutch). */
export function beoordeelRechtsmiddel(i: {
  soort: RechtsmiddelSoort;
  ontvangenOp: IsoDatum;
  besluitDatum: IsoDatum;
  vandaag: IsoDatum;
  /** A voorlopige voorziening: is an objection against the same decision recorded? (Awb 8:81) */
  bezwaarBekend: boolean;
}): Record<string, string> {
  const fouten: Record<string, string> = {};
  if (i.ontvangenOp > i.vandaag) fouten.ontvangenOp = 'De datum ligt niet in de toekomst.';
  else if (i.ontvangenOp < i.besluitDatum)
    fouten.ontvangenOp = `De datum ligt niet vóór het besluit (${formatDatumNl(i.besluitDatum)}).`;
  if (i.soort === 'voorlopige-voorziening' && !i.bezwaarBekend)
    fouten.soort =
      'Een voorlopige voorziening hoort bij een bezwaar (artikel 8:81 Awb): leg eerst het bezwaar tegen dit besluit vast.';
  return fouten;
}

/** The decision on it: its date and an outcome that fits the kind. */
export function beoordeelBeslissing(i: {
  soort: RechtsmiddelSoort;
  ontvangenOp: IsoDatum;
  beslistOp: IsoDatum;
  uitkomst: RechtsmiddelUitkomst;
  vandaag: IsoDatum;
}): Record<string, string> {
  const fouten: Record<string, string> = {};
  if (i.beslistOp > i.vandaag) fouten.beslistOp = 'De datum ligt niet in de toekomst.';
  else if (i.beslistOp < i.ontvangenOp)
    fouten.beslistOp = `De beslissing ligt niet vóór de ontvangst (${formatDatumNl(i.ontvangenOp)}).`;
  const past: readonly string[] = i.soort === 'bezwaar' ? BEZWAAR_UITKOMSTEN : VOORZIENING_UITKOMSTEN;
  if (!past.includes(i.uitkomst))
    fouten.uitkomst =
      i.soort === 'bezwaar'
        ? 'Een bezwaar is gegrond, ongegrond, niet-ontvankelijk of ingetrokken.'
        : 'Een voorlopige voorziening is toegewezen, afgewezen of ingetrokken.';
  return fouten;
}

/** One line of the monthly export to the benefits system: what a benefits administrator needs, no more. */
export interface ExportRegel {
  soort: 'maatregel' | 'correctie';
  /** The internal client number (never the BSN: docs/dwang.md); null when the file has none. */
  klantnummer: string | null;
  maatregelId: string;
  categorie: number;
  /** Percentage of the base from `ingangsdatum` (0: no measure from then on). */
  percentage: number;
  ingangsdatum: IsoDatum;
  /** The last day (null: withdrawn, nothing remains). */
  einddatum: IsoDatum | null;
  grondslag: string;
  /** The measure decision's date; for a correction the date the change was determined. */
  besluitDatum: IsoDatum;
  status: 'besloten' | NazorgStand;
  /** On joint bijstand (art. 11 lid 4 Pw): the lowering applies to the partners' joint benefit. */
  gezamenlijkeBijstand: boolean;
}

export const EXPORT_KOLOMMEN = [
  'soort',
  'klantnummer',
  'maatregel_id',
  'categorie',
  'percentage',
  'ingangsdatum',
  'einddatum',
  'grondslag',
  'besluitdatum',
  'status',
  'gezamenlijke_bijstand',
] as const;

/** A month `JJJJ-MM`: its first and last day. */
export function maandGrenzen(maand: string): { eerste: IsoDatum; laatste: IsoDatum } | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(maand)) return null;
  const eerste = `${maand}-01`;
  return { eerste, laatste: plusDagen(plusMaanden(eerste, 1), -1) };
}

export interface ExportMaatregel {
  id: string;
  klantnummer: string | null;
  categorie: number;
  grondslag: string;
  besluitDatum: IsoDatum;
  gezamenlijk: boolean;
  basis: Termijn;
  /** Determined changes in order, with the day each was determined. */
  wijzigingen: ReadonlyArray<Wijziging & { vastgesteldOp: IsoDatum; nieuw: boolean }>;
}

/**
 * The export's lines for a month: each term of a decided measure that overlaps the month (its whole period and
 * percentage), and one correction line per change determined since the last export (`nieuw`) that changed the
 * measure — adjusted, ended or withdrawn — with what applies from its date on.
 */
export function exportRegels(maand: string, maatregelen: readonly ExportMaatregel[]): ExportRegel[] {
  const g = maandGrenzen(maand);
  if (!g) return [];
  const uit: ExportRegel[] = [];
  for (const m of maatregelen) {
    const basis = {
      klantnummer: m.klantnummer,
      maatregelId: m.id,
      categorie: m.categorie,
      grondslag: m.grondslag,
      gezamenlijkeBijstand: m.gezamenlijk,
    };
    const alle = geldendeTermijnen(m.basis, m.wijzigingen);
    const stand = standNaWijzigingen(m.basis, m.wijzigingen);
    for (const t of alle)
      if (t.van <= g.laatste && t.tot >= g.eerste)
        uit.push({
          soort: 'maatregel',
          ...basis,
          percentage: t.percentage,
          ingangsdatum: t.van,
          einddatum: t.tot,
          besluitDatum: m.besluitDatum,
          status: stand === 'lopend' ? 'besloten' : stand,
        });
    m.wijzigingen.forEach((w, n) => {
      if (!w.nieuw || w.uitkomst === 'voortgezet' || !w.ingangsdatum) return;
      const na = geldendeTermijnen(m.basis, m.wijzigingen.slice(0, n + 1));
      const ingetrokken = na.length === 0;
      uit.push({
        soort: 'correctie',
        ...basis,
        percentage: w.uitkomst === 'aangepast' ? (w.percentage ?? 0) : 0,
        ingangsdatum: w.ingangsdatum,
        einddatum: ingetrokken ? null : ((na[na.length - 1] as Termijn).tot as IsoDatum),
        besluitDatum: w.vastgesteldOp,
        status: ingetrokken ? 'ingetrokken' : w.uitkomst === 'aangepast' ? 'aangepast' : 'beeindigd',
      });
    });
  }
  return uit;
}

/** The CSV row of a line (in `EXPORT_KOLOMMEN` order). */
export function exportRij(r: ExportRegel): Array<string | number | null> {
  return [
    r.soort,
    r.klantnummer,
    r.maatregelId,
    r.categorie,
    r.percentage,
    r.ingangsdatum,
    r.einddatum,
    r.grondslag,
    r.besluitDatum,
    r.status,
    r.gezamenlijkeBijstand ? 'ja' : 'nee',
  ];
}

/** The team lead's list: the stage of a measure path (issue 15, "everything visible"). */
export const STADIA = [
  'termijn-verstreken',
  'voornemen',
  'wacht-op-akkoord',
  'heroverweging-nodig',
  'besloten',
  'afgezien',
] as const;
export type Stadium = (typeof STADIA)[number];
export const STADIUM_NAMEN: Record<Stadium, string> = {
  'termijn-verstreken': 'Voornemens waarvan de termijn voor de zienswijze is verstreken',
  voornemen: 'Voornemens binnen de termijn voor de zienswijze',
  'wacht-op-akkoord': 'Wacht op akkoord van een teamleider (voorstel of wijziging)',
  'heroverweging-nodig': 'Heroverweging nodig (binnen vier weken of verstreken)',
  besloten: 'Besloten',
  afgezien: 'Afgezien',
};

/** How far ahead a reconsideration is listed (as its signal). */
export const HEROVERWEGING_VOORUIT_DAGEN = 28;

/**
 * The stage of a measure path on `vandaag`, with the date that matters for it: an intention whose term ended
 * (the term's last day is before today) or still runs (its last day); a proposal or a change waiting for a team lead;
 * a decided measure whose reconsideration is due within four weeks or overdue (its last day); decided; afgezien.
 */
export function stadiumVan(
  m: {
    status: 'voornemen' | 'ter-beoordeling' | 'besloten' | 'afgezien';
    hoortermijnEinde: IsoDatum;
    besluitDatum: IsoDatum | null;
    heroverwogen: boolean;
    ingetrokken: boolean;
    wijzigingOpen: boolean;
  },
  vandaag: IsoDatum,
): { stadium: Stadium; datum: IsoDatum | null } {
  if (m.status === 'afgezien') return { stadium: 'afgezien', datum: null };
  if (m.status === 'voornemen')
    return {
      stadium: m.hoortermijnEinde < vandaag ? 'termijn-verstreken' : 'voornemen',
      datum: m.hoortermijnEinde,
    };
  if (m.status === 'ter-beoordeling' || m.wijzigingOpen) return { stadium: 'wacht-op-akkoord', datum: null };
  const uiterlijk = m.besluitDatum ? heroverwegingUiterlijk(m.besluitDatum) : null;
  if (
    uiterlijk &&
    !m.heroverwogen &&
    !m.ingetrokken &&
    uiterlijk <= plusDagen(vandaag, HEROVERWEGING_VOORUIT_DAGEN)
  )
    return { stadium: 'heroverweging-nodig', datum: uiterlijk };
  return { stadium: 'besloten', datum: m.besluitDatum };
}
