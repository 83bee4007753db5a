import { z } from 'zod';
import { AppError } from '../../http/app-error.ts';
import { isIsoDatum } from '../klanten/index.ts';
import {
  ARTIKEL_REGELS,
  type ArtikelRegel,
  REGELS,
  UITKOMSTEN,
  type VersieParameters,
  STANDAARD_MIN_DAGEN_VERZENDING,
  VORMEN,
  WEERGAVENAMEN,
} from './regels.ts';

/** Dutch messages per field path (`ingangsdatum`, `artikelen.uren`). */
export type Veldfouten = Record<string, string>;

/** Invalid input: pages show the messages with 422 and keep what was typed; the API answers problem+json 400 (409). */
export class VerordeningInvoerfout extends AppError {
  readonly velden: Veldfouten;

  constructor(velden: Veldfouten, code: 'ongeldige-invoer' | 'conflict' = 'ongeldige-invoer') {
    super(code, { userMessage: Object.values(velden).join(' ') || undefined });
    this.velden = velden;
  }
}

export function veldfoutenVan(error: z.ZodError): Veldfouten {
  const velden: Veldfouten = {};
  for (const issue of error.issues) velden[issue.path.map(String).join('.') || 'formulier'] ??= issue.message;
  return velden;
}

/** Parses service input; invalid input becomes a `VerordeningInvoerfout`. */
export function parseInvoer<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new VerordeningInvoerfout(veldfoutenVan(r.error));
  return r.data;
}

const datum = (leeg: string) =>
  z
    .string({ error: leeg })
    .trim()
    .min(1, leeg)
    .refine(isIsoDatum, 'Vul een bestaande datum in, bijvoorbeeld 2026-07-01.')
    .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'Kies een datum tussen 2000 en 2100.')
    .describe('Datum (JJJJ-MM-DD)');

const uren = (wat: string) =>
  z
    .number({ error: `Vul ${wat} in als getal, bijvoorbeeld 8.` })
    .min(0, `${wat[0]?.toUpperCase()}${wat.slice(1)} kan niet negatief zijn.`)
    .max(40, `${wat[0]?.toUpperCase()}${wat.slice(1)} is hoogstens 40 uur per week.`)
    .refine((n) => Number.isInteger(n * 2), 'Gebruik hele of halve uren, bijvoorbeeld 4 of 4,5.');

const maanden = (wat: string) =>
  z
    .number({ error: `Vul ${wat} in als heel getal, bijvoorbeeld 6.` })
    .int(`Vul ${wat} in als heel aantal maanden.`)
    .min(1, `${wat[0]?.toUpperCase()}${wat.slice(1)} is minstens 1 maand.`)
    .max(120, `${wat[0]?.toUpperCase()}${wat.slice(1)} is hoogstens 120 maanden.`);

const artikel = z
  .string({ error: 'Een artikel is tekst, bijvoorbeeld "art. 4 lid 1".' })
  .trim()
  .max(200, 'Een artikel is hoogstens 200 tekens.')
  .default('')
  .describe('Het artikel van de verordening voor deze regel, bijvoorbeeld "art. 4 lid 1"');

const Artikelen = z
  .object(Object.fromEntries(ARTIKEL_REGELS.map((r) => [r, artikel])) as Record<ArtikelRegel, typeof artikel>)
  .describe('Per regel het artikel van de verordening (leeg: niet ingevuld)');

