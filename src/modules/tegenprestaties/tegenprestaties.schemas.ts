import { z } from 'zod';
import { AppError } from '../../http/app-error.ts';
import { DAGDELEN } from '../klanten/index.ts';
import { WEDERKERIGHEID_CATEGORIEEN } from '../netwerk/index.ts';
import { WENSELIJK_IDS } from './checklist.ts';
import { HERBEOORDELING_SOORTEN } from './herbeoordeling.ts';
import { ALTERNATIEF_SOORTEN, AWB_4_11_GRONDEN, REDEN_CATEGORIEEN, ZIENSWIJZE_VORMEN } from './oplegging.ts';
import { HISTORISCHE_STATUSSEN, STATUSSEN } from './statusmachine.ts';

/** Expected follow-up after the period (vervolg). */
export const VERVOLGEN = [
  'verlengen',
  're-integratie',
  'betaald-werk',
  'vrijwilligerswerk-eigen-titel',
  'stoppen',
  'anders',
] as const;
export type Vervolg = (typeof VERVOLGEN)[number];
export const VERVOLG_NAMEN: Record<Vervolg, string> = {
  verlengen: 'Verlengen',
  're-integratie': 'Re-integratie',
  'betaald-werk': 'Betaald werk',
  'vrijwilligerswerk-eigen-titel': 'Vrijwilligerswerk op eigen titel',
  stoppen: 'Stoppen',
  anders: 'Anders',
};

/** Dutch messages per field path (`urenPerWeek`, `overtuigd.klant.motivering`). */
export type Veldfouten = Record<string, string>;

/** Invalid input: pages show the messages with 422 and keep what was typed; the API answers 400 (409 conflict). */
export class TegenprestatieInvoerfout extends AppError {
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
    throw new TegenprestatieInvoerfout(velden);
  }
  return r.data;
}

/** Optional free text: empty becomes null; absent stays absent (PATCH). */
const optTekst = (max: number, wat: string) =>
  z
    .string({ error: `${wat} is tekst.` })
    .trim()
    .max(max, `${wat} is te lang (hoogstens ${max} tekens).`)
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v ? v : null));

const Datum = z.iso.date({ error: 'Vul een geldige datum in, bijvoorbeeld 2027-03-01.' });
const optDatum = Datum.nullable().optional();

export const Suggestie = z
  .object({
    bron: z.enum(['ranking', 'cohort']),
    score: z.number().min(-1000).max(1000),
    redenen: z.array(z.string().trim().min(1).max(300)).max(30),
  })
  .meta({ id: 'Suggestie' });
export type Suggestie = z.infer<typeof Suggestie>;

export const StartVerkenningInput = z
  .object({
    klantId: z.uuid({ error: 'Kies een klant.' }),
    activiteitId: z.uuid({ error: 'Kies een activiteit uit de lijst.' }).optional(),
    gesprekId: z.uuid().optional(),
    suggestie: Suggestie.optional(),
  })
  .meta({ id: 'TegenprestatieNieuw' });
export type StartVerkenningInput = z.input<typeof StartVerkenningInput>;

const Oordeel = z.enum(['ja', 'nee'], { error: 'Kies ja of nee.' }).nullable();
const Verklaring = (wat: string) =>
  z.object({ oordeel: Oordeel, motivering: optTekst(2000, wat).transform((v) => v ?? null) });

