import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { YotiShareClient } from '../clients/yoti-share/index.js';
import { type RunningBackend, startYotiBackend } from '../clients/yoti-share-backend/index.js';
import { useSimulator } from './support/simulator.js';
import { downloadKey } from './support/yoti-profile.js';

const SDK = 'backend-app';

describe('kiosk → simulator → backend callback → SDK profile exchange', () => {
  const sim = useSimulator({
    stateDir: mkdtempSync(join(tmpdir(), 'kyc-backend-')),
    scenario: {
      yoti: {
        apps: [
          {
            sdkId: SDK,
            name: 'Backend App',
            generateKey: true,
            scenarios: [
              {
                id: 'checkout',
                policy: {
                  wanted: [
                    { name: 'full_name' },
                    { name: 'date_of_birth', derivation: 'age_over:18' },
                    { name: 'selfie' },
                  ],
                },
                outcome: { type: 'complete', afterMs: 50, profile: { full_name: 'Kim Kiosk' } },
              },
            ],
          },
        ],
      },
    },
  });
  let backend: RunningBackend;
  const shares: unknown[] = [];
  beforeAll(async () => {
    backend = await startYotiBackend({
      sdkId: SDK,
      pem: await downloadKey(sim(), SDK),
      apiUrl: `${sim().url}/yoti/api/v1`,
      onShare: (summary) => void shares.push(summary),
    });
  });
  afterAll(() => backend?.close());

  it('the backend answers the kiosk callback with the decrypted profile', async () => {
    const kiosk = new YotiShareClient({
      baseUrl: `${sim().url}/yoti`,
      sdkId: SDK,
      scenarioId: 'checkout',
      callbackEndpoint: backend.callbackUrl,
      callbackParams: { lane: '3' },
    });
    const result = await kiosk.run();
    expect(result.callback?.status).toBe(200);
    const summary = JSON.parse(result.callback?.body ?? '{}');
    expect(summary.outcome).toBe('SUCCESS');
    expect(summary.attributes.full_name).toEqual({
      value: 'Kim Kiosk',
      sources: ['PASSPORT'],
      verifiers: ['YOTI_ADMIN'],
    });
    expect(typeof summary.attributes['age_over:18'].value).toBe('boolean');
    expect(summary.attributes.selfie.value).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    expect(summary.receiptId).toBeTruthy();
    expect(shares).toEqual([summary]);
  });

  it('answers 502 when the token cannot be exchanged, 400 without one', async () => {
    expect((await fetch(`${backend.callbackUrl}?token=bm90LWEtdG9rZW4`)).status).toBe(502);
    expect((await fetch(backend.callbackUrl)).status).toBe(400);
  });
});
