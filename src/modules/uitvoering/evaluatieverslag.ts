import { basisDocument, pdfAlinea, pdfGegevens, pdfKop } from '../../lib/pdf.ts';
import { dagdeelNaam, formatDatumNl, type IsoDatum, vandaag } from '../klanten/index.ts';
import { VERVOLG_NAMEN } from '../tegenprestaties/index.ts';
import { BEEINDIGING_NAMEN, BESLUIT_NAMEN, type Evaluatie } from './uitvoering.schemas.ts';

/** What the evaluation report prints (gathered by the service; no I/O here). Never a BSN. */
export interface EvaluatieVerslag {
  klant: { naam: string; klantnummer: string | null };
  klantmanager: string | null;
  periode: { start: IsoDatum | null; einde: IsoDatum | null };
  urenPerWeek: number | null;
  dagdelen: readonly string[];
  evaluatie: Evaluatie;
  /** The instrument's name (tegenprestatie / maatschappelijke participatie). */
  naam: string;
}

const datum = (d: string | null) => (d ? formatDatumNl(d) : '–');

/**
 * The report of one evaluation (issue 16), as a pdfmake document: the placement, the client's voice, the host's
 * view, the caseworker's conclusion and the decision; for a final evaluation the actual follow-up and how it ended.
 * Pure (tested by extracting the text).
 */
export function evaluatieDocument(v: EvaluatieVerslag): object {
  const e = v.evaluatie;
  const titel = `Evaluatieverslag ${v.naam}${e.eind ? ' (eindevaluatie)' : ''}`;
  return basisDocument(titel, `Evaluatie van ${formatDatumNl(e.datum)}`, [
    { text: `Datum van de evaluatie: ${formatDatumNl(e.datum)}`, style: 'afzender' },
    { text: titel, style: 'titel' },
    pdfGegevens([
      ['Deelnemer', `${v.klant.naam}${v.klant.klantnummer ? ` (klantnummer ${v.klant.klantnummer})` : ''}`],
      ['Klantmanager', v.klantmanager ?? '–'],
      ['Periode', `${datum(v.periode.start)} tot en met ${datum(v.periode.einde)}`],
      ['Uren per week', v.urenPerWeek === null ? '–' : `${String(v.urenPerWeek).replace('.', ',')} uur`],
      [
        'Dagdelen',
        v.dagdelen.map((d) => dagdeelNaam(d as Parameters<typeof dagdeelNaam>[0])).join(', ') || '–',
      ],
    ]),
    pdfKop('Wat de deelnemer zegt'),
    pdfAlinea(e.stemKlant),
    pdfKop('Wat de organisatie ziet'),
    pdfAlinea(e.visieOrganisatie ?? 'De organisatie heeft geen visie gegeven.'),
    pdfKop('Conclusie van de klantmanager'),
    pdfAlinea(e.conclusie),
    pdfKop('Besluit'),
    pdfAlinea(BESLUIT_NAMEN[e.besluit]),
    ...(e.eind
      ? [
          pdfKop('Hoe de tegenprestatie afloopt'),
          pdfGegevens([
            [
              'Afloop',
              e.eind.afloop === 'afgerond'
                ? 'Afgerond zoals afgesproken'
                : `Eerder beëindigd${e.eind.beeindigingReden ? `: ${BEEINDIGING_NAMEN[e.eind.beeindigingReden]}` : ''}`,
            ],
            [
              'Vervolg',
              `${VERVOLG_NAMEN[e.eind.vervolg]}${e.eind.vervolgToelichting ? `: ${e.eind.vervolgToelichting}` : ''}`,
            ],
          ]),
        ]
      : []),
    pdfAlinea(`Vastgelegd door ${e.doorNaam} op ${formatDatumNl(vandaag(new Date(e.op)))}.`),
  ]);
}
