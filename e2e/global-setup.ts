import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, chromiumVoorTests } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's one Chromium (a Playwright browser server): every e2e file connects to it. */
    chromiumWsEndpoint: string;
  }
}

/** Starts one Chromium for the whole end-to-end run; each file connects and makes its own contexts. */
export default async function setup(project: TestProject) {
  const start = chromiumVoorTests();
  const server = await chromium.launchServer({
    executablePath: start.executablePath,
    env: { ...process.env, ...start.env },
    args: CHROMIUM_ARGS,
    host: '127.0.0.1',
  });
  project.provide('chromiumWsEndpoint', server.wsEndpoint());
  return async () => {
    await server.close();
  };
}
