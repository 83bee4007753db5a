import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoResult } from '../../src/demo/demo.ts';
import type { TestBrowser } from '../browser.ts';
import { type AanvalApp, alsRol, type Ingelogd, startDemoAanvalApp } from './opzet.ts';

/**
 * Oversized and wrong-type files into the two CSV import pages: a 413 or a 422 page with a Dutch message,
 * never a 5xx and never a started import.
 */
let t: AanvalApp;
let demo: DemoResult;
let beheerder: Ingelogd;
let makelaar: Ingelogd;

beforeAll(async () => {
  const d = await startDemoAanvalApp();
  t = d;
  demo = d.demo;
  [beheerder, makelaar] = await Promise.all([alsRol(t, 'beheerder'), alsRol(t, 'netwerkmakelaar')]);
}, 120_000);

/** Posts the upload form as a browser does: multipart/form-data with the CSRF token and one file. */
async function upload(
  b: TestBrowser,
  url: string,
  velden: Record<string, string>,
  bestand: { naam: string; type: string; bytes: Uint8Array },
): Promise<LightMyRequestResponse> {
  await b.get(url);
  const grens = '----wederkerigaanval';
  const delen: Buffer[] = [];
  for (const [k, v] of Object.entries({ _csrf: b.csrfToken ?? '', ...velden }))
    delen.push(Buffer.from(`--${grens}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  delen.push(
    Buffer.from(
      `--${grens}\r\nContent-Disposition: form-data; name="bestand"; filename="${bestand.naam}"\r\nContent-Type: ${bestand.type}\r\n\r\n`,
    ),
    Buffer.from(bestand.bytes),
    Buffer.from(`\r\n--${grens}--\r\n`),
  );
  const res = await t.app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': `multipart/form-data; boundary=${grens}`,
      cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    payload: Buffer.concat(delen),
  });
  res.body = res.body.replaceAll('<!-- -->', '');
  return res;
}

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const FOUT: Array<{ wat: string; naam: string; type: string; bytes: Uint8Array }> = [
  { wat: 'a PNG image', naam: 'foto.png', type: 'image/png', bytes: PNG },
  { wat: 'a PNG renamed to .csv', naam: 'klanten.csv', type: 'text/csv', bytes: PNG },
  {
    wat: 'random binary',
    naam: 'data.csv',
    type: 'text/csv',
    bytes: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
  },
  { wat: 'NUL bytes', naam: 'nul.csv', type: 'text/csv', bytes: new Uint8Array(1000) },
  {
    wat: 'a zip archive',
    naam: 'klanten.zip',
    type: 'application/zip',
    bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]),
  },
  { wat: 'an empty .csv', naam: 'leeg.csv', type: 'text/csv', bytes: new Uint8Array(0) },
  { wat: 'only a header', naam: 'kop.csv', type: 'text/csv', bytes: Buffer.from('foo;bar\r\n') },
  {
    wat: 'UTF-16 text',
    naam: 'utf16.csv',
    type: 'text/csv',
    bytes: Buffer.from('\ufeffklantnummer;achternaam\r\n1;Jansen\r\n', 'utf16le'),
  },
  {
    wat: 'a broken quote',
    naam: 'quote.csv',
    type: 'text/csv',
    bytes: Buffer.from('klantnummer;achternaam\r\n"1;Jansen\r\n'),
  },
];

function verwachtNette(res: LightMyRequestResponse, wat: string, fouten: string[]): void {
  if (res.statusCode >= 500) fouten.push(`${wat} → ${res.statusCode}`);
  else if (res.statusCode !== 413 && res.statusCode !== 422)
    fouten.push(`${wat} → ${res.statusCode} (expected 413/422)`);
  else if (res.statusCode === 422) {
    // The page again, with the error summary naming the file field and a message in Dutch.
    const samenvatting = /wk-error-summary[\s\S]*?<\/ul>/.exec(res.body)?.[0] ?? '';
    if (!samenvatting.includes('href="#bestand"') || !/\b(het|de|een|is|kies|bestand)\b/i.test(samenvatting))
      fouten.push(`${wat}: no Dutch message for the file`);
  } else if (!/[a-z]{3,} [a-z]{3,}/i.test(res.body)) fouten.push(`${wat}: no message`);
}

describe('CSV uploads', () => {
  it('the client import refuses wrong-type files with 422 and a Dutch message', async () => {
    const fouten: string[] = [];
    for (const f of FOUT) {
      const res = await upload(
        beheerder.browser,
        '/beheer/klanten-import',
        { gemeenteId: demo.gemeenten.Aardam as string },
        f,
      );
      verwachtNette(res, `klanten: ${f.wat}`, fouten);
    }
    expect(fouten).toEqual([]);
  });

  it('the network import refuses wrong-type files with 422 and a Dutch message', async () => {
    const fouten: string[] = [];
    for (const soort of ['organisaties', 'activiteiten']) {
      for (const f of FOUT) {
        const res = await upload(makelaar.browser, '/netwerk/import', { soort }, f);
        verwachtNette(res, `netwerk ${soort}: ${f.wat}`, fouten);
      }
    }
    expect(fouten).toEqual([]);
  });

  it('oversized files: 413 or 422 with a Dutch message, never a 5xx', async () => {
    const fouten: string[] = [];
    const regel = Buffer.from('12345678;Jansen;1980-01-01\r\n');
    const groot = (bytes: number) => {
      const b = Buffer.alloc(bytes);
      for (let i = 0; i < bytes; i += regel.length) regel.copy(b, i);
      return b;
    };
    const klanten = await upload(
      beheerder.browser,
      '/beheer/klanten-import',
      { gemeenteId: demo.gemeenten.Aardam as string },
      { naam: 'groot.csv', type: 'text/csv', bytes: groot(25 * 1024 * 1024 + 100) },
    );
    verwachtNette(klanten, 'klanten: 25 MB + 100 bytes', fouten);
    const netwerk = await upload(
      makelaar.browser,
      '/netwerk/import',
      { soort: 'organisaties' },
      { naam: 'groot.csv', type: 'text/csv', bytes: groot(5 * 1024 * 1024 + 100) },
    );
    verwachtNette(netwerk, 'netwerk: 5 MB + 100 bytes', fouten);
    expect(fouten).toEqual([]);
    // The sessions survive (a refusal is not a logout), and no import was started by any of it.
    expect((await beheerder.browser.get('/beheer/klanten-import')).statusCode).toBe(200);
  });
});
