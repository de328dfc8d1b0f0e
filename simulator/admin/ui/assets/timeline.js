// A session's timeline: its own events and its journal traffic, in time order.
import { clockTime, h, pretty, prettyBody, timeCell } from './dom.js';

/** {"stage":"FSpan","code":4081} → stage=FSpan code=4081, cut to a line. */
function oneLine(detail) {
  const text = Object.entries(detail)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  return text.length > 110 ? `${text.slice(0, 110)}…` : text;
}

function trafficLine(e) {
  if (e.kind === 'http') return `${e.method} ${e.path}${e.query ? `?${e.query}` : ''} → ${e.status}`;
  if (e.kind === 'webhook') return `webhook ${e.method ?? 'POST'} ${e.path} → ${e.status ?? 'no answer'}`;
  if (e.kind === 'ws-in') return `⇢ ${e.message}`;
  if (e.kind === 'ws-out') return `⇠ ${e.message}`;
  return `${e.kind} ${e.path}${e.note ? ` (${e.note})` : ''}`;
}

function trafficDetail(e) {
  const parts = [];
  if (e.requestHeaders && Object.keys(e.requestHeaders).length)
    parts.push(`request headers\n${pretty(e.requestHeaders)}`);
  if (e.requestBody) parts.push(`request body\n${prettyBody(e.requestBody)}`);
  if (e.responseBody) parts.push(`response body\n${prettyBody(e.responseBody)}`);
  if (e.note) parts.push(`note: ${e.note}`);
  return parts.join('\n\n');
}

/**
 * In the order things happened: by real time when both sides have it (the manual clock stands
 * still, so simulated times tie), else by simulated time; a session's events after the traffic of
 * the same instant, each side in its own order.
 */
function inOrder(a, b) {
  const real = a.realAt !== undefined && b.realAt !== undefined;
  return (
    (real ? a.realAt - b.realAt : a.at - b.at) ||
    (a.tag === 'event') - (b.tag === 'event') ||
    a.order - b.order
  );
}

export function timeline(session) {
  const items = [
    ...session.timeline.map((t, i) => ({
      at: t.at,
      realAt: t.realAt,
      order: i,
      tag: 'event',
      tone: 'event',
      text: t.detail ? `${t.event} ${oneLine(t.detail)}` : t.event,
      detail: t.detail ? pretty(t.detail) : '',
    })),
    ...session.traffic.map((e) => ({
      at: e.at,
      realAt: e.realAt,
      order: e.id,
      tag: e.kind,
      tone: e.kind.replace('-', ''),
      text: trafficLine(e),
      detail: trafficDetail(e),
    })),
  ].sort(inOrder);
  if (items.length === 0) return h('p', { class: 'muted' }, 'Nothing yet.');
  return h(
    'ol',
    { class: 'timeline' },
    collapseRepeats(items).map((item) =>
      h(
        'li',
        { class: item.tone },
        timeCell(item),
        h('span', { class: `tag ${item.tone}` }, item.tag),
        item.detail
          ? h('details', {}, h('summary', {}, item.text, item.repeats), h('pre', {}, item.detail))
          : h('span', {}, item.text, item.repeats),
      ),
    ),
  );
}

/** A polling client asks the same thing many times: one line with ×n (and the last one's detail). */
function collapseRepeats(items) {
  const out = [];
  for (const item of items) {
    const last = out.at(-1);
    if (last && last.tag !== 'event' && last.tag === item.tag && last.text === item.text) {
      last.count += 1;
      last.detail = item.detail;
      last.repeats = h('span', { class: 'repeats', title: `until ${clockTime(item.at)}` }, ` ×${last.count}`);
    } else out.push({ ...item, count: 1, repeats: null });
  }
  return out;
}
