#!/usr/bin/env node
// The `wederkerig` command. React needs NODE_ENV=production (its development build is ten times slower);
// the app's own mode is WEDERKERIG_MODE. TypeScript runs through tsx's loader, so no build step is needed.
process.env.NODE_ENV ??= 'production';
process.env.WEDERKERIG_CLI = '1';
const { register } = await import('tsx/esm/api');
register();
await import('../src/cli.ts');
