// The Journal tab: every request, websocket frame and webhook, filtered, with copy-as-curl.
import { api, errorText } from './api.js';
import { toCurl } from './curl.js';
import { $, copyText, debounce, h, pretty, prettyBody, timeCell, toast } from './dom.js';
import { on } from './live.js';

const LIMIT = 200;
const open = new Set();

function query() {
  const params = new URLSearchParams({ limit: String(LIMIT) });
  for (const [name, value] of new FormData($('#journal-filters')))
    if (String(value).trim()) params.set(name, String(value).trim());
  return params;
}

function summary(e) {
  if (e.kind === 'http' || e.kind === 'webhook')
    return `${e.method ?? ''} ${e.path}${e.query ? `?${e.query}` : ''}`;
  return `${e.path}${e.message ? `  ${e.message}` : ''}`;
}

function detail(e) {
  return [
    e.requestHeaders && Object.keys(e.requestHeaders).length
      ? `request headers\n${pretty(e.requestHeaders)}`
      : '',
    e.requestBody ? `request body\n${prettyBody(e.requestBody)}` : '',
    e.responseBody ? `response body\n${prettyBody(e.responseBody)}` : '',
    e.message ? `message\n${prettyBody(e.message)}` : '',
    e.note ? `note: ${e.note}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

function row(e) {
  const copy =
    e.kind === 'http'
      ? h(
          'button',
          {
            type: 'button',
            class: 'small',
            title: 'copy as curl',
            dataset: { curl: String(e.id) },
            onclick: async (event) => {
              event.stopPropagation();
              await copyText(toCurl(e));
              toast(`Copied curl for ${e.method} ${e.path}`);
            },
          },
          'curl',
        )
      : null;
  const toggle = () => {
    if (!open.delete(e.id)) open.add(e.id);
    refresh();
  };
  return [
    h(
      'tr',
      { dataset: { entry: String(e.id) }, class: e.status >= 400 ? 'failed' : '', onclick: toggle },
      h('td', {}, timeCell(e)),
      h('td', {}, h('span', { class: `tag ${e.kind.replace('-', '')}` }, e.kind)),
      h('td', {}, e.provider),
      h('td', { class: 'path' }, summary(e)),
      h('td', {}, e.status ?? ''),
      h(
        'td',
        {},
        e.sessionId
          ? h(
              'a',
              { href: `#sessions/${encodeURIComponent(e.sessionId)}`, onclick: (ev) => ev.stopPropagation() },
              `${e.sessionId.slice(0, 8)}…`,
            )
          : '',
      ),
      h('td', {}, copy),
    ),
    open.has(e.id)
      ? h('tr', { class: 'detail' }, h('td', { colspan: 7 }, h('pre', {}, detail(e) || 'no bodies')))
      : null,
  ];
}

async function load() {
  const result = await api('GET', `/requests?${query()}`);
  const table = $('#journal-list');
  if (!result.ok) return table.replaceChildren(h('caption', { class: 'error' }, errorText(result)));
  const { requests, total } = result.data;
  table.replaceChildren(
    h(
      'caption',
      {},
      `${requests.length} shown of ${total} journaled (newest first, up to ${LIMIT}); click a row for bodies`,
    ),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['time', 'kind', 'provider', 'request', 'status', 'session', ''].map((c) => h('th', {}, c)),
      ),
    ),
    h('tbody', {}, requests.map(row)),
  );
}

const refresh = debounce(load, 150);

export function initJournal() {
  on('hello', ({ providers }) => {
    $('#journal-filters').provider.replaceChildren(
      h('option', { value: '' }, 'any'),
      ...[...providers, 'simulator'].map((p) => h('option', { value: p }, p)),
    );
    refresh();
  });
  on('journal', refresh);
  $('#journal-filters').addEventListener('input', refresh);
  $('#journal-filters').addEventListener('reset', () => setTimeout(refresh));
  $('#journal-filters').addEventListener('submit', (event) => event.preventDefault());
}
