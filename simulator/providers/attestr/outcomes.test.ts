import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { webhookHeaders } from './outcomes.js';

describe('webhookHeaders', () => {
  it("sends the scenario's webhook token as Basic authorization", () => {
    expect(webhookHeaders({ clientKey: 'ab12', webhookToken: 'dG9rZW4' })).toEqual({
      authorization: 'Basic dG9rZW4',
    });
  });

  it('derives a stable token from the client key when the scenario gives none', () => {
    const expected = createHash('sha256').update('kyc-sim-webhook:ab12').digest('hex').slice(0, 32);
    expect(webhookHeaders({ clientKey: 'ab12', webhookToken: undefined })).toEqual({
      authorization: `Basic ${expected}`,
    });
    expect(webhookHeaders({ clientKey: 'ab13', webhookToken: undefined }).authorization).not.toBe(
      `Basic ${expected}`,
    );
  });
});
