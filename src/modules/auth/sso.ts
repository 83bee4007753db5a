import * as oidc from 'openid-client';
import type { SsoConfig } from '../../config.ts';
import type { Claims } from './sso-regels.ts';

/**
 * The OpenID Connect relying party (openid-client): authorization code flow with PKCE (S256), `state` and
 * `nonce`. The identity provider's metadata is discovered on first use and kept (a failed discovery is retried
 * at the next login).
 */

/** What a login attempt must remember between the redirect to the identity provider and its return. */
export interface SsoPoging {
  state: string;
  nonce: string;
  verifier: string;
  /** When the attempt started (ms): attempts older than 10 minutes are refused. */
  begonnen: number;
}

export const SSO_POGING_MS = 10 * 60 * 1000;

export class SsoFout extends Error {
  constructor(
    readonly soort: 'verlopen' | 'afgebroken' | 'ongeldig' | 'idp-onbereikbaar',
    message: string,
    opts?: { cause?: unknown },
  ) {
    super(message, opts);
  }
}

export type SsoClient = ReturnType<typeof createSsoClient>;

export function createSsoClient(sso: SsoConfig, opts: { nu?: () => number } = {}) {
  const nu = opts.nu ?? Date.now;
  // http only for a test or development identity provider; production config refuses a non-https issuer.
  const onveilig = sso.issuerUrl.startsWith('http:');
  let configuratie: Promise<oidc.Configuration> | undefined;

  async function ontdek(): Promise<oidc.Configuration> {
    const gevonden = await oidc.discovery(
      new URL(sso.issuerUrl),
      sso.clientId,
      sso.clientSecret,
      undefined,
      onveilig ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    // openid-client sends the secret in the body (client_secret_post); use HTTP Basic when that is all the
    // identity provider supports.
    const methoden = gevonden.serverMetadata().token_endpoint_auth_methods_supported;
    if (methoden && !methoden.includes('client_secret_post') && methoden.includes('client_secret_basic')) {
      const basic = new oidc.Configuration(
        gevonden.serverMetadata(),
        sso.clientId,
        sso.clientSecret,
        oidc.ClientSecretBasic(sso.clientSecret),
      );
      if (onveilig) oidc.allowInsecureRequests(basic);
      return basic;
    }
    return gevonden;
  }

  function config(): Promise<oidc.Configuration> {
    configuratie ??= ontdek().catch((e: unknown) => {
      configuratie = undefined;
      throw new SsoFout('idp-onbereikbaar', 'OIDC discovery failed', { cause: e });
    });
    return configuratie;
  }

  return {
    /**
     * RP-initiated logout: the identity provider's end-session URL (with our client id and the start page as
     * the way back), or undefined when the provider offers none or cannot be reached — then only our own
     * session ends.
     */
    async uitlogUrl(): Promise<string | undefined> {
      try {
        const c = await config();
        if (!c.serverMetadata().end_session_endpoint) return undefined;
        return oidc.buildEndSessionUrl(c, {
          client_id: sso.clientId,
          post_logout_redirect_uri: new URL('/', sso.redirectUrl).href,
        }).href;
      } catch {
        return undefined;
      }
    },

    /** Starts a login: the URL to send the browser to, and what to remember for its return. */
    async start(): Promise<{ url: string; poging: SsoPoging }> {
      const c = await config();
      const verifier = oidc.randomPKCECodeVerifier();
      const poging: SsoPoging = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        verifier,
        begonnen: nu(),
      };
      const url = oidc.buildAuthorizationUrl(c, {
        redirect_uri: sso.redirectUrl,
        scope: sso.scopes,
        response_type: 'code',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: poging.state,
        nonce: poging.nonce,
        ...(sso.acrValues.length > 0 ? { acr_values: sso.acrValues.join(' ') } : {}),
      });
      return { url: url.href, poging };
    },

    /**
     * Completes a login from the identity provider's answer (the query string of the return URL): checks state,
     * issuer, PKCE and nonce, exchanges the code, and returns the ID token's claims over the userinfo claims.
     */
    async terug(query: string, poging: SsoPoging): Promise<Claims> {
      if (nu() - poging.begonnen > SSO_POGING_MS) throw new SsoFout('verlopen', 'SSO attempt too old');
      const c = await config();
      // The return URL as registered (not as this server sees it behind a proxy), with the answer's query.
      const terugUrl = new URL(sso.redirectUrl);
      terugUrl.search = query;
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
      try {
        tokens = await oidc.authorizationCodeGrant(c, terugUrl, {
          pkceCodeVerifier: poging.verifier,
          expectedState: poging.state,
          expectedNonce: poging.nonce,
          idTokenExpected: true,
        });
      } catch (e) {
        if (e instanceof oidc.AuthorizationResponseError)
          throw new SsoFout('afgebroken', `identity provider answered ${e.error}`, { cause: e });
        throw new SsoFout('ongeldig', 'SSO answer refused', { cause: e });
      }
      const idClaims = tokens.claims();
      if (!idClaims) throw new SsoFout('ongeldig', 'no ID token');
      const userinfo = await oidc.fetchUserInfo(c, tokens.access_token, idClaims.sub).catch((e: unknown) => {
        throw new SsoFout('ongeldig', 'userinfo refused', { cause: e });
      });
      return { ...userinfo, ...idClaims };
    },
  };
}

/** The attempt as a cookie value (signed by the caller) and back; undefined for anything malformed. */
export function pogingAlsTekst(p: SsoPoging): string {
  return Buffer.from(JSON.stringify([p.state, p.nonce, p.verifier, p.begonnen]), 'utf8').toString(
    'base64url',
  );
}

export function pogingUitTekst(tekst: string): SsoPoging | undefined {
  try {
    const [state, nonce, verifier, begonnen] = JSON.parse(
      Buffer.from(tekst, 'base64url').toString('utf8'),
    ) as unknown[];
    if (typeof state !== 'string' || typeof nonce !== 'string' || typeof verifier !== 'string')
      return undefined;
    if (typeof begonnen !== 'number') return undefined;
    return { state, nonce, verifier, begonnen };
  } catch {
    return undefined;
  }
}
