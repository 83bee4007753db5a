import { z } from 'zod';
import { isGeldigBsn, normaliseerBsn } from './bsn.ts';
import { isIsoDatum, vandaag } from './datum.ts';
import { BEPERKINGEN, DAGDELEN, MOBILITEIT, OPLEIDINGSNIVEAUS, TAALNIVEAUS } from './keuzelijsten.ts';
import { parsePostcode } from './postcode.ts';
import { NEGEN_A_GEBEURTENISSEN } from './negen-a.ts';
import { ONTHEFFING_TYPES, TOEPASSELIJKHEDEN } from './toepasselijkheid.ts';

/**
 * Input and output schemas of the client file. The same schemas validate API requests (route schemas, so a 400
 * names the field) and service input from pages, the CSV import and the demo (a `KlantInvoerfout` with a Dutch
 * message per field).
 *
 * Free text is kept exactly as sent — no trimming, no normalisation — within the documented length (counted in
 * characters). The only characters refused are NUL and unpaired surrogates, which PostgreSQL text cannot hold.
 * Structured values (BSN, postcode, dates) are validated here and normalised in the service.
 */

const lengte = (s: string) => [...s].length;
const LOS_SURROGAAT = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Free text up to `max` characters, kept exactly; NUL and unpaired surrogates refused. */
export const vrijeTekst = (max: number) =>
  z
    .string()
    .refine((s) => !s.includes('\u0000'), 'Deze tekst bevat een NUL-teken; dat kan niet worden opgeslagen.')
    .refine(
      (s) => !LOS_SURROGAAT.test(s),
      'Deze tekst bevat een ongeldig teken (een los surrogaat); dat kan niet worden opgeslagen.',
    )
    .refine((s) => lengte(s) <= max, `Hoogstens ${max} tekens.`)
    .meta({ description: `Vrije tekst, hoogstens ${max} tekens; wordt precies zo bewaard als verstuurd.` });

/** Required free text: at least one non-space character. */
const verplichteTekst = (max: number, leeg: string) =>
  vrijeTekst(max).refine((s) => s.trim().length > 0, leeg);

export const isoDatum = z
  .string()
  .refine(isIsoDatum, 'Vul een bestaande datum in (JJJJ-MM-DD), bijvoorbeeld 1985-03-21.')
  .meta({ format: 'date', example: '1985-03-21' });

export const Bsn = z
  .string()
  .max(20, 'Een BSN heeft 9 cijfers.')
  .refine(
    (s) => isGeldigBsn(normaliseerBsn(s)),
    'Dit is geen geldig BSN (9 cijfers die de elfproef doorstaan).',
  )
  .meta({ description: 'Burgerservicenummer, 9 cijfers (spaties en punten mogen).', example: '111222333' });

export const Postcode = z
  .string()
  .max(10, 'Vul een postcode in zoals 1234 AB.')
  .superRefine((s, ctx) => {
    const p = parsePostcode(s);
    if (!p.ok) ctx.addIssue({ code: 'custom', message: p.melding });
  })
  .meta({ example: '5611 AB' });

export const Klantnummer = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/,
    'Een klantnummer heeft 1 tot 40 letters, cijfers, punten, streepjes of schuine strepen.',
  )
  .meta({ description: 'Het nummer uit het kernsysteem, uniek per gemeente.', example: '2026-00123' });

const Email = vrijeTekst(254).refine(
  (s) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s),
  'Vul een e-mailadres in zoals naam@voorbeeld.nl.',
);
const Uren = (max: number) =>
  z
    .number()
    .min(0, 'Vul 0 of meer uren in.')
    .max(max, `Hoogstens ${max} uur per week.`)
    .refine((n) => Number.isInteger(n * 2), 'Vul hele of halve uren in.');

export const Dagdeel = z.enum(DAGDELEN);
const Dagdelen = z.array(Dagdeel).max(DAGDELEN.length);

export const Werkervaring = z.object({
  sector: vrijeTekst(100),
  functie: vrijeTekst(100),
  jaren: z.number().min(0).max(60),
});

