import { withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import {
  type InzageOnderdeel,
  type InzageOpties,
  inzageDatum,
  inzageKenmerk,
  inzageTekst,
} from '../../lib/inzage.ts';
import { type Actor, dbContext } from '../auth/index.ts';
import { formatDatumNl, type IsoDatum, vandaag as vandaagNu } from '../klanten/index.ts';
import { record, VA } from '../logboek/index.ts';
import type { OvereenkomstenService } from '../overeenkomsten/index.ts';
import type { NieuwSignaal } from '../signalen/index.ts';
import { paths } from '../../web/paths.ts';
import { dwangPolicy } from './dwang.policy.ts';
import { maatregelInzage } from './nazorg.inzage.ts';
import {
  dwangRepository as repo,
  type IncidentRij,
  type MaatregelverordeningRij,
} from './dwang.repository.ts';
import {
  DwangInvoerfout,
  type Incident,
  IncidentInput,
  type IncidentenOverzicht,
  MaatregelVerordeningInput,
  type MaatregelverordeningVersie,
  parseInvoer,
} from './dwang.schemas.ts';
import { controleerVerordening, type MaatregelVerordening, versieOpDatum } from './maatregelen.ts';
import {
  beoordeelIncident,
  INCIDENT_BRON_NAMEN,
  INCIDENT_SOORT_NAMEN,
  type IncidentBron,
  type IncidentPatroon,
  type IncidentSoort,
  type PatroonUitkomst,
  patroonBereikt,
  patroonTekst,
  STANDAARD_PATROON,
} from './incidenten.ts';

export interface DwangDeps {
  db: Database;
  /** The imposed decision a placement runs under (and the design, as the tegenprestaties module shows it). */
  overeenkomsten: Pick<OvereenkomstenService, 'opgelegdBesluit'>;
  /** Raises the pattern's signal (the signalen module's `meld`). Required: a pattern must reach a person. */
  signalen: { meld(signaal: NieuwSignaal & { dienstId: string }): Promise<void> };
  /** The pattern that raises a signal (configuration `INCIDENT_PATROON`; default two no-shows in 28 days). */
  patroon?: IncidentPatroon;
  /** Today (tests pass a fixed day). */
  vandaag?: () => IsoDatum;
}

const naamVan = (actor: Actor): string =>
  actor.kind === 'gebruiker' ? actor.naam : `Systeem (${actor.reden.slice(0, 150)})`;
const idVan = (actor: Actor): string | null => (actor.kind === 'gebruiker' ? actor.gebruikerId : null);

export function naarVersie(r: MaatregelverordeningRij): MaatregelverordeningVersie {
  const inhoud = r.inhoud as MaatregelVerordening;
  return {
    ...inhoud,
    id: r.id,
    gemeenteId: r.gemeenteId,
    titel: r.titel,
    ingangsdatum: r.ingangsdatum,
    vastgelegdDoorNaam: r.vastgelegdDoorNaam,
    vastgelegdOp: r.vastgelegdOp.toISOString(),
  };
}

const isUniekeSchending = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';

export function naarIncident(r: IncidentRij): Incident {
  return {
    id: r.id,
    tegenprestatieId: r.tegenprestatieId,
    soort: r.soort as IncidentSoort,
    datum: r.datum,
    omschrijving: r.omschrijving,
    bron: r.bron as IncidentBron,
    bronNaam: r.bronNaam,
    vastgelegdDoorNaam: r.vastgelegdDoorNaam,
    vastgelegdOp: r.vastgelegdOp.toISOString(),
  };
}

/**
 * The pattern that a new incident completes: the windows ending on each incident of the pattern's kind within the
 * pattern's reach after it; the latest reached window that contains the new incident, or null.
 */
export function patroonMetNieuw(
  alle: ReadonlyArray<{ soort: string; datum: IsoDatum }>,
  nieuw: { soort: string; datum: IsoDatum },
  p: IncidentPatroon,
): PatroonUitkomst | null {
  if (nieuw.soort !== p.soort) return null;
  const einden = [
    ...new Set(alle.filter((x) => x.soort === p.soort && x.datum >= nieuw.datum).map((x) => x.datum)),
  ]
    .sort()
    .reverse();
  for (const eind of einden) {
    const u = patroonBereikt(alle, p, eind);
    if (u && u.van <= nieuw.datum) return u;
  }
  return null;
}

/**
 * Issue 15 (docs/dwang.md), section 2: incidents on a placement under an imposed decision, and the pattern that
 * raises a signal. Every function takes `(actor, …)`, checks `dwangPolicy`, sees a placement exactly when the
 * tegenprestaties module shows its design (404 otherwise), and records reads and changes in the access log
 * (`va-klantdossier-tegenprestatie`, subject the client) in its transaction. A signal never starts a measure.
 */
export function createDwangService(deps: DwangDeps) {
  const { db } = deps;
  const patroon = deps.patroon ?? STANDAARD_PATROON;
  const vandaag = deps.vandaag ?? (() => vandaagNu());

  const dienstVan = (actor: Actor): string => {
    if (actor.kind === 'gebruiker') return actor.dienstId;
    if (actor.dienstId) return actor.dienstId;
    throw new AppError('intern', { message: `system context without dienstId: ${actor.reden}` });
  };

  const uitkomst = (u: PatroonUitkomst | null) =>
    u ? { tekst: patroonTekst(patroon), datums: u.datums, van: u.van, tot: u.tot } : null;

  /** The actor's municipality, or `niet-gevonden` (404) for another one. */
  const eigenGemeente = (actor: Actor, gemeenteId: string) => {
    if (actor.kind === 'gebruiker' && !actor.gemeenten.includes(gemeenteId))
      throw new AppError('niet-gevonden', {
        userMessage: 'Deze gemeente bestaat niet of u heeft er geen toegang toe.',
      });
  };

  const service = {
    patroon,

    /** The municipality's measures ordinance versions, oldest first (configuration; no client data). */
    async listMaatregelverordeningen(
      actor: Actor,
      gemeenteId: string,
    ): Promise<MaatregelverordeningVersie[]> {
      dwangPolicy.vereis(actor, 'maatregelverordening-lezen');
      eigenGemeente(actor, gemeenteId);
      return withContext(db, dbContext(actor), async (tx) =>
        (await repo.listMaatregelverordeningen(tx, dienstVan(actor), gemeenteId)).map(naarVersie),
      );
    },

    /** The version valid on `datum` (the date of the conduct), or null. */
    async maatregelverordeningOp(
      actor: Actor,
      gemeenteId: string,
      datum: IsoDatum,
    ): Promise<MaatregelverordeningVersie | null> {
      return versieOpDatum(await service.listMaatregelverordeningen(actor, gemeenteId), datum) ?? null;
    },

    /**
     * A new version of the measures ordinance (functioneel beheerder). Checked as configuration
     * (`controleerVerordening`: the range, each step within it, one category per conduct, the terms); a version
     * never changes, a second one on the same effective date answers 409. Logged.
     */
    async legMaatregelverordeningVast(
      actor: Actor,
      gemeenteId: string,
      input: MaatregelVerordeningInput,
    ): Promise<MaatregelverordeningVersie> {
      dwangPolicy.vereis(actor, 'maatregelverordening-beheren');
      eigenGemeente(actor, gemeenteId);
      const v = parseInvoer(MaatregelVerordeningInput, input);
      const fouten = controleerVerordening(v);
      if (Object.keys(fouten).length) throw new DwangInvoerfout(fouten);
      const bestaat = () =>
        new AppError('conflict', {
          userMessage: `Er is al een versie met ingangsdatum ${formatDatumNl(v.ingangsdatum)}. Een versie verandert nooit: kies een andere ingangsdatum.`,
        });
      try {
        return await withContext(db, dbContext(actor), async (tx) => {
          const rij = await repo.insertMaatregelverordening(tx, {
            dienstId: dienstVan(actor),
            gemeenteId,
            ingangsdatum: v.ingangsdatum,
            titel: v.titel,
            inhoud: JSON.stringify(v),
            vastgelegdDoor: idVan(actor),
            vastgelegdDoorNaam: naamVan(actor),
          });
          await record(tx, {
            actor,
            actie: 'aanmaken',
            subject: { type: 'maatregelverordening', id: rij.id },
            verwerkingsactiviteit: VA.beheerOrganisatie,
            gemeenteId,
            ...(actor.kind === 'systeem' ? { dienstId: dienstVan(actor) } : {}),
          });
          return naarVersie(rij);
        });
      } catch (e) {
        if (isUniekeSchending(e)) throw bestaat();
        throw e;
      }
    },

    /**
     * AVG art. 15 (the privacy module only, as the system `avg-inzage` inside its transaction): the client's
     * incidents, as plain records with Dutch labels; no staff names. Left out when there are none. Logged.
     */
    async inzageVoorKlant(actor: Actor, klantId: string, opties: InzageOpties): Promise<InzageOnderdeel[]> {
      if (actor.kind !== 'systeem') throw new AppError('geen-toegang');
      const rijen = await repo.listIncidentenVanKlant(opties.tx, dienstVan(actor), klantId);
      await record(opties.tx, {
        actor,
        actie: 'lezen',
        subject: { type: 'klant', id: klantId },
        verwerkingsactiviteit: VA.privacyverzoeken,
        gemeenteId: opties.gemeenteId,
        dienstId: dienstVan(actor),
      });
      const maatregelen = await maatregelInzage(opties.tx, dienstVan(actor), klantId);
      if (rijen.length === 0) return maatregelen;
      return [
        {
          onderdeel: 'incidenten',
          titel: 'Incidenten bij uw tegenprestatie',
          records: rijen.map((r) => ({
            Tegenprestatie: inzageKenmerk(r.tegenprestatieId),
            Datum: inzageDatum(r.datum),
            Wat: INCIDENT_SOORT_NAMEN[r.soort as IncidentSoort] ?? r.soort,
            Beschrijving: inzageTekst(r.omschrijving),
            'Gemeld door': INCIDENT_BRON_NAMEN[r.bron as IncidentBron] ?? r.bron,
          })),
        },
        ...maatregelen,
      ];
    },

    /** A placement's incidents (oldest first), whether it runs under an imposed decision, and today's pattern. */
    async listIncidenten(actor: Actor, tegenprestatieId: string): Promise<IncidentenOverzicht> {
      dwangPolicy.vereis(actor, 'incidenten-bekijken');
      const { tegenprestatie: t, besluit } = await deps.overeenkomsten.opgelegdBesluit(
        actor,
        tegenprestatieId,
      );
      return withContext(db, dbContext(actor), async (tx) => {
        const rijen = await repo.listIncidenten(tx, dienstVan(actor), t.id);
        await record(tx, {
          actor,
          actie: 'lezen',
          subject: { type: 'klant', id: t.klantId },
          verwerkingsactiviteit: VA.klantdossierTegenprestatie,
          gemeenteId: t.gemeenteId,
        });
        return {
          incidenten: rijen.map(naarIncident),
          opgelegd: besluit !== null,
          patroon: uitkomst(patroonBereikt(rijen, patroon, vandaag())),
        };
      });
    },

    /**
     * Records an incident on a placement under an imposed decision: dated within the imposed period, not before the
     * decision was sent and not in the future (`beoordeelIncident`). A voluntary placement (no imposing decision)
     * answers 422: there an incident has no consequences. When the incident completes the pattern, the design's
     * caseworker gets the signal `incident-patroon` — a signal for a person to judge; it never starts a measure.
     */
    async legIncidentVast(
      actor: Actor,
      tegenprestatieId: string,
      input: IncidentInput,
    ): Promise<{ incident: Incident; patroon: ReturnType<typeof uitkomst> }> {
      dwangPolicy.vereis(actor, 'incidenten-vastleggen');
      const v = parseInvoer(IncidentInput, input);
      const { tegenprestatie: t, besluit } = await deps.overeenkomsten.opgelegdBesluit(
        actor,
        tegenprestatieId,
      );
      const fouten = beoordeelIncident({ datum: v.datum, vandaag: vandaag(), status: t.status, besluit });
      if (fouten.formulier) throw new AppError('niet-verwerkbaar', { userMessage: fouten.formulier });
      if (Object.keys(fouten).length) throw new DwangInvoerfout(fouten);
      const { incident, alle } = await withContext(db, dbContext(actor), async (tx) => {
        const rij = await repo.insertIncident(tx, {
          dienstId: dienstVan(actor),
          gemeenteId: t.gemeenteId,
          tegenprestatieId: t.id,
          klantId: t.klantId,
          soort: v.soort,
          datum: v.datum,
          omschrijving: v.omschrijving,
          bron: v.bron,
          bronNaam: v.bronNaam,
          vastgelegdDoor: idVan(actor),
          vastgelegdDoorNaam: naamVan(actor),
        });
        await record(tx, {
          actor,
          actie: 'aanmaken',
          subject: { type: 'klant', id: t.klantId },
          verwerkingsactiviteit: VA.klantdossierTegenprestatie,
          gemeenteId: t.gemeenteId,
        });
        return { incident: rij, alle: await repo.listIncidenten(tx, dienstVan(actor), t.id) };
      });
      const u = patroonMetNieuw(alle, incident, patroon);
      // After the transaction: `meld` writes in its own (a request holds one connection at a time).
      if (u && t.klantmanagerId)
        await deps.signalen.meld({
          dienstId: dienstVan(actor),
          gemeenteId: t.gemeenteId,
          klantId: t.klantId,
          gebruikerId: t.klantmanagerId,
          soort: 'incident-patroon',
          oorzaak: `${t.id}:${u.datums[0]}`,
          tekst:
            `Bij een plaatsing onder een opleggend besluit: ${patroonTekst(patroon)} ` +
            `(${u.datums.map((d) => formatDatumNl(d)).join(', ')}). Een signaal start geen maatregel: ` +
            'bespreek het met de klant en de organisatie, en beoordeel zelf of een voornemen tot een maatregel nodig is.',
          link: paths.tegenprestatieIncidenten(t.id),
          datum: u.tot,
        });
      return { incident: naarIncident(incident), patroon: uitkomst(u) };
    },
  };
  return service;
}

export type DwangService = ReturnType<typeof createDwangService>;
