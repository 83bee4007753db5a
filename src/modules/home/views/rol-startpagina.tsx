import type { ReactNode } from 'react';
import type { Rol } from '../../../db/context.ts';
import { Heading, Link, ListItem, Paragraph, UnorderedList } from '../../../web/components/index.tsx';
import { Layout, type LayoutProps, type NavItem } from '../../../web/layout.tsx';

interface RolTekst {
  /** One sentence: what this role does in Wederkerig. */
  wat: string;
  /** What comes for this role in later versions (honest: not there yet). */
  komt: readonly string[];
}

const ROLTEKST: Record<Rol, RolTekst> = {
  klantmanager: {
    wat: 'Als klantmanager voert u het gesprek met inwoners en ontwerpt u samen met hen een passende tegenprestatie. U ziet de inwoners van uw eigen caseload en van uw team.',
    komt: [
      'Gesprekken vastleggen: kracht, wensen en de eigen omgeving van de inwoner.',
      'Een activiteit naar vermogen zoeken en afspraken vastleggen.',
      'Uren bijhouden en samen evalueren.',
    ],
  },
  teamleider: {
    wat: 'Als teamleider houdt u overzicht over de klantmanagers en de caseload van uw teams.',
    komt: [
      'Overzicht van de caseload per klantmanager en per team.',
      'Signalen over afspraken die vastlopen of bijna aflopen.',
      'Rapportages over tegenprestaties in uw gemeenten.',
    ],
  },
  netwerkmakelaar: {
    wat: 'Als netwerkmakelaar onderhoudt u de contacten met organisaties die activiteiten aanbieden in uw gemeenten.',
    komt: [
      'Kandidaten voor een activiteit: welke inwoners er goed bij passen.',
      'Overzicht van hoeveel inwoners waar meedoen.',
    ],
  },
  'functioneel-beheerder': {
    wat: 'Als functioneel beheerder richt u Wederkerig in voor uw sociale dienst: gemeenten, teams en gebruikers.',
    komt: [
      'De verordeningen van de gemeenten, zodat Wederkerig de regels kan toetsen.',
      'Instellingen voor signalen.',
    ],
  },
  'privacy-officer': {
    wat: 'Als privacy officer controleert u wie welke gegevens van inwoners heeft gebruikt, en waarvoor.',
    komt: ['Een overzicht van alle verwerkingen per medewerker, over alle inwoners heen.'],
  },
};

/** "Aardam, Bergdorp en Cdorp". */
const EN = new Intl.ListFormat('nl', { type: 'conjunction' });

/** The start page of a signed-in user: what this role finds here now, and what is still to come. */
export function RolStartpagina({
  naam,
  rol,
  rolNaam,
  gemeenten,
  chrome,
  banner,
}: {
  naam: string;
  rol: Rol;
  rolNaam: string;
  gemeenten: readonly string[];
  chrome: { account: LayoutProps['account']; nav: NavItem[] };
  banner?: ReactNode;
}) {
  const tekst = ROLTEKST[rol];
  const nu = chrome.nav.filter((n) => !n.current);
  return (
    <Layout title={`Start – ${rolNaam}`} account={chrome.account} nav={chrome.nav} banner={banner}>
      <Heading level={1}>Welkom, {naam}</Heading>
      <Paragraph lead>{tekst.wat}</Paragraph>
      <Paragraph>
        {gemeenten.length === 0
          ? 'U bent nog niet aan een gemeente gekoppeld. Vraag uw functioneel beheerder om u aan een team of gemeente toe te voegen.'
          : `U werkt voor ${gemeenten.length === 1 ? 'de gemeente' : 'de gemeenten'} ${EN.format(gemeenten)}.`}
      </Paragraph>
      <Heading level={2}>Wat u nu al kunt doen</Heading>
      <UnorderedList>
        {nu.map((n) => (
          <ListItem key={n.href}>
            <Link href={n.href}>{n.label}</Link>
          </ListItem>
        ))}
      </UnorderedList>
      <Heading level={2}>Wat er nog komt</Heading>
      <Paragraph>Wederkerig wordt stap voor stap gebouwd. Voor u komen hier nog bij:</Paragraph>
      <UnorderedList>
        {tekst.komt.map((k) => (
          <ListItem key={k}>{k}</ListItem>
        ))}
      </UnorderedList>
    </Layout>
  );
}
