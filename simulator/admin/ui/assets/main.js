// The QA console's entry point: tabs by URL hash, then each part wires itself to the live stream.
import { initClock } from './clock.js';
import { $ } from './dom.js';
import { initJournal } from './journal.js';
import { loadKinds } from './kinds.js';
import { connect } from './live.js';
import { panelFor } from './panels.js';
import { initScenario } from './scenario.js';
import { initSessions, selectSession } from './sessions.js';

/** The page's tabs: the console's own, then each provider panel's. */
const TABS = [...document.querySelectorAll('.tabs a[data-tab]')].map((a) => a.dataset.tab);

/** #sessions/<id>, #journal, #scenario, #<panel id>/<argument> */
function route() {
  const [tab, arg] = location.hash.slice(1).split('/');
  const current = TABS.includes(tab) ? tab : 'sessions';
  for (const name of TABS) $(`#tab-${name}`).hidden = name !== current;
  for (const link of document.querySelectorAll('.tabs a'))
    link.classList.toggle('active', link.dataset.tab === current);
  const id = arg ? decodeURIComponent(arg) : undefined;
  if (current === 'sessions') selectSession(id);
  else if (id) panelFor(current)?.open?.(id);
}

initClock();
initSessions();
initJournal();
initScenario();
// Badges and which actions still apply need the kinds' states: route and go live once they are known.
loadKinds().finally(() => {
  window.addEventListener('hashchange', route);
  route();
  connect();
});
