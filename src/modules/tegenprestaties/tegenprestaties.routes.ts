import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { AppError } from '../../http/app-error.ts';
import type { FieldErrors } from '../../web/components/index.tsx';
import { paths } from '../../web/paths.ts';
import { renderFragment, renderPage } from '../../web/render.ts';
import { type Gebruiker, pageChrome, requireRol } from '../auth/index.ts';
import { activiteitLabel, gemeentenUitIds, keuzeWeigering, type NetwerkService } from '../netwerk/index.ts';
import { WENSELIJK_IDS } from './checklist.ts';
import { STATUSSEN } from './statusmachine.ts';
import {
  TegenprestatieInvoerfout,
  type UpdateTegenprestatieInput,
  type VoornemenInput,
  type ZienswijzeInput,
} from './tegenprestaties.schemas.ts';
import type { TegenprestatiesService } from './tegenprestaties.service.ts';
import {
  ChecklistBlok,
  isMelding,
  KlantTegenprestatiesPagina,
  type Melding,
  MijnTegenprestatiesPagina,
  OntwerpPagina,
  type OntwerpWaarden,
  TeamleiderPagina,
  waardenVan,
} from './views/tegenprestaties.tsx';
import { type OpleggingWaarden, REDEN_RIJEN } from './views/oplegging.tsx';

export interface TegenprestatiesRoutesDeps {
  tegenprestaties: TegenprestatiesService;
  netwerk: Pick<NetwerkService, 'findActiviteiten' | 'keuzes'>;
}

type Body = Record<string, unknown>;

const medewerker = (req: FastifyRequest): Gebruiker => requireRol(req, 'klantmanager', 'teamleider');
const idVan = (req: FastifyRequest): string => String((req.params as { id?: unknown }).id ?? '');
const meldingVan = (req: FastifyRequest): Melding | undefined => {
  const m = (req.query as { melding?: unknown } | undefined)?.melding;
  return isMelding(m) ? m : undefined;
};
const bodyVan = (req: FastifyRequest): Body =>
  req.body && typeof req.body === 'object' ? (req.body as Body) : {};
const tekst = (b: Body, k: string): string => {
  const v = b[k];
  return typeof v === 'string' ? v.slice(0, 5000) : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
};
const lijst = (b: Body, k: string): string[] => {
  const v = b[k];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === 'string',
  );
};

/** The oplegging forms as typed: every string field (kept on a 422). */
const opleggingWaardenVan = (b: Body): OpleggingWaarden =>
  Object.fromEntries(
    Object.keys(b)
      .filter((k) => k !== '_csrf')
      .map((k) => [k, tekst(b, k)]),
  );

/** The reason rows of a form; a fully empty row is left out. */
function redenenVan(b: Body, rijen: number): VoornemenInput['redenen'] {
  const uit: VoornemenInput['redenen'] = [];
  for (let n = 0; n < rijen; n++) {
    const v = (k: string) => tekst(b, `redenen.${n}.${k}`).trim();
    if (!v('tekst') && !v('beoordeling') && !v('categorie')) continue;
    uit.push({
      tekst: v('tekst'),
      categorie: v('categorie') as VoornemenInput['redenen'][number]['categorie'],
      maaktOngeschikt: v('maaktOngeschikt') === 'ja',
      beoordeling: v('beoordeling'),
    });
  }
  return uit;
}

