import { z } from 'zod';
import { withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import type { KlantBetrokkeneTable } from '../../db/schema.ts';
import type { Selectable } from 'kysely';
import { AppError } from '../../http/app-error.ts';
import { type Actor, dbContext } from '../auth/index.ts';
import { record, VA } from '../logboek/index.ts';
import { type InzageOnderdeel, type InzageOpties, inzageDatum } from '../../lib/inzage.ts';
import {
  BETROKKENE_SOORT_NAMEN,
  BETROKKENE_SOORTEN,
  type BetrokkenePeriode,
  type BetrokkeneSoort,
  beoordeelBetrokkene,
  ontvangersOp,
} from './betrokkenen.ts';
import type { IsoDatum } from './datum.ts';
import { klantenPolicy } from './klanten.policy.ts';
import { KlantInvoerfout, type KlantenService } from './klanten.service.ts';

type Rij = Selectable<KlantBetrokkeneTable>;

export const BetrokkeneInput = z
  .object({
    soort: z.enum(BETROKKENE_SOORTEN, { error: 'Kies bewindvoerder, mentor, curator of partner.' }),
    naam: z
      .string({ error: 'Vul de naam in.' })
      .trim()
      .min(1, 'Vul de naam in.')
      .max(200, 'De naam is te lang (hoogstens 200 tekens).'),
    adres: z
      .string()
      .trim()
      .max(300, 'Het adres is te lang (hoogstens 300 tekens).')
      .nullable()
      .optional()
      .transform((v) => (v ? v : null))
      .describe('Postadres (verplicht voor een vertegenwoordiger: die krijgt een afschrift)'),
    vanaf: z.iso.date({ error: 'Vul de begindatum in, bijvoorbeeld 2027-01-01.' }),
    tot: z
      .union([
        z.iso.date({ error: 'Vul de einddatum in, bijvoorbeeld 2027-12-31.' }),
        z.literal(''),
        z.null(),
      ])
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .meta({ id: 'BetrokkeneNieuw' });
export type BetrokkeneInput = z.input<typeof BetrokkeneInput>;

export const EindeInput = z
  .object({ tot: z.iso.date({ error: 'Vul de laatste dag in, bijvoorbeeld 2027-12-31.' }) })
  .meta({ id: 'BetrokkeneEinde' });

export const Betrokkene = z
  .object({
    id: z.uuid(),
    klantId: z.uuid(),
    soort: z.enum(BETROKKENE_SOORTEN),
    naam: z.string(),
    adres: z.string().nullable(),
    vanaf: z.iso.date(),
    tot: z.iso.date().nullable(),
    vastgelegdDoorNaam: z.string(),
  })
  .meta({ id: 'Betrokkene' });
export type Betrokkene = z.infer<typeof Betrokkene>;

const naar = (r: Rij): Betrokkene => ({
  id: r.id,
  klantId: r.klantId,
  soort: r.soort as BetrokkeneSoort,
  naam: r.naam,
  adres: r.adres,
  vanaf: r.vanaf,
  tot: r.tot,
  vastgelegdDoorNaam: r.vastgelegdDoorNaam,
});

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const velden: Record<string, string> = {};
  for (const i of r.error.issues) velden[i.path.map(String).join('.') || 'formulier'] ??= i.message;
  throw new KlantInvoerfout(velden);
}

/**
 * Representatives and the partner of joint bijstand on a client's file (issue 15, "who receives"). Visible exactly
 * when the client's file is (`findKlant`: 404 otherwise); reads and changes logged (`va-klantdossier-tegenprestatie`).
 * A record never changes except its end date (a change is an end and a new record).
 */
export function createBetrokkenenService(deps: { db: Database; klanten: Pick<KlantenService, 'findKlant'> }) {
  const { db } = deps;
  const dienstVan = (actor: Actor): string => {
    if (actor.kind === 'gebruiker') return actor.dienstId;
    if (actor.dienstId) return actor.dienstId;
    throw new AppError('intern', { message: `system context without dienstId: ${actor.reden}` });
  };
  const log = (
    tx: Parameters<typeof record>[0],
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
  const lijstVan = (tx: Parameters<typeof record>[0], dienstId: string, klantId: string) =>
    tx
      .selectFrom('klantBetrokkene')
      .selectAll()
      .where('dienstId', '=', dienstId)
      .where('klantId', '=', klantId)
      .orderBy('vanaf')
      .orderBy('vastgelegdOp')
      .execute();

  const service = {
    /**
     * AVG art. 15 (the privacy module only, as the system inside its transaction): the client's representatives and
     * partner as recorded. Left out when there are none. Logged.
     */
    async inzageVoorKlant(actor: Actor, klantId: string, opties: InzageOpties): Promise<InzageOnderdeel[]> {
      if (actor.kind !== 'systeem') throw new AppError('geen-toegang');
      const rijen = await lijstVan(opties.tx, dienstVan(actor), klantId);
      await record(opties.tx, {
        actor,
        actie: 'lezen',
        subject: { type: 'klant', id: klantId },
        verwerkingsactiviteit: VA.privacyverzoeken,
        gemeenteId: opties.gemeenteId,
        dienstId: dienstVan(actor),
      });
      if (rijen.length === 0) return [];
      return [
        {
          onderdeel: 'vertegenwoordiging',
          titel: 'Uw vertegenwoordiger en partner',
          uitleg:
            'Wie een afschrift krijgt van brieven over een maatregel, en met wie u samen bijstand ontvangt.',
          records: rijen.map((r) => ({
            Wie: BETROKKENE_SOORT_NAMEN[r.soort as BetrokkeneSoort] ?? r.soort,
            Naam: r.naam,
            Vanaf: inzageDatum(r.vanaf),
            'Tot en met': inzageDatum(r.tot),
          })),
        },
      ];
    },

    async listBetrokkenen(actor: Actor, klantId: string): Promise<Betrokkene[]> {
      klantenPolicy.vereis(actor, 'klanten-bekijken');
      const k = await deps.klanten.findKlant(actor, klantId);
      return withContext(db, dbContext(actor), async (tx) => {
        const rijen = await lijstVan(tx, dienstVan(actor), k.id);
        await log(tx, actor, 'lezen', k.id, k.gemeenteId);
        return rijen.map(naar);
      });
    },

    /** Who receives on `datum`: the representatives (a copy) and the partner of joint bijstand. Logged. */
    async ontvangersOp(
      actor: Actor,
      klantId: string,
      datum: IsoDatum,
    ): Promise<{ vertegenwoordigers: Betrokkene[]; partner: Betrokkene | null }> {
      return ontvangersOp(await service.listBetrokkenen(actor, klantId), datum);
    },

    async legBetrokkeneVast(actor: Actor, klantId: string, input: BetrokkeneInput): Promise<Betrokkene> {
      klantenPolicy.vereis(actor, 'klanten-wijzigen');
      const v = parse(BetrokkeneInput, input);
      const k = await deps.klanten.findKlant(actor, klantId);
      return withContext(db, dbContext(actor), async (tx) => {
        const bestaand = (await lijstVan(tx, dienstVan(actor), k.id)).map(naar) as BetrokkenePeriode[];
        const fouten = beoordeelBetrokkene(v, bestaand);
        if (Object.keys(fouten).length) throw new KlantInvoerfout(fouten);
        const rij = await tx
          .insertInto('klantBetrokkene')
          .values({
            dienstId: dienstVan(actor),
            gemeenteId: k.gemeenteId,
            klantId: k.id,
            soort: v.soort,
            naam: v.naam,
            adres: v.adres,
            vanaf: v.vanaf,
            tot: v.tot,
            vastgelegdDoorNaam: actor.kind === 'gebruiker' ? actor.naam : 'Systeem',
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await log(tx, actor, 'aanmaken', k.id, k.gemeenteId);
        return naar(rij);
      });
    },

    /** Ends a record on its last day (not before its start). */
    async beeindigBetrokkene(
      actor: Actor,
      klantId: string,
      id: string,
      input: { tot: string },
    ): Promise<Betrokkene> {
      klantenPolicy.vereis(actor, 'klanten-wijzigen');
      const v = parse(EindeInput, input);
      const k = await deps.klanten.findKlant(actor, klantId);
      return withContext(db, dbContext(actor), async (tx) => {
        const r = (await lijstVan(tx, dienstVan(actor), k.id)).find((x) => x.id === id);
        if (!r)
          throw new AppError('niet-gevonden', {
            userMessage: 'Deze vertegenwoordiger of partner bestaat niet.',
          });
        if (v.tot < r.vanaf)
          throw new KlantInvoerfout({ tot: 'De laatste dag ligt niet vóór de begindatum.' });
        if (r.tot && v.tot > r.tot) throw new KlantInvoerfout({ tot: 'Een einde wordt niet later gezet.' });
        const nieuw = await tx
          .updateTable('klantBetrokkene')
          .set({ tot: v.tot })
          .where('dienstId', '=', dienstVan(actor))
          .where('id', '=', r.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await log(tx, actor, 'wijzigen', k.id, k.gemeenteId);
        return naar(nieuw);
      });
    },
  };
  return service;
}

export type BetrokkenenService = ReturnType<typeof createBetrokkenenService>;
