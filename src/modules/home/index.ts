/**
 * The start page: login for anonymous visitors, a work list per role for signed-in users (docs/werklijst.md).
 *
 * `createHomeService({ db, staf, netwerk })`: `werklijst(actor, vraag)` (klantmanager: own clients; teamleider: all
 * clients of their municipalities, per team and municipality) reads the view `werklijst_klant` (migration 0801) in
 * one transaction: one grouped count query and one limited page; `netwerkWerk(actor)` (netwerkmakelaar) reads the
 * network module. Pure: the phases, the query and the counts (werklijst.ts).
 */
export { DemoBanner, homeRoutes } from './home.routes.ts';
export { homePolicy } from './home.policy.ts';
export { createHomeService, type HomeService } from './home.service.ts';
