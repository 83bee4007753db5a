import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { AppError } from '../../http/app-error.ts';
import type { FieldErrors } from '../../web/components/index.tsx';
import { renderPage } from '../../web/render.ts';
import { type Gebruiker, pageChrome, requireRol } from '../auth/index.ts';
import type { GemeentenService } from '../gemeenten/index.ts';
import { type KlantenService, plusDagen, vandaag } from '../klanten/index.ts';
import { OvereenkomstInvoerfout, type VersieStand } from '../overeenkomsten/index.ts';
import { TegenprestatieInvoerfout } from '../tegenprestaties/index.ts';
import { uitvoeringPaden } from './paden.ts';
import { volgendeStappen } from './stappen.ts';
import {
  type Afwezigheid,
  type EvaluatieInput,
  type LevensloopInput,
  UitvoeringInvoerfout,
  type UrenInput,
  type Urenregel,
} from './uitvoering.schemas.ts';
import { cbsCsv, type UitvoeringService } from './uitvoering.service.ts';
import { maandagVan } from './urenregels.ts';
import {
  CbsPagina,
  type EvaluatieWaarden,
  isMelding,
  legeEvaluatie,
  legeStap,
  type StapWaarden,
  UitvoeringPagina,
  type WeekWaarden,
} from './views/uitvoering.tsx';

export interface UitvoeringRoutesDeps {
  uitvoering: UitvoeringService;
  klanten: Pick<KlantenService, 'findKlant'>;
  gemeenten: Pick<GemeentenService, 'findGemeenten' | 'findGemeente'>;
  /** Today as an ISO date (tests inject a fixed day). */
  vandaag?: () => string;
  /** The version of the agreement in force (the overeenkomsten module's `versieStand`). */
  versieStand: (actor: Gebruiker, id: string) => Promise<VersieStand>;
}

type Body = Record<string, unknown>;

const medewerker = (req: FastifyRequest): Gebruiker => requireRol(req, 'klantmanager', 'teamleider');
const idVan = (req: FastifyRequest): string => String((req.params as { id?: unknown }).id ?? '');
const query = (req: FastifyRequest, k: string): string => {
  const v = (req.query as Record<string, unknown> | undefined)?.[k];
  return typeof v === 'string' ? v.slice(0, 100) : '';
};
const bodyVan = (req: FastifyRequest): Body =>
  req.body && typeof req.body === 'object' ? (req.body as Body) : {};
