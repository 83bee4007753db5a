/**
 * The signal rules as a pure function (no I/O): from the facts of one social service and today's date, the
 * signals that should exist. The service stores each once (one per recipient, kind and cause), so running the
 * rules every day is idempotent. Texts name the client (staff only) and never hold a BSN.
 */

import { paths } from '../../web/paths.ts';
import { formatDatumNl, plusDagen } from '../klanten/index.ts';

export const SOORTEN = [
  'evaluatie-nadert',
  'einde-nadert',
  'geen-uren',
  'ontheffing-eindigt',
  'intervisie-wacht',
  'toetsing-blijft-liggen',
  'geen-medewerking',
  'uren-wijken-af',
  'plan-van-aanpak-9a',
  'heronderzoek-9a',
  'opnieuw-besluiten',
  'herbeoordelen-verdringing',
  'herbeoordelen-werk',
  'oplegging-wacht',
  'incident-patroon',
  'maatregel-heroverwegen',
] as const;
export type Soort = (typeof SOORTEN)[number];

export const SOORT_NAMEN: Record<Soort, string> = {
  'evaluatie-nadert': 'Evaluatie over 2 weken',
  'einde-nadert': 'Einde over 4 weken',
  'geen-uren': 'Geen uren in 3 weken',
  'ontheffing-eindigt': 'Ontheffing eindigt',
  'intervisie-wacht': 'Intervisie wacht',
  'toetsing-blijft-liggen': 'Toetsing ligt stil',
  'geen-medewerking': 'Geen medewerking',
  'uren-wijken-af': 'Uren wijken af',
  'plan-van-aanpak-9a': 'Plan van aanpak alleenstaande ouder',
  'heronderzoek-9a': 'Heronderzoek alleenstaande ouder',
  'opnieuw-besluiten': 'Opnieuw besluiten',
  'herbeoordelen-verdringing': 'Plaatsing herbeoordelen: verdringing',
  'herbeoordelen-werk': 'Plaatsing herbeoordelen: werk of re-integratie',
  'oplegging-wacht': 'Voornemen tot opleggen wacht',
  'incident-patroon': 'Patroon van incidenten',
  'maatregel-heroverwegen': 'Maatregel heroverwegen',
};

/** The default margin (percent of the agreed hours per week) before a week's hours raise `uren-wijken-af`. */
export const STANDAARD_UREN_MARGE_PROCENT = 25;

/** Settings of the rules (configuration). */
export interface SignaalInstellingen {
  /** How far a finished week's hours may differ from the agreed hours per week, in percent. */
  urenMargeProcent: number;
}

/** The windows of the rules, in days. */
export const TERMIJNEN = {
  evaluatie: 14,
  einde: 28,
  geenUren: 21,
  ontheffing: 28,
  toetsing: 14,
  /** Art. 9a lid 7 and 8: the plan van aanpak and each re-examination, this long before they are due. */
  negenA: 28,
  /** Art. 18 lid 3: a measure's reconsideration, this long before it is due. */
  heroverweging: 28,
} as const;

export interface TegenprestatieFeit {
  id: string;
  klantId: string;
  gemeenteId: string;
  klantNaam: string;
  klantmanagerId: string | null;
  status: string;
  startdatum: string | null;
  einddatum: string | null;
  evaluatiedata: string[];
  /** `toetsing`: the day it entered toetsing. */
  inToetsingSinds?: string | null;
  /** `lopend`: the latest day with hours. */
  laatsteUren?: string | null;
  /** `lopend`: the agreed hours per week. */
  urenPerWeek?: number | null;
  /** `lopend`: the registrations of the last finished week (Monday to Sunday before today's week). */
  vorigeWeek?: { maandag: string; uren: number; dagen: number; afwezig: boolean } | null;
  /**
   * `overeengekomen` and `lopend`: why the placement needs review (tegenprestaties `herbeoordelingRedenen`; the
   * cause is stable per reason, so each is signalled once).
   */
  herbeoordeling?: ReadonlyArray<{
    soort: 'verdringing' | 'twijfel' | 'werk' | 'reintegratie';
    oorzaak: string;
    tekst: string;
  }>;
}

