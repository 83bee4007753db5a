/** The start page. */
export { homeRoutes } from './home.routes.ts';
