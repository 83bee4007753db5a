import { z } from 'zod';
import { ROLLEN, type Rol } from '../../db/context.ts';
import { AppError } from '../../http/app-error.ts';

const Naam = (wat: string) =>
  z
    .string({ error: `Vul de naam van ${wat} in.` })
    .trim()
    .min(1, `Vul de naam van ${wat} in.`)
    .max(200, 'De naam is te lang (hoogstens 200 tekens).');

const Ids = (melding: string) => z.array(z.uuid({ error: melding }), { error: melding });

export const TeamInput = z.object({
  naam: Naam('het team'),
  gemeenteIds: Ids('Kies een gemeente uit de lijst.').min(
    1,
    'Kies minstens één gemeente die het team bedient.',
  ),
});
export type TeamInput = z.input<typeof TeamInput>;

export const Email = z
  .string({ error: 'Vul het e-mailadres in.' })
  .trim()
  .toLowerCase()
  .min(1, 'Vul het e-mailadres in.')
  .max(254, 'Het e-mailadres is te lang.')
  .pipe(z.email({ error: 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl.' }));

export const RolSchema = z.enum(ROLLEN, { error: 'Kies een rol.' });

const GebruikerVelden = z.object({
  naam: Naam('de gebruiker'),
  email: Email,
  rol: RolSchema,
  teamIds: Ids('Kies een team uit de lijst.').default([]),
  gemeenteIds: Ids('Kies een gemeente uit de lijst.').min(1, 'Kies minstens één gemeente.'),
});

/**
 * A user's data as the functioneel beheerder enters it. The role decides how many teams are needed: a
 * klantmanager belongs to exactly one team, a teamleider leads at least one. `teamsElders` counts the user's
 * teams the actor cannot see or change (they stay), so they count as well.
 */
export const gebruikerSchema = (teamsElders = 0) =>
  GebruikerVelden.superRefine((v, ctx) => {
    const totaal = teamsElders + v.teamIds.length;
    if (v.rol === 'klantmanager' && totaal !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['teamIds'],
        message:
          teamsElders > 0
            ? 'Deze klantmanager hoort al bij een team buiten uw gemeenten; een klantmanager hoort bij precies één team.'
            : 'Een klantmanager hoort bij precies één team.',
      });
    if (v.rol === 'teamleider' && totaal === 0)
      ctx.addIssue({ code: 'custom', path: ['teamIds'], message: 'Een teamleider leidt minstens één team.' });
  });
export const GebruikerInput = gebruikerSchema();
/** The input as it arrives (a form sends any text as the role; the schema checks it). */
export type GebruikerInput = Omit<z.input<typeof GebruikerInput>, 'rol'> & { rol: string };
export type GebruikerData = z.output<typeof GebruikerInput>;

export interface Team {
  id: string;
  naam: string;
  /** The municipalities the team serves (those the actor may see). */
  gemeenten: Array<{ id: string; naam: string }>;
}

export interface GebruikerOverzicht {
  id: string;
  naam: string;
  email: string;
  rol: Rol;
  isActief: boolean;
  isDemo: boolean;
  /** Has the user set a password (accepted the invitation)? */
  heeftWachtwoord: boolean;
  /** Has the user set up two-step verification (TOTP)? */
  heeftTweestapsverificatie: boolean;
  teams: Array<{ id: string; naam: string }>;
  /** The user's municipalities (those the actor may see). */
  gemeenten: Array<{ id: string; naam: string }>;
}

/** Field errors keyed by input field (`naam`, `email`, `rol`, `teamIds`, `gemeenteIds`, `code`). */
export type Veldfouten = Record<string, string>;

/**
 * Invalid input for an administration use case, with a Dutch message per field. Pages re-render the form with
 * these (422); the CLI prints them.
 */
export class Invoerfout extends AppError {
  readonly velden: Veldfouten;

  constructor(velden: Veldfouten) {
    super('niet-verwerkbaar', { userMessage: Object.values(velden).join(' ') || undefined });
    this.velden = velden;
  }
}

/** The first message per field of a zod error. */
export function veldfoutenVan(error: z.ZodError): Veldfouten {
  const velden: Veldfouten = {};
  for (const issue of error.issues) {
    const veld = String(issue.path[0] ?? 'formulier');
    velden[veld] ??= issue.message;
  }
  return velden;
}

/** Parses with a schema; invalid input becomes an `Invoerfout`. */
export function parseInvoer<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new Invoerfout(veldfoutenVan(result.error));
  return result.data;
}
