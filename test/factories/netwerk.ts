import { randomBytes } from 'node:crypto';
import { withContext } from '../../src/db/context.ts';
import type { Database } from '../../src/db/database.ts';
import type { ActiviteitInput, OrganisatieInput, ToetsInput } from '../../src/modules/netwerk/index.ts';
import { VRAGEN } from '../../src/modules/netwerk/index.ts';

const uniq = () => randomBytes(4).toString('hex');

/** An organisation in memory: the input `createOrganisatie` takes. */
export function maakOrganisatie(
  overrides: Partial<OrganisatieInput> & { gemeenteIds: string[] },
): OrganisatieInput {
  return {
    naam: `Buurthuis De Schakel ${uniq()}`,
    type: 'stichting',
    straat: 'Kerkstraat',
    huisnummer: '12',
    postcode: '5611 AB',
    plaats: 'Aardam',
    contactpersonen: [
      { naam: 'Ineke de Wit', functie: 'Coördinator vrijwilligers', email: 'ineke@schakel.nl' },
    ],
    wederkerigheid: [{ categorie: 'begeleiding', omschrijving: 'Een vaste begeleider op elke werkdag.' }],
    ...overrides,
  };
}

/** An activity in memory: the input `createActiviteit` takes. */
export function maakActiviteit(
  overrides: Partial<ActiviteitInput> & { gemeenteIds: string[]; organisatieId: string | null },
): ActiviteitInput {
  return {
    titel: `Gastvrouw of gastheer in het buurthuis ${uniq()}`,
    omschrijving: 'U ontvangt bezoekers, schenkt koffie en thee en maakt een praatje.',
    taken: 'Koffie en thee zetten\nBezoekers ontvangen',
    categorie: 'buurt-en-wijk',
    vaardigheden: ['Gastvrijheid'],
    fysiekeBelasting: 'laag',
    urenMin: 4,
    urenMax: 8,
    dagdelen: ['ma-ochtend', 'wo-ochtend'],
    plaatsen: 2,
    ...overrides,
  };
}

/** A complete checklist with "safe" answers (advice: geen-risico), overridable per question. */
export function maakToets(
  overrides: {
    antwoorden?: Partial<Record<string, 'ja' | 'nee' | 'weet-niet' | 'niet-van-toepassing'>>;
    conclusie?: 'geen-risico' | 'twijfel' | 'verdringing';
    motivering?: string;
    commercieel?: boolean;
  } = {},
): ToetsInput {
  return {
    antwoorden: VRAGEN.map((v) => ({
      vraag: v.id,
      antwoord:
        overrides.antwoorden?.[v.id] ??
        (v.alleenCommercieel
          ? overrides.commercieel
            ? 'nee'
            : 'niet-van-toepassing'
          : v.risicoBij === 'ja'
            ? 'nee'
            : 'ja'),
      toelichting: 'Besproken met de coördinator op 3 maart.',
    })),
    conclusie: overrides.conclusie ?? 'geen-risico',
    motivering: overrides.motivering ?? 'Het werk komt bovenop het werk van de vaste krachten.',
  };
}

/** Inserts an organisation row directly (system context), serving the given municipalities. */
export async function insertOrganisatie(
  db: Database,
  opts: { dienstId: string; gemeenten: string[]; naam?: string; type?: string; kvkNummer?: string | null },
): Promise<{ id: string; naam: string }> {
  const naam = opts.naam ?? `Organisatie ${uniq()}`;
  return withContext(db, { kind: 'systeem', reden: 'test:factory', dienstId: opts.dienstId }, async (tx) => {
    const { id } = await tx
      .insertInto('organisatie')
      .values({
        dienstId: opts.dienstId,
        naam,
        type: opts.type ?? 'stichting',
        kvkNummer: opts.kvkNummer ?? null,
        straat: null,
        huisnummer: null,
        postcode: null,
        plaats: null,
        wijkId: null,
        gemeenten: opts.gemeenten,
        website: null,
        notities: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id, naam };
  });
}

/** Inserts an activity row directly (system context) at an organisation. */
export async function insertActiviteit(
  db: Database,
  opts: { dienstId: string; organisatieId: string; gemeenten: string[]; titel?: string; plaatsen?: number },
): Promise<{ id: string; titel: string }> {
  const titel = opts.titel ?? `Activiteit ${uniq()}`;
  return withContext(db, { kind: 'systeem', reden: 'test:factory', dienstId: opts.dienstId }, async (tx) => {
    const { id } = await tx
      .insertInto('activiteit')
      .values({
        dienstId: opts.dienstId,
        organisatieId: opts.organisatieId,
        titel,
        omschrijving: 'Helpen in de moestuin van de buurt.',
        taken: null,
        categorie: 'natuur-en-dieren',
        fysiekeBelasting: 'midden',
        belastingToelichting: null,
        taalniveauMin: null,
        urenMin: 4,
        urenMax: 8,
        locatie: null,
        postcode: null,
        wijkId: null,
        gemeenten: opts.gemeenten,
        plaatsen: opts.plaatsen ?? 2,
        mentor: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id, titel };
  });
}
