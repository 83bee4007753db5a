import { definePolicy } from '../auth/index.ts';

/**
 * Who may do what in the compulsory frame (issue 15; docs/dwang.md). Next to these rights a placement is visible
 * exactly when its design is (tegenprestaties and klanten decide), and row-level security limits everyone to their
 * municipalities.
 */
export const dwangPolicy = definePolicy('dwang', {
  'incidenten-bekijken': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving: 'Incidenten bij een plaatsing onder een opleggend besluit bekijken',
  },
  'incidenten-vastleggen': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving:
      'Een incident vastleggen bij een plaatsing onder een opleggend besluit (niet verschenen, te laat, weigering, gedrag)',
  },
});

export type DwangActie = keyof typeof dwangPolicy.acties;
