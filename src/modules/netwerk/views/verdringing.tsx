import type { ReactNode } from 'react';
import {
  Alert,
  Button,
  Cell,
  type FieldErrors,
  Form,
  Heading,
  Link,
  Paragraph,
  Row,
  Table,
} from '../../../web/components/index.tsx';
import { paths } from '../../../web/paths.ts';
import {
  ANTWOORD_NAMEN,
  ANTWOORDEN,
  BESLUIT_NAMEN,
  BESLUITEN,
  CONCLUSIE_NAMEN,
  CONCLUSIES,
} from '../keuzelijsten.ts';
import type { Activiteit, Intervisie, Pagina } from '../netwerk.schemas.ts';
import { VRAGEN } from '../verdringing.ts';
import {
  type Chrome,
  Foutmeldingen,
  Gegevens,
  type Melding,
  NetwerkLayout,
  Paginering,
  RadioGroup,
  TextArea,
  tijdstipNl,
} from './onderdelen.tsx';

/** The checklist as typed: per question the answer and the evidence. */
export interface ToetsWaarden {
  antwoorden: Record<string, { antwoord: string; toelichting: string }>;
  conclusie: string;
  motivering: string;
}

export const vraagVeld = (vraag: string, veld: 'antwoord' | 'toelichting') => `${veld}-${vraag}`;

