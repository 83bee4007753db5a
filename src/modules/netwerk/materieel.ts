/**
 * What counts as a *material* change: one after which an earlier displacement assessment no longer describes the
 * situation (domain research §3.2: re-check when the host or the activity changes). Pure, no I/O.
 */

export interface OrganisatieKern {
  type: string;
  kvkNummer: string | null;
}

export interface ActiviteitKern {
  organisatieId: string | null;
  omschrijving: string;
  taken: string | null;
  categorie: string;
  urenMin: number;
  urenMax: number;
  plaatsen: number;
}

/** The host changed materially: another kind of organisation or another legal entity. */
export function organisatieMaterieelGewijzigd(oud: OrganisatieKern, nieuw: OrganisatieKern): boolean {
  return oud.type !== nieuw.type || (oud.kvkNummer ?? '') !== (nieuw.kvkNummer ?? '');
}

const zelfdeTekst = (a: string | null, b: string | null) =>
  (a ?? '').replace(/\s+/g, ' ').trim() === (b ?? '').replace(/\s+/g, ' ').trim();

/**
 * The activity changed materially: another host, other work (description, tasks, category), more hours, or more
 * places (more participants doing the same work). Fewer hours or places, a new title, dates, status, location or
 * day parts are not material.
 */
export function activiteitMaterieelGewijzigd(oud: ActiviteitKern, nieuw: ActiviteitKern): boolean {
  return (
    oud.organisatieId !== nieuw.organisatieId ||
    !zelfdeTekst(oud.omschrijving, nieuw.omschrijving) ||
    !zelfdeTekst(oud.taken, nieuw.taken) ||
    oud.categorie !== nieuw.categorie ||
    nieuw.urenMax > oud.urenMax ||
    nieuw.urenMin > oud.urenMin ||
    nieuw.plaatsen > oud.plaatsen
  );
}
