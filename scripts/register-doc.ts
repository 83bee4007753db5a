import { join, resolve } from 'node:path';
import { STANDAARD_REGISTER } from '../src/modules/logboek/index.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const REGISTER_DOC = join(ROOT, 'docs', 'privacy', 'register.md');

/**
 * What AVG art. 30 lid 1 asks besides purpose and legal basis, per activity of the standard register: who the
 * data is about, which data, who receives it, and how long it is kept. Kept here, next to the generator, so the
 * document cannot silently miss an activity: an activity in the seed without an entry here is printed as "aan te
 * vullen".
 */
const AANVULLING: Record<
  string,
  { betrokkenen: string; gegevens: string; ontvangers: string; bewaren: string; herkomst?: string }
> = {
  'va-toegang-en-beveiliging': {
    betrokkenen: 'Medewerkers van de sociale dienst (gebruikers van Wederkerig).',
    gegevens:
      'Naam, e-mailadres, rol, teams en gemeenten; wachtwoord als Argon2id-hash; TOTP-geheim versleuteld ' +
      '(AES-256-GCM); herstelcodes, sessies, API-tokens, uitnodigings- en herstellinks als SHA-256-hash; ' +
      'omschrijving van de browser (zonder versienummers of IP-adres); mislukte inlogpogingen als gehashte sleutel; ' +
      'het logboek zelf (pseudonieme id’s, geen namen).',
    ontvangers:
      'Alleen de eigen medewerker (eigen sessies en tokens), de functioneel beheerder (accounts) en de privacy ' +
      'officer (logboek). Bij SSO: de identity provider van de organisatie (alleen het inloggen zelf).',
    bewaren:
      'Sessies tot 30 minuten zonder activiteit of 12 uur; inlogpogingen 15 minuten; uitnodigingen 7 dagen en ' +
      'herstellinks 1 uur (daarna onbruikbaar); het logboek volgens de eigen bewaartermijn van het logboek, in te ' +
      'stellen door de functioneel beheerder.',
  },
  'va-beheer-organisatie': {
    betrokkenen: 'Medewerkers van de sociale dienst.',
    gegevens: 'Naam, e-mailadres, rol, teams, gemeenten, actief of niet; gemeenten, wijken en teams.',
    ontvangers: 'De functioneel beheerder van dezelfde gemeenten.',
    bewaren:
      'Zolang het account bestaat; een account wordt uitgezet, niet verwijderd, zodat het logboek klopt.',
  },
  'va-klantdossier-tegenprestatie': {
    betrokkenen: 'Inwoners met een uitkering op grond van de Participatiewet (klanten).',
    gegevens:
      'Klantnummer, naam, adres en wijk, geboortedatum, BSN (versleuteld, gemaskeerd getoond), uitkering, werk en ' +
      're-integratie, vaardigheden en interesses, taalniveau, ontheffingen en hun reden, functionele beperkingen ' +
      '(bijzonder persoonsgegeven: gezondheid; alleen functioneel, nooit medisch).',
    ontvangers:
      'De klantmanager van de klant en diens team, de teamleider; gegevens over beperkingen en ontheffingen alleen ' +
      'voor de rollen die ze nodig hebben (afgedwongen in de database). Nooit de maatschappelijke organisaties.',
    bewaren:
      'Per gemeente in te stellen bewaartermijn vanaf het sluiten van het dossier (Archiefwet, Selectielijst ' +
      'gemeenten 2020); tot die is ingesteld wordt niets vernietigd. Vernietiging via een goedgekeurde lijst.',
    herkomst: 'Het kernsysteem van de sociale dienst (import) en de klantmanager.',
  },
  'va-matching': {
    betrokkenen: 'Klanten en contactpersonen van maatschappelijke organisaties.',
    gegevens:
      'Nog niet in Wederkerig gebouwd. Uitgangspunt: de organisatie krijgt alleen wat nodig is om een activiteit af ' +
      'te spreken (naam, beschikbaarheid, wat de klant wil en kan); nooit BSN, uitkering of gezondheidsgegevens.',
    ontvangers: 'De klantmanager en de maatschappelijke organisatie van de gekozen activiteit.',
    bewaren: 'Als het klantdossier.',
  },
  'va-netwerk': {
    betrokkenen: 'Contactpersonen van maatschappelijke organisaties.',
    gegevens:
      'Naam, functie, e-mailadres en telefoonnummer van contactpersonen; gegevens van de organisatie.',
    ontvangers: 'Netwerkmakelaars, klantmanagers en teamleiders van dezelfde gemeenten.',
    bewaren: 'Zolang de samenwerking loopt; daarna verwijderen of bijwerken door de netwerkmakelaar.',
  },
  'va-rapportage': {
    betrokkenen: 'Klanten (geaggregeerd).',
    gegevens:
      'Nog niet in Wederkerig gebouwd. Uitgangspunt: aantallen en kenmerken op groepsniveau; de CBS-levering ' +
      'volgens de voorschriften van het CBS.',
    ontvangers: 'Beleid en bestuur van de gemeente; het CBS.',
    bewaren: 'Rapportages zonder herleidbare persoonsgegevens; geen aparte bewaring van persoonsgegevens.',
  },
  'va-privacyverzoeken': {
    betrokkenen: 'Klanten die een verzoek doen (inzage, rectificatie, beperking, verwijdering).',
    gegevens:
      'De gegevens waar het verzoek over gaat; bij inzage ook de logboekregels als datum en verwerking, zonder ' +
      'namen van medewerkers (HvJ EU C-579/21).',
    ontvangers: 'De privacy officer; de betrokkene zelf.',
    bewaren: 'Als het klantdossier; het maken van de export staat in het logboek.',
  },
  'va-bewaartermijnen': {
    betrokkenen: 'Klanten van wie het dossier is gesloten.',
    gegevens:
      'Klantnummer en data (vernietigingslijst); daarna niets meer, behalve pseudonieme logboekverwijzingen.',
    ontvangers: 'De functioneel beheerder (goedkeuren van de vernietigingslijst).',
    bewaren: 'De vernietigingslijst als verantwoording; de vernietigde gegevens niet.',
  },
};

