import { z } from 'zod';
import { AppError } from '../../http/app-error.ts';
import { INCIDENT_BRONNEN, INCIDENT_SOORTEN } from './incidenten.ts';
import { AFZIEN_GRONDEN, GEDRAGINGEN } from './maatregelen.ts';
import { HOOR_GRONDEN, MAATREGEL_STATUSSEN, ZIENSWIJZE_VORMEN } from './maatregelpad.ts';

/** Invalid input: pages show the messages with 422 and keep what was typed; the API answers 400. */
export class DwangInvoerfout extends AppError {
  readonly velden: Record<string, string>;

  constructor(velden: Record<string, string>) {
    super('ongeldige-invoer', { userMessage: Object.values(velden).join(' ') || undefined });
    this.velden = velden;
  }
}

export function parseInvoer<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) {
    const velden: Record<string, string> = {};
    for (const issue of r.error.issues)
      velden[issue.path.map(String).join('.') || 'formulier'] ??= issue.message;
    throw new DwangInvoerfout(velden);
  }
  return r.data;
}

export const IncidentInput = z
  .object({
    soort: z.enum(INCIDENT_SOORTEN, { error: 'Kies wat er gebeurde.' }),
    datum: z.iso.date({ error: 'Vul de datum in, bijvoorbeeld 2026-12-07.' }),
    omschrijving: z
      .string({ error: 'Beschrijf wat er gebeurde.' })
      .trim()
      .min(1, 'Beschrijf wat er gebeurde.')
      .max(2000, 'De beschrijving is te lang (hoogstens 2000 tekens).'),
    bron: z.enum(INCIDENT_BRONNEN, { error: 'Kies wie het meldde.' }),
    bronNaam: z
      .string()
      .trim()
      .max(200, 'De naam is te lang (hoogstens 200 tekens).')
      .nullable()
      .optional()
      .transform((v) => (v ? v : null))
      .describe('Wie het meldde (naam of functie), als dat ertoe doet'),
  })
  .meta({ id: 'IncidentNieuw' });
export type IncidentInput = z.input<typeof IncidentInput>;

export const Incident = z
  .object({
    id: z.uuid(),
    tegenprestatieId: z.uuid(),
    soort: z.enum(INCIDENT_SOORTEN),
    datum: z.iso.date(),
    omschrijving: z.string(),
    bron: z.enum(INCIDENT_BRONNEN),
    bronNaam: z.string().nullable(),
    vastgelegdDoorNaam: z.string(),
    vastgelegdOp: z.iso.datetime(),
  })
  .meta({ id: 'Incident' });
export type Incident = z.infer<typeof Incident>;

export const PatroonUitkomst = z
  .object({
    tekst: z
      .string()
      .describe('Het patroon in gewone taal, bijvoorbeeld "2 keer niet verschenen binnen 28 dagen"'),
    datums: z.array(z.iso.date()),
    van: z.iso.date(),
    tot: z.iso.date(),
  })
  .meta({ id: 'IncidentPatroon' });

export const IncidentenOverzicht = z
  .object({
    incidenten: z.array(Incident),
    opgelegd: z.boolean().describe('Loopt de plaatsing onder een besluit dat de tegenprestatie oplegt?'),
    patroon: PatroonUitkomst.nullable().describe('Het patroon, als het vandaag is bereikt'),
  })
  .meta({ id: 'IncidentenOverzicht' });
export type IncidentenOverzicht = z.infer<typeof IncidentenOverzicht>;

// ---- The measures ordinance (section 3) ------------------------------------------------------------------------

const geheel = (wat: string, min: number, max: number) =>
  z
    .number({ error: `${wat}: vul een heel getal in.` })
    .int(`${wat}: vul een heel getal in.`)
    .min(min, `${wat}: minstens ${min}.`)
    .max(max, `${wat}: hoogstens ${max}.`);

