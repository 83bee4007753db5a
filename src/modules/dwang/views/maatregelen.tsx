import {
  Alert,
  Button,
  ErrorSummary,
  type FieldErrors,
  Form,
  Gegevens,
  Heading,
  Link,
  Paragraph,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
  UnorderedList,
  ListItem,
} from '../../../web/components/index.tsx';
import { Layout } from '../../../web/layout.tsx';
import { paths } from '../../../web/paths.ts';
import { formatDatumNl } from '../../klanten/index.ts';
import type { Incident, Maatregel } from '../dwang.schemas.ts';
import { INCIDENT_SOORT_NAMEN } from '../incidenten.ts';
import { AFZIEN_GRONDEN, AFZIEN_NAMEN, GEDRAGING_NAMEN, GEDRAGINGEN } from '../maatregelen.ts';
import {
  HOOR_GROND_NAMEN,
  HOOR_GRONDEN,
  MAATREGEL_STATUS_NAMEN,
  maatregelPeriodeTekst,
  ZIENSWIJZE_VORM_NAMEN,
  ZIENSWIJZE_VORMEN,
} from '../maatregelpad.ts';
import type { MaatregelNazorg, Rechtsmiddel } from '../nazorg.schemas.ts';
import type { Chrome } from './incidenten.tsx';
import { NazorgSectie, RechtsmiddelenSectie } from './nazorg.tsx';

export type Waarden = Record<string, string>;
const JA_NEE = [
  { value: 'ja', label: 'Ja' },
  { value: 'nee', label: 'Nee' },
];
const kies = { value: '', label: '– Kies –' };

/**
 * The measure path of a placement (issue 15, section 3): the list and the intention form. Works without
 * JavaScript: POST + CSRF, a refused form answers 422 and keeps what was typed.
 */
