import { definePolicy } from '../auth/index.ts';

/**
 * Who may check a design against the ordinance, record the college's decision and the agreement. The same roles as
 * the tegenprestaties module; next to these rights a design is visible exactly when its client's file is (the
 * tegenprestaties and klanten modules decide), and row-level security limits everyone to their municipalities.
 */
export const overeenkomstenPolicy = definePolicy('overeenkomsten', {
  'overeenkomsten-bekijken': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving:
      'De toets aan de verordening, het besluit en de overeenkomst van een tegenprestatie bekijken (ook als pdf)',
  },
  'overeenkomsten-vastleggen': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving:
      'Een ontwerp toetsen aan de verordening, het besluit van het college en de getekende overeenkomst vastleggen',
  },
});

export type OvereenkomstenActie = keyof typeof overeenkomstenPolicy.acties;
