import { z } from 'zod';
import { AppError } from '../../http/app-error.ts';
import { isIsoDatum } from '../klanten/index.ts';
import { BELASTINGEN, CATEGORIEEN, ORGANISATIE_TYPES } from '../netwerk/index.ts';
import { controleerDeelnemers, MAX_DEELNEMER_LENGTE, normaliseerDeelnemers } from './deelnemers.ts';

/**
 * Input and output schemas of conversations and own proposals. The same schemas validate API requests (route
 * schemas) and service input from the pages and the demo (a `GesprekInvoerfout` with a Dutch message per field).
 * Free text is kept as sent (blank becomes null); NUL and unpaired surrogates are refused (PostgreSQL text cannot
 * hold them).
 */

/** Dutch messages per field path (`datum`, `deelnemers`, `nieuweOrganisatie.naam`). */
export type Veldfouten = Record<string, string>;

/** Invalid input: pages show the messages with 422 and keep what was typed; the API answers 400. */
export class GesprekInvoerfout extends AppError {
  readonly velden: Veldfouten;

  constructor(velden: Veldfouten) {
    super('ongeldige-invoer', { userMessage: Object.values(velden).join(' ') || undefined });
    this.velden = velden;
  }
}

export function veldfoutenVan(error: z.ZodError): Veldfouten {
  const velden: Veldfouten = {};
  for (const issue of error.issues) velden[issue.path.map(String).join('.') || 'formulier'] ??= issue.message;
  return velden;
}

/** Parses service input; invalid input becomes a `GesprekInvoerfout`. */
export function parseInvoer<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new GesprekInvoerfout(veldfoutenVan(r.error));
  return r.data;
}

const lengte = (s: string) => [...s].length;
const LOS_SURROGAAT = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const tekst = (max: number) =>
  z
    .string({ error: 'Dit is tekst.' })
    .refine((s) => !s.includes('\u0000'), 'Deze tekst bevat een NUL-teken; dat kan niet worden opgeslagen.')
    .refine(
      (s) => !LOS_SURROGAAT.test(s),
      'Deze tekst bevat een ongeldig teken; dat kan niet worden opgeslagen.',
    )
    .refine((s) => lengte(s) <= max, `Hoogstens ${max} tekens.`);

/** Optional free text: blank becomes null; absent stays absent (PATCH: unchanged). */
const optTekst = (max: number) =>
  tekst(max)
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v));

/** Required free text: at least one non-space character. */
const verplicht = (max: number, leeg: string) =>
  z.string({ error: leeg }).pipe(tekst(max).refine((s) => s.trim().length > 0, leeg));

const Datum = z
  .string({ error: 'Vul de datum van het gesprek in.' })
  .refine(isIsoDatum, 'Vul een bestaande datum in (JJJJ-MM-DD), bijvoorbeeld 2026-11-27.')
  .refine((s) => s >= '2000-01-01', 'Vul een datum na 2000 in.')
  .meta({ format: 'date', example: '2026-11-27' });

const Deelnemers = z
  .array(tekst(MAX_DEELNEMER_LENGTE * 2))
  .max(100, 'Vul hoogstens 20 deelnemers in.')
  .transform((l, ctx) => {
    const d = normaliseerDeelnemers(l);
    const melding = controleerDeelnemers(d);
    if (melding) {
      ctx.addIssue({ code: 'custom', message: melding });
      return z.NEVER;
    }
    return d;
  })
  .meta({ description: 'Wie deden mee (namen of rollen), hoogstens 20.' });

/** The four parts of the guideline's conversation, plus notes and agreements. */
const GESPREK_TEKSTEN = {
  krachtEnBekwaamheid: optTekst(8000).meta({ description: '(a) Kracht en bekwaamheid' }),
  wensen: optTekst(8000).meta({ description: '(b) Wensen, ambities en kwaliteiten' }),
  eigenVoorstel: optTekst(8000).meta({ description: '(c) Eigen voorstel van de klant' }),
  socialeOmgeving: optTekst(8000).meta({ description: '(d) Eigen sociale omgeving' }),
  notities: optTekst(8000),
  afspraken: optTekst(8000).meta({ description: 'Afspraken en vervolgstappen' }),
};

