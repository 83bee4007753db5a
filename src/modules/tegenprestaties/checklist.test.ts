import { describe, expect, it } from 'vitest';
import {
  type ChecklistInvoer,
  type LaterWerk,
  latereBotsingen,
  richtlijnChecklist,
  urenElders,
} from './checklist.ts';

/** A design where every MOET and WENSELIJK holds. */
function compleet(): ChecklistInvoer {
  return {
    ontwerp: {
      activiteitId: '00000000-0000-4000-8000-000000000001',
      urenPerWeek: 8,
      dagdelen: ['ma-ochtend', 'wo-ochtend'],
      startdatum: '2027-02-01',
      einddatum: '2027-08-01',
      evaluatiedata: ['2027-05-01'],
      vervolg: 're-integratie',
      vervolgToelichting: null,
      maatwerk: {
        leeftijd: '58 jaar; rustig tempo.',
        opleiding: 'Mbo 2.',
        werkervaring: 'Twintig jaar in de groenvoorziening.',
        omstandigheden: 'Mantelzorg op dinsdag.',
      },
      wederkerigheid: { categorie: 'begeleiding', omschrijving: 'Vaste begeleider Piet.' },
      overtuigd: {
        klantmanager: { oordeel: 'ja', motivering: 'Past bij zijn wens.' },
        klant: { oordeel: 'ja', motivering: 'Ik wil graag buiten werken.' },
        organisatie: { oordeel: 'ja', motivering: 'Extra handen in de tuin.' },
      },
      afwijkingen: {},
    },
    toepasselijkheid: { uitkomst: 'van-toepassing', redenen: [], resterendeUren: 12 },
    capaciteit: { bron: 'belastbaarheid', reden: null },
    andereTegenprestaties: [],
    laterWerk: [],
    activiteit: { titel: 'Tuin', isMaatwerk: false, heeftOrganisatie: true, aanbod: ['begeleiding'] },
    plaatsing: { mag: true, redenen: [], voorwaarden: null, conclusie: 'geen-risico' },
    gesprek: {
      datum: '2027-01-10',
      onderdelen: { krachtEnBekwaamheid: true, wensen: true, eigenVoorstel: true, socialeOmgeving: true },
    },
  };
}

type Wijziging = (i: ChecklistInvoer) => void;
const status = (i: ChecklistInvoer, id: string) =>
  richtlijnChecklist(i).items.find((x) => x.id === id)?.status;

