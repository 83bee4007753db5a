import { definePolicy } from '../auth/index.ts';

/**
 * Who may administer the organisation model. Besides the role, a functioneel beheerder only manages what lies
 * within their own municipalities (checked in the service and enforced by row-level security).
 */
export const beheerPolicy = definePolicy('beheer', {
  'gemeenten-beheren': {
    rollen: ['functioneel-beheerder'],
    omschrijving: 'Gemeenten bekijken, aanmaken en wijzigen (naam, code); wijken inzien',
  },
  'teams-beheren': {
    rollen: ['functioneel-beheerder'],
    omschrijving: 'Teams bekijken, aanmaken, hernoemen en de gemeenten van een team kiezen',
  },
  'gebruikers-beheren': {
    rollen: ['functioneel-beheerder'],
    omschrijving:
      'Gebruikers bekijken, aanmaken (met uitnodiging), wijzigen, uitzetten en weer aanzetten; teams en gemeenten toewijzen',
  },
});
