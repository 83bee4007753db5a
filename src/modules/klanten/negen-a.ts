import { dagenTussen, type IsoDatum, minDatum, plusDagen, plusJaren, plusMaanden } from './datum.ts';

/**
 * The course of an art. 9a Participatiewet exemption (single parent with a child under 5) as a pure function of
 * its recorded facts. Text: wetten.overheid.nl/BWBR0015703/2025-01-01#Artikel9a (docs/klanten.md, "Art. 9a").
 *
 * - lid 2: granted once — one exemption per parent; what changes later is recorded as events on it.
 * - lid 4: it holds while the youngest child is under 5, and at most five years in total; periods used in
 *   previous municipalities (woonplaatsen) are deducted — and only those.
 * - lid 5: suspended by law on the youngest child's 5th birthday (a) or when the right to bijstand ends (b), and
 *   by the college on request (c); lid 6: resumed on request when that circumstance no longer applies, as long
 *   as the five years are not used up.
 * - The five years are counted in calendar terms: a period is so many whole months plus days, never a count
 *   of days, so a leap day inside a period never adds or costs a day.
 *
 * Periods are half-open, as everywhere in the client file: `[begindatum, einddatum)`.
 */

export const NEGEN_A_MAXIMUM_MAANDEN = 60;

export const NEGEN_A_GEBEURTENISSEN = ['opschorting-verzoek', 'einde-bijstand', 'hervatting'] as const;
export type NegenAGebeurtenisSoort = (typeof NEGEN_A_GEBEURTENISSEN)[number];

export const NEGEN_A_GEBEURTENIS_NAMEN: Record<NegenAGebeurtenisSoort, string> = {
  'opschorting-verzoek': 'Opgeschort op verzoek (art. 9a lid 5 onder c)',
  'einde-bijstand': 'Opgeschort: recht op bijstand geëindigd (art. 9a lid 5 onder b)',
  hervatting: 'Opschorting beëindigd op verzoek (art. 9a lid 6)',
};

export interface NegenAGebeurtenis {
  soort: NegenAGebeurtenisSoort;
  /** The first day the event takes effect. */
  datum: IsoDatum;
  /** Resumption: the youngest child's date of birth when it changed (a younger child). */
  geboortedatumKind?: IsoDatum | null;
}

/** Why a period of use ended. */
export type PeriodeEinde = 'kind-vijf' | 'einde-bijstand' | 'verzoek' | 'benut' | 'beeindigd';

export const OPSCHORTING_NAMEN: Record<'kind-vijf' | 'einde-bijstand' | 'verzoek', string> = {
  'kind-vijf': 'het jongste kind is 5 jaar geworden',
  'einde-bijstand': 'het recht op bijstand is geëindigd',
  verzoek: 'op verzoek van de ouder',
};

export interface Gebruiksperiode {
  begindatum: IsoDatum;
  /** Exclusive: the first day without the exemption. */
  einddatum: IsoDatum;
  eindigtDoor: PeriodeEinde;
}

export interface Kalenderduur {
  maanden: number;
  dagen: number;
}

export interface NegenAInvoer {
  begindatum: IsoDatum;
  /** Ended for good (withdrawal, art. 9a lid 5 onder d, or ended by the college): exclusive. */
  einddatum?: IsoDatum | null;
  /** The youngest child's date of birth at the grant. */
  geboortedatumKind: IsoDatum;
  gebeurtenissen?: readonly NegenAGebeurtenis[];
}

export interface NegenAVerloop {
  perioden: Gebruiksperiode[];
  /** Used in previous municipalities (deducted from the five years). */
  elders: Kalenderduur;
  /** Events that had no effect (a resumption while running, a suspension while suspended, …). */
  genegeerd: NegenAGebeurtenis[];
}

