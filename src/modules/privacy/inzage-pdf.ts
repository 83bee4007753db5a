import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { InzageOnderdeel, InzageWaarde } from '../../lib/inzage.ts';
import {
  BEPERKING_NAMEN,
  formatDatumNl,
  MOBILITEIT_NAMEN,
  NEGEN_A_GEBEURTENIS_NAMEN,
  OPLEIDINGSNIVEAU_NAMEN,
  TAAL_NAMEN,
  TAALNIVEAU_NAMEN,
  TOEPASSELIJKHEID_NAMEN,
} from '../klanten/index.ts';
import type { Inzage } from './privacy.service.ts';

/** The part of pdfmake 0.3's server API we use (the package ships no types). */
interface PdfMake {
  setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Buffer> };
}

const FONTS = fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));
let pdfmake: PdfMake | undefined;

/**
 * pdfmake, configured once: the DejaVu Sans fonts shipped in `assets/fonts` (embedded, as PDF/A needs); no URL may
 * be fetched and no local file read except those fonts.
 */
function pdf(): PdfMake {
  if (pdfmake) return pdfmake;
  const p = createRequire(import.meta.url)('pdfmake') as PdfMake;
  p.setFonts({
    DejaVu: {
      normal: `${FONTS}DejaVuSans.ttf`,
      bold: `${FONTS}DejaVuSans-Bold.ttf`,
      italics: `${FONTS}DejaVuSans-Oblique.ttf`,
      bolditalics: `${FONTS}DejaVuSans-BoldOblique.ttf`,
    },
  });
  p.setUrlAccessPolicy(() => false);
  p.setLocalAccessPolicy((path) => path.startsWith(FONTS) && path.endsWith('.ttf'));
  pdfmake = p;
  return p;
}

type Cel = string | { text: string; bold?: boolean };
const leeg = '—';
const tekst = (v: string | number | null | undefined): string =>
  v === null || v === undefined || v === '' ? leeg : String(v);
const datum = (v: string | null | undefined): string => (v ? formatDatumNl(v.slice(0, 10)) : leeg);
const naam = (namen: Record<string, string>, v: string | null | undefined): string =>
  v ? (namen[v] ?? v) : leeg;

function tabel(kop: string[], rijen: Cel[][], breedtes?: Array<string | number>): object {
  return {
    table: {
      headerRows: 1,
      widths: breedtes ?? kop.map(() => '*'),
      body: [kop.map((k) => ({ text: k, bold: true })), ...rijen],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 12],
  };
}

const gegevensTabel = (rijen: Array<[string, string]>) =>
  tabel(
    ['Gegeven', 'Waarde'],
    rijen.map(([k, v]) => [k, v]),
    [170, '*'],
  );

/** A heading; `headlineLevel` lets `pageBreakBefore` keep it off the bottom of a page. */
const kop = (t: string) => ({ text: t, style: 'kop', headlineLevel: 1 });
const alinea = (t: string) => ({ text: t, margin: [0, 0, 0, 8] });

const ISO_DATUMS = /^\d{4}-\d{2}-\d{2}(, \d{4}-\d{2}-\d{2})*$/;

/** One value of a generic part as text: dates written out, yes/no, Dutch decimals, a dash for nothing. */
export function inzageWaarde(v: InzageWaarde | undefined): string {
  if (v === null || v === undefined || v === '') return leeg;
  if (typeof v === 'boolean') return v ? 'Ja' : 'Nee';
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (ISO_DATUMS.test(v))
    return v
      .split(', ')
      .map((d) => formatDatumNl(d))
      .join(', ');
  return v;
}

/**
 * A part of another module (src/lib/inzage.ts), rendered generically: short records with few fields as one table,
 * others as one small table per record (empty fields left out) under a line naming its first field.
 */
function onderdeelInhoud(o: InzageOnderdeel): object[] {
  const uit: object[] = [kop(o.titel)];
  if (o.uitleg) uit.push(alinea(o.uitleg));
  if (o.records.length === 0) {
    uit.push(alinea('Hierover staat niets over u.'));
    return uit;
  }
  const velden = [...new Set(o.records.flatMap((r) => Object.keys(r)))];
  const kort =
    velden.length <= 5 && o.records.every((r) => velden.every((k) => inzageWaarde(r[k]).length <= 60));
  if (kort) {
    const rijen = o.records.map((r) => velden.map((k) => inzageWaarde(r[k])));
    // Columns of dates and other short values take their own width; the rest share what is left.
    const breedtes = velden.map((_, i) => (rijen.every((r) => (r[i] ?? '').length <= 18) ? 'auto' : '*'));
    if (!breedtes.includes('*')) breedtes[breedtes.length - 1] = '*';
    uit.push(tabel(velden, rijen, breedtes));
    return uit;
  }
  const [eerste] = velden;
  // Per record a line naming its first field (a heading: not alone at the bottom of a page) and its table.
  for (const r of o.records) {
    uit.push({
      text: eerste ? `${eerste}: ${inzageWaarde(r[eerste])}` : o.titel,
      bold: true,
      margin: [0, 6, 0, 0],
      headlineLevel: 1,
    });
    uit.push(
      gegevensTabel(
        velden
          .slice(1)
          .filter((k) => r[k] !== null && r[k] !== undefined && r[k] !== '')
          .map((k) => [k, inzageWaarde(r[k])]),
      ),
    );
  }
  return uit;
}

