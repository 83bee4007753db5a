import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import * as OTPAuth from 'otpauth';

/**
 * A small browser for `app.inject`: keeps cookies, reads the CSRF token from the last page and posts forms
 * with it. One instance is one browser (one person); `remoteAddress` and `userAgent` make it distinguishable.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(
    readonly app: FastifyInstance,
    readonly opts: {
      remoteAddress?: string;
      userAgent?: string;
      /** Sent with every request (e.g. `x-forwarded-for`, as a reverse proxy adds it). */
      headers?: Record<string, string>;
    } = {},
  ) {}

  private cookieHeader(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse): LightMyRequestResponse {
    // React separates adjacent text with `<!-- -->`; without it, assertions can match the text a person reads.
    res.body = res.body.replaceAll('<!-- -->', '');
    for (const c of res.cookies as Array<{ name: string; value: string; expires?: Date; maxAge?: number }>) {
      const weg = c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now());
      if (weg) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.csrfToken = token;
    return res;
  }

  private headers(): Record<string, string> {
    const h: Record<string, string> = { ...this.opts.headers };
    const cookie = this.cookieHeader();
    if (cookie) h.cookie = cookie;
    if (this.opts.userAgent) h['user-agent'] = this.opts.userAgent;
    return h;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.remember(
      await this.app.inject({
        method: 'GET',
        url,
        headers: this.headers(),
        remoteAddress: this.opts.remoteAddress ?? '127.0.0.1',
      }),
    );
  }

  /** Posts a form with the CSRF token of the last page (fetches `/` first when there is none). */
  async post(url: string, form: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    if (!this.csrfToken) await this.get('/');
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: this.csrfToken ?? '', ...form }).toString(),
        remoteAddress: this.opts.remoteAddress ?? '127.0.0.1',
      }),
    );
  }

  /** Logs in with e-mail and password (and a TOTP code when a secret is given). Returns the last response. */
  async login(g: {
    email: string;
    wachtwoord: string;
    totpGeheim?: string;
  }): Promise<LightMyRequestResponse> {
    await this.get('/');
    const res = await this.post('/', { email: g.email, wachtwoord: g.wachtwoord });
    if (res.headers.location === '/inloggen/code' && g.totpGeheim) {
      await this.get('/inloggen/code');
      return this.post('/inloggen/code', { code: totpCode(g.totpGeheim) });
    }
    return res;
  }
}

/** The current TOTP code for a base32 secret (as the authenticator app would show it). */
export function totpCode(geheim: string, timestamp = Date.now()): string {
  return new OTPAuth.TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(geheim),
  }).generate({ timestamp });
}

/** A browser that is signed in as this user (fails the test when login does not end on the start page). */
export async function ingelogdAls(
  app: FastifyInstance,
  g: { email: string; wachtwoord: string; totpGeheim?: string },
  opts: { remoteAddress?: string; userAgent?: string } = {},
): Promise<TestBrowser> {
  const b = new TestBrowser(app, opts);
  const res = await b.login(g);
  if (res.statusCode !== 303) throw new Error(`login failed with ${res.statusCode}`);
  return b;
}
