import { definePolicy } from '../../auth/index.ts';

/**
 * Who may run a cohort assignment: the teamleider only. A cohort spans many caseloads (all clients of a
 * municipality or a wijk) and hands out scarce places between them, which is the team lead's call; the
 * klantmanager works with one client's ranked suggestions instead. Row-level security limits the team lead to
 * their own municipalities.
 */
export const cohortPolicy = definePolicy('matching-cohort', {
  'cohort-berekenen': {
    rollen: ['teamleider'],
    omschrijving:
      'Een cohorttoewijzing berekenen: veel klanten tegelijk optimaal over beperkte plaatsen verdelen (voorstel)',
  },
  'cohort-bekijken': {
    rollen: ['teamleider'],
    omschrijving: 'Cohorttoewijzingen en hun voorstel per klant bekijken, met de redenen',
  },
  'cohort-besluiten': {
    rollen: ['teamleider'],
    omschrijving: 'Voorgestelde paren accepteren (opent per klant een verkenning) of afwijzen',
  },
});
