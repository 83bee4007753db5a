import { sql } from 'kysely';
import { z } from 'zod';
import { setContext, type Tx } from '../../db/context.ts';
import type { Database } from '../../db/database.ts';
import {
  type Bevinding,
  gelijk,
  KetenControle,
  type KetenKopMetSleutel,
  maakAnkerZegel,
  maakTussenstandZegel,
  maakVerwijderZegel,
  maakZegel,
  maandLabel,
  magVerwijderd,
  sleutelId,
} from './keten.ts';
import { type PartitieRij, beheerRepository as repo } from './logboek.repository.ts';

/** How many entries are read at a time per chain. */
const VENSTER = 5000;
/** A closed partition must be sealed within this time (the job runs nightly). */
const VERZEGEL_UITERLIJK_MS = 48 * 3600 * 1000;

/** The session-level advisory lock that serialises maintenance and verification across instances. */
export const ONDERHOUD_SLOT = sql`hashtext('wederkerig:logboek-onderhoud')`;

const sleutelVan = (dienstId: string, gemeenteId: string | null) => `${dienstId}|${gemeenteId ?? ''}`;

/**
 * Checks every chain of one partition against its heads: changed, inserted, deleted and truncated entries.
 * Reads through the parent table in windows of sequence numbers.
 */
export async function controleerPartitie(
  tx: Tx,
  p: Pick<PartitieRij, 'van' | 'tot'>,
  koppen: readonly KetenKopMetSleutel[],
  ijkpunten: readonly KetenKopMetSleutel[] = [],
): Promise<{ bevindingen: Bevinding[]; regels: number; ketens: number }> {
  const ketens = await repo.ketens(tx, p.van, p.tot);
  const kopPer = new Map(koppen.map((k) => [sleutelVan(k.dienstId, k.gemeenteId), k]));
  const ijkpuntPer = new Map(ijkpunten.map((k) => [sleutelVan(k.dienstId, k.gemeenteId), k]));
  const overzichtPer = new Map(ketens.map((k) => [sleutelVan(k.dienstId, k.gemeenteId), k]));
  const alle = new Map<string, { dienstId: string; gemeenteId: string | null }>();
  for (const k of [...koppen, ...ketens, ...ijkpunten]) alle.set(sleutelVan(k.dienstId, k.gemeenteId), k);

  const bevindingen: Bevinding[] = [];
  let regels = 0;
  for (const [sleutel, keten] of [...alle.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const controle = new KetenControle({ partitie: p.van, ...keten }, ijkpuntPer.get(sleutel));
    const overzicht = overzichtPer.get(sleutel);
    if (overzicht) {
      for (let vanaf = overzicht.min; vanaf <= overzicht.max; vanaf += VENSTER) {
        for (const r of await repo.regels(tx, p.van, p.tot, keten, vanaf, vanaf + VENSTER))
          controle.voegToe(r);
      }
      regels += overzicht.aantal;
    }
    bevindingen.push(...controle.sluitAf(kopPer.get(sleutel)));
  }
  return { bevindingen, regels, ketens: alle.size };
}

const Tupels = z.array(z.tuple([z.string(), z.string().nullable(), z.number().int().min(0), z.string()]));

export interface Tussenstand {
  gemaaktOp: Date;
  koppen: KetenKopMetSleutel[];
  /** The signature matches this key and content. */
  geldig: boolean;
  sleutelId: string;
}

/** The checkpoint (tussenstand) of an open month, with its signature checked. */
export async function leesTussenstand(tx: Tx, van: Date, sleutel: string): Promise<Tussenstand | undefined> {
  const rij = await repo.tussenstand(tx, van);
  if (!rij) return undefined;
  const parsed = Tupels.safeParse(rij.koppen);
  const koppen = parsed.success
    ? parsed.data.map(([dienstId, gemeenteId, volgnummer, hash]) => ({
        dienstId,
        gemeenteId,
        volgnummer,
        hash,
      }))
    : [];
  const geldig =
    parsed.success &&
    gelijk(maakTussenstandZegel(sleutel, { van, gemaaktOp: rij.gemaaktOp, koppen }), rij.zegel);
  return { gemaaktOp: rij.gemaaktOp, koppen, geldig, sleutelId: rij.sleutelId };
}

export type PartitieStatus = 'verwijderd' | 'verzegeld' | 'open' | 'toekomst';

export interface Verificatie {
  ok: boolean;
  bevindingen: Bevinding[];
  partities: Array<{
    maand: string;
    status: PartitieStatus;
    regels: number;
    ketens: number;
    /** For a dropped month: when, and under which retention. */
    toelichting?: string;
  }>;
  regels: number;
  nu: Date;
}

export interface VerifieerOpties {
  /** The signing key (64 hex characters). */
  sleutel: string;
  /** The moment to verify at (tests simulate time); default: the database's clock. */
  nu?: Date;
}

/**
 * Verifies the whole access log: the anchor, the unbroken series of partitions (dropped ones only with a valid
 * tombstone after their retention), every seal, and every chain of every remaining partition. Runs as the OWNER
 * role in an explicit system context, in one REPEATABLE READ snapshot, while holding the maintenance lock.
 */
export async function verifieerLogboek(owner: Database, opts: VerifieerOpties): Promise<Verificatie> {
  return owner.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${ONDERHOUD_SLOT})`.execute(conn);
    try {
      return await conn
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (tx) => {
          await sql`SET TRANSACTION READ ONLY`.execute(tx);
          await setContext(tx, { kind: 'systeem', reden: 'cli:logboek-verify' });
          return verifieerInTransactie(tx, opts);
        });
    } finally {
      await sql`SELECT pg_advisory_unlock(${ONDERHOUD_SLOT})`.execute(conn);
    }
  });
}

/** The verification inside an open transaction (system context set by the caller). */
export async function verifieerInTransactie(tx: Tx, opts: VerifieerOpties): Promise<Verificatie> {
  const nu = opts.nu ?? (await repo.nu(tx));
  const key = opts.sleutel;
  const bevindingen: Bevinding[] = [];
  const meld = (b: Bevinding) => bevindingen.push(b);

  const inst = await repo.instelling(tx);
  let anker: Date | undefined;
  if (!inst.eerstePartitie || !inst.ankerZegel) {
    meld({
      soort: 'zegel',
      melding: 'Het anker van het logboek ontbreekt. Draai eerst `wederkerig logboek onderhoud`.',
    });
  } else if (!gelijk(maakAnkerZegel(key, inst.eerstePartitie), inst.ankerZegel)) {
    meld({
      soort: 'zegel',
      melding:
        inst.sleutelId && inst.sleutelId !== sleutelId(key)
          ? `Het anker is gemaakt met een andere sleutel (${inst.sleutelId}) dan LOGBOEK_SIGNING_KEY (${sleutelId(key)}).`
          : 'Het anker van het logboek is ongeldig: het begin van het logboek is gewijzigd.',
    });
  } else {
    anker = inst.eerstePartitie;
  }

  const partities = await repo.partities(tx);
  const eerste = partities[0];
  if (!eerste) meld({ soort: 'partitie', melding: 'Er zijn geen partities van het logboek.' });
  if (eerste && anker && eerste.van.getTime() !== anker.getTime()) {
    meld({
      soort: 'partitie',
      partitie: maandLabel(eerste.van),
      melding: `Het logboek begint bij ${maandLabel(anker)}, maar de oudste partitie is ${maandLabel(eerste.van)}: partities zijn weggehaald.`,
    });
  }
  partities.forEach((p, i) => {
    const vorige = partities[i - 1];
    if (vorige && vorige.tot.getTime() !== p.van.getTime()) {
      meld({
        soort: 'partitie',
        partitie: maandLabel(p.van),
        melding: `Tussen ${maandLabel(vorige.van)} en ${maandLabel(p.van)} ontbreken partities.`,
      });
    }
  });
  if (!partities.some((p) => p.van <= nu && nu < p.tot && !p.verwijderdOp)) {
    meld({
      soort: 'partitie',
      melding: `Er is geen partitie voor ${maandLabel(nu)}: het logboek is afgekapt.`,
    });
  }

  const aangehangen = new Set(await repo.aangehangen(tx));
  const bekend = new Set(partities.map((p) => p.naam));
  for (const naam of aangehangen) {
    if (!bekend.has(naam))
      meld({ soort: 'partitie', melding: `Partitie ${naam} hoort niet bij het logboek (onbekend).` });
  }

  const overzicht: Verificatie['partities'] = [];
  let totaal = 0;
  let vorigeZegel: string | null = null;
  let bewaardGezien = false;
  for (const [i, p] of partities.entries()) {
    const maand = maandLabel(p.van);
    if (p.verwijderdOp) {
      if (bewaardGezien) {
        meld({
          soort: 'partitie',
          partitie: maand,
          melding: `Partitie ${maand} is verwijderd, maar oudere niet.`,
        });
      }
      const geldig =
        p.zegel !== null &&
        p.bewaartermijnMaanden !== null &&
        gelijk(
          maakVerwijderZegel(key, {
            van: p.van,
            tot: p.tot,
            zegel: p.zegel,
            verwijderdOp: p.verwijderdOp,
            bewaartermijnMaanden: p.bewaartermijnMaanden,
          }),
          p.verwijderZegel,
        );
      if (!geldig) {
        meld({
          soort: 'zegel',
          partitie: maand,
          melding: `Partitie ${maand} is verwijderd zonder geldige verwijderverklaring van het onderhoud.`,
        });
      } else if (
        !magVerwijderd(p.tot, p.verwijderdOp, p.bewaartermijnMaanden!) ||
        p.verwijderdOp.getTime() > nu.getTime()
      ) {
        meld({
          soort: 'partitie',
          partitie: maand,
          melding: `Partitie ${maand} is verwijderd voordat de bewaartermijn voorbij was.`,
        });
      }
      if (aangehangen.has(p.naam)) {
        meld({
          soort: 'partitie',
          partitie: maand,
          melding: `Partitie ${maand} staat als verwijderd, maar bestaat nog.`,
        });
      }
      overzicht.push({
        maand,
        status: 'verwijderd',
        regels: p.aantalRegels ?? 0,
        ketens: 0,
        toelichting: `verwijderd op ${p.verwijderdOp.toISOString().slice(0, 10)}, bewaartermijn ${p.bewaartermijnMaanden ?? '?'} maanden`,
      });
      vorigeZegel = p.zegel;
      continue;
    }
    bewaardGezien = true;
    if (!aangehangen.has(p.naam)) {
      meld({ soort: 'partitie', partitie: maand, melding: `Partitie ${maand} (${p.naam}) ontbreekt.` });
      overzicht.push({ maand, status: 'open', regels: 0, ketens: 0 });
      vorigeZegel = p.zegel;
      continue;
    }
    const koppen = await repo.koppen(tx, p.van);
    let status: PartitieStatus = p.van > nu ? 'toekomst' : 'open';
    if (p.zegel) {
      status = 'verzegeld';
      const isEerste = anker ? p.van.getTime() === anker.getTime() : i === 0;
      const verwacht = maakZegel(key, {
        van: p.van,
        tot: p.tot,
        vorigeZegel: isEerste ? null : vorigeZegel,
        koppen,
      });
      if (!gelijk(verwacht, p.zegel)) {
        meld({
          soort: 'zegel',
          partitie: maand,
          melding:
            p.sleutelId && p.sleutelId !== sleutelId(key)
              ? `Het zegel van ${maand} is gemaakt met een andere sleutel (${p.sleutelId}).`
              : `Het zegel van ${maand} klopt niet: ketenkoppen, ketens of de reeks partities zijn gewijzigd.`,
        });
      }
    } else if (p.tot.getTime() + VERZEGEL_UITERLIJK_MS <= nu.getTime()) {
      meld({
        soort: 'niet-verzegeld',
        partitie: maand,
        melding: `Partitie ${maand} is afgesloten maar niet verzegeld. Draai \`wederkerig logboek onderhoud\`.`,
      });
    }
    let ijkpunten: KetenKopMetSleutel[] = [];
    if (!p.zegel && p.van <= nu) {
      const t = await leesTussenstand(tx, p.van, key);
      if (t && !t.geldig) {
        meld({
          soort: 'zegel',
          partitie: maand,
          melding:
            t.sleutelId !== sleutelId(key)
              ? `De tussenstand van ${maand} is gemaakt met een andere sleutel (${t.sleutelId}).`
              : `De ondertekende tussenstand van ${maand} is gewijzigd.`,
        });
      }
      if (t?.geldig) ijkpunten = t.koppen;
      const recent = t?.geldig === true && t.gemaaktOp.getTime() + VERZEGEL_UITERLIJK_MS > nu.getTime();
      if (!recent && p.van.getTime() + VERZEGEL_UITERLIJK_MS <= nu.getTime()) {
        meld({
          soort: 'niet-verzegeld',
          partitie: maand,
          melding: `Van ${maand} is er geen ondertekende tussenstand van de laatste 48 uur. Draai \`wederkerig logboek onderhoud\`.`,
        });
      }
    }
    const c = await controleerPartitie(tx, p, koppen, ijkpunten);
    bevindingen.push(...c.bevindingen);
    totaal += c.regels;
    overzicht.push({ maand, status, regels: c.regels, ketens: c.ketens });
    vorigeZegel = p.zegel;
  }

  return { ok: bevindingen.length === 0, bevindingen, partities: overzicht, regels: totaal, nu };
}

