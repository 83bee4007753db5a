import {
  Alert,
  Button,
  ButtonLink,
  Cell,
  CheckboxGroup,
  type FieldErrors,
  Form,
  Heading,
  Link,
  ListItem,
  Paragraph,
  Row,
  SelectField,
  Table,
  TextField,
  UnorderedList,
} from '../../../web/components/index.tsx';
import { paths } from '../../../web/paths.ts';
import {
  ACTIVITEIT_STATUS_NAMEN,
  ACTIVITEIT_STATUSSEN,
  ANTWOORD_NAMEN,
  type Antwoord,
  BELASTING_NAMEN,
  BELASTINGEN,
  CATEGORIE_NAMEN,
  CATEGORIEEN,
  CONCLUSIE_NAMEN,
  DAGDELEN,
  dagdeelNaam,
  ORGANISATIE_TYPE_NAMEN,
  ORGANISATIE_TYPES,
  TAALNIVEAU_NAMEN,
  TAALNIVEAUS,
} from '../keuzelijsten.ts';
import { gemeentenTekst, gemeentenUitIds } from '../labels.ts';
import type { Activiteit, ActiviteitOverzicht, Pagina, Verdringingstoets } from '../netwerk.schemas.ts';
import { TOETS_STATUS_NAMEN, TOETS_STATUSSEN, VRAGEN } from '../verdringing.ts';
import {
  type Chrome,
  datumNl,
  Foutmeldingen,
  Gegevens,
  type Melding,
  NetwerkLayout,
  Paginering,
  query,
  TextArea,
  tijdstipNl,
  uren,
  Zoekformulier,
} from './onderdelen.tsx';

export interface ActiviteitFilterWaarden {
  zoek: string;
  categorie: string;
  wijkId: string;
  organisatieType: string;
  toetsStatus: string;
  vrijePlaatsen: string;
}

const alle = (label: string) => [{ value: '', label }];

