import { z } from 'zod';

export const GemeenteCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^GM\d{4}$/, 'Vul een gemeentecode in zoals GM0363 (GM en 4 cijfers).');

export const CreateGemeenteInput = z.object({
  naam: z
    .string()
    .trim()
    .min(1, 'Vul de naam van de gemeente in.')
    .max(200, 'De naam is te lang (hoogstens 200 tekens).'),
  code: GemeenteCode,
});
export type CreateGemeenteInput = z.infer<typeof CreateGemeenteInput>;

export const Gemeente = z
  .object({
    id: z.uuid().describe('Vaste identificatie van de gemeente'),
    naam: z.string().describe('Naam van de gemeente'),
    code: z.string().describe('CBS-gemeentecode, bijvoorbeeld GM0363'),
  })
  .meta({ id: 'Gemeente' });
export type Gemeente = z.infer<typeof Gemeente>;

export const CreateWijkInput = z.object({
  gemeenteId: z.uuid(),
  naam: z.string().trim().min(1, 'Vul de naam van de wijk in.').max(200),
  postcodes: z.array(z.string().regex(/^[1-9]\d{3}$/, 'Een postcodegebied is 4 cijfers, bijvoorbeeld 5611.')),
});
export type CreateWijkInput = z.infer<typeof CreateWijkInput>;
