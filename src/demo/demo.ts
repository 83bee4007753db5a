import type { Rol } from '../db/context.ts';
import type { Database } from '../db/database.ts';
import { type Actor, hashWachtwoord } from '../modules/auth/index.ts';
import { type BeheerService, createBeheerService } from '../modules/beheer/index.ts';
import { createGemeentenService, type GemeentenService } from '../modules/gemeenten/index.ts';
import {
  createGesprekkenService,
  type GesprekkenService,
  laadDemoGesprekken,
} from '../modules/gesprekken/index.ts';
import {
  type BsnSleutels,
  createBetrokkenenService,
  createKlantenService,
  type KlantenService,
  medewerkersUitBeheer,
} from '../modules/klanten/index.ts';
import { createLogboekService, type LogboekService } from '../modules/logboek/index.ts';
import { createNetwerkService, type NetwerkService } from '../modules/netwerk/index.ts';
import {
  createDwangService,
  createMaatregelService,
  createNazorgService,
  type DwangService,
  laadDemoMaatregelen,
  laadDemoMaatregelverordeningen,
  type MaatregelService,
  type NazorgService,
} from '../modules/dwang/index.ts';
import {
  createOvereenkomstenService,
  laadDemoOvereenkomsten,
  type OvereenkomstenService,
} from '../modules/overeenkomsten/index.ts';
import {
  createTegenprestatiesService,
  laadDemoTegenprestaties,
  type TegenprestatiesService,
} from '../modules/tegenprestaties/index.ts';
import {
  createUitvoeringService,
  laadDemoUitvoering,
  type UitvoeringService,
} from '../modules/uitvoering/index.ts';
import {
  createVerordeningService,
  laadDemoVerordeningen,
  type VerordeningService,
} from '../modules/verordening/index.ts';
import { createSignalenService } from '../modules/signalen/index.ts';
import { laadDemoKlanten } from './demo-klanten.ts';
import { laadDemoNetwerk } from './netwerk.ts';

export const DEMO_DIENST = 'Sociale Dienst De Kempen (demo)';

/**
 * The demo municipalities: fictional names, real 4-digit postcodes (so distances work), grouped into wijken.
 * Codes GM99xx are not used by any real municipality.
 */
export const DEMO_GEMEENTEN = [
  {
    naam: 'Aardam',
    code: 'GM9901',
    wijken: [
      { naam: 'Centrum', postcodes: ['5611', '5612', '5613'] },
      { naam: 'Stratum', postcodes: ['5614', '5615', '5616'] },
      { naam: 'Woensel-Zuid', postcodes: ['5621', '5622', '5623'] },
      { naam: 'Woensel-Noord', postcodes: ['5624', '5625', '5626', '5627', '5628'] },
      { naam: 'Tongelre', postcodes: ['5631', '5632'] },
    ],
  },
  {
    naam: 'Bergdorp',
    code: 'GM9902',
    wijken: [
      { naam: 'Dorp', postcodes: ['5501', '5502', '5503'] },
      { naam: 'Zeelst', postcodes: ['5504', '5505', '5506'] },
      { naam: 'Meerveldhoven', postcodes: ['5507', '5508', '5509'] },
      { naam: 'Waalre-Dorp', postcodes: ['5581', '5582', '5583'] },
    ],
  },
] as const;

/** The password of every demo account (documented in the README; demo mode only exempts them from TOTP). */
export const DEMO_WACHTWOORD = 'Wederkerig-demo-2026';

/** The teams of the demo service and the municipality each serves. */
export const DEMO_TEAMS = [
  { naam: 'Team Aardam', gemeenten: ['Aardam'] },
  { naam: 'Team Bergdorp', gemeenten: ['Bergdorp'] },
] as const;

/** The demo accounts: one per role (two klantmanagers), with fictional Dutch names. */
export const DEMO_ACCOUNTS: ReadonlyArray<{
  email: string;
  naam: string;
  rol: Rol;
  teams: readonly string[];
  gemeenten: readonly string[];
}> = [
  {
    email: 'klantmanager.aardam@demo.wederkerig.nl',
    naam: 'Sanne de Vries',
    rol: 'klantmanager',
    teams: ['Team Aardam'],
    gemeenten: ['Aardam'],
  },
  {
    email: 'klantmanager.bergdorp@demo.wederkerig.nl',
    naam: 'Mohamed El Idrissi',
    rol: 'klantmanager',
    teams: ['Team Bergdorp'],
    gemeenten: ['Bergdorp'],
  },
  {
    email: 'teamleider@demo.wederkerig.nl',
    naam: 'Anouk Jansen',
    rol: 'teamleider',
    teams: ['Team Aardam', 'Team Bergdorp'],
    gemeenten: ['Aardam', 'Bergdorp'],
  },
  {
    email: 'netwerk@demo.wederkerig.nl',
    naam: 'Bram Hendriks',
    rol: 'netwerkmakelaar',
    teams: [],
    gemeenten: ['Aardam', 'Bergdorp'],
  },
  {
    email: 'beheer@demo.wederkerig.nl',
    naam: 'Femke Bakker',
    rol: 'functioneel-beheerder',
    teams: [],
    gemeenten: ['Aardam', 'Bergdorp'],
  },
  {
    email: 'privacy@demo.wederkerig.nl',
    naam: 'Ruud van Dijk',
    rol: 'privacy-officer',
    teams: [],
    gemeenten: ['Aardam', 'Bergdorp'],
  },
];

