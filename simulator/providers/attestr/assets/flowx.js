/*
 * kyc-sim stand-in for https://cdn.attestr.com/flowx.js (plain JS, no build step).
 *
 *   new AttestrFlowx({ cl, hs, lc, qr, retry, onFlowxSuccess, onFlowxError, onFlowxSkip }).launch();
 *
 * It runs the handshake's flow against kyc-sim, in an overlay on the page. Each stage completes
 * as the scenario says, or when the tester clicks Complete / Fail / Skip. Then exactly one handler
 * is called with Attestr's documented data:
 *   success {signature}; error {code, httpStatusCode, message, retry: false, stage, original?};
 *   skip {stage}.
 * Handler names: the doc's (onFlowxSuccess, onFlowxError, onFlowxSkip) and those of Attestr's
 * sample web app (onFlowxComplete, earlier onComplete / onError / onSkip).
 * The data is a plain object whose text is its JSON, so both `data.signature` and
 * `JSON.parse(data).signature` work (the doc shows objects; the sample app parses strings).
 */
(() => {
  /*
   * The simulator this file talks to. kyc-sim writes its own absolute base in here when it serves
   * the file, so a copy saved from kyc-sim and served from the app's own host still talks to
   * kyc-sim, as a copy of Attestr's CDN file still talks to Attestr. Unfilled (the file read
   * from disk), it falls back to where the script was loaded from.
   */
  var SERVED_BASE = '__KYC_SIM_FLOWX_BASE__';
  var script = document.currentScript;
  var BASE = /^https?:\/\//.test(SERVED_BASE)
    ? SERVED_BASE
    : script?.src
      ? new URL('.', script.src).href.replace(/\/$/, '')
      : '/attestr';
  var POLL_MS = 200;

  /** Handler names per outcome, the first one the page defines is called. */
  var HANDLERS = {
    success: ['onFlowxSuccess', 'onFlowxComplete', 'onComplete', 'onSuccess'],
    error: ['onFlowxError', 'onError'],
    skip: ['onFlowxSkip', 'onSkip'],
  };

  var LABELS = {
    en: {
      title: 'Identity verification',
      complete: 'Complete stage',
      fail: 'Fail stage',
      skip: 'Skip',
      close: 'Close',
      running: 'in progress',
      pending: 'waiting',
      success: 'done',
      error: 'failed',
      skipped: 'skipped',
      connecting: 'Connecting…',
    },
    hi: {
      title: 'पहचान सत्यापन',
      complete: 'चरण पूरा करें',
      fail: 'चरण विफल करें',
      skip: 'छोड़ें',
      close: 'बंद करें',
      running: 'जारी है',
      pending: 'प्रतीक्षा में',
      success: 'पूर्ण',
      error: 'विफल',
      skipped: 'छोड़ा गया',
      connecting: 'कनेक्ट हो रहा है…',
    },
  };
  var NETWORK_ERROR = {
    en: 'Request could not be completed. Try again later.',
    hi: 'अनुरोध पूरा नहीं किया जा सका। बाद में कोशिश करें।',
  };

  /*
   * The overlay lives in a shadow root, so the host page's CSS cannot reach inside it; `:host`
   * rules marked !important win over the page's rules for the host element itself, and
   * `all: initial` stops inherited fonts and colours at the boundary.
   */
  var OVERLAY_CSS =
    ':host{all:initial!important;display:block!important;position:fixed!important;inset:0!important;' +
    'z-index:2147483000!important;background:rgba(0,0,0,.55)!important;overflow:auto!important;' +
    'visibility:visible!important;opacity:1!important;pointer-events:auto!important;' +
    'transform:none!important;filter:none!important}' +
    '.panel{position:relative;box-sizing:border-box;background:#fff;color:#111;max-width:460px;' +
    'margin:10vh auto;padding:20px 24px;border-radius:10px;font:15px/1.4 system-ui,sans-serif;' +
    'box-shadow:0 10px 40px rgba(0,0,0,.3);text-align:left}' +
    '.close{position:absolute;top:8px;right:12px;border:0;background:none;font-size:22px;cursor:pointer;color:#111}' +
    'h2{margin:0 0 4px;font-size:19px;font-weight:600}' +
    '.by{color:#777;font-size:12px}' +
    'ol{padding-left:20px;margin:12px 0}' +
    'li{margin:8px 0}' +
    '.status{color:#555}' +
    '.controls{display:flex;gap:6px;margin-top:6px;flex-wrap:wrap}' +
    'button,select{font:13px system-ui,sans-serif;padding:4px 10px;border:1px solid #888;border-radius:4px;' +
    'background:#f4f4f4;color:#111;cursor:pointer;max-width:100%}';

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach((k) => {
      if (k === 'text') node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach((child) => {
      node.appendChild(child);
    });
    return node;
  }

  /**
   * The data a handler receives: a plain object (JSON.stringify gives its documented keys only)
   * whose string form is its JSON text, so JSON.parse(data) works too.
   */
  function handlerData(data) {
    var copy = JSON.parse(JSON.stringify(data));
    Object.defineProperty(copy, 'toString', {
      value: function () {
        return JSON.stringify(this);
      },
      enumerable: false,
    });
    return copy;
  }

  function AttestrFlowx(options) {
    if (!(this instanceof AttestrFlowx)) return new AttestrFlowx(options);
    this.options = options || {};
    this.lc = LABELS[this.options.lc] ? this.options.lc : 'en';
    this.labels = LABELS[this.lc];
    this.host = null;
    this.root = null;
    this.timer = null;
    this.done = false;
  }

  AttestrFlowx.prototype.launch = function () {
    var o = this.options;
    this.done = false;
    this.openOverlay();
    this.request('POST', '/flowx/sim/runs', {
      cl: o.cl,
      hs: o.hs,
      lc: o.lc || 'en',
      qr: o.qr || {},
      retry: o.retry === true,
    }).then(
      (res) => {
        if (!res.ok) return this.finish('error', errorData(res.body, null));
        this.render(res.body);
      },
      () => {
        this.finish('error', networkError(this.lc, null));
      },
    );
  };

  AttestrFlowx.prototype.request = (method, path, body) =>
    fetch(BASE + path, {
      method: method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    }).then((response) => response.json().then((json) => ({ ok: response.ok, body: json })));

  AttestrFlowx.prototype.poll = function () {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      var path = `/flowx/sim/runs/${encodeURIComponent(this.options.hs)}`;
      this.request('GET', `${path}?cl=${encodeURIComponent(this.options.cl)}&lc=${this.lc}`).then(
        (res) => {
          if (this.done) return;
          if (!res.ok) return this.finish('error', errorData(res.body, null));
          this.render(res.body);
        },
        () => {
          if (!this.done) this.poll();
        },
      );
    }, POLL_MS);
  };

  AttestrFlowx.prototype.decide = function (stage, decision, code) {
    var path = `/flowx/sim/runs/${encodeURIComponent(this.options.hs)}/stages/${encodeURIComponent(stage)}`;
    this.request('POST', path, { cl: this.options.cl, decision: decision, code: code }).then(
      (res) => {
        // A refusal means the stage was decided meanwhile (scenario timer); polling shows the truth.
        if (res.ok && !this.done) this.render(res.body);
      },
      () => {},
    );
  };

  AttestrFlowx.prototype.render = function (run) {
    if (this.done) return;
    if (run.outcome) return this.finish(run.outcome.handler, run.outcome.data);
    // Redraw only on change, so a code picked in the select survives the polling.
    var key = JSON.stringify([run.current, run.stages]);
    if (key === this.drawn) return this.poll();
    this.drawn = key;
    var labels = this.labels;
    var list = this.root.querySelector('[data-testid="flowx-stages"]');
    list.textContent = '';
    run.stages.forEach((stage) => {
      var item = el('li', { 'data-testid': `flowx-stage-${stage.id}`, 'data-status': stage.status }, [
        el('strong', { text: stage.title }),
        el('span', { class: 'status', text: ` — ${labels[stage.status] || stage.status}` }),
      ]);
      if (stage.id === run.current) item.appendChild(this.controls(stage.id, run.errorCodes));
      list.appendChild(item);
    });
    this.poll();
  };

  AttestrFlowx.prototype.controls = function (stageId, errorCodes) {
    var labels = this.labels;
    var select = el(
      'select',
      { 'data-testid': 'flowx-fail-code' },
      errorCodes.map((e) => el('option', { value: String(e.code), text: e.label })),
    );
    var complete = el('button', { type: 'button', 'data-testid': 'flowx-complete', text: labels.complete });
    var fail = el('button', { type: 'button', 'data-testid': 'flowx-fail', text: labels.fail });
    var skip = el('button', { type: 'button', 'data-testid': 'flowx-skip', text: labels.skip });
    complete.onclick = () => {
      this.decide(stageId, 'success');
    };
    fail.onclick = () => {
      this.decide(stageId, 'error', Number(select.value));
    };
    skip.onclick = () => {
      this.decide(stageId, 'skip');
    };
    this.currentStage = stageId;
    return el('div', { class: 'controls' }, [complete, select, fail, skip]);
  };

  AttestrFlowx.prototype.openOverlay = function () {
    this.closeOverlay();
    var close = el('button', {
      type: 'button',
      class: 'close',
      'data-testid': 'flowx-close',
      'aria-label': this.labels.close,
      text: '×',
    });
    // Closing the overlay is the user interrupting the flow: the running stage is skipped.
    close.onclick = () => {
      if (this.currentStage) this.decide(this.currentStage, 'skip');
    };
    var panel = el('div', { class: 'panel', role: 'dialog', 'aria-modal': 'true' }, [
      close,
      el('h2', { 'data-testid': 'flowx-title', text: this.labels.title }),
      el('div', { class: 'by', text: 'Attestr FlowX · kyc-sim' }),
      el('ol', { 'data-testid': 'flowx-stages' }, [el('li', { text: this.labels.connecting })]),
    ]);
    this.host = el('kyc-sim-flowx', { id: 'attestr-flowx-overlay', 'data-testid': 'flowx-overlay' });
    this.root = this.host.attachShadow({ mode: 'open' });
    this.root.appendChild(el('style', { text: OVERLAY_CSS }));
    this.root.appendChild(panel);
    document.body.appendChild(this.host);
  };

  AttestrFlowx.prototype.closeOverlay = function () {
    clearTimeout(this.timer);
    if (this.host?.parentNode) this.host.parentNode.removeChild(this.host);
    this.host = null;
    this.root = null;
    this.currentStage = null;
    this.drawn = null;
  };

  /** Ends the session on the device: closes the overlay and calls exactly one handler once. */
  AttestrFlowx.prototype.finish = function (handler, data) {
    if (this.done) return;
    this.done = true;
    this.closeOverlay();
    var o = this.options;
    var name = HANDLERS[handler].find((n) => typeof o[n] === 'function');
    if (name) o[name](handlerData(data));
  };

  function errorData(body, stage) {
    var data = {
      code: body?.code,
      httpStatusCode: body?.httpStatusCode,
      message: body?.message,
      retry: false,
      stage: stage,
    };
    if (body?.original) data.original = body.original;
    return data;
  }

  function networkError(lc, stage) {
    return { code: 5001, httpStatusCode: 500, message: NETWORK_ERROR[lc], retry: false, stage: stage };
  }

  window.AttestrFlowx = AttestrFlowx;
})();
