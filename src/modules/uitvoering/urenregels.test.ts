import { describe, expect, it } from 'vitest';
import { maandagVan, maxUrenPerWeek, toetsUren, type UrenKader } from './urenregels.ts';

// Monday and Wednesday mornings, 4 hours a day part: at most 8 hours a week.
const kader: UrenKader = {
  startdatum: '2026-09-07',
  einddatum: '2027-03-05',
  dagdelen: ['ma-ochtend', 'wo-ochtend'],
  vandaag: '2026-11-20',
  urenPerDagdeel: 4,
};
const geen = new Map<string, number>();

describe('toetsUren: dates', () => {
  it.each([
    ['the start date itself', '2026-09-07', []],
    ['the day before the start date', '2026-09-06', ['dagen.0.datum']],
    ['the end date itself (today moved past it)', '2027-03-05', []],
    ['the day after the end date', '2027-03-06', ['dagen.0.datum']],
    ['today', '2026-11-20', []],
    ['tomorrow', '2026-11-21', ['dagen.0.datum']],
  ])('%s', (_naam, datum, velden) => {
    const k = datum >= '2027-03-05' ? { ...kader, vandaag: '2027-03-10' } : kader;
    expect(Object.keys(toetsUren(k, [{ datum, uren: 2 }], geen))).toEqual(velden);
  });

  it('names the rule in plain Dutch', () => {
    expect(toetsUren(kader, [{ datum: '2026-11-21', uren: 1 }], geen)['dagen.0.datum']).toBe(
      '21 november 2026 ligt in de toekomst. Uren legt u vast op de dag zelf of later.',
    );
    expect(toetsUren(kader, [{ datum: '2026-09-06', uren: 1 }], geen)['dagen.0.datum']).toBe(
      '6 september 2026 ligt vóór de startdatum (7 september 2026).',
    );
  });

  it('an absence (0 hours) in the future is refused too; a removal never is', () => {
    expect(Object.keys(toetsUren(kader, [{ datum: '2026-11-23', uren: 0 }], geen))).toEqual([
      'dagen.0.datum',
    ]);
    expect(toetsUren(kader, [{ datum: '2026-09-01', uren: 0, verwijderen: true }], geen)).toEqual({});
  });

  it('without a start date nothing can be registered', () => {
    expect(
      Object.keys(toetsUren({ ...kader, startdatum: null }, [{ datum: '2026-10-05', uren: 1 }], geen)),
    ).toEqual(['formulier']);
  });
});

describe('toetsUren: day parts', () => {
  it.each([
    ['8 hours in two mornings fit', [4, 0, 4], []],
    ['8.25 hours do not (the message goes with the week first day)', [4, 0, 4.25], ['dagen.0.uren']],
    ['8 hours on one day fit the week', [8], []],
    ['12 hours on one day is the most a day holds, but not this week', [12], ['dagen.0.uren']],
    ['12.25 hours on one day never fit a day', [12.25], ['dagen.0.uren']],
  ])('%s', (_naam, uren, velden) => {
    const dagen = uren.map((u, i) => ({ datum: `2026-10-0${5 + i}`, uren: u }));
    expect(Object.keys(toetsUren(kader, dagen, geen))).toEqual(velden);
  });

  it('no 20 hours in one morning', () => {
    const f = toetsUren({ ...kader, dagdelen: ['ma-ochtend'] }, [{ datum: '2026-10-05', uren: 12 }], geen);
    expect(f['dagen.0.uren']).toBe(
      'In de week van 5 oktober 2026 komen de uren op 12. Bij 1 dagdeel van hoogstens 4 uur passen er hoogstens 4 per week.',
    );
  });

  it('counts the stored days the change keeps, and the changed ones instead of their stored value', () => {
    const bestaand = new Map([
      ['2026-10-05', 4],
      ['2026-10-07', 4],
    ]);
    expect(Object.keys(toetsUren(kader, [{ datum: '2026-10-09', uren: 1 }], bestaand))).toEqual([
      'dagen.0.uren',
    ]);
    // Changing Wednesday from 4 to 3 makes room for one hour on Friday.
    expect(
      toetsUren(
        kader,
        [
          { datum: '2026-10-07', uren: 3 },
          { datum: '2026-10-09', uren: 1 },
        ],
        bestaand,
      ),
    ).toEqual({});
    // Removing Monday makes room too; stored hours in another week do not count.
    expect(
      toetsUren(
        kader,
        [
          { datum: '2026-10-05', uren: 0, verwijderen: true },
          { datum: '2026-10-09', uren: 4 },
        ],
        bestaand,
      ),
    ).toEqual({});
    expect(toetsUren(kader, [{ datum: '2026-10-12', uren: 8 }], bestaand)).toEqual({});
  });

  it('a week is Monday to Sunday: Sunday and the next Monday are different weeks', () => {
    const dagen = [
      { datum: '2026-10-11', uren: 8 },
      { datum: '2026-10-12', uren: 8 },
    ];
    expect(toetsUren(kader, dagen, geen)).toEqual({});
  });

  it('the limit per day part is configuration', () => {
    expect(
      Object.keys(toetsUren({ ...kader, urenPerDagdeel: 3 }, [{ datum: '2026-10-05', uren: 7 }], geen)),
    ).toEqual(['dagen.0.uren']);
    expect(maxUrenPerWeek({ dagdelen: ['ma-ochtend', 'ma-ochtend', 'di-middag'], urenPerDagdeel: 3.5 })).toBe(
      7,
    );
  });

  it('without agreed day parts no hours fit; an absence does', () => {
    const k = { ...kader, dagdelen: [] };
    expect(toetsUren(k, [{ datum: '2026-10-05', uren: 1 }], geen)['dagen.0.uren']).toMatch(/geen dagdelen/);
    expect(toetsUren(k, [{ datum: '2026-10-05', uren: 0 }], geen)).toEqual({});
  });
});

describe('maandagVan', () => {
  it.each([
    ['2026-10-05', '2026-10-05'],
    ['2026-10-11', '2026-10-05'],
    ['2026-10-12', '2026-10-12'],
    ['2027-01-01', '2026-12-28'],
  ])('%s → %s', (iso, maandag) => expect(maandagVan(iso)).toBe(maandag));
});