export function MaatregelenPagina({
  chrome,
  tegenprestatieId,
  maatregelen,
  incidenten,
  opgelegd,
  rechtsmiddelen,
  formulier,
  waarden,
  fouten,
  melding,
}: {
  chrome: Chrome;
  tegenprestatieId: string;
  maatregelen: Maatregel[];
  incidenten: Incident[];
  opgelegd: boolean;
  rechtsmiddelen: Rechtsmiddel[];
  /** Which form the values and errors belong to (null: the intention). */
  formulier: string | null;
  waarden: Waarden;
  fouten: FieldErrors;
  melding: string | null;
}) {
  const w = (k: string) => (formulier === null || formulier === 'voornemen' ? (waarden[k] ?? '') : '');
  const fv = (k: string) => (formulier === null || formulier === 'voornemen' ? fouten[k] : undefined);
  return (
    <Layout title="Maatregelen bij de plaatsing" nav={chrome.nav} account={chrome.account}>
      <Heading level={1}>Maatregelen bij de plaatsing</Heading>
      <Paragraph>
        <Link href={paths.tegenprestatie(tegenprestatieId)}>Terug naar de tegenprestatie</Link>
        {' · '}
        <Link href={paths.tegenprestatieIncidenten(tegenprestatieId)}>Incidenten</Link>
      </Paragraph>
      <ErrorSummary errors={fouten} />
      {melding ? <Alert type="ok">{melding}</Alert> : null}
      <Paragraph>
        Een maatregel kan alleen als de klant een opgelegd besluit niet nakomt: na een voornemen, het horen
        van de klant (of een grond van artikel 4:11 of 4:12 Awb), een beoordeling van de verwijtbaarheid en
        dringende redenen, en het akkoord van een tweede persoon (een teamleider). Afzien van een maatregel is
        een eigen uitkomst.
      </Paragraph>
      {maatregelen.length === 0 ? (
        <Paragraph>Er zijn geen voornemens of maatregelen.</Paragraph>
      ) : (
        <UnorderedList>
          {maatregelen.map((m) => (
            <ListItem key={m.id}>
              <Link href={paths.tegenprestatieMaatregel(tegenprestatieId, m.id)}>
                {`Gedrag op ${formatDatumNl(m.gedragDatum)}: ${MAATREGEL_STATUS_NAMEN[m.status]}`}
              </Link>
            </ListItem>
          ))}
        </UnorderedList>
      )}
      {opgelegd ? (
        <Form action={paths.tegenprestatieMaatregelen(tegenprestatieId)} csrfToken={chrome.csrfToken}>
          <Heading level={2}>Voornemen tot een maatregel</Heading>
          <SelectField
            name="gedraging"
            label="Gedraging"
            value={w('gedraging') || 'tegenprestatie-niet-nagekomen'}
            options={GEDRAGINGEN.map((g) => ({ value: g, label: GEDRAGING_NAMEN[g] }))}
            error={fv('gedraging')}
          />
          <SelectField
            name="incidentId"
            label="Incident (de datum volgt dan uit het incident)"
            value={w('incidentId')}
            options={[
              { value: '', label: '– Geen incident: vul de datum in –' },
              ...incidenten.map((i) => ({
                value: i.id,
                label: `${formatDatumNl(i.datum)}: ${INCIDENT_SOORT_NAMEN[i.soort]}`,
              })),
            ]}
            error={fv('incidentId')}
          />
          <TextField
            name="gedragDatum"
            type="date"
            label="Datum van de gedraging (zonder incident)"
            value={w('gedragDatum')}
            error={fv('gedragDatum')}
          />
          <TextArea
            name="omschrijving"
            label="Wat deed de klant niet?"
            rows={3}
            value={w('omschrijving')}
            error={fv('omschrijving')}
          />
          <TextField
            name="ontdektOp"
            type="date"
            label="Bekend geworden op (leeg: vandaag)"
            value={w('ontdektOp')}
            error={fv('ontdektOp')}
          />
          <TextField
            name="hoortermijnDagen"
            label="Termijn voor de zienswijze in dagen (leeg: die van de verordening, meestal 14)"
            inputMode="numeric"
            value={w('hoortermijnDagen')}
            error={fv('hoortermijnDagen')}
          />
          <Button>Voornemen vastleggen</Button>
        </Form>
      ) : (
        <Paragraph>
          Deze plaatsing loopt niet onder een verzonden besluit dat de tegenprestatie oplegt. Zonder opgelegd
          besluit is er niets na te komen: een maatregel kan niet.
        </Paragraph>
      )}
      <RechtsmiddelenSectie
        chrome={chrome}
        actie={`/tegenprestaties/${encodeURIComponent(tegenprestatieId)}/rechtsmiddelen`}
        rechtsmiddelen={rechtsmiddelen}
        maatregelen={maatregelen}
        opgelegd={opgelegd}
        formulier={formulier}
        waarden={waarden}
        fouten={fouten}
      />
    </Layout>
  );
}

