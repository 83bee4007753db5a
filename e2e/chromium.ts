import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How the end-to-end tests start Chromium (ADR 0004). */
export interface ChromiumStart {
  executablePath: string;
  /** Extra environment for the browser process (the packaged build's own libraries and fonts). */
  env: Record<string, string>;
  /** Which browser this is, for the run's log. */
  bron: 'CHROMIUM_PATH' | 'npm-pakket' | 'systeem';
}

const SYSTEEM = '/usr/bin/chromium';

/**
 * The packaged Chromium of the devDependency `@sparticuz/chromium` (a headless build inside the npm tarball, no
 * download), unpacked once per version under node_modules/.cache with the NSS libraries it needs beside it, so
 * that `npm ci && npm test` needs nothing from apt. Undefined when the package is not installed.
 */
function verpakteChromium(): ChromiumStart | undefined {
  let pakket: string;
  try {
    // The package exports no package.json: its entry point is build/cjs/index.cjs.
    pakket = dirname(dirname(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium'))));
  } catch {
    return undefined;
  }
  const pakketJson = join(pakket, 'package.json');
  const versie = (JSON.parse(readFileSync(pakketJson, 'utf8')) as { version: string }).version;
  const root = join(dirname(dirname(pakket)), '.cache', 'wederkerig-chromium', versie);
  const executablePath = join(root, 'chromium');
  if (!existsSync(executablePath)) {
    // Unpacked beside, then renamed: a second run at the same time never sees half a browser.
    const tijdelijk = `${root}.${process.pid}`;
    rmSync(tijdelijk, { recursive: true, force: true });
    mkdirSync(join(tijdelijk, 'lib'), { recursive: true });
    const bin = join(pakket, 'bin');
    writeFileSync(join(tijdelijk, 'chromium'), brotliDecompressSync(readFileSync(join(bin, 'chromium.br'))), {
      mode: 0o755,
    });
    for (const [archief, doel] of [
      ['al2023.tar.br', tijdelijk],
      ['fonts.tar.br', tijdelijk],
      ['swiftshader.tar.br', join(tijdelijk, 'lib')],
    ] as const) {
      const tar = spawnSync('tar', ['-x', '-C', doel], {
        input: brotliDecompressSync(readFileSync(join(bin, archief))),
      });
      if (tar.status !== 0) throw new Error(`tar could not unpack ${archief}: ${tar.stderr.toString()}`);
    }
    writeFileSync(
      join(tijdelijk, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(root, 'fonts')}</dir>\n  <dir>/usr/share/fonts</dir>\n  <cachedir>${join(root, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
    mkdirSync(dirname(root), { recursive: true });
    try {
      renameSync(tijdelijk, root);
    } catch {
      // Another run unpacked it first.
      rmSync(tijdelijk, { recursive: true, force: true });
    }
  }
  return {
    executablePath,
    env: {
      LD_LIBRARY_PATH: [join(root, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: join(root, 'fonts.conf'),
    },
    bron: 'npm-pakket',
  };
}

/**
 * The Chromium the end-to-end tests drive: CHROMIUM_PATH when set, else the packaged build from the npm registry,
 * else the system Chromium. Fails with the way to get one.
 */
export function chromiumVoorTests(): ChromiumStart {
  const gekozen = process.env.CHROMIUM_PATH;
  if (gekozen) {
    if (!existsSync(gekozen)) throw new Error(`CHROMIUM_PATH points at ${gekozen}, which does not exist.`);
    return { executablePath: gekozen, env: {}, bron: 'CHROMIUM_PATH' };
  }
  const verpakt = verpakteChromium();
  if (verpakt) return verpakt;
  if (existsSync(SYSTEEM)) return { executablePath: SYSTEEM, env: {}, bron: 'systeem' };
  throw new Error(
    'No Chromium for the end-to-end tests: run `npm ci` (it installs the packaged build @sparticuz/chromium), ' +
      'install the system Chromium (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH.',
  );
}
