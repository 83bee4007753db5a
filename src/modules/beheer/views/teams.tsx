import {
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
  Table,
  TextField,
} from '../../../web/components/index.tsx';
import { paths } from '../../../web/paths.ts';
import type { Gemeente } from '../../gemeenten/index.ts';
import type { Team } from '../beheer.schemas.ts';
import { BeheerLayout, type Chrome, Foutmeldingen, type Melding, namen } from './onderdelen.tsx';

export function TeamsPagina({
  chrome,
  teams,
  melding,
}: {
  chrome: Chrome;
  teams: Team[];
  melding?: Melding | undefined;
}) {
  return (
    <BeheerLayout title="Teams" chrome={chrome} melding={melding}>
      <Heading level={1}>Teams</Heading>
      <Paragraph>
        Een team werkt voor een of meer gemeenten. Klantmanagers horen bij één team; een teamleider leidt een
        of meer teams.
      </Paragraph>
      <ButtonLink href={paths.beheerTeamNieuw()}>Team toevoegen</ButtonLink>
      {teams.length > 0 ? (
        <Table caption="Teams in uw gemeenten (kies een naam om te wijzigen)" head={['Naam', 'Gemeenten']}>
          {teams.map((t) => (
            <Row key={t.id}>
              <Cell>
                <Link href={paths.beheerTeam(t.id)}>{t.naam}</Link>
              </Cell>
              <Cell>{namen(t.gemeenten)}</Cell>
            </Row>
          ))}
        </Table>
      ) : (
        <Paragraph>Er zijn nog geen teams in uw gemeenten.</Paragraph>
      )}
    </BeheerLayout>
  );
}

export interface TeamWaarden {
  naam: string;
  gemeenteIds: string[];
}

/** Create (no `team`) or edit a team: its name and the municipalities it serves. */
export function TeamFormulier({
  chrome,
  team,
  gemeenten,
  waarden,
  fouten = {},
}: {
  chrome: Chrome;
  team?: Team;
  gemeenten: Gemeente[];
  waarden: TeamWaarden;
  fouten?: FieldErrors;
}) {
  const titel = team ? `Team ${team.naam} wijzigen` : 'Team toevoegen';
  const heeftFouten = Object.values(fouten).some(Boolean);
  const eersteGemeente = gemeenten[0] ? `gemeenteIds-${gemeenten[0].id}` : 'gemeenteIds';
  return (
    <BeheerLayout title={heeftFouten ? `Fout: ${titel}` : titel} chrome={chrome}>
      <Paragraph>
        <Link href={paths.beheerTeams()}>Terug naar teams</Link>
      </Paragraph>
      <Heading level={1}>{titel}</Heading>
      <Foutmeldingen fouten={fouten} veldIds={{ gemeenteIds: eersteGemeente }} />
      <Form action={team ? paths.beheerTeam(team.id) : paths.beheerTeams()} csrfToken={chrome.csrfToken}>
        <TextField name="naam" label="Naam van het team" value={waarden.naam} error={fouten.naam} required />
        <CheckboxGroup
          name="gemeenteIds"
          legend="Voor welke gemeenten werkt dit team?"
          options={gemeenten.map((g) => ({ value: g.id, label: g.naam }))}
          values={waarden.gemeenteIds}
          error={fouten.gemeenteIds}
        />
        <div className="wk-form-actions">
          <Button>{team ? 'Opslaan' : 'Team toevoegen'}</Button>
        </div>
      </Form>
    </BeheerLayout>
  );
}
