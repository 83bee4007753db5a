import {
  Alert,
  Button,
  Cell,
  type FieldErrors,
  Heading,
  Link,
  ListItem,
  Paragraph,
  Row,
  Table,
  UnorderedList,
} from '../../../web/components/index.tsx';
import { paths } from '../../../web/paths.ts';
import { ACTIVITEIT_KOLOMMEN, ORGANISATIE_KOLOMMEN, type Soort } from '../import/kolommen.ts';
import {
  ACTIE_NAMEN,
  type ImportActie,
  type ImportRapportRij,
  type NetwerkImport,
} from '../import/netwerk-import.service.ts';
import {
  type Chrome,
  Foutmeldingen,
  Gegevens,
  type Melding,
  NetwerkLayout,
  Paginering,
  RadioGroup,
  tijdstipNl,
} from './onderdelen.tsx';

const SOORT_NAMEN: Record<Soort, string> = { organisaties: 'Organisaties', activiteiten: 'Activiteiten' };
const STATUS_NAMEN: Record<NetwerkImport['status'], string> = {
  proefbezig: 'Proefrun bezig: er verandert nog niets',
  proefrun: 'Proefrun klaar: nog niet ingelezen',
  wachtend: 'Wacht op de achtergrondtaak',
  bezig: 'Bezig met inlezen',
  klaar: 'Klaar',
  mislukt: 'Mislukt',
};

const telling = (t: Record<ImportActie, number>) =>
  (Object.keys(ACTIE_NAMEN) as ImportActie[]).map((a) => `${ACTIE_NAMEN[a]}: ${t[a]}`).join(', ');

