import { createRequire } from 'node:module';
import type { RunningSimulator } from '../../simulator/server.js';
import { admin } from './simulator.js';
import { testKeys } from './yoti-idv.js';

// The unmodified official SDK, CommonJS.
const require = createRequire(import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: the SDK is untyped JavaScript here
export type Any = any;
export const yoti: Any = require('yoti');

export const DIGITAL_ID_SDK_ID = 'd1d1d1d1-0000-4000-8000-000000000001';
export const OTHER_DIGITAL_ID_SDK_ID = 'd1d1d1d1-0000-4000-8000-000000000002';

/** A scenario with two apps sharing one registered key; `digitalId` is the first app's section. */
export async function digitalIdScenario(
  digitalId: Record<string, unknown> = { outcome: { type: 'manual' } },
  seed = 11,
) {
  const { publicKeyPem } = await testKeys();
  return {
    name: 'yoti digital id test',
    seed,
    yoti: {
      apps: [
        { sdkId: DIGITAL_ID_SDK_ID, name: 'Digital ID Test App', publicKey: publicKeyPem, digitalId },
        { sdkId: OTHER_DIGITAL_ID_SDK_ID, publicKey: publicKeyPem },
      ],
    },
  };
}

export const digitalIdBase = (sim: RunningSimulator) => `${sim.url}/yoti/share`;

/** The SDK's DigitalIdentityClient pointed at the simulator by its API URL alone. */
export async function digitalIdentityClient(sim: RunningSimulator, sdkId = DIGITAL_ID_SDK_ID): Promise<Any> {
  return new yoti.DigitalIdentityClient(sdkId, (await testKeys()).privateKeyPem, {
    apiUrl: digitalIdBase(sim),
  });
}

/** A share session configuration as Yoti's guide builds one. */
export function shareSessionConfig(
  build: (policy: Any) => Any = (p) => p.withFullName().withEmail().withAgeOver(18).withWantedRememberMe(),
  notification?: { url: string; method?: string; headers?: Record<string, string> },
): Any {
  const { PolicyBuilder, ShareSessionConfigurationBuilder, ShareSessionNotificationBuilder } =
    yoti.DigitalIdentityBuilders;
  const builder = new ShareSessionConfigurationBuilder()
    .withRedirectUri('/profile')
    .withPolicy(build(new PolicyBuilder()).build())
    .withSubject({ subject_id: 'some_subject_id_string' });
  if (notification) {
    let n = new ShareSessionNotificationBuilder().withUrl(notification.url);
    if (notification.method) n = n.withMethod(notification.method);
    for (const [name, value] of Object.entries(notification.headers ?? {})) n = n.withHeader(name, value);
    builder.withNotification(n.build());
  }
  return builder.build();
}

export const sessionAction = (sim: RunningSimulator, id: string, action: string, params: object = {}) =>
  admin(sim, 'POST', `/sessions/${encodeURIComponent(id)}/actions`, { action, ...params });
