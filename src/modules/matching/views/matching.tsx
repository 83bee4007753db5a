import type { ReactNode } from 'react';
import {
  Alert,
  Button,
  Cell,
  ErrorSummary,
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
import { Layout, type LayoutProps } from '../../../web/layout.tsx';
import { paths } from '../../../web/paths.ts';
import { DossierFrame, type KlantDossier } from '../../klanten/index.ts';
import { ORGANISATIE_TYPE_NAMEN, type OrganisatieType } from '../../netwerk/index.ts';
import { FACTOR_NAMEN, FACTOREN, type Factor } from '../kernel.ts';
import type { Kandidaten, PassendeActiviteiten, RedenUit, Suggestie } from '../matching.schemas.ts';

export interface Chrome {
  account: LayoutProps['account'];
  nav: NonNullable<LayoutProps['nav']>;
  csrfToken: string;
}

export const matchingPaden = {
  meenemen: (klantId: string) => `/klanten/${encodeURIComponent(klantId)}/passende-activiteiten/meenemen`,
  kandidaten: (activiteitId: string) => `/activiteiten/${encodeURIComponent(activiteitId)}/kandidaten`,
  gewichten: (gemeenteId?: string) =>
    gemeenteId ? `/beheer/matching?gemeenteId=${encodeURIComponent(gemeenteId)}` : '/beheer/matching',
  gewichtenPost: (gemeenteId: string) => `/beheer/matching/${encodeURIComponent(gemeenteId)}`,
};

const bijdrage = (r: RedenUit): string =>
  r.bijdrage === null || (r.bijdrage === 0 && r.factor !== 'ervaring')
    ? ''
    : ` (${r.bijdrage >= 0 ? '+' : '−'}${Math.abs(r.bijdrage)})`;

function Redenen({ redenen }: { redenen: readonly RedenUit[] }) {
  return (
    <UnorderedList>
      {redenen.map((r) => (
        <ListItem key={`${r.factor}-${r.tekst}`}>
          {r.tekst}
          {bijdrage(r)}
        </ListItem>
      ))}
    </UnorderedList>
  );
}

const organisatie = (s: Pick<Suggestie, 'organisatieNaam' | 'organisatieType'>): string =>
  s.organisatieNaam
    ? `${s.organisatieNaam}${s.organisatieType ? ` (${ORGANISATIE_TYPE_NAMEN[s.organisatieType as OrganisatieType]?.toLowerCase() ?? s.organisatieType})` : ''}`
    : 'Maatwerk zonder vaste organisatie';

// ---- Client file tab ------------------------------------------------------------------------------------------

export function PassendeActiviteitenPagina({
  chrome,
  klant,
  uitkomst,
  magMeenemen,
  fout,
}: {
  chrome: Chrome;
  klant: KlantDossier;
  uitkomst: PassendeActiviteiten;
  magMeenemen: boolean;
  fout?: string | undefined;
}) {
  return (
    <DossierFrame chrome={chrome} klant={klant} tab="passende-activiteiten">
      {fout ? <Alert type="error">{fout}</Alert> : null}
      <Paragraph>
        Activiteiten met een vrije plaats en een geldige verdringingstoets die passen bij de uren, dagdelen,
        belastbaarheid, het taalniveau en de reistijd van de klant, best passend eerst. De score loopt tot
        1000; bij elke reden staat wat die bijdraagt. {uitkomst.aantalPassend} van {uitkomst.aantalBekeken}{' '}
        bruikbare activiteiten passen.
      </Paragraph>
      {uitkomst.verordeningMaxUren === null ? (
        <Paragraph>Er is geen verordening met een maximum aantal uren bekend voor vandaag.</Paragraph>
      ) : null}
      {uitkomst.vermogen.bron === 'niet-vastgelegd' ? (
        <Alert type="warning">{uitkomst.vermogen.uitleg}</Alert>
      ) : (
        <Paragraph>{uitkomst.vermogen.uitleg}</Paragraph>
      )}
      {uitkomst.uitgesloten ? <Alert type="info">{uitkomst.uitgesloten}</Alert> : null}
      {uitkomst.activiteiten.map((s, n) => (
        <section key={s.activiteitId} aria-labelledby={`suggestie-${n}`}>
          <Heading level={2} id={`suggestie-${n}`}>
            {n + 1}. {s.titel}
          </Heading>
          <Paragraph>
            Score {s.score} van 1000 · {organisatie(s)} ·{' '}
            <Link href={paths.activiteit(s.activiteitId)}>Bekijk de activiteit</Link>
          </Paragraph>
          <Redenen redenen={s.redenen} />
          {magMeenemen ? (
            <Form action={matchingPaden_meenemen(klant.id)} csrfToken={chrome.csrfToken}>
              <input type="hidden" name="activiteitId" value={s.activiteitId} />
              <Button appearance="secondary">Meenemen naar gesprek</Button>
            </Form>
          ) : null}
        </section>
      ))}
    </DossierFrame>
  );
}
const matchingPaden_meenemen = matchingPaden.meenemen;

// ---- Activity: candidates -------------------------------------------------------------------------------------

export function KandidatenPagina({
  chrome,
  uitkomst,
  linkNaarKlant,
}: {
  chrome: Chrome;
  uitkomst: Kandidaten;
  linkNaarKlant: boolean;
}) {
  return (
    <Layout title={`Kandidaten: ${uitkomst.titel}`} nav={chrome.nav} account={chrome.account}>
      <Paragraph>
        <Link href={paths.activiteit(uitkomst.activiteitId)}>Terug naar de activiteit</Link>
      </Paragraph>
      <Heading level={1}>Kandidaten: {uitkomst.titel}</Heading>
      {!uitkomst.bruikbaar ? (
        <Alert type="warning" title="Deze activiteit kan nu niet gebruikt worden">
          <UnorderedList>
            {uitkomst.nietBruikbaarRedenen.map((r) => (
              <ListItem key={r}>{r}</ListItem>
            ))}
          </UnorderedList>
        </Alert>
      ) : uitkomst.kandidaten.length === 0 ? (
        <Paragraph>
          Geen klant past bij deze activiteit ({uitkomst.aantalBekeken} klanten met een open dossier bekeken).
        </Paragraph>
      ) : (
        <>
          <Paragraph>
            Klanten voor wie de tegenprestatie geldt en die door de harde filters komen (uren, dagdelen,
            belastbaarheid, taalniveau, reistijd), best passend eerst. {uitkomst.aantalBekeken} klanten
            bekeken.
          </Paragraph>
          <Table caption="Kandidaten, best passend eerst" head={['Klant', 'Score', 'Redenen']}>
            {uitkomst.kandidaten.map((k) => (
              <Row key={k.klantId}>
                <Cell>
                  {linkNaarKlant ? <Link href={paths.klant(k.klantId)}>{k.naam}</Link> : k.naam}
                  {k.klantnummer ? ` (${k.klantnummer})` : ''}
                </Cell>
                <Cell>{k.score}</Cell>
                <Cell>
                  <Redenen redenen={k.redenen} />
                </Cell>
              </Row>
            ))}
          </Table>
        </>
      )}
    </Layout>
  );
}

// ---- Weights (functioneel beheerder) -------------------------------------------------------------------------

export type GewichtenWaarden = Record<Factor, string>;

export interface Voorbeeld {
  label: string;
  huidig: Array<{ titel: string; score: number }>;
  nieuw: Array<{ titel: string; score: number; was: number | null }>;
}

const UITLEG: Record<Factor, string> = {
  vaardigheden: 'Overlap tussen de vaardigheden en interesses van de klant en die van de activiteit.',
  tekst:
    'Woorden uit de wensen en interesses van de klant in de omschrijving (Nederlandse woordstammen, TF-IDF).',
  afstand: 'Eigen wijk telt volledig; verder neemt het af met de afstand hemelsbreed.',
  eigenNetwerk: 'De organisatie hoort bij het eigen netwerk van de klant.',
  organisatieType:
    'Maatschappelijke instelling telt volledig, stichting en vereniging 0,8, overheid 0,6, bedrijf 0.',
  ervaring: 'Afgeronde plaatsingen bij de organisatie (zolang die gegevens er niet zijn telt dit niet mee).',
  verordening: 'Aftrek als de activiteit meer uren vraagt dan de verordening toestaat (geen filter).',
};

function verschuiving(was: number | null, nu: number): string {
  if (was === null) return 'nieuw in de top';
  if (was === nu) return 'zelfde plek';
  return was > nu ? `${was - nu} omhoog` : `${nu - was} omlaag`;
}

export function GewichtenPagina({
  chrome,
  gemeenten,
  gemeenteId,
  waarden,
  fouten,
  voorbeeld,
  opgeslagen,
}: {
  chrome: Chrome;
  gemeenten: ReadonlyArray<{ id: string; naam: string }>;
  gemeenteId: string | null;
  waarden: GewichtenWaarden | null;
  fouten: FieldErrors;
  voorbeeld: Voorbeeld[] | null;
  opgeslagen: boolean;
}): ReactNode {
  return (
    <Layout title="Matching: gewichten" nav={chrome.nav} account={chrome.account}>
      <Heading level={1}>Matching: gewichten</Heading>
      {opgeslagen ? <Alert type="ok">De gewichten zijn opgeslagen.</Alert> : null}
      <ErrorSummary errors={fouten} />
      <Paragraph>
        Hoe zwaar elke factor telt bij het rangschikken van passende activiteiten, per gemeente. De punten
        worden omgerekend naar procenten van het totaal; de aftrek voor de verordening telt op dezelfde
        schaal.
      </Paragraph>
      <form method="get" action={matchingPaden.gewichten()}>
        <SelectField
          name="gemeenteId"
          label="Gemeente"
          value={gemeenteId ?? ''}
          options={gemeenten.map((g) => ({ value: g.id, label: g.naam }))}
        />
        <Button appearance="secondary">Kies gemeente</Button>
      </form>
      {gemeenteId && waarden ? (
        <Form action={matchingPaden.gewichtenPost(gemeenteId)} csrfToken={chrome.csrfToken}>
          <Heading level={2}>Gewichten (0 tot en met 1000 punten)</Heading>
          {FACTOREN.map((f) => (
            <TextField
              key={f}
              name={f}
              label={FACTOR_NAMEN[f]}
              description={UITLEG[f]}
              value={waarden[f]}
              error={fouten[f]}
              inputMode="numeric"
            />
          ))}
          <Button name="actie" value="voorbeeld" appearance="secondary">
            Voorbeeld bekijken
          </Button>{' '}
          <Button name="actie" value="opslaan">
            Opslaan
          </Button>
        </Form>
      ) : null}
      {voorbeeld ? (
        <section aria-labelledby="voorbeeld">
          <Heading level={2} id="voorbeeld">
            Voorbeeld: zo verandert de volgorde
          </Heading>
          <Paragraph>
            Voor een paar willekeurige klanten van deze gemeente, zonder namen: de beste 5 activiteiten met de
            huidige gewichten en met de nieuwe. Nog niets is opgeslagen.
          </Paragraph>
          {voorbeeld.length === 0 ? <Paragraph>Deze gemeente heeft nog geen klanten.</Paragraph> : null}
          {voorbeeld.map((v) => (
            <Table
              key={v.label}
              caption={v.label}
              head={['Plek', 'Huidige gewichten', 'Nieuwe gewichten', 'Verschuiving']}
            >
              {Array.from({ length: Math.max(v.huidig.length, v.nieuw.length) }, (_, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the row is the rank
                <Row key={r}>
                  <Cell>{r + 1}</Cell>
                  <Cell>{v.huidig[r] ? `${v.huidig[r].titel} (${v.huidig[r].score})` : '–'}</Cell>
                  <Cell>{v.nieuw[r] ? `${v.nieuw[r].titel} (${v.nieuw[r].score})` : '–'}</Cell>
                  <Cell>{v.nieuw[r] ? verschuiving(v.nieuw[r].was, r + 1) : '–'}</Cell>
                </Row>
              ))}
            </Table>
          ))}
        </section>
      ) : null}
    </Layout>
  );
}
