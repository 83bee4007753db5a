import { describe, expect, it } from 'vitest';
import { STATUSSEN, type Status } from '../tegenprestaties/index.ts';
import { volgendeStappen } from './stappen.ts';

const VANDAAG = '2026-12-07';

describe('volgendeStappen', () => {
  it.each([
    ['verkenning', null, ['ontwerpen:ja']],
    ['ontwerp', null, ['ontwerpen:ja']],
    ['toetsing', null, ['toetsen:ja']],
    ['overeengekomen', '2026-12-08', ['starten:nee', 'terug-naar-ontwerp:ja', 'beeindigen-voor-start:ja']],
    ['overeengekomen', VANDAAG, ['starten:ja', 'terug-naar-ontwerp:ja', 'beeindigen-voor-start:ja']],
    ['overeengekomen', '2026-11-30', ['starten:ja', 'terug-naar-ontwerp:ja', 'beeindigen-voor-start:ja']],
    ['overeengekomen', null, ['starten:nee', 'terug-naar-ontwerp:ja', 'beeindigen-voor-start:ja']],
    ['lopend', '2026-11-30', ['uren:ja', 'evalueren:ja', 'aanpassen:nee', 'eindevalueren:ja']],
    ['afgerond', '2026-11-30', []],
    ['beeindigd', '2026-11-30', []],
    ['opleggen', null, ['ontwerpen:ja']],
  ] as Array<[Status, string | null, string[]]>)('%s (start %s)', (status, startdatum, verwacht) => {
    const v = volgendeStappen({ status, startdatum }, VANDAAG);
    expect(v.stappen.map((s) => `${s.stap}:${s.kan ? 'ja' : 'nee'}`)).toEqual(verwacht);
  });

  it('never leaves a status without a step or a reason why there is none', () => {
    for (const status of STATUSSEN) {
      const v = volgendeStappen({ status, startdatum: '2026-11-30' }, VANDAAG);
      if (v.stappen.length === 0) expect(v.waaromGeen).toMatch(/\w{10,}/);
      else expect(v.waaromGeen).toBeNull();
      for (const s of v.stappen) expect(s.uitleg.length).toBeGreaterThan(20);
    }
  });

  it('says from when a placement can start', () => {
    const [starten] = volgendeStappen(
      { status: 'overeengekomen', startdatum: '2026-12-08' },
      VANDAAG,
    ).stappen;
    expect(starten?.uitleg).toBe(
      'Starten kan vanaf de startdatum, 8 december 2026. Op die dag start de dagelijkse taak hem ook vanzelf.',
    );
  });

  it.each([
    // [latest evaluation, open version, can adjust, text]
    [null, null, false, /na een evaluatie met het besluit "aanpassen"/],
    [
      { datum: '2026-12-01', besluit: 'voortzetten' },
      null,
      false,
      /na een evaluatie met het besluit "aanpassen"/,
    ],
    [{ datum: '2026-12-01', besluit: 'aanpassen' }, null, true, /Na de evaluatie van 1 december 2026/],
    [{ datum: '2026-12-01', besluit: 'aanpassen' }, 2, true, /Versie 2 van de overeenkomst wacht/],
    [{ datum: '2026-12-01', besluit: 'voortzetten' }, 3, true, /Versie 3/],
  ] as Array<[{ datum: string; besluit: string } | null, number | null, boolean, RegExp]>)(
    'a running placement after evaluation %o, open version %s: adjust %s',
    (laatsteEvaluatie, openVersie, kan, tekst) => {
      const s = volgendeStappen({ status: 'lopend', startdatum: '2026-11-30' }, VANDAAG, {
        laatsteEvaluatie,
        openVersie,
      }).stappen.find((x) => x.stap === 'aanpassen');
      expect(s?.kan).toBe(kan);
      expect(s?.uitleg).toMatch(tekst);
    },
  );
});
