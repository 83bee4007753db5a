import { z } from 'zod';
import { FACTOREN } from './kernel.ts';

const punten = (naam: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce
      .number({ error: `Vul voor ${naam} een heel getal van 0 tot en met 1000 in.` })
      .int(`Vul voor ${naam} een heel getal in.`)
      .min(0, `Vul voor ${naam} niet minder dan 0 in.`)
      .max(1000, `Vul voor ${naam} niet meer dan 1000 in.`),
  );

/** The weights of one municipality, in points (0–1000) per factor. */
export const GewichtenInput = z
  .object({
    vaardigheden: punten('vaardigheden en interesses'),
    tekst: punten('wensen en omschrijving'),
    afstand: punten('afstand'),
    eigenNetwerk: punten('eigen netwerk'),
    organisatieType: punten('soort organisatie'),
    ervaring: punten('ervaring van de organisatie'),
    verordening: punten('aftrek boven de verordening'),
  })
  .refine((g) => g.vaardigheden + g.tekst + g.afstand + g.eigenNetwerk + g.organisatieType + g.ervaring > 0, {
    message: 'Geef minstens één factor (behalve de aftrek) meer dan 0 punten.',
    path: ['vaardigheden'],
  })
  .meta({ id: 'MatchingGewichten' });
export type GewichtenInput = z.infer<typeof GewichtenInput>;

export const RedenSchema = z
  .object({
    factor: z
      .enum([...FACTOREN, 'filter', 'info'])
      .describe('De factor, of filter/info voor een toelichting'),
    bijdrage: z
      .number()
      .int()
      .nullable()
      .describe('Bijdrage aan de score in punten (0–1000-schaal); null: uitleg'),
    tekst: z.string(),
  })
  .meta({ id: 'MatchingReden' });
export type RedenUit = z.infer<typeof RedenSchema>;

export const Suggestie = z
  .object({
    activiteitId: z.uuid(),
    titel: z.string(),
    organisatieNaam: z.string().nullable(),
    organisatieType: z.string().nullable(),
    categorie: z.string(),
    score: z.number().int().describe('Score × 1000, afgerond (1–1000)'),
    redenen: z.array(RedenSchema),
  })
  .meta({ id: 'MatchingSuggestie' });
export type Suggestie = z.infer<typeof Suggestie>;

export const PassendeActiviteiten = z
  .object({
    klantId: z.uuid(),
    aantalBekeken: z.number().int().describe('Aantal bruikbare activiteiten in de gemeente'),
    aantalPassend: z.number().int().describe('Aantal activiteiten door de harde filters'),
    uitgesloten: z.string().nullable().describe('Waarom geen activiteit past (null als er suggesties zijn)'),
    verordeningMaxUren: z.number().nullable(),
    vermogen: z
      .object({
        bron: z
          .enum(['belastbaarheid', 'geen-beperkingen-bekend', 'niet-vastgelegd'])
          .describe(
            'Waar het vermogen vandaan komt; niet-vastgelegd: geen urenfilter, geen grens aangenomen',
          ),
        ruimteUren: z
          .number()
          .nullable()
          .describe('Uren per week die de klant nog kan (null: geen belastbaarheid vastgelegd)'),
        urenElders: z
          .number()
          .describe('Uren per week in andere afgesproken of lopende tegenprestaties van de klant'),
        uitleg: z.string(),
      })
      .describe('Naar vermogen: wat de klant nog kan naast werk en andere tegenprestaties'),
    gewichten: z.record(z.string(), z.number().int()),
    activiteiten: z.array(Suggestie),
  })
  .meta({ id: 'PassendeActiviteiten' });
export type PassendeActiviteiten = z.infer<typeof PassendeActiviteiten>;

export const Kandidaat = z
  .object({
    klantId: z.uuid(),
    naam: z.string(),
    klantnummer: z.string().nullable(),
    score: z.number().int(),
    redenen: z.array(RedenSchema),
  })
  .meta({ id: 'MatchingKandidaat' });
export type Kandidaat = z.infer<typeof Kandidaat>;

export const Kandidaten = z
  .object({
    activiteitId: z.uuid(),
    titel: z.string(),
    bruikbaar: z.boolean(),
    nietBruikbaarRedenen: z.array(z.string()).describe('Waarom de activiteit nu niet gebruikt kan worden'),
    aantalBekeken: z.number().int(),
    kandidaten: z.array(Kandidaat),
  })
  .meta({ id: 'MatchingKandidaten' });
export type Kandidaten = z.infer<typeof Kandidaten>;

export const LimietQuery = z.object({
  limiet: z.coerce.number().int().min(1).max(100).default(25).describe('Hoeveel resultaten (1–100)'),
});
