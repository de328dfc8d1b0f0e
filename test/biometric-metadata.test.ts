import { describe, expect, it } from 'vitest';
import {
  biometricScenario,
  createWith,
  flowPage,
  KEYS,
  PNG_BASE64,
  submitStep,
} from './support/biometric.js';
import { useSimulator } from './support/simulator.js';

const JPEG_BASE64 = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]).toString('base64');
const locked = (value: string) => ({ value, changeable: false });

describe('Biometric.kz session metadata rules', () => {
  const sim = useSimulator({ scenario: biometricScenario() });
  const expectDetail = async (apiKey: string, metadata: unknown, detail: RegExp) => {
    const res = await createWith(sim(), apiKey, metadata);
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(detail);
  };

  it('proceeds by default without metadata or with null metadata', async () => {
    expect((await createWith(sim(), KEYS.ldF2f)).status).toBe(200);
    expect((await createWith(sim(), KEYS.ldF2f, null)).status).toBe(200);
  });

  it('refuses metadata that is not an object', async () => {
    await expectDetail(
      KEYS.ldF2f,
      'photo',
      /^metadata: Expected a dictionary of items but got type "str"\.$/,
    );
    await expectDetail(
      KEYS.ldF2f,
      { face2face: [] },
      /^metadata\.face2face: Expected a dictionary .* "list"/,
    );
  });

  describe('face2face.photo1', () => {
    it.each([
      ['Liveness + Face2Face', KEYS.ldF2f],
      ['Liveness head position + Face2Face', KEYS.ldhpF2f],
      ['E-Document + Face2Face', KEYS.edF2f],
      ['Document Recognition + Face2Face', KEYS.drF2f],
    ])('is accepted for %s flows and shown as the reference', async (_, apiKey) => {
      const res = await createWith(sim(), apiKey, { face2face: { photo1: PNG_BASE64 } });
      expect(res.status).toBe(200);
    });

    it('is shown on the Face2Face step as the reference photo', async () => {
      const { body } = await createWith(sim(), KEYS.ldF2f, { face2face: { photo1: JPEG_BASE64 } });
      const id = body.session_id as string;
      await flowPage(sim(), id);
      await submitStep(sim(), id, { technology: 'LD', action: 'scenario' });
      const { html } = await flowPage(sim(), id);
      expect(html).toContain(`src="data:image/jpeg;base64,${JPEG_BASE64}"`);
    });

    it.each([
      ['Liveness + E-Document + Face2Face', KEYS.individuals],
      ['a flow without Face2Face', KEYS.liveness],
    ])('is refused for %s', async (_, apiKey) => {
      await expectDetail(
        apiKey,
        { face2face: { photo1: PNG_BASE64 } },
        /only works for Liveness \+ Face2Face/,
      );
    });

    it.each([
      ['not base64', 'not base64!'],
      ['base64 of text', Buffer.from('hello world, no image').toString('base64')],
      ['a data URL', `data:image/png;base64,${PNG_BASE64}`],
    ])('is refused when it is %s', async (_, photo1) => {
      await expectDetail(
        KEYS.ldF2f,
        { face2face: { photo1 } },
        /^metadata\.face2face\.photo1: Upload a valid image/,
      );
    });

    it('is refused when it is not a string', async () => {
      await expectDetail(
        KEYS.ldF2f,
        { face2face: { photo1: 12 } },
        /^metadata\.face2face\.photo1: Not a valid string\.$/,
      );
    });
  });

  describe('edocument', () => {
    const edPage = async (metadata: unknown) => {
      const res = await createWith(sim(), KEYS.edF2f, metadata);
      expect(res.status).toBe(200);
      return flowPage(sim(), res.body.session_id as string);
    };
    const input = (html: string, name: string) =>
      html.match(new RegExp(`<input id="${name}"[^>]*>`))?.[0] ?? '';

    it('leaves both fields empty and editable by default', async () => {
      const { html } = await edPage(undefined);
      // An empty value, written `value` or `value=""` (the same attribute to a browser).
      expect(input(html, 'iin')).toMatch(/ value(="")?[ />]/);
      expect(input(html, 'iin')).not.toContain('readonly');
      expect(input(html, 'phone')).not.toContain('readonly');
    });

    it('prefills values that stay editable when changeable is absent (case 3)', async () => {
      const { html } = await edPage({
        edocument: { iin: { value: '900101300123' }, phone: { value: '+77011234567' } },
      });
      expect(input(html, 'iin')).toContain('value="900101300123"');
      expect(input(html, 'iin')).not.toContain('readonly');
      expect(input(html, 'phone')).toContain('value="+77011234567"');
    });

    it('locks a field with changeable false and keeps its value whatever the form says (case 2)', async () => {
      const res = await createWith(sim(), KEYS.edF2f, {
        edocument: { iin: locked('900101300123'), phone: { value: '+77011234567' } },
      });
      const id = res.body.session_id as string;
      const { html } = await flowPage(sim(), id);
      expect(input(html, 'iin')).toContain('readonly');
      expect(input(html, 'phone')).not.toContain('readonly');
      await submitStep(sim(), id, {
        technology: 'ED',
        action: 'edocument-input',
        iin: '111111111111',
        phone: '+77019998877',
      });
      expect((await flowPage(sim(), id)).html).toContain('sent from 1414 to +77019998877');
      await submitStep(sim(), id, { technology: 'ED', action: 'scenario', otp: '4321' });
      await submitStep(sim(), id, { technology: 'F2F', action: 'scenario' });
      const result = await fetch(
        `${sim().url}/biometric/kyc/api/v1/flows/session/result/?session_id=${id}&flow_api_key=${KEYS.edF2f}`,
      ).then((r) => r.json());
      expect(result.edocument_result).toMatchObject({
        result: true,
        iin: '900101300123',
        phone: '+77019998877',
      });
    });

    it('skips data entry for the OTP step when both values are locked and skip_input is true (case 1)', async () => {
      const { html } = await edPage({
        edocument: { iin: locked('900101300123'), phone: locked('+77011234567'), skip_input: true },
      });
      expect(html).toContain('Enter the code sent from 1414 to +77011234567.');
      expect(html).not.toContain('id="iin"');
    });

    it.each([
      [
        'no values',
        {},
        /missing: iin\.value, phone\.value, iin\.changeable: false, phone\.changeable: false/,
      ],
      [
        'editable values',
        { iin: { value: '900101300123' }, phone: { value: '+77011234567' } },
        /missing: iin\.changeable: false, phone\.changeable: false\.$/,
      ],
      [
        'a missing phone',
        { iin: locked('900101300123') },
        /missing: phone\.value, phone\.changeable: false\.$/,
      ],
    ])('refuses skip_input with %s', async (_, fields, detail) => {
      await expectDetail(KEYS.edF2f, { edocument: { ...fields, skip_input: true } }, detail);
    });

    it.each([
      [
        'a short IIN',
        { iin: { value: '12345' } },
        /^metadata\.edocument\.iin\.value: The IIN must be 12 digits\.$/,
      ],
      [
        'a non-string IIN',
        { iin: { value: 900101300123 } },
        /^metadata\.edocument\.iin\.value: Not a valid string\.$/,
      ],
      [
        'a bad phone',
        { phone: { value: 'call me' } },
        /^metadata\.edocument\.phone\.value: Enter a valid phone number/,
      ],
      [
        'a non-boolean changeable',
        { iin: { changeable: 'no' } },
        /^metadata\.edocument\.iin\.changeable: Must be a valid boolean\.$/,
      ],
      [
        'a non-boolean skip_input',
        { skip_input: 'yes' },
        /^metadata\.edocument\.skip_input: Must be a valid boolean\.$/,
      ],
      [
        'a field that is no object',
        { phone: '+77011234567' },
        /^metadata\.edocument\.phone: Expected a dictionary/,
      ],
    ])('refuses %s', async (_, edocument, detail) => {
      await expectDetail(KEYS.edF2f, { edocument }, detail);
    });

    it('refuses E-Document metadata for a flow without E-Document', async () => {
      await expectDetail(
        KEYS.ldF2f,
        { edocument: { iin: { value: '900101300123' } } },
        /needs a flow with E-Document/,
      );
    });
  });

  describe('general.interchangeable_tech', () => {
    it('lets the user choose one technology and skips the others', async () => {
      const res = await createWith(sim(), KEYS.interchangeable, {
        general: { interchangeable_tech: ['ED', 'DR'] },
      });
      const id = res.body.session_id as string;
      await flowPage(sim(), id);
      await submitStep(sim(), id, { technology: 'LD', action: 'scenario' });
      const choice = await flowPage(sim(), id);
      expect(choice.html).toContain('Choose how to verify');
      expect(choice.html).toContain('value="ED"');
      expect(choice.html).toContain('value="DR"');
      await submitStep(sim(), id, { technology: 'ED', choice: 'DR' });
      expect((await flowPage(sim(), id)).html).toContain('data-technology="DR"');
      const done = await submitStep(sim(), id, { technology: 'DR', action: 'scenario' });
      expect(done.location).toBe('/biometric/remote/finished');
      const result = await fetch(
        `${sim().url}/biometric/kyc/api/v1/flows/session/result/?session_id=${id}&flow_api_key=${KEYS.interchangeable}`,
      ).then((r) => r.json());
      expect(result).toMatchObject({ status: 'FINISHED', flow_session_result: true });
      expect(result.document_recognition_result).toMatchObject({ result: true, document_type: 'ID_CARD' });
      expect(result.edocument_result).toEqual({});
    });

    it.each([
      ['not a list', 'ED', /Expected a list of items but got type "str"/],
      ['an unknown code', ['ED', 'XX'], /"XX" is not a valid choice/],
      ['a code outside the flow', ['ED', 'F2F'], /F2F is not a technology of this flow/],
      ['a single technology', ['ED'], /at least two technologies/],
      ['a repeated technology', ['ED', 'ED'], /appears twice/],
    ])('refuses %s', async (_, list, detail) => {
      await expectDetail(KEYS.interchangeable, { general: { interchangeable_tech: list } }, detail);
    });
  });

  it('ignores metadata sections it does not know, as DRF does', async () => {
    expect((await createWith(sim(), KEYS.ldF2f, { liveness: { anything: 1 } })).status).toBe(200);
  });
});
