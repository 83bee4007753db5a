import {
  Alert,
  Button,
  Cell,
  ErrorSummary,
  type FieldErrors,
  Form,
  Gegevens,
  Heading,
  Link,
  ListItem,
  Paragraph,
  RadioGroup,
  Row,
  SelectField,
  Table,
  TextArea,
  TextField,
  UnorderedList,
} from '../../../web/components/index.tsx';
import { Layout } from '../../../web/layout.tsx';
import { paths } from '../../../web/paths.ts';
import { formatDatumNl, vandaag } from '../../klanten/index.ts';
import type { Maatregel } from '../dwang.schemas.ts';
import {
  BEZWAAR_UITKOMSTEN,
  NAZORG_STAND_NAMEN,
  RECHTSMIDDEL_SOORT_NAMEN,
  RECHTSMIDDEL_SOORTEN,
  STADIA,
  STADIUM_NAMEN,
  type Termijn,
  UITKOMST_NAMEN,
  VOORZIENING_UITKOMSTEN,
  WIJZIGING_AANLEIDING_NAMEN,
  WIJZIGING_AANLEIDINGEN,
  WIJZIGING_UITKOMST_NAMEN,
  WIJZIGING_UITKOMSTEN,
} from '../nazorg.ts';
import type { MaatregelExport, MaatregelNazorg, Rechtsmiddel } from '../nazorg.schemas.ts';
import type { TeamlijstRegel } from '../nazorg.service.ts';
import type { Chrome } from './incidenten.tsx';

type Waarden = Record<string, string>;
const kies = { value: '', label: '– Kies –' };
const termijnTekst = (t: Termijn) =>
  `${t.percentage} % van ${formatDatumNl(t.van)} tot en met ${formatDatumNl(t.tot)}`;
const WIJZIGING_STATUS: Record<string, string> = {
  'ter-beoordeling': 'wacht op de teamleider',
  vastgesteld: 'vastgesteld',
  teruggestuurd: 'teruggestuurd',
};

