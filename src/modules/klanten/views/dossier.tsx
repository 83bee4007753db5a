import type { ReactNode } from 'react';
import {
  Alert,
  Button,
  ButtonLink,
  Cell,
  CheckboxGroup,
  type FieldErrors,
  Form,
  Heading,
  Paragraph,
  Row,
  SelectField,
  TabelRegio,
  Table,
  TextField,
} from '../../../web/components/index.tsx';
import { paths } from '../../../web/paths.ts';
import { formatAowLeeftijd } from '../aow.ts';
import { formatDatumNl, vandaag } from '../datum.ts';
import {
  BEPERKING_NAMEN,
  type Beperking,
  DAG_NAMEN,
  DAGDEEL_TIJDEN,
  DAGEN_KORT,
  MOBILITEIT_NAMEN,
  OPLEIDINGSNIVEAU_NAMEN,
  TAAL_NAMEN,
  TAALNIVEAU_NAMEN,
  type Vervoer,
} from '../keuzelijsten.ts';
import type { KlantDossier, Ontheffing } from '../klanten.schemas.ts';
import type { KlantmanagerKeuze, LokaleGrond } from '../klanten.service.ts';
import {
  formatDuur,
  NEGEN_A_GEBEURTENIS_NAMEN,
  NEGEN_A_GEBEURTENISSEN,
  OPSCHORTING_NAMEN,
} from '../negen-a.ts';
import { ONTHEFFING_TYPE_NAMEN, ONTHEFFING_TYPES, TOEPASSELIJKHEID_NAMEN } from '../toepasselijkheid.ts';
import { ToepasselijkheidLabel } from './klanten.tsx';
import {
  type Chrome,
  Foutmeldingen,
  Gegevens,
  KlantenLayout,
  type Melding,
  Tabs,
  TextArea,
} from './onderdelen.tsx';

export type Tab =
  | 'profiel'
  | 'verplichtingen'
  | 'tegenprestaties'
  | 'gesprekken'
  | 'passende-activiteiten'
  | 'vertegenwoordiging';

const datum = (d: string | null | undefined) => (d ? formatDatumNl(d) : '–');
const uren = (n: number | null | undefined) =>
  n === null || n === undefined ? '–' : `${String(n).replace('.', ',')} uur per week`;

/** Age in whole years on `peildatum`. */
function leeftijd(geboortedatum: string, peildatum: string): number {
  const [gj, gm, gd] = geboortedatum.split('-').map(Number) as [number, number, number];
  const [pj, pm, pd] = peildatum.split('-').map(Number) as [number, number, number];
  return pj - gj - (pm < gm || (pm === gm && pd < gd) ? 1 : 0);
}

/** Frame of a client's file: name, key facts, applicability, actions and the tabs (used by other modules' tabs). */
export function DossierFrame({
  chrome,
  klant,
  tab,
  melding,
  titel,
  children,
}: {
  chrome: Chrome;
  klant: KlantDossier;
  tab: Tab;
  melding?: Melding | undefined;
  titel?: string;
  children: ReactNode;
}) {
  const t = klant.toepasselijkheidDetail;
  // The municipality's current name of the instrument (the name never changes the legal basis).
  const naam = klant.instrumentNaam;
  const Naam = `${naam.charAt(0).toUpperCase()}${naam.slice(1)}`;
  const tabs: ReadonlyArray<{ tab: Tab; href: string; label: string }> = [
    { tab: 'profiel', href: paths.klant(klant.id), label: 'Profiel' },
    {
      tab: 'verplichtingen',
      href: paths.klantVerplichtingen(klant.id),
      label: 'Verplichtingen en ontheffingen',
    },
    {
      tab: 'tegenprestaties',
      href: paths.klantTegenprestaties(klant.id),
      label: naam === 'tegenprestatie' ? 'Tegenprestaties' : Naam,
    },
    { tab: 'gesprekken', href: paths.klantGesprekken(klant.id), label: 'Gesprekken' },
    {
      tab: 'passende-activiteiten',
      href: paths.klantPassendeActiviteiten(klant.id),
      label: 'Passende activiteiten',
    },
    {
      tab: 'vertegenwoordiging',
      href: paths.klantVertegenwoordiging(klant.id),
      label: 'Vertegenwoordiging en partner',
    },
  ];
  const huidig = tabs.find((x) => x.tab === tab)!;
  return (
    <KlantenLayout title={titel ?? `${klant.naam} – ${huidig.label}`} chrome={chrome} melding={melding}>
      <Paragraph>
        <a className="utrecht-link utrecht-link--html-a" href={paths.klanten()}>
          Terug naar klanten
        </a>
      </Paragraph>
      <div className="wk-dossierkop">
        <div>
          <Heading level={1}>{klant.naam}</Heading>
          <Paragraph>
            Klantnummer {klant.klantnummer ?? '(geen)'} · geboren {formatDatumNl(klant.geboortedatum)} (
            {leeftijd(klant.geboortedatum, t.peildatum)} jaar) · klantmanager{' '}
            {klant.klantmanager?.naam ?? 'geen'}
          </Paragraph>
        </div>
        <ButtonLink href={paths.klantWijzigen(klant.id)}>Gegevens wijzigen</ButtonLink>
      </div>
      <section className="wk-toepasselijkheid" aria-labelledby="tegenprestatie-kop">
        <Heading level={2} id="tegenprestatie-kop">
          {Naam}: <ToepasselijkheidLabel waarde={t.uitkomst} />
        </Heading>
        <Redenen klant={klant} />
      </section>
      <Tabs
        label="Onderdelen van het dossier"
        tabs={tabs.map((x) => ({ href: x.href, label: x.label, current: x.tab === tab }))}
      />
      <Heading level={2}>{huidig.label}</Heading>
      {children}
    </KlantenLayout>
  );
}

