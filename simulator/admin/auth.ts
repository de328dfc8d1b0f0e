import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/** One-time console links and console sessions kept at most; the oldest go first. */
const MAX_LOGIN_CODES = 32;
const MAX_CONSOLE_SESSIONS = 64;
const LOGIN_CODE_TTL_MS = 15 * 60_000;

const digest = (text: string) => createHash('sha256').update(text).digest();
const randomId = () => randomBytes(24).toString('base64url');

/**
 * The optional admin token. Tools send `Authorization: Bearer <token>`; the console, a page in a
 * browser, gets a cookie instead: opened through a one-time link (`consoleUrl()`, printed at
 * start) or after typing the token into its login page. The cookie holds a random console session,
 * never the token, and is HttpOnly and SameSite=Strict, so other sites' pages never send it.
 */
export class AdminAuth {
  readonly #token: Buffer | undefined;
  readonly #codes = new Map<string, number>();
  readonly #sessions = new Set<string>();

  constructor(
    token: string | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.#token = token ? digest(token) : undefined;
  }

  get enabled(): boolean {
    return this.#token !== undefined;
  }

  /** A console link that logs its first visitor in; the plain console URL when no token is set. */
  consoleUrl(baseUrl: string): string {
    const url = `${baseUrl}/__admin/ui`;
    if (!this.enabled) return url;
    const code = randomId();
    this.#codes.set(code, this.now() + LOGIN_CODE_TTL_MS);
    dropOldest(this.#codes, MAX_LOGIN_CODES);
    return `${url}?login=${code}`;
  }

  /** Checks every /__admin request; the console's login page and login routes are the exceptions. */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      if (!this.enabled || this.#authenticated(c)) return next();
      const path = c.req.path;
      const consolePage = c.req.method === 'GET' && /^\/__admin\/ui\/?$/.test(path);
      if (consolePage) {
        const code = c.req.query('login');
        if (code !== undefined && this.#redeem(code)) return this.#startSession(c);
        return c.html(
          loginPage(code !== undefined ? 'That link was already used or has expired.' : undefined),
          401,
        );
      }
      if (c.req.method === 'POST' && path === '/__admin/ui/login') {
        const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
        if (typeof form.token === 'string' && this.#matches(form.token)) return this.#startSession(c);
        return c.html(loginPage('That is not the admin token.'), 401);
      }
      c.header('WWW-Authenticate', 'Bearer realm="kyc-sim admin"');
      return c.json(
        {
          error:
            'this kyc-sim requires its admin token: send Authorization: Bearer <token> (the --admin-token or KYC_SIM_ADMIN_TOKEN it was started with), or open the console link it printed',
        },
        401,
      );
    };
  }

  #authenticated(c: Context): boolean {
    const header = c.req.header('authorization');
    if (header?.startsWith('Bearer ') && this.#matches(header.slice(7).trim())) return true;
    const session = getCookie(c, cookieName(c));
    return session !== undefined && this.#sessions.has(session);
  }

  #matches(candidate: string): boolean {
    return this.#token !== undefined && timingSafeEqual(digest(candidate), this.#token);
  }

  #redeem(code: string): boolean {
    const expires = this.#codes.get(code);
    this.#codes.delete(code);
    return expires !== undefined && expires > this.now();
  }

  #startSession(c: Context): Response {
    const session = randomId();
    this.#sessions.add(session);
    dropOldest(this.#sessions, MAX_CONSOLE_SESSIONS);
    setCookie(c, cookieName(c), session, {
      path: '/__admin',
      httpOnly: true,
      sameSite: 'Strict',
      secure: new URL(c.req.url).protocol === 'https:',
    });
    // A clean URL: the used link leaves the address bar and is not bookmarked.
    return c.redirect('/__admin/ui', 303);
  }
}

/** Cookies are shared by every port of a host: one name per port keeps two simulators apart. */
const cookieName = (c: Context) => `kyc-sim-admin-${new URL(c.req.url).port || 'default'}`;

function dropOldest(items: Map<string, unknown> | Set<string>, max: number): void {
  for (const key of items.keys()) {
    if (items.size <= max) return;
    items.delete(key);
  }
}

function loginPage(problem?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kyc-sim · admin token</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1d2330}
input{font:inherit;width:100%;box-sizing:border-box;padding:.5rem;margin:.5rem 0}
button{font:inherit;padding:.5rem 1rem}.problem{color:#a3261b}code{background:#eef0f4;padding:0 .25rem}
</style></head><body>
<h1>kyc-sim console</h1>
<p>This simulator was started with an admin token. Open the console link it printed at start
(it works once), or enter the token (<code>--admin-token</code> or <code>KYC_SIM_ADMIN_TOKEN</code>).</p>
${problem ? `<p class="problem" role="alert">${problem}</p>` : ''}
<form method="post" action="/__admin/ui/login">
<label for="token">Admin token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Open the console</button>
</form></body></html>`;
}
