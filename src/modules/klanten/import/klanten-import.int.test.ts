import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY } from '../../../../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/db.ts';
import { actorVan } from '../../../../test/factories/actoren.ts';
import { insertGebruiker } from '../../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../../test/factories/gemeenten.ts';
import { withContext } from '../../../db/context.ts';
import { type Gebruiker, systeemActor } from '../../auth/index.ts';
import { createBeheerService } from '../../beheer/index.ts';
import { createGemeentenService } from '../../gemeenten/index.ts';
import { createLogboekService } from '../../logboek/index.ts';
import { parseBsnSleutels } from '../bsn.ts';
import { medewerkersUitBeheer } from '../klanten.medewerkers.ts';
import { createKlantenService } from '../klanten.service.ts';
import {
  createKlantenImportService,
  ImportBestandFout,
  type KlantenImportService,
} from './klanten-import.service.ts';

let db: TestDatabase;
let dienstId: string;
let A: string;
let B: string;
let beheerder: Gebruiker;
let beheerderB: Gebruiker;
let klantmanager: Gebruiker;
let service: KlantenImportService;
const fouten: unknown[] = [];

const utf8 = (s: string) => new TextEncoder().encode(s);

beforeAll(async () => {
  db = await createTestDatabase();
  const ga = await insertGemeente(db.app, { naam: 'Aardam' });
  dienstId = ga.dienstId;
  A = ga.gemeenteId;
  B = (await insertGemeente(db.app, { dienstId, naam: 'Bergdorp' })).gemeenteId;
  await createLogboekService(db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const fb = await insertGebruiker(db.app, { dienstId, rol: 'functioneel-beheerder', gemeenten: [A] });
  beheerder = actorVan(fb, { gemeenten: [A] });
  const fbB = await insertGebruiker(db.app, { dienstId, rol: 'functioneel-beheerder', gemeenten: [B] });
  beheerderB = actorVan(fbB, { gemeenten: [B] });
  const km = await insertGebruiker(db.app, { dienstId, rol: 'klantmanager', gemeenten: [A] });
  klantmanager = actorVan(km, { gemeenten: [A] });
  const gemeenten = createGemeentenService(db.app);
  const bsnSleutels = parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY);
  const klanten = createKlantenService({
    db: db.app,
    bsnSleutels,
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(db.app, { gemeenten })),
  });
  // Small blocks, so a file of a few rows already runs in several blocks.
  service = createKlantenImportService({
    db: db.app,
    klanten,
    bsnSleutels,
    blokGrootte: 2,
    wachtrij: async () => {},
    meldFout: (e) => fouten.push(e),
  });
});

const klantenIn = (gemeenteId: string) =>
  withContext(db.app, systeemActor('test', dienstId), (tx) =>
    tx
      .selectFrom('klant')
      .select(['klantnummer', 'achternaam', 'voornamen', 'geboortedatum', 'postcode', 'bsnHash'])
      .where('gemeenteId', '=', gemeenteId)
      .orderBy('klantnummer')
      .execute(),
  );

/** Dry run, start, and run the job in this process (as the pg-boss worker would). */
async function importeer(actor: Gebruiker, gemeenteId: string, bytes: Uint8Array) {
  const proef = await service.proefrun(actor, { gemeenteId, bestandsnaam: 'klanten.csv', bytes });
  await service.start(actor, proef.id);
  const klaar = await service.verwerk({ dienstId, importId: proef.id });
  return { proef, klaar: klaar! };
}

