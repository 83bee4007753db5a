import { withContext } from '../../src/db/context.ts';
import type { Database } from '../../src/db/database.ts';
import { type Gebruiker, systeemActor } from '../../src/modules/auth/index.ts';
import { createBeheerService } from '../../src/modules/beheer/index.ts';
import { createGemeentenService } from '../../src/modules/gemeenten/index.ts';
import {
  createKlantenService,
  medewerkersUitBeheer,
  parseBsnSleutels,
} from '../../src/modules/klanten/index.ts';
import { createNetwerkService } from '../../src/modules/netwerk/index.ts';
import { createOvereenkomstenService } from '../../src/modules/overeenkomsten/index.ts';
import {
  createTegenprestatiesService,
  type TegenprestatiesService,
} from '../../src/modules/tegenprestaties/index.ts';
import { createUitvoeringService } from '../../src/modules/uitvoering/index.ts';
import { createVerordeningService } from '../../src/modules/verordening/index.ts';
import { TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY } from '../app.ts';
import { maakKlant } from './klanten.ts';
import { maakActiviteit, maakOrganisatie, maakToets } from './netwerk.ts';

/** The services a running placement is made with (stateless; over the test database). */
export function uitvoeringDiensten(db: Database) {
  const gemeenten = createGemeentenService(db);
  const netwerk = createNetwerkService({ db, gemeenten });
  const klanten = createKlantenService({
    db,
    bsnSleutels: parseBsnSleutels(TEST_BSN_ENCRYPTION_KEYS, TEST_BSN_HASH_KEY),
    gemeenten,
    medewerkers: medewerkersUitBeheer(createBeheerService(db, { gemeenten }), 0),
  });
  const tegenprestaties = createTegenprestatiesService({
    db,
    klanten,
    netwerk,
    // Imposing is not what these tests are about: the guard answers no (fail closed).
    opleggenToegestaan: () => false,
  });
  const verordening = createVerordeningService({ db, gemeenten, klanten });
  const overeenkomsten = createOvereenkomstenService({
    db,
    tegenprestaties,
    klanten,
    netwerk,
    verordening,
    evaluaties: (actor, id) => uitvoering.evaluatiesVan(actor, id),
  });
  const uitvoering = createUitvoeringService({
    db,
    tegenprestaties,
    klanten,
    afspraakVoorStart: (actor, id) => overeenkomsten.afspraakVoorStart(actor, id),
    bereidIntrekkingVoor: (actor, id, input, reden) =>
      overeenkomsten.bereidIntrekkingVoor(actor, id, input, reden),
  });
  return { gemeenten, netwerk, klanten, tegenprestaties, overeenkomsten, uitvoering };
}

export interface LopendeTegenprestatie {
  id: string;
  klantId: string;
  activiteitId: string;
}

/**
 * "A running placement": a client (unless `klantId`), a host with an assessed (geen-risico) activity, a complete
 * design taken through toetsing and — as part 2 would — `overeengekomen` and `lopend` via the tegenprestaties
 * service's `voerDeel2OvergangUit`. `km` is the caseworker (a klantmanager of `gemeenteId`).
 */
