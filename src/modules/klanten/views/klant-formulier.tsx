import type { ReactNode } from 'react';
import {
  Button,
  CheckboxGroup,
  type FieldErrors,
  Form,
  Heading,
  Link,
  Paragraph,
  SelectField,
  TextField,
} from '../../../web/components/index.tsx';
import { paths } from '../../../web/paths.ts';
import type { Gemeente } from '../../gemeenten/index.ts';
import {
  BEPERKING_NAMEN,
  DAG_NAMEN,
  DAGDEEL_TIJDEN,
  DAGEN_KORT,
  MOBILITEIT_NAMEN,
  OPLEIDINGSNIVEAU_NAMEN,
  TAAL_NAMEN,
  TAALNIVEAU_NAMEN,
} from '../keuzelijsten.ts';
import { type FormWaarden, lijst, tekst, teTonenRijen, veldId } from '../klanten.formulier.ts';
import type { KlantDossier } from '../klanten.schemas.ts';
import type { CatalogusItem, KlantmanagerKeuze } from '../klanten.service.ts';
import { type Chrome, Foutmeldingen, KlantenLayout, TextArea } from './onderdelen.tsx';

export interface FormulierKeuzes {
  gemeenten: readonly Gemeente[];
  /** Wijken per municipality (the form offers those of the client's municipality; new: of all). */
  wijken: ReadonlyArray<{ id: string; naam: string; gemeenteId: string }>;
  klantmanagers: readonly KlantmanagerKeuze[];
  vaardigheden: readonly CatalogusItem[];
  interesses: readonly CatalogusItem[];
}

function Sectie({ titel, id, children }: { titel: string; id: string; children: ReactNode }) {
  return (
    <fieldset
      className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wk-sectie"
      aria-labelledby={id}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend" id={id}>
        {titel}
      </legend>
      {children}
    </fieldset>
  );
}

