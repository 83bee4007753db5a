import type { Gebruiker } from '../auth/index.ts';
import { type KlantenService, vandaag } from '../klanten/index.ts';
import type { NetwerkService } from '../netwerk/index.ts';
import type { TegenprestatiesService } from '../tegenprestaties/index.ts';
import type { UitvoeringService } from './uitvoering.service.ts';

const plusDagen = (iso: string, n: number): string => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const maandagVan = (iso: string): string =>
  plusDagen(iso, -((new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7));

/** What the demo loader knows: ids by name and the demo accounts. */
export interface DemoUitvoeringOpzet {
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

/** Per municipality its demo caseworker, as a signed-in actor (the placements are theirs, like their signals). */
function klantmanagers(o: DemoUitvoeringOpzet): Array<{ id: string; naam: string; klantmanager: Gebruiker }> {
  const uit: Array<{ id: string; naam: string; klantmanager: Gebruiker }> = [];
  for (const [naam, id] of Object.entries(o.gemeenten)) {
    const a = o.accounts.find((x) => x.rol === 'klantmanager' && x.gemeenten.includes(naam));
    const gebruikerId = a ? o.gebruikers[a.email] : undefined;
    if (!a || !gebruikerId) continue;
    uit.push({
      id,
      naam,
      klantmanager: {
        kind: 'gebruiker',
        dienstId: o.dienstId,
        gebruikerId,
        naam: a.naam,
        email: a.email,
        rol: 'klantmanager',
        gemeenten: [id],
        teams: a.teams.flatMap((t) => (o.teams[t] ? [o.teams[t]] : [])),
        via: 'sessie',
      },
    });
  }
  return uit;
}

/**
 * Demo: per municipality one running placement that started nine weeks ago (the agreement demo's running designs
 * start in the future, so they cannot have hours or evaluations yet), made by the municipality's caseworker and
 * moved to `lopend` through the tegenprestaties service. It gets two days of hours a week (one sick day), an
 * evaluation (voortzetten). In Bergdorp the last three weeks have no hours (a "geen uren" signal). Aardam also gets
 * a second placement that ended early after a final evaluation (werk gevonden). Idempotent: a municipality that
 * already has a running placement that started in the past is left alone.
 */
export async function laadDemoUitvoering(
  services: {
    tegenprestaties: TegenprestatiesService;
    uitvoering: UitvoeringService;
    klanten: Pick<KlantenService, 'findKlanten'>;
    netwerk: Pick<NetwerkService, 'findActiviteiten' | 'findOrganisatie'>;
  },
  opzet: DemoUitvoeringOpzet,
): Promise<Record<string, number>> {
  const { tegenprestaties, uitvoering, klanten, netwerk } = services;
  const gemeenten = klantmanagers(opzet);
  const vandaagNu = vandaag();
  const start = maandagVan(plusDagen(vandaagNu, -63));
  const aantallen: Record<string, number> = {};

  for (const [i, g] of gemeenten.entries()) {
    const km = g.klantmanager;
    aantallen[g.naam] = 0;
    const lopend = await tegenprestaties.findTegenprestaties(km, { status: 'lopend', paginaGrootte: 100 });
    if (lopend.items.some((t) => t.gemeenteId === g.id && t.startdatum !== null && t.startdatum < vandaagNu))
      continue;
    const kandidaten = await klanten.findKlanten(km, {
      gemeenteId: g.id,
      reikwijdte: 'mijn',
      toepasselijkheid: 'van-toepassing',
      sorteer: 'klantnummer',
      richting: 'aflopend',
      paginaGrootte: 20,
    });
    const activiteiten = await netwerk.findActiviteiten(km, {
      gemeenteId: g.id,
      toetsStatus: 'geen-risico',
      maatwerk: false,
      status: 'actief',
      vrijePlaatsen: true,
      paginaGrootte: 20,
    });
    const metHost = activiteiten.items.filter((a) => a.organisatie !== null);
    const aantal = i === 0 ? 2 : 1;
    let gemaakt = 0;
    for (const klant of kandidaten.items) {
      if (gemaakt >= aantal) break;
      const activiteit = metHost[gemaakt % Math.max(1, metHost.length)];
      if (!activiteit?.organisatie) break;
      const bestaand = await tegenprestaties.findTegenprestaties(km, { klantId: klant.id, paginaGrootte: 1 });
      if (bestaand.totaal > 0) continue;
      const aanbod = (await netwerk.findOrganisatie(km, activiteit.organisatie.id)).wederkerigheid[0];
      if (!aanbod) continue;
      const { id } = await tegenprestaties.startVerkenning(km, {
        klantId: klant.id,
        activiteitId: activiteit.id,
      });
      try {
        await tegenprestaties.updateTegenprestatie(km, id, {
          activiteitId: activiteit.id,
          urenPerWeek: 4,
          dagdelen: ['ma-ochtend', 'wo-ochtend'],
          startdatum: start,
          einddatum: plusDagen(start, 150),
          evaluatiedata: [plusDagen(start, 42), plusDagen(vandaagNu, 10)],
          vervolg: 're-integratie',
          maatwerk: {
            leeftijd: 'Geen beperking door leeftijd.',
            opleiding: 'Mbo 2.',
            werkervaring: 'Enkele jaren in de zorg en schoonmaak.',
            omstandigheden: 'Wil weer een vast ritme; twee ochtenden past bij de zorg voor haar moeder.',
          },
          wederkerigheid: { categorie: aanbod.categorie, omschrijving: aanbod.omschrijving },
          overtuigd: {
            klantmanager: { oordeel: 'ja', motivering: 'Sluit aan bij de wens om onder de mensen te zijn.' },
            klant: { oordeel: 'ja', motivering: 'Ik wil graag weer iets doen.' },
            organisatie: { oordeel: 'ja', motivering: 'We kunnen hulp goed gebruiken.' },
          },
          afwijkingen: { gesprek: 'Het gesprek is gevoerd voordat Wederkerig in gebruik was (demo).' },
        });
        await tegenprestaties.wijzigStatus(km, id, { naar: 'ontwerp' });
        await tegenprestaties.wijzigStatus(km, id, { naar: 'toetsing' });
      } catch {
        // This client or activity does not pass the checklist: try the next one (the design stays a draft).
        continue;
      }
      await tegenprestaties.voerDeel2OvergangUit(km, id, { naar: 'overeengekomen' });
      await tegenprestaties.voerDeel2OvergangUit(km, id, { naar: 'lopend' });
      // Hours: Monday and Wednesday mornings, up to last week (Bergdorp stops three weeks ago).
      const tot = plusDagen(maandagVan(vandaagNu), i === 0 ? -1 : -22);
      for (let maandag = start; maandag <= tot; maandag = plusDagen(maandag, 7)) {
        const woensdag = plusDagen(maandag, 2);
        await uitvoering.registreerUren(
          km,
          id,
          {
            dagen: [
              { datum: maandag, uren: 2 },
              maandag === plusDagen(start, 21)
                ? { datum: woensdag, uren: 0, afwezig: 'ziek' as const, toelichting: 'Griep.' }
                : { datum: woensdag, uren: 2.5 },
            ].filter((d) => d.datum <= tot),
          },
          // The demo loads its data as a program would: an import.
          { bron: 'import' },
        );
      }
      await uitvoering.createEvaluatie(km, id, {
        datum: plusDagen(start, 42),
        stemKlant: 'Ik vind het fijn om weer ergens verwacht te worden. De koffieochtend is gezellig.',
        visieOrganisatie: 'Betrouwbaar en vriendelijk; komt altijd op tijd.',
        conclusie: 'Het gaat goed. We gaan door zoals afgesproken.',
        besluit: 'voortzetten',
      });
      if (gemaakt === 1)
        await uitvoering.createEvaluatie(km, id, {
          datum: plusDagen(vandaagNu, -2),
          stemKlant: 'Ik heb een baan gevonden bij de supermarkt, 24 uur per week.',
          visieOrganisatie: 'Jammer dat ze weggaat, mooi dat ze werk heeft.',
          conclusie: 'De tegenprestatie stopt: de klant heeft betaald werk.',
          besluit: 'beeindigen',
          eind: { vervolg: 'betaald-werk', afloop: 'beeindigd', beeindigingReden: 'werk-gevonden' },
        });
      gemaakt++;
    }
    aantallen[g.naam] = gemaakt;
  }
  return aantallen;
}
