import {
  type ActiviteitStatus,
  type Antwoord,
  type Besluit,
  CONCLUSIE_NAMEN,
  type Conclusie,
  ORGANISATIE_STATUS_NAMEN,
  type OrganisatieStatus,
  type OrganisatieType,
} from './keuzelijsten.ts';

/**
 * The displacement assessment (verdringingstoets): pure rules, no I/O.
 *
 * No official national checklist exists; this one follows the synthesis in the domain research (§3.2): ask per
 * activity and host, keep each answer with its evidence, and re-check after 12 months or when the host or the
 * activity changes materially. The checklist gives an *advice*; the assessor concludes, never more mildly than
 * the advice. Doubt goes to intervision, where the team lead decides (guideline SITUATIONEEL 6).
 */

export type VraagId =
  | 'betaalde-krachten'
  | 'vacature'
  | 'bezuiniging'
  | 'aanvullend'
  | 'vervanging'
  | 'concurrentie'
  | 'omvang';

export interface Vraag {
  id: VraagId;
  /** A few words: what the question is about. */
  onderwerp: string;
  /** The question, in plain Dutch. */
  tekst: string;
  /** Helps the assessor: what to look at. */
  uitleg: string;
  /** The answer that signals a risk. */
  risicoBij: 'ja' | 'nee';
  /** A risk answer here means displacement outright. */
  blokkeert?: boolean;
  /** May be answered "niet van toepassing" (only for a host that is not a commercial company). */
  alleenCommercieel?: boolean;
}

export const VRAGEN: readonly Vraag[] = [
  {
    id: 'betaalde-krachten',
    onderwerp: 'Betaalde krachten',
    tekst:
      'Zou dit werk anders gedaan worden door betaalde medewerkers, uitzendkrachten, oproepkrachten of ingehuurde bedrijven? Of deden zij dit werk in de afgelopen 12 maanden?',
    uitleg: 'Vraag wie dit werk nu doet en wie het vorig jaar deed.',
    risicoBij: 'ja',
  },
  {
    id: 'vacature',
    onderwerp: 'Vacature',
    tekst: 'Heeft de organisatie een open vacature voor vergelijkbaar werk, of had zij die kort geleden?',
    uitleg: 'Kijk ook op de website van de organisatie en op vacaturesites.',
    risicoBij: 'ja',
  },
  {
    id: 'bezuiniging',
    onderwerp: 'Bezuiniging',
    tekst:
      'Heeft de organisatie in de afgelopen 12 maanden minder mensen, uren of overwerk ingezet voor vergelijkbaar werk, of is zij dat van plan?',
    uitleg: 'Bijvoorbeeld een reorganisatie, een vacaturestop of minder budget.',
    risicoBij: 'ja',
  },
  {
    id: 'aanvullend',
    onderwerp: 'Aanvullend werk',
    tekst:
      'Is het werk aanvullend? Dat wil zeggen: werk dat anders niet of minder zou gebeuren, naast of in aanvulling op het reguliere werk, en niet nodig voor de kerntaak van de organisatie.',
    uitleg: 'Structureel werk dat de organisatie nodig heeft om haar dienst te leveren, is een risico.',
    risicoBij: 'nee',
  },
  {
    id: 'vervanging',
    onderwerp: 'Invallen of een vacature opvullen',
    tekst:
      'Zou de deelnemer invallen bij ziekte of vakantie, of een gat opvullen totdat er iemand is aangenomen?',
    uitleg: 'Invallen of een vacature opvullen mag nooit.',
    risicoBij: 'ja',
    blokkeert: true,
  },
  {
    id: 'concurrentie',
    onderwerp: 'Oneerlijke concurrentie',
    tekst:
      'Is de organisatie een commercieel bedrijf? Zo ja: geeft het werk van de deelnemer haar een voordeel op andere bedrijven (oneerlijke concurrentie)?',
    uitleg: 'Bij een organisatie die geen commercieel bedrijf is, kiest u "Niet van toepassing".',
    risicoBij: 'ja',
    alleenCommercieel: true,
  },
  {
    id: 'omvang',
    onderwerp: 'Uren, duur en ruimte voor betaald werk',
    tekst:
      'Blijven de uren en de duur binnen de grenzen van de verordening, en houdt de deelnemer tijd en ruimte over om betaald werk te zoeken en aan te nemen?',
    uitleg: 'De tegenprestatie mag betaald werk of re-integratie nooit in de weg staan.',
    risicoBij: 'nee',
  },
];

