import { z } from 'zod';
import {
  BETREFT,
  NAZORG_STAND_NAMEN,
  RECHTSMIDDEL_SOORTEN,
  STADIA,
  UITKOMSTEN,
  WIJZIGING_AANLEIDINGEN,
  WIJZIGING_UITKOMSTEN,
} from './nazorg.ts';

const tekst = (melding: string, max: number) =>
  z.string({ error: melding }).trim().min(1, melding).max(max, `Te lang (hoogstens ${max} tekens).`);
const optioneleTekst = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Te lang (hoogstens ${max} tekens).`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
const optioneleDatum = (melding: string) =>
  z
    .union([z.iso.date({ error: melding }), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null));
const keuze = z.union([z.boolean(), z.enum(['ja', 'nee'])]).transform((v) => v === true || v === 'ja');
const optioneelGetal = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === null || v === '') return null;
    const n = typeof v === 'number' ? v : Number(v);
    if (!(Number.isInteger(n) && n >= 1 && n <= 100)) {
      ctx.addIssue({ code: 'custom', message: 'Het percentage: een heel getal van 1 tot en met 100.' });
      return z.NEVER;
    }
    return n;
  });

export const WijzigingInput = z
  .object({
    aanleiding: z.enum(WIJZIGING_AANLEIDINGEN, { error: 'Kies de aanleiding.' }),
    uitkomst: z.enum(WIJZIGING_UITKOMSTEN, { error: 'Kies de uitkomst.' }),
    ingangsdatum: optioneleDatum('Vul de datum in, bijvoorbeeld 2027-02-01.').describe(
      'Vanaf wanneer de wijziging geldt (aangepast: het nieuwe percentage; beëindigd: de eerste dag zonder maatregel). Niet bij voortgezet.',
    ),
    percentage: optioneelGetal.describe('Aangepast: het nieuwe percentage (nooit hoger)'),
    einddatum: optioneleDatum('Vul de laatste dag in, bijvoorbeeld 2027-02-28.').describe(
      'Aangepast: de nieuwe laatste dag (nooit later)',
    ),
    motivering: tekst('Motiveer de uitkomst.', 4000),
  })
  .superRefine((v, ctx) => {
    const fout = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.uitkomst === 'voortgezet') {
      if (v.ingangsdatum || v.percentage !== null || v.einddatum)
        fout('uitkomst', 'Bij "voortgezet" blijft de maatregel zoals hij is: laat datum en percentage leeg.');
      return;
    }
    if (!v.ingangsdatum) fout('ingangsdatum', 'Vul de datum in vanaf wanneer de wijziging geldt.');
    if (v.uitkomst === 'aangepast') {
      if (v.percentage === null) fout('percentage', 'Vul het nieuwe percentage in.');
      if (!v.einddatum) fout('einddatum', 'Vul de nieuwe laatste dag van de maatregel in.');
    } else if (v.percentage !== null || v.einddatum)
      fout('uitkomst', 'Bij "beëindigd" geldt geen percentage en geen nieuwe laatste dag: laat die leeg.');
  })
  .meta({ id: 'MaatregelWijzigingNieuw' });
export type WijzigingInput = z.input<typeof WijzigingInput>;

export const WijzigingOordeelInput = z
  .object({
    akkoord: keuze.describe('Akkoord (de wijziging is vastgesteld) of terugsturen'),
    toelichting: optioneleTekst(2000).describe('Verplicht bij terugsturen'),
  })
  .superRefine((v, ctx) => {
    if (!v.akkoord && !v.toelichting)
      ctx.addIssue({ code: 'custom', path: ['toelichting'], message: 'Schrijf waarom u het terugstuurt.' });
  })
  .meta({ id: 'MaatregelWijzigingOordeel' });
export type WijzigingOordeelInput = z.input<typeof WijzigingOordeelInput>;

export const Termijn = z.object({ van: z.iso.date(), tot: z.iso.date(), percentage: z.number().int() });

export const MaatregelWijziging = z
  .object({
    id: z.uuid(),
    maatregelId: z.uuid(),
    aanleiding: z.enum(WIJZIGING_AANLEIDINGEN),
    uitkomst: z.enum(WIJZIGING_UITKOMSTEN),
    ingangsdatum: z.iso.date().nullable(),
    percentage: z.number().int().nullable(),
    einddatum: z.iso.date().nullable(),
    motivering: z.string(),
    status: z.enum(['ter-beoordeling', 'vastgesteld', 'teruggestuurd']),
    voorgesteldDoorNaam: z.string(),
    voorgesteldOp: z.iso.datetime(),
    beoordeeldDoorNaam: z.string().nullable(),
    beoordeeldOp: z.iso.datetime().nullable(),
    beoordelingToelichting: z.string().nullable(),
  })
  .meta({ id: 'MaatregelWijziging' });
export type MaatregelWijziging = z.infer<typeof MaatregelWijziging>;

export const RechtsmiddelInput = z
  .object({
    betreft: z.enum(BETREFT, { error: 'Kies het besluit waartegen het is gericht.' }),
    maatregelId: z
      .union([z.uuid({ error: 'Kies een besloten maatregel van deze plaatsing.' }), z.literal(''), z.null()])
      .optional()
      .transform((v) => (v ? v : null))
      .describe('Bij "maatregel": welke maatregel'),
    soort: z.enum(RECHTSMIDDEL_SOORTEN, { error: 'Kies bezwaar of voorlopige voorziening.' }),
    ontvangenOp: z.iso
      .date({ error: 'Vul de datum van ontvangst in, bijvoorbeeld 2027-01-20.' })
      .describe('Bezwaar: ontvangen op; voorlopige voorziening: aangevraagd op'),
    toelichting: tekst('Beschrijf kort waartegen de klant opkomt.', 4000),
  })
  .superRefine((v, ctx) => {
    if (v.betreft === 'maatregel' && !v.maatregelId)
      ctx.addIssue({ code: 'custom', path: ['maatregelId'], message: 'Kies de maatregel.' });
    if (v.betreft === 'opleggend-besluit' && v.maatregelId)
      ctx.addIssue({
        code: 'custom',
        path: ['maatregelId'],
        message: 'Tegen het opleggende besluit: kies geen maatregel.',
      });
  })
  .meta({ id: 'RechtsmiddelNieuw' });
export type RechtsmiddelInput = z.input<typeof RechtsmiddelInput>;

export const BeslissingInput = z
  .object({
    beslistOp: z.iso.date({ error: 'Vul de datum van de beslissing in, bijvoorbeeld 2027-02-20.' }),
    uitkomst: z.enum(UITKOMSTEN, { error: 'Kies de uitkomst.' }),
    toelichting: optioneleTekst(4000),
  })
  .meta({ id: 'RechtsmiddelBeslissing' });
export type BeslissingInput = z.input<typeof BeslissingInput>;

export const Rechtsmiddel = z
  .object({
    id: z.uuid(),
    tegenprestatieId: z.uuid(),
    betreft: z.enum(BETREFT),
    maatregelId: z.uuid().nullable(),
    besluitDatum: z.iso.date().describe('De datum van het besluit waartegen het is gericht'),
    besluitVerzenddatum: z.iso.date(),
    bezwaartermijnEinde: z.iso.date().describe('De laatste dag van de bezwaartermijn (artikel 6:7–6:8 Awb)'),
    soort: z.enum(RECHTSMIDDEL_SOORTEN),
    ontvangenOp: z.iso.date(),
    toelichting: z.string(),
    vastgelegdDoorNaam: z.string(),
    beslistOp: z.iso.date().nullable(),
    uitkomst: z.enum(UITKOMSTEN).nullable(),
    beslissingToelichting: z.string().nullable(),
  })
  .meta({ id: 'Rechtsmiddel' });
export type Rechtsmiddel = z.infer<typeof Rechtsmiddel>;

export const MaatregelNazorg = z
  .object({
    maatregelId: z.uuid(),
    besluitDatum: z.iso.date().describe('De datum van het maatregelbesluit (het akkoord)'),
    heroverwegingUiterlijk: z.iso
      .date()
      .describe(
        'Uiterlijk heroverwegen (artikel 18 lid 3 Participatiewet): besluitdatum + 3 kalendermaanden',
      ),
    heroverwogen: z.boolean().describe('Is de uitkomst van een heroverweging vastgesteld?'),
    besloten: Termijn.describe('De maatregel zoals besloten'),
    termijnen: z.array(Termijn).describe('Wat nu geldt, na de vastgestelde wijzigingen'),
    stand: z.enum(Object.keys(NAZORG_STAND_NAMEN) as ['lopend', 'aangepast', 'beeindigd', 'ingetrokken']),
    wijzigingen: z.array(MaatregelWijziging),
    rechtsmiddelen: z.array(Rechtsmiddel).describe('Bezwaar en voorlopige voorziening tegen deze maatregel'),
  })
  .meta({ id: 'MaatregelNazorg' });
export type MaatregelNazorg = z.infer<typeof MaatregelNazorg>;

export const ExportInput = z
  .object({
    maand: z
      .string({ error: 'Vul de maand in als JJJJ-MM, bijvoorbeeld 2027-01.' })
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Vul de maand in als JJJJ-MM, bijvoorbeeld 2027-01.'),
  })
  .meta({ id: 'MaatregelExportNieuw' });
export type ExportInput = z.input<typeof ExportInput>;

export const ExportRegelSchema = z
  .object({
    soort: z.enum(['maatregel', 'correctie']),
    klantnummer: z.string().nullable().describe('Het klantnummer van de gemeente (nooit het BSN)'),
    maatregelId: z.uuid(),
    categorie: z.number().int(),
    percentage: z
      .number()
      .int()
      .describe('Percentage van de grondslag vanaf de ingangsdatum (0: geen maatregel meer)'),
    ingangsdatum: z.iso.date(),
    einddatum: z.iso.date().nullable(),
    grondslag: z.string(),
    besluitDatum: z.iso.date(),
    status: z.enum(['besloten', 'lopend', 'aangepast', 'beeindigd', 'ingetrokken']),
    gezamenlijkeBijstand: z
      .boolean()
      .describe(
        'Op gezamenlijke bijstand (artikel 11 lid 4 Participatiewet): de verlaging treft de bijstand van beide partners',
      ),
  })
  .meta({ id: 'MaatregelExportRegel' });

export const MaatregelExport = z
  .object({
    id: z.uuid(),
    gemeenteId: z.uuid(),
    maand: z.string(),
    uitgevoerdOp: z.iso.datetime(),
    doorNaam: z.string(),
    aantal: z.number().int(),
    aantalCorrecties: z.number().int(),
    regels: z.array(ExportRegelSchema).optional(),
  })
  .meta({ id: 'MaatregelExport' });
export type MaatregelExport = z.infer<typeof MaatregelExport>;

export const TeamlijstRegel = z
  .object({
    maatregelId: z.uuid(),
    tegenprestatieId: z.uuid(),
    klantId: z.uuid(),
    klantNaam: z.string().nullable(),
    gemeenteId: z.uuid(),
    gedragDatum: z.iso.date(),
    stadium: z.enum(STADIA),
    peildatum: z.iso
      .date()
      .nullable()
      .describe(
        'De datum die bij het stadium hoort: einde van de termijn, uiterlijke heroverweging, besluitdatum',
      ),
  })
  .meta({ id: 'MaatregelTeamlijstRegel' });
