import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { z } from 'zod';
import { notFound } from '../../http/app-error.ts';
import { paths } from '../../web/paths.ts';
import { renderPage } from '../../web/render.ts';
import { type Gebruiker, pageChrome, requireRol } from '../auth/index.ts';
import {
  CATEGORIEEN,
  ORGANISATIE_STATUSSEN,
  ORGANISATIE_TYPES,
  WEDERKERIGHEID_CATEGORIEEN,
} from './keuzelijsten.ts';
import { netwerkPolicy } from './netwerk.policy.ts';
import {
  type Activiteit,
  type ActiviteitInput,
  type ActiviteitZoekvraag,
  type IntervisieBesluitInput,
  NetwerkInvoerfout,
  type Organisatie,
  type OrganisatieInput,
  type OrganisatieZoekvraag,
  type ToetsInput,
} from './netwerk.schemas.ts';
import type { NetwerkService } from './netwerk.service.ts';
import { bepaalAdvies, TOETS_STATUSSEN, type ToetsAntwoord, VRAGEN } from './verdringing.ts';
import {
  ActiviteitenPagina,
  type ActiviteitFilterWaarden,
  ActiviteitFormulier,
  ActiviteitPagina,
  type ActiviteitWaarden,
} from './views/activiteiten.tsx';
import { type Chrome, isMelding, type Melding } from './views/onderdelen.tsx';
import {
  contactVeld,
  type OrganisatieFilterWaarden,
  OrganisatieFormulier,
  OrganisatiePagina,
  OrganisatiesPagina,
  type OrganisatieWaarden,
} from './views/organisaties.tsx';
import {
  type BesluitWaarden,
  IntervisiePagina,
  IntervisiesPagina,
  ToetsFormulier,
  type ToetsWaarden,
  vraagVeld,
} from './views/verdringing.tsx';

type Body = Record<string, string | string[] | undefined>;

const tekst = (body: Body, key: string): string => {
  const v = body[key];
  return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : '';
};
const lijst = (body: Body, key: string): string[] => {
  const v = body[key];
  return typeof v === 'string' ? [v] : Array.isArray(v) ? v : [];
};
const bodyVan = (req: FastifyRequest): Body =>
  typeof req.body === 'object' && req.body !== null ? (req.body as Body) : {};
const queryVan = (req: FastifyRequest): Body =>
  typeof req.query === 'object' && req.query !== null ? (req.query as Body) : {};

const Id = z.uuid();
/** The `:id` of the path; anything but a uuid is a page that does not exist. */
const idVan = (req: FastifyRequest): string => {
  const parsed = Id.safeParse((req.params as { id?: unknown }).id);
  if (!parsed.success) throw notFound();
  return parsed.data;
};

const meldingVan = (req: FastifyRequest): Melding | undefined => {
  const m = queryVan(req).melding;
  return isMelding(m) ? m : undefined;
};

/** A form number: empty is missing, a Dutch decimal comma is accepted, anything else is NaN (the schema says so). */
const getal = (s: string): number | undefined =>
  s.trim() === '' ? undefined : Number(s.trim().replace(',', '.'));
const ofNull = (s: string): string | null => (s.trim() === '' ? null : s);
const paginaVan = (s: string): number | undefined => {
  const n = Number(s);
  return Number.isInteger(n) && n >= 1 && n <= 100000 ? n : undefined;
};
const uitLijst = <T extends string>(waarden: readonly T[], s: string): T | undefined =>
  (waarden as readonly string[]).includes(s) ? (s as T) : undefined;
const uuidOf = (s: string): string | undefined => (Id.safeParse(s).success ? s : undefined);

// ---- Organisation form ↔ input ---------------------------------------------------------------------------------

const MAX_CONTACTRIJEN = 21;

