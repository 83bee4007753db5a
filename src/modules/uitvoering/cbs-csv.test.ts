import { describe, expect, it } from 'vitest';
import { csvVeld } from '../../lib/csv.ts';
import { cbsCsv } from './uitvoering.service.ts';

const regel = (klantnummer: string | null, uren = 2.5) => ({
  klantnummer,
  klantId: '00000000-0000-4000-8000-000000000001',
  uitvoering: 'ja' as const,
  uren,
});

describe('cbsCsv: formula cells defused like the privacy export (the shared csvVeld)', () => {
  it.each([
    ['=HYPERLINK("http://x","klik")', `"'=HYPERLINK(""http://x"",""klik"")"`],
    ['+31612345678', "'+31612345678"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tK-1', "'\tK-1"],
    ['\rK-1', `"'\rK-1"`],
  ])('a klantnummer %j becomes %j', (klantnummer, veld) => {
    expect(cbsCsv('GM0001', '2026-10', [regel(klantnummer)])).toContain(
      `\r\nGM0001;2026-10;${veld};J;2.5\r\n`,
    );
    expect(csvVeld(klantnummer)).toBe(veld);
  });

  it('keeps an ordinary row as it was: header, CRLF, the hours as a number', () => {
    expect(cbsCsv('GM0001', '2026-10', [regel('K-0001', 0.25), regel(null, 0)])).toBe(
      'gemeentecode;maand;klantnummer;uitvoering_tegenprestatie;uren\r\n' +
        'GM0001;2026-10;K-0001;J;0.25\r\n' +
        'GM0001;2026-10;;J;0\r\n',
    );
  });
});
