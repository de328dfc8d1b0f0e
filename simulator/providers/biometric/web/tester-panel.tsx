import type { ComponentChildren, FunctionComponent as FC } from 'preact';
import type { FlowSession } from '../progress.js';
import { FAILURE_TYPES, type TechnologyCode } from '../schema.js';
import { type Locale, t } from './i18n.js';

/** The tester overrides the scenario: pass, or fail with a chosen reason type. */
export function TesterPanel(props: {
  session: FlowSession;
  code: TechnologyCode;
  locale: Locale;
  Form: FC<{ children: ComponentChildren }>;
}) {
  const { session, code, locale, Form } = props;
  const planned = session.data.outcomes[code];
  const outcome = planned?.type === 'fail' ? `${t(locale, 'fail')} (${planned.reason})` : t(locale, 'pass');
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
