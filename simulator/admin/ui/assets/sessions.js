// The Sessions tab: the live list of every provider's sessions and one session's detail.
import { actionForm, setAvailable } from './action-form.js';
import { api, errorText } from './api.js';
import { $, clockTime, debounce, fill, h, pretty, stateBadge, toast } from './dom.js';
import { isEnded } from './kinds.js';
import { on } from './live.js';
import { sessionOpeners } from './panels.js';
import { timeline } from './timeline.js';

let sessions = [];
let selected;
let actionsFor;

const shortId = (id) => (id.length > 14 ? `${id.slice(0, 12)}…` : id);

function renderList() {
  const provider = $('#session-provider').value;
  const state = $('#session-state').value.trim().toUpperCase();
  const shown = sessions.filter(
    (s) => (!provider || s.provider === provider) && (!state || s.state.includes(state)),
  );
  $('#session-list').replaceChildren(
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['session', 'state', 'updated'].map((c) => h('th', {}, c)),
      ),
    ),
    h(
      'tbody',
      {},
      shown.length === 0
        ? h('tr', {}, h('td', { colspan: 3, class: 'muted' }, 'No sessions yet: start a flow from a client.'))
        : null,
      shown.map((s) =>
        h(
          'tr',
          {
            class: s.id === selected ? 'selected' : '',
            dataset: { id: s.id },
            onclick: () => (location.hash = `#sessions/${encodeURIComponent(s.id)}`),
          },
          // Provider and kind over the id: three columns fit a narrow list pane.
          h(
            'td',
            { title: s.id },
            `${s.provider} · ${s.kind}`,
            h('code', { class: 'session-ref' }, shortId(s.id)),
          ),
          h('td', {}, stateBadge(s)),
          h('td', {}, clockTime(s.updatedAt)),
        ),
      ),
    ),
  );
}

function skeleton(id) {
  return [
    h('div', { id: 'sd-head' }),
    h('h3', {}, 'Actions'),
    h('div', { id: 'sd-actions', class: 'actions' }, h('p', { class: 'muted' }, 'Loading…')),
    h('h3', {}, 'Timeline'),
    h('div', { id: 'sd-timeline' }),
    h('details', { id: 'sd-data' }, h('summary', {}, 'Session data'), h('pre', {})),
  ].map((el) => {
    el.dataset.session = id;
    return el;
  });
}

async function renderActions(session) {
  actionsFor = session.id;
  const result = await api('GET', `/ui/api/sessions/${encodeURIComponent(session.id)}/actions`);
  const box = $('#sd-actions');
  if (!box || actionsFor !== session.id) return;
  if (!result.ok) return box.replaceChildren(h('p', { class: 'error' }, errorText(result)));
  const run = async (name, params) => {
    const answer = await api('POST', `/sessions/${encodeURIComponent(session.id)}/actions`, {
      action: name,
      ...params,
    });
    if (!answer.ok) return toast(`${name}: ${errorText(answer)}`, 'bad');
    toast(`${name}: the session is ${answer.data.state}`);
    refreshDetail();
  };
  const forms = result.data.actions.map((a) => {
    const form = actionForm(
      a,
      (params) => run(a.name, params),
      (m) => toast(m, 'bad'),
    );
    form.dataset.onEnded = String(a.onEnded);
    return form;
  });
  box.replaceChildren(
    h('p', { id: 'sd-ended', class: 'muted', hidden: true }),
    ...(forms.length ? forms : [h('p', { class: 'muted' }, 'This kind of session has no actions.')]),
  );
  markAvailable(session);
}

/** On an ended session only the actions meant for ended ones stay enabled (the engine refuses the rest). */
function markAvailable(session) {
  const box = $('#sd-actions');
  if (!box || actionsFor !== session.id) return;
  const ended = isEnded(session.provider, session.kind, session.state);
  const why = `the session has ended (${session.state})`;
  for (const form of box.querySelectorAll('form.action'))
    setAvailable(form, !ended || form.dataset.onEnded === 'true', why);
  const note = $('#sd-ended');
  if (note) {
    note.hidden = !ended;
    note.textContent = ended ? `The session has ended (${session.state}): its actions no longer apply.` : '';
    if (ended && box.querySelector('form.action:not([data-unavailable])'))
      note.textContent = `The session has ended (${session.state}): only the actions still enabled apply.`;
  }
}

