import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import { DEMO_ACCOUNTS, DEMO_WACHTWOORD, type DemoResult } from '../../src/demo/demo.ts';
import type { Mailer } from '../../src/mail/index.ts';
import { testConfig } from '../app.ts';
import { ingelogdAls, type TestBrowser } from '../browser.ts';
import { createDemoTestDatabase, createTestDatabase, type TestDatabase } from '../db.ts';

/** One registered route: method and URL pattern as Fastify knows it (e.g. `/klanten/:id`). */
export interface Route {
  method: string;
  url: string;
}

export interface AanvalApp {
  app: FastifyInstance;
  db: TestDatabase;
  config: Config;
  /** Every route the app registered (HEAD routes Fastify adds for GET left out), sorted. */
  routes: Route[];
  /** The demo social service, when the app was started with `{ demo: true }`. */
  demo: DemoResult | undefined;
}

/** The whole app over a fresh test database, with the list of its own registered routes. */
export async function startAanvalApp(
  overrides: Partial<Config> = {},
  opts: { mailer?: Mailer; demo?: boolean } = {},
): Promise<AanvalApp> {
  let db: TestDatabase;
  let demo: DemoResult | undefined;
  if (opts.demo) ({ db, demo } = await createDemoTestDatabase('met-bsn'));
  else db = await createTestDatabase();
  const config = testConfig({ mode: 'demo', ...overrides });
  const verzameld: Route[] = [];
  const app = await buildApp({
    config,
    db,
    logger: process.env.DBG ? { level: 'error' } : false,
    ...(opts.mailer ? { mailer: opts.mailer } : {}),
    onRoute: (r: RouteOptions) => {
      for (const m of [r.method].flat()) verzameld.push({ method: m, url: r.url });
    },
  });
  await app.ready();
  afterAll(async () => {
    await app.close();
  });
  const gezien = new Set<string>();
  const routes = verzameld
    .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS')
    .filter((r) => {
      const k = `${r.method} ${r.url}`;
      if (gezien.has(k)) return false;
      gezien.add(k);
      return true;
    })
    .sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`));
  return { app, db, config, routes, demo };
}

/** The whole app over a database with the demo social service (six accounts, ~150 clients per municipality, the network). */
export async function startDemoAanvalApp(
  overrides: Partial<Config> = {},
  opts: { mailer?: Mailer } = {},
): Promise<AanvalApp & { demo: DemoResult }> {
  const t = await startAanvalApp(overrides, { ...opts, demo: true });
  if (!t.demo) throw new Error('the demo was not loaded');
  return { ...t, demo: t.demo };
}

/** The six demo accounts by a short name. */
export const ROLLEN = {
  'km-aardam': 'klantmanager.aardam@demo.wederkerig.nl',
  'km-bergdorp': 'klantmanager.bergdorp@demo.wederkerig.nl',
  teamleider: 'teamleider@demo.wederkerig.nl',
  netwerkmakelaar: 'netwerk@demo.wederkerig.nl',
  beheerder: 'beheer@demo.wederkerig.nl',
  privacy: 'privacy@demo.wederkerig.nl',
} as const;
export type RolNaam = keyof typeof ROLLEN;
export const ROLNAMEN = Object.keys(ROLLEN) as RolNaam[];

export interface Ingelogd {
  browser: TestBrowser;
  /** A bearer token for the API, made on the account page. */
  token: string;
}

let ip = 10;
/** Signs a demo account in (its own address, so the login rate limit is not shared) and makes an API token. */
export async function alsRol(t: AanvalApp, rol: RolNaam): Promise<Ingelogd> {
  const email = ROLLEN[rol];
  if (!DEMO_ACCOUNTS.some((a) => a.email === email)) throw new Error(`no demo account ${email}`);
  const browser = await ingelogdAls(
    t.app,
    { email, wachtwoord: DEMO_WACHTWOORD },
    { remoteAddress: `10.9.0.${ip++}` },
  );
  await browser.get('/account/api-tokens');
  const res = await browser.post('/account/api-tokens', { naam: 'Aanvalstest' });
  const token = /id="nieuw-token">(wkt_[A-Za-z0-9_-]{43})</.exec(res.body)?.[1];
  if (!token) throw new Error(`no API token for ${rol}: ${res.statusCode}`);
  return { browser, token };
}

/** Fills a route pattern's parameters (`:id`, `*`) with the given value. */
export function vulIn(url: string, waarde: string): string {
  return url.replace(/:[A-Za-z0-9_]+/g, waarde).replace(/\*$/, waarde);
}

export const isApi = (url: string) => url.startsWith('/api/');

/** The forms on an HTML page that post: their action (HTML entities of `&` decoded) and their markup. */
export function postFormulieren(html: string): Array<{ actie: string; html: string }> {
  return [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)]
    .map((m) => m[0])
    .filter((f) => /method="post"/i.test(f))
    .map((f) => ({ actie: (/action="([^"]*)"/.exec(f)?.[1] ?? '').replaceAll('&amp;', '&'), html: f }));
}

/** The fields of the form posting to `actie` on an HTML page: text fields get the string, the rest a valid value. */
export function vulFormulier(html: string, actie: string, s: string): Record<string, string> {
  const form = postFormulieren(html).find((f) => f.actie === actie)?.html;
  if (!form) throw new Error(`no form posting to ${actie}`);
  return vulVelden(form, s);
}

/** Text fields and text areas of one form get `s`; other fields a valid value (checked boxes, first option). */
export function vulVelden(form: string, s: string): Record<string, string> {
  const velden: Record<string, string> = {};
  for (const m of form.matchAll(/<input\b[^>]*>/g)) {
    const tag = m[0];
    const naam = /name="([^"]+)"/.exec(tag)?.[1];
    const type = /type="([^"]+)"/.exec(tag)?.[1] ?? 'text';
    if (!naam || naam === '_csrf' || naam in velden) continue;
    if (type === 'text' || type === 'search' || type === 'url') velden[naam] = s;
    else if (type === 'email') velden[naam] = 'naughty@voorbeeld.nl';
    else if (type === 'date') velden[naam] = '1980-01-01';
    else if (type === 'number') velden[naam] = '1';
    else if ((type === 'checkbox' || type === 'radio') && /\bchecked\b/.test(tag))
      velden[naam] = /value="([^"]*)"/.exec(tag)?.[1] ?? 'on';
    else if (type === 'hidden') velden[naam] = /value="([^"]*)"/.exec(tag)?.[1] ?? '';
  }
  for (const m of form.matchAll(/<textarea\b[^>]*name="([^"]+)"/g)) if (m[1]) velden[m[1]] = s;
  for (const m of form.matchAll(/<select\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const waarde = /<option\b[^>]*value="([^"]+)"/.exec(m[2] ?? '')?.[1];
    if (m[1] && waarde) velden[m[1]] = waarde;
  }
  return velden;
}