export const UpdateTegenprestatieInput = z
  .object({
    versie: z.number().int().min(1).optional().describe('De versie die u las; bij een andere versie: 409'),
    activiteitId: z.uuid({ error: 'Kies een activiteit uit de lijst.' }).nullable().optional(),
    gesprekId: z.uuid().nullable().optional(),
    urenPerWeek: z
      .number({ error: 'Vul het aantal uren in als getal, bijvoorbeeld 8.' })
      .min(0.5, 'Vul minstens een half uur in.')
      .max(40, 'Hoogstens 40 uur per week.')
      .multipleOf(0.5, 'Vul hele of halve uren in.')
      .nullable()
      .optional(),
    dagdelen: z
      .array(z.enum(DAGDELEN, { error: 'Kies dagdelen uit de lijst.' }))
      .max(21)
      .optional(),
    startdatum: optDatum,
    einddatum: optDatum,
    evaluatiedata: z.array(Datum).max(12, 'Hoogstens 12 evaluatiedata.').optional(),
    vervolg: z.enum(VERVOLGEN, { error: 'Kies wat er na de tegenprestatie komt.' }).nullable().optional(),
    vervolgToelichting: optTekst(2000, 'De toelichting op het vervolg'),
    maatwerk: z
      .object({
        leeftijd: optTekst(2000, 'De afweging over leeftijd'),
        opleiding: optTekst(2000, 'De afweging over opleiding'),
        werkervaring: optTekst(2000, 'De afweging over werkervaring'),
        omstandigheden: optTekst(2000, 'De afweging over omstandigheden'),
      })
      .optional(),
    wederkerigheid: z
      .object({
        categorie: z
          .enum(WEDERKERIGHEID_CATEGORIEEN, { error: 'Kies wat de organisatie teruggeeft.' })
          .nullable(),
        omschrijving: optTekst(2000, 'De omschrijving').transform((v) => v ?? null),
      })
      .optional(),
    overtuigd: z
      .object({
        klantmanager: Verklaring('De motivering van de klantmanager').optional(),
        klant: Verklaring('De zienswijze van de klant').optional(),
        organisatie: Verklaring('De motivering van de organisatie').optional(),
      })
      .optional(),
    afwijkingen: z
      .object(
        Object.fromEntries(WENSELIJK_IDS.map((id) => [id, optTekst(2000, 'De reden')])) as Record<
          (typeof WENSELIJK_IDS)[number],
          ReturnType<typeof optTekst>
        >,
      )
      .optional()
      .describe('Redenen om af te wijken van een WENSELIJK punt (gesprek, vervolg, evaluatie)'),
  })
  .superRefine((v, ctx) => {
    if (v.startdatum && v.einddatum && v.einddatum < v.startdatum)
      ctx.addIssue({ code: 'custom', path: ['einddatum'], message: 'De einddatum ligt vóór de startdatum.' });
  })
  .meta({ id: 'TegenprestatieWijziging' });
export type UpdateTegenprestatieInput = z.input<typeof UpdateTegenprestatieInput>;
export type UpdateTegenprestatie = z.output<typeof UpdateTegenprestatieInput>;

export const StatusovergangInput = z
  .object({
    naar: z.enum(STATUSSEN, { error: 'Kies een status.' }),
    reden: optTekst(4000, 'De reden'),
    versie: z.number().int().min(1).optional(),
  })
  .meta({ id: 'StatusovergangNieuw' });
export type StatusovergangInput = z.input<typeof StatusovergangInput>;

export const AdviesVraagInput = z.object({
  vraag: z
    .string({ error: 'Schrijf op waarover u advies vraagt.' })
    .trim()
    .min(1, 'Schrijf op waarover u advies vraagt.')
    .max(2000, 'De vraag is te lang (hoogstens 2000 tekens).'),
});
export const AdviesInput = z.object({
  advies: z
    .string({ error: 'Schrijf uw advies op.' })
    .trim()
    .min(1, 'Schrijf uw advies op.')
    .max(4000, 'Het advies is te lang (hoogstens 4000 tekens).'),
});

const VerklaringUit = z.object({
  oordeel: z.enum(['ja', 'nee']).nullable(),
  motivering: z.string().nullable(),
});

export const Statusovergang = z
  .object({
    van: z.enum(HISTORISCHE_STATUSSEN).nullable(),
    naar: z.enum(HISTORISCHE_STATUSSEN),
    doorNaam: z.string(),
    op: z.iso.datetime(),
    reden: z.string().nullable(),
  })
  .meta({ id: 'Statusovergang' });
export type Statusovergang = z.infer<typeof Statusovergang>;

