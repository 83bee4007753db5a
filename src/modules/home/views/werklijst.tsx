import type { ReactNode } from 'react';
import {
  Button,
  Cell,
  Heading,
  Link,
  ListItem,
  Paginering,
  Paragraph,
  Row,
  SelectField,
  Table,
  UnorderedList,
} from '../../../web/components/index.tsx';
import { Layout, type LayoutProps, type NavItem } from '../../../web/layout.tsx';
import { paths } from '../../../web/paths.ts';
import { formatDatumNl, weergavenaam } from '../../klanten/index.ts';
import { TOETS_STATUS_NAMEN } from '../../netwerk/index.ts';
import type { NetwerkWerk, Werklijst } from '../home.service.ts';
import {
  AANDACHT,
  AANDACHT_NAMEN,
  FASE_NAMEN,
  FASEN,
  type Fase,
  SORTERING_NAMEN,
  SORTERINGEN,
  type Tellingen,
  type WerklijstVraag,
} from '../werklijst.ts';

export interface StartChrome {
  account: LayoutProps['account'];
  nav: NavItem[];
}

/** The list's URL for a query: only what differs from the defaults. */
export function werklijstHref(v: WerklijstVraag, wijziging: Partial<WerklijstVraag> = {}): string {
  const n = { ...v, ...wijziging };
  const q = new URLSearchParams();
  if (n.fase) q.set('fase', n.fase);
  if (n.aandacht) q.set('aandacht', n.aandacht);
  if (n.gemeenteId) q.set('gemeenteId', n.gemeenteId);
  if (n.teamId) q.set('teamId', n.teamId);
  if (n.sorteer !== 'naam') q.set('sorteer', n.sorteer);
  if (n.richting !== 'oplopend') q.set('richting', n.richting);
  if (n.pagina > 1) q.set('pagina', String(n.pagina));
  const s = q.toString();
  return s ? `${paths.home()}?${s}` : paths.home();
}

/** "Aardam, Bergdorp en Cdorp". */
const EN = new Intl.ListFormat('nl', { type: 'conjunction' });

const datum = (d: string | null) => (d ? formatDatumNl(d) : '–');

/** The placement page once agreed, else the design page. */
const tegenprestatieHref = (id: string, status: string | null) =>
  status === 'overeengekomen' || status === 'lopend'
    ? `${paths.tegenprestatie(id)}/uitvoering`
    : paths.tegenprestatie(id);

/** Counts as filter links (GET; the current one marked). */
function GemeentenZin({ gemeenten }: { gemeenten: ReadonlyArray<{ naam: string }> }) {
  return (
    <Paragraph>
      {gemeenten.length === 0
        ? 'U bent nog niet aan een gemeente gekoppeld. Vraag uw functioneel beheerder om u aan een team of gemeente toe te voegen.'
        : `U werkt voor ${gemeenten.length === 1 ? 'de gemeente' : 'de gemeenten'} ${EN.format(gemeenten.map((g) => g.naam))}.`}
    </Paragraph>
  );
}

function Tellers({ lijst, tellingen }: { lijst: Werklijst; tellingen: Tellingen }) {
  const v = lijst.vraag;
  const link = (label: string, aantal: number, w: Partial<WerklijstVraag>, actief: boolean) => (
    <ListItem key={label}>
      <a
        className="utrecht-link"
        href={werklijstHref(v, { fase: undefined, aandacht: undefined, pagina: 1, ...w })}
        aria-current={actief ? 'true' : undefined}
      >
        {actief ? <strong>{`${label}: ${aantal}`}</strong> : `${label}: ${aantal}`}
      </a>
    </ListItem>
  );
  return (
    <nav aria-label="Aantallen per fase" className="wk-tellers">
      <UnorderedList>
        {link('Alle klanten', tellingen.totaal, {}, !v.fase && !v.aandacht)}
        {FASEN.map((f) =>
          link(FASE_NAMEN[f], tellingen.perFase[f], { fase: f }, v.fase === f && !v.aandacht),
        )}
        {AANDACHT.map((a) =>
          link(
            AANDACHT_NAMEN[a],
            a === 'evaluatie' ? tellingen.evaluatie : tellingen.signalen,
            { aandacht: a },
            v.aandacht === a && !v.fase,
          ),
        )}
      </UnorderedList>
    </nav>
  );
}

