import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { paths } from '../../web/paths.ts';
import { renderPage } from '../../web/render.ts';
import { type Gebruiker, pageChrome, requireRol } from '../auth/index.ts';
import type { GemeentenService } from '../gemeenten/index.ts';
import { klantenImportRoutes } from './import/klanten-import.routes.ts';
import type { KlantenImportService } from './import/klanten-import.service.ts';
import {
  foutenVoorFormulier,
  invoerVanWaarden,
  lijst,
  tekst,
  waardenVanBody,
  waardenVanDossier,
} from './klanten.formulier.ts';
import { REIKWIJDTES, SORTERINGEN } from './klanten.schemas.ts';
import { type KlantenService, KlantInvoerfout } from './klanten.service.ts';
import { TOEPASSELIJKHEDEN } from './toepasselijkheid.ts';
import {
  LEGE_ONTHEFFING,
  type NegenAFout,
  type NetwerkZoekstand,
  type OntheffingWaarden,
  ProfielPagina,
  VerplichtingenPagina,
} from './views/dossier.tsx';
import { type FormulierKeuzes, KlantFormulier } from './views/klant-formulier.tsx';
import { KlantenPagina, LEGE_VRAAG, type Lijstvraag } from './views/klanten.tsx';
import { type Chrome, isMelding, type Melding } from './views/onderdelen.tsx';

export interface KlantenRoutesDeps {
  klanten: KlantenService;
  importService: KlantenImportService;
  gemeenten: Pick<GemeentenService, 'findGemeenten' | 'listWijken'>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only staff who work with client files: klantmanager and teamleider (anonymous: login page; others: 403). */
const medewerker = (req: FastifyRequest): Gebruiker => requireRol(req, 'klantmanager', 'teamleider');
const chromeVan = (req: FastifyRequest, reply: FastifyReply): Chrome => pageChrome(req, reply);
const idVan = (req: FastifyRequest): string => String((req.params as { id?: unknown }).id ?? '');
const meldingVan = (req: FastifyRequest): Melding | undefined => {
  const m = (req.query as { melding?: unknown } | undefined)?.melding;
  return isMelding(m) ? m : undefined;
};

const uitLijst = <T extends string>(waarde: unknown, toegestaan: readonly T[]): T | '' =>
  typeof waarde === 'string' && (toegestaan as readonly string[]).includes(waarde) ? (waarde as T) : '';

/** The list's query string → a checked query (unknown values are dropped, not errors). */
function lijstvraagVan(q: Record<string, unknown>): Lijstvraag {
  const s = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : '');
  const pagina = Number.parseInt(s('pagina'), 10);
  return {
    zoek: s('zoek').slice(0, 100),
    reikwijdte: uitLijst(q.reikwijdte, REIKWIJDTES),
    toepasselijkheid: uitLijst(q.toepasselijkheid, TOEPASSELIJKHEDEN),
    wijkId: UUID.test(s('wijkId')) ? s('wijkId') : '',
    klantmanagerId:
      UUID.test(s('klantmanagerId')) || s('klantmanagerId') === 'geen' ? s('klantmanagerId') : '',
    sorteer: uitLijst(q.sorteer, SORTERINGEN) || 'naam',
    richting: q.richting === 'aflopend' ? 'aflopend' : 'oplopend',
    pagina: Number.isFinite(pagina) && pagina > 0 && pagina <= 100_000 ? pagina : 1,
  };
}

/**
 * The pages of the client file for klantmanagers and teamleiders — caseload list (search, filters, sorting,
 * pages; exact BSN only through a posted form), the client's file with its tabs, create and edit forms,
 * reassignment and exemptions — and the CSV import for the functioneel beheerder. Routes are thin: every rule,
 * scope check and access log entry is in the service.
 */
