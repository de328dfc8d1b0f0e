// The Scenario tab: the current scenario, and loading a new one from a file or pasted text.
import { api, errorText } from './api.js';
import { $, fill, h, pretty, toast } from './dom.js';

/** The file the text came from, while the text is unchanged: the server only sees the body. */
let fileName;

async function showCurrent() {
  const result = await api('GET', '/scenario');
  const box = $('#scenario-current');
  if (!result.ok) return box.replaceChildren(h('p', { class: 'error' }, errorText(result)));
  const { source, seed, scenario } = result.data;
  fill(
    box,
    h(
      'p',
      {},
      h('strong', { id: 'scenario-name' }, scenario.name),
      ` from ${source}`,
      seed === null ? '' : ` · seed ${seed}`,
    ),
    scenario.description ? h('p', { class: 'muted' }, scenario.description) : null,
    h('pre', { class: 'scroll' }, pretty(scenario)),
  );
}

function showError(error) {
  $('#scenario-result').replaceChildren(
    h(
      'div',
      { class: 'error-box', role: 'alert' },
      h('strong', {}, 'The scenario was not loaded; nothing changed.'),
      h(
        'dl',
        {},
        h('dt', {}, 'file'),
        h(
          'dd',
          { dataset: { field: 'file' } },
          error.file ?? '—',
          fileName ? ` (read from ${fileName})` : '',
        ),
        h('dt', {}, 'path'),
        h('dd', { dataset: { field: 'path' } }, error.path || '(top level)'),
        h('dt', {}, 'reason'),
        h('dd', { dataset: { field: 'reason' } }, error.reason ?? error.error ?? 'unknown'),
      ),
    ),
  );
}

async function loadScenario() {
  const text = $('#scenario-text').value;
  if (!text.trim()) return toast('Paste a scenario or choose a file first', 'bad');
  const result = await api('PUT', '/scenario', text);
  if (!result.ok) return showError(result.data ?? { error: errorText(result) });
  $('#scenario-result').replaceChildren(
    h('p', { class: 'ok' }, `Loaded “${result.data.name}”. Sessions and timers start afresh.`),
  );
  toast(`Scenario ${result.data.name} loaded`);
  showCurrent();
}

export function initScenario() {
  $('#scenario-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    $('#scenario-text').value = await file.text();
    fileName = file.name;
    $('#scenario-result').replaceChildren(
      h('p', { class: 'muted' }, `${file.name} read; press Load scenario.`),
    );
  });
  $('#scenario-text').addEventListener('input', () => {
    fileName = undefined;
  });
  $('#scenario-load').addEventListener('click', loadScenario);
  showCurrent();
}
