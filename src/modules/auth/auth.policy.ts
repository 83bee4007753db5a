import { ROLLEN } from '../../db/context.ts';
import { definePolicy } from './policy.ts';

/** Who may do what with accounts. Everyone manages their own sessions, tokens and two-step verification. */
export const authPolicy = definePolicy('auth', {
  'eigen-account-beheren': {
    rollen: ROLLEN,
    omschrijving: 'Eigen sessies, API-tokens en tweestapsverificatie beheren',
  },
  'uitnodiging-maken': {
    rollen: ['functioneel-beheerder'],
    omschrijving: 'Een uitnodiging (link om een wachtwoord te kiezen) maken voor een gebruiker',
  },
  'tweestapsverificatie-resetten': {
    rollen: ['functioneel-beheerder'],
    omschrijving: 'De tweestapsverificatie van een gebruiker uitzetten (bij een verloren telefoon)',
  },
  'api-token-voor-ander-maken': {
    rollen: [],
    omschrijving: 'Een API-token voor een andere gebruiker maken (alleen de opdrachtregel, als systeem)',
  },
});
