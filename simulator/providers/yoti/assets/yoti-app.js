// The virtual Yoti app, Yoti's console panel: scan a QR URL (or pick a pending share), see what the
// app asks for, then Share or Decline — for a kiosk QR code (share v1) the share session's
// `complete` or `fail` action, which the kiosk's websocket hears; for a Digital ID QR code (share
// v2) the session's `share` or `decline` action, which the web page's share client hears. Served beside the console's own modules (/__admin/ui/assets/), so the
// imports below are theirs.
import { api, errorText } from './api.js';
import { $, fill, h, stateBadge, toast } from './dom.js';
import { on } from './live.js';
import { registerPanel } from './panels.js';

let scanned;

/** given_names → Given names; age_over:18 → Age over 18. */
const attributeLabel = (name) => {
  const [base, value] = name.split(':');
  const words = base.replaceAll('_', ' ');
  return `${words[0].toUpperCase()}${words.slice(1)}${value ? ` ${value}` : ''}`;
};

async function refreshPending() {
  const result = await api('GET', '/ui/api/yoti/pending');
  if (!result.ok) return;
  const select = $('#yoti-pending');
  const current = select.value;
  select.replaceChildren(
    h('option', { value: '' }, result.data.pending.length ? '— pick one —' : 'none waiting'),
    ...result.data.pending.map((p) =>
      h('option', { value: p.id, dataset: { qrcode: p.qrcode } }, `${p.id.slice(0, 8)}… (${p.state})`),
    ),
  );
  select.value = result.data.pending.some((p) => p.id === current) ? current : '';
}

async function lastFrameToClient(sessionId) {
  const result = await api('GET', `/sessions/${encodeURIComponent(sessionId)}`);
  if (!result.ok) return undefined;
  const frames = result.data.traffic.filter((e) => e.kind === 'ws-out');
  return { state: result.data.state, frame: frames.at(-1)?.message };
}

function renderPhone(info) {
  const ended = info.session && !info.openStates.includes(info.session.state);
  fill(
    $('#yoti-phone'),
    h(
      'div',
      { class: 'phone-head', style: `background:${info.receiptBgColor ?? '#2D9FFF'}` },
      h('strong', { id: 'yoti-app-name' }, info.appName ?? '?'),
      h('small', {}, 'would like to see'),
    ),
    h(
      'ul',
      { id: 'yoti-attributes', class: 'attributes' },
      info.attributes.map((a) => h('li', { dataset: { attribute: a } }, attributeLabel(a), h('code', {}, a))),
    ),
    h(
      'p',
      {},
      'Share session ',
      h('code', {}, info.session?.id ?? '—'),
      ' ',
      info.session ? stateBadge({ provider: 'yoti', ...info.session }) : '',
    ),
    info.frame ? h('p', { id: 'yoti-frame' }, 'The waiting client heard ', h('code', {}, info.frame)) : null,
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        {
          type: 'button',
          id: 'yoti-share',
          class: 'primary',
          disabled: ended || !info.session,
          onclick: () => decide('share'),
        },
        'Share',
      ),
      h(
        'button',
        {
          type: 'button',
          id: 'yoti-decline',
          class: 'danger',
          disabled: ended || !info.session,
          onclick: () => decide('decline'),
        },
        'Decline',
      ),
    ),
  );
}

/** `which` is share or decline; the scan said which action of the session's kind that is. */
async function decide(which) {
  const id = scanned?.session?.id;
  if (!id) return;
  const action = scanned.actions[which];
  const result = await api('POST', `/sessions/${encodeURIComponent(id)}/actions`, { action });
  if (!result.ok) return toast(errorText(result), 'bad');
  toast(which === 'share' ? 'Shared' : 'Declined');
  const after = await lastFrameToClient(id);
  const state = after?.state ?? result.data.state;
  scanned = { ...scanned, session: { ...scanned.session, state }, frame: after?.frame };
  renderPhone(scanned);
}

async function scan(url) {
  $('#yoti-error').replaceChildren();
  const result = await api('POST', '/ui/api/yoti/scan', { url });
  if (!result.ok) {
    scanned = undefined;
    $('#yoti-scanned').replaceChildren();
    $('#yoti-phone').replaceChildren(h('p', { class: 'muted' }, 'Nothing scanned.'));
    return $('#yoti-error').replaceChildren(h('p', { class: 'error', role: 'alert' }, errorText(result)));
  }
  $('#yoti-url').value = url;
  $('#yoti-scanned').replaceChildren(
    h('img', {
      src: `/__admin/ui/qr.svg?text=${encodeURIComponent(url)}`,
      alt: 'the scanned QR code',
      width: 160,
      height: 160,
    }),
    result.data.version === 2
      ? h('dl', {}, h('dt', {}, 'Digital ID QR code'), h('dd', {}, h('code', {}, result.data.qrCodeId)))
      : h(
          'dl',
          {},
          h('dt', {}, 'ref_id'),
          h('dd', {}, h('code', {}, result.data.refId)),
          h('dt', {}, 'callback_endpoint'),
          h('dd', {}, h('code', {}, String(result.data.callbackEndpoint ?? ''))),
        ),
  );
  scanned = { ...result.data, frame: undefined };
  renderPhone(scanned);
}

/** #yoti-app/<session id>: scan that session's (latest) QR code, as if the phone pointed at it. */
async function scanSession(id) {
  const result = await api('GET', `/sessions/${encodeURIComponent(id)}`);
  const data = result.ok ? result.data.data : undefined;
  const url = typeof data?.qrcode === 'string' ? data.qrcode : data?.qrCodes?.at(-1)?.uri;
  if (url) await scan(url);
  else $('#yoti-error').replaceChildren(h('p', { class: 'error' }, `session ${id} has no QR code`));
}

function initYotiApp() {
  $('#yoti-scan').addEventListener('click', () => scan($('#yoti-url').value.trim()));
  $('#yoti-url').addEventListener(
    'keydown',
    (event) => event.key === 'Enter' && scan($('#yoti-url').value.trim()),
  );
  $('#yoti-pending').addEventListener('change', (event) => {
    const option = event.target.selectedOptions[0];
    if (option?.dataset.qrcode) scan(option.dataset.qrcode);
  });
  on('sessions', async (data) => {
    await refreshPending();
    const id = scanned?.session?.id;
    const now = data.sessions.find((s) => s.id === id);
    if (id && now && now.state !== scanned.session.state) {
      const after = await lastFrameToClient(id);
      scanned = { ...scanned, session: { ...scanned.session, state: now.state }, frame: after?.frame };
      renderPhone(scanned);
    }
  });
}

initYotiApp();
registerPanel('yoti-app', { open: scanSession });
