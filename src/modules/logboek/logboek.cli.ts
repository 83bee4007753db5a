import type { Database } from '../../db/database.ts';
import {
  formatOnderhoud,
  leesBewaartermijn,
  vervangSleutel,
  voerOnderhoudUit,
  zetBewaartermijn,
} from './onderhoud.ts';
import { metTrace } from './trace.ts';
import { formatVerificatie, verifieerLogboek } from './verificatie.ts';

export const LOGBOEK_USAGE = `Gebruik: wederkerig logboek <opdracht>

  verify                 controleer het hele logboek (zegels, ketens, partities); exitcode 0 = in orde
  onderhoud              maak partities aan, verzegel afgesloten maanden, verwijder verlopen maanden
  bewaartermijn          toon de bewaartermijn van het logboek
  bewaartermijn <N|uit>  stel de bewaartermijn in op N maanden, of zet hem uit (niets wordt verwijderd)
  sleutel-vervangen      onderteken alles opnieuw met LOGBOEK_SIGNING_KEY; de oude sleutel komt via stdin`;

type Out = (line: string) => void;

/**
 * `wederkerig logboek …`: runs as the OWNER role (the caller passes `pools.owner`) with the signing key from the
 * configuration. Returns the exit code.
 */
export async function logboekCommand(
  args: readonly string[],
  deps: {
    owner: Database;
    sleutel: string | undefined;
    /** Reads standard input (the old key for `sleutel-vervangen`). */
    leesInvoer?: () => Promise<string>;
  },
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
    case 'sleutel-vervangen': {
      const oud = (await (deps.leesInvoer ?? leesStdin)()).trim();
      if (!/^[0-9a-f]{64}$/i.test(oud) || !deps.sleutel) {
        err('Geef de oude sleutel (64 hexadecimale tekens) via stdin en de nieuwe in LOGBOEK_SIGNING_KEY.');
        return 1;
      }
      if (oud.toLowerCase() === deps.sleutel.toLowerCase()) {
        err('De oude en de nieuwe sleutel zijn gelijk.');
        return 1;
      }
      const nieuw = deps.sleutel;
      const r = await metTrace(traceId, () =>
        vervangSleutel(deps.owner, { oudeSleutel: oud, nieuweSleutel: nieuw }),
      );
      for (const line of r.regels) (r.ok ? out : err)(line);
      return r.ok ? 0 : 1;
    }
    default:
      (opdracht === undefined || opdracht === 'help' ? out : err)(LOGBOEK_USAGE);
      return opdracht === 'help' ? 0 : 1;
  }
}

async function leesStdin(): Promise<string> {
  const delen: Buffer[] = [];
  for await (const deel of process.stdin) delen.push(deel as Buffer);
  return Buffer.concat(delen).toString('utf8');
}
