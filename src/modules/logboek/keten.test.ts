import { describe, expect, it } from 'vitest';
import {
  type BevindingSoort,
  bouwKeten,
  canoniekeRegel,
  canoniekeZegel,
  controleerKeten,
  genesisHash,
  type KetenKop,
  type KetenSleutel,
  type LogboekRegelData,
  maakAnkerZegel,
  maakVerwijderZegel,
  maakZegel,
  maandBegin,
  magVerwijderd,
  type OpgeslagenRegel,
  partitieNaam,
  plusMaanden,
  regelHash,
  sleutelId,
} from './keten.ts';

const SLEUTEL: KetenSleutel = {
  partitie: new Date('2026-11-01T00:00:00Z'),
  dienstId: '11111111-1111-4111-8111-111111111111',
  gemeenteId: '22222222-2222-4222-8222-222222222222',
};
const KEY = 'ab'.repeat(32);

const regel = (i: number): Omit<LogboekRegelData, 'volgnummer'> => ({
  tijdstip: new Date(Date.UTC(2026, 10, 27, 10, 0, i, 123)),
  dienstId: SLEUTEL.dienstId,
  gemeenteId: SLEUTEL.gemeenteId,
  actorId: '33333333-3333-4333-8333-333333333333',
  actorReden: null,
  rol: 'klantmanager',
  actie: i % 2 ? 'lezen' : 'wijzigen',
  subjectType: 'klant',
  subjectId: `44444444-4444-4444-8444-${String(i).padStart(12, '0')}`,
  verwerkingsactiviteitId: 'va-klantdossier-tegenprestatie',
  traceId: `req-${i}`,
});

const { regels: KETEN, kop: KOP } = bouwKeten(
  SLEUTEL,
  Array.from({ length: 6 }, (_, i) => regel(i)),
);

describe('canonical form and hash', () => {
  it('is a fixed-order JSON array with a version tag', () => {
    const r = { ...regel(1), volgnummer: 1 };
    expect(JSON.parse(canoniekeRegel(r))).toEqual([
      'wederkerig-logboek-regel-v1',
      1,
      '2026-11-27T10:00:01.123Z',
      SLEUTEL.dienstId,
      SLEUTEL.gemeenteId,
      '33333333-3333-4333-8333-333333333333',
      null,
      'klantmanager',
      'lezen',
      'klant',
      '44444444-4444-4444-8444-000000000001',
      'va-klantdossier-tegenprestatie',
      'req-1',
    ]);
  });

  it.each([
    ['volgnummer', { volgnummer: 2 }],
    ['tijdstip (one millisecond)', { tijdstip: new Date(Date.UTC(2026, 10, 27, 10, 0, 1, 124)) }],
    ['gemeente', { gemeenteId: null }],
    ['actor', { actorId: 'systeem' }],
    ['reden', { actorReden: 'job' }],
    ['rol', { rol: 'teamleider' }],
    ['actie', { actie: 'exporteren' as const }],
    ['subject type', { subjectType: 'organisatie' }],
    ['subject id', { subjectId: 'x' }],
    ['verwerkingsactiviteit', { verwerkingsactiviteitId: 'va-matching' }],
    ['trace id', { traceId: null }],
  ])('changes when %s changes', (_naam, wijziging) => {
    const basis = { ...regel(1), volgnummer: 1 };
    const vorige = genesisHash(SLEUTEL);
    expect(regelHash(vorige, { ...basis, ...wijziging })).not.toBe(regelHash(vorige, basis));
  });

  it('depends on the previous hash, and the genesis on the chain key', () => {
    const r = { ...regel(1), volgnummer: 1 };
    expect(regelHash('00'.repeat(32), r)).not.toBe(regelHash('01'.repeat(32), r));
    expect(genesisHash(SLEUTEL)).not.toBe(genesisHash({ ...SLEUTEL, gemeenteId: null }));
    expect(genesisHash(SLEUTEL)).not.toBe(
      genesisHash({ ...SLEUTEL, partitie: new Date('2026-12-01T00:00:00Z') }),
    );
    expect(regelHash(genesisHash(SLEUTEL), r)).toMatch(/^[0-9a-f]{64}$/);
  });
});

type Geval = [naam: string, regels: OpgeslagenRegel[], kop: KetenKop | undefined, verwacht: BevindingSoort[]];

const zonder = (i: number) => KETEN.filter((_, j) => j !== i);
const gewijzigd = (i: number, veld: Partial<OpgeslagenRegel>) =>
  KETEN.map((r, j) => (j === i ? { ...r, ...veld } : r));
