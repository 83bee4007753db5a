import { basisDocument, renderPdf } from '../../lib/pdf.ts';
import { dagdeelNaam, formatDatumNl, type IsoDatum } from '../klanten/index.ts';
import { WEDERKERIGHEID_NAMEN } from '../netwerk/index.ts';
import {
  AWB_4_11_NAMEN,
  type Oplegging,
  REDEN_CATEGORIE_NAMEN,
  type Tegenprestatie,
  VERVOLG_NAMEN,
  ZIENSWIJZE_VORM_NAMEN,
} from '../tegenprestaties/index.ts';
import { ARTIKEL_REGEL_NAMEN, ARTIKEL_REGELS, type Dagdeel, type NaamTekst } from '../verordening/index.ts';
import { bezwaartermijn } from './besluit.ts';
import type { BesluitGrondslag, VersieSnapshot } from './overeenkomsten.schemas.ts';

/**
 * The college's decision (besluit) and the agreement (overeenkomst) as pdfmake documents: pure functions of plain
 * data (tested by extracting the text), plus the rendering to PDF/A-3b with the DejaVu fonts in `assets/fonts`.
 */

/** Everything the two documents print (gathered by the service; no I/O here). */
export interface DocumentGegevens {
  gemeente: string;
  /** The instrument's name of the period: the name of the version that governs it (not of the print date). */
  naam: NaamTekst;
  /** One plain sentence when the name changes within the period (null when it does not). */
  naamZin: string | null;
  /** Imposed by a decision, or only offered (voluntary: no decision, no obligation cited). */
  vorm: 'opleggen' | 'aanbieden';
  /** The document's own date (the decision: its sending date). */
  documentdatum: IsoDatum;
  klant: { naam: string; klantnummer: string | null; adres: string | null };
  klantmanager: string | null;
  tegenprestatie: Tegenprestatie;
  /**
   * The approved round of imposing a design the client did not want (issue 15), or null: the decision answers the
   * client's reasons and view in its reasons.
   */
  oplegging: Oplegging | null;
  activiteit: {
    titel: string;
    omschrijving: string;
    organisatie: string | null;
    locatie: string | null;
    mentor: string | null;
  } | null;
  versie: VersieSnapshot;
  /** When the check ran (date). */
  toetsdatum: IsoDatum;
  /** The recorded legal basis per regime of the period and the measures clause (imposed documents print it). */
  grondslag: BesluitGrondslag;
  verzekering: string;
  besluit: { datum: IsoDatum; verzenddatum: IsoDatum | null; ondertekenaar: string } | null;
  acceptatie: {
    klantGetekendOp: IsoDatum;
    organisatieGetekendOp: IsoDatum | null;
    bevestigingsreden: string | null;
  } | null;
  /**
   * A later version of the agreement (2, 3, …, issue 16): the `tegenprestatie` then carries that version's hours,
   * day parts and end date; this says what changed, from when, and (where imposed) the change decision. Null for
   * version 1.
   */
  wijziging?: {
    nummer: number;
    ingangsdatum: IsoDatum;
    vorige: { urenPerWeek: number; dagdelen: readonly string[]; einddatum: IsoDatum | null };
    verlengingMaanden: number | null;
    toelichting: string;
    besluit: { datum: IsoDatum; verzenddatum: IsoDatum; ondertekenaar: string } | null;
  } | null;
}

/** Rendering lives in src/lib/pdf.ts (shared); re-exported here for the modules that import it from here. */
export { renderPdf };

const leeg = '—';
const datum = (d: string | null | undefined): string => (d ? formatDatumNl(d) : leeg);
const uren = (n: number | null) => (n === null ? leeg : `${String(n).replace('.', ',')} uur per week`);
const hoofdletter = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
const kop = (t: string) => ({ text: t, style: 'kop' });
const alinea = (t: string) => ({ text: t, margin: [0, 0, 0, 8] });