export const VRAAG_IDS = VRAGEN.map((v) => v.id);

export interface ToetsAntwoord {
  vraag: VraagId;
  antwoord: Antwoord;
  /** The evidence: what was checked and with whom. */
  toelichting: string;
}

export interface Advies {
  advies: Conclusie;
  /** Why, in Dutch, one line per signal. */
  redenen: string[];
}

const ERNST: Record<Conclusie, number> = { 'geen-risico': 0, twijfel: 1, verdringing: 2 };

const antwoordOp = (antwoorden: readonly ToetsAntwoord[], id: VraagId): Antwoord | undefined =>
  antwoorden.find((a) => a.vraag === id)?.antwoord;

const KORT: Record<VraagId, string> = {
  'betaalde-krachten': 'Het werk wordt (of werd) door betaalde krachten gedaan.',
  vacature: 'Er is (of was kort geleden) een vacature voor vergelijkbaar werk.',
  bezuiniging: 'De organisatie heeft bezuinigd op vergelijkbaar werk, of is dat van plan.',
  aanvullend: 'Het werk is niet aanvullend: het is structureel nodig voor de kerntaak.',
  vervanging: 'De deelnemer zou invallen of een vacature opvullen.',
  concurrentie: 'Het werk geeft een commercieel bedrijf een voordeel op andere bedrijven.',
  omvang: 'De uren of de duur passen niet, of het werk staat betaald werk in de weg.',
};

/**
 * The checklist's advice. Displacement when the participant would stand in for staff, or when the work is done
 * by paid staff and there is a vacancy or a cut in similar work; doubt on any other risk answer or any "weet ik
 * niet"; otherwise no risk. Missing answers count as "weet ik niet".
 */
export function bepaalAdvies(antwoorden: readonly ToetsAntwoord[]): Advies {
  const redenen: string[] = [];
  let advies: Conclusie = 'geen-risico';
  const verhoog = (c: Conclusie) => {
    if (ERNST[c] > ERNST[advies]) advies = c;
  };
  for (const v of VRAGEN) {
    const a = antwoordOp(antwoorden, v.id) ?? 'weet-niet';
    if (a === 'weet-niet') {
      redenen.push(`Nog niet bekend: ${v.onderwerp.toLowerCase()}.`);
      verhoog('twijfel');
    } else if (a === v.risicoBij) {
      redenen.push(KORT[v.id]);
      verhoog(v.blokkeert ? 'verdringing' : 'twijfel');
    }
  }
  const betaald = antwoordOp(antwoorden, 'betaalde-krachten') === 'ja';
  if (
    betaald &&
    (antwoordOp(antwoorden, 'vacature') === 'ja' || antwoordOp(antwoorden, 'bezuiniging') === 'ja')
  ) {
    redenen.push('Betaald werk samen met een vacature of bezuiniging: dit werk verdringt betaald werk.');
    verhoog('verdringing');
  }
  if (redenen.length === 0) redenen.push('Geen enkel antwoord wijst op verdringing.');
  return { advies, redenen };
}

/** Field messages (by question id) for an incomplete or inconsistent checklist. */
export function controleerAntwoorden(
  antwoorden: readonly ToetsAntwoord[],
  organisatieType: OrganisatieType | null,
): Partial<Record<VraagId, string>> {
  const fouten: Partial<Record<VraagId, string>> = {};
  const commercieel = organisatieType === 'commercieel-bedrijf';
  for (const v of VRAGEN) {
    const a = antwoorden.find((x) => x.vraag === v.id);
    if (!a) {
      fouten[v.id] = `Beantwoord de vraag: ${v.tekst}`;
    } else if (a.antwoord === 'niet-van-toepassing' && !(v.alleenCommercieel && !commercieel)) {
      fouten[v.id] = v.alleenCommercieel
        ? 'Deze organisatie is een commercieel bedrijf: kies ja, nee of weet ik niet.'
        : 'Deze vraag geldt altijd: kies ja, nee of weet ik niet.';
    } else if (a.antwoord !== 'niet-van-toepassing' && a.toelichting.trim().length === 0) {
      fouten[v.id] = 'Schrijf bij elke vraag op waar uw antwoord op gebaseerd is (bewijs of bron).';
    }
  }
  return fouten;
}