describe('richtlijnChecklist', () => {
  it('lets a complete design go to toetsing', () => {
    const c = richtlijnChecklist(compleet());
    expect(c.moetenVoldaan).toBe(true);
    expect(c.magNaarToetsing).toBe(true);
    expect(c.blokkades).toEqual([]);
    expect(c.magOpleggen).toBe(false);
  });

  const moeten: Array<[string, string, Wijziging, RegExp]> = [
    [
      'no start date',
      'van-toepassing',
      (i) => {
        i.ontwerp.startdatum = null;
        i.toepasselijkheid = null;
      },
      /startdatum/,
    ],
    [
      'not applicable',
      'van-toepassing',
      (i) => {
        i.toepasselijkheid = {
          uitkomst: 'niet-van-toepassing',
          redenen: ['Re-integratie loopt.'],
          resterendeUren: null,
        };
      },
      /Re-integratie loopt/,
    ],
    [
      'exemption ending',
      'van-toepassing',
      (i) => {
        i.toepasselijkheid = { uitkomst: 'ontheffing-verloopt', redenen: [], resterendeUren: null };
      },
      /niet van toepassing/,
    ],
    [
      'a maatwerk factor empty',
      'maatwerk',
      (i) => {
        i.ontwerp.maatwerk.opleiding = ' ';
      },
      /opleiding/,
    ],
    [
      'two maatwerk factors missing',
      'maatwerk',
      (i) => {
        i.ontwerp.maatwerk.leeftijd = null;
        i.ontwerp.maatwerk.omstandigheden = null;
      },
      /leeftijd en omstandigheden/,
    ],
    [
      'no hours',
      'uren',
      (i) => {
        i.ontwerp.urenPerWeek = null;
      },
      /uren per week/,
    ],
    [
      'hours above capacity',
      'uren',
      (i) => {
        i.ontwerp.urenPerWeek = 16;
      },
      /16 uur per week is te veel: de klant kan nog 12 uur/,
    ],
    [
      'naar vermogen: no capacity recorded — the threshold is not assumed',
      'uren',
      (i) => {
        i.capaciteit = { bron: 'niet-vastgelegd', reden: null };
      },
      /belastbaarheid van de klant is niet vastgelegd/,
    ],
    [
      'naar vermogen: another running design of 6 hours in the same period leaves 6',
      'uren',
      (i) => {
        i.andereTegenprestaties = [{ urenPerWeek: 6, startdatum: '2027-01-01', einddatum: '2027-03-01' }];
      },
      /8 uur per week is te veel: de klant kan nog 6 uur.*waarvan 6 uur al in een andere/,
    ],
    [
      'capacity unknown',
      'uren',
      (i) => {
        i.toepasselijkheid = { uitkomst: 'niet-van-toepassing', redenen: [], resterendeUren: null };
      },
      /niet bekend/,
    ],
    [
      'client not convinced',
      'overtuigd',
      (i) => {
        i.ontwerp.overtuigd.klant.oordeel = 'nee';
      },
      /Niet overtuigd: de klant.*vrijwillige afspraak/,
    ],
    [
      'organisation statement missing',
      'overtuigd',
      (i) => {
        i.ontwerp.overtuigd.organisatie = { oordeel: null, motivering: null };
      },
      /Nog niet vastgelegd: de organisatie/,
    ],
    [
      'caseworker without motivation',
      'overtuigd',
      (i) => {
        i.ontwerp.overtuigd.klantmanager.motivering = '';
      },
      /Motivering ontbreekt bij de klantmanager/,
    ],
    [
      'no reciprocity',
      'wederkerigheid',
      (i) => {
        i.ontwerp.wederkerigheid = { categorie: null, omschrijving: null };
      },
      /teruggeeft/,
    ],
    [
      'reciprocity outside the offer',
      'wederkerigheid',
      (i) => {
        i.ontwerp.wederkerigheid.categorie = 'certificaat';
      },
      /vaste aanbod/,
    ],
    [
      'no activity',
      'verdringing',
      (i) => {
        i.activiteit = null;
        i.plaatsing = null;
      },
      /Kies eerst een activiteit/,
    ],
    [
      'displacement',
      'verdringing',
      (i) => {
        i.plaatsing = {
          mag: false,
          redenen: ['Uit de verdringingstoets blijkt verdringing.'],
          voorwaarden: null,
          conclusie: 'verdringing',
        };
      },
      /verdringing/,
    ],
    [
      'doubt undecided',
      'verdringing',
      (i) => {
        i.plaatsing = {
          mag: false,
          redenen: ['Twijfel; intervisie nog niet besloten.'],
          voorwaarden: null,
          conclusie: 'twijfel',
        };
      },
      /intervisie/,
    ],
  ];
  it.each(moeten)('MOET blocks: %s', (_naam, id, wijzig, uitleg) => {
    const i = compleet();
    wijzig(i);
    const c = richtlijnChecklist(i);
    const item = c.items.find((x) => x.id === id)!;
    expect(item.niveau).toBe('moet');
    expect(item.status).toBe('open');
    expect(item.uitleg).toMatch(uitleg);
    expect(c.moetenVoldaan).toBe(false);
    expect(c.magNaarToetsing).toBe(false);
  });

  it('a host-less maatwerk activity needs no reciprocity and no organisation statement', () => {
    const i = compleet();
    i.activiteit = {
      titel: 'Boodschappen voor de buren',
      isMaatwerk: true,
      heeftOrganisatie: false,
      aanbod: [],
    };
    i.ontwerp.wederkerigheid = { categorie: null, omschrijving: null };
    i.ontwerp.overtuigd.organisatie = { oordeel: null, motivering: null };
    expect(status(i, 'wederkerigheid')).toBe('niet-van-toepassing');
    expect(status(i, 'overtuigd')).toBe('voldaan');
    expect(richtlijnChecklist(i).magNaarToetsing).toBe(true);
  });

  const wensen: Array<[string, 'gesprek' | 'vervolg' | 'evaluatie', Wijziging]> = [
    [
      'no conversation',
      'gesprek',
      (i) => {
        i.gesprek = null;
      },
    ],
    [
      'conversation part c missing',
      'gesprek',
      (i) => {
        i.gesprek!.onderdelen.eigenVoorstel = false;
      },
    ],
    [
      'no follow-up',
      'vervolg',
      (i) => {
        i.ontwerp.vervolg = null;
      },
    ],
    [
      'follow-up anders without text',
      'vervolg',
      (i) => {
        i.ontwerp.vervolg = 'anders';
      },
    ],
    [
      'no end date',
      'evaluatie',
      (i) => {
        i.ontwerp.einddatum = null;
      },
    ],
    [
      'no evaluation date',
      'evaluatie',
      (i) => {
        i.ontwerp.evaluatiedata = [];
      },
    ],
    [
      'evaluation after the end',
      'evaluatie',
      (i) => {
        i.ontwerp.evaluatiedata = ['2027-09-01'];
      },
    ],
  ];
  it.each(wensen)('WENSELIJK warns and needs a reason: %s', (_naam, id, wijzig) => {
    const i = compleet();
    wijzig(i);
    let c = richtlijnChecklist(i);
    expect(c.moetenVoldaan).toBe(true);
    expect(c.openWaarschuwingen).toEqual([id]);
    expect(c.magNaarToetsing).toBe(false);
    i.ontwerp.afwijkingen[id] = 'De klant wil snel beginnen; we spreken dit later af.';
    c = richtlijnChecklist(i);
    expect(status(i, id)).toBe('afgeweken');
    expect(c.magNaarToetsing).toBe(true);
  });

  it('an intention to impose only for a tailored design the client refuses', () => {
    const i = compleet();
    i.ontwerp.overtuigd.klant = { oordeel: 'nee', motivering: 'Ik wil dit niet doen.' };
    expect(richtlijnChecklist(i).magOpleggen).toBe(true);
    i.ontwerp.urenPerWeek = 20;
    expect(richtlijnChecklist(i).magOpleggen).toBe(false);
    i.ontwerp.urenPerWeek = 8;
    i.ontwerp.overtuigd.klant.motivering = null;
    expect(richtlijnChecklist(i).magOpleggen).toBe(false);
    i.ontwerp.overtuigd.klant = { oordeel: 'nee', motivering: 'Nee.' };
    i.ontwerp.overtuigd.organisatie.oordeel = 'nee';
    expect(richtlijnChecklist(i).magOpleggen).toBe(false);
    i.ontwerp.overtuigd.organisatie.oordeel = 'ja';
    expect(richtlijnChecklist(i).magOpleggen).toBe(true);
    // A WENSELIJK item not met and without a reason blocks it too (the decision goes through toetsing).
    i.ontwerp.vervolg = null;
    expect(richtlijnChecklist(i).magOpleggen).toBe(false);
  });

  const oordelen: Array<[ChecklistInvoer['plaatsing'], RegExp]> = [
    [{ mag: true, redenen: [], voorwaarden: null, conclusie: 'geen-risico' }, /Geen risico/],
    [
      { mag: false, redenen: ['x'], voorwaarden: null, conclusie: 'twijfel' },
      /bij de teamleider voor intervisie/,
    ],
    [
      { mag: true, redenen: [], voorwaarden: 'Max 2 dagen', conclusie: 'twijfel' },
      /na intervisie toegestaan/,
    ],
    [{ mag: false, redenen: ['x'], voorwaarden: null, conclusie: 'verdringing' }, /Verdringing/],
    [{ mag: false, redenen: ['x'], voorwaarden: null, conclusie: null }, /Nog geen oordeel/],
  ];
  it.each(oordelen)('SITUATIONEEL shows the displacement judgment %#', (plaatsing, uitleg) => {
    const i = compleet();
    i.plaatsing = plaatsing;
    const item = richtlijnChecklist(i).items.find((x) => x.id === 'verdringingsoordeel')!;
    expect(item.niveau).toBe('situationeel');
    expect(item.uitleg).toMatch(uitleg);
  });
});

