/**
 * What the official Android SDK (biometrickz/kyc-sdk-android, BiometricDialog.kt) does around its
 * WebView, restated for tests: the app edits BASE_URL (`https://test.biometric.kz/short?`) and the
 * session URL's host, so on kyc-sim both become `<sim>/biometric/test`.
 */
export const androidStartUrl = (legacyBase: string, apiKey: string) =>
  `${legacyBase}/short?api_key=${apiKey}&webview=true`;

/** onProgressChanged: `url.contains("test-ok")` / `url.contains("test-fail")`. */
export const androidOutcome = (url: string): 'ok' | 'fail' | undefined =>
  url.includes('test-ok') ? 'ok' : url.includes('test-fail') ? 'fail' : undefined;

/** extractSession: everything after the first "session" (any case) plus one character. */
export function androidExtractSession(url: string): string {
  return url.substring(url.toLowerCase().indexOf('session') + 8);
}

/**
 * getSession: `GET <host>/v1/main/session/<id>/`; a status in 100..399 is success; the body goes
 * to the app as Kotlin's `readLines().toString().replace(",", "")`.
 */
export async function androidGetSession(legacyBase: string, session: string, trailingSlash = true) {
  const res = await fetch(`${legacyBase}/v1/main/session/${session}${trailingSlash ? '/' : ''}`);
  const text = await res.text();
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const passedOn = `[${lines.join(', ')}]`.replaceAll(',', '');
  return { success: res.status >= 100 && res.status <= 399, status: res.status, text, passedOn };
}
