/**
 * The order in which a restore loads the tables: every table after the tables its foreign keys refer to, so each
 * `COPY … FROM` finds the rows it refers to. A table referring to itself is fine (the check runs at the end of the
 * statement); a cycle between tables cannot be loaded this way and is refused.
 */
export interface Verwijzing {
  /** The table holding the foreign key. */
  van: string;
  /** The table it refers to. */
  naar: string;
}

export class VolgordeFout extends Error {}

/** Topological order, ties by name (the same schema always gives the same order). */
export function laadVolgorde(tabellen: readonly string[], verwijzingen: readonly Verwijzing[]): string[] {
  const bekend = new Set(tabellen);
  const nodig = new Map<string, Set<string>>(tabellen.map((t) => [t, new Set<string>()]));
  for (const { van, naar } of verwijzingen) {
    if (van === naar || !bekend.has(van) || !bekend.has(naar)) continue;
    nodig.get(van)?.add(naar);
  }
  const volgorde: string[] = [];
  const gedaan = new Set<string>();
  while (volgorde.length < tabellen.length) {
    const klaar = [...nodig.entries()]
      .filter(([t, deps]) => !gedaan.has(t) && [...deps].every((d) => gedaan.has(d)))
      .map(([t]) => t)
      .sort();
    const eerste = klaar[0];
    if (eerste === undefined) {
      const rest = tabellen.filter((t) => !gedaan.has(t)).sort();
      throw new VolgordeFout(`Kringverwijzing tussen tabellen: ${rest.join(', ')}`);
    }
    volgorde.push(eerste);
    gedaan.add(eerste);
  }
  return volgorde;
}