describe('naar vermogen (art. 9 lid 1 onder c Pw)', () => {
  it.each([
    [
      'a statement that no limits are known uses the threshold, with the reason',
      'geen-beperkingen-bekend',
      true,
    ],
    ['recorded hours', 'belastbaarheid', true],
    ['nothing recorded', 'niet-vastgelegd', false],
  ] as const)('%s', (_naam, bron, voldaan) => {
    const i = compleet();
    i.capaciteit = { bron, reden: bron === 'geen-beperkingen-bekend' ? 'Intake: niets genoemd.' : null };
    const item = richtlijnChecklist(i).items.find((x) => x.id === 'uren')!;
    expect(item.status).toBe(voldaan ? 'voldaan' : 'open');
    if (bron === 'geen-beperkingen-bekend')
      expect(item.uitleg).toContain('geen beperkingen bekend (Intake: niets genoemd)');
  });

  const ander = (startdatum: string, einddatum: string | null, urenPerWeek = 4) => ({
    urenPerWeek,
    startdatum,
    einddatum,
  });
  it.each([
    ['none', [], 0],
    ['one overlapping', [ander('2027-01-01', '2027-03-01')], 4],
    ['one ending on the start day (half-open)', [ander('2027-01-01', '2027-02-01')], 0],
    ['one starting on the end day (half-open)', [ander('2027-08-01', null)], 0],
    ['two at once', [ander('2027-01-01', null), ander('2027-03-01', '2027-04-01', 6)], 10],
    [
      'two one after the other count once each',
      [ander('2027-02-01', '2027-03-01'), ander('2027-03-01', null, 6)],
      6,
    ],
    ['open-ended design', [ander('2030-01-01', null, 3)], 3],
  ] as const)('urenElders: %s', (naam, anderen, verwacht) => {
    const einde = naam === 'open-ended design' ? null : '2027-08-01';
    expect(urenElders('2027-02-01', einde, anderen)).toBe(verwacht);
  });
});

