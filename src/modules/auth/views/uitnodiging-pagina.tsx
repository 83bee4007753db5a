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
import type { UitnodigingStatus } from '../auth.service.ts';
import { Verstuur, WACHTWOORD_UITLEG, WachtwoordMeter } from './onderdelen.tsx';

const ONBRUIKBAAR: Record<Exclude<UitnodigingStatus, 'geldig'>, { titel: string; tekst: string }> = {
  gebruikt: {
    titel: 'Deze uitnodiging is al gebruikt',
    tekst:
      'Met deze link is al een wachtwoord gekozen. Een link werkt maar één keer. Log in met uw e-mailadres en wachtwoord, of vraag uw functioneel beheerder om een nieuwe uitnodiging.',
  },
  verlopen: {
    titel: 'Deze uitnodiging is verlopen',
    tekst: 'Een uitnodiging is 7 dagen geldig. Vraag uw functioneel beheerder om een nieuwe uitnodiging.',
  },
  onbekend: {
    titel: 'Deze uitnodiging werkt niet',
    tekst:
      'De link is niet (meer) geldig. Misschien is er een nieuwere uitnodiging gestuurd, of is de link niet helemaal overgenomen. Vraag uw functioneel beheerder om een nieuwe uitnodiging.',
  },
};

/** The invitation page: choose a password (twice), or a clear message when the link cannot be used. */
export function UitnodigingPagina(
  props:
    | { status: Exclude<UitnodigingStatus, 'geldig'> }
    | {
        status: 'geldig';
        token: string;
        naam: string;
        email: string;
        csrfToken: string;
        fouten?: FieldErrors;
      },
) {
  if (props.status !== 'geldig') {
    const m = ONBRUIKBAAR[props.status];
    return (
      <Layout title={m.titel}>
        <Heading level={1}>{m.titel}</Heading>
        <Paragraph>{m.tekst}</Paragraph>
        <Paragraph>
          <Link href={paths.home()}>Naar de inlogpagina</Link>
        </Paragraph>
      </Layout>
    );
  }
  const fouten = props.fouten ?? {};
  const fout = Object.values(fouten).some(Boolean);
  return (
    <Layout title={fout ? 'Fout: Wachtwoord kiezen' : 'Wachtwoord kiezen'}>
      <ErrorSummary errors={fouten} />
      <Heading level={1}>Welkom bij Wederkerig, {props.naam}</Heading>
      <Paragraph>
        Kies een wachtwoord voor uw account <strong>{props.email}</strong>. Daarna stelt u
        tweestapsverificatie in met een app op uw telefoon.
      </Paragraph>
      <Form action={paths.uitnodiging(props.token)} csrfToken={props.csrfToken}>
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