function organisatieWaarden(body: Body): OrganisatieWaarden {
  const contactpersonen: OrganisatieWaarden['contactpersonen'] = [];
  for (let i = 0; i < MAX_CONTACTRIJEN; i++) {
    const rij = {
      id: tekst(body, contactVeld(i, 'id')),
      naam: tekst(body, contactVeld(i, 'naam')),
      functie: tekst(body, contactVeld(i, 'functie')),
      email: tekst(body, contactVeld(i, 'email')),
      telefoon: tekst(body, contactVeld(i, 'telefoon')),
    };
    // An emptied row removes the contact person.
    if ([rij.naam, rij.functie, rij.email, rij.telefoon].some((v) => v.trim() !== ''))
      contactpersonen.push(rij);
  }
  const wederkerigheid: Record<string, string> = {};
  for (const c of WEDERKERIGHEID_CATEGORIEEN) wederkerigheid[c] = tekst(body, `wederkerigheid-${c}`);
  return {
    naam: tekst(body, 'naam'),
    type: tekst(body, 'type'),
    kvkNummer: tekst(body, 'kvkNummer'),
    straat: tekst(body, 'straat'),
    huisnummer: tekst(body, 'huisnummer'),
    postcode: tekst(body, 'postcode'),
    plaats: tekst(body, 'plaats'),
    website: tekst(body, 'website'),
    gemeenteIds: lijst(body, 'gemeenteIds'),
    status: tekst(body, 'status') || 'actief',
    notities: tekst(body, 'notities'),
    contactpersonen,
    wederkerigheid,
  };
}

function organisatieInvoer(w: OrganisatieWaarden): OrganisatieInput {
  return {
    ...w,
    type: w.type as OrganisatieInput['type'],
    status: w.status as OrganisatieInput['status'],
    contactpersonen: w.contactpersonen.map((c) => ({
      ...(uuidOf(c.id) ? { id: c.id } : {}),
      naam: c.naam,
      functie: c.functie,
      email: c.email,
      telefoon: c.telefoon,
    })),
    wederkerigheid: WEDERKERIGHEID_CATEGORIEEN.flatMap((c) => {
      const omschrijving = w.wederkerigheid[c] ?? '';
      return omschrijving.trim() ? [{ categorie: c, omschrijving }] : [];
    }),
  };
}

const waardenVanOrganisatie = (o: Organisatie): OrganisatieWaarden => ({
  naam: o.naam,
  type: o.type,
  kvkNummer: o.kvkNummer ?? '',
  straat: o.straat ?? '',
  huisnummer: o.huisnummer ?? '',
  postcode: o.postcode ?? '',
  plaats: o.plaats ?? '',
  website: o.website ?? '',
  gemeenteIds: o.gemeenten.map((g) => g.id),
  status: o.status,
  notities: o.notities ?? '',
  contactpersonen: o.contactpersonen.map((c) => ({
    id: c.id,
    naam: c.naam,
    functie: c.functie ?? '',
    email: c.email ?? '',
    telefoon: c.telefoon ?? '',
  })),
  wederkerigheid: Object.fromEntries(o.wederkerigheid.map((w) => [w.categorie, w.omschrijving])),
});

// ---- Activity form ↔ input -------------------------------------------------------------------------------------

function activiteitWaarden(body: Body): ActiviteitWaarden {
  return {
    organisatieId: tekst(body, 'organisatieId'),
    titel: tekst(body, 'titel'),
    omschrijving: tekst(body, 'omschrijving'),
    taken: tekst(body, 'taken'),
    categorie: tekst(body, 'categorie'),
    vaardigheden: tekst(body, 'vaardigheden'),
    fysiekeBelasting: tekst(body, 'fysiekeBelasting'),
    belastingToelichting: tekst(body, 'belastingToelichting'),
    taalniveauMin: tekst(body, 'taalniveauMin'),
    urenMin: tekst(body, 'urenMin'),
    urenMax: tekst(body, 'urenMax'),
    dagdelen: lijst(body, 'dagdelen'),
    locatie: tekst(body, 'locatie'),
    postcode: tekst(body, 'postcode'),
    gemeenteIds: lijst(body, 'gemeenteIds'),
    plaatsen: tekst(body, 'plaatsen'),
    mentor: tekst(body, 'mentor'),
    startdatum: tekst(body, 'startdatum'),
    einddatum: tekst(body, 'einddatum'),
    status: tekst(body, 'status') || 'actief',
  };
}

