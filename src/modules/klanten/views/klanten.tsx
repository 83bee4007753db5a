import {
  Button,
  ButtonLink,
  type FieldErrors,
  Form,
  Heading,
  Link,
  Paragraph,
  SelectField,
  TabelRegio,
  TextField,
} from '../../../web/components/index.tsx';
import { paths } from '../../../web/paths.ts';
import { formatDatumNl } from '../datum.ts';
import type { KlantOverzicht, Pagina } from '../klanten.schemas.ts';
import { TOEPASSELIJKHEDEN, TOEPASSELIJKHEID_NAMEN, type Toepasselijkheid } from '../toepasselijkheid.ts';
import {
  aantal,
  type Chrome,
  Foutmeldingen,
  KlantenLayout,
  type Melding,
  Paginering,
} from './onderdelen.tsx';

/** The list's query as the page keeps it (strings, as in the URL). */
export interface Lijstvraag {
  zoek: string;
  reikwijdte: string;
  toepasselijkheid: string;
  wijkId: string;
  klantmanagerId: string;
  sorteer: string;
  richting: string;
  pagina: number;
}

export const LEGE_VRAAG: Lijstvraag = {
  zoek: '',
  reikwijdte: '',
  toepasselijkheid: '',
  wijkId: '',
  klantmanagerId: '',
  sorteer: 'naam',
  richting: 'oplopend',
  pagina: 1,
};

/** The list's URL for a query: only what differs from the defaults. Never a BSN (that is posted). */
export function lijstHref(v: Lijstvraag, wijziging: Partial<Lijstvraag> = {}): string {
  const n = { ...v, ...wijziging };
  const q = new URLSearchParams();
  for (const k of ['zoek', 'reikwijdte', 'toepasselijkheid', 'wijkId', 'klantmanagerId'] as const)
    if (n[k] !== '') q.set(k, n[k]);
  if (n.sorteer !== 'naam') q.set('sorteer', n.sorteer);
  if (n.richting !== 'oplopend') q.set('richting', n.richting);
  if (n.pagina > 1) q.set('pagina', String(n.pagina));
  const s = q.toString();
  return s ? `${paths.klanten()}?${s}` : paths.klanten();
}

export function ToepasselijkheidLabel({ waarde }: { waarde: Toepasselijkheid | null }) {
  if (!waarde) return <>–</>;
  // Our own colours: the theme's status colours do not reach 4.5:1 with their text.
  const soort = { 'van-toepassing': 'ja', 'niet-van-toepassing': 'nee', 'ontheffing-verloopt': 'bijna' }[
    waarde
  ];
  return (
    <span className={`utrecht-status-badge wk-badge wk-badge--${soort}`}>
      {TOEPASSELIJKHEID_NAMEN[waarde]}
    </span>
  );
}

const KOLOMMEN: ReadonlyArray<{ label: string; sorteer?: string }> = [
  { label: 'Naam', sorteer: 'naam' },
  { label: 'Klantnummer', sorteer: 'klantnummer' },
  { label: 'Geboortedatum', sorteer: 'geboortedatum' },
  { label: 'Wijk', sorteer: 'wijk' },
  { label: 'Klantmanager' },
  { label: 'Tegenprestatie', sorteer: 'toepasselijkheid' },
];

