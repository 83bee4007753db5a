import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { ingelogdAls, type TestBrowser } from '../../../../test/browser.ts';
import { actorVan } from '../../../../test/factories/actoren.ts';
import { insertGebruiker, type TestGebruiker } from '../../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../../test/factories/gemeenten.ts';
import { withContext } from '../../../db/context.ts';
import { AppError } from '../../../http/app-error.ts';
import { type Gebruiker, systeemActor } from '../../auth/index.ts';
import { createGemeentenService } from '../../gemeenten/index.ts';
import { createLogboekService } from '../../logboek/index.ts';
import { createNetwerkService, type NetwerkService } from '../netwerk.service.ts';
import {
  createNetwerkImportService,
  type NetwerkImportOpdracht,
  type NetwerkImportService,
} from './netwerk-import.service.ts';

let t: TestApp;
let dienstId: string;
let aardam: string;
let netwerk: NetwerkService;
let service: NetwerkImportService;
let nmG: TestGebruiker;
let nm: Gebruiker;
let nmB: Gebruiker;
let km: TestGebruiker;

const ORGANISATIES = [
  'naam;soort;kvk-nummer;straat;huisnummer;postcode;plaats;gemeenten;contactpersoon;e-mail;referentie',
  'Voedselbank Aardam;Maatschappelijke instelling;12345678;Industrieweg;4;5611 AB;Aardam;Aardam;Gerrit Smit;gerrit@voedselbank.nl;Een referentie na drie maanden.',
  'Café De Brug;commercieel-bedrijf;;Markt;1;5612 CD;Aardam;GM9901;;;',
  'Zonder soort;;;;;;;;;;',
  'Verkeerde postcode;stichting;;;;12;Aardam;Aardam;;;',
].join('\r\n');

const ACTIVITEITEN = [
  'organisatie kvk-nummer;organisatie;organisatie postcode;titel;omschrijving;categorie;belasting;uren min;uren max;dagdelen;plaatsen',
  '12345678;;;Pakketten samenstellen;U vult voedselpakketten.;Voedsel en kringloop;midden;4;8;wo-ochtend;3',
  ';Café De Brug;5612 CD;Kopjes spoelen;U spoelt kopjes.;anders;laag;2;4;;1',
  ';Bestaat niet;;Iets;Iets doen.;sport;laag;2;4;;1',
].join('\n');

const bytes = (s: string, codering: 'utf-8' | 'win1252' = 'utf-8') =>
  codering === 'utf-8' ? Buffer.from(s, 'utf-8') : iconv.encode(s, 'win1252');

const logregels = (subjectType: string) =>
  withContext(t.db.app, systeemActor('test', dienstId), async (tx) =>
    Number(
      (
        await tx
          .selectFrom('logboek')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('subjectType', '=', subjectType)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );

beforeAll(async () => {
  t = await createTestApp();
  const a = await insertGemeente(t.db.app, { naam: 'Aardam', code: 'GM9901' });
  dienstId = a.dienstId;
  aardam = a.gemeenteId;
  const bergdorp = (await insertGemeente(t.db.app, { dienstId, naam: 'Bergdorp', code: 'GM9902' }))
    .gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const gemeenten = createGemeentenService(t.db.app);
  await gemeenten.ensureWijk(systeemActor('test', dienstId), dienstId, {
    gemeenteId: aardam,
    naam: 'Centrum',
    postcodes: ['5611'],
  });
  netwerk = createNetwerkService({ db: t.db.app, gemeenten });
  service = createNetwerkImportService({ db: t.db.app, netwerk, gemeenten });
  nmG = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'netwerkmakelaar',
    naam: 'Bram Hendriks',
    gemeenten: [aardam],
  });
  nm = actorVan(nmG, { gemeenten: [aardam] });
  nmB = actorVan(
    await insertGebruiker(t.db.app, { dienstId, rol: 'netwerkmakelaar', gemeenten: [bergdorp] }),
    {
      gemeenten: [bergdorp],
    },
  );
  km = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [aardam] });
});

