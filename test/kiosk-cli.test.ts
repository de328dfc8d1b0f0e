import { describe, expect, it } from 'vitest';
import { main } from '../clients/yoti-share/cli.js';
import {
  SCENARIO_ID,
  SDK_ID,
  scenarioFile,
  shareScenario,
  useCallbackReceiver,
  yotiBase,
} from './support/kiosk.js';
import { admin, useSimulator } from './support/simulator.js';

/** The QA command (clients/yoti-share/cli.ts), run in-process against the real simulator. */
const sim = useSimulator({ scenario: shareScenario({ type: 'complete', afterMs: 0 }) });
const receiver = useCallbackReceiver();

async function run(...args: string[]) {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await main(args, { log: (l) => lines.push(l), error: (l) => errors.push(l) });
  return { code, out: lines.join('\n'), err: errors.join('\n') };
}

const ids = () => ['--base', yotiBase(sim()), '--sdk-id', SDK_ID, '--scenario-id', SCENARIO_ID];

describe('yoti-share kiosk command', () => {
  it('prints each step and forwards the token with --callback-param values', async () => {
    await admin(
      sim(),
      'PUT',
      '/scenario',
      shareScenario({ type: 'complete', afterMs: 0 }, { callbackEndpoint: receiver().url }),
    );
    const { code, out } = await run(
      ...ids(),
      '--callback-param',
      'lane=2',
      '--callback-param',
      'location=WC2N4JH',
    );
    expect(code).toBe(0);
    expect(out).toMatch(/QR code: https:\/\/code\.yoti\.com\/[A-Za-z0-9_-]+/);
    for (const step of [
      'requesting-qr',
      'resolving-ref',
      'connecting',
      'websocket: ACCEPTED',
      'websocket: COMPLETED',
      'done',
    ]) {
      expect(out).toContain(step);
    }
    const query = receiver().requests.at(-1)?.query ?? {};
    expect(query).toMatchObject({ lane: '2', location: 'WC2N4JH' });
    expect(out).toContain(`token: ${query.token}`);
    expect(out).toMatch(/callback GET .*lane=2.* → 200/);
  });

  it('exits 1 naming the typed error when the share keeps being rejected', async () => {
    await admin(
      sim(),
      'PUT',
      `/scenario?file=${encodeURIComponent(scenarioFile('yoti-share-rejected.yaml'))}`,
    );
    const { code, out, err } = await run(...ids(), '--max-restarts', '1', '--restart-delay', '0');
    expect(code).toBe(1);
    expect(out).toContain('attempt 1 ended REJECTED');
    expect(err).toMatch(/^RestartLimitError: .*\[#1 REJECTED, #2 REJECTED\]/);
  });

  it('exits non-zero with usage help when a required option is missing', async () => {
    const { code, err } = await run('--base', yotiBase(sim()));
    expect(code).not.toBe(0);
    expect(err).toContain('--sdk-id');
  });
});
