import { describe, expect, it } from 'vitest';
import { recordEvent, type SessionRecord } from './store.js';

const session: SessionRecord<{ n: number }> = {
  id: 's1',
  provider: 'p',
  kind: 'k',
  state: 'OPEN',
  createdAt: 0,
  updatedAt: 0,
  data: { n: 1 },
  timeline: [{ at: 0, event: 'created' }],
};

describe('recordEvent', () => {
  it('appends the event, moves updatedAt and changes the state when given, leaving the input alone', () => {
    const next = recordEvent(session, 50, 'CLOSED', { reason: 'done' }, 'CLOSED');
    expect(next).toEqual({
      ...session,
      state: 'CLOSED',
      updatedAt: 50,
      timeline: [
        { at: 0, event: 'created' },
        { at: 50, event: 'CLOSED', detail: { reason: 'done' } },
      ],
    });
    expect(session.timeline).toHaveLength(1);
    expect(session.state).toBe('OPEN');
  });

  it('keeps the state, and leaves out an absent detail', () => {
    const next = recordEvent(session, 20, 'touched');
    expect(next.state).toBe('OPEN');
    expect(next.timeline.at(-1)).toEqual({ at: 20, event: 'touched' });
    expect('detail' in (next.timeline.at(-1) ?? {})).toBe(false);
  });
});