export interface OntheffingFeit {
  id: string;
  klantId: string;
  gemeenteId: string;
  klantNaam: string;
  klantmanagerId: string | null;
  /** The first day without the exemption as things stand (art. 9a: the end of the running period). */
  einddatum: string | null;
  /** Art. 9a only (the exemption is granted: running or suspended). */
  negenA?: {
    /** Lid 7: six months after the request; null when no request date was recorded. */
    planVanAanpakUiterlijk: string | null;
    planVanAanpakOp: string | null;
    /** Lid 8: six months after the plan or the latest re-examination. */
    volgendHeronderzoek: string | null;
    /** False while the exemption is suspended (art. 9a lid 5): then neither lid 7 nor lid 8 is signalled. */
    lopend: boolean;
  } | null;
}

export interface IntervisieFeit {
  id: string;
  activiteitTitel: string;
  /** The activity's municipalities; for a placement's doubt the placement's municipality. */
  gemeenteIds: string[];
  /** A caseworker's doubt about one placement (not the activity's assessment). */
  plaatsing?: boolean;
}

/** A decided measure whose reconsideration (art. 18 lid 3 Pw) is not yet determined (issue 15). */
export interface MaatregelFeit {
  id: string;
  tegenprestatieId: string;
  klantId: string;
  gemeenteId: string;
  klantNaam: string;
  /** Who prepared it (the proposer, else who recorded the intention); null: the municipality's team leads. */
  voorbereider: string | null;
  /** The decision date plus three calendar months. */
  heroverwegingUiterlijk: string;
}

export interface SignaalFeiten {
  tegenprestaties: TegenprestatieFeit[];
  ontheffingen: OntheffingFeit[];
  intervisies: IntervisieFeit[];
  /** Decided measures not yet reconsidered (absent: none). */
  maatregelen?: MaatregelFeit[];
  /** Active team leads per municipality. */
  teamleiders: Record<string, string[]>;
}

export interface NieuwSignaal {
  gebruikerId: string;
  gemeenteId: string;
  soort: Soort;
  oorzaak: string;
  klantId: string | null;
  tekst: string;
  link: string;
  /** The day the signal is about (evaluation, end), if any. */
  datum: string | null;
}

const paden = {
  ontwerp: paths.tegenprestatie,
  uitvoering: (id: string) => `${paths.tegenprestatie(id)}/uitvoering`,
  verplichtingen: paths.klantVerplichtingen,
  intervisie: paths.intervisie,
};

const urenNl = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 2 });

/** The Monday of the week before the week of `iso`: the last finished week. */
export function vorigeMaandag(iso: string): string {
  const dag = new Date(`${iso}T12:00:00Z`).getUTCDay();
  return plusDagen(iso, -((dag + 6) % 7) - 7);
}

/**
 * Does a finished week of a running placement call for `uren-wijken-af`? Only a week that lies wholly in the
 * period, has registrations and no absence (an absence explains a difference; a week without any registration is
 * the `geen-uren` signal's business), compared with the agreed hours: strictly beyond the margin.
 */
export function urenWijkenAf(t: TegenprestatieFeit, margeProcent: number): boolean {
  const w = t.vorigeWeek;
  const afgesproken = t.urenPerWeek ?? null;
  if (!w || afgesproken === null || afgesproken <= 0 || w.dagen === 0 || w.afwezig) return false;
  if (!t.startdatum || w.maandag < t.startdatum) return false;
  if (t.einddatum && plusDagen(w.maandag, 6) > t.einddatum) return false;
  return Math.abs(w.uren - afgesproken) * 100 > afgesproken * margeProcent;
}

/**
 * The signals the facts call for on `vandaag`. Pure; the order follows the facts. A signal only tells someone:
 * it never creates an incident, a measure or any other change by itself.
 */
