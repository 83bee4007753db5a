import { beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { createAuthService, systeemActor } from '../auth/index.ts';
import { createGemeentenService } from '../gemeenten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { type BeheerCliDeps, runBeheerCli, STANDAARD_DIENST } from './beheer.cli.ts';
import { createBeheerService } from './beheer.service.ts';

let db: TestDatabase;
let deps: BeheerCliDeps;
let auth: ReturnType<typeof createAuthService>;

async function cli(command: 'gemeente' | 'user', ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runBeheerCli(
    command,
    args,
    deps,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err: err.join('\n') };
}

beforeAll(async () => {
  db = await createTestDatabase();
  const gemeenten = createGemeentenService(db.app);
  auth = createAuthService({
    db: db.app,
    config: testConfig({ publicUrl: 'https://wederkerig.example.nl' }),
  });
  deps = {
    gemeenten,
    logboek: createLogboekService(db.app),
    beheer: createBeheerService(db.app, {
      gemeenten,
      maakUitnodiging: (actor, gebruikerId) => auth.maakUitnodiging(actor, gebruikerId),
    }),
  };
});

describe('wederkerig gemeente create', () => {
  it('refuses a user before there is a municipality', async () => {
    const r = await cli(
      'user',
      'create',
      '--email',
      'a@b.nl',
      '--naam',
      'A',
      '--rol',
      'privacy-officer',
      '--gemeente',
      'GM0001',
    );
    expect(r.code).toBe(2);
    expect(r.err).toBe('Er is nog geen gemeente. Maak die eerst met: wederkerig gemeente create');
  });

  it('creates the social service with the first municipality, then uses it', async () => {
    expect(await cli('gemeente', 'create', '--naam', 'Aardam', '--code', 'GM9901')).toMatchObject({
      code: 0,
      out: ['Gemeente aangemaakt: Aardam (GM9901).'],
    });
    expect((await cli('gemeente', 'create', '--naam', 'Bergdorp', '--code', 'gm9902')).code).toBe(0);
    const diensten = await deps.gemeenten.listDiensten(systeemActor('test'));
    expect(diensten.map((d) => d.naam)).toEqual([STANDAARD_DIENST]);
    const gemeenten = await deps.gemeenten.findGemeenten(systeemActor('test', diensten[0]!.dienstId));
    expect(gemeenten.map((g) => g.code)).toEqual(['GM9901', 'GM9902']);
  });

  it('answers wrong input with a Dutch message and exit code 2', async () => {
    expect(await cli('gemeente', 'create', '--naam', 'Dubbel', '--code', 'GM9901')).toMatchObject({
      code: 2,
      err: 'Er bestaat al een gemeente met code GM9901.',
    });
    expect(await cli('gemeente', 'create', '--naam', 'Fout', '--code', '1234')).toMatchObject({
      code: 2,
      err: 'Vul een gemeentecode in zoals GM0363 (GM en 4 cijfers).',
    });
    expect(await cli('gemeente', 'create', '--code', 'GM9903')).toMatchObject({
      code: 2,
      err: 'Geef --naam op.',
    });
    expect((await cli('gemeente', 'create', '--naam', 'X', '--code', 'GM9903', '--foo')).err).toMatch(
      /^Onbekende optie: --foo\./,
    );
    expect((await cli('gemeente', 'create', '--naam')).err).toMatch(/^Optie --naam heeft een waarde nodig\./);
    expect((await cli('gemeente', 'maak')).code).toBe(2);
  });

  it('asks which social service when there are several', async () => {
    expect(
      (
        await cli(
          'gemeente',
          'create',
          '--naam',
          'Cranendonck',
          '--code',
          'GM9903',
          '--dienst',
          'Tweede dienst',
        )
      ).code,
    ).toBe(0);
    const r = await cli('gemeente', 'create', '--naam', 'Dommelen', '--code', 'GM9904');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Er zijn meer sociale diensten .* Kies er een met --dienst\./);
  });
});

