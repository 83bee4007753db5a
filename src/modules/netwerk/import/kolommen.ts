import {
  ACTIVITEIT_STATUS_NAMEN,
  BELASTING_NAMEN,
  CATEGORIE_NAMEN,
  DAGDELEN,
  dagdeelNaam,
  ORGANISATIE_STATUS_NAMEN,
  ORGANISATIE_TYPE_NAMEN,
  TAALNIVEAU_NAMEN,
  WEDERKERIGHEID_CATEGORIEEN,
} from '../keuzelijsten.ts';
import type { ActiviteitInput, OrganisatieInput } from '../netwerk.schemas.ts';
import type { ActiviteitImportRij } from '../netwerk.service.ts';
import { CsvBestandFout } from './csv.ts';

/**
 * The columns of the network's CSV files and how a row becomes service input. Pure. Headers are matched loosely
 * (case, spaces, dashes, diacritics and a "wederkerigheid" prefix do not matter); values may be the id or the Dutch
 * name (`Stichting`, `Zorg en welzijn`, `maandagochtend`), numbers may use a decimal comma and dates may be
 * written as 1-3-2027.
 */

export type Soort = 'organisaties' | 'activiteiten';

interface Kolom {
  /** The field's key in this module. */
  veld: string;
  /** How the column may be called in the file (normalised). */
  namen: readonly string[];
  verplicht?: boolean;
  /** The name shown in help texts and messages. */
  titel: string;
}

const k = (veld: string, titel: string, namen: string[] = [], verplicht = false): Kolom => ({
  veld,
  titel,
  namen: [veld.toLowerCase(), normaliseer(titel), ...namen],
  verplicht,
});

export const ORGANISATIE_KOLOMMEN: readonly Kolom[] = [
  k('naam', 'naam', ['organisatie', 'organisatienaam'], true),
  k('type', 'soort', ['type', 'soortorganisatie'], true),
  k('kvkNummer', 'kvk-nummer', ['kvk', 'kvknr']),
  k('straat', 'straat', ['adres']),
  k('huisnummer', 'huisnummer', ['nummer']),
  k('postcode', 'postcode'),
  k('plaats', 'plaats', ['woonplaats', 'vestigingsplaats']),
  k('website', 'website', ['url']),
  k('gemeenten', 'gemeenten', ['gemeente']),
  k('status', 'status'),
  k('notities', 'notities', ['notitie', 'opmerkingen']),
  k('contactNaam', 'contactpersoon', ['contact', 'contactnaam']),
  k('contactFunctie', 'functie', ['contactfunctie']),
  k('contactEmail', 'e-mail', ['email', 'contactemail', 'emailadres']),
  k('contactTelefoon', 'telefoon', ['contacttelefoon', 'telefoonnummer']),
  ...WEDERKERIGHEID_CATEGORIEEN.map((c) => k(`wederkerigheid.${c}`, c)),
];

export const ACTIVITEIT_KOLOMMEN: readonly Kolom[] = [
  k('organisatieNaam', 'organisatie', ['organisatienaam'], false),
  k('organisatieKvk', 'organisatie kvk-nummer', ['kvk', 'kvknummer', 'organisatiekvk']),
  k('organisatiePostcode', 'organisatie postcode', ['organisatiepostcode']),
  k('titel', 'titel', ['activiteit'], true),
  k('omschrijving', 'omschrijving', ['beschrijving'], true),
  k('taken', 'taken'),
  k('categorie', 'categorie', [], true),
  k('vaardigheden', 'vaardigheden'),
  k('fysiekeBelasting', 'belasting', ['fysiekebelasting', 'lichamelijkebelasting'], true),
  k('belastingToelichting', 'toelichting belasting', ['belastingtoelichting']),
  k('taalniveauMin', 'taalniveau', ['taalniveaumin', 'nederlands']),
  k('urenMin', 'uren min', ['urenmin', 'minimaleuren', 'minuren']),
  k('urenMax', 'uren max', ['urenmax', 'maximaleuren', 'maxuren'], true),
  k('dagdelen', 'dagdelen'),
  k('locatie', 'locatie'),
  k('postcode', 'postcode'),
  k('gemeenten', 'gemeenten', ['gemeente']),
  k('plaatsen', 'plaatsen', ['aantalplaatsen', 'capaciteit'], true),
  k('mentor', 'mentor', ['begeleider']),
  k('startdatum', 'startdatum', ['start', 'begindatum']),
  k('einddatum', 'einddatum', ['eind']),
  k('status', 'status'),
];

/** Lower case, no diacritics, no spaces, dashes, dots or underscores; "wederkerigheid" prefix dropped. */
export function normaliseer(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\-_.:()]+/g, '')
    .replace(/^wederkerigheid/, '');
}

export interface Kolomindeling {
  /** Field → index in the row. */
  index: Map<string, number>;
  /** Field → the file's own header (for messages). */
  kopVan: Map<string, string>;
  onbekend: string[];
}

