import { describe, expect, it } from 'vitest';
import { FaultInjector, faultSchema } from './faults.js';

const parse = (f: unknown) => faultSchema.parse(f);

describe('fault injector', () => {
  it('fails only the first N matching requests', () => {
    const faults = new FaultInjector();
    faults.load([
      parse({
        type: 'error',
        match: { method: 'get', path: '/yoti/api/v1.1/sessions/**' },
        status: 503,
        times: 2,
      }),
    ]);
    const path = '/yoti/api/v1.1/sessions/apps/a/scenarios/b';
    expect(faults.forRequest('GET', path).error?.status).toBe(503);
    expect(faults.forRequest('POST', path).error).toBeUndefined();
    expect(faults.forRequest('GET', path).error?.status).toBe(503);
    expect(faults.forRequest('GET', path).error).toBeUndefined();
  });

  it('matches * within one segment and ** across segments', () => {
    const faults = new FaultInjector();
    faults.load([parse({ type: 'latency', match: { path: '/yoti/api/v1.1/qrcodes/refs/*' }, ms: 250 })]);
    expect(faults.forRequest('GET', '/yoti/api/v1.1/qrcodes/refs/abc').latencyMs).toBe(250);
    expect(faults.forRequest('GET', '/yoti/api/v1.1/qrcodes/refs/abc/extra').latencyMs).toBe(0);
  });

  it('adds latencies and keeps the first error', () => {
    const faults = new FaultInjector();
    faults.load([
      parse({ type: 'latency', match: { path: '/x' }, ms: 100 }),
      parse({ type: 'latency', match: { path: '/x' }, ms: 50 }),
      parse({ type: 'error', match: { path: '/x' }, status: 500 }),
      parse({ type: 'error', match: { path: '/x' }, status: 429 }),
    ]);
    const f = faults.forRequest('GET', '/x');
    expect(f.latencyMs).toBe(150);
    expect(f.error?.status).toBe(500);
  });

  it('requires a trigger for websocket close faults', () => {
    expect(() => parse({ type: 'ws-close', match: { path: '/ws' } })).toThrow(/afterMessage/);
    const faults = new FaultInjector();
    faults.load([parse({ type: 'ws-close', match: { path: '/ws/*' }, afterMessage: 'ACCEPTED', times: 1 })]);
    expect(faults.forSocket('/ws/1')?.afterMessage).toBe('ACCEPTED');
    expect(faults.forSocket('/ws/2')).toBeUndefined();
  });
});
