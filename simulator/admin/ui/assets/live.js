// Live updates: one EventSource on /__admin/events, fanned out to the modules that listen.
import { $ } from './dom.js';

const listeners = new Map();

export function on(event, listener) {
  if (!listeners.has(event)) listeners.set(event, new Set());
  listeners.get(event).add(listener);
}

export function connect() {
  const indicator = $('#live');
  const source = new EventSource('/__admin/events');
  for (const event of ['hello', 'journal', 'sessions', 'clock']) {
    source.addEventListener(event, (message) => {
      const data = JSON.parse(message.data);
      for (const listener of listeners.get(event) ?? []) listener(data);
    });
  }
  source.addEventListener('open', () => {
    indicator.textContent = '● live';
    indicator.className = 'live on';
  });
  // EventSource reconnects by itself; say so meanwhile.
  source.addEventListener('error', () => {
    indicator.textContent = '○ reconnecting…';
    indicator.className = 'live off';
  });
}
