import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Gebruiker } from '../../src/modules/auth/index.ts';
import { type KlantenService, plusDagen, vandaag } from '../../src/modules/klanten/index.ts';
import type { TegenprestatiesService } from '../../src/modules/tegenprestaties/index.ts';
import { maakKlant } from './klanten.ts';

/**
 * Shared set-up of the measure tests (issue 15: `maatregel.int`, `nazorg.int`): a JSON API caller with a bearer
 * token, a running placement (where imposed, under a decision sent 25 days ago) and the inputs of the measure path.
 * Dates count from the app's today in the Netherlands.
 */
export const VANDAAG = vandaag();
export const d = (n: number) => plusDagen(VANDAAG, n);

export type Api = (
  token: string,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
) => Promise<LightMyRequestResponse>;

export function maakApi(app: () => FastifyInstance): Api {
  return (token, method, url, payload) =>
    app().inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${token}`,
        ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });
}

/** A placement started 20 days ago; where imposed, under a decision sent 25 days ago. */
export async function lopendePlaatsing(
  deps: { klanten: () => KlantenService; tp: () => TegenprestatiesService; api: Api },
  actor: Gebruiker,
  token: string,
  gemeenteId: string,
  activiteitId: string,
  opgelegd: boolean,
): Promise<{ id: string; klant: string }> {
  const { api } = deps;
  const tp = deps.tp();
  const klant = (
    await deps.klanten().createKlant(actor, maakKlant({ gemeenteId, belastbaarheid: { maxUrenPerWeek: 60 } }))
  ).id;
  const { id } = await tp.startVerkenning(actor, { klantId: klant });
  await tp.updateTegenprestatie(actor, id, {
    activiteitId,
    urenPerWeek: 6,
    dagdelen: ['ma-ochtend'],
    startdatum: d(-20),
    einddatum: d(130),
    evaluatiedata: [d(30)],
    vervolg: 're-integratie',
    maatwerk: {
      leeftijd: '41 jaar.',
      opleiding: 'Mbo 2.',
      werkervaring: 'Magazijn.',
      omstandigheden: 'Geen.',
    },
    wederkerigheid: { categorie: 'begeleiding', omschrijving: 'Ineke begeleidt.' },
    overtuigd: {
      klantmanager: { oordeel: 'ja', motivering: 'Past.' },
      klant: { oordeel: 'ja', motivering: 'Ik wil graag.' },
      organisatie: { oordeel: 'ja', motivering: 'Welkom.' },
    },
    afwijkingen: { gesprek: 'Het gesprek is telefonisch gevoerd.' },
  });
  await tp.wijzigStatus(actor, id, { naar: 'ontwerp' });
  await tp.wijzigStatus(actor, id, { naar: 'toetsing' });
  const basis = `/api/v1/tegenprestaties/${id}`;
  expect((await api(token, 'POST', `${basis}/toetsingen`)).statusCode).toBe(201);
  if (opgelegd)
    expect(
      (
        await api(token, 'POST', `${basis}/besluit`, {
          datum: d(-25),
          verzenddatum: d(-25),
          ondertekenaar: 'A. Jansen',
        })
      ).statusCode,
    ).toBe(201);
  expect(
    (
      await api(token, 'POST', `${basis}/overeenkomst`, {
        overeenkomstDatum: d(-25),
        klantGetekendOp: d(-24),
        organisatieGetekendOp: d(-24),
      })
    ).statusCode,
  ).toBe(201);
  expect((await api(token, 'POST', `${basis}/levensloop`, { stap: 'starten' })).statusCode).toBe(200);
  return { id, klant };
}

export const voornemen = (extra: Record<string, unknown> = {}) => ({
  gedragDatum: d(-2),
  omschrijving: 'Niet verschenen op de afgesproken ochtend, niet afgemeld.',
  ...extra,
});
export const verwijtbaar = {
  verwijtbaar: true,
  verwijtbaarheidMotivering: 'De klant wist van de afspraak en gaf geen reden.',
  dringendeRedenen: false,
  dringendeRedenenMotivering: 'Geen dringende redenen gebleken.',
};
export const zienswijze = {
  vorm: 'gesprek',
  datum: VANDAAG,
  inhoud: 'De klant zegt dat hij het vergeten was.',
  antwoord: 'Vergeten is geen reden die de verwijtbaarheid wegneemt.',
};
export const voorstel = (extra: Record<string, unknown> = {}) => ({
  percentage: 30,
  maanden: 1,
  ingangsdatum: d(25),
  motivering: 'Zoals in het voornemen.',
  ...extra,
});
