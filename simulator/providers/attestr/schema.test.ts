import { describe, expect, it } from 'vitest';
import { attestrClientSchema, flowSchema } from './schema.js';

const client = { secret: 's', authToken: 't' };

describe('attestr scenario section', () => {
  it('takes only hexadecimal client keys, as Attestr issues them and its Android SDK checks', () => {
    expect(attestrClientSchema.safeParse({ ...client, clientKey: '6b79632D' }).success).toBe(true);
    const refused = attestrClientSchema.safeParse({ ...client, clientKey: 'dev-client-key' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toMatch(/hexadecimal/);
  });

  it('lists snapshots as Strings', () => {
    const stages = [{ id: 'FS1', type: 'selfie' }];
    expect(flowSchema.safeParse({ id: 'FX1', snapshots: ['d79c9c09-9367'], stages }).success).toBe(true);
    expect(flowSchema.safeParse({ id: 'FX1', snapshots: [1], stages }).success).toBe(false);
  });
});
