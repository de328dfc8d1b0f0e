import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { htmlDocument } from '../../../engine/html.js';
import type { FlowSession } from '../progress.js';
import type { FlowSessions } from '../sessions.js';
import { isWebView, type View } from './flow-host.js';
import { htmlLang, LOCALES, type Locale, t, toLocale } from './i18n.js';
import { Layout } from './layout.js';

/**
 * `/finished` must stay exactly that URL (the doc's Flutter example compares the whole string), so
 * which session ended, and how it was shown, travel in a short-lived cookie set by the submit that
 * ended it. Where no cookie reaches (a cross-site iframe over http) the Referer, the flow page the
 * submit came from, tells the same; with neither, the page is neutral.
 */
const COOKIE = 'kyc_sim_biometric_finished';

export function rememberFinish(c: Context, prefix: string, session: FlowSession, view: View): void {
  setCookie(c, COOKIE, `${session.id}.${view.locale}.${view.webView ? 'app' : 'browser'}`, {
    path: `${prefix}/finished`,
    httpOnly: true,
    sameSite: 'Lax',
    maxAge: 3600,
  });
}

/** `<id>.<locale>.<app|browser>` from a Referer on `<prefix>/flow/<id>`, else ''. */
function fromReferer(c: Context, prefix: string): string {
  let referer: URL;
  try {
    referer = new URL(c.req.header('referer') ?? '');
  } catch {
    return '';
  }
  const id = new RegExp(`^${prefix}/flow/([^/]+)`).exec(referer.pathname)?.[1];
  if (!id) return '';
  const query = (name: string) => referer.searchParams.get(name) ?? undefined;
  return `${id}.${query('locale') ?? ''}.${isWebView(query) ? 'app' : 'browser'}`;
}

type Outcome = 'passed' | 'failed' | 'unknown';

export async function finishedPage(c: Context, prefix: string, sessions: FlowSessions): Promise<Response> {
  const [id = '', locale = '', mode = 'app'] = (getCookie(c, COOKIE) ?? fromReferer(c, prefix)).split('.');
  const session = id ? await sessions.get(id) : undefined;
  const outcome: Outcome = !session ? 'unknown' : session.data.passed ? 'passed' : 'failed';
  if (session) c.set('sessionId', session.id);
  return c.html(
    htmlDocument(
      <FinishedPage
        locale={session ? toLocale(locale) : toLocale(c.req.query('locale'))}
        webView={!session || mode === 'app'}
        outcome={outcome}
        sessionId={session?.id}
      />,
    ),
  );
}

function FinishedPage(props: { locale: Locale; webView: boolean; outcome: Outcome; sessionId?: string }) {
  const { locale, outcome } = props;
  const heading = outcome === 'failed' ? 'flowFailed' : 'finished';
  return (
    <Layout locale={locale} webView={props.webView} title={t(locale, heading)}>
      <h1 data-finished data-flow-event="finish" data-outcome={outcome} data-session={props.sessionId ?? ''}>
        {t(locale, heading)}
      </h1>
      {outcome === 'passed' ? <p>{t(locale, 'flowPassed')}</p> : null}
      {/* Without a known session the page cannot tell which language the flow spoke: say it in all. */}
      {outcome === 'unknown'
        ? LOCALES.filter((other) => other !== locale).map((other) => (
            <p lang={htmlLang(other)}>{t(other, 'finished')}</p>
          ))
        : null}
    </Layout>
  );
}
