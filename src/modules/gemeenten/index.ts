/** Municipalities and their wijken: the public surface of this module. */
export { gemeentenApi } from './gemeenten.api.ts';
export { CreateGemeenteInput, Gemeente, GemeenteCode } from './gemeenten.schemas.ts';
export { createGemeentenService, type GemeentenService, type InTransactie } from './gemeenten.service.ts';
