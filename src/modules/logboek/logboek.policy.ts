import { definePolicy } from '../auth/index.ts';

/** Who may use the register of processing activities. Reading the log itself is limited by row-level security. */
export const logboekPolicy = definePolicy('logboek', {
  'register-bekijken': {
    rollen: ['functioneel-beheerder', 'privacy-officer'],
    omschrijving: 'Het register van verwerkingsactiviteiten bekijken',
  },
  'logboek-inzien': {
    rollen: ['privacy-officer'],
    omschrijving:
      'Het logboek doorzoeken: wie de gegevens van een betrokkene las of wijzigde, wanneer en waarvoor (eigen gemeenten)',
  },
  'register-beheren': {
    rollen: ['functioneel-beheerder'],
    omschrijving: 'Verwerkingsactiviteiten toevoegen en wijzigen',
  },
});
