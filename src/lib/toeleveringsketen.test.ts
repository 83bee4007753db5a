import { describe, expect, it } from 'vitest';
import { type Beleid, controleerLockbestand, type LockPakket, pakketNaam } from './toeleveringsketen.ts';

const beleid: Beleid = {
  licenties: ['MIT'],
  licentieUitzonderingen: { 'oud-pakket': 'MIT in LICENSE' },
  installScripts: { 'mag-script': 'reviewed' },
};
const goed: LockPakket = { version: '1.0.0', integrity: 'sha512-abc', license: 'MIT' };

function regels(pakketten: Record<string, LockPakket>, deps: Record<string, string> = {}) {
  return controleerLockbestand(
    { lockfileVersion: 3, packages: { '': {}, ...pakketten } },
    { dependencies: deps },
    beleid,
  ).bevindingen.map((b) => `${b.regel}:${b.pakket}`);
}

describe('controleerLockbestand', () => {
  it.each([
    ['a clean package', { 'node_modules/a': goed }, {}, []],
    ['no integrity', { 'node_modules/a': { ...goed, integrity: undefined } }, {}, ['integriteit:a']],
    ['sha1 integrity', { 'node_modules/a': { ...goed, integrity: 'sha1-x' } }, {}, ['integriteit:a']],
    [
      'a git dependency',
      { 'node_modules/a': { ...goed, resolved: 'git+ssh://github.com/x/a.git' } },
      {},
      ['herkomst:a'],
    ],
    [
      'the registry',
      { 'node_modules/a': { ...goed, resolved: 'https://registry.npmjs.org/a/-/a-1.0.0.tgz' } },
      {},
      [],
    ],
    ['a caret range', { 'node_modules/a': goed }, { a: '^1.0.0' }, ['vastgepind:a']],
    ['an exact prerelease', { 'node_modules/a': goed }, { a: '18.4.0-beta.17' }, []],
    ['GPL in production', { 'node_modules/a': { ...goed, license: 'GPL-3.0' } }, {}, ['licentie:a']],
    ['GPL in development', { 'node_modules/a': { ...goed, license: 'GPL-3.0', dev: true } }, {}, []],
    ['a reviewed exception', { 'node_modules/oud-pakket': { ...goed, license: undefined } }, {}, []],
    [
      'an unreviewed install script',
      { 'node_modules/x': { ...goed, hasInstallScript: true } },
      {},
      ['installscript:x'],
    ],
    ['a reviewed install script', { 'node_modules/mag-script': { ...goed, hasInstallScript: true } }, {}, []],
    ['a workspace link', { 'node_modules/w': { link: true } }, {}, []],
  ] as const)('%s', (_naam, pakketten, deps, verwacht) => {
    expect(regels(pakketten, deps)).toEqual(verwacht);
  });

  it('names nested and scoped packages by their own name', () => {
    expect(pakketNaam('node_modules/a/node_modules/@b/c')).toBe('@b/c');
    expect(pakketNaam('node_modules/esbuild')).toBe('esbuild');
  });

  it('counts production and development packages and production licences', () => {
    const v = controleerLockbestand(
      { packages: { 'node_modules/a': goed, 'node_modules/b': { ...goed, dev: true } } },
      {},
      beleid,
    );
    expect([v.productie, v.ontwikkeling, v.licenties]).toEqual([1, 1, { MIT: 1 }]);
  });
});
