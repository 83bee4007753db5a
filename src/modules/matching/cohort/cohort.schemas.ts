import { z } from 'zod';
import { AppError } from '../../../http/app-error.ts';
import { TOEPASSELIJKHEDEN } from '../../klanten/index.ts';

/** Field path → Dutch message. */
export type Veldfouten = Record<string, string>;

/** Invalid cohort input: 400 (pages show it with 422 and keep the input). */
export class CohortInvoerfout extends AppError {
  readonly velden: Veldfouten;

  constructor(velden: Veldfouten) {
    super('ongeldige-invoer', { userMessage: Object.values(velden).join(' ') || undefined });
    this.velden = velden;
  }
}

export function parseCohortInvoer<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const velden: Veldfouten = {};
  for (const fout of r.error.issues) {
    const pad = fout.path.join('.') || 'invoer';
    velden[pad] ??= fout.message;
  }
  throw new CohortInvoerfout(velden);
}

/** Largest cohort: the stress case of the benchmark (40,000 × 8,000). */
export const MAX_KLANTEN = 40_000;
export const MAX_ACTIVITEITEN = 8_000;
/** Candidates per client ("optimal over each client's top K"). */
export const STANDAARD_K = 50;

const uuid = z.uuid('Dit is geen geldige identificatie.').transform((s) => s.toLowerCase());

export const CohortSelectie = z
  .object({
    wijkId: uuid.optional(),
    klantmanagerId: uuid.optional(),
    toepasselijkheid: z.enum(TOEPASSELIJKHEDEN).optional(),
  })
  .meta({ id: 'CohortSelectie' })
  .describe(
    'Kies klanten met filters in plaats van een lijst: alle (open) klanten van de gemeente die passen.',
  );
export type CohortSelectie = z.infer<typeof CohortSelectie>;

export const StartCohortInput = z
  .object({
    gemeenteId: uuid.describe('De gemeente van het cohort; alle klanten horen bij deze gemeente'),
    klantIds: z
      .array(uuid)
      .min(1, 'Kies minstens één klant.')
      .max(MAX_KLANTEN, `Kies hoogstens ${MAX_KLANTEN} klanten.`)
      .optional()
      .describe('De klanten van het cohort (of gebruik selectie)'),
    selectie: CohortSelectie.optional(),
    activiteitIds: z
      .array(uuid)
      .min(1, 'Kies minstens één activiteit.')
      .max(MAX_ACTIVITEITEN, `Kies hoogstens ${MAX_ACTIVITEITEN} activiteiten.`)
      .optional()
      .describe('De activiteiten; zonder lijst: alle actieve activiteiten met vrije plaatsen in de gemeente'),
    k: z
      .number()
      .int()
      .min(1)
      .max(200)
      .optional()
      .describe(`Aantal kandidaten per klant waarover optimaal wordt verdeeld (standaard ${STANDAARD_K})`),
  })
  .refine((v) => v.klantIds !== undefined || v.selectie !== undefined, {
    message: 'Kies klanten: een lijst (klantIds) of een selectie.',
    path: ['klantIds'],
  })
  .refine((v) => v.klantIds === undefined || v.selectie === undefined, {
    message: 'Kies klanten met een lijst óf met een selectie, niet allebei.',
    path: ['selectie'],
  })
  .meta({ id: 'StartCohortInput' });
export type StartCohortInput = z.input<typeof StartCohortInput>;

export const COHORT_STATUSSEN = ['wachtrij', 'bezig', 'klaar', 'mislukt'] as const;
export const VOORSTEL_STATUSSEN = ['voorgesteld', 'niet-toegewezen', 'geaccepteerd', 'afgewezen'] as const;
export type VoorstelStatus = (typeof VOORSTEL_STATUSSEN)[number];

export const CohortRun = z
  .object({
    id: z.uuid(),
    gemeenteId: z.uuid(),
    status: z.enum(COHORT_STATUSSEN),
    voortgang: z.number().int().describe('Procent gereed (0–100)'),
    stap: z.string().nullable().describe('Wat de achtergrondtaak nu doet'),
    k: z.number().int(),
    aantalKlanten: z.number().int().nullable(),
    aantalActiviteiten: z.number().int().nullable(),
    aantalPlaatsen: z.number().int().nullable(),
    aantalParen: z.number().int().nullable().describe('Kandidaatparen na de harde filters (top-K per klant)'),
    aantalToegewezen: z.number().int().nullable(),
    doelwaarde: z.number().int().nullable().describe('Som van de scores (× 1000) van de voorgestelde paren'),
    fout: z.string().nullable(),
    aangemaaktOp: z.iso.datetime(),
    klaarOp: z.iso.datetime().nullable(),
  })
  .meta({ id: 'CohortRun' });
export type CohortRun = z.infer<typeof CohortRun>;

export const CohortVoorstel = z
  .object({
    klantId: z.uuid(),
    activiteitId: z.uuid().nullable(),
    score: z.number().int().nullable().describe('Score × 1000 (geheel getal)'),
    redenen: z.array(z.string()),
    reden: z.string().nullable().describe('Waarom de klant geen activiteit kreeg'),
    eersteKeusId: z
      .uuid()
      .nullable()
      .describe('De beste kandidaat van de klant, als die plaats naar een ander ging'),
    status: z.enum(VOORSTEL_STATUSSEN),
    tegenprestatieId: z.uuid().nullable().describe('De verkenning die bij accepteren is geopend'),
  })
  .meta({ id: 'CohortVoorstel' });
export type CohortVoorstel = z.infer<typeof CohortVoorstel>;

export const CohortToewijzing = CohortRun.extend({
  voorstellen: z.array(CohortVoorstel),
  totaalVoorstellen: z.number().int(),
  pagina: z.number().int(),
  paginaGrootte: z.number().int(),
}).meta({ id: 'CohortToewijzing' });
export type CohortToewijzing = z.infer<typeof CohortToewijzing>;

export const CohortBesluitInput = z
  .object({
    accepteer: z
      .array(uuid)
      .max(MAX_KLANTEN)
      .default([])
      .describe('Klanten wier voorgestelde paar u accepteert'),
    wijsAf: z.array(uuid).max(MAX_KLANTEN).default([]).describe('Klanten wier voorgestelde paar u afwijst'),
  })
  .refine((v) => v.accepteer.length + v.wijsAf.length > 0, {
    message: 'Kies minstens één paar.',
    path: ['accepteer'],
  })
  .meta({ id: 'CohortBesluitInput' });
export type CohortBesluitInput = z.input<typeof CohortBesluitInput>;

export const CohortBesluitUitkomst = z
  .object({
    geaccepteerd: z.array(z.object({ klantId: z.uuid(), tegenprestatieId: z.uuid() })),
    afgewezen: z.array(z.uuid()),
    overgeslagen: z
      .array(z.object({ klantId: z.uuid(), reden: z.string() }))
      .describe('Paren die niet (meer) konden worden geaccepteerd, met de reden'),
  })
  .meta({ id: 'CohortBesluitUitkomst' });
export type CohortBesluitUitkomst = z.infer<typeof CohortBesluitUitkomst>;
