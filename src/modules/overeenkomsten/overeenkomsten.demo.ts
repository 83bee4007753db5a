import type { Actor } from '../auth/index.ts';
import type { OvereenkomstenService } from './overeenkomsten.service.ts';

/**
 * Demo: takes some designs that the tegenprestaties demo left in `toetsing` through the check, the decision (where
 * imposed) and the agreement, so the demo has designs in `overeengekomen` and (start date passed) `lopend`.
 * Idempotent: designs no longer in `toetsing` are left alone.
 */
export async function laadDemoOvereenkomsten(
  service: OvereenkomstenService,
  actor: Actor,
  ontwerpen: ReadonlyArray<{ id: string; startdatum: string | null }>,
  opties: { vandaag: string; aantal?: number },
): Promise<{ overeengekomen: number; lopend: number }> {
  let overeengekomen = 0;
  for (const o of ontwerpen) {
    if (overeengekomen >= (opties.aantal ?? 4)) break;
    const toets = await service.voerToetsingUit(actor, o.id).catch(() => null);
    if (!toets?.voldoet) continue;
    const dag = toets.uitgevoerdOp.slice(0, 10);
    if (toets.versie.vorm === 'opleggen')
      await service.neemBesluit(actor, o.id, { datum: dag, ondertekenaar: 'A. Jansen, teamleider' });
    await service.legAcceptatieVast(actor, o.id, {
      overeenkomstDatum: dag,
      klantGetekendOp: dag,
      organisatieGetekendOp: dag,
    });
    overeengekomen++;
  }
  const { gestart } = await service.startOvereenkomsten('demo:overeenkomsten-starten', {
    vandaag: opties.vandaag,
  });
  return { overeengekomen, lopend: gestart };
}
