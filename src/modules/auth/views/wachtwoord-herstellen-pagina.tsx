import {
  ErrorSummary,
  type FieldErrors,
  Form,
  Heading,
  Link,
  Paragraph,
  TextField,
} from '../../../web/components/index.tsx';
import { Layout } from '../../../web/layout.tsx';
import { paths } from '../../../web/paths.ts';
import type { HerstelStatus } from '../auth.service.ts';
import { Verstuur, WACHTWOORD_UITLEG, WachtwoordMeter } from './onderdelen.tsx';

const ONBRUIKBAAR: Record<Exclude<HerstelStatus, 'geldig'>, { titel: string; tekst: string }> = {
  gebruikt: {
    titel: 'Deze link is al gebruikt',
    tekst:
      'Met deze link is al een nieuw wachtwoord gekozen. Een link werkt maar één keer. Log in met uw nieuwe wachtwoord, of vraag een nieuwe link aan.',
  },
  verlopen: {
    titel: 'Deze link is verlopen',
    tekst: 'Een link om een nieuw wachtwoord te kiezen werkt 1 uur. Vraag een nieuwe link aan.',
  },
  onbekend: {
    titel: 'Deze link werkt niet',
    tekst:
      'De link is niet (meer) geldig. Misschien heeft u daarna een nieuwere link gekregen, of is de link niet helemaal overgenomen. Vraag een nieuwe link aan.',
  },
};

/** Choose a new password with a reset link (twice), or a clear message when the link cannot be used. */
export function WachtwoordHerstellenPagina(
  props:
    | { status: Exclude<HerstelStatus, 'geldig'> }
    | { status: 'geldig'; token: string; email: string; csrfToken: string; fouten?: FieldErrors },
) {
  if (props.status !== 'geldig') {
    const m = ONBRUIKBAAR[props.status];
    return (
      <Layout title={m.titel}>
        <Heading level={1}>{m.titel}</Heading>
        <Paragraph>{m.tekst}</Paragraph>
        <Paragraph>
          <Link href={paths.wachtwoordVergeten()}>Nieuwe link aanvragen</Link>
        </Paragraph>
        <Paragraph>
          <Link href={paths.home()}>Naar de inlogpagina</Link>
        </Paragraph>
      </Layout>
    );
  }
  const fouten = props.fouten ?? {};
  const fout = Object.values(fouten).some(Boolean);
  return (
    <Layout title={fout ? 'Fout: Nieuw wachtwoord kiezen' : 'Nieuw wachtwoord kiezen'}>
      <ErrorSummary errors={fouten} />
      <Heading level={1}>Nieuw wachtwoord kiezen</Heading>
      <Paragraph>
        Kies een nieuw wachtwoord voor uw account <strong>{props.email}</strong>. Daarna logt u overal opnieuw
        in, en werken uw API-tokens niet meer: maak zo nodig nieuwe aan.
      </Paragraph>
      <Form action={paths.wachtwoordHerstellen(props.token)} csrfToken={props.csrfToken}>
        <input type="hidden" name="gebruikersnaam" value={props.email} autoComplete="username" />
        <TextField
          name="wachtwoord"
          type="password"
          label="Nieuw wachtwoord"
          description={WACHTWOORD_UITLEG}
          autoComplete="new-password"
          error={fouten.wachtwoord}
        />
        <TextField
          name="herhaling"
          type="password"
          label="Herhaal het wachtwoord"
          autoComplete="new-password"
          error={fouten.herhaling}
        />
        <Verstuur>Wachtwoord opslaan</Verstuur>
      </Form>
      <WachtwoordMeter />
    </Layout>
  );
}