export function klantenRoutes(deps: KlantenRoutesDeps) {
  const { klanten } = deps;

  async function wijkenVan(actor: Gebruiker) {
    // One municipality after the other: a request uses one database connection at a time.
    const wijken: Array<{ id: string; naam: string; gemeenteId: string }> = [];
    for (const g of actor.gemeenten)
      for (const w of await deps.gemeenten.listWijken(actor, g))
        wijken.push({ id: w.id, naam: w.naam, gemeenteId: g });
    return wijken.sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  }

  async function formulierKeuzes(actor: Gebruiker, gemeenteId?: string): Promise<FormulierKeuzes> {
    // One after the other: a request uses one database connection at a time.
    const gemeenten = await deps.gemeenten.findGemeenten(actor);
    const wijken = await wijkenVan(actor);
    const klantmanagers = await klanten.klantmanagerKeuzes(actor, gemeenteId);
    const vaardigheden = await klanten.listVaardigheden(actor);
    const interesses = await klanten.listInteresses(actor);
    return {
      gemeenten: gemeenten.filter((g) => actor.gemeenten.includes(g.id)),
      wijken,
      klantmanagers,
      vaardigheden,
      interesses,
    };
  }

  async function toonLijst(
    req: FastifyRequest,
    reply: FastifyReply,
    actor: Gebruiker,
    extra: {
      bsn?: string;
      bsnResultaat?: Awaited<ReturnType<KlantenService['zoekKlantenOpBsn']>>;
      fout?: string;
    },
    status = 200,
  ) {
    const vraag = extra.bsn !== undefined ? LEGE_VRAAG : lijstvraagVan(req.query as Record<string, unknown>);
    // One after the other: a request uses one database connection at a time.
    const resultaat = extra.bsnResultaat
      ? undefined
      : await klanten.findKlanten(actor, {
          ...(vraag.zoek.trim() ? { zoek: vraag.zoek } : {}),
          ...(vraag.reikwijdte ? { reikwijdte: vraag.reikwijdte as (typeof REIKWIJDTES)[number] } : {}),
          ...(vraag.toepasselijkheid
            ? { toepasselijkheid: vraag.toepasselijkheid as (typeof TOEPASSELIJKHEDEN)[number] }
            : {}),
          ...(vraag.wijkId ? { wijkId: vraag.wijkId } : {}),
          ...(vraag.klantmanagerId ? { klantmanagerId: vraag.klantmanagerId } : {}),
          sorteer: vraag.sorteer as (typeof SORTERINGEN)[number],
          richting: vraag.richting as 'oplopend' | 'aflopend',
          pagina: vraag.pagina,
        });
    const wijken = await wijkenVan(actor);
    const klantmanagers = await klanten.klantmanagerKeuzes(actor);
    return renderPage(
      reply,
      createElement(KlantenPagina, {
        chrome: chromeVan(req, reply),
        vraag,
        ...(resultaat ? { resultaat } : {}),
        ...(extra.bsnResultaat ? { bsnResultaat: extra.bsnResultaat } : {}),
        ...(extra.bsn !== undefined ? { bsn: extra.bsn } : {}),
        ...(extra.fout ? { fouten: { bsn: extra.fout } } : {}),
        isTeamleider: actor.rol === 'teamleider',
        wijken,
        klantmanagers,
        melding: meldingVan(req),
      }),
      status,
    );
  }

  async function toonProfiel(
    req: FastifyRequest,
    reply: FastifyReply,
    actor: Gebruiker,
    extra: {
      getoondBsn?: string | null;
      toewijzenFout?: string;
      sluiten?: { per: string; fout: string };
      netwerk?: NetwerkZoekstand;
    } = {},
    status = 200,
  ) {
    const klant = await klanten.findKlant(actor, idVan(req));
    const klantmanagers = await klanten.klantmanagerKeuzes(actor, klant.gemeenteId);
    // The own-network search (GET ?zoek=, or the search a failed "Koppelen" came from).
    const q = (req.query as { zoek?: unknown } | undefined)?.zoek;
    const zoek = extra.netwerk?.zoek ?? (typeof q === 'string' ? q.slice(0, 100) : '');
    const netwerk: NetwerkZoekstand = {
      ...extra.netwerk,
      zoek,
      ...(zoek.trim() ? { resultaten: await klanten.zoekNetwerkOrganisaties(actor, klant.id, zoek) } : {}),
    };
    return renderPage(
      reply.header('cache-control', 'no-store'),
      createElement(ProfielPagina, {
        chrome: chromeVan(req, reply),
        klant,
        klantmanagers,
        melding: meldingVan(req),
        ...extra,
        netwerk,
      }),
      status,
    );
  }

  async function toonVerplichtingen(
    req: FastifyRequest,
    reply: FastifyReply,
    actor: Gebruiker,
    extra: {
      waarden?: OntheffingWaarden;
      fouten?: Record<string, string>;
      beeindigFout?: { ontheffingId: string; melding: string };
      negenAFout?: NegenAFout;
    } = {},
    status = 200,
  ) {
    const klant = await klanten.findKlant(actor, idVan(req));
    const lokaleGronden = await klanten.listLokaleGronden(actor, klant.gemeenteId);
    return renderPage(
      reply,
      createElement(VerplichtingenPagina, {
        chrome: chromeVan(req, reply),
        klant,
        lokaleGronden,
        melding: meldingVan(req),
        ...extra,
      }),
      status,
    );
  }

  return async (app: FastifyInstance) => {
    await app.register(klantenImportRoutes({ importService: deps.importService, gemeenten: deps.gemeenten }));

    // ---- The caseload ------------------------------------------------------------------------------------
    app.get('/klanten', { schema: { hide: true } }, async (req, reply) =>
      toonLijst(req, reply, medewerker(req), {}),
    );

    // Exact BSN search: posted, never in a URL (which reaches logs and browser history).
    app.post('/klanten/zoek-bsn', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const bsn = tekst(waardenVanBody(req.body), 'bsn');
      try {
        const gevonden = await klanten.zoekKlantenOpBsn(actor, bsn);
        return await toonLijst(req, reply.header('cache-control', 'no-store'), actor, {
          bsn,
          bsnResultaat: gevonden,
        });
      } catch (e) {
        if (!(e instanceof KlantInvoerfout)) throw e;
        return toonLijst(
          req,
          reply.header('cache-control', 'no-store'),
          actor,
          { bsn, fout: e.velden.bsn ?? 'Vul een geldig BSN in.' },
          422,
        );
      }
    });

    // ---- Create ------------------------------------------------------------------------------------------
    app.get('/klanten/nieuw', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const keuzes = await formulierKeuzes(actor);
      return renderPage(
        reply,
        createElement(KlantFormulier, {
          chrome: chromeVan(req, reply),
          keuzes,
          waarden: { gemeenteId: keuzes.gemeenten.length === 1 ? (keuzes.gemeenten[0]?.id ?? '') : '' },
        }),
      );
    });

    app.post('/klanten', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const waarden = waardenVanBody(req.body);
      const { invoer, rijen } = invoerVanWaarden(waarden, 'nieuw');
      try {
        const klant = await klanten.createKlant(actor, invoer);
        return reply.redirect(paths.metMelding(paths.klant(klant.id), 'aangemaakt'), 303);
      } catch (e) {
        if (!(e instanceof KlantInvoerfout)) throw e;
        const keuzes = await formulierKeuzes(actor);
        return renderPage(
          reply,
          createElement(KlantFormulier, {
            chrome: chromeVan(req, reply),
            keuzes,
            waarden,
            fouten: foutenVoorFormulier(e.velden, rijen),
          }),
          422,
        );
      }
    });

    // ---- The file and its tabs ---------------------------------------------------------------------------
    app.get('/klanten/:id', { schema: { hide: true } }, async (req, reply) =>
      toonProfiel(req, reply, medewerker(req)),
    );

    app.get('/klanten/:id/verplichtingen', { schema: { hide: true } }, async (req, reply) =>
      toonVerplichtingen(req, reply, medewerker(req)),
    );

    // "Toon BSN": the answer to the post shows it (no redirect: the BSN must not travel in a URL).
    app.post('/klanten/:id/bsn', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const bsn = await klanten.toonBsn(actor, idVan(req));
      return toonProfiel(req, reply, actor, { getoondBsn: bsn });
    });

    app.post('/klanten/:id/klantmanager', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const gekozen = tekst(waardenVanBody(req.body), 'klantmanagerId');
      try {
        await klanten.wijsKlantmanagerToe(actor, idVan(req), gekozen === '' ? null : gekozen);
      } catch (e) {
        if (!(e instanceof KlantInvoerfout)) throw e;
        return toonProfiel(
          req,
          reply,
          actor,
          { toewijzenFout: Object.values(e.velden)[0] ?? 'Kies een klantmanager.' },
          422,
        );
      }
      return reply.redirect(paths.metMelding(paths.klant(idVan(req)), 'toegewezen'), 303);
    });

    app.post('/klanten/:id/dossier-sluiten', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const waarden = waardenVanBody(req.body);
      const heropenen = tekst(waarden, 'actie') === 'heropenen';
      const per = tekst(waarden, 'per').trim().slice(0, 20);
      try {
        await klanten.sluitDossier(actor, idVan(req), heropenen ? { gesloten: false } : per ? { per } : {});
      } catch (e) {
        if (!(e instanceof KlantInvoerfout)) throw e;
        const fout = Object.values(e.velden)[0] ?? 'Vul een geldige datum in.';
        return toonProfiel(req, reply, actor, { sluiten: { per, fout } }, 422);
      }
      return reply.redirect(
        paths.metMelding(paths.klant(idVan(req)), heropenen ? 'dossier-heropend' : 'dossier-gesloten'),
        303,
      );
    });

    // ---- Own network: link and remove organisations of the network ----------------------------------------
    app.post('/klanten/:id/netwerk-organisaties', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const waarden = waardenVanBody(req.body);
      const zoek = tekst(waarden, 'zoek').slice(0, 100);
      try {
        await klanten.koppelNetwerkOrganisatie(actor, idVan(req), tekst(waarden, 'organisatieId'));
      } catch (e) {
        if (!(e instanceof KlantInvoerfout)) throw e;
        const fout = Object.values(e.velden)[0] ?? 'Kies een organisatie uit de lijst.';
        return toonProfiel(req, reply, actor, { netwerk: { zoek, fout } }, 422);
      }
      return reply.redirect(
        `${paths.metMelding(paths.klant(idVan(req)), 'netwerk-gekoppeld')}#eigen-netwerk`,
        303,
      );
    });

    app.post(
      '/klanten/:id/netwerk-organisaties/:organisatieId/verwijderen',
      { schema: { hide: true } },
      async (req, reply) => {
        const actor = medewerker(req);
        const organisatieId = String((req.params as { organisatieId?: unknown }).organisatieId ?? '');
        await klanten.ontkoppelNetwerkOrganisatie(actor, idVan(req), organisatieId);
        return reply.redirect(
          `${paths.metMelding(paths.klant(idVan(req)), 'netwerk-ontkoppeld')}#eigen-netwerk`,
          303,
        );
      },
    );

    // ---- Edit --------------------------------------------------------------------------------------------
    app.get('/klanten/:id/wijzigen', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const klant = await klanten.findKlant(actor, idVan(req));
      const keuzes = await formulierKeuzes(actor, klant.gemeenteId);
      return renderPage(
        reply,
        createElement(KlantFormulier, {
          chrome: chromeVan(req, reply),
          klant,
          keuzes,
          waarden: waardenVanDossier(klant),
        }),
      );
    });

    app.post('/klanten/:id', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const waarden = waardenVanBody(req.body);
      const { invoer, rijen } = invoerVanWaarden(waarden, 'wijzigen');
      try {
        const klant = await klanten.updateKlant(actor, idVan(req), invoer);
        return reply.redirect(paths.metMelding(paths.klant(klant.id), 'gewijzigd'), 303);
      } catch (e) {
        if (!(e instanceof KlantInvoerfout)) throw e;
        const klant = await klanten.findKlant(actor, idVan(req));
        const keuzes = await formulierKeuzes(actor, klant.gemeenteId);
        return renderPage(
          reply,
          createElement(KlantFormulier, {
            chrome: chromeVan(req, reply),
            klant,
            keuzes,
            waarden,
            fouten: foutenVoorFormulier(e.velden, rijen),
          }),
          422,
        );
      }
    });

    // ---- Exemptions --------------------------------------------------------------------------------------
    app.post('/klanten/:id/ontheffingen', { schema: { hide: true } }, async (req, reply) => {
      const actor = medewerker(req);
      const body = waardenVanBody(req.body);
      const waarden: OntheffingWaarden = { ...LEGE_ONTHEFFING };
      for (const k of Object.keys(LEGE_ONTHEFFING) as Array<keyof OntheffingWaarden>)
        waarden[k] = tekst(body, k);
      const leeg = (v: string) => (v.trim() === '' ? null : v);
      try {
        await klanten.createOntheffing(actor, idVan(req), {
          type: waarden.type || undefined,
          begindatum: waarden.begindatum,
          einddatum: leeg(waarden.einddatum),
          herbeoordelingsdatum: leeg(waarden.herbeoordelingsdatum),
          reden: leeg(waarden.reden),
          geboortedatumKind: leeg(waarden.geboortedatumKind),
          lokaleGrondId: waarden.type === 'lokaal' ? leeg(waarden.lokaleGrondId) : null,
          eerderGebruikt: lijst(body, 'eerderGebruikt').includes('ja'),
          eerdereGemeente: leeg(waarden.eerdereGemeente),
          verzoekdatum:
            waarden.type === 'alleenstaande-ouder-kind-onder-5' ? leeg(waarden.verzoekdatum) : null,
        });
      } catch (e) {
        if (!(e instanceof KlantInvoerfout)) throw e;
        return toonVerplichtingen(req, reply, actor, { waarden, fouten: e.velden }, 422);
      }
      return reply.redirect(
        `${paths.metMelding(paths.klantVerplichtingen(idVan(req)), 'ontheffing-vastgelegd')}`,
        303,
      );
    });

    app.post(
      '/klanten/:id/ontheffingen/:ontheffingId/beeindigen',
      { schema: { hide: true } },
      async (req, reply) => {
        const actor = medewerker(req);
        const ontheffingId = String((req.params as { ontheffingId?: unknown }).ontheffingId ?? '');
        const einddatum = tekst(waardenVanBody(req.body), 'einddatum');
        try {
          await klanten.updateOntheffing(actor, idVan(req), ontheffingId, {
            einddatum: einddatum.trim() || null,
          });
        } catch (e) {
          if (!(e instanceof KlantInvoerfout)) throw e;
          const melding = Object.values(e.velden)[0] ?? 'Vul een geldige einddatum in.';
          return toonVerplichtingen(req, reply, actor, { beeindigFout: { ontheffingId, melding } }, 422);
        }
        return reply.redirect(
          paths.metMelding(paths.klantVerplichtingen(idVan(req)), 'ontheffing-beeindigd'),
          303,
        );
      },
    );

    // Art. 9a: suspend or resume (lid 5, 6); the plan van aanpak and re-examination dates (lid 7, 8).
    const negenAPost =
      (
        formulier: NegenAFout['formulier'],
        velden: readonly string[],
        melding: 'ontheffing-opgeschort-hervat' | 'plan-van-aanpak-opgeslagen',
        doe: (
          actor: Gebruiker,
          klantId: string,
          ontheffingId: string,
          w: Record<string, string>,
        ) => Promise<unknown>,
      ) =>
      async (req: FastifyRequest, reply: FastifyReply) => {
        const actor = medewerker(req);
        const ontheffingId = String((req.params as { ontheffingId?: unknown }).ontheffingId ?? '');
        const body = waardenVanBody(req.body);
        const waarden: Record<string, string> = {};
        for (const v of velden) waarden[v] = tekst(body, v);
        try {
          await doe(actor, idVan(req), ontheffingId, waarden);
        } catch (e) {
          if (!(e instanceof KlantInvoerfout)) throw e;
          return toonVerplichtingen(
            req,
            reply,
            actor,
            { negenAFout: { formulier, fouten: e.velden, waarden } },
            422,
          );
        }
        return reply.redirect(paths.metMelding(paths.klantVerplichtingen(idVan(req)), melding), 303);
      };
    const leegNaarNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v);
    app.post(
      '/klanten/:id/ontheffingen/:ontheffingId/gebeurtenissen',
      { schema: { hide: true } },
      negenAPost(
        'gebeurtenis',
        ['soort', 'datum', 'geboortedatumKind', 'toelichting'],
        'ontheffing-opgeschort-hervat',
        (actor, klantId, ontheffingId, w) =>
          klanten.legGebeurtenisVast(actor, klantId, ontheffingId, {
            soort: w.soort || undefined,
            datum: w.datum,
            geboortedatumKind: leegNaarNull(w.geboortedatumKind),
            toelichting: leegNaarNull(w.toelichting),
          }),
      ),
    );
    app.post(
      '/klanten/:id/ontheffingen/:ontheffingId/plan-van-aanpak',
      { schema: { hide: true } },
      negenAPost(
        'plan',
        ['planVanAanpakOp', 'laatsteHeronderzoekOp'],
        'plan-van-aanpak-opgeslagen',
        (actor, klantId, ontheffingId, w) =>
          klanten.updateOntheffing(actor, klantId, ontheffingId, {
            planVanAanpakOp: leegNaarNull(w.planVanAanpakOp),
            laatsteHeronderzoekOp: leegNaarNull(w.laatsteHeronderzoekOp),
          }),
      ),
    );
  };
}
