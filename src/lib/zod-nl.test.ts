import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nederlandseFoutmelding, zetNederlandseFoutmeldingen } from './zod-nl.ts';

/**
 * Issue 16: no raw validation text anywhere. The registry of form schemas is the convention of the architecture:
 * every input a page or the API validates is a zod schema exported from a module's `*.schemas.ts` file. This test
 * finds every such file, takes every exported schema, feeds each field (and the whole input) values of the wrong
 * type, and asserts that every message is plain Dutch — no "Ongeldige invoer: verwacht getal, ontving NaN".
 */

const MODULES = join(import.meta.dirname, '..', 'modules');

function schemaBestanden(map: string): string[] {
  const uit: string[] = [];
  for (const naam of readdirSync(map)) {
    const pad = join(map, naam);
    if (statSync(pad).isDirectory()) uit.push(...schemaBestanden(pad));
    else if (naam.endsWith('.schemas.ts')) uit.push(pad);
  }
  return uit.sort();
}

/** Raw validator text: types, English, the nl locale's technical phrases. */
const RAUW =
  /Ongeldige invoer|Ongeldige optie|Ongeldige tekst|Ongeldig:|Ongeldig getal|verwacht|ontving|NaN|Invalid|expected|received|Required|undefined|instanceof|Onbekende key|UUID|ISO |\bnull\b|\bobject\b|\barray\b|\bstring\b|\bnumber\b|\bboolean\b/;

const FOUTE_WAARDEN: readonly unknown[] = [
  'onzin',
  'NaN',
  Number.NaN,
  -1,
  12.345,
  true,
  [],
  ['x'],
  {},
  { a: 1 },
  '',
  '   ',
  null,
  'x'.repeat(20_001),
];

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
};
const defVan = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The object or array inside wrappers (optional, nullable, default, pipe, …), if any. */
function kern(s: z.ZodType, diepte = 0): z.ZodType {
  if (diepte > 10) return s;
  const d = defVan(s);
  if (d.innerType) return kern(d.innerType, diepte + 1);
  if (d.type === 'pipe' && d.in) return kern(d.in, diepte + 1);
  return s;
}

/** Inputs with one field of the wrong type (recursing into nested objects and arrays of objects). */
function fouteInvoer(s: z.ZodType, diepte = 0): unknown[] {
  const k = kern(s);
  const d = defVan(k);
  const uit: unknown[] = [...FOUTE_WAARDEN];
  if (diepte > 3) return uit;
  if (d.type === 'object' && d.shape) {
    for (const [veld, sub] of Object.entries(d.shape))
      for (const waarde of fouteInvoer(sub, diepte + 1)) uit.push({ [veld]: waarde });
  } else if (d.type === 'array' && d.element) {
    for (const waarde of fouteInvoer(d.element, diepte + 1)) uit.push([waarde]);
  }
  return uit;
}

let schemas: Array<{ naam: string; schema: z.ZodType }> = [];

beforeAll(async () => {
  zetNederlandseFoutmeldingen();
  for (const bestand of schemaBestanden(MODULES)) {
    const mod = (await import(pathToFileURL(bestand).href)) as Record<string, unknown>;
    for (const [naam, waarde] of Object.entries(mod))
      if (waarde instanceof z.ZodType)
        schemas.push({ naam: `${relative(MODULES, bestand)}#${naam}`, schema: waarde });
  }
  schemas = schemas.sort((a, b) => a.naam.localeCompare(b.naam));
}, 60_000);

describe('every form schema answers wrong input in plain Dutch', () => {
  it('finds the schemas (a broken discovery must not pass as "nothing raw")', () => {
    expect(schemas.length).toBeGreaterThan(80);
    expect(schemas.map((s) => s.naam)).toEqual(
      expect.arrayContaining([
        'uitvoering/uitvoering.schemas.ts#UrenInput',
        'klanten/klanten.schemas.ts#CreateKlantInput',
        'netwerk/netwerk.schemas.ts#ActiviteitInput',
      ]),
    );
  });

  it('no message of any schema is raw validator text', () => {
    const rauw = new Map<string, string>();
    let berichten = 0;
    for (const { naam, schema } of schemas)
      for (const invoer of fouteInvoer(schema)) {
        const r = schema.safeParse(invoer);
        if (r.success) continue;
        for (const issue of r.error.issues) {
          berichten++;
          const m = issue.message;
          if (m.trim() === '' || RAUW.test(m)) rauw.set(`${naam} ${issue.path.join('.')}: ${m}`, m);
        }
      }
    expect(berichten).toBeGreaterThan(1000);
    expect([...rauw.keys()].slice(0, 40)).toEqual([]);
    // Thousands of parses: seconds of CPU on a busy machine, more than the unit tier's default 5 s allow.
  }, 60_000);
});

describe('the Dutch error map', () => {
  beforeAll(() => zetNederlandseFoutmeldingen());
  it.each([
    ['a number field given text', z.coerce.number(), 'abc', 'Vul een getal in, bijvoorbeeld 4 of 2,5.'],
    ['a missing field', z.object({ a: z.string() }), {}, 'Vul dit veld in.'],
    ['an empty required text', z.string().min(1), '', 'Vul dit veld in.'],
    ['too long', z.string().max(3), 'abcd', 'Dit is te lang: hoogstens 3 tekens.'],
    ['a choice outside the list', z.enum(['a', 'b']), 'c', 'Kies een van de mogelijkheden.'],
    [
      'a bad e-mail address',
      z.email(),
      'x',
      'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
    ],
    ['a bad date', z.iso.date(), '2027-13-01', 'Vul een geldige datum in, bijvoorbeeld 2027-03-01.'],
    [
      'quarters of an hour',
      z.number().multipleOf(0.25),
      1.1,
      'Vul hele of kwart uren in, bijvoorbeeld 2,25.',
    ],
    ['above the maximum', z.number().max(24), 25, 'Vul een getal van 24 of minder in.'],
  ])('%s', (_wat, schema, invoer, melding) => {
    const r = (schema as z.ZodType).safeParse(invoer);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(melding);
  });

  it('a schema’s own message wins', () => {
    const r = z.string({ error: 'Vul uw naam in.' }).safeParse(3);
    expect(r.error?.issues[0]?.message).toBe('Vul uw naam in.');
    expect(nederlandseFoutmelding).toBeTypeOf('function');
  });
});
