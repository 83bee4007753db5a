/** The text of a PDF (every page, runs joined, line ends as spaces, whitespace collapsed); for tests. */
export async function pdfTekst(pdf: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  let tekst = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const inhoud = await (await doc.getPage(i)).getTextContent();
    for (const item of inhoud.items) if ('str' in item) tekst += item.str + (item.hasEOL ? ' ' : '');
    tekst += ' ';
  }
  await doc.destroy();
  return tekst.replace(/\s+/g, ' ');
}