export interface DemoServices {
  gemeenten: GemeentenService;
  beheer: BeheerService;
  logboek: LogboekService;
  klanten: KlantenService;
  netwerk: NetwerkService;
  gesprekken: GesprekkenService;
  tegenprestaties: TegenprestatiesService;
  verordening: VerordeningService;
  overeenkomsten: OvereenkomstenService;
  uitvoering: UitvoeringService;
  /** The compulsory frame (issue 15): the measures ordinance, the measure path and what follows it. */
  dwang: DwangService;
  maatregelen: MaatregelService;
  nazorg: NazorgService;
  /** Demo clients get a (fictional) BSN only when the app's BSN keys are known. */
  metBsn: boolean;
}

/** The services the demo loader uses, over the application role's pool. */
export function createDemoServices(db: Database, opts: { bsnSleutels?: BsnSleutels } = {}): DemoServices {
  const gemeenten = createGemeentenService(db);
  const beheer = createBeheerService(db, { gemeenten });
  const klanten = createKlantenService({
    db,
    bsnSleutels: opts.bsnSleutels,
    gemeenten,
    medewerkers: medewerkersUitBeheer(beheer),
    // Called per read, after `verordening` below exists.
    instrumentNaam: (gemeenteId, datum, tx) => verordening.huidigeNaam(gemeenteId, datum, tx),
  });
  const netwerk = createNetwerkService({ db, gemeenten });
  const gesprekken = createGesprekkenService({ db, klanten, netwerk });
  // The guard is the ordinance's answer (called per use, after `verordening` below exists): Bergdorp only offers.
  const opleggenToegestaan = (gemeenteId: string, datum: string) =>
    verordening.geenMedewerkingToegestaan(gemeenteId, datum);
  const tegenprestaties = createTegenprestatiesService({
    db,
    klanten,
    netwerk,
    gesprekken,
    opleggenToegestaan,
  });
  const verordening = createVerordeningService({ db, gemeenten, klanten });
  // Only `meld` is used here (the "decide again" and pattern signals); the daily rules run in the app's job.
  const signalen = createSignalenService({
    db,
    bronnen: async () => ({ tegenprestaties: [], ontheffingen: [], intervisies: [], teamleiders: {} }),
    publicUrl: '',
  });
  const overeenkomsten = createOvereenkomstenService({
    db,
    tegenprestaties,
    klanten,
    netwerk,
    verordening,
    signalen,
    evaluaties: (actor, id) => uitvoering.evaluatiesVan(actor, id),
  });
  const uitvoering = createUitvoeringService({
    db,
    tegenprestaties: createTegenprestatiesService({
      db,
      klanten,
      netwerk,
      gesprekken,
      opleggenToegestaan,
    }),
    klanten,
    afspraakVoorStart: (actor, id) => overeenkomsten.afspraakVoorStart(actor, id),
    bereidIntrekkingVoor: (actor, id, input, reden) =>
      overeenkomsten.bereidIntrekkingVoor(actor, id, input, reden),
  });
  const betrokkenen = createBetrokkenenService({ db, klanten });
  const maatregelen = createMaatregelService({
    db,
    overeenkomsten,
    rechtsgrond: async (actor, datum) => (await verordening.rechtsgrondVoor(actor, datum)).artikel,
    geadresseerde: async (actor, klantId, gemeenteId) => {
      const klant = await klanten.findKlant(actor, klantId);
      return {
        gemeente: (await verordening.findGemeente(actor, gemeenteId)).naam,
        naam: klant.naam,
        klantnummer: klant.klantnummer,
        adres: null,
      };
    },
    ontvangers: (actor, klantId, datum) => betrokkenen.ontvangersOp(actor, klantId, datum),
  });
  const nazorg = createNazorgService({ db, overeenkomsten, klantnummer: async () => null });
  return {
    maatregelen,
    nazorg,
    gemeenten,
    beheer,
    logboek: createLogboekService(db),
    klanten,
    netwerk,
    gesprekken,
    tegenprestaties,
    verordening,
    overeenkomsten,
    dwang: createDwangService({ db, overeenkomsten, signalen }),
    uitvoering,
    metBsn: opts.bsnSleutels !== undefined,
  };
}

export interface DemoResult {
  dienstId: string;
  /** Municipality ids by name. */
  gemeenten: Record<string, string>;
  /** Team ids by name. */
  teams: Record<string, string>;
  /** User ids by e-mail address. */
  gebruikers: Record<string, string>;
  /** Number of demo clients per municipality name. */
  klanten: Record<string, number>;
  /** Number of demo organisations and activities. */
  netwerk: { organisaties: number; activiteiten: number };
}

