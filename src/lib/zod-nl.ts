import { z } from 'zod';

/**
 * Plain Dutch messages for every zod check that has no message of its own (issue 16: no raw validation text such as
 * "Ongeldige invoer: verwacht getal, ontving NaN"). A schema's own message always wins; this map is the fallback for
 * the whole app, set once by `zetNederlandseFoutmeldingen()` (buildApp calls it; so does the test that walks every
 * form's schema). Messages speak to the person filling in the form: what to do, never the type that arrived.
 */
export const nederlandseFoutmelding: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined || issue.input === null) return 'Vul dit veld in.';
      switch (issue.expected) {
        case 'number':
        case 'int':
        case 'bigint':
          return 'Vul een getal in, bijvoorbeeld 4 of 2,5.';
        case 'boolean':
          return 'Kies ja of nee.';
        case 'string':
          return 'Vul hier tekst in.';
        case 'array':
        case 'set':
          return 'Kies een of meer mogelijkheden uit de lijst.';
        case 'date':
          return 'Vul een geldige datum in, bijvoorbeeld 2027-03-01.';
        default:
          return 'Dit onderdeel is niet goed ingevuld.';
      }
    }
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n <= 1 ? 'Vul dit veld in.' : `Vul minstens ${n} tekens in.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return n <= 1 ? 'Kies er minstens één.' : `Kies er minstens ${n}.`;
      if (issue.origin === 'date') return 'Deze datum is te vroeg.';
      return issue.inclusive ? `Vul een getal van ${n} of meer in.` : `Vul een getal groter dan ${n} in.`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return `Dit is te lang: hoogstens ${n} tekens.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Kies er hoogstens ${n}.`;
      if (issue.origin === 'date') return 'Deze datum is te laat.';
      return issue.inclusive ? `Vul een getal van ${n} of minder in.` : `Vul een getal kleiner dan ${n} in.`;
    }
    case 'invalid_format':
      switch (issue.format) {
        case 'email':
          return 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.';
        case 'date':
          return 'Vul een geldige datum in, bijvoorbeeld 2027-03-01.';
        case 'datetime':
          return 'Vul een geldige datum en tijd in.';
        case 'time':
          return 'Vul een geldige tijd in, bijvoorbeeld 09:30.';
        case 'url':
          return 'Vul een geldig webadres in, beginnend met https://.';
        case 'uuid':
        case 'guid':
          return 'Kies een mogelijkheid uit de lijst.';
        default:
          return 'Dit veld heeft niet de goede vorm.';
      }
    case 'invalid_value':
      return 'Kies een van de mogelijkheden.';
    case 'not_multiple_of':
      return Number(issue.divisor) === 0.25
        ? 'Vul hele of kwart uren in, bijvoorbeeld 2,25.'
        : `Vul een veelvoud van ${issue.divisor} in.`;
    case 'unrecognized_keys':
      return 'Het formulier bevat een onbekend veld. Laad de pagina opnieuw.';
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return 'Deze waarde is niet geldig.';
    default:
      return 'Deze waarde is niet geldig.';
  }
};

/** Sets the Dutch messages for the whole process (the nl locale stays underneath for anything unforeseen). */
export function zetNederlandseFoutmeldingen(): void {
  z.config(z.locales.nl());
  z.config({ customError: nederlandseFoutmelding });
}
