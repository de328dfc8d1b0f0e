/**
 * The flow pages' one inline script (no CDN): input masks, the tester panel, the camera, and the
 * messages to an embedding page. In one function scope: a global `status` would be
 * window.status, which keeps only strings.
 */
export const PAGE_SCRIPT = `(function () {
  // IIN / phone / OTP inputs keep digits only (and a leading + for the phone).
  document.querySelectorAll('input[data-digits]').forEach(function (input) {
    input.addEventListener('input', function () {
      var plus = input.dataset.digits === 'phone' && input.value.charAt(0) === '+' ? '+' : '';
      input.value = plus + input.value.replace(/\\D/g, '').slice(0, Number(input.maxLength) || 15);
    });
  });
  // The tester panel shows the failure reason only when "fail" is picked.
  document.querySelectorAll('select[name=result]').forEach(function (select) {
    var reason = select.form.querySelector('.reason');
    var sync = function () { reason.hidden = select.value !== 'fail'; };
    select.addEventListener('change', sync);
    sync();
  });

  // The camera, as the real pages ask for it: a refusal, no camera or a busy one ends the flow
  // with NO_CAM (the hidden form); without the API at all (plain http off localhost) it goes on.
  var frame = document.querySelector('[data-camera]');
  if (frame) {
    var status = document.querySelector('[data-camera-status]');
    var start = document.querySelector('button[data-needs-camera]');
    var ready = function (state) {
      document.body.dataset.camera = state;
      status.textContent = status.dataset[state];
      start.disabled = false;
    };
    var media = navigator.mediaDevices;
    if (!media || !media.getUserMedia) ready('unavailable');
    else media.getUserMedia({ video: { facingMode: frame.dataset.camera }, audio: false }).then(function (stream) {
      frame.querySelector('video').srcObject = stream;
      window.addEventListener('pagehide', function () { stream.getTracks().forEach(function (t) { t.stop(); }); });
      ready('granted');
    }, function (error) {
      document.body.dataset.camera = 'failed';
      var form = document.querySelector('[data-camera-failed] form');
      form.elements.camera_error.value = (error && error.name) || 'Error';
      form.submit();
    });
  }

  // Inside an iframe, tell the embedding page where the flow is (kyc-sim's message shape).
  var flow = document.querySelector('[data-flow-event]');
  if (flow && window.parent !== window) {
    window.parent.postMessage({
      source: 'biometric-flow',
      event: flow.dataset.flowEvent,
      session_id: flow.dataset.session || null,
      technology: flow.dataset.technology || undefined,
      result: flow.dataset.outcome || undefined,
    }, '*');
  }
  document.body.dataset.ready = 'true';
})();
`;
