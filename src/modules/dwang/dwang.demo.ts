import { AppError } from '../../http/app-error.ts';
import type { Actor, Gebruiker } from '../auth/index.ts';
import { type KlantenService, plusDagen, plusMaanden, vandaag } from '../klanten/index.ts';
import type { NetwerkService } from '../netwerk/index.ts';
import type { OvereenkomstenService } from '../overeenkomsten/index.ts';
import type { TegenprestatiesService } from '../tegenprestaties/index.ts';
import type { UitvoeringService } from '../uitvoering/index.ts';
import type { MaatregelService } from './maatregel.service.ts';
import type { NazorgService } from './nazorg.service.ts';
import type { DwangService } from './dwang.service.ts';
import { DEMO_MAATREGELVERORDENING_AARDAM } from './maatregelen.ts';

/**
 * The demo's measures ordinance: Aardam (which imposes the tegenprestatie) gets its ordinance — category 2, not
 * (enough) doing the imposed tegenprestatie: 30 % for one month, range 5–100 %, a repeat within 12 months steps up.
 * Bergdorp only offers and has none. Idempotent: a municipality that has a version is left alone.
 */
export async function laadDemoMaatregelverordeningen(
  dwang: Pick<DwangService, 'listMaatregelverordeningen' | 'legMaatregelverordeningVast'>,
  actor: Actor,
  gemeenten: Readonly<Record<string, string>>,
): Promise<number> {
  const aardam = gemeenten.Aardam;
  if (!aardam) return 0;
  if ((await dwang.listMaatregelverordeningen(actor, aardam)).length > 0) return 0;
  const { grondslag: _grondslag, ...versie } = DEMO_MAATREGELVERORDENING_AARDAM;
  await dwang.legMaatregelverordeningVast(actor, aardam, { ...versie, grondslag: 'bijstandsnorm' });
  return 1;
}

/** The demo's ids and accounts (as the uitvoering demo gets them). */
export interface DemoMaatregelOpzet {
  dienstId: string;
  gemeenten: Record<string, string>;
  teams: Record<string, string>;
  gebruikers: Record<string, string>;
  accounts: ReadonlyArray<{
    email: string;
    naam: string;
    rol: string;
    teams: readonly string[];
    gemeenten: readonly string[];
  }>;
}

const STADIA_DEMO = ['voornemen', 'gehoord', 'ter-beoordeling', 'besloten', 'afgezien'] as const;

/**
 * Demo (issue 15): in Aardam one measure path at each stage — an intention just sent; one heard with culpability
 * assessed (ready for the final proposal); a proposal waiting for the team lead; a decided measure (caseworker
 * proposed, team lead approved); an afzien (not culpable). Each on its own placement that runs under an imposing
 * decision sent 25 days ago (start 20 days ago), made by Aardam's caseworker as the app would. Idempotent: left alone
 * when Aardam has any measure path.
 */
