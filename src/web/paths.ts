/** Every link and redirect of the pages comes from here (typed paths, no string literals in views). */
export const paths = {
  home: () => '/',
  uitloggen: () => '/uitloggen',
  healthz: () => '/healthz',
  asset: (name: string) => `/assets/${name}`,
  apiDocs: () => '/api/v1/openapi.json',
} as const;
