import {
  Alert,
  Button,
  ErrorSummary,
  type FieldErrors,
  Form,
  Heading,
  Paragraph,
  TextField,
} from '../../../web/components/index.tsx';
import { Layout } from '../../../web/layout.tsx';
import { paths } from '../../../web/paths.ts';
import { TE_VAAK_TEKST } from './login-pagina.tsx';
import { Verstuur } from './onderdelen.tsx';

/** Step two of logging in: the code from the authenticator app, or a recovery code. */
export function CodePagina({
  csrfToken,
  fouten = {},
  teVaak = false,
}: {
  csrfToken: string;
  fouten?: FieldErrors;
  teVaak?: boolean;
}) {
  const fout = Object.values(fouten).some(Boolean) || teVaak;
  return (
    <Layout title={fout ? 'Fout: Code invullen' : 'Code invullen'}>
      <ErrorSummary errors={fouten} />
      <Heading level={1}>Code invullen</Heading>
      {teVaak ? (
        <Alert type="error" title="Inloggen lukt nu niet">
          <p className="utrecht-paragraph">{TE_VAAK_TEKST}</p>
        </Alert>
      ) : null}
      <Paragraph>
        Open de app voor tweestapsverificatie op uw telefoon en vul de code van 6 cijfers in die bij
        Wederkerig staat.
      </Paragraph>
      <Form action={paths.inlogCode()} csrfToken={csrfToken}>
        <TextField
          name="code"
          label="Code"
          description="6 cijfers. Telefoon kwijt? Vul dan een van uw herstelcodes in."
          autoComplete="one-time-code"
          spellCheck={false}
          error={fouten.code}
        />
        <Verstuur>Inloggen</Verstuur>
      </Form>
      <Form action={paths.uitloggen()} csrfToken={csrfToken}>
        <Button appearance="subtle">Stoppen met inloggen</Button>
      </Form>
    </Layout>
  );
}
