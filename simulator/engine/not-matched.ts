/**
 * Explains an unmatched request the way mockttp and WireMock do: which known route it nearly
 * matched and how it differs, so a misconfigured client is diagnosed in one look.
 */
export interface KnownRoute {
  method: string;
  path: string;
}

export interface NearMiss {
  route: KnownRoute;
  /** What differs, e.g. "method is POST, route wants GET" or "segment 4: 'qrcode' vs 'qrcodes'". */
  difference: string;
}

const segments = (path: string) => path.split('/').filter(Boolean);

function segmentScore(routeSeg: string, seg: string): number {
  if (routeSeg.startsWith(':') || routeSeg === '*') return 0.8;
  if (routeSeg === seg) return 1;
  return routeSeg.toLowerCase() === seg.toLowerCase() ? 0.9 : 0;
}

export function nearestRoute(
  routes: readonly KnownRoute[],
  method: string,
  path: string,
): NearMiss | undefined {
  const want = segments(path);
  let best: { route: KnownRoute; score: number } | undefined;
  for (const route of routes) {
    if (route.path.endsWith('*') && route.method === 'ALL') continue; // middleware, not a route
    const have = segments(route.path);
    let score = 0;
    for (let i = 0; i < Math.min(have.length, want.length); i++) score += segmentScore(have[i], want[i]);
    score -= Math.abs(have.length - want.length) * 0.5;
    if (route.method === method || route.method === 'ALL') score += 0.5;
    if (!best || score > best.score) best = { route, score };
  }
  if (!best || best.score <= 0.5) return undefined;
  return { route: best.route, difference: describeDifference(best.route, method, want) };
}

function describeDifference(route: KnownRoute, method: string, want: string[]): string {
  const have = segments(route.path);
  if (have.length !== want.length) {
    return `path has ${want.length} segments, route has ${have.length}`;
  }
  for (let i = 0; i < have.length; i++) {
    if (segmentScore(have[i], want[i]) < 0.8)
      return `segment ${i + 1} is '${want[i]}', route has '${have[i]}'`;
  }
  if (route.method !== method && route.method !== 'ALL')
    return `method is ${method}, route wants ${route.method}`;
  return 'path matches; the request was refused by the route';
}

/**
 * `text` as a header value: printable ASCII stays, anything else (control characters from a
 * decoded `%00`/`%0A`, non-ASCII) is percent-encoded as UTF-8, so a path can never break the
 * answer that explains it.
 */
export function headerValue(text: string): string {
  // Buffer encodes a lone surrogate as U+FFFD, so every match has a UTF-8 form.
  return text.replace(/[^\x20-\x7e]/gu, (char) =>
    Array.from(Buffer.from(char), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}
