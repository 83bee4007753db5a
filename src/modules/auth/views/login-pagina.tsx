import {
  Alert,
  ButtonLink,
  ErrorSummary,
  type FieldErrors,
  Form,
  Heading,
  Link,
  ListItem,
  Paragraph,
  TextField,
  UnorderedList,
} from '../../../web/components/index.tsx';
import { Layout } from '../../../web/layout.tsx';
import { paths } from '../../../web/paths.ts';
import { Verstuur } from './onderdelen.tsx';

export const TE_VAAK_TEKST = 'Te vaak geprobeerd. Wacht 15 minuten en probeer het opnieuw.';
/** After failed logins: how long to wait (slow-down, never a lock-out). */
export const wachtTekst = (seconden: number): string =>
  `Te vaak een verkeerd wachtwoord of een verkeerde code. Wacht ${
    seconden >= 60 ? 'een minuut' : seconden === 1 ? '1 seconde' : `${seconden} seconden`
  } en probeer het dan opnieuw.`;
export const ONJUIST_TEKST = 'E-mailadres of wachtwoord klopt niet.';

const DEMO_ACCOUNTS = [
  ['klantmanager.aardam@demo.wederkerig.nl', 'klantmanager, team Aardam'],
  ['klantmanager.bergdorp@demo.wederkerig.nl', 'klantmanager, team Bergdorp'],
  ['teamleider@demo.wederkerig.nl', 'teamleider van beide teams'],
  ['netwerk@demo.wederkerig.nl', 'netwerkmakelaar'],
  ['beheer@demo.wederkerig.nl', 'functioneel beheerder'],
  ['privacy@demo.wederkerig.nl', 'privacy officer'],
] as const;

/**
 * The start page for anonymous visitors: what Wederkerig is, and the login form. With SSO configured, a second
 * way in below the form (local accounts stay the default); `melding` confirms something (a new password),
 * `ssoFout` says why an SSO login was refused.
 */
export function LoginPagina({
  csrfToken,
  email,
  fouten = {},
  wachtSeconden,
  demo = false,
  wachtwoordHerstel = false,
  sso = false,
  melding,
  ssoFout,
}: {
  csrfToken: string;
  email?: string;
  fouten?: FieldErrors;
  /** Set after too many failures: the seconds to wait before the next attempt. */
  wachtSeconden?: number | undefined;
  demo?: boolean;
  wachtwoordHerstel?: boolean;
  sso?: boolean;
  melding?: string | undefined;
  ssoFout?: string | undefined;
}) {
  const heeftFouten = Object.values(fouten).some(Boolean);
  return (
    <Layout
      title={heeftFouten || wachtSeconden || ssoFout ? 'Fout: Inloggen' : 'Inloggen'}
      banner={
        demo ? (
          <p className="wk-banner utrecht-paragraph">
            Demo-omgeving: alle personen en gegevens zijn verzonnen.
          </p>
        ) : undefined
      }
    >
      <ErrorSummary errors={fouten} />
      <Heading level={1}>Welkom bij Wederkerig</Heading>
      <Paragraph lead>
        De werkruimte waarin de sociale dienst samen met inwoners een passende tegenprestatie ontwerpt,
        afspreekt, volgt en evalueert. Vanaf 1 januari 2027 heet dit maatschappelijke participatie.
      </Paragraph>
      <Heading level={2}>Inloggen</Heading>
      {melding ? (
        <Alert type="ok">
          <Paragraph>{melding}</Paragraph>
        </Alert>
      ) : null}
      {ssoFout ? (
        <Alert type="error" title="Inloggen met uw organisatie-account lukte niet">
          <Paragraph>{ssoFout}</Paragraph>
        </Alert>
      ) : null}
      {wachtSeconden ? (
        <Alert type="error" title="Inloggen lukt nu niet">
          <Paragraph>{wachtTekst(wachtSeconden)}</Paragraph>
        </Alert>
      ) : null}
      <Form action={paths.home()} csrfToken={csrfToken}>
        <TextField
          name="email"
          type="email"
          label="E-mailadres"
          autoComplete="username"
          spellCheck={false}
          value={email}
          error={fouten.email}
        />
        <TextField
          name="wachtwoord"
          type="password"
          label="Wachtwoord"
          autoComplete="current-password"
          error={fouten.wachtwoord}
        />
        <Verstuur>Inloggen</Verstuur>
      </Form>
      {wachtwoordHerstel ? (
        <Paragraph>
          <Link href={paths.wachtwoordVergeten()}>Wachtwoord vergeten?</Link> Nog geen account? Vraag de
          functioneel beheerder van uw sociale dienst om een uitnodiging.
        </Paragraph>
      ) : (
        <Paragraph>
          Wachtwoord vergeten of nog geen account? Vraag de functioneel beheerder van uw sociale dienst om een
          uitnodiging. Met de link daarin kiest u een nieuw wachtwoord.
        </Paragraph>
      )}
      {sso ? (
        <>
          <Paragraph>Werkt uw organisatie met één account voor alle systemen? Log dan zo in:</Paragraph>
          <ButtonLink href={paths.ssoStart()}>Inloggen met uw organisatie-account</ButtonLink>
        </>
      ) : null}
      {demo ? (
        <>
          <Heading level={2}>Demo-accounts</Heading>
          <Paragraph>
            Alle demo-accounts hebben het wachtwoord <code>Wederkerig-demo-2026</code>.
          </Paragraph>
          <UnorderedList>
            {DEMO_ACCOUNTS.map(([adres, rol]) => (
              <ListItem key={adres}>
                <code>{adres}</code> ({rol})
              </ListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}
      <Heading level={2}>Wat u hier doet</Heading>
      <UnorderedList>
        <ListItem>Het gesprek voeren over kracht, wensen en de eigen omgeving van de inwoner.</ListItem>
        <ListItem>Een activiteit naar vermogen ontwerpen, bij een organisatie die iets teruggeeft.</ListItem>
        <ListItem>Afspraken vastleggen, uren bijhouden en samen evalueren.</ListItem>
      </UnorderedList>
    </Layout>
  );
}
