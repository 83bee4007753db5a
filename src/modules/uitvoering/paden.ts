/** Typed paths of the uitvoering pages (links and redirects come from here, not string literals). */
export const uitvoeringPaden = {
  uitvoering: (id: string) => `/tegenprestaties/${encodeURIComponent(id)}/uitvoering`,
  uren: (id: string) => `/tegenprestaties/${encodeURIComponent(id)}/uitvoering/uren`,
  evaluatie: (id: string) => `/tegenprestaties/${encodeURIComponent(id)}/uitvoering/evaluatie`,
  stap: (id: string) => `/tegenprestaties/${encodeURIComponent(id)}/uitvoering/stap`,
  twijfel: (id: string) => `/tegenprestaties/${encodeURIComponent(id)}/uitvoering/twijfel`,
  eindevaluatie: (id: string) => `/tegenprestaties/${encodeURIComponent(id)}/uitvoering/eindevaluatie`,
  cbsExport: () => '/rapportages/cbs-tegenprestatie',
  cbsExportCsv: () => '/rapportages/cbs-tegenprestatie/csv',
};