export const MaatregelVerordeningInput = z
  .object({
    titel: z
      .string({ error: 'Vul de titel van de verordening in.' })
      .trim()
      .min(1, 'Vul de titel van de verordening in.')
      .max(300, 'De titel is te lang (hoogstens 300 tekens).'),
    ingangsdatum: z.iso.date({ error: 'Vul de ingangsdatum in, bijvoorbeeld 2026-01-01.' }),
    grondslag: z
      .literal('bijstandsnorm')
      .default('bijstandsnorm')
      .describe('De grondslag: de toepasselijke norm'),
    categorieen: z
      .array(
        z.object({
          nummer: geheel('Het nummer van de categorie', 1, 20),
          gedraging: z.enum(GEDRAGINGEN, { error: 'Kies de gedraging van deze categorie.' }),
          artikel: z
            .string({ error: 'Vul het artikel in.' })
            .trim()
            .min(1, 'Vul het artikel in.')
            .max(100, 'Het artikel is te lang (hoogstens 100 tekens).'),
          stappen: z
            .array(
              z.object({ percentage: geheel('Het percentage', 1, 100), maanden: geheel('De duur', 1, 3) }),
            )
            .min(1, 'Leg het percentage en de duur vast.')
            .max(5, 'Hoogstens 5 stappen.'),
          schriftelijkeWaarschuwing: z.boolean().default(false),
        }),
      )
      .max(10, 'Hoogstens 10 categorieën.'),
    bandbreedte: z.object({ min: geheel('Het minimum', 1, 100), max: geheel('Het maximum', 1, 100) }),
    recidiveMaanden: geheel('De recidivetermijn (maanden)', 1, 60),
    verjaringMaanden: geheel('De termijn voor ontdekken (maanden)', 1, 60),
    hoortermijnDagen: geheel('De termijn voor de zienswijze (dagen)', 1, 60).default(14),
  })
  .meta({ id: 'MaatregelverordeningNieuw' });
export type MaatregelVerordeningInput = z.input<typeof MaatregelVerordeningInput>;

export const MaatregelverordeningVersie = MaatregelVerordeningInput.extend({
  id: z.uuid(),
  gemeenteId: z.uuid(),
  hoortermijnDagen: z.number().int(),
  grondslag: z.literal('bijstandsnorm'),
  vastgelegdDoorNaam: z.string(),
  vastgelegdOp: z.iso.datetime(),
}).meta({ id: 'MaatregelverordeningVersie' });
export type MaatregelverordeningVersie = z.infer<typeof MaatregelverordeningVersie>;

// ---- The measure path (section 3) -------------------------------------------------------------------------------

const tekstVeld = (leeg: string, max: number) =>
  z.string({ error: leeg }).trim().min(1, leeg).max(max, `Te lang (hoogstens ${max} tekens).`);