export const Tegenprestatie = z
  .object({
    id: z.uuid(),
    klantId: z.uuid(),
    gemeenteId: z.uuid(),
    klantmanagerId: z.uuid().nullable(),
    status: z.enum(STATUSSEN),
    activiteitId: z.uuid().nullable(),
    gesprekId: z.uuid().nullable(),
    suggestie: Suggestie.nullable(),
    urenPerWeek: z.number().nullable(),
    dagdelen: z.array(z.string()),
    startdatum: z.iso.date().nullable(),
    einddatum: z.iso.date().nullable(),
    evaluatiedata: z.array(z.iso.date()),
    vervolg: z.enum(VERVOLGEN).nullable(),
    vervolgToelichting: z.string().nullable(),
    maatwerk: z.object({
      leeftijd: z.string().nullable(),
      opleiding: z.string().nullable(),
      werkervaring: z.string().nullable(),
      omstandigheden: z.string().nullable(),
    }),
    wederkerigheid: z.object({
      categorie: z.enum(WEDERKERIGHEID_CATEGORIEEN).nullable(),
      omschrijving: z.string().nullable(),
    }),
    overtuigd: z.object({ klantmanager: VerklaringUit, klant: VerklaringUit, organisatie: VerklaringUit }),
    advies: z.object({
      vraag: z.string().nullable(),
      gevraagdOp: z.iso.datetime().nullable(),
      gevraagdDoorNaam: z.string().nullable(),
      advies: z.string().nullable(),
      op: z.iso.datetime().nullable(),
      doorNaam: z.string().nullable(),
    }),
    afwijkingen: z.record(z.string(), z.string()),
    geenMedewerkingOnderbouwing: z.string().nullable(),
    versie: z.number().int(),
    aangemaaktOp: z.iso.datetime(),
    gewijzigdOp: z.iso.datetime(),
  })
  .meta({ id: 'Tegenprestatie' });
export type Tegenprestatie = z.infer<typeof Tegenprestatie>;

export const TegenprestatieZoekvraag = z.object({
  klantId: z.uuid().optional(),
  status: z.enum(STATUSSEN).optional(),
  adviesGevraagd: z.boolean().optional(),
  pagina: z.number().int().min(1).max(100000).optional(),
  paginaGrootte: z.number().int().min(1).max(100).optional(),
});
export type TegenprestatieZoekvraag = z.input<typeof TegenprestatieZoekvraag>;

export interface Pagina<T> {
  items: T[];
  totaal: number;
  pagina: number;
  paginaGrootte: number;
  aantalPaginas: number;
}

/** Review needed of an agreed or running placement, worked out from the data (`herbeoordelingRedenen`). */
export const Herbeoordeling = z
  .object({
    tegenprestatieId: z.uuid(),
    status: z.enum(STATUSSEN),
    nodig: z
      .boolean()
      .describe('Moet de plaatsing worden herbeoordeeld? Alleen bij overeengekomen of lopend.'),
    redenen: z.array(
      z.object({
        soort: z.enum(HERBEOORDELING_SOORTEN),
        oorzaak: z.string().describe('Vaste sleutel van de oorzaak binnen de plaatsing'),
        tekst: z.string(),
      }),
    ),
    twijfels: z
      .array(
        z.object({
          intervisieId: z.uuid(),
          vraag: z.string(),
          aangevraagdDoor: z.string(),
          aangevraagdOp: z.iso.datetime(),
          status: z.enum(['open', 'besloten']),
          besluit: z.enum(['toegestaan', 'toegestaan-onder-voorwaarden', 'niet-toegestaan']).nullable(),
          voorwaarden: z.string().nullable(),
          motivering: z.string().nullable(),
        }),
      )
      .describe('Gemelde twijfel over deze plaatsing en het besluit na intervisie, nieuwste eerst'),
  })
  .meta({ id: 'Herbeoordeling' });
export type Herbeoordeling = z.infer<typeof Herbeoordeling>;
// ---- Imposing a design the client does not want (issue 15, section 1) -----------------------------------------

