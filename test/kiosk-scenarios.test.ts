import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../simulator/engine/scenario-loader.js';
import { scenarioSchema } from '../simulator/scenario.js';

/** Every shipped Yoti scenario loads with the simulator's own loader and points editors at the schema. */
const dir = join(import.meta.dirname, '..', 'scenarios');
const shipped = (await readdir(dir)).filter((f) => /^yoti-.*\.yaml$/.test(f));

describe('shipped Yoti scenarios', () => {
  it('include the share outcomes and faults of the kiosk tests', () => {
    expect(shipped).toEqual(
      expect.arrayContaining([
        'yoti-share-failed.yaml',
        'yoti-share-timed-out.yaml',
        'yoti-share-rejected.yaml',
        'yoti-fault-slow-refs.yaml',
        'yoti-fault-qr-503-twice.yaml',
        'yoti-fault-socket-dropped.yaml',
      ]),
    );
  });

  it.each(shipped)('%s validates and declares the JSON Schema on its first line', async (file) => {
    const path = join(dir, file);
    const firstLine = (await readFile(path, 'utf8')).split('\n')[0];
    expect(firstLine).toBe('# yaml-language-server: $schema=./scenario.schema.json');
    const { scenario } = await loadScenarioFile(path, scenarioSchema);
    expect(scenario.name).toBe(file.replace(/\.yaml$/, ''));
    expect(scenario.yoti.apps.length).toBeGreaterThan(0);
  });

  it('declare what their names say', async () => {
    const load = async (file: string) => (await loadScenarioFile(join(dir, file), scenarioSchema)).scenario;
    const outcome = async (file: string) => (await load(file)).yoti.apps[0].scenarios[0].outcome.type;
    expect(await outcome('yoti-share-failed.yaml')).toBe('fail');
    expect(await outcome('yoti-share-timed-out.yaml')).toBe('time-out');
    expect(await outcome('yoti-share-rejected.yaml')).toBe('reject');
    expect((await load('yoti-fault-slow-refs.yaml')).faults[0]).toMatchObject({ type: 'latency' });
    expect((await load('yoti-fault-qr-503-twice.yaml')).faults[0]).toMatchObject({
      type: 'error',
      status: 503,
      times: 2,
    });
    const dropped = (await load('yoti-fault-socket-dropped.yaml')).faults[0];
    expect(dropped).toMatchObject({ type: 'ws-close', afterMessage: 'ACCEPTED' });
    expect(dropped).not.toHaveProperty('closeCode');
  });
});