describe('CSV import of organisations and activities', () => {
  it('does a dry run with a report per row (Windows-1252, semicolons) and changes nothing', async () => {
    const imp = await service.proefrun(nm, {
      soort: 'organisaties',
      bestandsnaam: 'org.csv',
      bytes: bytes(ORGANISATIES, 'win1252'),
    });
    expect(imp).toMatchObject({
      status: 'proefrun',
      codering: 'windows-1252',
      scheidingsteken: ';',
      totaal: 4,
    });
    expect(imp.proef).toEqual({ aanmaken: 2, bijwerken: 0, ongewijzigd: 0, weigeren: 2 });
    const { rijen } = await service.listRapport(nm, imp.id);
    expect(rijen.map((r) => [r.rij, r.naam, r.proef])).toEqual([
      [2, 'Voedselbank Aardam', 'aanmaken'],
      [3, 'Café De Brug', 'aanmaken'],
      [4, 'Zonder soort', 'weigeren'],
      [5, 'Verkeerde postcode', 'weigeren'],
    ]);
    expect(rijen[2]?.redenen).toEqual(['soort: Kies het soort organisatie.']);
    expect(rijen[3]?.redenen).toEqual(['postcode: Vul een postcode in zoals 5611 AB.']);
    expect((await netwerk.findOrganisaties(nm)).totaal).toBe(0);
    expect((await service.listRapport(nm, imp.id, { alleenGeweigerd: true })).totaal).toBe(2);
  });

  it('runs the import (in this process without a job runner), logs each change, and is idempotent', async () => {
    const imp = await service.proefrun(nm, {
      soort: 'organisaties',
      bestandsnaam: 'org.csv',
      bytes: bytes(ORGANISATIES),
    });
    const klaar = await service.start(nm, imp.id);
    expect(klaar).toMatchObject({ status: 'klaar', verwerkt: 4 });
    expect(klaar.uitkomst).toEqual({ aanmaken: 2, bijwerken: 0, ongewijzigd: 0, weigeren: 2 });
    expect((await fout(service.start(nm, imp.id))).code).toBe('conflict');
    const org = await netwerk.findOrganisaties(nm, { zoek: 'voedselbank' });
    expect(org.items[0]).toMatchObject({ kvkNummer: '12345678', wijk: { naam: 'Centrum' } });
    expect(await logregels('organisatie')).toBe(2);
    expect(await logregels('netwerk-import')).toBe(3);

    // The same file again: nothing changes, nothing is logged.
    const opnieuw = await service.proefrun(nm, {
      soort: 'organisaties',
      bestandsnaam: 'org.csv',
      bytes: bytes(ORGANISATIES),
    });
    expect(opnieuw.proef).toEqual({ aanmaken: 0, bijwerken: 0, ongewijzigd: 2, weigeren: 2 });
    await service.start(nm, opnieuw.id);
    expect(await logregels('organisatie')).toBe(2);
    // A changed row is updated by its natural key.
    const gewijzigd = ORGANISATIES.replace('Industrieweg;4', 'Industrieweg;6');
    const bij = await service.proefrun(nm, {
      soort: 'organisaties',
      bestandsnaam: 'org.csv',
      bytes: bytes(gewijzigd),
    });
    expect(bij.proef.bijwerken).toBe(1);
  });

  it('imports activities by their host’s key and refuses a row whose host is unknown', async () => {
    const imp = await service.proefrun(nm, {
      soort: 'activiteiten',
      bestandsnaam: 'act.csv',
      bytes: bytes(ACTIVITEITEN),
    });
    expect(imp.proef).toEqual({ aanmaken: 2, bijwerken: 0, ongewijzigd: 0, weigeren: 1 });
    const { rijen } = await service.listRapport(nm, imp.id, { alleenGeweigerd: true });
    expect(rijen[0]?.redenen[0]).toMatch(/^organisatie: Deze organisatie staat niet in het netwerk/);
    await service.start(nm, imp.id);
    const a = await netwerk.findActiviteiten(nm, { zoek: 'pakketten' });
    expect(a.items[0]).toMatchObject({
      titel: 'Pakketten samenstellen',
      plaatsen: 3,
      organisatie: { naam: 'Voedselbank Aardam' },
    });
  });

  it('refuses a file without the required columns, and keeps imports to the uploader’s municipalities', async () => {
    const e = await fout(
      service.proefrun(nm, {
        soort: 'activiteiten',
        bestandsnaam: 'x.csv',
        bytes: bytes('naam;soort\nA;stichting'),
      }),
    );
    expect(e.userMessage).toMatch(/Deze kolommen ontbreken: titel, omschrijving/);
    const imp = (await service.listImports(nm))[0];
    expect((await fout(service.findImport(nmB, imp?.id ?? ''))).code).toBe('niet-gevonden');
    expect(await service.listImports(nmB)).toEqual([]);
  });
});

