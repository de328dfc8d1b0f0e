import { afterAll, beforeAll, describe, it } from 'vitest';
import { findRedisServer, type RedisServer, startRedisServer } from '../../bench/redis-server.js';

export type { RedisServer } from '../../bench/redis-server.js';

/** Where redis-server is missing the Redis suites are skipped and say why; under CI they fail instead. */
const found = findRedisServer();

/**
 * `describe` for a suite that needs Redis: runs it against a redis-server started for the file,
 * or skips it with the reason in its name; under CI a missing redis-server is a failing test.
 */
export function describeWithRedis(name: string, body: (redis: () => RedisServer) => void): void {
  if (!found.path) {
    if (process.env.CI) {
      describe(name, () => {
        it('needs redis-server', () => {
          throw new Error(`CI must run the Redis suites: ${found.reason}`);
        });
      });
    } else {
      describe.skip(`${name} (skipped: ${found.reason})`, () => body(() => unreachable()));
    }
    return;
  }
  const binary = found.path;
  describe(name, () => {
    let server: RedisServer | undefined;
    beforeAll(async () => {
      server = await startRedisServer(binary);
    });
    afterAll(async () => {
      await server?.stop();
    });
    body(() => {
      if (!server) throw new Error('redis-server not started yet');
      return server;
    });
  });
}

function unreachable(): never {
  throw new Error('skipped suites never run');
}

let prefixes = 0;
/** A key prefix no other test of the run uses, so tests sharing one redis-server never meet. */
export const freshPrefix = () => `t${process.pid}-${++prefixes}:`;
