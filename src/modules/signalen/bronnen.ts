import { AppError } from '../../http/app-error.ts';
import type { Systeem } from '../auth/index.ts';
import type { KlantenService, MedewerkersBron } from '../klanten/index.ts';
import type { NetwerkService } from '../netwerk/index.ts';
import type { Tegenprestatie, TegenprestatiesService } from '../tegenprestaties/index.ts';
import type { UitvoeringService } from '../uitvoering/index.ts';
import {
  type IntervisieFeit,
  type MaatregelFeit,
  type OntheffingFeit,
  type SignaalFeiten,
  type TegenprestatieFeit,
  vorigeMaandag,
} from './regels.ts';

/** Where the facts come from: other modules' services (through their index.ts), called as the system. */
export interface SignaalBronDeps {
  tegenprestaties: Pick<
    TegenprestatiesService,
    'findTegenprestaties' | 'findTegenprestatie' | 'herbeoordeling'
  >;
  uitvoering: Pick<UitvoeringService, 'laatsteUrenPerTegenprestatie' | 'weekUrenPerTegenprestatie'>;
  klanten: Pick<KlantenService, 'findKlant' | 'findKlanten' | 'listOntheffingen'>;
  netwerk: Pick<NetwerkService, 'findIntervisies' | 'findActiviteit'>;
  medewerkers: MedewerkersBron;
  /**
   * Decided measures whose reconsideration is not determined (the dwang module's `teHeroverwegen`). Optional: a
   * composition without the measure path has none.
   */
  maatregelen?: (actor: Systeem & { dienstId: string }) => Promise<Array<Omit<MaatregelFeit, 'klantNaam'>>>;
}

/** The facts of one social service on `vandaag` (the finished week before it, for the hours). */
export type SignaalBronnen = (
  actor: Systeem & { dienstId: string },
  vandaag: string,
) => Promise<SignaalFeiten>;

/** Walks every page of a paged list (100 a page). */
async function alle<T>(
  haal: (pagina: number) => Promise<{ items: T[]; aantalPaginas: number }>,
): Promise<T[]> {
  const uit: T[] = [];
  for (let pagina = 1; ; pagina++) {
    const p = await haal(pagina);
    uit.push(...p.items);
    if (pagina >= p.aantalPaginas) return uit;
  }
}

/**
 * Gathers the facts of one social service for the signal rules. Every read goes through the owning module's
 * service under the job's system context (each logs its reads of client files).
 */
