import { describe, expect, it } from 'vitest';
import {
  beoordeelMfa,
  bepaalRol,
  claimWaarden,
  MFA_GEWEIGERD,
  ssoEmail,
  ssoToewijzingen,
} from './sso-regels.ts';

const MAP = {
  rolClaim: 'groups',
  rolMap: [
    ['wk-teamleider', 'teamleider'],
    ['wk-klantmanager', 'klantmanager'],
  ] as const,
};

describe('claimWaarden', () => {
  it.each([
    [{ groups: 'a' }, 'groups', ['a']],
    [{ groups: ['a', 'b', 3, null] }, 'groups', ['a', 'b']],
    [{ groups: 7 }, 'groups', []],
    [{}, 'groups', []],
    [{ realm_access: { roles: ['x', 'y'] } }, 'realm_access.roles', ['x', 'y']],
    [{ 'realm_access.roles': ['z'] }, 'realm_access.roles', ['z']],
    [{ realm_access: 'geen object' }, 'realm_access.roles', []],
  ])('%j / %s → %j', (claims, naam, verwacht) => {
    expect(claimWaarden(claims, naam)).toEqual(verwacht);
  });
});

describe('bepaalRol', () => {
  it.each([
    [['wk-klantmanager'], 'klantmanager'],
    [['wk-klantmanager', 'wk-teamleider'], 'teamleider'],
    [['andere-groep'], undefined],
    [[], undefined],
    // A claim value that names a role directly grants nothing: only the mapping counts.
    [['functioneel-beheerder', 'privacy-officer'], undefined],
  ] as const)('groups %j → %s (the first pair of the mapping wins)', (groups, rol) => {
    expect(bepaalRol({ groups: [...groups] }, MAP)).toBe(rol);
  });
});

describe('beoordeelMfa', () => {
  const acr = { acrValues: ['urn:wk:mfa'], amrValues: [] };
  const amr = { acrValues: [], amrValues: ['otp', 'hwk'] };
  it.each([
    [acr, { acr: 'urn:wk:mfa' }, { kind: 'geaccepteerd', mfaVoldaan: true }],
    [acr, { acr: 'urn:wk:pwd' }, { kind: 'geweigerd', melding: MFA_GEWEIGERD }],
    [acr, {}, { kind: 'geweigerd', melding: MFA_GEWEIGERD }],
    [amr, { amr: ['pwd', 'otp'] }, { kind: 'geaccepteerd', mfaVoldaan: true }],
    [amr, { amr: ['pwd'] }, { kind: 'geweigerd', melding: MFA_GEWEIGERD }],
    [amr, { amr: 'otp' }, { kind: 'geaccepteerd', mfaVoldaan: true }],
    [
      { acrValues: ['urn:wk:mfa'], amrValues: ['otp'] },
      { acr: 'urn:wk:mfa', amr: ['pwd'] },
      { kind: 'geweigerd', melding: MFA_GEWEIGERD },
    ],
    [{ acrValues: [], amrValues: [] }, { acr: 'urn:wk:pwd' }, { kind: 'geaccepteerd', mfaVoldaan: false }],
  ] as const)('%j with %j', (sso, claims, verwacht) => {
    expect(beoordeelMfa(claims, sso)).toEqual(verwacht);
  });

  it('says in Dutch what to do', () => {
    expect(MFA_GEWEIGERD).toContain('tweestapsverificatie');
  });
});

describe('ssoEmail', () => {
  it.each([
    [{ email: 'A.Jansen@Gemeente.NL' }, 'a.jansen@gemeente.nl'],
    [{ email: 'a@b.nl', email_verified: true }, 'a@b.nl'],
    [{ email: 'a@b.nl', email_verified: false }, undefined],
    [{ email: 'a@b.nl', email_verified: 'false' }, undefined],
    [{ email: 'geen adres' }, undefined],
    [{}, undefined],
  ])('%j → %s', (claims, verwacht) => {
    expect(ssoEmail(claims)).toBe(verwacht);
  });
});

describe('ssoToewijzingen', () => {
  it('asks for teams and municipalities only when their claims are configured', () => {
    const claims = { teams: ['Team Aardam'], gemeenten: 'GM0001' };
    expect(
      ssoToewijzingen(claims, 'klantmanager', { teamClaim: undefined, gemeenteClaim: undefined }),
    ).toEqual({
      rol: 'klantmanager',
      teamNamen: undefined,
      gemeenten: undefined,
    });
    expect(
      ssoToewijzingen(claims, 'klantmanager', { teamClaim: 'teams', gemeenteClaim: 'gemeenten' }),
    ).toEqual({
      rol: 'klantmanager',
      teamNamen: ['Team Aardam'],
      gemeenten: ['GM0001'],
    });
  });
});
