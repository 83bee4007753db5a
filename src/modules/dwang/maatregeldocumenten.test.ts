import { describe, expect, it } from 'vitest';
import type { Maatregel } from './dwang.schemas.ts';
import { maatregelBesluitDocument, voornemenDocument } from './maatregeldocumenten.ts';

const aan = {
  gemeente: 'Aardam',
  naam: 'J. de Vries',
  klantnummer: 'K-1',
  adres: 'Dorpsstraat 1, 1234 AB Aardam',
};
const m: Maatregel = {
  id: '00000000-0000-4000-8000-000000000001',
  tegenprestatieId: '00000000-0000-4000-8000-000000000002',
  status: 'besloten',
  gedraging: 'tegenprestatie-niet-nagekomen',
  gedragDatum: '2026-12-01',
  gedragOmschrijving: 'Niet verschenen.',
  incidentId: null,
  ontdektOp: '2026-12-02',
  besluit: {
    datum: '2026-11-01',
    verzenddatum: '2026-11-02',
    startdatum: '2026-11-10',
    einddatum: '2027-04-30',
    versieTitel: 'V',
  },
  verordening: {
    id: '00000000-0000-4000-8000-000000000003',
    titel: 'Maatregelenverordening Aardam 2026',
    ingangsdatum: '2026-01-01',
  },
  categorie: { nummer: 2, artikel: 'art. 7 lid 2 onder d' },
  herhaling: 0,
  voornemen: { percentage: 30, maanden: 1 },
  bandbreedte: { min: 5, max: 100 },
  verzondenOp: '2026-12-03',
  hoortermijnEinde: '2026-12-17',
  voornemenDoorNaam: 'KM',
  horing: {
    vorm: 'gesprek',
    gegevenOp: '2026-12-05',
    inhoud: 'Vergeten.',
    antwoord: 'Geen reden.',
    grond: null,
    motivering: null,
    doorNaam: 'KM',
  },
  verwijtbaarheid: {
    verwijtbaar: true,
    verwijtbaarheidMotivering: 'Wist het.',
    dringendeRedenen: false,
    dringendeRedenenMotivering: 'Geen gebleken.',
    doorNaam: 'KM',
  },
  afzien: null,
  afzienMogelijk: [],
  voorstel: {
    percentage: 20,
    maanden: 1,
    ingangsdatum: '2027-01-01',
    motivering: 'Eerste keer, lager.',
    opnieuwGehoordOp: null,
    opnieuwGehoordInhoud: null,
    doorNaam: 'KM',
  },
  teruggestuurdToelichting: null,
  gezamenlijkMet: null,
  akkoord: { doorNaam: 'TL', op: '2026-12-18T10:00:00.000Z', toelichting: null },
  volgendeStap: [],
};
const tekst = (doc: object) => JSON.stringify(doc);

describe('the measure letters', () => {
  it('the intention: facts, the imposed decision, the intended measure, the term for the view', () => {
    const t = tekst(voornemenDocument(m, aan));
    expect(t).toContain('J. de Vries');
    expect(t).toContain('verzonden op 2 november 2026');
    expect(t).toContain('Maatregelenverordening Aardam 2026');
    expect(t).toContain('30 % van de bijstandsnorm');
    expect(t).toContain('tot en met 17 december 2026');
    expect(t).toContain('artikel 4:8 Awb');
  });
  it('the decision: the hearing and its answer, culpability, the measure, reasons, objection within six weeks', () => {
    const t = tekst(maatregelBesluitDocument(m, aan, '2026-12-18'));
    expect(t).toContain('Vergeten.');
    expect(t).toContain('Ons antwoord: Geen reden.');
    expect(t).toContain('Wist het.');
    expect(t).toContain('20 % van de bijstandsnorm');
    expect(t).toContain('1 maand vanaf 1 januari 2027');
    expect(t).toContain('Eerste keer, lager.');
    expect(t).toContain('tot en met 29 januari 2027');
  });
  it('without a hearing: the Awb ground and its reasons', () => {
    const t = tekst(
      maatregelBesluitDocument(
        {
          ...m,
          horing: { ...m.horing, vorm: null, gegevenOp: null, grond: 'awb-4-11-a', motivering: 'Spoed.' },
        },
        aan,
        '2026-12-18',
      ),
    );
    expect(t).toContain('Wij hebben u niet gehoord');
    expect(t).toContain('Spoed.');
  });

  it('who receives: a representative gets a copy; on joint bijstand both partners are addressed (art. 11 lid 4, 18 lid 12)', () => {
    const alleen = tekst(voornemenDocument(m, aan));
    expect(alleen).not.toContain('Afschrift');
    expect(alleen).not.toContain('Gezamenlijke bijstand');
    const metAfschrift = {
      ...aan,
      afschrift: [{ soort: 'Bewindvoerder', naam: 'Mr. P. Bakker', adres: 'Postbus 12, 1234 AA Aardam' }],
    };
    for (const doc of [
      voornemenDocument({ ...m, gezamenlijkMet: 'A. de Vries-Smit' }, metAfschrift),
      maatregelBesluitDocument({ ...m, gezamenlijkMet: 'A. de Vries-Smit' }, metAfschrift, '2026-12-18'),
    ]) {
      const t = tekst(doc);
      expect(t).toContain('J. de Vries en A. de Vries-Smit');
      expect(t).toContain('artikel 11 lid 4 Participatiewet');
      expect(t).toContain('artikel 18 lid 12 Participatiewet');
      expect(t).toContain(
        'Een afschrift van deze brief gaat naar: Bewindvoerder Mr. P. Bakker, Postbus 12, 1234 AA Aardam.',
      );
    }
  });
});