function gegevens(rijen: Array<[string, string]>): object {
  return {
    table: { widths: [170, '*'], body: rijen.map(([k, v]) => [{ text: k, bold: true }, v]) },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 12],
  };
}

const basis = basisDocument;

/** The agreed content: what, where, when, how much (both documents print it). */
function afspraken(g: DocumentGegevens): Array<[string, string]> {
  const t = g.tegenprestatie;
  return [
    ['Activiteit', g.activiteit?.titel ?? leeg],
    ['Wat u doet', g.activiteit?.omschrijving || leeg],
    ['Organisatie', g.activiteit?.organisatie ?? 'Geen organisatie: maatwerk in uw eigen omgeving'],
    ...(g.activiteit?.locatie ? ([['Plaats', g.activiteit.locatie]] as Array<[string, string]>) : []),
    ['Uren', uren(t.urenPerWeek)],
    ['Dagdelen', t.dagdelen.length ? t.dagdelen.map((d) => dagdeelNaam(d as Dagdeel)).join(', ') : leeg],
    ['Startdatum', datum(t.startdatum)],
    ['Laatste dag', datum(t.einddatum)],
    ['Evaluatie', t.evaluatiedata.length ? t.evaluatiedata.map((d) => formatDatumNl(d)).join(', ') : leeg],
    [
      'Vervolg na afloop',
      t.vervolg
        ? `${VERVOLG_NAMEN[t.vervolg]}${t.vervolgToelichting ? `: ${t.vervolgToelichting}` : ''}`
        : leeg,
    ],
  ];
}

const versieTekst = (v: VersieSnapshot) =>
  `${v.titel} (versie die geldt vanaf ${formatDatumNl(v.ingangsdatum)})`;

/** "een tegenprestatie" / "maatschappelijke participatie" (an uncountable noun takes no article). */
const eenNaam = (naam: string): string => (naam === 'tegenprestatie' ? 'een tegenprestatie' : naam);

/** "van 1 januari 2026 tot en met 30 juni 2026" / "vanaf 1 januari 2026, zonder einddatum". */
function periodeTekst(start: IsoDatum | null, eind: IsoDatum | null): string {
  if (!start) return leeg;
  return eind
    ? `van ${formatDatumNl(start)} tot en met ${formatDatumNl(eind)}`
    : `vanaf ${formatDatumNl(start)}, zonder einddatum`;
}

/** The legal basis per regime of the period, as rows (citation, short text). */
function grondslagRijen(g: DocumentGegevens): Array<[string, string]> {
  const regimes = g.grondslag.regimes;
  return regimes.map((r) => [
    regimes.length > 1 ? hoofdletter(periodeTekst(r.van, r.tot)) : 'Wet',
    r.omschrijving ? `${r.artikel}: ${r.omschrijving}` : r.artikel,
  ]);
}

/** The measures ordinance as cited with art. 18 lid 2 Pw (its article when recorded, else the ordinance by name). */
const maatregelTekst = (g: DocumentGegevens): string =>
  g.grondslag.artikelMaatregel.trim()
    ? `artikel 18 lid 2 Participatiewet en ${g.grondslag.artikelMaatregel.trim()}`
    : `artikel 18 lid 2 Participatiewet en de afstemmingsverordening van de gemeente ${g.gemeente}`;

/** The consequences clause of an imposed obligation. */
const gevolgenZin = (g: DocumentGegevens): string =>
  `Doet u de ${g.naam} niet, of niet zoals afgesproken, dan kan het college uw bijstand verlagen. Dat staat in ` +
  `${maatregelTekst(g)}. Voordat het college dat doet, vraagt het eerst uw kant van het verhaal (artikel 4:8 Awb).`;