/** `van` up to `tot` (exclusive) as whole calendar months plus the days left over. */
export function kalenderduur(van: IsoDatum, tot: IsoDatum): Kalenderduur {
  if (tot <= van) return { maanden: 0, dagen: 0 };
  const [y1, m1] = [Number(van.slice(0, 4)), Number(van.slice(5, 7))];
  const [y2, m2] = [Number(tot.slice(0, 4)), Number(tot.slice(5, 7))];
  let maanden = (y2 - y1) * 12 + (m2 - m1);
  while (maanden > 0 && plusMaanden(van, maanden) > tot) maanden--;
  return { maanden, dagen: dagenTussen(plusMaanden(van, maanden), tot) };
}

export const telOp = (a: Kalenderduur, b: Kalenderduur): Kalenderduur => ({
  maanden: a.maanden + b.maanden,
  dagen: a.dagen + b.dagen,
});

/** The first day without the exemption when a period starts on `start` with `gebruikt` already used. */
export function maximumEinde(start: IsoDatum, gebruikt: Kalenderduur): IsoDatum {
  return plusDagen(plusMaanden(start, NEGEN_A_MAXIMUM_MAANDEN - gebruikt.maanden), -gebruikt.dagen);
}

/** Periods in previous municipalities, each counted up to the grant here at the latest. */
export function gebruiktElders(
  eerdere: ReadonlyArray<{ begindatum: IsoDatum; einddatum?: IsoDatum | null }>,
  begindatum: IsoDatum,
): Kalenderduur {
  return eerdere.reduce(
    (som, p) => telOp(som, kalenderduur(p.begindatum, minDatum(p.einddatum ?? begindatum, begindatum))),
    { maanden: 0, dagen: 0 },
  );
}

/**
 * The periods in which the exemption runs, from the grant, the events and the periods used elsewhere. Events
 * are applied in date order; one that does not fit the state at its date is reported in `genegeerd` (the
 * service refuses such events before they are stored: `controleerGebeurtenis`).
 */
export function negenAVerloop(
  o: NegenAInvoer,
  elders: ReadonlyArray<{ begindatum: IsoDatum; einddatum?: IsoDatum | null }> = [],
): NegenAVerloop {
  const perioden: Gebruiksperiode[] = [];
  const genegeerd: NegenAGebeurtenis[] = [];
  const eerder = gebruiktElders(elders, o.begindatum);
  const gebeurtenissen = [...(o.gebeurtenissen ?? [])].sort((a, b) => (a.datum < b.datum ? -1 : 1));
  let gebruikt = eerder;
  let kind = o.geboortedatumKind;
  let start: IsoDatum | null = o.begindatum;
  let i = 0;
  const sluit = (van: IsoDatum, tot: IsoDatum, door: PeriodeEinde) => {
    if (tot > van) {
      perioden.push({ begindatum: van, einddatum: tot, eindigtDoor: door });
      gebruikt = telOp(gebruikt, kalenderduur(van, tot));
    }
  };
  for (;;) {
    if (start !== null) {
      const van: IsoDatum = start;
      let stop = maximumEinde(van, gebruikt);
      let door: PeriodeEinde = 'benut';
      const vijf = plusJaren(kind, 5);
      if (vijf < stop) [stop, door] = [vijf, 'kind-vijf'];
      if (o.einddatum && o.einddatum <= stop) [stop, door] = [o.einddatum, 'beeindigd'];
      if (stop <= van) {
        start = null;
        if (door === 'benut' || door === 'beeindigd') break;
        continue;
      }
      // The next event inside this period: a suspension ends it, anything else has no effect.
      let opgeschort = false;
      while (i < gebeurtenissen.length && gebeurtenissen[i]!.datum < stop) {
        const g = gebeurtenissen[i++]!;
        if (g.soort === 'hervatting' || g.datum < van) {
          genegeerd.push(g);
          continue;
        }
        const reden: PeriodeEinde = g.soort === 'einde-bijstand' ? 'einde-bijstand' : 'verzoek';
        sluit(van, g.datum, reden);
        start = null;
        opgeschort = true;
        break;
      }
      if (opgeschort) continue;
      sluit(van, stop, door);
      start = null;
      if (door === 'benut' || door === 'beeindigd') break;
      continue;
    }
    // Suspended: only a resumption (lid 6) before the exemption ended can restart it.
    const g = gebeurtenissen[i++];
    if (!g) break;
    if (g.soort !== 'hervatting' || (o.einddatum && g.datum >= o.einddatum)) {
      genegeerd.push(g);
      continue;
    }
    const nieuwKind = g.geboortedatumKind ?? kind;
    if (plusJaren(nieuwKind, 5) <= g.datum) {
      genegeerd.push(g);
      continue;
    }
    kind = nieuwKind;
    start = g.datum;
  }
  return { perioden, elders: eerder, genegeerd };
}

