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
  readonly soort: 'nul-teken' | 'los-surrogaat' | 'te-diep';
}

/** No form or API body of this app nests deeper; a deeper one is refused before anything walks it. */
export const MAX_DIEPTE = 32;

export function ongeldigeTekst(s: string): 'nul-teken' | 'los-surrogaat' | undefined {
  if (s.includes('\u0000')) return 'nul-teken';
  if (LOS_SURROGAAT.test(s)) return 'los-surrogaat';
  return undefined;
}

/**
 * The first string (or object key) in a parsed body that PostgreSQL cannot hold, depth first; or `te-diep` for a
 * body nested deeper than `MAX_DIEPTE`. Walks with a stack of its own, never by recursion: a body nested 10,000
 * levels deep must not overflow the call stack.
 */
export function zoekOngeldigeTekst(waarde: unknown): OngeldigeTekst | undefined {
  const stapel: Array<{ waarde: unknown; pad: readonly string[] }> = [{ waarde, pad: [] }];
  for (let top = stapel.pop(); top; top = stapel.pop()) {
    const { waarde: w, pad } = top;
    if (typeof w === 'string') {
      const soort = ongeldigeTekst(w);
      if (soort) return { pad: pad.join('.') || '(body)', soort };
      continue;
    }
    if (w === null || typeof w !== 'object') continue;
    if (pad.length >= MAX_DIEPTE) return { pad: pad.slice(0, 3).join('.') || '(body)', soort: 'te-diep' };
    const kinderen: Array<{ waarde: unknown; pad: readonly string[] }> = [];
    if (Array.isArray(w)) {
      for (const [i, v] of w.entries()) kinderen.push({ waarde: v, pad: [...pad, String(i)] });
    } else {
      for (const [k, v] of Object.entries(w)) {
        const sleutel = ongeldigeTekst(k);
        if (sleutel) return { pad: [...pad, '(veldnaam)'].join('.'), soort: sleutel };
        kinderen.push({ waarde: v, pad: [...pad, k] });
      }
    }
    // Reversed onto the stack, so the first child is looked at first (depth first, in order).
    for (let i = kinderen.length - 1; i >= 0; i--) stapel.push(kinderen[i]!);
  }
  return undefined;
}

/** The Dutch message for a refused body. */
export function meldingVoor(o: OngeldigeTekst): string {
  if (o.soort === 'te-diep')
    return `Het veld ${o.pad} is te diep genest (meer dan ${MAX_DIEPTE} niveaus); dat verwerken wij niet.`;
  const wat =
    o.soort === 'nul-teken' ? 'een NUL-teken' : 'een ongeldig teken (een los surrogaat in de tekencodering)';
  return `Het veld ${o.pad} bevat ${wat}; dat kan niet worden opgeslagen. Haal het teken weg en probeer het opnieuw.`;
}