function activiteitInvoer(w: ActiviteitWaarden): ActiviteitInput {
  return {
    organisatieId: ofNull(w.organisatieId),
    titel: w.titel,
    omschrijving: w.omschrijving,
    taken: w.taken,
    categorie: w.categorie as ActiviteitInput['categorie'],
    vaardigheden: w.vaardigheden
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
    fysiekeBelasting: w.fysiekeBelasting as ActiviteitInput['fysiekeBelasting'],
    belastingToelichting: w.belastingToelichting,
    taalniveauMin: ofNull(w.taalniveauMin) as ActiviteitInput['taalniveauMin'],
    urenMin: getal(w.urenMin) as number,
    urenMax: getal(w.urenMax) as number,
    dagdelen: w.dagdelen as ActiviteitInput['dagdelen'],
    locatie: w.locatie,
    postcode: w.postcode,
    gemeenteIds: w.gemeenteIds,
    plaatsen: getal(w.plaatsen) as number,
    mentor: w.mentor,
    startdatum: w.startdatum,
    einddatum: w.einddatum,
    status: w.status as ActiviteitInput['status'],
  };
}

const getalTekst = (n: number) => String(n).replace('.', ',');

const waardenVanActiviteit = (a: Activiteit): ActiviteitWaarden => ({
  organisatieId: a.organisatie?.id ?? '',
  titel: a.titel,
  omschrijving: a.omschrijving,
  taken: a.taken ?? '',
  categorie: a.categorie,
  vaardigheden: a.vaardigheden.join(', '),
  fysiekeBelasting: a.fysiekeBelasting,
  belastingToelichting: a.belastingToelichting ?? '',
  taalniveauMin: a.taalniveauMin ?? '',
  urenMin: getalTekst(a.urenMin),
  urenMax: getalTekst(a.urenMax),
  dagdelen: a.dagdelen,
  locatie: a.locatie ?? '',
  postcode: a.postcode ?? '',
  gemeenteIds: a.gemeenten.map((g) => g.id),
  plaatsen: String(a.plaatsen),
  mentor: a.mentor ?? '',
  startdatum: a.startdatum ?? '',
  einddatum: a.einddatum ?? '',
  status: a.status,
});

// ---- Checklist and decision forms --------------------------------------------------------------------------------

function toetsWaarden(body: Body): ToetsWaarden {
  const antwoorden: ToetsWaarden['antwoorden'] = {};
  for (const v of VRAGEN)
    antwoorden[v.id] = {
      antwoord: tekst(body, vraagVeld(v.id, 'antwoord')),
      toelichting: tekst(body, vraagVeld(v.id, 'toelichting')),
    };
  return { antwoorden, conclusie: tekst(body, 'conclusie'), motivering: tekst(body, 'motivering') };
}

const toetsInvoer = (w: ToetsWaarden): ToetsInput => ({
  antwoorden: VRAGEN.flatMap((v) => {
    const a = w.antwoorden[v.id];
    return a?.antwoord
      ? [{ vraag: v.id, antwoord: a.antwoord as ToetsAntwoord['antwoord'], toelichting: a.toelichting }]
      : [];
  }),
  conclusie: (w.conclusie || undefined) as ToetsInput['conclusie'],
  motivering: w.motivering,
});

const besluitWaarden = (body: Body): BesluitWaarden => ({
  deelnemers: tekst(body, 'deelnemers'),
  besluit: tekst(body, 'besluit'),
  voorwaarden: tekst(body, 'voorwaarden'),
  motivering: tekst(body, 'motivering'),
});

const besluitInvoer = (w: BesluitWaarden): IntervisieBesluitInput => ({
  deelnemers: w.deelnemers
    .split(/\r?\n/)
    .map((d) => d.trim())
    .filter(Boolean),
  besluit: (w.besluit || undefined) as IntervisieBesluitInput['besluit'],
  voorwaarden: w.voorwaarden,
  motivering: w.motivering,
});