export async function insertLopendeTegenprestatie(
  db: Database,
  opts: {
    km: Gebruiker;
    gemeenteId: string;
    klantId?: string;
    startdatum?: string;
    einddatum?: string;
    evaluatiedata?: string[];
    /** Stop at this status instead of `lopend`. */
    tot?: 'toetsing' | 'overeengekomen' | 'lopend';
    tegenprestaties?: TegenprestatiesService;
  },
): Promise<LopendeTegenprestatie> {
  const d = uitvoeringDiensten(db);
  const service = opts.tegenprestaties ?? d.tegenprestaties;
  const { km, gemeenteId } = opts;
  const startdatum = opts.startdatum ?? '2026-09-07';
  const systeem = systeemActor('test:lopende-tegenprestatie', km.dienstId);
  const klantId =
    opts.klantId ??
    (await d.klanten.createKlant(km, maakKlant({ gemeenteId, belastbaarheid: { maxUrenPerWeek: 16 } }))).id;
  const organisatieId = (
    await d.netwerk.createOrganisatie(systeem, maakOrganisatie({ gemeenteIds: [gemeenteId] }))
  ).id;
  const activiteitId = (
    await d.netwerk.createActiviteit(
      systeem,
      maakActiviteit({ gemeenteIds: [gemeenteId], organisatieId, plaatsen: 5 }),
    )
  ).id;
  await d.netwerk.createVerdringingstoets(systeem, activiteitId, maakToets());
  const { id } = await service.startVerkenning(km, { klantId, activiteitId });
  await service.updateTegenprestatie(km, id, {
    activiteitId,
    urenPerWeek: 8,
    dagdelen: ['ma-ochtend', 'wo-ochtend'],
    startdatum,
    einddatum: opts.einddatum ?? '2027-03-05',
    evaluatiedata: opts.evaluatiedata ?? ['2026-12-07'],
    vervolg: 're-integratie',
    maatwerk: {
      leeftijd: '41 jaar; geen beperking door leeftijd.',
      opleiding: 'Mbo 2 logistiek.',
      werkervaring: 'Magazijnwerk, acht jaar.',
      omstandigheden: 'Geen bijzonderheden.',
    },
    wederkerigheid: { categorie: 'begeleiding', omschrijving: 'Een vaste begeleider op elke werkdag.' },
    overtuigd: {
      klantmanager: { oordeel: 'ja', motivering: 'Sluit aan bij de wens om onder de mensen te zijn.' },
      klant: { oordeel: 'ja', motivering: 'Ik wil graag weer iets doen.' },
      organisatie: { oordeel: 'ja', motivering: 'Extra hulp is welkom.' },
    },
    afwijkingen: { gesprek: 'Het gesprek is buiten Wederkerig gevoerd (test).' },
  });
  await service.wijzigStatus(km, id, { naar: 'ontwerp' });
  await service.wijzigStatus(km, id, { naar: 'toetsing' });
  const tot = opts.tot ?? 'lopend';
  if (tot === 'overeengekomen')
    await legOvereenkomstVast(db, { dienstId: km.dienstId, gemeenteId, tegenprestatieId: id, startdatum });
  if (tot !== 'toetsing') await service.voerDeel2OvergangUit(km, id, { naar: 'overeengekomen' });
  if (tot === 'lopend') await service.voerDeel2OvergangUit(km, id, { naar: 'lopend' });
  return { id, klantId, activiteitId };
}

/**
 * Records an accepted agreement for a design as the overeenkomsten module would (a passing check run and its
 * signed agreement for `startdatum`), without the ordinance: what a start — by hand or by the daily job — is judged
 * on. Returns the check run's id.
 */
export async function legOvereenkomstVast(
  db: Database,
  o: { dienstId: string; gemeenteId: string; tegenprestatieId: string; startdatum: string },
): Promise<string> {
  return withContext(db, systeemActor('test:overeenkomst', o.dienstId), async (tx) => {
    const { id } = await tx
      .insertInto('verordeningstoetsing')
      .values({
        dienstId: o.dienstId,
        gemeenteId: o.gemeenteId,
        tegenprestatieId: o.tegenprestatieId,
        versieId: '00000000-0000-4000-8000-000000000000',
        versie: JSON.stringify({ titel: 'Testverordening' }),
        startdatum: o.startdatum,
        uitkomsten: '[]',
        voldoet: true,
        doorNaam: 'Test',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('overeenkomst')
      .values({
        dienstId: o.dienstId,
        gemeenteId: o.gemeenteId,
        toetsingId: id,
        tegenprestatieId: o.tegenprestatieId,
        overeenkomstDatum: o.startdatum < '2026-11-01' ? o.startdatum : '2026-11-01',
        klantGetekendOp: o.startdatum < '2026-11-01' ? o.startdatum : '2026-11-01',
        acceptatieDoorNaam: 'Test',
        acceptatieVastgelegdOp: new Date(),
        startdatum: o.startdatum,
      })
      .execute();
    return id;
  });
}
