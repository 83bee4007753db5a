import type { IsoDatum } from './datum.ts';

/**
 * The people around a client who receive letters (issue 15, "who receives"; docs/klanten.md), pure (no I/O;
 * table-tested in `betrokkenen.test.ts`). A representative — bewindvoerder, mentor or curator — receives a copy of
 * letters and decisions; a partner with whom the client receives joint bijstand (art. 11 lid 4 Pw) is concerned by a
 * measure on it (art. 18 lid 12: the family is belanghebbende), so its letters go to both.
 */
export const BETROKKENE_SOORTEN = ['bewindvoerder', 'mentor', 'curator', 'partner'] as const;
export type BetrokkeneSoort = (typeof BETROKKENE_SOORTEN)[number];
export const BETROKKENE_SOORT_NAMEN: Record<BetrokkeneSoort, string> = {
  bewindvoerder: 'Bewindvoerder',
  mentor: 'Mentor',
  curator: 'Curator',
  partner: 'Partner (gezamenlijke bijstand)',
};
export const VERTEGENWOORDIGERS: readonly BetrokkeneSoort[] = ['bewindvoerder', 'mentor', 'curator'];

export interface BetrokkenePeriode {
  id: string;
  soort: BetrokkeneSoort;
  naam: string;
  adres: string | null;
  vanaf: IsoDatum;
  tot: IsoDatum | null;
}

/** Recorded for `datum`: from `vanaf` up to and including `tot`. */
export const actiefOp = <B extends Pick<BetrokkenePeriode, 'vanaf' | 'tot'>>(
  b: B,
  datum: IsoDatum,
): boolean => b.vanaf <= datum && (b.tot === null || b.tot >= datum);

/** Who receives on `datum`: the representatives (copies) and the partner of joint bijstand (or null). */
export function ontvangersOp<B extends BetrokkenePeriode>(
  lijst: readonly B[],
  datum: IsoDatum,
): { vertegenwoordigers: B[]; partner: B | null } {
  const actief = lijst.filter((b) => actiefOp(b, datum));
  return {
    vertegenwoordigers: actief.filter((b) => VERTEGENWOORDIGERS.includes(b.soort)),
    partner: actief.find((b) => b.soort === 'partner') ?? null,
  };
}

/** A new record against the existing ones (field errors, Dutch). */
export function beoordeelBetrokkene(
  nieuw: Pick<BetrokkenePeriode, 'soort' | 'adres' | 'vanaf' | 'tot'>,
  bestaand: readonly BetrokkenePeriode[],
): Record<string, string> {
  const fouten: Record<string, string> = {};
  if (nieuw.tot && nieuw.tot < nieuw.vanaf) fouten.tot = 'De einddatum ligt niet vóór de begindatum.';
  if (nieuw.soort !== 'partner' && !nieuw.adres?.trim())
    fouten.adres = 'Vul het adres in: de vertegenwoordiger krijgt een afschrift per post.';
  if (nieuw.soort === 'partner') {
    const overlap = bestaand.find(
      (b) =>
        b.soort === 'partner' &&
        b.vanaf <= (nieuw.tot ?? '9999-12-31') &&
        (b.tot ?? '9999-12-31') >= nieuw.vanaf,
    );
    if (overlap)
      fouten.vanaf = `In deze periode staat al een partner vastgelegd (${overlap.naam}). Beëindig die eerst.`;
  }
  return fouten;
}
