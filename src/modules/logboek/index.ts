/**
 * The access log (logboek) and the register of processing activities: the public surface of this module.
 *
 * Every module records processing with `record(tx, entry)` (also as `logboek.record`), inside the transaction
 * of the change or read it is about. See docs/logboek.md.
 */
import { record, recordMany } from './logboek.record.ts';

export {
  type Bevinding,
  type BevindingSoort,
  LOGBOEK_ACTIES,
  type LogboekActie,
} from './keten.ts';
export { LOGBOEK_USAGE, logboekCommand } from './logboek.cli.ts';
export { logboekPolicy } from './logboek.policy.ts';
export { type LogboekEntry, record, recordMany, type Vastgelegd } from './logboek.record.ts';
export { logboekRoutes } from './logboek.routes.ts';
export {
  CreateVerwerkingsactiviteitInput,
  UpdateVerwerkingsactiviteitInput,
  type Verwerking,
  type Verwerkingen,
  VerwerkingenVraag,
  type Verwerkingsactiviteit,
} from './logboek.schemas.ts';
export { createLogboekService, type LogboekService } from './logboek.service.ts';
export {
  formatOnderhoud,
  type OnderhoudOpties,
  type OnderhoudVerslag,
  VOORUIT_MAANDEN,
  voerOnderhoudUit,
  zetBewaartermijn,
} from './onderhoud.ts';
export { STANDAARD_REGISTER, VA } from './standaard-register.ts';
export { huidigeTraceId, metTrace, registerTrace } from './trace.ts';
export { formatVerificatie, type Verificatie, verifieerLogboek } from './verificatie.ts';

/** `logboek.record(tx, entry)` (and `recordMany` for batches): the one way to write to the access log. */
export const logboek = { record, recordMany } as const;