/** What the form sent, as typed. */
export function waardenVanBody(b: Body): OntwerpWaarden {
  const v = (wie: string) => ({
    oordeel: tekst(b, `overtuigd.${wie}.oordeel`),
    motivering: tekst(b, `overtuigd.${wie}.motivering`),
  });
  return {
    versie: tekst(b, 'versie'),
    activiteitId: tekst(b, 'activiteitId'),
    urenPerWeek: tekst(b, 'urenPerWeek'),
    dagdelen: lijst(b, 'dagdelen'),
    startdatum: tekst(b, 'startdatum'),
    einddatum: tekst(b, 'einddatum'),
    evaluatiedata: lijst(b, 'evaluatiedata').filter((d) => d.trim() !== ''),
    vervolg: tekst(b, 'vervolg'),
    vervolgToelichting: tekst(b, 'vervolgToelichting'),
    maatwerk: {
      leeftijd: tekst(b, 'maatwerk.leeftijd'),
      opleiding: tekst(b, 'maatwerk.opleiding'),
      werkervaring: tekst(b, 'maatwerk.werkervaring'),
      omstandigheden: tekst(b, 'maatwerk.omstandigheden'),
    },
    wederkerigheid: {
      categorie: tekst(b, 'wederkerigheid.categorie'),
      omschrijving: tekst(b, 'wederkerigheid.omschrijving'),
    },
    overtuigd: { klantmanager: v('klantmanager'), klant: v('klant'), organisatie: v('organisatie') },
    afwijkingen: {
      gesprek: tekst(b, 'afwijkingen.gesprek'),
      vervolg: tekst(b, 'afwijkingen.vervolg'),
      evaluatie: tekst(b, 'afwijkingen.evaluatie'),
    },
  };
}

/** The form's values → the service's PATCH (every field of the form is sent; empty clears). */
export function invoerVan(w: OntwerpWaarden, metVersie = true): UpdateTegenprestatieInput {
  const leeg = (s: string) => (s.trim() === '' ? null : s);
  const getal = (s: string): number | null => {
    if (s.trim() === '') return null;
    const n = Number(s.trim().replace(',', '.'));
    return Number.isFinite(n) ? n : (s as unknown as number);
  };
  const versie = Number(w.versie);
  const verklaring = (x: { oordeel: string; motivering: string }) => ({
    oordeel: (x.oordeel === 'ja' || x.oordeel === 'nee' ? x.oordeel : null) as 'ja' | 'nee' | null,
    motivering: leeg(x.motivering),
  });
  return {
    ...(metVersie && Number.isInteger(versie) && versie > 0 ? { versie } : {}),
    activiteitId: leeg(w.activiteitId),
    urenPerWeek: getal(w.urenPerWeek),
    dagdelen: w.dagdelen as UpdateTegenprestatieInput['dagdelen'],
    startdatum: leeg(w.startdatum),
    einddatum: leeg(w.einddatum),
    evaluatiedata: w.evaluatiedata,
    vervolg: leeg(w.vervolg) as UpdateTegenprestatieInput['vervolg'],
    vervolgToelichting: leeg(w.vervolgToelichting),
    maatwerk: {
      leeftijd: leeg(w.maatwerk.leeftijd),
      opleiding: leeg(w.maatwerk.opleiding),
      werkervaring: leeg(w.maatwerk.werkervaring),
      omstandigheden: leeg(w.maatwerk.omstandigheden),
    },
    wederkerigheid: {
      categorie: leeg(w.wederkerigheid.categorie) as NonNullable<
        UpdateTegenprestatieInput['wederkerigheid']
      >['categorie'],
      omschrijving: leeg(w.wederkerigheid.omschrijving),
    },
    overtuigd: {
      klantmanager: verklaring(w.overtuigd.klantmanager),
      klant: verklaring(w.overtuigd.klant),
      organisatie: verklaring(w.overtuigd.organisatie),
    },
    afwijkingen: Object.fromEntries(WENSELIJK_IDS.map((id) => [id, leeg(w.afwijkingen[id])])),
  };
}

/**
 * The client file's tegenprestaties tab, the design page with the live checklist, the status, advice and
 * geen-medewerking forms, and the team lead's list. No JavaScript needed: POST + CSRF, a refused change
 * re-renders with 422, an error summary and what was typed; success redirects (303). htmx only refreshes the
 * checklist while typing. Every rule, access check and log entry is in the service.
 */
