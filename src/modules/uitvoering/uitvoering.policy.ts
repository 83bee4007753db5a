import { definePolicy } from '../auth/index.ts';

/**
 * Who may do what with a running tegenprestatie. Next to these role rights, a placement is visible exactly when
 * its design is (tegenprestaties: its client's file), and row-level security limits everyone to their
 * municipalities.
 */
export const uitvoeringPolicy = definePolicy('uitvoering', {
  'uitvoering-bekijken': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving: 'Uren en evaluaties van een lopende tegenprestatie bekijken',
  },
  'uitvoering-vastleggen': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving: 'Uren en afwezigheid registreren, evalueren en de tegenprestatie afronden of beëindigen',
  },
  'cbs-exporteren': {
    rollen: ['teamleider', 'functioneel-beheerder'],
    omschrijving: 'De maandelijkse CBS-indicator "uitvoering tegenprestatie" per gemeente downloaden',
  },
});
