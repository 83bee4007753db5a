import type { CreateVerwerkingsactiviteitInput } from './logboek.schemas.ts';

/** Ids of the standard register that the code itself refers to when it records processing. */
export const VA = {
  toegangEnBeveiliging: 'va-toegang-en-beveiliging',
  beheerOrganisatie: 'va-beheer-organisatie',
  klantdossierTegenprestatie: 'va-klantdossier-tegenprestatie',
  matching: 'va-matching',
  netwerk: 'va-netwerk',
  rapportage: 'va-rapportage',
  privacyverzoeken: 'va-privacyverzoeken',
  bewaartermijnen: 'va-bewaartermijnen',
} as const;

/**
 * The initial register of processing activities of a social service. A starting point: the functioneel
 * beheerder and the privacy officer (with the FG) check and complete it; the texts stay editable, the ids stay.
 */
export const STANDAARD_REGISTER: readonly CreateVerwerkingsactiviteitInput[] = [
  {
    id: VA.toegangEnBeveiliging,
    naam: 'Toegang en beveiliging',
    doel:
      'Medewerkers laten inloggen, accounts, sessies en API-tokens beheren, en de toegang tot gegevens beveiligen en ' +
      'controleren, waaronder het bijhouden van dit logboek.',
    grondslag:
      'AVG art. 6 lid 1 sub c in samenhang met art. 32 (passende beveiliging) en art. 5 lid 2 (verantwoordingsplicht).',
  },
  {
    id: VA.beheerOrganisatie,
    naam: 'Beheer van de organisatie',
    doel:
      'Gemeenten, wijken, teams, medewerkers en hun rollen bijhouden, en het register van verwerkingsactiviteiten ' +
      'bijhouden.',
    grondslag:
      'AVG art. 6 lid 1 sub e (taak van algemeen belang) en art. 30 (register van verwerkingsactiviteiten).',
  },
  {
    id: VA.klantdossierTegenprestatie,
    naam: 'Klantdossier tegenprestatie',
    doel:
      'Het dossier van een klant bijhouden om een tegenprestatie of maatschappelijke participatie naar vermogen op ' +
      'te dragen, te begeleiden en te evalueren, met aandacht voor ontheffingen.',
    grondslag:
      'AVG art. 6 lid 1 sub e; Participatiewet art. 9 lid 1 onder c, art. 7 lid 1 onder c en art. 8a lid 1 onder b ' +
      'met de verordening tegenprestatie van de gemeente. Gegevens over functionele beperkingen alleen met een ' +
      'uitzonderingsgrond uit de UAVG, vast te stellen met de functionaris gegevensbescherming.',
  },
  {
    id: VA.matching,
    naam: 'Matching met activiteiten',
    doel:
      'Een klant in contact brengen met een passende activiteit bij een maatschappelijke organisatie, en die ' +
      'organisatie alleen de gegevens geven die zij nodig heeft.',
    grondslag:
      'AVG art. 6 lid 1 sub e; Participatiewet art. 9 lid 1 onder c en art. 8a lid 1 onder b (verordening ' +
      'tegenprestatie).',
  },
  {
    id: VA.netwerk,
    naam: 'Netwerk van organisaties en activiteiten',
    doel:
      'Een netwerk bijhouden van organisaties die activiteiten aanbieden voor de tegenprestatie, met hun ' +
      'contactpersonen, wat zij teruggeven (wederkerigheid), de activiteiten en hun plaatsen, en per activiteit de ' +
      'toets op verdringing van betaald werk met de intervisie bij twijfel.',
    grondslag:
      'AVG art. 6 lid 1 sub e; Participatiewet art. 9 lid 1 onder c (tegenprestatie naast of in aanvulling op ' +
      'reguliere arbeid, zonder verdringing) met de verordening tegenprestatie van de gemeente.',
  },
  {
    id: VA.rapportage,
    naam: 'Rapportage en statistiek',
    doel:
      'Overzichten maken voor beleid en verantwoording, en de maandelijkse levering aan het CBS ' +
      '(Bijstandsuitkeringenstatistiek), zo veel mogelijk zonder herleidbare persoonsgegevens.',
    grondslag: 'AVG art. 6 lid 1 sub c en sub e; Wet op het Centraal bureau voor de statistiek, art. 33.',
  },
  {
    id: VA.privacyverzoeken,
    naam: 'Privacyverzoeken',
    doel:
      'Verzoeken van betrokkenen afhandelen: inzage (AVG art. 15), ook in dit logboek, rectificatie, beperking en ' +
      'verwijdering.',
    grondslag: 'AVG art. 6 lid 1 sub c in samenhang met art. 12 tot en met 22.',
  },
  {
    id: VA.bewaartermijnen,
    naam: 'Bewaren en vernietigen',
    doel:
      'Gegevens bewaren zolang dat nodig is en ze daarna vernietigen volgens de bewaartermijnen, waaronder het ' +
      'verwijderen van verlopen delen van dit logboek.',
    grondslag:
      'AVG art. 5 lid 1 sub e en art. 6 lid 1 sub c; Archiefwet 1995 art. 3 en 5 met de Selectielijst gemeenten ' +
      'en intergemeentelijke organen 2020.',
  },
];
