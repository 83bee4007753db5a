import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (`oidc-provider`) for tests, on a free port of 127.0.0.1. Its login screen is
 * scripted: whoever follows the authorization redirect is logged in as `volgendeLogin` (account, acr, amr), and
 * consent is given at once. Accounts and their claims are set by the test.
 */
export interface TestOp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claims per account id (besides `sub`): email, name, groups, teams, gemeenten … */
  accounts: Map<string, Record<string, unknown>>;
  /** Who logs in at the next authorization request, and how strongly. */
  volgendeLogin: { accountId: string; acr?: string; amr?: string[] };
  close(): Promise<void>;
}

export async function startTestOp(opts: { redirectUri: string }): Promise<TestOp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const accounts = new Map<string, Record<string, unknown>>();
  const op: TestOp = {
    issuer,
    clientId: 'wederkerig-test',
    clientSecret: 'test-client-secret-met-genoeg-tekens',
    accounts,
    volgendeLogin: { accountId: '' },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: op.clientId,
        client_secret: op.clientSecret,
        redirect_uris: [opts.redirectUri],
        post_logout_redirect_uris: [new URL('/', opts.redirectUri).href],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    // Reject any authorization request without PKCE: the relying party must send it.
    pkce: { required: () => true },
    acrValues: ['urn:wk:mfa', 'urn:wk:wachtwoord'],
    claims: {
      // acr and amr in every ID token (as Entra ID and Keycloak do): oidc-provider otherwise leaves out amr unless
      // the client asks for it by name.
      openid: ['sub', 'acr', 'amr'],
      email: ['email', 'email_verified'],
      profile: ['name', 'groups', 'teams', 'gemeenten'],
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-cookie-key-oidc-provider'] },
    findAccount: (_ctx, sub) => {
      const claims = accounts.get(sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...claims }) };
    },
  });
  // oidc-provider's own warnings (development keys, TTL defaults) are expected here.
  provider.on('server_error', (_ctx, err) => console.error('test OP server_error', err));

  const callback = provider.callback();
  server.on('request', (req, res) => {
    const m = /^\/interaction\/([^/?]+)/.exec(req.url ?? '');
    if (!m) {
      callback(req, res);
      return;
    }
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const { accountId, acr, amr } = op.volgendeLogin;
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        {
          login: { accountId, ...(acr ? { acr } : {}), ...(amr ? { amr } : {}) },
          consent: { grantId },
        },
        { mergeWithLastSubmission: false },
      );
    })().catch((e: unknown) => {
      res.statusCode = 500;
      res.end(String(e));
    });
  });
  return op;
}

/** A cookie jar for `fetch` against the test OP (the browser's side of the identity provider). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  async fetch(url: string): Promise<Response> {
    const res = await fetch(url, {
      redirect: 'manual',
      headers: this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {},
    });
    for (const c of res.headers.getSetCookie()) {
      const [paar = ''] = c.split(';');
      const i = paar.indexOf('=');
      const naam = paar.slice(0, i);
      const waarde = paar.slice(i + 1);
      if (waarde === '' || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(naam);
      else this.cookies.set(naam, waarde);
    }
    return res;
  }
}