const VersieVelden = z.object({
  ingangsdatum: datum('Vul de ingangsdatum in: vanaf die dag geldt deze versie.'),
  titel: z
    .string({ error: 'Vul de titel van de verordening in.' })
    .trim()
    .min(1, 'Vul de titel van de verordening in.')
    .max(200, 'De titel is te lang (hoogstens 200 tekens).')
    .describe('Citeertitel, bijvoorbeeld "Verordening tegenprestatie Aardam 2026"'),
  vorm: z.enum(VORMEN, {
    error: 'Kies of de gemeente het oplegt of alleen aanbiedt.',
  }),
  weergavenaam: z.enum(WEERGAVENAMEN, {
    error: 'Kies de naam: tegenprestatie of maatschappelijke participatie.',
  }),
  minUrenPerWeek: uren('het minimum aantal uren').nullable().default(null),
  maxUrenPerWeek: uren('het maximum aantal uren').nullable().default(null),
  maxDuurMaanden: maanden('de maximale duur').nullable().default(null),
  verlengingToegestaan: z.boolean({ error: 'Kies of verlenging mag.' }),
  maxVerlengingMaanden: maanden('de maximale verlenging').nullable().default(null),
  lokaleGrondIds: z
    .array(z.uuid({ error: 'Kies een lokale ontheffingsgrond uit de lijst.' }))
    .max(50, 'Kies hoogstens 50 gronden.')
    .default([])
    .describe('De lokale ontheffingsgronden (catalogus van de gemeente) die onder deze versie gelden'),
  schriftelijkeOvereenkomstVerplicht: z.boolean({
    error: 'Kies of een schriftelijke overeenkomst verplicht is.',
  }),
  artikelen: Artikelen.prefault({}),
  minDagenVerzendingStart: z
    .number({ error: 'Vul het aantal dagen in als heel getal, bijvoorbeeld 5.' })
    .int('Vul het aantal dagen in als heel getal, bijvoorbeeld 5.')
    .min(0, 'Het aantal dagen kan niet negatief zijn.')
    .max(90, 'Het aantal dagen is hoogstens 90.')
    .default(STANDAARD_MIN_DAGEN_VERZENDING)
    .describe(
      'Minimaal aantal dagen tussen de verzenddatum van een besluit en de startdatum; minder geeft een waarschuwing',
    ),
  artikelMaatregel: z
    .string({ error: 'Het artikel is tekst, bijvoorbeeld "art. 9 lid 1 onder b Afstemmingsverordening".' })
    .trim()
    .max(300, 'Het artikel is hoogstens 300 tekens.')
    .default('')
    .describe(
      'Het artikel van de afstemmingsverordening dat de bijstand verlaagt als een opgelegde verplichting niet wordt nagekomen (met art. 18 lid 2 Participatiewet)',
    ),
  toelichting: z
    .string({ error: 'De toelichting is tekst.' })
    .trim()
    .max(2000, 'De toelichting is te lang (hoogstens 2000 tekens).')
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
});

type VersieVeldenUit = z.output<typeof VersieVelden>;

/** The checks across fields of a version. */
function controleerVersie(v: VersieVeldenUit, ctx: z.RefinementCtx): void {
  if (v.minUrenPerWeek !== null && v.maxUrenPerWeek !== null && v.minUrenPerWeek > v.maxUrenPerWeek)
    ctx.addIssue({
      code: 'custom',
      path: ['maxUrenPerWeek'],
      message:
        'Het maximum aantal uren is lager dan het minimum. Maak het maximum gelijk aan of hoger dan het minimum.',
    });
  if (v.maxUrenPerWeek === 0)
    ctx.addIssue({
      code: 'custom',
      path: ['maxUrenPerWeek'],
      message: 'Het maximum aantal uren is meer dan 0.',
    });
  if (!v.verlengingToegestaan && v.maxVerlengingMaanden !== null)
    ctx.addIssue({
      code: 'custom',
      path: ['maxVerlengingMaanden'],
      message: 'Verlenging mag niet: laat de maximale verlenging leeg, of kies dat verlenging mag.',
    });
}

/** A new version of a municipality's ordinance (API body and service input; pages convert their form into it). */
export const VersieInput = VersieVelden.superRefine(controleerVersie).meta({ id: 'NieuweVerordeningVersie' });

/** A new version with its municipality (the body of `POST /api/v1/verordeningen`). */
export const VersieMetGemeenteInput = VersieVelden.extend({
  gemeenteId: z.uuid({ error: 'Kies een gemeente.' }).describe('De gemeente van de verordening'),
})
  .superRefine(controleerVersie)
  .meta({ id: 'NieuweVerordeningVersieMetGemeente' });
export type VersieInput = z.input<typeof VersieInput>;
export type VersieInvoer = z.output<typeof VersieInput>;