const optioneleTekst = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Te lang (hoogstens ${max} tekens).`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
/** An optional date (pages pass an empty field as absent). */
const optioneleDatum = (melding: string) => z.iso.date({ error: melding }).optional();
const keuze = z.union([z.boolean(), z.enum(['ja', 'nee'])]).transform((v) => v === true || v === 'ja');

export const VoornemenInput = z
  .object({
    gedraging: z
      .enum(GEDRAGINGEN, { error: 'Kies de gedraging.' })
      .default('tegenprestatie-niet-nagekomen')
      .describe('De gedraging; de categorie volgt uit de maatregelenverordening die gold op de datum ervan'),
    incidentId: z
      .union([z.uuid({ error: 'Kies een incident van deze plaatsing.' }), z.literal(''), z.null()])
      .optional()
      .transform((v) => (v ? v : null))
      .describe('Het incident waar het voornemen over gaat (de datum volgt dan uit het incident)'),
    gedragDatum: optioneleDatum('Vul de datum van de gedraging in, bijvoorbeeld 2026-12-01.').describe(
      'De datum van de gedraging (verplicht zonder incident)',
    ),
    omschrijving: tekstVeld('Beschrijf de gedraging: wat deed de klant niet?', 4000),
    ontdektOp: optioneleDatum('Vul de datum in waarop de gedraging bekend werd.').describe(
      'Wanneer de gedraging bekend werd (standaard vandaag)',
    ),
    hoortermijnDagen: z
      .union([z.number(), z.string()])
      .optional()
      .nullable()
      .transform((v, ctx) => {
        if (v === undefined || v === null || v === '') return null;
        const n = typeof v === 'number' ? v : Number(v);
        if (!(Number.isInteger(n) && n >= 1 && n <= 60)) {
          ctx.addIssue({
            code: 'custom',
            message: 'De termijn is een heel aantal dagen van 1 tot en met 60.',
          });
          return z.NEVER;
        }
        return n;
      })
      .describe('De termijn voor de zienswijze in dagen (standaard die van de verordening, meestal 14)'),
  })
  .meta({ id: 'MaatregelVoornemenNieuw' });
export type VoornemenInput = z.input<typeof VoornemenInput>;

export const HoringInput = z
  .object({
    vorm: z
      .union([
        z.enum(ZIENSWIJZE_VORMEN, { error: 'Kies hoe de zienswijze binnenkwam.' }),
        z.literal(''),
        z.null(),
      ])
      .optional()
      .transform((v) => (v ? v : null)),
    datum: optioneleDatum('Vul de datum van de zienswijze in, bijvoorbeeld 2026-12-07.'),
    inhoud: optioneleTekst(4000),
    antwoord: optioneleTekst(4000).describe('Het antwoord op de zienswijze dat het besluit geeft'),
    grond: z
      .union([z.enum(HOOR_GRONDEN, { error: 'Kies een grond uit de lijst.' }), z.literal(''), z.null()])
      .optional()
      .transform((v) => (v ? v : null))
      .describe(
        'Niet horen: alleen op een grond van artikel 4:11 Awb, of 4:12 Awb als de voorwaarden gelden',
      ),
    motivering: optioneleTekst(2000),
    voorwaarden412: keuze.optional().default(false),
  })
  .superRefine((v, ctx) => {
    const fout = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.grond && v.vorm)
      fout('grond', 'Leg een zienswijze vast of een grond om niet te horen, niet allebei.');
    else if (v.grond) {
      if (!v.motivering) fout('motivering', 'Motiveer waarom de klant niet wordt gehoord.');
      if (v.grond === 'awb-4-12' && !v.voorwaarden412)
        fout(
          'voorwaarden412',
          'Artikel 4:12 Awb geldt alleen als het een financieel besluit is waartegen bezwaar kan en waarvan de gevolgen na bezwaar volledig ongedaan kunnen worden gemaakt. Bevestig dat, of hoor de klant.',
        );
    } else if (!v.vorm) fout('vorm', 'Kies hoe de zienswijze binnenkwam, of een grond om niet te horen.');
    else {
      if (!v.datum) fout('datum', 'Vul de datum van de zienswijze in, bijvoorbeeld 2026-12-07.');
      if (!v.inhoud) fout('inhoud', 'Schrijf op wat de klant zei of schreef.');
      if (!v.antwoord) fout('antwoord', 'Schrijf het antwoord op de zienswijze dat het besluit geeft.');
    }
  })
  .meta({ id: 'MaatregelHoring' });
export type HoringInput = z.input<typeof HoringInput>;

export const VerwijtbaarheidInput = z
  .object({
    verwijtbaar: keuze.describe('Is de gedraging de klant te verwijten (artikel 18 lid 9 Participatiewet)?'),
    verwijtbaarheidMotivering: tekstVeld('Motiveer de beoordeling van de verwijtbaarheid.', 4000),
    dringendeRedenen: keuze.describe('Zijn er dringende redenen (artikel 18 lid 10 Participatiewet)?'),
    dringendeRedenenMotivering: tekstVeld('Motiveer de beoordeling van dringende redenen.', 4000),
  })
  .meta({ id: 'MaatregelVerwijtbaarheid' });
export type VerwijtbaarheidInput = z.input<typeof VerwijtbaarheidInput>;

export const AfzienInput = z
  .object({
    grond: z.enum(AFZIEN_GRONDEN, { error: 'Kies de grond om af te zien van een maatregel.' }),
    motivering: tekstVeld('Motiveer waarom van een maatregel wordt afgezien.', 4000),
  })
  .meta({ id: 'MaatregelAfzien' });
export type AfzienInput = z.input<typeof AfzienInput>;

const getal = (wat: string, min: number, max: number) =>
  z.union([z.number(), z.string()]).transform((v, ctx) => {
    const n = typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v);
    if (!(Number.isInteger(n) && n >= min && n <= max)) {
      ctx.addIssue({ code: 'custom', message: `${wat}: een heel getal van ${min} tot en met ${max}.` });
      return z.NEVER;
    }
    return n;
  });

export const VoorstelInput = z
  .object({
    percentage: getal('Het percentage', 1, 100),
    maanden: getal('De duur in maanden', 1, 3),
    ingangsdatum: z.iso.date({ error: 'Vul de ingangsdatum van de maatregel in, bijvoorbeeld 2027-01-01.' }),
    motivering: tekstVeld('Motiveer het voorstel (ook als het afwijkt van het voornemen).', 4000),
    opnieuwGehoordDatum: optioneleDatum('Vul de datum in waarop de klant opnieuw is gehoord.').describe(
      'Alleen bij een zwaarder voorstel dan het voornemen: wanneer de klant daarover opnieuw is gehoord',
    ),
    opnieuwGehoordInhoud: optioneleTekst(4000),
  })
  .superRefine((v, ctx) => {
    if (!v.opnieuwGehoordDatum !== !v.opnieuwGehoordInhoud)
      ctx.addIssue({
        code: 'custom',
        path: [v.opnieuwGehoordDatum ? 'opnieuwGehoordInhoud' : 'opnieuwGehoordDatum'],
        message: 'Vul bij een nieuwe horing zowel de datum als wat de klant zei in.',
      });
  })
  .meta({ id: 'MaatregelVoorstel' });
export type VoorstelInput = z.input<typeof VoorstelInput>;

export const GoedkeuringInput = z
  .object({
    akkoord: keuze.describe('Akkoord (de maatregel is besloten) of terugsturen'),
    toelichting: optioneleTekst(2000).describe('Verplicht bij terugsturen'),
  })
  .superRefine((v, ctx) => {
    if (!v.akkoord && !v.toelichting)
      ctx.addIssue({
        code: 'custom',
        path: ['toelichting'],
        message: 'Schrijf waarom u het voorstel terugstuurt.',
      });
  })
  .meta({ id: 'MaatregelGoedkeuring' });
export type GoedkeuringInput = z.input<typeof GoedkeuringInput>;

export const Maatregel = z
  .object({
    id: z.uuid(),
    tegenprestatieId: z.uuid(),
    status: z.enum(MAATREGEL_STATUSSEN),
    gedraging: z.enum(GEDRAGINGEN),
    gedragDatum: z.iso.date(),
    gedragOmschrijving: z.string(),
    incidentId: z.uuid().nullable(),
    ontdektOp: z.iso.date(),
    besluit: z
      .object({
        datum: z.iso.date(),
        verzenddatum: z.iso.date(),
        startdatum: z.iso.date(),
        einddatum: z.iso.date().nullable(),
        versieTitel: z.string(),
      })
      .describe('Het opleggende besluit dat gold op de datum van de gedraging'),
    verordening: z.object({ id: z.uuid(), titel: z.string(), ingangsdatum: z.iso.date() }),
    categorie: z.object({ nummer: z.number().int(), artikel: z.string() }),
    herhaling: z.number().int().describe('0: eerste keer; 1: eerste herhaling binnen de recidivetermijn; …'),
    voornemen: z.object({ percentage: z.number().int(), maanden: z.number().int() }),
    bandbreedte: z.object({ min: z.number().int(), max: z.number().int() }),
    verzondenOp: z.iso.date(),
    hoortermijnEinde: z.iso.date().describe('De laatste dag van de termijn voor de zienswijze'),
    voornemenDoorNaam: z.string(),
    horing: z.object({
      vorm: z.enum(ZIENSWIJZE_VORMEN).nullable(),
      gegevenOp: z.iso.date().nullable().describe('De datum van de zienswijze'),
      inhoud: z.string().nullable(),
      antwoord: z.string().nullable(),
      grond: z.enum(HOOR_GRONDEN).nullable(),
      motivering: z.string().nullable(),
      doorNaam: z.string().nullable(),
    }),
    verwijtbaarheid: z
      .object({
        verwijtbaar: z.boolean(),
        verwijtbaarheidMotivering: z.string(),
        dringendeRedenen: z.boolean(),
        dringendeRedenenMotivering: z.string(),
        doorNaam: z.string().nullable(),
      })
      .nullable(),
    afzien: z.object({ grond: z.enum(AFZIEN_GRONDEN), motivering: z.string() }).nullable(),
    afzienMogelijk: z
      .array(z.enum(AFZIEN_GRONDEN))
      .describe('De afziensgronden van de verordening die gelden (verjaard, schriftelijke waarschuwing)'),
    voorstel: z
      .object({
        percentage: z.number().int(),
        maanden: z.number().int(),
        ingangsdatum: z.iso.date(),
        motivering: z.string(),
        opnieuwGehoordOp: z.iso
          .date()
          .nullable()
          .describe('De datum van de nieuwe horing (zwaarder voorstel)'),
        opnieuwGehoordInhoud: z.string().nullable(),
        doorNaam: z.string(),
      })
      .nullable(),
    teruggestuurdToelichting: z.string().nullable(),
    gezamenlijkMet: z
      .string()
      .nullable()
      .describe(
        'De partner bij gezamenlijke bijstand op de datum van de gedraging: de maatregel gaat over beiden (artikel 11 lid 4 en 18 lid 12 Participatiewet)',
      ),
    akkoord: z
      .object({ doorNaam: z.string(), op: z.iso.datetime(), toelichting: z.string().nullable() })
      .nullable(),
    volgendeStap: z
      .array(z.string())
      .describe('Wat er nog ontbreekt voor de volgende stap (leeg: de volgende stap kan)'),
  })
  .meta({ id: 'Maatregel' });
export type Maatregel = z.infer<typeof Maatregel>;