/** The caseload: search, filters, sorting and pages; BSN search through a posted form. */
export function KlantenPagina({
  chrome,
  vraag,
  resultaat,
  bsnResultaat,
  bsn,
  fouten = {},
  isTeamleider,
  wijken,
  klantmanagers,
  melding,
}: {
  chrome: Chrome;
  vraag: Lijstvraag;
  /** The page of the list (absent when showing the result of a BSN search). */
  resultaat?: Pagina<KlantOverzicht>;
  bsnResultaat?: KlantOverzicht[];
  bsn?: string;
  fouten?: FieldErrors;
  isTeamleider: boolean;
  wijken: ReadonlyArray<{ id: string; naam: string }>;
  klantmanagers: ReadonlyArray<{ id: string; naam: string }>;
  melding?: Melding | undefined;
}) {
  const items = bsnResultaat ?? resultaat?.items ?? [];
  const heeftFouten = Object.values(fouten).some(Boolean);
  const reikwijdtes = [
    { value: '', label: isTeamleider ? 'Alle klanten van mijn gemeenten' : 'Mijn team' },
    { value: 'mijn', label: 'Mijn klanten' },
    ...(isTeamleider ? [{ value: 'team', label: 'Klanten van mijn teams' }] : []),
  ];
  return (
    <KlantenLayout title={heeftFouten ? 'Fout: Klanten' : 'Klanten'} chrome={chrome} melding={melding}>
      <Heading level={1}>Klanten</Heading>
      <ButtonLink href={paths.klantNieuw()}>Klant inschrijven</ButtonLink>
      <Foutmeldingen fouten={fouten} />
      <div className="wk-zoekvakken">
        <form method="get" action={paths.klanten()} className="wk-filters" aria-label="Zoeken en filteren">
          <TextField
            name="zoek"
            label="Zoek op naam of klantnummer"
            value={vraag.zoek}
            autoComplete="off"
            spellCheck={false}
          />
          <div className="wk-filterrij">
            <SelectField
              name="reikwijdte"
              label="Welke klanten"
              value={vraag.reikwijdte}
              options={reikwijdtes}
            />
            <SelectField
              name="toepasselijkheid"
              label="Tegenprestatie"
              value={vraag.toepasselijkheid}
              options={[
                { value: '', label: 'Alle' },
                ...TOEPASSELIJKHEDEN.map((t) => ({ value: t, label: TOEPASSELIJKHEID_NAMEN[t] })),
              ]}
            />
            <SelectField
              name="wijkId"
              label="Wijk"
              value={vraag.wijkId}
              options={[
                { value: '', label: 'Alle wijken' },
                ...wijken.map((w) => ({ value: w.id, label: w.naam })),
              ]}
            />
            <SelectField
              name="klantmanagerId"
              label="Klantmanager"
              value={vraag.klantmanagerId}
              options={[
                { value: '', label: 'Alle' },
                ...klantmanagers.map((k) => ({ value: k.id, label: k.naam })),
                { value: 'geen', label: 'Zonder klantmanager' },
              ]}
            />
          </div>
          {vraag.sorteer !== 'naam' ? <input type="hidden" name="sorteer" value={vraag.sorteer} /> : null}
          {vraag.richting !== 'oplopend' ? (
            <input type="hidden" name="richting" value={vraag.richting} />
          ) : null}
          <div className="wk-form-actions">
            <Button>Zoeken</Button>
            <Link href={paths.klanten()}>Alles wissen</Link>
          </div>
        </form>
        <Form action={paths.klantenZoekBsn()} csrfToken={chrome.csrfToken} id="zoek-bsn">
          <TextField
            name="bsn"
            label="Zoek op BSN"
            description="Alleen het volledige BSN (9 cijfers). Het zoeken wordt vastgelegd."
            value={bsn ?? ''}
            error={fouten.bsn}
            autoComplete="off"
            inputMode="numeric"
            spellCheck={false}
          />
          <div className="wk-form-actions">
            <Button appearance="secondary">Zoek op BSN</Button>
          </div>
        </Form>
      </div>

      <Heading level={2} id="resultaat">
        {bsnResultaat
          ? `Gevonden op BSN: ${bsnResultaat.length === 1 ? '1 klant' : `${bsnResultaat.length} klanten`}`
          : `${aantal(resultaat?.totaal ?? 0)} ${resultaat?.totaal === 1 ? 'klant' : 'klanten'}`}
      </Heading>
      {bsnResultaat ? (
        <Paragraph>
          <Link href={lijstHref(vraag)}>Terug naar de lijst</Link>
        </Paragraph>
      ) : null}
      {items.length === 0 ? (
        <Paragraph>Geen klanten gevonden. Pas de zoekvraag of de filters aan.</Paragraph>
      ) : (
        <TabelRegio labelId="klanten-tabel-titel">
          <table className="utrecht-table utrecht-table--html-table">
            <caption className="utrecht-table__caption" id="klanten-tabel-titel">
              Klanten{bsnResultaat ? ' met dit BSN' : ''} (kies een naam om het dossier te openen
              {bsnResultaat ? '' : '; kies een kolomkop om te sorteren'})
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {KOLOMMEN.map((k) => {
                  const actief = !bsnResultaat && k.sorteer === vraag.sorteer;
                  const sort = actief
                    ? vraag.richting === 'aflopend'
                      ? 'descending'
                      : 'ascending'
                    : undefined;
                  return (
                    <th key={k.label} className="utrecht-table__header-cell" scope="col" aria-sort={sort}>
                      {k.sorteer && !bsnResultaat ? (
                        <a
                          className="utrecht-link wk-sorteerlink"
                          href={lijstHref(vraag, {
                            sorteer: k.sorteer,
                            richting: actief && vraag.richting === 'oplopend' ? 'aflopend' : 'oplopend',
                            pagina: 1,
                          })}
                        >
                          {k.label}
                          {actief ? (vraag.richting === 'aflopend' ? ' ▼' : ' ▲') : ''}
                          <span className="wk-visueel-verborgen">
                            {actief
                              ? vraag.richting === 'aflopend'
                                ? ' (aflopend gesorteerd; kies om oplopend te sorteren)'
                                : ' (oplopend gesorteerd; kies om aflopend te sorteren)'
                              : ' (kies om hierop te sorteren)'}
                          </span>
                        </a>
                      ) : (
                        k.label
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {items.map((k) => (
                <tr className="utrecht-table__row" key={k.id}>
                  <td className="utrecht-table__cell">
                    <Link href={paths.klant(k.id)}>{k.naam}</Link>
                  </td>
                  <td className="utrecht-table__cell">{k.klantnummer ?? '–'}</td>
                  <td className="utrecht-table__cell">{formatDatumNl(k.geboortedatum)}</td>
                  <td className="utrecht-table__cell">{k.wijk?.naam ?? '–'}</td>
                  <td className="utrecht-table__cell">{k.klantmanager?.naam ?? 'Geen'}</td>
                  <td className="utrecht-table__cell">
                    <ToepasselijkheidLabel waarde={k.toepasselijkheid} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TabelRegio>
      )}
      {resultaat && !bsnResultaat ? (
        <Paginering
          pagina={resultaat.pagina}
          aantalPaginas={resultaat.aantalPaginas}
          href={(p) => lijstHref(vraag, { pagina: p })}
          label="Pagina's van de klantenlijst"
        />
      ) : null}
    </KlantenLayout>
  );
}