export function tegenprestatiesRoutes(deps: TegenprestatiesRoutesDeps) {
  const { tegenprestaties, netwerk } = deps;

  async function toonOntwerp(
    req: FastifyRequest,
    reply: FastifyReply,
    actor: Gebruiker,
    opts: {
      waarden?: OntwerpWaarden;
      fouten?: FieldErrors;
      status?: number;
      opleggingWaarden?: OpleggingWaarden;
    } = {},
  ) {
    const id = idVan(req);
    const beeld = await tegenprestaties.bekijkOntwerp(actor, id);
    const activiteiten = await netwerk.findActiviteiten(actor, {
      gemeenteId: beeld.klant.gemeenteId,
      status: 'actief',
      maatwerk: false,
      paginaGrootte: 100,
    });
    // Same-named activities of different municipalities are told apart by the municipalities they serve.
    const namen = new Map((await netwerk.keuzes(actor)).gemeenten.map((g) => [g.id, g.naam]));
    return renderPage(
      reply,
      createElement(OntwerpPagina, {
        chrome: pageChrome(req, reply),
        beeld,
        waarden: opts.waarden ?? waardenVan(beeld.tegenprestatie),
        fouten: opts.fouten ?? {},
        // An activity ruled out by its displacement assessment is not offered (the service refuses it too).
        activiteiten: activiteiten.items
          .filter((a) => keuzeWeigering(a.toets.status) === null)
          .map((a) => ({
            id: a.id,
            titel: `${activiteitLabel({ ...a, gemeenten: gemeentenUitIds(a.gemeenteIds, namen) })}, ${a.plaatsenVrij} vrij`,
          })),
        melding: meldingVan(req),
        isTeamleider: actor.rol === 'teamleider',
        opleggingWaarden: opts.opleggingWaarden,
      }),
      opts.status ?? 200,
    );
  }

  /** A refused form: field messages from the service, or its Dutch message in the error summary. */
  const foutenVan = (e: unknown, veld: string): FieldErrors | null => {
    if (e instanceof TegenprestatieInvoerfout) return e.velden;
    if (e instanceof AppError && (e.code === 'niet-verwerkbaar' || e.code === 'conflict'))
      return { [veld]: e.userMessage };
    return null;
  };

  return async (app: FastifyInstance) => {
    app.get('/klanten/:id/tegenprestaties', { schema: { hide: true } }, async (req, reply) => {
      const {
        klant,
        tegenprestaties: lijst,
        titels,
      } = await tegenprestaties.overzichtVoorKlant(medewerker(req), idVan(req));
      return renderPage(
        reply,
        createElement(KlantTegenprestatiesPagina, {
          chrome: pageChrome(req, reply),
          klant,
          tegenprestaties: lijst,
          titels,
        }),
      );
    });

    app.post('/klanten/:id/tegenprestaties', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const gesprekId = tekst(bodyVan(req), 'gesprekId');
      const { id } = await tegenprestaties.startVerkenning(actor, {
        klantId: idVan(req),
        ...(gesprekId ? { gesprekId } : {}),
      });
      return reply.redirect(paths.metMelding(paths.tegenprestatie(id), 'gestart'), 303);
    });

    app.get('/tegenprestaties', { schema: { hide: true } }, async (req, reply) => {
      const actor = requireRol(req, 'teamleider', 'klantmanager');
      if (actor.rol === 'klantmanager') {
        const q = (req.query ?? {}) as Record<string, unknown>;
        const status = STATUSSEN.find((s) => s === q.status);
        const pagina = Number.parseInt(typeof q.pagina === 'string' ? q.pagina : '1', 10);
        const m = await tegenprestaties.mijnOverzicht(actor, {
          status,
          pagina: Number.isInteger(pagina) && pagina >= 1 && pagina <= 100000 ? pagina : 1,
        });
        return renderPage(
          reply,
          createElement(MijnTegenprestatiesPagina, {
            chrome: pageChrome(req, reply),
            items: m.pagina.items,
            totaal: m.pagina.totaal,
            pagina: m.pagina.pagina,
            aantalPaginas: m.pagina.aantalPaginas,
            klantNamen: m.klantNamen,
            status,
          }),
        );
      }
      const o = await tegenprestaties.teamleiderOverzicht(actor);
      return renderPage(reply, createElement(TeamleiderPagina, { chrome: pageChrome(req, reply), ...o }));
    });

    app.get('/tegenprestaties/:id', { schema: { hide: true } }, async (req, reply) =>
      toonOntwerp(req, reply, medewerker(req)),
    );

    app.post('/tegenprestaties/:id', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const waarden = waardenVanBody(bodyVan(req));
      try {
        await tegenprestaties.updateTegenprestatie(actor, idVan(req), invoerVan(waarden));
      } catch (e) {
        const fouten = foutenVan(e, 'formulier');
        if (!fouten) throw e;
        return toonOntwerp(req, reply, actor, {
          waarden,
          fouten,
          status: e instanceof AppError && e.code === 'conflict' ? 409 : 422,
        });
      }
      return reply.redirect(paths.metMelding(paths.tegenprestatie(idVan(req)), 'opgeslagen'), 303);
    });

    // htmx: the checklist for the form as typed, without saving (an invalid field shows the saved design's).
    app.post('/tegenprestaties/:id/checklist', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const concept = invoerVan(waardenVanBody(bodyVan(req)), false);
      const beeld = await tegenprestaties
        .bekijkOntwerp(actor, idVan(req), concept)
        .catch(async (e: unknown) => {
          if (!(e instanceof TegenprestatieInvoerfout)) throw e;
          return null;
        });
      const checklist =
        beeld?.checklist ?? (await tegenprestaties.bekijkOntwerp(actor, idVan(req))).checklist;
      return renderFragment(reply, createElement(ChecklistBlok, { checklist, concept: beeld !== null }));
    });

    app.post('/tegenprestaties/:id/status', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const b = bodyVan(req);
      const naar = tekst(b, 'naar');
      const versie = Number(tekst(b, 'versie'));
      try {
        await tegenprestaties.wijzigStatus(actor, idVan(req), {
          naar: naar as never,
          reden: tekst(b, 'reden'),
          ...(Number.isInteger(versie) && versie > 0 ? { versie } : {}),
        });
      } catch (e) {
        const fouten = foutenVan(e, `reden-${naar.replace(/[^a-z-]/g, '')}`);
        if (!fouten) throw e;
        const velden =
          e instanceof TegenprestatieInvoerfout
            ? { [`reden-${naar}`]: Object.values(fouten).join(' ') }
            : fouten;
        return toonOntwerp(req, reply, actor, { fouten: velden, status: 422 });
      }
      return reply.redirect(paths.metMelding(paths.tegenprestatie(idVan(req)), 'status'), 303);
    });

    app.post('/tegenprestaties/:id/advies-vragen', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      try {
        await tegenprestaties.vraagAdvies(actor, idVan(req), { vraag: tekst(bodyVan(req), 'vraag') });
      } catch (e) {
        const fouten = foutenVan(e, 'vraag');
        if (!fouten) throw e;
        return toonOntwerp(req, reply, actor, { fouten, status: 422 });
      }
      return reply.redirect(paths.metMelding(paths.tegenprestatie(idVan(req)), 'advies-gevraagd'), 303);
    });

    app.post('/tegenprestaties/:id/advies', { schema: { hide: true } }, async (req, reply) => {
      const actor = requireRol(req, 'teamleider');
      try {
        await tegenprestaties.geefAdvies(actor, idVan(req), { advies: tekst(bodyVan(req), 'advies') });
      } catch (e) {
        const fouten = foutenVan(e, 'advies');
        if (!fouten) throw e;
        return toonOntwerp(req, reply, actor, { fouten, status: 422 });
      }
      return reply.redirect(paths.metMelding(paths.tegenprestatie(idVan(req)), 'advies-gegeven'), 303);
    });

    // ---- Imposing a design the client does not want (issue 15) -------------------------------------------------

    /** A refused oplegging form: the page again with 422, the messages (keyed `opl-…`) and what was typed. */
    const opleggingFout = async (req: FastifyRequest, reply: FastifyReply, actor: Gebruiker, e: unknown) => {
      const fouten = foutenVan(e, 'formulier');
      if (!fouten) throw e;
      return toonOntwerp(req, reply, actor, {
        fouten: Object.fromEntries(Object.entries(fouten).map(([k, v]) => [`opl-${k}`, v])),
        status: e instanceof AppError && e.code === 'conflict' ? 409 : 422,
        opleggingWaarden: opleggingWaardenVan(bodyVan(req)),
      });
    };

    app.post('/tegenprestaties/:id/oplegging', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const b = bodyVan(req);
      const versie = Number(tekst(b, 'versie'));
      const soort = tekst(b, 'alternatief.soort');
      try {
        await tegenprestaties.legVoornemenVast(actor, idVan(req), {
          redenen: redenenVan(b, REDEN_RIJEN),
          alternatief: {
            soort: (soort || null) as VoornemenInput['alternatief']['soort'],
            toelichting: tekst(b, 'alternatief.toelichting'),
          },
          ...(Number.isInteger(versie) && versie > 0 ? { versie } : {}),
        });
      } catch (e) {
        return opleggingFout(req, reply, actor, e);
      }
      return reply.redirect(paths.metMelding(paths.tegenprestatie(idVan(req)), 'voornemen'), 303);
    });

    app.post('/tegenprestaties/:id/oplegging/zienswijze', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const b = bodyVan(req);
      const leeg = (k: string) => tekst(b, k).trim() || null;
      const invoer: ZienswijzeInput =
        tekst(b, 'soort') === 'awb-4-11'
          ? {
              soort: 'awb-4-11',
              grond: leeg('grond') as Extract<ZienswijzeInput, { soort: 'awb-4-11' }>['grond'],
              motivering: leeg('motivering'),
            }
          : {
              soort: 'zienswijze',
              vorm: leeg('vorm') as Extract<ZienswijzeInput, { soort: 'zienswijze' }>['vorm'],
              datum: tekst(b, 'datum').trim(),
              inhoud: leeg('inhoud'),
              beantwoording: leeg('beantwoording'),
              redenen: redenenVan(b, 1),
            };
      let status: string;
      try {
        ({ status } = await tegenprestaties.legZienswijzeVast(actor, idVan(req), invoer));
      } catch (e) {
        return opleggingFout(req, reply, actor, e);
      }
      return reply.redirect(
        paths.metMelding(
          paths.tegenprestatie(idVan(req)),
          status === 'ontwerp' ? 'zienswijze-goede-reden' : 'zienswijze',
        ),
        303,
      );
    });

    app.post('/tegenprestaties/:id/oplegging/beoordeling', { schema: { hide: true } }, async (req, reply) => {
      const actor = requireRol(req, 'teamleider');
      const b = bodyVan(req);
      const keuze = tekst(b, 'akkoord');
      let status: string;
      try {
        if (keuze !== 'ja' && keuze !== 'nee')
          throw new TegenprestatieInvoerfout({ akkoord: 'Kies akkoord of terug naar ontwerp.' });
        ({ status } = await tegenprestaties.beoordeelOplegging(actor, idVan(req), {
          akkoord: keuze === 'ja',
          toelichting: tekst(b, 'toelichting'),
        }));
      } catch (e) {
        return opleggingFout(req, reply, actor, e);
      }
      return reply.redirect(
        paths.metMelding(
          paths.tegenprestatie(idVan(req)),
          status === 'toetsing' ? 'oplegging-akkoord' : 'oplegging-terug',
        ),
        303,
      );
    });
  };
}
