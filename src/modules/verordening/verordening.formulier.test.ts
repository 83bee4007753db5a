import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAGDELEN, isIsoDatum, ONTHEFFING_TYPES } from '../klanten/index.ts';
import {
  GETOETSTE_REGELS,
  toetsAanVerordening,
  type VerordeningOntwerp,
  VORMEN,
  WEERGAVENAMEN,
} from './regels.ts';
import {
  foutenVoorFormulier,
  LEGE_WAARDEN,
  versieInvoerUitWaarden,
  waardenUitBody,
  waardenVanVersie,
} from './verordening.formulier.ts';
import {
  RechtsgrondInput,
  type VerordeningVersie,
  VersieInput,
  veldfoutenVan,
} from './verordening.schemas.ts';

const datum = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const halveUren = (min: number, max: number) => fc.integer({ min: min * 2, max: max * 2 }).map((n) => n / 2);
const uuid = fc.uuid({ version: 4 });

/** A valid version as the service stores it. */
const geldigeVersie: fc.Arbitrary<VerordeningVersie> = fc
  .record({
    id: uuid,
    gemeenteId: uuid,
    ingangsdatum: datum,
    titel: fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() === s && s.length > 0),
    vorm: fc.constantFrom(...VORMEN),
    weergavenaam: fc.constantFrom(...WEERGAVENAMEN),
    min: fc.option(halveUren(0, 40)),
    max: fc.option(halveUren(1, 40)),
    maxDuurMaanden: fc.option(fc.integer({ min: 1, max: 120 })),
    verlengingToegestaan: fc.boolean(),
    maxVerlengingMaanden: fc.option(fc.integer({ min: 1, max: 120 })),
    lokaleGrondIds: fc.uniqueArray(uuid, { maxLength: 5 }),
    schriftelijkeOvereenkomstVerplicht: fc.boolean(),
    artikel: fc.string({ maxLength: 200 }).map((s) => s.trim()),
    minDagen: fc.integer({ min: 0, max: 90 }),
  })
  .map((r) => {
    const [min, max] = r.min !== null && r.max !== null && r.min > r.max ? [r.max, r.min] : [r.min, r.max];
    return {
      id: r.id,
      gemeenteId: r.gemeenteId,
      ingangsdatum: r.ingangsdatum,
      titel: r.titel,
      vorm: r.vorm,
      weergavenaam: r.weergavenaam,
      minUrenPerWeek: min,
      maxUrenPerWeek: max,
      maxDuurMaanden: r.maxDuurMaanden,
      verlengingToegestaan: r.verlengingToegestaan,
      maxVerlengingMaanden: r.verlengingToegestaan ? r.maxVerlengingMaanden : null,
      lokaleGrondIds: r.lokaleGrondIds,
      schriftelijkeOvereenkomstVerplicht: r.schriftelijkeOvereenkomstVerplicht,
      minDagenVerzendingStart: r.minDagen,
      artikelMaatregel: r.artikel,
      artikelen: {
        vorm: r.artikel,
        uren: '',
        duur: r.artikel,
        verlenging: '',
        ontheffingen: r.artikel,
        overeenkomst: '',
      },
      toelichting: null,
      aangemaaktOp: '2026-11-27T08:00:00.000Z',
    };
  });

const parameters = ({
  id: _i,
  gemeenteId: _g,
  aangemaaktOp: _a,
  toelichting: _t,
  ...rest
}: VerordeningVersie) => rest;

describe('VersieInput (property)', () => {
  it('accepts every valid version and keeps it as it was', () => {
    fc.assert(
      fc.property(geldigeVersie, (v) => {
        const r = VersieInput.safeParse(parameters(v));
        expect(r.success).toBe(true);
        if (r.success) expect(r.data).toMatchObject({ ...parameters(v), toelichting: null });
      }),
    );
  });

  it('never throws on anything, and what it accepts keeps its invariants', () => {
    const bijnaGoed = fc.record(
      {
        ingangsdatum: fc.oneof(datum, fc.string(), fc.constant('2026-02-30')),
        titel: fc.oneof(fc.string(), fc.integer()),
        vorm: fc.oneof(fc.constantFrom(...VORMEN), fc.string()),
        weergavenaam: fc.oneof(fc.constantFrom(...WEERGAVENAMEN), fc.string()),
        minUrenPerWeek: fc.oneof(fc.constant(null), fc.double(), fc.string()),
        maxUrenPerWeek: fc.oneof(fc.constant(null), fc.double(), fc.integer()),
        maxDuurMaanden: fc.oneof(fc.constant(null), fc.integer(), fc.double()),
        verlengingToegestaan: fc.oneof(fc.boolean(), fc.string()),
        maxVerlengingMaanden: fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 200 })),
        lokaleGrondIds: fc.oneof(fc.array(uuid), fc.array(fc.string()), fc.string()),
        schriftelijkeOvereenkomstVerplicht: fc.oneof(fc.boolean(), fc.constant(undefined)),
        artikelen: fc.oneof(fc.constant(undefined), fc.dictionary(fc.string(), fc.string())),
        toelichting: fc.oneof(fc.constant(null), fc.string({ maxLength: 3000 })),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(bijnaGoed, fc.anything()), (invoer) => {
        const r = VersieInput.safeParse(invoer);
        if (!r.success) {
          for (const m of Object.values(veldfoutenVan(r.error))) expect(m.length).toBeGreaterThan(0);
          return;
        }
        const v = r.data;
        expect(isIsoDatum(v.ingangsdatum)).toBe(true);
        if (v.minUrenPerWeek !== null && v.maxUrenPerWeek !== null)
          expect(v.minUrenPerWeek).toBeLessThanOrEqual(v.maxUrenPerWeek);
        for (const u of [v.minUrenPerWeek, v.maxUrenPerWeek])
          if (u !== null) expect(Number.isInteger(u * 2) && u >= 0 && u <= 40).toBe(true);
        if (!v.verlengingToegestaan) expect(v.maxVerlengingMaanden).toBeNull();
        if (v.maxDuurMaanden !== null) expect(Number.isInteger(v.maxDuurMaanden)).toBe(true);
      }),
    );
  });

  it('refuses a minimum above the maximum, always on the maximum field', () => {
    fc.assert(
      fc.property(geldigeVersie, halveUren(0, 39), (v, min) => {
        const r = VersieInput.safeParse({ ...parameters(v), minUrenPerWeek: min + 0.5, maxUrenPerWeek: min });
        expect(r.success).toBe(false);
        if (!r.success) expect(veldfoutenVan(r.error).maxUrenPerWeek).toMatch(/lager dan het minimum/);
      }),
    );
  });
});

