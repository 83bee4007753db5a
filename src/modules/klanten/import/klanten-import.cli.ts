import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../http/app-error.ts';
import { systeemActor } from '../../auth/index.ts';
import type { GemeentenService } from '../../gemeenten/index.ts';
import { ImportBestandFout, type KlantenImportService } from './klanten-import.service.ts';

export const IMPORT_USAGE = `  import klanten BESTAND --gemeente GM0000 [--dry-run]
                   importeer klanten uit een CSV-bestand (zie docs/import-klanten.md); met --dry-run
                   alleen het verslag per rij, zonder iets te veranderen`;

export interface ImportCliDeps {
  /** An import service without a queue: the CLI runs the import itself, in this process. */
  importService: KlantenImportService;
  gemeenten: Pick<GemeentenService, 'listDiensten' | 'findGemeenten'>;
}

type Out = (line: string) => void;

/** Exit codes: 0 done (rejected rows are listed), 2 wrong use or an unusable file, 1 the import failed. */
const ONGELDIG = 2;

class Gebruiksfout extends Error {}

const getal = (n: number) => n.toLocaleString('nl-NL');

function verslagregels(rijen: Awaited<ReturnType<KlantenImportService['listRapport']>>['items']) {
  return rijen.map((r) => {
    const fouten = Object.entries(r.fouten ?? {})
      .map(([kolom, melding]) => (kolom === 'rij' ? melding : `${kolom}: ${melding}`))
      .join(' ');
    return `  rij ${r.rij}${r.klantnummer ? ` (${r.klantnummer})` : ''}: ${fouten}`;
  });
}

/**
 * `wederkerig import klanten FILE --gemeente CODE [--dry-run]`: the same dry run and import as the page, as the
 * system (the reason `cli:import-klanten` is logged). Prints only row numbers, klantnummers and messages.
 */
export async function runImportCli(args: string[], deps: ImportCliDeps, out: Out, err: Out): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { gemeente: { type: 'string' }, 'dry-run': { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    const [soort, pad, ...over] = positionals;
    if (soort !== 'klanten' || !pad || over.length > 0)
      throw new Gebruiksfout('Gebruik: wederkerig import klanten BESTAND --gemeente GM0000 [--dry-run]');
    const code = values.gemeente?.trim().toUpperCase();
    if (!code) throw new Gebruiksfout('Geef --gemeente op (de gemeentecode, bijvoorbeeld GM0363).');

    let bytes: Buffer;
    try {
      bytes = await readFile(pad);
    } catch {
      throw new Gebruiksfout(`Kan het bestand ${pad} niet lezen.`);
    }

    const gevonden: Array<{ dienstId: string; gemeenteId: string; naam: string }> = [];
    for (const d of await deps.gemeenten.listDiensten(systeemActor('cli:import-klanten'))) {
      for (const g of await deps.gemeenten.findGemeenten(systeemActor('cli:import-klanten', d.dienstId)))
        if (g.code.toUpperCase() === code)
          gevonden.push({ dienstId: d.dienstId, gemeenteId: g.id, naam: g.naam });
    }
    const [gemeente, ...meer] = gevonden;
    if (!gemeente) throw new Gebruiksfout(`Er is geen gemeente met code ${code}.`);
    if (meer.length > 0)
      throw new Gebruiksfout(`Meer sociale diensten hebben een gemeente met code ${code}.`);

    const actor = systeemActor('cli:import-klanten', gemeente.dienstId);
    const service = deps.importService;
    const proef = await service.proefrun(actor, {
      gemeenteId: gemeente.gemeenteId,
      bestandsnaam: basename(pad),
      bytes,
    });
    out(
      `Proefrun voor ${gemeente.naam}: ${getal(proef.totaal)} rijen; ${getal(proef.proef.aanmaken)} aanmaken, ` +
        `${getal(proef.proef.bijwerken)} bijwerken, ${getal(proef.proef.afgewezen)} afgewezen.`,
    );
    if (proef.onbekendeKolommen.length > 0)
      out(`Kolommen die niet worden gebruikt: ${proef.onbekendeKolommen.join(', ')}.`);
    const afgewezen = await service.listRapport(actor, proef.id, {
      alleenAfgewezen: true,
      paginaGrootte: 500,
    });
    if (afgewezen.totaal > 0) {
      out('Afgewezen rijen:');
      for (const r of verslagregels(afgewezen.items)) out(r);
      if (afgewezen.totaal > afgewezen.items.length)
        out(
          `  … en nog ${getal(afgewezen.totaal - afgewezen.items.length)} (zie de pagina Klanten importeren).`,
        );
    }
    if (values['dry-run']) {
      out('Proefrun: er is niets veranderd.');
      return 0;
    }

    await service.start(actor, proef.id);
    const klaar = await service.verwerk(
      { dienstId: gemeente.dienstId, importId: proef.id },
      { voortgang: (imp) => out(`${getal(imp.verwerkt)} van ${getal(imp.totaal)} rijen verwerkt`) },
    );
    if (klaar?.status !== 'klaar') {
      err(klaar?.foutmelding ?? 'De import is niet afgerond.');
      return 1;
    }
    out(
      `Klaar: ${getal(klaar.aangemaakt)} aangemaakt, ${getal(klaar.bijgewerkt)} bijgewerkt, ` +
        `${getal(klaar.afgewezen)} afgewezen.`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ImportBestandFout) {
      for (const m of e.meldingen) err(m);
      return ONGELDIG;
    }
    if (e instanceof Gebruiksfout) {
      err(e.message);
      return ONGELDIG;
    }
    if (e instanceof AppError && e.status < 500) {
      err(e.userMessage);
      return ONGELDIG;
    }
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      err(e.message);
      return ONGELDIG;
    }
    throw e;
  }
}
