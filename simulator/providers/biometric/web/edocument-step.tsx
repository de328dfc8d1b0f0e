import type { EdocumentField as EdocumentFieldMetadata } from '../metadata.js';
import type { FlowSession } from '../progress.js';
import { type Locale, t } from './i18n.js';

export type StepError = 'iin' | 'phone' | 'otp';

/** E-Document: data entry (IIN, phone), then the code from 1414; skip_input opens on the code. */
export function EdocumentBody({
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
