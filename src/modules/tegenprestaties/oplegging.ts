import type { IsoDatum } from '../klanten/index.ts';

/**
 * Imposing a tailored design the client does not want (issue 15, section 1), as pure rules (no I/O; table-tested
 * in `oplegging.test.ts`). Sources (domain.md §1.1, §1.2 and the additions of 2026-12-07; docs/dwang.md):
 * - Pw art. 9 lid 1 onder c binds only to the tegenprestatie the college has ordered: refusing the design breaks
 *   nothing yet. The route is a decision imposing a tailored design, after the client was heard.
 * - Awb 4:8: the client gives their view (zienswijze) on the intended decision; Awb 4:11 lists when that may be
 *   skipped (a closed list); Awb 3:46: the decision's reasons answer the view.
 * - The guideline's "convinced" becomes, for the client, "heard, and answered in the reasons".
 * - A good reason (health, care duties, it hinders work) makes the design unsuitable: it goes back to `ontwerp`.
 */

/** The kinds of reason a client gives for not wanting the design. */
export const REDEN_CATEGORIEEN = ['gezondheid', 'zorgtaken', 'belemmert-werk', 'anders'] as const;
export type RedenCategorie = (typeof REDEN_CATEGORIEEN)[number];
export const REDEN_CATEGORIE_NAMEN: Record<RedenCategorie, string> = {
  gezondheid: 'Gezondheid',
  zorgtaken: 'Zorgtaken',
  'belemmert-werk': 'Het belemmert (het zoeken naar) werk',
  anders: 'Iets anders',
};

/** One reason of the client, and the caseworker's judgment of it. */
export interface KlantReden {
  /** The reason in the client's words. */
  tekst: string;
  categorie: RedenCategorie;
  /** Does this reason make the design unsuitable (a good reason)? */
  maaktOngeschikt: boolean;
  /** Why it does, or why it does not make the design unsuitable. */
  beoordeling: string;
  /** Given before the intention, or in the client's view on it. */
  bron: 'voornemen' | 'zienswijze';
}

/** What was done before imposing: an alternative offered, or the team lead's advice asked. */
export const ALTERNATIEF_SOORTEN = ['alternatief-aangeboden', 'advies-teamleider'] as const;
export type AlternatiefSoort = (typeof ALTERNATIEF_SOORTEN)[number];
export const ALTERNATIEF_NAMEN: Record<AlternatiefSoort, string> = {
  'alternatief-aangeboden': 'Een andere tegenprestatie aangeboden',
  'advies-teamleider': 'Advies van de teamleider gevraagd',
};

/** How the client gave their view on the intended decision (Awb 4:8). */
export const ZIENSWIJZE_VORMEN = ['schriftelijk', 'telefonisch', 'gesprek'] as const;
export type ZienswijzeVorm = (typeof ZIENSWIJZE_VORMEN)[number];
export const ZIENSWIJZE_VORM_NAMEN: Record<ZienswijzeVorm, string> = {
  schriftelijk: 'Schriftelijk',
  telefonisch: 'Telefonisch',
  gesprek: 'In een gesprek',
};

/** The closed list of Awb 4:11: when the hearing may be left out (each needs reasons). */
export const AWB_4_11_GRONDEN = ['spoed', 'eerder-gehoord', 'doel-vereist-onwetendheid'] as const;
export type Awb411Grond = (typeof AWB_4_11_GRONDEN)[number];
export const AWB_4_11_NAMEN: Record<Awb411Grond, string> = {
  spoed: 'Artikel 4:11 onder a Awb: de vereiste spoed verzet zich tegen horen',
  'eerder-gehoord':
    'Artikel 4:11 onder b Awb: de klant kon eerder zijn zienswijze geven en er zijn sindsdien geen nieuwe feiten of omstandigheden',
  'doel-vereist-onwetendheid':
    'Artikel 4:11 onder c Awb: het doel van het besluit is alleen te bereiken als de klant het niet vooraf weet',
};

export type Fouten = Record<string, string>;

const gevuld = (s: string | null | undefined): boolean => typeof s === 'string' && s.trim() !== '';

export interface VoornemenInvoer {
  /** Does the ordinance in force on the start date impose the tegenprestatie? (Bergdorp: no.) */
  gemeenteLegtOp: boolean;
  /** The checklist: tailored (every other MOET, caseworker and host convinced, the client's view "nee"). */
  opMaat: boolean;
  redenen: ReadonlyArray<Omit<KlantReden, 'bron'>>;
  alternatief: { soort: AlternatiefSoort | null; toelichting: string | null };
  /** Was the team lead's advice asked on this design (a recorded question)? */
  adviesGevraagd: boolean;
}

export interface VoornemenOordeel {
  fouten: Fouten;
  /** The first reason judged good (it makes the design unsuitable): the design stays in / goes back to ontwerp. */
  goedeReden: number | null;
}

/**
 * May the caseworker record the intention to impose this design? Refused (per field, Dutch): a municipality that
 * only offers; a design that is not tailored; no reason of the client; a reason without its judgment; neither an
 * alternative offered nor the team lead's advice asked. A reason judged good is reported as `goedeReden`: no
 * intention, the design must change.
 */