export const WerkInput = z
  .object({
    omschrijving: vrijeTekst(200).nullish(),
    urenPerWeek: Uren(80).refine((n) => n > 0, 'Vul meer dan 0 uur in.'),
    dagdelen: Dagdelen.optional(),
    begindatum: isoDatum.nullish(),
    einddatum: isoDatum.nullish().describe('De eerste dag zonder dit werk (niet tot en met).'),
  })
  .superRefine((w, ctx) => {
    if (w.begindatum && w.einddatum && w.einddatum <= w.begindatum)
      ctx.addIssue({
        code: 'custom',
        path: ['einddatum'],
        message: 'De einddatum moet na de begindatum liggen.',
      });
  });
export type WerkInput = z.infer<typeof WerkInput>;

export const ReintegratieInput = z
  .object({
    omschrijving: vrijeTekst(200).nullish(),
    begindatum: isoDatum,
    einddatum: isoDatum.nullish().describe('De eerste dag zonder dit traject (niet tot en met).'),
    dagdelen: Dagdelen.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.einddatum && r.einddatum <= r.begindatum)
      ctx.addIssue({
        code: 'custom',
        path: ['einddatum'],
        message: 'De einddatum moet na de begindatum liggen.',
      });
  });
export type ReintegratieInput = z.infer<typeof ReintegratieInput>;

export const BelastbaarheidInput = z
  .object({
    maxUrenPerWeek: Uren(60).nullish(),
    beperkingen: z.array(z.enum(BEPERKINGEN as [string, ...string[]])).optional(),
    geenBeperkingenReden: vrijeTekst(1000)
      .nullish()
      .describe(
        'Naar vermogen: er zijn geen beperkingen bekend, met de reden (sluit uren en beperkingen uit). Zonder uren of deze verklaring neemt de checklist geen belastbaarheid aan.',
      ),
  })
  .superRefine((b, ctx) => {
    if (b.geenBeperkingenReden != null && b.geenBeperkingenReden.trim() === '')
      ctx.addIssue({
        code: 'custom',
        path: ['geenBeperkingenReden'],
        message: 'Schrijf op waarom er geen beperkingen bekend zijn.',
      });
    if (b.geenBeperkingenReden?.trim() && (b.maxUrenPerWeek != null || (b.beperkingen ?? []).length > 0))
      ctx.addIssue({
        code: 'custom',
        path: ['geenBeperkingenReden'],
        message:
          'Kies: of een belastbaarheid (uren of beperkingen), of de verklaring dat er geen beperkingen bekend zijn.',
      });
  });
export type BelastbaarheidInput = z.infer<typeof BelastbaarheidInput>;

const geboortedatum = isoDatum
  .refine((d) => d >= '1900-01-01', 'Vul een geboortedatum na 1900 in.')
  .refine((d) => d <= vandaag(), 'Een geboortedatum kan niet in de toekomst liggen.');

/** The client's profile fields: everything a create sets and a PATCH may change (except the municipality). */
const profielVelden = {
  klantnummer: Klantnummer.nullish(),
  bsn: Bsn.nullish(),
  voornamen: vrijeTekst(200).nullish(),
  roepnaam: vrijeTekst(100).nullish(),
  voorvoegsel: vrijeTekst(20).nullish(),
  achternaam: verplichteTekst(200, 'Vul de achternaam in.'),
  geboortedatum,
  straat: vrijeTekst(200).nullish(),
  huisnummer: vrijeTekst(20).nullish(),
  postcode: Postcode.nullish(),
  woonplaats: vrijeTekst(100).nullish(),
  wijkId: z
    .uuid()
    .nullish()
    .describe(
      'Zet de wijk met de hand; null: weer afleiden uit de postcode. Weglaten: afleiden (of ongewijzigd).',
    ),
  telefoon: vrijeTekst(40).nullish(),
  email: Email.nullish(),
  taal: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'Vul een taalcode in van 2 of 3 kleine letters, bijvoorbeeld nl of ar.')
    .nullish(),
  taalniveau: z.enum(TAALNIVEAUS).nullish(),
  opleidingsniveau: z.enum(OPLEIDINGSNIVEAUS).nullish(),
  werkervaring: z.array(Werkervaring).max(50).optional(),
  beschikbaarheid: Dagdelen.optional(),
  zorgtaken: vrijeTekst(2000).nullish(),
  mobiliteit: z.array(z.enum(MOBILITEIT)).max(MOBILITEIT.length).optional(),
  maxReistijdMinuten: z.number().int().min(0).max(240).nullish(),
  eigenNetwerk: vrijeTekst(4000).nullish(),
  klantmanagerId: z.uuid().nullish(),
  belastbaarheid: BelastbaarheidInput.nullish(),
  werk: z.array(WerkInput).max(20).optional(),
  reintegratie: z.array(ReintegratieInput).max(20).optional(),
  vaardigheidIds: z.array(z.uuid()).max(100).optional(),
  interesseIds: z.array(z.uuid()).max(100).optional(),
};

