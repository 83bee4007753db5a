import { definePolicy } from '../auth/index.ts';

/**
 * Who may do what with the network. Next to these role rights, row-level security limits everyone to the
 * organisations and activities that serve at least one of their municipalities.
 */
export const netwerkPolicy = definePolicy('netwerk', {
  'netwerk-bekijken': {
    rollen: ['netwerkmakelaar', 'klantmanager', 'teamleider'],
    omschrijving:
      'Organisaties, activiteiten, verdringingstoetsen en intervisies bekijken en zoeken (eigen gemeenten)',
  },
  'organisaties-beheren': {
    rollen: ['netwerkmakelaar'],
    omschrijving: 'Organisaties aanmaken en wijzigen: contactpersonen, wederkerigheid, status',
  },
  'organisatie-voorstellen': {
    rollen: ['klantmanager', 'netwerkmakelaar'],
    omschrijving:
      'Een nieuwe organisatie voorstellen (status voorgesteld; de netwerkmakelaar stelt haar vast)',
  },
  'activiteiten-beheren': {
    rollen: ['netwerkmakelaar'],
    omschrijving: 'Activiteiten aanmaken en wijzigen',
  },
  'maatwerkactiviteit-aanmaken': {
    rollen: ['klantmanager', 'netwerkmakelaar'],
    omschrijving: 'Een eenmalige maatwerkactiviteit aanmaken (eigen voorstel van een klant)',
  },
  'verdringing-toetsen': {
    rollen: ['netwerkmakelaar'],
    omschrijving:
      'De verdringingstoets van een activiteit doen (bij twijfel gaat een intervisieverzoek naar de teamleider)',
  },
  'intervisie-besluiten': {
    rollen: ['teamleider'],
    omschrijving: 'Over een intervisieverzoek besluiten: deelnemers, besluit, voorwaarden en motivering',
  },
  'plaatsingstwijfel-melden': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving:
      'Twijfel over één plaatsing (een overeengekomen of lopende tegenprestatie) melden; die gaat naar intervisie',
  },
  'plaatsingstwijfel-bekijken': {
    rollen: ['teamleider'],
    omschrijving:
      'Intervisieverzoeken over een plaatsing zien (ze gaan over een klant); de klantmanager ziet die van zijn plaatsing bij de plaatsing',
  },
  'plaatsen-beheren': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving: 'Een plaats bij een activiteit vasthouden en weer vrijgeven (voor een tegenprestatie)',
  },
  'netwerk-importeren': {
    rollen: ['netwerkmakelaar'],
    omschrijving: 'Organisaties en activiteiten importeren uit een CSV-bestand',
  },
});

export type NetwerkActie = keyof typeof netwerkPolicy.acties;
