import { Heading, ListItem, Paragraph, UnorderedList } from '../../../web/components/index.tsx';
import { Layout } from '../../../web/layout.tsx';

/** The public start page. */
export function HomePage({ banner }: { banner?: React.ReactNode }) {
  return (
    <Layout title="Start" banner={banner}>
      <Heading level={1}>Welkom bij Wederkerig</Heading>
      <Paragraph lead>
        De werkruimte waarin de sociale dienst samen met inwoners een passende tegenprestatie ontwerpt,
        afspreekt, volgt en evalueert. Vanaf 1 januari 2027 heet dit maatschappelijke participatie.
      </Paragraph>
      <Heading level={2}>Wat u hier doet</Heading>
      <UnorderedList>
        <ListItem>Het gesprek voeren over kracht, wensen en de eigen omgeving van de inwoner.</ListItem>
        <ListItem>Een activiteit naar vermogen ontwerpen, bij een organisatie die iets teruggeeft.</ListItem>
        <ListItem>Afspraken vastleggen, uren bijhouden en samen evalueren.</ListItem>
      </UnorderedList>
    </Layout>
  );
}
