import type { Database } from '../../db/database.ts';
import { formatOnderhoud, leesBewaartermijn, voerOnderhoudUit, zetBewaartermijn } from './onderhoud.ts';
import { metTrace } from './trace.ts';
import { formatVerificatie, verifieerLogboek } from './verificatie.ts';

export const LOGBOEK_USAGE = `Gebruik: wederkerig logboek <opdracht>

  verify                 controleer het hele logboek (zegels, ketens, partities); exitcode 0 = in orde
  onderhoud              maak partities aan, verzegel afgesloten maanden, verwijder verlopen maanden
  bewaartermijn          toon de bewaartermijn van het logboek
  bewaartermijn <N|uit>  stel de bewaartermijn in op N maanden, of zet hem uit (niets wordt verwijderd)`;

type Out = (line: string) => void;

/**
 * `wederkerig logboek …`: runs as the OWNER role (the caller passes `pools.owner`) with the signing key from the
 * configuration. Returns the exit code.
 */
export async function logboekCommand(
  args: readonly string[],
  deps: { owner: Database; sleutel: string | undefined },
  out: Out,
  err: Out,
): Promise<number> {
  const [opdracht, waarde] = args;
  const traceId = `cli-logboek-${opdracht ?? 'help'}-${Date.now().toString(36)}`;
  switch (opdracht) {
    case 'verify':
    case 'controleer': {
      if (!deps.sleutel) {
        err('LOGBOEK_SIGNING_KEY ontbreekt: zonder de sleutel kan het logboek niet worden gecontroleerd.');
        return 1;
      }
      const sleutel = deps.sleutel;
      const v = await metTrace(traceId, () => verifieerLogboek(deps.owner, { sleutel }));
      for (const line of formatVerificatie(v)) (v.ok ? out : err)(line);
      return v.ok ? 0 : 1;
    }
    case 'onderhoud': {
      const verslag = await metTrace(traceId, () => voerOnderhoudUit(deps.owner, { sleutel: deps.sleutel }));
      for (const line of formatOnderhoud(verslag)) out(line);
      return verslag.problemen.length === 0 ? 0 : 1;
    }
    case 'bewaartermijn': {
      if (waarde === undefined) {
        const m = await leesBewaartermijn(deps.owner);
        out(
          m === null
            ? 'Bewaartermijn van het logboek: niet ingesteld (er wordt niets verwijderd).'
            : `Bewaartermijn van het logboek: ${m} maanden.`,
        );
        return 0;
      }
      if (waarde === 'uit') {
        await zetBewaartermijn(deps.owner, null);
        out('Bewaartermijn uitgezet: het onderhoud verwijdert geen maanden van het logboek meer.');
        return 0;
      }
      const maanden = Number(waarde);
      if (!Number.isInteger(maanden) || maanden < 1 || maanden > 1200) {
        err('Geef de bewaartermijn als een heel aantal maanden (1 tot 1200), of "uit".');
        return 1;
      }
      await zetBewaartermijn(deps.owner, maanden);
      out(
        `Bewaartermijn van het logboek: ${maanden} maanden. Het nachtelijke onderhoud verwijdert oudere maanden.`,
      );
      return 0;
    }
    default:
      (opdracht === undefined || opdracht === 'help' ? out : err)(LOGBOEK_USAGE);
      return opdracht === 'help' ? 0 : 1;
  }
}