/** Days × morning/afternoon/evening as checkboxes in a table; each box has its own (hidden) label. */
function DagdelenKeuze({
  naam,
  legend,
  waarden,
  fout,
}: {
  naam: string;
  legend: string;
  waarden: readonly string[];
  fout?: string | undefined;
}) {
  const id = naam.replaceAll('.', '-');
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wk-dagdeelkeuze${fout ? ' utrecht-form-fieldset--invalid' : ''}`}
      id={id}
      aria-describedby={fout ? `${id}-fout` : undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
      </legend>
      {fout ? (
        <div className="utrecht-form-field-error-message" id={`${id}-fout`}>
          {fout}
        </div>
      ) : null}
      <table className="utrecht-table utrecht-table--html-table wk-dagdelen">
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <td className="utrecht-table__header-cell" />
            {DAGDEEL_TIJDEN.map((t) => (
              <th className="utrecht-table__header-cell" scope="col" key={t}>
                {t}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {DAGEN_KORT.map((d) => (
            <tr className="utrecht-table__row" key={d}>
              <th className="utrecht-table__header-cell" scope="row">
                {DAG_NAMEN[d]}
              </th>
              {DAGDEEL_TIJDEN.map((t) => {
                const waarde = `${d}-${t}`;
                return (
                  <td className="utrecht-table__cell" key={t}>
                    <input
                      className="utrecht-checkbox utrecht-checkbox--html-input"
                      type="checkbox"
                      id={`${id}-${waarde}`}
                      name={naam}
                      value={waarde}
                      defaultChecked={waarden.includes(waarde)}
                    />
                    <label className="wk-visueel-verborgen" htmlFor={`${id}-${waarde}`}>
                      {DAG_NAMEN[d]} {t}
                    </label>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

const opties = (namen: Record<string, string>, leeg = 'Onbekend') => [
  { value: '', label: leeg },
  ...Object.entries(namen).map(([value, label]) => ({ value, label })),
];

/**
 * Create (no `klant`) or edit a client. Without JavaScript; a failed post re-renders with the error summary,
 * the messages at the fields and everything that was typed.
 */
export function KlantFormulier({
  chrome,
  klant,
  waarden,
  keuzes,
  fouten = {},
}: {
  chrome: Chrome;
  klant?: KlantDossier;
  waarden: FormWaarden;
  keuzes: FormulierKeuzes;
  fouten?: FieldErrors;
}) {
  const nieuw = klant === undefined;
  const titel = nieuw ? 'Klant inschrijven' : `Gegevens van ${klant.naam} wijzigen`;
  const heeftFouten = Object.values(fouten).some(Boolean);
  const w = (naam: string) => tekst(waarden, naam);
  const f = (naam: string) => fouten[naam];
  const veldIds = Object.fromEntries(Object.keys(fouten).map((k) => [k, veldId(k)]));
  const gemeenteId = klant?.gemeenteId ?? w('gemeenteId');
  const wijken = keuzes.wijken.filter((x) => (gemeenteId ? x.gemeenteId === gemeenteId : true));
  const taalOpties = opties(TAAL_NAMEN, 'Onbekend');
  if (w('taal') && !Object.hasOwn(TAAL_NAMEN, w('taal')))
    taalOpties.push({ value: w('taal'), label: w('taal') });
  const catalogus = (items: readonly CatalogusItem[], gekozen: readonly string[]) =>
    items.filter((i) => i.isActief || gekozen.includes(i.id)).map((i) => ({ value: i.id, label: i.naam }));

  return (
    <KlantenLayout title={heeftFouten ? `Fout: ${titel}` : titel} chrome={chrome}>
      <Paragraph>
        <Link href={nieuw ? paths.klanten() : paths.klant(klant.id)}>
          {nieuw ? 'Terug naar klanten' : 'Terug naar het dossier'}
        </Link>
      </Paragraph>
      <Heading level={1}>{titel}</Heading>
      <Paragraph>
        Alleen achternaam en geboortedatum zijn verplicht. De rest vult u in als u het weet.
      </Paragraph>
      <Foutmeldingen fouten={fouten} veldIds={veldIds} />
      <Form
        action={nieuw ? paths.klanten() : paths.klant(klant.id)}
        csrfToken={chrome.csrfToken}
        id="klant-formulier"
      >
        <Sectie titel="Persoonsgegevens" id="sectie-persoon">
          {nieuw && keuzes.gemeenten.length > 1 ? (
            <SelectField
              name="gemeenteId"
              label="Gemeente"
              value={w('gemeenteId')}
              error={f('gemeenteId')}
              options={[
                { value: '', label: 'Kies een gemeente' },
                ...keuzes.gemeenten.map((g) => ({ value: g.id, label: g.naam })),
              ]}
            />
          ) : nieuw ? (
            <input type="hidden" name="gemeenteId" value={keuzes.gemeenten[0]?.id ?? ''} />
          ) : null}
          <TextField
            name="klantnummer"
            label="Klantnummer"
            description="Het nummer uit het kernsysteem."
            value={w('klantnummer')}
            error={f('klantnummer')}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            name="bsn"
            label={nieuw ? 'BSN' : 'Nieuw BSN'}
            description={
              nieuw
                ? '9 cijfers. Wordt versleuteld opgeslagen.'
                : `Laat leeg om het BSN niet te wijzigen${klant.heeftBsn ? ` (nu ${klant.bsnGemaskeerd})` : ''}.`
            }
            value={w('bsn')}
            error={f('bsn')}
            autoComplete="off"
            inputMode="numeric"
            spellCheck={false}
          />
          <div className="wk-velden-naast-elkaar">
            <TextField name="voornamen" label="Voornamen" value={w('voornamen')} error={f('voornamen')} />
            <TextField name="roepnaam" label="Roepnaam" value={w('roepnaam')} error={f('roepnaam')} />
          </div>
          <div className="wk-velden-naast-elkaar">
            <TextField
              name="voorvoegsel"
              label="Voorvoegsel"
              value={w('voorvoegsel')}
              error={f('voorvoegsel')}
            />
            <TextField
              name="achternaam"
              label="Achternaam (verplicht)"
              value={w('achternaam')}
              error={f('achternaam')}
              required
            />
          </div>
          <TextField
            name="geboortedatum"
            type="date"
            label="Geboortedatum (verplicht)"
            value={w('geboortedatum')}
            error={f('geboortedatum')}
            required
          />
          {nieuw && keuzes.klantmanagers.length > 0 ? (
            <SelectField
              name="klantmanagerId"
              label="Klantmanager"
              value={w('klantmanagerId')}
              error={f('klantmanagerId')}
              options={[
                { value: '', label: 'Ikzelf (of geen, als teamleider)' },
                ...keuzes.klantmanagers.map((k) => ({ value: k.id, label: k.naam })),
              ]}
            />
          ) : null}
        </Sectie>

        <Sectie titel="Adres en contact" id="sectie-adres">
          <div className="wk-velden-naast-elkaar">
            <TextField
              name="straat"
              label="Straat"
              value={w('straat')}
              error={f('straat')}
              autoComplete="off"
            />
            <TextField name="huisnummer" label="Huisnummer" value={w('huisnummer')} error={f('huisnummer')} />
          </div>
          <div className="wk-velden-naast-elkaar">
            <TextField
              name="postcode"
              label="Postcode"
              description="Bijvoorbeeld 5611 AB. De wijk volgt uit de postcode."
              value={w('postcode')}
              error={f('postcode')}
            />
            <TextField name="woonplaats" label="Woonplaats" value={w('woonplaats')} error={f('woonplaats')} />
          </div>
          <SelectField
            name="wijkId"
            label="Wijk"
            value={w('wijkId')}
            error={f('wijkId')}
            options={[
              { value: '', label: 'Volgt uit de postcode' },
              ...wijken.map((x) => ({ value: x.id, label: x.naam })),
            ]}
          />
          <div className="wk-velden-naast-elkaar">
            <TextField
              name="telefoon"
              type="tel"
              label="Telefoon"
              value={w('telefoon')}
              error={f('telefoon')}
            />
            <TextField name="email" type="email" label="E-mailadres" value={w('email')} error={f('email')} />
          </div>
        </Sectie>

        <Sectie titel="Taal en opleiding" id="sectie-taal">
          <div className="wk-velden-naast-elkaar">
            <SelectField
              name="taal"
              label="Voorkeurstaal"
              value={w('taal')}
              error={f('taal')}
              options={taalOpties}
            />
            <SelectField
              name="taalniveau"
              label="Taalniveau Nederlands"
              value={w('taalniveau')}
              error={f('taalniveau')}
              options={opties(TAALNIVEAU_NAMEN)}
            />
            <SelectField
              name="opleidingsniveau"
              label="Opleidingsniveau (hoogst afgerond)"
              value={w('opleidingsniveau')}
              error={f('opleidingsniveau')}
              options={opties(OPLEIDINGSNIVEAU_NAMEN)}
            />
          </div>
          <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset" id="werkervaring">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              Werkervaring
            </legend>
            {teTonenRijen(waarden, 'werkervaring').map((i) => (
              <div className="wk-velden-naast-elkaar" key={i}>
                <TextField
                  name={`werkervaring.${i}.sector`}
                  id={`werkervaring-${i}-sector`}
                  label={`Sector (${i + 1})`}
                  value={w(`werkervaring.${i}.sector`)}
                  error={f(`werkervaring.${i}.sector`)}
                />
                <TextField
                  name={`werkervaring.${i}.functie`}
                  id={`werkervaring-${i}-functie`}
                  label={`Functie (${i + 1})`}
                  value={w(`werkervaring.${i}.functie`)}
                  error={f(`werkervaring.${i}.functie`)}
                />
                <TextField
                  name={`werkervaring.${i}.jaren`}
                  id={`werkervaring-${i}-jaren`}
                  label={`Jaren (${i + 1})`}
                  inputMode="numeric"
                  value={w(`werkervaring.${i}.jaren`)}
                  error={f(`werkervaring.${i}.jaren`)}
                />
              </div>
            ))}
            <Paragraph>Na opslaan komt er een lege regel bij voor nog een werkervaring.</Paragraph>
          </fieldset>
        </Sectie>

        <Sectie titel="Mogelijkheden" id="sectie-mogelijkheden">
          <DagdelenKeuze
            naam="beschikbaarheid"
            legend="Op welke dagdelen kan de klant?"
            waarden={lijst(waarden, 'beschikbaarheid')}
            fout={f('beschikbaarheid')}
          />
          <CheckboxGroup
            name="mobiliteit"
            legend="Vervoer"
            options={Object.entries(MOBILITEIT_NAMEN).map(([value, label]) => ({ value, label }))}
            values={lijst(waarden, 'mobiliteit')}
            error={f('mobiliteit')}
          />
          <TextField
            name="maxReistijdMinuten"
            label="Reistijd hoogstens (minuten)"
            inputMode="numeric"
            value={w('maxReistijdMinuten')}
            error={f('maxReistijdMinuten')}
          />
          <TextField
            name="maxUrenPerWeek"
            id="belastbaarheid-maxUrenPerWeek"
            label="Belastbaarheid: hoogstens uren per week"
            inputMode="numeric"
            value={w('maxUrenPerWeek')}
            error={f('belastbaarheid.maxUrenPerWeek')}
          />
          <CheckboxGroup
            name="beperkingen"
            idPrefix="belastbaarheid-beperkingen"
            legend="Functionele beperkingen (categorieën, geen diagnoses)"
            options={Object.entries(BEPERKING_NAMEN).map(([value, label]) => ({ value, label }))}
            values={lijst(waarden, 'beperkingen')}
            error={f('belastbaarheid.beperkingen')}
          />
          <TextArea
            name="geenBeperkingenReden"
            id="belastbaarheid-geenBeperkingenReden"
            label="Of: geen beperkingen bekend, omdat…"
            description="Naar vermogen: vul de uren of beperkingen in, of schrijf hier waarom er geen beperkingen bekend zijn. Zonder een van beide neemt de checklist geen uren aan. Schrijf geen diagnoses op."
            value={w('geenBeperkingenReden')}
            error={f('belastbaarheid.geenBeperkingenReden')}
            rows={2}
          />
          <TextArea
            name="zorgtaken"
            label="Zorgtaken"
            value={w('zorgtaken')}
            error={f('zorgtaken')}
            rows={3}
          />
          <TextArea
            name="eigenNetwerk"
            label="Eigen netwerk"
            description="Verenigingen, kerk, school, buurthuis waar de klant bij hoort."
            value={w('eigenNetwerk')}
            error={f('eigenNetwerk')}
            rows={3}
          />
          {keuzes.vaardigheden.length > 0 ? (
            <CheckboxGroup
              name="vaardigheidIds"
              legend="Vaardigheden"
              options={catalogus(keuzes.vaardigheden, lijst(waarden, 'vaardigheidIds'))}
              values={lijst(waarden, 'vaardigheidIds')}
              error={f('vaardigheidIds')}
            />
          ) : null}
          {keuzes.interesses.length > 0 ? (
            <CheckboxGroup
              name="interesseIds"
              legend="Interesses"
              options={catalogus(keuzes.interesses, lijst(waarden, 'interesseIds'))}
              values={lijst(waarden, 'interesseIds')}
              error={f('interesseIds')}
            />
          ) : null}
        </Sectie>

        <Sectie titel="Werk en re-integratie" id="sectie-werk">
          {teTonenRijen(waarden, 'werk').map((i) => (
            <fieldset
              className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wk-rij"
              key={`werk-${i}`}
            >
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                Betaald werk ({i + 1})
              </legend>
              <div className="wk-velden-naast-elkaar">
                <TextField
                  name={`werk.${i}.omschrijving`}
                  id={`werk-${i}-omschrijving`}
                  label="Omschrijving"
                  value={w(`werk.${i}.omschrijving`)}
                  error={f(`werk.${i}.omschrijving`)}
                />
                <TextField
                  name={`werk.${i}.urenPerWeek`}
                  id={`werk-${i}-urenPerWeek`}
                  label="Uren per week"
                  inputMode="numeric"
                  value={w(`werk.${i}.urenPerWeek`)}
                  error={f(`werk.${i}.urenPerWeek`)}
                />
                <TextField
                  name={`werk.${i}.begindatum`}
                  id={`werk-${i}-begindatum`}
                  type="date"
                  label="Vanaf"
                  value={w(`werk.${i}.begindatum`)}
                  error={f(`werk.${i}.begindatum`)}
                />
                <TextField
                  name={`werk.${i}.einddatum`}
                  id={`werk-${i}-einddatum`}
                  type="date"
                  label="Tot (eerste dag zonder)"
                  value={w(`werk.${i}.einddatum`)}
                  error={f(`werk.${i}.einddatum`)}
                />
              </div>
              <DagdelenKeuze
                naam={`werk.${i}.dagdelen`}
                legend={`Dagdelen van dit werk (${i + 1})`}
                waarden={lijst(waarden, `werk.${i}.dagdelen`)}
                fout={f(`werk.${i}.dagdelen`)}
              />
            </fieldset>
          ))}
          {teTonenRijen(waarden, 'reintegratie').map((i) => (
            <fieldset
              className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wk-rij"
              key={`reintegratie-${i}`}
            >
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                Re-integratietraject ({i + 1})
              </legend>
              <div className="wk-velden-naast-elkaar">
                <TextField
                  name={`reintegratie.${i}.omschrijving`}
                  id={`reintegratie-${i}-omschrijving`}
                  label="Omschrijving"
                  value={w(`reintegratie.${i}.omschrijving`)}
                  error={f(`reintegratie.${i}.omschrijving`)}
                />
                <TextField
                  name={`reintegratie.${i}.begindatum`}
                  id={`reintegratie-${i}-begindatum`}
                  type="date"
                  label="Vanaf"
                  value={w(`reintegratie.${i}.begindatum`)}
                  error={f(`reintegratie.${i}.begindatum`)}
                />
                <TextField
                  name={`reintegratie.${i}.einddatum`}
                  id={`reintegratie-${i}-einddatum`}
                  type="date"
                  label="Tot (eerste dag zonder)"
                  value={w(`reintegratie.${i}.einddatum`)}
                  error={f(`reintegratie.${i}.einddatum`)}
                />
              </div>
              <DagdelenKeuze
                naam={`reintegratie.${i}.dagdelen`}
                legend={`Dagdelen van dit traject (${i + 1})`}
                waarden={lijst(waarden, `reintegratie.${i}.dagdelen`)}
                fout={f(`reintegratie.${i}.dagdelen`)}
              />
            </fieldset>
          ))}
          <Paragraph>
            Een lege regel wordt niet opgeslagen. Na opslaan komt er weer een lege regel bij.
          </Paragraph>
        </Sectie>

        <div className="wk-form-actions">
          <Button>{nieuw ? 'Klant inschrijven' : 'Opslaan'}</Button>
          <Link href={nieuw ? paths.klanten() : paths.klant(klant.id)}>Annuleren</Link>
        </div>
      </Form>
    </KlantenLayout>
  );
}
