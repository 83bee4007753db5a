import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REGISTER_DOC, renderRegisterDoc } from '../scripts/register-doc.ts';
import { STANDAARD_REGISTER } from '../src/modules/logboek/index.ts';

describe('docs/privacy/register.md', () => {
  it('is generated from the seed of the register (run `npm run docs:register` after changing it)', () => {
    expect(existsSync(REGISTER_DOC), 'docs/privacy/register.md is missing: run `npm run docs:register`').toBe(
      true,
    );
    expect(
      readFileSync(REGISTER_DOC, 'utf8'),
      'docs/privacy/register.md is out of date: run `npm run docs:register`',
    ).toBe(renderRegisterDoc());
  });

  it('describes every activity of the seed, with the article 30 details filled in', () => {
    const doc = renderRegisterDoc();
    for (const va of STANDAARD_REGISTER) {
      expect(doc).toContain(`## ${va.naam} (\`${va.id}\`)`);
      expect(doc).toContain(va.doel);
    }
    expect(doc).not.toContain('Nog aan te vullen');
  });
});
