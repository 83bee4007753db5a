/**
 * The guideline checklist (richtlijn) of a design: a pure function of plain data, computed live beside the form.
 *
 * - MOET items block the move to `toetsing` until they hold: the client is `van-toepassing` on the start date,
 *   the maatwerk factors are recorded, the hours fit the client's capacity after work, three "convinced of the
 *   added value" statements are `ja` with a motivation, the host's reciprocity is recorded (not for an activity
 *   without host) and the displacement assessment allows this placement.
 * - WENSELIJK items warn; the design proceeds only with a recorded reason for each one not met (`afwijkingen`).
 * - SITUATIONEEL: the displacement judgment for this placement is shown; `twijfel` goes to intervision.
 */

export type Niveau = 'moet' | 'wenselijk' | 'situationeel';
export type ItemStatus = 'voldaan' | 'open' | 'niet-van-toepassing' | 'afgeweken' | 'info';

export const MOET_IDS = [
  'van-toepassing',
  'maatwerk',
  'uren',
  'overtuigd',
  'wederkerigheid',
  'verdringing',
  'werk-gaat-voor',
] as const;
export type MoetId = (typeof MOET_IDS)[number];
export const WENSELIJK_IDS = ['gesprek', 'vervolg', 'evaluatie'] as const;
export type WenselijkId = (typeof WENSELIJK_IDS)[number];

export const WENSELIJK_NAMEN: Record<WenselijkId, string> = {
  gesprek: 'Het gesprek over wederkerigheid (onderdelen a tot en met d)',
  vervolg: 'Afspraak over wat er na de tegenprestatie komt',
  evaluatie: 'Einddatum en evaluatiemoment',
};

export interface ChecklistItem {
  id: MoetId | WenselijkId | 'verdringingsoordeel';
  niveau: Niveau;
  titel: string;
  status: ItemStatus;
  /** Plain Dutch: what holds or what is missing. */
  uitleg: string;
}

export type Oordeel = 'ja' | 'nee';
export interface Verklaring {
  oordeel: Oordeel | null;
  motivering: string | null;
}

export interface ChecklistInvoer {
  ontwerp: {
    activiteitId: string | null;
    urenPerWeek: number | null;
    /** The design's day parts (`ma-ochtend` …). */
    dagdelen: readonly string[];
    startdatum: string | null;
    einddatum: string | null;
    evaluatiedata: readonly string[];
    vervolg: string | null;
    vervolgToelichting: string | null;
    maatwerk: {
      leeftijd: string | null;
      opleiding: string | null;
      werkervaring: string | null;
      omstandigheden: string | null;
    };
    wederkerigheid: { categorie: string | null; omschrijving: string | null };
    overtuigd: { klantmanager: Verklaring; klant: Verklaring; organisatie: Verklaring };
    afwijkingen: Partial<Record<WenselijkId, string>>;
  };
  /** `bepaalToepasselijkheid` on the start date (null without a start date). */
  toepasselijkheid: {
    uitkomst: 'van-toepassing' | 'niet-van-toepassing' | 'ontheffing-verloopt';
    redenen: readonly string[];
    resterendeUren: number | null;
  } | null;
  /**
   * Naar vermogen (art. 9 lid 1 onder c Pw): where the client's capacity comes from — recorded hours
   * (belastbaarheid), the caseworker's statement with a reason that no limits are known (the municipality's
   * regular-work threshold is then the ceiling), or nothing recorded (then no capacity is assumed).
   */
  capaciteit: {
    bron: 'belastbaarheid' | 'geen-beperkingen-bekend' | 'niet-vastgelegd';
    reden: string | null;
  };
  /** The client's other designs that are agreed or running: their hours count where the periods overlap. */
  andereTegenprestaties: ReadonlyArray<{ urenPerWeek: number; startdatum: string; einddatum: string | null }>;
  /**
   * The client's paid work and re-integration that **start later in the design's period** (after its start date,
   * on or before its end date), each with the hours per week the client can still do from that day (capacity minus
   * all work then, `resterendeUren` of the applicability on that day; null when not known).
   */
  laterWerk: readonly LaterWerk[];
  /** The chosen activity (null: none chosen yet). */
  activiteit: {
    titel: string;
    isMaatwerk: boolean;
    /** False for a custom activity without a host (informal care, help in the neighbourhood). */
    heeftOrganisatie: boolean;
    /** The host's standing reciprocity offer (categories). */
    aanbod: readonly string[];
  } | null;
  /** The network's judgment for a placement on the start date (`beoordeelPlaatsing` / `magGeplaatstWorden`). */
  plaatsing: {
    mag: boolean;
    redenen: readonly string[];
    voorwaarden: string | null;
    conclusie: 'geen-risico' | 'twijfel' | 'verdringing' | null;
  } | null;
  /**
   * The latest conversation's four parts (the gesprekken module's summary: true = the part holds text), or null
   * when none was held.
   */
  gesprek: {
    datum: string;
    onderdelen: {
      krachtEnBekwaamheid: boolean;
      wensen: boolean;
      eigenVoorstel: boolean;
      socialeOmgeving: boolean;
    };
  } | null;
}

