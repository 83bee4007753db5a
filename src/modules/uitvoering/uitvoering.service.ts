import { type Tx, withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import {
  type InzageOnderdeel,
  type InzageOpties,
  inzageDatum,
  inzageKenmerk,
  inzageTekst,
} from '../../lib/inzage.ts';
import { type Actor, dbContext, systeemActor } from '../auth/index.ts';
import { type KlantenService, vandaag as vandaagNl } from '../klanten/index.ts';
import { record, recordMany, VA } from '../logboek/index.ts';
import {
  type Status,
  type Tegenprestatie,
  type TegenprestatiesService,
  VERVOLG_NAMEN,
  type Vervolg,
} from '../tegenprestaties/index.ts';
import { uitvoeringPolicy } from './uitvoering.policy.ts';
import { type EvaluatieRij, uitvoeringRepository as repo, type UrenRij } from './uitvoering.repository.ts';
import {
  AFWEZIG_NAMEN,
  type Afwezigheid,
  BEEINDIGING_NAMEN,
  BESLUIT_NAMEN,
  type Besluit,
  type CbsRegel,
  type Evaluatie,
  EvaluatieInput,
  Maand,
  parseInvoer,
  UitvoeringInvoerfout,
  UrenInput,
  type Urenregel,
} from './uitvoering.schemas.ts';

export interface UitvoeringDeps {
  db: Database;
  tegenprestaties: Pick<
    TegenprestatiesService,
    'findTegenprestatie' | 'findTegenprestaties' | 'voerDeel2OvergangUit'
  >;
  klanten: Pick<KlantenService, 'findKlant'>;
  /** Today as an ISO date (tests inject a fixed day). */
  vandaag?: () => string;
}

/** What the Uitvoering page shows of one placement. */
export interface UitvoeringBeeld {
  tegenprestatie: Tegenprestatie;
  uren: Urenregel[];
  evaluaties: Evaluatie[];
  /** Hours (> 0) in total. */
  totaalUren: number;
}

const naamVan = (actor: Actor): string =>
  actor.kind === 'gebruiker' ? actor.naam : `Systeem (${actor.reden.slice(0, 150)})`;
const idVan = (actor: Actor): string | null => (actor.kind === 'gebruiker' ? actor.gebruikerId : null);

const naarUrenregel = (r: UrenRij): Urenregel => ({
  id: r.id,
  tegenprestatieId: r.tegenprestatieId,
  datum: r.datum,
  uren: Number(r.uren),
  afwezig: r.afwezig as Afwezigheid | null,
  toelichting: r.toelichting,
  geregistreerdDoorNaam: r.geregistreerdDoorNaam,
  geregistreerdOp: r.geregistreerdOp.toISOString(),
});

const naarEvaluatie = (r: EvaluatieRij): Evaluatie => ({
  id: r.id,
  tegenprestatieId: r.tegenprestatieId,
  datum: r.datum,
  stemKlant: r.stemKlant,
  visieOrganisatie: r.visieOrganisatie,
  conclusie: r.conclusie,
  besluit: r.besluit as Besluit,
  eind:
    r.eind && r.vervolg && r.afloop
      ? {
          vervolg: r.vervolg as NonNullable<Evaluatie['eind']>['vervolg'],
          vervolgToelichting: r.vervolgToelichting,
          afloop: r.afloop as 'afgerond' | 'beeindigd',
          beeindigingReden: r.beeindigingReden as NonNullable<Evaluatie['eind']>['beeindigingReden'],
        }
      : null,
  doorNaam: r.doorNaam,
  op: r.op.toISOString(),
});

/** First and last day of a `JJJJ-MM` month. */
export function maandGrenzen(maand: string): { van: string; tot: string } {
  const [j, m] = maand.split('-').map(Number) as [number, number];
  const laatste = new Date(Date.UTC(j, m, 0)).getUTCDate();
  return { van: `${maand}-01`, tot: `${maand}-${String(laatste).padStart(2, '0')}` };
}

/** The CBS rows as CSV (`;`-separated, as Dutch spreadsheets expect; klantnummer, not the BSN). */
export function cbsCsv(gemeenteCode: string, maand: string, regels: CbsRegel[]): string {
  const cel = (s: string) => (/[";\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const kop = 'gemeentecode;maand;klantnummer;uitvoering_tegenprestatie;uren';
  const rijen = regels.map((r) =>
    [gemeenteCode, maand, r.klantnummer ?? '', r.uitvoering === 'ja' ? 'J' : 'N', String(r.uren)]
      .map(cel)
      .join(';'),
  );
  return `${[kop, ...rijen].join('\r\n')}\r\n`;
}

/**
 * The running tegenprestatie: hours per date (with absences), evaluations and the final follow-up that ends it,
 * and the monthly CBS indicator. Every function takes `(actor, …)`, checks `uitvoeringPolicy`, sees a placement
 * only when the actor may see its design (`tegenprestaties.findTegenprestatie`, which logs that read), runs its
 * writes in one transaction under the actor's row-level security context and records each read and change in the
 * access log (`va-klantdossier-tegenprestatie`, subject the client) in that transaction.
 */
export function createUitvoeringService(deps: UitvoeringDeps) {
  const { db, tegenprestaties, klanten } = deps;
  const vandaag = deps.vandaag ?? (() => vandaagNl());

  const dienstVan = (actor: Actor): string => {
    if (actor.kind === 'gebruiker') return actor.dienstId;
    if (actor.dienstId) return actor.dienstId;
    throw new AppError('intern', { message: `system context without dienstId: ${actor.reden}` });
  };

  const log = (tx: Tx, actor: Actor, actie: 'lezen' | 'aanmaken' | 'wijzigen', t: Tegenprestatie) =>
    record(tx, {
      actor,
      actie,
      subject: { type: 'klant', id: t.klantId },
      verwerkingsactiviteit: VA.klantdossierTegenprestatie,
      gemeenteId: t.gemeenteId,
      ...(actor.kind === 'systeem' ? { dienstId: dienstVan(actor) } : {}),
    });

  /** The design (visible to the actor, else `niet-gevonden`); without its history. */
  async function ontwerp(actor: Actor, id: string): Promise<Tegenprestatie> {
    const { overgangen: _o, ...t } = await tegenprestaties.findTegenprestatie(actor, id);
    return t;
  }

  function moetLopen(t: Tegenprestatie, wat: string): void {
    if ((t.status as Status) !== 'lopend')
      throw new AppError('niet-verwerkbaar', {
        userMessage: `${wat} kan alleen bij een lopende tegenprestatie. Deze staat op "${t.status}".`,
      });
  }

  const service = {
    /** The placement with its hours (newest date first) and evaluations (newest first). */
    async bekijkUitvoering(actor: Actor, id: string): Promise<UitvoeringBeeld> {
      uitvoeringPolicy.vereis(actor, 'uitvoering-bekijken');
      const t = await ontwerp(actor, id);
      return withContext(db, dbContext(actor), async (tx) => {
        const [uren, evaluaties] = await Promise.all([
          repo.listUren(tx, dienstVan(actor), id),
          repo.listEvaluaties(tx, dienstVan(actor), id),
        ]);
        await log(tx, actor, 'lezen', t);
        const regels = uren.map(naarUrenregel);
        return {
          tegenprestatie: t,
          uren: regels,
          evaluaties: evaluaties.map(naarEvaluatie),
          totaalUren: regels.reduce((s, r) => s + r.uren, 0),
        };
      });
    },

    /** The registered hours of a placement, newest date first. */
    async findUren(actor: Actor, id: string): Promise<Urenregel[]> {
      return (await service.bekijkUitvoering(actor, id)).uren;
    },

    /**
     * Registers hours (or an absence) per date — a week at once — for a running placement: every date on or after
     * the start date and on or before the end date, 0–24 hours, an absence (ziek, vakantie, anders) with 0 hours.
     * A date registered before is replaced (one row per date, with who registered it last).
     * @returns the placement's hours after the change.
     */
    async registreerUren(actor: Actor, id: string, input: UrenInput): Promise<Urenregel[]> {
      uitvoeringPolicy.vereis(actor, 'uitvoering-vastleggen');
      const v = parseInvoer(UrenInput, input);
      const t = await ontwerp(actor, id);
      moetLopen(t, 'Uren registreren');
      const velden: Record<string, string> = {};
      v.dagen.forEach((d, i) => {
        if (t.startdatum && d.datum < t.startdatum)
          velden[`dagen.${i}.datum`] = `${d.datum} ligt vóór de startdatum (${t.startdatum}).`;
        else if (t.einddatum && d.datum > t.einddatum)
          velden[`dagen.${i}.datum`] = `${d.datum} ligt na de einddatum (${t.einddatum}).`;
      });
      if (Object.keys(velden).length > 0) throw new UitvoeringInvoerfout(velden);
      return withContext(db, dbContext(actor), async (tx) => {
        await repo.upsertUren(
          tx,
          v.dagen.map((d) => ({
            dienstId: dienstVan(actor),
            gemeenteId: t.gemeenteId,
            tegenprestatieId: t.id,
            klantId: t.klantId,
            datum: d.datum,
            uren: d.uren,
            afwezig: d.afwezig ?? null,
            toelichting: d.toelichting,
            geregistreerdDoor: idVan(actor),
            geregistreerdDoorNaam: naamVan(actor),
          })),
        );
        await log(tx, actor, 'wijzigen', t);
        return (await repo.listUren(tx, dienstVan(actor), id)).map(naarUrenregel);
      });
    },

    /** The evaluations of a placement, newest first. */
    async findEvaluaties(actor: Actor, id: string): Promise<Evaluatie[]> {
      return (await service.bekijkUitvoering(actor, id)).evaluaties;
    },

    /**
     * Records an evaluation of a running placement: the client's voice, the host's view, the caseworker's
     * conclusion and the decision (voortzetten, aanpassen, beeindigen). With `beeindigen` it is the final
     * evaluation: it records the actual follow-up and ends the placement — `afgerond`, or `beeindigd` with a
     * reason — in the same transaction (the tegenprestaties module releases the activity's place).
     */
    async createEvaluatie(actor: Actor, id: string, input: EvaluatieInput): Promise<Evaluatie> {
      uitvoeringPolicy.vereis(actor, 'uitvoering-vastleggen');
      const v = parseInvoer(EvaluatieInput, input);
      const t = await ontwerp(actor, id);
      moetLopen(t, 'Evalueren');
      if (t.startdatum && v.datum < t.startdatum)
        throw new UitvoeringInvoerfout({ datum: `De evaluatie ligt vóór de startdatum (${t.startdatum}).` });
      if (v.datum > vandaag())
        throw new UitvoeringInvoerfout({ datum: 'Een evaluatie legt u vast op of na de dag zelf.' });
      // The move first: it checks visibility in its own transactions (which write the access log), and this
      // transaction must not hold the log's chain head while they wait for it.
      return withContext(db, dbContext(actor), async (tx) => {
        if (v.eind) {
          const reden = v.eind.beeindigingReden;
          await tegenprestaties.voerDeel2OvergangUit(
            actor,
            id,
            v.eind.afloop === 'beeindigd' && reden
              ? {
                  naar: 'beeindigd',
                  reden: `Eindevaluatie ${v.datum}: ${BEEINDIGING_NAMEN[reden]}`,
                  beeindigingReden: reden,
                }
              : { naar: 'afgerond', reden: `Eindevaluatie ${v.datum}` },
            { tx },
          );
        }
        const rij = await repo.insertEvaluatie(tx, {
          dienstId: dienstVan(actor),
          gemeenteId: t.gemeenteId,
          tegenprestatieId: t.id,
          klantId: t.klantId,
          datum: v.datum,
          stemKlant: v.stemKlant,
          visieOrganisatie: v.visieOrganisatie,
          conclusie: v.conclusie,
          besluit: v.besluit,
          eind: v.eind != null,
          vervolg: v.eind?.vervolg ?? null,
          vervolgToelichting: v.eind?.vervolgToelichting ?? null,
          afloop: v.eind?.afloop ?? null,
          beeindigingReden: v.eind?.afloop === 'beeindigd' ? (v.eind.beeindigingReden ?? null) : null,
          door: idVan(actor),
          doorNaam: naamVan(actor),
        });
        await log(tx, actor, 'aanmaken', t);
        return naarEvaluatie(rij);
      });
    },

    /**
     * The latest date with hours per running placement (for the "no hours for 3 weeks" signal). A system actor of
     * the social service (the signal job) or a staff member; no access log entry (no client data leaves).
     */
    async laatsteUrenPerTegenprestatie(actor: Actor, ids: string[]): Promise<Map<string, string>> {
      uitvoeringPolicy.vereis(actor, 'uitvoering-bekijken');
      return withContext(db, dbContext(actor), (tx) => repo.laatsteUren(tx, dienstVan(actor), ids));
    },

    /**
     * The CBS BUS indicator "uitvoering tegenprestatie" of one municipality and month: per client with a placement
     * that overlaps the month (or with hours registered in it), `ja` when any hours were done in that month, else
     * `nee`. Identified by klantnummer (no BSN). The export is logged as `exporteren` per client.
     */
    async cbsExport(actor: Actor, gemeenteId: string, maand: string): Promise<CbsRegel[]> {
      uitvoeringPolicy.vereis(actor, 'cbs-exporteren');
      const m = Maand.safeParse(maand);
      if (!m.success)
        throw new UitvoeringInvoerfout({ maand: m.error.issues[0]?.message ?? 'Ongeldige maand.' });
      if (actor.kind === 'gebruiker' && !actor.gemeenten.includes(gemeenteId))
        throw notFound('Deze gemeente bestaat niet of u heeft er geen toegang toe.');
      const { van, tot } = maandGrenzen(maand);
      const dienstId = dienstVan(actor);
      // The placements of the municipality, whoever's caseload they are in: read under a logged system context.
      const systeem = systeemActor('cbs-export', dienstId);
      const klantIds = new Set<string>();
      for (const status of ['overeengekomen', 'lopend', 'afgerond', 'beeindigd'] as const) {
        for (let pagina = 1; ; pagina++) {
          const p = await tegenprestaties.findTegenprestaties(systeem, {
            status,
            pagina,
            paginaGrootte: 100,
          });
          for (const t of p.items)
            if (
              t.gemeenteId === gemeenteId &&
              t.startdatum !== null &&
              t.startdatum <= tot &&
              (t.einddatum === null || t.einddatum >= van)
            )
              klantIds.add(t.klantId);
          if (pagina >= p.aantalPaginas) break;
        }
      }
      const uren = new Map(
        (
          await withContext(db, dbContext(actor), (tx) =>
            repo.urenPerKlant(tx, dienstId, gemeenteId, van, tot),
          )
        ).map((r) => [r.klantId, r.uren]),
      );
      for (const k of uren.keys()) klantIds.add(k);
      const regels: CbsRegel[] = [];
      for (const klantId of klantIds) {
        const klant = await klanten.findKlant(systeem, klantId).catch(() => null);
        const u = uren.get(klantId) ?? 0;
        regels.push({
          klantId,
          klantnummer: klant?.klantnummer ?? null,
          uitvoering: u > 0 ? 'ja' : 'nee',
          uren: u,
        });
      }
      regels.sort(
        (a, b) =>
          (a.klantnummer ?? '').localeCompare(b.klantnummer ?? '') || a.klantId.localeCompare(b.klantId),
      );
      await withContext(db, dbContext(actor), (tx) =>
        recordMany(
          tx,
          regels.map((r) => ({
            actor,
            actie: 'exporteren' as const,
            subject: { type: 'klant', id: r.klantId },
            verwerkingsactiviteit: VA.rapportage,
            gemeenteId,
            ...(actor.kind === 'systeem' ? { dienstId } : {}),
          })),
        ),
      );
      return regels;
    },

    /**
     * AVG art. 15 (the privacy module only, as the system `avg-inzage` inside its transaction): the client's hours
     * and absences and evaluations (the client's voice, the host's view, the conclusion), as plain records with
     * Dutch labels; staff names left out. The read is logged (`va-privacyverzoeken`).
     */
    async inzageVoorKlant(actor: Actor, klantId: string, opties: InzageOpties): Promise<InzageOnderdeel[]> {
      if (actor.kind !== 'systeem') throw new AppError('geen-toegang');
      const { tx } = opties;
      const { uren, evaluaties } = await repo.vanKlant(tx, dienstVan(actor), klantId);
      await record(tx, {
        actor,
        actie: 'lezen',
        subject: { type: 'klant', id: klantId },
        verwerkingsactiviteit: VA.privacyverzoeken,
        gemeenteId: opties.gemeenteId,
        dienstId: dienstVan(actor),
      });
      return [
        {
          onderdeel: 'uren',
          titel: 'Uw uren',
          records: uren.map((u) => ({
            Tegenprestatie: inzageKenmerk(u.tegenprestatieId),
            Datum: inzageDatum(u.datum),
            Uren: Number(u.uren),
            Afwezig: u.afwezig ? (AFWEZIG_NAMEN[u.afwezig as Afwezigheid] ?? u.afwezig) : null,
            Toelichting: inzageTekst(u.toelichting),
          })),
        },
        {
          onderdeel: 'evaluaties',
          titel: 'Gesprekken over hoe het gaat (evaluaties)',
          records: evaluaties.map((e) => ({
            Tegenprestatie: inzageKenmerk(e.tegenprestatieId),
            Datum: inzageDatum(e.datum),
            'Wat u zei': e.stemKlant,
            'Wat de organisatie zei': inzageTekst(e.visieOrganisatie),
            Conclusie: e.conclusie,
            Besluit: BESLUIT_NAMEN[e.besluit as Besluit] ?? e.besluit,
            Eindevaluatie: e.eind,
            'Hoe het afliep':
              e.afloop === 'afgerond' ? 'Afgerond' : e.afloop === 'beeindigd' ? 'Beëindigd' : null,
            'Reden van stoppen': e.beeindigingReden
              ? (BEEINDIGING_NAMEN[e.beeindigingReden as keyof typeof BEEINDIGING_NAMEN] ??
                e.beeindigingReden)
              : null,
            'Wat daarna': e.vervolg ? (VERVOLG_NAMEN[e.vervolg as Vervolg] ?? e.vervolg) : null,
            'Toelichting wat daarna': inzageTekst(e.vervolgToelichting),
          })),
        },
      ];
    },
  };
  return service;
}

export type UitvoeringService = ReturnType<typeof createUitvoeringService>;
