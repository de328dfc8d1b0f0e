/** The library API: `import { startSimulator } from 'kyc-sim'`. */

export type { JournalFilter } from './engine/journal.js';
export { ScenarioError } from './engine/scenario-loader.js';
export { type Scenario, type ScenarioInput, type ScenarioOverride, scenarioSchema } from './scenario.js';
export { type RunningSimulator, type SimulatorOptions, startSimulator } from './server.js';