export const GesprekInput = z
  .object({ datum: Datum, deelnemers: Deelnemers.default([]), ...GESPREK_TEKSTEN })
  .meta({ id: 'GesprekInvoer' });
export type GesprekInput = z.input<typeof GesprekInput>;
export type GesprekInvoer = z.output<typeof GesprekInput>;

/** PATCH: absent = unchanged; null or blank text = cleared. */
export const GesprekWijziging = z
  .object({
    datum: Datum.optional(),
    deelnemers: Deelnemers.optional(),
    krachtEnBekwaamheid: GESPREK_TEKSTEN.krachtEnBekwaamheid,
    wensen: GESPREK_TEKSTEN.wensen,
    eigenVoorstel: GESPREK_TEKSTEN.eigenVoorstel,
    socialeOmgeving: GESPREK_TEKSTEN.socialeOmgeving,
    notities: GESPREK_TEKSTEN.notities,
    afspraken: GESPREK_TEKSTEN.afspraken,
  })
  .meta({ id: 'GesprekWijziging' });
export type GesprekWijziging = z.input<typeof GesprekWijziging>;

/** Which of the four parts hold text. */
export const Onderdelen = z
  .object({
    krachtEnBekwaamheid: z.boolean(),
    wensen: z.boolean(),
    eigenVoorstel: z.boolean(),
    socialeOmgeving: z.boolean(),
  })
  .meta({ id: 'GesprekOnderdelen' });
export type Onderdelen = z.infer<typeof Onderdelen>;

export const ONDERDELEN = ['krachtEnBekwaamheid', 'wensen', 'eigenVoorstel', 'socialeOmgeving'] as const;
export type Onderdeel = (typeof ONDERDELEN)[number];
export const ONDERDEEL_NAMEN: Record<Onderdeel, string> = {
  krachtEnBekwaamheid: 'Kracht en bekwaamheid',
  wensen: 'Wensen, ambities en kwaliteiten',
  eigenVoorstel: 'Eigen voorstel',
  socialeOmgeving: 'Eigen sociale omgeving',
};

// ---- Own proposals -----------------------------------------------------------------------------------------------

export const VOORSTEL_SOORT_NAMEN = {
  'bestaande-organisatie': 'Bij een organisatie uit het netwerk',
  'nieuwe-organisatie': 'Bij een nieuwe organisatie',
  'zonder-organisatie': 'Zonder organisatie (bijvoorbeeld mantelzorg of hulp in de buurt)',
} as const;
export type VoorstelSoort = keyof typeof VOORSTEL_SOORT_NAMEN;
export const VOORSTEL_SOORTEN = Object.keys(VOORSTEL_SOORT_NAMEN) as VoorstelSoort[];

const NieuweOrganisatie = z.object({
  naam: verplicht(200, 'Vul de naam van de nieuwe organisatie in.'),
  type: z.enum(ORGANISATIE_TYPES, { error: 'Kies het soort organisatie.' }),
  plaats: optTekst(100),
  postcode: optTekst(10),
  website: optTekst(300),
});

const Uren = z
  .number({ error: 'Vul het aantal uren per week in als getal, bijvoorbeeld 4.' })
  .min(0.5, 'Vul minstens een half uur per week in.')
  .max(40, 'Hoogstens 40 uur per week.')
  .multipleOf(0.5, 'Vul hele of halve uren in.');

