/**
 * Dutch postcodes: four digits (the first not 0) and two letters, written `1234 AB`. PostNL does not issue the
 * letter pairs SA, SD and SS. Input may be lower case and without the space (`1234ab`).
 */

const POSTCODE = /^([1-9]\d{3}) ?([A-Z]{2})$/;
const NIET_UITGEGEVEN = new Set(['SA', 'SD', 'SS']);

export type PostcodeUitkomst =
  | { ok: true; postcode: string; postcode4: string }
  | { ok: false; melding: string };

/** Parses and normalises a postcode to `1234 AB`; on failure a Dutch message for the form. */
export function parsePostcode(invoer: string): PostcodeUitkomst {
  const m = POSTCODE.exec(invoer.trim().toUpperCase());
  if (!m) return { ok: false, melding: 'Vul een postcode in zoals 1234 AB (4 cijfers en 2 letters).' };
  const [, cijfers, letters] = m as unknown as [string, string, string];
  if (NIET_UITGEGEVEN.has(letters)) {
    return {
      ok: false,
      melding: `Postcodes met de letters ${letters} bestaan niet. Controleer de postcode.`,
    };
  }
  return { ok: true, postcode: `${cijfers} ${letters}`, postcode4: cijfers };
}

/** The 4-digit area of a normalised postcode (the key of the municipality's wijk table). */
export const postcode4 = (postcode: string): string => postcode.slice(0, 4);