describe('werk-gaat-voor: work and re-integration that start later in the period', () => {
  const werk = (o: Partial<LaterWerk> = {}): LaterWerk => ({
    soort: 'werk',
    begindatum: '2027-04-01',
    omschrijving: 'Magazijn',
    urenPerWeek: 4,
    dagdelen: ['di-ochtend'],
    resterendeUren: 8,
    ...o,
  });
  it.each([
    ['nothing starts later', [], 'niet-van-toepassing', /geen betaald werk of re-integratie/],
    [
      'work before the start does not count here',
      [werk({ begindatum: '2027-01-15' })],
      'niet-van-toepassing',
      /geen/,
    ],
    [
      'work on the start date does not count here',
      [werk({ begindatum: '2027-02-01' })],
      'niet-van-toepassing',
      /geen/,
    ],
    [
      'work after the end date does not count',
      [werk({ begindatum: '2027-08-02' })],
      'niet-van-toepassing',
      /geen/,
    ],
    [
      'work on the end date counts',
      [werk({ begindatum: '2027-08-01', dagdelen: ['ma-ochtend'] })],
      'open',
      /botst/,
    ],
    ['work later on another day part, hours fit', [werk()], 'voldaan', /botst niet/],
    [
      'work later on a day part of the design',
      [werk({ dagdelen: ['wo-ochtend'] })],
      'open',
      /Op 1-4-2027 begint de klant met betaald werk \(Magazijn\) op woensdagochtend: dat botst/,
    ],
    [
      'work later leaves too few hours',
      [werk({ urenPerWeek: 10, resterendeUren: 6 })],
      'open',
      /daarna kan de klant nog 6 uur per week, minder dan de 8 uur van het ontwerp/,
    ],
    [
      're-integration later on a day part of the design',
      [werk({ soort: 'reintegratie', urenPerWeek: null, dagdelen: ['ma-ochtend'], resterendeUren: null })],
      'open',
      /begint de re-integratie \(Magazijn\) op maandagochtend/,
    ],
    [
      're-integration later on another day part',
      [werk({ soort: 'reintegratie', urenPerWeek: null, resterendeUren: null })],
      'voldaan',
      /re-integratie op 1-4-2027/,
    ],
  ] as Array<[string, LaterWerk[], string, RegExp]>)('%s', (_n, later, verwacht, tekst) => {
    const i = compleet();
    i.laterWerk = later;
    const item = richtlijnChecklist(i).items.find((x) => x.id === 'werk-gaat-voor')!;
    expect(item.status).toBe(verwacht);
    expect(item.uitleg).toMatch(tekst);
    expect(richtlijnChecklist(i).magNaarToetsing).toBe(verwacht !== 'open');
  });

  it('counts the other designs too when work starts later', () => {
    const i = compleet();
    i.laterWerk = [werk({ resterendeUren: 12 })];
    i.andereTegenprestaties = [{ urenPerWeek: 6, startdatum: '2027-03-01', einddatum: null }];
    expect(
      latereBotsingen({ ...i.ontwerp, startdatum: '2027-02-01' }, i.laterWerk, i.andereTegenprestaties),
    ).toEqual([
      'Op 1-4-2027 begint de klant met betaald werk (Magazijn) voor 4 uur per week; daarna kan de klant nog 6 uur per week, minder dan de 8 uur van het ontwerp.',
    ]);
  });

  it('without day parts in the design it asks for them', () => {
    const i = compleet();
    i.ontwerp.dagdelen = [];
    i.laterWerk = [werk()];
    expect(status(i, 'werk-gaat-voor')).toBe('open');
  });
});