export async function laadDemoMaatregelen(
  services: {
    tegenprestaties: Pick<
      TegenprestatiesService,
      'startVerkenning' | 'updateTegenprestatie' | 'wijzigStatus' | 'findTegenprestaties'
    >;
    overeenkomsten: Pick<
      OvereenkomstenService,
      'voerToetsingUit' | 'bekijk' | 'eindigVoorGrondslag' | 'neemBesluit' | 'legAcceptatieVast'
    >;
    uitvoering: Pick<UitvoeringService, 'wijzigLevensloop'>;
    klanten: Pick<KlantenService, 'findKlanten'>;
    netwerk: Pick<NetwerkService, 'findActiviteiten' | 'findOrganisatie'>;
    maatregelen: MaatregelService;
    nazorg: Pick<NazorgService, 'teamlijst'>;
  },
  o: DemoMaatregelOpzet,
): Promise<number> {
  const aardam = o.gemeenten.Aardam;
  const kmA = o.accounts.find((a) => a.rol === 'klantmanager' && a.gemeenten.includes('Aardam'));
  const tlA = o.accounts.find((a) => a.rol === 'teamleider' && a.gemeenten.includes('Aardam'));
  if (!aardam || !kmA || !tlA || !o.gebruikers[kmA.email] || !o.gebruikers[tlA.email]) return 0;
  const actor = (a: typeof kmA, rol: 'klantmanager' | 'teamleider'): Gebruiker => ({
    kind: 'gebruiker',
    dienstId: o.dienstId,
    gebruikerId: o.gebruikers[a.email] as string,
    naam: a.naam,
    email: a.email,
    rol,
    gemeenten: a.gemeenten.flatMap((g) => (o.gemeenten[g] ? [o.gemeenten[g]] : [])),
    teams: a.teams.flatMap((t) => (o.teams[t] ? [o.teams[t]] : [])),
    via: 'sessie',
  });
  const km = actor(kmA, 'klantmanager');
  const tl = actor(tlA, 'teamleider');
  if ((await services.nazorg.teamlijst(tl)).some((r) => r.gemeenteId === aardam)) return 0;
  const { tegenprestaties: tp, overeenkomsten: ov, maatregelen: mr } = services;
  const nu = vandaag();
  const d = (n: number) => plusDagen(nu, n);
  const kandidaten = await services.klanten.findKlanten(km, {
    gemeenteId: aardam,
    reikwijdte: 'mijn',
    toepasselijkheid: 'van-toepassing',
    // From the end of the caseload: the first clients carry the other demo stories (a conversation and no design
    // yet, for the guided path from conversation to design).
    sorteer: 'klantnummer',
    richting: 'aflopend',
    paginaGrootte: 40,
  });
  const activiteiten = (
    await services.netwerk.findActiviteiten(km, {
      gemeenteId: aardam,
      toetsStatus: 'geen-risico',
      maatwerk: false,
      status: 'actief',
      vrijePlaatsen: true,
      paginaGrootte: 20,
    })
  ).items.filter((a) => a.organisatie !== null);
  let gemaakt = 0;
  for (const klant of kandidaten.items) {
    const stadium = STADIA_DEMO[gemaakt];
    if (!stadium) break;
    const activiteit = activiteiten[gemaakt % Math.max(1, activiteiten.length)];
    if (!activiteit?.organisatie) break;
    if ((await tp.findTegenprestaties(km, { klantId: klant.id, paginaGrootte: 1 })).totaal > 0) continue;
    const aanbod = (await services.netwerk.findOrganisatie(km, activiteit.organisatie.id)).wederkerigheid[0];
    if (!aanbod) continue;
    let id: string;
    try {
      ({ id } = await tp.startVerkenning(km, { klantId: klant.id, activiteitId: activiteit.id }));
      await tp.updateTegenprestatie(km, id, {
        activiteitId: activiteit.id,
        urenPerWeek: 4,
        dagdelen: ['di-ochtend'],
        startdatum: d(-20),
        einddatum: d(120),
        evaluatiedata: [d(30)],
        vervolg: 're-integratie',
        maatwerk: {
          leeftijd: 'Geen beperking door leeftijd.',
          opleiding: 'Mbo 2.',
          werkervaring: 'Magazijnwerk.',
          omstandigheden: 'Geen belemmeringen bekend.',
        },
        wederkerigheid: { categorie: aanbod.categorie, omschrijving: aanbod.omschrijving },
        overtuigd: {
          klantmanager: { oordeel: 'ja', motivering: 'Past bij wat de klant kan.' },
          klant: { oordeel: 'ja', motivering: 'Ik doe het.' },
          organisatie: { oordeel: 'ja', motivering: 'Welkom.' },
        },
        afwijkingen: { gesprek: 'Het gesprek is gevoerd voordat Wederkerig in gebruik was (demo).' },
      });
      await tp.wijzigStatus(km, id, { naar: 'ontwerp' });
      await tp.wijzigStatus(km, id, { naar: 'toetsing' });
      const toets = await ov.voerToetsingUit(km, id);
      if (!toets.voldoet || toets.versie.vorm !== 'opleggen') continue;
      if ((await ov.bekijk(km, id)).kan.inkorten) await ov.eindigVoorGrondslag(km, id);
      await ov.neemBesluit(km, id, {
        datum: d(-25),
        verzenddatum: d(-25),
        ondertekenaar: 'A. Jansen, teamleider',
      });
      await ov.legAcceptatieVast(km, id, {
        overeenkomstDatum: d(-25),
        klantGetekendOp: d(-24),
        organisatieGetekendOp: d(-24),
      });
      await services.uitvoering.wijzigLevensloop(km, id, { stap: 'starten' });
    } catch (e) {
      // A client or activity the rules refuse: try the next one (the demo must still load).
      if (e instanceof AppError) continue;
      throw e;
    }
    const m = await mr.legVoornemenVast(km, id, {
      gedragDatum: d(-2),
      omschrijving: 'Niet verschenen op de afgesproken dinsdagochtend en niet afgemeld.',
    });
    if (stadium !== 'voornemen') {
      await mr.legHoringVast(km, id, m.id, {
        vorm: 'gesprek',
        datum: nu,
        inhoud: 'De klant zegt dat hij het vergeten was.',
        antwoord: 'Vergeten neemt de verwijtbaarheid niet weg: de afspraak stond in het besluit en de brief.',
      });
      const schuld = stadium !== 'afgezien';
      await mr.legVerwijtbaarheidVast(km, id, m.id, {
        verwijtbaar: schuld,
        verwijtbaarheidMotivering: schuld
          ? 'De klant wist van de afspraak en gaf geen reden.'
          : 'De klant lag die ochtend in het ziekenhuis (verklaring overgelegd).',
        dringendeRedenen: false,
        dringendeRedenenMotivering: 'Geen dringende redenen gebleken.',
      });
      if (stadium === 'afgezien')
        await mr.zieAf(km, id, m.id, {
          grond: 'geen-verwijtbaarheid',
          motivering: 'Elke vorm van verwijtbaarheid ontbreekt: opname in het ziekenhuis.',
        });
      if (stadium === 'ter-beoordeling' || stadium === 'besloten')
        await mr.doeVoorstel(km, id, m.id, {
          percentage: 30,
          maanden: 1,
          ingangsdatum: plusMaanden(`${nu.slice(0, 7)}-01`, 1),
          motivering:
            'Eerste keer binnen de recidivetermijn: 30 % voor één maand, zoals de verordening zegt.',
        });
      if (stadium === 'besloten') await mr.beoordeelVoorstel(tl, id, m.id, { akkoord: true });
    }
    gemaakt++;
  }
  return gemaakt;
}
