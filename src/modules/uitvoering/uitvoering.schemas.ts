import { z } from 'zod';
import { AppError } from '../../http/app-error.ts';
import { BEEINDIGING_REDENEN, VERVOLGEN } from '../tegenprestaties/index.ts';

/** Dutch messages per field path (`dagen.2.uren`, `stemKlant`). */
export type Veldfouten = Record<string, string>;

/**
 * Invalid input: pages show the messages with 422 and keep what was typed; the API answers 400, or 409 with
 * `conflict` (a stored day changed since it was read).
 */
export class UitvoeringInvoerfout extends AppError {
  readonly velden: Veldfouten;

  constructor(velden: Veldfouten, code: 'ongeldige-invoer' | 'conflict' = 'ongeldige-invoer') {
    super(code, { userMessage: Object.values(velden).join(' ') || undefined });
    this.velden = velden;
  }
}

export function parseInvoer<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) {
    const velden: Veldfouten = {};
    for (const issue of r.error.issues)
      velden[issue.path.map(String).join('.') || 'formulier'] ??= issue.message;
    throw new UitvoeringInvoerfout(velden);
  }
  return r.data;
}

export const AFWEZIGHEDEN = ['ziek', 'vakantie', 'anders'] as const;
export type Afwezigheid = (typeof AFWEZIGHEDEN)[number];
export const AFWEZIG_NAMEN: Record<Afwezigheid, string> = {
  ziek: 'Ziek',
  vakantie: 'Vakantie',
  anders: 'Anders afwezig',
};

export const BESLUITEN = ['voortzetten', 'aanpassen', 'beeindigen'] as const;
export type Besluit = (typeof BESLUITEN)[number];
export const BESLUIT_NAMEN: Record<Besluit, string> = {
  voortzetten: 'Voortzetten',
  aanpassen: 'Aanpassen',
  beeindigen: 'Beëindigen',
};

export const AFLOPEN = ['afgerond', 'beeindigd'] as const;
export type Afloop = (typeof AFLOPEN)[number];

export const BEEINDIGING_NAMEN: Record<(typeof BEEINDIGING_REDENEN)[number], string> = {
  'werk-gevonden': 'Werk gevonden',
  're-integratie-gestart': 'Re-integratie gestart',
  gezondheid: 'Gezondheid',
  verhuisd: 'Verhuisd',
  'geen-medewerking': 'Geen medewerking',
  anders: 'Anders',
};

const Datum = z.iso.date({ error: 'Vul een geldige datum in, bijvoorbeeld 2027-03-01.' });
const tekst = (max: number, wat: string) =>
  z
    .string({ error: `${wat} is tekst.` })
    .trim()
    .max(max, `${wat} is te lang (hoogstens ${max} tekens).`);
const optTekst = (max: number, wat: string) =>
  tekst(max, wat)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

/** How hours came in: the week form, the API, an import, the host's or the client's portal. */
export const UREN_BRONNEN = ['formulier', 'api', 'import', 'organisatie', 'klant'] as const;
export type UrenBron = (typeof UREN_BRONNEN)[number];
export const UREN_BRON_NAMEN: Record<UrenBron, string> = {
  formulier: 'Weekformulier',
  api: 'API',
  import: 'Import',
  organisatie: 'Organisatie',
  klant: 'Klant',
};

/**
 * One day of a week: hours done, or an absence (then hours are 0), or the removal of the day's registration.
 * `versie` is the version of the stored registration the change replaces (from `Urenregel.versie`): needed to
 * change or remove a stored day, so that nothing is overwritten without knowing what was there.
 */
