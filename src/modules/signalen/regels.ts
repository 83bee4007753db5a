/**
 * The signal rules as a pure function (no I/O): from the facts of one social service and today's date, the
 * signals that should exist. The service stores each once (one per recipient, kind and cause), so running the
 * rules every day is idempotent. Texts name the client (staff only) and never hold a BSN.
 */

import { paths } from '../../web/paths.ts';

export const SOORTEN = [
  'evaluatie-nadert',
  'einde-nadert',
  'geen-uren',
  'ontheffing-eindigt',
  'intervisie-wacht',
  'toetsing-blijft-liggen',
  'geen-medewerking',
  'opnieuw-besluiten',
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
  'opnieuw-besluiten': 'Opnieuw besluiten',
};

/** The windows of the rules, in days. */
export const TERMIJNEN = {
  evaluatie: 14,
  einde: 28,
  geenUren: 21,
  ontheffing: 28,
  toetsing: 14,
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
}

export interface OntheffingFeit {
  id: string;
  klantId: string;
  gemeenteId: string;
  klantNaam: string;
  klantmanagerId: string | null;
  einddatum: string | null;
}

export interface IntervisieFeit {
  id: string;
  activiteitTitel: string;
  gemeenteIds: string[];
}

export interface SignaalFeiten {
  tegenprestaties: TegenprestatieFeit[];
  ontheffingen: OntheffingFeit[];
  intervisies: IntervisieFeit[];
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

/** `iso` plus `n` days (UTC noon, so no daylight-saving surprises). */
export function plusDagen(iso: string, n: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const MAANDEN = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const datumNl = (iso: string) => {
  const [j, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MAANDEN[m - 1]} ${j}`;
};

const paden = {
  ontwerp: paths.tegenprestatie,
  uitvoering: (id: string) => `${paths.tegenprestatie(id)}/uitvoering`,
  verplichtingen: paths.klantVerplichtingen,
  intervisie: paths.intervisie,
};

/** The signals the facts call for on `vandaag`. Pure; the order follows the facts. */
export function bepaalSignalen(f: SignaalFeiten, vandaag: string): NieuwSignaal[] {
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
            tekst: `Evaluatie van de tegenprestatie van ${t.klantNaam} op ${datumNl(d)}.`,
            link: paden.uitvoering(t.id),
            datum: d,
          });
      if (binnen(t.einddatum, TERMIJNEN.einde))
        uit.push({
          ...basis,
          gebruikerId: km,
          soort: 'einde-nadert',
          oorzaak: `${t.id}:${t.einddatum}`,
          tekst: `De tegenprestatie van ${t.klantNaam} eindigt op ${datumNl(t.einddatum)}. Plan het gesprek over het vervolg.`,
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
            ? `Voor de tegenprestatie van ${t.klantNaam} zijn sinds ${datumNl(sinds)} geen uren geregistreerd.`
            : `Voor de tegenprestatie van ${t.klantNaam} zijn sinds de start (${datumNl(sinds)}) geen uren geregistreerd.`,
          link: paden.uitvoering(t.id),
          datum: sinds,
        });
    }
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
        tekst: `Het ontwerp van de tegenprestatie van ${t.klantNaam} staat sinds ${datumNl(t.inToetsingSinds)} in toetsing.`,
        link: paden.ontwerp(t.id),
        datum: t.inToetsingSinds,
      });
    if (t.status === 'geen-medewerking')
      for (const tl of f.teamleiders[t.gemeenteId] ?? [])
        uit.push({
          ...basis,
          gebruikerId: tl,
          soort: 'geen-medewerking',
          oorzaak: t.id,
          tekst: `Voor ${t.klantNaam} is geen medewerking aan een tegenprestatie vastgelegd.`,
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
        tekst: `De ontheffing van ${o.klantNaam} eindigt op ${datumNl(o.einddatum)}. Daarna kan de tegenprestatie weer gelden.`,
        link: paden.verplichtingen(o.klantId),
        datum: o.einddatum,
      });

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
          tekst: `Een intervisie over de activiteit "${i.activiteitTitel}" wacht op uw besluit.`,
          link: paden.intervisie(i.id),
          datum: null,
        });
      }
  }
  return uit;
}
