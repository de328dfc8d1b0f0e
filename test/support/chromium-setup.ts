import type { TestProject } from 'vitest/node';
import { type ChromiumChoice, findChromium } from './find-chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: ChromiumChoice;
  }
}

/** Chooses (and, for the bundled one, unpacks) Chromium once per run, before test files start in parallel. */
export default async function setup(project: TestProject): Promise<void> {
  project.provide('chromium', await findChromium());
}
