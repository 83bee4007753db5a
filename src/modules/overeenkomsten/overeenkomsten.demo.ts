import { AppError } from '../../http/app-error.ts';
import type { Actor } from '../auth/index.ts';
import { plusMaanden } from '../klanten/index.ts';
import type { Tegenprestatie, TegenprestatiesService } from '../tegenprestaties/index.ts';
import type { VerordeningService } from '../verordening/index.ts';
import type { OvereenkomstenService } from './overeenkomsten.service.ts';

const dagErvoor = (datum: string): string => {
  const d = new Date(`${datum}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/**
 * Demo: per municipality, the designs the tegenprestaties demo left in `toetsing` are first fitted to the ordinance
 * in force on their start date where they exceed it (hours and duration; back to ontwerp and again to toetsing, as a
 * caseworker would after a failed check). All but the last (the tegenprestaties demo's host-less maatwerk design) then go through the check,
 * the decision (where the ordinance imposes it: a period reaching 2027, which has no recorded legal basis in the
 * demo, is first ended on 31 December 2026, with a signal to decide again) and the agreement; the last stays in
 * `toetsing` for the walkthrough (in Aardam it reaches 2027: its page refuses the decision and offers the end date). The
 * agreements stay `overeengekomen` until the daily job starts them on their start date (the uitvoering demo has running
 * placements that started in the past). Idempotent: a municipality with an agreed or running design is left alone.
 */
export async function laadDemoOvereenkomsten(
  services: {
    overeenkomsten: OvereenkomstenService;
    tegenprestaties: Pick<
      TegenprestatiesService,
      'findTegenprestaties' | 'wijzigStatus' | 'updateTegenprestatie' | 'findTegenprestatie'
    >;
    verordening: Pick<VerordeningService, 'versieVoor'>;
  },
  actor: Actor,
  gemeenten: ReadonlyArray<{ id: string; naam: string }>,
): Promise<Record<string, number>> {
  const { overeenkomsten, tegenprestaties, verordening } = services;
  const lijst = async (status: 'toetsing' | 'overeengekomen' | 'lopend') =>
    (await tegenprestaties.findTegenprestaties(actor, { status, paginaGrootte: 100 })).items;
  const alAfgesproken = new Set(
    [...(await lijst('overeengekomen')), ...(await lijst('lopend'))].map((t) => t.gemeenteId),
  );
  const inToetsing = (await lijst('toetsing')).sort((a, b) => a.aangemaaktOp.localeCompare(b.aangemaaktOp));

  /** Fits hours and duration into the version in force on the start date (if they exceed it). */
  async function pasAan(t: Tegenprestatie): Promise<void> {
    if (!t.startdatum || t.urenPerWeek === null) return;
    const v = await verordening.versieVoor(actor, t.gemeenteId, t.startdatum);
    if (!v) return;
    const min = v.minUrenPerWeek ?? 0;
    const max = v.maxUrenPerWeek ?? 40;
    const uren = Math.min(Math.max(t.urenPerWeek, min), max);
    const laatste = v.maxDuurMaanden === null ? null : dagErvoor(plusMaanden(t.startdatum, v.maxDuurMaanden));
    const einde = laatste && (!t.einddatum || t.einddatum > laatste) ? laatste : t.einddatum;
    if (uren === t.urenPerWeek && einde === t.einddatum) return;
    const reden = 'Aangepast aan de verordening: uren per week en duur.';
    await tegenprestaties.wijzigStatus(actor, t.id, { naar: 'ontwerp', reden });
    const nu = await tegenprestaties.findTegenprestatie(actor, t.id);
    await tegenprestaties.updateTegenprestatie(actor, t.id, {
      versie: nu.versie,
      urenPerWeek: uren,
      einddatum: einde,
      evaluatiedata: nu.evaluatiedata.filter((d) => !einde || d <= einde),
    });
    await tegenprestaties.wijzigStatus(actor, t.id, { naar: 'toetsing' });
  }

  const aantallen: Record<string, number> = {};
  for (const g of gemeenten) {
    aantallen[g.naam] = 0;
    if (alAfgesproken.has(g.id)) continue;
    const eigen = inToetsing.filter((t) => t.gemeenteId === g.id);
    for (const t of eigen) await pasAan(t);
    for (const t of eigen.slice(0, -1)) {
      const toets = await overeenkomsten.voerToetsingUit(actor, t.id);
      if (!toets.voldoet) continue;
      const dag = toets.uitgevoerdOp.slice(0, 10);
      try {
        if (toets.versie.vorm === 'opleggen') {
          // A period that reaches 2027 without a recorded legal basis cannot be imposed: as a caseworker would,
          // end it on 31 December 2026 (a signal asks to decide again later), then decide.
          if ((await overeenkomsten.bekijk(actor, t.id)).kan.inkorten)
            await overeenkomsten.eindigVoorGrondslag(actor, t.id);
          await overeenkomsten.neemBesluit(actor, t.id, {
            datum: dag,
            verzenddatum: dag,
            ondertekenaar: 'A. Jansen, teamleider',
          });
        }
        await overeenkomsten.legAcceptatieVast(actor, t.id, {
          overeenkomstDatum: dag,
          klantGetekendOp: dag,
          organisatieGetekendOp: dag,
        });
      } catch (e) {
        // A design the rules refuse on this day (e.g. a start in a regime without a recorded basis) stays in
        // toetsing, where the page says why; the demo must still load.
        if (!(e instanceof AppError)) throw e;
        continue;
      }
      aantallen[g.naam] = (aantallen[g.naam] ?? 0) + 1;
      // Not started here: the daily job starts it on its start date (running placements come from the
      // uitvoering demo, which starts them in the past).
    }
  }
  return aantallen;
}
