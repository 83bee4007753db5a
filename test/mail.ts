import type { Bericht, Mailer } from '../src/mail/index.ts';
import { vulLinkIn } from '../src/mail/index.ts';

/** A mailer for tests: keeps every message (as the SMTP transport would send it) instead of sending it. */
export class TestPostvak implements Mailer {
  readonly soort = 'smtp' as const;
  readonly berichten: Array<Bericht & { verzonden: string }> = [];

  async verstuur(bericht: Bericht): Promise<void> {
    this.berichten.push({ ...bericht, verzonden: vulLinkIn(bericht, bericht.link) });
  }

  /** The messages to one address. */
  aan(adres: string): Array<Bericht & { verzonden: string }> {
    return this.berichten.filter((b) => b.aan === adres);
  }
}
