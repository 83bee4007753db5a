import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AanvalApp,
  alsRol,
  type Ingelogd,
  isApi,
  ROLNAMEN,
  type RolNaam,
  type Route,
  startDemoAanvalApp,
  vulIn,
} from './opzet.ts';

/**
 * The attacker suite, driven by the app's own route list: every registered route is tried without a session,
 * with every demo role, with other municipalities' and tampered ids, and (for page forms) without a CSRF token.
 * A new route is covered automatically; a new parameterless GET route must be classified in TOEGANG below.
 */

const KM: RolNaam[] = ['km-aardam', 'km-bergdorp'];
const IEDEREEN: RolNaam[] = [...ROLNAMEN];

/** Reachable without signing in (the rest of the pages sends an anonymous visitor to `/`, the API answers 401). */
const PUBLIEK: RegExp[] = [
  /^\/$/,
  /^\/assets\//,
  /^\/healthz$/,
  /^\/metrics$/,
  /^\/api\/v1\/openapi\.json$/,
  /^\/inloggen\/(code|sso|sso\/terug)$/,
  /^\/uitnodiging\/:token$/,
  /^\/wachtwoord-(vergeten|herstellen\/:token)$/,
];
const isPubliek = (r: Route) => PUBLIEK.some((p) => p.test(r.url));

/**
 * Who gets a 200 on each GET route without parameters (the others: 403). First match wins; a GET route that
 * matches nothing fails the test, so a new page or API list must be classified here.
 */
