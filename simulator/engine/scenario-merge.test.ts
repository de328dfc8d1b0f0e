import { describe, expect, it } from 'vitest';
import { mergeScenario } from './scenario-merge.js';

const base = {
  name: 'base',
  faults: [{ path: '/a', status: 503 }],
  yoti: {
    qrBaseUrl: 'https://code.yoti.com/',
    apps: [
      {
        sdkId: 'app-1',
        name: 'One',
        scenarios: [
          { id: 's1', outcome: { type: 'complete', afterMs: 3000 } },
          { id: 's2', outcome: { type: 'complete', afterMs: 1000 } },
        ],
      },
    ],
  },
};

describe('mergeScenario', () => {
  it('changes one outcome deep inside, matched by ids, and leaves everything else', () => {
    const merged = mergeScenario(base, {
      yoti: {
        apps: [{ sdkId: 'app-1', scenarios: [{ id: 's2', outcome: { type: 'complete', afterMs: 50 } }] }],
      },
    });
    expect(merged).toEqual({
      ...base,
      yoti: {
        ...base.yoti,
        apps: [
          {
            ...base.yoti.apps[0],
            scenarios: [
              base.yoti.apps[0].scenarios[0],
              { id: 's2', outcome: { type: 'complete', afterMs: 50 } },
            ],
          },
        ],
      },
    });
  });

  it('replaces a tagged step whose type changes, instead of mixing two steps', () => {
    const merged = mergeScenario(base, {
      yoti: { apps: [{ sdkId: 'app-1', scenarios: [{ id: 's1', outcome: { type: 'fail' } }] }] },
    }) as typeof base;
    expect(merged.yoti.apps[0].scenarios[0].outcome).toEqual({ type: 'fail' });
  });

  it('adds elements with a new identity at the end', () => {
    const merged = mergeScenario(base, {
      yoti: { apps: [{ sdkId: 'app-2', scenarios: [] }] },
    }) as typeof base;
    expect(merged.yoti.apps.map((a) => a.sdkId)).toEqual(['app-1', 'app-2']);
  });

  it('replaces arrays without identities and plain values; leaves the base untouched', () => {
    const merged = mergeScenario(base, { name: 'over', faults: [{ path: '/b', status: 500 }] });
    expect(merged).toMatchObject({ name: 'over', faults: [{ path: '/b', status: 500 }] });
    expect(mergeScenario(base, { faults: [] })).toMatchObject({ faults: [] });
    expect(base.faults).toEqual([{ path: '/a', status: 503 }]);
    expect(base.yoti.apps[0].scenarios[0].outcome).toEqual({ type: 'complete', afterMs: 3000 });
  });

  it('merges partials in order, the last one winning', () => {
    const merged = [{ name: 'one' }, { name: 'two', seed: 3 }].reduce(mergeScenario, base);
    expect(merged).toMatchObject({ name: 'two', seed: 3 });
  });
});
