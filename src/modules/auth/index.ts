export { type Actor, dbContext, type Gebruiker, type Systeem, systeemActor } from './actor.ts';
