import { describe, expect, it } from 'vitest';
import { type Bericht, createMailer, MailFout, type MailLog } from './mail.ts';

const BERICHT: Bericht = {
  aan: 'medewerker@gemeente.example',
  onderwerp: 'Nieuw wachtwoord kiezen',
  tekst: 'Beste Janneke Bosma,\n\nKies een nieuw wachtwoord via deze link:\n{{link}}\nDe link werkt 1 uur.',
  link: 'https://wederkerig.example/wachtwoord-herstellen/GEHEIM-TOKEN',
};

function logger() {
  const regels: Array<{ gegevens: Record<string, unknown>; melding: string }> = [];
  const log: MailLog = (gegevens, melding) => regels.push({ gegevens, melding });
  return { regels, log };
}

describe('mailer', () => {
  it('sends the link in the message itself through the transport, and logs no address or link', async () => {
    const { regels, log } = logger();
    const verzonden: unknown[] = [];
    const mailer = createMailer({
      smtpUrl: undefined,
      afzender: 'Wederkerig <noreply@wederkerig.example>',
      mode: 'production',
      log,
      transport: { jsonTransport: true },
      naVerzenden: (info) => verzonden.push(info),
    });
    expect(mailer.soort).toBe('smtp');
    await mailer.verstuur(BERICHT);
    const bericht = JSON.parse((verzonden[0] as { message: string }).message) as Record<string, unknown>;
    expect(bericht).toMatchObject({ subject: 'Nieuw wachtwoord kiezen' });
    expect(bericht.text).toContain('https://wederkerig.example/wachtwoord-herstellen/GEHEIM-TOKEN');
    expect(JSON.stringify(bericht.to)).toContain('medewerker@gemeente.example');
    expect(JSON.stringify(regels)).not.toContain('GEHEIM-TOKEN');
    expect(JSON.stringify(regels)).not.toContain('medewerker@');
  });

  it.each(['production', 'demo'] as const)(
    'without SMTP in %s mode: a log line without the link or address',
    async (mode) => {
      const { regels, log } = logger();
      const mailer = createMailer({ smtpUrl: undefined, afzender: 'x', mode, log });
      expect(mailer.soort).toBe('log');
      await mailer.verstuur(BERICHT);
      expect(regels).toHaveLength(1);
      expect(regels[0]?.gegevens).toEqual({ mail: { onderwerp: 'Nieuw wachtwoord kiezen' } });
      expect(JSON.stringify(regels)).not.toContain('GEHEIM-TOKEN');
      expect(JSON.stringify(regels)).not.toContain('medewerker@');
      expect(JSON.stringify(regels)).not.toContain('Janneke');
    },
  );

  it('without SMTP in development mode: the log line has the link, for the developer to follow', async () => {
    const { regels, log } = logger();
    await createMailer({ smtpUrl: undefined, afzender: 'x', mode: 'development', log }).verstuur(BERICHT);
    expect(JSON.stringify(regels)).toContain('GEHEIM-TOKEN');
    expect(JSON.stringify(regels)).not.toContain('Janneke');
  });

  it('never puts the staff member’s name or address in a log line when sending works or fails', async () => {
    const { regels, log } = logger();
    const ok = createMailer({
      smtpUrl: undefined,
      afzender: 'x',
      mode: 'production',
      log,
      transport: { jsonTransport: true },
    });
    await ok.verstuur(BERICHT);
    expect(JSON.stringify(regels)).not.toContain('Janneke');
    // A transport that refuses (no server on port 9 of loopback): the error carries a code, not the address.
    const kapot = createMailer({ smtpUrl: 'smtp://127.0.0.1:9', afzender: 'x', mode: 'production', log });
    const fout = await kapot.verstuur(BERICHT).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(MailFout);
    expect(String((fout as Error).message)).not.toContain('medewerker@');
    expect(String((fout as Error).message)).not.toContain('Janneke');
  });
});
