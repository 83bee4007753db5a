import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { setSystemContextListener } from './db/context.ts';
import type { Pools } from './db/database.ts';
import { registreerVerbindingScope } from './http/verbinding-scope.ts';
import { AppError } from './http/app-error.ts';
import { isApiRequest, registerErrorHandlers } from './http/error-handler.ts';
import { API_PREFIX, API_VERSION, registerOpenApi } from './http/openapi.ts';
import { meldingVoor, zoekOngeldigeTekst } from './http/tekstbewaking.ts';
import type { Taken } from './jobs/index.ts';
import { zetNederlandseFoutmeldingen } from './lib/zod-nl.ts';
import { createMailer, type Mailer } from './mail/index.ts';
import {
  authRoutes,
  createAuthService,
  loginPaginaOpties,
  padVoorLog,
  pageChrome,
  registerAuthHook,
  systeemActor,
} from './modules/auth/index.ts';
import { beheerRoutes, createBeheerService } from './modules/beheer/index.ts';
import { createGemeentenService, gemeentenApi } from './modules/gemeenten/index.ts';
import { createGesprekkenService, gesprekkenApi, gesprekkenRoutes } from './modules/gesprekken/index.ts';
import { createHomeService, homeRoutes } from './modules/home/index.ts';
import {
  createKlantenImportService,
  betrokkenenRoutes,
  createBetrokkenenService,
  createKlantenService,
  klantenApi,
  klantenRoutes,
  medewerkersUitBeheer,
  parseBsnSleutels,
} from './modules/klanten/index.ts';
import { createLogboekService, logboekRoutes, registerTrace } from './modules/logboek/index.ts';
import {
  cohortApi,
  cohortRoutes,
  createCohortService,
  createMatchingService,
  matchingApi,
  matchingRoutes,
} from './modules/matching/index.ts';
import {
  createNetwerkImportService,
  createNetwerkService,
  netwerkApi,
  netwerkImportRoutes,
  netwerkRoutes,
} from './modules/netwerk/index.ts';
import { opsRoutes } from './modules/ops/index.ts';
import {
  createDwangService,
  createMaatregelService,
  createNazorgService,
  dwangApi,
  dwangRoutes,
  maatregelApi,
  maatregelRoutes,
  nazorgApi,
  nazorgRoutes,
} from './modules/dwang/index.ts';
import {
  createOvereenkomstenService,
  overeenkomstenApi,
  overeenkomstenRoutes,
} from './modules/overeenkomsten/index.ts';
import {
  bestandsJournaal,
  createPrivacyService,
  privacyApi,
  privacyRoutes,
} from './modules/privacy/index.ts';
import {
  createSignaalBronnen,
  createSignalenService,
  registerSignalenTeller,
  signalenRoutes,
} from './modules/signalen/index.ts';
import {
  createTegenprestatiesService,
  tegenprestatiesApi,
  tegenprestatiesRoutes,
} from './modules/tegenprestaties/index.ts';
import { createUitvoeringService, uitvoeringApi, uitvoeringRoutes } from './modules/uitvoering/index.ts';
import { createVerordeningService, verordeningApi, verordeningRoutes } from './modules/verordening/index.ts';
import { assetRoutes } from './web/assets.ts';

// Plain Dutch validation messages for every schema without its own (src/lib/zod-nl.ts).
zetNederlandseFoutmeldingen();

