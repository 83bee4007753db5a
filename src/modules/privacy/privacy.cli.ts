import type { PrivacyService } from './privacy.service.ts';

export const BEWAARTERMIJN_USAGE = `  bewaartermijn voorstel
                   stel per gemeente met een bewaartermijn een vernietigingslijst op (de functioneel
                   beheerder keurt die goed op de pagina Vernietigingslijsten)`;

/** `wederkerig bewaartermijn voorstel`: the monthly proposal, by hand. */
export async function runBewaartermijnCli(
  args: readonly string[],
  service: Pick<PrivacyService, 'stelVernietigingslijstenVoor'>,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  if (args[0] !== 'voorstel') {
    err(`Gebruik:\n${BEWAARTERMIJN_USAGE}`);
    return 1;
  }
  const uitkomst = await service.stelVernietigingslijstenVoor('cli:bewaartermijn-voorstel');
  if (uitkomst.length === 0) out('Geen gemeenten gevonden.');
  for (const u of uitkomst) {
    out(
      u.aantal === null
        ? `${u.gemeente}: geen bewaartermijn ingesteld, niets voorgesteld.`
        : `${u.gemeente}: vernietigingslijst met ${u.aantal} ${u.aantal === 1 ? 'dossier' : 'dossiers'} opgesteld.`,
    );
  }
  return 0;
}
