import { withContext } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { type InzageOnderdeel, type InzageOpties, inzageDatum } from '../../lib/inzage.ts';
import type { Mailer } from '../../mail/index.ts';
import { type Actor, dbContext, type Gebruiker, type Systeem } from '../auth/index.ts';
import { vandaag as vandaagNl } from '../klanten/index.ts';
import { recordMany, VA } from '../logboek/index.ts';
import type { SignaalBronnen } from './bronnen.ts';
import {
  bepaalSignalen,
  type NieuwSignaal,
  SOORT_NAMEN,
  type Soort,
  STANDAARD_UREN_MARGE_PROCENT,
} from './regels.ts';
import { signalenPolicy } from './signalen.policy.ts';
import { signalenRepository as repo, type SignaalRij } from './signalen.repository.ts';

export interface SignalenDeps {
  db: Database;
  /** The facts of one social service (see `createSignaalBronnen`). */
  bronnen: SignaalBronnen;
  /** E-mail per new signal (SMTP when configured); without it no mail. */
  mailer?: Mailer;
  /** E-mail addresses of a social service's staff (for the mail); without it no mail. */
  adressen?: (dienstId: string) => Promise<Map<string, string>>;
  /** The app's public URL (for the link in the mail). */
  publicUrl: string;
  /** Today as an ISO date (tests inject a fixed day). */
  vandaag?: () => string;
  /** The margin (percent) of `uren-wijken-af` (configuration `UREN_AFWIJKING_PROCENT`; default 25). */
  urenMargeProcent?: number;
  meldFout?: (e: unknown) => void;
}

