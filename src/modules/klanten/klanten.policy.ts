import { definePolicy } from '../auth/index.ts';

/**
 * Who may do what with client files. Next to these role rights: a klantmanager sees their own caseload and their
 * teams' clients, a teamleider the clients of their teams and municipalities (checked in the service), and row-level
 * security limits everyone to their municipalities; functional limitations and exemptions are readable only in a
 * klantmanager or teamleider context (database policy).
 */
export const klantenPolicy = definePolicy('klanten', {
  'klanten-bekijken': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving:
      'Klanten zoeken en een klantdossier openen (eigen caseload en team; teamleider: eigen gemeenten)',
  },
  'klanten-aanmaken': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving: 'Een klant inschrijven',
  },
  'klanten-wijzigen': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving: 'Het profiel, werk, re-integratie en belastbaarheid van een klant wijzigen',
  },
  'klantmanager-toewijzen': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving: 'Een klant aan een andere klantmanager toewijzen (klantmanager: binnen het eigen team)',
  },
  'ontheffingen-beheren': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving: 'Ontheffingen van een klant vastleggen en beëindigen',
  },
  'bsn-tonen': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving: 'Het volledige BSN van een klant tonen (wordt gelogd)',
  },
  'klant-identificeren': {
    rollen: ['privacy-officer'],
    omschrijving: 'Een klant op klantnummer of BSN vinden voor het logboek, zonder het dossier te openen',
  },
  'dossier-sluiten': {
    rollen: ['klantmanager', 'teamleider'],
    omschrijving:
      'Het dossier van een klant sluiten (uitkering beëindigd) of weer openen; de bewaartermijn telt vanaf het sluiten',
  },
  'inzage-verzamelen': {
    rollen: ['privacy-officer'],
    omschrijving:
      'Alle gegevens van één klant verzamelen voor een inzageverzoek (AVG art. 15), zonder het dossier te openen (wordt gelogd)',
  },
  'dossiers-vernietigen': {
    rollen: ['functioneel-beheerder'],
    omschrijving:
      'Gesloten dossiers waarvan de bewaartermijn verstreken is vernietigen (na goedkeuren van de vernietigingslijst)',
  },
  'klanten-importeren': {
    rollen: ['functioneel-beheerder'],
    omschrijving: 'Klanten uit het kernsysteem importeren (ziet alleen klantnummers, regelnummers en fouten)',
  },
  'catalogi-lezen': {
    rollen: ['klantmanager', 'teamleider', 'functioneel-beheerder'],
    omschrijving: 'Vaardigheden, interesses, lokale ontheffingsgronden en gemeente-instellingen bekijken',
  },
  'catalogi-beheren': {
    rollen: ['functioneel-beheerder'],
    omschrijving:
      'Vaardigheden, interesses, lokale ontheffingsgronden en de urengrens voor regulier werk beheren',
  },
});

export type KlantenActie = keyof typeof klantenPolicy.acties;