/** The college's decision imposing the instrument (only where the version in force imposes it). */
/**
 * Where the client did not want the design (issue 15): their reasons and why each does not make it unsuitable, the
 * view they gave on the intention (or the Awb 4:11 ground for not asking it) and the answer to it — the decision's
 * reasons answer the view (Awb 3:46). For the client, "convinced" becomes "heard, and answered in the reasons".
 */
function zienswijzeDelen(o: Oplegging | null): object[] {
  if (o?.status !== 'akkoord') return [];
  return [
    kop('Wat u hebt gezegd, en ons antwoord'),
    alinea(
      'U wilt deze tegenprestatie niet. Wij hebben uw redenen gewogen. Dit zijn uw redenen en wat wij ervan vinden:',
    ),
    gegevens(
      o.redenen.map((r, n) => [
        `Uw reden ${n + 1} (${REDEN_CATEGORIE_NAMEN[r.categorie].toLowerCase()})`,
        `${r.tekst} — Ons oordeel: ${r.beoordeling}`,
      ]),
    ),
    ...(o.zienswijze
      ? [
          alinea(
            `Wij hebben u laten weten dat wij van plan waren dit besluit te nemen. U hebt daarop uw mening (zienswijze) ` +
              `gegeven: ${ZIENSWIJZE_VORM_NAMEN[o.zienswijze.vorm].toLowerCase()}, op ${datum(o.zienswijze.datum)} ` +
              '(artikel 4:8 Awb).',
          ),
          gegevens([
            ['Uw zienswijze', o.zienswijze.inhoud],
            ['Ons antwoord', o.zienswijze.beantwoording],
          ]),
        ]
      : o.awb411
        ? [
            alinea(
              `Wij hebben u niet eerst om uw mening gevraagd. De reden: ${AWB_4_11_NAMEN[o.awb411.grond]}. ${o.awb411.motivering}`,
            ),
          ]
        : []),
  ];
}

