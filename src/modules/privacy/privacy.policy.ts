import { definePolicy } from '../auth/index.ts';

/**
 * Who may use the privacy functions. The privacy officer searches the access log and produces the article 15
 * export, but may not open client files (row-level security keeps that role out of client tables); the
 * functioneel beheerder sets retention periods and approves destruction lists.
 */
export const privacyPolicy = definePolicy('privacy', {
  'verwerkingen-inzien': {
    rollen: ['privacy-officer'],
    omschrijving:
      'Een klant op klantnummer of BSN vinden (zonder het dossier te openen) en zien wie zijn gegevens las of wijzigde, wanneer en waarvoor; als CSV exporteren',
  },
  'inzage-maken': {
    rollen: ['privacy-officer'],
    omschrijving:
      'Het inzageoverzicht (AVG art. 15) van één klant maken, als JSON en PDF, met het logboek zonder namen van medewerkers',
  },
  'bewaartermijnen-beheren': {
    rollen: ['functioneel-beheerder'],
    omschrijving: 'De bewaartermijn van gesloten klantdossiers per gemeente instellen',
  },
  'vernietigingslijsten-beheren': {
    rollen: ['functioneel-beheerder'],
    omschrijving:
      'Vernietigingslijsten laten opstellen, bekijken en goedkeuren (goedkeuren vernietigt de dossiers)',
  },
});
