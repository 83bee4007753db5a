import { describe, expect, it } from 'vitest';
import {
  beoordeelAkkoord,
  beoordeelVoornemen,
  beoordeelZienswijze,
  type VoornemenInvoer,
  type ZienswijzeInvoer,
} from './oplegging.ts';

const reden = (maaktOngeschikt = false) => ({
  tekst: 'Ik heb er geen zin in.',
  categorie: 'anders' as const,
  maaktOngeschikt,
  beoordeling: 'Geen zin maakt het ontwerp niet ongeschikt: het past bij wat de klant kan.',
});
const goed = (): VoornemenInvoer => ({
  gemeenteLegtOp: true,
  opMaat: true,
  redenen: [reden()],
  alternatief: { soort: 'alternatief-aangeboden', toelichting: 'Het buurthuis aangeboden; ook niet gewild.' },
  adviesGevraagd: false,
});

describe('beoordeelVoornemen', () => {
  const tabel: Array<[string, (i: VoornemenInvoer) => void, string | null]> = [
    ['complete intention', () => {}, null],
    ['a municipality that only offers (Bergdorp)', (i) => (i.gemeenteLegtOp = false), 'formulier'],
    ['not tailored', (i) => (i.opMaat = false), 'formulier'],
    ['no reason', (i) => (i.redenen = []), 'redenen'],
    ['a reason without text', (i) => (i.redenen = [{ ...reden(), tekst: ' ' }]), 'redenen.0.tekst'],
    [
      'a reason without judgment',
      (i) => (i.redenen = [reden(), { ...reden(), beoordeling: '' }]),
      'redenen.1.beoordeling',
    ],
    [
      'no alternative and no advice',
      (i) => (i.alternatief = { soort: null, toelichting: null }),
      'alternatief.soort',
    ],
    [
      'an alternative without description',
      (i) => (i.alternatief = { soort: 'alternatief-aangeboden', toelichting: '' }),
      'alternatief.toelichting',
    ],
    [
      'advice named but never asked',
      (i) => (i.alternatief = { soort: 'advies-teamleider', toelichting: null }),
      'alternatief.soort',
    ],
    [
      'advice asked',
      (i) => {
        i.alternatief = { soort: 'advies-teamleider', toelichting: null };
        i.adviesGevraagd = true;
      },
      null,
    ],
  ];
  it.each(tabel)('%s', (_n, wijzig, veld) => {
    const i = goed();
    wijzig(i);
    const o = beoordeelVoornemen(i);
    if (veld === null) expect(o.fouten).toEqual({});
    else expect(Object.keys(o.fouten)).toContain(veld);
  });

  it('reports a good reason (it makes the design unsuitable)', () => {
    const i = goed();
    i.redenen = [
      reden(),
      { ...reden(true), categorie: 'zorgtaken', tekst: 'Ik zorg op maandag voor mijn moeder.' },
    ];
    expect(beoordeelVoornemen(i).goedeReden).toBe(1);
    expect(beoordeelVoornemen(goed()).goedeReden).toBeNull();
  });
});

describe('beoordeelZienswijze', () => {
  const opts = { vandaag: '2026-12-07', voornemenDatum: '2026-12-01' };
  const zienswijze = (
    w: Partial<Extract<ZienswijzeInvoer, { soort: 'zienswijze' }>> = {},
  ): ZienswijzeInvoer => ({
    soort: 'zienswijze',
    vorm: 'telefonisch',
    datum: '2026-12-03',
    inhoud: 'De klant zegt dat het werk te zwaar is.',
    beantwoording: 'Het werk is licht: 4 uur zittend werk, zie de belastbaarheid.',
    ...w,
  });
  const grond = (g: 'spoed' | 'eerder-gehoord' | null, motivering: string): ZienswijzeInvoer => ({
    soort: 'awb-4-11',
    grond: g,
    motivering,
  });
  const tabel: Array<[string, ZienswijzeInvoer, string | null]> = [
    ['a complete view', zienswijze(), null],
    ['on the day of the intention (boundary)', zienswijze({ datum: '2026-12-01' }), null],
    ['the day before the intention', zienswijze({ datum: '2026-11-30' }), 'datum'],
    ['today (boundary)', zienswijze({ datum: '2026-12-07' }), null],
    ['tomorrow', zienswijze({ datum: '2026-12-08' }), 'datum'],
    ['no date', zienswijze({ datum: null }), 'datum'],
    ['no form', zienswijze({ vorm: null }), 'vorm'],
    ['no content', zienswijze({ inhoud: '  ' }), 'inhoud'],
    ['no answer for the reasons', zienswijze({ beantwoording: null }), 'beantwoording'],
    ['an Awb 4:11 ground with reasons', grond('eerder-gehoord', 'Op 1 december gehoord.'), null],
    ['a ground without reasons', grond('spoed', ''), 'motivering'],
    ['no ground', grond(null, 'Geen tijd.'), 'grond'],
  ];
  it.each(tabel)('%s', (_n, invoer, veld) => {
    const f = beoordeelZienswijze(invoer, opts);
    if (veld === null) expect(f).toEqual({});
    else expect(Object.keys(f)).toContain(veld);
  });
});

describe('beoordeelAkkoord (four eyes)', () => {
  const basis: Parameters<typeof beoordeelAkkoord>[0] = {
    doorId: 'tl',
    voornemenDoorId: 'km',
    zienswijzeDoorId: 'km',
    zienswijzeVastgelegd: true,
    akkoord: true,
    toelichting: null,
  };
  const tabel: Array<[string, Partial<Parameters<typeof beoordeelAkkoord>[0]>, string | null]> = [
    ['a second person approves', {}, null],
    ['the one who recorded the intention', { doorId: 'km' }, 'formulier'],
    [
      'the one who recorded the view',
      { doorId: 'km2', voornemenDoorId: 'km', zienswijzeDoorId: 'km2' },
      'formulier',
    ],
    ['no person (a system)', { doorId: null }, 'formulier'],
    ['no view and no ground yet', { zienswijzeVastgelegd: false }, 'formulier'],
    ['sent back without a reason', { akkoord: false }, 'toelichting'],
    [
      'sent back with a reason, before the view',
      { akkoord: false, zienswijzeVastgelegd: false, toelichting: 'Pas de uren aan.' },
      null,
    ],
  ];
  it.each(tabel)('%s', (_n, w, veld) => {
    const f = beoordeelAkkoord({ ...basis, ...w });
    if (veld === null) expect(f).toEqual({});
    else expect(Object.keys(f)).toContain(veld);
  });
});