export function besluitDocument(g: DocumentGegevens): object {
  const b = g.besluit;
  const t = g.tegenprestatie;
  const m = t.maatwerk;
  const titel = g.wijziging ? `Besluit tot wijziging van de ${g.naam}` : `Besluit ${g.naam}`;
  const verzonden = b?.verzenddatum ?? null;
  const termijn = verzonden ? bezwaartermijn(verzonden) : null;
  const redenen: Array<[string, string]> = [
    ['Leeftijd', m.leeftijd ?? leeg],
    ['Opleiding', m.opleiding ?? leeg],
    ['Werkervaring', m.werkervaring ?? leeg],
    ['Omstandigheden', m.omstandigheden ?? leeg],
    ['Uw eigen mening (zienswijze)', t.overtuigd.klant.motivering ?? leeg],
    ['Mening van de klantmanager', t.overtuigd.klantmanager.motivering ?? leeg],
  ];
  return basis(titel, `Besluit van het college van de gemeente ${g.gemeente}`, [
    { text: `Gemeente ${g.gemeente}`, style: 'afzender' },
    { text: `Datum van het besluit: ${datum(b?.datum ?? g.documentdatum)}`, style: 'afzender' },
    { text: `Verzonden op: ${datum(verzonden)}`, style: 'afzender' },
    {
      text: `Aan: ${g.klant.naam}${g.klant.klantnummer ? ` (klantnummer ${g.klant.klantnummer})` : ''}`,
      style: 'afzender',
    },
    ...(g.klant.adres ? [{ text: g.klant.adres, style: 'afzender' }] : []),
    { text: titel, style: 'titel' },
    ...(g.wijziging ? wijzigingInhoud(g.wijziging, g.naam) : []),
    alinea(
      `Het college van burgemeester en wethouders van de gemeente ${g.gemeente} heeft besloten dat u ` +
        `${eenNaam(g.naam)} gaat doen, ${periodeTekst(t.startdatum, t.einddatum)}. In deze brief leest u wat u moet doen, ` +
        'wat er gebeurt als u dat niet doet, waarom wij dit besluiten, en wat u kunt doen als u het niet eens bent ' +
        'met dit besluit.',
    ),
    kop('Wat u moet doen'),
    alinea(
      `U doet ${eenNaam(g.naam)} ${periodeTekst(t.startdatum, t.einddatum)}. U begint op ${datum(t.startdatum)}` +
        `${t.einddatum ? ` en de laatste dag is ${datum(t.einddatum)}` : ''}.`,
    ),
    gegevens(afspraken(g)),
    ...(g.naamZin ? [alinea(g.naamZin)] : []),
    alinea(`De ${g.naam} is onbetaald. U krijgt er geen loon voor. Uw uitkering blijft hetzelfde.`),
    kop('Wat gebeurt er als u dit niet doet?'),
    alinea(gevolgenZin(g)),
    kop('Waarom wij dit besluiten'),
    alinea(
      'Wij moeten u uitleggen waarom wij dit besluiten (artikel 3:46 Awb). Wij hebben samen met u gekeken naar wat ' +
        'u kunt en wat bij u past: uw leeftijd, opleiding, werkervaring en persoonlijke omstandigheden. Dit is wat ' +
        'wij daarover hebben vastgelegd:',
    ),
    gegevens(redenen),
    ...zienswijzeDelen(g.oplegging),
    alinea(
      `Het ontwerp is op ${datum(g.toetsdatum)} getoetst aan de ${versieTekst(g.versie)}. Het voldoet aan ` +
        'de regels van de wet en van de verordening.',
    ),
    kop('Op welke regels dit besluit steunt'),
    gegevens([
      ...grondslagRijen(g),
      [
        'Verordening',
        `${versieTekst(g.versie)}${g.versie.artikelen.vorm ? `, ${g.versie.artikelen.vorm}` : ''}`,
      ],
    ]),
    kop('Bent u het niet eens met dit besluit? Maak dan bezwaar'),
    alinea(
      `U kunt binnen 6 weken bezwaar maken. Die termijn begint op de dag na de verzenddatum` +
        `${termijn ? `, dus op ${formatDatumNl(termijn.begint)}. Uw bezwaarschrift moet uiterlijk op ${formatDatumNl(termijn.eindigt)} bij ons binnen zijn` : ''}` +
        ` (artikel 6:7 en 6:8 Awb). Stuur uw bezwaarschrift naar het college van burgemeester en wethouders van de ` +
        `gemeente ${g.gemeente}. Zet in uw brief: uw naam en adres, de datum, welk besluit het is (of stuur een ` +
        'kopie mee), waarom u het niet eens bent, en uw handtekening.',
    ),
    alinea(
      'Een bezwaar houdt dit besluit niet tegen. Heeft u bezwaar gemaakt en is het dringend? Dan kunt u de ' +
        'voorzieningenrechter van de rechtbank vragen om een voorlopige voorziening (artikel 8:81 Awb). Dat kan ' +
        'alleen als u ook bezwaar maakt. Heeft u vragen? Neem dan contact op met uw klantmanager' +
        `${g.klantmanager ? `, ${g.klantmanager}` : ''}.`,
    ),
    kop('Ondertekening'),
    alinea(`Namens het college van burgemeester en wethouders van de gemeente ${g.gemeente},`),
    alinea(`${b?.ondertekenaar ?? leeg}\nDatum: ${datum(b?.datum)}`),
  ]);
}