export const UrenDag = z
  .object({
    datum: Datum,
    uren: z
      .number({ error: 'Vul het aantal uren in als getal, bijvoorbeeld 3,5.' })
      .min(0, 'Het aantal uren kan niet negatief zijn.')
      .max(24, 'Een dag heeft hoogstens 24 uur.')
      .multipleOf(0.25, 'Vul uren in per kwartier, bijvoorbeeld 3,25 of 3,5.')
      .optional(),
    afwezig: z.enum(AFWEZIGHEDEN, { error: 'Kies ziek, vakantie of anders.' }).nullable().optional(),
    toelichting: optTekst(500, 'De toelichting'),
    versie: z
      .number({ error: 'De versie is een geheel getal.' })
      .int('De versie is een geheel getal.')
      .min(1, 'De versie is een geheel getal vanaf 1.')
      .nullable()
      .optional(),
    verwijderen: z.boolean({ error: 'Verwijderen is waar of onwaar.' }).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.verwijderen) {
      if (d.versie == null)
        ctx.addIssue({
          code: 'custom',
          path: ['versie'],
          message: 'Geef de versie van de registratie die u verwijdert.',
        });
      return;
    }
    if (d.uren === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['uren'],
        message: 'Vul het aantal uren in als getal, bijvoorbeeld 3,5.',
      });
    else if (d.afwezig && d.uren !== 0)
      ctx.addIssue({
        code: 'custom',
        path: ['uren'],
        message: 'Wie afwezig was, heeft op die dag geen uren. Laat de uren leeg of kies geen afwezigheid.',
      });
  })
  .meta({ id: 'UrenDag' });

export const UrenInput = z
  .object({
    dagen: z
      .array(UrenDag)
      .min(1, 'Vul ten minste één dag in.')
      .max(7, 'Vul hoogstens een week (7 dagen) tegelijk in.')
      .refine((d) => new Set(d.map((x) => x.datum)).size === d.length, 'Elke datum mag maar één keer.'),
  })
  .meta({ id: 'UrenInput' });
export type UrenInput = z.input<typeof UrenInput>;

export const Urenregel = z
  .object({
    id: z.uuid(),
    tegenprestatieId: z.uuid(),
    datum: Datum,
    uren: z.number(),
    afwezig: z.enum(AFWEZIGHEDEN).nullable(),
    toelichting: z.string().nullable(),
    geregistreerdDoorNaam: z.string(),
    geregistreerdOp: z.iso.datetime(),
    /** Send it back as `versie` to change or remove this day. */
    versie: z.number().int(),
    /** How the current value came in (null: before this was recorded). */
    bron: z.enum(UREN_BRONNEN).nullable(),
  })
  .meta({ id: 'Urenregel' });
export type Urenregel = z.infer<typeof Urenregel>;

export const UREN_WIJZIGING_SOORTEN = ['nieuw', 'gewijzigd', 'verwijderd'] as const;
export type UrenWijzigingSoort = (typeof UREN_WIJZIGING_SOORTEN)[number];

/** One change of a day's registration: the previous and the new value, who, when and how. */
export const UrenWijziging = z
  .object({
    id: z.uuid(),
    tegenprestatieId: z.uuid(),
    datum: Datum,
    soort: z.enum(UREN_WIJZIGING_SOORTEN),
    vorige: z
      .object({
        uren: z.number(),
        afwezig: z.enum(AFWEZIGHEDEN).nullable(),
        toelichting: z.string().nullable(),
      })
      .nullable(),
    nieuw: z
      .object({
        uren: z.number(),
        afwezig: z.enum(AFWEZIGHEDEN).nullable(),
        toelichting: z.string().nullable(),
      })
      .nullable(),
    bron: z.enum(UREN_BRONNEN),
    doorNaam: z.string(),
    op: z.iso.datetime(),
  })
  .meta({ id: 'UrenWijziging' });
export type UrenWijziging = z.infer<typeof UrenWijziging>;

/**
 * The college's revocation of an imposed decision that was sent (issue 16), with a back-step or an early end: the
 * overeenkomsten module checks it (`bereidIntrekkingVoor`); needed only where imposed and sent.
 */
const Intrekking = z
  .object({
    datum: z
      .string()
      .max(20)
      .optional()
      .meta({ description: 'Datum van het besluit tot intrekking (JJJJ-MM-DD)', format: 'date' }),
    verzenddatum: z
      .string()
      .max(20)
      .optional()
      .meta({ description: 'Verzenddatum van het besluit tot intrekking', format: 'date' }),
    ondertekenaar: z.string().max(300, 'De ondertekenaar is te lang (hoogstens 300 tekens).').optional(),
  })
  .optional()
  .describe('Alleen waar de gemeente oplegt en het besluit is verzonden: het besluit tot intrekking');

