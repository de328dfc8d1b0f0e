/**
 * The sample web page (like Attestr's studio-sample-webapp): a button that asks the app's server
 * for a handshake, launches flowx.js, and hands the success signature back to the server to
 * verify. Query parameters: lc (en|hi), retry=1, flow, qr (JSON of flow variables).
 */
export function samplePage(flowxJsUrl: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Attestr FlowX sample (kyc-sim)</title>
<script src="${escapeHtml(flowxJsUrl)}"></script>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:640px;margin:40px auto}pre{background:#f4f4f4;padding:10px;white-space:pre-wrap}</style>
</head>
<body>
<h1>Verify your identity</h1>
<button id="verify" type="button">Verify my identity</button>
<p>Handler: <strong id="handler-name">none yet</strong></p>
<pre id="handler-data"></pre>
<p>Server check: <strong id="server-check">not run</strong></p>
<pre id="server-data"></pre>
<script>
(function () {
  const params = new URLSearchParams(location.search);
  const show = (id, value) => { document.getElementById(id).textContent = value; };
  const post = (path, body) =>
    fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then((r) => r.json().then((json) => ({ ok: r.ok, json })));
  let handshake = null;

  document.getElementById('verify').addEventListener('click', async () => {
    // A retry reuses the handshake of the previous run; otherwise the server creates a new one.
    const retry = params.get('retry') === '1' && handshake !== null;
    if (!retry) {
      const created = await post('/handshake', { flow: params.get('flow') || undefined });
      if (!created.ok) { show('handler-name', 'server error'); show('handler-data', JSON.stringify(created.json)); return; }
      handshake = created.json;
    }
    // Function scoped, as Attestr recommends.
    const flowx = new AttestrFlowx({
      cl: handshake.cl,
      hs: handshake.hs,
      lc: params.get('lc') || 'en',
      qr: params.get('qr') ? JSON.parse(params.get('qr')) : {},
      retry,
      onFlowxSuccess: async (data) => {
        show('handler-name', 'onFlowxSuccess');
        show('handler-data', JSON.stringify(data));
        show('server-check', 'running');
        const verified = await post('/verify', { hs: handshake.hs, signature: data.signature });
        show('server-check', verified.ok ? 'verified' : 'rejected');
        show('server-data', JSON.stringify(verified.json));
      },
      onFlowxError: (data) => { show('handler-name', 'onFlowxError'); show('handler-data', JSON.stringify(data)); },
      onFlowxSkip: (data) => { show('handler-name', 'onFlowxSkip'); show('handler-data', JSON.stringify(data)); },
    });
    flowx.launch();
  });
})();
</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