export function createSignaalBronnen(deps: SignaalBronDeps): SignaalBronnen {
  const { tegenprestaties, uitvoering, klanten, netwerk } = deps;
  return async (actor, vandaag) => {
    const namen = new Map<string, string>();
    const naamVan = async (klantId: string) => {
      let n = namen.get(klantId);
      if (n === undefined) {
        n = (await klanten.findKlant(actor, klantId).catch(() => null))?.naam ?? 'een klant';
        namen.set(klantId, n);
      }
      return n;
    };

    const lijst = async (status: 'lopend' | 'overeengekomen' | 'toetsing' | 'opleggen') =>
      alle((pagina) => tegenprestaties.findTegenprestaties(actor, { status, pagina, paginaGrootte: 100 }));
    // One after the other: each list logs its reads, and parallel log writes would contend for the chain heads.
    const lopend = await lijst('lopend');
    const toetsing = await lijst('toetsing');
    const opleggen = await lijst('opleggen');
    const overeengekomen = await lijst('overeengekomen');
    // Review needed (derived per placement, never stored): the job signals each reason once.
    const herbeoordeling = async (t: Tegenprestatie) =>
      (
        await tegenprestaties.herbeoordeling(actor, t.id).catch((e: unknown) => {
          // Only a placement that went away meanwhile is skipped; any other failure stops the job (fail closed).
          if (e instanceof AppError && e.code === 'niet-gevonden') return null;
          throw e;
        })
      )?.redenen ?? [];
    const laatste = await uitvoering.laatsteUrenPerTegenprestatie(
      actor,
      lopend.map((t) => t.id),
    );
    const maandag = vorigeMaandag(vandaag);
    const week = await uitvoering.weekUrenPerTegenprestatie(
      actor,
      lopend.map((t) => t.id),
      maandag,
    );
    const feit = async (
      t: Tegenprestatie,
      extra: Partial<TegenprestatieFeit> = {},
    ): Promise<TegenprestatieFeit> => ({
      id: t.id,
      klantId: t.klantId,
      gemeenteId: t.gemeenteId,
      klantNaam: await naamVan(t.klantId),
      klantmanagerId: t.klantmanagerId,
      status: t.status,
      startdatum: t.startdatum,
      einddatum: t.einddatum,
      evaluatiedata: t.evaluatiedata,
      ...extra,
    });
    const feiten: TegenprestatieFeit[] = [];
    for (const t of lopend) {
      const w = week.get(t.id);
      feiten.push(
        await feit(t, {
          laatsteUren: laatste.get(t.id) ?? null,
          urenPerWeek: t.urenPerWeek,
          vorigeWeek: { maandag, uren: w?.uren ?? 0, dagen: w?.dagen ?? 0, afwezig: w?.afwezig ?? false },
          herbeoordeling: await herbeoordeling(t),
        }),
      );
    }
    for (const t of overeengekomen) feiten.push(await feit(t, { herbeoordeling: await herbeoordeling(t) }));
    for (const t of toetsing) {
      const { overgangen } = await tegenprestaties.findTegenprestatie(actor, t.id);
      const sinds =
        overgangen
          .filter((o) => o.naar === 'toetsing')
          .at(-1)
          ?.op.slice(0, 10) ?? null;
      feiten.push(await feit(t, { inToetsingSinds: sinds }));
    }
    for (const t of opleggen) feiten.push(await feit(t));

    // Exemptions that may end soon: clients whose stored applicability is held back only by exemptions, or not
    // applicable at all (a longer exemption), read per client.
    const ontheffingen: OntheffingFeit[] = [];
    for (const toepasselijkheid of ['ontheffing-verloopt', 'niet-van-toepassing'] as const) {
      const klantenLijst = await alle((pagina) =>
        klanten.findKlanten(actor, { toepasselijkheid, pagina, paginaGrootte: 100 }),
      );
      for (const k of klantenLijst) {
        namen.set(k.id, k.naam);
        for (const o of await klanten.listOntheffingen(actor, k.id)) {
          if (o.eerderGebruikt) continue;
          const n = o.negenA;
          const lopend = n?.stand === 'lopend';
          ontheffingen.push({
            id: o.id,
            klantId: k.id,
            gemeenteId: k.gemeenteId,
            klantNaam: k.naam,
            klantmanagerId: k.klantmanager?.id ?? null,
            // Art. 9a: the end of the running period (the child's 5th birthday or the five years), not only a
            // recorded end date.
            einddatum: n ? n.lopendTot : o.einddatum,
            negenA:
              n && (lopend || n.stand === 'opgeschort')
                ? {
                    planVanAanpakUiterlijk: n.planVanAanpakUiterlijk,
                    planVanAanpakOp: n.planVanAanpakOp,
                    volgendHeronderzoek: n.volgendHeronderzoek,
                    lopend,
                  }
                : null,
          });
        }
      }
    }

    const intervisies: IntervisieFeit[] = [];
    for (const i of await alle((pagina) =>
      netwerk.findIntervisies(actor, { status: 'open', pagina, paginaGrootte: 100 }),
    )) {
      if (i.plaatsing) {
        intervisies.push({
          id: i.id,
          activiteitTitel: i.activiteit.naam,
          gemeenteIds: [i.plaatsing.gemeenteId],
          plaatsing: true,
        });
        continue;
      }
      const a = await netwerk.findActiviteit(actor, i.activiteit.id).catch(() => null);
      intervisies.push({
        id: i.id,
        activiteitTitel: i.activiteit.naam,
        gemeenteIds: a?.gemeenten.map((g) => g.id) ?? [],
      });
    }

    const teamleiders: Record<string, string[]> = {};
    for (const m of await deps.medewerkers(actor.dienstId))
      if (m.rol === 'teamleider' && m.isActief)
        for (const g of m.gemeenteIds) {
          const lijst = teamleiders[g] ?? [];
          lijst.push(m.id);
          teamleiders[g] = lijst;
        }

    const maatregelen: MaatregelFeit[] = [];
    for (const m of deps.maatregelen ? await deps.maatregelen(actor) : [])
      maatregelen.push({ ...m, klantNaam: await naamVan(m.klantId) });

    return { tegenprestaties: feiten, ontheffingen, intervisies, teamleiders, maatregelen };
  };
}
