// The API reference page: draws the OpenAPI 3.1 and AsyncAPI 3 documents kyc-sim serves.
import { api, errorText } from './api.js';
import { $, fill, h } from './dom.js';
import { schemaView } from './schema-view.js';

/** `a` and `b` in backticks become code. */
const prose = (text) => (text ?? '').split('`').map((part, i) => (i % 2 ? h('code', {}, part) : part));

let listed = { openapi: [], asyncapi: [] };
const cache = new Map();

async function documentAt(url) {
  if (!cache.has(url)) cache.set(url, api('GET', url.replace(/^\/__admin/, '')));
  return cache.get(url);
}

function navigation(current) {
  const link = (kind, { name, url }) =>
    h(
      'a',
      { href: `#${kind}/${name}`, class: current === `${kind}/${name}` ? 'active' : null, dataset: { url } },
      name === 'admin' ? 'Admin API' : name,
      h('span', { class: 'muted' }, kind === 'openapi' ? ' OpenAPI' : ' websocket · AsyncAPI'),
    );
  fill(
    $('#reference-documents'),
    h('h3', {}, 'HTTP'),
    listed.openapi.map((d) => link('openapi', d)),
    h('h3', {}, 'Websockets'),
    listed.asyncapi.map((d) => link('asyncapi', d)),
  );
}

const methodBadge = (method) => h('span', { class: `method ${method}` }, method.toUpperCase());

function parametersView(parameters) {
  if (!parameters?.length) return null;
  return [
    h('h4', {}, 'Parameters'),
    h(
      'table',
      { class: 'grid params' },
      h('thead', {}, h('tr', {}, h('th', {}, 'name'), h('th', {}, 'in'), h('th', {}, 'description'))),
      h(
        'tbody',
        {},
        parameters.map((p) =>
          h(
            'tr',
            {},
            h(
              'td',
              {},
              h('code', {}, p.name),
              p.required ? h('span', { class: 'required', title: 'required' }, '*') : '',
            ),
            h('td', {}, p.in),
            h(
              'td',
              {},
              prose(p.description),
              p.schema?.enum ? h('div', { class: 'muted' }, `one of ${p.schema.enum.join(', ')}`) : '',
            ),
          ),
        ),
      ),
    ),
  ];
}

function contentView(content, doc) {
  return Object.entries(content ?? {}).map(([type, { schema }]) =>
    h(
      'div',
      { class: 'content' },
      h('span', { class: 'muted' }, type),
      schema ? schemaView(schema, doc) : null,
    ),
  );
}

function operationView(path, method, op, doc) {
  const security = op.security ?? doc.security;
  const needs = (security ?? []).filter((s) => Object.keys(s).length).map((s) => Object.keys(s)[0]);
  return h(
    'details',
    {
      class: 'operation',
      id: op.operationId,
      dataset: { search: `${method} ${path} ${op.summary}`.toLowerCase() },
    },
    h(
      'summary',
      {},
      methodBadge(method),
      h('code', { class: 'path' }, path),
      h('span', { class: 'summary' }, op.summary),
    ),
    op.description ? h('p', {}, prose(op.description)) : null,
    needs.length
      ? h(
          'p',
          { class: 'muted' },
          'Authorization: ',
          needs.join(' or '),
          security.some((s) => !Object.keys(s).length) ? ' (when set up)' : '',
        )
      : null,
    parametersView(op.parameters),
    op.requestBody
      ? [
          h('h4', {}, 'Request body', op.requestBody.required ? '' : ' (optional)'),
          prose(op.requestBody.description),
          contentView(op.requestBody.content, doc),
        ]
      : null,
    h('h4', {}, 'Responses'),
    Object.entries(op.responses).map(([status, response]) =>
      h(
        'div',
        { class: 'response' },
        h('span', { class: `status s${status[0]}` }, status),
        h('span', {}, prose(response.description)),
        contentView(response.content, doc),
      ),
    ),
  );
}

