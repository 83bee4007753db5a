import { definePolicy } from '../auth/index.ts';

/** Everyone signed in has an inbox; row-level security shows each user only their own signals. */
export const signalenPolicy = definePolicy('signalen', {
  'signalen-bekijken': {
    rollen: ['klantmanager', 'teamleider', 'netwerkmakelaar', 'functioneel-beheerder', 'privacy-officer'],
    omschrijving: 'De eigen signalen zien (inbox) en als gelezen of afgehandeld markeren',
  },
});