export const CreateKlantInput = z
  .object({ gemeenteId: z.uuid(), ...profielVelden })
  .meta({ id: 'NieuweKlant' });
export type CreateKlantInput = z.input<typeof CreateKlantInput>;

/** PATCH: absent fields stay as they are; `null` clears a field; lists (werk, dagdelen, …) are replaced whole. */
export const UpdateKlantInput = z
  .object(profielVelden)
  .partial()
  .extend({ achternaam: profielVelden.achternaam.optional(), geboortedatum: geboortedatum.optional() })
  .meta({ id: 'KlantWijziging' });
export type UpdateKlantInput = z.input<typeof UpdateKlantInput>;

export const OntheffingInput = z
  .object({
    type: z.enum(ONTHEFFING_TYPES),
    begindatum: isoDatum,
    einddatum: isoDatum
      .nullish()
      .describe('De eerste dag zonder ontheffing (de tegenprestatie geldt weer vanaf deze dag).'),
    herbeoordelingsdatum: isoDatum.nullish(),
    reden: vrijeTekst(2000).nullish(),
    geboortedatumKind: isoDatum.nullish().describe('Art. 9a: geboortedatum van het jongste kind.'),
    lokaleGrondId: z.uuid().nullish(),
    eerderGebruikt: z
      .boolean()
      .optional()
      .describe(
        'Art. 9a lid 4: een periode in een vorige woonplaats (andere gemeente); telt mee voor de 5 jaar.',
      ),
    eerdereGemeente: vrijeTekst(200).nullish().describe('Art. 9a lid 4: de vorige woonplaats.'),
    verzoekdatum: isoDatum
      .nullish()
      .describe('Art. 9a lid 7: de dag dat het verzoek binnenkwam (plan van aanpak binnen zes maanden).'),
    planVanAanpakOp: isoDatum
      .nullish()
      .describe('Art. 9a lid 7: de dag dat het plan van aanpak is opgesteld, als dat al is gebeurd.'),
  })
  .superRefine((o, ctx) => {
    const fout = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (o.einddatum && o.einddatum <= o.begindatum)
      fout('einddatum', 'De einddatum moet na de begindatum liggen.');
    if (o.type === 'dringende-redenen') {
      if (!o.reden?.trim()) fout('reden', 'Vul de dringende reden in.');
      if (!o.einddatum)
        fout('einddatum', 'Een ontheffing om dringende redenen is tijdelijk: vul een einddatum in.');
    }
    if (o.type === 'alleenstaande-ouder-kind-onder-5' && !o.geboortedatumKind)
      fout('geboortedatumKind', 'Vul de geboortedatum van het jongste kind in.');
    if (o.type === 'lokaal' && !o.lokaleGrondId) fout('lokaleGrondId', 'Kies de lokale ontheffingsgrond.');
    if (o.type !== 'lokaal' && o.lokaleGrondId)
      fout('lokaleGrondId', 'Een lokale grond hoort alleen bij een lokale ontheffing.');
    if (o.eerderGebruikt && o.type !== 'alleenstaande-ouder-kind-onder-5')
      fout(
        'eerderGebruikt',
        'Alleen een ontheffing voor een alleenstaande ouder kan als eerdere periode meetellen.',
      );
    if (o.eerderGebruikt && !o.einddatum) fout('einddatum', 'Vul de einddatum van de eerdere periode in.');
    if (o.eerderGebruikt && !o.eerdereGemeente?.trim())
      fout(
        'eerdereGemeente',
        'Vul de vorige woonplaats in: alleen perioden in een andere gemeente tellen mee (art. 9a lid 4).',
      );
    if (o.type === 'volledig-arbeidsongeschikt' && o.einddatum)
      fout(
        'einddatum',
        'Volledig en duurzaam arbeidsongeschikt heeft geen einddatum (art. 9 lid 5): laat de einddatum leeg.',
      );
    const nieuw9a = o.type === 'alleenstaande-ouder-kind-onder-5' && !o.eerderGebruikt;
    if (nieuw9a && !o.verzoekdatum)
      fout('verzoekdatum', 'Vul de datum in waarop het verzoek om ontheffing binnenkwam (art. 9a lid 7).');
    if (!nieuw9a && o.verzoekdatum)
      fout('verzoekdatum', 'Een verzoekdatum hoort alleen bij een ontheffing voor een alleenstaande ouder.');
    if (o.planVanAanpakOp && !nieuw9a)
      fout(
        'planVanAanpakOp',
        'Een plan van aanpak hoort hier alleen bij een ontheffing voor een alleenstaande ouder.',
      );
    if (o.planVanAanpakOp && o.planVanAanpakOp > vandaag())
      fout('planVanAanpakOp', 'Het plan van aanpak kan niet in de toekomst zijn opgesteld.');
    if (o.verzoekdatum && o.verzoekdatum > o.begindatum)
      fout('verzoekdatum', 'Het verzoek komt binnen vóór of op de begindatum van de ontheffing.');
  })
  .meta({ id: 'NieuweOntheffing' });
