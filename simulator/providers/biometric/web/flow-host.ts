import type { Context } from 'hono';
import type { FlowSession } from '../progress.js';
import type { Locale } from './i18n.js';

/** How a flow page is shown: its language, and whether it runs inside an app (no header). */
export interface View {
  locale: Locale;
  webView: boolean;
}

/**
 * A host that serves the flow pages. Today's integrations open https://remote.biometric.kz, which
 * ends at `/finished`; the official Android SDK opens the older https://test.biometric.kz, which
 * ends at `test-ok` / `test-fail` with the session id last in the URL.
 */
export interface FlowHost {
  /** Mount path of the host on the simulator. */
  prefix: string;
  /** The query parameter that drops the header: `web_view` on remote, `webview` on the legacy host. */
  webViewParam: string;
  /** Answers the submit that ended the session: where the browser goes next. */
  finish(c: Context, session: FlowSession, view: View): Response;
}

/** The flow page of a session on a host, keeping the view across steps. */
export function flowPath(host: FlowHost, id: string, view: View, error?: string): string {
  const query = new URLSearchParams();
  if (view.webView) query.set(host.webViewParam, 'true');
  query.set('locale', view.locale);
  if (error) query.set('error', error);
  return `${host.prefix}/flow/${id}?${query}`;
}

/** Both spellings drop the header on either host: `web_view` (Flow WebView doc) and `webview` (Android SDK). */
export const isWebView = (value: (name: string) => string | undefined) =>
  value('web_view') === 'true' || value('webview') === 'true';
