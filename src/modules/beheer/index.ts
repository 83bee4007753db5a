/** Administration of the organisation model (municipalities, teams, users): the public surface of this module. */
export { BEHEER_USAGE, type BeheerCliDeps, runBeheerCli, STANDAARD_DIENST } from './beheer.cli.ts';
export { beheerPolicy } from './beheer.policy.ts';
export { beheerRoutes } from './beheer.routes.ts';
export {
  type GebruikerInput,
  type GebruikerOverzicht,
  Invoerfout,
  type Team,
  type TeamInput,
  type Veldfouten,
} from './beheer.schemas.ts';
export {
  type BeheerDeps,
  type BeheerService,
  createBeheerService,
  type GemeenteMetWijken,
  type Keuzes,
  type MaakUitnodiging,
} from './beheer.service.ts';
