import { parseArgs } from 'node:util';
import { ROLLEN } from '../../db/context.ts';
import { AppError } from '../../http/app-error.ts';
import { type Actor, ROL_NAMEN, systeemActor, UITNODIGING_GELDIG_MS } from '../auth/index.ts';
import type { GemeentenService } from '../gemeenten/index.ts';
import type { LogboekService } from '../logboek/index.ts';
import { Invoerfout } from './beheer.schemas.ts';
import type { BeheerService } from './beheer.service.ts';

/** The name of the social service `gemeente create` makes when there is none yet and none is given. */
export const STANDAARD_DIENST = 'Sociale dienst';

export const BEHEER_USAGE = `  gemeente create --naam N --code GM0000 [--dienst "Naam"]
                   maak een gemeente (en de sociale dienst als die er nog niet is)
  user create --email E --naam N --rol R --gemeente GM0000 [--gemeente …] [--team T …] [--dienst "Naam"]
                   maak een gebruiker en toon de uitnodigingslink
                   rollen: ${ROLLEN.join(', ')}`;

export interface BeheerCliDeps {
  gemeenten: GemeentenService;
  /** The beheer service for a social service (built with the invitation function of the auth module). */
  beheer: BeheerService;
  /** Every social service gets the standard register of processing activities (the access log refers to it). */
  logboek: Pick<LogboekService, 'ensureStandaardRegister'>;
}

type Out = (line: string) => void;

/** Exit codes: 0 done, 2 wrong use or invalid input (a Dutch message says what), 1 anything else. */
const ONGELDIG = 2;

class Gebruiksfout extends Error {}

const eenTekst = (v: string | boolean | Array<string | boolean> | undefined): string | undefined =>
  typeof v === 'string' ? v : Array.isArray(v) ? eenTekst(v.at(-1)) : undefined;
const teksten = (v: string | boolean | Array<string | boolean> | undefined): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

function verplicht(
  values: Record<string, string | boolean | Array<string | boolean> | undefined>,
  naam: string,
) {
  const v = eenTekst(values[naam])?.trim();
  if (!v) throw new Gebruiksfout(`Geef --${naam} op.`);
  return v;
}

/**
 * `wederkerig gemeente create` and `wederkerig user create`: the bootstrap of a plain installation. Both run
 * as the system (the reason is logged) within one social service.
 */
export async function runBeheerCli(
  command: 'gemeente' | 'user',
  args: string[],
  deps: BeheerCliDeps,
  out: Out,
  err: Out,
): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub !== 'create')
      throw new Gebruiksfout(`Gebruik: wederkerig ${command} create … (zie wederkerig help)`);
    const { values } = parseArgs({
      args: rest,
      options: {
        naam: { type: 'string' },
        code: { type: 'string' },
        dienst: { type: 'string' },
        email: { type: 'string' },
        rol: { type: 'string' },
        gemeente: { type: 'string', multiple: true },
        team: { type: 'string', multiple: true },
      },
      allowPositionals: false,
      strict: true,
    });
    return command === 'gemeente'
      ? await gemeenteCreate(values, deps, out)
      : await userCreate(values, deps, out);
  } catch (e) {
    if (e instanceof Gebruiksfout) {
      err(e.message);
      return ONGELDIG;
    }
    if (e instanceof Invoerfout) {
      for (const m of Object.values(e.velden)) err(m);
      return ONGELDIG;
    }
    if (e instanceof AppError && e.status < 500) {
      err(e.userMessage);
      return ONGELDIG;
    }
    const parseFout = parseArgsFout(e);
    if (parseFout) {
      err(`${parseFout}\n\nGebruik:\n${BEHEER_USAGE}`);
      return ONGELDIG;
    }
    throw e;
  }
}

/** Node's parseArgs errors in Dutch. */
function parseArgsFout(e: unknown): string | undefined {
  if (!(e instanceof TypeError) || !('code' in e)) return undefined;
  const wat = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Onbekende optie: ${wat}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `Optie ${wat.replace(/ <value>$/, '')} heeft een waarde nodig.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Onverwacht argument: ${wat}.`;
    default:
      return undefined;
  }
}

type Values = Record<string, string | boolean | Array<string | boolean> | undefined>;

/**
 * The social service to work in: the one named, else the only one; `gemeente create` may make it. It gets the
 * standard register of processing activities when it lacks one (idempotent).
 */