export function ToetsFormulier({
  chrome,
  activiteit,
  isCommercieel,
  waarden,
  advies,
  fouten = {},
}: {
  chrome: Chrome;
  activiteit: Activiteit;
  isCommercieel: boolean;
  waarden: ToetsWaarden;
  /** The checklist's advice on the answers sent (shown after a failed attempt). */
  advies?: { advies: keyof typeof CONCLUSIE_NAMEN; redenen: string[] } | undefined;
  fouten?: FieldErrors;
}) {
  const titel = `Verdringingstoets: ${activiteit.titel}`;
  const heeftFouten = Object.values(fouten).some(Boolean);
  const veldIds: Record<string, string> = { conclusie: 'conclusie', motivering: 'motivering' };
  for (const v of VRAGEN) veldIds[`antwoorden.${v.id}`] = `vraag-${v.id}`;
  return (
    <NetwerkLayout title={heeftFouten ? `Fout: ${titel}` : titel} chrome={chrome}>
      <Paragraph>
        <Link href={paths.activiteit(activiteit.id)}>Terug naar {activiteit.titel}</Link>
      </Paragraph>
      <Heading level={1}>{titel}</Heading>
      <Paragraph>
        Er zijn geen vaste regels voor verdringing: u beoordeelt de situatie zelf. Beantwoord elke vraag en
        schrijf op waar uw antwoord op gebaseerd is. Twijfelt u? Kies dan "Twijfel": de teamleider beslist na
        intervisie met collega's. De toets geldt 12 maanden, of korter als de activiteit of de organisatie
        wezenlijk verandert.
      </Paragraph>
      {activiteit.organisatie ? (
        <Paragraph>
          Organisatie: {activiteit.organisatie.naam}
          {isCommercieel ? ' (commercieel bedrijf: beantwoord ook de vraag over concurrentie)' : ''}.
        </Paragraph>
      ) : null}
      <Foutmeldingen fouten={fouten} veldIds={veldIds} />
      {advies ? (
        <Alert type="info" title={`De checklist geeft: ${CONCLUSIE_NAMEN[advies.advies]}`}>
          <ul className="utrecht-unordered-list">
            {advies.redenen.map((r) => (
              <li className="utrecht-unordered-list__item" key={r}>
                {r}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Form action={paths.verdringingstoets(activiteit.id)} csrfToken={chrome.csrfToken}>
        {VRAGEN.map((v, i) => {
          const w = waarden.antwoorden[v.id];
          const opties = ANTWOORDEN.filter(
            (a) => a !== 'niet-van-toepassing' || (v.alleenCommercieel && !isCommercieel),
          );
          return (
            <div key={v.id}>
              <RadioGroup
                name={vraagVeld(v.id, 'antwoord')}
                idPrefix={`vraag-${v.id}`}
                legend={`${i + 1}. ${v.tekst}`}
                description={v.uitleg}
                options={opties.map((a) => ({ value: a, label: ANTWOORD_NAMEN[a] }))}
                value={w?.antwoord}
                error={fouten[`antwoorden.${v.id}`]}
              />
              <TextArea
                name={vraagVeld(v.id, 'toelichting')}
                label={`Toelichting en bewijs bij vraag ${i + 1}`}
                value={w?.toelichting ?? ''}
                rows={2}
              />
            </div>
          );
        })}
        <RadioGroup
          name="conclusie"
          legend="Uw conclusie"
          description="Nooit milder dan wat de antwoorden aangeven."
          options={CONCLUSIES.map((c) => ({ value: c, label: CONCLUSIE_NAMEN[c] }))}
          value={waarden.conclusie}
          error={fouten.conclusie}
        />
        <TextArea
          name="motivering"
          label="Motivering"
          description="Waarom komt u tot deze conclusie? Bij twijfel: waarover twijfelt u?"
          value={waarden.motivering}
          error={fouten.motivering}
        />
        <div className="wk-form-actions">
          <Button>Toets vastleggen</Button>
        </div>
      </Form>
    </NetwerkLayout>
  );
}

export function IntervisiesPagina({
  chrome,
  status,
  resultaat,
}: {
  chrome: Chrome;
  status: 'open' | 'besloten';
  resultaat: Pagina<Intervisie>;
}) {
  return (
    <NetwerkLayout
      title={status === 'open' ? 'Intervisie: wachtrij' : 'Intervisie: besloten'}
      chrome={chrome}
    >
      <Heading level={1}>Intervisie</Heading>
      <Paragraph>
        Als een netwerkmakelaar twijfelt of een activiteit betaald werk verdringt, of een klantmanager
        twijfelt over één plaatsing, bespreekt de teamleider dat met collega's en legt het besluit vast.
      </Paragraph>
      <nav aria-label="Intervisieverzoeken">
        <ul className="utrecht-unordered-list">
          <li className="utrecht-unordered-list__item">
            <Link href={paths.intervisies()} current={status === 'open'}>
              Wachtrij (open verzoeken)
            </Link>
          </li>
          <li className="utrecht-unordered-list__item">
            <Link href={`${paths.intervisies()}?status=besloten`} current={status === 'besloten'}>
              Besloten verzoeken
            </Link>
          </li>
        </ul>
      </nav>
      {resultaat.items.length > 0 ? (
        <Table
          caption={
            status === 'open'
              ? 'Open intervisieverzoeken, oudste eerst'
              : 'Besloten intervisieverzoeken, nieuwste eerst'
          }
          head={[
            'Activiteit',
            'Onderwerp',
            'Organisatie',
            'Aangevraagd',
            'Door',
            status === 'open' ? 'Status' : 'Besluit',
          ]}
        >
          {resultaat.items.map((i) => (
            <Row key={i.id}>
              <Cell>
                <Link href={paths.intervisie(i.id)}>{i.activiteit.naam}</Link>
              </Cell>
              <Cell>{i.plaatsing ? 'Twijfel over een plaatsing' : 'Verdringingstoets'}</Cell>
              <Cell>{i.activiteit.organisatie ?? '–'}</Cell>
              <Cell>{tijdstipNl(i.aangevraagdOp)}</Cell>
              <Cell>{i.aangevraagdDoor}</Cell>
              <Cell>{i.besluit ? BESLUIT_NAMEN[i.besluit] : 'Wacht op besluit'}</Cell>
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>
          {status === 'open' ? 'Er wachten geen intervisieverzoeken.' : 'Er zijn nog geen besluiten.'}
        </Paragraph>
      )}
      <Paginering
        pagina={resultaat.pagina}
        aantalPaginas={resultaat.aantalPaginas}
        href={(p) => `${paths.intervisies()}?status=${status}&pagina=${p}`}
      />
    </NetwerkLayout>
  );
}

export interface BesluitWaarden {
  deelnemers: string;
  besluit: string;
  voorwaarden: string;
  motivering: string;
}

export function IntervisiePagina({
  chrome,
  intervisie: i,
  toetsVervallen,
  magBesluiten,
  waarden,
  fouten = {},
  melding,
}: {
  chrome: Chrome;
  intervisie: Intervisie;
  toetsVervallen: boolean;
  magBesluiten: boolean;
  waarden: BesluitWaarden;
  fouten?: FieldErrors;
  melding?: Melding | undefined;
}) {
  const titel = i.plaatsing
    ? `Intervisie: twijfel over een plaatsing bij ${i.activiteit.naam}`
    : `Intervisie: ${i.activiteit.naam}`;
  const heeftFouten = Object.values(fouten).some(Boolean);
  const open = i.status === 'open' && !toetsVervallen;
  return (
    <NetwerkLayout title={heeftFouten ? `Fout: ${titel}` : titel} chrome={chrome} melding={melding}>
      <Paragraph>
        <Link href={paths.intervisies()}>Terug naar intervisie</Link>
      </Paragraph>
      <Heading level={1}>{titel}</Heading>
      <Gegevens
        items={[
          [
            'Activiteit',
            <Link key="activiteit" href={paths.activiteit(i.activiteit.id)}>
              {i.activiteit.naam}
            </Link>,
          ],
          ['Organisatie', i.activiteit.organisatie],
          ...(i.plaatsing
            ? [
                [
                  'Plaatsing',
                  <Link
                    key="plaatsing"
                    href={`${paths.tegenprestatie(i.plaatsing.tegenprestatieId)}/uitvoering`}
                  >
                    De tegenprestatie waarover getwijfeld wordt
                  </Link>,
                ] as [string, ReactNode],
              ]
            : []),
          ['Aangevraagd', `${tijdstipNl(i.aangevraagdOp)} door ${i.aangevraagdDoor}`],
          ['Waarover wordt getwijfeld', i.vraag],
        ]}
      />
      <Paragraph>
        <Link href={paths.intervisieVerslagPdf(i.id)}>Verslag van de intervisie (pdf)</Link>
      </Paragraph>
      {i.status === 'besloten' ? (
        <>
          <Heading level={2}>Besluit</Heading>
          <Gegevens
            items={[
              ['Besluit', i.besluit ? BESLUIT_NAMEN[i.besluit] : null],
              ['Voorwaarden', i.voorwaarden],
              ['Motivering', i.motivering],
              ['Deelnemers', i.deelnemers.join(', ')],
              ['Besloten', i.beslotenOp ? `${tijdstipNl(i.beslotenOp)} door ${i.beslotenDoor ?? ''}` : null],
            ]}
          />
        </>
      ) : toetsVervallen ? (
        <Alert type="info">
          De verdringingstoets van dit verzoek geldt niet meer (er is een nieuwe toets of de activiteit is
          gewijzigd). Er hoeft niet meer over besloten te worden.
        </Alert>
      ) : null}
      {open && magBesluiten ? (
        <>
          <Heading level={2}>Besluit vastleggen</Heading>
          {i.plaatsing ? (
            <Paragraph>
              Toegestaan: de plaatsing kan doorgaan. Niet toegestaan: de klantmanager moet de plaatsing
              herbeoordelen (aanpassen of beëindigen; bij een opgelegde tegenprestatie een gewijzigd of
              ingetrokken besluit).
            </Paragraph>
          ) : null}
          <Foutmeldingen fouten={fouten} veldIds={{ besluit: 'besluit' }} />
          <Form action={paths.intervisie(i.id)} csrfToken={chrome.csrfToken}>
            <TextArea
              name="deelnemers"
              label="Wie deden mee aan de intervisie?"
              description="Eén naam per regel."
              value={waarden.deelnemers}
              error={fouten.deelnemers}
              rows={3}
            />
            <RadioGroup
              name="besluit"
              legend="Besluit"
              options={BESLUITEN.map((b) => ({ value: b, label: BESLUIT_NAMEN[b] }))}
              value={waarden.besluit}
              error={fouten.besluit}
            />
            <TextArea
              name="voorwaarden"
              label="Voorwaarden (bij toegestaan onder voorwaarden)"
              value={waarden.voorwaarden}
              error={fouten.voorwaarden}
            />
            <TextArea
              name="motivering"
              label="Motivering"
              value={waarden.motivering}
              error={fouten.motivering}
            />
            <div className="wk-form-actions">
              <Button>Besluit vastleggen</Button>
            </div>
          </Form>
        </>
      ) : open ? (
        <Paragraph>Dit verzoek wacht op het besluit van de teamleider.</Paragraph>
      ) : null}
    </NetwerkLayout>
  );
}
