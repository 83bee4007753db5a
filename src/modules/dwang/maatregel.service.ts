import { withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import type { Tx } from '../../db/context.ts';
import { AppError } from '../../http/app-error.ts';
import { type Actor, dbContext } from '../auth/index.ts';
import { type IsoDatum, plusDagen, vandaag as vandaagNu } from '../klanten/index.ts';
import { record, VA } from '../logboek/index.ts';
import { type OvereenkomstenService, renderPdf } from '../overeenkomsten/index.ts';
import { dwangPolicy } from './dwang.policy.ts';
import { dwangRepository as repo, type MaatregelRij } from './dwang.repository.ts';
import {
  AfzienInput,
  DwangInvoerfout,
  GoedkeuringInput,
  HoringInput,
  type Maatregel,
  parseInvoer,
  VerwijtbaarheidInput,
  VoornemenInput,
  VoorstelInput,
} from './dwang.schemas.ts';
import { beoordeelIncident } from './incidenten.ts';
import { type Geadresseerde, maatregelBesluitDocument, voornemenDocument } from './maatregeldocumenten.ts';
import {
  AFZIEN_NAMEN,
  type AfzienGrond,
  afzienGronden,
  bepaalMaatregel,
  beoordeelVoorstel,
  type Gedraging,
  type MaatregelVerordening,
} from './maatregelen.ts';
import {
  beoordelingMelding,
  type HoorGrond,
  hoorMelding,
  type MaatregelStand,
  type MaatregelStatus,
  ontbrekendVoorBesluit,
  ontbrekendVoorVoorstel,
  type ZienswijzeVorm,
} from './maatregelpad.ts';

export interface MaatregelDeps {
  db: Database;
  /** The imposed decision a placement runs under (and the design's visibility: 404 otherwise). */
  overeenkomsten: Pick<OvereenkomstenService, 'opgelegdBesluit'>;
  /**
   * The statutory basis recorded for the regime of a date (the verordening module's `rechtsgrondVoor(…).artikel`;
   * null: none recorded). Required: without a basis on the conduct date there is no measure (fails closed).
   */
  rechtsgrond: (actor: Actor, datum: IsoDatum) => Promise<string | null>;
  /** Who the letters go to (the client's name, number and address; the municipality's name). */
  geadresseerde: (actor: Actor, klantId: string, gemeenteId: string) => Promise<Geadresseerde>;
  /**
   * Who else receives on a date (the klanten module's representatives and partner of joint bijstand). Required: a
   * measure on joint bijstand concerns both partners (art. 11 lid 4, 18 lid 12 Pw), and a representative receives a
   * copy — a letter must never silently skip them.
   */
  ontvangers: (
    actor: Actor,
    klantId: string,
    datum: IsoDatum,
  ) => Promise<{
    vertegenwoordigers: ReadonlyArray<{ soort: string; naam: string; adres: string | null }>;
    partner: { naam: string } | null;
  }>;
  vandaag?: () => IsoDatum;
}

const naamVan = (actor: Actor): string =>
  actor.kind === 'gebruiker' ? actor.naam : `Systeem (${actor.reden.slice(0, 150)})`;
const idVan = (actor: Actor): string | null => (actor.kind === 'gebruiker' ? actor.gebruikerId : null);

export function standVan(r: MaatregelRij): MaatregelStand {
  return {
    status: r.status as MaatregelStatus,
    besluitVerzenddatum: r.besluitVerzenddatum,
    hoortermijnEinde: r.hoortermijnEinde,
    zienswijzeDatum: r.zienswijzeDatum,
    hoorGrond: r.hoorGrond as HoorGrond | null,
    hoorMotivering: r.hoorMotivering,
    voorwaarden412: r.voorwaarden412,
    verwijtbaar: r.verwijtbaar,
    verwijtbaarheidMotivering: r.verwijtbaarheidMotivering,
    dringendeRedenen: r.dringendeRedenen,
    dringendeRedenenMotivering: r.dringendeRedenenMotivering,
    voorstelDoor: r.voorstelDoor,
    voorstelPercentage: r.voorstelPercentage,
  };
}

export function naarMaatregel(r: MaatregelRij, vandaag: IsoDatum): Maatregel {
  const v = r.verordening as MaatregelVerordening & { id: string };
  const categorie = v.categorieen.find((c) => c.nummer === r.categorie);
  const status = r.status as MaatregelStatus;
  const stand = standVan(r);
  return {
    id: r.id,
    tegenprestatieId: r.tegenprestatieId,
    status,
    gedraging: r.gedraging as Gedraging,
    gedragDatum: r.gedragDatum,
    gedragOmschrijving: r.gedragOmschrijving,
    incidentId: r.incidentId,
    ontdektOp: r.ontdektOp,
    besluit: {
      datum: r.besluitDatum,
      verzenddatum: r.besluitVerzenddatum,
      startdatum: r.besluitStartdatum,
      einddatum: r.besluitEinddatum,
      versieTitel: r.besluitTitel,
    },
    verordening: { id: r.verordeningId, titel: v.titel, ingangsdatum: v.ingangsdatum },
    categorie: { nummer: r.categorie, artikel: categorie?.artikel ?? '' },
    herhaling: r.herhaling,
    voornemen: { percentage: r.percentage, maanden: r.maanden },
    bandbreedte: v.bandbreedte,
    verzondenOp: r.verzondenOp,
    hoortermijnEinde: r.hoortermijnEinde,
    voornemenDoorNaam: r.voornemenDoorNaam,
    horing: {
      vorm: r.zienswijzeVorm as ZienswijzeVorm | null,
      gegevenOp: r.zienswijzeDatum,
      inhoud: r.zienswijzeInhoud,
      antwoord: r.zienswijzeAntwoord,
      grond: r.hoorGrond as HoorGrond | null,
      motivering: r.hoorMotivering,
      doorNaam: r.horingDoorNaam,
    },
    verwijtbaarheid:
      r.verwijtbaar !== null && r.dringendeRedenen !== null
        ? {
            verwijtbaar: r.verwijtbaar,
            verwijtbaarheidMotivering: r.verwijtbaarheidMotivering ?? '',
            dringendeRedenen: r.dringendeRedenen,
            dringendeRedenenMotivering: r.dringendeRedenenMotivering ?? '',
            doorNaam: r.beoordelingDoorNaam,
          }
        : null,
    afzien: r.afzienGrond
      ? { grond: r.afzienGrond as AfzienGrond, motivering: r.afzienMotivering ?? '' }
      : null,
    afzienMogelijk: categorie
      ? afzienGronden({
          versie: v,
          categorie,
          gedragDatum: r.gedragDatum,
          ontdektOp: r.ontdektOp,
          herhaling: r.herhaling,
        })
      : [],
    voorstel:
      r.voorstelPercentage !== null && r.voorstelMaanden !== null && r.voorstelIngangsdatum
        ? {
            percentage: r.voorstelPercentage,
            maanden: r.voorstelMaanden,
            ingangsdatum: r.voorstelIngangsdatum,
            motivering: r.voorstelMotivering ?? '',
            opnieuwGehoordOp: r.opnieuwGehoordDatum,
            opnieuwGehoordInhoud: r.opnieuwGehoordInhoud,
            doorNaam: r.voorstelDoorNaam ?? '',
          }
        : null,
    teruggestuurdToelichting: r.teruggestuurdToelichting,
    gezamenlijkMet: r.gezamenlijkMet,
    akkoord: r.akkoordOp
      ? {
          doorNaam: r.akkoordDoorNaam ?? '',
          op: r.akkoordOp.toISOString(),
          toelichting: r.akkoordToelichting,
        }
      : null,
    volgendeStap:
      status === 'voornemen'
        ? ontbrekendVoorVoorstel(stand, vandaag)
        : status === 'ter-beoordeling'
          ? [hoorMelding(stand, vandaag), beoordelingMelding(stand)].filter((x): x is string => x !== null)
          : [],
  };
}

/**
 * Issue 15, section 3 (docs/dwang.md): the measure path on a placement under an imposed decision — intention,
 * hearing, culpability and urgent reasons, afzien, the final proposal and the team lead's approval (the measure
 * decision). Every function takes `(actor, tegenprestatieId, …)`, checks `dwangPolicy`, sees a placement exactly
 * when the tegenprestaties module shows its design (404 otherwise) and logs reads and changes
 * (`va-klantdossier-tegenprestatie`, subject the client) in its transaction. The database backs each guard.
 */
export function createMaatregelService(deps: MaatregelDeps) {
  const { db } = deps;
  const vandaag = deps.vandaag ?? (() => vandaagNu());

  const dienstVan = (actor: Actor): string => {
    if (actor.kind === 'gebruiker') return actor.dienstId;
    if (actor.dienstId) return actor.dienstId;
    throw new AppError('intern', { message: `system context without dienstId: ${actor.reden}` });
  };
  const weiger = (melding: string) => new AppError('niet-verwerkbaar', { userMessage: melding });
  const gewijzigd = () =>
    new AppError('conflict', {
      userMessage: 'Iemand anders heeft deze maatregel intussen gewijzigd. Bekijk hem opnieuw.',
    });

  const log = (
    tx: Tx,
    actor: Actor,
    actie: 'lezen' | 'aanmaken' | 'wijzigen',
    klantId: string,
    gemeenteId: string,
  ) =>
    record(tx, {
      actor,
      actie,
      subject: { type: 'klant', id: klantId },
      verwerkingsactiviteit: VA.klantdossierTegenprestatie,
      gemeenteId,
    });

  /** One step on an existing measure: visible design, the row in `status`, the change, logged. */
  async function stap(
    actor: Actor,
    tegenprestatieId: string,
    maatregelId: string,
    wijzig: (r: MaatregelRij) => {
      /** The status the row must still have (optimistic). */
      status: MaatregelStatus;
      wijziging: Parameters<typeof repo.updateMaatregel>[4];
    },
  ): Promise<Maatregel> {
    const { tegenprestatie: t } = await deps.overeenkomsten.opgelegdBesluit(actor, tegenprestatieId);
    return withContext(db, dbContext(actor), async (tx) => {
      const r = await repo.findMaatregel(tx, dienstVan(actor), t.id, maatregelId);
      if (!r) throw new AppError('niet-gevonden', { userMessage: 'Deze maatregel bestaat niet.' });
      const { status, wijziging } = wijzig(r);
      const nieuw = await repo.updateMaatregel(tx, dienstVan(actor), r.id, status, wijziging);
      if (!nieuw) throw gewijzigd();
      await log(tx, actor, 'wijzigen', t.klantId, t.gemeenteId);
      return naarMaatregel(nieuw, vandaag());
    });
  }

  const inVoornemen = (r: MaatregelRij) => {
    if (r.status !== 'voornemen')
      throw weiger(
        r.status === 'ter-beoordeling'
          ? 'Het voorstel ligt bij de teamleider. Wacht op het oordeel (of het wordt teruggestuurd).'
          : 'Deze maatregel is afgerond en verandert niet meer.',
      );
  };

  const service = {
    /** A placement's measure paths, newest first. */
    async listMaatregelen(actor: Actor, tegenprestatieId: string): Promise<Maatregel[]> {
      dwangPolicy.vereis(actor, 'maatregelen-bekijken');
      const { tegenprestatie: t } = await deps.overeenkomsten.opgelegdBesluit(actor, tegenprestatieId);
      return withContext(db, dbContext(actor), async (tx) => {
        const rijen = await repo.listMaatregelen(tx, dienstVan(actor), t.id);
        await log(tx, actor, 'lezen', t.klantId, t.gemeenteId);
        return rijen.map((r) => naarMaatregel(r, vandaag()));
      });
    },

    async findMaatregel(actor: Actor, tegenprestatieId: string, maatregelId: string): Promise<Maatregel> {
      dwangPolicy.vereis(actor, 'maatregelen-bekijken');
      const { tegenprestatie: t } = await deps.overeenkomsten.opgelegdBesluit(actor, tegenprestatieId);
      return withContext(db, dbContext(actor), async (tx) => {
        const r = await repo.findMaatregel(tx, dienstVan(actor), t.id, maatregelId);
        if (!r) throw new AppError('niet-gevonden', { userMessage: 'Deze maatregel bestaat niet.' });
        await log(tx, actor, 'lezen', t.klantId, t.gemeenteId);
        return naarMaatregel(r, vandaag());
      });
    },

    /**
     * The intention letter (any measure) or the measure decision (only when decided; 422 otherwise) as a PDF. The
     * decision is dated the day of the approval. Logged as a read.
     */
    async document(
      actor: Actor,
      tegenprestatieId: string,
      maatregelId: string,
      soort: 'voornemen' | 'besluit',
    ): Promise<Buffer> {
      const m = await service.findMaatregel(actor, tegenprestatieId, maatregelId);
      if (soort === 'besluit' && (m.status !== 'besloten' || !m.akkoord))
        throw weiger('Er is (nog) geen besluit: de maatregel is niet besloten.');
      const { tegenprestatie: t } = await deps.overeenkomsten.opgelegdBesluit(actor, tegenprestatieId);
      const datum =
        soort === 'voornemen'
          ? m.verzondenOp
          : vandaagNu(new Date((m.akkoord as NonNullable<Maatregel['akkoord']>).op));
      const aan = {
        ...(await deps.geadresseerde(actor, t.klantId, t.gemeenteId)),
        afschrift: (await deps.ontvangers(actor, t.klantId, datum)).vertegenwoordigers,
      };
      return renderPdf(
        soort === 'voornemen' ? voornemenDocument(m, aan) : maatregelBesluitDocument(m, aan, datum),
      );
    },

    /**
     * The intention (voornemen): conduct on a date (usually an incident's) on a placement under an imposed decision
     * that was sent. Refused (422, Dutch): no imposed decision; the conduct before sending, outside the imposed
     * period or in the future (400, field `gedragDatum`); no recorded statutory basis for the conduct date's regime,
     * no measures ordinance then, no category for the conduct (`bepaalMaatregel`). Stores the imposed decision and
     * the ordinance version valid on the conduct date; the term for the view is the ordinance's (default 14 days)
     * unless given, from today (the sending date).
     */
    async legVoornemenVast(
      actor: Actor,
      tegenprestatieId: string,
      input: VoornemenInput,
    ): Promise<Maatregel> {
      dwangPolicy.vereis(actor, 'maatregel-voorbereiden');
      const v = parseInvoer(VoornemenInput, input);
      const { tegenprestatie: t, besluit } = await deps.overeenkomsten.opgelegdBesluit(
        actor,
        tegenprestatieId,
      );
      const vandaagD = vandaag();
      if (!v.incidentId && !v.gedragDatum)
        throw new DwangInvoerfout({ gedragDatum: 'Vul de datum van de gedraging in, of kies een incident.' });
      let gedragDatum = v.gedragDatum;
      if (v.incidentId) {
        const incidentId = v.incidentId;
        const inc = await withContext(db, dbContext(actor), async (tx) =>
          (await repo.listIncidenten(tx, dienstVan(actor), t.id)).find((i) => i.id === incidentId),
        );
        if (!inc) throw new DwangInvoerfout({ incidentId: 'Kies een incident van deze plaatsing.' });
        if (gedragDatum && gedragDatum !== inc.datum)
          throw new DwangInvoerfout({ gedragDatum: 'De datum is die van het gekozen incident.' });
        gedragDatum = inc.datum;
      }
      const datum = gedragDatum as IsoDatum;
      const fouten = beoordeelIncident({ datum, vandaag: vandaagD, status: t.status, besluit });
      if (fouten.formulier)
        throw weiger(
          besluit
            ? 'Een voornemen tot een maatregel kan alleen bij een plaatsing die is overeengekomen of loopt (of liep).'
            : 'Deze plaatsing loopt niet onder een verzonden besluit dat de tegenprestatie oplegt. Zonder opgelegd besluit is er niets na te komen: een maatregel kan niet.',
        );
      if (fouten.datum) throw new DwangInvoerfout({ gedragDatum: fouten.datum });
      const b = besluit as NonNullable<typeof besluit>;
      const ontdektOp = v.ontdektOp ?? vandaagD;
      if (ontdektOp < datum || ontdektOp > vandaagD)
        throw new DwangInvoerfout({
          ontdektOp:
            'De datum waarop de gedraging bekend werd, ligt niet vóór de gedraging en niet in de toekomst.',
        });
      // The statutory basis of the conduct date's regime: its own read, before this request's transaction.
      const grond = await deps.rechtsgrond(actor, datum);
      // Joint bijstand on the conduct date: the measure concerns both partners (stored with the intention).
      const partner = (await deps.ontvangers(actor, t.klantId, datum)).partner;
      try {
        return await withContext(db, dbContext(actor), async (tx) => {
          const versies = await repo.listMaatregelverordeningen(tx, dienstVan(actor), t.gemeenteId);
          const uitkomst = bepaalMaatregel({
            versies: versies.map((r) => ({ ...(r.inhoud as MaatregelVerordening), id: r.id })),
            gedraging: v.gedraging,
            gedragDatum: datum,
            grondslagOpDatum: grond,
            eerdere: await repo.besloteMaatregelenVanKlant(tx, dienstVan(actor), t.klantId),
          });
          if (!uitkomst.ok) throw weiger(uitkomst.melding);
          const m = uitkomst.waarde;
          const versie = m.versie as MaatregelVerordening & { id: string };
          const rij = await repo.insertMaatregel(tx, {
            dienstId: dienstVan(actor),
            gemeenteId: t.gemeenteId,
            tegenprestatieId: t.id,
            klantId: t.klantId,
            gedraging: v.gedraging,
            gedragDatum: datum,
            gedragOmschrijving: v.omschrijving,
            incidentId: v.incidentId,
            ontdektOp,
            besluitDatum: b.datum,
            besluitVerzenddatum: b.verzenddatum,
            besluitStartdatum: b.startdatum,
            besluitEinddatum: b.einddatum,
            besluitTitel: b.versieTitel,
            verordeningId: versie.id,
            verordening: JSON.stringify(versie),
            categorie: m.categorie.nummer,
            herhaling: m.herhaling,
            percentage: m.percentage,
            maanden: m.maanden,
            verzondenOp: vandaagD,
            hoortermijnEinde: plusDagen(vandaagD, v.hoortermijnDagen ?? versie.hoortermijnDagen ?? 14),
            voornemenDoor: idVan(actor),
            voornemenDoorNaam: naamVan(actor),
            gezamenlijkMet: partner?.naam ?? null,
          });
          await log(tx, actor, 'aanmaken', t.klantId, t.gemeenteId);
          return naarMaatregel(rij, vandaagD);
        });
      } catch (e) {
        if (typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505')
          throw new AppError('conflict', {
            userMessage:
              'Voor deze gedraging op deze dag loopt al een voornemen of is al een maatregel besloten. Eén gedraging krijgt nooit twee maatregelen.',
          });
        throw e;
      }
    },

    /**
     * The hearing (Awb 4:8): the client's view (letter, conversation or portal; dated, not before the intention was
     * sent nor in the future; with the answer the decision gives), or deciding without hearing on an Awb 4:11 ground
     * or under Awb 4:12 (its conditions confirmed), with reasons. Only while the intention is open.
     */
    async legHoringVast(
      actor: Actor,
      tegenprestatieId: string,
      maatregelId: string,
      input: HoringInput,
    ): Promise<Maatregel> {
      dwangPolicy.vereis(actor, 'maatregel-voorbereiden');
      const v = parseInvoer(HoringInput, input);
      return stap(actor, tegenprestatieId, maatregelId, (r) => {
        inVoornemen(r);
        if (v.datum && (v.datum < r.verzondenOp || v.datum > vandaag()))
          throw new DwangInvoerfout({
            datum: 'De zienswijze is gegeven na het versturen van het voornemen en niet in de toekomst.',
          });
        return {
          status: 'voornemen',
          wijziging: {
            zienswijzeVorm: v.grond ? null : v.vorm,
            zienswijzeDatum: v.grond ? null : (v.datum ?? null),
            zienswijzeInhoud: v.grond ? null : v.inhoud,
            zienswijzeAntwoord: v.grond ? null : v.antwoord,
            hoorGrond: v.grond,
            hoorMotivering: v.grond ? v.motivering : null,
            voorwaarden412: v.grond === 'awb-4-12' && v.voorwaarden412,
            horingDoorNaam: naamVan(actor),
          },
        };
      });
    },

    /** Culpability (art. 18 lid 9 Pw) and urgent reasons (lid 10), each with reasons. Only while the intention is open. */
    async legVerwijtbaarheidVast(
      actor: Actor,
      tegenprestatieId: string,
      maatregelId: string,
      input: VerwijtbaarheidInput,
    ): Promise<Maatregel> {
      dwangPolicy.vereis(actor, 'maatregel-voorbereiden');
      const v = parseInvoer(VerwijtbaarheidInput, input);
      return stap(actor, tegenprestatieId, maatregelId, (r) => {
        inVoornemen(r);
        return {
          status: 'voornemen',
          wijziging: {
            verwijtbaar: v.verwijtbaar,
            verwijtbaarheidMotivering: v.verwijtbaarheidMotivering,
            dringendeRedenen: v.dringendeRedenen,
            dringendeRedenenMotivering: v.dringendeRedenenMotivering,
            beoordelingDoorNaam: naamVan(actor),
          },
        };
      });
    },

    /**
     * Afzien: no measure, its own outcome, with reasons. The ground must hold: culpability found absent, urgent
     * reasons found, or an ordinance ground that applies to this conduct (`afzienGronden`: found more than the
     * limitation later; a written warning where the category allows it).
     */
    async zieAf(
      actor: Actor,
      tegenprestatieId: string,
      maatregelId: string,
      input: AfzienInput,
    ): Promise<Maatregel> {
      dwangPolicy.vereis(actor, 'maatregel-voorbereiden');
      const v = parseInvoer(AfzienInput, input);
      return stap(actor, tegenprestatieId, maatregelId, (r) => {
        inVoornemen(r);
        const m = naarMaatregel(r, vandaag());
        const past =
          v.grond === 'geen-verwijtbaarheid'
            ? r.verwijtbaar === false
            : v.grond === 'dringende-redenen'
              ? r.dringendeRedenen === true
              : m.afzienMogelijk.includes(v.grond);
        if (!past)
          throw new DwangInvoerfout({
            grond:
              v.grond === 'geen-verwijtbaarheid' || v.grond === 'dringende-redenen'
                ? `"${AFZIEN_NAMEN[v.grond]}" volgt uit de beoordeling van verwijtbaarheid en dringende redenen: leg die eerst zo vast.`
                : `"${AFZIEN_NAMEN[v.grond]}" geldt niet voor deze gedraging volgens de verordening.`,
          });
        return {
          status: 'voornemen',
          wijziging: { status: 'afgezien', afzienGrond: v.grond, afzienMotivering: v.motivering },
        };
      });
    },

    /**
     * The final proposal to the team lead: only after the hearing (the view, or the term ended, or a ground) and a
     * culpability assessment that found culpability and no urgent reasons. Lower or shorter than the intention is
     * allowed; higher or longer only after a new hearing on it; outside the ordinance's range never
     * (`beoordeelVoorstel`).
     */
    async doeVoorstel(
      actor: Actor,
      tegenprestatieId: string,
      maatregelId: string,
      input: VoorstelInput,
    ): Promise<Maatregel> {
      dwangPolicy.vereis(actor, 'maatregel-voorbereiden');
      const v = parseInvoer(VoorstelInput, input);
      return stap(actor, tegenprestatieId, maatregelId, (r) => {
        inVoornemen(r);
        const ontbreekt = ontbrekendVoorVoorstel(standVan(r), vandaag());
        if (ontbreekt.length) throw weiger(ontbreekt.join(' '));
        const versie = r.verordening as MaatregelVerordening;
        const opnieuw = Boolean(v.opnieuwGehoordDatum);
        if (
          v.opnieuwGehoordDatum &&
          (v.opnieuwGehoordDatum < r.verzondenOp || v.opnieuwGehoordDatum > vandaag())
        )
          throw new DwangInvoerfout({
            opnieuwGehoordDatum: 'De nieuwe horing ligt na het voornemen en niet in de toekomst.',
          });
        const fout = beoordeelVoorstel({
          voornemen: { percentage: r.percentage, maanden: r.maanden },
          voorstel: { percentage: v.percentage, maanden: v.maanden },
          versie,
          opnieuwGehoord: opnieuw,
        });
        if (fout) throw new DwangInvoerfout({ percentage: fout });
        if (v.ingangsdatum < vandaag())
          throw new DwangInvoerfout({ ingangsdatum: 'De maatregel gaat niet met terugwerkende kracht in.' });
        return {
          status: 'voornemen',
          wijziging: {
            status: 'ter-beoordeling',
            voorstelPercentage: v.percentage,
            voorstelMaanden: v.maanden,
            voorstelIngangsdatum: v.ingangsdatum,
            voorstelMotivering: v.motivering,
            opnieuwGehoordDatum: v.opnieuwGehoordDatum ?? null,
            opnieuwGehoordInhoud: v.opnieuwGehoordInhoud,
            voorstelDoor: idVan(actor),
            voorstelDoorNaam: naamVan(actor),
            voorstelOp: new Date(),
          },
        };
      });
    },

    /**
     * Four eyes: a team lead who did not make the proposal approves it (the measure is decided) or sends it back
     * with reasons (to `voornemen`, the proposal cleared). Refused (422) when anything the decision needs is missing
     * (`ontbrekendVoorBesluit`): the imposed decision, the hearing or a ground (and the term, unless the view came
     * in), the culpability assessment, the proposal. The database refuses the same.
     */
    async beoordeelVoorstel(
      actor: Actor,
      tegenprestatieId: string,
      maatregelId: string,
      input: GoedkeuringInput,
    ): Promise<Maatregel> {
      dwangPolicy.vereis(actor, 'maatregel-beoordelen');
      const v = parseInvoer(GoedkeuringInput, input);
      return stap(actor, tegenprestatieId, maatregelId, (r) => {
        if (r.status !== 'ter-beoordeling') throw weiger('Er ligt geen voorstel ter beoordeling.');
        if (!v.akkoord)
          return {
            status: 'ter-beoordeling',
            wijziging: {
              status: 'voornemen',
              teruggestuurdToelichting: v.toelichting,
              voorstelPercentage: null,
              voorstelMaanden: null,
              voorstelIngangsdatum: null,
              voorstelMotivering: null,
              opnieuwGehoordDatum: null,
              opnieuwGehoordInhoud: null,
              voorstelDoor: null,
              voorstelDoorNaam: null,
              voorstelOp: null,
            },
          };
        const ik = idVan(actor) ?? '';
        const ontbreekt = ontbrekendVoorBesluit(standVan(r), {
          vandaag: vandaag(),
          goedkeurder: ik,
          goedkeurderIsTeamleider: actor.kind === 'gebruiker' && actor.rol === 'teamleider',
        });
        if (ontbreekt.length) throw weiger(ontbreekt.join(' '));
        return {
          status: 'ter-beoordeling',
          wijziging: {
            status: 'besloten',
            akkoordDoor: ik,
            akkoordDoorNaam: naamVan(actor),
            akkoordRol: 'teamleider',
            akkoordOp: new Date(),
            akkoordToelichting: v.toelichting,
          },
        };
      });
    },
  };

  return service;
}

export type MaatregelService = ReturnType<typeof createMaatregelService>;