/** The college's revocation of an imposed decision (issue 16): a back-step or an early end after it was sent. */
export function intrekkingDocument(
  g: DocumentGegevens,
  i: { datum: IsoDatum; verzenddatum: IsoDatum; ondertekenaar: string; reden: string },
): object {
  const b = g.besluit;
  const titel = `Besluit tot intrekking van de ${g.naam}`;
  const termijn = bezwaartermijn(i.verzenddatum);
  return basis(titel, `Besluit van het college van de gemeente ${g.gemeente}`, [
    { text: `Gemeente ${g.gemeente}`, style: 'afzender' },
    { text: `Datum van het besluit: ${datum(i.datum)}`, style: 'afzender' },
    { text: `Verzonden op: ${datum(i.verzenddatum)}`, style: 'afzender' },
    {
      text: `Aan: ${g.klant.naam}${g.klant.klantnummer ? ` (klantnummer ${g.klant.klantnummer})` : ''}`,
      style: 'afzender',
    },
    ...(g.klant.adres ? [{ text: g.klant.adres, style: 'afzender' }] : []),
    { text: titel, style: 'titel' },
    alinea(
      `Het college van burgemeester en wethouders van de gemeente ${g.gemeente} trekt het besluit in waarmee het u ` +
        `${eenNaam(g.naam)} oplegde${b ? ` (besluit van ${formatDatumNl(b.datum)}${b.verzenddatum ? `, verzonden op ${formatDatumNl(b.verzenddatum)}` : ''})` : ''}. ` +
        `Vanaf ${formatDatumNl(i.verzenddatum)} hoeft u de ${g.naam} niet meer te doen.`,
    ),
    kop('Waarom'),
    alinea(i.reden),
    kop('Bent u het niet eens met dit besluit? Maak dan bezwaar'),
    alinea(
      `U kunt binnen 6 weken bezwaar maken. Die termijn begint op de dag na de verzenddatum, dus op ` +
        `${formatDatumNl(termijn.begint)}. Uw bezwaarschrift moet uiterlijk op ${formatDatumNl(termijn.eindigt)} bij ` +
        `ons binnen zijn (artikel 6:7 en 6:8 Awb). Stuur het naar het college van burgemeester en wethouders van de ` +
        `gemeente ${g.gemeente}.`,
    ),
    kop('Ondertekening'),
    alinea(`Namens het college van burgemeester en wethouders van de gemeente ${g.gemeente},`),
    alinea(`${i.ondertekenaar}\nDatum: ${datum(i.datum)}`),
  ]);
}

function handtekening(wie: string, naam: string, getekend: string | null): object {
  return {
    stack: [
      { text: wie, bold: true },
      { text: naam },
      { text: getekend ? `Getekend ontvangen op ${getekend}` : 'Handtekening:', margin: [0, 4, 0, 0] },
      { text: getekend ? '' : '\n\n______________________________', margin: [0, 0, 0, 0] },
      { text: getekend ? '' : 'Datum: ____________________', margin: [0, 6, 0, 0] },
    ],
    margin: [0, 6, 12, 10],
  };
}