export type NegenAStand = 'nog-niet-begonnen' | 'lopend' | 'opgeschort' | 'benut' | 'beeindigd';

export interface NegenAStandOp {
  stand: NegenAStand;
  /** `lopend`: the period that runs; its `einddatum` is the day the exemption stops (as things stand). */
  periode: Gebruiksperiode | null;
  /** `opgeschort`: since when and why. */
  opgeschort: { sinds: IsoDatum; grond: 'kind-vijf' | 'einde-bijstand' | 'verzoek' } | null;
  /** Used up to (not including) the peildatum, previous municipalities included. */
  gebruikt: Kalenderduur;
  /** Left of the five years as from the peildatum (calendar terms; 0 when used up). */
  resterend: Kalenderduur;
}

/** Where the exemption stands on `peildatum`. */
export function negenAStandOp(o: NegenAInvoer, v: NegenAVerloop, peildatum: IsoDatum): NegenAStandOp {
  let gebruikt = v.elders;
  for (const p of v.perioden)
    if (p.begindatum < peildatum)
      gebruikt = telOp(gebruikt, kalenderduur(p.begindatum, minDatum(p.einddatum, peildatum)));
  const rest = kalenderduur(peildatum, maximumEinde(peildatum, gebruikt));
  const basis = { gebruikt, resterend: rest };
  if (peildatum < o.begindatum)
    return { stand: 'nog-niet-begonnen', periode: null, opgeschort: null, ...basis };
  const periode = v.perioden.find((p) => p.begindatum <= peildatum && peildatum < p.einddatum) ?? null;
  if (periode) return { stand: 'lopend', periode, opgeschort: null, ...basis };
  const vorige = v.perioden.filter((p) => p.einddatum <= peildatum).at(-1);
  const door = vorige?.eindigtDoor;
  if (door === 'benut' || door === 'beeindigd')
    return { stand: door, periode: null, opgeschort: null, ...basis };
  if (o.einddatum && o.einddatum <= peildatum)
    return { stand: 'beeindigd', periode: null, opgeschort: null, ...basis };
  if (rest.maanden <= 0 && rest.dagen <= 0)
    return { stand: 'benut', periode: null, opgeschort: null, ...basis };
  // Suspended from the end of the last period, or from the grant when it never ran (child already 5).
  const sinds = vorige?.einddatum ?? o.begindatum;
  const grond = door ?? (plusJaren(o.geboortedatumKind, 5) <= o.begindatum ? 'kind-vijf' : 'verzoek');
  return { stand: 'opgeschort', periode: null, opgeschort: { sinds, grond }, ...basis };
}

/**
 * Whether a new event may be recorded on `datum` (a Dutch message when not): events are recorded in order, a
 * suspension only while the exemption runs, a resumption only while it is suspended and the youngest child is
 * under 5 on that day (lid 6), and never after the five years are used or the exemption ended.
 */
