import type { FlowLocale } from './types.js';

/** The flow page a WebView opens: `<remote>/flow/<session_id>?web_view=true[&locale=..]`. */
export function flowUrl(
  remoteBaseUrl: string,
  sessionId: string,
  options: { webView?: boolean; locale?: FlowLocale } = {},
): string {
  const url = new URL(`${trimSlash(remoteBaseUrl)}/flow/${encodeURIComponent(sessionId)}`);
  if (options.webView ?? true) url.searchParams.set('web_view', 'true');
  if (options.locale) url.searchParams.set('locale', options.locale);
  return url.toString();
}

/** The page the flow navigates to when all is done. */
export const finishedUrl = (remoteBaseUrl: string) => `${trimSlash(remoteBaseUrl)}/finished`;

/**
 * What the doc's Flutter example does in onPageStarted: the flow is over when the WebView starts
 * loading `<remote>/finished`. Query and fragment are ignored so a future `?locale=` still counts.
 */
export function isFinishedUrl(remoteBaseUrl: string, url: string): boolean {
  let candidate: URL;
  try {
    candidate = new URL(url);
  } catch {
    return false;
  }
  const expected = new URL(finishedUrl(remoteBaseUrl));
  return candidate.origin === expected.origin && trimSlash(candidate.pathname) === expected.pathname;
}

const trimSlash = (text: string) => text.replace(/\/+$/, '');
