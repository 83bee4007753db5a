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
