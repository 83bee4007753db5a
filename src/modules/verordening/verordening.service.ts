import { type Tx, withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { type Actor, dbContext } from '../auth/index.ts';
import type { Gemeente, GemeentenService } from '../gemeenten/index.ts';
import { formatDatumNl, type IsoDatum, isIsoDatum, type KlantenService, vandaag } from '../klanten/index.ts';
import { logboek, VA } from '../logboek/index.ts';
import {
  dagErvoor,
  LOPENDE_STATUSSEN,
  type LopendeStatus,
  type OntwerpPeriode,
  overgangslijst,
  STANDAARD_PEILDATUM,
} from './overgang.ts';
import {
  geenMedewerkingMogelijk,
  type NaamTekst,
  naamOpDatum,
  naamVoorPeriode,
  type Rechtsgrond,
  type RechtsgrondPeriode,
  type Regeluitkomst,
  type RegimeInPeriode,
  rechtsgrondenInPeriode,
  rechtsgrondOpDatum,
  toetsAanVerordening,
  type VerordeningOntwerp,
  type VersieParameters,
  versieOpDatum,
  voegRechtsgrondenSamen,
  voldoetAan,
  WEERGAVENAAM_TEKST,
} from './regels.ts';
import { ontwerpVoorToets } from './ontwerp.ts';
import { verordeningPolicy as policy } from './verordening.policy.ts';
import { verordeningRepository as repo } from './verordening.repository.ts';
import {
  parseInvoer,
  RechtsgrondInput,
  VerordeningInvoerfout,
  type VerordeningVersie,
  VersieInput,
} from './verordening.schemas.ts';

/** What the transition list reads of the tegenprestaties module (its `findTegenprestaties` fits). */
export interface TegenprestatiesBron {
  findTegenprestaties(
    actor: Actor,
    vraag: { status?: LopendeStatus; pagina?: number; paginaGrootte?: number },
  ): Promise<{ items: OntwerpPeriode[]; aantalPaginas: number }>;
}

export interface VerordeningDeps {
  db: Database;
  gemeenten: Pick<GemeentenService, 'findGemeenten' | 'findGemeente'>;
  /** The klanten module's catalogue of local exemption grounds; the client files for the transition list. */
  klanten: Pick<KlantenService, 'listLokaleGronden' | 'findKlant'>;
  /** The designs, for the transition list (absent: the list is empty). */
  tegenprestaties?: TegenprestatiesBron;
}

/** One municipality's ordinance as the overview shows it. */
export interface VerordeningOverzicht {
  gemeente: Gemeente;
  aantalVersies: number;
  /** The version in force on the date asked (null: none yet). */
  geldend: VerordeningVersie | null;
  /** The next version after that date, if one is already saved. */
  volgende: VerordeningVersie | null;
  /** The instrument's name on that date. */
  naam: NaamTekst;
}

export interface RechtsgrondRegel extends RechtsgrondPeriode {
  tekst: string;
}

/** One line of the transition list: a running design with its version, and name and legal basis either side. */
export interface Overgangsregel {
  tegenprestatie: OntwerpPeriode;
  gemeente: Gemeente;
  /** The client's name (null when the file cannot be read). */
  klantNaam: string | null;
  /** The version in force on its start date (the one it was or will be checked against). */
  versieBijStart: VerordeningVersie | null;
  /** The version in force on the peildatum. */
  versieOpPeildatum: VerordeningVersie | null;
  naamVoor: NaamTekst;
  naamOp: NaamTekst;
  rechtsgrondVoor: Rechtsgrond;
  rechtsgrondOp: Rechtsgrond;
}

export interface OvergangOverzicht {
  peildatum: IsoDatum;
  rechtsgrondVoor: Rechtsgrond;
  rechtsgrondOp: Rechtsgrond;
  gemeenten: Array<{
    gemeente: Gemeente;
    naamVoor: NaamTekst;
    naamOp: NaamTekst;
    versieVoor: VerordeningVersie | null;
    versieOp: VerordeningVersie | null;
  }>;
}

/** One placement in the preview of a new version: what each rule of that version would say about it. */
export interface VoorbeeldRegel {
  tegenprestatie: OntwerpPeriode;
  klantNaam: string | null;
  /** The version it runs under now (in force on its start date). */
  versieNu: VerordeningVersie | null;
  uitkomsten: Regeluitkomst[];
  voldoet: boolean;
}

/** The result of checking a design: the version in force on its start date and the outcome per rule. */
export interface Toetsing {
  versie: VerordeningVersie;
  uitkomsten: Regeluitkomst[];
}

const isUniekeSchending = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';

const dienstVan = (actor: Actor): string => {
  if (!actor.dienstId) throw new AppError('intern', { message: 'verordening: the actor needs a dienstId' });
  return actor.dienstId;
};

const geldigeDatum = (datum: IsoDatum): IsoDatum => {
  if (!isIsoDatum(datum))
    throw new VerordeningInvoerfout({ datum: 'Vul een bestaande datum in, bijvoorbeeld 2026-07-01.' });
  return datum;
};

const bestaatAl = (ingangsdatum: string) =>
  new VerordeningInvoerfout(
    {
      ingangsdatum: `Er is al een versie die ingaat op ${formatDatumNl(ingangsdatum)}. Een versie verandert niet meer: kies een andere ingangsdatum.`,
    },
    'conflict',
  );

/**
 * Use cases of the ordinance engine. Reading: klantmanager, teamleider, functioneel beheerder (own
 * municipalities; another municipality answers `niet-gevonden`). Writing: functioneel beheerder, logged
 * (`va-beheer-organisatie`) in the same transaction. Versions are immutable: a change is a new version.
 */
export function createVerordeningService(deps: VerordeningDeps) {
  const { db } = deps;

  /** The municipality, if the actor may see it (else `niet-gevonden`). */
  const gemeenteVan = async (actor: Actor, gemeenteId: string): Promise<Gemeente> => {
    if (actor.kind === 'gebruiker' && !actor.gemeenten.includes(gemeenteId))
      throw notFound('Deze gemeente bestaat niet of u heeft er geen toegang toe.');
    return deps.gemeenten.findGemeente(actor, dienstVan(actor), gemeenteId);
  };

  const versiesVan = (actor: Actor, gemeenteId: string) =>
    withContext(db, dbContext(actor), (tx) => repo.listVersies(tx, dienstVan(actor), [gemeenteId]));

  /** The client file for a line of the list (null when it cannot be read; the read is logged by klanten). */
  const klantVan = async (actor: Actor, klantId: string) =>
    deps.klanten.findKlant(actor, klantId).catch((e: unknown) => {
      if (e instanceof AppError) return null;
      throw e;
    });

  /** Every design of the actor's municipalities in one of the given states (all pages). */
  async function alleOntwerpen(actor: Actor): Promise<OntwerpPeriode[]> {
    const bron = deps.tegenprestaties;
    if (!bron) return [];
    const ontwerpen: OntwerpPeriode[] = [];
    for (const status of LOPENDE_STATUSSEN) {
      for (let pagina = 1; ; pagina++) {
        const p = await bron.findTegenprestaties(actor, { status, pagina, paginaGrootte: 100 });
        ontwerpen.push(...p.items);
        if (pagina >= p.aantalPaginas) break;
      }
    }
    return ontwerpen;
  }

  const rechtsgronden = async (actor: Actor): Promise<RechtsgrondPeriode[]> =>
    voegRechtsgrondenSamen(
      await withContext(db, dbContext(actor), (tx) => repo.listRechtsgronden(tx, dienstVan(actor))),
    );

  const service = {
    /** Per municipality of the actor: the version in force on `datum` (default today), the next one, the name. */
    async listVerordeningen(actor: Actor, opts: { datum?: IsoDatum } = {}): Promise<VerordeningOverzicht[]> {
      policy.vereis(actor, 'verordeningen-lezen');
      const datum = geldigeDatum(opts.datum ?? vandaag());
      const gemeenten = await deps.gemeenten.findGemeenten(actor);
      const versies = await withContext(db, dbContext(actor), (tx) =>
        repo.listVersies(
          tx,
          dienstVan(actor),
          gemeenten.map((g) => g.id),
        ),
      );
      return gemeenten.map((gemeente) => {
        const eigen = versies.filter((v) => v.gemeenteId === gemeente.id);
        return {
          gemeente,
          aantalVersies: eigen.length,
          geldend: versieOpDatum(eigen, datum) ?? null,
          volgende: eigen.find((v) => v.ingangsdatum > datum) ?? null,
          naam: naamOpDatum(eigen, datum),
        };
      });
    },

    /** The versions of one municipality, oldest effective date first. */
    async listVersies(actor: Actor, gemeenteId: string): Promise<VerordeningVersie[]> {
      policy.vereis(actor, 'verordeningen-lezen');
      await gemeenteVan(actor, gemeenteId);
      return versiesVan(actor, gemeenteId);
    },

    async findVersie(actor: Actor, gemeenteId: string, versieId: string): Promise<VerordeningVersie> {
      policy.vereis(actor, 'verordeningen-lezen');
      await gemeenteVan(actor, gemeenteId);
      const v = await withContext(db, dbContext(actor), (tx) =>
        repo.findVersie(tx, dienstVan(actor), gemeenteId, versieId),
      );
      if (!v) throw notFound('Deze versie van de verordening bestaat niet of u heeft er geen toegang toe.');
      return v;
    },

    /**
     * Saves a new version (functioneel beheerder). Throws `VerordeningInvoerfout` with Dutch messages per field;
     * a version on the same effective date is a conflict (a saved version never changes).
     */
    async createVersie(actor: Actor, gemeenteId: string, input: unknown): Promise<VerordeningVersie> {
      policy.vereis(actor, 'verordeningen-beheren');
      await gemeenteVan(actor, gemeenteId);
      const invoer = parseInvoer(VersieInput, input);
      if (invoer.lokaleGrondIds.length > 0) {
        const gronden = new Set((await deps.klanten.listLokaleGronden(actor, gemeenteId)).map((g) => g.id));
        if (invoer.lokaleGrondIds.some((id) => !gronden.has(id)))
          throw new VerordeningInvoerfout({
            lokaleGrondIds: 'Kies alleen lokale ontheffingsgronden van deze gemeente.',
          });
      }
      const dienstId = dienstVan(actor);
      try {
        return await withContext(db, dbContext(actor), async (tx) => {
          if (await repo.hasVersieOp(tx, dienstId, gemeenteId, invoer.ingangsdatum))
            throw bestaatAl(invoer.ingangsdatum);
          const versie = await repo.insertVersie(
            tx,
            dienstId,
            gemeenteId,
            invoer,
            actor.kind === 'gebruiker' ? actor.gebruikerId : null,
          );
          await logboek.record(tx, {
            actor,
            actie: 'aanmaken',
            subject: { type: 'verordening-versie', id: versie.id },
            verwerkingsactiviteit: VA.beheerOrganisatie,
            gemeenteId,
          });
          return versie;
        });
      } catch (e) {
        if (isUniekeSchending(e)) throw bestaatAl(invoer.ingangsdatum);
        throw e;
      }
    },

    /** The version in force in the municipality on `datum` (null: none). */
    async versieVoor(actor: Actor, gemeenteId: string, datum: IsoDatum): Promise<VerordeningVersie | null> {
      policy.vereis(actor, 'verordeningen-lezen');
      geldigeDatum(datum);
      await gemeenteVan(actor, gemeenteId);
      return versieOpDatum(await versiesVan(actor, gemeenteId), datum) ?? null;
    },

    /** Everything that holds in the municipality on `datum`: version, name, legal basis, "geen medewerking". */
    async geldendOp(actor: Actor, gemeenteId: string, datum: IsoDatum = vandaag()) {
      policy.vereis(actor, 'verordeningen-lezen');
      geldigeDatum(datum);
      await gemeenteVan(actor, gemeenteId);
      const versies = await versiesVan(actor, gemeenteId);
      const versie = versieOpDatum(versies, datum);
      return {
        datum,
        versie: versie ?? null,
        naam: naamOpDatum(versies, datum),
        rechtsgrond: rechtsgrondOpDatum(datum, await rechtsgronden(actor)),
        geenMedewerkingToegestaan: geenMedewerkingMogelijk(versie),
      };
    },

    /** The instrument's name in the municipality on `datum`: the name a document of that date carries. */
    async naamVoor(actor: Actor, gemeenteId: string, datum: IsoDatum): Promise<NaamTekst> {
      policy.vereis(actor, 'verordeningen-lezen');
      geldigeDatum(datum);
      await gemeenteVan(actor, gemeenteId);
      return naamOpDatum(await versiesVan(actor, gemeenteId), datum);
    },

    /** The legal basis on `datum` (configuration of the social service over the defaults). */
    async rechtsgrondVoor(actor: Actor, datum: IsoDatum): Promise<Rechtsgrond> {
      policy.vereis(actor, 'verordeningen-lezen');
      return rechtsgrondOpDatum(geldigeDatum(datum), await rechtsgronden(actor));
    },

    /**
     * The regimes a period reaches, each with its part of the period and its recorded basis (`artikel` null: none
     * recorded). An imposing decision over a period with such a regime is refused (overeenkomsten module).
     */
    async rechtsgrondenVoorPeriode(
      actor: Actor,
      start: IsoDatum,
      eind: IsoDatum | null,
    ): Promise<RegimeInPeriode[]> {
      policy.vereis(actor, 'verordeningen-lezen');
      return rechtsgrondenInPeriode(
        geldigeDatum(start),
        eind === null ? null : geldigeDatum(eind),
        await rechtsgronden(actor),
      );
    },

    /**
     * The name of a period in the municipality (the version in force on its start date governs it) and the changes
     * of name later in the period.
     */
    async naamVoorPeriode(actor: Actor, gemeenteId: string, start: IsoDatum, eind: IsoDatum | null) {
      policy.vereis(actor, 'verordeningen-lezen');
      geldigeDatum(start);
      await gemeenteVan(actor, gemeenteId);
      return naamVoorPeriode(await versiesVan(actor, gemeenteId), start, eind);
    },

    /**
     * The municipality's current name of the instrument on `datum`, for screen headings (no actor: configuration).
     * Read in the caller's transaction `tx` when given (the klanten module's `instrumentNaam` hook passes the one
     * it holds, so a request never waits for a second connection; row-level security shows the versions of the
     * caller's municipalities), else under the system context `verordening:naam` like `geenMedewerkingToegestaan`.
     */
    async huidigeNaam(gemeenteId: string, datum: IsoDatum, tx?: Tx): Promise<NaamTekst> {
      geldigeDatum(datum);
      const versies = tx
        ? await repo.listVersiesVanGemeente(tx, gemeenteId)
        : await withContext(db, { kind: 'systeem', reden: 'verordening:naam' }, (t) =>
            repo.listVersiesVanGemeente(t, gemeenteId),
          );
      return naamOpDatum(versies, datum);
    },

    /** All periods of the legal basis, oldest first, with what a document would print. */
    async listRechtsgronden(actor: Actor): Promise<RechtsgrondRegel[]> {
      policy.vereis(actor, 'verordeningen-lezen');
      return (await rechtsgronden(actor)).map((p) => ({
        ...p,
        tekst: rechtsgrondOpDatum(p.vanaf, [p]).tekst,
      }));
    },

    /**
     * Records the legal basis of the regime from `vanaf`: citation and short text (both empty: no basis recorded).
     * Functioneel beheerder, once the municipality has checked the statutory text.
     */
    async setRechtsgrond(actor: Actor, input: unknown): Promise<RechtsgrondRegel[]> {
      policy.vereis(actor, 'verordeningen-beheren');
      const invoer = parseInvoer(RechtsgrondInput, input);
      const dienstId = dienstVan(actor);
      await withContext(db, dbContext(actor), async (tx) => {
        await repo.upsertRechtsgrond(
          tx,
          dienstId,
          { vanaf: invoer.vanaf, artikel: invoer.artikel, omschrijving: invoer.omschrijving },
          actor.kind === 'gebruiker' ? actor.gebruikerId : null,
        );
        await logboek.record(tx, {
          actor,
          actie: 'wijzigen',
          subject: { type: 'verordening-rechtsgrond', id: invoer.vanaf },
          verwerkingsactiviteit: VA.beheerOrganisatie,
          gemeenteId: null,
        });
      });
      return service.listRechtsgronden(actor);
    },

    /**
     * May a caseworker record "geen medewerking" (refusal) in this municipality on `datum`? Only where the version
     * in force imposes the instrument; false where it only offers it, and false without a version (nothing can be
     * imposed then). No actor: the tegenprestaties module asks this while it already checked its own actor; the
     * ordinance is configuration, read under the logged system context `verordening:geen-medewerking`.
     */
    async geenMedewerkingToegestaan(gemeenteId: string, datum: IsoDatum): Promise<boolean> {
      geldigeDatum(datum);
      const versies = await withContext(
        db,
        { kind: 'systeem', reden: 'verordening:geen-medewerking' },
        (tx) => repo.listVersiesVanGemeente(tx, gemeenteId),
      );
      return geenMedewerkingMogelijk(versieOpDatum(versies, datum));
    },

    /**
     * What changes on `peildatum` per municipality of the actor (no client data): the name and the version the
     * day before and on that day, and the legal basis either side.
     */
    async overgangOverzicht(
      actor: Actor,
      peildatum: IsoDatum = STANDAARD_PEILDATUM,
    ): Promise<OvergangOverzicht> {
      policy.vereis(actor, 'verordeningen-lezen');
      const op = geldigeDatum(peildatum);
      const ervoor = dagErvoor(op);
      // One after the other: a request uses one database connection at a time.
      const voor = await service.listVerordeningen(actor, { datum: ervoor });
      const na = await service.listVerordeningen(actor, { datum: op });
      const config = await rechtsgronden(actor);
      return {
        peildatum: op,
        rechtsgrondVoor: rechtsgrondOpDatum(ervoor, config),
        rechtsgrondOp: rechtsgrondOpDatum(op, config),
        gemeenten: voor.map((v) => {
          const n = na.find((x) => x.gemeente.id === v.gemeente.id);
          return {
            gemeente: v.gemeente,
            naamVoor: v.naam,
            naamOp: n?.naam ?? v.naam,
            versieVoor: v.geldend,
            versieOp: n?.geldend ?? null,
          };
        }),
      };
    },

    /**
     * The transition list (teamleider): the tegenprestaties of the actor's municipalities that still run on
     * `peildatum` (default 2027-01-01, or the effective date of a new version), each with the version it was
     * checked against and the name and legal basis the day before and on the peildatum. Reads the designs
     * through the tegenprestaties module (which logs those reads).
     */
    async overgangslijst(
      actor: Actor,
      opts: { peildatum?: IsoDatum; gemeenteId?: string } = {},
    ): Promise<Overgangsregel[]> {
      policy.vereis(actor, 'overgang-bekijken');
      const peildatum = geldigeDatum(opts.peildatum ?? STANDAARD_PEILDATUM);
      if (opts.gemeenteId) await gemeenteVan(actor, opts.gemeenteId);
      const ontwerpen = await alleOntwerpen(actor);
      const lopend = overgangslijst(
        ontwerpen.filter((o) => !opts.gemeenteId || o.gemeenteId === opts.gemeenteId),
        peildatum,
      );
      const gemeenten = new Map((await deps.gemeenten.findGemeenten(actor)).map((g) => [g.id, g]));
      const versies = await withContext(db, dbContext(actor), (tx) =>
        repo.listVersies(tx, dienstVan(actor), [...new Set(lopend.map((o) => o.gemeenteId))]),
      );
      const config = await rechtsgronden(actor);
      const ervoor = dagErvoor(peildatum);
      const namen = new Map<string, string | null>();
      for (const o of lopend)
        if (!namen.has(o.klantId)) namen.set(o.klantId, (await klantVan(actor, o.klantId))?.naam ?? null);
      return lopend.flatMap((o) => {
        const gemeente = gemeenten.get(o.gemeenteId);
        if (!gemeente) return [];
        const eigen = versies.filter((v) => v.gemeenteId === o.gemeenteId);
        return [
          {
            tegenprestatie: {
              id: o.id,
              klantId: o.klantId,
              gemeenteId: o.gemeenteId,
              status: o.status,
              startdatum: o.startdatum,
              einddatum: o.einddatum,
              urenPerWeek: o.urenPerWeek ?? null,
              dagdelen: o.dagdelen ?? [],
            },
            gemeente,
            klantNaam: namen.get(o.klantId) ?? null,
            versieBijStart: (o.startdatum && versieOpDatum(eigen, o.startdatum)) || null,
            versieOpPeildatum: versieOpDatum(eigen, peildatum) ?? null,
            naamVoor: naamOpDatum(eigen, ervoor),
            naamOp: naamOpDatum(eigen, peildatum),
            rechtsgrondVoor: rechtsgrondOpDatum(ervoor, config),
            rechtsgrondOp: rechtsgrondOpDatum(peildatum, config),
          },
        ];
      });
    },

    /**
     * The preview of a new version, computed BEFORE it is saved (teamleider; nothing is stored): for each placement
     * of the municipality in toetsing, overeengekomen or lopend that has not ended before the new version's
     * effective date, the client, hours, day parts and the outcome of each rule of the proposed version — the
     * client's circumstances read on that date, the duration counted from the placement's own start. `input` is
     * a version as `createVersie` takes it (the form of the transition list sends the current version with the
     * changes typed).
     */
    async voorbeeldVersie(
      actor: Actor,
      gemeenteId: string,
      input: unknown,
    ): Promise<{ versie: VersieParameters; regels: VoorbeeldRegel[] }> {
      policy.vereis(actor, 'overgang-bekijken');
      await gemeenteVan(actor, gemeenteId);
      const invoer = parseInvoer(VersieInput, input);
      const versie: VersieParameters = { ...invoer, lokaleGrondIds: [...invoer.lokaleGrondIds] };
      const peil = versie.ingangsdatum;
      const versies = await versiesVan(actor, gemeenteId);
      const ontwerpen = (await alleOntwerpen(actor))
        .filter((o) => o.gemeenteId === gemeenteId && o.startdatum !== null)
        .filter((o) => o.einddatum === null || o.einddatum >= peil)
        .sort((a, b) => (a.startdatum ?? '').localeCompare(b.startdatum ?? '') || a.id.localeCompare(b.id));
      const regels: VoorbeeldRegel[] = [];
      for (const o of ontwerpen) {
        const start = o.startdatum as string;
        const klant = await klantVan(actor, o.klantId);
        const ontwerp = ontwerpVoorToets(
          { einddatum: o.einddatum, urenPerWeek: o.urenPerWeek ?? null, dagdelen: o.dagdelen ?? [] },
          klant ?? { werk: [], reintegratie: [], ontheffingen: [] },
          start,
          // ISO dates compare as text: the later of the start and the effective date.
          [start, peil].sort().at(-1) as string,
        );
        const uitkomsten = toetsAanVerordening(ontwerp, versie);
        regels.push({
          tegenprestatie: { ...o, urenPerWeek: o.urenPerWeek ?? null, dagdelen: o.dagdelen ?? [] },
          klantNaam: klant?.naam ?? null,
          versieNu: versieOpDatum(versies, start) ?? null,
          uitkomsten,
          voldoet: voldoetAan(uitkomsten),
        });
      }
      return { versie, regels };
    },

    /**
     * Checks a design against the version in force on its start date, with the service's legal basis. Refuses
     * (`niet-verwerkbaar`) when no version is in force on that date.
     */
    async toetsOntwerp(actor: Actor, gemeenteId: string, ontwerp: VerordeningOntwerp): Promise<Toetsing> {
      const versie = await service.versieVoor(actor, gemeenteId, ontwerp.startdatum);
      if (!versie)
        throw new AppError('niet-verwerkbaar', {
          userMessage: `Op ${formatDatumNl(ontwerp.startdatum)} geldt in deze gemeente nog geen verordening. Vraag de functioneel beheerder een versie vast te leggen.`,
        });
      return { versie, uitkomsten: toetsAanVerordening(ontwerp, versie) };
    },

    /** The municipality's local exemption grounds (for the version form). */
    async lokaleGronden(actor: Actor, gemeenteId: string) {
      policy.vereis(actor, 'verordeningen-lezen');
      await gemeenteVan(actor, gemeenteId);
      return deps.klanten.listLokaleGronden(actor, gemeenteId);
    },

    /** The municipality (for page titles), if the actor may see it. */
    async findGemeente(actor: Actor, gemeenteId: string): Promise<Gemeente> {
      policy.vereis(actor, 'verordeningen-lezen');
      return gemeenteVan(actor, gemeenteId);
    },
  };
  return service;
}

export type VerordeningService = ReturnType<typeof createVerordeningService>;

/** The display text of a version's name. */
export const naamVan = (v: Pick<VerordeningVersie, 'weergavenaam'>): NaamTekst =>
  WEERGAVENAAM_TEKST[v.weergavenaam];