export interface Signaal {
  id: string;
  soort: Soort;
  tekst: string;
  link: string;
  datum: string | null;
  aangemaaktOp: string;
  gelezen: boolean;
  afgehandeld: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GEEN_SIGNAAL = 'Dit signaal bestaat niet of is niet voor u.';

const naarSignaal = (r: SignaalRij): Signaal => ({
  id: r.id,
  soort: r.soort as Soort,
  tekst: r.tekst,
  link: r.link,
  datum: r.datum,
  aangemaaktOp: r.aangemaaktOp.toISOString(),
  gelezen: r.gelezenOp !== null,
  afgehandeld: r.afgehandeldOp !== null,
});

/** The e-mail of a new signal: no client details, only that there is one and where to look. */
export const SIGNAAL_MAIL = {
  onderwerp: 'U heeft een nieuw signaal in Wederkerig',
  tekst: (link: string) =>
    `Beste collega,\n\nU heeft een nieuw signaal in Wederkerig. Bekijk het hier:\n${link}\n\nDit bericht is automatisch verstuurd.`,
};

/**
 * Signals: the daily job turns the facts into signals (idempotent: one per recipient, kind and cause), mails each
 * recipient once per run, and every user has an inbox with a count of unread signals in the page header.
 */
export function createSignalenService(deps: SignalenDeps) {
  const { db } = deps;
  const vandaag = deps.vandaag ?? (() => vandaagNl());

  const gebruiker = (actor: Actor): Gebruiker => {
    if (actor.kind !== 'gebruiker') throw new AppError('geen-toegang');
    signalenPolicy.vereis(actor, 'signalen-bekijken');
    return actor;
  };

  const service = {
    /**
     * Runs the rules for one social service on `vandaag` (default: today) and stores the new signals. Returns how
     * many were new. The job calls this daily; a second run on the same day adds nothing.
     */
    async maakSignalen(systeem: Systeem, opties: { vandaag?: string } = {}) {
      const { dienstId } = systeem;
      if (!dienstId)
        throw new AppError('intern', { message: 'maakSignalen needs a system actor with dienstId' });
      const actor = { ...systeem, dienstId };
      const dag = opties.vandaag ?? vandaag();
      const feiten = await deps.bronnen(actor, dag);
      const signalen = bepaalSignalen(feiten, dag, {
        urenMargeProcent: deps.urenMargeProcent ?? STANDAARD_UREN_MARGE_PROCENT,
      });
      const nieuw = await withContext(db, dbContext(actor), (tx) =>
        repo.insertNieuw(
          tx,
          signalen.map((s) => ({ dienstId: actor.dienstId, ...s })),
        ),
      );
      if (nieuw.length > 0 && deps.mailer && deps.adressen) {
        const adressen = await deps.adressen(actor.dienstId);
        const link = `${deps.publicUrl.replace(/\/$/, '')}/signalen`;
        for (const id of new Set(nieuw.map((s) => s.gebruikerId))) {
          const aan = adressen.get(id);
          if (!aan) continue;
          await deps.mailer
            .verstuur({ aan, onderwerp: SIGNAAL_MAIL.onderwerp, tekst: SIGNAAL_MAIL.tekst(link) })
            .catch((e: unknown) => deps.meldFout?.(e));
        }
      }
      return { nieuw: nieuw.length, totaal: signalen.length };
    },

    /**
     * Stores one signal another module raises at once (not from the daily rules), e.g. `opnieuw-besluiten` when a
     * decision's period was ended before a regime without a recorded legal basis. Idempotent per recipient, kind
     * and cause; written as the system of the social service (the recipient may be another user than the caller).
     */
    async meld(signaal: NieuwSignaal & { dienstId: string }): Promise<void> {
      await withContext(db, { kind: 'systeem', reden: 'signalen:meld', dienstId: signaal.dienstId }, (tx) =>
        repo.insertNieuw(tx, [signaal]),
      );
    },

    /** The actor's inbox, newest first (`alle`: also the ones marked done). Reading names clients: logged. */
    async findSignalen(actor: Actor, opties: { alle?: boolean } = {}): Promise<Signaal[]> {
      const g = gebruiker(actor);
      return withContext(db, dbContext(g), async (tx) => {
        const rijen = await repo.list(tx, g.dienstId, g.gebruikerId, opties.alle === true);
        const klanten = new Map<string, string>();
        for (const r of rijen) if (r.klantId) klanten.set(r.klantId, r.gemeenteId);
        await recordMany(
          tx,
          [...klanten].map(([klantId, gemeenteId]) => ({
            actor: g,
            actie: 'lezen' as const,
            subject: { type: 'klant', id: klantId },
            verwerkingsactiviteit: VA.klantdossierTegenprestatie,
            gemeenteId,
          })),
        );
        return rijen.map(naarSignaal);
      });
    },

    /** How many signals the actor has not read (and not marked done): the count in the page header. */
    async telOngelezen(actor: Actor): Promise<number> {
      const g = gebruiker(actor);
      return withContext(db, dbContext(g), (tx) => repo.telOngelezen(tx, g.dienstId, g.gebruikerId));
    },

    /** Marks one of the actor's signals as read or done (or undoes it). */
    async markeerSignaal(
      actor: Actor,
      id: string,
      wat: { gelezen?: boolean; afgehandeld?: boolean },
    ): Promise<Signaal> {
      const g = gebruiker(actor);
      if (!UUID.test(id)) throw notFound(GEEN_SIGNAAL);
      const r = await withContext(db, dbContext(g), (tx) =>
        repo.markeer(tx, g.dienstId, g.gebruikerId, id, wat),
      );
      if (!r) throw notFound(GEEN_SIGNAAL);
      return naarSignaal(r);
    },

    /**
     * AVG art. 15 (the privacy module only, as the system `avg-inzage` inside its transaction): the signals that
     * name the client, as kind and date only (one line per cause, however many colleagues got it; no recipients,
     * no texts). The read is logged (`va-privacyverzoeken`).
     */
    async inzageVoorKlant(actor: Actor, klantId: string, opties: InzageOpties): Promise<InzageOnderdeel[]> {
      if (actor.kind !== 'systeem' || !actor.dienstId) throw new AppError('geen-toegang');
      const { tx } = opties;
      const rijen = await repo.vanKlant(tx, actor.dienstId, klantId);
      await recordMany(tx, [
        {
          actor,
          actie: 'lezen',
          subject: { type: 'klant', id: klantId },
          verwerkingsactiviteit: VA.privacyverzoeken,
          gemeenteId: opties.gemeenteId,
          dienstId: actor.dienstId,
        },
      ]);
      const gezien = new Set<string>();
      const records = [];
      for (const r of rijen) {
        const sleutel = `${r.soort}\u0000${r.oorzaak}`;
        if (gezien.has(sleutel)) continue;
        gezien.add(sleutel);
        records.push({
          Datum: inzageDatum(r.aangemaaktOp),
          Soort: SOORT_NAMEN[r.soort as Soort] ?? r.soort,
        });
      }
      return [
        {
          onderdeel: 'signalen',
          titel: 'Herinneringen voor medewerkers over u',
          uitleg:
            'Wederkerig herinnert medewerkers soms aan iets, bijvoorbeeld dat een evaluatie eraan komt. Hier staat ' +
            'welke herinneringen er over u waren en wanneer.',
          records,
        },
      ];
    },
  };
  return service;
}

export type SignalenService = ReturnType<typeof createSignalenService>;
