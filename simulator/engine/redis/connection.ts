import { Redis } from 'ioredis';

/**
 * Where a networked store lives: `redis://[user:password@]HOST:PORT[/DB][?prefix=P&ttl=S]`.
 * `prefix` namespaces every key and channel (several simulators may share one Redis), `ttl` is how
 * long an untouched session and its keys are kept, in seconds.
 */
export interface RedisTarget {
  url: string;
  /** Every key and channel starts with it, e.g. `kyc-sim:`. */
  prefix: string;
  sessionTtlMs: number;
}

export const DEFAULT_PREFIX = 'kyc-sim:';
export const DEFAULT_SESSION_TTL_MS = 24 * 60 * 60 * 1000;

/** Reads a store URL; throws a message that says what is wrong with it. */
export function parseRedisUrl(spec: string): RedisTarget {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw new Error(`--store ${spec}: expected redis://HOST:PORT[/DB], e.g. redis://127.0.0.1:6379/0`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new Error(`--store ${spec}: only redis:// and rediss:// stores are supported`);
  if (url.pathname.length > 1 && !/^\/\d+$/.test(url.pathname))
    throw new Error(`--store ${spec}: the path is a database number, e.g. /0`);
  const ttl = url.searchParams.get('ttl');
  if (ttl !== null && !/^\d+$/.test(ttl)) throw new Error(`--store ${spec}: ttl is whole seconds`);
  const prefix = url.searchParams.get('prefix') ?? DEFAULT_PREFIX;
  url.search = '';
  return {
    url: url.toString(),
    prefix,
    sessionTtlMs: ttl === null ? DEFAULT_SESSION_TTL_MS : Number(ttl) * 1000,
  };
}

/**
 * The connections one simulator holds: one for commands, one in subscriber mode (Redis allows no
 * other commands on it). Both reconnect by themselves; commands wait while Redis is away.
 */
export class RedisConnection {
  readonly commands: Redis;
  readonly subscriber: Redis;

  private constructor(readonly target: RedisTarget) {
    const options = { lazyConnect: true, maxRetriesPerRequest: 20, connectionName: 'kyc-sim' };
    // Commands issued in the same tick go out in one write: under load most of a round trip's
    // cost is the write itself, and a share flow makes a dozen of them.
    this.commands = new Redis(target.url, { ...options, enableAutoPipelining: true });
    this.subscriber = new Redis(target.url, options);
  }

  static async open(target: RedisTarget): Promise<RedisConnection> {
    const connection = new RedisConnection(target);
    try {
      await Promise.all([connection.commands.connect(), connection.subscriber.connect()]);
    } catch (error) {
      connection.close();
      throw new Error(`cannot reach Redis at ${redact(target.url)}: ${(error as Error).message}`);
    }
    return connection;
  }

  /** A key or channel name in this simulator's namespace. */
  key(...parts: string[]): string {
    return `${this.target.prefix}${parts.join(':')}`;
  }

  close(): void {
    this.commands.disconnect();
    this.subscriber.disconnect();
  }
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