/** A saved version (immutable). */
export interface VerordeningVersie extends VersieParameters {
  id: string;
  gemeenteId: string;
  titel: string;
  toelichting: string | null;
  aangemaaktOp: string;
}

const Datum = z.iso.date();

export const Versie = z
  .object({
    id: z.uuid(),
    gemeenteId: z.uuid(),
    ingangsdatum: Datum.describe('Vanaf deze dag geldt de versie (tot de volgende versie)'),
    titel: z.string(),
    vorm: z
      .enum(VORMEN)
      .describe('opleggen: het college draagt het op (besluit); aanbieden: alleen vrijwillig'),
    weergavenaam: z.enum(WEERGAVENAMEN),
    naam: z.string().describe('De naam zoals op documenten: tegenprestatie of maatschappelijke participatie'),
    minUrenPerWeek: z.number().nullable(),
    maxUrenPerWeek: z.number().nullable(),
    maxDuurMaanden: z.number().int().nullable(),
    verlengingToegestaan: z.boolean(),
    maxVerlengingMaanden: z.number().int().nullable(),
    lokaleGrondIds: z.array(z.uuid()),
    schriftelijkeOvereenkomstVerplicht: z.boolean(),
    artikelen: z.object(
      Object.fromEntries(ARTIKEL_REGELS.map((r) => [r, z.string()])) as Record<ArtikelRegel, z.ZodString>,
    ),
    minDagenVerzendingStart: z
      .number()
      .int()
      .describe('Minder dagen tussen verzending van een besluit en de start geeft een waarschuwing'),
    artikelMaatregel: z.string().describe('Artikel van de afstemmingsverordening (leeg: niet vastgelegd)'),
    toelichting: z.string().nullable(),
    aangemaaktOp: z.string().describe('Tijdstip van vastleggen (ISO 8601)'),
  })
  .meta({ id: 'VerordeningVersie' });

export const RechtsgrondInput = z
  .object({
    vanaf: datum('Vul de datum in vanaf wanneer deze rechtsgrond geldt.'),
    artikel: z
      .string({ error: 'Het artikel is tekst.' })
      .trim()
      .max(300, 'Het artikel is te lang (hoogstens 300 tekens).')
      .nullable()
      .optional()
      .transform((v) => (v ? v : null))
      .describe('Het wetsartikel (citeertitel en artikel); leeg: geen grondslag vastgelegd'),
    omschrijving: z
      .string({ error: 'De korte tekst is tekst.' })
      .trim()
      .max(1000, 'De korte tekst is te lang (hoogstens 1000 tekens).')
      .nullable()
      .optional()
      .transform((v) => (v ? v : null))
      .describe('Korte tekst van de wettelijke grondslag, zoals een besluit die afdrukt'),
  })
  .superRefine((v, ctx) => {
    if (v.artikel && !v.omschrijving)
      ctx.addIssue({
        code: 'custom',
        path: ['omschrijving'],
        message: 'Vul ook de korte tekst van de grondslag in: die staat in het besluit.',
      });
    if (!v.artikel && v.omschrijving)
      ctx.addIssue({
        code: 'custom',
        path: ['artikel'],
        message: 'Vul het wetsartikel in bij deze korte tekst, of laat beide leeg.',
      });
  })
  .meta({ id: 'RechtsgrondInvoer' });
export type RechtsgrondInput = z.input<typeof RechtsgrondInput>;

export const RechtsgrondPeriode = z
  .object({
    vanaf: Datum,
    artikel: z.string().nullable().describe('null: voor dit regime is geen grondslag vastgelegd'),
    omschrijving: z.string().nullable().describe('Korte tekst van de grondslag'),
    tekst: z.string().describe('Het artikel, of de melding dat geen grondslag is vastgelegd'),
  })
  .meta({ id: 'RechtsgrondPeriode' });

export const Regeluitkomst = z
  .object({
    regel: z.enum(REGELS),
    uitkomst: z.enum(UITKOMSTEN),
    uitleg: z.string(),
    artikel: z.string(),
  })
  .meta({ id: 'Regeluitkomst' });