export const EvaluatieInput = z
  .object({
    datum: Datum,
    stemKlant: tekst(4000, 'De stem van de klant').min(1, 'Schrijf op wat de klant zelf zegt.'),
    visieOrganisatie: optTekst(4000, 'De visie van de organisatie'),
    conclusie: tekst(4000, 'De conclusie').min(1, 'Schrijf uw conclusie op.'),
    besluit: z.enum(BESLUITEN, { error: 'Kies voortzetten, aanpassen of beëindigen.' }),
    /** Only on the final evaluation (besluit `beeindigen`): the actual follow-up and how it ended. */
    eind: z
      .object({
        vervolg: z.enum(VERVOLGEN, { error: 'Kies het vervolg dat er echt komt.' }),
        vervolgToelichting: optTekst(2000, 'De toelichting op het vervolg'),
        afloop: z.enum(AFLOPEN, { error: 'Kies afgerond of beëindigd.' }),
        beeindigingReden: z
          .enum(BEEINDIGING_REDENEN, { error: 'Kies de reden van beëindigen.' })
          .nullable()
          .optional(),
        intrekking: Intrekking,
      })
      .nullable()
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.besluit === 'beeindigen' && !v.eind)
      ctx.addIssue({
        code: 'custom',
        path: ['eind', 'vervolg'],
        message: 'Bij beëindigen hoort de eindevaluatie: kies het vervolg en hoe het afloopt.',
      });
    if (v.eind && v.besluit !== 'beeindigen')
      ctx.addIssue({
        code: 'custom',
        path: ['besluit'],
        message: 'Een eindevaluatie heeft het besluit beëindigen.',
      });
    if (v.eind?.afloop === 'beeindigd' && !v.eind.beeindigingReden)
      ctx.addIssue({
        code: 'custom',
        path: ['eind', 'beeindigingReden'],
        message: 'Kies waarom de tegenprestatie eerder stopt.',
      });
  })
  .meta({ id: 'EvaluatieNieuw' });
export type EvaluatieInput = z.input<typeof EvaluatieInput>;

export const Evaluatie = z
  .object({
    id: z.uuid(),
    tegenprestatieId: z.uuid(),
    datum: Datum,
    stemKlant: z.string(),
    visieOrganisatie: z.string().nullable(),
    conclusie: z.string(),
    besluit: z.enum(BESLUITEN),
    eind: z
      .object({
        vervolg: z.enum(VERVOLGEN),
        vervolgToelichting: z.string().nullable(),
        afloop: z.enum(AFLOPEN),
        beeindigingReden: z.enum(BEEINDIGING_REDENEN).nullable(),
      })
      .nullable(),
    doorNaam: z.string(),
    op: z.iso.datetime(),
  })
  .meta({ id: 'Evaluatie' });
export type Evaluatie = z.infer<typeof Evaluatie>;

/** `JJJJ-MM`. */
export const Maand = z
  .string()
  .regex(/^(19|20)\d\d-(0[1-9]|1[0-2])$/, 'Kies een maand als JJJJ-MM, bijvoorbeeld 2026-10.');

export const CbsRegel = z
  .object({
    klantnummer: z.string().nullable(),
    klantId: z.uuid(),
    uitvoering: z.enum(['ja', 'nee']),
    uren: z.number(),
  })
  .meta({ id: 'CbsRegel' });
export type CbsRegel = z.infer<typeof CbsRegel>;

/** The lifecycle steps a caseworker takes on the placement page or through the API (see stappen.ts). */
export const LEVENSLOOP_STAPPEN = ['starten', 'terug-naar-ontwerp', 'beeindigen-voor-start'] as const;
const reden = tekst(2000, 'De reden').min(1, 'Schrijf op waarom.');
export const LevensloopInput = z
  .discriminatedUnion(
    'stap',
    [
      z.object({ stap: z.literal('starten') }),
      z.object({ stap: z.literal('terug-naar-ontwerp'), reden, intrekking: Intrekking }),
      z.object({
        stap: z.literal('beeindigen-voor-start'),
        reden,
        intrekking: Intrekking,
        beeindigingReden: z.enum(BEEINDIGING_REDENEN, { error: 'Kies de reden van beëindigen.' }),
      }),
    ],
    { error: 'Kies starten, terug-naar-ontwerp of beeindigen-voor-start.' },
  )
  .meta({ id: 'LevensloopStap' });
export type LevensloopInput = z.input<typeof LevensloopInput>;
