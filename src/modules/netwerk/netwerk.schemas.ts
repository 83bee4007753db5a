import { z } from 'zod';
import { AppError } from '../../http/app-error.ts';
import {
  ACTIVITEIT_STATUSSEN,
  ANTWOORDEN,
  BELASTINGEN,
  BESLUITEN,
  CATEGORIEEN,
  CONCLUSIES,
  DAGDELEN,
  ORGANISATIE_STATUSSEN,
  ORGANISATIE_TYPES,
  TAALNIVEAUS,
  WEDERKERIGHEID_CATEGORIEEN,
} from './keuzelijsten.ts';
import { TOETS_STATUSSEN, VRAAG_IDS } from './verdringing.ts';

/** Dutch messages per field path (`naam`, `contactpersonen.0.email`, `antwoorden.vacature`). */
export type Veldfouten = Record<string, string>;

/** Invalid input: pages show the messages with 422 and keep what was typed; the API answers 400 (409 conflict). */
export class NetwerkInvoerfout extends AppError {
  readonly velden: Veldfouten;

  constructor(velden: Veldfouten, code: 'ongeldige-invoer' | 'conflict' = 'ongeldige-invoer') {
    super(code, { userMessage: Object.values(velden).join(' ') || undefined });
    this.velden = velden;
  }
}

export function veldfoutenVan(error: z.ZodError): Veldfouten {
  const velden: Veldfouten = {};
  for (const issue of error.issues) velden[issue.path.map(String).join('.') || 'formulier'] ??= issue.message;
  return velden;
}

/** Parses service input; invalid input becomes a `NetwerkInvoerfout`. */
export function parseInvoer<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new NetwerkInvoerfout(veldfoutenVan(r.error));
  return r.data;
}

// ---- Building blocks ---------------------------------------------------------------------------------------------

