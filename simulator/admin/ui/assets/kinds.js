// Session kinds as the engine runs them (GET /__admin/kinds): which states are initial and which
// ended, and how an ended one reads. Badges take their colour from here, never from a state's name.
import { api } from './api.js';

const kinds = new Map();

export async function loadKinds() {
  const result = await api('GET', '/kinds');
  if (!result.ok) return;
  for (const kind of result.data.kinds) kinds.set(`${kind.provider}/${kind.kind}`, kind);
}

/** good (ended well), bad (ended badly), done (ended, read the result), live (not ended), neutral (initial or unknown). */
export function toneOf(provider, kind, state) {
  const definition = kinds.get(`${provider}/${kind}`);
  if (!definition || state === definition.initial) return 'neutral';
  const ended = definition.ended[state];
  if (ended === 'success') return 'good';
  if (ended === 'failure') return 'bad';
  if (ended === 'neutral') return 'done';
  return 'live';
}

/** Whether `state` is one of the kind's ended states (the engine then refuses most actions). */
export function isEnded(provider, kind, state) {
  return kinds.get(`${provider}/${kind}`)?.ended[state] !== undefined;
}
