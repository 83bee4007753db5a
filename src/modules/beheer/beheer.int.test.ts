import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { withContext } from '../../db/context.ts';
import { AppError } from '../../http/app-error.ts';
import { dbContext, type Gebruiker, systeemActor } from '../auth/index.ts';
import { createGemeentenService } from '../gemeenten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { beheerRepository } from './beheer.repository.ts';
import { Invoerfout } from './beheer.schemas.ts';
import { type BeheerService, createBeheerService } from './beheer.service.ts';

let db: TestDatabase;
let service: BeheerService;
let dienstId: string;
let aardam: string;
let bergdorp: string;
/** Functioneel beheerder of Aardam only. */
let beheerA: Gebruiker;
/** Functioneel beheerder of both. */
let beheerAB: Gebruiker;
const uitnodigingen: string[] = [];

async function invoerfout(p: Promise<unknown>): Promise<Record<string, string>> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(Invoerfout);
  return (e as Invoerfout).velden;
}

async function foutcode(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return (e as AppError).code;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const a = await insertGemeente(db.app, { naam: 'Aardam', code: 'GM9901' });
  dienstId = a.dienstId;
  aardam = a.gemeenteId;
  bergdorp = (await insertGemeente(db.app, { dienstId, naam: 'Bergdorp', code: 'GM9902' })).gemeenteId;
  await createLogboekService(db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const gA = await insertGebruiker(db.app, { dienstId, rol: 'functioneel-beheerder', gemeenten: [aardam] });
  beheerA = actorVan(gA, { gemeenten: [aardam] });
  const gAB = await insertGebruiker(db.app, {
    dienstId,
    rol: 'functioneel-beheerder',
    gemeenten: [aardam, bergdorp],
  });
  beheerAB = actorVan(gAB, { gemeenten: [aardam, bergdorp] });
  service = createBeheerService(db.app, {
    gemeenten: createGemeentenService(db.app),
    maakUitnodiging: async (_actor, gebruikerId) => {
      uitnodigingen.push(gebruikerId);
      return `http://localhost/uitnodiging/${gebruikerId}`;
    },
  });
});

describe('municipalities', () => {
  it('lists only the actor’s municipalities, with their wijken', async () => {
    const lijst = await service.listGemeenten(beheerA);
    expect(lijst.map((g) => g.naam)).toEqual(['Aardam']);
    expect(lijst[0]!.wijken).toEqual([]);
    expect((await service.listGemeenten(beheerAB)).map((g) => g.naam)).toEqual(['Aardam', 'Bergdorp']);
  });

  it('creates a municipality and assigns its creator to it', async () => {
    const g = await service.createGemeente(beheerA, { naam: '  Cranendonck ', code: 'gm9903' });
    expect(g).toMatchObject({ naam: 'Cranendonck', code: 'GM9903' });
    // The creator's next request (with fresh assignments) sees it.
    const opnieuw = { ...beheerA, gemeenten: [...beheerA.gemeenten, g.id] };
    expect((await service.listGemeenten(opnieuw)).map((x) => x.naam)).toContain('Cranendonck');
    const toegewezen = await withContext(db.app, systeemActor('test', dienstId), (tx) =>
      tx
        .selectFrom('gebruikerGemeente')
        .select('gemeenteId')
        .where('gebruikerId', '=', beheerA.gebruikerId)
        .execute(),
    );
    expect(toegewezen.map((r) => r.gemeenteId)).toContain(g.id);
  });

  it('refuses an invalid or existing code with a field message, also one the actor cannot see', async () => {
    expect(await invoerfout(service.createGemeente(beheerA, { naam: '', code: 'X1' }))).toEqual({
      naam: 'Vul de naam van de gemeente in.',
      code: 'Vul een gemeentecode in zoals GM0363 (GM en 4 cijfers).',
    });
    expect((await invoerfout(service.createGemeente(beheerA, { naam: 'Dubbel', code: 'GM9902' }))).code).toBe(
      'Er bestaat al een gemeente met code GM9902.',
    );
  });

  it('edits name and code of an own municipality, not of another', async () => {
    const c = await service.createGemeente(beheerAB, { naam: 'Dommelen', code: 'GM9904' });
    const ab = { ...beheerAB, gemeenten: [...beheerAB.gemeenten, c.id] };
    expect(await service.updateGemeente(ab, c.id, { naam: 'Dommelen-Zuid', code: 'GM9905' })).toEqual({
      id: c.id,
      naam: 'Dommelen-Zuid',
      code: 'GM9905',
    });
    expect(
      await foutcode(service.updateGemeente(beheerA, bergdorp, { naam: 'Gekaapt', code: 'GM9902' })),
    ).toBe('niet-gevonden');
    expect(await foutcode(service.findGemeente(beheerA, bergdorp))).toBe('niet-gevonden');
  });
});