export interface AppDeps {
  config: Config;
  db: Pools;
  /** Pino options or `false` (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Outgoing mail; default: SMTP when SMTP_URL is set, else a log line (tests pass their own). */
  mailer?: Mailer;
  /**
   * The bridge to the job runner (the server): buildApp sets the job handlers on it, startJobs runs them. Without
   * it (tests, tools) a started client import runs in this process.
   */
  taken?: Taken;
  /** Called for every route as it is registered (the attacker suite collects the app's own route list). */
  onRoute?: (route: RouteOptions) => void;
  /**
   * A request that asks for a second database connection while it holds one (the path to a wedged pool): `meld`
   * logs a warning with the stack (the default), `weiger` fails the request (tests).
   */
  tweedeVerbinding?: 'meld' | 'weiger';
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the app: plugins → modules → error handlers. Starts nothing; the caller listens. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  const app = Fastify({
    logger: deps.logger ?? {
      level: config.logLevel,
      // No personal data in logs: no headers, no query strings, no bodies.
      serializers: {
        req: (req) => ({ method: req.method, url: padVoorLog(req.url), id: req.id }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    requestIdHeader: false,
    // X-Forwarded-For only from the configured reverse proxies (TRUSTED_PROXIES); none by default.
    trustProxy: config.trustedProxies.length > 0 ? [...config.trustedProxies] : false,
    bodyLimit: 1024 * 1024,
  });
  if (deps.onRoute) app.addHook('onRoute', deps.onRoute);
  registreerVerbindingScope(app, (fout) => {
    if (deps.tweedeVerbinding === 'weiger') throw fout;
    app.log.warn({ err: fout }, 'second database connection in one request');
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  setSystemContextListener((reden) => app.log.debug({ systeemcontext: reden }, 'system context'));
  // Every request's id is the trace id of the access log entries it writes.
  registerTrace(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    strictTransportSecurity:
      config.mode === 'production' ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie, { secret: config.sessionSecret ?? randomUUID() });
  await app.register(formbody);
  await app.register(csrf, {
    cookieKey: config.secureCookies ? '__Host-wk-csrf' : 'wk-csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: config.secureCookies },
  });
  // Every state-changing page request carries the form's CSRF token (the API uses bearer tokens, not cookies).
  app.addHook('preHandler', (req, reply, done) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' || isApiRequest(req))
      return done();
    app.csrfProtection(req, reply, done);
  });
  // Text PostgreSQL cannot hold (NUL, unpaired surrogates) is refused for every body, whatever the field.
  app.addHook('preValidation', async (req) => {
    const fout = req.body === undefined ? undefined : zoekOngeldigeTekst(req.body);
    if (!fout) return;
    if (!isApiRequest(req)) throw new AppError('ongeldige-invoer', { userMessage: meldingVoor(fout) });
    // The API's usual answer for a field: problem+json with invalidParams (JSON pointer and reason).
    throw Object.assign(new Error('invalid text in body'), {
      statusCode: 400,
      validation: [{ instancePath: `/${fout.pad.replaceAll('.', '/')}`, message: meldingVoor(fout) }],
    });
  });
  app.addHook('onSend', async (req, reply) => {
    if (isApiRequest(req)) reply.header('API-Version', API_VERSION);
  });

  await registerOpenApi(app, config.publicUrl);
  // A signed-in user's error page keeps the menu and the logout button.
  registerErrorHandlers(app, (req, reply) => (req.actor ? pageChrome(req, reply) : undefined));
  const mailer =
    deps.mailer ??
    createMailer({
      smtpUrl: config.smtpUrl,
      afzender: config.mailFrom,
      mode: config.mode,
      log: (gegevens, melding) => app.log.info(gegevens, melding),
    });
  const auth = createAuthService({
    db: db.app,
    config,
    mailer,
    meldFout: (e) => app.log.error({ err: e }, 'sending mail failed'),
    // Called only during an SSO login, when `beheer` (built below) exists.
    ssoToewijzingen: (actor, gebruikerId, wens) => beheer.pasSsoToewijzingenToe(actor, gebruikerId, wens),
  });
  registerAuthHook(app, auth, config);
  registerSignalenTeller(app, db.app);

  const gemeenten = createGemeentenService(db.app);

  await app.register(assetRoutes());
  await app.register(opsRoutes(db));
  await app.register(authRoutes({ auth, config }));
  await app.register(gemeentenApi(gemeenten));
  const beheer = createBeheerService(db.app, {
    gemeenten,
    maakUitnodiging: (actor, gebruikerId) => auth.maakUitnodiging(actor, gebruikerId),
    resetTweestapsverificatie: (actor, gebruikerId) => auth.resetTweestapsverificatie(actor, gebruikerId),
  });
  await app.register(beheerRoutes(beheer, { secureCookies: config.secureCookies }));
  await app.register(logboekRoutes(createLogboekService(db.app)));
  const bsnSleutels =
    config.bsnEncryptionKeys && config.bsnHashKey
      ? parseBsnSleutels(config.bsnEncryptionKeys, config.bsnHashKey)
      : undefined;
  const klanten = createKlantenService({
    db: db.app,
    bsnSleutels,
    gemeenten,
    medewerkers: medewerkersUitBeheer(beheer),
    // The municipality's current name of the instrument for screen headings (`verordening` is built below; this
    // is called per request).
    instrumentNaam: (gemeenteId, datum, tx) => verordening.huidigeNaam(gemeenteId, datum, tx),
  });
  await app.register(klantenApi(klanten));
  const taken = deps.taken;
  const klantenImport = createKlantenImportService({
    db: db.app,
    klanten,
    bsnSleutels,
    wachtrij: taken ? (opdracht) => taken.stuurKlantenImport(opdracht) : undefined,
    meldFout: (err, opdracht) => app.log.error({ err, importId: opdracht.importId }, 'klanten import failed'),
  });
  if (taken) taken.klantenImport = (opdracht) => klantenImport.verwerk(opdracht);
  await app.register(klantenRoutes({ klanten, importService: klantenImport, gemeenten }));
  const privacy = createPrivacyService({
    db: db.app,
    klanten,
    journaal: bestandsJournaal(config.vernietigingsjournaal),
    logboek: createLogboekService(db.app),
    gemeenten,
    medewerkers: medewerkersUitBeheer(beheer),
    // The AVG art. 15 export's other parts: each module's read (the services are built below; called per export).
    inzageBronnen: () => [
      (a, k, o) => gesprekken.inzageVoorKlant(a, k, o),
      (a, k, o) => tegenprestaties.inzageVoorKlant(a, k, o),
      (a, k, o) => overeenkomsten.inzageVoorKlant(a, k, o),
      (a, k, o) => uitvoering.inzageVoorKlant(a, k, o),
      (a, k, o) => cohort.inzageVoorKlant(a, k, o),
      (a, k, o) => signalen.inzageVoorKlant(a, k, o),
      (a, k, o) => dwang.inzageVoorKlant(a, k, o),
      (a, k, o) => betrokkenen.inzageVoorKlant(a, k, o),
    ],
  });
  if (taken) taken.bewaartermijnVoorstel = (reden) => privacy.stelVernietigingslijstenVoor(reden);
  await app.register(privacyApi(privacy));
  await app.register(privacyRoutes(privacy));
  const netwerk = createNetwerkService({ db: db.app, gemeenten });
  await app.register(netwerkApi(netwerk));
  await app.register(netwerkRoutes(netwerk));
  // The start page's work lists: the staff (teams, names) is read through beheer before any transaction opens.
  const staf = medewerkersUitBeheer(beheer);
  const home = createHomeService({
    db: db.app,
    netwerk,
    staf: async (dienstId) => {
      const mw = await staf(dienstId);
      const teams = await beheer.listTeams(systeemActor('home:teams', dienstId));
      return {
        teams: teams.map((t) => ({
          id: t.id,
          naam: t.naam,
          leden: mw.filter((m) => m.teamIds.includes(t.id)).map((m) => m.id),
        })),
        namen: new Map(mw.map((m) => [m.id, m.naam])),
      };
    },
  });
  await app.register(
    homeRoutes({ demo: config.mode === 'demo', gemeenten, home, login: loginPaginaOpties(auth) }),
  );
  // Conversations and own proposals; other modules' routes get `gesprekken` from here (see its index.ts).
  const gesprekken = createGesprekkenService({ db: db.app, klanten, netwerk });
  await app.register(gesprekkenApi(gesprekken));
  await app.register(gesprekkenRoutes({ gesprekken }));
  // The ordinance engine: designs ask it whether "geen medewerking" exists; its transition list reads the designs.
  const verordening = createVerordeningService({
    db: db.app,
    gemeenten,
    klanten,
    tegenprestaties: {
      findTegenprestaties: (actor, vraag) => tegenprestaties.findTegenprestaties(actor, vraag),
    },
  });
  // Designs and the guideline checklist; other modules' routes get `tegenprestaties` from here (see its index.ts).
  const tegenprestaties = createTegenprestatiesService({
    db: db.app,
    klanten,
    netwerk,
    gesprekken,
    opleggenToegestaan: (gemeenteId, datum) => verordening.geenMedewerkingToegestaan(gemeenteId, datum),
  });
  await app.register(tegenprestatiesApi(tegenprestaties));
  await app.register(tegenprestatiesRoutes({ tegenprestaties, netwerk }));
  // The running tegenprestatie: hours, evaluations, the ending and the CBS export (see its index.ts).
  const uitvoering = createUitvoeringService({
    db: db.app,
    tegenprestaties,
    klanten,
    // Created below (part 2); a start by hand is judged on the design's current agreement, as the daily job.
    afspraakVoorStart: (actor, id) => overeenkomsten.afspraakVoorStart(actor, id),
    bereidIntrekkingVoor: (actor, id, input, reden) =>
      overeenkomsten.bereidIntrekkingVoor(actor, id, input, reden),
    urenPerDagdeel: config.uren.perDagdeel,
  });
  await app.register(uitvoeringApi(uitvoering, gemeenten));
  await app.register(
    uitvoeringRoutes({
      uitvoering,
      klanten,
      gemeenten,
      // Created below (part 2): the placement page shows the version of the agreement in force.
      versieStand: (actor, id) => overeenkomsten.versieStand(actor, id),
    }),
  );
  // Signals: the daily job and every user's inbox (the header's count is registered above, after the auth hook).
  const signalen = createSignalenService({
    db: db.app,
    bronnen: createSignaalBronnen({
      tegenprestaties,
      uitvoering,
      klanten,
      netwerk,
      medewerkers: medewerkersUitBeheer(beheer),
      // Created below (issue 15): decided measures whose reconsideration is due.
      maatregelen: (actor) => nazorg.teHeroverwegen(actor),
    }),
    mailer,
    adressen: async (dienstId) =>
      new Map(
        (await beheer.listGebruikers(systeemActor('signalen:adressen', dienstId)))
          .filter((g) => g.isActief)
          .map((g) => [g.id, g.email]),
      ),
    publicUrl: config.publicUrl,
    urenMargeProcent: config.uren.afwijkingProcent,
    meldFout: (e) => app.log.error({ err: e }, 'sending a signal mail failed'),
  });
  if (taken)
    taken.signalenMaken = async (reden) => {
      let nieuw = 0;
      for (const { dienstId } of await gemeenten.listDiensten(systeemActor(reden)))
        nieuw += (await signalen.maakSignalen(systeemActor(reden, dienstId))).nieuw;
      return { nieuw };
    };
  await app.register(signalenRoutes(signalen));
  const netwerkImport = createNetwerkImportService({
    db: db.app,
    netwerk,
    gemeenten,
    wachtrij: taken ? (opdracht) => taken.stuurNetwerkImport(opdracht) : undefined,
    meldFout: (err, opdracht) => app.log.error({ err, importId: opdracht.importId }, 'netwerk import failed'),
  });
  if (taken) taken.netwerkImport = (opdracht) => netwerkImport.verwerk(opdracht);
  await app.register(netwerkImportRoutes(netwerkImport));
  await app.register(verordeningApi(verordening));
  await app.register(verordeningRoutes(verordening));
  // Ranking (matching): the cohort part gets `matching` from here (see src/modules/matching/index.ts).
  const matching = createMatchingService({
    db: db.app,
    medewerkers: medewerkersUitBeheer(beheer),
    wensen: (actor, ids, opties) => gesprekken.wensenVanKlanten(actor, ids, opties),
    verordeningMaxUren: async (actor, gemeenteId, datum) =>
      (await verordening.versieVoor(actor, gemeenteId, datum))?.maxUrenPerWeek ?? null,
  });
  await app.register(matchingApi(matching));
  await app.register(
    matchingRoutes({
      matching,
      klanten,
      gemeenten,
      startVerkenning: (actor, invoer) => tegenprestaties.startVerkenning(actor, invoer),
    }),
  );
  // Cohort assignment (teamleider): the ranking's top-K pairs, solved exactly; large cohorts as a background job.
  const cohort = createCohortService({
    db: db.app,
    klanten,
    netwerk,
    kandidaten: (actor, invoer) => matching.kandidatenVoorCohort(actor, invoer),
    verkenning: (actor, invoer) => tegenprestaties.bereidVerkenningVoor(actor, invoer),
    wachtrij: taken ? (opdracht) => taken.stuurCohortToewijzing(opdracht) : undefined,
    meldFout: (e) => app.log.error({ err: e }, 'cohort assignment failed'),
  });
  if (taken) taken.cohortToewijzing = (opdracht) => cohort.verwerk(opdracht);
  await app.register(cohortApi(cohort));
  await app.register(cohortRoutes({ cohort, gemeenten, klanten, netwerk }));

  // Part 2: the ordinance check, the college's decision and the agreement; a daily job starts agreed designs.
  const overeenkomsten = createOvereenkomstenService({
    db: db.app,
    tegenprestaties,
    klanten,
    netwerk,
    verordening,
    signalen: { meld: (signaal) => signalen.meld(signaal) },
    // A new version of a running agreement follows an evaluation with the decision `aanpassen`.
    evaluaties: (actor, id) => uitvoering.evaluatiesVan(actor, id),
  });
  if (taken) taken.overeenkomstenStarten = (reden) => overeenkomsten.startOvereenkomsten(reden);
  await app.register(overeenkomstenApi(overeenkomsten));
  await app.register(overeenkomstenRoutes({ overeenkomsten }));
  // The compulsory frame after an imposed decision (issue 15): incidents and their pattern's signal.
  const dwang = createDwangService({
    db: db.app,
    overeenkomsten,
    signalen: { meld: (signaal) => signalen.meld(signaal) },
    patroon: { soort: 'niet-verschenen', ...config.incidentPatroon },
  });
  await app.register(dwangApi(dwang));
  await app.register(dwangRoutes({ dwang }));
  // The measure path (issue 15, section 3): intention, hearing, culpability, proposal, four eyes, decision.
  const betrokkenen = createBetrokkenenService({ db: db.app, klanten });
  await app.register(betrokkenenRoutes({ betrokkenen, klanten }));
  const maatregelen = createMaatregelService({
    db: db.app,
    ontvangers: (actor, klantId, datum) => betrokkenen.ontvangersOp(actor, klantId, datum),
    overeenkomsten,
    rechtsgrond: async (actor, datum) => (await verordening.rechtsgrondVoor(actor, datum)).artikel,
    // One after the other: a request uses one database connection at a time.
    geadresseerde: async (actor, klantId, gemeenteId) => {
      const klant = await klanten.findKlant(actor, klantId);
      const gemeente = await verordening.findGemeente(actor, gemeenteId);
      const adres = [
        [klant.straat, klant.huisnummer].filter(Boolean).join(' '),
        [klant.postcode, klant.woonplaats].filter(Boolean).join(' '),
      ]
        .filter(Boolean)
        .join(', ');
      return {
        gemeente: gemeente.naam,
        naam: klant.naam,
        klantnummer: klant.klantnummer,
        adres: adres || null,
      };
    },
  });
  await app.register(maatregelApi(maatregelen));
  // After the decision (reconsideration, changes, objection) and the monthly export to the benefits system.
  const nazorg = createNazorgService({
    db: db.app,
    overeenkomsten,
    klantnummer: async (dienstId, klantId) =>
      (await klanten.findKlant(systeemActor('maatregel-export', dienstId), klantId)).klantnummer,
    klantNaam: async (actor, klantId) => (await klanten.findKlant(actor, klantId)).naam,
  });
  await app.register(nazorgApi(nazorg));
  await app.register(nazorgRoutes({ nazorg, gemeenten }));
  await app.register(maatregelRoutes({ dwang, maatregelen, nazorg }));

  app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true } }, async () => app.swagger());

  return app;
}
