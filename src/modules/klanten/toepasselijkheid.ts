import { type AowUitkomst, aowDatum, formatAowLeeftijd } from './aow.ts';
import { dagenTussen, formatDatumNl, type IsoDatum, maxDatum, plusDagen, plusJaren } from './datum.ts';
import {
  formatDuur,
  type Gebruiksperiode,
  type NegenAGebeurtenis,
  type NegenAVerloop,
  negenAVerloop,
} from './negen-a.ts';

/**
 * Does the tegenprestatie apply to this client on this date? A pure function of the client's facts, table-tested
 * rule by rule (`toepasselijkheid.test.ts`). Facts: Participatiewet art. 9 and 9a (docs/research/domain.md §1, §2.3).
 *
 * Periods are half-open: a period runs from `begindatum` (inclusive) up to `einddatum` (exclusive, the first day
 * it no longer runs; null = open-ended). So an exemption whose end date is today no longer counts today, and the
 * tegenprestatie applies from that day.
 */

/** Stable codes of the exemption types (the legal basis is resolved separately, per date: `grondslagOp`). */
export const ONTHEFFING_TYPES = [
  'dringende-redenen',
  'volledig-arbeidsongeschikt',
  'alleenstaande-ouder-kind-onder-5',
  'lokaal',
] as const;
export type OntheffingType = (typeof ONTHEFFING_TYPES)[number];

export const ONTHEFFING_TYPE_NAMEN: Record<OntheffingType, string> = {
  'dringende-redenen': 'Dringende redenen (tijdelijk)',
  'volledig-arbeidsongeschikt': 'Volledig en duurzaam arbeidsongeschikt',
  'alleenstaande-ouder-kind-onder-5': 'Alleenstaande ouder met een kind onder 5 jaar',
  lokaal: 'Lokale ontheffingsgrond',
};

export const TOEPASSELIJKHEDEN = ['van-toepassing', 'niet-van-toepassing', 'ontheffing-verloopt'] as const;
export type Toepasselijkheid = (typeof TOEPASSELIJKHEDEN)[number];

export const TOEPASSELIJKHEID_NAMEN: Record<Toepasselijkheid, string> = {
  'van-toepassing': 'Van toepassing',
  'niet-van-toepassing': 'Niet van toepassing',
  'ontheffing-verloopt': 'Ontheffing loopt binnen 4 weken af',
};

/** Default municipality setting: from this many hours per week, work counts as regular work. */
export const STANDAARD_REGULIER_WERK_UREN = 28;
/** An exemption that ends within this many days gives `ontheffing-verloopt`. */
export const VERLOOPT_BINNEN_DAGEN = 28;

// ---------------------------------------------------------------------------------------------------------------
// Legal basis per date. The Participatiewet in balans (BWBR0051679) renumbers from 1 January 2027; its article
// numbers for these rules were not established (domain.md §1.3 "Not found"), so from that date we say so
// instead of citing a number that may be wrong. Add the new numbers here once they are checked.
// ---------------------------------------------------------------------------------------------------------------

export type GrondslagCode =
  | 'leeftijd'
  | 'tegenprestatie'
  | 'regulier-werk'
  | 'reintegratie'
  | Exclude<OntheffingType, 'lokaal'>;

interface GrondslagPeriode {
  vanaf: IsoDatum;
  /** null: the article number in force from `vanaf` is not known. */
  artikel: string | null;
}

export const NIEUWE_WET_VANAF: IsoDatum = '2027-01-01';