/** The reasons behind today's applicability, each with its article. */
function Redenen({ klant }: { klant: KlantDossier }) {
  const t = klant.toepasselijkheidDetail;
  const naam = klant.instrumentNaam;
  return (
    <>
      {t.redenen.length > 0 ? (
        <ul className="utrecht-unordered-list">
          {t.redenen.map((r) => (
            <li className="utrecht-unordered-list__item" key={`${r.code}-${r.tot ?? ''}`}>
              {r.tekst}
              {r.tot ? ` (tot ${formatDatumNl(r.tot)})` : ''} —{' '}
              <span className="wk-artikel">
                {r.artikelBekend ? r.artikel : `${r.artikel} (artikel in de nieuwe wet nog niet bekend)`}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {t.uitkomst === 'van-toepassing' ? (
        <Paragraph>
          {t.resterendeUren === null
            ? `De ${naam} is van toepassing.`
            : `Ruimte voor ${naam}: hoogstens ${String(t.resterendeUren).replace('.', ',')} uur per week (${
                t.capaciteitBron === 'belastbaarheid'
                  ? 'volgens de belastbaarheid'
                  : `grens regulier werk ${t.regulierWerkUren} uur`
              }${t.werkurenPerWeek > 0 ? `, min ${String(t.werkurenPerWeek).replace('.', ',')} uur werk` : ''}).`}
        </Paragraph>
      ) : null}
      {t.vanToepassingVanaf ? (
        <Paragraph>Van toepassing vanaf {formatDatumNl(t.vanToepassingVanaf)}.</Paragraph>
      ) : null}
    </>
  );
}

/** Days × morning/afternoon/evening as a read-only table. */
function DagdelenTabel({ caption, dagdelen }: { caption: string; dagdelen: readonly string[] }) {
  if (dagdelen.length === 0) return <Paragraph>{caption}: geen dagdelen opgegeven.</Paragraph>;
  return (
    <div className="utrecht-table-container">
      <table className="utrecht-table utrecht-table--html-table wk-dagdelen">
        <caption className="utrecht-table__caption">{caption}</caption>
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
              {DAGDEEL_TIJDEN.map((t) => (
                <td className="utrecht-table__cell" key={t}>
                  {dagdelen.includes(`${d}-${t}`) ? 'Ja' : '–'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The profile tab: personal data (BSN masked, revealed only by an explicit, logged action), skills and more. */
export function ProfielPagina({
  chrome,
  klant,
  melding,
  getoondBsn,
  klantmanagers,
  toewijzenFout,
  sluiten,
  netwerk,
}: {
  chrome: Chrome;
  klant: KlantDossier;
  /** What was typed in the "Dossier sluiten" form and why it was refused. */
  sluiten?: { per: string; fout: string };
  melding?: Melding | undefined;
  /** The full BSN, only in the response to the posted "Toon BSN" action. */
  getoondBsn?: string | null;
  klantmanagers: readonly KlantmanagerKeuze[];
  toewijzenFout?: string;
  netwerk?: NetwerkZoekstand;
}) {
  const bsn =
    getoondBsn !== undefined ? (
      <span className="wk-geheim">{getoondBsn ?? 'Geen BSN bekend'}</span>
    ) : klant.heeftBsn ? (
      <div className="wk-bsn">
        <span>{klant.bsnGemaskeerd}</span>
        <Form action={paths.klantBsn(klant.id)} csrfToken={chrome.csrfToken}>
          <Button appearance="subtle">Toon BSN</Button>
        </Form>
      </div>
    ) : (
      'Geen BSN bekend'
    );
  return (
    <DossierFrame chrome={chrome} klant={klant} tab="profiel" melding={melding}>
      {toewijzenFout ? <Foutmeldingen fouten={{ klantmanagerId: toewijzenFout }} /> : null}
      {sluiten ? <Foutmeldingen fouten={{ per: sluiten.fout }} veldIds={{ per: 'dossier-per' }} /> : null}
      {netwerk?.fout ? (
        <Foutmeldingen fouten={{ organisatieId: netwerk.fout }} veldIds={{ organisatieId: 'netwerk-zoek' }} />
      ) : null}
      <div className="wk-kolommen">
        <section aria-labelledby="persoon-kop">
          <Heading level={3} id="persoon-kop">
            Persoonsgegevens
          </Heading>
          <Gegevens
            items={[
              ['Voornamen', klant.voornamen],
              ['Roepnaam', klant.roepnaam],
              ['Achternaam', [klant.voorvoegsel, klant.achternaam].filter(Boolean).join(' ')],
              ['Geboortedatum', formatDatumNl(klant.geboortedatum)],
              ['BSN', bsn],
              [
                'AOW-leeftijd',
                `${formatAowLeeftijd(klant.toepasselijkheidDetail.aow)}, op ${formatDatumNl(klant.toepasselijkheidDetail.aow.datum)}${klant.toepasselijkheidDetail.aow.voorlopig ? ' (voorlopig)' : ''}`,
              ],
            ]}
          />
        </section>
        <section aria-labelledby="adres-kop">
          <Heading level={3} id="adres-kop">
            Adres en contact
          </Heading>
          <Gegevens
            items={[
              ['Adres', [klant.straat, klant.huisnummer].filter(Boolean).join(' ')],
              ['Postcode en woonplaats', [klant.postcode, klant.woonplaats].filter(Boolean).join(' ')],
              [
                'Wijk',
                klant.wijk
                  ? `${klant.wijk.naam}${klant.wijkHandmatig ? ' (met de hand gekozen)' : ''}`
                  : null,
              ],
              ['Telefoon', klant.telefoon],
              ['E-mailadres', klant.email],
            ]}
          />
        </section>
        <section aria-labelledby="taal-kop">
          <Heading level={3} id="taal-kop">
            Taal en opleiding
          </Heading>
          <Gegevens
            items={[
              ['Voorkeurstaal', klant.taal ? (TAAL_NAMEN[klant.taal] ?? klant.taal) : null],
              ['Taalniveau Nederlands', klant.taalniveau ? TAALNIVEAU_NAMEN[klant.taalniveau] : null],
              [
                'Opleidingsniveau',
                klant.opleidingsniveau ? OPLEIDINGSNIVEAU_NAMEN[klant.opleidingsniveau] : null,
              ],
            ]}
          />
        </section>
        <section aria-labelledby="mogelijkheden-kop">
          <Heading level={3} id="mogelijkheden-kop">
            Mogelijkheden
          </Heading>
          <Gegevens
            items={[
              [
                'Belastbaarheid',
                klant.belastbaarheid?.maxUrenPerWeek != null
                  ? uren(klant.belastbaarheid.maxUrenPerWeek)
                  : null,
              ],
              [
                'Beperkingen',
                klant.belastbaarheid?.beperkingen.length
                  ? klant.belastbaarheid.beperkingen
                      .map((b) => BEPERKING_NAMEN[b as Beperking] ?? b)
                      .join('; ')
                  : null,
              ],
              ['Vervoer', klant.mobiliteit.map((m) => MOBILITEIT_NAMEN[m as Vervoer] ?? m).join(', ')],
              [
                'Reistijd',
                klant.maxReistijdMinuten === null ? null : `hoogstens ${klant.maxReistijdMinuten} minuten`,
              ],
              ['Zorgtaken', klant.zorgtaken],
              ['Eigen netwerk', klant.eigenNetwerk],
              ['Vaardigheden', klant.vaardigheden.map((v) => v.naam).join(', ')],
              ['Interesses', klant.interesses.map((v) => v.naam).join(', ')],
            ]}
          />
        </section>
      </div>
      <DagdelenTabel caption="Beschikbaar op deze dagdelen" dagdelen={klant.beschikbaarheid} />
      <Heading level={3}>Werkervaring</Heading>
      {klant.werkervaring.length > 0 ? (
        <Table caption="Sector, functie en aantal jaren" head={['Sector', 'Functie', 'Jaren']}>
          {klant.werkervaring.map((w) => (
            <Row key={`${w.sector}|${w.functie}|${w.jaren}`}>
              <Cell>{w.sector}</Cell>
              <Cell>{w.functie}</Cell>
              <Cell>{String(w.jaren).replace('.', ',')}</Cell>
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>Geen werkervaring vastgelegd.</Paragraph>
      )}
      <Heading level={3}>Klantmanager</Heading>
      <Form action={paths.klantKlantmanager(klant.id)} csrfToken={chrome.csrfToken}>
        <SelectField
          name="klantmanagerId"
          label="Klantmanager van deze klant"
          value={klant.klantmanager?.id ?? ''}
          error={toewijzenFout}
          options={[
            { value: '', label: 'Geen klantmanager' },
            ...klantmanagers.map((k) => ({ value: k.id, label: k.naam })),
            ...(klant.klantmanager && !klantmanagers.some((k) => k.id === klant.klantmanager?.id)
              ? [{ value: klant.klantmanager.id, label: klant.klantmanager.naam }]
              : []),
          ]}
        />
        <div className="wk-form-actions">
          <Button appearance="secondary">Klantmanager wijzigen</Button>
        </div>
      </Form>
      <DossierSluiten chrome={chrome} klant={klant} stand={sluiten} />
      <EigenNetwerk chrome={chrome} klant={klant} stand={netwerk ?? { zoek: '' }} />
    </DossierFrame>
  );
}

/** The search for organisations to link (GET `?zoek=`) and a failed link's message. */
export interface NetwerkZoekstand {
  zoek: string;
  resultaten?: ReadonlyArray<{ id: string; naam: string; plaats: string | null }>;
  fout?: string;
}

/** Organisations of the network in the client's own network: the list, remove, and search + link (no JS needed). */
function EigenNetwerk({
  chrome,
  klant,
  stand,
}: {
  chrome: Chrome;
  klant: KlantDossier;
  stand: NetwerkZoekstand;
}) {
  const gekoppeld = new Set(klant.netwerkOrganisaties.map((n) => n.organisatieId));
  return (
    <section aria-labelledby="eigen-netwerk-kop" id="eigen-netwerk">
      <Heading level={3} id="eigen-netwerk-kop">
        Eigen netwerk
      </Heading>
      {klant.netwerkOrganisaties.length > 0 ? (
        <Table caption="Organisaties die de klant al kent" head={['Organisatie', 'Toelichting', 'Actie']}>
          {klant.netwerkOrganisaties.map((n) => (
            <Row key={n.organisatieId}>
              <Cell>{n.naam ?? 'Organisatie niet (meer) zichtbaar'}</Cell>
              <Cell>{n.toelichting ?? ''}</Cell>
              <Cell>
                <Form
                  action={netwerkPaden.ontkoppelen(klant.id, n.organisatieId)}
                  csrfToken={chrome.csrfToken}
                >
                  <Button appearance="subtle">Verwijderen</Button>
                </Form>
              </Cell>
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>Nog geen organisaties uit het netwerk gekoppeld.</Paragraph>
      )}
      <form method="get" action={`${paths.klant(klant.id)}#eigen-netwerk`} aria-label="Organisatie zoeken">
        <TextField
          name="zoek"
          id="netwerk-zoek"
          label="Zoek een organisatie op naam"
          value={stand.zoek}
          autoComplete="off"
          error={stand.fout}
        />
        <div className="wk-form-actions">
          <Button appearance="secondary">Zoeken</Button>
        </div>
      </form>
      {stand.resultaten ? (
        stand.resultaten.length > 0 ? (
          <Table
            caption={`Organisaties gevonden voor "${stand.zoek}"`}
            head={['Organisatie', 'Plaats', 'Actie']}
          >
            {stand.resultaten.map((o) => (
              <Row key={o.id}>
                <Cell>{o.naam}</Cell>
                <Cell>{o.plaats ?? ''}</Cell>
                <Cell>
                  {gekoppeld.has(o.id) ? (
                    'Al gekoppeld'
                  ) : (
                    <Form action={netwerkPaden.koppelen(klant.id)} csrfToken={chrome.csrfToken}>
                      <input type="hidden" name="organisatieId" value={o.id} />
                      <input type="hidden" name="zoek" value={stand.zoek} />
                      <Button appearance="secondary">Koppelen</Button>
                    </Form>
                  )}
                </Cell>
              </Row>
            ))}
          </Table>
        ) : (
          <Paragraph>Geen organisaties gevonden. Probeer een ander woord uit de naam.</Paragraph>
        )
      ) : null}
    </section>
  );
}

/** The own-network actions on a client (POST). */
export const netwerkPaden = {
  koppelen: (klantId: string) => `${paths.klant(klantId)}/netwerk-organisaties`,
  ontkoppelen: (klantId: string, organisatieId: string) =>
    `${paths.klant(klantId)}/netwerk-organisaties/${encodeURIComponent(organisatieId)}/verwijderen`,
};

/** What the exemption form keeps between a failed post and its re-render. */
export interface OntheffingWaarden {
  type: string;
  begindatum: string;
  einddatum: string;
  herbeoordelingsdatum: string;
  reden: string;
  geboortedatumKind: string;
  lokaleGrondId: string;
  eerderGebruikt: string;
  eerdereGemeente: string;
  verzoekdatum: string;
}

export const LEGE_ONTHEFFING: OntheffingWaarden = {
  type: '',
  begindatum: '',
  einddatum: '',
  herbeoordelingsdatum: '',
  reden: '',
  geboortedatumKind: '',
  lokaleGrondId: '',
  eerderGebruikt: '',
  eerdereGemeente: '',
  verzoekdatum: '',
};

/** A failed post of one of the art. 9a forms: which form, its messages and what was typed. */
export interface NegenAFout {
  formulier: 'gebeurtenis' | 'plan';
  fouten: Record<string, string>;
  waarden: Record<string, string>;
}

/** Field ids of the art. 9a forms (one art. 9a exemption per parent, so fixed ids are unique). */
export const NEGEN_A_VELDEN: Record<NegenAFout['formulier'], Record<string, string>> = {
  gebeurtenis: {
    soort: 'gebeurtenis-soort',
    datum: 'gebeurtenis-datum',
    geboortedatumKind: 'gebeurtenis-kind',
    toelichting: 'gebeurtenis-toelichting',
  },
  plan: { planVanAanpakOp: 'plan-van-aanpak-op', laatsteHeronderzoekOp: 'laatste-heronderzoek-op' },
};

export const negenAPaden = {
  gebeurtenis: (klantId: string, ontheffingId: string) =>
    `${paths.klantOntheffingen(klantId)}/${encodeURIComponent(ontheffingId)}/gebeurtenissen`,
  plan: (klantId: string, ontheffingId: string) =>
    `${paths.klantOntheffingen(klantId)}/${encodeURIComponent(ontheffingId)}/plan-van-aanpak`,
};

const NEGEN_A_STAND: Record<NonNullable<Ontheffing['negenA']>['stand'], string> = {
  'nog-niet-begonnen': 'Nog niet begonnen',
  lopend: 'Loopt',
  opgeschort: 'Opgeschort',
  benut: 'De vijf jaar zijn gebruikt',
  beeindigd: 'Beëindigd',
};

const PERIODE_EINDE: Record<string, string> = {
  'kind-vijf': 'jongste kind 5 jaar (van rechtswege)',
  'einde-bijstand': 'recht op bijstand geëindigd (van rechtswege)',
  verzoek: 'opgeschort op verzoek',
  benut: 'vijf jaar gebruikt',
  beeindigd: 'beëindigd',
};

/** Art. 9a: the course of the exemption, the plan van aanpak and re-examination, suspend and resume. */
function NegenASectie({
  klant,
  o,
  csrfToken,
  peildatum,
  fout,
}: {
  klant: KlantDossier;
  o: Ontheffing;
  csrfToken: string;
  peildatum: string;
  fout?: NegenAFout | undefined;
}) {
  const n = o.negenA;
  if (!n) return null;
  const g = fout?.formulier === 'gebeurtenis' ? fout : undefined;
  const p = fout?.formulier === 'plan' ? fout : undefined;
  const loopt = n.perioden.find((x) => x.einddatum === n.lopendTot);
  const stand =
    n.stand === 'lopend' && loopt
      ? `Loopt tot ${formatDatumNl(loopt.einddatum)} (eerste dag zonder): ${PERIODE_EINDE[loopt.eindigtDoor]}`
      : n.stand === 'opgeschort' && n.opgeschort
        ? `Opgeschort sinds ${formatDatumNl(n.opgeschort.sinds)}: ${OPSCHORTING_NAMEN[n.opgeschort.grond]}`
        : NEGEN_A_STAND[n.stand];
  const planTekst = n.planVanAanpakOp
    ? `Opgesteld op ${formatDatumNl(n.planVanAanpakOp)}`
    : n.planVanAanpakUiterlijk
      ? `${n.planVanAanpakUiterlijk < peildatum ? 'Te laat: ' : 'Nog op te stellen, '}uiterlijk ${formatDatumNl(n.planVanAanpakUiterlijk)} (zes maanden na het verzoek)`
      : 'Nog op te stellen';
  const heronderzoekTekst = n.volgendHeronderzoek
    ? `${n.volgendHeronderzoek < peildatum ? 'Te laat: ' : ''}uiterlijk ${formatDatumNl(n.volgendHeronderzoek)}`
    : 'Na het plan van aanpak';
  return (
    <section aria-labelledby="negen-a-kop">
      <Heading level={3} id="negen-a-kop">
        Ontheffing alleenstaande ouder (art. 9a Participatiewet)
      </Heading>
      <Gegevens
        items={[
          ['Stand', stand],
          ['Gebruikt, met vorige woonplaatsen', formatDuur(n.gebruikt)],
          ['Nog over van de vijf jaar', formatDuur(n.resterend)],
          ['Verzoek ontvangen', n.verzoekdatum ? formatDatumNl(n.verzoekdatum) : 'Niet vastgelegd'],
          ['Plan van aanpak (lid 7)', planTekst],
          ['Volgend heronderzoek (lid 8, iedere zes maanden)', heronderzoekTekst],
        ]}
      />
      {n.perioden.length > 0 ? (
        <Table
          caption="Perioden waarin de ontheffing loopt"
          head={['Van', 'Tot (eerste dag zonder)', 'Eindigt door']}
        >
          {n.perioden.map((x) => (
            <Row key={x.begindatum}>
              <Cell>{formatDatumNl(x.begindatum)}</Cell>
              <Cell>{formatDatumNl(x.einddatum)}</Cell>
              <Cell>{PERIODE_EINDE[x.eindigtDoor] ?? x.eindigtDoor}</Cell>
            </Row>
          ))}
        </Table>
      ) : null}
      {n.gebeurtenissen.length > 0 ? (
        <Table caption="Opschortingen en hervattingen" head={['Met ingang van', 'Wat', 'Toelichting']}>
          {n.gebeurtenissen.map((x) => (
            <Row key={x.id}>
              <Cell>{formatDatumNl(x.datum)}</Cell>
              <Cell>
                {NEGEN_A_GEBEURTENIS_NAMEN[x.soort]}
                {x.geboortedatumKind
                  ? ` (jongste kind geboren op ${formatDatumNl(x.geboortedatumKind)})`
                  : ''}
              </Cell>
              <Cell>{x.toelichting ?? '–'}</Cell>
            </Row>
          ))}
        </Table>
      ) : null}
      {n.stand === 'lopend' || n.stand === 'opgeschort' ? (
        <Form
          action={negenAPaden.gebeurtenis(klant.id, o.id)}
          csrfToken={csrfToken}
          id="gebeurtenis-formulier"
        >
          <h4 className="utrecht-heading-4">Opschorten of hervatten</h4>
          <Paragraph>
            Op de vijfde verjaardag van het jongste kind wordt de ontheffing vanzelf opgeschort. Hervatten kan
            op verzoek zolang de vijf jaar niet zijn gebruikt en het jongste kind jonger is dan 5.
          </Paragraph>
          <SelectField
            name="soort"
            id={NEGEN_A_VELDEN.gebeurtenis.soort}
            label="Wat legt u vast?"
            value={g?.waarden.soort ?? (n.stand === 'opgeschort' ? 'hervatting' : '')}
            error={g?.fouten.soort}
            options={[
              { value: '', label: 'Kies' },
              ...NEGEN_A_GEBEURTENISSEN.map((x) => ({ value: x, label: NEGEN_A_GEBEURTENIS_NAMEN[x] })),
            ]}
          />
          <div className="wk-velden-naast-elkaar">
            <TextField
              name="datum"
              id={NEGEN_A_VELDEN.gebeurtenis.datum}
              type="date"
              label="Met ingang van"
              value={g?.waarden.datum ?? ''}
              error={g?.fouten.datum}
            />
            <TextField
              name="geboortedatumKind"
              id={NEGEN_A_VELDEN.gebeurtenis.geboortedatumKind}
              type="date"
              label="Geboortedatum jongste kind (alleen bij hervatten met een jonger kind)"
              value={g?.waarden.geboortedatumKind ?? ''}
              error={g?.fouten.geboortedatumKind}
            />
          </div>
          <TextArea
            name="toelichting"
            id={NEGEN_A_VELDEN.gebeurtenis.toelichting}
            label="Toelichting"
            value={g?.waarden.toelichting ?? ''}
            error={g?.fouten.toelichting}
            rows={2}
          />
          <div className="wk-form-actions">
            <Button appearance="secondary">Vastleggen</Button>
          </div>
        </Form>
      ) : null}
      <Form action={negenAPaden.plan(klant.id, o.id)} csrfToken={csrfToken} id="plan-formulier">
        <h4 className="utrecht-heading-4">Plan van aanpak en heronderzoek</h4>
        <div className="wk-velden-naast-elkaar">
          <TextField
            name="planVanAanpakOp"
            id={NEGEN_A_VELDEN.plan.planVanAanpakOp}
            type="date"
            label="Plan van aanpak opgesteld op"
            value={p?.waarden.planVanAanpakOp ?? n.planVanAanpakOp ?? ''}
            error={p?.fouten.planVanAanpakOp}
          />
          <TextField
            name="laatsteHeronderzoekOp"
            id={NEGEN_A_VELDEN.plan.laatsteHeronderzoekOp}
            type="date"
            label="Laatste heronderzoek op"
            value={p?.waarden.laatsteHeronderzoekOp ?? n.laatsteHeronderzoekOp ?? ''}
            error={p?.fouten.laatsteHeronderzoekOp}
          />
        </div>
        <div className="wk-form-actions">
          <Button appearance="secondary">Opslaan</Button>
        </div>
      </Form>
    </section>
  );
}

function OntheffingStatus({ o, peildatum }: { o: Ontheffing; peildatum: string }) {
  if (o.eerderGebruikt) return <>Vorige woonplaats{o.eerdereGemeente ? ` (${o.eerdereGemeente})` : ''}</>;
  if (o.negenA) return <>{NEGEN_A_STAND[o.negenA.stand]}</>;
  if (o.isLopend) return <>Loopt</>;
  return <>{o.begindatum > peildatum ? 'Nog niet begonnen' : 'Afgelopen'}</>;
}

/** The obligations tab: work, re-integration, the applicability in detail, and the exemptions. */
export function VerplichtingenPagina({
  chrome,
  klant,
  melding,
  lokaleGronden,
  waarden = LEGE_ONTHEFFING,
  fouten = {},
  beeindigFout,
  negenAFout,
}: {
  chrome: Chrome;
  klant: KlantDossier;
  melding?: Melding | undefined;
  lokaleGronden: readonly LokaleGrond[];
  waarden?: OntheffingWaarden;
  fouten?: FieldErrors;
  beeindigFout?: { ontheffingId: string; melding: string };
  negenAFout?: NegenAFout | undefined;
}) {
  const t = klant.toepasselijkheidDetail;
  const heeftFouten =
    Object.values(fouten).some(Boolean) || beeindigFout !== undefined || negenAFout !== undefined;
  const actieveGronden = lokaleGronden.filter((g) => g.isActief);
  return (
    <DossierFrame
      chrome={chrome}
      klant={klant}
      tab="verplichtingen"
      melding={melding}
      {...(heeftFouten ? { titel: `Fout: ${klant.naam} – Verplichtingen en ontheffingen` } : {})}
    >
      <Foutmeldingen
        fouten={
          beeindigFout
            ? { [`einddatum-${beeindigFout.ontheffingId}`]: beeindigFout.melding }
            : negenAFout
              ? negenAFout.fouten
              : fouten
        }
        veldIds={
          negenAFout
            ? NEGEN_A_VELDEN[negenAFout.formulier]
            : { type: 'type', lokaleGrondId: 'lokaleGrondId', eerderGebruikt: 'eerderGebruikt-ja' }
        }
      />
      <Gegevens
        items={[
          ['Uitkomst op vandaag', TOEPASSELIJKHEID_NAMEN[t.uitkomst]],
          ['Betaald werk', uren(t.werkurenPerWeek)],
          ['Grens regulier werk in deze gemeente', uren(t.regulierWerkUren)],
          ['Ruimte voor een tegenprestatie', t.resterendeUren === null ? '–' : uren(t.resterendeUren)],
          ['AOW-datum', `${formatDatumNl(t.aow.datum)}${t.aow.voorlopig ? ' (voorlopig)' : ''}`],
        ]}
      />
      <Heading level={3}>Werk</Heading>
      {klant.werk.length > 0 ? (
        <Table
          caption="Betaald werk"
          head={['Omschrijving', 'Uren per week', 'Van', 'Tot (eerste dag zonder)']}
        >
          {klant.werk.map((w) => (
            <Row key={w.id}>
              <Cell>{w.omschrijving ?? '–'}</Cell>
              <Cell>{String(w.urenPerWeek).replace('.', ',')}</Cell>
              <Cell>{datum(w.begindatum)}</Cell>
              <Cell>{datum(w.einddatum)}</Cell>
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>Geen betaald werk vastgelegd.</Paragraph>
      )}
      <Heading level={3}>Re-integratie</Heading>
      {klant.reintegratie.length > 0 ? (
        <Table caption="Re-integratietrajecten" head={['Omschrijving', 'Van', 'Tot (eerste dag zonder)']}>
          {klant.reintegratie.map((r) => (
            <Row key={r.id}>
              <Cell>{r.omschrijving ?? '–'}</Cell>
              <Cell>{datum(r.begindatum)}</Cell>
              <Cell>{datum(r.einddatum)}</Cell>
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>Geen re-integratietraject vastgelegd.</Paragraph>
      )}
      <Paragraph>
        Werk en re-integratie wijzigt u met{' '}
        <a className="utrecht-link" href={paths.klantWijzigen(klant.id)}>
          Gegevens wijzigen
        </a>
        .
      </Paragraph>

      <Heading level={3}>Ontheffingen</Heading>
      {klant.ontheffingen.length > 0 ? (
        <TabelRegio labelId="ontheffingen-tabel-titel">
          <table className="utrecht-table utrecht-table--html-table">
            <caption className="utrecht-table__caption" id="ontheffingen-tabel-titel">
              Ontheffingen, nieuwste eerst
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {[
                  'Soort',
                  'Wettelijke grondslag',
                  'Van',
                  'Tot (eerste dag zonder)',
                  'Herbeoordeling',
                  'Reden',
                  'Stand',
                ].map((h) => (
                  <th className="utrecht-table__header-cell" scope="col" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {klant.ontheffingen.map((o) => (
                <tr className="utrecht-table__row" key={o.id}>
                  <td className="utrecht-table__cell">
                    {o.typeNaam}
                    {o.lokaleGrond ? `: ${o.lokaleGrond.naam}` : ''}
                  </td>
                  <td className="utrecht-table__cell">
                    {o.grondslag.bekend ? o.grondslag.artikel : `${o.grondslag.artikel} (nog niet bekend)`}
                  </td>
                  <td className="utrecht-table__cell">{datum(o.begindatum)}</td>
                  <td className="utrecht-table__cell">
                    {datum(o.effectiefEinde)}
                    {o.effectiefEinde && o.effectiefEinde !== o.einddatum ? ' (volgt uit de wet)' : ''}
                  </td>
                  <td className="utrecht-table__cell">{datum(o.herbeoordelingsdatum)}</td>
                  <td className="utrecht-table__cell">{o.reden ?? '–'}</td>
                  <td className="utrecht-table__cell">
                    <OntheffingStatus o={o} peildatum={t.peildatum} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabelRegio>
      ) : (
        <Paragraph>Geen ontheffingen vastgelegd.</Paragraph>
      )}

      {klant.ontheffingen
        .filter((o) => o.negenA)
        .map((o) => (
          <NegenASectie
            key={o.id}
            klant={klant}
            o={o}
            csrfToken={chrome.csrfToken}
            peildatum={t.peildatum}
            fout={negenAFout}
          />
        ))}

      {klant.ontheffingen
        .filter((o) => o.isLopend)
        .map((o) => (
          <Form
            key={o.id}
            action={paths.klantOntheffingBeeindigen(klant.id, o.id)}
            csrfToken={chrome.csrfToken}
            id={`beeindigen-${o.id}`}
          >
            <div className="wk-beeindigen">
              <TextField
                name="einddatum"
                id={`einddatum-${o.id}`}
                type="date"
                label={`${o.typeNaam} (sinds ${formatDatumNl(o.begindatum)}) beëindigen: eerste dag zonder ontheffing`}
                value={beeindigFout?.ontheffingId === o.id ? undefined : t.peildatum}
                error={beeindigFout?.ontheffingId === o.id ? beeindigFout.melding : undefined}
              />
              <Button appearance="secondary">Beëindigen</Button>
            </div>
          </Form>
        ))}
      <Heading level={3} id="ontheffing-vastleggen">
        Ontheffing vastleggen
      </Heading>
      <Form action={paths.klantOntheffingen(klant.id)} csrfToken={chrome.csrfToken} id="ontheffing-formulier">
        <Paragraph>
          Bij dringende redenen zijn een einddatum en een reden verplicht. Een ontheffing geldt tot de
          einddatum: op die dag geldt de tegenprestatie weer. Volledig en duurzaam arbeidsongeschikt heeft
          geen einddatum. Een alleenstaande ouder krijgt de ontheffing één keer: schort die daarna op of
          hervat die.
        </Paragraph>
        <SelectField
          name="type"
          label="Soort ontheffing"
          value={waarden.type}
          error={fouten.type}
          options={[
            { value: '', label: 'Kies een soort' },
            ...ONTHEFFING_TYPES.filter((x) => x !== 'lokaal' || actieveGronden.length > 0).map((x) => ({
              value: x,
              label: ONTHEFFING_TYPE_NAMEN[x],
            })),
          ]}
        />
        {actieveGronden.length > 0 ? (
          <SelectField
            name="lokaleGrondId"
            label="Lokale ontheffingsgrond (alleen bij een lokale ontheffing)"
            value={waarden.lokaleGrondId}
            error={fouten.lokaleGrondId}
            options={[
              { value: '', label: 'Geen' },
              ...actieveGronden.map((g) => ({ value: g.id, label: `${g.naam} (${g.grondslag})` })),
            ]}
          />
        ) : null}
        <div className="wk-velden-naast-elkaar">
          <TextField
            name="begindatum"
            type="date"
            label="Begindatum"
            value={waarden.begindatum}
            error={fouten.begindatum}
          />
          <TextField
            name="einddatum"
            type="date"
            label="Einddatum (eerste dag zonder ontheffing)"
            value={waarden.einddatum}
            error={fouten.einddatum}
          />
          <TextField
            name="herbeoordelingsdatum"
            type="date"
            label="Herbeoordelen op"
            value={waarden.herbeoordelingsdatum}
            error={fouten.herbeoordelingsdatum}
          />
        </div>
        <TextArea
          name="reden"
          label="Reden"
          description="Verplicht bij dringende redenen. Schrijf geen diagnoses op."
          value={waarden.reden}
          error={fouten.reden}
          rows={3}
        />
        <div className="wk-velden-naast-elkaar">
          <TextField
            name="geboortedatumKind"
            type="date"
            label="Geboortedatum van het jongste kind (alleen bij alleenstaande ouder)"
            value={waarden.geboortedatumKind}
            error={fouten.geboortedatumKind}
          />
          <TextField
            name="verzoekdatum"
            type="date"
            label="Verzoek ontvangen op (alleen bij alleenstaande ouder)"
            value={waarden.verzoekdatum}
            error={fouten.verzoekdatum}
          />
        </div>
        <CheckboxGroup
          name="eerderGebruikt"
          idPrefix="eerderGebruikt"
          legend="Periode in een vorige woonplaats (alleen bij alleenstaande ouder)"
          options={[
            {
              value: 'ja',
              label:
                'Dit is een periode in een andere gemeente (vorige woonplaats); die gaat af van de 5 jaar (art. 9a lid 4)',
            },
          ]}
          values={waarden.eerderGebruikt === 'ja' ? ['ja'] : []}
          error={fouten.eerderGebruikt}
        />
        <TextField
          name="eerdereGemeente"
          label="Vorige woonplaats (gemeente)"
          value={waarden.eerdereGemeente}
          error={fouten.eerdereGemeente}
        />
        <div className="wk-form-actions">
          <Button>Ontheffing vastleggen</Button>
        </div>
      </Form>
    </DossierFrame>
  );
}

/** Tabs the next issues fill (the tegenprestatie workflow and the conversations). */
export function PlaatshouderPagina({
  chrome,
  klant,
  tab,
}: {
  chrome: Chrome;
  klant: KlantDossier;
  tab: Tab;
}) {
  return (
    <DossierFrame chrome={chrome} klant={klant} tab={tab}>
      <Alert type="info">
        {tab === 'tegenprestaties'
          ? 'Hier komen de tegenprestaties van deze klant: de afspraken, de activiteit en de uren. Dit onderdeel komt in een volgende versie.'
          : tab === 'passende-activiteiten'
            ? 'Hier komen activiteiten die bij deze klant passen, met de redenen. Dit onderdeel komt in een volgende versie.'
            : 'Hier komen de gesprekken met deze klant: kracht, wensen en de eigen omgeving. Dit onderdeel komt in een volgende versie.'}
      </Alert>
    </DossierFrame>
  );
}

/** Closing the file when the benefit ends (retention counts from that day), or opening it again. */
function DossierSluiten({
  chrome,
  klant,
  stand,
}: {
  chrome: Chrome;
  klant: KlantDossier;
  stand: { per: string; fout: string } | undefined;
}) {
  return (
    <section aria-labelledby="dossier-kop">
      <Heading level={3} id="dossier-kop">
        Dossier
      </Heading>
      {klant.dossierGeslotenOp ? (
        <Form action={paths.klantDossierSluiten(klant.id)} csrfToken={chrome.csrfToken}>
          <Paragraph>
            Het dossier is gesloten op {formatDatumNl(vandaag(new Date(klant.dossierGeslotenOp)))}. De
            bewaartermijn telt vanaf die dag.
          </Paragraph>
          <input type="hidden" name="actie" value="heropenen" />
          <div className="wk-form-actions">
            <Button appearance="secondary">Dossier weer openen</Button>
          </div>
        </Form>
      ) : (
        <Form action={paths.klantDossierSluiten(klant.id)} csrfToken={chrome.csrfToken}>
          <input type="hidden" name="actie" value="sluiten" />
          <TextField
            name="per"
            id="dossier-per"
            type="date"
            label="Gesloten per (optioneel)"
            description="Sluit het dossier als de uitkering is beëindigd. Leeg laten: vandaag. De bewaartermijn telt vanaf deze datum."
            value={stand?.per ?? ''}
            error={stand?.fout}
          />
          <div className="wk-form-actions">
            <Button appearance="secondary">Dossier sluiten</Button>
          </div>
        </Form>
      )}
    </section>
  );
}
