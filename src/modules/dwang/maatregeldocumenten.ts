import { formatDatumNl, type IsoDatum } from '../klanten/index.ts';
import { bezwaartermijn } from '../overeenkomsten/index.ts';
import type { Maatregel } from './dwang.schemas.ts';
import { GEDRAGING_NAMEN } from './maatregelen.ts';
import { HOOR_GROND_NAMEN, maatregelPeriodeTekst, ZIENSWIJZE_VORM_NAMEN } from './maatregelpad.ts';

/**
 * The intention letter and the measure decision as pdfmake documents: pure functions of plain data (tested by their
 * text), rendered with the overeenkomsten module's `renderPdf` (PDF/A-3b, embedded DejaVu fonts).
 */
export interface Geadresseerde {
  gemeente: string;
  naam: string;
  klantnummer: string | null;
  adres: string | null;
  /**
   * Representatives on the letter's date (bewindvoerder, mentor, curator): each receives a copy, named on the letter
   * (issue 15, "who receives").
   */
  afschrift?: ReadonlyArray<{ soort: string; naam: string; adres: string | null }>;
}

/** The partner of joint bijstand stored with the measure: the letter is addressed to both (art. 11 lid 4, 18 lid 12). */
const aanBeiden = (m: Maatregel, a: Geadresseerde): Geadresseerde =>
  m.gezamenlijkMet ? { ...a, naam: `${a.naam} en ${m.gezamenlijkMet}` } : a;
const gezamenlijk = (m: Maatregel) =>
  m.gezamenlijkMet
    ? [
        kop('Gezamenlijke bijstand'),
        alinea(
          `U ontvangt de bijstand samen met ${m.gezamenlijkMet} (gezamenlijke bijstand, artikel 11 lid 4 Participatiewet). De maatregel verlaagt die gezamenlijke bijstand en gaat daarom over u beiden en over uw gezin (artikel 18 lid 12 Participatiewet). Deze brief is aan u beiden gericht; ieder van u kan reageren en bezwaar maken.`,
        ),
      ]
    : [];
const afschriften = (a: Geadresseerde) =>
  a.afschrift?.length
    ? [
        kop('Afschrift'),
        alinea(
          `Een afschrift van deze brief gaat naar: ${a.afschrift
            .map((x) => `${x.soort} ${x.naam}${x.adres ? `, ${x.adres}` : ''}`)
            .join('; ')}.`,
        ),
      ]
    : [];

const kop = (t: string) => ({ text: t, style: 'kop' });
const alinea = (t: string) => ({ text: t, margin: [0, 0, 0, 8] });
const gegevens = (rijen: Array<[string, string]>) => ({
  table: { widths: [170, '*'], body: rijen.map(([k, v]) => [{ text: k, bold: true }, v]) },
  layout: 'lightHorizontalLines',
  margin: [0, 4, 0, 12],
});
const maanden = (n: number) => `${n} ${n === 1 ? 'maand' : 'maanden'}`;

