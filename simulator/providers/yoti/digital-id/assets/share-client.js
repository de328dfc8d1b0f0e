/*
 * kyc-sim's stand-in for Yoti's web share client (https://www.yoti.com/share/client/v2).
 * Same entry points as Yoti's: Yoti.ready(), Yoti.createWebShare({ name, domId, sdkId, hooks:
 * { sessionIdResolver, completionHandler, errorListener } }), getWebShareByName / ByDomId,
 * getDetectedDeviceType. The button reveals the QR code of the session the resolver returns and a
 * "Simulate the Yoti app" panel (scan, share, decline, fail); when the session has a receipt
 * (COMPLETED, or FAILED with a failure receipt) completionHandler gets its id. errorListener gets
 * the HTTP status when the session cannot be loaded. It talks to the simulator it was loaded from.
 */
(() => {
  const script = document.currentScript;
  const base = new URL(script ? script.src : '/yoti/share/client/v2', location.href).href.replace(/\/$/, '');
  const POLL_MS = 500;
  const webShares = [];

  const readyPromise = new Promise((resolve) => {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => resolve(true));
    else resolve(true);
  });

  const style = `
    .kyc-sim-yoti { font: 14px/1.4 system-ui, sans-serif; color: #1a1a1a; text-align: left; }
    .kyc-sim-yoti button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid #2d9fff;
      background: #fff; color: #2d9fff; padding: 6px 12px; margin: 2px; }
    .kyc-sim-yoti .kyc-sim-yoti-button { background: #2d9fff; color: #fff; font-weight: 600; padding: 10px 20px; }
    .kyc-sim-yoti-panel { border: 1px solid #d0d7de; border-radius: 8px; padding: 12px; margin-top: 8px; max-width: 360px; }
    .kyc-sim-yoti-qr svg { width: 220px; height: 220px; display: block; }
    .kyc-sim-yoti-app { border-top: 1px dashed #d0d7de; margin-top: 8px; padding-top: 8px; }
    .kyc-sim-yoti-status { font-weight: 600; margin: 6px 0; }
    .kyc-sim-yoti-note { color: #57606a; font-size: 12px; }`;

  function addStyle() {
    if (document.getElementById('kyc-sim-yoti-style')) return;
    const el = document.createElement('style');
    el.id = 'kyc-sim-yoti-style';
    el.textContent = style;
    document.head.appendChild(el);
  }

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) node.append(c);
    return node;
  };

  async function call(path, sdkId, init) {
    const url = `${base}/sessions/${encodeURIComponent(path.id)}${path.suffix || ''}?sdkId=${encodeURIComponent(sdkId)}`;
    const res = await fetch(url, init);
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw Object.assign(new Error(body.message || `HTTP ${res.status}`), { status: res.status });
    return body;
  }

  const STATUS_TEXT = {
    CREATED: 'Scan the QR code with the Yoti app',
    IN_PROGRESS: 'QR code scanned: waiting for the user to share',
    COMPLETED: 'Shared',
    FAILED: 'The share failed',
    CANCELLED: 'The user declined',
    EXPIRED: 'The session expired',
  };

  function createWebShare(props) {
    const { name, domId, sdkId, hooks } = props || {};
    if (typeof name !== 'string' || typeof domId !== 'string' || typeof sdkId !== 'string') {
      return Promise.reject(new Error('createWebShare needs name, domId and sdkId strings'));
    }
    if (!hooks || typeof hooks.sessionIdResolver !== 'function') {
      return Promise.reject(new Error('createWebShare needs hooks.sessionIdResolver'));
    }
    const host = document.getElementById(domId);
    if (!host) return Promise.reject(new Error(`createWebShare: no element with id ${domId}`));
    addStyle();

    const instance = { name, domId, destroyed: false, reveal: () => start(), destroy };
    let timer;
    let sessionId;
    let handled = false;
    const root = el('div', { class: 'kyc-sim-yoti', 'data-web-share': name });
    const button = el('button', { type: 'button', class: 'kyc-sim-yoti-button' }, 'Use Yoti');
    const panel = el('div', { class: 'kyc-sim-yoti-panel', hidden: '' });
    root.append(button, panel);
    host.replaceChildren(root);
    button.addEventListener('click', () => start());

    function destroy() {
      clearTimeout(timer);
      instance.destroyed = true;
      root.remove();
      webShares.splice(webShares.indexOf(instance), 1);
    }

    function fail(error) {
      panel.replaceChildren(el('p', { class: 'kyc-sim-yoti-status' }, `Error: ${error.message}`));
      if (typeof hooks.errorListener === 'function') hooks.errorListener(error.status || 0);
    }

    async function start() {
      clearTimeout(timer);
      handled = false;
      panel.hidden = false;
      panel.replaceChildren(el('p', {}, 'Starting the share…'));
      try {
        sessionId = await hooks.sessionIdResolver();
        render(await call({ id: sessionId }, sdkId));
      } catch (error) {
        fail(error);
      }
    }

    async function poll() {
      try {
        render(await call({ id: sessionId }, sdkId));
      } catch (error) {
        fail(error);
      }
    }

    async function act(action) {
      try {
        render(
          await call({ id: sessionId, suffix: '/app' }, sdkId, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ action }),
          }),
        );
      } catch {
        poll(); // the session moved on meanwhile: show where it is
      }
    }

    function render(view) {
      clearTimeout(timer);
      const qr = el('div', { class: 'kyc-sim-yoti-qr' });
      if (view.qrCode) {
        qr.innerHTML = view.qrCode.svg;
        qr.setAttribute('data-qr-uri', view.qrCode.uri);
      }
      const status = el(
        'p',
        { class: 'kyc-sim-yoti-status', 'data-status': view.status },
        STATUS_TEXT[view.status] || view.status,
      );
      const live = view.status === 'CREATED' || view.status === 'IN_PROGRESS';
      const appPanel = el(
        'fieldset',
        { class: 'kyc-sim-yoti-app' },
        el('legend', {}, 'Simulate the Yoti app'),
      );
      const appButton = (action, label, enabled) => {
        const b = el('button', { type: 'button', 'data-action': action }, label);
        b.disabled = !enabled;
        b.addEventListener('click', () => act(action));
        return b;
      };
      appPanel.append(
        appButton('scan', 'Scan QR code', view.status === 'CREATED'),
        appButton('share', 'Share', live),
        appButton('decline', 'Decline', live),
        appButton('fail', 'Fail (failure receipt)', live),
        el('p', { class: 'kyc-sim-yoti-note' }, 'kyc-sim stand-in for the Yoti web share client'),
      );
      const children = [status, qr, appPanel];
      if (!live) {
        const again = el('button', { type: 'button', 'data-action': 'restart' }, 'Start again');
        again.addEventListener('click', () => start());
        children.push(again);
      }
      panel.replaceChildren(...children);
      if (view.receiptId && !handled) {
        handled = true;
        if (typeof hooks.completionHandler === 'function') hooks.completionHandler(view.receiptId);
      }
      if (live) timer = setTimeout(poll, POLL_MS);
    }

    webShares.push(instance);
    return Promise.resolve(instance);
  }

  window.Yoti = {
    ready: () => readyPromise,
    createWebShare,
    getWebShareByName: (name) => webShares.find((w) => w.name === name),
    getWebShareByDomId: (domId) => webShares.find((w) => w.domId === domId),
    getDetectedDeviceType: () => (/Mobi|Android/i.test(navigator.userAgent) ? 'mobile' : 'desktop'),
  };
})();