export const EigenVoorstelInput = z
  .object({
    titel: verplicht(200, 'Vul in wat de klant wil doen (een korte titel).'),
    omschrijving: verplicht(4000, 'Beschrijf het voorstel in eenvoudige woorden.'),
    soort: z.enum(VOORSTEL_SOORTEN, { error: 'Kies waar de klant het wil doen.' }),
    organisatieId: z
      .uuid({ error: 'Kies een organisatie uit de lijst.' })
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    nieuweOrganisatie: NieuweOrganisatie.nullable()
      .optional()
      .transform((v) => v ?? null),
    maatschappelijkNut: z.boolean({ error: 'Kies of het voorstel maatschappelijk nuttig is.' }),
    nutMotivering: verplicht(4000, 'Leg uit waarom het voorstel wel of niet maatschappelijk nuttig is.'),
    categorie: z
      .enum(CATEGORIEEN, { error: 'Kies een categorie.' })
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    fysiekeBelasting: z
      .enum(BELASTINGEN, { error: 'Kies hoe zwaar het werk lichamelijk is.' })
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    urenPerWeek: Uren.nullable()
      .optional()
      .transform((v) => v ?? null),
    locatie: optTekst(300),
  })
  .superRefine((v, ctx) => {
    if (v.soort === 'bestaande-organisatie' && !v.organisatieId)
      ctx.addIssue({
        code: 'custom',
        path: ['organisatieId'],
        message: 'Kies een organisatie uit de lijst.',
      });
    if (v.soort === 'nieuwe-organisatie' && !v.nieuweOrganisatie)
      ctx.addIssue({
        code: 'custom',
        path: ['nieuweOrganisatie.naam'],
        message: 'Vul de naam van de nieuwe organisatie in.',
      });
    if (v.maatschappelijkNut) {
      if (!v.categorie) ctx.addIssue({ code: 'custom', path: ['categorie'], message: 'Kies een categorie.' });
      if (!v.fysiekeBelasting)
        ctx.addIssue({
          code: 'custom',
          path: ['fysiekeBelasting'],
          message: 'Kies hoe zwaar het werk lichamelijk is.',
        });
      if (v.urenPerWeek === null)
        ctx.addIssue({
          code: 'custom',
          path: ['urenPerWeek'],
          message: 'Vul het aantal uren per week in, bijvoorbeeld 4.',
        });
    }
  })
  .meta({ id: 'EigenVoorstelInvoer' });
export type EigenVoorstelInput = z.input<typeof EigenVoorstelInput>;
export type EigenVoorstelInvoer = z.output<typeof EigenVoorstelInput>;

// ---- Output ------------------------------------------------------------------------------------------------------

export const EigenVoorstel = z
  .object({
    id: z.uuid(),
    gesprekId: z.uuid(),
    klantId: z.uuid(),
    titel: z.string(),
    omschrijving: z.string(),
    soort: z.enum(VOORSTEL_SOORTEN),
    organisatieId: z
      .uuid()
      .nullable()
      .describe('De organisatie (bestaand of nieuw voorgesteld), als die er is'),
    nieuweOrganisatieNaam: z.string().nullable(),
    maatschappelijkNut: z.boolean(),
    nutMotivering: z.string(),
    activiteitId: z
      .uuid()
      .nullable()
      .describe('De maatwerkactiviteit die van het voorstel is gemaakt (alleen bij maatschappelijk nut)'),
    aangemaaktOp: z.iso.datetime(),
  })
  .meta({ id: 'EigenVoorstel' });
export type EigenVoorstel = z.infer<typeof EigenVoorstel>;

export const GesprekOverzicht = z
  .object({
    id: z.uuid().describe('Vaste identificatie van het gesprek'),
    klantId: z.uuid(),
    datum: z.iso.date(),
    deelnemers: z.array(z.string()),
    onderdelen: Onderdelen,
    aantalEigenVoorstellen: z.number().int(),
  })
  .meta({ id: 'GesprekOverzicht' });
export type GesprekOverzicht = z.infer<typeof GesprekOverzicht>;

export const Gesprek = GesprekOverzicht.extend({
  krachtEnBekwaamheid: z.string().nullable(),
  wensen: z.string().nullable(),
  eigenVoorstel: z.string().nullable(),
  socialeOmgeving: z.string().nullable(),
  notities: z.string().nullable(),
  afspraken: z.string().nullable(),
  eigenVoorstellen: z.array(EigenVoorstel),
  aangemaaktOp: z.iso.datetime(),
  gewijzigdOp: z.iso.datetime(),
}).meta({ id: 'Gesprek' });
export type Gesprek = z.infer<typeof Gesprek>;

/** The latest conversation in short, for the tegenprestatie checklist. */
export interface GesprekSamenvatting {
  id: string;
  /** ISO date. */
  datum: string;
  onderdelen: Onderdelen;
}
