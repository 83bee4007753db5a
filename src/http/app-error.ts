/** Stable error codes; each maps to one HTTP status. */
export const ERROR_STATUS = {
  'ongeldige-invoer': 400,
  'niet-ingelogd': 401,
  'geen-toegang': 403,
  'niet-gevonden': 404,
  conflict: 409,
  'niet-verwerkbaar': 422,
  'te-veel-verzoeken': 429,
  'niet-beschikbaar': 503,
  intern: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const DEFAULT_TITLE: Record<ErrorCode, string> = {
  'ongeldige-invoer': 'De invoer is niet geldig.',
  'niet-ingelogd': 'U bent niet ingelogd.',
  'geen-toegang': 'U heeft geen toegang tot deze gegevens.',
  'niet-gevonden': 'Niet gevonden.',
  conflict: 'Dit conflicteert met bestaande gegevens.',
  'niet-verwerkbaar': 'Dit verzoek kan niet worden verwerkt.',
  'te-veel-verzoeken': 'Te vaak geprobeerd. Wacht even en probeer het dan opnieuw.',
  'niet-beschikbaar': 'De dienst is tijdelijk niet beschikbaar.',
  intern: 'Er ging iets mis aan onze kant.',
};

/**
 * The one error type services throw. `userMessage` is safe to show (Dutch); `message` is for the log and
 * never reaches a user.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly status: number;

  constructor(code: ErrorCode, opts: { message?: string; userMessage?: string; cause?: unknown } = {}) {
    super(opts.message ?? code, { cause: opts.cause });
    this.code = code;
    this.userMessage = opts.userMessage ?? DEFAULT_TITLE[code];
    this.status = ERROR_STATUS[code];
  }
}

export const defaultTitle = (code: ErrorCode): string => DEFAULT_TITLE[code];

export const notFound = (userMessage?: string) =>
  new AppError('niet-gevonden', userMessage ? { userMessage } : {});
export const forbidden = (userMessage?: string) =>
  new AppError('geen-toegang', userMessage ? { userMessage } : {});