const GRONDSLAGEN: Record<GrondslagCode, readonly GrondslagPeriode[]> = {
  leeftijd: [
    { vanaf: '2015-01-01', artikel: 'art. 9 lid 1 Participatiewet' },
    { vanaf: NIEUWE_WET_VANAF, artikel: null },
  ],
  tegenprestatie: [
    { vanaf: '2015-01-01', artikel: 'art. 9 lid 1 onder c Participatiewet' },
    { vanaf: NIEUWE_WET_VANAF, artikel: null },
  ],
  'regulier-werk': [
    { vanaf: '2015-01-01', artikel: 'art. 9 lid 1 onder c Participatiewet' },
    { vanaf: NIEUWE_WET_VANAF, artikel: null },
  ],
  reintegratie: [
    { vanaf: '2015-01-01', artikel: 'art. 9 lid 1 Participatiewet' },
    { vanaf: NIEUWE_WET_VANAF, artikel: null },
  ],
  'dringende-redenen': [
    { vanaf: '2015-01-01', artikel: 'art. 9 lid 2 Participatiewet' },
    { vanaf: NIEUWE_WET_VANAF, artikel: null },
  ],
  'volledig-arbeidsongeschikt': [
    { vanaf: '2015-01-01', artikel: 'art. 9 lid 5 Participatiewet' },
    { vanaf: NIEUWE_WET_VANAF, artikel: null },
  ],
  'alleenstaande-ouder-kind-onder-5': [
    { vanaf: '2015-01-01', artikel: 'art. 9a jo. art. 9 lid 7 Participatiewet' },
    { vanaf: NIEUWE_WET_VANAF, artikel: null },
  ],
};

export interface Grondslag {
  artikel: string;
  /** False when the article number in force on that date is not known (the 2027 law). */
  bekend: boolean;
}

const ONBEKEND_ARTIKEL =
  'Participatiewet in balans (vanaf 1 januari 2027): het artikelnummer is nog niet vastgesteld in Wederkerig';

/** The legal basis of a rule on a date. */
export function grondslagOp(code: GrondslagCode, datum: IsoDatum): Grondslag {
  const perioden = GRONDSLAGEN[code];
  let geldend: GrondslagPeriode | undefined;
  for (const p of perioden) if (p.vanaf <= datum) geldend = p;
  const artikel = (geldend ?? perioden[0]!).artikel;
  return artikel === null ? { artikel: ONBEKEND_ARTIKEL, bekend: false } : { artikel, bekend: true };
}

// ---------------------------------------------------------------------------------------------------------------
// Input and output
// ---------------------------------------------------------------------------------------------------------------

export interface Periode {
  begindatum: IsoDatum;
  /** Exclusive; null or absent = open-ended. */
  einddatum?: IsoDatum | null;
}

export interface WerkVoorToets {
  urenPerWeek: number;
  begindatum?: IsoDatum | null;
  einddatum?: IsoDatum | null;
}

export interface OntheffingVoorToets extends Periode {
  type: OntheffingType;
  reden?: string | null;
  /** Art. 9a: the youngest child's date of birth (the exemption ends on its 5th birthday). */
  geboortedatumKind?: IsoDatum | null;
  /** Local grounds: the catalogue entry with its basis in the municipality's ordinance. */
  lokaleGrond?: { code: string; naam: string; grondslag: string } | null;
  /**
   * Art. 9a periods used in a previous municipality (lid 4): they never exempt here, but are deducted from the
   * five years.
   */
  eerderGebruikt?: boolean;
  /** Art. 9a: suspensions and resumptions (lid 5 and 6), see `negen-a.ts`. */
  gebeurtenissen?: readonly NegenAGebeurtenis[];
}

export interface KlantVoorToets {
  geboortedatum: IsoDatum;
  werk: readonly WerkVoorToets[];
  reintegratie: readonly Periode[];
  ontheffingen: readonly OntheffingVoorToets[];
  /** Belastbaarheid: maximum hours per week, when known. */
  maxUrenPerWeek?: number | null;
}

export interface ToepasselijkheidInstellingen {
  /** From this many hours per week work counts as regular (municipality setting; default 28). */
  regulierWerkUren: number;
}

export type RedenCode =
  | 'van-toepassing'
  | 'jonger-dan-18'
  | 'aow-leeftijd'
  | 'regulier-werk'
  | 'deeltijdwerk'
  | 'reintegratie'
  | OntheffingType;

export interface Reden {
  code: RedenCode;
  /** Dutch, for the client page. */
  tekst: string;
  /** Legal basis in force on the peildatum. */
  artikel: string;
  artikelBekend: boolean;
  /** When this reason stops applying (exclusive), if known. */
  tot?: IsoDatum;
}

export interface ToepasselijkheidUitkomst {
  uitkomst: Toepasselijkheid;
  redenen: Reden[];
  /**
   * Hours per week left for a tegenprestatie *naar vermogen*: capacity (belastbaarheid, else the regular-work
   * threshold) minus hours worked. Null when the tegenprestatie does not apply.
   */
  resterendeUren: number | null;
  capaciteitBron: 'belastbaarheid' | 'drempel';
  werkurenPerWeek: number;
  regulierWerkUren: number;
  aow: AowUitkomst;
  /** With `ontheffing-verloopt`: the day the tegenprestatie applies again. */
  vanToepassingVanaf?: IsoDatum;
}

