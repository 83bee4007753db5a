import { createTransport } from 'nodemailer';
import type { Mode } from '../config.ts';

/**
 * Outgoing e-mail. With `SMTP_URL` messages go out through SMTP (nodemailer). Without it (development, demo, and
 * production before SMTP is set up) a message is only written to the application log — its subject only: not the
 * text (it names the staff member it is for), nor the address, nor its secret link, which only development mode
 * prints (so a developer can follow it). Messages carry their secret link apart from
 * their text, so that nothing but the SMTP transport ever sees the link.
 */

/** The marker in a message's text where its secret link goes. */
export const LINK = '{{link}}';

export interface Bericht {
  aan: string;
  onderwerp: string;
  /** Plain text; `{{link}}` marks where `link` goes. */
  tekst: string;
  /** A secret link (reset, invitation): only in the message itself, never in a log line. */
  link?: string;
}

export interface Mailer {
  /** `smtp`: messages are really sent; `log`: only logged (no one receives them). */
  readonly soort: 'smtp' | 'log';
  verstuur(bericht: Bericht): Promise<void>;
}

/** The log function the mailer writes to (pino's signature, so `app.log.info.bind(app.log)` fits). */
export type MailLog = (gegevens: Record<string, unknown>, melding: string) => void;

const LINK_WEG = '[link weggelaten]';

/** The text as sent (with the link) or as logged (without it). */
export function vulLinkIn(bericht: Bericht, link: string | undefined): string {
  return bericht.tekst.replaceAll(LINK, link ?? LINK_WEG);
}

/** Sending failed; `code` is the transport's error code (e.g. `ECONNECTION`, `EENVELOPE`), never an address. */
export class MailFout extends Error {
  constructor(readonly code: string) {
    super(`e-mail not sent (${code})`);
    this.name = 'MailFout';
  }
}

export interface MailerOpties {
  smtpUrl: string | undefined;
  afzender: string;
  mode: Mode;
  log: MailLog;
  /** Tests: a nodemailer transport configuration instead of the SMTP URL (e.g. `{ jsonTransport: true }`). */
  transport?: { jsonTransport: true };
  /** Tests: receives what the transport produced. */
  naVerzenden?: (info: unknown) => void;
}

export function createMailer(opts: MailerOpties): Mailer {
  const transportConfig = opts.transport ?? opts.smtpUrl;
  if (transportConfig) {
    const transport = createTransport(transportConfig);
    return {
      soort: 'smtp',
      async verstuur(bericht) {
        let info: unknown;
        try {
          info = await transport.sendMail({
            from: opts.afzender,
            to: bericht.aan,
            subject: bericht.onderwerp,
            text: vulLinkIn(bericht, bericht.link),
          });
        } catch (e) {
          // The transport's message may quote the address or the message: only its code goes on (to the log).
          const code = e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : 'onbekend';
          throw new MailFout(code);
        }
        opts.naVerzenden?.(info);
        // No address in the log: the subject says what was sent, the message id where to look.
        opts.log({ mail: { onderwerp: bericht.onderwerp } }, 'e-mail sent');
      },
    };
  }
  return {
    soort: 'log',
    async verstuur(bericht) {
      // The subject only: the text names the person it is for (a staff member's name), which is no business of
      // the log. Only a developer's own machine shows the link; demo and production logs never do.
      const regel: Record<string, unknown> = { onderwerp: bericht.onderwerp };
      if (opts.mode === 'development' && bericht.link) regel.link = bericht.link;
      opts.log({ mail: regel }, 'e-mail not sent (no SMTP_URL): written to the log');
    },
  };
}
