import type { EndTone } from '../../engine/session-kinds.js';
import type { SessionRecord } from '../../engine/store.js';
import type { SessionMetadata } from './metadata.js';
import type { FailureType, Flow, TechnologyCode, TechnologyOutcome } from './schema.js';
import type { Subject } from './subject.js';

/**
 * A flow session: CREATED (session issued) → IN_PROGRESS (the flow page was opened) →
 * FINISHED (every technology ended, or one failed) | EXPIRED (the lifetime ran out first).
 * Sessions are one-time: once ended, the flow page refuses them.
 */
export type FlowState = 'CREATED' | 'IN_PROGRESS' | 'FINISHED' | 'EXPIRED';
export const FLOW_SESSION_KIND = 'flow-session';

/**
 * The guide's "Failure Reason structure": `type`, and `detail` (optional; "None" in its tables is
 * null here). `technology` is kyc-sim's: which step failed, null when the whole flow timed out
 * before any started.
 */
export interface FailureReason {
  type: FailureType;
  detail: string | null;
  technology: TechnologyCode | null;
}

export interface TechnologyProgress {
  status: 'started' | 'passed' | 'failed' | 'skipped';
  startedAt?: number;
  endedAt?: number;
  failure?: FailureReason;
  /** Who decided: the scenario, the tester on the page, or an admin action. */
  decidedBy?: string;
}

export interface FlowSessionData {
  apiKey: string;
  flowName: string;
  technologies: TechnologyCode[];
  /** As the integrator sent it; echoed in webhooks. */
  rawMetadata: Record<string, unknown>;
  metadata: SessionMetadata;
  outcomes: Flow['outcomes'];
  otpCode: string;
  camera: Flow['camera'];
  /** How long after the flow ends the per-technology results fill in, on the simulator clock. */
  subResultDelayMs: number;
  /** Addresses the flow pages were opened from, first time each: the result's ip_check_results. */
  clientIps: { ip: string; at: number }[];
  webhook?: Flow['webhook'];
  expiresAt: number;
  subject: Subject;
  progress: Partial<Record<TechnologyCode, TechnologyProgress>>;
  /** E-Document has two screens: data entry, then the code from 1414. */
  edocument: { stage: 'input' | 'otp'; iin?: string; phone?: string };
  failureReasons: FailureReason[];
  finishedAt?: number;
  passed?: boolean;
}

export type FlowSession = SessionRecord<FlowSessionData>;

/** A scenario outcome as the verdict it gives. */
export const verdictOf = (outcome: TechnologyOutcome, decidedBy: Verdict['decidedBy']): Verdict =>
  outcome.type === 'fail'
    ? { result: 'fail', reason: outcome.reason, message: outcome.message, decidedBy }
    : { result: 'pass', decidedBy };

export interface Verdict {
  result: 'pass' | 'fail';
  reason?: FailureType;
  /** The failure reason's detail; the guide's default for the type when absent. */
  message?: string;
  /** For the timeline only, e.g. which getUserMedia error the page met. */
  note?: string;
  /** `camera`: the page could not get the camera (refused, none, or busy). */
  decidedBy: 'scenario' | 'tester' | 'admin' | 'camera';
}

/**
 * The states of the flow session kind (./flow-kind.ts): CREATED → IN_PROGRESS (the page opened) →
 * FINISHED (passed or failed: see `passed`), or EXPIRED when the lifetime runs out first.
 */
export const flowStates = {
  states: ['CREATED', 'IN_PROGRESS', 'FINISHED', 'EXPIRED'],
  initial: 'CREATED',
  ended: { FINISHED: 'neutral', EXPIRED: 'failure' },
} as const satisfies { states: readonly FlowState[]; initial: FlowState; ended: Record<string, EndTone> };

export const hasEnded = (session: { state: string }) => session.state in flowStates.ended;

const DONE = ['passed', 'failed', 'skipped'];

/** The technology the user is on: the first in flow order that has not ended. */
export function currentTechnology(data: FlowSessionData): TechnologyCode | undefined {
  return data.technologies.find((code) => !DONE.includes(data.progress[code]?.status ?? ''));
}

/**
 * When the current technology belongs to `general.interchangeable_tech` and none of that group
 * has been done yet, the user first picks one of them; returns the choices, else undefined.
 */
export function pendingChoice(data: FlowSessionData): TechnologyCode[] | undefined {
  const group = data.metadata.general.interchangeableTech;
  const current = currentTechnology(data);
  if (!current || !group.includes(current)) return undefined;
  if (group.some((code) => data.progress[code])) return undefined;
  return data.technologies.filter((code) => group.includes(code));
}

/**
 * A failure's detail when the scenario gives none: the guide's Failure Reasons table (Liveness)
 * has "None" for REQUEST_ERROR, SERVICE_ERROR (internal), NO_CAM and TIMEOUT.
 */
const DEFAULT_DETAILS: Record<FailureType, string | null> = {
  SERVICE_ERROR: null,
  REQUEST_ERROR: null,
  CLIENT: 'Operation aborted by user',
  CALC_RESULT: 'Low prediction',
  OTHER: 'Incorrect image hash',
  NO_CAM: null,
  TIMEOUT: null,
};

export function failureReason(
  type: FailureType,
  technology: TechnologyCode | null,
  detail?: string,
): FailureReason {
  return { type, detail: detail ?? DEFAULT_DETAILS[type], technology };
}