describe('the version form (property)', () => {
  it('a saved version shown in the form and posted again gives the same version', () => {
    fc.assert(
      fc.property(geldigeVersie, (v) => {
        const waarden = { ...waardenVanVersie(v), ingangsdatum: v.ingangsdatum };
        const body = Object.fromEntries(Object.entries(waarden));
        const r = VersieInput.safeParse(versieInvoerUitWaarden(waardenUitBody(body)));
        expect(r.success).toBe(true);
        if (r.success) expect(r.data).toMatchObject({ ...parameters(v), toelichting: null });
      }),
    );
  });

  it('any posted body parses without throwing and its messages land on fields of the form', () => {
    const velden = Object.keys(LEGE_WAARDEN);
    const body = fc.dictionary(
      fc.constantFrom(...velden, 'onbekend', '_csrf'),
      fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 })),
    );
    fc.assert(
      fc.property(body, (b) => {
        const r = VersieInput.safeParse(versieInvoerUitWaarden(waardenUitBody(b)));
        if (r.success) return;
        for (const veld of Object.keys(foutenVoorFormulier(veldfoutenVan(r.error))))
          expect([...velden, 'formulier']).toContain(veld);
      }),
    );
  });
});

describe('RechtsgrondInput (property)', () => {
  it('accepts a real date with any short article and its short text, and turns empty ones into null', () => {
    fc.assert(
      fc.property(datum, fc.string({ maxLength: 300 }), (vanaf, artikel) => {
        const leeg = artikel.trim() === '';
        const r = RechtsgrondInput.safeParse({ vanaf, artikel, omschrijving: leeg ? '' : 'Korte tekst.' });
        expect(r.success).toBe(true);
        if (r.success) expect(r.data.artikel).toBe(leeg ? null : artikel.trim());
      }),
    );
  });

  it('asks for the short text with an article, and for an article with a short text', () => {
    expect(RechtsgrondInput.safeParse({ vanaf: '2027-01-01', artikel: 'art. 1' }).success).toBe(false);
    expect(RechtsgrondInput.safeParse({ vanaf: '2027-01-01', omschrijving: 'tekst' }).success).toBe(false);
  });
});

describe('toetsAanVerordening (property)', () => {
  const dagdelen = fc.uniqueArray(fc.constantFrom(...DAGDELEN), { maxLength: 6 });
  const ontwerp: fc.Arbitrary<VerordeningOntwerp> = fc.record({
    startdatum: datum,
    einddatum: fc.option(datum),
    urenPerWeek: halveUren(0, 40),
    dagdelen,
    werk: fc.record({ urenPerWeek: halveUren(0, 40), dagdelen }),
    reintegratieDagdelen: dagdelen,
    ontheffingen: fc.array(
      fc.record({
        type: fc.constantFrom(...ONTHEFFING_TYPES),
        lokaleGrondId: fc.option(uuid),
        naam: fc.option(fc.string()),
      }),
      { maxLength: 3 },
    ),
    verlenging: fc.option(fc.record({ maanden: fc.integer({ min: 1, max: 24 }) })),
  });

  it('gives exactly one outcome per rule, in order, each with an explanation and an article', () => {
    fc.assert(
      fc.property(ontwerp, geldigeVersie, (o, v) => {
        const uitkomsten = toetsAanVerordening(o, v);
        expect(uitkomsten.map((u) => u.regel)).toEqual([...GETOETSTE_REGELS]);
        for (const u of uitkomsten) {
          expect(u.uitleg.trim().length).toBeGreaterThan(0);
          expect(u.artikel.trim().length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('a clash of day parts with work is always refused', () => {
    fc.assert(
      fc.property(ontwerp, geldigeVersie, fc.constantFrom(...DAGDELEN), (o, v, d) => {
        const metWerk = {
          ...o,
          dagdelen: [...new Set([...o.dagdelen, d])],
          werk: { urenPerWeek: 8, dagdelen: [d] },
        };
        expect(toetsAanVerordening(metWerk, v).find((u) => u.regel === 'werk')?.uitkomst).toBe(
          'voldoet-niet',
        );
      }),
    );
  });
});