/** The agreement between the municipality, the participant and (when there is one) the host organisation. */
export function overeenkomstDocument(g: DocumentGegevens): object {
  const t = g.tegenprestatie;
  const metOrganisatie = Boolean(g.activiteit?.organisatie);
  const vrijwillig = g.vorm === 'aanbieden';
  const titel = g.wijziging
    ? `Overeenkomst ${g.naam}, versie ${g.wijziging.nummer}`
    : `Overeenkomst ${g.naam}`;
  const w = t.wederkerigheid;
  const artikelen: Array<[string, string]> = ARTIKEL_REGELS.filter(
    (r) => g.versie.artikelen[r]?.trim() && !(vrijwillig && r === 'vorm'),
  ).map((r) => [ARTIKEL_REGEL_NAMEN[r], g.versie.artikelen[r] ?? '']);
  const partijen: Array<[string, string]> = [
    ['Gemeente', `Gemeente ${g.gemeente}${g.klantmanager ? `, klantmanager ${g.klantmanager}` : ''}`],
    ['Deelnemer', `${g.klant.naam}${g.klant.klantnummer ? ` (klantnummer ${g.klant.klantnummer})` : ''}`],
    ...(metOrganisatie
      ? ([
          [
            'Organisatie',
            `${g.activiteit?.organisatie}${g.activiteit?.mentor ? `, begeleider ${g.activiteit.mentor}` : ''}`,
          ],
        ] as Array<[string, string]>)
      : []),
  ];
  return basis(titel, `Overeenkomst ${g.naam} – gemeente ${g.gemeente}`, [
    { text: `Gemeente ${g.gemeente}`, style: 'afzender' },
    { text: `Datum: ${datum(g.documentdatum)}`, style: 'afzender' },
    { text: titel, style: 'titel' },
    alinea(
      `In deze overeenkomst staat wat wij samen hebben afgesproken over uw ${g.naam}: wat u doet, waar, ` +
        `hoeveel uur, hoe lang (${periodeTekst(t.startdatum, t.einddatum)}), en wat er daarna komt.`,
    ),
    ...(vrijwillig
      ? [
          kop('Meedoen is vrijwillig'),
          alinea(
            `U doet vrijwillig mee. De gemeente ${g.gemeente} biedt de ${g.naam} aan, maar verplicht u er niet ` +
              'toe: er is geen besluit en geen verplichting. Stopt u, dan heeft dat geen gevolgen voor uw uitkering. ' +
              'Zeg het dan wel tegen uw klantmanager.',
          ),
        ]
      : [
          kop('Het besluit van het college'),
          alinea(
            (g.besluit
              ? `Het college heeft besloten dat u deze ${g.naam} doet (besluit van ${formatDatumNl(g.besluit.datum)}` +
                `${g.besluit.verzenddatum ? `, verzonden op ${formatDatumNl(g.besluit.verzenddatum)}` : ''}). `
              : `Het college neemt een apart besluit dat u deze ${g.naam} doet. `) +
              'In dat besluit staat uw verplichting en hoe u bezwaar maakt. Deze overeenkomst legt de afspraken ' +
              'vast die daarbij horen.',
          ),
          alinea(gevolgenZin(g)),
        ]),
    ...(g.acceptatie?.bevestigingsreden
      ? [
          alinea(
            `Deze overeenkomst bevestigt afspraken die al liepen sinds ${datum(t.startdatum)}. Waarom: ` +
              `${g.acceptatie.bevestigingsreden}`,
          ),
        ]
      : []),
    ...(g.wijziging ? wijzigingInhoud(g.wijziging, g.naam) : []),
    ...(g.naamZin ? [alinea(g.naamZin)] : []),
    kop('Wie maken deze afspraken'),
    gegevens(partijen),
    kop('Wat wij afspreken'),
    gegevens(afspraken(g)),
    kop(metOrganisatie ? 'Wat de organisatie teruggeeft' : 'Wederkerigheid'),
    metOrganisatie
      ? gegevens([
          ['Wat', w.categorie ? WEDERKERIGHEID_NAMEN[w.categorie] : leeg],
          ['Afspraak', w.omschrijving ?? leeg],
        ])
      : alinea(
          `Deze ${g.naam} doet u zonder organisatie, in uw eigen omgeving. Een organisatie die iets teruggeeft ` +
            'is er daarom niet.',
        ),
    kop('Evaluatie en vervolg'),
    alinea(
      `Op ${t.evaluatiedata.length ? t.evaluatiedata.map((d) => formatDatumNl(d)).join(', ') : 'een datum die wij nog afspreken'} ` +
        `bespreken wij samen hoe het gaat. Voor het einde van de ${g.naam} praten wij over wat daarna komt` +
        `${t.vervolg ? ` (afgesproken: ${VERVOLG_NAMEN[t.vervolg].toLowerCase()})` : ''}.`,
    ),
    kop('Regels die gelden'),
    vrijwillig
      ? alinea(
          `De gemeente biedt de ${g.naam} aan op grond van de ${versieTekst(g.versie)}` +
            `${g.versie.artikelen.vorm ? `, ${g.versie.artikelen.vorm}` : ''}: alleen aanbieden, vrijwillig. Het ` +
            `ontwerp is op ${datum(g.toetsdatum)} daaraan getoetst.`,
        )
      : alinea(
          `Voor deze ${g.naam} geldt de ${versieTekst(g.versie)}. Het ontwerp is op ${datum(g.toetsdatum)} ` +
            'daaraan getoetst. Het besluit steunt op:',
        ),
    ...(vrijwillig ? [] : [gegevens(grondslagRijen(g))]),
    ...(artikelen.length ? [gegevens(artikelen)] : []),
    kop('Onbetaald en verzekerd'),
    alinea(
      `${hoofdletter(g.naam)} is onbetaald werk. U krijgt er geen loon voor. Uw uitkering blijft hetzelfde. ` +
        'Het werk komt naast of bovenop betaald werk en neemt niemand een betaalde baan af.',
    ),
    alinea(g.verzekering),
    kop('Ondertekening'),
    alinea('Door te tekenen gaan de partijen akkoord met deze afspraken.'),
    {
      columns: [
        handtekening(
          'Deelnemer',
          g.klant.naam,
          g.acceptatie ? formatDatumNl(g.acceptatie.klantGetekendOp) : null,
        ),
        ...(metOrganisatie
          ? [
              handtekening(
                'Organisatie',
                g.activiteit?.organisatie ?? '',
                g.acceptatie?.organisatieGetekendOp
                  ? formatDatumNl(g.acceptatie.organisatieGetekendOp)
                  : null,
              ),
            ]
          : []),
        handtekening(`Namens de gemeente ${g.gemeente}`, g.klantmanager ?? 'De klantmanager', null),
      ],
    },
  ]);
}

