import { beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  TEST_BSN_ENCRYPTION_KEYS,
  TEST_BSN_HASH_KEY,
  type TestApp,
} from '../../../test/app.ts';
import { ingelogdAls } from '../../../test/browser.ts';
import { actorVan } from '../../../test/factories/actoren.ts';
import { insertGebruiker, insertTeam, type TestGebruiker } from '../../../test/factories/gebruikers.ts';
import { insertGemeente } from '../../../test/factories/gemeenten.ts';
import { maakKlant } from '../../../test/factories/klanten.ts';
import { insertOrganisatie } from '../../../test/factories/netwerk.ts';
import { withContext } from '../../db/context.ts';
import { AppError } from '../../http/app-error.ts';
import { dbContext, type Gebruiker, systeemActor } from '../auth/index.ts';
import { createBeheerService } from '../beheer/index.ts';
import { createGemeentenService } from '../gemeenten/index.ts';
import { createLogboekService } from '../logboek/index.ts';
import { parseBsnSleutels } from './bsn.ts';
import { createKlantenService, type KlantenService, KlantInvoerfout, medewerkersUitBeheer } from './index.ts';

/** A client's own network linked to organisations of the network: service, access log and pages. */

let t: TestApp;
let service: KlantenService;
let dienstId: string;
let A: string;
let B: string;
let km: TestGebruiker;
let kmActor: Gebruiker;
let kmB: Gebruiker;
let nm: TestGebruiker;
let nmActor: Gebruiker;
let klantA: string;
let buurthuis: { id: string; naam: string };
let sportclub: { id: string; naam: string };
let alleenB: { id: string; naam: string };

async function fout(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('verwachtte een fout');
}

const logregels = (subjectId: string) =>
  withContext(t.db.app, systeemActor('test', dienstId), (tx) =>
    tx
      .selectFrom('logboek')
      .select(['actie', 'actorId', 'subjectType'])
      .where('subjectId', '=', subjectId)
      .orderBy('tijdstip')
      .orderBy('volgnummer')
      .execute(),
  );

beforeAll(async () => {
  t = await createTestApp();
  const ga = await insertGemeente(t.db.app, { naam: 'Aardam' });
  dienstId = ga.dienstId;
  A = ga.gemeenteId;
  B = (await insertGemeente(t.db.app, { dienstId, naam: 'Bergdorp' })).gemeenteId;
  await createLogboekService(t.db.app).ensureStandaardRegister(systeemActor('test', dienstId), dienstId);
  const gemeenten = createGemeentenService(t.db.app);
  const teamA = (await insertTeam(t.db.app, { dienstId, gemeenten: [A] })).teamId;
  const teamB = (await insertTeam(t.db.app, { dienstId, gemeenten: [B] })).teamId;
  km = await insertGebruiker(t.db.app, { dienstId, rol: 'klantmanager', gemeenten: [A], teams: [teamA] });
  kmActor = actorVan(km, { gemeenten: [A], teams: [teamA] });
  const kmBRij = await insertGebruiker(t.db.app, {
    dienstId,
    rol: 'klantmanager',
    gemeenten: [B],
    teams: [teamB],
    wachtwoord: null,
  });
  kmB = actorVan(kmBRij, { gemeenten: [B], teams: [teamB] });
  nm = await insertGebruiker(t.db.app, { dienstId, rol: 'netwerkmakelaar', gemeenten: [A] });
  nmActor = actorVan(nm, { gemeenten: [A], teams: [] });
  service = createKlantenService({
    db: t.db.app,
    bsnSleutels: parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY),
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(t.db.app, { gemeenten }), 0),
  });
  klantA = (await service.createKlant(kmActor, maakKlant({ gemeenteId: A }))).id;
  buurthuis = await insertOrganisatie(t.db.app, { dienstId, gemeenten: [A], naam: 'Buurthuis De Linde' });
  sportclub = await insertOrganisatie(t.db.app, { dienstId, gemeenten: [A, B], naam: 'Sportclub Aardam' });
  alleenB = await insertOrganisatie(t.db.app, { dienstId, gemeenten: [B], naam: 'Buurthuis Bergdorp' });
});

