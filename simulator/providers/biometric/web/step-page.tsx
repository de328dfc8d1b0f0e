import type { Child, FC } from 'hono/jsx';
import type { EdocumentField as EdocumentFieldMetadata } from '../metadata.js';
import { currentTechnology, type FlowSession, pendingChoice } from '../progress.js';
import { FAILURE_TYPES, type TechnologyCode } from '../schema.js';
import { type Locale, TECHNOLOGY_TITLES, t } from './i18n.js';
import { Layout, REMOTE_PREFIX } from './layout.js';

export type StepError = 'iin' | 'phone' | 'otp';

export interface StepPageProps {
  session: FlowSession;
  locale: Locale;
  webView: boolean;
  error?: StepError;
}

/** The page for where the session stands: a choice of technologies, or the current technology. */
export function StepPage({ session, locale, webView, error }: StepPageProps) {
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
  const Form: FC<{ children: Child }> = (props) => (
    <form method="post" action={`${REMOTE_PREFIX}/flow/${session.id}/step`}>
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
      <h1 data-technology={choices ? 'choice' : current}>{title}</h1>
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
  const start = (
    <button type="submit" name="action" value="scenario">
      {t(locale, 'start')}
    </button>
  );
  if (code === 'LD' || code === 'LDHP') {
    return (
      <>
        <p>{t(locale, code)}</p>
        <div class="frame">{code === 'LDHP' ? '⟲ ⟳' : '◉'}</div>
        {start}
      </>
    );
  }
  if (code === 'DR') {
    return (
      <>
        <p>{t(locale, 'DR')}</p>
        <div class="frame document">ID</div>
        {start}
      </>
    );
  }
  if (code === 'F2F') {
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
        <div class="frame">◉</div>
        {start}
      </>
    );
  }
  return <EdocumentBody session={session} locale={locale} error={error} />;
}

function EdocumentBody({
  session,
  locale,
  error,
}: {
  session: FlowSession;
  locale: Locale;
  error?: StepError;
}) {
  const { iin, phone } = session.data.metadata.edocument;
  const { stage } = session.data.edocument;
  if (stage === 'otp') {
    return (
      <>
        <p>{t(locale, 'otpPrompt', { phone: session.data.edocument.phone ?? '' })}</p>
        <label for="otp">{t(locale, 'otp')}</label>
        <input
          id="otp"
          name="otp"
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength={8}
          data-digits="otp"
          required
        />
        {error === 'otp' ? <p class="error">{t(locale, 'badOtp')}</p> : null}
        <button type="submit" name="action" value="scenario">
          {t(locale, 'confirm')}
        </button>
      </>
    );
  }
  return (
    <>
      <p>{t(locale, 'ED')}</p>
      <EdocumentField name="iin" field={iin} locale={locale} error={error === 'iin'} />
      <EdocumentField name="phone" field={phone} locale={locale} error={error === 'phone'} />
      <button type="submit" name="action" value="edocument-input">
        {t(locale, 'getCode')}
      </button>
    </>
  );
}

/** IIN or phone: prefilled from metadata, read-only when the metadata says changeable false. */
function EdocumentField(props: {
  name: 'iin' | 'phone';
  field: EdocumentFieldMetadata;
  locale: Locale;
  error: boolean;
}) {
  const { name, field, locale } = props;
  return (
    <>
      <label for={name}>{t(locale, name)}</label>
      <input
        id={name}
        name={name}
        value={field.value ?? ''}
        readonly={!field.changeable}
        inputmode={name === 'iin' ? 'numeric' : 'tel'}
        maxlength={name === 'iin' ? 12 : 16}
        data-digits={name}
        required
      />
      {props.error ? <p class="error">{t(locale, name === 'iin' ? 'badIin' : 'badPhone')}</p> : null}
    </>
  );
}

/** The tester overrides the scenario: pass, or fail with a chosen reason type. */
function TesterPanel(props: {
  session: FlowSession;
  code: TechnologyCode;
  locale: Locale;
  Form: FC<{ children: Child }>;
}) {
  const { session, code, locale, Form } = props;
  const planned = session.data.outcomes[code];
  const outcome = planned?.result === 'fail' ? `${t(locale, 'fail')} (${planned.reason})` : t(locale, 'pass');
  return (
    <details data-tester>
      <summary>{t(locale, 'tester')}</summary>
      <p class="muted">{t(locale, 'scenarioOutcome', { outcome })}</p>
      <Form>
        <select name="result" aria-label={t(locale, 'tester')}>
          <option value="pass">{t(locale, 'pass')}</option>
          <option value="fail">{t(locale, 'fail')}</option>
        </select>
        <div class="reason">
          <label for="reason">{t(locale, 'reason')}</label>
          <select id="reason" name="reason">
            {FAILURE_TYPES.map((type) => (
              <option value={type} selected={type === 'CALC_RESULT'}>
                {type}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" name="action" value="tester">
          {t(locale, 'apply')}
        </button>
      </Form>
    </details>
  );
}
