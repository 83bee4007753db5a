import {
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
  ORGANISATIE_STATUS_NAMEN,
  ORGANISATIE_STATUSSEN,
  ORGANISATIE_TYPE_NAMEN,
  ORGANISATIE_TYPES,
  WEDERKERIGHEID_CATEGORIEEN,
  WEDERKERIGHEID_NAMEN,
} from '../keuzelijsten.ts';
import { gemeentenTekst, gemeentenUitIds } from '../labels.ts';
import type { ActiviteitOverzicht, Organisatie, OrganisatieOverzicht, Pagina } from '../netwerk.schemas.ts';
import { TOETS_STATUS_NAMEN } from '../verdringing.ts';
import {
  type Chrome,
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

export interface OrganisatieFilterWaarden {
  zoek: string;
  type: string;
  status: string;
  wijkId: string;
}

const alle = (label: string) => [{ value: '', label }];

export function OrganisatiesPagina({
  chrome,
  resultaat,
  gemeenteNamen,
  filter,
  wijken,
  magBeheren,
  melding,
}: {
  chrome: Chrome;
  resultaat: Pagina<OrganisatieOverzicht>;
  /** Names of the municipalities the reader may see: same-named items are told apart by them. */
  gemeenteNamen: ReadonlyMap<string, string>;
  filter: OrganisatieFilterWaarden;
  wijken: ReadonlyArray<{ id: string; naam: string }>;
  magBeheren: boolean;
  melding?: Melding | undefined;
}) {
  return (
    <NetwerkLayout title="Organisaties" chrome={chrome} melding={melding}>
      <Heading level={1}>Organisaties</Heading>
      <Paragraph>
        Organisaties in uw gemeenten die activiteiten aanbieden voor de tegenprestatie. Maatschappelijke
        instellingen hebben de voorkeur; bedrijven mogen ook.
      </Paragraph>
      {magBeheren ? <ButtonLink href={paths.organisatieNieuw()}>Organisatie toevoegen</ButtonLink> : null}
      <Zoekformulier action={paths.organisaties()} label="Organisaties zoeken">
        <TextField name="zoek" label="Zoeken op naam, plaats of notitie" value={filter.zoek} />
        <SelectField
          name="type"
          label="Soort organisatie"
          value={filter.type}
          options={[
            ...alle('Alle soorten'),
            ...ORGANISATIE_TYPES.map((t) => ({ value: t, label: ORGANISATIE_TYPE_NAMEN[t] })),
          ]}
        />
        <SelectField
          name="status"
          label="Status"
          value={filter.status}
          options={[
            ...alle('Alle statussen'),
            ...ORGANISATIE_STATUSSEN.map((s) => ({ value: s, label: ORGANISATIE_STATUS_NAMEN[s] })),
          ]}
        />
        <SelectField
          name="wijkId"
          label="Wijk"
          value={filter.wijkId}
          options={[...alle('Alle wijken'), ...wijken.map((w) => ({ value: w.id, label: w.naam }))]}
        />
        <div className="wk-form-actions">
          <Button appearance="secondary">Zoeken</Button>
        </div>
      </Zoekformulier>
      {resultaat.items.length > 0 ? (
        <Table
          caption={`${resultaat.totaal} ${resultaat.totaal === 1 ? 'organisatie' : 'organisaties'} gevonden`}
          head={['Naam', 'Soort', 'Plaats en wijk', 'Status', 'Activiteiten']}
        >
          {resultaat.items.map((o) => (
            <Row key={o.id}>
              <Cell>
                <Link href={paths.organisatie(o.id)}>{o.naam}</Link> (
                {gemeentenTekst(gemeentenUitIds(o.gemeenteIds, gemeenteNamen))})
              </Cell>
              <Cell>{ORGANISATIE_TYPE_NAMEN[o.type]}</Cell>
              <Cell>{[o.plaats, o.wijk?.naam].filter(Boolean).join(', ') || '–'}</Cell>
              <Cell>{ORGANISATIE_STATUS_NAMEN[o.status]}</Cell>
              <Cell>{o.aantalActiviteiten}</Cell>
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>Geen organisaties gevonden.</Paragraph>
      )}
      <Paginering
        pagina={resultaat.pagina}
        aantalPaginas={resultaat.aantalPaginas}
        href={(p) => `${paths.organisaties()}${query({ ...filter, pagina: p })}`}
      />
    </NetwerkLayout>
  );
}

export function OrganisatiePagina({
  chrome,
  organisatie: o,
  activiteiten,
  magBeheren,
  melding,
}: {
  chrome: Chrome;
  organisatie: Organisatie;
  activiteiten: ActiviteitOverzicht[];
  magBeheren: boolean;
  melding?: Melding | undefined;
}) {
  const anderen = o.gemeenteIds.length - o.gemeenten.length;
  const gemeenten = [
    ...o.gemeenten.map((g) => g.naam),
    ...(anderen > 0 ? [`${anderen} andere ${anderen === 1 ? 'gemeente' : 'gemeenten'}`] : []),
  ].join(', ');
  return (
    <NetwerkLayout title={o.naam} chrome={chrome} melding={melding}>
      <Paragraph>
        <Link href={paths.organisaties()}>Terug naar organisaties</Link>
      </Paragraph>
      <Heading level={1}>
        {o.naam} ({gemeentenTekst(o.gemeenten)})
      </Heading>
      {magBeheren ? (
        <ButtonLink href={paths.organisatieWijzigen(o.id)}>Organisatie wijzigen</ButtonLink>
      ) : null}
      <Gegevens
        items={[
          ['Soort organisatie', ORGANISATIE_TYPE_NAMEN[o.type]],
          ['Status', ORGANISATIE_STATUS_NAMEN[o.status]],
          ['KvK-nummer', o.kvkNummer],
          [
            'Adres',
            [[o.straat, o.huisnummer].filter(Boolean).join(' '), o.postcode, o.plaats]
              .filter(Boolean)
              .join(', '),
          ],
          ['Wijk', o.wijk?.naam],
          ['Werkt in', gemeenten],
          ['Website', o.website],
          ['Notities', o.notities],
          ['Laatst gewijzigd', tijdstipNl(o.gewijzigdOp)],
        ]}
      />
      <Heading level={2}>Wat de organisatie teruggeeft</Heading>
      {o.wederkerigheid.length > 0 ? (
        <UnorderedList>
          {o.wederkerigheid.map((w) => (
            <ListItem key={w.categorie}>
              <strong>{WEDERKERIGHEID_NAMEN[w.categorie]}:</strong> {w.omschrijving}
            </ListItem>
          ))}
        </UnorderedList>
      ) : (
        <Paragraph>Nog niet vastgelegd. Vraag de organisatie wat zij deelnemers kan bieden.</Paragraph>
      )}
      <Heading level={2}>Contactpersonen</Heading>
      {o.contactpersonen.length > 0 ? (
        <Table caption="Contactpersonen" head={['Naam', 'Functie', 'E-mailadres', 'Telefoon']}>
          {o.contactpersonen.map((c) => (
            <Row key={c.id}>
              <Cell>{c.naam}</Cell>
              <Cell>{c.functie ?? '–'}</Cell>
              <Cell>{c.email ?? '–'}</Cell>
              <Cell>{c.telefoon ?? '–'}</Cell>
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>Er zijn nog geen contactpersonen.</Paragraph>
      )}
      <Heading level={2}>Activiteiten</Heading>
      {magBeheren ? <ButtonLink href={paths.activiteitNieuw(o.id)}>Activiteit toevoegen</ButtonLink> : null}
      {activiteiten.length > 0 ? (
        <Table
          caption={`Activiteiten bij ${o.naam}`}
          head={['Activiteit', 'Uren per week', 'Plaatsen vrij', 'Verdringingstoets']}
        >
          {activiteiten.map((a) => (
            <Row key={a.id}>
              <Cell>
                <Link href={paths.activiteit(a.id)}>{a.titel}</Link>
              </Cell>
              <Cell>{uren(a.urenMin, a.urenMax)}</Cell>
              <Cell>
                {a.plaatsenVrij} van {a.plaatsen}
              </Cell>
              <Cell>{TOETS_STATUS_NAMEN[a.toets.status]}</Cell>
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>Deze organisatie heeft nog geen activiteiten.</Paragraph>
      )}
    </NetwerkLayout>
  );
}

/** What the organisation form shows and sends back: text as typed. */
export interface OrganisatieWaarden {
  naam: string;
  type: string;
  kvkNummer: string;
  straat: string;
  huisnummer: string;
  postcode: string;
  plaats: string;
  website: string;
  gemeenteIds: string[];
  status: string;
  notities: string;
  contactpersonen: Array<{ id: string; naam: string; functie: string; email: string; telefoon: string }>;
  wederkerigheid: Record<string, string>;
}

/** The field names of a contact person row: `contact-0-naam`. */
export const contactVeld = (i: number, veld: string) => `contact-${i}-${veld}`;

/** Error keys of the service → ids of the inputs (for the links in the error summary). */
export function organisatieVeldIds(fouten: FieldErrors, eersteGemeente: string): Record<string, string> {
  const ids: Record<string, string> = { gemeenteIds: eersteGemeente, type: 'type', status: 'status' };
  for (const k of Object.keys(fouten)) {
    const m = /^contactpersonen\.(\d+)\.(\w+)$/.exec(k);
    if (m) ids[k] = contactVeld(Number(m[1]), m[2] ?? 'naam');
    if (k === 'wederkerigheid') ids[k] = `wederkerigheid-${WEDERKERIGHEID_CATEGORIEEN[0]}`;
  }
  return ids;
}

/** Create (no `organisatie`) or edit an organisation. */
export function OrganisatieFormulier({
  chrome,
  organisatie,
  gemeenten,
  waarden,
  fouten = {},
}: {
  chrome: Chrome;
  organisatie?: Organisatie;
  gemeenten: ReadonlyArray<{ id: string; naam: string }>;
  waarden: OrganisatieWaarden;
  fouten?: FieldErrors;
}) {
  const titel = organisatie ? `${organisatie.naam} wijzigen` : 'Organisatie toevoegen';
  const heeftFouten = Object.values(fouten).some(Boolean);
  const eersteGemeente = gemeenten[0] ? `gemeenteIds-${gemeenten[0].id}` : 'gemeenteIds';
  // Existing contact persons plus one empty row (save to get another).
  const rijen = [...waarden.contactpersonen, { id: '', naam: '', functie: '', email: '', telefoon: '' }];
  return (
    <NetwerkLayout title={heeftFouten ? `Fout: ${titel}` : titel} chrome={chrome}>
      <Paragraph>
        <Link href={organisatie ? paths.organisatie(organisatie.id) : paths.organisaties()}>
          {organisatie ? `Terug naar ${organisatie.naam}` : 'Terug naar organisaties'}
        </Link>
      </Paragraph>
      <Heading level={1}>{titel}</Heading>
      <Foutmeldingen fouten={fouten} veldIds={organisatieVeldIds(fouten, eersteGemeente)} />
      <Form
        action={organisatie ? paths.organisatieWijzigen(organisatie.id) : paths.organisaties()}
        csrfToken={chrome.csrfToken}
      >
        <TextField name="naam" label="Naam" value={waarden.naam} error={fouten.naam} required />
        <SelectField
          name="type"
          label="Soort organisatie"
          value={waarden.type}
          error={fouten.type}
          options={[
            { value: '', label: 'Kies een soort' },
            ...ORGANISATIE_TYPES.map((t) => ({ value: t, label: ORGANISATIE_TYPE_NAMEN[t] })),
          ]}
        />
        <TextField
          name="kvkNummer"
          label="KvK-nummer (niet verplicht)"
          description="8 cijfers. Een vereniging zonder inschrijving laat dit leeg."
          value={waarden.kvkNummer}
          error={fouten.kvkNummer}
          inputMode="numeric"
        />
        <TextField
          name="straat"
          label="Straat"
          value={waarden.straat}
          error={fouten.straat}
          autoComplete="off"
        />
        <TextField
          name="huisnummer"
          label="Huisnummer"
          value={waarden.huisnummer}
          error={fouten.huisnummer}
        />
        <TextField
          name="postcode"
          label="Postcode"
          description="De wijk volgt uit de postcode."
          value={waarden.postcode}
          error={fouten.postcode}
        />
        <TextField name="plaats" label="Plaats" value={waarden.plaats} error={fouten.plaats} />
        <TextField name="website" label="Website" value={waarden.website} error={fouten.website} />
        <CheckboxGroup
          name="gemeenteIds"
          legend="In welke gemeenten werkt de organisatie?"
          options={gemeenten.map((g) => ({ value: g.id, label: g.naam }))}
          values={waarden.gemeenteIds}
          error={fouten.gemeenteIds}
        />
        <SelectField
          name="status"
          label="Status"
          value={waarden.status}
          error={fouten.status}
          options={ORGANISATIE_STATUSSEN.map((s) => ({ value: s, label: ORGANISATIE_STATUS_NAMEN[s] }))}
        />
        <TextArea name="notities" label="Notities" value={waarden.notities} error={fouten.notities} />

        <Heading level={2}>Wat geeft de organisatie terug?</Heading>
        <Paragraph>
          Vul in wat de organisatie deelnemers biedt. Laat leeg wat zij niet biedt. Bij een plaatsing maakt u
          het concreet.
        </Paragraph>
        {fouten.wederkerigheid ? <Paragraph>{fouten.wederkerigheid}</Paragraph> : null}
        {WEDERKERIGHEID_CATEGORIEEN.map((c) => (
          <TextArea
            key={c}
            name={`wederkerigheid-${c}`}
            label={WEDERKERIGHEID_NAMEN[c]}
            value={waarden.wederkerigheid[c] ?? ''}
            rows={2}
          />
        ))}

        <Heading level={2}>Contactpersonen</Heading>
        <Paragraph>
          Laat een rij leeg om een contactpersoon te verwijderen. Sla op voor een extra lege rij.
        </Paragraph>
        {rijen.map((c, i) => (
          <fieldset
            className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
            key={c.id || `nieuw-${i}`}
          >
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {c.id ? `Contactpersoon ${i + 1}` : 'Nieuwe contactpersoon'}
            </legend>
            <input type="hidden" name={contactVeld(i, 'id')} value={c.id} />
            <TextField
              name={contactVeld(i, 'naam')}
              label="Naam"
              value={c.naam}
              error={fouten[`contactpersonen.${i}.naam`]}
            />
            <TextField
              name={contactVeld(i, 'functie')}
              label="Functie"
              value={c.functie}
              error={fouten[`contactpersonen.${i}.functie`]}
            />
            <TextField
              name={contactVeld(i, 'email')}
              label="E-mailadres"
              type="email"
              value={c.email}
              error={fouten[`contactpersonen.${i}.email`]}
            />
            <TextField
              name={contactVeld(i, 'telefoon')}
              label="Telefoon"
              type="tel"
              value={c.telefoon}
              error={fouten[`contactpersonen.${i}.telefoon`]}
            />
          </fieldset>
        ))}
        <div className="wk-form-actions">
          <Button>{organisatie ? 'Opslaan' : 'Organisatie toevoegen'}</Button>
        </div>
      </Form>
    </NetwerkLayout>
  );
}