describe('teams', () => {
  it('creates a team serving own municipalities and validates the input', async () => {
    const t = await service.createTeam(beheerA, { naam: 'Team Noord', gemeenteIds: [aardam] });
    expect(t).toMatchObject({ naam: 'Team Noord', gemeenten: [{ id: aardam, naam: 'Aardam' }] });
    expect(await invoerfout(service.createTeam(beheerA, { naam: ' ', gemeenteIds: [] }))).toEqual({
      naam: 'Vul de naam van het team in.',
      gemeenteIds: 'Kies minstens één gemeente die het team bedient.',
    });
    expect(
      await invoerfout(service.createTeam(beheerA, { naam: 'Team Noord', gemeenteIds: [aardam] })),
    ).toEqual({
      naam: 'Er bestaat al een team met deze naam.',
    });
  });

  it('refuses to let a team serve a municipality outside the actor’s own', async () => {
    expect(
      await invoerfout(service.createTeam(beheerA, { naam: 'Team Zuid', gemeenteIds: [bergdorp] })),
    ).toEqual({
      gemeenteIds: 'Kies alleen gemeenten die u zelf beheert.',
    });
  });

  it('renames a team and changes its municipalities, leaving those outside the actor’s reach', async () => {
    const t = await service.createTeam(beheerAB, { naam: 'Team Gedeeld', gemeenteIds: [aardam, bergdorp] });
    // Beheerder A sees only the Aardam part.
    expect((await service.findTeam(beheerA, t.id)).gemeenten.map((g) => g.naam)).toEqual(['Aardam']);
    const c = await service.createGemeente(beheerA, { naam: 'Eersel', code: 'GM9906' });
    const a2 = { ...beheerA, gemeenten: [aardam, c.id] };
    const gewijzigd = await service.updateTeam(a2, t.id, { naam: 'Team Gedeeld 2', gemeenteIds: [c.id] });
    expect(gewijzigd).toMatchObject({ naam: 'Team Gedeeld 2', gemeenten: [{ id: c.id, naam: 'Eersel' }] });
    // Bergdorp stays: beheerder A could not see it.
    expect((await service.findTeam(beheerAB, t.id)).gemeenten.map((g) => g.naam)).toEqual(['Bergdorp']);
  });

  it('hides teams that serve none of the actor’s municipalities', async () => {
    const alleenB = await service.createTeam(beheerAB, {
      naam: 'Team Bergdorp-only',
      gemeenteIds: [bergdorp],
    });
    expect((await service.listTeams(beheerA)).map((t) => t.id)).not.toContain(alleenB.id);
    expect(await foutcode(service.findTeam(beheerA, alleenB.id))).toBe('niet-gevonden');
    expect(
      await foutcode(service.updateTeam(beheerA, alleenB.id, { naam: 'Overgenomen', gemeenteIds: [aardam] })),
    ).toBe('niet-gevonden');
  });
});

