import { describe, expect, it } from 'vitest';
import { pdfTekst } from '../../../test/pdf.ts';
import { renderPdf } from '../../lib/pdf.ts';
import { intervisieDocument } from './intervisieverslag.ts';
import type { Intervisie } from './netwerk.schemas.ts';

const open: Intervisie = {
  id: '00000000-0000-4000-8000-000000000001',
  onderwerp: 'activiteit',
  verdringingstoetsId: '00000000-0000-4000-8000-000000000002',
  plaatsing: null,
  activiteit: {
    id: '00000000-0000-4000-8000-000000000003',
    naam: 'Wandelen met bewoners',
    organisatie: 'Zorghuis De Linde',
  },
  aangevraagdOp: '2026-11-02T09:15:00.000Z',
  aangevraagdDoor: 'Bram Hendriks',
  vraag: 'Onbekend of er bezuinigd is.',
  status: 'open',
  deelnemers: [],
  besluit: null,
  voorwaarden: null,
  motivering: null,
  beslotenDoor: null,
  beslotenOp: null,
};

describe('intervisieDocument', () => {
  it('an open request: subject, question, who asked and when; not decided yet', async () => {
    const tekst = await pdfTekst(await renderPdf(intervisieDocument(open)));
    for (const s of [
      'Verslag van de intervisie',
      'Twijfel uit de verdringingstoets van de activiteit',
      'Wandelen met bewoners',
      'Zorghuis De Linde',
      '2 november 2026',
      '10:15',
      'Bram Hendriks',
      'Onbekend of er bezuinigd is.',
      'Er is nog niet besloten',
    ])
      expect(tekst).toContain(s);
  });

  it('a decided doubt about a placement: the decision, conditions, participants and reasons; no client data', async () => {
    const tekst = await pdfTekst(
      await renderPdf(
        intervisieDocument({
          ...open,
          onderwerp: 'plaatsing',
          verdringingstoetsId: null,
          plaatsing: { tegenprestatieId: open.id, gemeenteId: open.id },
          status: 'besloten',
          deelnemers: ['Anouk Jansen', 'Ayse Kaya'],
          besluit: 'toegestaan-onder-voorwaarden',
          voorwaarden: 'Altijd met een vaste medewerker.',
          motivering: 'Er is niet bezuinigd.',
          beslotenDoor: 'Teamleider Tessa',
          beslotenOp: '2026-11-09T14:00:00.000Z',
        }),
      ),
    );
    for (const s of [
      'Twijfel van een klantmanager over één plaatsing',
      'Toegestaan onder voorwaarden',
      'Altijd met een vaste medewerker.',
      'Anouk Jansen, Ayse Kaya',
      'Er is niet bezuinigd.',
      '9 november 2026',
      'Teamleider Tessa',
    ])
      expect(tekst).toContain(s);
    expect(tekst).not.toContain(open.id);
  });
});