const cel = (t: string) => t.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** docs/privacy/register.md, generated from the seed of the register (`STANDAARD_REGISTER`). */
export function renderRegisterDoc(): string {
  const regels: string[] = [
    '# Register van verwerkingsactiviteiten',
    '',
    'Gegenereerd uit het standaardregister in `src/modules/logboek/standaard-register.ts` met',
    '`npm run docs:register`. Niet met de hand bewerken: een test faalt als dit document niet meer klopt met het',
    'register in de code.',
    '',
    'Dit is het **startpunt** dat elke sociale dienst bij de inrichting krijgt (AVG art. 30). De functioneel',
    'beheerder en de privacy officer vullen het aan met de functionaris gegevensbescherming (FG) en houden het bij in',
    'Wederkerig (**Beheer → Verwerkingsactiviteiten**). Elke regel in het logboek wijst naar een van deze',
    'activiteiten (`verwerkingsactiviteit_id`). De risico’s en maatregelen staan in de DPIA: [`dpia.md`](dpia.md).',
    '',
    '**Verwerkingsverantwoordelijke:** het college van burgemeester en wethouders van elke gemeente waarvoor de',
    'sociale dienst werkt (bij een gemeenschappelijke regeling: het openbaar lichaam). Naam en contactgegevens van de',
    'verantwoordelijke en de FG vult de dienst zelf in.',
    '',
    '## Overzicht',
    '',
    '| id | naam | grondslag |',
    '|---|---|---|',
    ...STANDAARD_REGISTER.map((va) => `| \`${va.id}\` | ${cel(va.naam)} | ${cel(va.grondslag)} |`),
    '',
  ];
  for (const va of STANDAARD_REGISTER) {
    const a = AANVULLING[va.id];
    const aanTeVullen = '_Nog aan te vullen (AVG art. 30 lid 1)._';
    regels.push(
      `## ${va.naam} (\`${va.id}\`)`,
      '',
      `- **Doel:** ${va.doel}`,
      `- **Grondslag:** ${va.grondslag}`,
      `- **Betrokkenen:** ${a?.betrokkenen ?? aanTeVullen}`,
      `- **Persoonsgegevens:** ${a?.gegevens ?? aanTeVullen}`,
      `- **Ontvangers:** ${a?.ontvangers ?? aanTeVullen}`,
      `- **Bewaartermijn:** ${a?.bewaren ?? aanTeVullen}`,
      ...(a?.herkomst ? [`- **Herkomst:** ${a.herkomst}`] : []),
      '- **Doorgifte buiten de EER:** geen (Wederkerig draait bij de gemeente of haar verwerker in de EER).',
      '- **Beveiliging:** zie de maatregelen in [`dpia.md`](dpia.md).',
      '',
    );
  }
  return regels.join('\n');
}
