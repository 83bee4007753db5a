import {
  Button,
  ErrorSummary,
  type FieldErrors,
  Form,
  Heading,
  Paragraph,
  SelectField,
  TextField,
} from '../../../web/components/index.tsx';
import { paths } from '../../../web/paths.ts';
import { BETROKKENE_SOORT_NAMEN, BETROKKENE_SOORTEN } from '../betrokkenen.ts';
import type { Betrokkene } from '../betrokkenen.service.ts';
import { formatDatumNl } from '../datum.ts';
import type { KlantDossier } from '../klanten.schemas.ts';
import { DossierFrame } from './dossier.tsx';
import type { Chrome } from './onderdelen.tsx';

/** The client's representatives and the partner of joint bijstand (issue 15, "who receives"). */
export function BetrokkenenPagina({
  chrome,
  klant,
  betrokkenen,
  formulier,
  waarden,
  fouten,
}: {
  chrome: Chrome;
  klant: KlantDossier;
  betrokkenen: Betrokkene[];
  formulier: string | null;
  waarden: Record<string, string>;
  fouten: FieldErrors;
}) {
  const w = (k: string) => (formulier === 'nieuw' ? (waarden[k] ?? '') : '');
  const f = (k: string) => (formulier === 'nieuw' ? fouten[k] : undefined);
  const actie = paths.klantVertegenwoordiging(klant.id);
  return (
    <DossierFrame chrome={chrome} klant={klant} tab="vertegenwoordiging">
      <ErrorSummary errors={fouten} />
      <Paragraph>
        Een bewindvoerder, mentor of curator krijgt een afschrift van het voornemen en het besluit van een
        maatregel. Ontvangt de klant samen met een partner bijstand (gezamenlijke bijstand, artikel 11 lid 4
        Participatiewet), dan gaat een maatregel op die bijstand ook over de partner en het gezin (artikel 18
        lid 12): de brieven noemen beiden.
      </Paragraph>
      {betrokkenen.length === 0 ? (
        <Paragraph>Er is geen vertegenwoordiger of partner vastgelegd.</Paragraph>
      ) : (
        betrokkenen.map((b) => (
          <div key={b.id}>
            <Heading level={3}>{`${BETROKKENE_SOORT_NAMEN[b.soort]}: ${b.naam}`}</Heading>
            <Paragraph>
              {`Vanaf ${formatDatumNl(b.vanaf)}${b.tot ? ` tot en met ${formatDatumNl(b.tot)}` : ''}${b.adres ? ` · ${b.adres}` : ''}`}
            </Paragraph>
            {b.tot ? null : (
              <Form action={`${actie}/${b.id}/einde`} csrfToken={chrome.csrfToken} id={`einde-${b.id}`}>
                <TextField
                  name="tot"
                  id={`tot-${b.id}`}
                  type="date"
                  label={`Laatste dag van ${b.naam}`}
                  value={formulier === `einde-${b.id}` ? (waarden.tot ?? '') : ''}
                  error={formulier === `einde-${b.id}` ? fouten[`tot-${b.id}`] : undefined}
                />
                <Button>Beëindigen</Button>
              </Form>
            )}
          </div>
        ))
      )}
      <Form action={actie} csrfToken={chrome.csrfToken} id="nieuw">
        <Heading level={3}>Vertegenwoordiger of partner vastleggen</Heading>
        <SelectField
          name="soort"
          label="Wie"
          value={w('soort')}
          options={[
            { value: '', label: '– Kies –' },
            ...BETROKKENE_SOORTEN.map((s) => ({ value: s, label: BETROKKENE_SOORT_NAMEN[s] })),
          ]}
          error={f('soort')}
        />
        <TextField name="naam" label="Naam" value={w('naam')} error={f('naam')} />
        <TextField
          name="adres"
          label="Postadres (verplicht voor een vertegenwoordiger)"
          value={w('adres')}
          error={f('adres')}
        />
        <TextField name="vanaf" type="date" label="Vanaf" value={w('vanaf')} error={f('vanaf')} />
        <TextField
          name="tot"
          type="date"
          label="Tot en met (leeg: geen einde)"
          value={w('tot')}
          error={f('tot')}
        />
        <Button>Vastleggen</Button>
      </Form>
    </DossierFrame>
  );
}
