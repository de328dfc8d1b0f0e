import type { Context, MiddlewareHandler } from 'hono';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses admin requests another web page could make on the user's behalf (CSRF). Browsers say
 * where a request comes from (Sec-Fetch-Site, Origin); tools (curl, SDKs, tests) say nothing and
 * are let through. Writes must also carry a body type no HTML form or "simple" fetch can send, so
 * that even a browser that sends neither header needs a CORS preflight — which kyc-sim never grants.
 */
export function refuseCrossOrigin(): MiddlewareHandler {
  return async (c, next) => {
    const write = !SAFE_METHODS.has(c.req.method);
    // The console's login page is a plain HTML form; it is still refused from other origins.
    const form = c.req.path === '/__admin/ui/login';
    const refusal = crossOriginRefusal(c) ?? (write && !form ? bodyTypeRefusal(c) : undefined);
    if (refusal) return c.json({ error: refusal.message }, refusal.status);
    return next();
  };
}

function crossOriginRefusal(c: Context): { status: 403; message: string } | undefined {
  const site = c.req.header('sec-fetch-site');
  const write = !SAFE_METHODS.has(c.req.method);
  // Following a link to the console from elsewhere is fine: it only shows the page.
  const navigation = !write && c.req.header('sec-fetch-mode') === 'navigate';
  if (site && site !== 'same-origin' && site !== 'none' && !navigation)
    return {
      status: 403,
      message: `the admin API answers only its own console and non-browser clients; this request came from another site (Sec-Fetch-Site: ${site})`,
    };
  const origin = c.req.header('origin');
  if (write && origin !== undefined && !sameOrigin(origin, c.req.header('host')))
    return {
      status: 403,
      message: `the admin API refuses changes requested by another origin (${origin}); use the console at /__admin/ui or a non-browser client`,
    };
  return undefined;
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false; // "null" and other opaque origins
  }
}

/** Types a cross-site form or simple fetch can send without asking (the CORS-safelisted ones). */
const FORM_TYPES = /^\s*(text\/plain|application\/x-www-form-urlencoded|multipart\/form-data)\b/i;
const JSON_TYPE = /^\s*application\/([\w.+-]*\+)?json\b/i;
const YAML_TYPE = /^\s*(application|text)\/(x-)?yaml\b/i;

function bodyTypeRefusal(c: Context): { status: 415; message: string } | undefined {
  const type = c.req.header('content-type');
  const length = c.req.header('content-length');
  const hasBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
  const scenario = /\/scenario(\/overrides)?$/.test(c.req.path);
  if (!hasBody && (type === undefined || !FORM_TYPES.test(type))) return undefined;
  if (type !== undefined && (JSON_TYPE.test(type) || (scenario && YAML_TYPE.test(type)))) return undefined;
  return {
    status: 415,
    message: `admin changes take a JSON body (Content-Type: application/json${scenario ? ', or application/yaml for a scenario' : ''}); got ${type ?? 'a body without Content-Type'}`,
  };
}