/**
 * Loads the demo social service. Idempotent: every step finds what exists before it creates. Later modules add
 * their own demo data here, through their services.
 */
export async function loadDemo(services: DemoServices, actor: Actor): Promise<DemoResult> {
  const dienstId = await services.gemeenten.ensureDienst(actor, DEMO_DIENST);
  // The access log refers to the register of processing activities: it exists before anything is recorded.
  await services.logboek.ensureStandaardRegister(actor, dienstId);
  const gemeenten: Record<string, string> = {};
  for (const g of DEMO_GEMEENTEN) {
    const gemeente = await services.gemeenten.createGemeente(
      actor,
      dienstId,
      { naam: g.naam, code: g.code },
      { idempotent: true },
    );
    gemeenten[g.naam] = gemeente.id;
    for (const w of g.wijken) {
      await services.gemeenten.ensureWijk(actor, dienstId, {
        gemeenteId: gemeente.id,
        naam: w.naam,
        postcodes: [...w.postcodes],
      });
    }
  }
  // Within the demo service from here on (the system context then names it).
  const binnenDienst: Actor = actor.kind === 'systeem' ? { ...actor, dienstId } : actor;
  const teams: Record<string, string> = {};
  for (const t of DEMO_TEAMS) {
    const team = await services.beheer.ensureTeam(binnenDienst, {
      naam: t.naam,
      gemeenteIds: t.gemeenten.map((g) => gemeenten[g]!),
    });
    teams[t.naam] = team.id;
  }
  const wachtwoordHash = await hashWachtwoord(DEMO_WACHTWOORD);
  const gebruikers: Record<string, string> = {};
  for (const a of DEMO_ACCOUNTS) {
    const gebruiker = await services.beheer.ensureGebruiker(binnenDienst, {
      naam: a.naam,
      email: a.email,
      rol: a.rol,
      teamIds: a.teams.map((t) => teams[t]!),
      gemeenteIds: a.gemeenten.map((g) => gemeenten[g]!),
      wachtwoordHash,
      isDemo: true,
    });
    gebruikers[a.email] = gebruiker.id;
  }
  const klanten = await laadDemoKlanten(
    services.klanten,
    binnenDienst,
    DEMO_GEMEENTEN.map((g) => ({
      id: gemeenten[g.naam]!,
      naam: g.naam,
      code: g.code,
      postcodes: g.wijken.flatMap((w) => w.postcodes),
      klantmanagerId: gebruikers[`klantmanager.${g.naam.toLowerCase()}@demo.wederkerig.nl`],
    })),
    { metBsn: services.metBsn },
  );
  const netwerk = await laadDemoNetwerk(
    services.netwerk,
    binnenDienst,
    DEMO_GEMEENTEN.map((g) => ({ naam: g.naam, id: gemeenten[g.naam]!, wijken: g.wijken })),
  );
  // Conversations after clients and network: own proposals become maatwerk activities.
  await laadDemoGesprekken(
    services,
    binnenDienst,
    DEMO_GEMEENTEN.map((g) => ({
      id: gemeenten[g.naam]!,
      naam: g.naam,
      klantmanagerId: gebruikers[`klantmanager.${g.naam.toLowerCase()}@demo.wederkerig.nl`],
    })),
  );
  // Ordinances after the clients: their local exemption grounds come from the klanten demo. Before the designs:
  // whether a municipality imposes (the intention to impose in the demo) is the ordinance's answer.
  await laadDemoVerordeningen(services.verordening, binnenDienst, gemeenten);
  // The measures ordinance (issue 15): Aardam, which imposes; Bergdorp only offers and has none.
  await laadDemoMaatregelverordeningen(services.dwang, binnenDienst, gemeenten);
  // Designs after the conversations: they link to the latest one.
  await laadDemoTegenprestaties(
    services,
    binnenDienst,
    DEMO_GEMEENTEN.map((g) => ({
      id: gemeenten[g.naam]!,
      naam: g.naam,
      klantmanagerId: gebruikers[`klantmanager.${g.naam.toLowerCase()}@demo.wederkerig.nl`],
    })),
  );
  // Agreements after the ordinances: some designs in toetsing become overeengekomen and lopend.
  await laadDemoOvereenkomsten(
    services,
    binnenDienst,
    DEMO_GEMEENTEN.map((g) => ({ id: gemeenten[g.naam]!, naam: g.naam })),
  );
  // Hours, evaluations and an ending for placements that started in the past (the caseworkers' own).
  await laadDemoUitvoering(services, { dienstId, gemeenten, teams, gebruikers, accounts: DEMO_ACCOUNTS });
  // Measures (issue 15): in Aardam one path at each stage, on placements under an imposing decision.
  await laadDemoMaatregelen(services, { dienstId, gemeenten, teams, gebruikers, accounts: DEMO_ACCOUNTS });
  return { dienstId, gemeenten, teams, gebruikers, klanten, netwerk };
}
