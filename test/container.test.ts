import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The container image definition (Dockerfile, docs/deploy.md) cannot be built on the test machines (no Docker
 * engine), so its promises are checked as text: built from the lockfile, a pinned base, a non-root user, a health
 * check on /healthz, and every file it copies exists here — a folder that moves fails this test, not a release.
 */
const ROOT = resolve(import.meta.dirname, '..');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const instructies = dockerfile
  .replace(/\\\n\s*/g, ' ')
  .split('\n')
  .map((r) => r.trim())
  .filter((r) => r !== '' && !r.startsWith('#'));

describe('the container image definition', () => {
  it('builds from the lockfile, production dependencies only', () => {
    expect(instructies).toContain('COPY package.json package-lock.json ./');
    expect(instructies.some((r) => /^RUN npm ci --omit=dev\b/.test(r))).toBe(true);
    expect(instructies.some((r) => /npm (install|i)\b/.test(r))).toBe(false);
  });

  it('uses a pinned Node 20 base image in every stage', () => {
    const bases = instructies.filter((r) => r.startsWith('FROM '));
    expect(bases.length).toBeGreaterThan(0);
    for (const b of bases) expect(b).toMatch(/^FROM node:20\.\d+\.\d+-bookworm-slim\b/);
  });

  it('runs as a non-root user, in production mode, with a health check', () => {
    const users = instructies.filter((r) => r.startsWith('USER '));
    expect(users.at(-1)).toBe('USER node');
    const laatsteFrom = instructies.map((r) => r.startsWith('FROM ')).lastIndexOf(true);
    expect(instructies.indexOf('USER node')).toBeGreaterThan(laatsteFrom);
    expect(dockerfile).toMatch(/WEDERKERIG_MODE=production/);
    const check = instructies.find((r) => r.startsWith('HEALTHCHECK '));
    expect(check).toContain('/healthz');
    expect(instructies.at(-1)).toBe('CMD ["node", "bin/wederkerig.js", "serve"]');
  });

  it('copies only files that exist, and the build context lets them through', () => {
    const ignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8');
    for (const r of instructies.filter((x) => x.startsWith('COPY ') && !x.includes('--from='))) {
      const delen = r.split(/\s+/).slice(1, -1);
      for (const bron of delen) {
        expect(existsSync(join(ROOT, bron)), `${bron} (${r})`).toBe(true);
        const regels = ignore.split('\n').map((x) => x.trim());
        expect(
          regels.includes(`!${bron}`) || regels.includes(`!${bron}/`),
          `.dockerignore lets ${bron} through`,
        ).toBe(true);
      }
    }
  });
});
