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
  SelectField,
  Table,
} from '../../../web/components/index.tsx';
import { paths } from '../../../web/paths.ts';
import type { Gemeente } from '../../gemeenten/index.ts';
import type {
  ImportRapportRij,
  ImportStatus,
  KlantImport,
  Uitkomst,
  Voornemen,
} from '../import/klanten-import.service.ts';
import { KOLOMMEN } from '../import/kolommen.ts';
import type { Pagina } from '../klanten.schemas.ts';
import {
  aantal,
  type Chrome,
  Foutmeldingen,
  Gegevens,
  KlantenLayout,
  type Melding,
  Paginering,
} from './onderdelen.tsx';

const STATUS_NAMEN: Record<ImportStatus, string> = {
  proefrun: 'Proefrun (nog niet geïmporteerd)',
  wachtend: 'Wacht op de start',
  bezig: 'Bezig',
  klaar: 'Klaar',
  mislukt: 'Gestopt door een fout',
  verlopen: 'Verlopen (niet geïmporteerd)',
};
const VOORNEMEN_NAMEN: Record<Voornemen, string> = {
  aanmaken: 'Aanmaken',
  bijwerken: 'Bijwerken',
  afgewezen: 'Afgewezen',
};
const UITKOMST_NAMEN: Record<Uitkomst, string> = {
  aangemaakt: 'Aangemaakt',
  bijgewerkt: 'Bijgewerkt',
  afgewezen: 'Afgewezen',
};