function basis(titel: string, a: Geadresseerde, datum: IsoDatum, content: object[]): object {
  return {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 64],
    version: '1.7',
    subset: 'PDF/A-3b',
    tagged: true,
    language: 'nl-NL',
    displayTitle: true,
    info: { title: titel, subject: titel, creator: 'Wederkerig', producer: 'Wederkerig' },
    defaultStyle: { font: 'DejaVu', fontSize: 10, lineHeight: 1.25 },
    styles: {
      afzender: { fontSize: 9, color: '#444444' },
      titel: { fontSize: 17, bold: true, margin: [0, 12, 0, 10] },
      kop: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
    },
    footer: (pagina: number, totaal: number) => ({
      text: `${titel} – pagina ${pagina} van ${totaal}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 24, 0, 0],
    }),
    content: [
      { text: `Gemeente ${a.gemeente}`, style: 'afzender' },
      alinea(
        [a.naam, a.adres, a.klantnummer ? `Klantnummer ${a.klantnummer}` : null].filter(Boolean).join('\n'),
      ),
      alinea(`Datum: ${formatDatumNl(datum)}`),
      { text: titel, style: 'titel' },
      ...content,
    ],
  };
}

const feiten = (m: Maatregel): Array<[string, string]> => [
  ['Gedraging', GEDRAGING_NAMEN[m.gedraging]],
  ['Datum van de gedraging', formatDatumNl(m.gedragDatum)],
  ['Wat er gebeurde', m.gedragOmschrijving],
  [
    'Het opgelegde besluit',
    `Besluit van ${formatDatumNl(m.besluit.datum)}, verzonden op ${formatDatumNl(m.besluit.verzenddatum)}, voor de periode vanaf ${formatDatumNl(m.besluit.startdatum)}${m.besluit.einddatum ? ` tot en met ${formatDatumNl(m.besluit.einddatum)}` : ''}`,
  ],
  [
    'Verordening',
    `${m.verordening.titel} (geldig op de datum van de gedraging), categorie ${m.categorie.nummer}, ${m.categorie.artikel}`,
  ],
];

/** The intention (voornemen): the conduct, the imposed decision, the intended measure and the term for the view. */
export function voornemenDocument(m: Maatregel, a: Geadresseerde): object {
  return basis('Voornemen tot een maatregel', aanBeiden(m, a), m.verzondenOp, [
    alinea(
      'Wij zijn van plan u een maatregel op te leggen: een verlaging van uw bijstand. U kreeg een besluit dat u de tegenprestatie oplegt. Volgens onze gegevens bent u dat besluit niet nagekomen.',
    ),
    kop('De feiten'),
    gegevens(feiten(m)),
    kop('De maatregel die wij van plan zijn'),
    alinea(
      `${m.voornemen.percentage} % van de bijstandsnorm die voor u geldt, gedurende ${maanden(m.voornemen.maanden)}${m.herhaling ? ` (herhaling binnen de termijn van de verordening: stap ${m.herhaling + 1})` : ''}.`,
    ),
    kop('Uw zienswijze (artikel 4:8 Awb)'),
    alinea(
      `U mag vertellen wat u hiervan vindt, per brief, in een gesprek of via het portaal, tot en met ${formatDatumNl(m.hoortermijnEinde)}. Wij besluiten niet vóór die dag, tenzij uw zienswijze eerder binnen is. Wij kijken ook of u iets te verwijten valt (artikel 18 lid 9 Participatiewet) en of er dringende redenen zijn om af te zien van de maatregel (lid 10). Vertel het ons als dat zo is.`,
    ),
    ...gezamenlijk(m),
    ...afschriften(a),
  ]);
}

/** The measure decision: facts, the imposed obligation, the hearing and the answer, culpability, the measure, reasons, objection. */
export function maatregelBesluitDocument(m: Maatregel, a: Geadresseerde, datum: IsoDatum): object {
  const v = m.voorstel;
  const vw = m.verwijtbaarheid;
  const h = m.horing;
  const bezwaar = bezwaartermijn(datum);
  return basis('Besluit: maatregel', aanBeiden(m, a), datum, [
    alinea(
      'Wij verlagen uw bijstand, omdat u het besluit dat u de tegenprestatie oplegt niet bent nagekomen.',
    ),
    kop('De feiten'),
    gegevens(feiten(m)),
    kop('Wat u hebt gezegd, en ons antwoord'),
    h.vorm && h.gegevenOp
      ? alinea(
          `${ZIENSWIJZE_VORM_NAMEN[h.vorm]} op ${formatDatumNl(h.gegevenOp)} (artikel 4:8 Awb): ${h.inhoud ?? ''}\nOns antwoord: ${h.antwoord ?? ''}`,
        )
      : h.grond
        ? alinea(`Wij hebben u niet gehoord: ${HOOR_GROND_NAMEN[h.grond]}. ${h.motivering ?? ''}`)
        : alinea(
            `U hebt binnen de termijn (tot en met ${formatDatumNl(m.hoortermijnEinde)}) geen zienswijze gegeven.`,
          ),
    kop('Verwijtbaarheid en dringende redenen'),
    alinea(
      vw
        ? `Verwijtbaarheid (artikel 18 lid 9 Participatiewet): ${vw.verwijtbaarheidMotivering}\nDringende redenen (artikel 18 lid 10): ${vw.dringendeRedenenMotivering}`
        : '—',
    ),
    kop('De maatregel'),
    gegevens([
      ['Categorie', `${m.categorie.nummer} (${m.categorie.artikel})`],
      ['Percentage', v ? `${v.percentage} % van de bijstandsnorm die voor u geldt (de grondslag)` : '—'],
      ['Periode', v ? maatregelPeriodeTekst(v.ingangsdatum, v.maanden) : '—'],
    ]),
    kop('Waarom'),
    alinea(v?.motivering ?? '—'),
    ...(v?.opnieuwGehoordOp
      ? [
          alinea(
            `Over de zwaardere maatregel hebben wij u opnieuw gehoord op ${formatDatumNl(v.opnieuwGehoordOp)}: ${v.opnieuwGehoordInhoud ?? ''}`,
          ),
        ]
      : []),
    kop('Bent u het niet eens met dit besluit?'),
    alinea(
      `Dan kunt u binnen zes weken bezwaar maken: vanaf ${formatDatumNl(bezwaar.begint)} tot en met ${formatDatumNl(bezwaar.eindigt)} (artikel 6:7 en 6:8 Awb). Schrijf in uw bezwaar wie u bent, de datum, welk besluit het is en waarom u het er niet mee eens is, en onderteken het.`,
    ),
    ...gezamenlijk(m),
    ...afschriften(a),
  ]);
}