/** The measure page after the decision: reconsideration, what applies now, changes (four eyes), objections. */
export function NazorgSectie({
  chrome,
  actie,
  n,
  isTeamleider,
  formulier,
  waarden,
  fouten,
}: {
  chrome: Chrome;
  /** The measure page's path (the forms post below it). */
  actie: string;
  n: MaatregelNazorg;
  isTeamleider: boolean;
  formulier: string | null;
  waarden: Waarden;
  fouten: FieldErrors;
}) {
  const w = (k: string) => (formulier === 'wijziging' ? (waarden[k] ?? '') : '');
  const f = (k: string) => (formulier === 'wijziging' ? fouten[k] : undefined);
  const open = n.wijzigingen.find((x) => x.status === 'ter-beoordeling');
  return (
    <section aria-labelledby="na-het-besluit">
      <Heading level={2} id="na-het-besluit">
        Na het besluit
      </Heading>
      {!n.heroverwogen && n.stand !== 'ingetrokken' ? (
        <Alert type="info" title="Heroverweging (artikel 18 lid 3 Participatiewet)">
          {`Heroverweeg de maatregel uiterlijk ${formatDatumNl(n.heroverwegingUiterlijk)} (drie maanden na het besluit van ${formatDatumNl(n.besluitDatum)}) en leg de uitkomst vast.`}
        </Alert>
      ) : null}
      <Gegevens
        items={[
          ['Besloten', termijnTekst(n.besloten)],
          ['Stand', NAZORG_STAND_NAMEN[n.stand]],
          [
            'Wat nu geldt',
            n.termijnen.length === 0
              ? 'Niets: de maatregel is ingetrokken.'
              : n.termijnen.map(termijnTekst).join('; '),
          ],
          [
            'Heroverweging',
            n.heroverwogen
              ? 'Vastgesteld'
              : `Nog niet vastgesteld (uiterlijk ${formatDatumNl(n.heroverwegingUiterlijk)})`,
          ],
        ]}
      />
      {n.wijzigingen.length ? (
        <>
          <Heading level={3}>Heroverwegingen en wijzigingen</Heading>
          <UnorderedList>
            {n.wijzigingen.map((x) => (
              <ListItem key={x.id}>
                {`${WIJZIGING_AANLEIDING_NAMEN[x.aanleiding]}: ${WIJZIGING_UITKOMST_NAMEN[x.uitkomst]}${
                  x.ingangsdatum ? ` vanaf ${formatDatumNl(x.ingangsdatum)}` : ''
                }${x.percentage !== null ? `, ${x.percentage} %` : ''}${
                  x.einddatum ? ` tot en met ${formatDatumNl(x.einddatum)}` : ''
                }. ${x.motivering} (${x.voorgesteldDoorNaam}; ${WIJZIGING_STATUS[x.status]}${
                  x.beoordeeldDoorNaam ? ` door ${x.beoordeeldDoorNaam}` : ''
                }${x.beoordelingToelichting ? `: ${x.beoordelingToelichting}` : ''})`}
              </ListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}
      {open && isTeamleider ? (
        <Form
          action={`${actie}/wijzigingen/${open.id}/beoordeling`}
          csrfToken={chrome.csrfToken}
          id="wijziging-oordeel"
        >
          <Heading level={3}>Vier ogen: de wijziging vaststellen</Heading>
          <RadioGroup
            name="akkoord"
            idPrefix="wijziging-akkoord"
            legend="Stelt u de wijziging vast?"
            options={[
              { value: 'ja', label: 'Vaststellen' },
              { value: 'nee', label: 'Terugsturen' },
            ]}
            value={formulier === 'wijzigingOordeel' ? (waarden.akkoord ?? '') : ''}
            error={formulier === 'wijzigingOordeel' ? fouten.akkoord : undefined}
          />
          <TextArea
            name="toelichting"
            id="wijziging-toelichting"
            label="Toelichting (verplicht bij terugsturen)"
            rows={2}
            value={formulier === 'wijzigingOordeel' ? (waarden.toelichting ?? '') : ''}
            error={formulier === 'wijzigingOordeel' ? fouten.toelichting : undefined}
          />
          <Button>Oordeel vastleggen</Button>
        </Form>
      ) : null}
      {!open && n.stand !== 'ingetrokken' ? (
        <Form action={`${actie}/wijzigingen`} csrfToken={chrome.csrfToken} id="wijziging">
          <Heading level={3}>Heroverweging of wijziging voorstellen</Heading>
          <Paragraph>
            Een teamleider die het niet voorstelde, stelt de uitkomst vast (vier ogen). Een wijziging maakt de
            maatregel nooit zwaarder: een hoger percentage of een langere duur is een nieuw besluit, met een
            voornemen en horen. Een vastgestelde wijziging komt als correctieregel in de volgende export naar
            het uitkeringssysteem.
          </Paragraph>
          <SelectField
            name="aanleiding"
            label="Aanleiding"
            value={w('aanleiding')}
            options={[
              kies,
              ...WIJZIGING_AANLEIDINGEN.map((a) => ({ value: a, label: WIJZIGING_AANLEIDING_NAMEN[a] })),
            ]}
            error={f('aanleiding')}
          />
          <RadioGroup
            name="uitkomst"
            legend="Uitkomst"
            options={WIJZIGING_UITKOMSTEN.map((u) => ({ value: u, label: WIJZIGING_UITKOMST_NAMEN[u] }))}
            value={w('uitkomst')}
            error={f('uitkomst')}
          />
          <TextField
            name="ingangsdatum"
            type="date"
            label="Vanaf (aangepast: het nieuwe percentage; beëindigd: de eerste dag zonder maatregel)"
            value={w('ingangsdatum')}
            error={f('ingangsdatum')}
          />
          <TextField
            name="percentage"
            label="Aangepast: nieuw percentage van de norm"
            inputMode="numeric"
            value={w('percentage')}
            error={f('percentage')}
          />
          <TextField
            name="einddatum"
            type="date"
            label="Aangepast: nieuwe laatste dag"
            value={w('einddatum')}
            error={f('einddatum')}
          />
          <TextArea
            name="motivering"
            label="Motivering"
            rows={3}
            value={w('motivering')}
            error={f('motivering')}
          />
          <Button>Voorstel vastleggen</Button>
        </Form>
      ) : null}
    </section>
  );
}

/** The placement's objections and provisional rulings, with the forms (list page of the measures). */
export function RechtsmiddelenSectie({
  chrome,
  actie,
  rechtsmiddelen,
  maatregelen,
  opgelegd,
  formulier,
  waarden,
  fouten,
}: {
  chrome: Chrome;
  actie: string;
  rechtsmiddelen: Rechtsmiddel[];
  maatregelen: Maatregel[];
  opgelegd: boolean;
  formulier: string | null;
  waarden: Waarden;
  fouten: FieldErrors;
}) {
  const besloten = maatregelen.filter((m) => m.status === 'besloten');
  const tegen = (r: Rechtsmiddel) =>
    r.betreft === 'maatregel'
      ? `de maatregel (besluit van ${formatDatumNl(r.besluitDatum)})`
      : `het opleggende besluit van ${formatDatumNl(r.besluitDatum)}`;
  const w = (k: string) => (formulier === 'rechtsmiddel' ? (waarden[k] ?? '') : '');
  const f = (k: string) => (formulier === 'rechtsmiddel' ? fouten[k] : undefined);
  if (!opgelegd && rechtsmiddelen.length === 0) return null;
  return (
    <section aria-labelledby="bezwaar">
      <Heading level={2} id="bezwaar">
        Bezwaar en voorlopige voorziening
      </Heading>
      {rechtsmiddelen.length === 0 ? <Paragraph>Er is geen bezwaar of verzoek vastgelegd.</Paragraph> : null}
      {rechtsmiddelen.map((r) => {
        const eigen = formulier === `beslissing-${r.id}`;
        return (
          <div key={r.id}>
            <Heading level={3}>{`${RECHTSMIDDEL_SOORT_NAMEN[r.soort]} tegen ${tegen(r)}`}</Heading>
            <Gegevens
              items={[
                [r.soort === 'bezwaar' ? 'Ontvangen' : 'Aangevraagd', formatDatumNl(r.ontvangenOp)],
                [
                  'Bezwaartermijn',
                  `tot en met ${formatDatumNl(r.bezwaartermijnEinde)}${
                    r.soort === 'bezwaar' && r.ontvangenOp > r.bezwaartermijnEinde
                      ? ' — buiten de termijn: beoordeel de ontvankelijkheid (artikel 6:11 Awb)'
                      : ''
                  }`,
                ],
                ['Waartegen', r.toelichting],
                [
                  'Beslissing',
                  r.uitkomst && r.beslistOp
                    ? `${UITKOMST_NAMEN[r.uitkomst]} op ${formatDatumNl(r.beslistOp)}${r.beslissingToelichting ? `: ${r.beslissingToelichting}` : ''}`
                    : 'Nog niet beslist',
                ],
              ]}
            />
            {!r.uitkomst ? (
              <Form
                action={`${actie}/${r.id}/beslissing`}
                csrfToken={chrome.csrfToken}
                id={`beslissing-${r.id}`}
              >
                <SelectField
                  name="uitkomst"
                  id={`uitkomst-${r.id}`}
                  label={r.soort === 'bezwaar' ? 'Beslissing op bezwaar' : 'Uitspraak'}
                  value={eigen ? (waarden.uitkomst ?? '') : ''}
                  options={[
                    kies,
                    ...(r.soort === 'bezwaar' ? BEZWAAR_UITKOMSTEN : VOORZIENING_UITKOMSTEN).map((u) => ({
                      value: u,
                      label: UITKOMST_NAMEN[u],
                    })),
                  ]}
                  error={eigen ? fouten[`uitkomst-${r.id}`] : undefined}
                />
                <TextField
                  name="beslistOp"
                  id={`beslistOp-${r.id}`}
                  type="date"
                  label="Datum van de beslissing"
                  value={eigen ? (waarden.beslistOp ?? '') : ''}
                  error={eigen ? fouten[`beslistOp-${r.id}`] : undefined}
                />
                <TextArea
                  name="toelichting"
                  id={`beslissingToelichting-${r.id}`}
                  label="Toelichting"
                  rows={2}
                  value={eigen ? (waarden.toelichting ?? '') : ''}
                  error={eigen ? fouten[`beslissingToelichting-${r.id}`] : undefined}
                />
                <Button>Beslissing vastleggen</Button>
              </Form>
            ) : null}
          </div>
        );
      })}
      <Form action={actie} csrfToken={chrome.csrfToken} id="rechtsmiddel">
        <Heading level={3}>Bezwaar of voorlopige voorziening vastleggen</Heading>
        <Paragraph>
          Verandert de maatregel door de beslissing (bijvoorbeeld een gegrond bezwaar), leg dan op de pagina
          van de maatregel een wijziging vast met de aanleiding bezwaar of voorlopige voorziening.
        </Paragraph>
        <SelectField
          name="keuze"
          label="Waartegen?"
          value={w('keuze')}
          options={[
            kies,
            ...(opgelegd ? [{ value: 'opleggend-besluit', label: 'Het opleggende besluit' }] : []),
            ...besloten.map((m) => ({
              value: `maatregel:${m.id}`,
              label: `De maatregel voor gedrag op ${formatDatumNl(m.gedragDatum)}`,
            })),
          ]}
          error={f('keuze')}
        />
        <SelectField
          name="soort"
          label="Soort"
          value={w('soort')}
          options={[
            kies,
            ...RECHTSMIDDEL_SOORTEN.map((s) => ({ value: s, label: RECHTSMIDDEL_SOORT_NAMEN[s] })),
          ]}
          error={f('soort')}
        />
        <TextField
          name="ontvangenOp"
          type="date"
          label="Ontvangen op (voorlopige voorziening: aangevraagd op)"
          value={w('ontvangenOp')}
          error={f('ontvangenOp')}
        />
        <TextArea
          name="toelichting"
          label="Waartegen komt de klant op?"
          rows={3}
          value={w('toelichting')}
          error={f('toelichting')}
        />
        <Button>Vastleggen</Button>
      </Form>
    </section>
  );
}

/** The monthly export to the benefits system (team lead, functioneel beheerder). */
export function ExportPagina({
  chrome,
  gemeenten,
  gemeenteId,
  maand,
  exports,
  gekozen,
  fouten,
  melding,
}: {
  chrome: Chrome;
  gemeenten: ReadonlyArray<{ id: string; naam: string }>;
  gemeenteId: string;
  maand: string;
  exports: MaatregelExport[];
  gekozen: MaatregelExport | null;
  fouten: FieldErrors;
  melding: string | null;
}) {
  const pad = (e: MaatregelExport, soort: 'csv' | 'json') =>
    paths.maatregelExportBestand(e.gemeenteId, e.id, soort);
  const zonderNummer = gekozen?.regels?.filter((r) => !r.klantnummer).length ?? 0;
  return (
    <Layout title="Maatregelexport uitkeringssysteem" nav={chrome.nav} account={chrome.account}>
      <Heading level={1}>Maatregelexport naar het uitkeringssysteem</Heading>
      <Paragraph>
        Elke maand geeft de gemeente de besloten maatregelen door aan de uitkeringsadministratie: per
        maatregel het klantnummer (nooit het BSN), de categorie, het percentage van de norm, de periode, de
        grondslag, de besluitdatum en de stand. Wijzigingen die sinds de vorige export zijn vastgesteld
        (aangepast, beëindigd, ingetrokken) staan er één keer in als correctieregel. Elke export wordt
        bewaard.
      </Paragraph>
      <ErrorSummary errors={fouten} />
      {melding ? <Alert type="ok">{melding}</Alert> : null}
      <Form action={paths.maatregelExport()} csrfToken={chrome.csrfToken} id="export">
        <SelectField
          name="gemeenteId"
          label="Gemeente"
          value={gemeenteId}
          options={gemeenten.map((g) => ({ value: g.id, label: g.naam }))}
          error={fouten.gemeenteId}
        />
        <TextField
          name="maand"
          label="Maand"
          value={maand}
          error={fouten.maand}
          description="Als jaar en maand, bijvoorbeeld 2027-01."
        />
        <Button>Export maken</Button>
      </Form>
      {gekozen ? (
        <>
          <Heading level={2}>{`Export van ${gekozen.maand}`}</Heading>
          {zonderNummer ? (
            <Alert type="warning" title="Klantnummer ontbreekt">
              {`${zonderNummer} ${zonderNummer === 1 ? 'regel heeft' : 'regels hebben'} geen klantnummer: vul het klantnummer aan in het dossier, anders kan de uitkeringsadministratie de regel niet koppelen.`}
            </Alert>
          ) : null}
          <Paragraph>
            <Link href={pad(gekozen, 'csv')}>Download als CSV</Link>
            {' · '}
            <Link href={pad(gekozen, 'json')}>Download als JSON</Link>
          </Paragraph>
          {(gekozen.regels ?? []).length === 0 ? (
            <Paragraph>Geen maatregelen en geen correcties.</Paragraph>
          ) : (
            <Table
              caption={`Regels van de export van ${gekozen.maand}`}
              head={[
                'Soort',
                'Klantnummer',
                'Categorie',
                'Percentage',
                'Van',
                'Tot en met',
                'Besluit',
                'Stand',
              ]}
            >
              {(gekozen.regels ?? []).map((r) => (
                <Row key={`${r.soort}-${r.maatregelId}-${r.ingangsdatum}-${r.besluitDatum}-${r.percentage}`}>
                  <Cell>{r.soort === 'correctie' ? 'Correctie' : 'Maatregel'}</Cell>
                  <Cell>{r.klantnummer ?? '–'}</Cell>
                  <Cell>{String(r.categorie)}</Cell>
                  <Cell>{`${r.percentage} %`}</Cell>
                  <Cell>{formatDatumNl(r.ingangsdatum)}</Cell>
                  <Cell>{r.einddatum ? formatDatumNl(r.einddatum) : '–'}</Cell>
                  <Cell>{formatDatumNl(r.besluitDatum)}</Cell>
                  <Cell>{r.status}</Cell>
                </Row>
              ))}
            </Table>
          )}
        </>
      ) : null}
      <Heading level={2}>Eerdere exports</Heading>
      {exports.length === 0 ? (
        <Paragraph>Voor deze gemeente is nog geen export gemaakt.</Paragraph>
      ) : (
        <UnorderedList>
          {exports.map((e) => (
            <ListItem key={e.id}>
              {`${e.maand}, gemaakt ${formatDatumNl(vandaag(new Date(e.uitgevoerdOp)))} door ${e.doorNaam}: ${e.aantal} regels, waarvan ${e.aantalCorrecties} correcties — `}
              <Link href={pad(e, 'csv')}>CSV</Link>
              {' · '}
              <Link href={pad(e, 'json')}>JSON</Link>
            </ListItem>
          ))}
        </UnorderedList>
      )}
    </Layout>
  );
}

/** The team lead's list of measures by stage. */
export function TeamlijstPagina({ chrome, regels }: { chrome: Chrome; regels: TeamlijstRegel[] }) {
  return (
    <Layout title="Maatregelen" nav={chrome.nav} account={chrome.account}>
      <Heading level={1}>Maatregelen in uw gemeenten</Heading>
      <Paragraph>
        Elk maatregeltraject per stadium, het dringendste eerst. Een voornemen waarvan de termijn voor de
        zienswijze is verstreken, kan naar een definitief voorstel; een voorstel of wijziging wacht op het
        akkoord van een teamleider die het niet zelf voorstelde; een besloten maatregel wordt binnen drie
        maanden heroverwogen (artikel 18 lid 3 Participatiewet).
      </Paragraph>
      {STADIA.map((s) => {
        const deze = regels.filter((r) => r.stadium === s);
        return (
          <section key={s} aria-labelledby={`stadium-${s}`}>
            <Heading level={2} id={`stadium-${s}`}>{`${STADIUM_NAMEN[s]} (${deze.length})`}</Heading>
            {deze.length === 0 ? (
              <Paragraph>Geen.</Paragraph>
            ) : (
              <Table caption={STADIUM_NAMEN[s]} head={['Klant', 'Gedrag op', 'Datum', 'Traject']}>
                {deze.map((r) => (
                  <Row key={r.maatregelId}>
                    <Cell>{r.klantNaam ?? 'Onbekend'}</Cell>
                    <Cell>{formatDatumNl(r.gedragDatum)}</Cell>
                    <Cell>{r.peildatum ? formatDatumNl(r.peildatum) : '–'}</Cell>
                    <Cell>
                      <Link href={paths.tegenprestatieMaatregel(r.tegenprestatieId, r.maatregelId)}>
                        {`Open de maatregel van ${r.klantNaam ?? 'de klant'}`}
                      </Link>
                    </Cell>
                  </Row>
                ))}
              </Table>
            )}
          </section>
        );
      })}
    </Layout>
  );
}
