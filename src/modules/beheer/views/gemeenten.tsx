import {
  Button,
  ButtonLink,
  Cell,
  type FieldErrors,
  Form,
  Heading,
  Link,
  Paragraph,
  Row,
  Table,
  TextField,
} from '../../../web/components/index.tsx';
import { paths } from '../../../web/paths.ts';
import type { GemeenteMetWijken } from '../beheer.service.ts';
import { BeheerLayout, type Chrome, Foutmeldingen, type Melding } from './onderdelen.tsx';

export function GemeentenPagina({
  chrome,
  gemeenten,
  melding,
}: {
  chrome: Chrome;
  gemeenten: GemeenteMetWijken[];
  melding?: Melding | undefined;
}) {
  return (
    <BeheerLayout title="Gemeenten" chrome={chrome} melding={melding}>
      <Heading level={1}>Gemeenten</Heading>
      <Paragraph>
        De gemeenten waarvoor u werkt. U kunt de naam en de gemeentecode wijzigen. De wijken komen uit de
        postcodetabel en kunt u hier alleen bekijken.
      </Paragraph>
      <ButtonLink href={paths.beheerGemeenteNieuw()}>Gemeente toevoegen</ButtonLink>
      <Table caption="Uw gemeenten (kies een naam om te wijzigen)" head={['Naam', 'Gemeentecode', 'Wijken']}>
        {gemeenten.map((g) => (
          <Row key={g.id}>
            <Cell>
              <Link href={paths.beheerGemeente(g.id)}>{g.naam}</Link>
            </Cell>
            <Cell>{g.code}</Cell>
            <Cell>{g.wijken.length > 0 ? g.wijken.map((w) => w.naam).join(', ') : 'Nog geen wijken'}</Cell>
          </Row>
        ))}
      </Table>
    </BeheerLayout>
  );
}

export interface GemeenteWaarden {
  naam: string;
  code: string;
}

/** Create (no `gemeente`) or edit a municipality; when editing, its wijken are shown read-only. */
export function GemeenteFormulier({
  chrome,
  gemeente,
  waarden,
  fouten = {},
}: {
  chrome: Chrome;
  gemeente?: GemeenteMetWijken;
  waarden: GemeenteWaarden;
  fouten?: FieldErrors;
}) {
  const titel = gemeente ? `Gemeente ${gemeente.naam} wijzigen` : 'Gemeente toevoegen';
  const heeftFouten = Object.values(fouten).some(Boolean);
  return (
    <BeheerLayout title={heeftFouten ? `Fout: ${titel}` : titel} chrome={chrome}>
      <Paragraph>
        <Link href={paths.beheerGemeenten()}>Terug naar gemeenten</Link>
      </Paragraph>
      <Heading level={1}>{titel}</Heading>
      <Foutmeldingen fouten={fouten} />
      <Form
        action={gemeente ? paths.beheerGemeente(gemeente.id) : paths.beheerGemeenten()}
        csrfToken={chrome.csrfToken}
      >
        <TextField
          name="naam"
          label="Naam"
          value={waarden.naam}
          error={fouten.naam}
          autoComplete="off"
          required
        />
        <TextField
          name="code"
          label="Gemeentecode"
          description="De code van het CBS: GM en 4 cijfers, bijvoorbeeld GM0363."
          value={waarden.code}
          error={fouten.code}
          autoComplete="off"
          spellCheck={false}
          required
        />
        <div className="wk-form-actions">
          <Button>{gemeente ? 'Opslaan' : 'Gemeente toevoegen'}</Button>
        </div>
      </Form>
      {gemeente ? (
        <>
          <Heading level={2}>Wijken</Heading>
          {gemeente.wijken.length > 0 ? (
            <Table caption={`Wijken van ${gemeente.naam}`} head={['Wijk', 'Postcodegebieden']}>
              {gemeente.wijken.map((w) => (
                <Row key={w.id}>
                  <Cell>{w.naam}</Cell>
                  <Cell>{w.postcodes.join(', ')}</Cell>
                </Row>
              ))}
            </Table>
          ) : (
            <Paragraph>Deze gemeente heeft nog geen wijken.</Paragraph>
          )}
        </>
      ) : null}
    </BeheerLayout>
  );
}
