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
import { wachtTekst } from './login-pagina.tsx';
import { Verstuur } from './onderdelen.tsx';

/** Step two of logging in: the code from the authenticator app, or a recovery code. */
export function CodePagina({
  csrfToken,
  fouten = {},
  wachtSeconden,
}: {
  csrfToken: string;
  fouten?: FieldErrors;
  /** Set after too many failures: the seconds to wait before the next attempt. */
  wachtSeconden?: number | undefined;
}) {
  const fout = Object.values(fouten).some(Boolean) || Boolean(wachtSeconden);
  return (
    <Layout title={fout ? 'Fout: Code invullen' : 'Code invullen'}>
      <ErrorSummary errors={fouten} />
      <Heading level={1}>Code invullen</Heading>
      {wachtSeconden ? (
        <Alert type="error" title="Inloggen lukt nu niet">
          <p className="utrecht-paragraph">{wachtTekst(wachtSeconden)}</p>
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