function TellingTabel({
  caption,
  eerste,
  rijen,
}: {
  caption: string;
  eerste: string;
  rijen: ReadonlyArray<{ naam: string; href: string; tellingen: Tellingen }>;
}) {
  return (
    <Table
      caption={caption}
      head={[eerste, 'Totaal', ...FASEN.map((f) => FASE_NAMEN[f]), 'Evaluatie nodig', 'Open signalen']}
    >
      {rijen.map((r) => (
        <Row key={r.href}>
          <Cell>
            <Link href={r.href}>{r.naam}</Link>
          </Cell>
          <Cell>{r.tellingen.totaal}</Cell>
          {FASEN.map((f: Fase) => (
            <Cell key={f}>{r.tellingen.perFase[f]}</Cell>
          ))}
          <Cell>{r.tellingen.evaluatie}</Cell>
          <Cell>{r.tellingen.signalen}</Cell>
        </Row>
      ))}
    </Table>
  );
}

/** The start page of a klantmanager or team lead: the work list with counts, filters and sorting (GET). */
export function WerklijstPagina({
  naam,
  rolNaam,
  chrome,
  banner,
  lijst,
  gemeenten,
  isTeamleider,
}: {
  naam: string;
  rolNaam: string;
  chrome: StartChrome;
  banner?: ReactNode;
  lijst: Werklijst;
  gemeenten: ReadonlyArray<{ id: string; naam: string }>;
  isTeamleider: boolean;
}) {
  const v = lijst.vraag;
  const gemeenteNaam = new Map(gemeenten.map((g) => [g.id, g.naam]));
  const filterNamen = [
    v.fase ? FASE_NAMEN[v.fase] : null,
    v.aandacht ? AANDACHT_NAMEN[v.aandacht] : null,
    v.gemeenteId ? gemeenteNaam.get(v.gemeenteId) : null,
    v.teamId ? lijst.teams.find((t) => t.id === v.teamId)?.naam : null,
  ].filter((x): x is string => typeof x === 'string');
  const kop = [
    'Klant',
    'Klantnummer',
    ...(isTeamleider ? ['Klantmanager', 'Gemeente'] : []),
    'Fase',
    'Periode',
    'Volgende evaluatie',
    'Open signalen',
  ];
  return (
    <Layout title={`Werklijst – ${rolNaam}`} account={chrome.account} nav={chrome.nav} banner={banner}>
      <Heading level={1}>Werklijst</Heading>
      <Paragraph lead>
        {isTeamleider
          ? `Welkom, ${naam}. Hier ziet u alle klanten van uw gemeenten met de fase van hun tegenprestatie, per team en per gemeente.`
          : `Welkom, ${naam}. Hier ziet u uw eigen klanten met de fase van hun tegenprestatie en wat aandacht vraagt.`}
      </Paragraph>
      <GemeentenZin gemeenten={gemeenten} />
      <Tellers lijst={lijst} tellingen={lijst.tellingen} />

      <form method="get" action={paths.home()} className="wk-filters" aria-label="Filteren en sorteren">
        <div className="wk-filterrij">
          <SelectField
            name="fase"
            label="Fase"
            value={v.fase ?? ''}
            options={[
              { value: '', label: 'Alle fasen' },
              ...FASEN.map((f) => ({ value: f, label: FASE_NAMEN[f] })),
            ]}
          />
          <SelectField
            name="aandacht"
            label="Aandacht"
            value={v.aandacht ?? ''}
            options={[
              { value: '', label: 'Alles' },
              ...AANDACHT.map((a) => ({ value: a, label: AANDACHT_NAMEN[a] })),
            ]}
          />
          {isTeamleider ? (
            <>
              <SelectField
                name="gemeenteId"
                label="Gemeente"
                value={v.gemeenteId ?? ''}
                options={[
                  { value: '', label: 'Alle gemeenten' },
                  ...gemeenten.map((g) => ({ value: g.id, label: g.naam })),
                ]}
              />
              <SelectField
                name="teamId"
                label="Team"
                value={v.teamId ?? ''}
                options={[
                  { value: '', label: 'Alle teams' },
                  ...lijst.teams.map((t) => ({ value: t.id, label: t.naam })),
                ]}
              />
            </>
          ) : null}
          <SelectField
            name="sorteer"
            label="Sorteren op"
            value={v.sorteer}
            options={SORTERINGEN.map((s) => ({ value: s, label: SORTERING_NAMEN[s] }))}
          />
          <SelectField
            name="richting"
            label="Volgorde"
            value={v.richting}
            options={[
              { value: 'oplopend', label: 'Oplopend' },
              { value: 'aflopend', label: 'Aflopend' },
            ]}
          />
        </div>
        <div className="wk-form-actions">
          <Button>Toon</Button>
          <Link href={paths.home()}>Alles wissen</Link>
        </div>
      </form>

      <Heading level={2} id="klanten">
        {`${lijst.totaal} ${lijst.totaal === 1 ? 'klant' : 'klanten'}${filterNamen.length > 0 ? ` (${filterNamen.join(', ')})` : ''}`}
      </Heading>
      {lijst.rijen.length === 0 ? (
        <Paragraph>
          {lijst.tellingen.totaal === 0
            ? isTeamleider
              ? 'Er zijn nog geen klanten in uw gemeenten.'
              : 'U heeft nog geen eigen klanten. Klanten worden aan u gekoppeld in het klantdossier.'
            : 'Geen klanten met deze keuze.'}
        </Paragraph>
      ) : (
        <Table caption={`Klanten, gesorteerd op ${SORTERING_NAMEN[v.sorteer].toLowerCase()}`} head={kop}>
          {lijst.rijen.map((r) => (
            <Row key={r.klantId}>
              <Cell>
                <Link href={paths.klant(r.klantId)}>{weergavenaam(r)}</Link>
              </Cell>
              <Cell>{r.klantnummer ?? '–'}</Cell>
              {isTeamleider ? (
                <>
                  <Cell>{r.klantmanagerNaam ?? 'Geen klantmanager'}</Cell>
                  <Cell>{gemeenteNaam.get(r.gemeenteId) ?? '–'}</Cell>
                </>
              ) : null}
              <Cell>
                {r.tegenprestatieId && r.fase !== 'geen' ? (
                  <Link href={tegenprestatieHref(r.tegenprestatieId, r.tegenprestatieStatus)}>
                    {FASE_NAMEN[r.fase]}
                  </Link>
                ) : (
                  <Link href={paths.klantTegenprestaties(r.klantId)}>{FASE_NAMEN[r.fase]}</Link>
                )}
              </Cell>
              <Cell>
                {r.fase !== 'geen' && r.startdatum ? `${datum(r.startdatum)} – ${datum(r.einddatum)}` : '–'}
              </Cell>
              <Cell>
                {r.volgendeEvaluatie ? (
                  r.volgendeEvaluatie <= lijst.evaluatieTot ? (
                    <strong>{`${datum(r.volgendeEvaluatie)} (nodig)`}</strong>
                  ) : (
                    datum(r.volgendeEvaluatie)
                  )
                ) : (
                  '–'
                )}
              </Cell>
              <Cell>{r.openSignalen > 0 ? <Link href="/signalen">{String(r.openSignalen)}</Link> : '0'}</Cell>
            </Row>
          ))}
        </Table>
      )}
      <Paginering
        pagina={v.pagina}
        aantalPaginas={lijst.aantalPaginas}
        href={(p) => werklijstHref(v, { pagina: p })}
        label="Pagina's van de werklijst"
      />

      {isTeamleider ? (
        <>
          <Heading level={2}>Per team</Heading>
          {lijst.teams.length === 0 ? (
            <Paragraph>U bent nog geen teamleider van een team.</Paragraph>
          ) : (
            <TellingTabel
              caption="Aantal klanten per team en fase"
              eerste="Team"
              rijen={lijst.teams.map((t) => ({
                naam: t.naam,
                href: werklijstHref(v, { teamId: t.id, pagina: 1 }),
                tellingen: t.tellingen,
              }))}
            />
          )}
          <Heading level={2}>Per gemeente</Heading>
          <TellingTabel
            caption="Aantal klanten per gemeente en fase"
            eerste="Gemeente"
            rijen={lijst.perGemeente.map((g) => ({
              naam: gemeenteNaam.get(g.gemeenteId) ?? 'Onbekende gemeente',
              href: werklijstHref(v, { gemeenteId: g.gemeenteId, pagina: 1 }),
              tellingen: g.tellingen,
            }))}
          />
        </>
      ) : null}
    </Layout>
  );
}

