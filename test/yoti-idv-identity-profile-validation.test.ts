import { beforeAll, describe, expect, it } from 'vitest';
import { YotiIdvError } from '../clients/yoti-idv/index.js';
import type { CreateSessionRequest } from '../clients/yoti-idv/types.js';
import { admin, useSimulator } from './support/simulator.js';
import { idvScenario, ourClient } from './support/yoti-idv.js';

// biome-ignore lint/suspicious/noExplicitAny: cases write requirements freely, as a buggy client would
type Any = any;

const session = (extra: Any) => ({ client_session_token_ttl: 600, resources_ttl: 90_000, ...extra });
const simple = (trust_framework: Any, scheme: Any) => ({
  identity_profile_requirements: { trust_framework, scheme },
});
const advanced = (...profiles: Any[]) => ({ advanced_identity_profile_requirements: { profiles } });
const scheme = (type: string, label: string, objective?: string) => ({ type, label, objective });

/** [rule, requirements, property the 400 must name, words its message must contain] */
const cases: [string, Any, string, string][] = [
  [
    'a known trust framework',
    simple('UK_TFIDX', { type: 'RTW' }),
    'identity_profile_requirements.trust_framework',
    'unknown trust framework "UK_TFIDX"',
  ],
  ['a scheme', simple('UK_TFIDA', undefined), 'identity_profile_requirements.scheme', 'is required'],
  [
    'a UK_TFIDA scheme the framework has',
    simple('UK_TFIDA', { type: 'IDENTITY', objective: 'AL_L1' }),
    'identity_profile_requirements.scheme.type',
    'unknown UK_TFIDA scheme "IDENTITY"',
  ],
  [
    'DBS names its level',
    simple('UK_TFIDA', { type: 'DBS' }),
    'identity_profile_requirements.scheme.objective',
    'is required for DBS: one of BASIC, STANDARD, ENHANCED',
  ],
  [
    'a known DBS level',
    simple('UK_TFIDA', { type: 'DBS_RTW', objective: 'GOLD' }),
    'identity_profile_requirements.scheme.objective',
    'unknown DBS_RTW objective "GOLD"',
  ],
  [
    'IDENTITY names its assurance level',
    simple('YOTI_GLOBAL', { type: 'IDENTITY' }),
    'identity_profile_requirements.scheme.objective',
    'is required for IDENTITY',
  ],
  [
    'at least one profile',
    advanced(),
    'advanced_identity_profile_requirements.profiles',
    'at least one profile',
  ],
  [
    'at least one scheme a profile',
    advanced({ trust_framework: 'UK_TFIDA', schemes: [] }),
    'advanced_identity_profile_requirements.profiles[0].schemes',
    'at least one scheme',
  ],
  [
    'a label on every advanced scheme',
    advanced({ trust_framework: 'UK_TFIDA', schemes: [{ type: 'RTW' }] }),
    'advanced_identity_profile_requirements.profiles[0].schemes[0].label',
    'is required',
  ],
  [
    'unique labels',
    advanced(
      { trust_framework: 'UK_TFIDA', schemes: [scheme('RTW', 'same')] },
      { trust_framework: 'YOTI_GLOBAL', schemes: [scheme('IDENTITY', 'same', 'AL_L1')] },
    ),
    'advanced_identity_profile_requirements.profiles[1].schemes[0].label',
    'must be unique',
  ],
  [
    'the framework’s rules in each advanced profile',
    advanced({ trust_framework: 'UK_TFIDA', schemes: [scheme('DBS', 'dbs')] }),
    'advanced_identity_profile_requirements.profiles[0].schemes[0].objective',
    'is required for DBS',
  ],
  [
    'a scheme filter as required documents have them',
    advanced({
      trust_framework: 'UK_TFIDA',
      schemes: [{ ...scheme('RTW', 'rtw'), config: { filter: { type: 'SOMETHING' } } }],
    }),
    'advanced_identity_profile_requirements.profiles[0].schemes[0].config.filter.type',
    'unknown filter type',
  ],
  [
    'one form, not both',
    {
      ...simple('UK_TFIDA', { type: 'RTW' }),
      ...advanced({ trust_framework: 'UK_TFIDA', schemes: [scheme('RTW', 'rtw')] }),
    },
    'advanced_identity_profile_requirements',
    'not both',
  ],
  ['a string subject id', { subject: { subject_id: 42 } }, 'subject.subject_id', 'string'],
];

describe('identity-profile requirements validation', () => {
  const sim = useSimulator({ scenario: { name: 'boot' } });
  beforeAll(async () => {
    await admin(sim(), 'PUT', '/scenario', await idvScenario());
  });
  const create = async (extra: Any) =>
    (await ourClient(sim())).createSession(session(extra) as CreateSessionRequest);

  it.each(cases)('requires %s', async (_rule, requirements, property, words) => {
    const error = await create(requirements).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(YotiIdvError);
    const { status, code, errors } = error as YotiIdvError;
    expect([status, code]).toEqual([400, 'PAYLOAD_VALIDATION']);
    const problem = errors.find((e) => e.property === property);
    expect(problem, JSON.stringify(errors)).toBeDefined();
    expect(problem?.message).toContain(words);
  });

  it('accepts every form Yoti’s examples send, and Yoti Global schemes beyond the known ones', async () => {
    for (const requirements of [
      simple('UK_TFIDA', { type: 'RTW' }),
      simple('UK_TFIDA', { type: 'DBS_RTW', objective: 'BASIC' }),
      simple('YOTI_GLOBAL', { type: 'CAN_CRC' }),
      simple('UK_TFIDA', { type: 'RTW', objective: null }),
      // Serialisers that write every field send null for what is not set.
      advanced({
        trust_framework: 'UK_TFIDA',
        schemes: [{ type: 'RTW', objective: null, label: 'r', config: null }],
      }),
      advanced(
        { trust_framework: 'UK_TFIDA', schemes: [{ label: 'LB912', type: 'RTW' }] },
        {
          trust_framework: 'YOTI_GLOBAL',
          schemes: [{ label: 'LB321', type: 'IDENTITY', objective: 'AL_L1' }],
        },
      ),
    ]) {
      const created = await create({ ...requirements, subject: { subject_id: 'someone' } });
      expect(created.session_id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