describe('users', () => {
  let teamA: string;
  let teamB: string;
  beforeAll(async () => {
    teamA = (await insertTeam(db.app, { dienstId, naam: 'Team A', gemeenten: [aardam] })).teamId;
    teamB = (await insertTeam(db.app, { dienstId, naam: 'Team B', gemeenten: [bergdorp] })).teamId;
  });

  it('creates a user with role, team and municipality, and returns an invitation link', async () => {
    const { gebruiker, uitnodigingslink } = await service.createGebruiker(beheerA, {
      naam: 'Fatima el Amrani',
      email: ' Fatima.El.Amrani@Aardam.NL ',
      rol: 'klantmanager',
      teamIds: [teamA],
      gemeenteIds: [aardam],
    });
    expect(gebruiker).toMatchObject({
      naam: 'Fatima el Amrani',
      email: 'fatima.el.amrani@aardam.nl',
      rol: 'klantmanager',
      isActief: true,
      isDemo: false,
      heeftWachtwoord: false,
      teams: [{ id: teamA, naam: 'Team A' }],
      gemeenten: [{ id: aardam, naam: 'Aardam' }],
    });
    expect(uitnodigingslink).toBe(`http://localhost/uitnodiging/${gebruiker.id}`);
    expect((await service.listGebruikers(beheerA)).map((g) => g.email)).toContain(
      'fatima.el.amrani@aardam.nl',
    );
  });

  it('validates the input with Dutch messages per field', async () => {
    expect(
      await invoerfout(
        service.createGebruiker(beheerA, {
          naam: '',
          email: 'geen-adres',
          rol: 'baas' as 'klantmanager',
          gemeenteIds: [],
        }),
      ),
    ).toEqual({
      naam: 'Vul de naam van de gebruiker in.',
      email: 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl.',
      rol: 'Kies een rol.',
      gemeenteIds: 'Kies minstens één gemeente.',
    });
  });

  it('requires exactly one team for a klantmanager and at least one for a teamleider', async () => {
    const basis = { naam: 'Piet', email: 'piet@aardam.nl', gemeenteIds: [aardam] };
    expect(await invoerfout(service.createGebruiker(beheerA, { ...basis, rol: 'klantmanager' }))).toEqual({
      teamIds: 'Een klantmanager hoort bij precies één team.',
    });
    const tweede = (await insertTeam(db.app, { dienstId, gemeenten: [aardam] })).teamId;
    expect(
      await invoerfout(
        service.createGebruiker(beheerA, { ...basis, rol: 'klantmanager', teamIds: [teamA, tweede] }),
      ),
    ).toEqual({ teamIds: 'Een klantmanager hoort bij precies één team.' });
    expect(await invoerfout(service.createGebruiker(beheerA, { ...basis, rol: 'teamleider' }))).toEqual({
      teamIds: 'Een teamleider leidt minstens één team.',
    });
    const nm = await service.createGebruiker(beheerA, { ...basis, rol: 'netwerkmakelaar' });
    expect(nm.gebruiker.teams).toEqual([]);
  });

  it('refuses an e-mail address that is already in use', async () => {
    await service.createGebruiker(beheerA, {
      naam: 'Een',
      email: 'dubbel@aardam.nl',
      rol: 'privacy-officer',
      gemeenteIds: [aardam],
    });
    expect(
      await invoerfout(
        service.createGebruiker(beheerA, {
          naam: 'Twee',
          email: 'DUBBEL@aardam.nl',
          rol: 'privacy-officer',
          gemeenteIds: [aardam],
        }),
      ),
    ).toEqual({ email: 'Er is al een account met dit e-mailadres.' });
  });

  it('lets a beheerder of Aardam neither assign Bergdorp nor its teams', async () => {
    const basis = { naam: 'Karel', email: 'karel@aardam.nl', rol: 'klantmanager' as const };
    expect(
      await invoerfout(
        service.createGebruiker(beheerA, { ...basis, teamIds: [teamA], gemeenteIds: [bergdorp] }),
      ),
    ).toEqual({ gemeenteIds: 'Kies alleen gemeenten die u zelf beheert.' });
    expect(
      await invoerfout(
        service.createGebruiker(beheerA, { ...basis, teamIds: [teamB], gemeenteIds: [aardam] }),
      ),
    ).toEqual({ teamIds: 'Kies alleen teams die in uw gemeenten werken.' });
    const keuzes = await service.keuzes(beheerA);
    expect(keuzes.gemeenten.map((g) => g.id)).not.toContain(bergdorp);
    expect(keuzes.teams.map((t) => t.id)).not.toContain(teamB);
  });

  it('does not show a user of Bergdorp to a beheerder of Aardam, and shows only Aardam of a shared user', async () => {
    const b = await insertGebruiker(db.app, { dienstId, rol: 'netwerkmakelaar', gemeenten: [bergdorp] });
    const ab = await insertGebruiker(db.app, {
      dienstId,
      rol: 'netwerkmakelaar',
      gemeenten: [aardam, bergdorp],
    });
    const lijst = await service.listGebruikers(beheerA);
    expect(lijst.map((g) => g.id)).not.toContain(b.gebruikerId);
    expect(lijst.find((g) => g.id === ab.gebruikerId)?.gemeenten).toEqual([{ id: aardam, naam: 'Aardam' }]);
    expect(await foutcode(service.findGebruiker(beheerA, b.gebruikerId))).toBe('niet-gevonden');
    expect(await foutcode(service.zetActief(beheerA, b.gebruikerId, false))).toBe('niet-gevonden');
  });

  it('edits a user and keeps assignments outside the actor’s reach', async () => {
    const g = await insertGebruiker(db.app, {
      dienstId,
      rol: 'klantmanager',
      gemeenten: [aardam, bergdorp],
      teams: [teamA],
    });
    const gewijzigd = await service.updateGebruiker(beheerA, g.gebruikerId, {
      naam: 'Nieuwe Naam',
      email: 'nieuw.adres@aardam.nl',
      rol: 'teamleider',
      teamIds: [teamA],
      gemeenteIds: [aardam],
    });
    expect(gewijzigd).toMatchObject({
      naam: 'Nieuwe Naam',
      email: 'nieuw.adres@aardam.nl',
      rol: 'teamleider',
    });
    const volledig = await service.findGebruiker(beheerAB, g.gebruikerId);
    expect(volledig.gemeenten.map((x) => x.naam)).toEqual(['Aardam', 'Bergdorp']);
  });

  it('counts a klantmanager’s team outside the actor’s reach', async () => {
    const g = await insertGebruiker(db.app, {
      dienstId,
      rol: 'klantmanager',
      gemeenten: [aardam, bergdorp],
      teams: [teamB],
    });
    const input = {
      naam: 'Km',
      email: 'km.twee.teams@aardam.nl',
      rol: 'klantmanager' as const,
      gemeenteIds: [aardam],
    };
    expect(
      (await invoerfout(service.updateGebruiker(beheerA, g.gebruikerId, { ...input, teamIds: [teamA] })))
        .teamIds,
    ).toMatch(/precies één team/);
    // Without choosing a team here, the one team in Bergdorp remains: valid.
    expect((await service.updateGebruiker(beheerA, g.gebruikerId, input)).teams).toEqual([
      { id: teamB, naam: 'Team B' },
    ]);
    expect((await service.findGebruiker(beheerAB, g.gebruikerId)).teams.map((t) => t.id)).toEqual([teamB]);
  });

  it('turns an account off and on again, but not one’s own', async () => {
    const g = await insertGebruiker(db.app, { dienstId, rol: 'netwerkmakelaar', gemeenten: [aardam] });
    expect((await service.zetActief(beheerA, g.gebruikerId, false)).isActief).toBe(false);
    expect((await service.findGebruiker(beheerA, g.gebruikerId)).isActief).toBe(false);
    expect(await foutcode(service.nieuweUitnodiging(beheerA, g.gebruikerId))).toBe('niet-verwerkbaar');
    expect((await service.zetActief(beheerA, g.gebruikerId, true)).isActief).toBe(true);
    expect(await service.nieuweUitnodiging(beheerA, g.gebruikerId)).toContain(g.gebruikerId);
    expect(await foutcode(service.zetActief(beheerA, beheerA.gebruikerId, false))).toBe('niet-verwerkbaar');
  });

  it('does not let a beheerder change their own role', async () => {
    const eigen = await service.findGebruiker(beheerA, beheerA.gebruikerId);
    expect(
      await invoerfout(
        service.updateGebruiker(beheerA, beheerA.gebruikerId, {
          naam: eigen.naam,
          email: eigen.email,
          rol: 'privacy-officer',
          gemeenteIds: [aardam],
        }),
      ),
    ).toEqual({ rol: 'U kunt uw eigen rol niet wijzigen. Vraag dit een andere beheerder.' });
  });

  it('creates demo accounts idempotently, only under the system context', async () => {
    const systeem = systeemActor('test:demo', dienstId);
    const input = {
      naam: 'Demo Klantmanager',
      email: 'km.demo@demo.wederkerig.nl',
      rol: 'klantmanager' as const,
      teamIds: [teamA],
      gemeenteIds: [aardam],
      wachtwoordHash: 'hash',
      isDemo: true,
    };
    const eerste = await service.ensureGebruiker(systeem, input);
    const tweede = await service.ensureGebruiker(systeem, { ...input, naam: 'Anders' });
    expect(tweede).toEqual(eerste);
    expect(eerste).toMatchObject({ isDemo: true, heeftWachtwoord: true });
    expect(
      await foutcode(service.ensureGebruiker(beheerAB, { ...input, email: 'x@demo.wederkerig.nl' })),
    ).toBe('geen-toegang');
  });
});

