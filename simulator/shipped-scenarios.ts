import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ScenarioError } from './engine/scenario-loader.js';
import { scenariosDir } from './paths.js';

const SCENARIO_EXTENSIONS = ['.yaml', '.yml', '.json'];
const NAME = /^[\w.-]+$/;

/** The scenarios that ship with kyc-sim, by name (file name without extension). */
export function shippedScenarioNames(): string[] {
  return readdirSync(scenariosDir)
    .filter((file) => SCENARIO_EXTENSIONS.some((ext) => file.endsWith(ext)) && !file.endsWith('.schema.json'))
    .map((file) => file.replace(/\.[^.]+$/, ''))
    .sort();
}

/**
 * What `--scenario` and `startSimulator({ scenario })` name: a file that exists (relative to the
 * working directory) wins, else a shipped scenario by name (`yoti-share-failed`), found in the
 * package's scenarios/ folder whatever the working directory. Other paths are returned as given,
 * so the loader reports the unreadable file.
 */
export function resolveScenarioFile(ref: string): string {
  if (existsSync(ref) || !NAME.test(ref)) return ref;
  for (const candidate of [ref, ...SCENARIO_EXTENSIONS.map((ext) => `${ref}${ext}`)]) {
    const shipped = join(scenariosDir, candidate);
    if (existsSync(shipped) && candidate !== 'scenario.schema.json') return shipped;
  }
  throw new ScenarioError(
    ref,
    '',
    `no such file, and no shipped scenario of that name (shipped: ${shippedScenarioNames().join(', ')})`,
  );
}

export const defaultScenarioFile = () => join(scenariosDir, 'default.yaml');