/** Optional free text: empty becomes null. */
const optTekst = (max: number, wat: string) =>
  z
    .string({ error: `${wat} is tekst.` })
    .trim()
    .max(max, `${wat} is te lang (hoogstens ${max} tekens).`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

const tekst = (max: number, leeg: string, wat: string) =>
  z.string({ error: leeg }).trim().min(1, leeg).max(max, `${wat} is te lang (hoogstens ${max} tekens).`);

/**
 * Optional text checked and normalised by `normaliseer` (undefined = invalid, with `melding`); empty becomes null.
 * One schema instead of a union, so an invalid value gets our Dutch message rather than "Invalid input".
 */
const optioneel = (normaliseer: (s: string) => string | undefined, melding: string) =>
  z
    .string()
    .nullable()
    .optional()
    .transform((v, ctx) => {
      if (v === null || v === undefined || v.trim() === '') return null;
      const n = normaliseer(v.trim());
      if (n === undefined) {
        ctx.addIssue({ code: 'custom', message: melding });
        return z.NEVER;
      }
      return n;
    });

const normaliseerPostcode = (v: string): string | undefined => {
  const s = v.replace(/\s+/g, '').toUpperCase();
  return /^[1-9]\d{3}[A-Z]{2}$/.test(s) ? `${s.slice(0, 4)} ${s.slice(4)}` : undefined;
};
const optPostcode = optioneel(normaliseerPostcode, 'Vul een postcode in zoals 5611 AB.');

const KvkNummer = optioneel((v) => {
  const s = v.replace(/[\s.]/g, '');
  return /^\d{8}$/.test(s) ? s : undefined;
}, 'Een KvK-nummer heeft 8 cijfers, bijvoorbeeld 12345678.');

const Email = optioneel((v) => {
  const s = v.toLowerCase();
  return s.length <= 254 && z.email().safeParse(s).success ? s : undefined;
}, 'Vul een geldig e-mailadres in, zoals naam@organisatie.nl.');

const GemeenteIds = z
  .array(z.uuid({ error: 'Kies een gemeente uit de lijst.' }), { error: 'Kies een gemeente uit de lijst.' })
  .min(1, 'Kies minstens één gemeente.')
  .max(100);

const optDatum = optioneel(
  (v) => (z.iso.date().safeParse(v).success ? v : undefined),
  'Vul een geldige datum in, bijvoorbeeld 2027-03-01.',
);

const Uren = (wat: string) =>
  z
    .number({ error: `Vul ${wat} in als getal, bijvoorbeeld 8.` })
    .min(0.5, `${wat[0]?.toUpperCase()}${wat.slice(1)} is minstens een half uur.`)
    .max(40, `${wat[0]?.toUpperCase()}${wat.slice(1)} is hoogstens 40 uur per week.`)
    .multipleOf(0.5, 'Vul hele of halve uren in.');

// ---- Organisations -----------------------------------------------------------------------------------------------

export const ContactpersoonInput = z.object({
  id: z.uuid().optional().describe('De id die de contactpersoon al had (weglaten voor een nieuwe)'),
  naam: tekst(200, 'Vul de naam van de contactpersoon in.', 'De naam'),
  functie: optTekst(200, 'De functie'),
  email: Email,
  telefoon: optTekst(40, 'Het telefoonnummer'),
});
export type ContactpersoonInput = z.input<typeof ContactpersoonInput>;

export const WederkerigheidInput = z.object({
  categorie: z.enum(WEDERKERIGHEID_CATEGORIEEN, { error: 'Kies wat de organisatie teruggeeft.' }),
  omschrijving: tekst(2000, 'Beschrijf wat de organisatie teruggeeft.', 'De omschrijving'),
});

export const OrganisatieInput = z
  .object({
    naam: tekst(200, 'Vul de naam van de organisatie in.', 'De naam'),
    type: z.enum(ORGANISATIE_TYPES, { error: 'Kies het soort organisatie.' }),
    kvkNummer: KvkNummer,
    straat: optTekst(200, 'De straat'),
    huisnummer: optTekst(20, 'Het huisnummer'),
    postcode: optPostcode,
    plaats: optTekst(100, 'De plaats'),
    website: optTekst(300, 'De website'),
    gemeenteIds: GemeenteIds,
    status: z.enum(ORGANISATIE_STATUSSEN, { error: 'Kies een status.' }).default('actief'),
    notities: optTekst(4000, 'De notities'),
    contactpersonen: z.array(ContactpersoonInput).max(20, 'Hoogstens 20 contactpersonen.').default([]),
    wederkerigheid: z
      .array(WederkerigheidInput)
      .max(WEDERKERIGHEID_CATEGORIEEN.length)
      .default([])
      .refine(
        (w) => new Set(w.map((x) => x.categorie)).size === w.length,
        'Elke soort wederkerigheid komt maar één keer voor.',
      ),
  })
  .meta({ id: 'OrganisatieInvoer' });
export type OrganisatieInput = z.input<typeof OrganisatieInput>;
export type OrganisatieInvoer = z.output<typeof OrganisatieInput>;

const Verwijzing = z.object({ id: z.uuid(), naam: z.string() });

export const Contactpersoon = z.object({
  id: z.uuid(),
  naam: z.string(),
  functie: z.string().nullable(),
  email: z.string().nullable(),
  telefoon: z.string().nullable(),
});
export type Contactpersoon = z.infer<typeof Contactpersoon>;

export const OrganisatieOverzicht = z
  .object({
    id: z.uuid().describe('Vaste identificatie van de organisatie'),
    naam: z.string(),
    type: z.enum(ORGANISATIE_TYPES),
    kvkNummer: z.string().nullable(),
    plaats: z.string().nullable(),
    wijk: Verwijzing.nullable(),
    status: z.enum(ORGANISATIE_STATUSSEN),
    gemeenteIds: z.array(z.uuid()).describe('De gemeenten die de organisatie bedient'),
    aantalActiviteiten: z.number().int(),
  })
  .meta({ id: 'OrganisatieOverzicht' });
export type OrganisatieOverzicht = z.infer<typeof OrganisatieOverzicht>;

export const Organisatie = OrganisatieOverzicht.extend({
  straat: z.string().nullable(),
  huisnummer: z.string().nullable(),
  postcode: z.string().nullable(),
  website: z.string().nullable(),
  notities: z.string().nullable(),
  gemeenten: z.array(Verwijzing).describe('De gemeenten die de organisatie bedient en die u mag zien'),
  contactpersonen: z.array(Contactpersoon),
  wederkerigheid: z.array(
    z.object({ categorie: z.enum(WEDERKERIGHEID_CATEGORIEEN), omschrijving: z.string() }),
  ),
  materieleVersie: z.number().int().describe('Gaat omhoog bij een wezenlijke wijziging (soort, KvK-nummer)'),
  aangemaaktOp: z.iso.datetime(),
  gewijzigdOp: z.iso.datetime(),
}).meta({ id: 'Organisatie' });
export type Organisatie = z.infer<typeof Organisatie>;

const paginering = {
  pagina: z.number().int().min(1).max(100000).optional(),
  paginaGrootte: z.number().int().min(1).max(100).optional(),
};

export const OrganisatieZoekvraag = z.object({
  zoek: z.string().trim().max(200).optional(),
  type: z.enum(ORGANISATIE_TYPES).optional(),
  status: z.enum(ORGANISATIE_STATUSSEN).optional(),
  gemeenteId: z.uuid().optional(),
  wijkId: z.uuid().optional(),
  ...paginering,
});
export type OrganisatieZoekvraag = z.input<typeof OrganisatieZoekvraag>;

export interface Pagina<T> {
  items: T[];
  totaal: number;
  pagina: number;
  paginaGrootte: number;
  aantalPaginas: number;
}

export const paginaSchema = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      items: z.array(item),
      totaal: z.number().int(),
      pagina: z.number().int(),
      paginaGrootte: z.number().int(),
      aantalPaginas: z.number().int(),
    })
    .meta({ id });

