import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const MODULES = join(SRC, 'modules');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** Relative import specifiers of a file (static imports, re-exports and dynamic imports). */
function importsOf(source: string): string[] {
  const re = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  const out: string[] = [];
  for (const m of source.matchAll(re)) out.push((m[1] ?? m[2]) as string);
  return out;
}

/** The module a path belongs to (`src/modules/<name>/…`), or undefined. */
function moduleOf(path: string): string | undefined {
  const rel = relative(MODULES, path);
  if (rel.startsWith('..')) return undefined;
  return rel.split(sep)[0];
}

function violations(): string[] {
  const found: string[] = [];
  for (const file of files(SRC)) {
    const own = moduleOf(file);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      const targetModule = moduleOf(target);
      if (!targetModule || targetModule === own) continue;
      const allowed = join(MODULES, targetModule, 'index.ts');
      if (target !== allowed)
        found.push(`${relative(ROOT, file)} imports ${spec} (only ${relative(ROOT, allowed)} is public)`);
    }
    // Repositories hold queries only: no HTTP, no views.
    if (file.endsWith('.repository.ts')) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (/fastify|react|\/views\//.test(spec))
          found.push(`${relative(ROOT, file)} imports ${spec} (a repository holds queries only)`);
      }
    }
  }
  return found;
}

describe('module boundaries', () => {
  it('finds the import forms it has to check', () => {
    const src = `import { a } from '../x/index.ts';\nexport { b } from './b.ts';\nconst c = await import('../y/z.ts');\nimport type { D } from "../d/d.repository.ts";`;
    expect(importsOf(src)).toEqual(
      ['../x/index.ts', './b.ts', '../d/d.repository.ts', '../y/z.ts'].sort(
        (p, q) => src.indexOf(p) - src.indexOf(q),
      ),
    );
  });

  it('lets a module use another module only through its index.ts', () => {
    expect(violations()).toEqual([]);
  });
});
