/**
 * Form posts → service input, and service data → form values. Pure; the forms work without JavaScript, so every
 * value arrives as text (or an array of text when a name repeats).
 */
import { deelnemersAlsTekst, parseDeelnemers } from './deelnemers.ts';
import type { EigenVoorstelInput, Gesprek, GesprekInput } from './gesprekken.schemas.ts';
import {
  GESPREK_VELDEN,
  type GesprekWaarden,
  LEEG_VOORSTEL,
  type VoorstelWaarden,
} from './views/gesprekken.tsx';

/** One text value from a parsed form body (the first when a name repeats; absent = ''). */
export function tekstVan(body: unknown, naam: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const w = (body as Record<string, unknown>)[naam];
  const v = Array.isArray(w) ? w[0] : w;
  return typeof v === 'string' ? v : '';
}

/**
 * Hours per week as typed: "4", "2,5", " 3.5 " → a number; empty → null; anything else → NaN (the schema then
 * names the field). Dutch decimal comma or point; no thousands separators.
 */
export function parseUren(tekst: string): number | null {
  const s = tekst.trim();
  if (s === '') return null;
  if (!/^\d{1,3}([.,]\d{1,2})?$/u.test(s)) return Number.NaN;
  return Number(s.replace(',', '.'));
}

export function gesprekWaardenVanBody(body: unknown): GesprekWaarden {
  const w = {} as GesprekWaarden;
  for (const k of GESPREK_VELDEN) w[k] = tekstVan(body, k);
  return w;
}

export function gesprekWaardenVan(g: Gesprek): GesprekWaarden {
  return {
    datum: g.datum,
    deelnemers: deelnemersAlsTekst(g.deelnemers),
    krachtEnBekwaamheid: g.krachtEnBekwaamheid ?? '',
    wensen: g.wensen ?? '',
    eigenVoorstel: g.eigenVoorstel ?? '',
    socialeOmgeving: g.socialeOmgeving ?? '',
    notities: g.notities ?? '',
    afspraken: g.afspraken ?? '',
  };
}

/** The service input for a conversation form (participants split by line, comma or semicolon). */
export function gesprekInvoerVan(w: GesprekWaarden): GesprekInput {
  return {
    datum: w.datum.trim(),
    deelnemers: parseDeelnemers(w.deelnemers).deelnemers,
    krachtEnBekwaamheid: w.krachtEnBekwaamheid,
    wensen: w.wensen,
    eigenVoorstel: w.eigenVoorstel,
    socialeOmgeving: w.socialeOmgeving,
    notities: w.notities,
    afspraken: w.afspraken,
  };
}

export function voorstelWaardenVanBody(body: unknown): VoorstelWaarden {
  const w = { ...LEEG_VOORSTEL };
  for (const k of Object.keys(LEEG_VOORSTEL) as Array<keyof VoorstelWaarden>) w[k] = tekstVan(body, k);
  return w;
}

const ofNull = (s: string): string | null => (s.trim() === '' ? null : s);

/** The service input for the own-proposal form: only the fields of the chosen kind of host are passed on. */
export function voorstelInvoerVan(w: VoorstelWaarden): EigenVoorstelInput {
  const soort = w.soort as EigenVoorstelInput['soort'];
  return {
    titel: w.titel,
    omschrijving: w.omschrijving,
    soort,
    organisatieId: soort === 'bestaande-organisatie' ? ofNull(w.organisatieId) : null,
    nieuweOrganisatie:
      soort === 'nieuwe-organisatie'
        ? {
            naam: w['nieuweOrganisatie.naam'],
            type: w['nieuweOrganisatie.type'] as NonNullable<EigenVoorstelInput['nieuweOrganisatie']>['type'],
            plaats: ofNull(w['nieuweOrganisatie.plaats']),
            postcode: ofNull(w['nieuweOrganisatie.postcode']),
            website: ofNull(w['nieuweOrganisatie.website']),
          }
        : null,
    maatschappelijkNut: (w.maatschappelijkNut === 'ja'
      ? true
      : w.maatschappelijkNut === 'nee'
        ? false
        : undefined) as boolean,
    nutMotivering: w.nutMotivering,
    categorie: ofNull(w.categorie) as EigenVoorstelInput['categorie'],
    fysiekeBelasting: ofNull(w.fysiekeBelasting) as EigenVoorstelInput['fysiekeBelasting'],
    urenPerWeek: parseUren(w.urenPerWeek),
    locatie: ofNull(w.locatie),
  };
}
