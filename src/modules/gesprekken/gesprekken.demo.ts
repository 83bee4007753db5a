import type { Actor } from '../auth/index.ts';
import { type KlantenService, vandaag } from '../klanten/index.ts';
import type { NetwerkService } from '../netwerk/index.ts';
import type { EigenVoorstelInput, GesprekInput } from './gesprekken.schemas.ts';
import type { GesprekkenService } from './gesprekken.service.ts';

/**
 * Demo conversations: for the first clients (by klantnummer) of each demo klantmanager's caseload to whom the
 * tegenprestatie applies, one or two conversations — some with all four parts, some with parts missing — and a few
 * own proposals: without a host (shopping for a neighbour), at a new organisation (proposed to the netwerkmakelaar),
 * at an organisation of the network, and one judged not useful. Deterministic; dates relative to the day of
 * loading. Idempotent: a client who already has a conversation is skipped.
 */

export const DEMO_GESPREKKEN_PER_GEMEENTE = 10;

type Sjabloon = Omit<GesprekInput, 'datum'> & { dagenGeleden: number };

const SJABLONEN: readonly Sjabloon[] = [
  {
    dagenGeleden: 21,
    deelnemers: ['Klant', 'Klantmanager'],
    krachtEnBekwaamheid:
      'Is zorgzaam en geduldig. Heeft jaren voor haar moeder gezorgd. Lang staan gaat moeilijk door rugklachten.',
    wensen: 'Wil graag iets voor oudere mensen doen. Droomt ervan later in de thuiszorg te werken.',
    eigenVoorstel: 'Doet nu al af en toe boodschappen voor de buurvrouw van 84. Zou dat vaker willen doen.',
    socialeOmgeving: 'Kent veel mensen in de straat. Haar zus woont om de hoek.',
    notities: 'Open gesprek, klant was goed voorbereid.',
    afspraken: 'Eigen voorstel vastgelegd. Over vier weken evalueren.',
  },
  {
    dagenGeleden: 14,
    deelnemers: ['Klant', 'Klantmanager'],
    krachtEnBekwaamheid: 'Handig met planten en gereedschap. Werkte vroeger bij een hoveniersbedrijf.',
    wensen: 'Wil graag buiten werken en weer een vast ritme hebben.',
    eigenVoorstel: 'Wil meehelpen in de nieuwe moestuin van de buurtvereniging.',
    socialeOmgeving: 'Zit in de buurtapp; kent de voorzitter van de moestuin.',
    afspraken: 'Klantmanager vraagt de netwerkmakelaar de moestuin te benaderen.',
  },
  {
    dagenGeleden: 30,
    deelnemers: ['Klant', 'Klantmanager', 'Tolk Arabisch'],
    krachtEnBekwaamheid: 'Goed met cijfers en administratie; spreekt Arabisch en een beetje Nederlands.',
    wensen: 'Wil beter Nederlands leren en mensen ontmoeten.',
    socialeOmgeving: 'Weinig contacten buiten de familie.',
    notities: 'Eigen voorstel nog niet besproken; volgende keer op terugkomen.',
    afspraken: 'Volgend gesprek over een eigen voorstel.',
  },
  {
    dagenGeleden: 10,
    deelnemers: ['Klant', 'Klantmanager'],
    krachtEnBekwaamheid: 'Sociaal en vrolijk; kan goed met kinderen omgaan.',
    wensen: 'Wil iets in het buurthuis doen.',
    eigenVoorstel: 'Helpen bij de koffieochtend in het buurthuis.',
    socialeOmgeving: 'Komt al wekelijks in het buurthuis.',
    afspraken: 'Voorstel bij de organisatie neerleggen.',
  },
  {
    dagenGeleden: 7,
    deelnemers: ['Klant', 'Klantmanager'],
    wensen: 'Weet het nog niet goed. Wil in elk geval niet in een fabriek werken.',
    notities: 'Kort gesprek; klant had weinig tijd.',
    afspraken: 'Nieuw gesprek over twee weken.',
  },
  {
    dagenGeleden: 18,
    deelnemers: ['Klant', 'Klantmanager'],
    krachtEnBekwaamheid: 'Technisch; repareert fietsen voor vrienden.',
    wensen: 'Zou graag een eigen fietsenwerkplaats hebben.',
    eigenVoorstel: 'Meehelpen in de fietsenwinkel van zijn neef.',
    socialeOmgeving: 'Grote familie in de buurt.',
    afspraken: 'Voorstel besproken; zoeken naar een fietsenwerkplaats zonder winstoogmerk.',
  },
  {
    dagenGeleden: 25,
    deelnemers: ['Klant', 'Klantmanager'],
    krachtEnBekwaamheid: 'Trouw en punctueel. Kan niet lang achter elkaar werken.',
    wensen: 'Wil graag met dieren werken.',
    eigenVoorstel: 'Elke ochtend de hond uitlaten van de oudere buurman die slecht ter been is.',
    socialeOmgeving: 'Goed contact met de buren.',
    afspraken: 'Eigen voorstel vastgelegd.',
  },
  {
    dagenGeleden: 40,
    deelnemers: ['Klant', 'Klantmanager'],
    krachtEnBekwaamheid: 'Creatief; maakt kleding.',
    socialeOmgeving: 'Lid van een naaiclub.',
    afspraken: 'Wensen en eigen voorstel in het volgende gesprek.',
  },
];

