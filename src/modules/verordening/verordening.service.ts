import { withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { type Actor, dbContext } from '../auth/index.ts';
import type { Gemeente, GemeentenService } from '../gemeenten/index.ts';
import { formatDatumNl, type IsoDatum, isIsoDatum, type KlantenService, vandaag } from '../klanten/index.ts';
import { logboek, VA } from '../logboek/index.ts';
import {
  geenMedewerkingMogelijk,
  type NaamTekst,
  naamOpDatum,
  type Rechtsgrond,
  type RechtsgrondPeriode,
  type Regeluitkomst,
  rechtsgrondOpDatum,
  toetsAanVerordening,
  type VerordeningOntwerp,
  versieOpDatum,
  voegRechtsgrondenSamen,
  WEERGAVENAAM_TEKST,
} from './regels.ts';
import { verordeningPolicy as policy } from './verordening.policy.ts';
import { verordeningRepository as repo } from './verordening.repository.ts';
import {
  parseInvoer,
  RechtsgrondInput,
  VerordeningInvoerfout,
  type VerordeningVersie,
  VersieInput,
} from './verordening.schemas.ts';

export interface VerordeningDeps {
  db: Database;
  gemeenten: Pick<GemeentenService, 'findGemeenten' | 'findGemeente'>;
  /** The klanten module's catalogue of local exemption grounds. */
  klanten: Pick<KlantenService, 'listLokaleGronden'>;
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

    /** All periods of the legal basis, oldest first, with what a document would print. */
    async listRechtsgronden(actor: Actor): Promise<RechtsgrondRegel[]> {
      policy.vereis(actor, 'verordeningen-lezen');
      return (await rechtsgronden(actor)).map((p) => ({
        ...p,
        tekst: rechtsgrondOpDatum(p.vanaf, [p]).tekst,
      }));
    },

    /** Sets the article of the legal basis from `vanaf` (empty: "nog in te vullen"). Functioneel beheerder. */
    async setRechtsgrond(actor: Actor, input: unknown): Promise<RechtsgrondRegel[]> {
      policy.vereis(actor, 'verordeningen-beheren');
      const invoer = parseInvoer(RechtsgrondInput, input);
      const dienstId = dienstVan(actor);
      await withContext(db, dbContext(actor), async (tx) => {
        await repo.upsertRechtsgrond(
          tx,
          dienstId,
          { vanaf: invoer.vanaf, artikel: invoer.artikel },
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
     * May a caseworker record "geen medewerking" (refusal) on `datum`? Only where the version in force imposes the
     * instrument; false where it only offers it, and false without a version (nothing can be imposed then).
     */
    async geenMedewerkingToegestaan(actor: Actor, gemeenteId: string, datum: IsoDatum): Promise<boolean> {
      return geenMedewerkingMogelijk((await service.versieVoor(actor, gemeenteId, datum)) ?? undefined);
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
      return { versie, uitkomsten: toetsAanVerordening(ontwerp, versie, await rechtsgronden(actor)) };
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
