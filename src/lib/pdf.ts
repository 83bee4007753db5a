import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * PDF rendering shared by the modules (no domain knowledge): pdfmake with the embedded DejaVu fonts of
 * `assets/fonts`, PDF/A-3b, tagged, Dutch; no URL is ever fetched and no other local file read. Documents are pure
 * functions of plain data that return a pdfmake document (`basisDocument` gives the A4 frame and the styles).
 */

interface PdfMake {
  setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Buffer> };
}

const FONTS = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));
let pdfmake: PdfMake | undefined;

/** pdfmake, configured once: embedded DejaVu fonts; no URL fetched, no other local file read. */
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

/** A pdfmake document rendered to PDF bytes. */
export const renderPdf = (doc: object): Promise<Buffer> => pdf().createPdf(doc).getBuffer();

/** The A4 frame every document shares: PDF/A-3b, tagged, Dutch, DejaVu, and the styles `afzender`, `titel`, `kop`. */
export function basisDocument(titel: string, onderwerp: string, content: object[]): object {
  return {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 64],
    version: '1.7',
    subset: 'PDF/A-3b',
    tagged: true,
    language: 'nl-NL',
    displayTitle: true,
    info: { title: titel, subject: onderwerp, creator: 'Wederkerig', producer: 'Wederkerig' },
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
    content,
  };
}

export const pdfKop = (t: string): object => ({ text: t, style: 'kop' });
export const pdfAlinea = (t: string): object => ({ text: t, margin: [0, 0, 0, 8] });
/** A two-column table of label and value. */
export function pdfGegevens(rijen: Array<[string, string]>): object {
  return {
    table: { widths: [170, '*'], body: rijen.map(([k, v]) => [{ text: k, bold: true }, v]) },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 12],
  };
}