async function fout(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/** Posts the upload form as a browser does: multipart/form-data with the CSRF token and the file. */
async function upload(b: TestBrowser, soort: string, inhoud: string | undefined) {
  if (!b.csrfToken) await b.get('/netwerk/import');
  const grens = '----wk-test-grens';
  const delen = [
    `--${grens}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${b.csrfToken}\r\n`,
    `--${grens}\r\nContent-Disposition: form-data; name="soort"\r\n\r\n${soort}\r\n`,
    inhoud === undefined
      ? ''
      : `--${grens}\r\nContent-Disposition: form-data; name="bestand"; filename="netwerk.csv"\r\nContent-Type: text/csv\r\n\r\n${inhoud}\r\n`,
    `--${grens}--\r\n`,
  ];
  return t.app.inject({
    method: 'POST',
    url: '/netwerk/import',
    headers: {
      cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'content-type': `multipart/form-data; boundary=${grens}`,
    },
    payload: delen.join(''),
  });
}

describe('the import pages', () => {
  it('uploads, shows the report, starts, and shows the progress fragment', async () => {
    const b = await ingelogdAls(t.app, nmG);
    const pagina = await b.get('/netwerk/import');
    expect(pagina.statusCode).toBe(200);
    expect(pagina.body).toMatch(/enctype="multipart\/form-data"/i);
    const leeg = await upload(b, '', undefined);
    expect(leeg.statusCode).toBe(422);
    expect(leeg.body).toContain('Kies wat er in het bestand staat.');
    expect(leeg.body).toContain('Kies een CSV-bestand.');
    const res = await upload(
      b,
      'organisaties',
      ORGANISATIES.replace('Voedselbank Aardam', 'Voedselbank Noord').replace('12345678', '87654321'),
    );
    expect(res.statusCode).toBe(303);
    const detail = await b.get(res.headers.location ?? '');
    expect(detail.body).toContain('Proefrun: Nieuw: 1, Bijwerken: 0, Ongewijzigd: 1, Geweigerd: 2');
    expect(detail.body).toContain('Bestand inlezen');
    const start = await b.post(`${res.headers.location}/start`);
    expect(start.statusCode).toBe(303);
    const fragment = await b.get(`${res.headers.location}/voortgang`);
    expect(fragment.body).toContain('4 van 4 regels verwerkt');
    expect(fragment.body).not.toContain('<html');
  });

  it('refuses everyone but the netwerkmakelaar', async () => {
    const b = await ingelogdAls(t.app, km);
    expect((await b.get('/netwerk/import')).statusCode).toBe(403);
    expect((await upload(b, 'organisaties', ORGANISATIES)).statusCode).toBe(403);
    const imp = (await service.listImports(nm))[0];
    expect((await b.post(`/netwerk/import/${imp?.id}/start`)).statusCode).toBe(403);
    expect((await b.get(`/netwerk/import/${imp?.id}`)).statusCode).toBe(403);
  });
});

describe('the dry run as a background job', () => {
  const KOP = ORGANISATIES.split('\r\n')[0] ?? '';
  const veel = (n: number, voorvoegsel: string) =>
    bytes(
      [
        KOP,
        ...Array.from(
          { length: n },
          (_, i) => `${voorvoegsel} ${i + 1};stichting;;Dorpsstraat;${i + 1};5611 AB;Aardam;Aardam;;;`,
        ),
      ].join('\n'),
    );

  /** The import service with a job queue that only collects (the job runs when the test says so). */
  function metWachtrij() {
    const opdrachten: NetwerkImportOpdracht[] = [];
    const gezien: number[] = [];
    let importId = '';
    const gemeenten = createGemeentenService(t.db.app);
    // The network's import, watched: the dry run's stored progress at the start of every block.
    const bekeken: NetwerkService = {
      ...netwerk,
      importeerOrganisaties: async (actor, rijen, opties) => {
        gezien.push((await achtergrond.findImport(nm, importId)).proefVerwerkt);
        return netwerk.importeerOrganisaties(actor, rijen, opties);
      },
    };
    const achtergrond = createNetwerkImportService({
      db: t.db.app,
      netwerk: bekeken,
      gemeenten,
      wachtrij: async (o) => {
        opdrachten.push(o);
      },
    });
    return { achtergrond, opdrachten, gezien, zetId: (id: string) => (importId = id) };
  }

  it('answers the upload at once, then works through the file in blocks with its progress stored', async () => {
    const { achtergrond, opdrachten, gezien, zetId } = metWachtrij();
    const voor = (await netwerk.findOrganisaties(nm)).totaal;
    const imp = await achtergrond.proefrun(nm, {
      soort: 'organisaties',
      bestandsnaam: 'veel.csv',
      bytes: veel(250, 'Buurtvereniging'),
    });
    zetId(imp.id);
    // The upload stored the file and queued the dry run; no row has been looked at yet.
    expect(imp).toMatchObject({ status: 'proefbezig', totaal: 250, proefVerwerkt: 0 });
    expect(imp.proef).toEqual({ aanmaken: 0, bijwerken: 0, ongewijzigd: 0, weigeren: 0 });
    expect(gezien).toEqual([]);
    expect(opdrachten).toEqual([{ dienstId, importId: imp.id }]);
    expect((await achtergrond.listRapport(nm, imp.id)).totaal).toBe(0);
    // It cannot be started before its dry run is done.
    await expect(achtergrond.start(nm, imp.id)).rejects.toMatchObject({ code: 'conflict' });

    // The job (twice at once, as after a restart): blocks of 100, each stored once.
    await Promise.all([achtergrond.verwerk(opdrachten[0]!), achtergrond.verwerk(opdrachten[0]!)]);
    // Each run looks at the stored progress before each block: 0, 100, 200 (the second run stops at the block the
    // first stored before it).
    expect([...new Set(gezien)]).toEqual([0, 100, 200]);
    const klaar = await achtergrond.findImport(nm, imp.id);
    expect(klaar).toMatchObject({ status: 'proefrun', proefVerwerkt: 250 });
    expect(klaar.proef).toEqual({ aanmaken: 250, bijwerken: 0, ongewijzigd: 0, weigeren: 0 });
    const rapport = await achtergrond.listRapport(nm, imp.id, { pagina: 5 });
    expect(rapport).toMatchObject({ totaal: 250, aantalPaginas: 5 });
    expect(rapport.rijen.map((r) => r.rij)).toEqual(Array.from({ length: 50 }, (_, i) => 202 + i));
    // Nothing in the network changed.
    expect((await netwerk.findOrganisaties(nm)).totaal).toBe(voor);

    // Then the real run (a job too) does what the dry run said.
    await achtergrond.start(nm, imp.id);
    await achtergrond.verwerk(opdrachten[1]!);
    const ingelezen = await achtergrond.findImport(nm, imp.id);
    expect(ingelezen).toMatchObject({ status: 'klaar', verwerkt: 250 });
    expect(ingelezen.uitkomst).toEqual(klaar.proef);
    expect((await netwerk.findOrganisaties(nm)).totaal).toBe(voor + 250);
  });

  it('shows the dry run’s progress on the page and in the fragment, which reloads the page when it ends', async () => {
    const { achtergrond, opdrachten, zetId } = metWachtrij();
    const imp = await achtergrond.proefrun(nm, {
      soort: 'organisaties',
      bestandsnaam: 'pagina.csv',
      bytes: veel(3, 'Sportclub'),
    });
    zetId(imp.id);
    const b = await ingelogdAls(t.app, nmG);
    const detail = await b.get(`/netwerk/import/${imp.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('Proefrun bezig');
    expect(detail.body).toContain('0 van 3 regels gecontroleerd');
    expect(detail.body).not.toContain('Bestand inlezen');
    const bezig = await b.get(`/netwerk/import/${imp.id}/voortgang?na=proef`);
    expect(bezig.body).toContain(`hx-get="/netwerk/import/${imp.id}/voortgang?na=proef"`);
    expect(bezig.headers['hx-refresh']).toBeUndefined();

    await achtergrond.verwerk(opdrachten[0]!);
    const klaar = await b.get(`/netwerk/import/${imp.id}/voortgang?na=proef`);
    expect(klaar.headers['hx-refresh']).toBe('true');
    expect(klaar.body).not.toContain('hx-get');
    const daarna = await b.get(`/netwerk/import/${imp.id}`);
    expect(daarna.body).toContain('Bestand inlezen');
    expect(daarna.body).toContain('Sportclub 3');
  });

  it('ends a dry run that fails in mislukt with a Dutch message, and it cannot be started', async () => {
    const opdrachten: NetwerkImportOpdracht[] = [];
    const fouten: unknown[] = [];
    const kapot = createNetwerkImportService({
      db: t.db.app,
      netwerk: {
        ...netwerk,
        importeerOrganisaties: async () => {
          throw new Error('database weg');
        },
      },
      gemeenten: createGemeentenService(t.db.app),
      wachtrij: async (o) => {
        opdrachten.push(o);
      },
      meldFout: (e) => fouten.push(e),
    });
    const imp = await kapot.proefrun(nm, {
      soort: 'organisaties',
      bestandsnaam: 'x.csv',
      bytes: veel(2, 'Koor'),
    });
    await kapot.verwerk(opdrachten[0]!);
    expect(await kapot.findImport(nm, imp.id)).toMatchObject({
      status: 'mislukt',
      foutmelding: 'De proefrun is afgebroken door een fout. Laad het bestand opnieuw.',
    });
    expect(fouten).toHaveLength(1);
    await expect(kapot.start(nm, imp.id)).rejects.toMatchObject({ code: 'conflict' });
  });
});
