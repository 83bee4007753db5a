import { basisDocument, pdfAlinea, pdfGegevens, pdfKop } from '../../lib/pdf.ts';
import { BESLUIT_NAMEN } from './keuzelijsten.ts';
import type { Intervisie } from './netwerk.schemas.ts';

const tijdstip = (iso: string): string =>
  new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

/**
 * The record of one intervision (issue 16) as a pdfmake document: the subject (an activity's displacement doubt or a
 * caseworker's doubt about one placement), the question, who asked and when, and — once decided — the participants,
 * the decision, its conditions and reasons, who decided and when. No client data: a placement is named only as such.
 * Pure (tested by extracting the text).
 */
export function intervisieDocument(i: Intervisie): object {
  const titel = 'Verslag van de intervisie';
  return basisDocument(titel, `Intervisie over ${i.activiteit.naam}`, [
    { text: titel, style: 'titel' },
    pdfGegevens([
      [
        'Onderwerp',
        i.onderwerp === 'plaatsing'
          ? 'Twijfel van een klantmanager over één plaatsing'
          : 'Twijfel uit de verdringingstoets van de activiteit',
      ],
      ['Activiteit', i.activiteit.naam],
      ['Organisatie', i.activiteit.organisatie ?? '–'],
      ['Aangevraagd', `${tijdstip(i.aangevraagdOp)} door ${i.aangevraagdDoor}`],
    ]),
    pdfKop('Waarover werd getwijfeld'),
    pdfAlinea(i.vraag),
    ...(i.status === 'besloten'
      ? [
          pdfKop('Besluit'),
          pdfGegevens([
            ['Besluit', i.besluit ? BESLUIT_NAMEN[i.besluit] : '–'],
            ...(i.voorwaarden ? ([['Voorwaarden', i.voorwaarden]] as Array<[string, string]>) : []),
            ['Deelnemers', i.deelnemers.join(', ') || '–'],
            ['Besloten', i.beslotenOp ? `${tijdstip(i.beslotenOp)} door ${i.beslotenDoor ?? '–'}` : '–'],
          ]),
          pdfKop('Motivering'),
          pdfAlinea(i.motivering ?? '–'),
        ]
      : [pdfKop('Besluit'), pdfAlinea('Er is nog niet besloten: de intervisie staat open.')]),
  ]);
}
