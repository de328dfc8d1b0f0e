// The parcel desk, the throwaway provider's console panel: counts parcels.
import { api } from './api.js';
import { $ } from './dom.js';
import { registerPanel } from './panels.js';

async function refresh() {
  const result = await api('GET', '/ui/api/parcel/count');
  if (result.ok) $('#parcel-count').textContent = `${result.data.parcels} parcel(s)`;
}

registerPanel('parcel-desk', { open: refresh });
refresh();
