/** Every link and redirect of the pages comes from here (typed paths, no string literals in views). */
export const paths = {
  home: () => '/',
  uitloggen: () => '/uitloggen',
  inlogCode: () => '/inloggen/code',
  sessies: () => '/account/sessies',
  sessieBeeindigen: (id: string) => `/account/sessies/${encodeURIComponent(id)}/beeindigen`,
  apiTokens: () => '/account/api-tokens',
  apiTokenIntrekken: (id: string) => `/account/api-tokens/${encodeURIComponent(id)}/intrekken`,
  tweestapsverificatie: () => '/account/tweestapsverificatie',
  herstelcodes: () => '/account/tweestapsverificatie/herstelcodes',
  uitnodiging: (token: string) => `/uitnodiging/${encodeURIComponent(token)}`,
  healthz: () => '/healthz',
  asset: (name: string) => `/assets/${name}`,
  apiDocs: () => '/api/v1/openapi.json',
  verwerkingsactiviteiten: () => '/beheer/verwerkingsactiviteiten',
  verwerkingsactiviteitNieuw: () => '/beheer/verwerkingsactiviteiten/nieuw',
  verwerkingsactiviteit: (id: string) => `/beheer/verwerkingsactiviteiten/${encodeURIComponent(id)}`,
  /** A page path with a confirmation to show after a redirect (Post/Redirect/Get). */
  metMelding: (path: string, melding: string) => `${path}?melding=${encodeURIComponent(melding)}`,
} as const;
