import type { ReactNode } from 'react';
import type { Rol } from '../../../db/context.ts';
import { Heading, Link, ListItem, Paragraph, UnorderedList } from '../../../web/components/index.tsx';
import { Layout, type LayoutProps, type NavItem } from '../../../web/layout.tsx';

interface RolTekst {
  /** One sentence: what this role does in Wederkerig. */
  wat: string;
}

const ROLTEKST: Record<Rol, RolTekst> = {
  klantmanager: {
    wat: 'Als klantmanager voert u het gesprek met inwoners en ontwerpt u samen met hen een passende tegenprestatie. U ziet de inwoners van uw eigen caseload en van uw team.',
  },
  teamleider: {
    wat: 'Als teamleider houdt u overzicht over de klantmanagers en de caseload van uw teams.',
  },
  netwerkmakelaar: {
    wat: 'Als netwerkmakelaar onderhoudt u de contacten met organisaties die activiteiten aanbieden in uw gemeenten.',
  },
  'functioneel-beheerder': {
    wat: 'Als functioneel beheerder richt u Wederkerig in voor uw sociale dienst: gemeenten, teams, gebruikers, verordeningen, bewaartermijnen en de instellingen van de matching.',
  },
  'privacy-officer': {
    wat: 'Als privacy officer controleert u wie welke gegevens van inwoners heeft gebruikt, en waarvoor.',
  },
};

/** "Aardam, Bergdorp en Cdorp". */
const EN = new Intl.ListFormat('nl', { type: 'conjunction' });

/** The start page of a role without a work list (functioneel beheerder, privacy officer): what they can do here. */
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
      <Heading level={2}>Wat u hier doet</Heading>
      <UnorderedList>
        {nu.map((n) => (
          <ListItem key={n.href}>
            <Link href={n.href}>{n.label}</Link>
          </ListItem>
        ))}
      </UnorderedList>
    </Layout>
  );
}