describe('policy', () => {
  it('refuses every use case to other roles', async () => {
    for (const rol of ['klantmanager', 'teamleider', 'netwerkmakelaar', 'privacy-officer'] as const) {
      const actor = { ...beheerAB, rol };
      const pogingen: Array<Promise<unknown>> = [
        service.listGemeenten(actor),
        service.createGemeente(actor, { naam: 'X', code: 'GM9990' }),
        service.updateGemeente(actor, aardam, { naam: 'X', code: 'GM9901' }),
        service.listTeams(actor),
        service.createTeam(actor, { naam: 'X', gemeenteIds: [aardam] }),
        service.listGebruikers(actor),
        service.createGebruiker(actor, {
          naam: 'X',
          email: 'x@x.nl',
          rol: 'privacy-officer',
          gemeenteIds: [aardam],
        }),
        service.updateGebruiker(actor, beheerA.gebruikerId, {
          naam: 'X',
          email: 'x@x.nl',
          rol: 'privacy-officer',
          gemeenteIds: [aardam],
        }),
        service.zetActief(actor, beheerA.gebruikerId, false),
        service.keuzes(actor),
      ];
      for (const p of pogingen) expect(await foutcode(p)).toBe('geen-toegang');
    }
  });
});

describe('row-level security underneath the code checks', () => {
  it('refuses to link a user or team to another municipality even when the service is bypassed', async () => {
    const g = await insertGebruiker(db.app, { dienstId, rol: 'netwerkmakelaar', gemeenten: [aardam] });
    const t = await insertTeam(db.app, { dienstId, gemeenten: [aardam] });
    await expect(
      withContext(db.app, dbContext(beheerA), (tx) =>
        beheerRepository.setGebruikerGemeenten(tx, dienstId, g.gebruikerId, [bergdorp], []),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withContext(db.app, dbContext(beheerA), (tx) =>
        beheerRepository.setTeamGemeenten(tx, dienstId, t.teamId, [bergdorp], []),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('does not return another municipality’s links to a direct query', async () => {
    const g = await insertGebruiker(db.app, {
      dienstId,
      rol: 'netwerkmakelaar',
      gemeenten: [aardam, bergdorp],
    });
    const t = await insertTeam(db.app, { dienstId, gemeenten: [aardam, bergdorp] });
    const [rij] = await withContext(db.app, dbContext(beheerA), (tx) =>
      beheerRepository.listGebruikers(tx, dienstId, g.gebruikerId),
    );
    expect(rij?.gemeenteIds).toEqual([aardam]);
    const [team] = await withContext(db.app, dbContext(beheerA), (tx) =>
      beheerRepository.listTeams(tx, dienstId, t.teamId),
    );
    expect(team?.gemeenteIds).toEqual([aardam]);
    // Removing "all" links within Bergdorp as beheerder A removes nothing: the rows are invisible.
    await withContext(db.app, dbContext(beheerA), (tx) =>
      beheerRepository.setGebruikerGemeenten(tx, dienstId, g.gebruikerId, [], [aardam, bergdorp]),
    );
    const over = await withContext(db.app, systeemActor('test', dienstId), (tx) =>
      tx
        .selectFrom('gebruikerGemeente')
        .select('gemeenteId')
        .where('gebruikerId', '=', g.gebruikerId)
        .execute(),
    );
    expect(over.map((r) => r.gemeenteId)).toEqual([bergdorp]);
  });
});

describe('access log', () => {
  const regels = (subjectId: string) =>
    withContext(db.app, systeemActor('test', dienstId), (tx) =>
      tx
        .selectFrom('logboek')
        .select(['actie', 'actorId', 'rol', 'subjectType', 'verwerkingsactiviteitId', 'gemeenteId'])
        .where('subjectId', '=', subjectId)
        .orderBy('tijdstip')
        .orderBy('volgnummer')
        .execute(),
    );

  it('records every change in the same transaction, with actor, role and the processing activity', async () => {
    const team = await service.createTeam(beheerA, { naam: 'Team Logboek', gemeenteIds: [aardam] });
    await service.updateTeam(beheerA, team.id, { naam: 'Team Logboek 2', gemeenteIds: [aardam] });
    const { gebruiker } = await service.createGebruiker(beheerA, {
      naam: 'Lotte Logboek',
      email: 'lotte@aardam.nl',
      rol: 'netwerkmakelaar',
      gemeenteIds: [aardam],
    });
    await service.updateGebruiker(beheerA, gebruiker.id, {
      naam: 'Lotte L.',
      email: 'lotte@aardam.nl',
      rol: 'netwerkmakelaar',
      gemeenteIds: [aardam],
    });
    await service.zetActief(beheerA, gebruiker.id, false);
    const gemeente = await service.createGemeente(beheerA, { naam: 'Logdorp', code: 'GM9980' });
    await service.updateGemeente(
      { ...beheerA, gemeenten: [...beheerA.gemeenten, gemeente.id] },
      gemeente.id,
      {
        naam: 'Logdorp-Oost',
        code: 'GM9980',
      },
    );

    const door = {
      actorId: beheerA.gebruikerId,
      rol: 'functioneel-beheerder',
      verwerkingsactiviteitId: 'va-beheer-organisatie',
    };
    expect(await regels(team.id)).toEqual([
      { ...door, actie: 'aanmaken', subjectType: 'team', gemeenteId: null },
      { ...door, actie: 'wijzigen', subjectType: 'team', gemeenteId: null },
    ]);
    expect(await regels(gebruiker.id)).toEqual([
      { ...door, actie: 'aanmaken', subjectType: 'gebruiker', gemeenteId: null },
      { ...door, actie: 'wijzigen', subjectType: 'gebruiker', gemeenteId: null },
      { ...door, actie: 'wijzigen', subjectType: 'gebruiker', gemeenteId: null },
    ]);
    expect(await regels(gemeente.id)).toEqual([
      { ...door, actie: 'aanmaken', subjectType: 'gemeente', gemeenteId: gemeente.id },
      { ...door, actie: 'wijzigen', subjectType: 'gemeente', gemeenteId: gemeente.id },
    ]);
  });

  it('records nothing for a refused change, and the system as actor for the CLI and demo', async () => {
    const voor = await withContext(db.app, systeemActor('test', dienstId), (tx) =>
      tx
        .selectFrom('logboek')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    await invoerfout(service.createTeam(beheerA, { naam: '', gemeenteIds: [aardam] }));
    await foutcode(service.updateGemeente(beheerA, bergdorp, { naam: 'X', code: 'GM9902' }));
    const na = await withContext(db.app, systeemActor('test', dienstId), (tx) =>
      tx
        .selectFrom('logboek')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    expect(Number(na.n)).toBe(Number(voor.n));
    const team = await service.createTeam(systeemActor('cli:test', dienstId), {
      naam: 'Team Systeem',
      gemeenteIds: [aardam],
    });
    expect(await regels(team.id)).toMatchObject([{ actorId: 'systeem', rol: 'systeem', actie: 'aanmaken' }]);
  });
});
