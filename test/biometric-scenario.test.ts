import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../simulator/engine/scenario-loader.js';
import { Runtime } from '../simulator/runtime.js';
import { clientFor } from './support/biometric.js';
import { useSimulator } from './support/simulator.js';

const scenarios = join(import.meta.dirname, '..', 'scenarios');
const flow = { apiKey: 'k', technologies: ['LD', 'F2F'] };
const loadError = (biometric: unknown) =>
  Runtime.load({ biometric }).then(
    () => undefined,
    (error: unknown) => error,
  );

describe('biometric scenario section', () => {
  it.each(['default.yaml', 'biometric-failures.yaml', 'biometric-contract.yaml'])(
    'loads %s',
    async (file) => {
      const { scenario } = await Runtime.load(join(scenarios, file));
      expect(scenario.biometric.flows.length).toBeGreaterThan(0);
    },
  );

  it.each([
    ['a duplicate api key', { flows: [flow, flow] }, 'biometric.flows[1].apiKey: duplicate apiKey'],
    [
      'an unknown technology',
      { flows: [{ ...flow, technologies: ['LD', 'XX'] }] },
      'biometric.flows[0].technologies[1]',
    ],
    [
      'a technology twice',
      { flows: [{ ...flow, technologies: ['LD', 'LD'] }] },
      'a technology appears twice',
    ],
    [
      'an outcome outside the flow',
      { flows: [{ ...flow, outcomes: { ED: { result: 'fail' } } }] },
      'biometric.flows[0].outcomes.ED: outcome for ED',
    ],
    [
      'an unknown failure reason',
      { flows: [{ ...flow, outcomes: { LD: { result: 'fail', reason: 'BROKEN' } } }] },
      'biometric.flows[0].outcomes.LD.reason',
    ],
    [
      'a flow without technologies',
      { flows: [{ apiKey: 'k', technologies: [] }] },
      'biometric.flows[0].technologies',
    ],
  ])('refuses %s at load', async (_, section, message) => {
    const error = await loadError(section);
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as Error).message).toContain(message);
  });
});

describe('faults on Biometric.kz paths', () => {
  const sim = useSimulator({
    scenario: {
      biometric: { flows: [{ apiKey: 'fault-key', technologies: ['LD'] }] },
      faults: [{ type: 'error', match: { path: '/biometric/kyc/**' }, status: 503, times: 1 }],
    },
  });

  it('answer in the provider’s {"detail"} format, then let requests through', async () => {
    const client = clientFor(sim(), 'fault-key');
    const error = await client.createSession().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, detail: expect.stringContaining('503') });
    expect((await client.createSession()).technologies).toEqual(['LD']);
  });
});
