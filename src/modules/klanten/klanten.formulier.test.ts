import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foutenVoorFormulier,
  invoerVanWaarden,
  teTonenRijen,
  veldId,
  waardenVanBody,
  waardenVanDossier,
} from './klanten.formulier.ts';
import type { KlantDossier } from './klanten.schemas.ts';

describe('invoerVanWaarden', () => {
  it('leaves empty fields out of a new client and sends null for emptied fields when changing', () => {
    const w = { achternaam: 'de Vries', geboortedatum: '21-03-1985', voornamen: '', taal: '', bsn: '' };
    const nieuw = invoerVanWaarden(w, 'nieuw').invoer;
    expect(nieuw).toMatchObject({ achternaam: 'de Vries', geboortedatum: '1985-03-21' });
    expect(nieuw).not.toHaveProperty('voornamen');
    expect(nieuw).not.toHaveProperty('bsn');
    expect(nieuw).not.toHaveProperty('belastbaarheid');
    const wijziging = invoerVanWaarden(w, 'wijzigen').invoer;
    expect(wijziging).toMatchObject({ voornamen: null, taal: null, wijkId: null, belastbaarheid: null });
    // An empty BSN field when changing keeps the BSN.
    expect(wijziging).not.toHaveProperty('bsn');
  });

  it('keeps free text exactly as typed', () => {
    const { invoer } = invoerVanWaarden({ achternaam: '  Öz  ', zorgtaken: ' twee\nregels ' }, 'nieuw');
    expect(invoer).toMatchObject({ achternaam: '  Öz  ', zorgtaken: ' twee\nregels ' });
  });

  it('builds repeated groups from the filled rows and remembers which form row each came from', () => {
    const { invoer, rijen } = invoerVanWaarden(
      {
        achternaam: 'A',
        geboortedatum: '1980-01-01',
        'werk.0.urenPerWeek': '',
        'werk.1.urenPerWeek': '12,5',
        'werk.1.dagdelen': ['ma-ochtend', 'di-ochtend'],
        'werkervaring.0.sector': 'Bouw',
        'werkervaring.0.functie': 'Timmerman',
        'werkervaring.0.jaren': '3',
        'reintegratie.2.begindatum': '01-09-2026',
        maxUrenPerWeek: '16',
        beperkingen: 'werktijden',
      },
      'nieuw',
    );
    expect(invoer.werk).toEqual([
      {
        omschrijving: null,
        urenPerWeek: 12.5,
        dagdelen: ['ma-ochtend', 'di-ochtend'],
        begindatum: null,
        einddatum: null,
      },
    ]);
    expect(invoer.werkervaring).toEqual([{ sector: 'Bouw', functie: 'Timmerman', jaren: 3 }]);
    expect(invoer.reintegratie).toEqual([
      { omschrijving: null, begindatum: '2026-09-01', einddatum: null, dagdelen: [] },
    ]);
    expect(invoer.belastbaarheid).toEqual({
      maxUrenPerWeek: 16,
      geenBeperkingenReden: null,
      beperkingen: ['werktijden'],
    });
    expect(rijen).toEqual({ werkervaring: [0], werk: [1], reintegratie: [2] });
    expect(
      foutenVoorFormulier(
        { 'werk.0.urenPerWeek': 'x', 'reintegratie.0.begindatum': 'y', achternaam: 'z' },
        rijen,
      ),
    ).toEqual({
      'werk.1.urenPerWeek': 'x',
      'reintegratie.2.begindatum': 'y',
      achternaam: 'z',
    });
  });

  it('passes what is not a number on as NaN, so the service names the field', () => {
    const { invoer } = invoerVanWaarden(
      { achternaam: 'A', geboortedatum: '1980-01-01', maxReistijdMinuten: 'een uur' },
      'nieuw',
    );
    expect(Number.isNaN(invoer.maxReistijdMinuten)).toBe(true);
  });
});

describe('form values', () => {
  it('keep only strings from the body, and drop the CSRF token', () => {
    expect(waardenVanBody({ _csrf: 't', a: 'x', b: ['y', 3], c: 4 })).toEqual({ a: 'x', b: ['y'] });
    expect(waardenVanBody(null)).toEqual({});
  });

  it('show the filled rows plus one empty row', () => {
    expect(teTonenRijen({}, 'werk')).toEqual([0]);
    expect(teTonenRijen({ 'werk.0.urenPerWeek': '4', 'werk.3.urenPerWeek': '2' }, 'werk')).toEqual([0, 3, 4]);
  });

  it('link an error path to its input', () => {
    expect(veldId('achternaam')).toBe('achternaam');
    expect(veldId('werk.1.urenPerWeek')).toBe('werk-1-urenPerWeek');
    expect(veldId('beschikbaarheid.3')).toBe('beschikbaarheid');
    expect(veldId('belastbaarheid.maxUrenPerWeek')).toBe('belastbaarheid-maxUrenPerWeek');
  });

  it('property: a file turned into form values and back gives the same input', () => {
    const tekst = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '');
    fc.assert(
      fc.property(
        fc.record({
          voornamen: fc.option(tekst, { nil: null }),
          achternaam: tekst,
          werkervaring: fc.array(
            fc.record({ sector: tekst, functie: tekst, jaren: fc.integer({ min: 0, max: 40 }) }),
            {
              maxLength: 3,
            },
          ),
          beschikbaarheid: fc.subarray(['ma-ochtend', 'di-middag', 'zo-avond']),
        }),
        (k) => {
          const dossier = {
            klantnummer: null,
            roepnaam: null,
            voorvoegsel: null,
            geboortedatum: '1980-01-01',
            straat: null,
            huisnummer: null,
            postcode: null,
            woonplaats: null,
            wijk: null,
            wijkHandmatig: false,
            telefoon: null,
            email: null,
            taal: null,
            taalniveau: null,
            opleidingsniveau: null,
            mobiliteit: [],
            maxReistijdMinuten: null,
            zorgtaken: null,
            eigenNetwerk: null,
            belastbaarheid: null,
            vaardigheden: [],
            interesses: [],
            werk: [],
            reintegratie: [],
            ...k,
          } as unknown as KlantDossier;
          const { invoer } = invoerVanWaarden(waardenVanDossier(dossier), 'wijzigen');
          expect(invoer).toMatchObject({
            voornamen: k.voornamen,
            achternaam: k.achternaam,
            werkervaring: k.werkervaring,
            beschikbaarheid: k.beschikbaarheid,
            werk: [],
            belastbaarheid: null,
          });
        },
      ),
    );
  });
});
