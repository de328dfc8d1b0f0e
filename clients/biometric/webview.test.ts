import { describe, expect, it } from 'vitest';
import { finishedUrl, flowUrl, isFinishedUrl } from './webview.js';

const REAL = 'https://remote.biometric.kz';
const SIM = 'http://127.0.0.1:8080/biometric/remote/';

describe('flow URLs for a WebView', () => {
  it('builds the doc’s example URL with web_view=true by default', () => {
    expect(flowUrl(REAL, '6737a660-208a-401a-a2cf-2b45a326002a')).toBe(
      'https://remote.biometric.kz/flow/6737a660-208a-401a-a2cf-2b45a326002a?web_view=true',
    );
  });

  it('adds the locale and can leave web_view out for a browser', () => {
    expect(flowUrl(SIM, 'abc', { webView: false, locale: 'kz' })).toBe(
      'http://127.0.0.1:8080/biometric/remote/flow/abc?locale=kz',
    );
  });

  it('recognises the finished page as onPageStarted would, on the same host only', () => {
    expect(finishedUrl(REAL)).toBe('https://remote.biometric.kz/finished');
    expect(isFinishedUrl(REAL, 'https://remote.biometric.kz/finished')).toBe(true);
    expect(isFinishedUrl(REAL, 'https://remote.biometric.kz/finished/?locale=ru')).toBe(true);
    expect(isFinishedUrl(SIM, 'http://127.0.0.1:8080/biometric/remote/finished')).toBe(true);
    expect(isFinishedUrl(REAL, 'https://remote.biometric.kz/flow/abc')).toBe(false);
    expect(isFinishedUrl(REAL, 'https://evil.example/finished')).toBe(false);
    expect(isFinishedUrl(SIM, 'http://127.0.0.1:8080/finished')).toBe(false);
    expect(isFinishedUrl(REAL, 'not a url')).toBe(false);
  });
});
