import { describe, expect, it } from 'vitest';
import { isRestartOutcome, readShareMessage } from './messages.js';

const sub = '0LBGRyLy-422ef9b5-871f-4fba-8bed-e70bc4a1e650';

describe('readShareMessage', () => {
  it('reads every status of the guide', () => {
    expect(readShareMessage(`{"status":"ACCEPTED","subscription":"${sub}"}`)).toEqual({
      kind: 'accepted',
      subscription: sub,
    });
    expect(readShareMessage({ status: 'REJECTED', subscription: sub }).kind).toBe('rejected');
    expect(readShareMessage({ status: 'FAILED', subscription: sub }).kind).toBe('failed');
    expect(readShareMessage({ status: 'TIMED_OUT', subscription: sub }).kind).toBe('timed-out');
    expect(readShareMessage({ status: 'COMPLETED', subscription: sub, token: 'abc' })).toEqual({
      kind: 'completed',
      subscription: sub,
      token: 'abc',
    });
  });

  it('ignores what the flow cannot act on instead of throwing', () => {
    expect(readShareMessage('not json')).toEqual({ kind: 'ignored', reason: 'not JSON' });
    expect(readShareMessage('[1]').kind).toBe('ignored');
    expect(readShareMessage({ status: 'ACCEPTED' }).kind).toBe('ignored');
    expect(readShareMessage({ status: 'COMPLETED', subscription: sub }).kind).toBe('ignored');
    expect(readShareMessage({ status: 'toString', subscription: sub }).kind).toBe('ignored');
    expect(readShareMessage({ status: 'ACCEPTED', subscription: 'other' }, sub)).toEqual({
      kind: 'ignored',
      reason: 'message for another subscription other',
    });
  });

  it('marks the outcomes after which the guide says to restart', () => {
    const kinds = ['ACCEPTED', 'REJECTED', 'FAILED', 'TIMED_OUT'].map((status) =>
      isRestartOutcome(readShareMessage({ status, subscription: sub })),
    );
    expect(kinds).toEqual([false, true, true, true]);
  });
});
