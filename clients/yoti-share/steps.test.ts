import { describe, expect, it } from 'vitest';
import { CallbackError } from './errors.js';
import { callbackUrl, forwardToken } from './steps.js';

describe('callbackUrl', () => {
  it('adds the token and kiosk parameters, keeping the endpoint query and encoding values', () => {
    expect(callbackUrl('https://rp.example/yoti?site=1', 'a-b_c', { lane: '2', location: 'WC2N 4JH' })).toBe(
      'https://rp.example/yoti?site=1&token=a-b_c&lane=2&location=WC2N+4JH',
    );
  });
});

describe('forwardToken', () => {
  it('reports a callback_endpoint that is not a URL as CallbackError', async () => {
    await expect(forwardToken('', 'tok', {}, { timeoutMs: 1000 })).rejects.toBeInstanceOf(CallbackError);
  });
});
