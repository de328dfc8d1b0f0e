// Small DOM helpers shared by the console's modules.
import { toneOf } from './kinds.js';

/** h('button', {class: 'x', onclick}, 'text', child) — attributes, listeners and children. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'value') el.value = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Number.POSITIVE_INFINITY)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** replaceChildren that skips null, undefined and false, as h() does (the native one prints "null"). */
export const fill = (el, ...children) =>
  el.replaceChildren(
    ...children.flat(Number.POSITIVE_INFINITY).filter((c) => c !== null && c !== undefined && c !== false),
  );

/** hh:mm:ss.mmm in UTC, the way the simulator's clock and journal count time. */
export const clockTime = (ms) => new Date(ms).toISOString().slice(11, 23);

/** More than this apart, simulated and real time are told apart (the clock is manual or was moved). */
const CLOCKS_APART_MS = 1000;

/**
 * When something happened: the simulator's time, and under it the real time when the two differ —
 * while the manual clock stands still every entry has the same simulated time.
 */
export function timeCell({ at, realAt }) {
  const apart = realAt !== undefined && Math.abs(realAt - at) > CLOCKS_APART_MS;
  return h(
    'time',
    { title: apart ? 'simulated time; real time below' : null },
    clockTime(at),
    apart ? h('small', { class: 'real-time' }, `real ${clockTime(realAt)}`) : null,
  );
}

export const pretty = (value) => JSON.stringify(value, null, 2);

/** A body from the journal, pretty-printed when it is JSON. */
export function prettyBody(text) {
  if (!text) return '';
  try {
    return pretty(JSON.parse(text));
  } catch {
    return text;
  }
}

/** A session's state, coloured by what its kind's definition says of it (kinds.js). */
export function stateBadge(session) {
  const { state } = session;
  const tone = toneOf(session.provider, session.kind, state);
  return h('span', { class: `badge ${tone}`, dataset: { state, tone } }, state);
}

let toastTimer;
export function toast(message, tone = 'good') {
  const el = $('#toast');
  el.textContent = message;
  el.className = `toast ${tone}`;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    el.hidden = true;
  }, 4000);
}

/** Runs `fn` once after calls stop coming for `ms`. */
export function debounce(fn, ms = 120) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Clipboard API refused (no permission or not a secure context): the old way still works.
    const area = h('textarea', { value: text });
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}