export function controleerGebeurtenis(
  o: NegenAInvoer,
  elders: ReadonlyArray<{ begindatum: IsoDatum; einddatum?: IsoDatum | null }>,
  nieuw: NegenAGebeurtenis,
): { veld: 'datum' | 'soort' | 'geboortedatumKind'; melding: string } | null {
  const laatste = (o.gebeurtenissen ?? []).reduce<IsoDatum | null>(
    (m, g) => (m === null || g.datum > m ? g.datum : m),
    null,
  );
  if (nieuw.datum < o.begindatum)
    return { veld: 'datum', melding: 'De datum ligt vóór de begindatum van de ontheffing.' };
  if (laatste && nieuw.datum < laatste)
    return {
      veld: 'datum',
      melding: 'Er is al een latere opschorting of hervatting vastgelegd: leg wijzigingen op volgorde vast.',
    };
  const v = negenAVerloop(o, elders);
  const stand = negenAStandOp(o, v, nieuw.datum);
  if (stand.stand === 'benut')
    return {
      veld: 'datum',
      melding: 'De vijf jaar zijn op die datum al gebruikt: de ontheffing is voorbij.',
    };
  if (stand.stand === 'beeindigd')
    return { veld: 'datum', melding: 'De ontheffing is op die datum al beëindigd.' };
  if (nieuw.soort === 'hervatting') {
    if (stand.stand !== 'opgeschort')
      return {
        veld: 'soort',
        melding: 'De ontheffing is op die datum niet opgeschort: er valt niets te hervatten.',
      };
    const kind = nieuw.geboortedatumKind ?? negenAKindOp(o, nieuw.datum);
    if (nieuw.geboortedatumKind && nieuw.geboortedatumKind > nieuw.datum)
      return {
        veld: 'geboortedatumKind',
        melding: 'De geboortedatum kan niet na de datum van hervatting liggen.',
      };
    if (plusJaren(kind, 5) <= nieuw.datum)
      return {
        veld: 'geboortedatumKind',
        melding:
          'Het jongste kind is op die datum al 5 jaar: hervatten kan alleen met een jonger kind (vul de geboortedatum van het jongste kind in).',
      };
    return null;
  }
  if (stand.stand !== 'lopend')
    return { veld: 'soort', melding: 'De ontheffing loopt op die datum niet: er valt niets op te schorten.' };
  return null;
}

/** The youngest child's date of birth as last recorded on or before `datum`. */
export function negenAKindOp(o: NegenAInvoer, datum: IsoDatum): IsoDatum {
  let kind = o.geboortedatumKind;
  for (const g of [...(o.gebeurtenissen ?? [])].sort((a, b) => (a.datum < b.datum ? -1 : 1)))
    if (g.datum <= datum && g.soort === 'hervatting' && g.geboortedatumKind) kind = g.geboortedatumKind;
  return kind;
}

/** Lid 7: the plan van aanpak is due within six months after the request was received. */
export const planVanAanpakUiterlijk = (verzoekdatum: IsoDatum): IsoDatum => plusMaanden(verzoekdatum, 6);

/** Lid 8: every six months after the plan van aanpak (or the latest re-examination) a re-examination. */
export const volgendHeronderzoek = (planVanAanpakOp: IsoDatum, laatsteHeronderzoekOp?: IsoDatum | null) =>
  plusMaanden(
    laatsteHeronderzoekOp && laatsteHeronderzoekOp > planVanAanpakOp
      ? laatsteHeronderzoekOp
      : planVanAanpakOp,
    6,
  );

/** `4 jaar, 2 maanden en 3 dagen` */
export function formatDuur(d: Kalenderduur): string {
  const jaren = Math.floor(d.maanden / 12);
  const maanden = d.maanden % 12;
  const delen = [
    jaren > 0 ? `${jaren} jaar` : null,
    maanden > 0 ? `${maanden} ${maanden === 1 ? 'maand' : 'maanden'}` : null,
    d.dagen > 0 ? `${d.dagen} ${d.dagen === 1 ? 'dag' : 'dagen'}` : null,
  ].filter((x): x is string => x !== null);
  if (delen.length === 0) return '0 dagen';
  return delen.length === 1 ? delen[0]! : `${delen.slice(0, -1).join(', ')} en ${delen.at(-1)}`;
}