/** Maps the header to fields. @throws CsvBestandFout when a required column is missing. */
export function deelKolommenIn(kop: readonly string[], soort: Soort): Kolomindeling {
  const kolommen = soort === 'organisaties' ? ORGANISATIE_KOLOMMEN : ACTIVITEIT_KOLOMMEN;
  const index = new Map<string, number>();
  const kopVan = new Map<string, string>();
  const onbekend: string[] = [];
  kop.forEach((naam, i) => {
    const n = normaliseer(naam);
    const kolom = kolommen.find((c) => c.namen.includes(n));
    if (kolom && !index.has(kolom.veld)) {
      index.set(kolom.veld, i);
      kopVan.set(kolom.veld, naam);
    } else if (!kolom && naam.trim() !== '') onbekend.push(naam);
  });
  const ontbrekend = kolommen.filter((c) => c.verplicht && !index.has(c.veld)).map((c) => c.titel);
  if (soort === 'activiteiten' && !index.has('organisatieNaam') && !index.has('organisatieKvk'))
    ontbrekend.push('organisatie (of organisatie kvk-nummer)');
  if (ontbrekend.length > 0)
    throw new CsvBestandFout(
      `Deze kolommen ontbreken: ${ontbrekend.join(', ')}. Zie de uitleg bij het formulier.`,
    );
  return { index, kopVan, onbekend };
}

export interface Gemeentekeuze {
  id: string;
  naam: string;
  code: string;
}

/** A Dutch name or id from a value list: `Stichting` and `stichting` both give `stichting`. */
function uitLijst(namen: Record<string, string>, waarde: string): string | undefined {
  const n = normaliseer(waarde);
  if (n === '') return undefined;
  for (const [id, naam] of Object.entries(namen))
    if (normaliseer(id) === n || normaliseer(naam) === n || normaliseer(naam.split(' (')[0] ?? '') === n)
      return id;
  return undefined;
}