export type OntheffingInput = z.input<typeof OntheffingInput>;

export const UpdateOntheffingInput = z
  .object({
    einddatum: isoDatum.nullish(),
    herbeoordelingsdatum: isoDatum.nullish(),
    reden: vrijeTekst(2000).nullish(),
    planVanAanpakOp: isoDatum
      .nullish()
      .describe('Art. 9a lid 7: de dag dat het plan van aanpak is opgesteld.'),
    laatsteHeronderzoekOp: isoDatum
      .nullish()
      .describe('Art. 9a lid 8: de dag van het laatste heronderzoek (iedere zes maanden).'),
  })
  .meta({ id: 'OntheffingWijziging' });
export type UpdateOntheffingInput = z.input<typeof UpdateOntheffingInput>;

/** Art. 9a lid 5 and 6: a suspension or resumption of the exemption. */
export const GebeurtenisInput = z
  .object({
    soort: z.enum(NEGEN_A_GEBEURTENISSEN),
    datum: isoDatum.describe('De eerste dag waarop de opschorting of hervatting geldt.'),
    geboortedatumKind: isoDatum
      .nullish()
      .describe('Hervatting: de geboortedatum van het jongste kind, als er een jonger kind is.'),
    toelichting: vrijeTekst(2000).nullish(),
  })
  .superRefine((g, ctx) => {
    if (g.geboortedatumKind && g.soort !== 'hervatting')
      ctx.addIssue({
        code: 'custom',
        path: ['geboortedatumKind'],
        message: 'Een geboortedatum van een kind hoort alleen bij een hervatting.',
      });
  })
  .meta({ id: 'OntheffingGebeurtenis' });
export type GebeurtenisInput = z.input<typeof GebeurtenisInput>;

export const SORTERINGEN = [
  'naam',
  'klantnummer',
  'geboortedatum',
  'wijk',
  'toepasselijkheid',
  'gewijzigd',
] as const;
export const REIKWIJDTES = ['mijn', 'team', 'alle'] as const;

export const KlantenZoekvraag = z.object({
  gemeenteId: z.uuid().optional(),
  zoek: vrijeTekst(100).optional().describe('Naam of klantnummer (een deel is genoeg).'),
  reikwijdte: z
    .enum(REIKWIJDTES)
    .optional()
    .describe(
      'mijn: eigen klanten; team: klanten van het eigen team (teams); alle: alle klanten van de eigen gemeenten (teamleider).',
    ),
  toepasselijkheid: z.enum(TOEPASSELIJKHEDEN).optional(),
  wijkId: z.uuid().optional(),
  klantmanagerId: z.union([z.uuid(), z.literal('geen')]).optional(),
  metGesloten: z.boolean().optional(),
  sorteer: z.enum(SORTERINGEN).optional(),
  richting: z.enum(['oplopend', 'aflopend']).optional(),
  pagina: z.number().int().min(1).max(100000).optional(),
  paginaGrootte: z.number().int().min(1).max(100).optional(),
});
export type KlantenZoekvraag = z.input<typeof KlantenZoekvraag>;