/** The pdfmake document of an article 15 export: plain Dutch (B1), tables, no staff names in the log part. */
export function inzageDocument(inzage: Inzage): object {
  const g = inzage.gegevens;
  const toepasselijkheid = g.toepasselijkheidDetail;
  return {
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 56],
    version: '1.7',
    subset: 'PDF/A-3b',
    tagged: true,
    language: 'nl-NL',
    displayTitle: true,
    info: {
      title: `Inzage in uw gegevens – ${g.klantnummer ?? 'klant'}`,
      subject: 'Inzage in persoonsgegevens (artikel 15 AVG)',
      creator: 'Wederkerig',
      producer: 'Wederkerig',
    },
    defaultStyle: { font: 'DejaVu', fontSize: 9.5, lineHeight: 1.2 },
    // A heading (of a part or of one record) in the last part of a page starts the next page (A4 is 842 points
    // high, 56 of them margin), so it does not end up alone at the bottom.
    pageBreakBefore: (node: { headlineLevel?: number; startPosition: { top: number } }) =>
      node.headlineLevel === 1 && node.startPosition.top > 660,
    styles: {
      titel: { fontSize: 18, bold: true, margin: [0, 0, 0, 8] },
      kop: { fontSize: 12.5, bold: true, margin: [0, 10, 0, 4] },
    },
    footer: (pagina: number, totaal: number) => ({
      text: `Pagina ${pagina} van ${totaal}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
    content: [
      { text: 'Inzage in uw gegevens', style: 'titel' },
      alinea(
        `U heeft gevraagd welke gegevens de gemeente ${inzage.gemeente} over u heeft. Dit overzicht laat alle ` +
          'gegevens zien die in Wederkerig over u staan, en wanneer en waarvoor ze zijn gebruikt. Zo kunt u ' +
          'controleren of ze kloppen. U heeft daar recht op volgens artikel 15 van de Algemene verordening ' +
          'gegevensbescherming (AVG).',
      ),
      alinea(`Gemaakt op ${formatDatumNl(inzage.gemaaktOp.slice(0, 10))}.`),

      kop('Uw persoonsgegevens'),
      gegevensTabel([
        ['Klantnummer', tekst(g.klantnummer)],
        ['Burgerservicenummer (BSN)', tekst(g.bsn)],
        ['Voornamen', tekst(g.voornamen)],
        ['Roepnaam', tekst(g.roepnaam)],
        ['Achternaam', [g.voorvoegsel, g.achternaam].filter(Boolean).join(' ')],
        ['Geboortedatum', datum(g.geboortedatum)],
        ['Adres', tekst([g.straat, g.huisnummer].filter(Boolean).join(' '))],
        ['Postcode en woonplaats', tekst([g.postcode, g.woonplaats].filter(Boolean).join(' '))],
        ['Wijk', tekst(g.wijk?.naam)],
        ['Telefoon', tekst(g.telefoon)],
        ['E-mailadres', tekst(g.email)],
        ['Taal', naam(TAAL_NAMEN, g.taal)],
        ['Taalniveau Nederlands', naam(TAALNIVEAU_NAMEN, g.taalniveau)],
        ['Opleiding', naam(OPLEIDINGSNIVEAU_NAMEN, g.opleidingsniveau)],
        ['Zorgtaken', tekst(g.zorgtaken)],
        [
          'Vervoer',
          g.mobiliteit.length ? g.mobiliteit.map((m) => naam(MOBILITEIT_NAMEN, m)).join(', ') : leeg,
        ],
        ['Langste reistijd', g.maxReistijdMinuten === null ? leeg : `${g.maxReistijdMinuten} minuten`],
        ['Beschikbaar (dagdelen)', g.beschikbaarheid.length ? g.beschikbaarheid.join(', ') : leeg],
        ['Eigen netwerk', tekst(g.eigenNetwerk)],
        [
          'Organisaties die u kent',
          g.netwerkOrganisaties.length
            ? g.netwerkOrganisaties
                .map((n) => [n.naam ?? 'Onbekende organisatie', n.toelichting].filter(Boolean).join(': '))
                .join('; ')
            : leeg,
        ],
        ['Uw klantmanager', tekst(g.klantmanager)],
        ['Dossier aangemaakt', datum(g.aangemaaktOp)],
        ['Laatst gewijzigd', datum(g.gewijzigdOp)],
        ['Dossier gesloten', datum(g.dossierGeslotenOp)],
      ]),

      kop('Werkervaring'),
      g.werkervaring.length
        ? tabel(
            ['Sector', 'Functie', 'Jaren'],
            g.werkervaring.map((w) => [w.sector, w.functie, String(w.jaren)]),
          )
        : alinea('Er staat geen werkervaring over u.'),

      kop('Werk'),
      g.werk.length
        ? tabel(
            ['Omschrijving', 'Uren per week', 'Van', 'Tot'],
            g.werk.map((w) => [
              tekst(w.omschrijving),
              String(w.urenPerWeek),
              datum(w.begindatum),
              datum(w.einddatum),
            ]),
          )
        : alinea('Er staat geen werk over u.'),

      kop('Re-integratie'),
      g.reintegratie.length
        ? tabel(
            ['Omschrijving', 'Van', 'Tot'],
            g.reintegratie.map((r) => [tekst(r.omschrijving), datum(r.begindatum), datum(r.einddatum)]),
          )
        : alinea('Er staat geen re-integratietraject over u.'),

      kop('Wat u kunt (belastbaarheid)'),
      g.belastbaarheid
        ? gegevensTabel([
            [
              'Hoogstens uren per week',
              g.belastbaarheid.maxUrenPerWeek === null ? leeg : String(g.belastbaarheid.maxUrenPerWeek),
            ],
            [
              'Beperkingen',
              g.belastbaarheid.beperkingen.length
                ? g.belastbaarheid.beperkingen.map((b) => naam(BEPERKING_NAMEN, b)).join(', ')
                : leeg,
            ],
            ['Geen beperkingen bekend, omdat', tekst(g.belastbaarheid.geenBeperkingenReden)],
          ])
        : alinea('Er staat niets over uw belastbaarheid.'),

      kop('Ontheffingen'),
      g.ontheffingen.length
        ? tabel(
            ['Soort', 'Reden', 'Van', 'Tot', 'Grondslag'],
            g.ontheffingen.map((o) => [
              o.typeNaam,
              tekst(o.reden),
              datum(o.begindatum),
              datum(o.effectiefEinde ?? o.einddatum),
              o.grondslag.artikel,
            ]),
          )
        : alinea('U heeft geen ontheffingen.'),
      ...g.ontheffingen.flatMap((o) =>
        o.negenA
          ? [
              gegevensTabel([
                ['Verzoek om ontheffing ontvangen', datum(o.negenA.verzoekdatum)],
                ['Plan van aanpak opgesteld', datum(o.negenA.planVanAanpakOp)],
                ['Laatste heronderzoek', datum(o.negenA.laatsteHeronderzoekOp)],
              ]),
              ...(o.negenA.gebeurtenissen.length
                ? [
                    tabel(
                      ['Met ingang van', 'Wat', 'Toelichting'],
                      o.negenA.gebeurtenissen.map((e) => [
                        datum(e.datum),
                        NEGEN_A_GEBEURTENIS_NAMEN[e.soort],
                        tekst(e.toelichting),
                      ]),
                    ),
                  ]
                : []),
            ]
          : [],
      ),

      kop('Vaardigheden en interesses'),
      gegevensTabel([
        ['Vaardigheden', g.vaardigheden.length ? g.vaardigheden.map((v) => v.naam).join(', ') : leeg],
        ['Interesses', g.interesses.length ? g.interesses.map((v) => v.naam).join(', ') : leeg],
      ]),

      kop('Tegenprestatie'),
      gegevensTabel([
        ['Op datum', datum(toepasselijkheid.peildatum)],
        ['Uitkomst', TOEPASSELIJKHEID_NAMEN[toepasselijkheid.uitkomst]],
        ['Waarom', toepasselijkheid.redenen.map((r) => r.tekst).join(' ') || leeg],
      ]),

      ...inzage.onderdelen.flatMap(onderdeelInhoud),

      kop('Wanneer uw gegevens zijn gebruikt'),
      alinea(
        'Elke keer dat iemand uw gegevens bekijkt of verandert, schrijven wij dat op. Hieronder staat wanneer dat ' +
          'gebeurde, wat er gebeurde en waarvoor. Namen van medewerkers staan er niet in.',
      ),
      inzage.verwerkingen.length
        ? tabel(
            ['Datum', 'Wat', 'Waarvoor'],
            inzage.verwerkingen.map((v) => [datum(v.datum), v.handeling, v.verwerkingsactiviteit]),
            [90, 80, '*'],
          )
        : alinea('Uw gegevens zijn nog niet gebruikt.'),

      kop('Waarvoor wij uw gegevens gebruiken'),
      tabel(
        ['Waarvoor', 'Doel', 'Wettelijke grondslag'],
        inzage.verwerkingsactiviteiten.map((va) => [{ text: va.naam, bold: true }, va.doel, va.grondslag]),
        [100, '*', '*'],
      ),
      alinea(
        'Kloppen uw gegevens niet? Dan kunt u vragen om ze te verbeteren of te verwijderen. Neem daarvoor contact ' +
          `op met de gemeente ${inzage.gemeente}.`,
      ),
    ],
  };
}

/** The article 15 export as a PDF/A-3b document (tagged, Dutch). */
export async function inzagePdf(inzage: Inzage): Promise<Buffer> {
  return pdf().createPdf(inzageDocument(inzage)).getBuffer();
}