/** The netwerkmakelaar's start page: what the network needs now. */
export function NetwerkStartPagina({
  naam,
  rolNaam,
  chrome,
  banner,
  werk,
  gemeenten,
}: {
  naam: string;
  rolNaam: string;
  chrome: StartChrome;
  banner?: ReactNode;
  werk: NetwerkWerk;
  gemeenten: ReadonlyArray<{ naam: string }>;
}) {
  const meer = (totaal: number, getoond: number, href: string, wat: string) =>
    totaal > getoond ? (
      <Paragraph>
        <Link href={href}>{`Alle ${totaal} ${wat}`}</Link>
      </Paragraph>
    ) : null;
  return (
    <Layout title={`Werklijst – ${rolNaam}`} account={chrome.account} nav={chrome.nav} banner={banner}>
      <Heading level={1}>Werklijst</Heading>
      <Paragraph lead>{`Welkom, ${naam}. Dit vraagt nu aandacht in het netwerk van uw gemeenten.`}</Paragraph>
      <GemeentenZin gemeenten={gemeenten} />

      <Heading
        level={2}
      >{`Activiteiten zonder geldige verdringingstoets: ${werk.zonderGeldigeToets.totaal}`}</Heading>
      {werk.zonderGeldigeToets.items.length === 0 ? (
        <Paragraph>Elke actieve activiteit heeft een geldige verdringingstoets.</Paragraph>
      ) : (
        <Table
          caption="Actieve activiteiten zonder geldige verdringingstoets"
          head={['Activiteit', 'Organisatie', 'Toets']}
        >
          {werk.zonderGeldigeToets.items.map((a) => (
            <Row key={a.id}>
              <Cell>
                <Link href={paths.activiteit(a.id)}>{a.titel}</Link>
              </Cell>
              <Cell>{a.organisatie?.naam ?? '–'}</Cell>
              <Cell>{TOETS_STATUS_NAMEN[a.toets.status]}</Cell>
            </Row>
          ))}
        </Table>
      )}
      {meer(
        werk.zonderGeldigeToets.totaal,
        werk.zonderGeldigeToets.items.length,
        `${paths.activiteiten()}?status=actief`,
        'actieve activiteiten',
      )}

      <Heading level={2}>{`Activiteiten met vrije plaatsen: ${werk.vrijePlaatsen.totaal}`}</Heading>
      {werk.vrijePlaatsen.items.length === 0 ? (
        <Paragraph>Geen actieve, geldig getoetste activiteit heeft een vrije plaats.</Paragraph>
      ) : (
        <Table caption="Actieve activiteiten met vrije plaatsen" head={['Activiteit', 'Organisatie', 'Vrij']}>
          {werk.vrijePlaatsen.items.map((a) => (
            <Row key={a.id}>
              <Cell>
                <Link href={paths.activiteit(a.id)}>{a.titel}</Link>
              </Cell>
              <Cell>{a.organisatie?.naam ?? '–'}</Cell>
              <Cell>{`${a.plaatsenVrij} van ${a.plaatsen}`}</Cell>
            </Row>
          ))}
        </Table>
      )}
      {meer(
        werk.vrijePlaatsen.totaal,
        werk.vrijePlaatsen.items.length,
        `${paths.activiteiten()}?status=actief&vrijePlaatsen=true`,
        'activiteiten met vrije plaatsen',
      )}

      <Heading level={2}>{`Intervisie die wacht: ${werk.intervisie.totaal}`}</Heading>
      {werk.intervisie.items.length === 0 ? (
        <Paragraph>Er wacht geen intervisieverzoek.</Paragraph>
      ) : (
        <Table
          caption="Open intervisieverzoeken, oudste eerst"
          head={['Activiteit', 'Aangevraagd op', 'Door']}
        >
          {werk.intervisie.items.map((i) => (
            <Row key={i.id}>
              <Cell>
                <Link href={paths.intervisie(i.id)}>{i.activiteit.naam}</Link>
              </Cell>
              <Cell>{formatDatumNl(i.aangevraagdOp.slice(0, 10))}</Cell>
              <Cell>{i.aangevraagdDoor}</Cell>
            </Row>
          ))}
        </Table>
      )}
      {meer(
        werk.intervisie.totaal,
        werk.intervisie.items.length,
        paths.intervisies(),
        'open intervisieverzoeken',
      )}
    </Layout>
  );
}
