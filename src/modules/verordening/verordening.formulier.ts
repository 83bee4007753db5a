import type { VerordeningVersie, VersieInput } from './verordening.schemas.ts';

/** What the version form sends and shows again on a 422: strings as typed, the chosen grounds as ids. */
export interface VersieWaarden {
  ingangsdatum: string;
  titel: string;
  vorm: string;
  weergavenaam: string;
  minUrenPerWeek: string;
  maxUrenPerWeek: string;
  maxDuurMaanden: string;
  /** `ja` / `nee` / empty. */
  verlengingToegestaan: string;
  maxVerlengingMaanden: string;
  lokaleGrondIds: string[];
  schriftelijkeOvereenkomstVerplicht: string;
  artikelVorm: string;
  artikelUren: string;
  artikelDuur: string;
  artikelVerlenging: string;
  artikelOntheffingen: string;
  artikelOvereenkomst: string;
  minDagenVerzendingStart: string;
  artikelMaatregel: string;
  toelichting: string;
}

export const LEGE_WAARDEN: VersieWaarden = {
  ingangsdatum: '',
  titel: '',
  vorm: '',
  weergavenaam: '',
  minUrenPerWeek: '',
  maxUrenPerWeek: '',
  maxDuurMaanden: '',
  verlengingToegestaan: '',
  maxVerlengingMaanden: '',
  lokaleGrondIds: [],
  schriftelijkeOvereenkomstVerplicht: '',
  artikelVorm: '',
  artikelUren: '',
  artikelDuur: '',
  artikelVerlenging: '',
  artikelOntheffingen: '',
  artikelOvereenkomst: '',
  minDagenVerzendingStart: '5',
  artikelMaatregel: '',
  toelichting: '',
};

type Body = Record<string, unknown>;

const tekst = (body: Body, key: string): string => {
  const v = body[key];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
};
const lijst = (body: Body, key: string): string[] => {
  const v = body[key];
  return typeof v === 'string'
    ? [v]
    : Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string')
      : [];
};

/** The form's fields from a posted body (anything unexpected becomes empty). */
export function waardenUitBody(body: unknown): VersieWaarden {
  const b: Body = typeof body === 'object' && body !== null ? (body as Body) : {};
  const w = { ...LEGE_WAARDEN };
  for (const k of Object.keys(LEGE_WAARDEN) as Array<keyof VersieWaarden>) {
    if (k === 'lokaleGrondIds') w.lokaleGrondIds = lijst(b, k);
    else w[k] = tekst(b, k);
  }
  return w;
}

/** A typed number: empty is null, a Dutch decimal comma is accepted, anything else stays text (the schema refuses it). */
function getal(s: string): number | null | string {
  const t = s.trim();
  if (t === '') return null;
  const n = Number(t.replace(',', '.'));
  return /^-?\d+([.,]\d+)?$/.test(t) && Number.isFinite(n) ? n : t;
}

const janee = (s: string): boolean | undefined => (s === 'ja' ? true : s === 'nee' ? false : undefined);
const keuze = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

/** The service input from the form (the schema checks it and answers in Dutch per field). */
export function versieInvoerUitWaarden(w: VersieWaarden): Record<keyof VersieInput, unknown> {
  return {
    ingangsdatum: w.ingangsdatum,
    titel: w.titel,
    vorm: keuze(w.vorm),
    weergavenaam: keuze(w.weergavenaam),
    minUrenPerWeek: getal(w.minUrenPerWeek),
    maxUrenPerWeek: getal(w.maxUrenPerWeek),
    maxDuurMaanden: getal(w.maxDuurMaanden),
    verlengingToegestaan: janee(w.verlengingToegestaan),
    // A hidden maximum for a "no extension" choice is not the user's mistake: drop it.
    maxVerlengingMaanden: w.verlengingToegestaan === 'nee' ? null : getal(w.maxVerlengingMaanden),
    lokaleGrondIds: w.lokaleGrondIds,
    schriftelijkeOvereenkomstVerplicht: janee(w.schriftelijkeOvereenkomstVerplicht),
    artikelen: {
      vorm: w.artikelVorm,
      uren: w.artikelUren,
      duur: w.artikelDuur,
      verlenging: w.artikelVerlenging,
      ontheffingen: w.artikelOntheffingen,
      overeenkomst: w.artikelOvereenkomst,
    },
    minDagenVerzendingStart:
      w.minDagenVerzendingStart.trim() === '' ? undefined : getal(w.minDagenVerzendingStart),
    artikelMaatregel: w.artikelMaatregel,
    toelichting: w.toelichting,
  };
}

const n = (v: number | null): string => (v === null ? '' : String(v).replace('.', ','));

/** A saved version as form values (the starting point of its successor; the effective date stays empty). */
export function waardenVanVersie(v: VerordeningVersie): VersieWaarden {
  return {
    ingangsdatum: '',
    titel: v.titel,
    vorm: v.vorm,
    weergavenaam: v.weergavenaam,
    minUrenPerWeek: n(v.minUrenPerWeek),
    maxUrenPerWeek: n(v.maxUrenPerWeek),
    maxDuurMaanden: n(v.maxDuurMaanden),
    verlengingToegestaan: v.verlengingToegestaan ? 'ja' : 'nee',
    maxVerlengingMaanden: n(v.maxVerlengingMaanden),
    lokaleGrondIds: [...v.lokaleGrondIds],
    schriftelijkeOvereenkomstVerplicht: v.schriftelijkeOvereenkomstVerplicht ? 'ja' : 'nee',
    artikelVorm: v.artikelen.vorm,
    artikelUren: v.artikelen.uren,
    artikelDuur: v.artikelen.duur,
    artikelVerlenging: v.artikelen.verlenging,
    artikelOntheffingen: v.artikelen.ontheffingen,
    artikelOvereenkomst: v.artikelen.overeenkomst,
    minDagenVerzendingStart: String(v.minDagenVerzendingStart),
    artikelMaatregel: v.artikelMaatregel,
    toelichting: '',
  };
}

/** Field paths of the service's messages → the id of the input on the page (for the error summary's links). */
export const VELD_IDS: Record<string, string> = {
  'artikelen.vorm': 'artikelVorm',
  'artikelen.uren': 'artikelUren',
  'artikelen.duur': 'artikelDuur',
  'artikelen.verlenging': 'artikelVerlenging',
  'artikelen.ontheffingen': 'artikelOntheffingen',
  'artikelen.overeenkomst': 'artikelOvereenkomst',
};

/** Messages keyed by the page's field names (`artikelen.uren` → `artikelUren`; `lokaleGrondIds.0` → `lokaleGrondIds`). */
export function foutenVoorFormulier(velden: Record<string, string>): Record<string, string> {
  const uit: Record<string, string> = {};
  for (const [pad, melding] of Object.entries(velden)) {
    const veld = VELD_IDS[pad] ?? pad.split('.')[0] ?? pad;
    uit[veld] ??= melding;
  }
  return uit;
}
