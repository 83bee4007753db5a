import type { Tx } from '../db/context.ts';

/**
 * The shared shape of an AVG article 15 export's parts. Each module that holds client data exports one function
 * `inzageVoorKlant(actor, klantId, { tx, gemeenteId })` → `InzageOnderdeel[]`; the privacy module calls it under its
 * system context `avg-inzage` and renders every part the same way (JSON and PDF). The record keys are the Dutch
 * labels the client reads (plain Dutch, B1); dates are ISO (`JJJJ-MM-DD`), the PDF writes them out.
 */
export type InzageWaarde = string | number | boolean | null;
export type InzageRecord = Record<string, InzageWaarde>;

export interface InzageOnderdeel {
  /** Stable kebab-case id of the part (e.g. `gesprekken`). */
  onderdeel: string;
  /** The heading for the client (B1), e.g. "Gesprekken met u". */
  titel: string;
  /** Optional sentence under the heading (what the part is, what is not in it). */
  uitleg?: string;
  records: InzageRecord[];
}

/** Passed by the privacy module: its transaction (system context `avg-inzage`) and the client's municipality. */
export interface InzageOpties {
  tx: Tx;
  gemeenteId: string;
}

const AMSTERDAM = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** A date or moment as the ISO date in Europe/Amsterdam; null stays null. */
export function inzageDatum(v: Date | string | null | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') return v.slice(0, 10);
  return AMSTERDAM.format(v);
}

/**
 * The short reference of a tegenprestatie in an export ("kenmerk"): the first 8 characters of its id in capitals,
 * the same in every module's part, so the client sees which hours and evaluations belong to which tegenprestatie.
 */
export const inzageKenmerk = (id: string): string => id.slice(0, 8).toUpperCase();

/** Blank text as null (so the PDF shows a dash and the JSON has no empty strings). */
export const inzageTekst = (v: string | null | undefined): string | null => (v?.trim() ? v : null);
