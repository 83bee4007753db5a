import { definePolicy } from '../auth/index.ts';

/**
 * Who may do what with the ordinance engine. Next to these role rights, row-level security limits everyone to the
 * versions of their own municipalities.
 */
export const verordeningPolicy = definePolicy('verordening', {
  'verordeningen-lezen': {
    rollen: ['klantmanager', 'teamleider', 'functioneel-beheerder'],
    omschrijving:
      'De versies van de verordening tegenprestatie bekijken, met de naam en de rechtsgrond op een datum (eigen gemeenten)',
  },
  'overgang-bekijken': {
    rollen: ['teamleider'],
    omschrijving:
      'De overgangslijst bekijken: tegenprestaties die nog lopen op 1 januari 2027 of op de ingangsdatum van een nieuwe versie (met klantgegevens)',
  },
  'verordeningen-beheren': {
    rollen: ['functioneel-beheerder'],
    omschrijving:
      'Een nieuwe versie van de verordening vastleggen (een versie wijzigt niet meer) en de rechtsgrond per datum invullen',
  },
});

export type VerordeningActie = keyof typeof verordeningPolicy.acties;