// ---- Activities --------------------------------------------------------------------------------------------------

const ActiviteitVelden = z.object({
  organisatieId: z.uuid({ error: 'Kies een organisatie uit de lijst.' }).nullable().optional().default(null),
  titel: tekst(200, 'Vul de titel van de activiteit in.', 'De titel'),
  omschrijving: tekst(4000, 'Beschrijf de activiteit in eenvoudige woorden.', 'De omschrijving'),
  taken: optTekst(4000, 'De taken'),
  categorie: z.enum(CATEGORIEEN, { error: 'Kies een categorie.' }),
  vaardigheden: z
    .array(z.string().trim().min(1).max(100, 'Een vaardigheid is hoogstens 100 tekens.'))
    .max(30, 'Hoogstens 30 vaardigheden.')
    .default([]),
  fysiekeBelasting: z.enum(BELASTINGEN, { error: 'Kies hoe zwaar het werk lichamelijk is.' }),
  belastingToelichting: optTekst(1000, 'De toelichting'),
  taalniveauMin: z
    .enum(TAALNIVEAUS, { error: 'Kies een taalniveau.' })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  urenMin: Uren('het minimum aantal uren'),
  urenMax: Uren('het maximum aantal uren'),
  dagdelen: z.array(z.enum(DAGDELEN, { error: 'Kies dagdelen uit de lijst.' })).default([]),
  locatie: optTekst(300, 'De locatie'),
  postcode: optPostcode,
  gemeenteIds: GemeenteIds,
  plaatsen: z
    .number({ error: 'Vul het aantal plaatsen in als getal, bijvoorbeeld 2.' })
    .int('Vul een heel aantal plaatsen in.')
    .min(0, 'Het aantal plaatsen kan niet negatief zijn.')
    .max(1000, 'Hoogstens 1000 plaatsen.'),
  mentor: optTekst(200, 'De mentor'),
  startdatum: optDatum,
  einddatum: optDatum,
  status: z.enum(ACTIVITEIT_STATUSSEN, { error: 'Kies een status.' }).default('actief'),
  isMaatwerk: z.boolean().default(false),
});

export const ActiviteitInput = ActiviteitVelden.superRefine((v, ctx) => {
  if (v.urenMax < v.urenMin)
    ctx.addIssue({ code: 'custom', path: ['urenMax'], message: 'Het maximum is lager dan het minimum.' });
  if (v.startdatum && v.einddatum && v.einddatum < v.startdatum)
    ctx.addIssue({ code: 'custom', path: ['einddatum'], message: 'De einddatum ligt vóór de startdatum.' });
  if (!v.organisatieId && !v.isMaatwerk)
    ctx.addIssue({
      code: 'custom',
      path: ['organisatieId'],
      message: 'Kies de organisatie van deze activiteit.',
    });
}).meta({ id: 'ActiviteitInvoer' });
export type ActiviteitInput = z.input<typeof ActiviteitInput>;
export type ActiviteitInvoer = z.output<typeof ActiviteitInput>;

export const ToetsSamenvatting = z
  .object({
    status: z.enum(TOETS_STATUSSEN).describe('De stand van de laatste verdringingstoets op vandaag'),
    verdringingstoetsId: z.uuid().nullable(),
    conclusie: z.enum(CONCLUSIES).nullable(),
    geldigTot: z.iso.date().nullable(),
    magGeplaatstWorden: z.boolean().describe('Mag de activiteit vandaag voor een plaatsing worden gebruikt?'),
    redenen: z.array(z.string()).describe('Waarom niet (leeg als het mag)'),
    voorwaarden: z.string().nullable().describe('Voorwaarden uit het intervisiebesluit'),
  })
  .meta({ id: 'ToetsSamenvatting' });