// ---- Output ------------------------------------------------------------------------------------------------------

const Verwijzing = z.object({ id: z.uuid(), naam: z.string() });
const datum = () => z.string().meta({ format: 'date' });
const tijdstip = () => z.string().meta({ format: 'date-time' });

export const KlantOverzicht = z
  .object({
    id: z.uuid().describe('Vaste, pseudonieme identificatie van de klant'),
    gemeenteId: z.uuid(),
    klantnummer: z.string().nullable(),
    naam: z.string().describe('Weergavenaam: roepnaam of voornamen, voorvoegsel en achternaam'),
    voornamen: z.string().nullable(),
    roepnaam: z.string().nullable(),
    voorvoegsel: z.string().nullable(),
    achternaam: z.string(),
    geboortedatum: datum(),
    postcode: z.string().nullable(),
    wijk: Verwijzing.nullable(),
    klantmanager: Verwijzing.nullable(),
    toepasselijkheid: z.enum(TOEPASSELIJKHEDEN).nullable(),
    dossierGeslotenOp: tijdstip().nullable(),
  })
  .meta({ id: 'KlantOverzicht' });
export type KlantOverzicht = z.infer<typeof KlantOverzicht>;

export const Reden = z.object({
  code: z.string(),
  tekst: z.string(),
  artikel: z.string(),
  artikelBekend: z.boolean(),
  tot: datum().optional(),
});

export const ToepasselijkheidSchema = z
  .object({
    peildatum: datum(),
    uitkomst: z.enum(TOEPASSELIJKHEDEN),
    redenen: z.array(Reden),
    resterendeUren: z.number().nullable(),
    capaciteitBron: z.enum(['belastbaarheid', 'drempel']),
    werkurenPerWeek: z.number(),
    regulierWerkUren: z.number(),
    aow: z.object({ datum: datum(), jaren: z.number(), maanden: z.number(), voorlopig: z.boolean() }),
    vanToepassingVanaf: datum().optional(),
  })
  .meta({ id: 'Toepasselijkheid' });

export const Ontheffing = z
  .object({
    id: z.uuid(),
    type: z.enum(ONTHEFFING_TYPES),
    typeNaam: z.string(),
    grondslag: z
      .object({ artikel: z.string(), bekend: z.boolean() })
      .describe('Wettelijke grondslag op vandaag'),
    lokaleGrond: z.object({ id: z.uuid(), code: z.string(), naam: z.string() }).nullable(),
    reden: z.string().nullable(),
    begindatum: datum(),
    einddatum: datum().nullable(),
    effectiefEinde: datum()
      .nullable()
      .describe('Werkelijk einde (art. 9a: ook de 5e verjaardag van het kind en 5 jaar in totaal)'),
    herbeoordelingsdatum: datum().nullable(),
    geboortedatumKind: datum().nullable(),
    eerderGebruikt: z.boolean(),
    eerdereGemeente: z.string().nullable(),
    isLopend: z.boolean(),
    aangemaaktOp: tijdstip(),
    negenA: z
      .object({
        stand: z.enum(['nog-niet-begonnen', 'lopend', 'opgeschort', 'benut', 'beeindigd']),
        lopendTot: datum()
          .nullable()
          .describe(
            'Loopt de ontheffing: de eerste dag zonder, zoals het nu staat (5e verjaardag, vijf jaar, opschorting)',
          ),
        opgeschort: z
          .object({ sinds: datum(), grond: z.enum(['kind-vijf', 'einde-bijstand', 'verzoek']) })
          .nullable(),
        perioden: z.array(
          z.object({
            begindatum: datum(),
            einddatum: datum(),
            eindigtDoor: z.enum(['kind-vijf', 'einde-bijstand', 'verzoek', 'benut', 'beeindigd']),
          }),
        ),
        gebruikt: z.object({ maanden: z.number().int(), dagen: z.number().int() }),
        resterend: z.object({ maanden: z.number().int(), dagen: z.number().int() }),
        gebeurtenissen: z.array(
          z.object({
            id: z.uuid(),
            soort: z.enum(NEGEN_A_GEBEURTENISSEN),
            datum: datum(),
            geboortedatumKind: datum().nullable(),
            toelichting: z.string().nullable(),
          }),
        ),
        verzoekdatum: datum().nullable(),
        planVanAanpakUiterlijk: datum().nullable().describe('Art. 9a lid 7: zes maanden na het verzoek'),
        planVanAanpakOp: datum().nullable(),
        laatsteHeronderzoekOp: datum().nullable(),
        volgendHeronderzoek: datum()
          .nullable()
          .describe('Art. 9a lid 8: zes maanden na het plan van aanpak of het laatste heronderzoek'),
      })
      .nullable()
      .describe(
        'Art. 9a: het verloop van de ontheffing (alleen bij een alleenstaande ouder, niet bij een eerdere periode)',
      ),
  })
  .meta({ id: 'Ontheffing' });
