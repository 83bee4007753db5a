import { z } from 'zod';
import { AppError } from '../../http/app-error.ts';
import { isIsoDatum } from '../klanten/index.ts';
import { ARTIKEL_REGELS, REGELS, UITKOMSTEN, VORMEN, WEERGAVENAMEN } from '../verordening/index.ts';

/** Dutch messages per field (`datum`, `klantGetekendOp`). */
export type Veldfouten = Record<string, string>;

/** Invalid input: pages show the messages with 422 and keep what was typed; the API answers problem+json 400. */
export class OvereenkomstInvoerfout extends AppError {
  readonly velden: Veldfouten;

  constructor(velden: Veldfouten) {
    super('ongeldige-invoer', { userMessage: Object.values(velden).join(' ') || undefined });
    this.velden = velden;
  }
}

export function parseInvoer<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) {
    const velden: Veldfouten = {};
    for (const issue of r.error.issues)
      velden[issue.path.map(String).join('.') || 'formulier'] ??= issue.message;
    throw new OvereenkomstInvoerfout(velden);
  }
  return r.data;
}

const datum = (leeg: string) =>
  z
    .string({ error: leeg })
    .trim()
    .min(1, leeg)
    .refine(isIsoDatum, 'Vul een bestaande datum in, bijvoorbeeld 2026-07-02.')
    .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'Kies een datum tussen 2000 en 2100.')
    .meta({ description: 'Datum (JJJJ-MM-DD)', format: 'date' });

export const BesluitInput = z
  .object({
    datum: datum('Vul de datum van het besluit in.'),
    ondertekenaar: z
      .string({ error: 'Vul in wie het besluit namens het college ondertekent.' })
      .trim()
      .min(1, 'Vul in wie het besluit namens het college ondertekent.')
      .max(300, 'De ondertekenaar is te lang (hoogstens 300 tekens).')
      .describe('Naam en functie van wie namens het college tekent, bijvoorbeeld "A. Jansen, teamleider"'),
    verzenddatum: datum('Vul de verzenddatum in: de dag waarop het besluit naar de klant gaat.').describe(
      'De dag waarop het besluit wordt verzonden (bekendgemaakt, art. 3:41 Awb). De startdatum mag niet eerder liggen.',
    ),
  })
  .meta({ id: 'BesluitNieuw' });
export type BesluitInput = z.input<typeof BesluitInput>;

export const AcceptatieInput = z
  .object({
    overeenkomstDatum: datum('Vul de datum in die op de overeenkomst staat.'),
    klantGetekendOp: datum('Vul in wanneer u de overeenkomst getekend van de klant terugkreeg.'),
    organisatieGetekendOp: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || isIsoDatum(v), 'Vul een bestaande datum in, bijvoorbeeld 2026-07-02.')
      .describe('Getekend ontvangen van de organisatie (alleen als er een organisatie is)'),
    bevestigingsreden: z
      .string()
      .trim()
      .max(1000, 'De reden is te lang (hoogstens 1000 tekens).')
      .optional()
      .transform((v) => (v ? v : undefined))
      .describe(
        'Alleen bij een vrijwillige overeenkomst die is gedateerd na de startdatum: waarom zij bevestigt wat al loopt',
      ),
  })
  .meta({ id: 'AcceptatieNieuw' });
export type AcceptatieInput = z.input<typeof AcceptatieInput>;

/** What a check run keeps of the version (what documents cite). */
export const VersieSnapshot = z
  .object({
    id: z.uuid(),
    ingangsdatum: z.iso.date(),
    titel: z.string(),
    vorm: z.enum(VORMEN),
    weergavenaam: z.enum(WEERGAVENAMEN),
    artikelen: z.record(z.enum(ARTIKEL_REGELS), z.string()),
    minDagenVerzendingStart: z
      .number()
      .int()
      .optional()
      .describe(
        'Minder dagen tussen verzending en start geeft een waarschuwing (ontbreekt bij oudere toetsen: 5)',
      ),
    artikelMaatregel: z
      .string()
      .optional()
      .describe('Artikel van de afstemmingsverordening (met art. 18 lid 2 Participatiewet)'),
  })
  .meta({ id: 'VerordeningVersieSamenvatting' });
export type VersieSnapshot = z.infer<typeof VersieSnapshot>;

export const Toetsing = z
  .object({
    id: z.uuid(),
    tegenprestatieId: z.uuid(),
    startdatum: z.iso.date().describe('De startdatum waarop de geldende versie is gekozen'),
    versie: VersieSnapshot,
    voldoet: z.boolean().describe('Geen enkele regel "voldoet niet"'),
    uitkomsten: z.array(
      z.object({
        regel: z.enum(REGELS),
        uitkomst: z.enum(UITKOMSTEN),
        uitleg: z.string(),
        artikel: z.string(),
      }),
    ),
    doorNaam: z.string(),
    uitgevoerdOp: z.iso.datetime(),
  })
  .meta({ id: 'Toetsing' });
export type Toetsing = z.infer<typeof Toetsing>;

/** What an imposing decision printed about its legal basis, kept with it so that the document never changes. */
export interface BesluitGrondslag {
  /** Per regime of the period: its part (van–tot, inclusive; tot null = open) and the recorded basis. */
  regimes: Array<{ van: string; tot: string | null; artikel: string; omschrijving: string | null }>;
  /** The measures ordinance's article ('' when not recorded). */
  artikelMaatregel: string;
}

const DAGDELEN_LIJST = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'].flatMap((d) =>
  ['ochtend', 'middag', 'avond'].map((t) => `${d}-${t}`),
) as [string, ...string[]];

