/**
 * When may an agreement start its placement? One pure rule (no I/O) for both ways a placement starts: the daily
 * job `overeenkomsten-starten` and starting by hand (the uitvoering module's `wijzigLevensloop`).
 *
 * A placement can be stepped back from `overeengekomen` to `ontwerp` (or `toetsing`) and agreed again, perhaps with
 * another start date; the earlier agreement then stays stored, unchanged. Only the design's CURRENT agreement — the
 * one of its newest check run, accepted — may start it, and only when the design's start date is that agreement's
 * start date and it has come. A superseded agreement never starts anything.
 */

import { formatDatumNl, type IsoDatum } from '../klanten/index.ts';
import type { Status } from '../tegenprestaties/index.ts';

/** The agreement a start is based on: its start date and whether it is the design's current (newest) one. */
export interface AfspraakVoorStart {
  startdatum: IsoDatum | null;
  /** The agreement of the design's newest check run (not superseded by a later check and agreement). */
  huidig: boolean;
}

export type StartOordeel =
  | { mag: true }
  | {
      mag: false;
      reden: 'niet-overeengekomen' | 'geen-overeenkomst' | 'vervangen' | 'andere-startdatum' | 'te-vroeg';
      melding: string;
    };

export function startOordeel(
  t: { status: Status; startdatum: IsoDatum | null },
  afspraak: AfspraakVoorStart | null,
  vandaag: IsoDatum,
): StartOordeel {
  if (t.status !== 'overeengekomen')
    return {
      mag: false,
      reden: 'niet-overeengekomen',
      melding: 'Starten kan alleen als de tegenprestatie op "overeengekomen" staat.',
    };
  if (!afspraak || afspraak.startdatum === null)
    return {
      mag: false,
      reden: 'geen-overeenkomst',
      melding:
        'Er is geen getekende overeenkomst vastgelegd. Leg die eerst vast op de pagina van de toetsing.',
    };
  if (!afspraak.huidig)
    return {
      mag: false,
      reden: 'vervangen',
      melding:
        'Deze overeenkomst is vervangen door een latere. Alleen de laatste overeenkomst start de tegenprestatie.',
    };
  if (t.startdatum !== afspraak.startdatum)
    return {
      mag: false,
      reden: 'andere-startdatum',
      melding:
        'De startdatum van het ontwerp is niet die van de getekende overeenkomst. Zet de tegenprestatie terug ' +
        'naar ontwerp en leg een nieuwe overeenkomst vast.',
    };
  if (afspraak.startdatum > vandaag)
    return {
      mag: false,
      reden: 'te-vroeg',
      melding: `Starten kan vanaf de startdatum, ${formatDatumNl(afspraak.startdatum)}.`,
    };
  return { mag: true };
}
