/**
 * Text PostgreSQL cannot hold: a NUL character (`text` refuses it: the statement fails) or an unpaired UTF-16
 * surrogate (the driver silently turns it into U+FFFD, so the stored value differs from the one sent). Modules
 * refuse these per field where they validate text; this guard refuses them for every request body, so no field
 * can be forgotten. Pure; the hook that uses it is registered in `src/app.ts`.
 */

const LOS_SURROGAAT = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface OngeldigeTekst {
  /** Where in the body: `naam`, `contactpersonen.0.functie`. */
  readonly pad: string;
  readonly soort: 'nul-teken' | 'los-surrogaat';
}

export function ongeldigeTekst(s: string): OngeldigeTekst['soort'] | undefined {
  if (s.includes('\u0000')) return 'nul-teken';
  if (LOS_SURROGAAT.test(s)) return 'los-surrogaat';
  return undefined;
}

/** The first string (or object key) in a parsed body that PostgreSQL cannot hold, depth first. */
export function zoekOngeldigeTekst(waarde: unknown, pad: readonly string[] = []): OngeldigeTekst | undefined {
  if (typeof waarde === 'string') {
    const soort = ongeldigeTekst(waarde);
    return soort ? { pad: pad.join('.') || '(body)', soort } : undefined;
  }
  if (Array.isArray(waarde)) {
    for (const [i, v] of waarde.entries()) {
      const gevonden = zoekOngeldigeTekst(v, [...pad, String(i)]);
      if (gevonden) return gevonden;
    }
    return undefined;
  }
  if (waarde !== null && typeof waarde === 'object') {
    for (const [k, v] of Object.entries(waarde)) {
      const sleutel = ongeldigeTekst(k);
      if (sleutel) return { pad: [...pad, '(veldnaam)'].join('.'), soort: sleutel };
      const gevonden = zoekOngeldigeTekst(v, [...pad, k]);
      if (gevonden) return gevonden;
    }
  }
  return undefined;
}

/** The Dutch message for a refused body. */
export function meldingVoor(o: OngeldigeTekst): string {
  const wat =
    o.soort === 'nul-teken' ? 'een NUL-teken' : 'een ongeldig teken (een los surrogaat in de tekencodering)';
  return `Het veld ${o.pad} bevat ${wat}; dat kan niet worden opgeslagen. Haal het teken weg en probeer het opnieuw.`;
}
