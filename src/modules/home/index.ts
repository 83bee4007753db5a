/** The start page: login for anonymous visitors, a start page per role for signed-in users. */
export { DemoBanner, homeRoutes } from './home.routes.ts';