function renderHead(session) {
  const qrcode = typeof session.data?.qrcode === 'string' ? session.data.qrcode : undefined;
  const openers = sessionOpeners().filter(
    (o) => o.provider === session.provider && o.kinds.includes(session.kind),
  );
  fill(
    $('#sd-head'),
    h('h2', {}, `${session.provider} · ${session.kind} `, stateBadge(session)),
    h('p', {}, h('code', { class: 'session-id' }, session.id)),
    qrcode
      ? h(
          'div',
          { class: 'qr' },
          h('img', {
            src: `/__admin/ui/qr.svg?text=${encodeURIComponent(qrcode)}`,
            alt: 'QR code',
            width: 140,
            height: 140,
          }),
          h('div', {}, h('code', { class: 'wrap' }, qrcode)),
        )
      : null,
    openers.map((o) => h('p', {}, h('a', { href: `#${o.id}/${encodeURIComponent(session.id)}` }, o.label))),
    // What the engine will do next, in the sentences the kind's steps give for themselves.
    session.pending?.length
      ? h(
          'ul',
          { id: 'sd-pending', class: 'muted' },
          session.pending.map((p) =>
            h('li', { dataset: { slot: p.slot } }, `at ${clockTime(p.dueAt)}: ${p.explanation}`),
          ),
        )
      : null,
  );
}

async function loadDetail() {
  const id = selected;
  if (!id) return;
  const result = await api('GET', `/sessions/${encodeURIComponent(id)}`);
  if (id !== selected) return;
  const pane = $('#session-detail');
  if (!result.ok) {
    actionsFor = undefined;
    return pane.replaceChildren(h('p', { class: 'error' }, errorText(result)));
  }
  const session = result.data;
  if (pane.firstElementChild?.dataset.session !== id) {
    pane.replaceChildren(...skeleton(id));
    delete pane.dataset.head;
    delete pane.dataset.timeline;
  }
  // Redraw only what changed: a polling client journals a request every few hundred ms.
  const headKey = `${session.state}|${session.updatedAt}`;
  if (pane.dataset.head !== headKey) {
    renderHead(session);
    markAvailable(session);
  }
  pane.dataset.head = headKey;
  const timelineKey = `${session.timeline.length}|${session.traffic.at(-1)?.id}`;
  if (pane.dataset.timeline !== timelineKey) $('#sd-timeline').replaceChildren(timeline(session));
  pane.dataset.timeline = timelineKey;
  const data = pretty(session.data);
  if ($('#sd-data pre').textContent !== data) $('#sd-data pre').textContent = data;
  // Forms are drawn once per session so a refresh never wipes what the QA person is typing.
  if (actionsFor !== id) renderActions(session);
}

const refreshDetail = debounce(loadDetail, 80);

export function selectSession(id) {
  if (id === selected) return;
  selected = id;
  actionsFor = undefined;
  renderList();
  if (id) loadDetail();
  else $('#session-detail').replaceChildren(h('p', { class: 'muted' }, 'Pick a session on the left.'));
}

export function initSessions() {
  on('hello', ({ providers }) => {
    $('#session-provider').replaceChildren(
      h('option', { value: '' }, 'all'),
      ...providers.map((p) => h('option', { value: p }, p)),
    );
  });
  on('sessions', (data) => {
    const before = sessions.find((s) => s.id === selected);
    sessions = data.sessions;
    renderList();
    const after = sessions.find((s) => s.id === selected);
    if (selected && (before?.updatedAt !== after?.updatedAt || before?.state !== after?.state))
      refreshDetail();
  });
  on('journal', (entry) => {
    if (entry.sessionId && entry.sessionId === selected) refreshDetail();
  });
  $('#session-provider').addEventListener('change', renderList);
  $('#session-state').addEventListener('input', renderList);
}