export type ToetsSamenvatting = z.infer<typeof ToetsSamenvatting>;

export const ActiviteitOverzicht = z
  .object({
    id: z.uuid().describe('Vaste identificatie van de activiteit'),
    titel: z.string(),
    organisatie: Verwijzing.extend({ type: z.enum(ORGANISATIE_TYPES) }).nullable(),
    categorie: z.enum(CATEGORIEEN),
    wijk: Verwijzing.nullable(),
    urenMin: z.number(),
    urenMax: z.number(),
    plaatsen: z.number().int(),
    plaatsenBezet: z.number().int(),
    plaatsenVrij: z.number().int(),
    status: z.enum(ACTIVITEIT_STATUSSEN),
    isMaatwerk: z.boolean(),
    gemeenteIds: z.array(z.uuid()),
    toets: ToetsSamenvatting,
  })
  .meta({ id: 'ActiviteitOverzicht' });
export type ActiviteitOverzicht = z.infer<typeof ActiviteitOverzicht>;

export const Activiteit = ActiviteitOverzicht.extend({
  omschrijving: z.string(),
  taken: z.string().nullable(),
  vaardigheden: z.array(z.string()),
  fysiekeBelasting: z.enum(BELASTINGEN),
  belastingToelichting: z.string().nullable(),
  taalniveauMin: z.enum(TAALNIVEAUS).nullable(),
  dagdelen: z.array(z.enum(DAGDELEN)),
  locatie: z.string().nullable(),
  postcode: z.string().nullable(),
  gemeenten: z.array(Verwijzing),
  mentor: z.string().nullable(),
  startdatum: z.iso.date().nullable(),
  einddatum: z.iso.date().nullable(),
  materieleVersie: z.number().int(),
  aangemaaktOp: z.iso.datetime(),
  gewijzigdOp: z.iso.datetime(),
}).meta({ id: 'Activiteit' });
export type Activiteit = z.infer<typeof Activiteit>;

const janee = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));

export const ActiviteitZoekvraag = z.object({
  zoek: z.string().trim().max(200).optional(),
  categorie: z.enum(CATEGORIEEN).optional(),
  organisatieId: z.uuid().optional(),
  organisatieType: z.enum(ORGANISATIE_TYPES).optional(),
  gemeenteId: z.uuid().optional(),
  wijkId: z.uuid().optional(),
  status: z.enum(ACTIVITEIT_STATUSSEN).optional(),
  toetsStatus: z.enum(TOETS_STATUSSEN).optional(),
  /** true: the assessment allows placement today (geen-risico, toegestaan); false: not (none, lapsed, doubt, …). */
  toetsGeldig: z.boolean().optional(),
  vrijePlaatsen: z.boolean().optional(),
  maatwerk: z.boolean().optional(),
  ...paginering,
});
export type ActiviteitZoekvraag = z.input<typeof ActiviteitZoekvraag>;

/** Query-string forms of the search (text in, numbers and booleans coerced). */
export const queryVan = {
  pagina: z.coerce.number().int().min(1).max(100000).optional().describe('Paginanummer, vanaf 1'),
  paginaGrootte: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .describe('Aantal per pagina (1–100, standaard 25)'),
  janee,
};

// ---- Displacement assessment and intervision ---------------------------------------------------------------------

export const ToetsInput = z
  .object({
    antwoorden: z
      .array(
        z.object({
          vraag: z.enum(VRAAG_IDS),
          antwoord: z.enum(ANTWOORDEN, { error: 'Kies ja, nee, weet ik niet of niet van toepassing.' }),
          toelichting: z
            .string()
            .trim()
            .max(2000, 'De toelichting is te lang (hoogstens 2000 tekens).')
            .default(''),
        }),
      )
      .max(VRAAG_IDS.length),
    conclusie: z.enum(CONCLUSIES, { error: 'Kies uw conclusie.' }),
    motivering: tekst(4000, 'Schrijf op waarom u tot deze conclusie komt.', 'De motivering'),
  })
  .meta({ id: 'VerdringingstoetsInvoer' });
export type ToetsInput = z.input<typeof ToetsInput>;