/**
 * The assessor's conclusion may be stricter than the advice, never milder: when in doubt, the team lead
 * decides after intervision. Returns a Dutch message when the conclusion is not allowed.
 */
export function controleerConclusie(advies: Conclusie, conclusie: Conclusie): string | undefined {
  if (ERNST[conclusie] >= ERNST[advies]) return undefined;
  return advies === 'verdringing'
    ? 'De antwoorden wijzen op verdringing. U kunt geen mildere conclusie kiezen; pas eerst de antwoorden aan als die niet kloppen.'
    : 'De antwoorden geven twijfel. Kies "Twijfel": dan beslist de teamleider na intervisie.';
}

/** How long an assessment is valid: 12 months. */
export const GELDIGHEID_MAANDEN = 12;

/** The day an assessment made on `datum` (YYYY-MM-DD) stops being valid: 12 months later (31 Jan → 31 Jan). */
export function geldigTot(datum: string): string {
  const [j, m, d] = datum.split('-').map(Number) as [number, number, number];
  const jaar = j + Math.floor((m - 1 + GELDIGHEID_MAANDEN) / 12);
  const maand = ((m - 1 + GELDIGHEID_MAANDEN) % 12) + 1;
  const laatste = new Date(Date.UTC(jaar, maand, 0)).getUTCDate();
  return `${jaar}-${String(maand).padStart(2, '0')}-${String(Math.min(d, laatste)).padStart(2, '0')}`;
}

// ---- May the activity be used for a placement? -----------------------------------------------------------------

export interface PlaatsingsActiviteit {
  status: ActiviteitStatus;
  einddatum: string | null;
  /** Raised on every material change of the activity. */
  materieleVersie: number;
  /** The host's current material version (null: no host). */
  organisatieVersie: number | null;
  /** The host's status (null: no host). */
  organisatieStatus: OrganisatieStatus | null;
}

export interface PlaatsingsToets {
  conclusie: Conclusie;
  /** First day on which the assessment no longer holds (YYYY-MM-DD). */
  geldigTot: string;
  /** Set when the service marked it invalid after a material change. */
  vervallenOp: Date | null;
  /** The versions the assessment judged. */
  activiteitVersie: number;
  organisatieVersie: number | null;
}

export interface PlaatsingsIntervisie {
  besluit: Besluit | null;
  voorwaarden: string | null;
}

export interface Plaatsingsoordeel {
  mag: boolean;
  /** Why (not), in Dutch. */
  redenen: string[];
  /** The intervision's conditions when it allowed the activity under conditions. */
  voorwaarden: string | null;
}

const datumNl = (iso: string): string => {
  const [j, m, d] = iso.split('-');
  return `${Number(d)}-${Number(m)}-${j}`;
};

/**
 * The rule the matching and workflow rely on: no placement without a valid assessment that found no risk, or
 * whose doubt an intervision decision allowed. An assessment is valid for 12 months and lapses when the activity
 * or its host changed materially after it. Also refuses an activity that is not active or has ended on
 * `peildatum` (YYYY-MM-DD, the placement's start).
 */
export function magGeplaatstWorden(
  activiteit: PlaatsingsActiviteit,
  toets: PlaatsingsToets | null,
  intervisie: PlaatsingsIntervisie | null,
  peildatum: string,
): Plaatsingsoordeel {
  const redenen: string[] = [];
  let voorwaarden: string | null = null;
  if (activiteit.status !== 'actief')
    redenen.push(
      activiteit.status === 'voorgesteld'
        ? 'De activiteit is nog maar voorgesteld en niet vastgesteld.'
        : `De activiteit is ${activiteit.status === 'beeindigd' ? 'beëindigd' : 'gepauzeerd'}.`,
    );
  else if (activiteit.einddatum !== null && activiteit.einddatum < peildatum)
    redenen.push(`De activiteit is afgelopen op ${datumNl(activiteit.einddatum)}.`);
  if (activiteit.organisatieStatus !== null && activiteit.organisatieStatus !== 'actief')
    redenen.push(
      `De organisatie is ${ORGANISATIE_STATUS_NAMEN[activiteit.organisatieStatus].toLowerCase()}${activiteit.organisatieStatus === 'voorgesteld' ? ' en nog niet vastgesteld' : ''}.`,
    );

  if (!toets) {
    redenen.push('Er is nog geen verdringingstoets gedaan voor deze activiteit.');
  } else if (
    toets.vervallenOp !== null ||
    toets.activiteitVersie !== activiteit.materieleVersie ||
    toets.organisatieVersie !== activiteit.organisatieVersie
  ) {
    redenen.push(
      'De verdringingstoets geldt niet meer: de activiteit of de organisatie is daarna wezenlijk veranderd. Doe de toets opnieuw.',
    );
  } else if (peildatum >= toets.geldigTot) {
    redenen.push(
      `De verdringingstoets is verlopen op ${datumNl(toets.geldigTot)} (een toets geldt 12 maanden). Doe de toets opnieuw.`,
    );
  } else if (toets.conclusie === 'verdringing') {
    redenen.push('Uit de verdringingstoets blijkt verdringing van betaald werk. Deze activiteit mag niet.');
  } else if (toets.conclusie === 'twijfel') {
    if (!intervisie || intervisie.besluit === null) {
      redenen.push(
        'De verdringingstoets gaf twijfel en de teamleider heeft na intervisie nog niet besloten.',
      );
    } else if (intervisie.besluit === 'niet-toegestaan') {
      redenen.push('Na intervisie heeft de teamleider besloten dat deze activiteit niet mag.');
    } else if (intervisie.besluit === 'toegestaan-onder-voorwaarden') {
      voorwaarden = intervisie.voorwaarden;
    }
  }
  return { mag: redenen.length === 0, redenen, voorwaarden };
}