export function NetwerkImportPagina({
  chrome,
  imports,
  soort,
  fouten = {},
}: {
  chrome: Chrome;
  imports: NetwerkImport[];
  soort: string;
  fouten?: FieldErrors;
}) {
  const heeftFouten = Object.values(fouten).some(Boolean);
  const titel = 'Netwerk importeren';
  return (
    <NetwerkLayout title={heeftFouten ? `Fout: ${titel}` : titel} chrome={chrome}>
      <Heading level={1}>{titel}</Heading>
      <Paragraph>
        Lees organisaties of activiteiten in uit een CSV-bestand (UTF-8 of Windows, gescheiden door ; of ,).
        Eerst ziet u per regel wat er zou gebeuren; pas daarna leest u het bestand echt in. Een organisatie
        herkennen we aan het KvK-nummer, of anders aan naam en postcode; een activiteit aan organisatie en
        titel. Importeer eerst de organisaties, dan hun activiteiten.
      </Paragraph>
      <Foutmeldingen fouten={fouten} veldIds={{ soort: 'soort', bestand: 'bestand' }} />
      <form method="post" action={paths.netwerkImport()} encType="multipart/form-data" noValidate>
        <input type="hidden" name="_csrf" value={chrome.csrfToken} />
        <RadioGroup
          name="soort"
          legend="Wat staat er in het bestand?"
          options={[
            { value: 'organisaties', label: 'Organisaties' },
            { value: 'activiteiten', label: 'Activiteiten' },
          ]}
          value={soort}
          error={fouten.soort}
        />
        <div
          className={`utrecht-form-field utrecht-form-field--text${fouten.bestand ? ' utrecht-form-field--invalid' : ''}`}
        >
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="bestand">
              CSV-bestand (hoogstens 5 MB)
            </label>
          </div>
          {fouten.bestand ? (
            <div className="utrecht-form-field-error-message" id="bestand-fout">
              {fouten.bestand}
            </div>
          ) : null}
          <div className="utrecht-form-field__input">
            <input
              className="utrecht-textbox utrecht-textbox--html-input"
              type="file"
              id="bestand"
              name="bestand"
              accept=".csv,text/csv"
              aria-invalid={fouten.bestand ? true : undefined}
              aria-describedby={fouten.bestand ? 'bestand-fout' : undefined}
            />
          </div>
        </div>
        <div className="wk-form-actions">
          <Button>Proefrun doen</Button>
        </div>
      </form>
      <Heading level={2}>Kolommen</Heading>
      <Paragraph>
        De eerste regel noemt de kolommen. Verplicht zijn de vetgedrukte. Soorten, categorieën en statussen
        mag u als tekst schrijven, zoals Stichting of Zorg en welzijn. Gemeenten: namen of codes, gescheiden
        door |. Zonder gemeenten geldt: al uw gemeenten (organisaties) of die van de organisatie
        (activiteiten).
      </Paragraph>
      {(['organisaties', 'activiteiten'] as const).map((s) => (
        <div key={s}>
          <Heading level={3}>{SOORT_NAMEN[s]}</Heading>
          <UnorderedList>
            {(s === 'organisaties' ? ORGANISATIE_KOLOMMEN : ACTIVITEIT_KOLOMMEN).map((k) => (
              <ListItem key={k.veld}>{k.verplicht ? <strong>{k.titel}</strong> : k.titel}</ListItem>
            ))}
          </UnorderedList>
        </div>
      ))}
      <Heading level={2}>Eerdere imports</Heading>
      {imports.length > 0 ? (
        <Table
          caption="Eerdere imports, nieuwste eerst"
          head={['Bestand', 'Soort', 'Door', 'Datum', 'Status']}
        >
          {imports.map((i) => (
            <Row key={i.id}>
              <Cell>
                <Link href={paths.netwerkImportDetail(i.id)}>{i.bestandsnaam}</Link>
              </Cell>
              <Cell>{SOORT_NAMEN[i.soort]}</Cell>
              <Cell>{i.gestartDoorNaam}</Cell>
              <Cell>{tijdstipNl(i.aangemaaktOp)}</Cell>
              <Cell>{STATUS_NAMEN[i.status]}</Cell>
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>Er zijn nog geen imports.</Paragraph>
      )}
    </NetwerkLayout>
  );
}

/**
 * The progress block; htmx replaces it every 2 seconds while the dry run or the import runs (without JavaScript:
 * reload). When the dry run ends, the fragment asks htmx to reload the page (`?na=proef`), which then shows the
 * report and the start button.
 */
export function ImportVoortgang({ imp }: { imp: NetwerkImport }) {
  const proef = imp.status === 'proefbezig';
  const loopt = proef || imp.status === 'wachtend' || imp.status === 'bezig';
  const url = `${paths.netwerkImportVoortgang(imp.id)}${proef ? '?na=proef' : ''}`;
  return (
    <div
      id="voortgang"
      {...(loopt ? { 'hx-get': url, 'hx-trigger': 'every 2s', 'hx-swap': 'outerHTML' } : {})}
    >
      <Alert
        type={imp.status === 'mislukt' ? 'error' : imp.status === 'klaar' ? 'ok' : 'info'}
        title={STATUS_NAMEN[imp.status]}
      >
        {proef ? (
          <p className="utrecht-paragraph">
            {imp.proefVerwerkt} van {imp.totaal} regels gecontroleerd. {telling(imp.proef)}.
          </p>
        ) : imp.status === 'proefrun' || (imp.status === 'mislukt' && imp.gestartOp === null) ? (
          <p className="utrecht-paragraph">
            Proefrun: {telling(imp.proef)}. Er is nog niets veranderd.
            {imp.foutmelding ? ` ${imp.foutmelding}` : ''}
          </p>
        ) : (
          <p className="utrecht-paragraph">
            {imp.verwerkt} van {imp.totaal} regels verwerkt. {telling(imp.uitkomst)}.
            {imp.foutmelding ? ` ${imp.foutmelding}` : ''}
          </p>
        )}
        {loopt ? (
          <p className="utrecht-paragraph">
            <a className="utrecht-link" href={paths.netwerkImportDetail(imp.id)}>
              Vernieuwen
            </a>
          </p>
        ) : null}
      </Alert>
    </div>
  );
}

export function NetwerkImportDetailPagina({
  chrome,
  imp,
  rapport,
  alleenGeweigerd,
  melding,
}: {
  chrome: Chrome;
  imp: NetwerkImport;
  rapport: { rijen: ImportRapportRij[]; totaal: number; pagina: number; aantalPaginas: number };
  alleenGeweigerd: boolean;
  melding?: Melding | undefined;
}) {
  const titel = `Import ${imp.bestandsnaam}`;
  const basis = paths.netwerkImportDetail(imp.id);
  return (
    <NetwerkLayout title={titel} chrome={chrome} melding={melding}>
      <Paragraph>
        <Link href={paths.netwerkImport()}>Terug naar importeren</Link>
      </Paragraph>
      <Heading level={1}>{titel}</Heading>
      <Gegevens
        items={[
          ['Soort', SOORT_NAMEN[imp.soort]],
          ['Regels', String(imp.totaal)],
          [
            'Bestand',
            `${imp.codering === 'utf-8' ? 'UTF-8' : 'Windows-1252'}, gescheiden door ${imp.scheidingsteken}`,
          ],
          ['Door', `${imp.gestartDoorNaam}, ${tijdstipNl(imp.aangemaaktOp)}`],
        ]}
      />
      <ImportVoortgang imp={imp} />
      {imp.status === 'proefrun' ? (
        <form method="post" action={paths.netwerkImportStart(imp.id)}>
          <input type="hidden" name="_csrf" value={chrome.csrfToken} />
          <Paragraph>
            Klopt het overzicht? Lees het bestand dan echt in. Geweigerde regels worden overgeslagen; u kunt
            ze verbeteren en opnieuw importeren.
          </Paragraph>
          <div className="wk-form-actions">
            <Button>Bestand inlezen</Button>
          </div>
        </form>
      ) : null}
      <Heading level={2}>Per regel</Heading>
      <Paragraph>
        {alleenGeweigerd ? (
          <Link href={basis}>Alle regels tonen</Link>
        ) : (
          <Link href={`${basis}?filter=geweigerd`}>Alleen geweigerde regels tonen</Link>
        )}
      </Paragraph>
      {rapport.rijen.length > 0 ? (
        <Table
          caption={`${rapport.totaal} ${rapport.totaal === 1 ? 'regel' : 'regels'}${alleenGeweigerd ? ' geweigerd' : ''}`}
          head={['Regel', 'Naam', 'Proefrun', 'Ingelezen', 'Redenen']}
        >
          {rapport.rijen.map((r) => (
            <Row key={r.rij}>
              <Cell>{r.rij}</Cell>
              <Cell>{r.naam || '–'}</Cell>
              <Cell>{ACTIE_NAMEN[r.proef]}</Cell>
              <Cell>{r.uitkomst ? ACTIE_NAMEN[r.uitkomst] : '–'}</Cell>
              <Cell>
                {r.redenen.length > 0 ? (
                  <ul className="utrecht-unordered-list">
                    {r.redenen.map((x) => (
                      <li className="utrecht-unordered-list__item" key={x}>
                        {x}
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
        <Paragraph>Geen regels.</Paragraph>
      )}
      <Paginering
        pagina={rapport.pagina}
        aantalPaginas={rapport.aantalPaginas}
        href={(p) => `${basis}?${alleenGeweigerd ? 'filter=geweigerd&' : ''}pagina=${p}`}
      />
    </NetwerkLayout>
  );
}
