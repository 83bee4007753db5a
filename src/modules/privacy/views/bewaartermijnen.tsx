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
  Table,
  TextField,
} from '../../../web/components/index.tsx';
import { Layout } from '../../../web/layout.tsx';
import { paths } from '../../../web/paths.ts';
import { dagInAmsterdam } from '../privacy.regels.ts';
import type { LijstKlantRij } from '../privacy.repository.ts';
import type { Bewaartermijn, Vernietigingslijst } from '../privacy.service.ts';
import type { Chrome } from './verwerkingen.tsx';

export const MELDINGEN = {
  opgeslagen: 'De bewaartermijn is opgeslagen.',
  voorgesteld: 'Er is een nieuwe vernietigingslijst opgesteld.',
  'geen-termijn': 'Voor deze gemeente is geen bewaartermijn ingesteld: er is geen lijst opgesteld.',
  goedgekeurd: 'De vernietigingslijst is goedgekeurd en de dossiers zijn vernietigd.',
} as const;
export type Melding = keyof typeof MELDINGEN;
export const isMelding = (v: unknown): v is Melding => typeof v === 'string' && Object.hasOwn(MELDINGEN, v);

const datum = (d: Date | string) =>
  new Date(typeof d === 'string' ? `${d}T12:00:00Z` : d).toLocaleDateString('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  });

/** Retention periods per municipality, each with its own small form (works without JavaScript). */
export function BewaartermijnenPagina({
  chrome,
  termijnen,
  fout,
  melding,
}: {
  chrome: Chrome;
  termijnen: readonly Bewaartermijn[];
  /** The municipality whose form had errors, with what was typed. */
  fout?:
    | { gemeenteId: string; waarden: { maanden: string; grondslag: string }; fouten: FieldErrors }
    | undefined;
  melding?: Melding | undefined;
}) {
  const fieldIds: Record<string, string> = fout
    ? { maanden: `maanden-${fout.gemeenteId}`, grondslag: `grondslag-${fout.gemeenteId}` }
    : {};
  return (
    <Layout title="Bewaartermijnen" nav={chrome.nav} account={chrome.account}>
      {melding ? <Alert type="ok">{MELDINGEN[melding]}</Alert> : null}
      <ErrorSummary errors={fout?.fouten ?? {}} fieldIds={fieldIds} />
      <Heading level={1}>Bewaartermijnen</Heading>
      <Paragraph lead>
        Hoe lang een gesloten klantdossier bewaard blijft, per gemeente. De termijn telt vanaf de dag waarop
        het dossier is gesloten.
      </Paragraph>
      <Paragraph>
        Er is geen standaardtermijn. Zolang u voor een gemeente geen termijn instelt, wordt er niets
        vernietigd. Neem de termijn over uit de selectielijst van de gemeente (bijvoorbeeld 10 jaar = 120
        maanden) en noem waar hij vandaan komt. Elke maand wordt een vernietigingslijst opgesteld; u keurt die
        goed op <Link href={paths.vernietigingslijsten()}>Vernietigingslijsten</Link>.
      </Paragraph>
      {termijnen.map((t) => {
        const eigenFout = fout?.gemeenteId === t.gemeente.id ? fout : undefined;
        return (
          <section key={t.gemeente.id} aria-labelledby={`gemeente-${t.gemeente.id}`}>
            <Heading level={2} id={`gemeente-${t.gemeente.id}`}>
              {t.gemeente.naam}
            </Heading>
            <Paragraph>
              {t.maanden === null
                ? 'Geen bewaartermijn ingesteld: er wordt niets vernietigd.'
                : `Nu: ${t.maanden} maanden na het sluiten van het dossier (${t.grondslag}).`}
            </Paragraph>
            <Form action={paths.bewaartermijn(t.gemeente.id)} csrfToken={chrome.csrfToken}>
              <TextField
                name="maanden"
                id={`maanden-${t.gemeente.id}`}
                label={`Bewaartermijn in maanden voor ${t.gemeente.naam}`}
                inputMode="numeric"
                value={eigenFout ? eigenFout.waarden.maanden : t.maanden === null ? '' : String(t.maanden)}
                error={eigenFout?.fouten.maanden}
              />
              <TextField
                name="grondslag"
                id={`grondslag-${t.gemeente.id}`}
                label={`Grondslag voor ${t.gemeente.naam}`}
                description="Bijvoorbeeld: Selectielijst gemeenten 2020, resultaat 12.1.1."
                value={eigenFout ? eigenFout.waarden.grondslag : (t.grondslag ?? '')}
                error={eigenFout?.fouten.grondslag}
              />
              <Button>Opslaan</Button>
            </Form>
          </section>
        );
      })}
    </Layout>
  );
}

const STATUS: Record<string, string> = {
  voorgesteld: 'Wacht op goedkeuring',
  goedgekeurd: 'Goedgekeurd',
  vervallen: 'Vervangen door een nieuwere lijst',
};

/** The destruction lists, and a button per municipality to draw one up now. */
export function VernietigingslijstenPagina({
  chrome,
  lijsten,
  termijnen,
  melding,
}: {
  chrome: Chrome;
  lijsten: readonly Vernietigingslijst[];
  termijnen: readonly Bewaartermijn[];
  melding?: Melding | undefined;
}) {
  return (
    <Layout title="Vernietigingslijsten" nav={chrome.nav} account={chrome.account}>
      {melding ? <Alert type="ok">{MELDINGEN[melding]}</Alert> : null}
      <Heading level={1}>Vernietigingslijsten</Heading>
      <Paragraph lead>
        Gesloten dossiers waarvan de bewaartermijn voorbij is. Elke maand wordt per gemeente een lijst
        opgesteld. Pas als u een lijst goedkeurt, worden de dossiers vernietigd.
      </Paragraph>
      <Table caption="Vernietigingslijsten" head={['Gemeente', 'Opgesteld', 'Dossiers', 'Status']}>
        {lijsten.map((l) => (
          <Row key={l.id}>
            <Cell>
              <Link href={paths.vernietigingslijst(l.id)}>{l.gemeenteNaam}</Link>
            </Cell>
            <Cell>{datum(l.aangemaaktOp)}</Cell>
            <Cell>{l.status === 'goedgekeurd' ? `${l.aantalVernietigd ?? 0} vernietigd` : l.aantal}</Cell>
            <Cell>{STATUS[l.status] ?? l.status}</Cell>
          </Row>
        ))}
      </Table>
      <Heading level={2}>Nu een lijst opstellen</Heading>
      <Paragraph>
        Een nieuwe lijst vervangt een lijst die nog op goedkeuring wacht. Gemeenten zonder bewaartermijn
        krijgen geen lijst.
      </Paragraph>
      <Form action={paths.vernietigingslijsten()} csrfToken={chrome.csrfToken}>
        {termijnen.map((t) => (
          <Button key={t.gemeente.id} name="gemeenteId" value={t.gemeente.id} appearance="secondary">
            {`Lijst opstellen voor ${t.gemeente.naam}`}
          </Button>
        ))}
      </Form>
    </Layout>
  );
}

/** One list: klantnummers and dates only; approving destroys the files. */
export function VernietigingslijstPagina({
  chrome,
  lijst,
  klanten,
  fout,
  melding,
}: {
  chrome: Chrome;
  lijst: Vernietigingslijst;
  klanten: readonly LijstKlantRij[];
  fout?: string | undefined;
  melding?: Melding | undefined;
}) {
  const titel = `Vernietigingslijst ${lijst.gemeenteNaam}`;
  return (
    <Layout title={titel} nav={chrome.nav} account={chrome.account}>
      {melding ? <Alert type="ok">{MELDINGEN[melding]}</Alert> : null}
      {fout ? <Alert type="error">{fout}</Alert> : null}
      <Paragraph>
        <Link href={paths.vernietigingslijsten()}>Alle vernietigingslijsten</Link>
      </Paragraph>
      <Heading level={1}>{titel}</Heading>
      <Paragraph>
        Opgesteld op {datum(lijst.aangemaaktOp)}, met een bewaartermijn van {lijst.bewaartermijnMaanden}{' '}
        maanden. Status: {STATUS[lijst.status] ?? lijst.status}.
      </Paragraph>
      {lijst.status === 'goedgekeurd' ? (
        <Paragraph>
          Goedgekeurd op {lijst.afgehandeldOp ? datum(lijst.afgehandeldOp) : ''}
          {lijst.afgehandeldDoorNaam ? ` door ${lijst.afgehandeldDoorNaam}` : ''}:{' '}
          {lijst.aantalVernietigd ?? 0} dossiers vernietigd. De klantnummers staan niet meer op de lijst; in
          het logboek blijven alleen de pseudonieme verwijzingen.
        </Paragraph>
      ) : null}
      {lijst.status === 'voorgesteld' ? (
        <>
          <Table
            caption={`Dossiers om te vernietigen (${klanten.length})`}
            head={['Klantnummer', 'Dossier gesloten op', 'Vernietigen vanaf']}
          >
            {klanten.map((k) => (
              <Row key={k.klantId}>
                <Cell>{k.klantnummer ?? 'Zonder klantnummer'}</Cell>
                <Cell>{datum(dagInAmsterdam(k.dossierGeslotenOp))}</Cell>
                <Cell>{datum(k.vernietigenVanaf)}</Cell>
              </Row>
            ))}
          </Table>
          <Alert type="warning" title="Let op">
            <Paragraph>
              Goedkeuren vernietigt deze dossiers met alle gegevens. Dat kan niet ongedaan worden gemaakt.
              Dossiers die inmiddels weer open zijn, worden overgeslagen.
            </Paragraph>
          </Alert>
          <Form action={paths.vernietigingslijstGoedkeuren(lijst.id)} csrfToken={chrome.csrfToken}>
            <Button appearance="danger">Goedkeuren en vernietigen</Button>
          </Form>
        </>
      ) : null}
    </Layout>
  );
}
