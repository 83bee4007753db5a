import { describe, expect, it } from 'vitest';
import { pdfTekst } from '../../../test/pdf.ts';
import { renderPdf } from '../../lib/pdf.ts';
import { evaluatieDocument, type EvaluatieVerslag } from './evaluatieverslag.ts';

const basis: EvaluatieVerslag = {
  klant: { naam: 'Sanne de Vries', klantnummer: 'K-1001' },
  klantmanager: 'Anouk Jansen',
  periode: { start: '2026-10-05', einde: '2027-03-31' },
  urenPerWeek: 7.5,
  dagdelen: ['ma-ochtend', 'wo-ochtend'],
  naam: 'maatschappelijke participatie',
  evaluatie: {
    id: '00000000-0000-4000-8000-000000000001',
    tegenprestatieId: '00000000-0000-4000-8000-000000000002',
    datum: '2026-11-16',
    stemKlant: 'Het gaat goed, maar de woensdag is zwaar.',
    visieOrganisatie: null,
    conclusie: 'Alleen de maandag.',
    besluit: 'aanpassen',
    eind: null,
    doorNaam: 'Anouk Jansen',
    // 23:30 UTC is the next day in the Netherlands.
    op: '2026-11-16T23:30:00.000Z',
  },
};

describe('evaluatieDocument', () => {
  it('prints the placement, the voices, the conclusion and the decision (rendered and read back)', async () => {
    const tekst = await pdfTekst(await renderPdf(evaluatieDocument(basis)));
    for (const s of [
      'Evaluatieverslag maatschappelijke participatie',
      'Sanne de Vries (klantnummer K-1001)',
      '5 oktober 2026 tot en met 31 maart 2027',
      '7,5 uur',
      'Het gaat goed, maar de woensdag is zwaar.',
      'De organisatie heeft geen visie gegeven.',
      'Alleen de maandag.',
      'Aanpassen',
      'Vastgelegd door Anouk Jansen op 17 november 2026',
    ])
      expect(tekst).toContain(s);
    expect(tekst).not.toContain('eindevaluatie');
  });

  it('a final evaluation prints how it ended and the follow-up', async () => {
    const tekst = await pdfTekst(
      await renderPdf(
        evaluatieDocument({
          ...basis,
          evaluatie: {
            ...basis.evaluatie,
            besluit: 'beeindigen',
            visieOrganisatie: 'Wij zien haar graag terug.',
            eind: {
              vervolg: 'betaald-werk',
              vervolgToelichting: 'Bij de bakker.',
              afloop: 'beeindigd',
              beeindigingReden: 'werk-gevonden',
            },
          },
        }),
      ),
    );
    for (const s of [
      '(eindevaluatie)',
      'Eerder beëindigd: Werk gevonden',
      'Bij de bakker.',
      'Wij zien haar graag terug.',
    ])
      expect(tekst).toContain(s);
  });
});
