import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { insertGebruiker, insertTeam } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { insertKlant } from '../../../test/factories/klanten.ts';
import { insertOrganisatie } from '../../../test/factories/netwerk.ts';
import { withContext } from '../../db/context.ts';
import { type Actor, systeemActor } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { createGemeentenService } from '../gemeenten/index.ts';
import { createKlantenService, medewerkersUitBeheer } from '../klanten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { createNetwerkService } from '../netwerk/index.ts';
import { createGesprekkenService, laadDemoGesprekken } from './index.ts';

/** The demo conversations on a small data set: parts filled and missing, the kinds of own proposal, idempotent. */

let db: TestDatabase;
let actor: Actor;
let laad: () => Promise<Record<string, number>>;
let dienstId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const ga = await insertGemeente(db.app, { naam: 'Aardam' });
  dienstId = ga.dienstId;
  const B = (await insertGemeente(db.app, { dienstId, naam: 'Bergdorp' })).gemeenteId;
  actor = systeemActor('test:demo', dienstId);
  await createLogboekService(db.app).ensureStandaardRegister(actor, dienstId);
  const team = (await insertTeam(db.app, { dienstId, gemeenten: [ga.gemeenteId] })).teamId;
  const teamB = (await insertTeam(db.app, { dienstId, gemeenten: [B] })).teamId;
  const km = await insertGebruiker(db.app, { dienstId, gemeenten: [ga.gemeenteId], teams: [team] });
  const kmB = await insertGebruiker(db.app, { dienstId, gemeenten: [B], teams: [teamB] });
  for (let i = 0; i < 10; i++) {
    await insertKlant(db.app, {
      dienstId,
      gemeenteId: ga.gemeenteId,
      klantmanagerId: km.gebruikerId,
      klantnummer: `A-${i}`,
    });
    await insertKlant(db.app, {
      dienstId,
      gemeenteId: B,
      klantmanagerId: kmB.gebruikerId,
      klantnummer: `B-${i}`,
    });
  }
  await insertOrganisatie(db.app, { dienstId, gemeenten: [ga.gemeenteId, B], naam: 'Buurthuis De Linde' });
  const gemeenten = createGemeentenService(db.app);
  const netwerk = createNetwerkService({ db: db.app, gemeenten });
  const klanten = createKlantenService({
    db: db.app,
    bsnSleutels: undefined,
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(db.app, { gemeenten }), 0),
    netwerk,
  });
  const gesprekken = createGesprekkenService({ db: db.app, klanten, netwerk });
  laad = () =>
    laadDemoGesprekken({ gesprekken, klanten, netwerk }, actor, [
      { id: ga.gemeenteId, naam: 'Aardam', klantmanagerId: km.gebruikerId },
      { id: B, naam: 'Bergdorp', klantmanagerId: kmB.gebruikerId },
    ]);
});

describe('demo conversations', () => {
  it('loads conversations with all and with missing parts and each kind of own proposal; a second load adds nothing', async () => {
    const eerste = await laad();
    expect(eerste.Aardam).toBeGreaterThanOrEqual(10);
    expect(eerste.Bergdorp).toBeGreaterThanOrEqual(10);
    expect(await laad()).toEqual({ Aardam: 0, Bergdorp: 0 });

    const { gesprekken, voorstellen } = await withContext(
      db.app,
      { kind: 'systeem', reden: 'test', dienstId },
      async (tx) => ({
        gesprekken: await tx
          .selectFrom('gesprek')
          .select(['wensen', 'eigenVoorstel', 'socialeOmgeving', 'krachtEnBekwaamheid'])
          .execute(),
        voorstellen: await tx
          .selectFrom('eigenVoorstel')
          .select(['soort', 'maatschappelijkNut', 'activiteitId', 'nieuweOrganisatieNaam'])
          .execute(),
      }),
    );
    const alleVier = gesprekken.filter(
      (g) => g.wensen && g.eigenVoorstel && g.socialeOmgeving && g.krachtEnBekwaamheid,
    );
    expect(alleVier.length).toBeGreaterThan(0);
    expect(gesprekken.length - alleVier.length).toBeGreaterThan(0);
    const soorten = new Set(voorstellen.map((v) => v.soort));
    expect(soorten).toEqual(new Set(['zonder-organisatie', 'nieuwe-organisatie', 'bestaande-organisatie']));
    expect(voorstellen.filter((v) => v.nieuweOrganisatieNaam !== null)).toHaveLength(1);
    expect(voorstellen.some((v) => !v.maatschappelijkNut && v.activiteitId === null)).toBe(true);
    expect(voorstellen.filter((v) => v.maatschappelijkNut).every((v) => v.activiteitId !== null)).toBe(true);
  });
});
