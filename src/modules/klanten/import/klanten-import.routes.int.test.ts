import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { TestBrowser as Browser, ingelogdAls, type TestBrowser } from '../../../../test/browser.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../../test/factories/gemeenten.ts';
import { withContext } from '../../../db/context.ts';
import { systeemActor } from '../../auth/index.ts';
import { createLogboekService } from '../../logboek/index.ts';

let t: TestApp;
let dienstId: string;
let A: string;
let beheerA: TestGebruiker;
let beheerB: TestGebruiker;
let klantmanager: TestGebruiker;
let fb: TestBrowser;

beforeAll(async () => {
  t = await createTestApp();
  const ga = await insertGemeente(t.db.app, { naam: 'Aardam' });
  dienstId = ga.dienstId;
  A = ga.gemeenteId;
  const B = (await insertGemeente(t.db.app, { dienstId, naam: 'Bergdorp' })).gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const team = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  beheerA = await insertGebruiker(t.db.app, { dienstId, rol: 'functioneel-beheerder', gemeenten: [A] });
  beheerB = await insertGebruiker(t.db.app, { dienstId, rol: 'functioneel-beheerder', gemeenten: [B] });
  klantmanager = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'klantmanager',
    gemeenten: [A],
    teams: [team],
  });
  fb = await ingelogdAls(t.app, beheerA);
});

