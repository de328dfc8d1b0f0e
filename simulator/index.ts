/** The library API: `import { startSimulator } from 'kyc-sim'`. */

export { ScenarioError } from './engine/scenario-loader.js';
export { type Scenario, type ScenarioInput, scenarioSchema } from './scenario.js';
export { type RunningSimulator, type SimulatorOptions, startSimulator } from './server.js';
