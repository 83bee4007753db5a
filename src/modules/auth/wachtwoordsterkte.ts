import { type TranslationKeys, ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as algemeen } from '@zxcvbn-ts/language-common';
import { dictionary as nederlands } from '@zxcvbn-ts/language-nl-be';

/**
 * Password strength with zxcvbn-ts: how many guesses an attacker needs, from Dutch and common dictionaries,
 * keyboard patterns, repeats, dates and the person's own data. A new password needs score 3 of 4 ("safely
 * unguessable") on top of the length rule. Pure: no I/O.
 */

export const MIN_SCORE = 3;

/** Dutch feedback in the "u" form and plain language (the nl-be package's texts use "jij"). */
const VERTALINGEN: TranslationKeys = {
  warnings: {
    straightRow: 'Toetsen die op het toetsenbord naast elkaar liggen, zijn makkelijk te raden.',
    keyPattern: 'Korte patronen op het toetsenbord zijn makkelijk te raden.',
    simpleRepeat: 'Herhaalde tekens zoals "aaa" zijn makkelijk te raden.',
    extendedRepeat: 'Herhaalde patronen zoals "abcabcabc" zijn makkelijk te raden.',
    sequences: 'Reeksen zoals "abc" of "123" zijn makkelijk te raden.',
    recentYears: 'Recente jaartallen zijn makkelijk te raden.',
    dates: 'Datums zijn makkelijk te raden.',
    topTen: 'Dit wachtwoord wordt heel vaak gebruikt.',
    topHundred: 'Dit wachtwoord wordt erg vaak gebruikt.',
    common: 'Dit wachtwoord wordt vaak gebruikt.',
    similarToCommon: 'Dit wachtwoord lijkt op een wachtwoord dat vaak wordt gebruikt.',
    wordByItself: 'Eén woord alleen is makkelijk te raden.',
    namesByThemselves: 'Namen alleen zijn makkelijk te raden.',
    commonNames: 'Veel voorkomende namen zijn makkelijk te raden.',
    userInputs: 'Gebruik geen gegevens van uzelf of van Wederkerig, zoals uw naam of e-mailadres.',
    pwned: 'Dit wachtwoord staat in een lijst van uitgelekte wachtwoorden.',
  },
  suggestions: {
    l33t: "Vervangingen zoals '@' voor 'a' maken een wachtwoord niet veel sterker.",
    reverseWords: 'Een woord achterstevoren maakt het niet veel sterker.',
    allUppercase: 'Zet een deel in hoofdletters, niet alles.',
    capitalization: 'Gebruik hoofdletters ook ergens anders dan aan het begin.',
    dates: 'Gebruik geen datums of jaartallen die bij u horen.',
    recentYears: 'Gebruik geen recente jaartallen.',
    associatedYears: 'Gebruik geen jaartallen die bij u horen.',
    sequences: 'Gebruik geen reeksen zoals "abc" of "123".',
    repeated: 'Herhaal geen woorden of tekens.',
    longerKeyboardPattern: 'Gebruik geen patronen op het toetsenbord.',
    anotherWord: 'Voeg nog een paar woorden toe die niet vaak samen voorkomen.',
    useWords: 'Gebruik een paar losse woorden, maar geen bekende zin.',
    noNeed:
      'Een sterk wachtwoord kan ook zonder leestekens, hoofdletters of cijfers: lengte helpt het meest.',
    pwned: 'Gebruikt u dit wachtwoord ergens anders? Verander het daar ook.',
  },
  timeEstimation: {
    ltSecond: 'minder dan een seconde',
    second: '{base} seconde',
    seconds: '{base} seconden',
    minute: '{base} minuut',
    minutes: '{base} minuten',
    hour: '{base} uur',
    hours: '{base} uur',
    day: '{base} dag',
    days: '{base} dagen',
    month: '{base} maand',
    months: '{base} maanden',
    year: '{base} jaar',
    years: '{base} jaar',
    centuries: 'eeuwen',
  },
};

// Building the dictionaries takes some tens of milliseconds: once, on first use.
let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations: VERTALINGEN,
    graphs: adjacencyGraphs,
    dictionary: { ...algemeen, ...nederlands },
  });
  return factory;
}

/** Words of the person and the application an attacker would try first. */
export function persoonlijkeWoorden(gegevens: { email?: string; naam?: string }): string[] {
  const woorden = ['wederkerig', 'gemeente', 'sociale dienst', 'participatie', 'tegenprestatie'];
  if (gegevens.email) {
    const [lokaal = '', domein = ''] = gegevens.email.toLowerCase().split('@');
    woorden.push(gegevens.email.toLowerCase(), lokaal, ...lokaal.split(/[._+-]/), ...domein.split('.'));
  }
  if (gegevens.naam) woorden.push(...gegevens.naam.toLowerCase().split(/\s+/));
  return [...new Set(woorden.filter((w) => w.length >= 3))];
}

export interface Sterkte {
  /** 0 (very easy to guess) to 4 (very hard). */
  score: 0 | 1 | 2 | 3 | 4;
  voldoende: boolean;
  /** Why it is weak (Dutch), when zxcvbn has a specific reason. */
  waarschuwing: string | undefined;
  /** What helps (Dutch). */
  suggesties: string[];
}

/** How hard a password is to guess. Only the first 100 characters are examined (longer ones are strong anyway). */
export function beoordeelSterkte(wachtwoord: string, persoonlijk: readonly string[] = []): Sterkte {
  const r = zxcvbn().check(wachtwoord.slice(0, 100), [...persoonlijk]);
  return {
    score: r.score,
    voldoende: r.score >= MIN_SCORE,
    waarschuwing: r.feedback.warning ?? undefined,
    suggesties: r.feedback.suggestions,
  };
}

/** The Dutch message for a password that is too weak, or undefined when it is strong enough. */
export function sterkteMelding(wachtwoord: string, persoonlijk: readonly string[] = []): string | undefined {
  const s = beoordeelSterkte(wachtwoord, persoonlijk);
  if (s.voldoende) return undefined;
  const uitleg = [s.waarschuwing, ...s.suggesties].filter((t): t is string => Boolean(t));
  if (uitleg.length === 0) uitleg.push('Voeg nog een paar woorden toe die niet vaak samen voorkomen.');
  return `Dit wachtwoord is te makkelijk te raden. ${uitleg.join(' ')}`;
}
