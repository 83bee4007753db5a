import { z } from 'zod';

/** Form input of the auth pages. Field messages are Dutch and plain. */

export const LoginInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(320, 'Het e-mailadres is te lang.')
    .pipe(
      z
        .string()
        .min(1, 'Vul uw e-mailadres in.')
        .regex(/^[^@\s]+@[^@\s]+$/, 'Vul een e-mailadres in zoals naam@gemeente.nl.'),
    ),
  wachtwoord: z.string().min(1, 'Vul uw wachtwoord in.').max(1024, 'Het wachtwoord is te lang.'),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const HerstelAanvraagInput = z.object({ email: LoginInput.shape.email });
export type HerstelAanvraagInput = z.infer<typeof HerstelAanvraagInput>;

export const ApiTokenInput = z.object({
  naam: z
    .string()
    .trim()
    .min(1, 'Geef het token een naam, bijvoorbeeld de naam van de koppeling.')
    .max(100, 'De naam is te lang (hoogstens 100 tekens).'),
});
export type ApiTokenInput = z.infer<typeof ApiTokenInput>;

/** The field errors of a failed parse, keyed by field name (first message per field). */
export function veldFouten(error: z.ZodError): Record<string, string> {
  const fouten: Record<string, string> = {};
  for (const issue of error.issues) {
    const veld = String(issue.path[0] ?? '');
    fouten[veld] ??= issue.message;
  }
  return fouten;
}
