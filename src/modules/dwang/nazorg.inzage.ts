import type { Tx } from '../../db/context.ts';
import { type InzageOnderdeel, inzageDatum, inzageKenmerk, inzageTekst } from '../../lib/inzage.ts';
import { dwangRepository as repo } from './dwang.repository.ts';
import { AFZIEN_NAMEN, type AfzienGrond, GEDRAGING_NAMEN, type Gedraging } from './maatregelen.ts';
import {
  HOOR_GROND_NAMEN,
  type HoorGrond,
  MAATREGEL_STATUS_NAMEN,
  type MaatregelStatus,
  ZIENSWIJZE_VORM_NAMEN,
  type ZienswijzeVorm,
} from './maatregelpad.ts';
import {
  NAZORG_STAND_NAMEN,
  RECHTSMIDDEL_SOORT_NAMEN,
  type RechtsmiddelSoort,
  type RechtsmiddelUitkomst,
  UITKOMST_NAMEN,
  WIJZIGING_AANLEIDING_NAMEN,
  WIJZIGING_UITKOMST_NAMEN,
  type WijzigingAanleiding,
  type WijzigingUitkomst,
} from './nazorg.ts';
import { naarNazorg } from './nazorg.service.ts';

const jaNee = (v: boolean | null): string | null => (v === null ? null : v ? 'Ja' : 'Nee');

/**
 * The AVG art. 15 export's parts about measures (issue 15): every intention and measure with its hearing,
 * culpability, decision and standing; every change after the decision; every objection and provisional ruling.
 * Read in the privacy module's transaction (its system context; the caller logs). Empty parts are left out.
 */
export async function maatregelInzage(tx: Tx, dienstId: string, klantId: string): Promise<InzageOnderdeel[]> {
  const rijen = await repo.listMaatregelenVanKlant(tx, dienstId, klantId);
  const wijzigingen = await repo.listWijzigingen(
    tx,
    dienstId,
    rijen.map((r) => r.id),
  );
  const rechtsmiddelen = await repo.listRechtsmiddelenVanKlant(tx, dienstId, klantId);
  const uit: InzageOnderdeel[] = [];
  if (rijen.length)
    uit.push({
      onderdeel: 'maatregelen',
      titel: 'Voornemens en maatregelen',
      uitleg:
        'Een maatregel verlaagt uw uitkering als u een opgelegde tegenprestatie niet nakomt. Hier staat elk voornemen, hoe u bent gehoord, de beoordeling en het besluit.',
      records: rijen.map((r) => {
        const n =
          r.status === 'besloten'
            ? naarNazorg(
                r,
                wijzigingen.filter((w) => w.maatregelId === r.id),
                [],
              )
            : null;
        return {
          Tegenprestatie: inzageKenmerk(r.tegenprestatieId),
          Maatregel: inzageKenmerk(r.id),
          Gedraging: GEDRAGING_NAMEN[r.gedraging as Gedraging] ?? r.gedraging,
          'Datum gedraging': inzageDatum(r.gedragDatum),
          'Wat er gebeurde': inzageTekst(r.gedragOmschrijving),
          Stand: MAATREGEL_STATUS_NAMEN[r.status as MaatregelStatus] ?? r.status,
          'Voornemen verstuurd': inzageDatum(r.verzondenOp),
          'Voornemen: percentage': r.percentage,
          'Voornemen: maanden': r.maanden,
          'Termijn zienswijze tot en met': inzageDatum(r.hoortermijnEinde),
          Zienswijze: r.zienswijzeVorm
            ? `${ZIENSWIJZE_VORM_NAMEN[r.zienswijzeVorm as ZienswijzeVorm] ?? r.zienswijzeVorm} op ${inzageDatum(r.zienswijzeDatum)}: ${r.zienswijzeInhoud ?? ''}`
            : null,
          'Ons antwoord': inzageTekst(r.zienswijzeAntwoord),
          'Niet gehoord omdat': r.hoorGrond
            ? `${HOOR_GROND_NAMEN[r.hoorGrond as HoorGrond] ?? r.hoorGrond}. ${r.hoorMotivering ?? ''}`
            : null,
          Verwijtbaar: jaNee(r.verwijtbaar),
          'Verwijtbaarheid: motivering': inzageTekst(r.verwijtbaarheidMotivering),
          'Dringende redenen': jaNee(r.dringendeRedenen),
          'Dringende redenen: motivering': inzageTekst(r.dringendeRedenenMotivering),
          Afgezien: r.afzienGrond
            ? `${AFZIEN_NAMEN[r.afzienGrond as AfzienGrond] ?? r.afzienGrond}: ${r.afzienMotivering ?? ''}`
            : null,
          'Besluit: datum': n ? n.besluitDatum : null,
          'Besluit: percentage': r.status === 'besloten' ? r.voorstelPercentage : null,
          'Besluit: vanaf': r.status === 'besloten' ? inzageDatum(r.voorstelIngangsdatum) : null,
          'Besluit: tot en met': n ? n.besloten.tot : null,
          'Besluit: motivering': r.status === 'besloten' ? inzageTekst(r.voorstelMotivering) : null,
          'Na wijzigingen': n ? NAZORG_STAND_NAMEN[n.stand] : null,
          'Heroverweging uiterlijk': n ? n.heroverwegingUiterlijk : null,
        };
      }),
    });
  const vastgesteld = wijzigingen.filter((w) => w.status !== 'ter-beoordeling');
  if (vastgesteld.length)
    uit.push({
      onderdeel: 'maatregel-wijzigingen',
      titel: 'Heroverwegingen en wijzigingen van een maatregel',
      records: vastgesteld.map((w) => ({
        Maatregel: inzageKenmerk(w.maatregelId),
        Aanleiding: WIJZIGING_AANLEIDING_NAMEN[w.aanleiding as WijzigingAanleiding] ?? w.aanleiding,
        Uitkomst: WIJZIGING_UITKOMST_NAMEN[w.uitkomst as WijzigingUitkomst] ?? w.uitkomst,
        Vanaf: inzageDatum(w.ingangsdatum),
        Percentage: w.percentage,
        'Tot en met': inzageDatum(w.einddatum),
        Motivering: inzageTekst(w.motivering),
        Vastgesteld: w.status === 'vastgesteld' ? inzageDatum(w.beoordeeldOp) : 'Nee (teruggestuurd)',
      })),
    });
  if (rechtsmiddelen.length)
    uit.push({
      onderdeel: 'bezwaren',
      titel: 'Bezwaar en voorlopige voorziening',
      records: rechtsmiddelen.map((r) => ({
        Tegenprestatie: inzageKenmerk(r.tegenprestatieId),
        Soort: RECHTSMIDDEL_SOORT_NAMEN[r.soort as RechtsmiddelSoort] ?? r.soort,
        Tegen:
          r.betreft === 'maatregel' && r.maatregelId
            ? `Maatregel ${inzageKenmerk(r.maatregelId)}`
            : 'Het besluit dat de tegenprestatie oplegt',
        'Datum besluit': inzageDatum(r.besluitDatum),
        Ontvangen: inzageDatum(r.ontvangenOp),
        Waartegen: inzageTekst(r.toelichting),
        Beslissing: r.uitkomst ? (UITKOMST_NAMEN[r.uitkomst as RechtsmiddelUitkomst] ?? r.uitkomst) : null,
        'Datum beslissing': inzageDatum(r.beslistOp),
        Toelichting: inzageTekst(r.beslissingToelichting),
      })),
    });
  return uit;
}
