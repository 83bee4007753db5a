import { definePolicy } from '../auth/index.ts';

/**
 * Who may do what with conversations and own proposals. Next to these role rights: a klantmanager works on their
 * own caseload and their teams' clients, a teamleider reads the clients of their municipalities (the client file's
 * access, checked through the klanten service), and row-level security limits everyone to their municipalities.
 */
export const gesprekkenPolicy = definePolicy('gesprekken', {
  'gesprekken-bekijken': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving: 'De gesprekken met een klant en zijn eigen voorstellen lezen (eigen caseload en team)',
  },
  'gesprekken-vastleggen': {
    rollen: ['klantmanager'],
    omschrijving: 'Een gesprek met een klant vastleggen en wijzigen (eigen caseload en team)',
  },
  'eigen-voorstel-beoordelen': {
    rollen: ['klantmanager'],
    omschrijving:
      'Een eigen voorstel van een klant vastleggen met het oordeel over maatschappelijk nut; bij nut wordt het een maatwerkactiviteit',
  },
  'wensen-voor-matching': {
    rollen: ['klantmanager', 'teamleider', 'netwerkmakelaar'],
    omschrijving:
      'De wensen en kracht uit het laatste gesprek laten meewegen bij het zoeken van passende activiteiten (de tekst wordt niet getoond)',
  },
});

export type GesprekkenActie = keyof typeof gesprekkenPolicy.acties;