/** One measure path: its facts and the forms of its current step. */
export function MaatregelPagina({
  chrome,
  tegenprestatieId,
  m,
  nazorg,
  isTeamleider,
  formulier,
  waarden,
  fouten,
  melding,
}: {
  chrome: Chrome;
  tegenprestatieId: string;
  m: Maatregel;
  /** After the decision (null while not decided). */
  nazorg: MaatregelNazorg | null;
  isTeamleider: boolean;
  formulier: string | null;
  waarden: Waarden;
  fouten: FieldErrors;
  melding: string | null;
}) {
  const w = (f: string, k: string) => (formulier === f ? (waarden[k] ?? '') : '');
  const fout = (f: string, k: string) => (formulier === f ? fouten[k] : undefined);
  const actie = (stap: string) => `${paths.tegenprestatieMaatregel(tegenprestatieId, m.id)}/${stap}`;
  const h = m.horing;
  const vw = m.verwijtbaarheid;
  return (
    <Layout title="Maatregel" nav={chrome.nav} account={chrome.account}>
      <Heading level={1}>{`Maatregel: ${MAATREGEL_STATUS_NAMEN[m.status]}`}</Heading>
      <Paragraph>
        <Link href={paths.tegenprestatieMaatregelen(tegenprestatieId)}>Terug naar de maatregelen</Link>
        {' · '}
        <Link href={`${paths.tegenprestatieMaatregel(tegenprestatieId, m.id)}/voornemen.pdf`}>
          Voornemen (pdf)
        </Link>
        {m.status === 'besloten' ? (
          <>
            {' · '}
            <Link href={`${paths.tegenprestatieMaatregel(tegenprestatieId, m.id)}/besluit.pdf`}>
              Besluit (pdf)
            </Link>
          </>
        ) : null}
      </Paragraph>
      <ErrorSummary
        errors={fouten}
        fieldIds={
          formulier === 'wijzigingOordeel'
            ? { akkoord: 'wijziging-akkoord', toelichting: 'wijziging-toelichting' }
            : undefined
        }
      />
      {melding ? <Alert type="ok">{melding}</Alert> : null}
      {m.teruggestuurdToelichting && m.status === 'voornemen' ? (
        <Alert type="warning" title="Teruggestuurd door de teamleider">
          {m.teruggestuurdToelichting}
        </Alert>
      ) : null}
      <Gegevens
        items={[
          ['Gedraging', GEDRAGING_NAMEN[m.gedraging]],
          ['Datum', formatDatumNl(m.gedragDatum)],
          ['Wat er gebeurde', m.gedragOmschrijving],
          [
            'Opgelegd besluit',
            `Besluit van ${formatDatumNl(m.besluit.datum)}, verzonden ${formatDatumNl(m.besluit.verzenddatum)}`,
          ],
          ['Verordening', `${m.verordening.titel}, categorie ${m.categorie.nummer} (${m.categorie.artikel})`],
          [
            'Voornemen',
            `${m.voornemen.percentage} % van de norm, ${m.voornemen.maanden} ${m.voornemen.maanden === 1 ? 'maand' : 'maanden'}${m.herhaling ? ` (herhaling ${m.herhaling})` : ''}`,
          ],
          ['Termijn zienswijze', `tot en met ${formatDatumNl(m.hoortermijnEinde)}`],
          ...(m.gezamenlijkMet
            ? ([
                [
                  'Gezamenlijke bijstand',
                  `Met ${m.gezamenlijkMet}: de maatregel gaat over beide partners en het gezin (artikel 11 lid 4 en 18 lid 12 Participatiewet); de brieven zijn aan beiden gericht.`,
                ],
              ] as Array<[string, string]>)
            : []),
          [
            'Horen',
            h.vorm && h.gegevenOp
              ? `${ZIENSWIJZE_VORM_NAMEN[h.vorm]} op ${formatDatumNl(h.gegevenOp)}: ${h.inhoud ?? ''} — Antwoord: ${h.antwoord ?? ''}`
              : h.grond
                ? `Niet gehoord: ${HOOR_GROND_NAMEN[h.grond]}. ${h.motivering ?? ''}`
                : 'Nog niet vastgelegd',
          ],
          [
            'Verwijtbaarheid',
            vw
              ? `${vw.verwijtbaar ? 'Verwijtbaar' : 'Niet verwijtbaar'}: ${vw.verwijtbaarheidMotivering} Dringende redenen: ${vw.dringendeRedenen ? 'ja' : 'nee'}. ${vw.dringendeRedenenMotivering}`
              : 'Nog niet beoordeeld',
          ],
          ...(m.voorstel
            ? ([
                [
                  'Voorstel',
                  `${m.voorstel.percentage} %, ${maatregelPeriodeTekst(m.voorstel.ingangsdatum, m.voorstel.maanden)} — ${m.voorstel.motivering} (${m.voorstel.doorNaam})`,
                ],
              ] as Array<[string, string]>)
            : []),
          ...(m.afzien
            ? ([['Afgezien', `${AFZIEN_NAMEN[m.afzien.grond]}: ${m.afzien.motivering}`]] as Array<
                [string, string]
              >)
            : []),
          ...(m.akkoord
            ? ([['Akkoord', `${m.akkoord.doorNaam}, ${formatDatumNl(m.akkoord.op.slice(0, 10))}`]] as Array<
                [string, string]
              >)
            : []),
        ]}
      />
      {m.volgendeStap.length ? (
        <Alert type="info" title="Nog nodig voor de volgende stap">
          {m.volgendeStap.join(' ')}
        </Alert>
      ) : null}
      {m.status === 'voornemen' ? (
        <>
          <Form action={actie('horing')} csrfToken={chrome.csrfToken} id="horing">
            <Heading level={2}>De klant horen (artikel 4:8 Awb)</Heading>
            <SelectField
              name="vorm"
              label="Hoe kwam de zienswijze binnen?"
              value={w('horing', 'vorm')}
              options={[
                kies,
                ...ZIENSWIJZE_VORMEN.map((v) => ({ value: v, label: ZIENSWIJZE_VORM_NAMEN[v] })),
              ]}
              error={fout('horing', 'vorm')}
            />
            <TextField
              name="datum"
              type="date"
              label="Datum van de zienswijze"
              value={w('horing', 'datum')}
              error={fout('horing', 'datum')}
            />
            <TextArea
              name="inhoud"
              label="Wat zei of schreef de klant?"
              rows={3}
              value={w('horing', 'inhoud')}
              error={fout('horing', 'inhoud')}
            />
            <TextArea
              name="antwoord"
              label="Het antwoord op de zienswijze (komt in het besluit)"
              rows={3}
              value={w('horing', 'antwoord')}
              error={fout('horing', 'antwoord')}
            />
            <SelectField
              name="hoorGrond"
              label="Of: niet horen, op grond van"
              value={w('horing', 'hoorGrond')}
              options={[kies, ...HOOR_GRONDEN.map((g) => ({ value: g, label: HOOR_GROND_NAMEN[g] }))]}
              error={fout('horing', 'hoorGrond')}
            />
            <TextArea
              name="hoorMotivering"
              label="Motivering om niet te horen"
              rows={2}
              value={w('horing', 'hoorMotivering')}
              error={fout('horing', 'hoorMotivering')}
            />
            <RadioGroup
              name="voorwaarden412"
              legend="Bij artikel 4:12 Awb: gelden de voorwaarden (financieel besluit, bezwaar mogelijk, gevolgen volledig ongedaan te maken)?"
              options={JA_NEE}
              value={w('horing', 'voorwaarden412') || 'nee'}
              error={fout('horing', 'voorwaarden412')}
            />
            <Button>Horen vastleggen</Button>
          </Form>
          <Form action={actie('verwijtbaarheid')} csrfToken={chrome.csrfToken} id="verwijtbaarheid">
            <Heading level={2}>Verwijtbaarheid en dringende redenen</Heading>
            <RadioGroup
              name="verwijtbaar"
              legend="Is de gedraging de klant te verwijten (artikel 18 lid 9 Participatiewet)?"
              options={JA_NEE}
              value={w('verwijtbaarheid', 'verwijtbaar')}
              error={fout('verwijtbaarheid', 'verwijtbaar')}
            />
            <TextArea
              name="verwijtbaarheidMotivering"
              label="Motivering van de verwijtbaarheid"
              rows={3}
              value={w('verwijtbaarheid', 'verwijtbaarheidMotivering')}
              error={fout('verwijtbaarheid', 'verwijtbaarheidMotivering')}
            />
            <RadioGroup
              name="dringendeRedenen"
              legend="Zijn er dringende redenen (artikel 18 lid 10 Participatiewet)?"
              options={JA_NEE}
              value={w('verwijtbaarheid', 'dringendeRedenen')}
              error={fout('verwijtbaarheid', 'dringendeRedenen')}
            />
            <TextArea
              name="dringendeRedenenMotivering"
              label="Motivering van de dringende redenen"
              rows={3}
              value={w('verwijtbaarheid', 'dringendeRedenenMotivering')}
              error={fout('verwijtbaarheid', 'dringendeRedenenMotivering')}
            />
            <Button>Beoordeling vastleggen</Button>
          </Form>
          <Form action={actie('voorstel')} csrfToken={chrome.csrfToken} id="voorstel">
            <Heading level={2}>Definitief voorstel aan de teamleider</Heading>
            <Paragraph>
              {`Bandbreedte ${m.bandbreedte.min}–${m.bandbreedte.max} %. Lager of korter dan het voornemen mag; hoger of langer alleen na een nieuwe horing.`}
            </Paragraph>
            <TextField
              name="percentage"
              label="Percentage van de norm"
              inputMode="numeric"
              value={w('voorstel', 'percentage')}
              error={fout('voorstel', 'percentage')}
            />
            <TextField
              name="maanden"
              label="Duur in maanden (1, 2 of 3)"
              inputMode="numeric"
              value={w('voorstel', 'maanden')}
              error={fout('voorstel', 'maanden')}
            />
            <TextField
              name="ingangsdatum"
              type="date"
              label="Ingangsdatum"
              value={w('voorstel', 'ingangsdatum')}
              error={fout('voorstel', 'ingangsdatum')}
            />
            <TextArea
              name="voorstelMotivering"
              label="Motivering"
              rows={3}
              value={w('voorstel', 'voorstelMotivering')}
              error={fout('voorstel', 'voorstelMotivering')}
            />
            <TextField
              name="opnieuwGehoordDatum"
              type="date"
              label="Alleen bij een zwaarder voorstel: datum van de nieuwe horing"
              value={w('voorstel', 'opnieuwGehoordDatum')}
              error={fout('voorstel', 'opnieuwGehoordDatum')}
            />
            <TextArea
              name="opnieuwGehoordInhoud"
              label="Wat zei de klant over het zwaardere voorstel?"
              rows={2}
              value={w('voorstel', 'opnieuwGehoordInhoud')}
              error={fout('voorstel', 'opnieuwGehoordInhoud')}
            />
            <Button>Voorstel indienen</Button>
          </Form>
          <Form action={actie('afzien')} csrfToken={chrome.csrfToken} id="afzien">
            <Heading level={2}>Afzien van een maatregel</Heading>
            <SelectField
              name="afzienGrond"
              label="Grond"
              value={w('afzien', 'afzienGrond')}
              options={[kies, ...AFZIEN_GRONDEN.map((g) => ({ value: g, label: AFZIEN_NAMEN[g] }))]}
              error={fout('afzien', 'afzienGrond')}
            />
            <TextArea
              name="afzienMotivering"
              label="Motivering"
              rows={3}
              value={w('afzien', 'afzienMotivering')}
              error={fout('afzien', 'afzienMotivering')}
            />
            <Button>Afzien vastleggen</Button>
          </Form>
        </>
      ) : null}
      {m.status === 'ter-beoordeling' && isTeamleider ? (
        <Form action={actie('beoordeling')} csrfToken={chrome.csrfToken} id="beoordeling">
          <Heading level={2}>Vier ogen: uw oordeel</Heading>
          <RadioGroup
            name="akkoord"
            legend="Akkoord met het voorstel (de maatregel is dan besloten)?"
            options={[
              { value: 'ja', label: 'Akkoord' },
              { value: 'nee', label: 'Terugsturen' },
            ]}
            value={w('beoordeling', 'akkoord')}
            error={fout('beoordeling', 'akkoord')}
          />
          <TextArea
            name="toelichting"
            label="Toelichting (verplicht bij terugsturen)"
            rows={3}
            value={w('beoordeling', 'toelichting')}
            error={fout('beoordeling', 'toelichting')}
          />
          <Button>Oordeel vastleggen</Button>
        </Form>
      ) : null}
      {nazorg ? (
        <NazorgSectie
          chrome={chrome}
          actie={paths.tegenprestatieMaatregel(tegenprestatieId, m.id)}
          n={nazorg}
          isTeamleider={isTeamleider}
          formulier={formulier}
          waarden={waarden}
          fouten={fouten}
        />
      ) : null}
    </Layout>
  );
}
