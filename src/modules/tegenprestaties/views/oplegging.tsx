import {
  Button,
  type FieldErrors,
  Form,
  Gegevens,
  Heading,
  Paragraph,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../../web/components/index.tsx';
import { paths } from '../../../web/paths.ts';
import { formatDatumNl } from '../../klanten/index.ts';
import {
  ALTERNATIEF_NAMEN,
  ALTERNATIEF_SOORTEN,
  AWB_4_11_GRONDEN,
  AWB_4_11_NAMEN,
  REDEN_CATEGORIE_NAMEN,
  REDEN_CATEGORIEEN,
  ZIENSWIJZE_VORM_NAMEN,
  ZIENSWIJZE_VORMEN,
} from '../oplegging.ts';
import type { Oplegging } from '../tegenprestaties.schemas.ts';
import type { OntwerpBeeld } from '../tegenprestaties.service.ts';

/** What the oplegging forms sent, as typed (field name → value); errors are keyed `opl-<field>`. */
export type OpleggingWaarden = Record<string, string>;

/** How many reason rows the intention form offers (empty rows are ignored). */
export const REDEN_RIJEN = 3;
const REDEN_NUMMERS = Array.from({ length: REDEN_RIJEN }, (_, n) => n);

const opties = <T extends string>(waarden: readonly T[], namen: Record<T, string>, leeg: string) => [
  { value: '', label: leeg },
  ...waarden.map((w) => ({ value: w, label: namen[w] })),
];
const JA_NEE = [
  { value: 'nee', label: 'Nee: deze reden maakt het ontwerp niet ongeschikt' },
  { value: 'ja', label: 'Ja: een goede reden (het ontwerp moet anders)' },
];
const id = (veld: string) => `opl-${veld.replaceAll('.', '-')}`;

function RedenVelden({
  n,
  waarden,
  fouten,
  kop,
}: {
  n: number;
  waarden: OpleggingWaarden;
  fouten: FieldErrors;
  kop: string;
}) {
  const veld = (k: string) => `redenen.${n}.${k}`;
  return (
    <fieldset className="utrecht-form-fieldset wk-reden">
      <legend className="utrecht-form-fieldset__legend">{kop}</legend>
      <TextArea
        name={veld('tekst')}
        id={id(veld('tekst'))}
        label="Wat zegt de klant?"
        rows={2}
        value={waarden[veld('tekst')] ?? ''}
        error={fouten[`opl-${veld('tekst')}`]}
      />
      <SelectField
        name={veld('categorie')}
        id={id(veld('categorie'))}
        label="Soort reden"
        value={waarden[veld('categorie')] ?? ''}
        options={opties(REDEN_CATEGORIEEN, REDEN_CATEGORIE_NAMEN, '– Kies –')}
        error={fouten[`opl-${veld('categorie')}`]}
      />
      <RadioGroup
        name={veld('maaktOngeschikt')}
        idPrefix={id(veld('maaktOngeschikt'))}
        legend="Maakt deze reden het ontwerp ongeschikt?"
        options={JA_NEE}
        value={waarden[veld('maaktOngeschikt')] || 'nee'}
        error={fouten[`opl-${veld('maaktOngeschikt')}`]}
      />
      <TextArea
        name={veld('beoordeling')}
        id={id(veld('beoordeling'))}
        label="Uw beoordeling: waarom wel of niet?"
        rows={2}
        value={waarden[veld('beoordeling')] ?? ''}
        error={fouten[`opl-${veld('beoordeling')}`]}
      />
    </fieldset>
  );
}

/** What is recorded of a round: the reasons and their judgment, the view or the Awb ground, the approval. */
export function OpleggingGegevens({ o }: { o: Oplegging }) {
  return (
    <Gegevens
      items={[
        [
          'Stand',
          {
            voornemen: 'Voornemen: wacht op zienswijze en akkoord teamleider',
            akkoord: 'Akkoord teamleider: naar toetsing en besluit',
            teruggezet: 'Teruggezet naar ontwerp',
            vervallen: 'Vervallen (het ontwerp ging terug)',
          }[o.status],
        ],
        ['Voornemen', `${o.voornemen.doorNaam}, ${formatDatumNl(o.voornemen.op.slice(0, 10))}`],
        ...o.redenen.map(
          (r, n) =>
            [
              `Reden ${n + 1}${r.bron === 'zienswijze' ? ' (zienswijze)' : ''}`,
              `${r.tekst} — ${REDEN_CATEGORIE_NAMEN[r.categorie]}; ${r.maaktOngeschikt ? 'goede reden' : 'geen goede reden'}: ${r.beoordeling}`,
            ] as [string, string],
        ),
        [
          'Ook gedaan',
          `${ALTERNATIEF_NAMEN[o.alternatief.soort]}${o.alternatief.toelichting ? `: ${o.alternatief.toelichting}` : ''}`,
        ],
        ...(o.zienswijze
          ? ([
              [
                'Zienswijze',
                `${ZIENSWIJZE_VORM_NAMEN[o.zienswijze.vorm]}, ${formatDatumNl(o.zienswijze.datum)}: ${o.zienswijze.inhoud}`,
              ],
              ['Antwoord in het besluit', o.zienswijze.beantwoording],
            ] as Array<[string, string]>)
          : []),
        ...(o.awb411
          ? ([['Niet gehoord', `${AWB_4_11_NAMEN[o.awb411.grond]}. ${o.awb411.motivering}`]] as Array<
              [string, string]
            >)
          : []),
        ...(o.beoordeling
          ? ([
              [
                'Beoordeling teamleider',
                `${o.beoordeling.doorNaam}, ${formatDatumNl(o.beoordeling.op.slice(0, 10))}${o.beoordeling.toelichting ? `: ${o.beoordeling.toelichting}` : ''}`,
              ],
            ] as Array<[string, string]>)
          : []),
      ]}
    />
  );
}

/**
 * Imposing a tailored design the client does not want (issue 15): the intention (in `ontwerp`, only where the
 * municipality imposes and the design is tailored), the client's view or the Awb 4:11 ground (in `opleggen`), and
 * the team lead's approval (a second person). Works without JavaScript: POST + CSRF, 422 keeps what was typed.
 */
export function OpleggingBlok({
  beeld,
  csrfToken,
  fouten,
  waarden,
  isTeamleider,
}: {
  beeld: OntwerpBeeld;
  csrfToken: string;
  fouten: FieldErrors;
  waarden: OpleggingWaarden;
  isTeamleider: boolean;
}) {
  const t = beeld.tegenprestatie;
  const o = beeld.oplegging;
  const toonVoornemen = t.status === 'ontwerp' && beeld.gemeenteLegtOp && beeld.checklist.magOpleggen;
  if (!toonVoornemen && t.status !== 'opleggen' && !o) return null;
  const w = (k: string) => waarden[k] ?? '';
  return (
    <section aria-labelledby="opleggen-kop">
      <Heading level={2} id="opleggen-kop">
        Opleggen: de klant wil dit ontwerp niet
      </Heading>
      <Paragraph>
        Weigeren mee te werken aan het ontwerp is nog geen overtreding: de klant is pas gebonden aan een
        tegenprestatie die het college bij besluit heeft opgelegd (artikel 9 lid 1 onder c Participatiewet).
        Voor de klant betekent &quot;overtuigd&quot; hier: gehoord, en beantwoord in de motivering van het
        besluit.
      </Paragraph>
      {o ? <OpleggingGegevens o={o} /> : null}
      {toonVoornemen ? (
        <Form action={paths.tegenprestatieOplegging(t.id)} csrfToken={csrfToken}>
          <Heading level={3}>Voornemen tot opleggen vastleggen</Heading>
          <input type="hidden" name="versie" value={String(t.versie)} />
          <Paragraph>
            Leg elke reden vast die de klant geeft, en waarom die het ontwerp wel of niet ongeschikt maakt.
            Een goede reden (gezondheid, zorgtaken, het belemmert werk) betekent: het ontwerp moet anders.
          </Paragraph>
          {REDEN_NUMMERS.map((n) => (
            <RedenVelden
              key={`reden-${n}`}
              n={n}
              waarden={waarden}
              fouten={fouten}
              kop={n === 0 ? 'Reden 1' : `Reden ${n + 1} (als die er is)`}
            />
          ))}
          <RadioGroup
            name="alternatief.soort"
            idPrefix={id('alternatief.soort')}
            legend="Wat heeft u gedaan voordat u oplegt?"
            options={ALTERNATIEF_SOORTEN.map((s) => ({ value: s, label: ALTERNATIEF_NAMEN[s] }))}
            value={w('alternatief.soort') || undefined}
            error={fouten['opl-alternatief.soort']}
          />
          <TextArea
            name="alternatief.toelichting"
            id={id('alternatief.toelichting')}
            label="Toelichting (welke andere tegenprestatie, en wat vond de klant ervan?)"
            rows={2}
            value={w('alternatief.toelichting')}
            error={fouten['opl-alternatief.toelichting']}
          />
          <Button appearance="secondary">Voornemen tot opleggen vastleggen</Button>
        </Form>
      ) : null}
      {t.status === 'opleggen' && o?.status === 'voornemen' ? (
        <>
          <Form action={paths.tegenprestatieZienswijze(t.id)} csrfToken={csrfToken}>
            <Heading level={3}>Zienswijze van de klant op het voornemen</Heading>
            <RadioGroup
              name="soort"
              idPrefix={id('soort')}
              legend="Is de klant gehoord?"
              options={[
                { value: 'zienswijze', label: 'Ja: de zienswijze is gegeven' },
                { value: 'awb-4-11', label: 'Nee: een grond uit artikel 4:11 Awb' },
              ]}
              value={w('soort') || 'zienswijze'}
              error={fouten['opl-soort']}
            />
            <SelectField
              name="vorm"
              id={id('vorm')}
              label="Hoe gaf de klant zijn zienswijze?"
              value={w('vorm')}
              options={opties(ZIENSWIJZE_VORMEN, ZIENSWIJZE_VORM_NAMEN, '– Kies –')}
              error={fouten['opl-vorm']}
            />
            <TextField
              name="datum"
              id={id('datum')}
              type="date"
              label="Datum van de zienswijze"
              value={w('datum')}
              error={fouten['opl-datum']}
            />
            <TextArea
              name="inhoud"
              id={id('inhoud')}
              label="Wat bracht de klant naar voren?"
              rows={3}
              value={w('inhoud')}
              error={fouten['opl-inhoud']}
            />
            <TextArea
              name="beantwoording"
              id={id('beantwoording')}
              label="Het antwoord op de zienswijze (komt in de motivering van het besluit)"
              rows={3}
              value={w('beantwoording')}
              error={fouten['opl-beantwoording']}
            />
            <RedenVelden
              n={0}
              waarden={waarden}
              fouten={fouten}
              kop="Een nieuwe reden in de zienswijze (als die er is)"
            />
            <SelectField
              name="grond"
              id={id('grond')}
              label="Grond uit artikel 4:11 Awb (alleen als de klant niet is gehoord)"
              value={w('grond')}
              options={opties(AWB_4_11_GRONDEN, AWB_4_11_NAMEN, '– Kies –')}
              error={fouten['opl-grond']}
            />
            <TextArea
              name="motivering"
              id={id('motivering')}
              label="Motivering van de grond"
              rows={2}
              value={w('motivering')}
              error={fouten['opl-motivering']}
            />
            <Button appearance="secondary">Zienswijze vastleggen</Button>
          </Form>
          {isTeamleider ? (
            <Form action={paths.tegenprestatieOpleggingBeoordeling(t.id)} csrfToken={csrfToken}>
              <Heading level={3}>Beoordeling door de teamleider</Heading>
              <Paragraph>
                Een tweede persoon beoordeelt het voornemen: niet wie het voornemen of de zienswijze
                vastlegde.
              </Paragraph>
              <RadioGroup
                name="akkoord"
                idPrefix={id('akkoord')}
                legend="Uw beoordeling"
                options={[
                  { value: 'ja', label: 'Akkoord: naar toetsing en besluit' },
                  { value: 'nee', label: 'Terug naar ontwerp' },
                ]}
                value={w('akkoord') || undefined}
                error={fouten['opl-akkoord']}
              />
              <TextArea
                name="toelichting"
                id={id('toelichting')}
                label="Toelichting (verplicht bij terug naar ontwerp)"
                rows={2}
                value={w('toelichting')}
                error={fouten['opl-toelichting']}
              />
              <Button appearance="secondary">Beoordeling vastleggen</Button>
            </Form>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