export function ActiviteitenPagina({
  chrome,
  resultaat,
  gemeenteNamen,
  filter,
  wijken,
  magBeheren,
  melding,
}: {
  chrome: Chrome;
  resultaat: Pagina<ActiviteitOverzicht>;
  /** Names of the municipalities the reader may see: same-named items are told apart by them. */
  gemeenteNamen: ReadonlyMap<string, string>;
  filter: ActiviteitFilterWaarden;
  wijken: ReadonlyArray<{ id: string; naam: string }>;
  magBeheren: boolean;
  melding?: Melding | undefined;
}) {
  return (
    <NetwerkLayout title="Activiteiten" chrome={chrome} melding={melding}>
      <Heading level={1}>Activiteiten</Heading>
      <Paragraph>
        Activiteiten bij organisaties in uw gemeenten. Een activiteit kan pas gebruikt worden als de
        verdringingstoets geen risico geeft, of als de teamleider haar na intervisie heeft toegestaan.
      </Paragraph>
      {magBeheren ? <ButtonLink href={paths.activiteitNieuw()}>Activiteit toevoegen</ButtonLink> : null}
      <Zoekformulier action={paths.activiteiten()} label="Activiteiten zoeken">
        <TextField
          name="zoek"
          label="Zoeken op titel, omschrijving, taken of vaardigheden"
          value={filter.zoek}
        />
        <SelectField
          name="categorie"
          label="Categorie"
          value={filter.categorie}
          options={[
            ...alle('Alle categorieën'),
            ...CATEGORIEEN.map((c) => ({ value: c, label: CATEGORIE_NAMEN[c] })),
          ]}
        />
        <SelectField
          name="wijkId"
          label="Wijk"
          value={filter.wijkId}
          options={[...alle('Alle wijken'), ...wijken.map((w) => ({ value: w.id, label: w.naam }))]}
        />
        <SelectField
          name="organisatieType"
          label="Soort organisatie"
          value={filter.organisatieType}
          options={[
            ...alle('Alle soorten'),
            ...ORGANISATIE_TYPES.map((t) => ({ value: t, label: ORGANISATIE_TYPE_NAMEN[t] })),
          ]}
        />
        <SelectField
          name="toetsStatus"
          label="Verdringingstoets"
          value={filter.toetsStatus}
          options={[
            ...alle('Alle'),
            ...TOETS_STATUSSEN.map((s) => ({ value: s, label: TOETS_STATUS_NAMEN[s] })),
          ]}
        />
        <SelectField
          name="vrijePlaatsen"
          label="Plaatsen"
          value={filter.vrijePlaatsen}
          options={[
            ...alle('Alle activiteiten'),
            { value: 'true', label: 'Alleen met vrije plaatsen' },
            { value: 'false', label: 'Alleen volle activiteiten' },
          ]}
        />
        <div className="wk-form-actions">
          <Button appearance="secondary">Zoeken</Button>
        </div>
      </Zoekformulier>
      {resultaat.items.length > 0 ? (
        <Table
          caption={`${resultaat.totaal} ${resultaat.totaal === 1 ? 'activiteit' : 'activiteiten'} gevonden`}
          head={[
            'Activiteit',
            'Organisatie',
            'Categorie',
            'Wijk',
            'Uren per week',
            'Plaatsen vrij',
            'Verdringingstoets',
          ]}
        >
          {resultaat.items.map((a) => (
            <Row key={a.id}>
              <Cell>
                <Link href={paths.activiteit(a.id)}>{a.titel}</Link> (
                {gemeentenTekst(gemeentenUitIds(a.gemeenteIds, gemeenteNamen))})
                {a.isMaatwerk ? ' (maatwerk)' : ''}
              </Cell>
              <Cell>{a.organisatie?.naam ?? '–'}</Cell>
              <Cell>{CATEGORIE_NAMEN[a.categorie]}</Cell>
              <Cell>{a.wijk?.naam ?? '–'}</Cell>
              <Cell>{uren(a.urenMin, a.urenMax)}</Cell>
              <Cell>
                {a.plaatsenVrij} van {a.plaatsen}
              </Cell>
              <Cell>{TOETS_STATUS_NAMEN[a.toets.status]}</Cell>
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>Geen activiteiten gevonden.</Paragraph>
      )}
      <Paginering
        pagina={resultaat.pagina}
        aantalPaginas={resultaat.aantalPaginas}
        href={(p) => `${paths.activiteiten()}${query({ ...filter, pagina: p })}`}
      />
    </NetwerkLayout>
  );
}

export function ActiviteitPagina({
  chrome,
  activiteit: a,
  toetsen,
  magBeheren,
  magToetsen,
  melding,
}: {
  chrome: Chrome;
  activiteit: Activiteit;
  toetsen: Verdringingstoets[];
  magBeheren: boolean;
  magToetsen: boolean;
  melding?: Melding | undefined;
}) {
  const t = a.toets;
  return (
    <NetwerkLayout title={a.titel} chrome={chrome} melding={melding}>
      <Paragraph>
        <Link href={a.organisatie ? paths.organisatie(a.organisatie.id) : paths.activiteiten()}>
          {a.organisatie ? `Terug naar ${a.organisatie.naam}` : 'Terug naar activiteiten'}
        </Link>
      </Paragraph>
      <Heading level={1}>
        {a.titel} ({gemeentenTekst(a.gemeenten)})
      </Heading>
      {t.magGeplaatstWorden ? (
        <Alert type="ok" title="Deze activiteit kan gebruikt worden">
          <Paragraph>
            {TOETS_STATUS_NAMEN[t.status]}. De toets geldt tot {datumNl(t.geldigTot)}.
            {t.voorwaarden ? ` Voorwaarden: ${t.voorwaarden}` : ''}
          </Paragraph>
        </Alert>
      ) : (
        <Alert type="warning" title="Deze activiteit kan nu niet gebruikt worden">
          <UnorderedList>
            {t.redenen.map((r) => (
              <ListItem key={r}>{r}</ListItem>
            ))}
          </UnorderedList>
        </Alert>
      )}
      <div className="wk-form-actions">
        <ButtonLink href={`/activiteiten/${encodeURIComponent(a.id)}/kandidaten`}>Kandidaten</ButtonLink>
        {magToetsen ? (
          <ButtonLink href={paths.verdringingstoets(a.id)}>Verdringingstoets doen</ButtonLink>
        ) : null}
        {magBeheren ? (
          <ButtonLink href={paths.activiteitWijzigen(a.id)}>Activiteit wijzigen</ButtonLink>
        ) : null}
      </div>
      <Gegevens
        items={[
          [
            'Organisatie',
            a.organisatie ? (
              <Link key="organisatie" href={paths.organisatie(a.organisatie.id)}>
                {a.organisatie.naam}
              </Link>
            ) : (
              'Geen (maatwerk)'
            ),
          ],
          ['Omschrijving', a.omschrijving],
          ['Taken', a.taken],
          ['Categorie', CATEGORIE_NAMEN[a.categorie]],
          ['Vaardigheden', a.vaardigheden.join(', ')],
          [
            'Lichamelijke belasting',
            `${BELASTING_NAMEN[a.fysiekeBelasting]}${a.belastingToelichting ? `. ${a.belastingToelichting}` : ''}`,
          ],
          ['Nederlands minimaal', a.taalniveauMin ? TAALNIVEAU_NAMEN[a.taalniveauMin] : 'Geen eis'],
          ['Uren per week', uren(a.urenMin, a.urenMax)],
          ['Dagdelen', a.dagdelen.map(dagdeelNaam).join(', ')],
          ['Locatie', [a.locatie, a.postcode, a.wijk?.naam].filter(Boolean).join(', ')],
          ['Werkt in', a.gemeenten.map((g) => g.naam).join(', ')],
          ['Plaatsen', `${a.plaatsenVrij} vrij van ${a.plaatsen} (${a.plaatsenBezet} bezet)`],
          ['Mentor bij de organisatie', a.mentor],
          [
            'Periode',
            a.startdatum || a.einddatum
              ? `${datumNl(a.startdatum)} tot ${datumNl(a.einddatum)}`
              : 'Doorlopend',
          ],
          ['Status', `${ACTIVITEIT_STATUS_NAMEN[a.status]}${a.isMaatwerk ? ' (maatwerk)' : ''}`],
        ]}
      />
      <Heading level={2}>Verdringingstoetsen</Heading>
      {toetsen.length === 0 ? <Paragraph>Er is nog geen verdringingstoets gedaan.</Paragraph> : null}
      {toetsen.map((toets) => (
        <section key={toets.id} aria-labelledby={`toets-${toets.id}`}>
          <Heading level={3} id={`toets-${toets.id}`}>
            {`Toets van ${tijdstipNl(toets.beoordeeldOp)}: ${CONCLUSIE_NAMEN[toets.conclusie]}`}
          </Heading>
          <Gegevens
            items={[
              ['Door', toets.beoordeeldDoor],
              ['Advies van de checklist', CONCLUSIE_NAMEN[toets.advies]],
              ['Motivering', toets.motivering],
              ['Geldig tot', datumNl(toets.geldigTot)],
              [
                'Vervallen',
                toets.vervallenOp ? `${tijdstipNl(toets.vervallenOp)}: ${toets.vervallenReden ?? ''}` : 'Nee',
              ],
              [
                'Intervisie',
                toets.intervisieId ? (
                  <Link key="intervisie" href={paths.intervisie(toets.intervisieId)}>
                    Bekijk het intervisieverzoek
                  </Link>
                ) : null,
              ],
            ]}
          />
          <Table caption="Antwoorden op de checklist" head={['Vraag', 'Antwoord', 'Toelichting']}>
            {toets.antwoorden.map((x) => (
              <Row key={x.vraag}>
                <Cell>{VRAGEN.find((v) => v.id === x.vraag)?.onderwerp ?? x.vraag}</Cell>
                <Cell>{ANTWOORD_NAMEN[x.antwoord as Antwoord]}</Cell>
                <Cell>{x.toelichting || '–'}</Cell>
              </Row>
            ))}
          </Table>
        </section>
      ))}
    </NetwerkLayout>
  );
}

/** What the activity form shows and sends back: text as typed. */
export interface ActiviteitWaarden {
  organisatieId: string;
  titel: string;
  omschrijving: string;
  taken: string;
  categorie: string;
  vaardigheden: string;
  fysiekeBelasting: string;
  belastingToelichting: string;
  taalniveauMin: string;
  urenMin: string;
  urenMax: string;
  dagdelen: string[];
  locatie: string;
  postcode: string;
  gemeenteIds: string[];
  plaatsen: string;
  mentor: string;
  startdatum: string;
  einddatum: string;
  status: string;
}

export function ActiviteitFormulier({
  chrome,
  activiteit,
  organisaties,
  gemeenten,
  waarden,
  fouten = {},
}: {
  chrome: Chrome;
  activiteit?: Activiteit;
  organisaties: ReadonlyArray<{ id: string; naam: string }>;
  gemeenten: ReadonlyArray<{ id: string; naam: string }>;
  waarden: ActiviteitWaarden;
  fouten?: FieldErrors;
}) {
  const titel = activiteit ? `${activiteit.titel} wijzigen` : 'Activiteit toevoegen';
  const heeftFouten = Object.values(fouten).some(Boolean);
  const veldIds = {
    gemeenteIds: gemeenten[0] ? `gemeenteIds-${gemeenten[0].id}` : 'gemeenteIds',
    dagdelen: `dagdelen-${DAGDELEN[0]}`,
    fysiekeBelasting: `fysiekeBelasting`,
  };
  return (
    <NetwerkLayout title={heeftFouten ? `Fout: ${titel}` : titel} chrome={chrome}>
      <Paragraph>
        <Link href={activiteit ? paths.activiteit(activiteit.id) : paths.activiteiten()}>
          {activiteit ? `Terug naar ${activiteit.titel}` : 'Terug naar activiteiten'}
        </Link>
      </Paragraph>
      <Heading level={1}>{titel}</Heading>
      {activiteit ? (
        <Paragraph>
          Meer uren of plaatsen, ander werk, een andere categorie of een andere organisatie is een wezenlijke
          wijziging: daarna is een nieuwe verdringingstoets nodig.
        </Paragraph>
      ) : null}
      <Foutmeldingen fouten={fouten} veldIds={veldIds} />
      <Form
        action={activiteit ? paths.activiteitWijzigen(activiteit.id) : paths.activiteiten()}
        csrfToken={chrome.csrfToken}
      >
        <SelectField
          name="organisatieId"
          label="Organisatie"
          value={waarden.organisatieId}
          error={fouten.organisatieId}
          options={[
            { value: '', label: 'Kies een organisatie' },
            ...organisaties.map((o) => ({ value: o.id, label: o.naam })),
          ]}
        />
        <TextField name="titel" label="Titel" value={waarden.titel} error={fouten.titel} required />
        <TextArea
          name="omschrijving"
          label="Omschrijving"
          description="In eenvoudige woorden (taalniveau B1): wat doet de deelnemer en waar?"
          value={waarden.omschrijving}
          error={fouten.omschrijving}
        />
        <TextArea
          name="taken"
          label="Taken"
          description="Eén taak per regel."
          value={waarden.taken}
          error={fouten.taken}
        />
        <SelectField
          name="categorie"
          label="Categorie"
          value={waarden.categorie}
          error={fouten.categorie}
          options={[
            { value: '', label: 'Kies een categorie' },
            ...CATEGORIEEN.map((c) => ({ value: c, label: CATEGORIE_NAMEN[c] })),
          ]}
        />
        <TextField
          name="vaardigheden"
          label="Gevraagde vaardigheden"
          description="Scheid met komma's, bijvoorbeeld: koken, omgaan met kinderen."
          value={waarden.vaardigheden}
          error={fouten.vaardigheden}
        />
        <SelectField
          name="fysiekeBelasting"
          label="Lichamelijke belasting"
          value={waarden.fysiekeBelasting}
          error={fouten.fysiekeBelasting}
          options={[
            { value: '', label: 'Kies hoe zwaar het werk is' },
            ...BELASTINGEN.map((b) => ({ value: b, label: BELASTING_NAMEN[b] })),
          ]}
        />
        <TextField
          name="belastingToelichting"
          label="Toelichting op de belasting"
          value={waarden.belastingToelichting}
          error={fouten.belastingToelichting}
        />
        <SelectField
          name="taalniveauMin"
          label="Nederlands minimaal"
          value={waarden.taalniveauMin}
          error={fouten.taalniveauMin}
          options={[
            { value: '', label: 'Geen eis' },
            ...TAALNIVEAUS.map((t) => ({ value: t, label: TAALNIVEAU_NAMEN[t] })),
          ]}
        />
        <TextField
          name="urenMin"
          label="Minimaal uren per week"
          value={waarden.urenMin}
          error={fouten.urenMin}
          inputMode="text"
        />
        <TextField
          name="urenMax"
          label="Maximaal uren per week"
          value={waarden.urenMax}
          error={fouten.urenMax}
          inputMode="text"
        />
        <CheckboxGroup
          name="dagdelen"
          legend="Op welke dagdelen?"
          options={DAGDELEN.map((d) => ({ value: d, label: dagdeelNaam(d) }))}
          values={waarden.dagdelen}
          error={fouten.dagdelen}
        />
        <TextField
          name="locatie"
          label="Locatie"
          description="Bijvoorbeeld het adres of de naam van het gebouw."
          value={waarden.locatie}
          error={fouten.locatie}
        />
        <TextField
          name="postcode"
          label="Postcode van de locatie"
          description="De wijk volgt uit de postcode."
          value={waarden.postcode}
          error={fouten.postcode}
        />
        <CheckboxGroup
          name="gemeenteIds"
          legend="Voor inwoners van welke gemeenten?"
          options={gemeenten.map((g) => ({ value: g.id, label: g.naam }))}
          values={waarden.gemeenteIds}
          error={fouten.gemeenteIds}
        />
        <TextField
          name="plaatsen"
          label="Aantal plaatsen"
          value={waarden.plaatsen}
          error={fouten.plaatsen}
          inputMode="numeric"
        />
        <TextField
          name="mentor"
          label="Mentor bij de organisatie"
          value={waarden.mentor}
          error={fouten.mentor}
        />
        <TextField
          name="startdatum"
          label="Startdatum (niet verplicht)"
          type="date"
          value={waarden.startdatum}
          error={fouten.startdatum}
        />
        <TextField
          name="einddatum"
          label="Einddatum (niet verplicht)"
          type="date"
          value={waarden.einddatum}
          error={fouten.einddatum}
        />
        <SelectField
          name="status"
          label="Status"
          value={waarden.status}
          error={fouten.status}
          options={ACTIVITEIT_STATUSSEN.map((s) => ({ value: s, label: ACTIVITEIT_STATUS_NAMEN[s] }))}
        />
        <div className="wk-form-actions">
          <Button>{activiteit ? 'Opslaan' : 'Activiteit toevoegen'}</Button>
        </div>
      </Form>
    </NetwerkLayout>
  );
}
