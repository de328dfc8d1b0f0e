import { describe, expect, it } from 'vitest';
import { useSimulator } from './support/simulator.js';

/**
 * Bad input gets the provider's own error, never a 500: every route of every provider is sent
 * malformed, wrongly typed and oversized bodies under several content types.
 */
const BODIES = [
  '',
  '{',
  'null',
  '[]',
  '"text"',
  '{"a":1}',
  '{"flow":123,"tag":[],"api_key":5,"url":7}',
  'x'.repeat(70_000),
];
const CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'multipart/form-data',
  'application/x-www-form-urlencoded',
];
const QUERY = '?sdkId=zz&appId=zz&session_id=zz&flow_api_key=zz&locale=zz';

describe('bad input on every route', () => {
  const sim = useSimulator();

  it('never answers 5xx', async () => {
    const failures: string[] = [];
    // The console's live feed streams forever; it takes no input.
    const routes = sim().routes.filter((r) => !r.path.endsWith('/events'));
    expect(routes.length).toBeGreaterThan(50);
    for (const route of routes) {
      const path = route.path.replace(/:[A-Za-z_]+/g, 'zz').replace(/\*/g, 'x');
      const bodies = route.method === 'GET' || route.method === 'DELETE' ? [undefined] : BODIES;
      for (const body of bodies) {
        for (const contentType of body === undefined ? ['application/json'] : CONTENT_TYPES) {
          const res = await fetch(`${sim().url}${path}${QUERY}`, {
            method: route.method,
            body,
            headers: { 'content-type': contentType, authorization: 'Basic zz' },
          });
          await res.arrayBuffer();
          if (res.status >= 500)
            failures.push(
              `${res.status} ${route.method} ${path} (${contentType}, ${String(body).slice(0, 12)})`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
