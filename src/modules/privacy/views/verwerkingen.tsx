import {
  Alert,
  Button,
  Cell,
  ErrorSummary,
  type FieldErrors,
  Form,
  Heading,
  Link,
  Paragraph,
  Row,
  SelectField,
  Table,
  TextField,
} from '../../../web/components/index.tsx';
import { Layout, type LayoutProps } from '../../../web/layout.tsx';
import { paths } from '../../../web/paths.ts';
import { ROL_NAMEN } from '../../auth/index.ts';
import { LOGBOEK_ACTIES } from '../../logboek/index.ts';
import { tijdInAmsterdam } from '../privacy.regels.ts';
import type { GevondenKlant, VerwerkingenAntwoord } from '../privacy.schemas.ts';
import { HANDELING_NAMEN } from '../privacy.service.ts';

export interface Chrome {
  account: LayoutProps['account'];
  nav: NonNullable<LayoutProps['nav']>;
  csrfToken: string;
}

const TITEL = 'Verwerkingen inzien';

/** Step 1: find the client by klantnummer or BSN (posted, never in a URL), without opening the file. */
export function ZoekPagina({
  chrome,
  waarden,
  fouten = {},
  gevonden,
}: {
  chrome: Chrome;
  waarden: { klantnummer: string; bsn: string };
  fouten?: FieldErrors;
  gevonden?: readonly GevondenKlant[] | undefined;
}) {
  return (
    <Layout title={TITEL} nav={chrome.nav} account={chrome.account}>
      <ErrorSummary errors={fouten} />
      <Heading level={1}>{TITEL}</Heading>
      <Paragraph lead>
        Zoek een klant op klantnummer of BSN. U ziet dan wie de gegevens van deze klant heeft bekeken of
        gewijzigd, wanneer en waarvoor.
      </Paragraph>
      <Paragraph>
        U opent het dossier niet: u ziet alleen het klantnummer en de gemeente. Uw zoekopdracht komt zelf ook
        in het logboek.
      </Paragraph>
      <Form action={paths.privacyVerwerkingen()} csrfToken={chrome.csrfToken}>
        <TextField
          name="klantnummer"
          label="Klantnummer"
          value={waarden.klantnummer}
          error={fouten.klantnummer}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          name="bsn"
          label="Of: BSN"
          description="Het volledige burgerservicenummer, 9 cijfers."
          value={waarden.bsn}
          error={fouten.bsn}
          inputMode="numeric"
          autoComplete="off"
        />
        <Button>Zoeken</Button>
      </Form>
      {gevonden && gevonden.length === 0 ? (
        <Alert type="info" title="Geen klant gevonden">
          <Paragraph>Er is geen klant met dit klantnummer of BSN in uw gemeenten.</Paragraph>
        </Alert>
      ) : null}
      {gevonden && gevonden.length > 0 ? (
        <>
          <Heading level={2}>Gevonden klanten</Heading>
          <Table caption="Gevonden klanten" head={['Klantnummer', 'Gemeente']}>
            {gevonden.map((k) => (
              <Row key={k.id}>
                <Cell>
                  <Link href={paths.privacyKlantVerwerkingen(k.id)}>
                    {k.klantnummer ?? 'Zonder klantnummer'}
                  </Link>
                </Cell>
                <Cell>{k.gemeente.naam}</Cell>
              </Row>
            ))}
          </Table>
        </>
      ) : null}
    </Layout>
  );
}

export interface FilterWaarden {
  actorId: string;
  actie: string;
  van: string;
  tot: string;
}

const query = (f: FilterWaarden, pagina?: number): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  if (pagina && pagina > 1) q.set('pagina', String(pagina));
  const s = q.toString();
  return s ? `?${s}` : '';
};

const rolNaam = (rol: string) => (rol in ROL_NAMEN ? ROL_NAMEN[rol as keyof typeof ROL_NAMEN] : 'Systeem');