export const Verdringingstoets = z
  .object({
    id: z.uuid(),
    activiteitId: z.uuid(),
    antwoorden: z.array(
      z.object({ vraag: z.enum(VRAAG_IDS), antwoord: z.enum(ANTWOORDEN), toelichting: z.string() }),
    ),
    advies: z.enum(CONCLUSIES).describe('Wat de checklist aangeeft'),
    conclusie: z.enum(CONCLUSIES).describe('De conclusie van de beoordelaar (nooit milder dan het advies)'),
    motivering: z.string(),
    beoordeeldDoor: z.string().describe('Naam van de beoordelaar'),
    beoordeeldOp: z.iso.datetime(),
    geldigTot: z.iso.date().describe('Eerste dag waarop de toets niet meer geldt (12 maanden)'),
    vervallenOp: z.iso.datetime().nullable().describe('Vervallen door een wezenlijke wijziging'),
    vervallenReden: z.string().nullable(),
    intervisieId: z.uuid().nullable(),
  })
  .meta({ id: 'Verdringingstoets' });
export type Verdringingstoets = z.infer<typeof Verdringingstoets>;

export const IntervisieBesluitInput = z
  .object({
    deelnemers: z
      .array(z.string().trim().min(1).max(200))
      .min(1, 'Noem wie er aan de intervisie meededen.')
      .max(30, 'Hoogstens 30 deelnemers.'),
    besluit: z.enum(BESLUITEN, { error: 'Kies een besluit.' }),
    voorwaarden: optTekst(4000, 'De voorwaarden'),
    motivering: tekst(4000, 'Schrijf op waarom u zo besluit.', 'De motivering'),
  })
  .superRefine((v, ctx) => {
    if (v.besluit === 'toegestaan-onder-voorwaarden' && !v.voorwaarden)
      ctx.addIssue({ code: 'custom', path: ['voorwaarden'], message: 'Schrijf de voorwaarden op.' });
  })
  .meta({ id: 'IntervisieBesluit' });
export type IntervisieBesluitInput = z.input<typeof IntervisieBesluitInput>;

export const Intervisie = z
  .object({
    id: z.uuid(),
    onderwerp: z
      .enum(['activiteit', 'plaatsing'])
      .describe(
        'Twijfel uit de verdringingstoets van een activiteit, of twijfel van een klantmanager over één plaatsing',
      ),
    verdringingstoetsId: z.uuid().nullable().describe('Bij onderwerp activiteit: de toets die twijfel gaf'),
    plaatsing: z
      .object({ tegenprestatieId: z.uuid(), gemeenteId: z.uuid() })
      .nullable()
      .describe('Bij onderwerp plaatsing: de tegenprestatie waarover getwijfeld wordt'),
    activiteit: Verwijzing.extend({ organisatie: z.string().nullable() }),
    aangevraagdOp: z.iso.datetime(),
    aangevraagdDoor: z
      .string()
      .describe('Wie de toets deed en twijfelde, of wie de twijfel over de plaatsing meldde'),
    vraag: z
      .string()
      .describe('Waarover getwijfeld wordt: de motivering van de toets, of de reden van de melding'),
    status: z.enum(['open', 'besloten']),
    deelnemers: z.array(z.string()),
    besluit: z.enum(BESLUITEN).nullable(),
    voorwaarden: z.string().nullable(),
    motivering: z.string().nullable(),
    beslotenDoor: z.string().nullable(),
    beslotenOp: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Intervisie' });
export type Intervisie = z.infer<typeof Intervisie>;

/** A caseworker's doubt about one placement: the reason, in their words. */
export const PlaatsingsTwijfelInput = z
  .object({ reden: tekst(4000, 'Schrijf op waarover u twijfelt.', 'De reden') })
  .meta({ id: 'PlaatsingsTwijfelNieuw' });
export type PlaatsingsTwijfelInput = z.input<typeof PlaatsingsTwijfelInput>;

export const IntervisieZoekvraag = z.object({
  status: z.enum(['open', 'besloten']).optional(),
  ...paginering,
});
export type IntervisieZoekvraag = z.input<typeof IntervisieZoekvraag>;

/** Who holds a place: a design or tegenprestatie of a later issue (`houderType`), by its id. */
export const PlaatsInput = z.object({
  activiteitId: z.uuid(),
  houderType: z
    .string()
    .regex(/^[a-z]+(-[a-z]+)*$/)
    .max(60),
  houderId: z.uuid(),
});
export type PlaatsInput = z.input<typeof PlaatsInput>;
