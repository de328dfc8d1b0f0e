import { join } from 'node:path';
import { htmlFragment } from '../../../engine/html.js';
import { packageRoot } from '../../../paths.js';
import type { ConsolePanel } from '../../provider.js';

/** The panel's browser files, read from the package (only .ts is compiled; assets/ ships as is). */
const DIR = join(packageRoot, 'simulator/providers/yoti/assets');

const Markup = () => (
  <>
    <div class="pane">
      <h2>Scan a QR code</h2>
      <label class="stack">
        QR URL <input id="yoti-url" placeholder="https://code.yoti.com/…" />
      </label>
      <div class="row">
        <button id="yoti-scan" type="button" class="primary">
          Scan
        </button>
        <label>
          or a pending share <select id="yoti-pending" />
        </label>
      </div>
      <div id="yoti-error" />
      <div id="yoti-scanned" class="qr" />
    </div>
    <div class="pane">
      <div id="yoti-phone" class="phone">
        <p class="muted">Nothing scanned yet.</p>
      </div>
    </div>
  </>
);

/**
 * The virtual Yoti app, Yoti's tab in the QA console: scan a share's QR code (kiosk share v1 or
 * Digital ID share v2) as the phone does,
 * see what the app asks for, then Share or Decline. Its server side is ./routes.ts.
 */
let markup: string | undefined;

export const yotiAppPanel: ConsolePanel = {
  id: 'yoti-app',
  title: 'Virtual Yoti app',
  // Rendered when the console first asks, not at start: most runs never open the console.
  get html() {
    markup ??= htmlFragment(<Markup />);
    return markup;
  },
  assets: [join(DIR, 'yoti-app.js'), join(DIR, 'yoti-app.css')],
  opens: { kinds: ['share', 'digital-id'], label: 'Open in the virtual Yoti app →' },
};
