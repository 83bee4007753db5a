import { definePolicy } from '../auth/index.ts';

/**
 * Who sees which work list on the start page. Next to these role rights, row-level security limits everyone to
 * their municipalities; a klantmanager's list holds only their own clients.
 */
export const homePolicy = definePolicy('home', {
  'werklijst-bekijken': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving:
      'De werklijst op de startpagina: eigen klanten (klantmanager) of alle klanten per team en gemeente (teamleider), met de fase van elk',
  },
  'netwerkwerk-bekijken': {
    rollen: ['netwerkmakelaar'],
    omschrijving:
      'Op de startpagina: activiteiten zonder geldige verdringingstoets, vrije plaatsen en wachtende intervisie',
  },
});
