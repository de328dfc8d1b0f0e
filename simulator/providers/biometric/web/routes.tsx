import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { htmlDocument } from '../../../engine/html.js';
import type { SimEnv } from '../../provider.js';
import { IIN_PATTERN, PHONE_PATTERN } from '../metadata.js';
import { currentTechnology, type FlowSession, hasEnded, type Verdict, verdictOf } from '../progress.js';
import { failureTypeSchema, type TechnologyCode, technologyCodeSchema } from '../schema.js';
import type { FlowSessions } from '../sessions.js';
import { finishedPage, rememberFinish } from './finished-page.js';
import { type FlowHost, flowPath, isWebView, type View } from './flow-host.js';
import { FLOW_WIDGET_SCRIPT } from './flow-widget.js';
import { toLocale } from './i18n.js';
import { ErrorPage } from './layout.js';
import { asksForCamera, type StepError, StepPage } from './step-page.js';

/** Mount path of https://remote.biometric.kz on the simulator. */
export const REMOTE_PREFIX = '/biometric/remote';

/** https://remote.biometric.kz: the flow pages, ending at `/finished`, which apps watch for. */
export const REMOTE_HOST: FlowHost = {
  prefix: REMOTE_PREFIX,
  webViewParam: 'web_view',
  finish: (c, session, view) => {
    rememberFinish(c, REMOTE_PREFIX, session, view);
    return c.redirect(`${REMOTE_PREFIX}/finished`, 303);
  },
};

/** https://remote.biometric.kz: the flow a user walks, in a browser or an app's WebView. */
export function webRoutes(sessions: FlowSessions): Hono<SimEnv> {
  const app = flowRoutes(sessions, REMOTE_HOST);
  // Where the flow lands when everything is done; apps watch for this URL.
  app.get('/finished', (c) => finishedPage(c, REMOTE_PREFIX, sessions));
  app.get('/widget/flow-widget.umd.js', (c) =>
    c.body(FLOW_WIDGET_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  return app;
}

/** The flow page and its step form on `host`: every technology in order until the session ends. */
export function flowRoutes(sessions: FlowSessions, host: FlowHost): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  const query = (c: Context) => (name: string) => c.req.query(name);

  app.get('/flow/:id', async (c) => {
    const view = { locale: toLocale(c.req.query('locale')), webView: isWebView(query(c)) };
    const id = c.req.param('id');
    const found = await sessions.get(id);
    if (!found || hasEnded(found)) return refuse(c, view, found);
    c.set('sessionId', id);
    const session = (await sessions.open(id, clientIp(c))) as FlowSession;
    const error = c.req.query('error') as StepError | undefined;
    return c.html(
      htmlDocument(
        <StepPage
          session={session}
          locale={view.locale}
          webView={view.webView}
          action={`${host.prefix}/flow/${id}/step`}
          error={error}
        />,
      ),
    );
  });

  app.post('/flow/:id/step', async (c) => {
    // A malformed form is read as an empty one: the page then shows the session where it stands.
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
    const view = { locale: toLocale(field('locale')), webView: isWebView(field) };
    const id = c.req.param('id');
    const session = await sessions.get(id);
    if (!session || hasEnded(session)) return refuse(c, view, session);
    c.set('sessionId', id);
    const again = (error?: StepError) => c.redirect(flowPath(host, id, view, error), 303);

    const choice = technologyCodeSchema.safeParse(field('choice'));
    if (choice.success) {
      await sessions.choose(id, choice.data);
      return again();
    }
    const code = currentTechnology(session.data);
    // A second tab or an admin action moved the session on: show where it stands now.
    if (!code || field('technology') !== code) return again();
    const action = field('action');

    if (code === 'ED' && session.data.edocument.stage === 'input' && action === 'edocument-input') {
      const { iin, phone } = session.data.metadata.edocument;
      // Locked fields keep the metadata values whatever the form says.
      const enteredIin = iin.changeable ? (field('iin') ?? '').trim() : (iin.value ?? '');
      const enteredPhone = phone.changeable ? (field('phone') ?? '').trim() : (phone.value ?? '');
      if (!IIN_PATTERN.test(enteredIin)) return again('iin');
      if (!PHONE_PATTERN.test(enteredPhone)) return again('phone');
      await sessions.enterEdocumentData(id, enteredIin, enteredPhone);
      return again();
    }

    const verdict = decide(session, code, action, field);
    if (verdict === 'wrong-otp') return again('otp');
    if (!verdict) return again();
    await sessions.complete(id, code, verdict);
    const after = await sessions.get(id);
    if (after && hasEnded(after)) return host.finish(c, after, view);
    return again();
  });
  return app;
}

/** The scenario's outcome, or the tester's choice; undefined when the form asked for nothing valid. */
function decide(
  session: FlowSession,
  code: TechnologyCode,
  action: string | undefined,
  field: (name: string) => string | undefined,
): Verdict | 'wrong-otp' | undefined {
  if (action === 'tester') {
    const reason = failureTypeSchema.safeParse(field('reason'));
    return field('result') === 'fail'
      ? { result: 'fail', reason: reason.success ? reason.data : 'CALC_RESULT', decidedBy: 'tester' }
      : { result: 'pass', decidedBy: 'tester' };
  }
  if (action === 'camera') {
    if (!asksForCamera(session, code)) return undefined;
    // getUserMedia's error name (NotAllowedError, NotFoundError, NotReadableError…), nothing else.
    const error = /^[A-Za-z]{1,40}$/.exec(field('camera_error') ?? '')?.[0] ?? 'Error';
    // The guide's NO_CAM has no detail; which error it was goes to the session timeline.
    return { result: 'fail', reason: 'NO_CAM', note: `getUserMedia: ${error}`, decidedBy: 'camera' };
  }
  if (action !== 'scenario') return undefined;
  if (code === 'ED') {
    if (session.data.edocument.stage !== 'otp') return undefined;
    if ((field('otp') ?? '').trim() !== session.data.otpCode) return 'wrong-otp';
  }
  const planned = session.data.outcomes[code];
  return planned ? verdictOf(planned, 'scenario') : { result: 'pass', decidedBy: 'scenario' };
}

/** The socket's address (IPv4-mapped IPv6 unwrapped); undefined outside a Node server. */
function clientIp(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address?.replace(/^::ffff:/, '');
  } catch {
    return undefined;
  }
}

/** Unknown sessions get 404; used and expired ones 410, each with a page that says which. */
function refuse(c: Context, view: View, session: FlowSession | undefined) {
  if (session) c.set('sessionId', session.id);
  const kind = !session ? 'notFound' : session.state === 'EXPIRED' ? 'expired' : 'used';
  return c.html(
    htmlDocument(<ErrorPage locale={view.locale} webView={view.webView} kind={kind} />),
    session ? 410 : 404,
  );
}
