import { z } from 'zod';
import { LOGBOEK_ACTIES } from '../logboek/index.ts';

/** Find a client for the log: by klantnummer or exact BSN (sent in a body or posted form, never in a URL). */
export const ZoekKlantInput = z
  .object({
    klantnummer: z.string().trim().max(40, 'Een klantnummer heeft hoogstens 40 tekens.').optional(),
    bsn: z.string().trim().max(20, 'Een BSN heeft 9 cijfers.').optional(),
  })
  .meta({ id: 'VerwerkingenZoekvraag' });
export type ZoekKlantInput = z.infer<typeof ZoekKlantInput>;

const dag = z.iso.date({ error: 'Vul een datum in als dag-maand-jaar.' });

/** Filters on a client's log (query string of the page and the API). */
export const VerwerkingenFilter = z
  .object({
    actorId: z
      .union([z.uuid(), z.literal('systeem')], { error: 'Kies een medewerker uit de lijst.' })
      .optional()
      .describe('Alleen wat deze medewerker (of het systeem) deed'),
    actie: z.enum(LOGBOEK_ACTIES, { error: 'Kies een handeling uit de lijst.' }).optional(),
    van: dag.optional().describe('Vanaf deze dag (Europe/Amsterdam)'),
    tot: dag.optional().describe('Tot en met deze dag (Europe/Amsterdam)'),
    pagina: z.coerce.number().int().min(1).max(100000).optional(),
    paginaGrootte: z.coerce.number().int().min(1).max(200).optional(),
  })
  .refine((f) => !f.van || !f.tot || f.van <= f.tot, {
    path: ['tot'],
    message: 'De einddatum ligt voor de begindatum.',
  });
export type VerwerkingenFilter = z.infer<typeof VerwerkingenFilter>;

export const Gemeente = z.object({ id: z.uuid(), naam: z.string() });

/** A client as the privacy officer sees it: the pseudonymous id, the klantnummer and the municipality only. */
export const GevondenKlant = z
  .object({
    id: z.uuid().describe('De vaste, pseudonieme identificatie van de klant (ook in het logboek)'),
    klantnummer: z.string().nullable(),
    gemeente: Gemeente,
  })
  .meta({ id: 'GevondenKlant' });
export type GevondenKlant = z.infer<typeof GevondenKlant>;

export const VerwerkingRegel = z
  .object({
    tijdstip: z.iso.datetime({ offset: true }),
    medewerker: z
      .object({ id: z.string(), naam: z.string() })
      .describe('Wie het deed; bij het systeem is id "systeem" en de naam de reden'),
    rol: z.string(),
    actie: z.enum(LOGBOEK_ACTIES),
    wat: z.enum(['dossier', 'bsn']).describe('Het dossier of het volledige BSN'),
    verwerkingsactiviteit: z.object({ id: z.string(), naam: z.string() }),
  })
  .meta({ id: 'Verwerking' });
export type VerwerkingRegel = z.infer<typeof VerwerkingRegel>;

export const VerwerkingenAntwoord = z
  .object({
    klant: GevondenKlant,
    items: z.array(VerwerkingRegel),
    totaal: z.number().int(),
    pagina: z.number().int(),
    paginaGrootte: z.number().int(),
    aantalPaginas: z.number().int(),
    medewerkers: z.array(z.object({ id: z.string(), naam: z.string() })),
  })
  .meta({ id: 'Verwerkingen' });
export type VerwerkingenAntwoord = z.infer<typeof VerwerkingenAntwoord>;

export const BewaartermijnInput = z.object({
  maanden: z.coerce
    .number({ error: 'Vul het aantal maanden in als een heel getal.' })
    .int('Vul het aantal maanden in als een heel getal.')
    .min(1, 'De bewaartermijn is minstens 1 maand.')
    .max(1200, 'De bewaartermijn is hoogstens 1200 maanden (100 jaar).'),
  grondslag: z
    .string()
    .trim()
    .min(1, 'Vul in waar de termijn vandaan komt, bijvoorbeeld het resultaat uit de selectielijst.')
    .max(500, 'De grondslag is te lang (hoogstens 500 tekens).'),
});
export type BewaartermijnInput = z.infer<typeof BewaartermijnInput>;
