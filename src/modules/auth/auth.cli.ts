import { parseArgs } from 'node:util';
import { AppError } from '../../http/app-error.ts';
import { systeemActor } from './actor.ts';
import type { AuthService } from './auth.service.ts';

export const TOKEN_USAGE = `  token create --email E [--naam N]
                   maak een API-token voor de gebruiker met dit e-mailadres; het token staat op de laatste regel`;

type Out = (line: string) => void;

/** Exit codes as the other commands: 0 done, 2 wrong use or input (with a Dutch message). */
const ONGELDIG = 2;

/**
 * `wederkerig token create --email E [--naam N]`: makes an API token as the system (the reason is logged) and
 * prints it as the last line, so scripts can take it with `tail -n 1`. The e-mail address is not echoed.
 */
export async function runTokenCli(args: string[], auth: AuthService, out: Out, err: Out): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create') {
    err(`Gebruik:\n${TOKEN_USAGE}`);
    return ONGELDIG;
  }
  let values: { email?: string | undefined; naam?: string | undefined };
  try {
    values = parseArgs({
      args: rest,
      options: { email: { type: 'string' }, naam: { type: 'string' } },
      allowPositionals: false,
      strict: true,
    }).values;
  } catch {
    err(`Onbekende of onvolledige optie.\n\nGebruik:\n${TOKEN_USAGE}`);
    return ONGELDIG;
  }
  const email = values.email?.trim();
  if (!email) {
    err('Geef --email op: het e-mailadres van de gebruiker voor wie het token is.');
    return ONGELDIG;
  }
  const naam = values.naam?.trim() || `Opdrachtregel ${new Date().toISOString().slice(0, 10)}`;
  try {
    const { token } = await auth.createApiTokenVoorEmail(systeemActor('cli:token-create'), { email, naam });
    out(`API-token "${naam}" gemaakt. Bewaar het veilig: Wederkerig kan het niet nog een keer tonen.`);
    out(token);
    return 0;
  } catch (e) {
    if (e instanceof AppError && e.status < 500) {
      err(e.userMessage);
      return ONGELDIG;
    }
    if (e instanceof Error && e.name === 'ZodError') {
      err('De naam van het token is te lang (hoogstens 100 tekens).');
      return ONGELDIG;
    }
    throw e;
  }
}
