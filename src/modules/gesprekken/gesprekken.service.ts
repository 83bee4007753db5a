import { type Tx, withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { type InzageOnderdeel, type InzageOpties, inzageDatum, inzageTekst } from '../../lib/inzage.ts';
import { type Actor, dbContext } from '../auth/index.ts';
import type { KlantDossier, KlantenService } from '../klanten/index.ts';
import { type LogboekActie, logboek, VA } from '../logboek/index.ts';
import {
  type Activiteit,
  NetwerkInvoerfout,
  type NetwerkService,
  type Organisatie,
} from '../netwerk/index.ts';
import { gesprekkenPolicy } from './gesprekken.policy.ts';
import {
  type EigenVoorstelRij,
  type GesprekKolommen,
  type GesprekRij,
  gesprekkenRepository as repo,
} from './gesprekken.repository.ts';
import {
  type EigenVoorstel,
  EigenVoorstelInput,
  type Gesprek,
  GesprekInput,
  GesprekInvoerfout,
  type GesprekOverzicht,
  type GesprekSamenvatting,
  GesprekWijziging,
  type Onderdelen,
  parseInvoer,
  VOORSTEL_SOORT_NAMEN,
  type VoorstelSoort,
} from './gesprekken.schemas.ts';

export interface GesprekkenDeps {
  db: Database;
  /** The client file: its `findKlant` decides caseload and team access (and logs the read of the file). */
  klanten: Pick<KlantenService, 'findKlant'>;
  /** The network: organisations and the maatwerk activity an own proposal becomes. */
  netwerk: Pick<
    NetwerkService,
    | 'findOrganisatie'
    | 'findOrganisaties'
    | 'stelOrganisatieVoor'
    | 'createMaatwerkActiviteit'
    | 'findActiviteit'
    | 'namenInTransactie'
  >;
}

/** Options of the functions other modules call inside their own transaction. */
export interface TxOpties {
  /** The caller's open transaction, with the same actor's context set (`withContext`); default: a new one. */
  tx?: Tx;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GEEN_GESPREK = 'Dit gesprek bestaat niet of u heeft er geen toegang toe.';
const GEEN_KLANT = 'Deze klant bestaat niet of u heeft er geen toegang toe.';

const gevuld = (s: string | null | undefined): boolean => typeof s === 'string' && s.trim() !== '';

/** Which of the guideline's four parts hold text (not just spaces). */
export function onderdelenVan(g: {
  krachtEnBekwaamheid: string | null;
  wensen: string | null;
  eigenVoorstel: string | null;
  socialeOmgeving: string | null;
}): Onderdelen {
  return {
    krachtEnBekwaamheid: gevuld(g.krachtEnBekwaamheid),
    wensen: gevuld(g.wensen),
    eigenVoorstel: gevuld(g.eigenVoorstel),
    socialeOmgeving: gevuld(g.socialeOmgeving),
  };
}

const naarVoorstel = (r: EigenVoorstelRij): EigenVoorstel => ({
  id: r.id,
  gesprekId: r.gesprekId,
  klantId: r.klantId,
  titel: r.titel,
  omschrijving: r.omschrijving,
  soort: r.soort as VoorstelSoort,
  organisatieId: r.organisatieId,
  nieuweOrganisatieNaam: r.nieuweOrganisatieNaam,
  maatschappelijkNut: r.maatschappelijkNut,
  nutMotivering: r.nutMotivering,
  activiteitId: r.activiteitId,
  aangemaaktOp: r.aangemaaktOp.toISOString(),
});

const naarOverzicht = (r: GesprekRij, aantalEigenVoorstellen: number): GesprekOverzicht => ({
  id: r.id,
  klantId: r.klantId,
  datum: r.datum,
  deelnemers: r.deelnemers,
  onderdelen: onderdelenVan(r),
  aantalEigenVoorstellen,
});

const naarGesprek = (r: GesprekRij, voorstellen: EigenVoorstelRij[]): Gesprek => ({
  ...naarOverzicht(r, voorstellen.length),
  krachtEnBekwaamheid: r.krachtEnBekwaamheid,
  wensen: r.wensen,
  eigenVoorstel: r.eigenVoorstel,
  socialeOmgeving: r.socialeOmgeving,
  notities: r.notities,
  afspraken: r.afspraken,
  eigenVoorstellen: voorstellen.map(naarVoorstel),
  aangemaaktOp: r.aangemaaktOp.toISOString(),
  gewijzigdOp: r.gewijzigdOp.toISOString(),
});

/** NetwerkInvoerfout field paths → this form's field paths. */
function vertaalNetwerkFout(e: unknown, map: Record<string, string>, standaard: string): never {
  if (e instanceof NetwerkInvoerfout) {
    const velden: Record<string, string> = {};
    for (const [veld, melding] of Object.entries(e.velden)) velden[map[veld] ?? standaard] ??= melding;
    throw new GesprekInvoerfout(velden);
  }
  throw e;
}

/**
 * Conversations with a client and the client's own proposals. See `index.ts` for the overview. Every function
 * takes `(actor, …)`, checks `gesprekkenPolicy`, runs under the actor's row-level security context and records
 * every read and change of a client's conversations in the access log (subject: the client, processing activity
 * `va-klantdossier-tegenprestatie`; the matching look-up `va-matching`).
 */
export function createGesprekkenService(deps: GesprekkenDeps) {
  const { db, klanten, netwerk } = deps;

  const dienstVan = (actor: Actor): string => {
    if (actor.kind === 'gebruiker') return actor.dienstId;
    if (actor.dienstId) return actor.dienstId;
    throw new AppError('intern', { message: `system context without dienstId: ${actor.reden}` });
  };
  const gebruikerVan = (actor: Actor): string | null =>
    actor.kind === 'gebruiker' ? actor.gebruikerId : null;

  const log = (
    tx: Tx,
    actor: Actor,
    actie: LogboekActie,
    klant: { id: string; gemeenteId: string },
    verwerkingsactiviteit: string = VA.klantdossierTegenprestatie,
  ) =>
    logboek.record(tx, {
      actor,
      actie,
      subject: { type: 'klant', id: klant.id },
      verwerkingsactiviteit,
      gemeenteId: klant.gemeenteId,
      ...(actor.kind === 'systeem' ? { dienstId: dienstVan(actor) } : {}),
    });

  /** The client file, when the actor may open it (caseload/team; the read is logged by klanten), else 404. */
  async function klantVoor(actor: Actor, klantId: string, melding = GEEN_KLANT): Promise<KlantDossier> {
    if (!UUID.test(klantId)) throw notFound(melding);
    try {
      return await klanten.findKlant(actor, klantId);
    } catch (e) {
      if (e instanceof AppError && e.status === 404) throw notFound(melding);
      throw e;
    }
  }

  /** A conversation the actor may see (row-level security, then the client file's access), or 404. */
  async function gesprekVoor(actor: Actor, id: string): Promise<{ rij: GesprekRij; klant: KlantDossier }> {
    if (!UUID.test(id)) throw notFound(GEEN_GESPREK);
    const rij = await withContext(db, dbContext(actor), (tx) => repo.findGesprek(tx, dienstVan(actor), id));
    if (!rij) throw notFound(GEEN_GESPREK);
    const klant = await klantVoor(actor, rij.klantId, GEEN_GESPREK);
    return { rij, klant };
  }

  const leesGesprek = async (tx: Tx, rij: GesprekRij): Promise<Gesprek> =>
    naarGesprek(rij, await repo.listEigenVoorstellen(tx, rij.dienstId, rij.id));

  return {
    // ---- Reading ----

    /** A client's conversations, newest first, with the client file (for the page's frame). */
    async gesprekkenVanKlant(
      actor: Actor,
      klantId: string,
    ): Promise<{ klant: KlantDossier; gesprekken: GesprekOverzicht[] }> {
      gesprekkenPolicy.vereis(actor, 'gesprekken-bekijken');
      const klant = await klantVoor(actor, klantId);
      const gesprekken = await withContext(db, dbContext(actor), async (tx) => {
        const rijen = await repo.listVoorKlant(tx, dienstVan(actor), klant.id);
        if (rijen.length > 0) await log(tx, actor, 'lezen', klant);
        return rijen.map((r) => naarOverzicht(r, r.aantalEigenVoorstellen));
      });
      return { klant, gesprekken };
    },

    /** One conversation with its own proposals, and the client file; `niet-gevonden` when not the actor's. */
    async findGesprek(actor: Actor, id: string): Promise<{ klant: KlantDossier; gesprek: Gesprek }> {
      gesprekkenPolicy.vereis(actor, 'gesprekken-bekijken');
      const { klant } = await gesprekVoor(actor, id);
      const gesprek = await withContext(db, dbContext(actor), async (tx) => {
        const rij = await repo.findGesprek(tx, dienstVan(actor), id);
        if (!rij) throw notFound(GEEN_GESPREK);
        await log(tx, actor, 'lezen', klant);
        return leesGesprek(tx, rij);
      });
      return { klant, gesprek };
    },

    /**
     * The client's latest conversation in short — which of the four parts are filled — or null when there is none
     * (or the client lies outside the actor's municipalities). For the tegenprestatie checklist. Pass `tx` to read
     * inside your own transaction (its context must be this actor's). Checks the role and row-level security, not
     * the caseload: the caller has opened the client's file already. Logged as a read of the client.
     */
    async samenvattingVoorKlant(
      actor: Actor,
      klantId: string,
      opties: TxOpties = {},
    ): Promise<GesprekSamenvatting | null> {
      gesprekkenPolicy.vereis(actor, 'gesprekken-bekijken');
      if (!UUID.test(klantId)) return null;
      const lees = async (tx: Tx) => {
        const rij = await repo.laatsteGesprek(tx, dienstVan(actor), klantId);
        if (!rij) return null;
        await log(tx, actor, 'lezen', { id: rij.klantId, gemeenteId: rij.gemeenteId });
        return { id: rij.id, datum: rij.datum, onderdelen: onderdelenVan(rij) };
      };
      return opties.tx ? lees(opties.tx) : withContext(db, dbContext(actor), lees);
    },

    /**
     * Per client the text of part (b) (wensen, ambities en kwaliteiten) and part (a) (kracht en bekwaamheid), joined
     * by a blank line, from the latest conversation in which either holds text — for the matching engine's text
     * similarity. Clients without such a conversation, outside the actor's municipalities (row-level security) or
     * with an invalid id are absent from the map. Each client read is logged (`va-matching`). Checks the role and
     * row-level security, not the caseload: the caller chose the clients through the client file.
     *
     * `gelogdDoorAanroeper`: the caller records the read of every one of these clients (same actor, `va-matching`)
     * in the same transaction `tx` itself — then this does not record it a second time. Only with `tx`.
     */
    async wensenVanKlanten(
      actor: Actor,
      klantIds: readonly string[],
      opties: TxOpties & { gelogdDoorAanroeper?: boolean } = {},
    ): Promise<Map<string, string>> {
      gesprekkenPolicy.vereis(actor, 'wensen-voor-matching');
      const ids = [...new Set(klantIds.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
      const uit = new Map<string, string>();
      if (ids.length === 0) return uit;
      const lees = async (tx: Tx) => {
        const rijen = [];
        for (let i = 0; i < ids.length; i += 1000)
          rijen.push(...(await repo.laatsteWensen(tx, dienstVan(actor), ids.slice(i, i + 1000))));
        for (const r of rijen)
          uit.set(r.klantId, [r.wensen, r.krachtEnBekwaamheid].filter(gevuld).join('\n\n'));
        if (opties.gelogdDoorAanroeper && opties.tx) return uit;
        await logboek.recordMany(
          tx,
          rijen.map((r) => ({
            actor,
            actie: 'lezen' as const,
            subject: { type: 'klant', id: r.klantId },
            verwerkingsactiviteit: VA.matching,
            gemeenteId: r.gemeenteId,
            ...(actor.kind === 'systeem' ? { dienstId: dienstVan(actor) } : {}),
          })),
        );
        return uit;
      };
      return opties.tx ? lees(opties.tx) : withContext(db, dbContext(actor), lees);
    },

    /**
     * A client's own proposals, newest first — e.g. the maatwerk activities (`activiteitId`) a design can choose.
     * Same checks as `samenvattingVoorKlant` (role and row-level security; the caller opened the client's file).
     */
    async eigenVoorstellenVanKlant(
      actor: Actor,
      klantId: string,
      opties: TxOpties = {},
    ): Promise<EigenVoorstel[]> {
      gesprekkenPolicy.vereis(actor, 'gesprekken-bekijken');
      if (!UUID.test(klantId)) return [];
      const lees = async (tx: Tx) => {
        const rijen = await repo.listEigenVoorstellenVanKlant(tx, dienstVan(actor), klantId);
        if (rijen[0])
          await log(tx, actor, 'lezen', { id: rijen[0].klantId, gemeenteId: rijen[0].gemeenteId });
        return rijen.map(naarVoorstel);
      };
      return opties.tx ? lees(opties.tx) : withContext(db, dbContext(actor), lees);
    },

    /**
     * AVG art. 15 (the privacy module only, as the system `avg-inzage` inside its transaction): every conversation
     * (all four parts, notes, agreements, participants) and own proposal (with the judgment of social usefulness)
     * as plain records with Dutch labels. The read is logged (`va-privacyverzoeken`).
     */
    async inzageVoorKlant(actor: Actor, klantId: string, opties: InzageOpties): Promise<InzageOnderdeel[]> {
      if (actor.kind !== 'systeem') throw new AppError('geen-toegang');
      const { tx } = opties;
      const gesprekkenRijen = await repo.listVoorKlant(tx, dienstVan(actor), klantId);
      const voorstellen = await repo.listEigenVoorstellenVanKlant(tx, dienstVan(actor), klantId);
      // The organisations' names in the same transaction (one connection per request).
      const { organisaties } = await netwerk.namenInTransactie(
        actor,
        { organisaties: voorstellen.flatMap((v) => (v.organisatieId ? [v.organisatieId] : [])) },
        { tx },
      );
      await log(tx, actor, 'lezen', { id: klantId, gemeenteId: opties.gemeenteId }, VA.privacyverzoeken);
      return [
        {
          onderdeel: 'gesprekken',
          titel: 'Gesprekken met u',
          records: gesprekkenRijen.map((g) => ({
            Datum: inzageDatum(g.datum),
            'Wie waren erbij': g.deelnemers.length ? g.deelnemers.join(', ') : null,
            'Wat u kunt (kracht en bekwaamheid)': inzageTekst(g.krachtEnBekwaamheid),
            'Wat u wilt (wensen, ambities en kwaliteiten)': inzageTekst(g.wensen),
            'Uw eigen voorstel': inzageTekst(g.eigenVoorstel),
            'Mensen om u heen (eigen sociale omgeving)': inzageTekst(g.socialeOmgeving),
            Notities: inzageTekst(g.notities),
            Afspraken: inzageTekst(g.afspraken),
          })),
        },
        {
          onderdeel: 'eigen-voorstellen',
          titel: 'Uw eigen voorstellen',
          records: voorstellen.map((v) => ({
            Datum: inzageDatum(v.aangemaaktOp),
            Titel: v.titel,
            Omschrijving: inzageTekst(v.omschrijving),
            Waar: VOORSTEL_SOORT_NAMEN[v.soort as VoorstelSoort] ?? v.soort,
            Organisatie:
              (v.organisatieId ? organisaties.get(v.organisatieId) : undefined) ??
              v.nieuweOrganisatieNaam ??
              null,
            'Nuttig voor de samenleving': v.maatschappelijkNut,
            Waarom: inzageTekst(v.nutMotivering),
          })),
        },
      ];
    },

    // ---- Changing ----

    /** Records a conversation with a client (klantmanager, own caseload or team). */
    async createGesprek(actor: Actor, klantId: string, input: GesprekInput | unknown): Promise<Gesprek> {
      gesprekkenPolicy.vereis(actor, 'gesprekken-vastleggen');
      const v = parseInvoer(GesprekInput, input);
      const klant = await klantVoor(actor, klantId);
      return withContext(db, dbContext(actor), async (tx) => {
        const kolommen: GesprekKolommen = {
          datum: v.datum,
          deelnemers: v.deelnemers,
          krachtEnBekwaamheid: v.krachtEnBekwaamheid ?? null,
          wensen: v.wensen ?? null,
          eigenVoorstel: v.eigenVoorstel ?? null,
          socialeOmgeving: v.socialeOmgeving ?? null,
          notities: v.notities ?? null,
          afspraken: v.afspraken ?? null,
        };
        const id = await repo.insertGesprek(
          tx,
          { dienstId: dienstVan(actor), gemeenteId: klant.gemeenteId, klantId: klant.id },
          kolommen,
          gebruikerVan(actor),
        );
        await log(tx, actor, 'aanmaken', klant);
        const rij = await repo.findGesprek(tx, dienstVan(actor), id);
        return leesGesprek(tx, rij!);
      });
    },

    /** Changes a conversation (PATCH: absent = unchanged, null or blank text = cleared). */
    async updateGesprek(actor: Actor, id: string, input: GesprekWijziging | unknown): Promise<Gesprek> {
      gesprekkenPolicy.vereis(actor, 'gesprekken-vastleggen');
      const v = parseInvoer(GesprekWijziging, input);
      const { klant } = await gesprekVoor(actor, id);
      const wijziging: Partial<GesprekKolommen> = {};
      for (const [k, w] of Object.entries(v)) if (w !== undefined) Object.assign(wijziging, { [k]: w });
      return withContext(db, dbContext(actor), async (tx) => {
        const rij = await repo.findGesprek(tx, dienstVan(actor), id, true);
        if (!rij) throw notFound(GEEN_GESPREK);
        await repo.updateGesprek(tx, rij.dienstId, id, wijziging, gebruikerVan(actor));
        await log(tx, actor, 'wijzigen', klant);
        return leesGesprek(tx, (await repo.findGesprek(tx, rij.dienstId, id))!);
      });
    },

    /**
     * Records a client's own proposal from a conversation, with the caseworker's judgment of its social usefulness.
     * When useful it becomes a one-off `maatwerk` activity in the network (one place, the client's municipality):
     * at an organisation of the network (it must serve the client's municipality), at a new organisation (proposed
     * through the network with status `voorgesteld`, for the netwerkmakelaar to confirm), or without a host. The
     * network's displacement assessment still applies to that activity. Not useful: only the proposal and the
     * motivation are kept.
     *
     * The network's functions run in their own transactions: when creating the activity fails after a new
     * organisation was proposed, that organisation stays proposed (the netwerkmakelaar sees it) and the error
     * names the field to correct.
     */
    async createEigenVoorstel(
      actor: Actor,
      gesprekId: string,
      input: EigenVoorstelInput | unknown,
    ): Promise<EigenVoorstel> {
      gesprekkenPolicy.vereis(actor, 'eigen-voorstel-beoordelen');
      const v = parseInvoer(EigenVoorstelInput, input);
      const { klant } = await gesprekVoor(actor, gesprekId);

      let organisatie: Organisatie | null = null;
      if (v.soort === 'bestaande-organisatie' && v.organisatieId) {
        const fout = () =>
          new GesprekInvoerfout({
            organisatieId: 'Deze organisatie bestaat niet of werkt niet in de gemeente van de klant.',
          });
        organisatie = await netwerk.findOrganisatie(actor, v.organisatieId).catch((e: unknown) => {
          if (e instanceof AppError && e.status === 404) throw fout();
          throw e;
        });
        if (!organisatie.gemeenteIds.includes(klant.gemeenteId) || organisatie.status === 'beeindigd')
          throw fout();
      }

      let activiteit: Activiteit | null = null;
      if (v.maatschappelijkNut) {
        if (v.soort === 'nieuwe-organisatie' && v.nieuweOrganisatie) {
          const n = v.nieuweOrganisatie;
          organisatie = await netwerk
            .stelOrganisatieVoor(actor, {
              naam: n.naam,
              type: n.type,
              plaats: n.plaats,
              postcode: n.postcode,
              website: n.website,
              gemeenteIds: [klant.gemeenteId],
              notities: `Voorgesteld vanuit een eigen voorstel van een klant: ${v.titel}`.slice(0, 4000),
            })
            .catch((e: unknown) =>
              vertaalNetwerkFout(
                e,
                {
                  naam: 'nieuweOrganisatie.naam',
                  type: 'nieuweOrganisatie.type',
                  plaats: 'nieuweOrganisatie.plaats',
                  postcode: 'nieuweOrganisatie.postcode',
                  website: 'nieuweOrganisatie.website',
                },
                'nieuweOrganisatie.naam',
              ),
            );
        }
        const uren = v.urenPerWeek ?? 0;
        activiteit = await netwerk
          .createMaatwerkActiviteit(actor, {
            organisatieId: organisatie?.id ?? null,
            titel: v.titel.trim(),
            omschrijving: v.omschrijving.trim(),
            categorie: v.categorie ?? 'anders',
            fysiekeBelasting: v.fysiekeBelasting ?? 'laag',
            urenMin: uren,
            urenMax: uren,
            locatie: v.locatie,
            gemeenteIds: [klant.gemeenteId],
            plaatsen: 1,
            status: organisatie?.status === 'voorgesteld' ? 'voorgesteld' : 'actief',
          })
          .catch((e: unknown) =>
            vertaalNetwerkFout(
              e,
              {
                titel: 'titel',
                omschrijving: 'omschrijving',
                categorie: 'categorie',
                fysiekeBelasting: 'fysiekeBelasting',
                urenMin: 'urenPerWeek',
                urenMax: 'urenPerWeek',
                locatie: 'locatie',
                organisatieId: 'organisatieId',
                gemeenteIds: 'organisatieId',
              },
              'formulier',
            ),
          );
      }

      return withContext(db, dbContext(actor), async (tx) => {
        const rij = await repo.findGesprek(tx, dienstVan(actor), gesprekId, true);
        if (!rij) throw notFound(GEEN_GESPREK);
        const voorstel = await repo.insertEigenVoorstel(tx, rij, {
          titel: v.titel,
          omschrijving: v.omschrijving,
          soort: v.soort,
          organisatieId: v.soort === 'zonder-organisatie' ? null : (organisatie?.id ?? null),
          nieuweOrganisatieNaam:
            v.soort === 'nieuwe-organisatie' ? (v.nieuweOrganisatie?.naam ?? null) : null,
          maatschappelijkNut: v.maatschappelijkNut,
          nutMotivering: v.nutMotivering,
          activiteitId: activiteit?.id ?? null,
          aangemaaktDoor: gebruikerVan(actor),
        });
        await log(tx, actor, 'wijzigen', klant);
        return naarVoorstel(voorstel);
      });
    },

    /**
     * Organisations of the network that serve the client's municipality and are not ended (for the own-proposal
     * form's list), by name; `meer` when there are more than fit (narrow with `zoek`).
     */
    async organisatieKeuzes(
      actor: Actor,
      gemeenteId: string,
      zoek = '',
    ): Promise<{
      organisaties: Array<{ id: string; naam: string; plaats: string | null; status: string }>;
      meer: boolean;
    }> {
      gesprekkenPolicy.vereis(actor, 'eigen-voorstel-beoordelen');
      const p = await netwerk.findOrganisaties(actor, {
        gemeenteId,
        paginaGrootte: 100,
        ...(zoek.trim() ? { zoek: zoek.trim().slice(0, 100) } : {}),
      });
      return {
        organisaties: p.items
          .filter((o) => o.status !== 'beeindigd')
          .map((o) => ({ id: o.id, naam: o.naam, plaats: o.plaats, status: o.status }))
          .sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
        meer: p.totaal > p.items.length,
      };
    },

    /** Names for a page: the organisation and activity of each proposal (the network's read; null when gone). */
    async netwerkNamen(
      actor: Actor,
      voorstellen: readonly EigenVoorstel[],
    ): Promise<Map<string, { naam: string; status: string }>> {
      gesprekkenPolicy.vereis(actor, 'gesprekken-bekijken');
      const namen = new Map<string, { naam: string; status: string }>();
      for (const v of voorstellen) {
        if (v.organisatieId && !namen.has(v.organisatieId)) {
          const o = await netwerk.findOrganisatie(actor, v.organisatieId).catch(() => null);
          if (o) namen.set(o.id, { naam: o.naam, status: o.status });
        }
        if (v.activiteitId && !namen.has(v.activiteitId)) {
          const a = await netwerk.findActiviteit(actor, v.activiteitId).catch(() => null);
          if (a) namen.set(a.id, { naam: a.titel, status: a.status });
        }
      }
      return namen;
    },
  };
}

export type GesprekkenService = ReturnType<typeof createGesprekkenService>;
