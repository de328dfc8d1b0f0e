import { BiometricClient } from '../../clients/biometric/index.js';
import type { RunningSimulator } from '../../simulator/server.js';

/** Flows used by the Biometric.kz suites, one per shape the doc's rules care about. */
export const KEYS = {
  ldF2f: 'test-flow-ld-f2f-api-key-00000000000000000000000000',
  ldhpF2f: 'test-flow-ldhp-f2f-api-key-000000000000000000000000',
  edF2f: 'test-flow-ed-f2f-api-key-00000000000000000000000000',
  drF2f: 'test-flow-dr-f2f-api-key-00000000000000000000000000',
  individuals: 'test-flow-ld-ed-f2f-api-key-0000000000000000000000',
  interchangeable: 'test-flow-ld-ed-dr-api-key-0000000000000000000000',
  liveness: 'test-flow-ld-api-key-000000000000000000000000000000',
  failing: 'test-flow-f2f-fails-api-key-0000000000000000000000',
  inactive: 'test-flow-inactive-api-key-00000000000000000000000',
  noCamera: 'test-flow-ld-no-camera-api-key-0000000000000000000',
  delayed: 'test-flow-ld-f2f-delayed-results-api-key-00000000',
} as const;

/**
 * The suites' flows. Their per-technology results fill in as soon as the flow ends
 * (`subResultDelayMs: 0`), except the `delayed` flow's, which keep the service's default delay.
 */
export function biometricScenario(webhookUrl?: string) {
  const webhook = webhookUrl ? { url: webhookUrl, maxAttempts: 3, backoffMs: 1_000 } : undefined;
  const flows: Record<string, unknown>[] = [
    { apiKey: KEYS.ldF2f, name: 'Flow for everyone', technologies: ['LD', 'F2F'], webhook },
    { apiKey: KEYS.ldhpF2f, technologies: ['LDHP', 'F2F'] },
    { apiKey: KEYS.edF2f, technologies: ['ED', 'F2F'], otpCode: '4321' },
    { apiKey: KEYS.drF2f, technologies: ['DR', 'F2F'] },
    { apiKey: KEYS.individuals, name: 'Flow for individuals', technologies: ['LD', 'ED', 'F2F'] },
    { apiKey: KEYS.interchangeable, technologies: ['LD', 'ED', 'DR'] },
    { apiKey: KEYS.liveness, technologies: ['LD'], sessionLifetimeMs: 60_000, webhook },
    {
      apiKey: KEYS.failing,
      technologies: ['LD', 'F2F'],
      outcomes: { F2F: { result: 'fail', reason: 'CALC_RESULT', message: 'Faces do not match' } },
    },
    { apiKey: KEYS.inactive, technologies: ['LD'], active: false },
    { apiKey: KEYS.noCamera, technologies: ['LD', 'ED'], camera: 'skip' },
  ];
  return {
    name: 'biometric tests',
    seed: 7,
    biometric: {
      flows: [
        ...flows.map((flow) => ({ subResultDelayMs: 0, ...flow })),
        { apiKey: KEYS.delayed, technologies: ['LD', 'F2F'] },
      ],
    },
  };
}

/** A 1×1 PNG, base64 without a data: prefix, as the doc's examples send photo1. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export const clientFor = (sim: RunningSimulator, apiKey: string) =>
  new BiometricClient({
    apiKey,
    apiUrl: `${sim.url}/biometric/kyc`,
    remoteUrl: `${sim.url}/biometric/remote`,
  });

/** POSTs any body to session create and returns status and JSON, for the error cases. */
export async function rawCreate(sim: RunningSimulator, body: string, contentType = 'application/json') {
  const res = await fetch(`${sim.url}/biometric/kyc/api/v1/flows/session/create/`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  return { status: res.status, body: (await res.json()) as { detail?: string; session_id?: string } };
}

export const createWith = (sim: RunningSimulator, apiKey: string, metadata?: unknown) =>
  rawCreate(
    sim,
    JSON.stringify(metadata === undefined ? { api_key: apiKey } : { api_key: apiKey, metadata }),
  );

/** Submits one form of the flow page like a browser does, without following the redirect. */
export async function submitStep(sim: RunningSimulator, sessionId: string, fields: Record<string, string>) {
  const res = await fetch(`${sim.url}/biometric/remote/flow/${sessionId}/step`, {
    method: 'POST',
    body: new URLSearchParams({ locale: 'en', ...fields }),
    redirect: 'manual',
  });
  return { status: res.status, location: res.headers.get('location') ?? '' };
}

export async function flowPage(sim: RunningSimulator, sessionId: string, query = 'locale=en') {
  const res = await fetch(`${sim.url}/biometric/remote/flow/${sessionId}?${query}`);
  return { status: res.status, html: await res.text() };
}
