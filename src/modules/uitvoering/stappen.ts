/**
 * The next possible steps of a placement, as a pure function (no I/O): the placement page always shows them, and
 * when there are none it says why — never a bare "geen vervolgstappen".
 */

import { formatDatumNl } from '../klanten/index.ts';
import type { Status } from '../tegenprestaties/index.ts';

export const STAPPEN = [
  'ontwerpen',
  'toetsen',
  'starten',
  'terug-naar-ontwerp',
  'beeindigen-voor-start',
  'uren',
  'evalueren',
  'aanpassen',
  'eindevalueren',
] as const;
export type Stap = (typeof STAPPEN)[number];

export interface MogelijkeStap {
  stap: Stap;
  /** Can it be done now? When not, `uitleg` says from when or why not. */
  kan: boolean;
  uitleg: string;
}

export interface Vervolg {
  stappen: MogelijkeStap[];
  /** Why there is no step (only when `stappen` is empty). */
  waaromGeen: string | null;
}

/** Changing the agreement of a running placement: after an evaluation with `aanpassen` (issue 16). */
function aanpassenStap(u: {
  laatsteEvaluatie?: { datum: string; besluit: string } | null;
  openVersie?: number | null;
}): MogelijkeStap {
  if (u.openVersie)
    return {
      stap: 'aanpassen',
      kan: true,
      uitleg: `Versie ${u.openVersie} van de overeenkomst wacht op de handtekeningen: leg ze vast, of trek de versie in.`,
    };
  const e = u.laatsteEvaluatie;
  if (e?.besluit === 'aanpassen')
    return {
      stap: 'aanpassen',
      kan: true,
      uitleg: `Na de evaluatie van ${formatDatumNl(e.datum)} (aanpassen): leg de nieuwe uren, dagdelen of einddatum vast, of verleng binnen de verordening. Het wordt een nieuwe versie van de overeenkomst die de klant, de organisatie en de gemeente tekenen.`,
    };
  return {
    stap: 'aanpassen',
    kan: false,
    uitleg:
      'Uren, dagdelen of einddatum veranderen, of verlengen, kan na een evaluatie met het besluit "aanpassen". De versies van de overeenkomst staan op de pagina van de versies.',
  };
}

/**
 * What can happen next with a placement in `status` on `vandaag`.
 *
 * - Before the agreement (verkenning, ontwerp, toetsing): the design and the ordinance check, on their pages.
 * - `overeengekomen`: start by hand on or after the start date (the daily job starts it too), step back to the
 *   design with a reason (releases the place), or end before the start with a reason.
 * - `lopend`: hours, an evaluation, the final evaluation.
 * - `opleggen` (an intention to impose): the client's view and the team lead's approval, on the design page.
 * - Ended: no step, and why.
 */
export function volgendeStappen(
  t: { status: Status; startdatum: string | null },
  vandaag: string,
  /** The latest evaluation (newest first) and the version of the agreement waiting for confirmation, if any. */
  uitvoering: {
    laatsteEvaluatie?: { datum: string; besluit: string } | null;
    openVersie?: number | null;
    /** The imposed decision's sending date once sent: stepping back or ending early then revokes it. */
    besluitVerzonden?: string | null;
  } = {},
): Vervolg {
  const zo = (stappen: MogelijkeStap[]): Vervolg => ({ stappen, waaromGeen: null });
  switch (t.status) {
    case 'verkenning':
    case 'ontwerp':
      return zo([
        {
          stap: 'ontwerpen',
          kan: true,
          uitleg: 'Maak het ontwerp af en zet het naar toetsing. Uitvoeren kan pas na de overeenkomst.',
        },
      ]);
    case 'toetsing':
      return zo([
        {
          stap: 'toetsen',
          kan: true,
          uitleg: 'Toets aan de verordening en leg het besluit en de overeenkomst vast. Daarna kan de start.',
        },
      ]);
    case 'overeengekomen': {
      const start = t.startdatum;
      const intrekken = uitvoering.besluitVerzonden
        ? ` De gemeente legt het op en het besluit is verzonden op ${formatDatumNl(uitvoering.besluitVerzonden)}: leg ook het besluit tot intrekking vast, nadat het is verzonden.`
        : '';
      const kanStarten = start !== null && start <= vandaag;
      return zo([
        {
          stap: 'starten',
          kan: kanStarten,
          uitleg: kanStarten
            ? 'De startdatum is bereikt: start de tegenprestatie nu. Anders start de dagelijkse taak hem vannacht.'
            : start
              ? `Starten kan vanaf de startdatum, ${formatDatumNl(start)}. Op die dag start de dagelijkse taak hem ook vanzelf.`
              : 'Er is geen startdatum vastgelegd: zet de tegenprestatie terug naar ontwerp om die vast te leggen.',
        },
        {
          stap: 'terug-naar-ontwerp',
          kan: true,
          uitleg:
            'Gaat de afspraak niet door zoals getekend? Zet de tegenprestatie terug naar ontwerp, met een reden. De plaats bij de activiteit komt vrij; de documenten en de geschiedenis blijven bewaard. Daarna volgen opnieuw de toets, het besluit en de getekende overeenkomst.' +
            intrekken,
        },
        {
          stap: 'beeindigen-voor-start',
          kan: true,
          uitleg:
            'Stopt het voordat het begint (bijvoorbeeld werk gevonden)? Beëindig de tegenprestatie, met een reden. De plaats komt vrij.' +
            intrekken,
        },
      ]);
    }
    case 'lopend':
      return zo([
        { stap: 'uren', kan: true, uitleg: 'Registreer de uren en afwezigheid per week.' },
        { stap: 'evalueren', kan: true, uitleg: 'Leg een evaluatie vast: voortzetten of aanpassen.' },
        aanpassenStap(uitvoering),
        {
          stap: 'eindevalueren',
          kan: true,
          uitleg: 'Rond af of beëindig met de eindevaluatie. De plaats komt dan vrij.',
        },
      ]);
    case 'afgerond':
      return {
        stappen: [],
        waaromGeen:
          'De tegenprestatie is afgerond: er volgen geen stappen meer. Een nieuwe tegenprestatie begint u vanuit het dossier van de klant.',
      };
    case 'beeindigd':
      return {
        stappen: [],
        waaromGeen:
          'De tegenprestatie is beëindigd: er volgen geen stappen meer. Een nieuwe tegenprestatie begint u vanuit het dossier van de klant.',
      };
    case 'opleggen':
      return zo([
        {
          stap: 'ontwerpen',
          kan: true,
          uitleg:
            'Er ligt een voornemen tot opleggen: leg de zienswijze van de klant vast; de teamleider beoordeelt het. Uitvoeren kan pas na het besluit.',
        },
      ]);
  }
}
