/**
 * Stand-in for https://remote.biometric.kz/widget/flow-widget.umd.js. What public integrator code
 * establishes: the script defines `window.FlowWidget`, `FlowWidget.startSession({id, selector,
 * locale})` mounts the flow into the element, and the page learns the end from a `finish` event
 * dispatched on `window` (a CustomEvent; integrators read `event.detail`). The real widget's
 * internals are not public; this one mounts the flow pages in an iframe and turns the pages'
 * `finish` message into that event.
 */
export const FLOW_WIDGET_SCRIPT = `/* kyc-sim stand-in for the Biometric.kz Flow Widget */
(function (root, factory) {
  var widget = factory(root);
  if (typeof module === 'object' && module.exports) module.exports = widget;
  root.FlowWidget = widget;
})(typeof self !== 'undefined' ? self : this, function (root) {
  var script = document.currentScript;
  // The flow pages live next to the widget folder: <remote>/widget/flow-widget.umd.js → <remote>.
  var remote = new URL('..', script && script.src ? script.src : root.location.href).href.replace(/\\/$/, '');

  function startSession(options) {
    if (!options || !options.id) throw new Error('FlowWidget.startSession: id is required');
    var host = typeof options.selector === 'string' ? document.querySelector(options.selector) : options.selector;
    if (!host) throw new Error('FlowWidget.startSession: no element matches ' + options.selector);
    var src = remote + '/flow/' + encodeURIComponent(options.id);
    if (options.locale) src += '?locale=' + encodeURIComponent(options.locale);
    var frame = document.createElement('iframe');
    frame.src = src;
    frame.allow = 'camera; microphone; fullscreen';
    frame.title = 'Biometric.kz';
    frame.style.cssText = 'width:100%;height:100%;border:0;display:block';
    frame.setAttribute('data-flow-widget', options.id);
    host.replaceChildren(frame);
    var origin = new URL(src).origin;
    function onMessage(event) {
      var data = event.data;
      if (event.source !== frame.contentWindow || event.origin !== origin) return;
      if (!data || data.source !== 'biometric-flow' || data.event !== 'finish') return;
      root.removeEventListener('message', onMessage);
      root.dispatchEvent(new CustomEvent('finish', {
        detail: { session_id: data.session_id || options.id, result: data.result },
      }));
    }
    root.addEventListener('message', onMessage);
  }

  return { startSession: startSession };
});
`;
