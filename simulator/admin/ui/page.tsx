import { basename, extname } from 'node:path';
import type { FunctionComponent as FC } from 'preact';
import type { ConsolePanel } from '../../providers/provider.js';

const ASSETS = '/__admin/ui/assets';
const TABS = [
  ['sessions', 'Sessions'],
  ['journal', 'Journal'],
  ['scenario', 'Scenario'],
] as const;

/** A provider's panel as the page shows it. */
export interface PagePanel {
  provider: string;
  panel: ConsolePanel;
}

const panelAssets = (panels: PagePanel[], ext: string) =>
  panels.flatMap(({ panel }) => panel.assets.filter((a) => extname(a) === ext).map((a) => basename(a)));

/**
 * The console's shell. Everything in it that changes is filled in by the client modules in
 * assets/. Providers' panels add a tab each, with their markup, stylesheets and modules; their
 * modules come before main.js so they have registered when it first routes.
 */
export const ConsolePage: FC<{ title: string; panels: PagePanel[] }> = ({ title, panels }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      {/* no favicon request: it would show up in the journal as a 404 */}
      <link rel="icon" href="data:," />
      <link rel="stylesheet" href={`${ASSETS}/console.css`} />
      {panelAssets(panels, '.css').map((name) => (
        <link rel="stylesheet" href={`${ASSETS}/${name}`} />
      ))}
      {panelAssets(panels, '.js').map((name) => (
        <script type="module" src={`${ASSETS}/${name}`} />
      ))}
      <script type="module" src={`${ASSETS}/main.js`} />
    </head>
    <body>
      <header class="bar">
        <h1>kyc-sim · QA console</h1>
        <ClockControl />
        <a class="bar-link" href="/__admin/ui/reference">
          API reference
        </a>
        <span id="live" class="live" title="live updates from /__admin/events">
          connecting…
        </span>
      </header>
      <nav class="tabs">
        {TABS.map(([id, label]) => (
          <a href={`#${id}`} data-tab={id}>
            {label}
          </a>
        ))}
        {panels.map(({ provider, panel }) => (
          <a
            href={`#${panel.id}`}
            data-tab={panel.id}
            data-provider={provider}
            data-opens-kinds={panel.opens?.kinds.join(' ')}
            data-opens-label={panel.opens?.label}
          >
            {panel.title}
          </a>
        ))}
      </nav>
      <main>
        <section id="tab-sessions" class="tab split">
          <div class="pane list">
            <div class="row">
              <label>
                Provider <select id="session-provider" />
              </label>
              <label>
                State <input id="session-state" placeholder="any" size={10} />
              </label>
            </div>
            <table id="session-list" class="grid" />
          </div>
          <div class="pane" id="session-detail">
            <p class="muted">Pick a session on the left.</p>
          </div>
        </section>
        <section id="tab-journal" class="tab" hidden>
          <form id="journal-filters" class="row">
            <label>
              Provider <select name="provider" />
            </label>
            <label>
              Path contains <input name="path" size={24} />
            </label>
            <label>
              Status <input name="status" size={4} inputmode="numeric" />
            </label>
            <label>
              Kind{' '}
              <select name="kind">
                {['', 'http', 'ws-open', 'ws-in', 'ws-out', 'ws-close', 'webhook'].map((k) => (
                  <option value={k}>{k || 'any'}</option>
                ))}
              </select>
            </label>
            <button type="reset">Clear filters</button>
          </form>
          <table id="journal-list" class="grid" />
        </section>
        <section id="tab-scenario" class="tab split" hidden>
          <div class="pane">
            <h2>Load a scenario</h2>
            <p class="muted">YAML or JSON. Loading one resets every session and timer.</p>
            <input type="file" id="scenario-file" accept=".yaml,.yml,.json" />
            <textarea id="scenario-text" rows={18} spellcheck={false} placeholder="name: my-scenario" />
            <div class="row">
              <button id="scenario-load" type="button" class="primary">
                Load scenario
              </button>
            </div>
            <div id="scenario-result" />
          </div>
          <div class="pane">
            <h2>Current scenario</h2>
            <div id="scenario-current" />
          </div>
        </section>
        {panels.map(({ panel }) => (
          <section
            id={`tab-${panel.id}`}
            class="tab split"
            hidden
            dangerouslySetInnerHTML={{ __html: panel.html }}
          />
        ))}
      </main>
      <div id="toast" class="toast" hidden />
    </body>
  </html>
);

const ClockControl: FC = () => (
  <div class="clock" id="clock">
    <span id="clock-mode" class="badge">
      …
    </span>
    <time id="clock-now">…</time>
    <span id="clock-timers" class="muted" />
    <button type="button" id="clock-toggle">
      Switch to manual
    </button>
    <form id="clock-advance" class="row">
      <input name="amount" size={6} value="1" inputmode="numeric" aria-label="amount" />
      <select name="unit" aria-label="unit">
        <option value="1000">s</option>
        <option value="60000" selected>
          min
        </option>
        <option value="1">ms</option>
      </select>
      <button type="submit">Advance</button>
    </form>
  </div>
);