/** Posts the upload form as a browser does: multipart/form-data with the CSRF token and the file. */
async function upload(
  b: TestBrowser,
  velden: Record<string, string>,
  bestand?: { naam: string; bytes: Uint8Array },
) {
  if (!b.csrfToken) await b.get('/beheer/klanten-import');
  const grens = '----wederkerigtest';
  const delen: Buffer[] = [];
  for (const [k, v] of Object.entries({ _csrf: b.csrfToken ?? '', ...velden }))
    delen.push(Buffer.from(`--${grens}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (bestand)
    delen.push(
      Buffer.from(
        `--${grens}\r\nContent-Disposition: form-data; name="bestand"; filename="${bestand.naam}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.from(bestand.bytes),
      Buffer.from('\r\n'),
    );
  delen.push(Buffer.from(`--${grens}--\r\n`));
  const res = await t.app.inject({
    method: 'POST',
    url: '/beheer/klanten-import',
    headers: {
      'content-type': `multipart/form-data; boundary=${grens}`,
      cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    payload: Buffer.concat(delen),
  });
  res.body = res.body.replaceAll('<!-- -->', '');
  return res;
}

const ontsnap = (s: string) => s.replaceAll('&quot;', '"').replaceAll('&#x27;', "'");

describe('who may use the import pages', () => {
  it('sends an anonymous visitor to the login page', async () => {
    const anoniem = new Browser(t.app);
    for (const url of ['/beheer/klanten-import', `/beheer/klanten-import/${A}`]) {
      const res = await anoniem.get(url);
      expect([url, res.statusCode, res.headers.location]).toEqual([url, 303, '/']);
    }
    const res = await anoniem.post(`/beheer/klanten-import/${A}/start`);
    expect([res.statusCode, res.headers.location]).toEqual([303, '/']);
  });

  it('refuses a klantmanager with 403, also the upload', async () => {
    const km = await ingelogdAls(t.app, klantmanager);
    expect((await km.get('/beheer/klanten-import')).statusCode).toBe(403);
    expect((await km.get(`/beheer/klanten-import/${A}`)).statusCode).toBe(403);
    expect((await km.post(`/beheer/klanten-import/${A}/start`)).statusCode).toBe(403);
    const res = await upload(km, { gemeenteId: A }, { naam: 'k.csv', bytes: Buffer.from('a;b\n') });
    expect(res.statusCode).toBe(403);
  });

  it('refuses an upload without the CSRF token', async () => {
    const b = await ingelogdAls(t.app, beheerA);
    b.csrfToken = 'verkeerd';
    const res = await upload(b, { gemeenteId: A }, { naam: 'k.csv', bytes: Buffer.from('a;b\n') });
    expect(res.statusCode).toBe(403);
  });

  it('shows the menu entry to the functioneel beheerder', async () => {
    expect((await fb.get('/')).body).toContain('href="/beheer/klanten-import"');
    const km = await ingelogdAls(t.app, klantmanager);
    expect((await km.get('/')).body).not.toContain('href="/beheer/klanten-import"');
  });
});

describe('upload, dry run, import', () => {
  it('re-renders the form with 422 and an error summary for a missing or unusable file', async () => {
    const page = await fb.get('/beheer/klanten-import');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/enctype="multipart\/form-data"/i);
    expect(page.body).toContain('Welke kolommen mag het bestand hebben?');

    const zonder = await upload(fb, { gemeenteId: A });
    expect(zonder.statusCode).toBe(422);
    expect(zonder.body).toContain('Er is een probleem');
    expect(zonder.body).toContain('Kies een CSV-bestand.');

    const kapot = await upload(
      fb,
      { gemeenteId: A },
      { naam: 'x.csv', bytes: Buffer.from('klantnummer;naam\nK;X\n') },
    );
    expect(kapot.statusCode).toBe(422);
    expect(ontsnap(kapot.body)).toContain('De kolom "achternaam" ontbreekt.');
  });

  it('runs the dry run, starts the import and shows its progress and report', async () => {
    const tekst =
      'klantnummer;voornamen;achternaam;geboortedatum;postcode\r\n' +
      'P-1;Zoë;Jansen;01-02-1980;1234 AB\r\n' +
      'P-2;René;Müller;1975-13-01;\r\n' +
      'P-3;Eva;Bakker;1990-06-15;\r\n';
    const res = await upload(
      fb,
      { gemeenteId: A },
      { naam: 'klanten-aardam.csv', bytes: new Uint8Array(iconv.encode(tekst, 'win1252')) },
    );
    expect(res.statusCode).toBe(303);
    const detail = res.headers.location as string;
    expect(detail).toMatch(/^\/beheer\/klanten-import\/[0-9a-f-]{36}$/);

    const proef = await fb.get(detail);
    expect(proef.statusCode).toBe(200);
    expect(proef.body).toContain('Windows-1252, gescheiden door puntkomma');
    expect(proef.body).toContain('2 klanten aanmaken, 0 klanten bijwerken en 1 rijen afgewezen');
    expect(proef.body).toContain('geboortedatum: Vul een bestaande datum in');
    // The beheerder sees klantnummers and messages, never the client's data.
    for (const waarde of ['Jansen', 'Müller', 'Zoë', '1234 AB']) expect(proef.body).not.toContain(waarde);

    const start = await fb.post(`${detail}/start`);
    expect(start.statusCode).toBe(303);
    expect(start.headers.location).toBe(`${detail}?melding=import-gestart`);

    // The import runs in this process (no job runner in tests); poll the fragment htmx polls.
    let fragment = '';
    while (!fragment.includes('Klaar:')) {
      fragment = (await fb.get(`${detail}/voortgang`)).body;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(fragment).toContain('<progress id="voortgang-balk" max="3" value="3">');
    expect(fragment).toContain('3 van 3 rijen verwerkt (100%)');
    expect(fragment).toContain('2 aangemaakt, 0 bijgewerkt, 1 afgewezen');
    expect(fragment).not.toContain('hx-trigger');

    const klaar = await fb.get(`${detail}?filter=afgewezen`);
    expect(klaar.body).toContain('Afgewezen rijen (1)');
    expect(klaar.body).toContain('P-2');
    expect(klaar.body).not.toContain('>P-1<');

    const klanten = await withContext(t.db.app, systeemActor('test', dienstId), (tx) =>
      tx
        .selectFrom('klant')
        .select(['klantnummer', 'voornamen'])
        .where('klantnummer', 'like', 'P-%')
        .execute(),
    );
    expect(klanten.map((k) => [k.klantnummer, k.voornamen]).sort()).toEqual([
      ['P-1', 'Zoë'],
      ['P-3', 'Eva'],
    ]);

    // Once done, it cannot be started again; another municipality's beheerder does not find it.
    expect((await fb.post(`${detail}/start`)).statusCode).toBe(409);
    const anderen = await ingelogdAls(t.app, beheerB);
    expect((await anderen.get(detail)).statusCode).toBe(404);
    expect((await anderen.post(`${detail}/start`)).statusCode).toBe(404);
    expect((await anderen.get('/beheer/klanten-import')).body).not.toContain('klanten-aardam.csv');
  });

  it('shows a running import with a polling progress bar and a Vernieuwen link for browsers without JavaScript', async () => {
    const res = await upload(
      fb,
      { gemeenteId: A },
      { naam: 'wacht.csv', bytes: Buffer.from('klantnummer,achternaam,geboortedatum\nQ-1,A,1980-01-01\n') },
    );
    const detail = res.headers.location as string;
    // Marked as waiting without a run (as when the job runner has not picked it up yet).
    await withContext(t.db.app, systeemActor('test', dienstId), (tx) =>
      tx
        .updateTable('klantImport')
        .set({ status: 'wachtend' })
        .where('id', '=', detail.split('/').at(-1)!)
        .execute(),
    );
    const page = await fb.get(detail);
    expect(page.body).toContain(`hx-get="${detail}/voortgang"`);
    expect(page.body).toContain('hx-trigger="every 2s"');
    expect(page.body).toContain('aria-live="polite"');
    expect(page.body).toContain(
      `<a class="utrecht-link utrecht-link--html-a" href="${detail}">Vernieuwen</a>`,
    );
    expect(page.body).toContain('0 van 1 rijen verwerkt (0%)');
  });
});
