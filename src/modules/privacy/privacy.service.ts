import { withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import type { InzageOnderdeel, InzageOpties } from '../../lib/inzage.ts';
import { type Actor, dbContext, type Systeem, systeemActor } from '../auth/index.ts';
import type { GemeentenService } from '../gemeenten/index.ts';
import {
  type IsoDatum,
  type KlantDossier,
  type KlantenService,
  KlantInvoerfout,
  type MedewerkersBron,
  vandaag as vandaagNl,
} from '../klanten/index.ts';
import { type LogboekService, logboek, VA, type Verwerking } from '../logboek/index.ts';
import { privacyPolicy } from './privacy.policy.ts';
import { naarCsv, tijdInAmsterdam } from './privacy.regels.ts';
import { type LijstKlantRij, type LijstRij, privacyRepository as repo } from './privacy.repository.ts';
import type { JournaalRegel, VernietigingsJournaal } from './vernietigingsjournaal.ts';
import {
  BewaartermijnInput,
  type GevondenKlant,
  type VerwerkingenAntwoord,
  VerwerkingenFilter,
  type VerwerkingRegel,
  ZoekKlantInput,
} from './privacy.schemas.ts';

export interface PrivacyDeps {
  db: Database;
  klanten: Pick<
    KlantenService,
    'identificeerKlant' | 'verzamelInzage' | 'findVerlopenDossiers' | 'vernietigKlanten'
  >;
  logboek: Pick<LogboekService, 'findVerwerkingen' | 'findVerwerkingsactiviteiten'>;
  gemeenten: Pick<GemeentenService, 'findGemeenten' | 'listDiensten'>;
  medewerkers: MedewerkersBron;
  /**
   * The destruction journal outside the database (`vernietigingsjournaal.ts`): every approval is written there
   * before its destruction commits, so that a restore of an older backup can destroy the files again. Required:
   * without it an approval would not survive a restore.
   */
  journaal: VernietigingsJournaal;
  /** Today's date (Europe/Amsterdam); tests pass a fixed one. */
  vandaag?: () => IsoDatum;
  /**
   * The other modules' parts of the AVG art. 15 export (each module's `inzageVoorKlant`), each called in its own
   * transaction under the system context `avg-inzage`. A function, so the app can list services it builds later.
   */
  inzageBronnen?: () => readonly InzageBron[];
}

/** One module's read for the AVG art. 15 export (its `inzageVoorKlant`). */
export type InzageBron = (
  actor: Systeem,
  klantId: string,
  opties: InzageOpties,
) => Promise<InzageOnderdeel[]>;

/** The client's subjects in the access log: the file and the reveal of the full BSN. */
const subjectenVan = (klantId: string) => [
  { type: 'klant', id: klantId },
  { type: 'klant-bsn', id: klantId },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Bewaartermijn {
  gemeente: { id: string; naam: string };
  /** Null: not set; nothing of this municipality is destroyed. */
  maanden: number | null;
  grondslag: string | null;
  gewijzigdOp: Date | null;
}

export interface Vernietigingslijst extends LijstRij {
  gemeenteNaam: string;
  afgehandeldDoorNaam: string | null;
}

/** One line of an AVG art. 15 export's log part: when, what and why — never who (CJEU C-579/21). */
export interface InzageVerwerking {
  datum: IsoDatum;
  handeling: string;
  verwerkingsactiviteit: string;
}

/** Everything held about one client, for an access request (AVG art. 15). */
export interface Inzage {
  gemaaktOp: string;
  gemeente: string;
  gegevens: Omit<KlantDossier, 'klantmanager' | 'bsnGemaskeerd' | 'gemeenteId'> & {
    bsn: string | null;
    klantmanager: string | null;
  };
  /**
   * The data the other modules hold (conversations, own proposals, designs and their history, ordinance checks,
   * decisions and agreements, hours, evaluations, cohort proposals, signals): one part each, generic records with
   * Dutch labels (src/lib/inzage.ts). Empty parts are kept, so the client sees that nothing is held there.
   */
  onderdelen: InzageOnderdeel[];
  verwerkingen: InzageVerwerking[];
  /** The processing activities that appear, with purpose and legal basis (art. 15 lid 1 sub a). */
  verwerkingsactiviteiten: Array<{ id: string; naam: string; doel: string; grondslag: string }>;
}

export const HANDELING_NAMEN: Record<string, string> = {
  lezen: 'Bekeken',
  aanmaken: 'Aangemaakt',
  wijzigen: 'Gewijzigd',
  verwijderen: 'Verwijderd',
  exporteren: 'Geëxporteerd',
};

/** The privacy officer's log search and export, and retention with destruction lists. See index.ts. */
export function createPrivacyService(deps: PrivacyDeps) {
  const { db } = deps;
  const vandaag = deps.vandaag ?? (() => vandaagNl());

  const dienstVan = (actor: Actor): string => {
    if (actor.kind === 'gebruiker') return actor.dienstId;
    if (actor.dienstId) return actor.dienstId;
    throw new AppError('intern', { message: `system context without dienstId: ${actor.reden}` });
  };

  async function gemeenteNamen(actor: Actor): Promise<Map<string, string>> {
    return new Map((await deps.gemeenten.findGemeenten(actor)).map((g) => [g.id, g.naam]));
  }

  async function gevonden(
    actor: Actor,
    rijen: Array<{ id: string; gemeenteId: string; klantnummer: string | null }>,
  ): Promise<GevondenKlant[]> {
    const namen = await gemeenteNamen(actor);
    return rijen.map((r) => ({
      id: r.id,
      klantnummer: r.klantnummer,
      gemeente: { id: r.gemeenteId, naam: namen.get(r.gemeenteId) ?? 'Onbekende gemeente' },
    }));
  }

  /** The client by id (the lookup is logged by the klanten module), or 404. */
  async function klantVan(actor: Actor, klantId: string): Promise<GevondenKlant> {
    if (!UUID.test(klantId)) throw notFound('Deze klant bestaat niet of valt buiten uw gemeenten.');
    const [k] = await gevonden(actor, await deps.klanten.identificeerKlant(actor, { klantId }));
    if (!k) throw notFound('Deze klant bestaat niet of valt buiten uw gemeenten.');
    return k;
  }

  async function naamVan(dienstId: string): Promise<(id: string, reden: string | null) => string> {
    const namen = new Map((await deps.medewerkers(dienstId)).map((m) => [m.id, m.naam]));
    return (id, reden) =>
      id === 'systeem' ? `Systeem${reden ? ` (${reden})` : ''}` : (namen.get(id) ?? 'Onbekende medewerker');
  }

  const naarRegel = (v: Verwerking, naam: (id: string, reden: string | null) => string): VerwerkingRegel => ({
    tijdstip: v.tijdstip.toISOString(),
    medewerker: { id: v.actorId, naam: naam(v.actorId, v.actorReden) },
    rol: v.rol,
    actie: v.actie as VerwerkingRegel['actie'],
    wat: v.subject.type === 'klant-bsn' ? 'bsn' : 'dossier',
    verwerkingsactiviteit: v.verwerkingsactiviteit,
  });

  async function verwerkingenVan(
    actor: Actor,
    klant: GevondenKlant,
    filter: VerwerkingenFilter,
  ): Promise<VerwerkingenAntwoord> {
    const naam = await naamVan(dienstVan(actor));
    const r = await deps.logboek.findVerwerkingen(actor, {
      subjecten: subjectenVan(klant.id),
      ...filter,
    });
    return {
      klant,
      items: r.items.map((v) => naarRegel(v, naam)),
      totaal: r.totaal,
      pagina: r.pagina,
      paginaGrootte: r.paginaGrootte,
      aantalPaginas: r.aantalPaginas,
      medewerkers: r.actoren
        .map((a) => ({ id: a.actorId, naam: naam(a.actorId, null) }))
        .sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
    };
  }

  async function logExport(actor: Actor, klant: GevondenKlant): Promise<void> {
    await withContext(db, dbContext(actor), (tx) =>
      logboek.record(tx, {
        actor,
        actie: 'exporteren',
        subject: { type: 'klant', id: klant.id },
        verwerkingsactiviteit: VA.privacyverzoeken,
        gemeenteId: klant.gemeente.id,
        ...(actor.kind === 'systeem' ? { dienstId: dienstVan(actor) } : {}),
      }),
    );
  }

  async function alleBewaartermijnen(actor: Actor): Promise<Bewaartermijn[]> {
    const dienstId = dienstVan(actor);
    const gemeenten = await deps.gemeenten.findGemeenten(actor);
    const rijen = await withContext(db, dbContext(actor), (tx) => repo.listBewaartermijnen(tx, dienstId));
    const per = new Map(rijen.map((r) => [r.gemeenteId, r]));
    return gemeenten
      .filter((g) => actor.kind === 'systeem' || actor.gemeenten.includes(g.id))
      .map((g) => {
        const t = per.get(g.id);
        return {
          gemeente: { id: g.id, naam: g.naam },
          maanden: t?.klantdossierMaanden ?? null,
          grondslag: t?.grondslag ?? null,
          gewijzigdOp: t?.gewijzigdOp ?? null,
        };
      });
  }

  async function metNamen(actor: Actor, lijsten: LijstRij[]): Promise<Vernietigingslijst[]> {
    const gemeenten = await gemeenteNamen(actor);
    const naam = await naamVan(dienstVan(actor));
    return lijsten.map((l) => ({
      ...l,
      gemeenteNaam: gemeenten.get(l.gemeenteId) ?? 'Onbekende gemeente',
      afgehandeldDoorNaam: l.afgehandeldDoor ? naam(l.afgehandeldDoor, null) : null,
    }));
  }

  const service = {
    // ---- Log search (privacy officer) -----------------------------------------------------------------------

    /**
     * Finds a client by klantnummer or exact BSN within the officer's municipalities, without opening the file:
     * only the pseudonymous id, klantnummer and municipality. The lookup is logged (klanten module,
     * `va-privacyverzoeken`). Invalid input: `KlantInvoerfout` naming `klantnummer` or `bsn`.
     */
    async zoekKlant(actor: Actor, invoer: ZoekKlantInput): Promise<GevondenKlant[]> {
      privacyPolicy.vereis(actor, 'verwerkingen-inzien');
      const parsed = ZoekKlantInput.safeParse(invoer);
      if (!parsed.success) {
        const velden: Record<string, string> = {};
        for (const issue of parsed.error.issues)
          velden[String(issue.path[0] ?? 'klantnummer')] ??= issue.message;
        throw new KlantInvoerfout(velden);
      }
      const v = parsed.data;
      const vraag = {
        ...(v.klantnummer ? { klantnummer: v.klantnummer } : {}),
        ...(v.bsn ? { bsn: v.bsn } : {}),
      };
      return gevonden(actor, await deps.klanten.identificeerKlant(actor, vraag));
    },

    /**
     * Who read or changed this client's data, when, how and why: newest first, filtered and paged, with the
     * staff member's name and the processing activity's name. 404 for a client outside the officer's
     * municipalities.
     */
    async findVerwerkingen(
      actor: Actor,
      klantId: string,
      filter: VerwerkingenFilter = {},
    ): Promise<VerwerkingenAntwoord> {
      privacyPolicy.vereis(actor, 'verwerkingen-inzien');
      const f = VerwerkingenFilter.parse(filter);
      return verwerkingenVan(actor, await klantVan(actor, klantId), f);
    },

    /** The same search, all pages, as CSV; the export is recorded in the access log (`exporteren`). */
    async exporteerVerwerkingen(
      actor: Actor,
      klantId: string,
      filter: VerwerkingenFilter = {},
    ): Promise<{ klant: GevondenKlant; csv: string }> {
      privacyPolicy.vereis(actor, 'verwerkingen-inzien');
      const f = VerwerkingenFilter.parse({ ...filter, pagina: 1 });
      const klant = await klantVan(actor, klantId);
      const naam = await naamVan(dienstVan(actor));
      const regels: VerwerkingRegel[] = [];
      for (let pagina = 1; ; pagina++) {
        const r = await deps.logboek.findVerwerkingen(actor, {
          subjecten: subjectenVan(klant.id),
          ...f,
          pagina,
          paginaGrootte: 5000,
        });
        regels.push(...r.items.map((v) => naarRegel(v, naam)));
        if (pagina >= r.aantalPaginas) break;
      }
      await logExport(actor, klant);
      const csv = naarCsv(
        ['Tijdstip', 'Medewerker', 'Rol', 'Handeling', 'Gegevens', 'Verwerkingsactiviteit', 'Code'],
        regels.map((r) => [
          tijdInAmsterdam(new Date(r.tijdstip)),
          r.medewerker.naam,
          r.rol,
          HANDELING_NAMEN[r.actie] ?? r.actie,
          r.wat === 'bsn' ? 'BSN getoond' : 'Dossier',
          r.verwerkingsactiviteit.naam,
          r.verwerkingsactiviteit.id,
        ]),
      );
      return { klant, csv };
    },

    // ---- AVG art. 15 export (privacy officer) ---------------------------------------------------------------

    /**
     * All data held about one client (every client table, special categories included, and the full BSN) plus the
     * access log as dates, actions and processing activities only — never who (CJEU C-579/21). Collected by the
     * klanten module under the system context `avg-inzage`; logged as the officer's `exporteren`. The other modules'
     * data (`onderdelen`) is read by their `inzageVoorKlant` under the same system context (a transaction each), each
     * read logged by its module (`lezen`, `va-privacyverzoeken`).
     */
    async maakInzage(actor: Actor, klantId: string): Promise<Inzage> {
      privacyPolicy.vereis(actor, 'inzage-maken');
      if (!UUID.test(klantId)) throw notFound('Deze klant bestaat niet of valt buiten uw gemeenten.');
      const dossier = await deps.klanten.verzamelInzage(actor, klantId);
      const systeem = systeemActor('avg-inzage', dienstVan(actor));
      const bronnen = deps.inzageBronnen?.() ?? [];
      // One transaction per module, one after the other. A part reads everything it needs (other modules' names
      // included) in the transaction it is given: one request holds one connection at a time.
      const onderdelen: InzageOnderdeel[] = [];
      for (const bron of bronnen)
        onderdelen.push(
          ...(await withContext(db, dbContext(systeem), (tx) =>
            bron(systeem, klantId, { tx, gemeenteId: dossier.gemeenteId }),
          )),
        );
      const gemeenten = await gemeenteNamen(actor);
      const verwerkingen: InzageVerwerking[] = [];
      for (let pagina = 1; ; pagina++) {
        const r = await deps.logboek.findVerwerkingen(actor, {
          subjecten: subjectenVan(klantId),
          pagina,
          paginaGrootte: 5000,
        });
        verwerkingen.push(
          ...r.items.map((v) => ({
            datum: tijdInAmsterdam(v.tijdstip).slice(0, 10),
            handeling: HANDELING_NAMEN[v.actie] ?? v.actie,
            verwerkingsactiviteit: v.verwerkingsactiviteit.naam,
          })),
        );
        if (pagina >= r.aantalPaginas) break;
      }
      const register = await deps.logboek.findVerwerkingsactiviteiten(actor, dienstVan(actor));
      const gebruikt = new Set(verwerkingen.map((v) => v.verwerkingsactiviteit));
      const { klantmanager, bsnGemaskeerd: _m, gemeenteId, ...rest } = dossier;
      return {
        gemaaktOp: new Date().toISOString(),
        gemeente: gemeenten.get(gemeenteId) ?? 'Onbekende gemeente',
        gegevens: { ...rest, klantmanager: klantmanager?.naam ?? null },
        onderdelen,
        verwerkingen,
        verwerkingsactiviteiten: register
          .filter((va) => gebruikt.has(va.naam))
          .map(({ id, naam, doel, grondslag }) => ({ id, naam, doel, grondslag })),
      };
    },

    // ---- Retention (functioneel beheerder) ------------------------------------------------------------------

    /** The retention period per municipality of the actor (null where not set). */
    async listBewaartermijnen(actor: Actor): Promise<Bewaartermijn[]> {
      privacyPolicy.vereis(actor, 'bewaartermijnen-beheren');
      return alleBewaartermijnen(actor);
    },

    /** Sets a municipality's retention period for closed client files; logged (`va-bewaartermijnen`). */
    async zetBewaartermijn(actor: Actor, gemeenteId: string, invoer: BewaartermijnInput): Promise<void> {
      privacyPolicy.vereis(actor, 'bewaartermijnen-beheren');
      const t = BewaartermijnInput.parse(invoer);
      const dienstId = dienstVan(actor);
      if (!UUID.test(gemeenteId) || (actor.kind === 'gebruiker' && !actor.gemeenten.includes(gemeenteId)))
        throw notFound('Deze gemeente bestaat niet of u heeft er geen toegang toe.');
      await withContext(db, dbContext(actor), async (tx) => {
        await repo.upsertBewaartermijn(
          tx,
          { dienstId, gemeenteId },
          {
            klantdossierMaanden: t.maanden,
            grondslag: t.grondslag,
            gewijzigdDoor: actor.kind === 'gebruiker' ? actor.gebruikerId : null,
          },
        );
        await logboek.record(tx, {
          actor,
          actie: 'wijzigen',
          subject: { type: 'bewaartermijn', id: gemeenteId },
          verwerkingsactiviteit: VA.bewaartermijnen,
          gemeenteId,
          ...(actor.kind === 'systeem' ? { dienstId } : {}),
        });
      });
    },

    /**
     * Proposes a destruction list for one municipality: the closed files past its retention period today
     * (klantnummer and dates). Replaces an open proposal. Null when no period is set (nothing is destroyed).
     */
    async stelVernietigingslijstVoor(actor: Actor, gemeenteId: string): Promise<Vernietigingslijst | null> {
      privacyPolicy.vereis(actor, 'vernietigingslijsten-beheren');
      const dienstId = dienstVan(actor);
      const termijn = (await alleBewaartermijnen(actor)).find((t) => t.gemeente.id === gemeenteId);
      if (!termijn) throw notFound('Deze gemeente bestaat niet of u heeft er geen toegang toe.');
      if (termijn.maanden === null) return null;
      const peildatum = vandaag();
      const verlopen = await deps.klanten.findVerlopenDossiers(actor, {
        gemeenteId,
        maanden: termijn.maanden,
        peildatum,
      });
      const klanten: LijstKlantRij[] = verlopen.map((k) => ({
        klantId: k.id,
        klantnummer: k.klantnummer,
        dossierGeslotenOp: k.dossierGeslotenOp,
        vernietigenVanaf: k.vernietigenVanaf,
      }));
      const id = await withContext(db, dbContext(actor), async (tx) => {
        await repo.vervalOpen(tx, { dienstId, gemeenteId });
        const lijstId = await repo.insertLijst(
          tx,
          { dienstId, gemeenteId },
          { peildatum, bewaartermijnMaanden: termijn.maanden!, klanten },
        );
        await logboek.record(tx, {
          actor,
          actie: 'aanmaken',
          subject: { type: 'vernietigingslijst', id: lijstId },
          verwerkingsactiviteit: VA.bewaartermijnen,
          gemeenteId,
          ...(actor.kind === 'systeem' ? { dienstId } : {}),
        });
        return lijstId;
      });
      return (await service.findVernietigingslijst(actor, id)).lijst;
    },

    /**
     * The monthly run (job and CLI): a proposal for every municipality with a retention period, in every social
     * service. Returns what it proposed per municipality.
     */
    async stelVernietigingslijstenVoor(
      reden: string,
    ): Promise<Array<{ gemeente: string; aantal: number | null }>> {
      const uitkomst: Array<{ gemeente: string; aantal: number | null }> = [];
      for (const d of await deps.gemeenten.listDiensten(systeemActor(reden))) {
        const actor = systeemActor(reden, d.dienstId);
        for (const t of await alleBewaartermijnen(actor)) {
          if (t.maanden === null) {
            uitkomst.push({ gemeente: t.gemeente.naam, aantal: null });
            continue;
          }
          const lijst = await service.stelVernietigingslijstVoor(actor, t.gemeente.id);
          uitkomst.push({ gemeente: t.gemeente.naam, aantal: lijst?.aantal ?? null });
        }
      }
      return uitkomst;
    },

    /** The destruction lists of the actor's municipalities, newest first. */
    async listVernietigingslijsten(actor: Actor): Promise<Vernietigingslijst[]> {
      privacyPolicy.vereis(actor, 'vernietigingslijsten-beheren');
      const dienstId = dienstVan(actor);
      const gemeenteIds = (await alleBewaartermijnen(actor)).map((t) => t.gemeente.id);
      return metNamen(
        actor,
        await withContext(db, dbContext(actor), (tx) => repo.listLijsten(tx, dienstId, gemeenteIds)),
      );
    },

    /** One list with its lines (klantnummer and dates; none once approved). */
    async findVernietigingslijst(
      actor: Actor,
      id: string,
    ): Promise<{ lijst: Vernietigingslijst; klanten: LijstKlantRij[] }> {
      privacyPolicy.vereis(actor, 'vernietigingslijsten-beheren');
      const dienstId = dienstVan(actor);
      if (!UUID.test(id)) throw notFound('Deze vernietigingslijst bestaat niet.');
      const r = await withContext(db, dbContext(actor), async (tx) => {
        const lijst = await repo.findLijst(tx, dienstId, id);
        if (!lijst) return undefined;
        return { lijst, klanten: await repo.listLijstKlanten(tx, { dienstId, ...lijst }) };
      });
      if (!r) throw notFound('Deze vernietigingslijst bestaat niet.');
      const [lijst] = await metNamen(actor, [r.lijst]);
      return { lijst: lijst!, klanten: r.klanten };
    },

    /**
     * Approves an open list: destroys the files on it that are still closed and past the municipality's current
     * retention period today, in one transaction with closing the list (its klantnummers are deleted too, only
     * the counts stay). Each destruction is recorded in the access log. `conflict` when the list is no longer
     * open or the period was removed.
     */
    async keurVernietigingslijstGoed(actor: Actor, id: string): Promise<{ vernietigd: number }> {
      privacyPolicy.vereis(actor, 'vernietigingslijsten-beheren');
      const dienstId = dienstVan(actor);
      const { lijst, klanten } = await service.findVernietigingslijst(actor, id);
      if (lijst.status !== 'voorgesteld')
        throw new AppError('conflict', { userMessage: 'Deze vernietigingslijst is al afgehandeld.' });
      const termijn = (await alleBewaartermijnen(actor)).find((t) => t.gemeente.id === lijst.gemeenteId);
      if (!termijn?.maanden)
        throw new AppError('conflict', {
          userMessage: 'Voor deze gemeente is geen bewaartermijn meer ingesteld: er wordt niets vernietigd.',
        });
      const peildatum = vandaag();
      const { vernietigd } = await deps.klanten.vernietigKlanten(actor, {
        gemeenteId: lijst.gemeenteId,
        klantIds: klanten.map((k) => k.klantId),
        maanden: termijn.maanden,
        peildatum,
        inTransactie: async (tx, ids) => {
          const ok = await repo.keurGoed(
            tx,
            { dienstId, gemeenteId: lijst.gemeenteId, id: lijst.id },
            { door: actor.kind === 'gebruiker' ? actor.gebruikerId : null, aantalVernietigd: ids.length },
          );
          if (!ok)
            throw new AppError('conflict', { userMessage: 'Deze vernietigingslijst is al afgehandeld.' });
          // Before the commit: on disk outside the database, or no destruction at all.
          await deps.journaal.schrijf({
            dienstId,
            gemeenteId: lijst.gemeenteId,
            lijstId: lijst.id,
            maanden: termijn.maanden as number,
            peildatum,
            klantIds: [...ids],
          });
          await logboek.record(tx, {
            actor,
            actie: 'wijzigen',
            subject: { type: 'vernietigingslijst', id: lijst.id },
            verwerkingsactiviteit: VA.bewaartermijnen,
            gemeenteId: lijst.gemeenteId,
            ...(actor.kind === 'systeem' ? { dienstId } : {}),
          });
        },
      });
      return { vernietigd: vernietigd.length };
    },

    /**
     * After a restore: destroys again what the journal says was destroyed (every line, oldest first; a line whose
     * files are gone already changes nothing, so the whole journal may be replayed). Per line, in one transaction:
     * the listed files that are closed and past the line's retention period on its reference date (the approval's
     * own rule) are destroyed, each recorded in the access log, and the list is closed when the restored database
     * still has it open. `nietVernietigd`: listed files not destroyed now — gone already (destroyed before the
     * backup), or not closed and past the period in the restored data (still open in the backup): the functioneel
     * beheerder has to look at the latter.
     */
    async herspeelVernietigingen(
      regels: readonly JournaalRegel[],
      reden: string,
    ): Promise<{ regels: number; vernietigd: number; nietVernietigd: string[] }> {
      let vernietigdTotaal = 0;
      const nietVernietigd: string[] = [];
      for (const r of regels) {
        const actor = systeemActor(reden, r.dienstId);
        const { vernietigd } = await deps.klanten.vernietigKlanten(actor, {
          gemeenteId: r.gemeenteId,
          klantIds: r.klantIds,
          maanden: r.maanden,
          peildatum: r.peildatum as IsoDatum,
          inTransactie: async (tx, ids) => {
            const gesloten = await repo.keurGoed(
              tx,
              { dienstId: r.dienstId, gemeenteId: r.gemeenteId, id: r.lijstId },
              { door: null, aantalVernietigd: ids.length },
            );
            if (gesloten)
              await logboek.record(tx, {
                actor,
                actie: 'wijzigen',
                subject: { type: 'vernietigingslijst', id: r.lijstId },
                verwerkingsactiviteit: VA.bewaartermijnen,
                gemeenteId: r.gemeenteId,
                dienstId: r.dienstId,
              });
          },
        });
        vernietigdTotaal += vernietigd.length;
        const weg = new Set(vernietigd);
        nietVernietigd.push(...r.klantIds.filter((k) => !weg.has(k)));
      }
      return { regels: regels.length, vernietigd: vernietigdTotaal, nietVernietigd };
    },
  };
  return service;
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
