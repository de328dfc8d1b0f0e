import { describe, expect, it } from 'vitest';
import { Clock } from '../../../engine/clock.js';
import { NonceCache } from './nonce-cache.js';

describe('NonceCache', () => {
  it('refuses a nonce twice per app within its window and forgets it after', async () => {
    const clock = new Clock('manual', 1_000);
    const nonces = new NonceCache(clock);
    expect(await nonces.use('app', 'n', 100)).toBe(true);
    expect(await nonces.use('app', 'n', 100)).toBe(false);
    expect(await nonces.use('other-app', 'n', 100)).toBe(true);
    clock.advance(100);
    expect(await nonces.use('app', 'n', 100)).toBe(true);
    expect(nonces.size).toBe(1);
    clock.dispose();
  });
});