const optioneleDatum = (description: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isIsoDatum(v), 'Vul een bestaande datum in, bijvoorbeeld 2026-07-02.')
    .meta({ description, format: 'date' });

/** A new version of a running agreement (after an evaluation with `aanpassen`). */
export const VersieVoorstelInput = z
  .object({
    urenPerWeek: z
      .number({ error: 'Vul het aantal uren per week in als getal, bijvoorbeeld 8.' })
      .min(0.5, 'Vul minstens een half uur per week in.')
      .max(40, 'Hoogstens 40 uur per week.')
      .multipleOf(0.5, 'Vul hele of halve uren in.'),
    dagdelen: z
      .array(z.enum(DAGDELEN_LIJST, { error: 'Kies dagdelen uit de lijst.' }), {
        error: 'Kies de dagdelen.',
      })
      .min(1, 'Kies minstens één dagdeel.')
      .max(21, 'Kies hoogstens 21 dagdelen.'),
    einddatum: optioneleDatum('De nieuwe laatste dag (leeg: geen einddatum)'),
    ingangsdatum: datum('Vul in vanaf wanneer de nieuwe afspraken gelden.'),
    toelichting: z
      .string({ error: 'Schrijf op wat er verandert en waarom.' })
      .trim()
      .min(1, 'Schrijf op wat er verandert en waarom.')
      .max(2000, 'De toelichting is te lang (hoogstens 2000 tekens).'),
    klantAkkoord: z
      .boolean({ error: 'Geef aan of de klant het eens is met de wijziging.' })
      .describe(
        'Is de klant het eens met de wijziging? Meer uren, dagdelen of maanden zonder instemming: 422',
      ),
  })
  .meta({ id: 'OvereenkomstVersieNieuw' });
export type VersieVoorstelInput = z.input<typeof VersieVoorstelInput>;

/** The three parties' confirmation of a new version (and, where imposed, the change decision). */
export const VersieBevestigingInput = z
  .object({
    overeenkomstDatum: datum('Vul de datum in die op de nieuwe versie staat.'),
    klantGetekendOp: datum('Vul in wanneer u de nieuwe versie getekend van de klant terugkreeg.'),
    organisatieGetekendOp: optioneleDatum('Getekend ontvangen van de organisatie (als er een is)'),
    besluitDatum: optioneleDatum('Alleen waar de gemeente oplegt: de datum van het wijzigingsbesluit'),
    verzenddatum: optioneleDatum('Alleen waar de gemeente oplegt: de verzenddatum van het wijzigingsbesluit'),
    besluitOndertekenaar: z
      .string()
      .trim()
      .max(300, 'De ondertekenaar is te lang (hoogstens 300 tekens).')
      .optional()
      .transform((v) => (v ? v : undefined))
      .describe('Alleen waar de gemeente oplegt: wie het wijzigingsbesluit namens het college tekent'),
  })
  .meta({ id: 'OvereenkomstVersieBevestiging' });
export type VersieBevestigingInput = z.input<typeof VersieBevestigingInput>;

export const VersieIntrekkingInput = z
  .object({
    reden: z
      .string({ error: 'Schrijf op waarom de nieuwe versie niet doorgaat.' })
      .trim()
      .min(1, 'Schrijf op waarom de nieuwe versie niet doorgaat.')
      .max(2000, 'De reden is te lang (hoogstens 2000 tekens).'),
  })
  .meta({ id: 'OvereenkomstVersieIntrekking' });
export type VersieIntrekkingInput = z.input<typeof VersieIntrekkingInput>;

const AfspraakSchema = z.object({
  urenPerWeek: z.number(),
  dagdelen: z.array(z.string()),
  einddatum: z.iso.date().nullable(),
});

/** One version of a placement's agreement (1 = the accepted agreement; 2, 3, … = changes while it runs). */
export const OvereenkomstVersie = z
  .object({
    nummer: z.number().int().min(1),
    status: z
      .enum(['voorgesteld', 'bevestigd', 'ingetrokken'])
      .describe('voorgesteld: wacht op de bevestiging van de drie partijen'),
    inKracht: z.boolean().describe('Is dit de versie die nu geldt?'),
    ingangsdatum: z.iso.date().nullable().describe('Vanaf wanneer de versie geldt (versie 1: de startdatum)'),
    afspraak: AfspraakSchema,
    vorige: AfspraakSchema.nullable(),
    verlengingMaanden: z.number().int().nullable(),
    toelichting: z.string().nullable(),
    evaluatieId: z.uuid().nullable(),
    uitkomsten: z.array(
      z.object({
        regel: z.enum(REGELS),
        uitkomst: z.enum(UITKOMSTEN),
        uitleg: z.string(),
        artikel: z.string(),
      }),
    ),
    voldoet: z.boolean().describe('Geen enkele regel van de verordening "voldoet niet"'),
    besluit: z
      .object({ datum: z.iso.date(), verzenddatum: z.iso.date(), ondertekenaar: z.string() })
      .nullable()
      .describe('Het wijzigingsbesluit van het college (alleen waar de gemeente oplegt)'),
    bevestiging: z
      .object({
        overeenkomstDatum: z.iso.date(),
        klantGetekendOp: z.iso.date(),
        organisatieGetekendOp: z.iso.date().nullable(),
      })
      .nullable(),
    ingetrokkenReden: z.string().nullable(),
    doorNaam: z.string().nullable(),
  })
  .meta({ id: 'OvereenkomstVersie' });
export type OvereenkomstVersie = z.infer<typeof OvereenkomstVersie>;
