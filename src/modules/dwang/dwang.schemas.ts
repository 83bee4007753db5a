import { z } from 'zod';
import { AppError } from '../../http/app-error.ts';
import { INCIDENT_BRONNEN, INCIDENT_SOORTEN } from './incidenten.ts';
import { GEDRAGINGEN } from './maatregelen.ts';

/** Invalid input: pages show the messages with 422 and keep what was typed; the API answers 400. */
export class DwangInvoerfout extends AppError {
  readonly velden: Record<string, string>;

  constructor(velden: Record<string, string>) {
    super('ongeldige-invoer', { userMessage: Object.values(velden).join(' ') || undefined });
    this.velden = velden;
  }
}

export function parseInvoer<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) {
    const velden: Record<string, string> = {};
    for (const issue of r.error.issues)
      velden[issue.path.map(String).join('.') || 'formulier'] ??= issue.message;
    throw new DwangInvoerfout(velden);
  }
  return r.data;
}

export const IncidentInput = z
  .object({
    soort: z.enum(INCIDENT_SOORTEN, { error: 'Kies wat er gebeurde.' }),
    datum: z.iso.date({ error: 'Vul de datum in, bijvoorbeeld 2026-12-07.' }),
    omschrijving: z
      .string({ error: 'Beschrijf wat er gebeurde.' })
      .trim()
      .min(1, 'Beschrijf wat er gebeurde.')
      .max(2000, 'De beschrijving is te lang (hoogstens 2000 tekens).'),
    bron: z.enum(INCIDENT_BRONNEN, { error: 'Kies wie het meldde.' }),
    bronNaam: z
      .string()
      .trim()
      .max(200, 'De naam is te lang (hoogstens 200 tekens).')
      .nullable()
      .optional()
      .transform((v) => (v ? v : null))
      .describe('Wie het meldde (naam of functie), als dat ertoe doet'),
  })
  .meta({ id: 'IncidentNieuw' });
export type IncidentInput = z.input<typeof IncidentInput>;

export const Incident = z
  .object({
    id: z.uuid(),
    tegenprestatieId: z.uuid(),
    soort: z.enum(INCIDENT_SOORTEN),
    datum: z.iso.date(),
    omschrijving: z.string(),
    bron: z.enum(INCIDENT_BRONNEN),
    bronNaam: z.string().nullable(),
    vastgelegdDoorNaam: z.string(),
    vastgelegdOp: z.iso.datetime(),
  })
  .meta({ id: 'Incident' });
export type Incident = z.infer<typeof Incident>;

export const PatroonUitkomst = z
  .object({
    tekst: z
      .string()
      .describe('Het patroon in gewone taal, bijvoorbeeld "2 keer niet verschenen binnen 28 dagen"'),
    datums: z.array(z.iso.date()),
    van: z.iso.date(),
    tot: z.iso.date(),
  })
  .meta({ id: 'IncidentPatroon' });

export const IncidentenOverzicht = z
  .object({
    incidenten: z.array(Incident),
    opgelegd: z.boolean().describe('Loopt de plaatsing onder een besluit dat de tegenprestatie oplegt?'),
    patroon: PatroonUitkomst.nullable().describe('Het patroon, als het vandaag is bereikt'),
  })
  .meta({ id: 'IncidentenOverzicht' });
export type IncidentenOverzicht = z.infer<typeof IncidentenOverzicht>;

// ---- The measures ordinance (section 3) ------------------------------------------------------------------------

const geheel = (wat: string, min: number, max: number) =>
  z
    .number({ error: `${wat}: vul een heel getal in.` })
    .int(`${wat}: vul een heel getal in.`)
    .min(min, `${wat}: minstens ${min}.`)
    .max(max, `${wat}: hoogstens ${max}.`);

export const MaatregelVerordeningInput = z
  .object({
    titel: z
      .string({ error: 'Vul de titel van de verordening in.' })
      .trim()
      .min(1, 'Vul de titel van de verordening in.')
      .max(300, 'De titel is te lang (hoogstens 300 tekens).'),
    ingangsdatum: z.iso.date({ error: 'Vul de ingangsdatum in, bijvoorbeeld 2026-01-01.' }),
    grondslag: z
      .literal('bijstandsnorm')
      .default('bijstandsnorm')
      .describe('De grondslag: de toepasselijke norm'),
    categorieen: z
      .array(
        z.object({
          nummer: geheel('Het nummer van de categorie', 1, 20),
          gedraging: z.enum(GEDRAGINGEN, { error: 'Kies de gedraging van deze categorie.' }),
          artikel: z
            .string({ error: 'Vul het artikel in.' })
            .trim()
            .min(1, 'Vul het artikel in.')
            .max(100, 'Het artikel is te lang (hoogstens 100 tekens).'),
          stappen: z
            .array(
              z.object({ percentage: geheel('Het percentage', 1, 100), maanden: geheel('De duur', 1, 3) }),
            )
            .min(1, 'Leg het percentage en de duur vast.')
            .max(5, 'Hoogstens 5 stappen.'),
          schriftelijkeWaarschuwing: z.boolean().default(false),
        }),
      )
      .max(10, 'Hoogstens 10 categorieën.'),
    bandbreedte: z.object({ min: geheel('Het minimum', 1, 100), max: geheel('Het maximum', 1, 100) }),
    recidiveMaanden: geheel('De recidivetermijn (maanden)', 1, 60),
    verjaringMaanden: geheel('De termijn voor ontdekken (maanden)', 1, 60),
    hoortermijnDagen: geheel('De termijn voor de zienswijze (dagen)', 1, 60).default(14),
  })
  .meta({ id: 'MaatregelverordeningNieuw' });
export type MaatregelVerordeningInput = z.input<typeof MaatregelVerordeningInput>;

export const MaatregelverordeningVersie = MaatregelVerordeningInput.extend({
  id: z.uuid(),
  gemeenteId: z.uuid(),
  hoortermijnDagen: z.number().int(),
  grondslag: z.literal('bijstandsnorm'),
  vastgelegdDoorNaam: z.string(),
  vastgelegdOp: z.iso.datetime(),
}).meta({ id: 'MaatregelverordeningVersie' });
export type MaatregelverordeningVersie = z.infer<typeof MaatregelverordeningVersie>;
