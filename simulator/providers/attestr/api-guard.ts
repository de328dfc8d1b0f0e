import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { type AttestrError, attestrError } from './errors.js';
import type { RateLimiter } from './rate-limits.js';
import type { AttestrClient, AttestrContext } from './schema.js';

export const SUPPORTED_VERSIONS = ['v1', 'v2'];

/**
 * The checks every server API call passes before its own: version, authorization, account
 * status, caller IP, rate limits (account, API, daily) and provisioning, in that order. Returns the client or the error.
 */
export function guardApiCall(
  ctx: AttestrContext,
  limiter: RateLimiter,
  c: Context,
  endpoint: string,
): { client: AttestrClient } | { error: AttestrError } {
  const version = c.req.param('version') ?? '';
  if (!SUPPORTED_VERSIONS.includes(version)) {
    return { error: attestrError(40051, `API version ${version} is not supported; use v1 or v2`) };
  }
  const authorization = c.req.header('authorization') ?? '';
  const match = /^Basic\s+(\S+)\s*$/i.exec(authorization);
  const client = match ? ctx.section().clients.find((k) => k.authToken === match[1]) : undefined;
  if (!client) {
    const why = match ? 'the token matches no registered app' : 'expected "Authorization: Basic <authToken>"';
    return { error: attestrError(4016, why) };
  }
  if (client.suspended) return { error: attestrError(4031, `app ${client.clientKey} is suspended`) };
  const ip = callerIp(c);
  if (client.ipWhitelist.length > 0 && !(ip && client.ipWhitelist.includes(ip))) {
    return { error: attestrError(4039, `caller address ${ip ?? 'unknown'} is not in the whitelist`) };
  }
  const { account, api, daily } = client.rateLimits;
  if (account && !limiter.take(`account:${client.clientKey}`, account)) {
    return { error: attestrError(4291, `${account.requests} requests per ${account.windowMs} ms`) };
  }
  if (api && !limiter.take(`api:${client.clientKey}:${endpoint}`, api)) {
    return { error: attestrError(4292, `${api.requests} requests per ${api.windowMs} ms to this API`) };
  }
  if (daily && !limiter.takeDaily(`daily:${client.clientKey}`, daily.requests)) {
    return { error: attestrError(4293, `${daily.requests} requests per day (UTC)`) };
  }
  if (!client.services.includes('flowx')) {
    return { error: attestrError(4035, "flowx is not among the app's services") };
  }
  return { client };
}

/** The socket's address, IPv4-mapped IPv6 unwrapped; undefined outside a Node server (app.request). */
function callerIp(c: Context): string | undefined {
  try {
    const address = getConnInfo(c).remote.address;
    return address?.startsWith('::ffff:') ? address.slice(7) : address;
  } catch {
    return undefined;
  }
}
