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
import {
  createTegenprestatiesService,
  type TegenprestatiesService,
} from '../../src/modules/tegenprestaties/index.ts';
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
  const tegenprestaties = createTegenprestatiesService({ db, klanten, netwerk });
  return { gemeenten, netwerk, klanten, tegenprestaties };
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
    startdatum: opts.startdatum ?? '2026-09-07',
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
  if (tot !== 'toetsing') await service.voerDeel2OvergangUit(km, id, { naar: 'overeengekomen' });
  if (tot === 'lopend') await service.voerDeel2OvergangUit(km, id, { naar: 'lopend' });
  return { id, klantId, activiteitId };
}