/** `dagdelen.3` → `dagdelen`: a message about one item of a list belongs to the list's field. */
const perVeld = (velden: Record<string, string>): Record<string, string> => {
  const uit: Record<string, string> = {};
  for (const [k, v] of Object.entries(velden)) {
    const m = /^(dagdelen|gemeenteIds|vaardigheden|deelnemers)\.\d+$/.exec(k);
    uit[m?.[1] ?? k] ??= v;
  }
  return uit;
};

const LEEG_BESLUIT: BesluitWaarden = { deelnemers: '', besluit: '', voorwaarden: '', motivering: '' };

/**
 * Pages of the network: organisations, activities, the displacement checklist and the intervision queue. The
 * netwerkmakelaar manages, klantmanager and teamleider read, the teamleider decides intervision requests; other
 * roles get 403 (anonymous visitors the login page). Forms work without JavaScript: POST with the CSRF token,
 * 422 with an error summary and the input kept, 303 on success.
 */
export function netwerkRoutes(service: NetwerkService) {
  const lezer = (req: FastifyRequest): Gebruiker =>
    requireRol(req, 'netwerkmakelaar', 'klantmanager', 'teamleider');
  const makelaar = (req: FastifyRequest): Gebruiker => requireRol(req, 'netwerkmakelaar');
  const chromeVan = (req: FastifyRequest, reply: FastifyReply): Chrome => pageChrome(req, reply);

  return async (app: FastifyInstance) => {
    const hide = { schema: { hide: true } };

    // ---- Organisaties ----
    app.get('/organisaties', hide, async (req, reply) => {
      const actor = lezer(req);
      const q = queryVan(req);
      const filter: OrganisatieFilterWaarden = {
        zoek: tekst(q, 'zoek').slice(0, 200),
        type: tekst(q, 'type'),
        status: tekst(q, 'status'),
        wijkId: tekst(q, 'wijkId'),
      };
      const vraag: OrganisatieZoekvraag = {
        zoek: filter.zoek || undefined,
        type: uitLijst(ORGANISATIE_TYPES, filter.type),
        status: uitLijst(ORGANISATIE_STATUSSEN, filter.status),
        wijkId: uuidOf(filter.wijkId),
        pagina: paginaVan(tekst(q, 'pagina')),
      };
      // One after the other: a request uses one database connection at a time.
      const resultaat = await service.findOrganisaties(actor, vraag);
      const { wijken, gemeenten } = await service.keuzes(actor);
      return renderPage(
        reply,
        createElement(OrganisatiesPagina, {
          chrome: chromeVan(req, reply),
          resultaat,
          gemeenteNamen: new Map(gemeenten.map((g) => [g.id, g.naam])),
          filter,
          wijken,
          magBeheren: netwerkPolicy.mag(actor, 'organisaties-beheren'),
          melding: meldingVan(req),
        }),
      );
    });

    const toonOrganisatieFormulier = async (
      req: FastifyRequest,
      reply: FastifyReply,
      actor: Gebruiker,
      opts: { organisatie?: Organisatie; waarden: OrganisatieWaarden; fouten?: Record<string, string> },
    ) => {
      const { gemeenten } = await service.keuzes(actor);
      return renderPage(
        reply,
        createElement(OrganisatieFormulier, {
          chrome: chromeVan(req, reply),
          gemeenten,
          waarden: opts.waarden,
          ...(opts.organisatie ? { organisatie: opts.organisatie } : {}),
          ...(opts.fouten ? { fouten: opts.fouten } : {}),
        }),
        opts.fouten ? 422 : 200,
      );
    };

    app.get('/organisaties/nieuw', hide, async (req, reply) => {
      const actor = makelaar(req);
      const { gemeenten } = await service.keuzes(actor);
      const waarden = organisatieWaarden({});
      waarden.gemeenteIds = gemeenten.length === 1 ? [gemeenten[0]?.id ?? ''] : [];
      return toonOrganisatieFormulier(req, reply, actor, { waarden });
    });

    app.post('/organisaties', hide, async (req, reply) => {
      const actor = makelaar(req);
      const waarden = organisatieWaarden(bodyVan(req));
      let id: string;
      try {
        id = (await service.createOrganisatie(actor, organisatieInvoer(waarden))).id;
      } catch (e) {
        if (!(e instanceof NetwerkInvoerfout)) throw e;
        return toonOrganisatieFormulier(req, reply, actor, { waarden, fouten: perVeld(e.velden) });
      }
      return reply.redirect(paths.metMelding(paths.organisatie(id), 'organisatie-aangemaakt'), 303);
    });

    app.get('/organisaties/:id', hide, async (req, reply) => {
      const actor = lezer(req);
      const id = idVan(req);
      const organisatie = await service.findOrganisatie(actor, id);
      const activiteiten = await service.findActiviteiten(actor, { organisatieId: id, paginaGrootte: 100 });
      return renderPage(
        reply,
        createElement(OrganisatiePagina, {
          chrome: chromeVan(req, reply),
          organisatie,
          activiteiten: activiteiten.items,
          magBeheren: netwerkPolicy.mag(actor, 'organisaties-beheren'),
          melding: meldingVan(req),
        }),
      );
    });

    app.get('/organisaties/:id/wijzigen', hide, async (req, reply) => {
      const actor = makelaar(req);
      const organisatie = await service.findOrganisatie(actor, idVan(req));
      return toonOrganisatieFormulier(req, reply, actor, {
        organisatie,
        waarden: waardenVanOrganisatie(organisatie),
      });
    });

    app.post('/organisaties/:id/wijzigen', hide, async (req, reply) => {
      const actor = makelaar(req);
      const id = idVan(req);
      const waarden = organisatieWaarden(bodyVan(req));
      try {
        await service.updateOrganisatie(actor, id, organisatieInvoer(waarden));
      } catch (e) {
        if (!(e instanceof NetwerkInvoerfout)) throw e;
        const organisatie = await service.findOrganisatie(actor, id);
        return toonOrganisatieFormulier(req, reply, actor, {
          organisatie,
          waarden,
          fouten: perVeld(e.velden),
        });
      }
      return reply.redirect(paths.metMelding(paths.organisatie(id), 'gewijzigd'), 303);
    });

    // ---- Activiteiten ----
    app.get('/activiteiten', hide, async (req, reply) => {
      const actor = lezer(req);
      const q = queryVan(req);
      const filter: ActiviteitFilterWaarden = {
        zoek: tekst(q, 'zoek').slice(0, 200),
        categorie: tekst(q, 'categorie'),
        wijkId: tekst(q, 'wijkId'),
        organisatieType: tekst(q, 'organisatieType'),
        toetsStatus: tekst(q, 'toetsStatus'),
        vrijePlaatsen: tekst(q, 'vrijePlaatsen'),
      };
      const vraag: ActiviteitZoekvraag = {
        zoek: filter.zoek || undefined,
        categorie: uitLijst(CATEGORIEEN, filter.categorie),
        organisatieType: uitLijst(ORGANISATIE_TYPES, filter.organisatieType),
        wijkId: uuidOf(filter.wijkId),
        toetsStatus: uitLijst(TOETS_STATUSSEN, filter.toetsStatus),
        vrijePlaatsen:
          filter.vrijePlaatsen === 'true' ? true : filter.vrijePlaatsen === 'false' ? false : undefined,
        pagina: paginaVan(tekst(q, 'pagina')),
      };
      // One after the other: a request uses one database connection at a time.
      const resultaat = await service.findActiviteiten(actor, vraag);
      const { wijken, gemeenten } = await service.keuzes(actor);
      return renderPage(
        reply,
        createElement(ActiviteitenPagina, {
          chrome: chromeVan(req, reply),
          resultaat,
          gemeenteNamen: new Map(gemeenten.map((g) => [g.id, g.naam])),
          filter,
          wijken,
          magBeheren: netwerkPolicy.mag(actor, 'activiteiten-beheren'),
          melding: meldingVan(req),
        }),
      );
    });

    const toonActiviteitFormulier = async (
      req: FastifyRequest,
      reply: FastifyReply,
      actor: Gebruiker,
      opts: { activiteit?: Activiteit; waarden: ActiviteitWaarden; fouten?: Record<string, string> },
    ) => {
      // One after the other: a request uses one database connection at a time.
      const { gemeenten } = await service.keuzes(actor);
      const organisaties = await service.organisatieKeuzes(actor);
      return renderPage(
        reply,
        createElement(ActiviteitFormulier, {
          chrome: chromeVan(req, reply),
          organisaties,
          gemeenten,
          waarden: opts.waarden,
          ...(opts.activiteit ? { activiteit: opts.activiteit } : {}),
          ...(opts.fouten ? { fouten: opts.fouten } : {}),
        }),
        opts.fouten ? 422 : 200,
      );
    };

    app.get('/activiteiten/nieuw', hide, async (req, reply) => {
      const actor = makelaar(req);
      const waarden = activiteitWaarden({});
      const organisatieId = uuidOf(tekst(queryVan(req), 'organisatieId'));
      if (organisatieId) {
        // One after the other: a request uses one database connection at a time.
        const organisaties = await service.organisatieKeuzes(actor);
        const { gemeenten } = await service.keuzes(actor);
        const o = organisaties.find((x) => x.id === organisatieId);
        if (o) {
          waarden.organisatieId = o.id;
          waarden.gemeenteIds = gemeenten.filter((g) => o.gemeenten.includes(g.id)).map((g) => g.id);
        }
      }
      return toonActiviteitFormulier(req, reply, actor, { waarden });
    });

    app.post('/activiteiten', hide, async (req, reply) => {
      const actor = makelaar(req);
      const waarden = activiteitWaarden(bodyVan(req));
      let id: string;
      try {
        id = (await service.createActiviteit(actor, activiteitInvoer(waarden))).id;
      } catch (e) {
        if (!(e instanceof NetwerkInvoerfout)) throw e;
        return toonActiviteitFormulier(req, reply, actor, { waarden, fouten: perVeld(e.velden) });
      }
      return reply.redirect(paths.metMelding(paths.activiteit(id), 'activiteit-aangemaakt'), 303);
    });

    app.get('/activiteiten/:id', hide, async (req, reply) => {
      const actor = lezer(req);
      const id = idVan(req);
      // One after the other: a request uses one database connection at a time.
      const activiteit = await service.findActiviteit(actor, id);
      const toetsen = await service.listVerdringingstoetsen(actor, id);
      return renderPage(
        reply,
        createElement(ActiviteitPagina, {
          chrome: chromeVan(req, reply),
          activiteit,
          toetsen,
          magBeheren: netwerkPolicy.mag(actor, 'activiteiten-beheren'),
          magToetsen: netwerkPolicy.mag(actor, 'verdringing-toetsen'),
          melding: meldingVan(req),
        }),
      );
    });

    app.get('/activiteiten/:id/wijzigen', hide, async (req, reply) => {
      const actor = makelaar(req);
      const activiteit = await service.findActiviteit(actor, idVan(req));
      return toonActiviteitFormulier(req, reply, actor, {
        activiteit,
        waarden: waardenVanActiviteit(activiteit),
      });
    });

    app.post('/activiteiten/:id/wijzigen', hide, async (req, reply) => {
      const actor = makelaar(req);
      const id = idVan(req);
      const waarden = activiteitWaarden(bodyVan(req));
      try {
        await service.updateActiviteit(actor, id, activiteitInvoer(waarden));
      } catch (e) {
        if (!(e instanceof NetwerkInvoerfout)) throw e;
        const activiteit = await service.findActiviteit(actor, id);
        return toonActiviteitFormulier(req, reply, actor, { activiteit, waarden, fouten: perVeld(e.velden) });
      }
      return reply.redirect(paths.metMelding(paths.activiteit(id), 'gewijzigd'), 303);
    });

    // ---- Verdringingstoets ----
    const toonToets = async (
      req: FastifyRequest,
      reply: FastifyReply,
      actor: Gebruiker,
      id: string,
      waarden: ToetsWaarden,
      fouten?: Record<string, string>,
    ) => {
      const activiteit = await service.findActiviteit(actor, id);
      const advies = fouten ? bepaalAdvies(toetsInvoer(waarden).antwoorden as ToetsAntwoord[]) : undefined;
      return renderPage(
        reply,
        createElement(ToetsFormulier, {
          chrome: chromeVan(req, reply),
          activiteit,
          isCommercieel: activiteit.organisatie?.type === 'commercieel-bedrijf',
          waarden,
          advies,
          ...(fouten ? { fouten } : {}),
        }),
        fouten ? 422 : 200,
      );
    };

    app.get('/activiteiten/:id/verdringingstoets', hide, async (req, reply) =>
      toonToets(req, reply, makelaar(req), idVan(req), toetsWaarden({})),
    );

    app.post('/activiteiten/:id/verdringingstoets', hide, async (req, reply) => {
      const actor = makelaar(req);
      const id = idVan(req);
      const waarden = toetsWaarden(bodyVan(req));
      let intervisieId: string | null;
      try {
        ({ intervisieId } = await service.createVerdringingstoets(actor, id, toetsInvoer(waarden)));
      } catch (e) {
        if (!(e instanceof NetwerkInvoerfout)) throw e;
        return toonToets(req, reply, actor, id, waarden, perVeld(e.velden));
      }
      return reply.redirect(
        paths.metMelding(paths.activiteit(id), intervisieId ? 'toets-twijfel' : 'toets-vastgelegd'),
        303,
      );
    });

    // ---- Intervisie ----
    app.get('/intervisies', hide, async (req, reply) => {
      const actor = requireRol(req, 'teamleider', 'netwerkmakelaar');
      const status = tekst(queryVan(req), 'status') === 'besloten' ? 'besloten' : 'open';
      const resultaat = await service.findIntervisies(actor, {
        status,
        pagina: paginaVan(tekst(queryVan(req), 'pagina')),
      });
      return renderPage(
        reply,
        createElement(IntervisiesPagina, { chrome: chromeVan(req, reply), status, resultaat }),
      );
    });

    const toonIntervisie = async (
      req: FastifyRequest,
      reply: FastifyReply,
      actor: Gebruiker,
      id: string,
      waarden: BesluitWaarden,
      fouten?: Record<string, string>,
    ) => {
      const { toetsVervallen, ...intervisie } = await service.findIntervisie(actor, id);
      return renderPage(
        reply,
        createElement(IntervisiePagina, {
          chrome: chromeVan(req, reply),
          intervisie,
          toetsVervallen,
          magBesluiten: netwerkPolicy.mag(actor, 'intervisie-besluiten'),
          waarden,
          melding: meldingVan(req),
          ...(fouten ? { fouten } : {}),
        }),
        fouten ? 422 : 200,
      );
    };

    app.get('/intervisies/:id/verslag.pdf', hide, async (req, reply) => {
      const pdf = await service.intervisieVerslagPdf(lezer(req), idVan(req));
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="intervisieverslag.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    });

    app.get('/intervisies/:id', hide, async (req, reply) =>
      toonIntervisie(req, reply, lezer(req), idVan(req), LEEG_BESLUIT),
    );

    app.post('/intervisies/:id', hide, async (req, reply) => {
      const actor = requireRol(req, 'teamleider');
      const id = idVan(req);
      const waarden = besluitWaarden(bodyVan(req));
      try {
        await service.besluitIntervisie(actor, id, besluitInvoer(waarden));
      } catch (e) {
        if (!(e instanceof NetwerkInvoerfout)) throw e;
        return toonIntervisie(req, reply, actor, id, waarden, perVeld(e.velden));
      }
      return reply.redirect(paths.metMelding(paths.intervisie(id), 'besluit-vastgelegd'), 303);
    });
  };
}