/** An attacker who changes entry i and recomputes every hash after it (but not the head). */
function herberekend(i: number, veld: Partial<LogboekRegelData>): OpgeslagenRegel[] {
  let vorige = genesisHash(SLEUTEL);
  return KETEN.map((r, j) => {
    const data = j === i ? { ...r, ...veld } : r;
    const hash = j >= i ? regelHash(vorige, data) : r.hash;
    vorige = hash;
    return { ...data, hash };
  });
}
const extra = (): OpgeslagenRegel => {
  const data = { ...regel(9), volgnummer: 7 };
  return { ...data, hash: regelHash(KOP.hash, data) };
};

describe('chain check', () => {
  const gevallen: Geval[] = [
    ['an honest chain', KETEN, KOP, []],
    ['an empty chain with its genesis head', [], { volgnummer: 0, hash: genesisHash(SLEUTEL) }, []],
    ['a changed field', gewijzigd(2, { subjectId: 'ander-subject' }), KOP, ['gewijzigd']],
    ['a changed hash', gewijzigd(2, { hash: 'f'.repeat(64) }), KOP, ['gewijzigd']],
    [
      'a change with all later hashes recomputed',
      herberekend(2, { actie: 'verwijderen' }),
      KOP,
      ['gewijzigd'],
    ],
    ['a deleted entry in the middle', zonder(2), KOP, ['verwijderd']],
    ['the first entry deleted', zonder(0), KOP, ['verwijderd']],
    ['the last entry deleted (truncated)', zonder(5), KOP, ['afgekapt']],
    ['the tail deleted (truncated)', KETEN.slice(0, 3), KOP, ['afgekapt']],
    ['all entries deleted', [], KOP, ['afgekapt']],
    ['an exact duplicate', [...KETEN, KETEN[3]!], KOP, ['ingevoegd']],
    ['a forged entry with a used number', [...KETEN, { ...KETEN[3]!, subjectId: 'nep' }], KOP, ['ingevoegd']],
    ['a valid-looking entry after the head', [...KETEN, extra()], KOP, ['ingevoegd']],
    ['entries without a head', KETEN, undefined, ['ingevoegd']],
    ['a head moved back', KETEN, { volgnummer: 5, hash: KETEN[4]!.hash }, ['ingevoegd']],
    ['a head with another hash', KETEN, { volgnummer: 6, hash: '0'.repeat(64) }, ['gewijzigd']],
    ['an entry with number 0', [{ ...KETEN[0]!, volgnummer: 0 }, ...KETEN], KOP, ['ingevoegd']],
  ];

  it.each(gevallen)('%s', (_naam, regels, kop, verwacht) => {
    const soorten = [...new Set(controleerKeten(SLEUTEL, regels, kop).map((b) => b.soort))];
    expect(soorten).toEqual(verwacht);
  });

  describe('with a signed checkpoint (ijkpunt)', () => {
    const ijkpunt = { volgnummer: 4, hash: KETEN[3]!.hash };
    const herschreven = herberekend(1, { subjectId: 'anders' });
    const herschrevenKop = { volgnummer: 6, hash: herschreven[5]!.hash };
    const ingekort = KETEN.slice(0, 2);
    const ingekortKop = { volgnummer: 2, hash: KETEN[1]!.hash };
    it.each([
      ['an honest chain that grew after the checkpoint', KETEN, KOP, []],
      ['a chain rewritten consistently, head included', herschreven, herschrevenKop, ['gewijzigd']],
      ['a chain cut back before the checkpoint, head included', ingekort, ingekortKop, ['afgekapt']],
      ['all entries and the head removed', [], undefined, ['afgekapt']],
    ] as Array<[string, OpgeslagenRegel[], KetenKop | undefined, BevindingSoort[]]>)(
      '%s',
      (_naam, regels, kop, verwacht) => {
        const soorten = [...new Set(controleerKeten(SLEUTEL, regels, kop, ijkpunt).map((b) => b.soort))];
        expect(soorten).toEqual(verwacht);
      },
    );
    it('without the checkpoint, the consistent rewrite passes (the limit of an unsigned head)', () => {
      expect(controleerKeten(SLEUTEL, herschreven, herschrevenKop)).toEqual([]);
    });
  });

  it('points at the entry and the chain', () => {
    const [b] = controleerKeten(SLEUTEL, zonder(2), KOP);
    expect(b).toMatchObject({ soort: 'verwijderd', volgnummer: 3, partitie: '2026-11' });
    expect(b?.keten).toBe(`${SLEUTEL.dienstId}/${SLEUTEL.gemeenteId}`);
    expect(b?.melding).toMatch(/Regel 3 ontbreekt/);
  });

  it('accepts rows of one number in any order, whichever is the original', () => {
    const nep = { ...KETEN[3]!, subjectId: 'nep', hash: 'e'.repeat(64) };
    const regels = [...KETEN.slice(0, 3), nep, ...KETEN.slice(3)];
    expect(controleerKeten(SLEUTEL, regels, KOP).map((b) => b.soort)).toEqual(['ingevoegd']);
  });
});

