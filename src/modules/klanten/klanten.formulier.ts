import { leesDatum } from './import/kolommen.ts';
import type { KlantDossier } from './klanten.schemas.ts';

/**
 * The client form of the pages as flat values keyed by the inputs' names (what a browser posts), and the way to
 * and from the service's input. Pure. Re-rendering a form with errors uses the posted values as they are, so
 * nothing typed is lost.
 *
 * Repeated groups use dotted names: `werkervaring.0.sector`, `werk.1.urenPerWeek`, `reintegratie.0.begindatum`,
 * `werk.0.dagdelen` (checkboxes). The error messages of the service use the same paths.
 */
export type FormWaarden = Record<string, string | string[]>;

/** The form's text fields that map one-to-one onto the input. */
const TEKSTVELDEN = [
  'klantnummer',
  'voornamen',
  'roepnaam',
  'voorvoegsel',
  'achternaam',
  'straat',
  'huisnummer',
  'postcode',
  'woonplaats',
  'telefoon',
  'email',
  'zorgtaken',
  'eigenNetwerk',
] as const;
const KEUZEVELDEN = ['taal', 'taalniveau', 'opleidingsniveau'] as const;
const LIJSTVELDEN = [
  'beschikbaarheid',
  'mobiliteit',
  'beperkingen',
  'vaardigheidIds',
  'interesseIds',
] as const;

/** Rows shown for a repeated group: the filled ones plus this many empty ones (no JavaScript needed to add). */
export const EXTRA_RIJEN = { werkervaring: 1, werk: 1, reintegratie: 1 } as const;

export const tekst = (w: FormWaarden, naam: string): string => {
  const v = w[naam];
  return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : '';
};
export const lijst = (w: FormWaarden, naam: string): string[] => {
  const v = w[naam];
  return typeof v === 'string' ? [v] : Array.isArray(v) ? v : [];
};