export function beoordeelVoornemen(i: VoornemenInvoer): VoornemenOordeel {
  const fouten: Fouten = {};
  if (!i.gemeenteLegtOp)
    fouten.formulier =
      'In deze gemeente biedt het college de tegenprestatie alleen aan: meedoen is vrijwillig. Opleggen kan niet.';
  else if (!i.opMaat)
    fouten.formulier =
      'Opleggen kan alleen bij een ontwerp dat op maat is: alle andere MOET-punten in orde, de WENSELIJK-punten in orde of met een reden, klantmanager en organisatie overtuigd en de mening van de klant (niet overtuigd) vastgelegd.';
  if (i.redenen.length === 0)
    fouten.redenen = 'Leg minstens één reden vast die de klant geeft om dit ontwerp niet te willen.';
  i.redenen.forEach((r, n) => {
    if (!gevuld(r.tekst)) fouten[`redenen.${n}.tekst`] = `Reden ${n + 1}: schrijf op wat de klant zegt.`;
    if (!gevuld(r.beoordeling))
      fouten[`redenen.${n}.beoordeling`] = r.maaktOngeschikt
        ? `Reden ${n + 1}: schrijf op waarom deze reden het ontwerp ongeschikt maakt.`
        : `Reden ${n + 1}: schrijf op waarom deze reden het ontwerp niet ongeschikt maakt.`;
  });
  if (!i.alternatief.soort)
    fouten['alternatief.soort'] =
      'Kies wat u heeft gedaan: een andere tegenprestatie aangeboden, of de teamleider om advies gevraagd.';
  else if (i.alternatief.soort === 'alternatief-aangeboden' && !gevuld(i.alternatief.toelichting))
    fouten['alternatief.toelichting'] =
      'Beschrijf welke andere tegenprestatie u heeft aangeboden en wat de klant ervan vond.';
  else if (i.alternatief.soort === 'advies-teamleider' && !i.adviesGevraagd)
    fouten['alternatief.soort'] =
      'Er is bij dit ontwerp geen advies aan de teamleider gevraagd. Vraag eerst advies, of bied een andere tegenprestatie aan.';
  const goed = i.redenen.findIndex((r) => r.maaktOngeschikt);
  return { fouten, goedeReden: goed === -1 ? null : goed };
}

export type ZienswijzeInvoer =
  | {
      soort: 'zienswijze';
      vorm: ZienswijzeVorm | null;
      datum: IsoDatum | null;
      inhoud: string | null;
      beantwoording: string | null;
    }
  | { soort: 'awb-4-11'; grond: Awb411Grond | null; motivering: string | null; beantwoording?: null };

/**
 * The client's view on the intended decision, or the ground for not asking it. A view needs its form, its date
 * (not in the future and not before the intention was recorded: a view on the intention) and what the client said,
 * and the answer the decision's reasons will give to it. A ground must come from the closed list of Awb 4:11 and
 * carry reasons.
 */
export function beoordeelZienswijze(
  i: ZienswijzeInvoer,
  opts: { vandaag: IsoDatum; voornemenDatum: IsoDatum },
): Fouten {
  const fouten: Fouten = {};
  if (i.soort === 'zienswijze') {
    if (!i.vorm)
      fouten.vorm = 'Kies hoe de klant zijn zienswijze gaf: schriftelijk, telefonisch of in een gesprek.';
    if (!i.datum) fouten.datum = 'Vul de datum van de zienswijze in.';
    else if (i.datum > opts.vandaag) fouten.datum = 'De datum van de zienswijze ligt in de toekomst.';
    else if (i.datum < opts.voornemenDatum)
      fouten.datum =
        'De zienswijze gaat over het voornemen, en ligt dus niet vóór de dag waarop het voornemen is vastgelegd.';
    if (!gevuld(i.inhoud)) fouten.inhoud = 'Schrijf op wat de klant naar voren bracht.';
    if (!gevuld(i.beantwoording))
      fouten.beantwoording =
        'Schrijf op hoe het besluit op de zienswijze ingaat: het besluit moet de zienswijze beantwoorden (artikel 3:46 Awb).';
  } else {
    if (!i.grond)
      fouten.grond =
        'Kies de grond uit artikel 4:11 Awb waarom de klant niet is gehoord. Een andere grond is er niet.';
    if (!gevuld(i.motivering))
      fouten.motivering = 'Motiveer waarom deze grond uit artikel 4:11 Awb hier geldt.';
  }
  return fouten;
}

/**
 * May this person approve the intention? Only with the client's view or an Awb 4:11 ground recorded, and never the
 * person who recorded the intention or the view (four eyes). A refusal (sending it back) needs a reason.
 */
export function beoordeelAkkoord(i: {
  doorId: string | null;
  voornemenDoorId: string | null;
  zienswijzeDoorId: string | null;
  zienswijzeVastgelegd: boolean;
  akkoord: boolean;
  toelichting: string | null;
}): Fouten {
  const fouten: Fouten = {};
  if (i.doorId === null || i.doorId === i.voornemenDoorId || i.doorId === i.zienswijzeDoorId)
    fouten.formulier =
      'U heeft het voornemen of de zienswijze zelf vastgelegd. Een tweede persoon (teamleider) beoordeelt het.';
  else if (i.akkoord && !i.zienswijzeVastgelegd)
    fouten.formulier =
      'Leg eerst de zienswijze van de klant vast, of de grond uit artikel 4:11 Awb om de klant niet te horen.';
  if (!i.akkoord && !gevuld(i.toelichting))
    fouten.toelichting = 'Schrijf op waarom het voornemen terug gaat naar ontwerp.';
  return fouten;
}