describe('own network: organisations of the network', () => {
  it('links and unlinks an organisation, lists it in the file with its name and logs each change', async () => {
    const voor = (await logregels(klantA)).length;
    await service.koppelNetwerkOrganisatie(kmActor, klantA, buurthuis.id, '  Buurvrouw werkt er  ');
    // Linking again replaces the note, no duplicate.
    await service.koppelNetwerkOrganisatie(
      kmActor,
      klantA,
      buurthuis.id,
      'Buurvrouw werkt er als vrijwilliger',
    );
    await service.koppelNetwerkOrganisatie(kmActor, klantA, sportclub.id);
    const dossier = await service.findKlant(kmActor, klantA);
    expect(dossier.netwerkOrganisaties).toEqual([
      expect.objectContaining({
        organisatieId: buurthuis.id,
        naam: 'Buurthuis De Linde',
        toelichting: 'Buurvrouw werkt er als vrijwilliger',
      }),
      expect.objectContaining({ organisatieId: sportclub.id, naam: 'Sportclub Aardam', toelichting: null }),
    ]);
    await service.ontkoppelNetwerkOrganisatie(kmActor, klantA, buurthuis.id);
    expect(
      (await service.findKlant(kmActor, klantA)).netwerkOrganisaties.map((n) => n.organisatieId),
    ).toEqual([sportclub.id]);
    // Removing what is not linked: 404.
    expect((await fout(service.ontkoppelNetwerkOrganisatie(kmActor, klantA, buurthuis.id))).status).toBe(404);

    const regels = (await logregels(klantA)).slice(voor);
    expect(regels.filter((r) => r.actie === 'wijzigen')).toEqual(
      Array.from({ length: 4 }, () => ({
        actie: 'wijzigen',
        actorId: kmActor.gebruikerId,
        subjectType: 'klant',
      })),
    );
  });

  it("refuses another municipality's organisation, an unknown id and a note that is too long", async () => {
    const e = await fout(service.koppelNetwerkOrganisatie(kmActor, klantA, alleenB.id));
    expect(e).toBeInstanceOf(KlantInvoerfout);
    expect((e as KlantInvoerfout).velden.organisatieId).toMatch(/bestaat niet/);
    expect((await fout(service.koppelNetwerkOrganisatie(kmActor, klantA, 'geen-id'))).status).toBe(400);
    expect(
      (await fout(service.koppelNetwerkOrganisatie(kmActor, klantA, buurthuis.id, 'x'.repeat(501)))).status,
    ).toBe(400);
    // A klantmanager of Bergdorp sees the organisation of both, but not the client: 404.
    expect((await fout(service.koppelNetwerkOrganisatie(kmB, klantA, sportclub.id))).status).toBe(404);
    // The netwerkmakelaar may not change client files.
    expect((await fout(service.koppelNetwerkOrganisatie(nmActor, klantA, buurthuis.id))).status).toBe(403);
    expect(
      (await service.findKlant(kmActor, klantA)).netwerkOrganisaties.some(
        (n) => n.organisatieId === alleenB.id,
      ),
    ).toBe(false);
  });

  it('searches organisations visible to the actor by name', async () => {
    const namen = (await service.zoekNetwerkOrganisaties(kmActor, klantA, 'buurthuis')).map((o) => o.naam);
    expect(namen).toContain('Buurthuis De Linde');
    expect(namen).not.toContain('Buurthuis Bergdorp');
    expect(await service.zoekNetwerkOrganisaties(kmActor, klantA, '  ')).toEqual([]);
  });

  it('deletes the links with the client (cascade) and the privacy officer cannot read them', async () => {
    const k = (await service.createKlant(kmActor, maakKlant({ gemeenteId: A }))).id;
    await service.koppelNetwerkOrganisatie(kmActor, k, buurthuis.id);
    const po = await insertGebruiker(t.db.app, { dienstId, rol: 'privacy-officer', gemeenten: [A] });
    const poActor = actorVan(po, { gemeenten: [A], teams: [] });
    const tel = (ctx: Parameters<typeof withContext>[1]) =>
      withContext(t.db.app, ctx, (tx) =>
        tx.selectFrom('klantNetwerkOrganisatie').select('organisatieId').where('klantId', '=', k).execute(),
      );
    expect(await tel(dbContext(poActor))).toEqual([]);
    expect(await tel(dbContext(kmB))).toEqual([]);
    expect(await tel(dbContext(kmActor))).toHaveLength(1);
    await withContext(t.db.app, systeemActor('test', dienstId), (tx) =>
      tx.deleteFrom('klant').where('id', '=', k).execute(),
    );
    expect(await tel({ kind: 'systeem', reden: 'test', dienstId })).toEqual([]);
  });
});

