import { beforeEach, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator/server.js';
import { SCENARIO_ID, SDK_ID, shareScenario } from '../support/kiosk.js';
import { describeWithRedis } from '../support/redis-server.js';
import { useReplicas } from '../support/replicas.js';
import { admin } from '../support/simulator.js';
import {
  DIGITAL_ID_SDK_ID,
  digitalIdentityClient,
  digitalIdScenario,
  sessionAction,
  shareSessionConfig,
} from '../support/yoti-digital-id.js';
import { requestQr } from '../support/yoti-share.js';

/** Beyond the kiosk share: the console's live feed and another provider kind across three replicas. */
describeWithRedis('the console and Yoti Digital ID across three replicas', (redis) => {
  const { replicas } = useReplicas(redis, 3, {
    clock: 'manual',
    scenario: shareScenario({ type: 'manual' }),
  });
  let a: RunningSimulator;
  let b: RunningSimulator;
  let c: RunningSimulator;
  beforeEach(() => {
    [a, b, c] = replicas();
  });

  it('the console’s live feed on C announces a request served by A and the session it made', async () => {
    const controller = new AbortController();
    const res = await fetch(`${c.url}/__admin/events`, { signal: controller.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${pattern}: ${text}`);
        text += new TextDecoder().decode(value);
      }
      return pattern.exec(text) as RegExpExecArray;
    };
    await until(/event: sessions\ndata: \{"sessions":\[\]\}/);
    await requestQr(a, SDK_ID, SCENARIO_ID);
    const [, journal] = await until(/event: journal\ndata: (.*)\n/);
    expect(JSON.parse(journal)).toMatchObject({ kind: 'http', provider: 'yoti' });
    const [, sessions] = await until(/event: sessions\ndata: (\{"sessions":\[\{.*)\n/);
    expect(JSON.parse(sessions).sessions).toMatchObject([
      { provider: 'yoti', kind: 'share', state: 'WAITING' },
    ]);
    controller.abort();
  });

  it('a Digital ID share made through A, scanned on B, shared on C, is read back by the SDK on B', async () => {
    await admin(c, 'PUT', '/scenario', await digitalIdScenario());
    const onA = await digitalIdentityClient(a);
    const onB = await digitalIdentityClient(b);
    const { id } = await onA.createShareSession(shareSessionConfig());
    const qr = await onB.createShareQrCode(id);
    await sessionAction(b, id, 'scan');
    expect((await onA.getShareSession(id)).getScannedQrCodeId()).toBe(qr.getId());
    await sessionAction(c, id, 'share', {
      profile: { full_name: 'Alex Example', email_address: 'a@example.com' },
    });

    const session = await onB.getShareSession(id);
    expect(session.getStatus()).toBe('COMPLETED');
    const receipt = await onB.getShareReceipt(session.getReceiptId());
    expect(receipt.getSessionId()).toBe(id);
    expect(receipt.getProfile().getFullName().getValue()).toBe('Alex Example');
    expect((await admin(a, 'GET', `/sessions/${encodeURIComponent(id)}`)).data).toMatchObject({
      sdkId: DIGITAL_ID_SDK_ID,
    });
  });
});
