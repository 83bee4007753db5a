/**
 * The participants of a conversation as the caseworker types them: one per line, or separated by commas or
 * semicolons ("Sanne Visser (klant), Karin de Wit (klantmanager)"). Pure; the form and the API share the rules.
 */

export const MAX_DEELNEMERS = 20;
export const MAX_DEELNEMER_LENGTE = 200;

export type DeelnemersUitkomst =
  | { ok: true; deelnemers: string[] }
  | { ok: false; melding: string; deelnemers: string[] };

/** Trims, collapses inner white space and drops empty names; keeps the first of names equal but for case. */
export function normaliseerDeelnemers(namen: readonly string[]): string[] {
  const gezien = new Set<string>();
  const uit: string[] = [];
  for (const ruw of namen) {
    const naam = ruw.replace(/\s+/gu, ' ').trim();
    if (naam === '') continue;
    const sleutel = naam.toLocaleLowerCase('nl');
    if (gezien.has(sleutel)) continue;
    gezien.add(sleutel);
    uit.push(naam);
  }
  return uit;
}

/** Checks a normalised list against the limits; the message is Dutch and names no value. */
export function controleerDeelnemers(deelnemers: readonly string[]): string | null {
  if (deelnemers.length > MAX_DEELNEMERS) return `Vul hoogstens ${MAX_DEELNEMERS} deelnemers in.`;
  if (deelnemers.some((d) => d.length > MAX_DEELNEMER_LENGTE))
    return `Een naam is hoogstens ${MAX_DEELNEMER_LENGTE} tekens.`;
  return null;
}

/** Splits the form's text into names (newline, comma or semicolon), normalises and checks them. */
export function parseDeelnemers(tekst: string): DeelnemersUitkomst {
  const deelnemers = normaliseerDeelnemers(tekst.split(/[\n\r,;]+/u));
  const melding = controleerDeelnemers(deelnemers);
  return melding === null ? { ok: true, deelnemers } : { ok: false, melding, deelnemers };
}

/** The form's text for a list: one name per line (parses back to the same list). */
export const deelnemersAlsTekst = (deelnemers: readonly string[]): string => deelnemers.join('\n');
