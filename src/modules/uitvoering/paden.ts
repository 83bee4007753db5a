/** Typed paths of the uitvoering pages (links and redirects come from here, not string literals). */
export const uitvoeringPaden = {
  uitvoering: (id: string) => `/tegenprestaties/${encodeURIComponent(id)}/uitvoering`,
  uren: (id: string) => `/tegenprestaties/${encodeURIComponent(id)}/uitvoering/uren`,
  evaluatie: (id: string) => `/tegenprestaties/${encodeURIComponent(id)}/uitvoering/evaluatie`,
  stap: (id: string) => `/tegenprestaties/${encodeURIComponent(id)}/uitvoering/stap`,
  twijfel: (id: string) => `/tegenprestaties/${encodeURIComponent(id)}/uitvoering/twijfel`,
  evaluatieVerslag: (id: string, evaluatieId: string) =>
    `/tegenprestaties/${encodeURIComponent(id)}/uitvoering/evaluaties/${encodeURIComponent(evaluatieId)}/verslag.pdf`,
  eindevaluatie: (id: string) => `/tegenprestaties/${encodeURIComponent(id)}/uitvoering/eindevaluatie`,
  cbsExport: () => '/rapportages/cbs-tegenprestatie',
  cbsExportCsv: () => '/rapportages/cbs-tegenprestatie/csv',
};
