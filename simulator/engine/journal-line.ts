import type { JournalEntry } from './journal.js';

const MESSAGE_CHARS = 160;

const WS_LABELS: Record<string, string> = {
  'ws-open': 'WS open ',
  'ws-in': 'WS in   ',
  'ws-out': 'WS out  ',
  'ws-close': 'WS close',
};

/**
 * One line per journal entry for `--verbose`: time, provider, method or websocket event, path,
 * status, duration, session id and note — what the request log of WireMock's --verbose gives.
 * Frames show their text, clipped to one short line.
 */
export function journalLine(entry: JournalEntry): string {
  const parts = [new Date(entry.at).toISOString().slice(11, 23), entry.provider.padEnd(9)];
  if (entry.kind === 'http' || entry.kind === 'webhook') {
    const label = entry.kind === 'webhook' ? `webhook ${entry.method ?? 'POST'}` : (entry.method ?? '?');
    parts.push(`${label.padEnd(8)} ${entry.path}${entry.query ? `?${entry.query}` : ''}`);
    parts.push(`→ ${entry.status ?? 'no answer'}`);
    if (entry.durationMs !== undefined) parts.push(`${Math.round(entry.durationMs)} ms`);
  } else {
    parts.push(`${WS_LABELS[entry.kind]} ${entry.path}`);
    if (entry.status !== undefined) parts.push(`→ ${entry.status}`);
    const message = entry.message?.replace(/\s+/g, ' ');
    if (message) parts.push(message.length > MESSAGE_CHARS ? `${message.slice(0, MESSAGE_CHARS)}…` : message);
  }
  if (entry.sessionId) parts.push(`session=${entry.sessionId}`);
  if (entry.note) parts.push(`(${entry.note})`);
  return parts.join('  ');
}
