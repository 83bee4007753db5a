import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../auth/index.ts';
import { type KlantenService, vandaag } from '../klanten/index.ts';
import { type NetwerkService, VRAGEN } from '../netwerk/index.ts';
import { WENSELIJK_NAMEN } from './checklist.ts';
import type { UpdateTegenprestatieInput } from './tegenprestaties.schemas.ts';
import type { TegenprestatiesService } from './tegenprestaties.service.ts';

/**
 * Demo designs in every state of part 1, for the first clients (by klantnummer) of each demo klantmanager's
 * caseload — the clients the gesprekken demo held conversations with, so designs link to them:
 * a verkenning, one from a matching suggestion, a half-filled ontwerp, a complete design in toetsing (holding a
 * place), a host-less maatwerk design (shopping for a neighbour) in toetsing, a client who is not convinced with
 * the team lead's advice asked, and — only where the ordinance imposes (Aardam; never Bergdorp, which only offers) —
 * an intention to impose a design the client does not want, with the client's view recorded, waiting for the team
 * lead's approval (issue 15). Deterministic; dates relative to the day of loading.
 * Idempotent: a client who already has a design is skipped.
 */

const dagenVerder = (datum: string, dagen: number): string => {
  const d = new Date(`${datum}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + dagen);
  return d.toISOString().slice(0, 10);
};

type Soort =
  | 'verkenning'
  | 'suggestie'
  | 'ontwerp'
  | 'toetsing'
  | 'zonder-host'
  | 'niet-overtuigd'
  | 'opleggen';
const VOLGORDE: readonly Soort[] = [
  'toetsing',
  'verkenning',
  'niet-overtuigd',
  'ontwerp',
  'opleggen',
  'zonder-host',
  'suggestie',
];

export async function laadDemoTegenprestaties(
  services: {
    tegenprestaties: TegenprestatiesService;
    klanten: Pick<KlantenService, 'findKlanten' | 'findKlant'>;
    netwerk: Pick<
      NetwerkService,
      'findActiviteiten' | 'findOrganisatie' | 'createMaatwerkActiviteit' | 'createVerdringingstoets'
    >;
    gesprekken: { samenvattingVoorKlant(actor: Actor, klantId: string): Promise<{ id: string } | null> };
  },
  actor: Actor,
  gemeenten: ReadonlyArray<{ id: string; naam: string; klantmanagerId: string | undefined }>,
): Promise<Record<string, number>> {
  const { tegenprestaties, klanten, netwerk } = services;
  const start = dagenVerder(vandaag(), 14);
  const aantallen: Record<string, number> = {};
  for (const g of gemeenten) {
    aantallen[g.naam] = 0;
    if (!g.klantmanagerId) continue;
    const lijst = await klanten.findKlanten(actor, {
      gemeenteId: g.id,
      klantmanagerId: g.klantmanagerId,
      toepasselijkheid: 'van-toepassing',
      sorteer: 'klantnummer',
      paginaGrootte: VOLGORDE.length,
    });
    // A catalogue activity that may be used, with a free place and a host that gives something back.
    const kandidaten = await netwerk.findActiviteiten(actor, {
      gemeenteId: g.id,
      toetsStatus: 'geen-risico',
      vrijePlaatsen: true,
      maatwerk: false,
      status: 'actief',
      paginaGrootte: 20,
    });
    let activiteit: { id: string; aanbod: { categorie: string; omschrijving: string } } | undefined;
    for (const a of kandidaten.items) {
      if (!a.organisatie || a.plaatsenVrij < 2) continue;
      const aanbod = (await netwerk.findOrganisatie(actor, a.organisatie.id)).wederkerigheid[0];
      if (aanbod) {
        activiteit = { id: a.id, aanbod };
        break;
      }
    }
    if (!activiteit) continue;
    for (const [i, k] of lijst.items.entries()) {
      const soort = VOLGORDE[i]!;
      const bestaand = await tegenprestaties.findTegenprestaties(actor, { klantId: k.id, paginaGrootte: 1 });
      if (bestaand.totaal > 0) continue;
      const gesprek = await services.gesprekken.samenvattingVoorKlant(actor, k.id);
      const dossier = await klanten.findKlant(actor, k.id);
      const rest = dossier.toepasselijkheidDetail.resterendeUren ?? 0;
      const uren = Math.min(6, Math.floor(rest));
      let activiteitId = activiteit.id;
      if (soort === 'zonder-host') {
        const m = await netwerk.createMaatwerkActiviteit(actor, {
          organisatieId: null,
          isMaatwerk: true,
          titel: 'Boodschappen doen voor de buren',
          omschrijving:
            'Twee keer per week boodschappen doen voor twee oudere buren die slecht ter been zijn.',
          categorie: 'buurt-en-wijk',
          fysiekeBelasting: 'laag',
          urenMin: 2,
          urenMax: 4,
          gemeenteIds: [g.id],
          plaatsen: 1,
          locatie: 'In de eigen straat',
        });
        await netwerk.createVerdringingstoets(actor, m.id, {
          antwoorden: VRAGEN.map((v) => ({
            vraag: v.id,
            antwoord: v.alleenCommercieel ? 'niet-van-toepassing' : v.risicoBij === 'ja' ? 'nee' : 'ja',
            toelichting:
              'Burenhulp in de eigen straat: dit werk gebeurt anders niet en niemand doet het betaald.',
          })),
          conclusie: 'geen-risico',
          motivering: 'Hulp in de eigen buurt die anders niet gebeurt; geen betaald werk.',
        });
        activiteitId = m.id;
      }
      const { id } = await tegenprestaties.startVerkenning(actor, {
        klantId: k.id,
        ...(gesprek ? { gesprekId: gesprek.id } : {}),
        ...(soort === 'suggestie'
          ? {
              activiteitId,
              suggestie: {
                bron: 'ranking' as const,
                score: 0.78,
                redenen: [
                  'in eigen wijk, 1,2 km',
                  'past bij wens: buiten werken',
                  'maatschappelijke instelling',
                ],
              },
            }
          : {}),
      });
      aantallen[g.naam]! += 1;
      if (soort === 'verkenning' || soort === 'suggestie' || uren < 1) continue;
      const zonderHost = soort === 'zonder-host';
      const ontwerp: UpdateTegenprestatieInput = {
        activiteitId,
        urenPerWeek: zonderHost ? 2 : uren,
        dagdelen: ['di-ochtend', 'do-ochtend'],
        startdatum: start,
        ...(soort === 'ontwerp'
          ? {}
          : {
              einddatum: dagenVerder(start, 182),
              evaluatiedata: [dagenVerder(start, 91)],
              vervolg: 're-integratie' as const,
              maatwerk: {
                leeftijd: 'Leeftijd speelt geen rol bij deze activiteit.',
                opleiding: 'Geen opleiding nodig; er is uitleg ter plekke.',
                werkervaring: 'Sluit aan bij eerdere ervaring en bouwt nieuwe op.',
                omstandigheden: 'Dagdelen passen bij de zorgtaken en de reistijd is kort.',
              },
              wederkerigheid: zonderHost
                ? { categorie: null, omschrijving: null }
                : {
                    categorie: activiteit.aanbod.categorie as 'begeleiding',
                    omschrijving: `Bij deze plaatsing: ${activiteit.aanbod.omschrijving}`,
                  },
              overtuigd: {
                klantmanager: { oordeel: 'ja' as const, motivering: 'Past bij wat de klant kan en wil.' },
                klant:
                  soort === 'niet-overtuigd' || soort === 'opleggen'
                    ? {
                        oordeel: 'nee' as const,
                        motivering: 'Ik zie het nut er niet van en wil mijn tijd zelf indelen.',
                      }
                    : { oordeel: 'ja' as const, motivering: 'Ik wil graag weer onder de mensen zijn.' },
                organisatie: zonderHost
                  ? { oordeel: null, motivering: null }
                  : { oordeel: 'ja' as const, motivering: 'We kunnen extra hulp goed gebruiken.' },
              },
            }),
      };
      await tegenprestaties.updateTegenprestatie(actor, id, ontwerp);
      await tegenprestaties.wijzigStatus(actor, id, { naar: 'ontwerp' });
      if (soort === 'ontwerp') continue;
      // Warnings get a reason, as a caseworker would write it.
      const { checklist } = await tegenprestaties.bekijkOntwerp(actor, id);
      if (checklist.openWaarschuwingen.length > 0)
        await tegenprestaties.updateTegenprestatie(actor, id, {
          afwijkingen: Object.fromEntries(
            checklist.openWaarschuwingen.map((w) => [
              w,
              `${WENSELIJK_NAMEN[w]}: volgt in het volgende gesprek; de klant wil graag beginnen.`,
            ]),
          ),
        });
      try {
        if (soort === 'niet-overtuigd')
          await tegenprestaties.vraagAdvies(actor, id, {
            vraag: 'De klant is niet overtuigd. Zal ik een andere activiteit aanbieden of is dit al op maat?',
          });
        else if (soort === 'opleggen') {
          // Offering-only municipalities (Bergdorp) never get this path: the design stays a client not convinced.
          if (!(await tegenprestaties.bekijkOntwerp(actor, id)).gemeenteLegtOp) continue;
          await tegenprestaties.legVoornemenVast(actor, id, {
            redenen: [
              {
                tekst: 'Ik zie het nut er niet van en wil mijn tijd zelf indelen.',
                categorie: 'anders',
                maaktOngeschikt: false,
                beoordeling:
                  'De dagdelen laten genoeg tijd vrij en passen bij de zorgtaken; de activiteit sluit aan bij wat de klant kan. Geen reden die het ontwerp ongeschikt maakt.',
              },
            ],
            alternatief: {
              soort: 'alternatief-aangeboden',
              toelichting:
                'Twee andere activiteiten aangeboden (buurthuis, voedselbank); de klant wil geen van beide.',
            },
          });
          await tegenprestaties.legZienswijzeVast(actor, id, {
            soort: 'zienswijze',
            vorm: 'telefonisch',
            datum: vandaag(),
            inhoud: 'De klant herhaalt dat hij zijn tijd zelf wil indelen en noemt geen nieuwe redenen.',
            beantwoording:
              'De tegenprestatie vraagt twee dagdelen per week die bij uw zorgtaken passen; de rest van de week deelt u zelf in. Daarom houden wij het ontwerp aan.',
          });
        } else await tegenprestaties.wijzigStatus(actor, id, { naar: 'toetsing' });
      } catch (e) {
        // A client whose file does not fit (e.g. too few hours left) stays in ontwerp; the demo must still load.
        if (!(e instanceof AppError)) throw e;
      }
    }
  }
  return aantallen;
}
