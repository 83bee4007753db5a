/**
 * Labels that tell same-named organisations and activities of different municipalities apart (issue 16): the
 * municipalities they serve go into the label everywhere they are listed or chosen. Pure; table-tested.
 */

/** "Aardam", "Aardam en Bergdorp", "Aardam, Bergdorp en Cdorp" (sorted, as the names are). */
export function gemeentenTekst(gemeenten: ReadonlyArray<{ naam: string }>): string {
  const namen = [...new Set(gemeenten.map((g) => g.naam))].sort((a, b) => a.localeCompare(b, 'nl'));
  if (namen.length <= 1) return namen[0] ?? 'geen gemeente';
  return `${namen.slice(0, -1).join(', ')} en ${namen.at(-1)}`;
}

/** "Wandelen met bewoners – Zorghuis De Linde (Aardam)". */
export function activiteitLabel(a: {
  titel: string;
  organisatie?: { naam: string } | null;
  gemeenten: ReadonlyArray<{ naam: string }>;
}): string {
  return `${a.titel}${a.organisatie ? ` – ${a.organisatie.naam}` : ''} (${gemeentenTekst(a.gemeenten)})`;
}

/** "Zorghuis De Linde (Aardam en Bergdorp)". */
export function organisatieLabel(o: { naam: string; gemeenten: ReadonlyArray<{ naam: string }> }): string {
  return `${o.naam} (${gemeentenTekst(o.gemeenten)})`;
}

/** The names of the municipalities with these ids that the reader may see (others are left out). */
export function gemeentenUitIds(
  ids: readonly string[],
  namen: ReadonlyMap<string, string>,
): Array<{ naam: string }> {
  return ids.flatMap((id) => {
    const naam = namen.get(id);
    return naam ? [{ naam }] : [];
  });
}
