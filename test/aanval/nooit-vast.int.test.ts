import type { LightMyRequestResponse } from 'fastify';
import type { DemoResult } from '../../src/demo/demo.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { withContext } from '../../src/db/context.ts';
import { systeemActor } from '../../src/modules/auth/index.ts';
import {
  type AanvalApp,
  alsRol,
  type Ingelogd,
  isApi,
  ROLNAMEN,
  type RolNaam,
  startDemoAanvalApp,
} from './opzet.ts';

/**
 * Never wedge: one request uses one database connection at a time. The app runs on a pool of two connections and
 * refuses (500) any request that asks for a second connection while it holds one (`tweedeVerbinding: 'weiger'`,
 * src/db/verbindingen.ts), so a path that could wedge the pool under load fails here even without load. Every page
 * reachable by links from each demo role's start page, and every API list, is first opened once, then 50 times at
 * the same moment: every request completes with its usual answer. The acquire timeout is long, so a wedge would
 * show as 503s rather than slow requests, and no request is ever judged by its duration.
 */

const GELIJKTIJDIG = 50;

/** Pages that change state on GET (none should) or that are not pages: never followed. */
const NIET_VOLGEN = [/^\/uitloggen/, /^\/assets\//, /^\/healthz$/, /^\/metrics$/, /^\/api\//];

let t: AanvalApp & { demo: DemoResult };
let rollen: Record<RolNaam, Ingelogd>;

beforeAll(async () => {
  t = await startDemoAanvalApp(
    {},
    {
      pool: {
        max: 2,
        limieten: {
          acquireTimeoutMs: 120_000,
          statementTimeoutMs: 120_000,
          idleInTransactionTimeoutMs: 120_000,
        },
      },
      tweedeVerbinding: 'weiger',
    },
  );
  const ingelogd: Ingelogd[] = [];
  for (const r of ROLNAMEN) ingelogd.push(await alsRol(t, r));
  rollen = Object.fromEntries(ROLNAMEN.map((r, i) => [r, ingelogd[i]])) as Record<RolNaam, Ingelogd>;
}, 300_000);

/** A route pattern for a URL: ids and numbers become `:x`, the query keeps its parameter names. */
function patroon(url: string): string {
  const u = new URL(url, 'http://x');
  const pad = u.pathname
    .split('/')
    .map((deel) => (/^[0-9a-f-]{36}$/i.test(deel) || /^[0-9]+$/.test(deel) ? ':x' : deel))
    .join('/');
  const sleutels = [...new Set(u.searchParams.keys())].sort().join('&');
  return sleutels ? `${pad}?${sleutels}` : pad;
}

/** The same-origin links of an HTML page (entities of `&` decoded, fragments dropped). */
function links(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="(\/[^"#]*)/g)]
    .map((m) => (m[1] ?? '').replaceAll('&amp;', '&'))
    .filter((h) => h !== '' && !NIET_VOLGEN.some((p) => p.test(h)));
}

interface Bezoek {
  rol: RolNaam;
  url: string;
  status: number;
}

/** A GET as a role: pages with its browser (cookie), the API with its token. */
async function vraag(rol: RolNaam, url: string): Promise<LightMyRequestResponse> {
  if (isApi(url))
    return t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${rollen[rol].token}` } });
  return rollen[rol].browser.get(url);
}

/** Every page a role reaches by following links from its start page, one URL per route pattern. */
async function verken(rol: RolNaam, fouten: string[]): Promise<Bezoek[]> {
  const gezien = new Set<string>();
  const rij = ['/'];
  const bezocht: Bezoek[] = [];
  gezien.add(patroon('/'));
  for (let url = rij.shift(); url !== undefined; url = rij.shift()) {
    const res = await vraag(rol, url);
    if (res.statusCode >= 500) fouten.push(`${rol} GET ${url} → ${res.statusCode}`);
    bezocht.push({ rol, url, status: res.statusCode });
    if (!String(res.headers['content-type']).startsWith('text/html')) continue;
    for (const l of links(res.body)) {
      const p = patroon(l);
      if (gezien.has(p)) continue;
      gezien.add(p);
      rij.push(l);
    }
  }
  return bezocht;
}

/** Every API list (a GET route without parameters) as a role that may use it. */
async function apiLijsten(fouten: string[]): Promise<Bezoek[]> {
  const lijsten = t.routes.filter(
    (r) => r.method === 'GET' && isApi(r.url) && !r.url.includes(':') && !r.url.endsWith('openapi.json'),
  );
  const bezocht: Bezoek[] = [];
  for (const r of lijsten) {
    for (const rol of ROLNAMEN) {
      const res = await vraag(rol, r.url);
      if (res.statusCode >= 500) fouten.push(`${rol} GET ${r.url} → ${res.statusCode}`);
      if (res.statusCode === 200) {
        bezocht.push({ rol, url: r.url, status: 200 });
        break;
      }
    }
  }
  return bezocht;
}

describe('one connection per request', () => {
  let bezoeken: Bezoek[] = [];

  it('every page of every demo role and every API list answers without a second connection', async () => {
    const fouten: string[] = [];
    for (const rol of ROLNAMEN) bezoeken.push(...(await verken(rol, fouten)));
    bezoeken.push(...(await apiLijsten(fouten)));
    expect(fouten).toEqual([]);
    // The crawl reached the pages that matter (a broken crawl must not pass as "nothing wedged").
    const urls = new Set(bezoeken.filter((b) => b.status === 200).map((b) => patroon(b.url)));
    for (const p of [
      '/klanten',
      '/klanten/:x',
      '/tegenprestaties',
      '/api/v1/klanten',
      '/api/v1/tegenprestaties',
    ])
      expect(urls, p).toContain(p);
    bezoeken = bezoeken.filter((b) => b.status < 400);
  }, 600_000);

  it('the AVG export (a form post that reads every module) answers without a second connection', async () => {
    // Clients whose export names an organisation (an own proposal at an existing one) and an activity with its
    // ordinance check (a design): the parts that read other modules' names.
    const { metOrganisatie, metActiviteit } = await withContext(
      t.db.app,
      systeemActor('test:nooit-vast', t.demo.dienstId),
      async (tx) => ({
        metOrganisatie: await tx
          .selectFrom('eigenVoorstel')
          .select('klantId')
          .where('organisatieId', 'is not', null)
          .executeTakeFirst(),
        metActiviteit: await tx
          .selectFrom('tegenprestatie as tp')
          .innerJoin('verordeningstoetsing as vt', 'vt.tegenprestatieId', 'tp.id')
          .select('tp.klantId')
          .where('tp.activiteitId', 'is not', null)
          .executeTakeFirst(),
      }),
    );
    const klanten = [metOrganisatie, metActiviteit].flatMap((k) => (k ? [k] : []));
    expect(klanten).toHaveLength(2);
    for (const { klantId } of klanten) {
      await rollen.privacy.browser.get(`/privacy/verwerkingen/${klantId}`);
      const res = await rollen.privacy.browser.post(`/privacy/verwerkingen/${klantId}/inzage`, {
        formaat: 'json',
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    }
  });

  it('with a pool of two, 50 requests at once to each page and API list all complete', async () => {
    // Per page one burst of 50, shared out over the roles and the query variants that reached it (a client page as
    // klantmanager and as team lead, the client list sorted and paged, at the same moment). Each variant was
    // already opened alone under the one-connection guard above.
    const pagina = (url: string) => patroon(url).split('?')[0] ?? url;
    const perPatroon = new Map<string, Bezoek[]>();
    for (const b of bezoeken) perPatroon.set(pagina(b.url), [...(perPatroon.get(pagina(b.url)) ?? []), b]);
    expect(perPatroon.size).toBeGreaterThan(20);
    const fouten: string[] = [];
    for (const [p, groep] of perPatroon) {
      const uit = Array.from({ length: GELIJKTIJDIG }, (_, i) => groep[i % groep.length]!);
      const antwoorden = await Promise.all(uit.map((b) => vraag(b.rol, b.url)));
      const anders = antwoorden.filter((r, i) => r.statusCode !== uit[i]!.status);
      if (anders.length > 0)
        fouten.push(
          `GET ${p}: ${anders.length}× ${[...new Set(anders.map((r) => r.statusCode))].join(', ')}`,
        );
    }
    expect(fouten).toEqual([]);
  }, 1_800_000);
});
