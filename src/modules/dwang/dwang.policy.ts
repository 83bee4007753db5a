import { definePolicy } from '../auth/index.ts';

/**
 * Who may do what in the compulsory frame (issue 15; docs/dwang.md). Next to these rights a placement is visible
 * exactly when its design is (tegenprestaties and klanten decide), and row-level security limits everyone to their
 * municipalities.
 */
export const dwangPolicy = definePolicy('dwang', {
  'maatregelverordening-lezen': {
    rollen: ['klantmanager', 'teamleider', 'functioneel-beheerder'],
    omschrijving: 'De maatregelenverordening van de eigen gemeenten lezen (versies, de versie op een datum)',
  },
  'maatregelverordening-beheren': {
    rollen: ['functioneel-beheerder'],
    omschrijving:
      'Een nieuwe versie van de maatregelenverordening vastleggen (een versie verandert nooit; een wijziging is een nieuwe versie)',
  },
  'incidenten-bekijken': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving: 'Incidenten bij een plaatsing onder een opleggend besluit bekijken',
  },
  'incidenten-vastleggen': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving:
      'Een incident vastleggen bij een plaatsing onder een opleggend besluit (niet verschenen, te laat, weigering, gedrag)',
  },
  'maatregelen-bekijken': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving: 'Voornemens en maatregelen bij een plaatsing onder een opleggend besluit bekijken',
  },
  'maatregel-voorbereiden': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving:
      'Een voornemen tot een maatregel vastleggen, de klant horen, de verwijtbaarheid beoordelen, afzien of een definitief voorstel doen',
  },
  'maatregel-beoordelen': {
    rollen: ['teamleider'],
    omschrijving:
      'Een voorstel tot een maatregel goedkeuren (de maatregel is besloten) of terugsturen; nooit een eigen voorstel. Ook een wijziging van een besloten maatregel (heroverweging, dringende redenen, bezwaar) vaststellen of terugsturen',
  },
  'maatregelen-overzicht': {
    rollen: ['teamleider'],
    omschrijving:
      'De lijst van maatregelen in de eigen gemeenten per stadium: voornemens met verstreken termijn, wacht op akkoord, heroverweging nodig, besloten',
  },
  'maatregel-exporteren': {
    rollen: ['teamleider', 'functioneel-beheerder'],
    omschrijving:
      'De maandelijkse maatregelexport naar het uitkeringssysteem maken en downloaden (klantnummer, nooit het BSN), met correcties sinds de vorige export',
  },
});

export type DwangActie = keyof typeof dwangPolicy.acties;
