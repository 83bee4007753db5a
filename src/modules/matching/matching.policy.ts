import { definePolicy } from '../auth/index.ts';

/**
 * Who may use the matching. Next to these role rights, row-level security limits everyone to their own
 * municipalities, and a klantmanager sees only the clients of their own caseload and team (as in the client file).
 */
export const matchingPolicy = definePolicy('matching', {
  'passende-activiteiten-bekijken': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving: 'Passende activiteiten voor een klant bekijken, met score en redenen (ook beperkingen)',
  },
  'kandidaten-bekijken': {
    rollen: ['netwerkmakelaar', 'klantmanager', 'teamleider'],
    omschrijving:
      'Kandidaten voor een activiteit bekijken (de netwerkmakelaar ziet "past qua belastbaarheid", nooit beperkingen)',
  },
  'kandidaten-voor-cohort': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving:
      'Kandidaatparen voor een cohort berekenen (beste activiteiten per klant na de harde filters)',
  },
  'gewichten-beheren': {
    rollen: ['functioneel-beheerder'],
    omschrijving:
      'De gewichten van de matching per gemeente instellen, met een voorbeeld op gepseudonimiseerde klanten',
  },
});
