import { describe, expect, it } from 'vitest';
import {
  beoordelingMelding,
  hoorMelding,
  type MaatregelStand,
  ontbrekendVoorBesluit,
  ontbrekendVoorVoorstel,
} from './maatregelpad.ts';

/** A complete proposal waiting for the team lead: heard (view in), culpable, no urgent reasons. */
const compleet: MaatregelStand = {
  status: 'ter-beoordeling',
  besluitVerzenddatum: '2026-11-01',
  hoortermijnEinde: '2026-12-21',
  zienswijzeDatum: '2026-12-07',
  hoorGrond: null,
  hoorMotivering: null,
  voorwaarden412: false,
  verwijtbaar: true,
  verwijtbaarheidMotivering: 'Wist het.',
  dringendeRedenen: false,
  dringendeRedenenMotivering: 'Geen.',
  voorstelDoor: 'km',
  voorstelPercentage: 30,
};
const tl = { vandaag: '2026-12-08', goedkeurder: 'tl', goedkeurderIsTeamleider: true };

describe('ontbrekendVoorBesluit: never a measure without each condition', () => {
  it.each<[string, Partial<MaatregelStand>, Partial<typeof tl>, RegExp | null]>([
    ['complete: decided', {}, {}, null],
    ['no imposed decision', { besluitVerzenddatum: null }, {}, /geen verzonden besluit/],
    [
      'no view, term runs (its last day)',
      { zienswijzeDatum: null },
      { vandaag: '2026-12-21' },
      /loopt tot en met/,
    ],
    ['no view, term ended (the day after)', { zienswijzeDatum: null }, { vandaag: '2026-12-22' }, null],
    [
      'an Awb 4:11 ground with reasons',
      { zienswijzeDatum: null, hoorGrond: 'awb-4-11-a', hoorMotivering: 'Spoed.' },
      {},
      null,
    ],
    [
      'an Awb ground without reasons',
      { zienswijzeDatum: null, hoorGrond: 'awb-4-11-b', hoorMotivering: ' ' },
      {},
      /Motiveer/,
    ],
    [
      'Awb 4:12 without its conditions',
      { zienswijzeDatum: null, hoorGrond: 'awb-4-12', hoorMotivering: 'F.' },
      {},
      /4:12/,
    ],
    [
      'Awb 4:12 with its conditions',
      { zienswijzeDatum: null, hoorGrond: 'awb-4-12', hoorMotivering: 'F.', voorwaarden412: true },
      {},
      null,
    ],
    [
      'no culpability assessment',
      { verwijtbaar: null, verwijtbaarheidMotivering: null },
      {},
      /verwijtbaarheid/,
    ],
    ['culpability without reasons', { verwijtbaarheidMotivering: '' }, {}, /verwijtbaarheid/],
    ['not culpable', { verwijtbaar: false }, {}, /zie af/],
    [
      'urgent reasons not assessed',
      { dringendeRedenen: null, dringendeRedenenMotivering: null },
      {},
      /dringende redenen/,
    ],
    ['urgent reasons found', { dringendeRedenen: true }, {}, /dringende redenen/],
    [
      'no proposal',
      { status: 'voornemen', voorstelDoor: null, voorstelPercentage: null },
      {},
      /geen definitief voorstel/,
    ],
    ['approver made the proposal', {}, { goedkeurder: 'km' }, /vier ogen/],
    ['approver is not a team lead', {}, { goedkeurderIsTeamleider: false }, /teamleider/],
    ['already decided', { status: 'besloten' }, {}, /geen definitief voorstel/],
  ])('%s', (_naam, stand, wie, verwacht) => {
    const uit = ontbrekendVoorBesluit({ ...compleet, ...stand }, { ...tl, ...wie });
    if (verwacht === null) expect(uit).toEqual([]);
    else expect(uit.join(' ')).toMatch(verwacht);
  });
});

describe('ontbrekendVoorVoorstel', () => {
  const open: MaatregelStand = {
    ...compleet,
    status: 'voornemen',
    voorstelDoor: null,
    voorstelPercentage: null,
  };
  it('complete in voornemen: the proposal may go', () => {
    expect(ontbrekendVoorVoorstel(open, '2026-12-08')).toEqual([]);
  });
  it('not in voornemen, or heard nor assessed: refused with each reason', () => {
    expect(ontbrekendVoorVoorstel({ ...open, status: 'afgezien' }, '2026-12-08').join(' ')).toMatch(
      /afgezien/,
    );
    const uit = ontbrekendVoorVoorstel(
      { ...open, zienswijzeDatum: null, verwijtbaar: null, verwijtbaarheidMotivering: null },
      '2026-12-08',
    );
    expect(uit).toHaveLength(2);
  });
  it('hoorMelding and beoordelingMelding alone', () => {
    expect(hoorMelding(open, '2026-12-08')).toBeNull();
    expect(beoordelingMelding(open)).toBeNull();
  });
});