describe('own network on the client page', () => {
  it('searches (GET), links (POST, PRG) and removes an organisation without JavaScript', async () => {
    const b = await ingelogdAls(t.app, km);
    const zoek = await b.get(`/klanten/${klantA}?zoek=linde`);
    expect(zoek.statusCode).toBe(200);
    expect(zoek.body).toContain('Eigen netwerk');
    expect(zoek.body).toContain('Buurthuis De Linde');
    expect(zoek.body).toContain(`value="${buurthuis.id}"`);

    const koppel = await b.post(`/klanten/${klantA}/netwerk-organisaties`, {
      organisatieId: buurthuis.id,
      zoek: 'linde',
    });
    expect(koppel.statusCode).toBe(303);
    expect(koppel.headers.location).toBe(`/klanten/${klantA}?melding=netwerk-gekoppeld#eigen-netwerk`);
    const pagina = await b.get(`/klanten/${klantA}?melding=netwerk-gekoppeld`);
    expect(pagina.body).toContain('Buurthuis De Linde');
    expect(pagina.body).toContain(`/klanten/${klantA}/netwerk-organisaties/${buurthuis.id}/verwijderen`);

    // Another municipality's organisation: the page again with 422, an error summary and the search kept.
    const fout = await b.post(`/klanten/${klantA}/netwerk-organisaties`, {
      organisatieId: alleenB.id,
      zoek: 'linde',
    });
    expect(fout.statusCode).toBe(422);
    expect(fout.body).toContain('werkt niet in de gemeente van de klant');
    expect(fout.body).toMatch(/name="zoek"[^>]*value="linde"|value="linde"[^>]*name="zoek"/);

    const weg = await b.post(`/klanten/${klantA}/netwerk-organisaties/${buurthuis.id}/verwijderen`);
    expect(weg.statusCode).toBe(303);
    expect(weg.headers.location).toBe(`/klanten/${klantA}?melding=netwerk-ontkoppeld#eigen-netwerk`);
    expect(
      (await service.findKlant(kmActor, klantA)).netwerkOrganisaties.some(
        (n) => n.organisatieId === buurthuis.id,
      ),
    ).toBe(false);
  });

  it('refuses the netwerkmakelaar with 403', async () => {
    const b = await ingelogdAls(t.app, nm);
    expect((await b.get(`/klanten/${klantA}?zoek=linde`)).statusCode).toBe(403);
    expect(
      (await b.post(`/klanten/${klantA}/netwerk-organisaties`, { organisatieId: buurthuis.id })).statusCode,
    ).toBe(403);
    expect(
      (await b.post(`/klanten/${klantA}/netwerk-organisaties/${sportclub.id}/verwijderen`)).statusCode,
    ).toBe(403);
    expect(
      (await service.findKlant(kmActor, klantA)).netwerkOrganisaties.map((n) => n.organisatieId),
    ).toEqual([sportclub.id]);
  });
});
