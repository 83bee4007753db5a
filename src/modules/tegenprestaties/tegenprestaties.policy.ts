import { definePolicy } from '../auth/index.ts';

/**
 * Who may do what with tegenprestaties. Next to these role rights, a design is visible exactly when its client's
 * file is (klanten: own caseload and team for a klantmanager, own municipalities for a teamleider), and row-level
 * security limits everyone to their municipalities.
 */
export const tegenprestatiesPolicy = definePolicy('tegenprestaties', {
  'tegenprestaties-bekijken': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving: 'Tegenprestaties (ontwerpen) van klanten bekijken, met de checklist van de richtlijn',
  },
  'tegenprestaties-ontwerpen': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving:
      'Een tegenprestatie verkennen en ontwerpen, naar toetsing zetten, terugzetten, advies vragen, een voornemen tot opleggen en de zienswijze van de klant vastleggen',
  },
  'oplegging-beoordelen': {
    rollen: ['teamleider'],
    omschrijving:
      'Een voornemen tot opleggen goedkeuren of terugsturen (tweede persoon: niet wie het voornemen of de zienswijze vastlegde)',
  },
  'advies-geven': {
    rollen: ['teamleider'],
    omschrijving: 'Advies geven over een tegenprestatie waarvan de klant niet overtuigd is',
  },
});

export type TegenprestatiesActie = keyof typeof tegenprestatiesPolicy.acties;