/** The assessment status shown in lists and used as a filter. */
export type ToetsStatus =
  | 'geen-toets'
  | 'geen-risico'
  | 'twijfel-open'
  | 'toegestaan'
  | 'niet-toegestaan'
  | 'verdringing'
  | 'verlopen';

export const TOETS_STATUS_NAMEN: Record<ToetsStatus, string> = {
  'geen-toets': 'Nog niet getoetst',
  'geen-risico': 'Geen risico',
  'twijfel-open': 'Twijfel: wacht op intervisie',
  toegestaan: 'Toegestaan na intervisie',
  'niet-toegestaan': 'Niet toegestaan na intervisie',
  verdringing: 'Verdringing',
  verlopen: 'Toets verlopen of vervallen',
};
export const TOETS_STATUSSEN = Object.keys(TOETS_STATUS_NAMEN) as ToetsStatus[];

/** One status for the latest assessment of an activity on `peildatum`. */
export function toetsStatus(
  activiteit: Pick<PlaatsingsActiviteit, 'materieleVersie' | 'organisatieVersie'>,
  toets: PlaatsingsToets | null,
  intervisie: PlaatsingsIntervisie | null,
  peildatum: string,
): ToetsStatus {
  if (!toets) return 'geen-toets';
  if (
    toets.vervallenOp !== null ||
    toets.activiteitVersie !== activiteit.materieleVersie ||
    toets.organisatieVersie !== activiteit.organisatieVersie ||
    peildatum >= toets.geldigTot
  )
    return 'verlopen';
  if (toets.conclusie !== 'twijfel') return toets.conclusie;
  if (!intervisie || intervisie.besluit === null) return 'twijfel-open';
  return intervisie.besluit === 'niet-toegestaan' ? 'niet-toegestaan' : 'toegestaan';
}

export const conclusieNaam = (c: Conclusie): string => CONCLUSIE_NAMEN[c];

/**
 * May an activity be **chosen** for a design at all, given its assessment's status today? Displacement must stop a
 * placement at the door, not only at toetsing: an activity whose latest assessment concluded `verdringing`, whose
 * assessment lapsed (expired after 12 months, or void after a material change), or which intervision did not allow,
 * cannot be chosen. Returns the Dutch refusal, or null when it may be chosen (no assessment yet and open doubt may
 * be chosen: the checklist blocks toetsing until they are resolved).
 */
export function keuzeWeigering(status: ToetsStatus): string | null {
  switch (status) {
    case 'verdringing':
      return 'Uit de verdringingstoets van deze activiteit blijkt verdringing van betaald werk. U kunt deze activiteit niet kiezen voor een tegenprestatie.';
    case 'verlopen':
      return 'De verdringingstoets van deze activiteit is verlopen of vervallen. U kunt deze activiteit pas kiezen als de verdringingstoets opnieuw is gedaan.';
    case 'niet-toegestaan':
      return 'Na intervisie heeft de teamleider besloten dat deze activiteit niet mag. U kunt deze activiteit niet kiezen voor een tegenprestatie.';
    default:
      return null;
  }
}