describe('the dry run', () => {
  it('reports per row what would happen and changes nothing', async () => {
    const bestand = utf8(
      'klantnummer;bsn;achternaam;geboortedatum\n' +
        'D-1;111222333;Jansen;14-07-1983\n' +
        'D-2;123456789;Pietersen;1990-01-01\n' +
        'D-3;;de Boer;31-02-1990\n',
    );
    const proef = await service.proefrun(beheerder, {
      gemeenteId: A,
      bestandsnaam: 'C:\\map\\klanten.csv',
      bytes: bestand,
    });
    expect(proef).toMatchObject({
      status: 'proefrun',
      bestandsnaam: 'klanten.csv',
      codering: 'utf-8',
      scheidingsteken: ';',
      totaal: 3,
      proef: { aanmaken: 1, bijwerken: 0, afgewezen: 2 },
      verwerkt: 0,
    });
    expect(await klantenIn(A)).toEqual([]);
    const rapport = await service.listRapport(beheerder, proef.id);
    expect(rapport.items).toEqual([
      { rij: 2, klantnummer: 'D-1', proef: 'aanmaken', uitkomst: null, fouten: null },
      {
        rij: 3,
        klantnummer: 'D-2',
        proef: 'afgewezen',
        uitkomst: null,
        fouten: { bsn: expect.stringContaining('geen geldig BSN') },
      },
      {
        rij: 4,
        klantnummer: 'D-3',
        proef: 'afgewezen',
        uitkomst: null,
        fouten: { geboortedatum: expect.stringContaining('bestaande datum') },
      },
    ]);
    // Only row numbers, klantnummers and messages: no names, dates or BSNs in what the beheerder sees.
    const zichtbaar = JSON.stringify([proef, rapport]);
    for (const waarde of ['Jansen', 'Pietersen', '111222333', '123456789', '1983'])
      expect(zichtbaar).not.toContain(waarde);
    expect((await service.listRapport(beheerder, proef.id, { alleenAfgewezen: true })).totaal).toBe(2);
  });

  it('refuses an unusable file as a whole with Dutch messages', async () => {
    await expect(
      service.proefrun(beheerder, {
        gemeenteId: A,
        bestandsnaam: 'x.csv',
        bytes: utf8('klantnummer;naam\nK;X\n'),
      }),
    ).rejects.toThrow(ImportBestandFout);
    await expect(
      service.proefrun(beheerder, { gemeenteId: A, bestandsnaam: 'x.csv', bytes: utf8('') }),
    ).rejects.toMatchObject({ meldingen: ['Het bestand is leeg.'] });
  });

  it('is only for the functioneel beheerder of that municipality', async () => {
    const bytes = utf8('klantnummer;achternaam;geboortedatum\nX-1;A;1980-01-01\n');
    await expect(
      service.proefrun(klantmanager, { gemeenteId: A, bestandsnaam: 'x.csv', bytes }),
    ).rejects.toMatchObject({ code: 'geen-toegang' });
    await expect(
      service.proefrun(beheerder, { gemeenteId: B, bestandsnaam: 'x.csv', bytes }),
    ).rejects.toMatchObject({ code: 'ongeldige-invoer' });
    const proef = await service.proefrun(beheerder, { gemeenteId: A, bestandsnaam: 'x.csv', bytes });
    await expect(service.findImport(beheerderB, proef.id)).rejects.toMatchObject({ code: 'niet-gevonden' });
    await expect(service.start(beheerderB, proef.id)).rejects.toMatchObject({ code: 'niet-gevonden' });
    await expect(service.findImport(klantmanager, proef.id)).rejects.toMatchObject({ code: 'geen-toegang' });
  });
});