export type Ontheffing = z.infer<typeof Ontheffing>;

const Werk = z.object({
  id: z.uuid(),
  omschrijving: z.string().nullable(),
  urenPerWeek: z.number(),
  dagdelen: z.array(z.string()),
  begindatum: datum().nullable(),
  einddatum: datum().nullable(),
});
const Reintegratie = z.object({
  id: z.uuid(),
  omschrijving: z.string().nullable(),
  begindatum: datum(),
  einddatum: datum().nullable(),
  dagdelen: z.array(z.string()),
});

/** An organisation of the network linked to the client's own network. */
export const NetwerkOrganisatieKoppeling = z.object({
  organisatieId: z.uuid(),
  naam: z
    .string()
    .nullable()
    .describe('De naam van de organisatie; null als de organisatie niet (meer) zichtbaar is'),
  toelichting: z.string().nullable(),
  gekoppeldOp: tijdstip(),
});
export type NetwerkOrganisatieKoppeling = z.infer<typeof NetwerkOrganisatieKoppeling>;

export const KlantDossier = KlantOverzicht.extend({
  heeftBsn: z.boolean(),
  bsnGemaskeerd: z.string().nullable().describe('Alleen de laatste 4 cijfers, bijvoorbeeld *****2333'),
  straat: z.string().nullable(),
  huisnummer: z.string().nullable(),
  woonplaats: z.string().nullable(),
  wijkHandmatig: z.boolean(),
  telefoon: z.string().nullable(),
  email: z.string().nullable(),
  taal: z.string().nullable(),
  taalniveau: z.enum(TAALNIVEAUS).nullable(),
  opleidingsniveau: z.enum(OPLEIDINGSNIVEAUS).nullable(),
  werkervaring: z.array(Werkervaring),
  beschikbaarheid: z.array(z.string()),
  zorgtaken: z.string().nullable(),
  mobiliteit: z.array(z.string()),
  maxReistijdMinuten: z.number().nullable(),
  eigenNetwerk: z.string().nullable(),
  netwerkOrganisaties: z.array(NetwerkOrganisatieKoppeling),
  belastbaarheid: z
    .object({
      maxUrenPerWeek: z.number().nullable(),
      beperkingen: z.array(z.string()),
      geenBeperkingenReden: z.string().nullable(),
    })
    .nullable(),
  werk: z.array(Werk),
  reintegratie: z.array(Reintegratie),
  ontheffingen: z.array(Ontheffing),
  vaardigheden: z.array(Verwijzing),
  interesses: z.array(Verwijzing),
  toepasselijkheidDetail: ToepasselijkheidSchema,
  instrumentNaam: z
    .string()
    .describe(
      'De naam die de gemeente van de klant vandaag gebruikt: tegenprestatie of maatschappelijke participatie',
    ),
  aangemaaktOp: tijdstip(),
  gewijzigdOp: tijdstip(),
}).meta({ id: 'Klant' });
export type KlantDossier = z.infer<typeof KlantDossier>;

export interface Pagina<T> {
  items: T[];
  totaal: number;
  pagina: number;
  paginaGrootte: number;
  aantalPaginas: number;
}

export const KlantenPagina = z
  .object({
    items: z.array(KlantOverzicht),
    totaal: z.number().int(),
    pagina: z.number().int(),
    paginaGrootte: z.number().int(),
    aantalPaginas: z.number().int(),
  })
  .meta({ id: 'KlantenPagina' });
