import { createHash } from 'node:crypto';
import { type AttestrError, attestrError, type Language, localisedMessage, statusOf } from './errors.js';
import type { FlowxErrorData, Handshake, HandshakeData } from './handshakes.js';
import type { AttestrClient, StageOutcome } from './schema.js';
import { resultText } from './signature.js';

/** What decides a running stage: the scenario's timer, the tester's click or an admin action. */
export type StageDecision =
  | { type: 'success' }
  | {
      type: 'error';
      code: number;
      httpStatusCode?: number;
      original?: Partial<AttestrError> & { code: number };
    }
  | { type: 'skip' };

export function decisionOf(outcome: Exclude<StageOutcome, { type: 'manual' }>): StageDecision {
  if (outcome.type !== 'error') return { type: outcome.type };
  return {
    type: 'error',
    code: outcome.code,
    httpStatusCode: outcome.httpStatusCode,
    original: outcome.original,
  };
}

/** onFlowxError's data: the message in the handshake's language, the cause in Attestr's API words. */
export function flowxErrorData(
  decision: Extract<StageDecision, { type: 'error' }>,
  lc: Language,
  stage: string | null,
): FlowxErrorData {
  const error: FlowxErrorData = {
    code: decision.code,
    httpStatusCode: decision.httpStatusCode ?? statusOf(decision.code),
    message: localisedMessage(decision.code, lc),
    retry: false,
    stage,
  };
  const o = decision.original;
  if (o)
    error.original = {
      ...attestrError(o.code),
      ...(o.message ? { message: o.message } : {}),
      ...(o.httpStatusCode ? { httpStatusCode: o.httpStatusCode } : {}),
    };
  return error;
}

/** `{<stageId>: {input, output}}` of the stages that succeeded, as JSON text; null when none did. */
export function resultOf(data: HandshakeData): string | null {
  const done = data.stages.filter((s) => s.status === 'success');
  if (done.length === 0) return null;
  return resultText(Object.fromEntries(done.map((s) => [s.id, { input: s.input, output: s.output ?? {} }])));
}

const EVENTS: Record<string, string> = {
  COMPLETED: 'flowx.completed',
  SKIPPED: 'flowx.skipped',
  ERRORED: 'flowx.errored',
};

/**
 * The webhook body for an ended handshake; `result` re-serialises to the very text that was
 * signed. `snapshot` is a String (or null) and `updated` a ms epoch, as the Flow Webhooks page says.
 */
export function flowxEvent(hs: Handshake) {
  const { data } = hs;
  return {
    event: EVENTS[hs.state],
    payload: {
      _id: hs.id,
      tag: data.tag,
      number: data.number,
      requestId: data.requestId,
      result: data.resultText === null ? null : JSON.parse(data.resultText),
      resultSignature: data.resultSignature,
      flowId: data.flowId,
      snapshot: data.snapshot,
      updated: hs.updatedAt,
    },
  };
}

/**
 * Attestr sends each webhook with `Authorization: Basic <token>`, the token shown (and editable)
 * on its webhooks dashboard. Without `webhookToken` in the scenario, kyc-sim derives one.
 */
export function webhookHeaders(client: Pick<AttestrClient, 'clientKey' | 'webhookToken'>) {
  const token =
    client.webhookToken ??
    createHash('sha256').update(`kyc-sim-webhook:${client.clientKey}`).digest('hex').slice(0, 32);
  return { authorization: `Basic ${token}` };
}