/** The summary `wederkerig logboek verify` prints (Dutch, with an English line for operators). */
export function formatVerificatie(v: Verificatie): string[] {
  const tel = (s: PartitieStatus) => v.partities.filter((p) => p.status === s).length;
  const lines = [
    `Logboek gecontroleerd op ${v.nu.toISOString()}: ${v.regels} regels in ${v.partities.length - tel('verwijderd')} partities ` +
      `(${tel('verzegeld')} verzegeld, ${tel('open')} open, ${tel('toekomst')} vooruit aangemaakt, ${tel('verwijderd')} verwijderd na de bewaartermijn).`,
  ];
  for (const p of v.partities) {
    lines.push(
      `  ${p.maand}  ${p.status.padEnd(10)} ${String(p.regels).padStart(8)} regels  ${p.ketens} ketens${p.toelichting ? `  (${p.toelichting})` : ''}`,
    );
  }
  if (v.ok) {
    lines.push('Resultaat: in orde. Geen wijzigingen, invoegingen, verwijderingen of afkappingen gevonden.');
    lines.push('Result: OK - the access log verifies.');
  } else {
    lines.push(`Resultaat: NIET in orde. ${v.bevindingen.length} bevinding(en):`);
    for (const b of v.bevindingen) {
      lines.push(
        `  [${b.soort}]${b.partitie ? ` ${b.partitie}` : ''}${b.keten ? ` ${b.keten}` : ''}: ${b.melding}`,
      );
    }
    lines.push(
      `Result: FAILED - ${v.bevindingen.length} finding(s); the access log has been tampered with or is incomplete.`,
    );
  }
  return lines;
}