async function kiesDienst(deps: BeheerCliDeps, naam: string | undefined, maakAan: boolean): Promise<string> {
  const dienstId = await vindOfMaakDienst(deps, naam, maakAan);
  await deps.logboek.ensureStandaardRegister(systeemActor('cli:register', dienstId), dienstId);
  return dienstId;
}

async function vindOfMaakDienst(
  deps: BeheerCliDeps,
  naam: string | undefined,
  maakAan: boolean,
): Promise<string> {
  const systeem = systeemActor('cli:dienst-kiezen');
  if (naam) {
    const bestaand = (await deps.gemeenten.listDiensten(systeem)).find((d) => d.naam === naam);
    if (bestaand) return bestaand.dienstId;
    if (!maakAan) throw new Gebruiksfout(`Er is geen sociale dienst met de naam "${naam}".`);
    return deps.gemeenten.ensureDienst(systeemActor('cli:gemeente-create'), naam);
  }
  const diensten = await deps.gemeenten.listDiensten(systeem);
  if (diensten.length === 1) return diensten[0]!.dienstId;
  if (diensten.length > 1)
    throw new Gebruiksfout(
      `Er zijn meer sociale diensten (${diensten.map((d) => `"${d.naam}"`).join(', ')}). Kies er een met --dienst.`,
    );
  if (!maakAan)
    throw new Gebruiksfout('Er is nog geen gemeente. Maak die eerst met: wederkerig gemeente create');
  return deps.gemeenten.ensureDienst(systeemActor('cli:gemeente-create'), STANDAARD_DIENST);
}

async function gemeenteCreate(values: Values, deps: BeheerCliDeps, out: Out): Promise<number> {
  const naam = verplicht(values, 'naam');
  const code = verplicht(values, 'code');
  const dienstId = await kiesDienst(deps, eenTekst(values.dienst)?.trim() || undefined, true);
  const actor: Actor = systeemActor('cli:gemeente-create', dienstId);
  const gemeente = await deps.beheer.createGemeente(actor, { naam, code });
  out(`Gemeente aangemaakt: ${gemeente.naam} (${gemeente.code}).`);
  return 0;
}

async function userCreate(values: Values, deps: BeheerCliDeps, out: Out): Promise<number> {
  const email = verplicht(values, 'email');
  const naam = verplicht(values, 'naam');
  const rol = verplicht(values, 'rol');
  if (!ROLLEN.some((r) => r === rol))
    throw new Gebruiksfout(`Onbekende rol "${rol}". Kies uit: ${ROLLEN.join(', ')}.`);
  const codes = teksten(values.gemeente).map((c) => c.trim().toUpperCase());
  if (codes.length === 0) throw new Gebruiksfout('Geef minstens één gemeente op met --gemeente GM0000.');
  const dienstId = await kiesDienst(deps, eenTekst(values.dienst)?.trim() || undefined, false);
  const actor: Actor = systeemActor('cli:user-create', dienstId);

  const gemeenten = await deps.gemeenten.findGemeenten(actor);
  const gemeenteIds = codes.map((code) => {
    const g = gemeenten.find((x) => x.code === code);
    if (!g)
      throw new Gebruiksfout(
        `Onbekende gemeentecode ${code}. Bekende codes: ${gemeenten.map((x) => `${x.code} (${x.naam})`).join(', ') || 'geen'}.`,
      );
    return g.id;
  });
  const teams = await deps.beheer.listTeams(actor);
  const teamIds = teksten(values.team).map((t) => {
    const team = teams.find((x) => x.naam.toLowerCase() === t.trim().toLowerCase());
    if (!team)
      throw new Gebruiksfout(
        `Onbekend team "${t}". Bestaande teams: ${teams.map((x) => `"${x.naam}"`).join(', ') || 'geen'}.`,
      );
    return team.id;
  });

  const { gebruiker, uitnodigingslink } = await deps.beheer.createGebruiker(actor, {
    naam,
    email,
    rol,
    teamIds,
    gemeenteIds,
  });
  out(`Gebruiker aangemaakt: ${gebruiker.naam} <${gebruiker.email}>, ${ROL_NAMEN[gebruiker.rol]}.`);
  if (uitnodigingslink) {
    const dagen = Math.round(UITNODIGING_GELDIG_MS / 86_400_000);
    out(`Stuur deze uitnodigingslink naar de gebruiker (werkt één keer, ${dagen} dagen geldig):`);
    out(uitnodigingslink);
  }
  return 0;
}
