/**
 * Supply-chain rules for the committed lockfile (pure; `scripts/supply-chain.ts` reads the files and prints).
 *
 * The public npm audit endpoint is not reachable from our build machines (it answers 405), and `npm audit
 * signatures` needs the Sigstore CDN, so CI checks what it can check offline, and fails on:
 * - a package without a sha512 integrity hash, or fetched from anywhere but the npm registry (git, http, file);
 * - a direct dependency in package.json that is not pinned to an exact version;
 * - a production package whose licence is not on the allowed list (unless explained in `docs/supply-chain.md`);
 * - a package with an install script that is not on the reviewed list.
 */

export interface LockPakket {
  readonly version?: string;
  readonly resolved?: string;
  readonly integrity?: string;
  readonly license?: string;
  readonly dev?: boolean;
  readonly optional?: boolean;
  readonly link?: boolean;
  readonly hasInstallScript?: boolean;
}

export interface Lockbestand {
  readonly lockfileVersion?: number;
  readonly packages: Readonly<Record<string, LockPakket>>;
}

export interface PakketJson {
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
}

export interface Beleid {
  /** SPDX expressions allowed for production packages. */
  readonly licenties: readonly string[];
  /** Production packages with another licence, reviewed (name → reason). */
  readonly licentieUitzonderingen: Readonly<Record<string, string>>;
  /** Packages whose install script was reviewed (name → reason). */
  readonly installScripts: Readonly<Record<string, string>>;
}

export interface Bevinding {
  readonly pakket: string;
  readonly regel: 'integriteit' | 'herkomst' | 'vastgepind' | 'licentie' | 'installscript';
  readonly uitleg: string;
}

export interface Verslag {
  readonly bevindingen: readonly Bevinding[];
  readonly productie: number;
  readonly ontwikkeling: number;
  readonly licenties: Readonly<Record<string, number>>;
}

const EXACTE_VERSIE = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const REGISTER = 'https://registry.npmjs.org/';

/** `node_modules/a/node_modules/@b/c` → `@b/c`. */
export function pakketNaam(pad: string): string {
  const i = pad.lastIndexOf('node_modules/');
  return i < 0 ? pad : pad.slice(i + 'node_modules/'.length);
}

export function controleerLockbestand(lock: Lockbestand, pkg: PakketJson, beleid: Beleid): Verslag {
  const bevindingen: Bevinding[] = [];
  const licenties: Record<string, number> = {};
  let productie = 0;
  let ontwikkeling = 0;

  for (const [soort, deps] of [
    ['dependencies', pkg.dependencies ?? {}],
    ['devDependencies', pkg.devDependencies ?? {}],
  ] as const) {
    for (const [naam, versie] of Object.entries(deps)) {
      if (!EXACTE_VERSIE.test(versie)) {
        bevindingen.push({
          pakket: naam,
          regel: 'vastgepind',
          uitleg: `${soort}: "${versie}" is geen exacte versie`,
        });
      }
    }
  }

  for (const [pad, p] of Object.entries(lock.packages)) {
    if (pad === '' || p.link) continue;
    const naam = pakketNaam(pad);
    if (p.dev) ontwikkeling++;
    else productie++;
    if (!p.integrity?.startsWith('sha512-')) {
      bevindingen.push({ pakket: naam, regel: 'integriteit', uitleg: 'geen sha512-integriteitshash' });
    }
    if (p.resolved !== undefined && !p.resolved.startsWith(REGISTER)) {
      bevindingen.push({
        pakket: naam,
        regel: 'herkomst',
        uitleg: `niet uit het npm-register: ${p.resolved}`,
      });
    }
    if (p.hasInstallScript && !(naam in beleid.installScripts)) {
      bevindingen.push({ pakket: naam, regel: 'installscript', uitleg: 'installatiescript niet beoordeeld' });
    }
    if (!p.dev) {
      const licentie = p.license ?? '(onbekend)';
      licenties[licentie] = (licenties[licentie] ?? 0) + 1;
      if (!beleid.licenties.includes(licentie) && !(naam in beleid.licentieUitzonderingen)) {
        bevindingen.push({ pakket: naam, regel: 'licentie', uitleg: `licentie ${licentie} niet toegestaan` });
      }
    }
  }
  return { bevindingen, productie, ontwikkeling, licenties };
}