const TOEGANG: Array<[RegExp, RolNaam[] | 'publiek', (() => string)?]> = [
  [/^\/$/, IEDEREEN],
  [/^\/account\//, IEDEREEN],
  [/^\/activiteiten\/nieuw$/, ['netwerkmakelaar']],
  [/^\/organisaties\/nieuw$/, ['netwerkmakelaar']],
  [/^\/(activiteiten|organisaties)$/, [...KM, 'teamleider', 'netwerkmakelaar']],
  [/^\/intervisies$/, ['teamleider', 'netwerkmakelaar']],
  [/^\/cohorten$/, ['teamleider']],
  [/^\/klanten(\/nieuw)?$/, [...KM, 'teamleider']],
  [/^\/beheer\/verwerkingsactiviteiten$/, ['beheerder', 'privacy']],
  [/^\/beheer\/verordeningen\/overgang$/, ['beheerder', 'teamleider']],
  [/^\/beheer\//, ['beheerder']],
  [/^\/netwerk\/import$/, ['netwerkmakelaar']],
  [/^\/privacy\//, ['privacy']],
  [/^\/api\/v1\/gemeenten$/, IEDEREEN],
  [/^\/api\/v1\/(activiteiten|organisaties|intervisies)$/, [...KM, 'teamleider', 'netwerkmakelaar']],
  [/^\/api\/v1\/klanten$/, [...KM, 'teamleider']],
  [/^\/api\/v1\/tegenprestaties$/, [...KM, 'teamleider']],
  [/^\/tegenprestaties$/, [...KM, 'teamleider']],
  [/^\/signalen$/, IEDEREEN],
  [/^\/rapportages\/cbs-tegenprestatie(\/csv)?$/, ['teamleider', 'beheerder']],
  // Issue 15: the measure export to the benefits system (as the CBS export) and the team lead's list of measures.
  [/^\/maatregel-export$/, ['teamleider', 'beheerder']],
  [/^\/(api\/v1\/)?maatregelen$/, ['teamleider']],
  [/^\/api\/v1\/(verordeningen|rechtsgronden)$/, [...KM, 'teamleider', 'beheerder']],
  [/^\/api\/v1\/verwerkingen$/, ['privacy'], () => `?klantId=${bergdorp.klantId}`],
  // Public routes that a signed-in user is not meant to use (or that only answer on the machine itself).
  [
    /^\/(healthz|metrics|wachtwoord-vergeten|inloggen\/(code|sso|sso\/terug)|api\/v1\/openapi\.json)$/,
    'publiek',
  ],
];

let t: AanvalApp;
let rollen: Record<RolNaam, Ingelogd>;
let bergdorp: { klantId: string; klantNaam: string; organisatieId: string; organisatieNaam: string };

function is5xx(res: LightMyRequestResponse): boolean {
  return res.statusCode >= 500;
}

/** A request as a role: pages with the role's browser (cookie, CSRF token of its last page), the API with its token. */
async function alsRolVraag(
  rol: RolNaam,
  method: string,
  url: string,
  opts: { csrf?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const r = rollen[rol];
  if (isApi(url)) {
    return t.app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${r.token}` },
      ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
    });
  }
  if (method === 'GET') return r.browser.get(url);
  if (opts.csrf === false) {
    return t.app.inject({
      method: method as 'POST',
      url,
      headers: {
        cookie: [...r.browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'naam=x',
      remoteAddress: '10.9.1.1',
    });
  }
  return r.browser.post(url, {});
}

/** Routes that end the browser's own session: tried separately, never in the loops over all routes. */
const SESSIE_EINDE = new Set(['POST /uitloggen']);

beforeAll(async () => {
  t = await startDemoAanvalApp();
  const ingelogd = await Promise.all(ROLNAMEN.map((r) => alsRol(t, r)));
  rollen = Object.fromEntries(ROLNAMEN.map((r, i) => [r, ingelogd[i]])) as Record<RolNaam, Ingelogd>;
  const klanten = await t.app.inject({
    url: '/api/v1/klanten',
    headers: { authorization: `Bearer ${rollen['km-bergdorp'].token}` },
  });
  const organisaties = await t.app.inject({
    url: '/api/v1/organisaties',
    headers: { authorization: `Bearer ${rollen['km-bergdorp'].token}` },
  });
  const aardamOrganisaties = await t.app.inject({
    url: '/api/v1/organisaties',
    headers: { authorization: `Bearer ${rollen['km-aardam'].token}` },
  });
  const klant = eerste(klanten.json());
  const inAardam = new Set(lijst(aardamOrganisaties.json()).map((o) => o.id));
  const organisatie = eerste(lijst(organisaties.json()).filter((o) => !inAardam.has(o.id)));
  bergdorp = {
    klantId: klant.id,
    klantNaam: klant.achternaam ?? klant.naam ?? '',
    organisatieId: organisatie.id,
    organisatieNaam: organisatie.naam ?? '',
  };
}, 120_000);

type Rij = {
  id: string;
  naam?: string;
  achternaam?: string;
  gemeente?: { naam?: string };
  gemeenteNaam?: string;
};
function lijst(body: unknown): Rij[] {
  if (Array.isArray(body)) return body as Rij[];
  const b = body as { items?: Rij[]; data?: Rij[]; klanten?: Rij[]; organisaties?: Rij[] };
  return b.items ?? b.data ?? b.klanten ?? b.organisaties ?? [];
}
function eerste(body: unknown): Rij {
  const r = lijst(body)[0];
  if (!r) throw new Error(`empty list: ${JSON.stringify(body).slice(0, 300)}`);
  return r;
}

describe('the route list', () => {
  it('is the app’s own: pages, API and forms are all there', () => {
    expect(t.routes.length).toBeGreaterThan(80);
    const sleutels = t.routes.map((r) => `${r.method} ${r.url}`);
    expect(sleutels).toContain('GET /klanten/:id');
    expect(sleutels).toContain('POST /api/v1/klanten');
    expect(sleutels).toContain('POST /beheer/teams');
  });
});

describe('without signing in', () => {
  it('every page sends the visitor to the login page, every API route answers 401 problem+json, never 5xx', async () => {
    const fouten: string[] = [];
    for (const r of t.routes) {
      const url = vulIn(r.url, randomUUID());
      const res = await t.app.inject({
        method: r.method as 'GET',
        url,
        ...(r.method === 'GET' ? {} : isApi(url) ? { payload: {} } : { payload: '' }),
      });
      const k = `${r.method} ${r.url} → ${res.statusCode}`;
      if (is5xx(res)) fouten.push(`${k} (5xx)`);
      else if (isPubliek(r)) continue;
      else if (isApi(url)) {
        if (
          res.statusCode !== 401 ||
          !String(res.headers['content-type']).startsWith('application/problem+json')
        )
          fouten.push(`${k} (expected 401 problem+json)`);
      } else if (r.method === 'GET') {
        if (res.statusCode !== 303 || res.headers.location !== '/') fouten.push(`${k} (expected 303 to /)`);
      } else if (res.statusCode !== 403 && !(res.statusCode === 303 && res.headers.location === '/')) {
        // A form post without a session has no CSRF token either: refused before anything else.
        fouten.push(`${k} (expected 403 or 303 to /)`);
      }
    }
    expect(fouten).toEqual([]);
  });
});

describe('every role against every route', () => {
  it('every parameterless GET route is classified, and answers 200 exactly to the roles allowed (else 403)', async () => {
    const fouten: string[] = [];
    for (const r of t.routes.filter(
      (x) => x.method === 'GET' && !x.url.includes(':') && !x.url.includes('*'),
    )) {
      const regel = TOEGANG.find(([p]) => p.test(r.url));
      if (!regel) {
        fouten.push(`GET ${r.url} is not classified in TOEGANG`);
        continue;
      }
      const [, mag, query] = regel;
      for (const rol of ROLNAMEN) {
        const res = await alsRolVraag(rol, 'GET', r.url + (query?.() ?? ''));
        const k = `GET ${r.url} als ${rol} → ${res.statusCode}`;
        if (is5xx(res)) fouten.push(`${k} (5xx)`);
        else if (mag === 'publiek') continue;
        else if (mag.includes(rol) && res.statusCode !== 200) fouten.push(`${k} (expected 200)`);
        else if (!mag.includes(rol) && res.statusCode !== 403) fouten.push(`${k} (expected 403)`);
      }
    }
    expect(fouten).toEqual([]);
  });

  it('a role refused a page or API list is refused its forms and creates too (403), with a valid CSRF token', async () => {
    const fouten: string[] = [];
    const wijzigend = t.routes.filter((x) => x.method !== 'GET' && !x.url.includes(':'));
    let getoetst = 0;
    for (const r of wijzigend) {
      const regel = TOEGANG.find(([p]) => p.test(r.url));
      if (!regel || regel[1] === 'publiek' || regel[1] === IEDEREEN) continue;
      const mag = regel[1];
      for (const rol of ROLNAMEN.filter((x) => !mag.includes(x))) {
        // The token of a page the role may see: the refusal must come from the policy, not from CSRF.
        if (!isApi(r.url)) await rollen[rol].browser.get('/account/sessies');
        const res = await alsRolVraag(rol, r.method, r.url);
        getoetst++;
        // The API validates the (here empty) body before the policy: a 400 there refuses as well (the schema is
        // public in openapi.json anyway). Pages check the policy first.
        const ok = res.statusCode === 403 || (isApi(r.url) && res.statusCode === 400);
        if (!ok) fouten.push(`${r.method} ${r.url} als ${rol} → ${res.statusCode}`);
      }
    }
    expect(getoetst).toBeGreaterThan(30);
    expect(fouten).toEqual([]);
  });

  it('no route gives a 5xx to any role, with unknown ids and empty forms and bodies', async () => {
    const fouten: string[] = [];
    for (const r of t.routes) {
      if (SESSIE_EINDE.has(`${r.method} ${r.url}`)) continue;
      const url = vulIn(r.url, randomUUID());
      for (const rol of ROLNAMEN) {
        const res = await alsRolVraag(rol, r.method, url);
        if (is5xx(res)) fouten.push(`${r.method} ${r.url} als ${rol} → ${res.statusCode}`);
        // An unknown id is never found (a page or API answer with data would be a leak).
        else if (r.method === 'GET' && r.url.includes(':') && !isPubliekMetToken(r) && res.statusCode === 200)
          fouten.push(`${r.method} ${r.url} als ${rol} → 200 for an unknown id`);
      }
    }
    expect(fouten).toEqual([]);
  });
});

const isPubliekMetToken = (r: Route) => /:token$/.test(r.url) || r.url.startsWith('/assets/');

describe('other municipalities and tampered ids', () => {
  it('the Aardam klantmanager gets no Bergdorp client or organisation, by page or API', async () => {
    // Bergdorp's own klantmanager does see them (else this test would prove nothing).
    const eigen = await alsRolVraag('km-bergdorp', 'GET', `/api/v1/klanten/${bergdorp.klantId}`);
    expect(eigen.statusCode).toBe(200);
    const fouten: string[] = [];
    const klantRoutes = t.routes.filter((r) => /^\/(api\/v1\/)?klanten\/:id(\/|$)/.test(r.url));
    expect(klantRoutes.length).toBeGreaterThan(5);
    for (const r of klantRoutes) {
      if (r.url.includes(':ontheffingId')) continue;
      const url = vulIn(r.url, bergdorp.klantId);
      const res = await alsRolVraag('km-aardam', r.method, url);
      if (![403, 404].includes(res.statusCode) && !(res.statusCode === 400 && r.method !== 'GET'))
        fouten.push(`${r.method} ${r.url} → ${res.statusCode}`);
      if (bergdorp.klantNaam && res.body.includes(bergdorp.klantNaam))
        fouten.push(`${r.method} ${r.url} shows the name`);
    }
    // An organisation only Bergdorp works with (Bergdorp's klantmanager sees it, Aardam's list does not have it).
    const orgRoutes = t.routes.filter((r) => /^\/(api\/v1\/)?organisaties\/:id(\/|$)/.test(r.url));
    expect(orgRoutes.length).toBeGreaterThan(2);
    expect(
      (await alsRolVraag('km-bergdorp', 'GET', `/api/v1/organisaties/${bergdorp.organisatieId}`)).statusCode,
    ).toBe(200);
    for (const r of orgRoutes) {
      const res = await alsRolVraag('km-aardam', r.method, vulIn(r.url, bergdorp.organisatieId));
      if (![403, 404].includes(res.statusCode) && !(res.statusCode === 400 && r.method !== 'GET'))
        fouten.push(`${r.method} ${r.url} → ${res.statusCode}`);
      if (res.body.includes(bergdorp.organisatieNaam))
        fouten.push(`${r.method} ${r.url} shows the organisation`);
    }
    expect(fouten).toEqual([]);
  });

  it('a valid change to a Bergdorp client from Aardam is refused and changes nothing', async () => {
    const wijzig = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/klanten/${bergdorp.klantId}`,
      headers: { authorization: `Bearer ${rollen['km-aardam'].token}` },
      payload: { achternaam: 'Overgenomen' },
    });
    expect([403, 404]).toContain(wijzig.statusCode);
    const sluit = await t.app.inject({
      method: 'POST',
      url: `/api/v1/klanten/${bergdorp.klantId}/_sluiten`,
      headers: { authorization: `Bearer ${rollen['km-aardam'].token}` },
      payload: {},
    });
    expect([400, 403, 404]).toContain(sluit.statusCode);
    const pagina = await rollen['km-aardam'].browser.post(`/klanten/${bergdorp.klantId}`, {
      achternaam: 'Overgenomen',
    });
    expect([403, 404]).toContain(pagina.statusCode);
    const terug = await alsRolVraag('km-bergdorp', 'GET', `/api/v1/klanten/${bergdorp.klantId}`);
    expect(terug.json().achternaam).not.toBe('Overgenomen');
  });

  it('tampered and guessed ids in every route parameter: 400/403/404/414, never data, never 5xx', async () => {
    const waarden = [
      randomUUID(),
      'geen-uuid',
      '..%2F..%2F..%2Fetc%2Fpasswd',
      '%00',
      "1'%20OR%20'1'%3D'1",
      'a'.repeat(3000), // beyond the router's parameter length: 414
      '00000000-0000-0000-0000-000000000000',
    ];
    const fouten: string[] = [];
    const metParameter = t.routes.filter(
      (r) => r.method === 'GET' && r.url.includes(':') && !isPubliekMetToken(r),
    );
    for (const r of metParameter) {
      for (const w of waarden) {
        for (const rol of ['km-aardam', 'netwerkmakelaar', 'beheerder', 'privacy'] as RolNaam[]) {
          const res = await alsRolVraag(rol, 'GET', vulIn(r.url, w));
          if (![400, 403, 404, 414].includes(res.statusCode))
            fouten.push(`GET ${r.url} (${w.slice(0, 20)}) als ${rol} → ${res.statusCode}`);
        }
      }
    }
    expect(fouten).toEqual([]);
  });
});

describe('CSRF', () => {
  it('every state-changing page route refuses a signed-in request without a token with 403', async () => {
    const fouten: string[] = [];
    const formRoutes = t.routes.filter((r) => r.method !== 'GET' && !isApi(r.url));
    expect(formRoutes.length).toBeGreaterThan(30);
    for (const r of formRoutes) {
      for (const rol of ['km-aardam', 'beheerder'] as RolNaam[]) {
        const res = await alsRolVraag(rol, r.method, vulIn(r.url, randomUUID()), { csrf: false });
        if (res.statusCode !== 403) fouten.push(`${r.method} ${r.url} als ${rol} → ${res.statusCode}`);
      }
    }
    expect(fouten).toEqual([]);
    // The sessions are still valid: the refusals were not because of a lost session.
    expect((await rollen['km-aardam'].browser.get('/klanten')).statusCode).toBe(200);
  });
});