describe('the real run', () => {
  it('imports a Windows-1252 file with ; in blocks, reports the broken row and imports the others', async () => {
    const tekst =
      'Klantnr;Voornaam;Tussenvoegsel;Achternaam;Geboortedatum;Postcode;BSN\r\n' +
      'W-1;Zoë;van;Dijk;01-02-1980;1234 AB;111222333\r\n' +
      'W-2;Ömer;;Çelik;31-12-1975;;\r\n' +
      'W-3;Kapot;;Fout;1975-13-01;;\r\n' +
      'W-4;José;;Müller;1990-06-15;5611ab;\r\n' +
      'W-5;Anouk;de;Groot;1988-08-08;;\r\n';
    const { proef, klaar } = await importeer(beheerder, A, new Uint8Array(iconv.encode(tekst, 'win1252')));
    expect(proef).toMatchObject({ codering: 'windows-1252', proef: { aanmaken: 4, afgewezen: 1 } });
    expect(klaar).toMatchObject({ status: 'klaar', verwerkt: 5, aangemaakt: 4, bijgewerkt: 0, afgewezen: 1 });
    expect(fouten).toEqual([]);
    const klanten = (await klantenIn(A)).filter((k) => k.klantnummer?.startsWith('W-'));
    expect(klanten.map((k) => [k.klantnummer, k.voornamen, k.achternaam, k.postcode])).toEqual([
      ['W-1', 'Zoë', 'Dijk', '1234 AB'],
      ['W-2', 'Ömer', 'Çelik', null],
      ['W-4', 'José', 'Müller', '5611 AB'],
      ['W-5', 'Anouk', 'Groot', null],
    ]);
    expect(klanten[0]?.bsnHash).toMatch(/./);
    const rapport = await service.listRapport(beheerder, proef.id);
    expect(rapport.items.map((r) => [r.rij, r.proef, r.uitkomst])).toEqual([
      [2, 'aanmaken', 'aangemaakt'],
      [3, 'aanmaken', 'aangemaakt'],
      [4, 'afgewezen', 'afgewezen'],
      [5, 'aanmaken', 'aangemaakt'],
      [6, 'aanmaken', 'aangemaakt'],
    ]);
    // The file is gone once the import is done; starting again is refused.
    const opgeslagen = await withContext(db.app, systeemActor('test', dienstId), (tx) =>
      tx.selectFrom('klantImport').select('bestand').where('id', '=', proef.id).executeTakeFirstOrThrow(),
    );
    expect(opgeslagen.bestand).toBeNull();
    await expect(service.start(beheerder, proef.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('is idempotent: the same file again updates by klantnummer and creates no duplicates', async () => {
    const bestand = (achternaam: string) =>
      utf8(
        `klantnummer,achternaam,geboortedatum\nI-1,${achternaam},1970-01-01\nI-2,Smit,1971-01-01\nI-3,Bakker,1972-01-01\n`,
      );
    const eerste = await importeer(beheerder, A, bestand('Visser'));
    expect(eerste.klaar).toMatchObject({ aangemaakt: 3, bijgewerkt: 0 });
    const tweede = await importeer(beheerder, A, bestand('Visser-de Wit'));
    expect(tweede.proef.proef).toEqual({ aanmaken: 0, bijwerken: 3, afgewezen: 0 });
    expect(tweede.klaar).toMatchObject({ status: 'klaar', aangemaakt: 0, bijgewerkt: 3, afgewezen: 0 });
    const klanten = (await klantenIn(A)).filter((k) => k.klantnummer?.startsWith('I-'));
    expect(klanten.map((k) => [k.klantnummer, k.achternaam])).toEqual([
      ['I-1', 'Visser-de Wit'],
      ['I-2', 'Smit'],
      ['I-3', 'Bakker'],
    ]);
  });

  it('records every created client in the access log, as the system on behalf of the beheerder', async () => {
    const { proef } = await importeer(
      beheerder,
      A,
      utf8('klantnummer;achternaam;geboortedatum\nL-1;Log;1980-01-01\n'),
    );
    const regels = await withContext(db.app, systeemActor('test', dienstId), async (tx) => {
      const klant = await tx
        .selectFrom('klant')
        .select('id')
        .where('klantnummer', '=', 'L-1')
        .executeTakeFirstOrThrow();
      return tx
        .selectFrom('logboek')
        .select(['actie', 'actorReden', 'subjectType'])
        .where('subjectId', '=', klant.id)
        .execute();
    });
    expect(regels).toEqual([
      { actie: 'aanmaken', actorReden: `import:klanten:${beheerder.gebruikerId}`, subjectType: 'klant' },
    ]);
    const importRegels = await withContext(db.app, systeemActor('test', dienstId), (tx) =>
      tx
        .selectFrom('logboek')
        .select('actie')
        .where('subjectId', '=', proef.id)
        .orderBy('volgnummer')
        .execute(),
    );
    expect(importRegels.map((r) => r.actie)).toEqual(['aanmaken', 'wijzigen']);
  });

  it('continues after the last finished block when a run was cut off', async () => {
    const bytes = utf8(
      'klantnummer;achternaam;geboortedatum\nR-1;A;1980-01-01\nR-2;B;1980-01-01\nR-3;C;1980-01-01\nR-4;D;1980-01-01\n',
    );
    const proef = await service.proefrun(beheerder, { gemeenteId: A, bestandsnaam: 'r.csv', bytes });
    await service.start(beheerder, proef.id);
    // The first run stops after its first block (as if the server went down).
    const afgebroken = service.verwerk(
      { dienstId, importId: proef.id },
      {
        voortgang: () => {
          throw new Error('stroom weg');
        },
      },
    );
    await expect(afgebroken).resolves.toMatchObject({ status: 'mislukt', verwerkt: 2 });
    expect(fouten.splice(0)).toHaveLength(1);
    await service.start(beheerder, proef.id);
    const klaar = await service.verwerk({ dienstId, importId: proef.id });
    expect(klaar).toMatchObject({ status: 'klaar', verwerkt: 4, aangemaakt: 4, afgewezen: 0 });
    expect((await klantenIn(A)).filter((k) => k.klantnummer?.startsWith('R-'))).toHaveLength(4);
    // A job delivered again for a finished import does nothing.
    expect(await service.verwerk({ dienstId, importId: proef.id })).toBeUndefined();
  });

  it('puts an import back when the job cannot be queued, so it can be started again', async () => {
    const zonderWachtrij = createKlantenImportService({
      db: db.app,
      klanten: { importeerKlanten: async () => [] },
      bsnSleutels: parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY),
      wachtrij: async () => {
        throw new Error('pg-boss is niet gestart');
      },
    });
    const proef = await service.proefrun(beheerder, {
      gemeenteId: A,
      bestandsnaam: 'q.csv',
      bytes: utf8('klantnummer;achternaam;geboortedatum\nQ-1;Q;1980-01-01\n'),
    });
    await expect(zonderWachtrij.start(beheerder, proef.id)).rejects.toThrow('pg-boss is niet gestart');
    expect((await service.findImport(beheerder, proef.id)).status).toBe('proefrun');
  });

  it('lists the latest imports of the beheerder’s municipalities only', async () => {
    const lijst = await service.listImports(beheerder);
    expect(lijst.length).toBeGreaterThan(0);
    expect(lijst.every((i) => i.gemeenteId === A)).toBe(true);
    expect(await service.listImports(beheerderB)).toEqual([]);
  });
});