const datumTijd = (iso: string) =>
  new Date(iso).toLocaleString('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

const gemeenteNaam = (gemeenten: readonly Gemeente[], id: string) =>
  gemeenten.find((g) => g.id === id)?.naam ?? 'Onbekende gemeente';

/** The upload form, the columns the file may have, and the latest imports. */
export function ImportPagina({
  chrome,
  gemeenten,
  imports,
  gekozenGemeente,
  fouten = {},
}: {
  chrome: Chrome;
  gemeenten: readonly Gemeente[];
  imports: readonly KlantImport[];
  gekozenGemeente?: string;
  fouten?: FieldErrors;
}) {
  const heeftFouten = Object.values(fouten).some(Boolean);
  return (
    <KlantenLayout title={heeftFouten ? 'Fout: Klanten importeren' : 'Klanten importeren'} chrome={chrome}>
      <Heading level={1}>Klanten importeren</Heading>
      <Paragraph>
        Zet klanten uit het kernsysteem in Wederkerig met een CSV-bestand. Eerst ziet u per rij wat er zou
        gebeuren (de proefrun). Er verandert dan nog niets. Daarna start u de import. Een klant wordt herkend
        aan het klantnummer: een bekend klantnummer wordt bijgewerkt, een nieuw klantnummer wordt aangemaakt.
      </Paragraph>
      <Foutmeldingen fouten={fouten} />
      <form
        method="post"
        action={paths.klantenImport()}
        encType="multipart/form-data"
        noValidate
        className="wk-upload"
      >
        <input type="hidden" name="_csrf" value={chrome.csrfToken} />
        {gemeenten.length > 1 ? (
          <SelectField
            name="gemeenteId"
            label="Gemeente"
            value={gekozenGemeente ?? ''}
            error={fouten.gemeenteId}
            options={[
              { value: '', label: 'Kies een gemeente' },
              ...gemeenten.map((g) => ({ value: g.id, label: g.naam })),
            ]}
          />
        ) : (
          <input type="hidden" name="gemeenteId" value={gemeenten[0]?.id ?? ''} />
        )}
        <div
          className={`utrecht-form-field utrecht-form-field--text${fouten.bestand ? ' utrecht-form-field--invalid' : ''}`}
        >
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="bestand">
              CSV-bestand
            </label>
          </div>
          <div className="utrecht-form-field-description" id="bestand-uitleg">
            UTF-8 of Windows-1252 (Excel), gescheiden door puntkomma&apos;s of komma&apos;s, hoogstens 25 MB.
            De eerste regel noemt de kolommen.
          </div>
          {fouten.bestand ? (
            <div className="utrecht-form-field-error-message" id="bestand-fout">
              {fouten.bestand}
            </div>
          ) : null}
          <div className="utrecht-form-field__input">
            <input
              className="utrecht-textbox utrecht-textbox--html-input wk-bestand"
              type="file"
              id="bestand"
              name="bestand"
              accept=".csv,.txt,text/csv,text/plain"
              aria-describedby={`bestand-uitleg${fouten.bestand ? ' bestand-fout' : ''}`}
              aria-invalid={fouten.bestand ? true : undefined}
            />
          </div>
        </div>
        <div className="wk-form-actions">
          <Button>Proefrun maken</Button>
        </div>
      </form>

      <details className="wk-uitleg">
        <summary>Welke kolommen mag het bestand hebben?</summary>
        <Paragraph>
          Verplicht zijn klantnummer, achternaam en geboortedatum. Hoofdletters, spaties en streepjes in de
          kopregel tellen niet mee. Lijsten in één cel scheidt u met |, bijvoorbeeld ma-ochtend|di-middag.
        </Paragraph>
        <Table
          caption="Kolommen van het importbestand"
          head={['Kolom', 'Verplicht', 'Mag ook heten', 'Inhoud']}
        >
          {KOLOMMEN.map((k) => (
            <Row key={k.sleutel}>
              <Cell>{k.naam}</Cell>
              <Cell>{k.verplicht ? 'Ja' : 'Nee'}</Cell>
              <Cell>{k.aliassen.join(', ') || '–'}</Cell>
              <Cell>{k.uitleg}</Cell>
            </Row>
          ))}
        </Table>
      </details>

      <Heading level={2}>Laatste imports</Heading>
      {imports.length > 0 ? (
        <Table
          caption="De laatste imports van uw gemeenten (kies een bestand voor het verslag)"
          head={['Bestand', 'Gemeente', 'Gemaakt', 'Status', 'Rijen']}
        >
          {imports.map((i) => (
            <Row key={i.id}>
              <Cell>
                <Link href={paths.klantenImportDetail(i.id)}>{i.bestandsnaam}</Link>
              </Cell>
              <Cell>{gemeenteNaam(gemeenten, i.gemeenteId)}</Cell>
              <Cell>
                {datumTijd(i.aangemaaktOp)} door {i.gestartDoorNaam}
              </Cell>
              <Cell>{STATUS_NAMEN[i.status]}</Cell>
              <Cell>{aantal(i.totaal)}</Cell>
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>Er zijn nog geen imports.</Paragraph>
      )}
    </KlantenLayout>
  );
}

/** Progress of a running import: a `<progress>` with its text; htmx polls it while the import runs. */
export function ImportVoortgang({ imp }: { imp: KlantImport }) {
  const loopt = imp.status === 'wachtend' || imp.status === 'bezig';
  const procent = imp.totaal === 0 ? 100 : Math.floor((imp.verwerkt / imp.totaal) * 100);
  return (
    <div
      id="voortgang"
      className="wk-voortgang"
      {...(loopt
        ? {
            'hx-get': paths.klantenImportVoortgang(imp.id),
            'hx-trigger': 'every 2s',
            'hx-swap': 'outerHTML',
          }
        : {})}
    >
      <label className="utrecht-form-label" htmlFor="voortgang-balk">
        Voortgang
      </label>
      <progress id="voortgang-balk" max={Math.max(imp.totaal, 1)} value={imp.verwerkt}>
        {procent}%
      </progress>
      <p className="utrecht-paragraph">
        <strong>
          {STATUS_NAMEN[imp.status]}: {aantal(imp.verwerkt)} van {aantal(imp.totaal)} rijen verwerkt (
          {procent}%).
        </strong>{' '}
        {aantal(imp.aangemaakt)} aangemaakt, {aantal(imp.bijgewerkt)} bijgewerkt, {aantal(imp.afgewezen)}{' '}
        afgewezen.
      </p>
      {loopt ? (
        <p className="utrecht-paragraph">
          De import loopt op de achtergrond; u kunt deze pagina sluiten.{' '}
          <Link href={paths.klantenImportDetail(imp.id)}>Vernieuwen</Link>
        </p>
      ) : (
        <p className="utrecht-paragraph">
          <Link href={`${paths.klantenImportDetail(imp.id)}#verslag`}>Toon het verslag per rij</Link>
        </p>
      )}
    </div>
  );
}

/** One import: what the dry run found, the button to start, the progress, and the report per row. */
export function ImportDetailPagina({
  chrome,
  imp,
  gemeenten,
  rapport,
  alleenAfgewezen,
  melding,
}: {
  chrome: Chrome;
  imp: KlantImport;
  gemeenten: readonly Gemeente[];
  rapport: Pagina<ImportRapportRij>;
  alleenAfgewezen: boolean;
  melding?: Melding | undefined;
}) {
  const startbaar = imp.status === 'proefrun' || imp.status === 'mislukt';
  const gestart = imp.status !== 'proefrun' && imp.status !== 'verlopen';
  const rapportHref = (pagina: number, afgewezen = alleenAfgewezen) =>
    `${paths.klantenImportDetail(imp.id)}?${new URLSearchParams({
      ...(afgewezen ? { filter: 'afgewezen' } : {}),
      ...(pagina > 1 ? { pagina: String(pagina) } : {}),
    }).toString()}#verslag`;
  return (
    <KlantenLayout title={`Import ${imp.bestandsnaam}`} chrome={chrome} melding={melding}>
      <Paragraph>
        <Link href={paths.klantenImport()}>Terug naar klanten importeren</Link>
      </Paragraph>
      <Heading level={1}>Import {imp.bestandsnaam}</Heading>
      <Gegevens
        items={[
          ['Gemeente', gemeenteNaam(gemeenten, imp.gemeenteId)],
          ['Status', STATUS_NAMEN[imp.status]],
          ['Gemaakt', `${datumTijd(imp.aangemaaktOp)} door ${imp.gestartDoorNaam}`],
          [
            'Bestand',
            `${imp.codering === 'utf-8' ? 'UTF-8' : 'Windows-1252'}, gescheiden door ${imp.scheidingsteken === ';' ? 'puntkomma' : 'komma'}`,
          ],
          ['Gebruikte kolommen', imp.kolommen.join(', ')],
          ['Rijen', aantal(imp.totaal)],
        ]}
      />
      {imp.onbekendeKolommen.length > 0 ? (
        <Alert type="warning" title="Kolommen die niet worden gebruikt">
          <Paragraph>
            Deze kolommen kent Wederkerig niet; ze worden overgeslagen: {imp.onbekendeKolommen.join(', ')}.
          </Paragraph>
        </Alert>
      ) : null}

      <Heading level={2}>Proefrun</Heading>
      <Paragraph>
        Bij de proefrun: {aantal(imp.proef.aanmaken)} klanten aanmaken, {aantal(imp.proef.bijwerken)} klanten
        bijwerken en {aantal(imp.proef.afgewezen)} rijen afgewezen.
      </Paragraph>
      {imp.status === 'verlopen' ? (
        <Alert type="warning">
          <Paragraph>
            Deze proefrun is niet binnen een dag gestart en is verlopen; het bestand is verwijderd.{' '}
            <Link href={paths.klantenImport()}>Laad het bestand opnieuw</Link>.
          </Paragraph>
        </Alert>
      ) : null}
      {imp.status === 'mislukt' && imp.foutmelding ? <Alert type="error">{imp.foutmelding}</Alert> : null}
      {startbaar ? (
        <Form action={paths.klantenImportStart(imp.id)} csrfToken={chrome.csrfToken}>
          <Paragraph>
            {imp.proef.afgewezen > 0
              ? `De ${aantal(imp.proef.afgewezen)} afgewezen rijen worden overgeslagen. `
              : ''}
            De import loopt op de achtergrond, in blokken van 1.000 rijen.
          </Paragraph>
          <div className="wk-form-actions">
            <Button>{imp.status === 'mislukt' ? 'Import opnieuw starten' : 'Importeren'}</Button>
          </div>
        </Form>
      ) : null}

      {gestart ? (
        <>
          <Heading level={2}>Import</Heading>
          <div aria-live="polite">
            <ImportVoortgang imp={imp} />
          </div>
        </>
      ) : null}

      <Heading level={2} id="verslag">
        Verslag per rij
      </Heading>
      <Paragraph>
        {alleenAfgewezen ? (
          <>
            U ziet alleen de afgewezen rijen. <Link href={rapportHref(1, false)}>Toon alle rijen</Link>
          </>
        ) : (
          <>
            U ziet alle rijen. <Link href={rapportHref(1, true)}>Toon alleen de afgewezen rijen</Link>
          </>
        )}
      </Paragraph>
      {rapport.items.length > 0 ? (
        <Table
          caption={`${alleenAfgewezen ? 'Afgewezen rijen' : 'Alle rijen'} (${aantal(rapport.totaal)}); rij 1 is de kopregel`}
          head={['Rij', 'Klantnummer', 'Proefrun', 'Import', 'Reden']}
        >
          {rapport.items.map((r) => (
            <Row key={r.rij}>
              <Cell>{r.rij}</Cell>
              <Cell>{r.klantnummer ?? '–'}</Cell>
              <Cell>{VOORNEMEN_NAMEN[r.proef]}</Cell>
              <Cell>{r.uitkomst ? UITKOMST_NAMEN[r.uitkomst] : '–'}</Cell>
              <Cell>
                {r.fouten ? (
                  <ul className="utrecht-unordered-list wk-compact">
                    {Object.entries(r.fouten).map(([kolom, melding]) => (
                      <li className="utrecht-unordered-list__item" key={kolom}>
                        {kolom === 'rij' ? melding : `${kolom}: ${melding}`}
                      </li>
                    ))}
                  </ul>
                ) : (
                  '–'
                )}
              </Cell>
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>{alleenAfgewezen ? 'Geen afgewezen rijen.' : 'Het bestand heeft geen rijen.'}</Paragraph>
      )}
      <Paginering
        pagina={rapport.pagina}
        aantalPaginas={rapport.aantalPaginas}
        href={(p) => rapportHref(p)}
        label="Pagina's van het verslag"
      />
    </KlantenLayout>
  );
}
