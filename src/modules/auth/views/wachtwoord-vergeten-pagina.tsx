import {
  Alert,
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
import { TE_VAAK_TEKST } from './login-pagina.tsx';
import { Verstuur } from './onderdelen.tsx';

/**
 * "Wachtwoord vergeten": ask for a reset link by e-mail. After sending, the same confirmation for every address
 * (whether or not it has an account). When reset is switched off (no mail), the old advice.
 */
export function WachtwoordVergetenPagina(
  props:
    | { stand: 'uit' }
    | { stand: 'aangevraagd' }
    | { stand: 'formulier'; csrfToken: string; email?: string; fouten?: FieldErrors; teVaak?: boolean },
) {
  if (props.stand === 'uit')
    return (
      <Layout title="Wachtwoord vergeten">
        <Heading level={1}>Wachtwoord vergeten</Heading>
        <Paragraph>
          Vraag de functioneel beheerder van uw sociale dienst om een nieuwe uitnodiging. Met de link daarin
          kiest u een nieuw wachtwoord.
        </Paragraph>
        <Paragraph>
          <Link href={paths.home()}>Terug naar inloggen</Link>
        </Paragraph>
      </Layout>
    );
  if (props.stand === 'aangevraagd')
    return (
      <Layout title="Kijk in uw e-mail">
        <Heading level={1}>Kijk in uw e-mail</Heading>
        <Alert type="ok" title="Uw aanvraag is ontvangen">
          <Paragraph>
            Als er een account is met dit e-mailadres, krijgt u binnen een paar minuten een e-mail met een
            link. Met die link kiest u een nieuw wachtwoord. De link werkt 1 uur en maar één keer.
          </Paragraph>
        </Alert>
        <Paragraph>
          Geen e-mail gekregen? Kijk ook bij de ongewenste e-mail, of controleer of u het e-mailadres van uw
          werk heeft gebruikt. U kunt het na een paar minuten opnieuw proberen.
        </Paragraph>
        <Paragraph>
          <Link href={paths.home()}>Terug naar inloggen</Link>
        </Paragraph>
      </Layout>
    );
  const fouten = props.fouten ?? {};
  const fout = Object.values(fouten).some(Boolean) || props.teVaak;
  return (
    <Layout title={fout ? 'Fout: Wachtwoord vergeten' : 'Wachtwoord vergeten'}>
      <ErrorSummary errors={fouten} />
      <Heading level={1}>Wachtwoord vergeten</Heading>
      {props.teVaak ? (
        <Alert type="error" title="Dit lukt nu niet">
          <Paragraph>{TE_VAAK_TEKST}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph>
        Vul het e-mailadres van uw account in. U krijgt dan een e-mail met een link om een nieuw wachtwoord te
        kiezen.
      </Paragraph>
      <Form action={paths.wachtwoordVergeten()} csrfToken={props.csrfToken}>
        <TextField
          name="email"
          type="email"
          label="E-mailadres"
          autoComplete="username"
          spellCheck={false}
          value={props.email}
          error={fouten.email}
        />
        <Verstuur>Link versturen</Verstuur>
      </Form>
      <Paragraph>
        <Link href={paths.home()}>Terug naar inloggen</Link>
      </Paragraph>
    </Layout>
  );
}
