// A journaled HTTP request as a curl command that replays it against this simulator.
const SKIPPED = new Set(['host', 'content-length', 'connection', 'accept-encoding']);

/** POSIX shell single quotes: nothing inside is special except the quote itself. */
export const shellQuote = (text) => `'${String(text).replaceAll("'", "'\\''")}'`;

export function toCurl(entry, origin = location.origin) {
  const url = `${origin}${entry.path}${entry.query ? `?${entry.query}` : ''}`;
  const parts = ['curl'];
  if (entry.method && entry.method !== 'GET') parts.push('-X', entry.method);
  parts.push(shellQuote(url));
  for (const [name, value] of Object.entries(entry.requestHeaders ?? {})) {
    if (!SKIPPED.has(name.toLowerCase())) parts.push('-H', shellQuote(`${name}: ${value}`));
  }
  if (entry.requestBody !== undefined && entry.requestBody !== '')
    parts.push('--data-raw', shellQuote(entry.requestBody));
  return parts.join(' ');
}
