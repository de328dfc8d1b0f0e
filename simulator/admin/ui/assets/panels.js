// Providers' console panels register here: registerPanel('yoti-app', {open}) from the panel's module.
// main.js calls open(arg) when the URL hash is #<panel id>/<arg>.

const panels = new Map();

export function registerPanel(id, panel) {
  panels.set(id, panel);
}

export const panelFor = (id) => panels.get(id);

/** The panels that open sessions of some kinds, from the page's tabs: [{id, provider, kinds, label}]. */
export const sessionOpeners = () =>
  [...document.querySelectorAll('.tabs a[data-opens-kinds]')].map((a) => ({
    id: a.dataset.tab,
    provider: a.dataset.provider,
    kinds: a.dataset.opensKinds.split(' '),
    label: a.dataset.opensLabel,
  }));
