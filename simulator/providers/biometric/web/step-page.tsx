import type { ComponentChildren, FunctionComponent as FC } from 'preact';
import { currentTechnology, type FlowSession, pendingChoice } from '../progress.js';
import type { TechnologyCode } from '../schema.js';
import { usesCamera } from '../technologies.js';
import { EdocumentBody, type StepError } from './edocument-step.js';
import { type Locale, TECHNOLOGY_TITLES, t } from './i18n.js';
import { Layout } from './layout.js';
import { TesterPanel } from './tester-panel.js';

export type { StepError };

export interface StepPageProps {
  session: FlowSession;
  locale: Locale;
  webView: boolean;
  /** Where the step forms post: the host's `/flow/<id>/step`. */
  action: string;
  error?: StepError;
}

/** The page for where the session stands: a choice of technologies, or the current technology. */
export function StepPage({ session, locale, webView, action, error }: StepPageProps) {
  const { data } = session;
  const current = currentTechnology(data) as TechnologyCode;
  const choices = pendingChoice(data);
  const title = choices ? t(locale, 'choose') : TECHNOLOGY_TITLES[current][locale];
  const hidden = (
    <>
      <input type="hidden" name="technology" value={current} />
      <input type="hidden" name="locale" value={locale} />
      {webView ? <input type="hidden" name="web_view" value="true" /> : null}
    </>
  );
  const Form: FC<{ children: ComponentChildren }> = (props) => (
    <form method="post" action={action}>
      {hidden}
      {props.children}
    </form>
  );
  const visible = data.technologies.filter((code) => data.progress[code]?.status !== 'skipped');
  const stepText = t(locale, 'step', { n: visible.indexOf(current) + 1, total: visible.length });
  return (
    <Layout locale={locale} webView={webView} title={title}>
      <ol class="steps" aria-label={stepText}>
        {data.technologies.map((code) => {
          const status = data.progress[code]?.status;
          const cls = code === current ? 'current' : status === 'passed' ? 'done' : (status ?? '');
          return <li class={cls} title={TECHNOLOGY_TITLES[code][locale]} />;
        })}
      </ol>
      <p class="muted">{stepText}</p>
      <h1 data-technology={choices ? 'choice' : current} data-flow-event="step" data-session={session.id}>
        {title}
      </h1>
      {choices ? (
        <Form>
          {choices.map((code) => (
            <button type="submit" name="choice" value={code}>
              {TECHNOLOGY_TITLES[code][locale]}
            </button>
          ))}
        </Form>
      ) : (
        <>
          <Form>
            <TechnologyBody session={session} code={current} locale={locale} error={error} />
          </Form>
          {asksForCamera(session, current) ? (
            // Sent by the page script when getUserMedia fails: the flow ends with NO_CAM.
            <div data-camera-failed hidden>
              <Form>
                <input type="hidden" name="action" value="camera" />
                <input type="hidden" name="camera_error" value="" />
              </Form>
            </div>
          ) : null}
          <TesterPanel session={session} code={current} locale={locale} Form={Form} />
        </>
      )}
    </Layout>
  );
}

function TechnologyBody(props: {
  session: FlowSession;
  code: TechnologyCode;
  locale: Locale;
  error?: StepError;
}) {
  const { session, code, locale, error } = props;
  const { data } = session;
  if (code === 'ED') return <EdocumentBody session={session} locale={locale} error={error} />;
  const ask = asksForCamera(session, code);
  const camera = (
    <>
      <div class={code === 'DR' ? 'frame document' : 'frame'} data-camera={ask ? facing(code) : undefined}>
        {ask ? <video autoplay playsinline muted /> : null}
        <span>{code === 'DR' ? 'ID' : code === 'LDHP' ? '⟲ ⟳' : '◉'}</span>
      </div>
      {ask ? (
        <p
          class="muted"
          data-camera-status
          data-granted={t(locale, 'cameraOn')}
          data-unavailable={t(locale, 'cameraInsecure')}
        >
          {t(locale, 'cameraAsk')}
        </p>
      ) : null}
      {/* Enabled by the page script once the camera runs, as the real capture needs it. */}
      <button type="submit" name="action" value="scenario" disabled={ask} data-needs-camera={ask}>
        {t(locale, 'start')}
      </button>
    </>
  );
  if (code !== 'F2F') {
    return (
      <>
        <p>{t(locale, code)}</p>
        {camera}
      </>
    );
  }
  const { photo1, photoMime } = data.metadata.face2face;
  return (
    <>
      <p>{t(locale, 'F2F')}</p>
      {photo1 ? (
        <img
          class="reference"
          alt="reference"
          data-reference="metadata"
          src={`data:${photoMime};base64,${photo1}`}
        />
      ) : (
        <p class="muted">{t(locale, 'F2FNoPhoto')}</p>
      )}
      {camera}
    </>
  );
}

/** Whether the page for `code` asks for the camera: a filming step of a flow that does. */
export const asksForCamera = (session: FlowSession, code: TechnologyCode) =>
  session.data.camera === 'ask' && usesCamera(code);

/** The selfie camera for faces, the rear one for documents. */
const facing = (code: TechnologyCode) => (code === 'DR' ? 'environment' : 'user');