/** The posted body as form values (only strings and lists of strings; anything else is dropped). */
export function waardenVanBody(body: unknown): FormWaarden {
  const uit: FormWaarden = {};
  if (typeof body !== 'object' || body === null) return uit;
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') uit[k] = v;
    else if (Array.isArray(v)) uit[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return uit;
}

/** The row indexes of a repeated group that occur in the values (`werk.0.…`, `werk.3.…` → [0, 3]). */
export function rijIndexen(w: FormWaarden, groep: string): number[] {
  const re = new RegExp(`^${groep}\\.(\\d+)\\.`);
  const set = new Set<number>();
  for (const k of Object.keys(w)) {
    const m = re.exec(k);
    if (m) set.add(Number(m[1]));
  }
  return [...set].sort((a, b) => a - b);
}

const isoDatum = (s: string): string => {
  const d = leesDatum(s);
  return 'iso' in d ? d.iso : s.trim();
};

/** A number as typed (`12,5` or `12.5`); anything else is passed on as NaN so the service names the field. */
const getal = (s: string): number =>
  /^\s*\d+([.,]\d+)?\s*$/.test(s) ? Number(s.trim().replace(',', '.')) : Number.NaN;

/**
 * Form values → the service's input. `modus: 'nieuw'` leaves empty fields out; `'wijzigen'` sends `null` for an
 * emptied field (PATCH semantics) and replaces the lists whole. An empty BSN field when changing means: keep.
 */
export function invoerVanWaarden(
  w: FormWaarden,
  modus: 'nieuw' | 'wijzigen',
): { invoer: Record<string, unknown>; rijen: Rijkoppeling } {
  const invoer: Record<string, unknown> = {};
  const rijen: Rijkoppeling = { werkervaring: [], werk: [], reintegratie: [] };
  const leeg = modus === 'nieuw' ? undefined : null;
  const zet = (naam: string, waarde: unknown) => {
    if (waarde !== undefined) invoer[naam] = waarde;
  };
  for (const veld of TEKSTVELDEN) {
    const v = tekst(w, veld);
    zet(veld, v.trim() === '' ? (veld === 'achternaam' ? v : leeg) : veld === 'klantnummer' ? v.trim() : v);
  }
  for (const veld of KEUZEVELDEN) zet(veld, tekst(w, veld) === '' ? leeg : tekst(w, veld));
  const bsn = tekst(w, 'bsn').trim();
  if (bsn !== '') invoer.bsn = bsn;
  const geboortedatum = tekst(w, 'geboortedatum');
  invoer.geboortedatum = geboortedatum.trim() === '' ? '' : isoDatum(geboortedatum);
  const reistijd = tekst(w, 'maxReistijdMinuten');
  zet('maxReistijdMinuten', reistijd.trim() === '' ? leeg : getal(reistijd));
  const wijk = tekst(w, 'wijkId');
  if (wijk !== '') invoer.wijkId = wijk;
  else if (modus === 'wijzigen') invoer.wijkId = null;
  if (modus === 'nieuw') {
    zet('gemeenteId', tekst(w, 'gemeenteId') || undefined);
    zet('klantmanagerId', tekst(w, 'klantmanagerId') || undefined);
  }
  for (const veld of LIJSTVELDEN) if (veld !== 'beperkingen') invoer[veld] = lijst(w, veld);

  invoer.werkervaring = rijIndexen(w, 'werkervaring')
    .map((i) => ({
      i,
      sector: tekst(w, `werkervaring.${i}.sector`),
      functie: tekst(w, `werkervaring.${i}.functie`),
      jaren: tekst(w, `werkervaring.${i}.jaren`),
    }))
    .filter((r) => r.sector.trim() !== '' || r.functie.trim() !== '' || r.jaren.trim() !== '')
    .map((r) => {
      rijen.werkervaring.push(r.i);
      return { sector: r.sector, functie: r.functie, jaren: r.jaren.trim() === '' ? 0 : getal(r.jaren) };
    });

  invoer.werk = rijIndexen(w, 'werk')
    .map((i) => ({
      i,
      omschrijving: tekst(w, `werk.${i}.omschrijving`),
      uren: tekst(w, `werk.${i}.urenPerWeek`),
      dagdelen: lijst(w, `werk.${i}.dagdelen`),
      begindatum: tekst(w, `werk.${i}.begindatum`),
      einddatum: tekst(w, `werk.${i}.einddatum`),
    }))
    .filter((r) => r.omschrijving.trim() !== '' || r.uren.trim() !== '' || r.begindatum.trim() !== '')
    .map((r) => {
      rijen.werk.push(r.i);
      return {
        omschrijving: r.omschrijving.trim() === '' ? null : r.omschrijving,
        urenPerWeek: getal(r.uren),
        dagdelen: r.dagdelen,
        begindatum: r.begindatum.trim() === '' ? null : isoDatum(r.begindatum),
        einddatum: r.einddatum.trim() === '' ? null : isoDatum(r.einddatum),
      };
    });

  invoer.reintegratie = rijIndexen(w, 'reintegratie')
    .map((i) => ({
      i,
      omschrijving: tekst(w, `reintegratie.${i}.omschrijving`),
      begindatum: tekst(w, `reintegratie.${i}.begindatum`),
      einddatum: tekst(w, `reintegratie.${i}.einddatum`),
      dagdelen: lijst(w, `reintegratie.${i}.dagdelen`),
    }))
    .filter((r) => r.omschrijving.trim() !== '' || r.begindatum.trim() !== '' || r.einddatum.trim() !== '')
    .map((r) => {
      rijen.reintegratie.push(r.i);
      return {
        omschrijving: r.omschrijving.trim() === '' ? null : r.omschrijving,
        begindatum: isoDatum(r.begindatum),
        einddatum: r.einddatum.trim() === '' ? null : isoDatum(r.einddatum),
        dagdelen: r.dagdelen,
      };
    });

  const maxUren = tekst(w, 'maxUrenPerWeek');
  const beperkingen = lijst(w, 'beperkingen');
  const geenBeperkingen = tekst(w, 'geenBeperkingenReden');
  invoer.belastbaarheid =
    maxUren.trim() === '' && beperkingen.length === 0 && geenBeperkingen.trim() === ''
      ? modus === 'nieuw'
        ? undefined
        : null
      : {
          maxUrenPerWeek: maxUren.trim() === '' ? null : getal(maxUren),
          beperkingen,
          geenBeperkingenReden: geenBeperkingen.trim() === '' ? null : geenBeperkingen,
        };
  if (invoer.belastbaarheid === undefined) delete invoer.belastbaarheid;
  return { invoer, rijen };
}

/** For each repeated group: which form row each element of the input came from (empty rows are left out). */
export interface Rijkoppeling {
  werkervaring: number[];
  werk: number[];
  reintegratie: number[];
}

/**
 * The service's field errors (paths into the input) → paths of the form (`werk.1.urenPerWeek` is the form's row
 * 2 when row 1 was left empty). Other paths stay as they are.
 */
export function foutenVoorFormulier(
  velden: Record<string, string>,
  rijen: Rijkoppeling,
): Record<string, string> {
  const uit: Record<string, string> = {};
  for (const [pad, melding] of Object.entries(velden)) {
    const [groep, index, ...rest] = pad.split('.');
    const koppeling = groep && Object.hasOwn(rijen, groep) ? rijen[groep as keyof Rijkoppeling] : undefined;
    const formIndex = koppeling && index !== undefined ? koppeling[Number(index)] : undefined;
    const formPad = formIndex !== undefined ? [groep, formIndex, ...rest].join('.') : pad;
    uit[formPad] ??= melding;
  }
  return uit;
}

/** A client's file as form values, for the edit form. */
export function waardenVanDossier(k: KlantDossier): FormWaarden {
  const w: FormWaarden = {
    klantnummer: k.klantnummer ?? '',
    voornamen: k.voornamen ?? '',
    roepnaam: k.roepnaam ?? '',
    voorvoegsel: k.voorvoegsel ?? '',
    achternaam: k.achternaam,
    geboortedatum: k.geboortedatum,
    straat: k.straat ?? '',
    huisnummer: k.huisnummer ?? '',
    postcode: k.postcode ?? '',
    woonplaats: k.woonplaats ?? '',
    wijkId: k.wijkHandmatig && k.wijk ? k.wijk.id : '',
    telefoon: k.telefoon ?? '',
    email: k.email ?? '',
    taal: k.taal ?? '',
    taalniveau: k.taalniveau ?? '',
    opleidingsniveau: k.opleidingsniveau ?? '',
    beschikbaarheid: k.beschikbaarheid,
    mobiliteit: k.mobiliteit,
    maxReistijdMinuten: k.maxReistijdMinuten === null ? '' : String(k.maxReistijdMinuten),
    zorgtaken: k.zorgtaken ?? '',
    eigenNetwerk: k.eigenNetwerk ?? '',
    maxUrenPerWeek:
      k.belastbaarheid?.maxUrenPerWeek === null || k.belastbaarheid === null
        ? ''
        : String(k.belastbaarheid.maxUrenPerWeek).replace('.', ','),
    beperkingen: k.belastbaarheid?.beperkingen ?? [],
    geenBeperkingenReden: k.belastbaarheid?.geenBeperkingenReden ?? '',
    vaardigheidIds: k.vaardigheden.map((v) => v.id),
    interesseIds: k.interesses.map((v) => v.id),
  };
  k.werkervaring.forEach((r, i) => {
    w[`werkervaring.${i}.sector`] = r.sector;
    w[`werkervaring.${i}.functie`] = r.functie;
    w[`werkervaring.${i}.jaren`] = String(r.jaren).replace('.', ',');
  });
  k.werk.forEach((r, i) => {
    w[`werk.${i}.omschrijving`] = r.omschrijving ?? '';
    w[`werk.${i}.urenPerWeek`] = String(r.urenPerWeek).replace('.', ',');
    w[`werk.${i}.dagdelen`] = r.dagdelen;
    w[`werk.${i}.begindatum`] = r.begindatum ?? '';
    w[`werk.${i}.einddatum`] = r.einddatum ?? '';
  });
  k.reintegratie.forEach((r, i) => {
    w[`reintegratie.${i}.omschrijving`] = r.omschrijving ?? '';
    w[`reintegratie.${i}.begindatum`] = r.begindatum;
    w[`reintegratie.${i}.einddatum`] = r.einddatum ?? '';
    w[`reintegratie.${i}.dagdelen`] = r.dagdelen;
  });
  return w;
}

/** The row indexes to render for a group: the filled rows, then empty ones up to `extra`. */
export function teTonenRijen(w: FormWaarden, groep: keyof typeof EXTRA_RIJEN): number[] {
  const bestaand = rijIndexen(w, groep);
  const volgende = bestaand.length === 0 ? 0 : Math.max(...bestaand) + 1;
  return [...bestaand, ...Array.from({ length: EXTRA_RIJEN[groep] }, (_, i) => volgende + i)];
}

/** The id of the input an error path points at (the error summary links there). */
export const veldId = (pad: string): string => {
  const delen = pad.split('.');
  // A list's element (beschikbaarheid.3, werk.0.dagdelen.2) points at the list's group.
  if (delen.length > 1 && /^\d+$/.test(delen.at(-1) ?? '')) delen.pop();
  return delen.join('-');
};
