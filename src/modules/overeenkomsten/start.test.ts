import { describe, expect, it } from 'vitest';
import type { Status } from '../tegenprestaties/index.ts';
import { type AfspraakVoorStart, startOordeel } from './start.ts';

const VANDAAG = '2026-12-14';
const huidig = (startdatum: string | null): AfspraakVoorStart => ({ startdatum, huidig: true });
const vervangen = (startdatum: string): AfspraakVoorStart => ({ startdatum, huidig: false });

describe('startOordeel', () => {
  it.each([
    // The design's current agreement, same start date, on or after it: start.
    ['overeengekomen', '2026-12-14', huidig('2026-12-14'), 'ja'],
    ['overeengekomen', '2026-12-07', huidig('2026-12-07'), 'ja'],
    // Before the start date.
    ['overeengekomen', '2026-12-15', huidig('2026-12-15'), 'te-vroeg'],
    // Agreed again with a later start date: the old agreement (its date has come) does not start it...
    ['overeengekomen', '2027-01-04', vervangen('2026-12-07'), 'vervangen'],
    // ...also not when it were somehow still taken for current: the design's date is not the agreement's.
    ['overeengekomen', '2027-01-04', huidig('2026-12-07'), 'andere-startdatum'],
    ['overeengekomen', '2026-12-07', huidig('2027-01-04'), 'andere-startdatum'],
    // A superseded agreement with the same date as the design still does not start it.
    ['overeengekomen', '2026-12-07', vervangen('2026-12-07'), 'vervangen'],
    ['overeengekomen', '2026-12-07', null, 'geen-overeenkomst'],
    ['overeengekomen', '2026-12-07', huidig(null), 'geen-overeenkomst'],
    ['overeengekomen', null, huidig('2026-12-07'), 'andere-startdatum'],
    // Stepped back, or already past the agreement.
    ['ontwerp', '2026-12-07', huidig('2026-12-07'), 'niet-overeengekomen'],
    ['toetsing', '2026-12-07', huidig('2026-12-07'), 'niet-overeengekomen'],
    ['lopend', '2026-12-07', huidig('2026-12-07'), 'niet-overeengekomen'],
    ['beeindigd', '2026-12-07', huidig('2026-12-07'), 'niet-overeengekomen'],
  ] as Array<[Status, string | null, AfspraakVoorStart | null, string]>)(
    '%s, design starts %s, agreement %o: %s',
    (status, startdatum, afspraak, verwacht) => {
      const o = startOordeel({ status, startdatum }, afspraak, VANDAAG);
      expect(o.mag ? 'ja' : o.reden).toBe(verwacht);
      if (!o.mag) expect(o.melding.length).toBeGreaterThan(20);
    },
  );

  it('says from when', () => {
    const o = startOordeel(
      { status: 'overeengekomen', startdatum: '2027-01-04' },
      huidig('2027-01-04'),
      VANDAAG,
    );
    expect(o).toMatchObject({ mag: false, melding: 'Starten kan vanaf de startdatum, 4 januari 2027.' });
  });
});
