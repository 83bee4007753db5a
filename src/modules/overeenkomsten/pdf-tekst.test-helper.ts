/** The text of a PDF for tests: shared in test/pdf.ts. */
export { pdfTekst } from '../../../test/pdf.ts';
