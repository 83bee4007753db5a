import {
  Alert,
  ButtonLink,
  ErrorSummary,
  type FieldErrors,
  Form,
  Heading,
  Paragraph,
  TextField,
} from '../../../web/components/index.tsx';
import { Layout, type LayoutProps, type NavItem } from '../../../web/layout.tsx';
import { paths } from '../../../web/paths.ts';
import { formatMoment } from './format.ts';
import { Verstuur } from './onderdelen.tsx';

type Chrome = { account: LayoutProps['account']; nav: NavItem[]; csrfToken: string };

export type TweestapsStand =
  | { stand: 'instellen'; geheim: string; qrDataUri: string; verplicht: boolean }
  | { stand: 'aan'; sinds: Date | null; herstelcodesOver: number }
  | { stand: 'herstelcodes'; herstelcodes: readonly string[]; nieuw: boolean };

/** Groups a base32 key in blocks of four, as authenticator apps show it. */
const inBlokken = (geheim: string) => geheim.match(/.{1,4}/g)?.join(' ') ?? geheim;

/** Two-step verification (TOTP): set it up with a QR code, see its state, get new recovery codes. */
export function TweestapsverificatiePagina({
  chrome,
  stand,
  fouten = {},
  herstelcodeGebruikt,
}: {
  chrome: Chrome;
  stand: TweestapsStand;
  fouten?: FieldErrors;
  herstelcodeGebruikt?: boolean;
}) {
  const fout = Object.values(fouten).some(Boolean);
  const titel = stand.stand === 'herstelcodes' ? 'Uw herstelcodes' : 'Tweestapsverificatie';
  return (
    <Layout title={fout ? `Fout: ${titel}` : titel} account={chrome.account} nav={chrome.nav}>
      <ErrorSummary errors={fouten} />
      <Heading level={1}>{titel}</Heading>
      {stand.stand === 'instellen' ? (
        <>
          {stand.verplicht ? (
            <Alert type="info" title="Eerst tweestapsverificatie instellen">
              <Paragraph>
                In Wederkerig staan gegevens over inwoners. Daarom logt u in met uw wachtwoord én een code van
                uw telefoon. Stel dit nu in; daarna kunt u verder.
              </Paragraph>
            </Alert>
          ) : (
            <Paragraph>
              Met tweestapsverificatie logt u in met uw wachtwoord én een code van uw telefoon. Zo kan niemand
              anders inloggen, ook niet als uw wachtwoord uitlekt.
            </Paragraph>
          )}
          <Heading level={2}>Stap 1: installeer een app</Heading>
          <Paragraph>
            Installeer op uw telefoon een app voor tweestapsverificatie, bijvoorbeeld Microsoft Authenticator,
            Google Authenticator of FreeOTP. Heeft u er al een? Dan kunt u die gebruiken.
          </Paragraph>
          <Heading level={2}>Stap 2: scan de QR-code</Heading>
          <Paragraph>Open de app, kies voor een nieuw account toevoegen en scan deze QR-code.</Paragraph>
          <img
            className="wk-qr"
            src={stand.qrDataUri}
            alt="QR-code om Wederkerig toe te voegen aan uw app voor tweestapsverificatie"
          />
          <Paragraph>Lukt scannen niet? Typ dan deze sleutel over in de app:</Paragraph>
          <Paragraph>
            <code className="wk-geheim" id="totp-sleutel">
              {inBlokken(stand.geheim)}
            </code>
          </Paragraph>
          <Heading level={2}>Stap 3: vul de code in</Heading>
          <Form action={paths.tweestapsverificatie()} csrfToken={chrome.csrfToken}>
            <TextField
              name="code"
              label="Code uit de app"
              description="De app toont een code van 6 cijfers, die elke 30 seconden verandert."
              autoComplete="one-time-code"
              inputMode="numeric"
              spellCheck={false}
              error={fouten.code}
            />
            <Verstuur>Tweestapsverificatie aanzetten</Verstuur>
          </Form>
        </>
      ) : null}
      {stand.stand === 'aan' ? (
        <>
          {herstelcodeGebruikt ? (
            <Alert type="warning" title="U heeft een herstelcode gebruikt">
              <Paragraph>
                Elke herstelcode werkt maar één keer. Maak nieuwe herstelcodes als u er nog maar weinig over
                heeft.
              </Paragraph>
            </Alert>
          ) : null}
          <Paragraph>
            Tweestapsverificatie staat aan{stand.sinds ? ` sinds ${formatMoment(stand.sinds)}` : ''}. U logt
            in met uw wachtwoord en een code uit uw app.
          </Paragraph>
          <Paragraph>
            U heeft nog {stand.herstelcodesOver} ongebruikte{' '}
            {stand.herstelcodesOver === 1 ? 'herstelcode' : 'herstelcodes'}. Met een herstelcode logt u in als
            u uw telefoon niet bij de hand heeft.
          </Paragraph>
          <Paragraph>
            Nieuwe telefoon of telefoon kwijt? Vraag uw functioneel beheerder om uw tweestapsverificatie te
            resetten; daarna stelt u die opnieuw in.
          </Paragraph>
          <Heading level={2}>Nieuwe herstelcodes maken</Heading>
          <Paragraph>Uw oude herstelcodes werken daarna niet meer.</Paragraph>
          <Form action={paths.herstelcodes()} csrfToken={chrome.csrfToken}>
            <TextField
              name="code"
              label="Code uit de app"
              autoComplete="one-time-code"
              inputMode="numeric"
              spellCheck={false}
              error={fouten.code}
            />
            <Verstuur>Nieuwe herstelcodes maken</Verstuur>
          </Form>
        </>
      ) : null}
      {stand.stand === 'herstelcodes' ? (
        <>
          <Alert
            type={stand.nieuw ? 'ok' : 'info'}
            title={stand.nieuw ? 'Tweestapsverificatie staat aan' : undefined}
          >
            <Paragraph>
              Hieronder staan uw {stand.herstelcodes.length} herstelcodes. Bewaar ze op een veilige plek, los
              van uw telefoon, bijvoorbeeld geprint in een afgesloten la. Elke code werkt één keer. U ziet
              deze codes maar één keer.
            </Paragraph>
          </Alert>
          <ol className="wk-herstelcodes wk-geheim" aria-label="Herstelcodes">
            {stand.herstelcodes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ol>
          <Paragraph>
            <ButtonLink href={paths.home()}>Ik heb de codes bewaard, verder naar de startpagina</ButtonLink>
          </Paragraph>
        </>
      ) : null}
    </Layout>
  );
}
