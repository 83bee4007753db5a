import { ROLLEN, type Rol } from '../../../db/context.ts';
import {
  Alert,
  Button,
  ButtonLink,
  Cell,
  CheckboxGroup,
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
import { paths } from '../../../web/paths.ts';
import { ROL_NAMEN, UITNODIGING_GELDIG_MS } from '../../auth/index.ts';
import type { GebruikerOverzicht } from '../beheer.schemas.ts';
import type { Keuzes } from '../beheer.service.ts';
import { BeheerLayout, type Chrome, Foutmeldingen, type Melding, namen } from './onderdelen.tsx';

const UITNODIGING_DAGEN = Math.round(UITNODIGING_GELDIG_MS / 86_400_000);

export const statusVan = (g: GebruikerOverzicht): string =>
  !g.isActief ? 'Uitgezet' : g.heeftWachtwoord ? 'Actief' : 'Uitgenodigd';

export function GebruikersPagina({
  chrome,
  gebruikers,
  melding,
}: {
  chrome: Chrome;
  gebruikers: GebruikerOverzicht[];
  melding?: Melding | undefined;
}) {
  return (
    <BeheerLayout title="Gebruikers" chrome={chrome} melding={melding}>
      <Heading level={1}>Gebruikers</Heading>
      <Paragraph>
        De medewerkers in uw gemeenten. Een nieuwe gebruiker krijgt een uitnodigingslink om een wachtwoord te
        kiezen en de inlogcode-app in te stellen.
      </Paragraph>
      <ButtonLink href={paths.beheerGebruikerNieuw()}>Gebruiker toevoegen</ButtonLink>
      <Table
        caption="Gebruikers in uw gemeenten (kies een naam om te wijzigen)"
        head={['Naam', 'E-mailadres', 'Rol', 'Teams', 'Gemeenten', 'Status']}
      >
        {gebruikers.map((g) => (
          <Row key={g.id}>
            <Cell>
              <Link href={paths.beheerGebruiker(g.id)}>{g.naam}</Link>
            </Cell>
            <Cell>{g.email}</Cell>
            <Cell>{ROL_NAMEN[g.rol]}</Cell>
            <Cell>{namen(g.teams)}</Cell>
            <Cell>{namen(g.gemeenten)}</Cell>
            <Cell>{statusVan(g)}</Cell>
          </Row>
        ))}
      </Table>
    </BeheerLayout>
  );
}

export interface GebruikerWaarden {
  naam: string;
  email: string;
  rol: string;
  teamIds: string[];
  gemeenteIds: string[];
}

export const ROL_OPTIES = ROLLEN.map((r: Rol) => ({ value: r, label: ROL_NAMEN[r] }));

/**
 * Create (no `gebruiker`) or edit a user. When editing: the status, turning the account off or on, and a new
 * invitation link. `uitnodigingslink` is shown once, right after it was made.
 */
export function GebruikerFormulier({
  chrome,
  keuzes,
  waarden,
  gebruiker,
  isEigenAccount = false,
  uitnodigingslink,
  melding,
  fouten = {},
}: {
  chrome: Chrome;
  keuzes: Keuzes;
  waarden: GebruikerWaarden;
  gebruiker?: GebruikerOverzicht;
  isEigenAccount?: boolean;
  uitnodigingslink?: string | undefined;
  melding?: Melding | undefined;
  fouten?: FieldErrors;
}) {
  const titel = gebruiker ? `Gebruiker ${gebruiker.naam}` : 'Gebruiker toevoegen';
  const heeftFouten = Object.values(fouten).some(Boolean);
  const eerste = (prefix: string, items: ReadonlyArray<{ id: string }>) =>
    items[0] ? `${prefix}-${items[0].id}` : prefix;
  // Teams of this user that the actor cannot change (outside their municipalities) are only mentioned.
  const teamsElders = gebruiker
    ? gebruiker.teams.filter((t) => !keuzes.teams.some((k) => k.id === t.id))
    : [];
  return (
    <BeheerLayout title={heeftFouten ? `Fout: ${titel}` : titel} chrome={chrome} melding={melding}>
      <Paragraph>
        <Link href={paths.beheerGebruikers()}>Terug naar gebruikers</Link>
      </Paragraph>
      <Heading level={1}>{titel}</Heading>
      {uitnodigingslink ? (
        <Alert type="info" title="Uitnodigingslink">
          <Paragraph>
            Stuur deze link naar {gebruiker?.naam ?? 'de gebruiker'}. Met de link kiest de gebruiker een
            wachtwoord en stelt de inlogcode-app in. De link werkt één keer en is {UITNODIGING_DAGEN} dagen
            geldig. U ziet de link alleen nu; maak zo nodig een nieuwe.
          </Paragraph>
          <p className="utrecht-paragraph wk-code" id="uitnodigingslink">
            {uitnodigingslink}
          </p>
        </Alert>
      ) : null}
      <Foutmeldingen
        fouten={fouten}
        veldIds={{
          teamIds: eerste('teamIds', keuzes.teams),
          gemeenteIds: eerste('gemeenteIds', keuzes.gemeenten),
        }}
      />
      {gebruiker ? <Heading level={2}>Gegevens</Heading> : null}
      <Form
        action={gebruiker ? paths.beheerGebruiker(gebruiker.id) : paths.beheerGebruikers()}
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
          name="email"
          label="E-mailadres"
          type="email"
          value={waarden.email}
          error={fouten.email}
          autoComplete="off"
          spellCheck={false}
          required
        />
        <SelectField
          name="rol"
          label="Rol"
          value={waarden.rol}
          error={fouten.rol}
          options={[{ value: '', label: 'Kies een rol' }, ...ROL_OPTIES]}
        />
        {keuzes.teams.length > 0 ? (
          <CheckboxGroup
            name="teamIds"
            legend="Teams (een klantmanager hoort bij precies één team, een teamleider leidt minstens één team)"
            options={keuzes.teams.map((t) => ({ value: t.id, label: `${t.naam} (${namen(t.gemeenten)})` }))}
            values={waarden.teamIds}
            error={fouten.teamIds}
          />
        ) : (
          <Paragraph>
            Er zijn nog geen teams. <Link href={paths.beheerTeamNieuw()}>Maak eerst een team</Link> als dit
            een klantmanager of teamleider is.
          </Paragraph>
        )}
        {teamsElders.length > 0 ? (
          <Paragraph>Hoort ook bij: {namen(teamsElders)} (buiten uw gemeenten; dit blijft zo).</Paragraph>
        ) : null}
        <CheckboxGroup
          name="gemeenteIds"
          legend="Gemeenten (de gebruiker ziet alleen gegevens van deze gemeenten)"
          options={keuzes.gemeenten.map((g) => ({ value: g.id, label: g.naam }))}
          values={waarden.gemeenteIds}
          error={fouten.gemeenteIds}
        />
        <div className="wk-form-actions">
          <Button>{gebruiker ? 'Opslaan' : 'Gebruiker toevoegen en uitnodiging maken'}</Button>
        </div>
      </Form>
      {gebruiker ? (
        <AccountBeheer chrome={chrome} gebruiker={gebruiker} isEigenAccount={isEigenAccount} />
      ) : null}
    </BeheerLayout>
  );
}

function AccountBeheer({
  chrome,
  gebruiker,
  isEigenAccount,
}: {
  chrome: Chrome;
  gebruiker: GebruikerOverzicht;
  isEigenAccount: boolean;
}) {
  return (
    <>
      <Heading level={2}>Account</Heading>
      <Paragraph>
        Status: <strong>{statusVan(gebruiker)}</strong>
        {gebruiker.isDemo ? ' (demo-account)' : ''}. Tweestapsverificatie:{' '}
        <strong>{gebruiker.heeftTweestapsverificatie ? 'ingesteld' : 'niet ingesteld'}</strong>.
      </Paragraph>
      {gebruiker.isActief ? (
        <>
          <Form action={paths.beheerGebruikerUitnodiging(gebruiker.id)} csrfToken={chrome.csrfToken}>
            <Paragraph>
              Een nieuwe uitnodigingslink maakt eerdere links ongeldig. Gebruik dit als de gebruiker de link
              kwijt is, of opnieuw een wachtwoord en inlogcode-app moet instellen.
            </Paragraph>
            <Button appearance="secondary">Nieuwe uitnodigingslink maken</Button>
          </Form>
          {gebruiker.heeftTweestapsverificatie && !isEigenAccount ? (
            <Form action={paths.beheerGebruikerTweestap(gebruiker.id)} csrfToken={chrome.csrfToken}>
              <Paragraph>
                Telefoon kwijt of nieuw? Zet de tweestapsverificatie uit. De gebruiker wordt overal uitgelogd
                en stelt bij de volgende keer inloggen een nieuwe inlogcode-app in.
              </Paragraph>
              <Button appearance="secondary">Tweestapsverificatie uitzetten</Button>
            </Form>
          ) : null}
          {isEigenAccount ? (
            <Paragraph>U kunt uw eigen account niet uitzetten.</Paragraph>
          ) : (
            <Form action={paths.beheerGebruikerUitzetten(gebruiker.id)} csrfToken={chrome.csrfToken}>
              <Paragraph>
                Een uitgezet account kan niet meer inloggen. U kunt het later weer aanzetten.
              </Paragraph>
              <Button appearance="danger">Account uitzetten</Button>
            </Form>
          )}
        </>
      ) : (
        <Form action={paths.beheerGebruikerAanzetten(gebruiker.id)} csrfToken={chrome.csrfToken}>
          <Paragraph>Dit account staat uit. Deze gebruiker kan niet inloggen.</Paragraph>
          <Button appearance="secondary">Account weer aanzetten</Button>
        </Form>
      )}
    </>
  );
}