describe('seals', () => {
  const koppen = [
    { dienstId: 'b', gemeenteId: null, volgnummer: 3, hash: 'c'.repeat(64) },
    { dienstId: 'a', gemeenteId: 'g2', volgnummer: 9, hash: 'd'.repeat(64) },
    { dienstId: 'a', gemeenteId: 'g1', volgnummer: 1, hash: 'e'.repeat(64) },
  ];
  const inhoud = {
    van: new Date('2026-10-01T00:00:00Z'),
    tot: new Date('2026-11-01T00:00:00Z'),
    vorigeZegel: 'f'.repeat(64),
    koppen,
  };

  it('does not depend on the order of the heads', () => {
    expect(canoniekeZegel(inhoud)).toBe(canoniekeZegel({ ...inhoud, koppen: [...koppen].reverse() }));
  });

  it.each([
    ['another key', () => maakZegel('cd'.repeat(32), inhoud)],
    [
      'a head with another number',
      () => maakZegel(KEY, { ...inhoud, koppen: [{ ...koppen[0]!, volgnummer: 2 }, ...koppen.slice(1)] }),
    ],
    ['a head removed', () => maakZegel(KEY, { ...inhoud, koppen: koppen.slice(1) })],
    ['another previous seal', () => maakZegel(KEY, { ...inhoud, vorigeZegel: null })],
    ['another range', () => maakZegel(KEY, { ...inhoud, tot: new Date('2026-11-02T00:00:00Z') })],
  ])('changes with %s', (_naam, ander) => {
    expect(ander()).not.toBe(maakZegel(KEY, inhoud));
  });

  it('signs tombstones and the anchor, and names keys without revealing them', () => {
    const v = {
      van: inhoud.van,
      tot: inhoud.tot,
      zegel: 'a'.repeat(64),
      verwijderdOp: new Date('2029-01-01T03:15:00Z'),
      bewaartermijnMaanden: 24,
    };
    expect(maakVerwijderZegel(KEY, v)).not.toBe(maakVerwijderZegel(KEY, { ...v, bewaartermijnMaanden: 1 }));
    expect(maakAnkerZegel(KEY, inhoud.van)).not.toBe(maakAnkerZegel(KEY, inhoud.tot));
    expect(sleutelId(KEY)).toMatch(/^[0-9a-f]{16}$/);
    expect(KEY).not.toContain(sleutelId(KEY));
  });
});

describe('months and retention', () => {
  it.each([
    ['2026-11-27T23:59:59.999Z', '2026-11-01T00:00:00.000Z', 'logboek_p202611'],
    ['2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', 'logboek_p202612'],
    ['2027-01-15T12:00:00.000Z', '2027-01-01T00:00:00.000Z', 'logboek_p202701'],
  ])('%s falls in the partition of %s', (tijd, begin, naam) => {
    expect(maandBegin(new Date(tijd)).toISOString()).toBe(begin);
    expect(partitieNaam(new Date(begin))).toBe(naam);
  });

  it('adds months across years', () => {
    expect(plusMaanden(new Date('2026-11-01T00:00:00Z'), 3).toISOString()).toBe('2027-02-01T00:00:00.000Z');
    expect(plusMaanden(new Date('2026-01-01T00:00:00Z'), -1).toISOString()).toBe('2025-12-01T00:00:00.000Z');
  });

  it.each([
    // tot, op, months, may drop
    ['2026-12-01', '2028-12-01', 24, true],
    ['2026-12-01', '2028-11-30', 24, false],
    ['2026-12-01', '2027-01-01', 1, true],
    ['2026-12-01', '2026-12-31', 1, false],
  ])('a partition ending %s may be dropped on %s with %i months: %s', (tot, op, maanden, mag) => {
    expect(magVerwijderd(new Date(`${tot}T00:00:00Z`), new Date(`${op}T00:00:00Z`), maanden)).toBe(mag);
  });
});