export function bepaalSignalen(
  f: SignaalFeiten,
  vandaag: string,
  instellingen: SignaalInstellingen = { urenMargeProcent: STANDAARD_UREN_MARGE_PROCENT },
): NieuwSignaal[] {
  const uit: NieuwSignaal[] = [];
  const binnen = (d: string | null | undefined, dagen: number): d is string =>
    !!d && d >= vandaag && d <= plusDagen(vandaag, dagen);

  for (const t of f.tegenprestaties) {
    const km = t.klantmanagerId;
    const basis = { gemeenteId: t.gemeenteId, klantId: t.klantId };
    if (t.status === 'lopend' && km) {
      for (const d of t.evaluatiedata)
        if (binnen(d, TERMIJNEN.evaluatie))
          uit.push({
            ...basis,
            gebruikerId: km,
            soort: 'evaluatie-nadert',
            oorzaak: `${t.id}:${d}`,
            tekst: `Evaluatie van de tegenprestatie van ${t.klantNaam} op ${formatDatumNl(d)}.`,
            link: paden.uitvoering(t.id),
            datum: d,
          });
      if (binnen(t.einddatum, TERMIJNEN.einde))
        uit.push({
          ...basis,
          gebruikerId: km,
          soort: 'einde-nadert',
          oorzaak: `${t.id}:${t.einddatum}`,
          tekst: `De tegenprestatie van ${t.klantNaam} eindigt op ${formatDatumNl(t.einddatum)}. Plan het gesprek over het vervolg.`,
          link: paden.uitvoering(t.id),
          datum: t.einddatum,
        });
      const grens = plusDagen(vandaag, -TERMIJNEN.geenUren);
      const sinds = t.laatsteUren ?? t.startdatum;
      if (sinds && sinds <= grens)
        uit.push({
          ...basis,
          gebruikerId: km,
          soort: 'geen-uren',
          oorzaak: `${t.id}:${sinds}`,
          tekst: t.laatsteUren
            ? `Voor de tegenprestatie van ${t.klantNaam} zijn sinds ${formatDatumNl(sinds)} geen uren geregistreerd.`
            : `Voor de tegenprestatie van ${t.klantNaam} zijn sinds de start (${formatDatumNl(sinds)}) geen uren geregistreerd.`,
          link: paden.uitvoering(t.id),
          datum: sinds,
        });
      const w = t.vorigeWeek;
      if (w && urenWijkenAf(t, instellingen.urenMargeProcent))
        uit.push({
          ...basis,
          gebruikerId: km,
          soort: 'uren-wijken-af',
          oorzaak: `${t.id}:${w.maandag}`,
          tekst: `In de week van ${formatDatumNl(w.maandag)} staan voor de tegenprestatie van ${t.klantNaam} ${urenNl(w.uren)} uur; afgesproken is ${urenNl(t.urenPerWeek ?? 0)} uur per week. Bespreek het verschil met de klant.`,
          link: `${paden.uitvoering(t.id)}?week=${w.maandag}#uren`,
          datum: w.maandag,
        });
    }
    // Review needed (issue 14 part B): the activity's assessment no longer allows the placement, or the client
    // starts work or re-integration during it. One signal per cause for the placement's caseworker.
    if ((t.status === 'lopend' || t.status === 'overeengekomen') && km)
      for (const r of t.herbeoordeling ?? [])
        uit.push({
          ...basis,
          gebruikerId: km,
          soort:
            r.soort === 'werk' || r.soort === 'reintegratie'
              ? 'herbeoordelen-werk'
              : 'herbeoordelen-verdringing',
          oorzaak: `${t.id}:${r.oorzaak}`,
          tekst: `Herbeoordeel de tegenprestatie van ${t.klantNaam}. ${r.tekst}`,
          link: `${paden.uitvoering(t.id)}#herbeoordeling`,
          datum: null,
        });
    if (
      t.status === 'toetsing' &&
      km &&
      t.inToetsingSinds &&
      t.inToetsingSinds <= plusDagen(vandaag, -TERMIJNEN.toetsing)
    )
      uit.push({
        ...basis,
        gebruikerId: km,
        soort: 'toetsing-blijft-liggen',
        oorzaak: `${t.id}:${t.inToetsingSinds}`,
        tekst: `Het ontwerp van de tegenprestatie van ${t.klantNaam} staat sinds ${formatDatumNl(t.inToetsingSinds)} in toetsing.`,
        link: paden.ontwerp(t.id),
        datum: t.inToetsingSinds,
      });
    // An intention to impose waits for the client's view and a second person's approval (issue 15). The kind
    // `geen-medewerking` is no longer raised (the status is gone); stored ones stay as history.
    if (t.status === 'opleggen')
      for (const tl of f.teamleiders[t.gemeenteId] ?? [])
        uit.push({
          ...basis,
          gebruikerId: tl,
          soort: 'oplegging-wacht',
          oorzaak: t.id,
          tekst: `Voor ${t.klantNaam} ligt een voornemen tot opleggen van een tegenprestatie: zienswijze en uw akkoord.`,
          link: paden.ontwerp(t.id),
          datum: null,
        });
  }

  for (const o of f.ontheffingen)
    if (o.klantmanagerId && binnen(o.einddatum, TERMIJNEN.ontheffing))
      uit.push({
        gemeenteId: o.gemeenteId,
        klantId: o.klantId,
        gebruikerId: o.klantmanagerId,
        soort: 'ontheffing-eindigt',
        oorzaak: `${o.id}:${o.einddatum}`,
        tekst: `De ontheffing van ${o.klantNaam} eindigt op ${formatDatumNl(o.einddatum)}. Daarna kan de tegenprestatie weer gelden.`,
        link: paden.verplichtingen(o.klantId),
        datum: o.einddatum,
      });

  // Art. 9a lid 7: a plan van aanpak within six months after the request; lid 8: a re-examination every six
  // months after it (while the exemption runs). Signalled four weeks ahead, and kept when the date has passed.
  for (const o of f.ontheffingen) {
    const n = o.negenA;
    if (!n || !o.klantmanagerId) continue;
    const basis = { gemeenteId: o.gemeenteId, klantId: o.klantId, gebruikerId: o.klantmanagerId };
    const uiterlijk = plusDagen(vandaag, TERMIJNEN.negenA);
    // Neither signal while the exemption is suspended (art. 9a lid 5): the duties of lid 7 and 8 go with a running
    // exemption; on resumption (lid 6) the dates apply again.
    if (!n.lopend) continue;
    if (!n.planVanAanpakOp && n.planVanAanpakUiterlijk && n.planVanAanpakUiterlijk <= uiterlijk)
      uit.push({
        ...basis,
        soort: 'plan-van-aanpak-9a',
        oorzaak: `${o.id}:${n.planVanAanpakUiterlijk}`,
        tekst: `Stel uiterlijk ${formatDatumNl(n.planVanAanpakUiterlijk)} het plan van aanpak op voor ${o.klantNaam} (ontheffing alleenstaande ouder, art. 9a lid 7 Participatiewet).`,
        link: paden.verplichtingen(o.klantId),
        datum: n.planVanAanpakUiterlijk,
      });
    if (n.volgendHeronderzoek && n.volgendHeronderzoek <= uiterlijk)
      uit.push({
        ...basis,
        soort: 'heronderzoek-9a',
        oorzaak: `${o.id}:${n.volgendHeronderzoek}`,
        tekst: `Het heronderzoek van het plan van aanpak van ${o.klantNaam} is uiterlijk ${formatDatumNl(n.volgendHeronderzoek)} (art. 9a lid 8 Participatiewet).`,
        link: paden.verplichtingen(o.klantId),
        datum: n.volgendHeronderzoek,
      });
  }

  // Art. 18 lid 3: a decided measure is reconsidered within three months. Signalled four weeks ahead to whoever
  // prepared it (else the team leads), and kept when the date has passed, until the outcome is determined.
  for (const m of f.maatregelen ?? []) {
    if (m.heroverwegingUiterlijk > plusDagen(vandaag, TERMIJNEN.heroverweging)) continue;
    const ontvangers = m.voorbereider ? [m.voorbereider] : (f.teamleiders[m.gemeenteId] ?? []);
    for (const gebruikerId of ontvangers)
      uit.push({
        gemeenteId: m.gemeenteId,
        klantId: m.klantId,
        gebruikerId,
        soort: 'maatregel-heroverwegen',
        oorzaak: `${m.id}:${m.heroverwegingUiterlijk}`,
        tekst: `Heroverweeg uiterlijk ${formatDatumNl(m.heroverwegingUiterlijk)} de maatregel van ${m.klantNaam} (artikel 18 lid 3 Participatiewet) en leg de uitkomst vast.`,
        link: paths.tegenprestatieMaatregel(m.tegenprestatieId, m.id),
        datum: m.heroverwegingUiterlijk,
      });
  }

  for (const i of f.intervisies) {
    const gehad = new Set<string>();
    for (const g of i.gemeenteIds)
      for (const tl of f.teamleiders[g] ?? []) {
        if (gehad.has(tl)) continue;
        gehad.add(tl);
        uit.push({
          gemeenteId: g,
          klantId: null,
          gebruikerId: tl,
          soort: 'intervisie-wacht',
          oorzaak: i.id,
          tekst: i.plaatsing
            ? `Een intervisie over twijfel bij een plaatsing bij de activiteit "${i.activiteitTitel}" wacht op uw besluit.`
            : `Een intervisie over de activiteit "${i.activiteitTitel}" wacht op uw besluit.`,
          link: paden.intervisie(i.id),
          datum: null,
        });
      }
  }
  return uit;
}