describe('wederkerig user create', () => {
  const dienst = ['--dienst', STANDAARD_DIENST];

  it('creates a user and prints the invitation link as the last line', async () => {
    const r = await cli(
      'user',
      'create',
      ...dienst,
      '--email',
      'Beheer@Gemeente.nl',
      '--naam',
      'Bea Beheer',
      '--rol',
      'functioneel-beheerder',
      '--gemeente',
      'GM9901',
      '--gemeente',
      'gm9902',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('Gebruiker aangemaakt: Bea Beheer <beheer@gemeente.nl>, Functioneel beheerder.');
    const link = r.out.at(-1)!;
    expect(link).toMatch(/^https:\/\/wederkerig\.example\.nl\/uitnodiging\/[A-Za-z0-9_-]+$/);
    const token = link.split('/').at(-1)!;
    expect(await auth.bekijkUitnodiging(token)).toMatchObject({
      status: 'geldig',
      email: 'beheer@gemeente.nl',
    });
  });

  it('assigns a team by name', async () => {
    const dienstId = (await deps.gemeenten.listDiensten(systeemActor('test'))).find(
      (d) => d.naam === STANDAARD_DIENST,
    )!.dienstId;
    const aardam = (await deps.gemeenten.findGemeenten(systeemActor('test', dienstId))).find(
      (g) => g.code === 'GM9901',
    )!;
    await deps.beheer.createTeam(systeemActor('test', dienstId), {
      naam: 'Team Aardam',
      gemeenteIds: [aardam.id],
    });
    const r = await cli(
      'user',
      'create',
      ...dienst,
      '--email',
      'km@gemeente.nl',
      '--naam',
      'Karim',
      '--rol',
      'klantmanager',
      '--gemeente',
      'GM9901',
      '--team',
      'team aardam',
    );
    expect(r.code).toBe(0);
    const lijst = await deps.beheer.listGebruikers(systeemActor('test', dienstId));
    expect(lijst.find((g) => g.email === 'km@gemeente.nl')?.teams.map((t) => t.naam)).toEqual([
      'Team Aardam',
    ]);
  });

  it('validates role, municipalities, teams and the user data with Dutch messages', async () => {
    const basis = [...dienst, '--email', 'x@gemeente.nl', '--naam', 'X'];
    expect(await cli('user', 'create', ...basis, '--rol', 'baas', '--gemeente', 'GM9901')).toMatchObject({
      code: 2,
      err: 'Onbekende rol "baas". Kies uit: klantmanager, teamleider, netwerkmakelaar, functioneel-beheerder, privacy-officer.',
    });
    expect(await cli('user', 'create', ...basis, '--rol', 'netwerkmakelaar')).toMatchObject({
      code: 2,
      err: 'Geef minstens één gemeente op met --gemeente GM0000.',
    });
    expect(
      (await cli('user', 'create', ...basis, '--rol', 'netwerkmakelaar', '--gemeente', 'GM0001')).err,
    ).toMatch(/^Onbekende gemeentecode GM0001\. Bekende codes: GM9901 \(Aardam\), GM9902 \(Bergdorp\)\.$/);
    expect(
      (
        await cli(
          'user',
          'create',
          ...basis,
          '--rol',
          'klantmanager',
          '--gemeente',
          'GM9901',
          '--team',
          'Geen',
        )
      ).err,
    ).toMatch(/^Onbekend team "Geen"\./);
    expect(
      await cli('user', 'create', ...basis, '--rol', 'klantmanager', '--gemeente', 'GM9901'),
    ).toMatchObject({
      code: 2,
      err: 'Een klantmanager hoort bij precies één team.',
    });
    expect(
      await cli(
        'user',
        'create',
        ...dienst,
        '--email',
        'geen-adres',
        '--naam',
        'X',
        '--rol',
        'netwerkmakelaar',
        '--gemeente',
        'GM9901',
      ),
    ).toMatchObject({ code: 2, err: 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl.' });
    expect(
      await cli(
        'user',
        'create',
        ...dienst,
        '--email',
        'beheer@gemeente.nl',
        '--naam',
        'X',
        '--rol',
        'netwerkmakelaar',
        '--gemeente',
        'GM9901',
      ),
    ).toMatchObject({ code: 2, err: 'Er is al een account met dit e-mailadres.' });
  });
});
