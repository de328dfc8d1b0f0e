// The QA console's entry point: tabs by URL hash, then each part wires itself to the live stream.
import { initClock } from './clock.js';
import { $ } from './dom.js';
import { initJournal } from './journal.js';
import { connect } from './live.js';
import { initScenario } from './scenario.js';
import { initSessions, selectSession } from './sessions.js';
import { initYotiApp, scanSession } from './yoti-app.js';

const TABS = ['sessions', 'journal', 'scenario', 'yoti-app'];

/** #sessions/<id>, #journal, #scenario, #yoti-app/<session id> */
function route() {
  const [tab, arg] = location.hash.slice(1).split('/');
  const current = TABS.includes(tab) ? tab : 'sessions';
  for (const name of TABS) $(`#tab-${name}`).hidden = name !== current;
  for (const link of document.querySelectorAll('.tabs a'))
    link.classList.toggle('active', link.dataset.tab === current);
  const id = arg ? decodeURIComponent(arg) : undefined;
  if (current === 'sessions') selectSession(id);
  if (current === 'yoti-app' && id) scanSession(id);
}

initClock();
initSessions();
initJournal();
initScenario();
initYotiApp();
window.addEventListener('hashchange', route);
route();
connect();