const verplichtTekst = (max: number, leeg: string) =>
  z.string({ error: leeg }).trim().min(1, leeg).max(max, `De tekst is te lang (hoogstens ${max} tekens).`);
const vrijeTekst = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `De tekst is te lang (hoogstens ${max} tekens).`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const KlantRedenInput = z.object({
  tekst: verplichtTekst(2000, 'Schrijf op wat de klant zegt.'),
  categorie: z.enum(REDEN_CATEGORIEEN, { error: 'Kies wat voor reden het is.' }),
  maaktOngeschikt: z.boolean({ error: 'Kies of deze reden het ontwerp ongeschikt maakt.' }),
  beoordeling: verplichtTekst(2000, 'Schrijf op waarom deze reden het ontwerp wel of niet ongeschikt maakt.'),
});

export const VoornemenInput = z
  .object({
    redenen: z.array(KlantRedenInput).max(20, 'Hoogstens 20 redenen.'),
    alternatief: z.object({
      soort: z.enum(ALTERNATIEF_SOORTEN).nullable(),
      toelichting: vrijeTekst(2000),
    }),
    versie: z.number().int().min(1).optional(),
  })
  .meta({ id: 'VoornemenOpleggenNieuw' });
export type VoornemenInput = z.input<typeof VoornemenInput>;

export const ZienswijzeInput = z
  .discriminatedUnion('soort', [
    z.object({
      soort: z.literal('zienswijze'),
      vorm: z.enum(ZIENSWIJZE_VORMEN).nullable(),
      datum: z.iso.date({ error: 'Vul de datum van de zienswijze in, bijvoorbeeld 2026-12-07.' }),
      inhoud: vrijeTekst(4000),
      beantwoording: vrijeTekst(4000),
      /** New reasons the client gave in the view, each judged. */
      redenen: z.array(KlantRedenInput).max(20).optional(),
    }),
    z.object({
      soort: z.literal('awb-4-11'),
      grond: z.enum(AWB_4_11_GRONDEN).nullable(),
      motivering: vrijeTekst(2000),
    }),
  ])
  .meta({ id: 'ZienswijzeNieuw' });
export type ZienswijzeInput = z.input<typeof ZienswijzeInput>;

export const OpleggingBeoordelingInput = z
  .object({
    akkoord: z.boolean({ error: 'Kies akkoord of terug naar ontwerp.' }),
    toelichting: vrijeTekst(2000),
  })
  .meta({ id: 'OpleggingBeoordelingNieuw' });
export type OpleggingBeoordelingInput = z.input<typeof OpleggingBeoordelingInput>;

export const Oplegging = z
  .object({
    id: z.uuid(),
    tegenprestatieId: z.uuid(),
    status: z.enum(['voornemen', 'akkoord', 'teruggezet', 'vervallen']),
    redenen: z.array(
      z.object({
        tekst: z.string(),
        categorie: z.enum(REDEN_CATEGORIEEN),
        maaktOngeschikt: z.boolean(),
        beoordeling: z.string(),
        bron: z.enum(['voornemen', 'zienswijze']),
      }),
    ),
    alternatief: z.object({ soort: z.enum(ALTERNATIEF_SOORTEN), toelichting: z.string().nullable() }),
    voornemen: z.object({ doorNaam: z.string(), op: z.iso.datetime() }),
    zienswijze: z
      .object({
        vorm: z.enum(ZIENSWIJZE_VORMEN),
        datum: z.iso.date(),
        inhoud: z.string(),
        beantwoording: z.string(),
        doorNaam: z.string(),
      })
      .nullable(),
    awb411: z
      .object({ grond: z.enum(AWB_4_11_GRONDEN), motivering: z.string(), doorNaam: z.string() })
      .nullable(),
    beoordeling: z
      .object({ doorNaam: z.string(), op: z.iso.datetime(), toelichting: z.string().nullable() })
      .nullable(),
  })
  .meta({ id: 'Oplegging' });
export type Oplegging = z.infer<typeof Oplegging>;
