// The clock bar: see the simulator's time, switch real/manual, advance manual time.
import { api, errorText } from './api.js';
import { $, toast } from './dom.js';
import { on } from './live.js';

let snapshot;
let receivedAt = 0;

function now() {
  if (!snapshot) return undefined;
  return snapshot.mode === 'real' ? snapshot.now + (Date.now() - receivedAt) : snapshot.now;
}

function show(next) {
  snapshot = next;
  receivedAt = Date.now();
  const manual = snapshot.mode === 'manual';
  const mode = $('#clock-mode');
  mode.textContent = snapshot.mode;
  mode.className = `badge ${manual ? 'warn' : 'neutral'}`;
  $('#clock-toggle').textContent = manual ? 'Switch to real' : 'Switch to manual';
  for (const el of $('#clock-advance').elements) el.disabled = !manual;
  $('#clock-advance').title = manual ? '' : 'switch to the manual clock first';
  tick();
}

function tick() {
  const at = now();
  if (at === undefined) return;
  $('#clock-now').textContent = new Date(at).toISOString().replace('T', ' ').slice(0, 23);
  const timers = snapshot.pendingTimers;
  const next = timers[0];
  $('#clock-timers').textContent = timers.length
    ? `${timers.length} timer${timers.length > 1 ? 's' : ''}, next in ${formatMs(next.dueAt - at)}`
    : 'no timers';
  $('#clock-timers').title = timers.map((t) => `${t.label} at ${new Date(t.dueAt).toISOString()}`).join('\n');
}

export function formatMs(ms) {
  if (ms <= 0) return 'now';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120_000) return `${Math.round(ms / 100) / 10} s`;
  return `${Math.round(ms / 6000) / 10} min`;
}

export function initClock() {
  on('clock', show);
  $('#clock-toggle').addEventListener('click', async () => {
    const mode = snapshot?.mode === 'manual' ? 'real' : 'manual';
    const result = await api('PUT', '/clock', { mode });
    if (!result.ok) return toast(errorText(result), 'bad');
    show(result.data);
    toast(`The clock is ${mode} now`);
  });
  $('#clock-advance').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const ms = Math.round(Number(form.amount.value) * Number(form.unit.value));
    if (!Number.isFinite(ms) || ms < 0) return toast('Advance by a non-negative number', 'bad');
    const result = await api('POST', '/clock/advance', { ms });
    if (!result.ok) return toast(errorText(result), 'bad');
    show(result.data);
    toast(`Advanced the clock by ${formatMs(ms)}`);
  });
  setInterval(tick, 250);
}