const delen = (s: string): string[] =>
  s
    .split(/[|;,\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** 1-3-2027, 01-03-2027 or 2027-03-01 → 2027-03-01; anything else stays as typed (the schema then refuses it). */
export function datum(s: string): string {
  const t = s.trim();
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  return m ? `${m[3]}-${m[2]?.padStart(2, '0')}-${m[1]?.padStart(2, '0')}` : t;
}

const getal = (s: string): number | undefined =>
  s.trim() === '' ? undefined : Number(s.trim().replace(',', '.'));

interface RijContext {
  indeling: Kolomindeling;
  /** The uploader's municipalities (names and codes resolve to these). */
  gemeenten: readonly Gemeentekeuze[];
}

type Uitkomst<T> = { invoer: T; fouten?: undefined } | { invoer?: undefined; fouten: Record<string, string> };

function cel(ctx: RijContext, cellen: readonly string[], veld: string): string {
  const i = ctx.indeling.index.get(veld);
  return i === undefined ? '' : (cellen[i] ?? '').trim();
}

function gemeenteIds(ctx: RijContext, waarde: string, fouten: Record<string, string>): string[] | undefined {
  if (waarde === '') return undefined;
  const ids: string[] = [];
  for (const deel of delen(waarde)) {
    const g = ctx.gemeenten.find(
      (x) => normaliseer(x.naam) === normaliseer(deel) || x.code.toLowerCase() === deel.toLowerCase(),
    );
    if (g) ids.push(g.id);
    else
      fouten.gemeenten = `Onbekende gemeente "${deel.slice(0, 60)}": gebruik de naam of code van een gemeente waarvoor u werkt.`;
  }
  return ids;
}

function waardeUitLijst(
  namen: Record<string, string>,
  waarde: string,
  veld: string,
  wat: string,
  fouten: Record<string, string>,
): string | undefined {
  if (waarde === '') return undefined;
  const id = uitLijst(namen, waarde);
  if (!id)
    fouten[veld] = `Onbekende ${wat} "${waarde.slice(0, 60)}". Kies uit: ${Object.values(namen).join(', ')}.`;
  return id;
}

/** One organisation row → the service's input (the service validates the rest). */
export function organisatieRij(ctx: RijContext, cellen: readonly string[]): Uitkomst<OrganisatieInput> {
  const c = (veld: string) => cel(ctx, cellen, veld);
  const fouten: Record<string, string> = {};
  const type = waardeUitLijst(ORGANISATIE_TYPE_NAMEN, c('type'), 'type', 'soort organisatie', fouten);
  const status = waardeUitLijst(ORGANISATIE_STATUS_NAMEN, c('status'), 'status', 'status', fouten);
  const gemeenten = gemeenteIds(ctx, c('gemeenten'), fouten) ?? ctx.gemeenten.map((g) => g.id);
  if (Object.keys(fouten).length > 0) return { fouten };
  const contactNaam = c('contactNaam');
  return {
    invoer: {
      naam: c('naam'),
      type: (type ?? '') as OrganisatieInput['type'],
      kvkNummer: c('kvkNummer'),
      straat: c('straat'),
      huisnummer: c('huisnummer'),
      postcode: c('postcode'),
      plaats: c('plaats'),
      website: c('website'),
      gemeenteIds: gemeenten,
      ...(status ? { status: status as OrganisatieInput['status'] } : {}),
      notities: c('notities'),
      contactpersonen:
        contactNaam || c('contactEmail') || c('contactTelefoon')
          ? [
              {
                naam: contactNaam,
                functie: c('contactFunctie'),
                email: c('contactEmail'),
                telefoon: c('contactTelefoon'),
              },
            ]
          : [],
      wederkerigheid: WEDERKERIGHEID_CATEGORIEEN.flatMap((cat) => {
        const tekst = c(`wederkerigheid.${cat}`);
        return tekst ? [{ categorie: cat, omschrijving: tekst }] : [];
      }),
    },
  };
}

const DAGDEEL_NAMEN: Record<string, string> = Object.fromEntries(DAGDELEN.map((d) => [d, dagdeelNaam(d)]));

/** One activity row → the host's key and the service's input (without `organisatieId`). */
export function activiteitRij(
  ctx: RijContext,
  rij: number,
  cellen: readonly string[],
): { rij: ActiviteitImportRij; fouten?: undefined } | { rij?: undefined; fouten: Record<string, string> } {
  const c = (veld: string) => cel(ctx, cellen, veld);
  const fouten: Record<string, string> = {};
  const categorie = waardeUitLijst(CATEGORIE_NAMEN, c('categorie'), 'categorie', 'categorie', fouten);
  const belasting = waardeUitLijst(
    BELASTING_NAMEN,
    c('fysiekeBelasting'),
    'fysiekeBelasting',
    'belasting',
    fouten,
  );
  const taalniveau = waardeUitLijst(
    TAALNIVEAU_NAMEN,
    c('taalniveauMin'),
    'taalniveauMin',
    'taalniveau',
    fouten,
  );
  const status = waardeUitLijst(ACTIVITEIT_STATUS_NAMEN, c('status'), 'status', 'status', fouten);
  const dagdelen: string[] = [];
  for (const d of delen(c('dagdelen').replace(/\s+(?=[a-z]{2}-)/gi, ','))) {
    const id = uitLijst(DAGDEEL_NAMEN, d);
    if (id) dagdelen.push(id);
    else
      fouten.dagdelen = `Onbekend dagdeel "${d.slice(0, 40)}": schrijf bijvoorbeeld ma-ochtend of maandagochtend.`;
  }
  const gemeenten = gemeenteIds(ctx, c('gemeenten'), fouten);
  if (!c('organisatieNaam') && !c('organisatieKvk'))
    fouten.organisatie = 'Vul de naam of het KvK-nummer van de organisatie in.';
  if (Object.keys(fouten).length > 0) return { fouten };
  const urenMax = getal(c('urenMax'));
  const invoer: Omit<ActiviteitInput, 'organisatieId' | 'gemeenteIds'> & { gemeenteIds?: string[] } = {
    titel: c('titel'),
    omschrijving: c('omschrijving'),
    taken: c('taken'),
    categorie: (categorie ?? '') as ActiviteitInput['categorie'],
    vaardigheden: delen(c('vaardigheden')),
    fysiekeBelasting: (belasting ?? '') as ActiviteitInput['fysiekeBelasting'],
    belastingToelichting: c('belastingToelichting'),
    taalniveauMin: (taalniveau ?? null) as ActiviteitInput['taalniveauMin'],
    urenMin: (getal(c('urenMin')) ?? urenMax) as number,
    urenMax: urenMax as number,
    dagdelen: dagdelen as ActiviteitInput['dagdelen'],
    locatie: c('locatie'),
    postcode: c('postcode'),
    plaatsen: getal(c('plaatsen')) as number,
    mentor: c('mentor'),
    startdatum: datum(c('startdatum')),
    einddatum: datum(c('einddatum')),
    ...(status ? { status: status as ActiviteitInput['status'] } : {}),
    ...(gemeenten ? { gemeenteIds: gemeenten } : {}),
  };
  return {
    rij: {
      rij,
      organisatie: {
        naam: c('organisatieNaam'),
        kvkNummer: c('organisatieKvk'),
        postcode: c('organisatiePostcode'),
      },
      invoer,
    },
  };
}

/** The service's field path → the file's column (`contactpersonen.0.email` → the e-mail column). */
export function kolomVoor(indeling: Kolomindeling, veld: string): string {
  const basis = veld.split('.')[0] ?? veld;
  const kandidaten: Record<string, string> = {
    contactpersonen: veld.endsWith('email')
      ? 'contactEmail'
      : veld.endsWith('telefoon')
        ? 'contactTelefoon'
        : veld.endsWith('functie')
          ? 'contactFunctie'
          : 'contactNaam',
    gemeenteIds: 'gemeenten',
    wederkerigheid: 'wederkerigheid',
    organisatieId: 'organisatieNaam',
    organisatie: indeling.kopVan.has('organisatieNaam') ? 'organisatieNaam' : 'organisatieKvk',
  };
  const sleutel = kandidaten[basis] ?? basis;
  return indeling.kopVan.get(sleutel) ?? sleutel;
}