/** Step 2: the client's log, filtered and paged, with CSV export and the article 15 export. */
export function KlantVerwerkingenPagina({
  chrome,
  klant,
  resultaat,
  filter,
  fouten = {},
}: {
  chrome: Chrome;
  klant: GevondenKlant;
  resultaat: VerwerkingenAntwoord | undefined;
  filter: FilterWaarden;
  fouten?: FieldErrors;
}) {
  const titel = `Verwerkingen van klant ${klant.klantnummer ?? ''}`.trim();
  const r = resultaat;
  return (
    <Layout title={titel} nav={chrome.nav} account={chrome.account}>
      <ErrorSummary errors={fouten} />
      <Paragraph>
        <Link href={paths.privacyVerwerkingen()}>Andere klant zoeken</Link>
      </Paragraph>
      <Heading level={1}>{titel}</Heading>
      <Paragraph>Gemeente: {klant.gemeente.naam}</Paragraph>

      <form method="get" action={paths.privacyKlantVerwerkingen(klant.id)} className="wk-filters" noValidate>
        <SelectField
          name="actorId"
          label="Medewerker"
          value={filter.actorId}
          error={fouten.actorId}
          options={[
            { value: '', label: 'Alle medewerkers' },
            ...(r?.medewerkers ?? []).map((m) => ({ value: m.id, label: m.naam })),
          ]}
        />
        <SelectField
          name="actie"
          label="Handeling"
          value={filter.actie}
          error={fouten.actie}
          options={[
            { value: '', label: 'Alle handelingen' },
            ...LOGBOEK_ACTIES.map((a) => ({ value: a, label: HANDELING_NAMEN[a] ?? a })),
          ]}
        />
        <TextField name="van" label="Vanaf" type="date" value={filter.van} error={fouten.van} />
        <TextField name="tot" label="Tot en met" type="date" value={filter.tot} error={fouten.tot} />
        <Button appearance="secondary">Filteren</Button>
      </form>

      {r ? (
        <>
          <Paragraph>
            {r.totaal === 1 ? '1 verwerking' : `${r.totaal} verwerkingen`}
            {r.aantalPaginas > 1 ? ` (pagina ${r.pagina} van ${r.aantalPaginas})` : ''}.
          </Paragraph>
          <Table
            caption="Wie de gegevens van deze klant bekeek of wijzigde"
            head={['Tijdstip', 'Medewerker', 'Handeling', 'Gegevens', 'Waarvoor (verwerkingsactiviteit)']}
          >
            {r.items.map((v) => (
              <Row key={`${v.tijdstip}-${v.medewerker.id}-${v.actie}-${v.wat}-${v.verwerkingsactiviteit.id}`}>
                <Cell>{tijdInAmsterdam(new Date(v.tijdstip))}</Cell>
                <Cell>
                  {v.medewerker.naam}
                  <br />
                  <span className="wk-rol">{rolNaam(v.rol)}</span>
                </Cell>
                <Cell>{HANDELING_NAMEN[v.actie] ?? v.actie}</Cell>
                <Cell>{v.wat === 'bsn' ? 'BSN getoond' : 'Dossier'}</Cell>
                <Cell>{v.verwerkingsactiviteit.naam}</Cell>
              </Row>
            ))}
          </Table>
          {r.aantalPaginas > 1 ? (
            <nav aria-label="Paginering">
              <Paragraph>
                {r.pagina > 1 ? (
                  <Link href={`${paths.privacyKlantVerwerkingen(klant.id)}${query(filter, r.pagina - 1)}`}>
                    Vorige pagina
                  </Link>
                ) : null}{' '}
                {r.pagina < r.aantalPaginas ? (
                  <Link href={`${paths.privacyKlantVerwerkingen(klant.id)}${query(filter, r.pagina + 1)}`}>
                    Volgende pagina
                  </Link>
                ) : null}
              </Paragraph>
            </nav>
          ) : null}
          <Form action={paths.privacyVerwerkingenExport(klant.id)} csrfToken={chrome.csrfToken}>
            {Object.entries(filter).map(([k, v]) =>
              v ? <input key={k} type="hidden" name={k} value={v} /> : null,
            )}
            <Button appearance="secondary">Exporteren als CSV</Button>
          </Form>
        </>
      ) : null}

      <Heading level={2}>Inzageverzoek (AVG artikel 15)</Heading>
      <Paragraph>
        Maak een overzicht van alle gegevens die over deze klant zijn vastgelegd, met wanneer en waarvoor ze
        zijn gebruikt. Namen van medewerkers staan er niet in. Het maken van het overzicht komt in het
        logboek.
      </Paragraph>
      <Form action={paths.privacyInzage(klant.id)} csrfToken={chrome.csrfToken}>
        <Button name="formaat" value="pdf">
          Inzageoverzicht maken (PDF)
        </Button>{' '}
        <Button name="formaat" value="json" appearance="secondary">
          Inzageoverzicht maken (JSON)
        </Button>
      </Form>
    </Layout>
  );
}
