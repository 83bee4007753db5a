/**
 * Review needed (herbeoordeling) of an agreed or running placement: a pure rule, no I/O. Nothing is stored: the
 * reasons follow from the data each time they are asked (the activity's displacement assessment today, the
 * client's recorded work and re-integration). The signals job raises one signal per reason (`oorzaak`), so a
 * reason is signalled once however often the job runs, and a new cause (a new assessment, another start date)
 * is signalled again.
 *
 * Sources: the guideline tegenprestatie (no displacement of paid work, MOET; paid work and re-integration come
 * first, MOET 1 — policy, not statute) and domain.md §3. In an imposing municipality the review ends in a changed
 * or revoked decision (the running phase); this rule only says that, and why, a review is needed.
 */

import { formatDatumNl } from '../klanten/index.ts';
import type { ToetsStatus } from '../netwerk/index.ts';
import type { Status } from './statusmachine.ts';

export const HERBEOORDELING_SOORTEN = ['verdringing', 'twijfel', 'werk', 'reintegratie'] as const;
export type HerbeoordelingSoort = (typeof HERBEOORDELING_SOORTEN)[number];

export interface HerbeoordelingReden {
  soort: HerbeoordelingSoort;
  /** Stable key of the cause within the placement (the signal's cause is `placement id:oorzaak`). */
  oorzaak: string;
  /** Why, in Dutch (staff only; never a BSN). */
  tekst: string;
}

export interface HerbeoordelingInvoer {
  plaatsing: { status: Status; startdatum: string | null; einddatum: string | null };
  /** The placement's activity and the status of its latest assessment today (null: no activity). */
  activiteit: {
    titel: string;
    toetsStatus: ToetsStatus;
    verdringingstoetsId: string | null;
  } | null;
  /** The client's recorded paid work and re-integration (any start date; the rule picks those in the period). */
  werk: ReadonlyArray<{ begindatum: string | null; omschrijving: string | null }>;
  reintegratie: ReadonlyArray<{ begindatum: string; omschrijving: string | null }>;
  /** Doubts raised about this placement and taken to intervision (open or decided). */
  twijfels?: ReadonlyArray<{ intervisieId: string; besluit: string | null; motivering: string | null }>;
}

/** The statuses a review applies to: agreed (not yet started) and running placements. */
export const TE_HERBEOORDELEN: readonly Status[] = ['overeengekomen', 'lopend'];

const VERDRINGING_TEKST: Partial<Record<ToetsStatus, string>> = {
  verdringing: 'uit de verdringingstoets blijkt verdringing van betaald werk',
  verlopen:
    'de verdringingstoets is verlopen of vervallen (12 maanden voorbij, of de activiteit of organisatie is wezenlijk veranderd)',
  'niet-toegestaan': 'na intervisie heeft de teamleider besloten dat de activiteit niet mag',
};

/**
 * Why an agreed or running placement needs a review, oldest cause first; empty when it does not (or when the
 * placement is not agreed or running).
 *
 * - Displacement: the activity's latest assessment concluded `verdringing`, lapsed, or was not allowed after
 *   intervision (the same statuses `keuzeWeigering` refuses at the door). The cause is the assessment and its
 *   status, so a new assessment that again fails is a new cause.
 * - Work and re-integration come first: work or a trajectory that starts **after** the placement's start date and
 *   on or before its end date (as `latereBotsingen` at the checklist; what started before was judged then). The
 *   cause is the kind and the start date (the client file replaces its lists whole, so row ids are not stable).
 */
export function herbeoordelingRedenen(i: HerbeoordelingInvoer): HerbeoordelingReden[] {
  const p = i.plaatsing;
  if (!TE_HERBEOORDELEN.includes(p.status)) return [];
  const uit: HerbeoordelingReden[] = [];
  const a = i.activiteit;
  const waarom = a ? VERDRINGING_TEKST[a.toetsStatus] : undefined;
  if (a && waarom)
    uit.push({
      soort: 'verdringing',
      oorzaak: `verdringing:${a.verdringingstoetsId ?? 'geen'}:${a.toetsStatus}`,
      tekst: `Bij de activiteit "${a.titel}" ${waarom}. Beoordeel of de tegenprestatie door kan gaan.`,
    });
  // A caseworker's doubt about this placement that the team lead, after intervision, did not allow. An open doubt
  // is not a reason yet (the caseworker raised it and the page shows it waiting); allowed ones are settled.
  for (const t of i.twijfels ?? [])
    if (t.besluit === 'niet-toegestaan')
      uit.push({
        soort: 'twijfel',
        oorzaak: `twijfel:${t.intervisieId}`,
        tekst: `Na intervisie over de gemelde twijfel heeft de teamleider besloten dat deze plaatsing niet door kan gaan${t.motivering ? `: ${t.motivering.trim().replace(/[.!?]+$/, '')}` : ''}.`,
      });
  const start = p.startdatum;
  if (!start) return uit;
  const binnen = (d: string | null): d is string =>
    d !== null && d > start && (p.einddatum === null || d <= p.einddatum);
  const later: HerbeoordelingReden[] = [];
  const gezien = new Set<string>();
  const voeg = (soort: 'werk' | 'reintegratie', begindatum: string, omschrijving: string | null) => {
    const oorzaak = `${soort}:${begindatum}`;
    if (gezien.has(oorzaak)) return;
    gezien.add(oorzaak);
    const wat =
      soort === 'werk'
        ? `begint de klant met betaald werk${omschrijving ? ` (${omschrijving})` : ''}`
        : `begint de re-integratie van de klant${omschrijving ? ` (${omschrijving})` : ''}`;
    later.push({
      soort,
      oorzaak,
      tekst: `Op ${formatDatumNl(begindatum)} ${wat}, tijdens de tegenprestatie. Werk en re-integratie gaan voor: beoordeel of de tegenprestatie moet worden aangepast of beëindigd.`,
    });
  };
  for (const w of i.werk) if (binnen(w.begindatum)) voeg('werk', w.begindatum, w.omschrijving);
  for (const r of i.reintegratie)
    if (binnen(r.begindatum)) voeg('reintegratie', r.begindatum, r.omschrijving);
  later.sort((x, y) => (x.oorzaak.split(':')[1] as string).localeCompare(y.oorzaak.split(':')[1] as string));
  return [...uit, ...later];
}
