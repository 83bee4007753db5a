import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './2026_11_27_0001_fundament.ts';
import * as m0002 from './2026_11_27_0002_identiteit.ts';
import * as m0003 from './2026_11_27_0003_auth.ts';
import * as m0004 from './2026_11_27_0004_logboek.ts';
import * as m0005 from './2026_11_27_0005_klanten.ts';
import * as m0006 from './2026_11_27_0006_logboek_tussenstand.ts';
import * as m0007 from './2026_11_27_0007_netwerk.ts';
import * as m0008 from './2026_11_27_0008_klant_import.ts';
import * as m0009 from './2026_11_27_0009_privacy.ts';
import * as m0010 from './2026_11_27_0010_netwerk_import.ts';
import * as m0011 from './2026_11_27_0011_wachtwoord_herstel.ts';
import * as m0012 from './2026_11_27_0012_klant_netwerk.ts';
import * as m0013 from './2026_11_27_0013_klant_statistieken.ts';
import * as m0014 from './2026_11_27_0014_gesprekken.ts';
import * as m0015 from './2026_11_27_0015_tegenprestaties.ts';
import * as m0016 from './2026_11_27_0016_verordening.ts';
import * as m0017 from './2026_11_27_0017_matching.ts';
import * as m0018 from './2026_11_27_0018_cohort.ts';
import * as m0019 from './2026_11_27_0019_overeenkomsten.ts';
import * as m0020 from './2026_11_27_0020_uitvoering.ts';
import * as m0021 from './2026_11_27_0021_vernietiging.ts';
import * as m0022 from './2026_11_27_0022_matching_ervaring.ts';
import * as m0101 from './2026_12_07_0101_besluit_recht.ts';
import * as m0301 from './2026_12_07_0301_negen_a.ts';
import * as m0302 from './2026_12_07_0302_geen_beperkingen.ts';
import * as m0401 from './2026_12_07_0401_uren_wijziging.ts';
import * as m0402 from './2026_12_07_0402_signaal_uren_wijken_af.ts';
import * as m0501 from './2026_12_07_0501_matching_naar_vermogen.ts';
import * as m0511 from './2026_12_07_0511_signaal_herbeoordelen.ts';
import * as m0512 from './2026_12_07_0512_intervisie_plaatsing.ts';
import * as m0701 from './2026_12_07_0701_dwang_oplegging.ts';
import * as m0702 from './2026_12_07_0702_dwang_incidenten.ts';
import * as m0703 from './2026_12_07_0703_maatregelverordening.ts';
import * as m0801 from './2026_12_07_0801_werklijst.ts';
import * as m0951 from './2026_12_07_0951_maatregel.ts';
import * as m1001 from './2026_12_07_1001_maatregel_nazorg.ts';
import * as m1002 from './2026_12_07_1002_klant_betrokkene.ts';
import * as m1101 from './2026_12_07_1101_overeenkomst_versie.ts';
import * as m1102 from './2026_12_07_1102_besluit_intrekking.ts';
import * as m1201 from './2026_12_07_1201_systeem_rol.ts';
import * as m1202 from './2026_12_07_1202_netwerk_proefrun_taak.ts';

/**
 * The static list of migrations (a file provider fails under Vitest). Forward-only: add new files at the end,
 * never edit one that has landed.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_27_0001_fundament': m0001,
  '2026_11_27_0002_identiteit': m0002,
  '2026_11_27_0003_auth': m0003,
  '2026_11_27_0004_logboek': m0004,
  '2026_11_27_0005_klanten': m0005,
  '2026_11_27_0006_logboek_tussenstand': m0006,
  '2026_11_27_0007_netwerk': m0007,
  '2026_11_27_0008_klant_import': m0008,
  '2026_11_27_0009_privacy': m0009,
  '2026_11_27_0010_netwerk_import': m0010,
  '2026_11_27_0011_wachtwoord_herstel': m0011,
  '2026_11_27_0012_klant_netwerk': m0012,
  '2026_11_27_0013_klant_statistieken': m0013,
  '2026_11_27_0014_gesprekken': m0014,
  '2026_11_27_0015_tegenprestaties': m0015,
  '2026_11_27_0016_verordening': m0016,
  '2026_11_27_0017_matching': m0017,
  '2026_11_27_0018_cohort': m0018,
  '2026_11_27_0019_overeenkomsten': m0019,
  '2026_11_27_0020_uitvoering': m0020,
  '2026_11_27_0021_vernietiging': m0021,
  '2026_11_27_0022_matching_ervaring': m0022,
  '2026_12_07_0101_besluit_recht': m0101,
  '2026_12_07_0301_negen_a': m0301,
  '2026_12_07_0302_geen_beperkingen': m0302,
  '2026_12_07_0401_uren_wijziging': m0401,
  '2026_12_07_0402_signaal_uren_wijken_af': m0402,
  '2026_12_07_0501_matching_naar_vermogen': m0501,
  '2026_12_07_0511_signaal_herbeoordelen': m0511,
  '2026_12_07_0512_intervisie_plaatsing': m0512,
  '2026_12_07_0701_dwang_oplegging': m0701,
  '2026_12_07_0702_dwang_incidenten': m0702,
  '2026_12_07_0703_maatregelverordening': m0703,
  '2026_12_07_0801_werklijst': m0801,
  '2026_12_07_0951_maatregel': m0951,
  '2026_12_07_1001_maatregel_nazorg': m1001,
  '2026_12_07_1002_klant_betrokkene': m1002,
  '2026_12_07_1101_overeenkomst_versie': m1101,
  '2026_12_07_1102_besluit_intrekking': m1102,
  '2026_12_07_1201_systeem_rol': m1201,
  '2026_12_07_1202_netwerk_proefrun_taak': m1202,
};

export const migrationProvider: MigrationProvider = { getMigrations: async () => migrations };