/** Own proposals by template index (and municipality position: 0 the first, 1 the second demo municipality). */
function voorstelVoor(
  sjabloon: number,
  gemeente: number,
  klant: number,
  netwerkOrganisatieId: string | undefined,
): EigenVoorstelInput | undefined {
  if (sjabloon === 0)
    return {
      titel: 'Boodschappen doen voor de buurvrouw',
      omschrijving:
        'Twee keer per week boodschappen doen voor de buurvrouw van 84, die niet meer zelf kan lopen.',
      soort: 'zonder-organisatie',
      maatschappelijkNut: true,
      nutMotivering:
        'Helpt een oudere buurvrouw langer zelfstandig te wonen. Onbetaald en geen werk dat anders betaald zou worden.',
      categorie: 'buurt-en-wijk',
      fysiekeBelasting: 'laag',
      urenPerWeek: 3,
      locatie: 'In de eigen straat',
    };
  if (sjabloon === 1 && gemeente === 0 && klant === 1)
    return {
      titel: 'Meehelpen in de buurtmoestuin',
      omschrijving:
        'Zaaien, wieden en oogsten in de moestuin van de buurtvereniging; de oogst gaat naar de voedselbank.',
      soort: 'nieuwe-organisatie',
      nieuweOrganisatie: { naam: 'Buurtmoestuin De Groene Hoek', type: 'vereniging', plaats: 'Aardam' },
      maatschappelijkNut: true,
      nutMotivering: 'De oogst gaat naar de voedselbank en de tuin is een ontmoetingsplek voor de wijk.',
      categorie: 'natuur-en-dieren',
      fysiekeBelasting: 'midden',
      urenPerWeek: 6,
    };
  if (sjabloon === 3 && netwerkOrganisatieId)
    return {
      titel: 'Helpen bij de koffieochtend',
      omschrijving: 'Koffie en thee schenken en bezoekers ontvangen tijdens de koffieochtend.',
      soort: 'bestaande-organisatie',
      organisatieId: netwerkOrganisatieId,
      maatschappelijkNut: true,
      nutMotivering:
        'De koffieochtend gaat eenzaamheid in de wijk tegen; het is aanvullend op de vaste vrijwilligers.',
      categorie: 'buurt-en-wijk',
      fysiekeBelasting: 'laag',
      urenPerWeek: 4,
    };
  if (sjabloon === 5)
    return {
      titel: 'Meehelpen in de fietsenwinkel van een neef',
      omschrijving: 'Fietsen repareren in de winkel van zijn neef.',
      soort: 'zonder-organisatie',
      maatschappelijkNut: false,
      nutMotivering:
        'Dit is werk in een commerciële winkel dat normaal betaald wordt; het zou betaald werk verdringen.',
    };
  if (sjabloon === 6)
    return {
      titel: 'De hond van de buurman uitlaten',
      omschrijving: 'Elke ochtend een half uur de hond uitlaten van de oudere buurman.',
      soort: 'zonder-organisatie',
      maatschappelijkNut: true,
      nutMotivering: 'De buurman kan zijn hond houden en blijft zelfstandig; het is hulp in de eigen buurt.',
      categorie: 'natuur-en-dieren',
      fysiekeBelasting: 'laag',
      urenPerWeek: 3.5,
    };
  return undefined;
}

const dagenTerug = (datum: string, dagen: number): string => {
  const d = new Date(`${datum}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - dagen);
  return d.toISOString().slice(0, 10);
};

/** Loads the demo conversations; returns the number of conversations created per municipality name. */
export async function laadDemoGesprekken(
  services: {
    gesprekken: GesprekkenService;
    klanten: Pick<KlantenService, 'findKlanten'>;
    netwerk: Pick<NetwerkService, 'findOrganisaties'>;
  },
  actor: Actor,
  gemeenten: ReadonlyArray<{ id: string; naam: string; klantmanagerId: string | undefined }>,
): Promise<Record<string, number>> {
  const vandaagIso = vandaag();
  const aantallen: Record<string, number> = {};
  for (const [gi, g] of gemeenten.entries()) {
    aantallen[g.naam] = 0;
    if (!g.klantmanagerId) continue;
    const klanten = await services.klanten.findKlanten(actor, {
      gemeenteId: g.id,
      klantmanagerId: g.klantmanagerId,
      toepasselijkheid: 'van-toepassing',
      sorteer: 'klantnummer',
      paginaGrootte: DEMO_GESPREKKEN_PER_GEMEENTE,
    });
    const organisaties = await services.netwerk.findOrganisaties(actor, {
      gemeenteId: g.id,
      status: 'actief',
      paginaGrootte: 1,
    });
    const organisatieId = organisaties.items[0]?.id;
    for (const [ki, klant] of klanten.items.entries()) {
      const bestaand = await services.gesprekken.gesprekkenVanKlant(actor, klant.id);
      if (bestaand.gesprekken.length > 0) continue;
      const nr = (ki + gi * 3) % SJABLONEN.length;
      const { dagenGeleden, ...sjabloon } = SJABLONEN[nr]!;
      // Every third client had an earlier, short first conversation.
      if (ki % 3 === 2) {
        await services.gesprekken.createGesprek(actor, klant.id, {
          datum: dagenTerug(vandaagIso, dagenGeleden + 35),
          deelnemers: ['Klant', 'Klantmanager'],
          krachtEnBekwaamheid: 'Kennismaking; kracht nog niet besproken.',
          afspraken: 'Vervolggesprek over wensen en een eigen voorstel.',
        });
        aantallen[g.naam]! += 1;
      }
      const gesprek = await services.gesprekken.createGesprek(actor, klant.id, {
        ...sjabloon,
        datum: dagenTerug(vandaagIso, dagenGeleden),
      });
      aantallen[g.naam]! += 1;
      const voorstel = voorstelVoor(nr, gi, ki, organisatieId);
      if (voorstel) await services.gesprekken.createEigenVoorstel(actor, gesprek.id, voorstel);
    }
  }
  return aantallen;
}
