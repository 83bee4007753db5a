import type { Actor } from '../auth/index.ts';
import type { DwangService } from './dwang.service.ts';
import { DEMO_MAATREGELVERORDENING_AARDAM } from './maatregelen.ts';

/**
 * The demo's measures ordinance: Aardam (which imposes the tegenprestatie) gets its ordinance — category 2, not
 * (enough) doing the imposed tegenprestatie: 30 % for one month, range 5–100 %, a repeat within 12 months steps up.
 * Bergdorp only offers and has none. Idempotent: a municipality that has a version is left alone.
 */
export async function laadDemoMaatregelverordeningen(
  dwang: Pick<DwangService, 'listMaatregelverordeningen' | 'legMaatregelverordeningVast'>,
  actor: Actor,
  gemeenten: Readonly<Record<string, string>>,
): Promise<number> {
  const aardam = gemeenten.Aardam;
  if (!aardam) return 0;
  if ((await dwang.listMaatregelverordeningen(actor, aardam)).length > 0) return 0;
  const { grondslag: _grondslag, ...versie } = DEMO_MAATREGELVERORDENING_AARDAM;
  await dwang.legMaatregelverordeningVast(actor, aardam, { ...versie, grondslag: 'bijstandsnorm' });
  return 1;
}