const tekst = (b: Body, k: string): string => {
  const v = b[k];
  return typeof v === 'string' ? v.slice(0, 5000) : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
};
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The week form of the week starting `maandag`, showing what is stored (with each stored day's version). */
export function opgeslagenWeek(maandag: string, uren: readonly Urenregel[]): WeekWaarden {
  const perDatum = new Map(uren.map((u) => [u.datum, u]));
  return {
    dagen: Array.from({ length: 7 }, (_, i) => {
      const datum = plusDagen(maandag, i);
      const u = perDatum.get(datum);
      return u
        ? {
            datum,
            uren: u.afwezig ? '' : String(u.uren).replace('.', ','),
            afwezig: u.afwezig ?? '',
            toelichting: u.toelichting ?? '',
            versie: String(u.versie),
          }
        : { datum, uren: '', afwezig: '', toelichting: '', versie: '' };
    }),
  };
}

/** The week form as typed. */
export function weekVanBody(b: Body): WeekWaarden {
  return {
    dagen: Array.from({ length: 7 }, (_, i) => ({
      datum: tekst(b, `dag.${i}.datum`),
      uren: tekst(b, `dag.${i}.uren`),
      afwezig: tekst(b, `dag.${i}.afwezig`),
      toelichting: tekst(b, `dag.${i}.toelichting`),
      versie: tekst(b, `dag.${i}.versie`),
    })),
  };
}

/**
 * The week form → the service's input: days with hours or an absence, and the removal of a stored day the user
 * emptied (a day that was empty and stays empty is skipped). Each day carries the version of what the form showed,
 * so the service refuses to overwrite what someone else stored meanwhile. `rijen`: per sent day the form's row
 * (to put messages next to the right day).
 */
export function urenInvoerVan(w: WeekWaarden): { dagen: UrenInput['dagen']; rijen: number[] } {
  const dagen: UrenInput['dagen'] = [];
  const rijen: number[] = [];
  w.dagen.forEach((d, i) => {
    const u = d.uren.trim();
    const versie = /^[1-9]\d{0,8}$/.test(d.versie) ? Number(d.versie) : null;
    if (u === '' && d.afwezig === '') {
      if (versie === null) return;
      dagen.push({ datum: d.datum, verwijderen: true, versie });
      rijen.push(i);
      return;
    }
    dagen.push({
      datum: d.datum,
      // Not a number: the schema names it (NaN is refused with the field's message).
      uren: u === '' ? 0 : Number(u.replace(',', '.')),
      afwezig: (d.afwezig || null) as Afwezigheid | null,
      toelichting: d.toelichting.trim() || null,
      versie,
    });
    rijen.push(i);
  });
  return { dagen, rijen };
}

export function evaluatieVanBody(b: Body): EvaluatieWaarden {
  return {
    datum: tekst(b, 'datum'),
    stemKlant: tekst(b, 'stemKlant'),
    visieOrganisatie: tekst(b, 'visieOrganisatie'),
    conclusie: tekst(b, 'conclusie'),
    besluit: tekst(b, 'besluit'),
    vervolg: tekst(b, 'vervolg'),
    vervolgToelichting: tekst(b, 'vervolgToelichting'),
    afloop: tekst(b, 'afloop'),
    beeindigingReden: tekst(b, 'beeindigingReden'),
    ...intrekkingVanBody(b),
  };
}

const intrekkingVanBody = (b: Body) => ({
  intrekkingDatum: tekst(b, 'intrekkingDatum'),
  intrekkingVerzenddatum: tekst(b, 'intrekkingVerzenddatum'),
  intrekkingOndertekenaar: tekst(b, 'intrekkingOndertekenaar'),
});
/** The revocation as the service takes it (only what was typed). */
const intrekkingInvoer = (w: Partial<ReturnType<typeof intrekkingVanBody>>) =>
  w.intrekkingDatum || w.intrekkingVerzenddatum || w.intrekkingOndertekenaar
    ? {
        intrekking: {
          datum: w.intrekkingDatum ?? '',
          verzenddatum: w.intrekkingVerzenddatum ?? '',
          ondertekenaar: w.intrekkingOndertekenaar ?? '',
        },
      }
    : {};

function evaluatieInvoer(w: EvaluatieWaarden, eind: boolean): EvaluatieInput {
  const basis = {
    datum: w.datum,
    stemKlant: w.stemKlant,
    visieOrganisatie: w.visieOrganisatie || null,
    conclusie: w.conclusie,
  };
  if (!eind) return { ...basis, besluit: w.besluit as EvaluatieInput['besluit'] };
  type Eind = NonNullable<EvaluatieInput['eind']>;
  return {
    ...basis,
    besluit: 'beeindigen',
    eind: {
      vervolg: w.vervolg as Eind['vervolg'],
      vervolgToelichting: w.vervolgToelichting || null,
      afloop: w.afloop as Eind['afloop'],
      beeindigingReden: (w.beeindigingReden || null) as Eind['beeindigingReden'],
      ...intrekkingInvoer(w),
    },
  };
}

/** A refused form: field messages from the service, or its Dutch message. */
const foutenVan = (e: unknown, veld: string): FieldErrors | null => {
  if (
    e instanceof UitvoeringInvoerfout ||
    e instanceof TegenprestatieInvoerfout ||
    e instanceof OvereenkomstInvoerfout
  )
    return e.velden;
  if (e instanceof AppError && (e.code === 'niet-verwerkbaar' || e.code === 'conflict'))
    return { [veld]: e.userMessage };
  return null;
};

/**
 * The Uitvoering page of a placement (hours, evaluations, final evaluation) and the CBS export page. No JavaScript
 * needed: POST + CSRF, a refused form re-renders with 422, an error summary and what was typed; success redirects
 * (303). Every rule, access check and log entry is in the service.
 */
export function uitvoeringRoutes(deps: UitvoeringRoutesDeps) {
  const { uitvoering, klanten, gemeenten } = deps;
  const vandaagNu = deps.vandaag ?? (() => vandaag());

  async function toon(
    req: FastifyRequest,
    reply: FastifyReply,
    actor: Gebruiker,
    opts: {
      week?: WeekWaarden;
      evaluatie?: EvaluatieWaarden;
      eind?: EvaluatieWaarden;
      fouten?: FieldErrors;
      formulier?: 'uren' | 'evaluatie' | 'eind' | 'stap' | 'twijfel';
      stap?: StapWaarden;
      twijfel?: string;
      /** Rows of the week form whose stored day changed meanwhile: show its current version. */
      conflictRijen?: number[];
    } = {},
  ) {
    const beeld = await uitvoering.bekijkUitvoering(actor, idVan(req));
    const opgeslagen = new Map(beeld.uren.map((u) => [u.datum, u]));
    for (const i of opts.conflictRijen ?? []) {
      const d = opts.week?.dagen[i];
      if (d) d.versie = String(opgeslagen.get(d.datum)?.versie ?? '');
    }
    const klant = await klanten.findKlant(actor, beeld.tegenprestatie.klantId);
    const versie = await deps.versieStand(actor, beeld.tegenprestatie.id);
    const t = beeld.tegenprestatie;
    const gevraagd = query(req, 'week');
    let basis = ISO.test(gevraagd) ? gevraagd : vandaagNu();
    if (!ISO.test(gevraagd) && t.einddatum && basis > t.einddatum) basis = t.einddatum;
    if (!ISO.test(gevraagd) && t.startdatum && basis < t.startdatum) basis = t.startdatum;
    const weekVan = opts.week?.dagen[0]?.datum || maandagVan(basis);
    const melding = query(req, 'melding');
    return renderPage(
      reply,
      createElement(UitvoeringPagina, {
        chrome: pageChrome(req, reply),
        klant,
        beeld,
        week: opts.week ?? opgeslagenWeek(weekVan, beeld.uren),
        weekVan,
        evaluatie: opts.evaluatie ?? legeEvaluatie(vandaagNu()),
        eind: opts.eind ?? legeEvaluatie(vandaagNu()),
        fouten: opts.fouten ?? {},
        formulier: opts.formulier,
        melding: isMelding(melding) ? melding : undefined,
        vervolg: volgendeStappen(t, vandaagNu(), {
          laatsteEvaluatie: beeld.evaluaties[0] ?? null,
          openVersie: versie.open,
          besluitVerzonden: versie.besluitVerzonden,
        }),
        versie,
        stap: opts.stap ?? legeStap(),
        twijfel: opts.twijfel ?? '',
      }),
      opts.fouten ? 422 : 200,
    );
  }

  return async (app: FastifyInstance) => {
    app.get('/tegenprestaties/:id/uitvoering', { schema: { hide: true } }, async (req, reply) =>
      toon(req, reply, medewerker(req)),
    );

    app.post('/tegenprestaties/:id/uitvoering/uren', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const week = weekVanBody(bodyVan(req));
      const { dagen, rijen } = urenInvoerVan(week);
      let gewijzigd = 0;
      try {
        if (dagen.length > 0)
          gewijzigd = (await uitvoering.registreerUren(actor, idVan(req), { dagen }, { bron: 'formulier' }))
            .gewijzigd;
      } catch (e) {
        const f = foutenVan(e, 'formulier');
        if (!f) throw e;
        // Messages of the sent days go next to the form's row they came from.
        const fouten: FieldErrors = {};
        const conflictRijen: number[] = [];
        for (const [k, v] of Object.entries(f)) {
          const m = /^dagen\.(\d+)\.(.+)$/.exec(k);
          const rij = m ? (rijen[Number(m[1])] ?? 0) : null;
          fouten[m ? `dagen.${rij}.${m[2]}` : k] = v;
          if (rij !== null && e instanceof AppError && e.code === 'conflict') conflictRijen.push(rij);
        }
        return toon(req, reply, actor, { week, fouten, formulier: 'uren', conflictRijen });
      }
      const maandag = week.dagen[0]?.datum ?? '';
      const terug = ISO.test(maandag) ? `&week=${maandag}` : '';
      return reply.redirect(
        `${uitvoeringPaden.uitvoering(idVan(req))}?melding=${gewijzigd > 0 ? 'uren' : 'uren-ongewijzigd'}${terug}#uren`,
        303,
      );
    });

    for (const soort of ['evaluatie', 'eindevaluatie'] as const) {
      app.post(`/tegenprestaties/:id/uitvoering/${soort}`, { schema: { hide: true } }, async (req, reply) => {
        const actor = medewerker(req);
        const w = evaluatieVanBody(bodyVan(req));
        const eind = soort === 'eindevaluatie';
        try {
          await uitvoering.createEvaluatie(actor, idVan(req), evaluatieInvoer(w, eind));
        } catch (e) {
          const fouten = foutenVan(e, 'formulier');
          if (!fouten) throw e;
          return toon(req, reply, actor, {
            ...(eind ? { eind: w } : { evaluatie: w }),
            fouten,
            formulier: eind ? 'eind' : 'evaluatie',
          });
        }
        return reply.redirect(
          `${uitvoeringPaden.uitvoering(idVan(req))}?melding=${eind ? 'afgerond' : 'evaluatie'}#evaluaties`,
          303,
        );
      });
    }

    app.get(
      '/tegenprestaties/:id/uitvoering/evaluaties/:evaluatieId/verslag.pdf',
      { schema: { hide: true } },
      async (req, reply) => {
        const actor = medewerker(req);
        const evaluatieId = String((req.params as { evaluatieId?: unknown }).evaluatieId ?? '');
        if (!/^[0-9a-f-]{36}$/i.test(evaluatieId)) throw new AppError('niet-gevonden');
        const pdf = await uitvoering.evaluatieVerslagPdf(actor, idVan(req), evaluatieId);
        return reply
          .type('application/pdf')
          .header('content-disposition', 'inline; filename="evaluatieverslag.pdf"')
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    );

    app.post('/tegenprestaties/:id/uitvoering/stap', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const b = bodyVan(req);
      const stap: StapWaarden = {
        stap: tekst(b, 'stap'),
        reden: tekst(b, 'reden'),
        beeindigingReden: tekst(b, 'beeindigingReden'),
        ...intrekkingVanBody(b),
      };
      const invoer = {
        stap: stap.stap,
        ...(stap.stap === 'starten' ? {} : { reden: stap.reden, ...intrekkingInvoer(stap) }),
        ...(stap.stap === 'beeindigen-voor-start' ? { beeindigingReden: stap.beeindigingReden } : {}),
      } as LevensloopInput;
      try {
        await uitvoering.wijzigLevensloop(actor, idVan(req), invoer);
      } catch (e) {
        const f = foutenVan(e, 'formulier');
        if (!f) throw e;
        // The design moved back is no longer on this page's steps: its message shows at the top.
        const fouten: FieldErrors = {};
        for (const [k, v] of Object.entries(f)) fouten[k === 'stap' ? 'formulier' : k] = v;
        return toon(req, reply, actor, { stap, fouten, formulier: 'stap' });
      }
      const melding =
        stap.stap === 'starten' ? 'gestart' : stap.stap === 'terug-naar-ontwerp' ? 'teruggezet' : 'beeindigd';
      return reply.redirect(`${uitvoeringPaden.uitvoering(idVan(req))}?melding=${melding}#stappen-kop`, 303);
    });

    app.post('/tegenprestaties/:id/uitvoering/twijfel', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const reden = tekst(bodyVan(req), 'reden');
      try {
        await uitvoering.meldTwijfel(actor, idVan(req), { reden });
      } catch (e) {
        const fouten = foutenVan(e, 'reden');
        if (!fouten) throw e;
        return toon(req, reply, actor, { twijfel: reden, fouten, formulier: 'twijfel' });
      }
      return reply.redirect(`${uitvoeringPaden.uitvoering(idVan(req))}?melding=twijfel#herbeoordeling`, 303);
    });

    const exporteur = (req: FastifyRequest) => requireRol(req, 'teamleider', 'functioneel-beheerder');
    const vorigeMaand = () => {
      const [j, m] = vandaagNu().split('-').map(Number) as [number, number];
      return m === 1 ? `${j - 1}-12` : `${j}-${String(m - 1).padStart(2, '0')}`;
    };

    app.get(uitvoeringPaden.cbsExport(), { schema: { hide: true } }, async (req, reply) => {
      const actor = exporteur(req);
      const lijst = (await gemeenten.findGemeenten(actor)).filter((g) => actor.gemeenten.includes(g.id));
      const gemeenteId = query(req, 'gemeenteId') || lijst[0]?.id || '';
      const maand = query(req, 'maand') || vorigeMaand();
      let regels = null;
      let fout: string | undefined;
      if (query(req, 'maand') && gemeenteId) {
        try {
          regels = await uitvoering.cbsExport(actor, gemeenteId, maand);
        } catch (e) {
          if (!(e instanceof UitvoeringInvoerfout)) throw e;
          fout = Object.values(e.velden).join(' ');
        }
      }
      return renderPage(
        reply,
        createElement(CbsPagina, {
          chrome: pageChrome(req, reply),
          gemeenten: lijst.map((g) => ({ id: g.id, naam: g.naam })),
          gemeenteId,
          maand,
          regels,
          fout,
        }),
        fout ? 422 : 200,
      );
    });

    app.get(uitvoeringPaden.cbsExportCsv(), { schema: { hide: true } }, async (req, reply) => {
      const actor = exporteur(req);
      // As the page: without a choice, the first municipality and last month.
      const gemeenteId = query(req, 'gemeenteId') || actor.gemeenten[0] || '';
      const maand = query(req, 'maand') || vorigeMaand();
      const regels = await uitvoering.cbsExport(actor, gemeenteId, maand);
      const g = await gemeenten.findGemeente(actor, actor.dienstId, gemeenteId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="cbs-tegenprestatie-${g.code}-${maand}.csv"`)
        .send(cbsCsv(g.code, maand, regels));
    });
  };
}
