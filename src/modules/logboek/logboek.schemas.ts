import { z } from 'zod';
import { LOGBOEK_ACTIES } from './keten.ts';

/** A register id: stable, ASCII kebab-case, e.g. `va-klantdossier-tegenprestatie`. */
export const VerwerkingsactiviteitId = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Vul een code in, bijvoorbeeld va-matching.')
  .max(60, 'De code is te lang (hoogstens 60 tekens).')
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'Een code bestaat uit kleine letters, cijfers en streepjes, bijvoorbeeld va-matching.',
  );

const velden = {
  naam: z
    .string()
    .trim()
    .min(1, 'Vul de naam van de verwerking in.')
    .max(200, 'De naam is te lang (hoogstens 200 tekens).'),
  doel: z
    .string()
    .trim()
    .min(1, 'Vul het doel van de verwerking in.')
    .max(2000, 'Het doel is te lang (hoogstens 2000 tekens).'),
  grondslag: z
    .string()
    .trim()
    .min(1, 'Vul de grondslag in, bijvoorbeeld AVG art. 6 lid 1 sub e.')
    .max(1000, 'De grondslag is te lang (hoogstens 1000 tekens).'),
};

export const CreateVerwerkingsactiviteitInput = z.object({ id: VerwerkingsactiviteitId, ...velden });
export type CreateVerwerkingsactiviteitInput = z.infer<typeof CreateVerwerkingsactiviteitInput>;

export const UpdateVerwerkingsactiviteitInput = z.object(velden);
export type UpdateVerwerkingsactiviteitInput = z.infer<typeof UpdateVerwerkingsactiviteitInput>;

export interface Verwerkingsactiviteit {
  id: string;
  naam: string;
  doel: string;
  grondslag: string;
  aangemaaktOp: Date;
  gewijzigdOp: Date;
}

const uuid = z.uuid().transform((s) => s.toLowerCase());

/**
 * What a caller passes to `record`. The subject is a type and a stable pseudonymous id (a uuid or a register
 * code): never a name, e-mail address or BSN. Ids of 8 or 9 digits are refused because they look like a BSN.
 */
export const LogboekInvoer = z.object({
  actie: z.enum(LOGBOEK_ACTIES),
  subject: z.object({
    type: z
      .string()
      .regex(/^[a-z]+(-[a-z]+)*$/, 'subject.type is kebab-case, e.g. klant')
      .max(60),
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'subject.id is a pseudonymous id without spaces')
      .refine((s) => !/^\d{8,9}$/.test(s), 'subject.id looks like a BSN: use a pseudonymous id')
      .transform((s) => (/^[0-9A-Fa-f-]{36}$/.test(s) ? s.toLowerCase() : s)),
  }),
  verwerkingsactiviteit: VerwerkingsactiviteitId,
  /** The municipality the subject belongs to; null for service-level subjects (accounts, the register). */
  gemeenteId: uuid.nullable(),
  /** Needed when the actor is the system without a service (`systeemActor(reden)`). */
  dienstId: uuid.optional(),
  /** Defaults to the current request's id (see `metTrace`). */
  traceId: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,100}$/)
    .optional(),
});
export type LogboekInvoer = z.input<typeof LogboekInvoer>;

const dag = z.iso.date();

/** A search in the log about one subject (a person): who processed it, when, how and why. */
export const VerwerkingenVraag = z.object({
  subjecten: z.array(LogboekInvoer.shape.subject).min(1).max(10),
  actorId: z.union([z.uuid(), z.literal('systeem')]).optional(),
  actie: z.enum(LOGBOEK_ACTIES).optional(),
  van: dag.optional(),
  tot: dag.optional(),
  pagina: z.number().int().min(1).max(100000).optional(),
  paginaGrootte: z.number().int().min(1).max(10000).optional(),
});
export type VerwerkingenVraag = z.input<typeof VerwerkingenVraag>;

/** One entry of the log as the privacy officer sees it. */
export interface Verwerking {
  tijdstip: Date;
  gemeenteId: string | null;
  /** A staff member's id, or `systeem` (then `actorReden` says why). */
  actorId: string;
  actorReden: string | null;
  rol: string;
  actie: string;
  subject: { type: string; id: string };
  verwerkingsactiviteit: { id: string; naam: string };
  traceId: string | null;
}

export interface Verwerkingen {
  items: Verwerking[];
  totaal: number;
  pagina: number;
  paginaGrootte: number;
  aantalPaginas: number;
  /** Everyone who appears in the log about these subjects (for a filter), whatever the other filters. */
  actoren: Array<{ actorId: string; rol: string }>;
}
