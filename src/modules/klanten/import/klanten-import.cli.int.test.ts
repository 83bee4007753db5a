import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY } from '../../../../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/db.ts';
import { insertGemeente } from '../../../../test/factories/gemeenten.ts';
import { withContext } from '../../../db/context.ts';
import { systeemActor } from '../../auth/index.ts';
import { createBeheerService } from '../../beheer/index.ts';
import { createGemeentenService } from '../../gemeenten/index.ts';
import { createLogboekService } from '../../logboek/index.ts';
import { parseBsnSleutels } from '../bsn.ts';
import { medewerkersUitBeheer } from '../klanten.medewerkers.ts';
import { createKlantenService } from '../klanten.service.ts';
import { type ImportCliDeps, runImportCli } from './klanten-import.cli.ts';
import { createKlantenImportService } from './klanten-import.service.ts';

let db: TestDatabase;
let deps: ImportCliDeps;
let dienstId: string;
let gemeenteId: string;
const dir = mkdtempSync(join(tmpdir(), 'wederkerig-import-cli-'));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImportCli(
    args,
    deps,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

const bestand = (naam: string, inhoud: string | Uint8Array) => {
  const pad = join(dir, naam);
  writeFileSync(pad, inhoud);
  return pad;
};

const klanten = () =>
  withContext(db.app, systeemActor('test', dienstId), (tx) =>
    tx
      .selectFrom('klant')
      .select(['klantnummer', 'achternaam'])
      .where('gemeenteId', '=', gemeenteId)
      .execute(),
  );

beforeAll(async () => {
  db = await createTestDatabase();
  const g = await insertGemeente(db.app, { naam: 'Cliedam', code: 'GM0777' });
  dienstId = g.dienstId;
  gemeenteId = g.gemeenteId;
  await createLogboekService(db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const gemeenten = createGemeentenService(db.app);
  const bsnSleutels = parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY);
  deps = {
    gemeenten,
    importService: createKlantenImportService({
      db: db.app,
      bsnSleutels,
      wachtrij: async () => {},
      klanten: createKlantenService({
        db: db.app,
        bsnSleutels,
        gemeenten,
        medewerkers: medewerkersUitBeheer(createBeheerService(db.app, { gemeenten })),
      }),
    }),
  };
});

describe('wederkerig import klanten', () => {
  it('--dry-run prints the report and changes nothing', async () => {
    const pad = bestand(
      'proef.csv',
      'klantnummer;achternaam;geboortedatum\nC-1;Aa;1980-01-01\nC-2;;1980-01-01\n',
    );
    const r = await cli('klanten', pad, '--gemeente', 'gm0777', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      'Proefrun voor Cliedam: 2 rijen; 1 aanmaken, 0 bijwerken, 1 afgewezen.',
      'Afgewezen rijen:',
      '  rij 3 (C-2): achternaam: Vul de achternaam in.',
      'Proefrun: er is niets veranderd.',
    ]);
    expect(await klanten()).toEqual([]);
  });

  it('imports a Windows-1252 file, prints progress, and is idempotent', async () => {
    const pad = bestand(
      'echt.csv',
      new Uint8Array(iconv.encode('Klantnr,Achternaam,Geboortedatum\r\nC-1,Çelik,01-01-1980\r\n', 'win1252')),
    );
    const eerste = await cli('klanten', pad, '--gemeente', 'GM0777');
    expect(eerste.code).toBe(0);
    expect(eerste.out.at(-1)).toBe('Klaar: 1 aangemaakt, 0 bijgewerkt, 0 afgewezen.');
    expect(eerste.out).toContain('1 van 1 rijen verwerkt');
    const tweede = await cli('klanten', pad, '--gemeente', 'GM0777');
    expect(tweede.out.at(-1)).toBe('Klaar: 0 aangemaakt, 1 bijgewerkt, 0 afgewezen.');
    expect(await klanten()).toEqual([{ klantnummer: 'C-1', achternaam: 'Çelik' }]);
  });

  it('exits with 2 and a Dutch message on wrong use or an unusable file', async () => {
    expect(await cli('klanten')).toMatchObject({ code: 2 });
    expect(await cli('klanten', join(dir, 'bestaat-niet.csv'), '--gemeente', 'GM0777')).toMatchObject({
      code: 2,
      err: [`Kan het bestand ${join(dir, 'bestaat-niet.csv')} niet lezen.`],
    });
    const pad = bestand('kop.csv', 'klantnummer;naam\nC-9;X\n');
    expect(await cli('klanten', pad)).toMatchObject({
      code: 2,
      err: [expect.stringContaining('--gemeente')],
    });
    expect(await cli('klanten', pad, '--gemeente', 'GM0001')).toMatchObject({
      code: 2,
      err: ['Er is geen gemeente met code GM0001.'],
    });
    expect(await cli('klanten', pad, '--gemeente', 'GM0777')).toMatchObject({
      code: 2,
      err: ['De kolom "achternaam" ontbreekt.', 'De kolom "geboortedatum" ontbreekt.'],
    });
    expect(await cli('klanten', pad, '--onbekend')).toMatchObject({ code: 2 });
  });
});