const loopt = (p: { begindatum?: IsoDatum | null; einddatum?: IsoDatum | null }, d: IsoDatum) =>
  (p.begindatum == null || p.begindatum <= d) && (p.einddatum == null || d < p.einddatum);

/** `: reason` without doubling the full stop the sentence ends with. */
const metReden = (reden: string | null | undefined) => (reden ? `: ${reden.replace(/[.!?\s]+$/u, '')}` : '');

const uren = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1).replace('.', ',')} uur`;

const is9a = (o: OntheffingVoorToets) => o.type === 'alleenstaande-ouder-kind-onder-5';

/**
 * The course of an art. 9a exemption (`negen-a.ts`): only the periods used in previous municipalities
 * (`eerderGebruikt`) are deducted from its five years (lid 4).
 */
export function verloop9a(o: OntheffingVoorToets, alle: readonly OntheffingVoorToets[]): NegenAVerloop {
  return negenAVerloop(
    {
      begindatum: o.begindatum,
      einddatum: o.einddatum ?? null,
      geboortedatumKind: o.geboortedatumKind ?? plusJaren(o.begindatum, -5),
      gebeurtenissen: o.gebeurtenissen ?? [],
    },
    alle.filter((a) => a !== o && is9a(a) && a.eerderGebruikt),
  );
}

/** The periods in which an exemption exempts: one for most types, those of use for art. 9a. */
function vrijstellingsperioden(
  o: OntheffingVoorToets,
  alle: readonly OntheffingVoorToets[],
): Array<{ begindatum: IsoDatum; einde: IsoDatum | null; periode?: Gebruiksperiode }> {
  if (!is9a(o)) return [{ begindatum: o.begindatum, einde: o.einddatum ?? null }];
  return verloop9a(o, alle).perioden.map((p) => ({
    begindatum: p.begindatum,
    einde: p.einddatum,
    periode: p,
  }));
}

/**
 * The date (exclusive) an exemption really ends. For art. 9a the end of its last period of use: the earliest of
 * its end date, the youngest child's 5th birthday and the five years (calendar terms, periods in previous
 * municipalities deducted), after any suspensions and resumptions.
 */
export function effectiefEinde(
  o: OntheffingVoorToets,
  alle: readonly OntheffingVoorToets[],
): IsoDatum | null {
  if (!is9a(o)) return o.einddatum ?? null;
  return verloop9a(o, alle).perioden.at(-1)?.einddatum ?? o.begindatum;
}

function ontheffingTekst(
  o: OntheffingVoorToets,
  tot: IsoDatum | null,
  alle: readonly OntheffingVoorToets[],
): string {
  const totTekst = tot ? ` tot ${formatDatumNl(tot)}` : '';
  switch (o.type) {
    case 'dringende-redenen':
      return `Tijdelijke ontheffing om dringende redenen${totTekst}${metReden(o.reden)}.`;
    case 'volledig-arbeidsongeschikt':
      return `Volledig en duurzaam arbeidsongeschikt${totTekst}.`;
    case 'lokaal':
      return `Ontheffing op lokale grond "${o.lokaleGrond?.naam ?? 'onbekend'}"${totTekst}${metReden(o.reden)}.`;
    case 'alleenstaande-ouder-kind-onder-5': {
      const v = verloop9a(o, alle);
      const p = v.perioden.find((x) => x.einddatum === tot);
      const elders = v.elders.maanden > 0 || v.elders.dagen > 0;
      let waarom = '';
      if (p?.eindigtDoor === 'kind-vijf') waarom = ' (het jongste kind wordt dan 5 jaar)';
      else if (p?.eindigtDoor === 'benut')
        waarom = elders
          ? ` (dan is 5 jaar gebruikt, ${formatDuur(v.elders)} in een vorige gemeente meegeteld)`
          : ' (dan is 5 jaar gebruikt)';
      return `Alleenstaande ouder met een kind onder 5 jaar${totTekst}${waarom}.`;
    }
  }
}

/** Whether the client is exempt on `d`, and until when the exemptions together run (null: no end). */
function vrijgesteldTot(
  actief: ReadonlyArray<{ begindatum: IsoDatum; einde: IsoDatum | null }>,
  d: IsoDatum,
): IsoDatum | null {
  let eind = d;
  for (let i = 0; i <= actief.length; i++) {
    const dekkend = actief.filter((a) => a.begindatum <= eind && (a.einde === null || eind < a.einde));
    if (dekkend.length === 0) return eind;
    if (dekkend.some((a) => a.einde === null)) return null;
    eind = dekkend.reduce((m, a) => maxDatum(m, a.einde!), eind);
  }
  return eind;
}

/**
 * Does the tegenprestatie apply on `peildatum`?
 * - `niet-van-toepassing`: younger than 18 or AOW age reached (art. 9 lid 1), regular work at or above the
 *   municipality's threshold (art. 9 lid 1 onder c: the tegenprestatie comes next to regular work, not instead
 *   of it), a re-integration trajectory running (art. 9 lid 1), or an exemption running that does not end within
 *   4 weeks (art. 9 lid 2, 9 lid 5, 9a with 9 lid 7, local grounds);
 * - `ontheffing-verloopt`: only exemptions stand in the way and they end within 4 weeks;
 * - `van-toepassing`: otherwise; part-time work below the threshold lowers the hours left (`resterendeUren`).
 */
export function bepaalToepasselijkheid(
  klant: KlantVoorToets,
  peildatum: IsoDatum,
  instellingen: ToepasselijkheidInstellingen = { regulierWerkUren: STANDAARD_REGULIER_WERK_UREN },
): ToepasselijkheidUitkomst {
  const redenen: Reden[] = [];
  const reden = (code: RedenCode, grondslag: Grondslag, tekst: string, tot?: IsoDatum | null): Reden => ({
    code,
    tekst,
    artikel: grondslag.artikel,
    artikelBekend: grondslag.bekend,
    ...(tot ? { tot } : {}),
  });
  let uitgesloten = false;

  // Age: from the 18th birthday up to (not including) the day the AOW age is reached.
  const achttien = plusJaren(klant.geboortedatum, 18);
  const aow = aowDatum(klant.geboortedatum);
  const leeftijdGrond = grondslagOp('leeftijd', peildatum);
  if (peildatum < achttien) {
    uitgesloten = true;
    redenen.push(
      reden(
        'jonger-dan-18',
        leeftijdGrond,
        `Jonger dan 18 jaar: wordt 18 op ${formatDatumNl(achttien)}.`,
        achttien,
      ),
    );
  } else if (peildatum >= aow.datum) {
    uitgesloten = true;
    redenen.push(
      reden(
        'aow-leeftijd',
        leeftijdGrond,
        `Heeft de AOW-leeftijd (${formatAowLeeftijd(aow)}) bereikt op ${formatDatumNl(aow.datum)}${aow.voorlopig ? ' (voorlopig: de AOW-leeftijd voor dit geboortejaar is nog niet vastgesteld)' : ''}.`,
      ),
    );
  }

  // Regular work.
  const werkuren = klant.werk.filter((w) => loopt(w, peildatum)).reduce((s, w) => s + w.urenPerWeek, 0);
  const drempel = instellingen.regulierWerkUren;
  if (werkuren >= drempel && werkuren > 0) {
    uitgesloten = true;
    redenen.push(
      reden(
        'regulier-werk',
        grondslagOp('regulier-werk', peildatum),
        `Werkt ${uren(werkuren)} per week; vanaf ${uren(drempel)} geldt dat in deze gemeente als regulier werk.`,
      ),
    );
  }

  // Re-integration trajectory.
  const traject = klant.reintegratie.find((r) => loopt(r, peildatum));
  if (traject) {
    uitgesloten = true;
    redenen.push(
      reden(
        'reintegratie',
        grondslagOp('reintegratie', peildatum),
        `Volgt een re-integratietraject${traject.einddatum ? ` tot ${formatDatumNl(traject.einddatum)}` : ''}.`,
        traject.einddatum,
      ),
    );
  }

  // Exemptions.
  const eigen = klant.ontheffingen
    .filter((o) => !o.eerderGebruikt)
    .flatMap((o) => vrijstellingsperioden(o, klant.ontheffingen).map((p) => ({ o, ...p })));
  const actief = eigen.filter((a) => a.begindatum <= peildatum && (a.einde === null || peildatum < a.einde));
  for (const { o, einde } of actief) {
    const grondslag: Grondslag =
      o.type === 'lokaal'
        ? { artikel: o.lokaleGrond?.grondslag ?? 'lokale verordening', bekend: o.lokaleGrond != null }
        : grondslagOp(o.type, peildatum);
    redenen.push(reden(o.type, grondslag, ontheffingTekst(o, einde, klant.ontheffingen), einde));
  }

  const capaciteit = klant.maxUrenPerWeek ?? drempel;
  const capaciteitBron = klant.maxUrenPerWeek == null ? 'drempel' : 'belastbaarheid';
  const resterend = Math.max(0, capaciteit - werkuren);
  const basis = { capaciteitBron, werkurenPerWeek: werkuren, regulierWerkUren: drempel, aow } as const;

  if (uitgesloten) return { uitkomst: 'niet-van-toepassing', redenen, resterendeUren: null, ...basis };

  if (actief.length > 0) {
    const tot = vrijgesteldTot(eigen, peildatum);
    if (tot !== null && dagenTussen(peildatum, tot) <= VERLOOPT_BINNEN_DAGEN) {
      return {
        uitkomst: 'ontheffing-verloopt',
        redenen,
        resterendeUren: resterend,
        vanToepassingVanaf: tot,
        ...basis,
      };
    }
    return { uitkomst: 'niet-van-toepassing', redenen, resterendeUren: null, ...basis };
  }

  redenen.push(
    reden(
      'van-toepassing',
      grondslagOp('tegenprestatie', peildatum),
      `Tussen 18 jaar en de AOW-leeftijd (${formatDatumNl(aow.datum)}${aow.voorlopig ? ', voorlopig' : ''}), zonder ontheffing, re-integratietraject of regulier werk: een tegenprestatie naar vermogen kan worden gevraagd.`,
    ),
  );
  if (werkuren > 0) {
    redenen.push(
      reden(
        'deeltijdwerk',
        grondslagOp('regulier-werk', peildatum),
        `Werkt ${uren(werkuren)} per week (minder dan ${uren(drempel)}): er blijft ${uren(resterend)} per week over voor de tegenprestatie.`,
      ),
    );
  }
  return { uitkomst: 'van-toepassing', redenen, resterendeUren: resterend, ...basis };
}

/** The outcome is recomputed at least this often, so changes of the AOW table or the rules reach stored values. */
export const HERBEREKEN_UITERLIJK_DAGEN = 366;

/**
 * The first day after `peildatum` on which the outcome of `bepaalToepasselijkheid` may differ: an 18th birthday,
 * the AOW date, a start or end of work, a trajectory or an exemption, or the day an exemption comes within
 * 4 weeks of its end. At most `HERBEREKEN_UITERLIJK_DAGEN` ahead. Lists store the outcome with this date and
 * recompute it once the date has come.
 */
export function volgendeWijziging(klant: KlantVoorToets, peildatum: IsoDatum): IsoDatum {
  const kandidaten: IsoDatum[] = [plusJaren(klant.geboortedatum, 18), aowDatum(klant.geboortedatum).datum];
  const periode = (p: { begindatum?: IsoDatum | null; einddatum?: IsoDatum | null }) => {
    if (p.begindatum) kandidaten.push(p.begindatum);
    if (p.einddatum) kandidaten.push(p.einddatum);
  };
  klant.werk.forEach(periode);
  klant.reintegratie.forEach(periode);
  for (const o of klant.ontheffingen) {
    if (o.eerderGebruikt) continue;
    for (const p of vrijstellingsperioden(o, klant.ontheffingen)) {
      kandidaten.push(p.begindatum);
      if (p.einde) kandidaten.push(p.einde, plusDagen(p.einde, -VERLOOPT_BINNEN_DAGEN));
    }
  }
  let volgende = plusDagen(peildatum, HERBEREKEN_UITERLIJK_DAGEN);
  for (const k of kandidaten) if (k > peildatum && k < volgende) volgende = k;
  return volgende;
}
