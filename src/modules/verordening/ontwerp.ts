import type { IsoDatum, KlantDossier } from '../klanten/index.ts';
import type { Dagdeel, VerordeningOntwerp } from './regels.ts';

/** What the mapping reads of a design (the tegenprestaties module's `Tegenprestatie` fits). */
export interface OntwerpVoorToets {
  einddatum: IsoDatum | null;
  urenPerWeek: number | null;
  dagdelen: readonly string[];
}

/** Does a period [begin, end] (end inclusive; null = open) cover `datum`? */
const loopt = (begin: string | null, einde: string | null, datum: IsoDatum): boolean =>
  (begin === null || begin <= datum) && (einde === null || einde >= datum);

/**
 * The design mapped onto what the ordinance check needs: its own start date (duration counts from it) and the
 * client's paid work, re-integration and exemptions that run on `peildatum` (default: the start date; the preview
 * of a new version uses the version's effective date). Nothing is assumed: unpaid work and the written agreement
 * are no checks (there is no wage field, and the overeenkomsten module always draws up the agreement), so the check
 * does not pretend to test them. Pure; table-tested in `ontwerp.test.ts`.
 */
export function ontwerpVoorToets(
  t: OntwerpVoorToets,
  klant: Pick<KlantDossier, 'werk' | 'reintegratie' | 'ontheffingen'>,
  startdatum: IsoDatum,
  peildatum: IsoDatum = startdatum,
): VerordeningOntwerp {
  const werk = klant.werk.filter((w) => loopt(w.begindatum, w.einddatum, peildatum));
  const reintegratie = klant.reintegratie.filter((r) => loopt(r.begindatum, r.einddatum, peildatum));
  // Exemption end dates are exclusive: the tegenprestatie applies again from the end date.
  const ontheffingen = klant.ontheffingen.filter((o) => {
    const einde = o.effectiefEinde ?? o.einddatum;
    return o.begindatum <= peildatum && (einde === null || einde > peildatum);
  });
  return {
    startdatum,
    einddatum: t.einddatum,
    urenPerWeek: t.urenPerWeek ?? 0,
    dagdelen: t.dagdelen as Dagdeel[],
    werk: {
      urenPerWeek: werk.reduce((s, w) => s + w.urenPerWeek, 0),
      dagdelen: [...new Set(werk.flatMap((w) => w.dagdelen))] as Dagdeel[],
    },
    reintegratieDagdelen: [...new Set(reintegratie.flatMap((r) => r.dagdelen))] as Dagdeel[],
    ontheffingen: ontheffingen.map((o) => ({
      type: o.type,
      lokaleGrondId: o.lokaleGrond?.id ?? null,
      naam: o.lokaleGrond?.naam ?? null,
    })),
    verlenging: null,
  };
}