const dagdelenTekst = (d: readonly string[]) =>
  d.length ? d.map((x) => dagdeelNaam(x as Dagdeel)).join(', ') : leeg;

/** What a later version of the agreement changes, from when, and on which decision where imposed. */
function wijzigingInhoud(w: NonNullable<DocumentGegevens['wijziging']>, naam: string): object[] {
  return [
    kop(`Wat verandert (versie ${w.nummer})`),
    alinea(
      `Deze versie vervangt versie ${w.nummer - 1} van de overeenkomst vanaf ${formatDatumNl(w.ingangsdatum)}. ` +
        `Tot die dag gelden de afspraken van versie ${w.nummer - 1}. Waarom: ${w.toelichting}`,
    ),
    gegevens([
      ['Uren tot nu toe', uren(w.vorige.urenPerWeek)],
      ['Dagdelen tot nu toe', dagdelenTekst(w.vorige.dagdelen)],
      ['Laatste dag tot nu toe', datum(w.vorige.einddatum)],
      ...(w.verlengingMaanden
        ? ([
            [
              'Verlenging',
              `${w.verlengingMaanden} ${w.verlengingMaanden === 1 ? 'maand' : 'maanden'} na de oorspronkelijke laatste dag`,
            ],
          ] as Array<[string, string]>)
        : []),
    ]),
    ...(w.besluit
      ? [
          alinea(
            `Het college heeft de ${naam} gewijzigd bij besluit van ${formatDatumNl(w.besluit.datum)}, verzonden op ` +
              `${formatDatumNl(w.besluit.verzenddatum)}. De wijziging gaat niet eerder in dan die verzenddatum.`,
          ),
        ]
      : []),
  ];
}

/** The default insurance sentence: the municipality's collective accident and liability (WA) insurance. */
export const standaardVerzekering = (gemeente: string, naam: NaamTekst): string =>
  `Tijdens uw ${naam} bent u verzekerd via de collectieve ongevallenverzekering en de collectieve ` +
  `aansprakelijkheidsverzekering (WA-verzekering) van de gemeente ${gemeente}. Daarvoor hoeft u zelf niets te doen. ` +
  'Gebeurt er iets? Meld het dan direct aan uw klantmanager.';