/** Paid work or a re-integration trajectory that starts later in a design's period. */
export interface LaterWerk {
  soort: 'werk' | 'reintegratie';
  begindatum: string;
  omschrijving: string | null;
  /** Work: hours per week; re-integration: null. */
  urenPerWeek: number | null;
  dagdelen: readonly string[];
  resterendeUren: number | null;
}

export interface Checklist {
  items: ChecklistItem[];
  /** Every MOET holds (or does not apply). */
  moetenVoldaan: boolean;
  /** WENSELIJK items not met and without a recorded reason. */
  openWaarschuwingen: WenselijkId[];
  /** May the design move to `toetsing`? */
  magNaarToetsing: boolean;
  /**
   * May the caseworker record an intention to impose (`opleggen`)? Only for a tailored design: every other MOET
   * holds, every WENSELIJK holds or has a reason, caseworker and host are convinced, and the client's own view is
   * recorded as not convinced.
   */
  magOpleggen: boolean;
  /** What blocks `toetsing`, in Dutch (empty when it may). */
  blokkades: string[];
}

const gevuld = (s: string | null | undefined): boolean => typeof s === 'string' && s.trim() !== '';
const uren = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1).replace('.', ',')} uur`;

const ONDERDELEN = [
  ['krachtEnBekwaamheid', 'a. kracht en bekwaamheid'],
  ['wensen', 'b. wensen, ambities en kwaliteiten'],
  ['eigenVoorstel', 'c. eigen voorstel'],
  ['socialeOmgeving', 'd. eigen sociale omgeving'],
] as const;

const MAATWERK = [
  ['leeftijd', 'leeftijd'],
  ['opleiding', 'opleiding'],
  ['werkervaring', 'werkervaring'],
  ['omstandigheden', 'omstandigheden'],
] as const;

function opsomming(delen: readonly string[]): string {
  if (delen.length <= 1) return delen.join('');
  return `${delen.slice(0, -1).join(', ')} en ${delen.at(-1)}`;
}

function vanToepassing(i: ChecklistInvoer): ChecklistItem {
  const titel = 'De tegenprestatie is van toepassing op de startdatum';
  const base = { id: 'van-toepassing', niveau: 'moet', titel } as const;
  if (!i.ontwerp.startdatum) return { ...base, status: 'open', uitleg: 'Vul de startdatum in.' };
  if (!i.toepasselijkheid) return { ...base, status: 'open', uitleg: 'Dit kon niet worden bepaald.' };
  if (i.toepasselijkheid.uitkomst === 'van-toepassing')
    return {
      ...base,
      status: 'voldaan',
      uitleg: 'De klant heeft op de startdatum geen vrijstelling of ontheffing.',
    };
  const waarom = i.toepasselijkheid.redenen.join(' ');
  return {
    ...base,
    status: 'open',
    uitleg: `Op de startdatum is de tegenprestatie niet van toepassing. ${waarom}`.trim(),
  };
}

function maatwerk(i: ChecklistInvoer): ChecklistItem {
  const base = {
    id: 'maatwerk',
    niveau: 'moet',
    titel: 'Maatwerk: leeftijd, opleiding, werkervaring en omstandigheden zijn afgewogen',
  } as const;
  const mist = MAATWERK.filter(([k]) => !gevuld(i.ontwerp.maatwerk[k])).map(([, naam]) => naam);
  return mist.length === 0
    ? { ...base, status: 'voldaan', uitleg: 'Alle vier de factoren zijn beschreven.' }
    : { ...base, status: 'open', uitleg: `Beschrijf nog hoe u rekening hield met: ${opsomming(mist)}.` };
}

/**
 * The most hours per week the client's other agreed or running designs take at one time within
 * `[start, einde)` (null: open-ended). Periods are half-open, like everywhere.
 */
export function urenElders(
  start: string,
  einde: string | null,
  anderen: ChecklistInvoer['andereTegenprestaties'],
): number {
  const binnen = anderen.filter(
    (a) => (einde === null || a.startdatum < einde) && (a.einddatum === null || a.einddatum > start),
  );
  const momenten = [start, ...binnen.map((a) => a.startdatum).filter((d) => d > start)];
  let max = 0;
  for (const m of momenten) {
    const som = binnen
      .filter((a) => a.startdatum <= m && (a.einddatum === null || m < a.einddatum))
      .reduce((s, a) => s + a.urenPerWeek, 0);
    if (som > max) max = som;
  }
  return max;
}

function urenBinnenVermogen(i: ChecklistInvoer): ChecklistItem {
  const base = {
    id: 'uren',
    niveau: 'moet',
    titel: 'De uren passen bij wat de klant kan, naast werk',
  } as const;
  const u = i.ontwerp.urenPerWeek;
  if (u === null || !(u > 0)) return { ...base, status: 'open', uitleg: 'Vul het aantal uren per week in.' };
  const rest = i.toepasselijkheid?.resterendeUren ?? null;
  if (rest === null)
    return {
      ...base,
      status: 'open',
      uitleg:
        'Hoeveel uur de klant kan, is niet bekend: de tegenprestatie is op de startdatum niet van toepassing.',
    };
  if (i.capaciteit.bron === 'niet-vastgelegd')
    return {
      ...base,
      status: 'open',
      uitleg:
        'De belastbaarheid van de klant is niet vastgelegd. Leg vast hoeveel uur per week de klant kan, of schrijf op waarom er geen beperkingen bekend zijn (Gegevens wijzigen). Zonder dat neemt de checklist de grens van de gemeente niet als vermogen aan.',
    };
  const elders = i.ontwerp.startdatum
    ? urenElders(i.ontwerp.startdatum, i.ontwerp.einddatum, i.andereTegenprestaties)
    : 0;
  const ruimte = Math.max(0, rest - elders);
  const bron =
    i.capaciteit.bron === 'geen-beperkingen-bekend'
      ? `geen beperkingen bekend${i.capaciteit.reden ? ` (${i.capaciteit.reden.replace(/[.!?\s]+$/u, '')})` : ''}, dus de grens van de gemeente min werkuren`
      : 'belastbaarheid min werkuren';
  const naastAnder =
    elders > 0 ? `, waarvan ${uren(elders)} al in een andere afgesproken of lopende tegenprestatie` : '';
  return u <= ruimte
    ? {
        ...base,
        status: 'voldaan',
        uitleg: `${uren(u)} per week; de klant kan ${uren(ruimte)} per week (${bron}${naastAnder}).`,
      }
    : {
        ...base,
        status: 'open',
        uitleg: `${uren(u)} per week is te veel: de klant kan nog ${uren(ruimte)} per week (${bron}${naastAnder}).`,
      };
}

const DAGDEEL_WOORD: Record<string, string> = {
  ma: 'maandag',
  di: 'dinsdag',
  wo: 'woensdag',
  do: 'donderdag',
  vr: 'vrijdag',
  za: 'zaterdag',
  zo: 'zondag',
};
const dagdeelTekst = (d: string) => {
  const [dag = '', tijd = ''] = d.split('-');
  return `${DAGDEEL_WOORD[dag] ?? dag}${tijd}`;
};
const datumTekst = (iso: string) => {
  const [j, m, d] = iso.split('-');
  return `${Number(d)}-${Number(m)}-${j}`;
};

/**
 * Paid work and re-integration come first (guideline, MOET 1), also when they start **later in the design's
 * period**: each such start is a clash when it falls on one of the design's day parts, or (work) when the hours
 * left from that day — capacity minus all work then, minus the client's other agreed or running designs — are
 * fewer than the design's hours. Returns one Dutch sentence per clash (empty: none). Pure.
 */
export function latereBotsingen(
  ontwerp: {
    startdatum: string;
    einddatum: string | null;
    urenPerWeek: number | null;
    dagdelen: readonly string[];
  },
  later: readonly LaterWerk[],
  anderen: ChecklistInvoer['andereTegenprestaties'] = [],
  capaciteitBekend = true,
): string[] {
  const uit: string[] = [];
  for (const w of later) {
    if (
      !(w.begindatum > ontwerp.startdatum) ||
      (ontwerp.einddatum !== null && w.begindatum > ontwerp.einddatum)
    )
      continue;
    const wat =
      w.soort === 'werk'
        ? `begint de klant met betaald werk${w.omschrijving ? ` (${w.omschrijving})` : ''}`
        : `begint de re-integratie${w.omschrijving ? ` (${w.omschrijving})` : ''}`;
    const vanaf = `Op ${datumTekst(w.begindatum)} ${wat}`;
    const botst = ontwerp.dagdelen.filter((d) => w.dagdelen.includes(d));
    if (botst.length > 0)
      uit.push(
        `${vanaf} op ${opsomming(botst.map(dagdeelTekst))}: dat botst met de dagdelen van het ontwerp.`,
      );
    else if (ontwerp.dagdelen.length === 0 && w.dagdelen.length > 0)
      uit.push(`${vanaf} op vaste dagdelen. Kies de dagdelen van het ontwerp, dan is te zien of ze botsen.`);
    const u = ontwerp.urenPerWeek;
    if (w.soort === 'werk' && capaciteitBekend && u !== null && w.resterendeUren !== null) {
      const ruimte = Math.max(0, w.resterendeUren - urenElders(w.begindatum, ontwerp.einddatum, anderen));
      if (u > ruimte)
        uit.push(
          `${vanaf}${w.urenPerWeek ? ` voor ${uren(w.urenPerWeek)} per week` : ''}; daarna kan de klant nog ${uren(ruimte)} per week, minder dan de ${uren(u)} van het ontwerp.`,
        );
    }
  }
  return uit;
}

function werkGaatVoor(i: ChecklistInvoer): ChecklistItem {
  const base = {
    id: 'werk-gaat-voor',
    niveau: 'moet',
    titel: 'Betaald werk en re-integratie gaan voor, ook als ze later in de periode beginnen',
  } as const;
  const start = i.ontwerp.startdatum;
  if (!start) return { ...base, status: 'open', uitleg: 'Vul de startdatum in.' };
  const einde = i.ontwerp.einddatum;
  const binnen = i.laterWerk.filter((w) => w.begindatum > start && (einde === null || w.begindatum <= einde));
  if (binnen.length === 0)
    return {
      ...base,
      status: 'niet-van-toepassing',
      uitleg: 'Er begint in de periode geen betaald werk of re-integratie die bij de klant is vastgelegd.',
    };
  const botsingen = latereBotsingen(
    { startdatum: start, einddatum: einde, urenPerWeek: i.ontwerp.urenPerWeek, dagdelen: i.ontwerp.dagdelen },
    binnen,
    i.andereTegenprestaties,
    i.capaciteit.bron !== 'niet-vastgelegd',
  );
  return botsingen.length > 0
    ? {
        ...base,
        status: 'open',
        uitleg: `${botsingen.join(' ')} Pas het ontwerp aan (dagdelen, uren of einddatum): werk en re-integratie gaan voor.`,
      }
    : {
        ...base,
        status: 'voldaan',
        uitleg: `Wat later in de periode begint (${opsomming(binnen.map((w) => `${w.soort === 'werk' ? 'werk' : 're-integratie'} op ${datumTekst(w.begindatum)}`))}), botst niet met de dagdelen en uren van het ontwerp.`,
      };
}

function overtuigd(i: ChecklistInvoer, zonderOrganisatie: boolean): ChecklistItem {
  const base = {
    id: 'overtuigd',
    niveau: 'moet',
    titel: 'Klantmanager, klant en organisatie zijn overtuigd van de meerwaarde',
  } as const;
  const v = i.ontwerp.overtuigd;
  const wie: Array<[string, Verklaring]> = [
    ['de klantmanager', v.klantmanager],
    ['de klant', v.klant],
  ];
  if (!zonderOrganisatie) wie.push(['de organisatie', v.organisatie]);
  const nee = wie.filter(([, x]) => x.oordeel === 'nee').map(([n]) => n);
  const leeg = wie.filter(([, x]) => x.oordeel === null).map(([n]) => n);
  const zonderMotivering = wie.filter(([, x]) => x.oordeel === 'ja' && !gevuld(x.motivering)).map(([n]) => n);
  const delen: string[] = [];
  if (nee.length) delen.push(`Niet overtuigd: ${opsomming(nee)}.`);
  if (leeg.length) delen.push(`Nog niet vastgelegd: ${opsomming(leeg)}.`);
  if (zonderMotivering.length) delen.push(`Motivering ontbreekt bij ${opsomming(zonderMotivering)}.`);
  if (delen.length === 0)
    return {
      ...base,
      status: 'voldaan',
      uitleg: zonderOrganisatie
        ? 'Klantmanager en klant zijn overtuigd (er is geen organisatie).'
        : 'Alle drie zijn overtuigd, met motivering.',
    };
  if (v.klant.oordeel === 'nee')
    delen.push(
      'Zonder overtuigde klant is geen vrijwillige afspraak mogelijk: pas het ontwerp aan of vraag de teamleider om advies.',
    );
  return { ...base, status: 'open', uitleg: delen.join(' ') };
}

function wederkerigheid(i: ChecklistInvoer): ChecklistItem {
  const base = {
    id: 'wederkerigheid',
    niveau: 'moet',
    titel: 'De organisatie geeft iets terug (wederkerigheid)',
  } as const;
  const a = i.activiteit;
  if (!a) return { ...base, status: 'open', uitleg: 'Kies eerst een activiteit.' };
  if (!a.heeftOrganisatie)
    return {
      ...base,
      status: 'niet-van-toepassing',
      uitleg:
        'Deze maatwerkactiviteit heeft geen organisatie; wederkerigheid van een organisatie geldt niet.',
    };
  const w = i.ontwerp.wederkerigheid;
  if (!gevuld(w.categorie) || !gevuld(w.omschrijving))
    return {
      ...base,
      status: 'open',
      uitleg: 'Leg vast wat de organisatie bij deze plaatsing concreet teruggeeft.',
    };
  if (!a.aanbod.includes(w.categorie ?? ''))
    return {
      ...base,
      status: 'open',
      uitleg: 'Kies wat de organisatie teruggeeft uit haar vaste aanbod van wederkerigheid.',
    };
  return { ...base, status: 'voldaan', uitleg: 'Vastgelegd wat de organisatie teruggeeft.' };
}

function verdringing(i: ChecklistInvoer): ChecklistItem {
  const base = {
    id: 'verdringing',
    niveau: 'moet',
    titel: 'Geen verdringing: de verdringingstoets staat deze plaatsing toe',
  } as const;
  if (!i.activiteit) return { ...base, status: 'open', uitleg: 'Kies eerst een activiteit.' };
  const p = i.plaatsing;
  if (!p) return { ...base, status: 'open', uitleg: 'Vul de startdatum in.' };
  if (p.mag)
    return {
      ...base,
      status: 'voldaan',
      uitleg: p.voorwaarden
        ? `Toegestaan na intervisie, onder voorwaarden: ${p.voorwaarden}`
        : 'De verdringingstoets is geldig op de startdatum.',
    };
  return { ...base, status: 'open', uitleg: p.redenen.join(' ') || 'De plaatsing is niet toegestaan.' };
}

function verdringingsoordeel(i: ChecklistInvoer): ChecklistItem | null {
  if (!i.activiteit || !i.plaatsing) return null;
  const bron = i.activiteit.isMaatwerk
    ? 'eigen toets van deze maatwerkactiviteit'
    : 'toets van de activiteit';
  const c = i.plaatsing.conclusie;
  const uitleg =
    c === null
      ? `Nog geen oordeel (${bron}).`
      : c === 'geen-risico'
        ? `Geen risico (${bron}).`
        : c === 'verdringing'
          ? `Verdringing (${bron}): deze plaatsing mag niet.`
          : i.plaatsing.mag
            ? `Twijfel (${bron}); na intervisie toegestaan.`
            : `Twijfel (${bron}): dit ligt bij de teamleider voor intervisie.`;
  return {
    id: 'verdringingsoordeel',
    niveau: 'situationeel',
    titel: 'Het oordeel over verdringing voor deze plaatsing',
    status: 'info',
    uitleg,
  };
}

function wenselijk(i: ChecklistInvoer, id: WenselijkId, voldaan: boolean, mist: string): ChecklistItem {
  const reden = i.ontwerp.afwijkingen[id];
  const base = { id, niveau: 'wenselijk' as const, titel: WENSELIJK_NAMEN[id] };
  if (voldaan) return { ...base, status: 'voldaan', uitleg: 'In orde.' };
  if (gevuld(reden))
    return { ...base, status: 'afgeweken', uitleg: `${mist} Reden om af te wijken: ${reden}` };
  return { ...base, status: 'open', uitleg: `${mist} Vul dit aan, of schrijf op waarom u hiervan afwijkt.` };
}

function gesprek(i: ChecklistInvoer): ChecklistItem {
  const g = i.gesprek;
  if (!g) return wenselijk(i, 'gesprek', false, 'Er is nog geen gesprek met de klant vastgelegd.');
  const mist = ONDERDELEN.filter(([k]) => !g.onderdelen[k]).map(([, n]) => n);
  return wenselijk(i, 'gesprek', mist.length === 0, `In het laatste gesprek ontbreekt: ${opsomming(mist)}.`);
}

function vervolg(i: ChecklistInvoer): ChecklistItem {
  const v = i.ontwerp.vervolg;
  const ok = gevuld(v) && (v !== 'anders' || gevuld(i.ontwerp.vervolgToelichting));
  return wenselijk(i, 'vervolg', ok, 'Er is nog niet afgesproken wat er na de tegenprestatie komt.');
}

function evaluatie(i: ChecklistInvoer): ChecklistItem {
  const { einddatum, evaluatiedata, startdatum } = i.ontwerp;
  const mist: string[] = [];
  if (!einddatum) mist.push('de einddatum');
  if (evaluatiedata.length === 0) mist.push('een evaluatiedatum');
  if (
    mist.length === 0 &&
    startdatum &&
    evaluatiedata.some((d) => d < startdatum || (einddatum !== null && d > einddatum))
  )
    return wenselijk(i, 'evaluatie', false, 'Een evaluatiedatum valt buiten de looptijd.');
  return wenselijk(i, 'evaluatie', mist.length === 0, `Nog niet vastgelegd: ${opsomming(mist)}.`);
}

/** The guideline checklist of a design. Pure: all facts come in as data. */
export function richtlijnChecklist(i: ChecklistInvoer): Checklist {
  const zonderOrganisatie = i.activiteit !== null && !i.activiteit.heeftOrganisatie;
  const moeten = [
    vanToepassing(i),
    maatwerk(i),
    urenBinnenVermogen(i),
    overtuigd(i, zonderOrganisatie),
    wederkerigheid(i),
    verdringing(i),
    werkGaatVoor(i),
  ];
  const wensen = [gesprek(i), vervolg(i), evaluatie(i)];
  const oordeel = verdringingsoordeel(i);
  const items = [...moeten, ...wensen, ...(oordeel ? [oordeel] : [])];
  const openMoeten = moeten.filter((m) => m.status === 'open');
  const openWaarschuwingen = wensen.filter((w) => w.status === 'open').map((w) => w.id as WenselijkId);
  const blokkades = [
    ...openMoeten.map((m) => `${m.titel}: ${m.uitleg}`),
    ...wensen.filter((w) => w.status === 'open').map((w) => `${w.titel}: ${w.uitleg}`),
  ];
  const v = i.ontwerp.overtuigd;
  const anderenOvertuigd =
    v.klantmanager.oordeel === 'ja' &&
    gevuld(v.klantmanager.motivering) &&
    (zonderOrganisatie || (v.organisatie.oordeel === 'ja' && gevuld(v.organisatie.motivering)));
  const magOpleggen =
    openMoeten.every((m) => m.id === 'overtuigd') &&
    openWaarschuwingen.length === 0 &&
    v.klant.oordeel === 'nee' &&
    gevuld(v.klant.motivering) &&
    anderenOvertuigd;
  return {
    items,
    moetenVoldaan: openMoeten.length === 0,
    openWaarschuwingen,
    magNaarToetsing: blokkades.length === 0,
    magOpleggen,
    blokkades,
  };
}