function securityView(doc) {
  const schemes = Object.entries(doc.components?.securitySchemes ?? {});
  if (!schemes.length) return null;
  return [
    h('h3', {}, 'Authorization'),
    schemes.map(([name, scheme]) =>
      h(
        'p',
        {},
        h('strong', {}, name),
        ` (${scheme.type}${scheme.name ? `, ${scheme.name} in ${scheme.in}` : ''}): `,
        prose(scheme.description),
      ),
    ),
  ];
}

function openApiView(doc, url) {
  const byTag = new Map();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags?.[0] ?? 'other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push(operationView(path, method, op, doc));
    }
  }
  const filter = h('input', {
    type: 'search',
    placeholder: 'Filter by method, path or summary',
    'aria-label': 'filter operations',
    oninput: () => {
      const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      for (const el of document.querySelectorAll('.operation'))
        el.hidden = !words.every((w) => el.dataset.search.includes(w));
      for (const group of document.querySelectorAll('.op-group'))
        group.hidden = !group.querySelector('.operation:not([hidden])');
    },
  });
  return [
    header(doc.info, url, `OpenAPI ${doc.openapi} · server ${doc.servers[0].url}`),
    securityView(doc),
    h('div', { class: 'row' }, filter),
    [...byTag].map(([tag, views]) => h('section', { class: 'op-group' }, h('h3', {}, tag), views)),
  ];
}

function asyncApiView(doc, url) {
  const server = Object.values(doc.servers)[0];
  return [
    header(doc.info, url, `AsyncAPI ${doc.asyncapi} · ${server.protocol}://${server.host}${server.pathname}`),
    Object.entries(doc.channels).map(([id, channel]) => {
      const direction = (message) =>
        Object.values(doc.operations).find((op) =>
          op.messages.some((m) => m.$ref.endsWith(`/messages/${message}`)),
        )?.action;
      return h(
        'section',
        { class: 'op-group' },
        h('h3', {}, id),
        h('p', {}, h('code', { class: 'path' }, `${server.pathname}${channel.address}`)),
        h('p', {}, prose(channel.description)),
        parametersView(
          Object.entries(channel.parameters ?? {}).map(([name, p]) => ({
            name,
            in: 'address',
            required: true,
            ...p,
          })),
        ),
        Object.entries(channel.messages).map(([name, message]) =>
          h(
            'div',
            { class: 'operation open' },
            h(
              'p',
              {},
              h(
                'span',
                { class: `method ${direction(name)}` },
                direction(name) === 'send' ? 'kyc-sim sends' : 'client sends',
              ),
              ' ',
              h('strong', {}, name),
              ': ',
              prose(message.summary),
            ),
            schemaView(message.payload, doc),
          ),
        ),
      );
    }),
  ];
}

function header(info, url, subtitle) {
  return [
    h('h2', {}, info.title, ' ', h('span', { class: 'muted' }, info.version)),
    h('p', { class: 'muted' }, subtitle, ' · ', h('a', { href: url, target: '_blank' }, 'JSON')),
    h('p', {}, prose(info.description)),
  ];
}

async function show() {
  const wanted = location.hash.slice(1) || 'openapi/admin';
  const [kind, name] = wanted.split('/');
  const entry = listed[kind]?.find((d) => d.name === name) ?? listed.openapi[0];
  const current = `${listed[kind]?.includes(entry) ? kind : 'openapi'}/${entry.name}`;
  navigation(current);
  const result = await documentAt(entry.url);
  const main = $('#reference-document');
  if (!result.ok) return fill(main, h('p', { class: 'error' }, errorText(result)));
  fill(
    main,
    current.startsWith('asyncapi')
      ? asyncApiView(result.data, entry.url)
      : openApiView(result.data, entry.url),
  );
}

const result = await api('GET', '/api-documents');
if (!result.ok) fill($('#reference-document'), h('p', { class: 'error' }, errorText(result)));
else {
  listed = result.data;
  window.addEventListener('hashchange', show);
  await show();
}
