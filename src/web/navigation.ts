import type { Rol } from '../db/context.ts';
import type { NavItem } from './layout.tsx';
import { paths } from './paths.ts';

interface NavEntry {
  href: string;
  label: string;
  rollen: readonly Rol[] | 'iedereen';
}

/**
 * The main menu per role. Each module adds its pages here (with a typed path); the menu shows only what the
 * role may use.
 */
const ENTRIES: NavEntry[] = [
  { href: paths.home(), label: 'Start', rollen: 'iedereen' },
  { href: paths.klanten(), label: 'Klanten', rollen: ['klantmanager', 'teamleider'] },
  {
    href: paths.organisaties(),
    label: 'Organisaties',
    rollen: ['netwerkmakelaar', 'klantmanager', 'teamleider'],
  },
  {
    href: paths.activiteiten(),
    label: 'Activiteiten',
    rollen: ['netwerkmakelaar', 'klantmanager', 'teamleider'],
  },
  { href: paths.intervisies(), label: 'Intervisie', rollen: ['teamleider', 'netwerkmakelaar'] },
  { href: paths.cohorten(), label: 'Cohort verdelen', rollen: ['teamleider'] },
  { href: paths.tegenprestaties(), label: 'Mijn tegenprestaties', rollen: ['klantmanager'] },
  { href: paths.tegenprestaties(), label: 'Advies en opleggen', rollen: ['teamleider'] },
  {
    href: '/rapportages/cbs-tegenprestatie',
    label: 'CBS-indicator',
    rollen: ['teamleider', 'functioneel-beheerder'],
  },
  { href: paths.maatregelenTeamleider(), label: 'Maatregelen', rollen: ['teamleider'] },
  {
    href: paths.maatregelExport(),
    label: 'Maatregelexport',
    rollen: ['teamleider', 'functioneel-beheerder'],
  },
  { href: paths.netwerkImport(), label: 'Netwerk importeren', rollen: ['netwerkmakelaar'] },
  { href: paths.beheerGebruikers(), label: 'Gebruikers', rollen: ['functioneel-beheerder'] },
  { href: paths.beheerTeams(), label: 'Teams', rollen: ['functioneel-beheerder'] },
  { href: paths.beheerGemeenten(), label: 'Gemeenten', rollen: ['functioneel-beheerder'] },
  { href: paths.klantenImport(), label: 'Klanten importeren', rollen: ['functioneel-beheerder'] },
  { href: paths.verordeningen(), label: 'Verordeningen', rollen: ['functioneel-beheerder'] },
  { href: '/beheer/matching', label: 'Matching', rollen: ['functioneel-beheerder'] },
  { href: paths.verordeningOvergang(), label: 'Overgangslijst 2027', rollen: ['teamleider'] },
  {
    href: paths.verwerkingsactiviteiten(),
    label: 'Verwerkingsactiviteiten',
    rollen: ['functioneel-beheerder', 'privacy-officer'],
  },
  { href: paths.privacyVerwerkingen(), label: 'Verwerkingen inzien', rollen: ['privacy-officer'] },
  { href: paths.bewaartermijnen(), label: 'Bewaartermijnen', rollen: ['functioneel-beheerder'] },
  { href: paths.vernietigingslijsten(), label: 'Vernietigingslijsten', rollen: ['functioneel-beheerder'] },
  { href: paths.sessies(), label: 'Mijn sessies', rollen: 'iedereen' },
  { href: paths.apiTokens(), label: 'API-tokens', rollen: 'iedereen' },
  { href: paths.tweestapsverificatie(), label: 'Tweestapsverificatie', rollen: 'iedereen' },
];

export function navigationFor(rol: Rol, currentPath: string): NavItem[] {
  return ENTRIES.filter((e) => e.rollen === 'iedereen' || e.rollen.includes(rol)).map((e) => ({
    href: e.href,
    label: e.label,
    current: e.href === currentPath,
  }));
}
