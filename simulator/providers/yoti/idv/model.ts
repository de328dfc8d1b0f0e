import type { EndTone } from '../../../engine/session-kinds.js';
import type { SessionRecord } from '../../../engine/store.js';
import type { IdentityProfileResult } from './identity-profile/result.js';
import type { CreateSessionPayload } from './payload.js';

/** What the simulator keeps for one IDV/IBV session (a SessionRecord of kind 'idv'). */

export type IdvState = 'ONGOING' | 'COMPLETED' | 'EXPIRED';

/** The states of the IDV session kind (./idv-kind.ts): ONGOING → COMPLETED, or EXPIRED at the deadline. */
export const idvStates = {
  states: ['ONGOING', 'COMPLETED', 'EXPIRED'],
  initial: 'ONGOING',
  ended: { COMPLETED: 'success', EXPIRED: 'failure' },
} as const satisfies { states: readonly IdvState[]; initial: IdvState; ended: Record<string, EndTone> };

export const idvEnded = (session: { state: string }) => session.state in idvStates.ended;

export interface MediaMeta {
  id: string;
  type: 'IMAGE' | 'JSON' | 'PDF' | 'VIDEO' | 'BINARY';
  contentType: string;
  created: string;
  lastUpdated: string;
  /** base64; absent once the media content was deleted (GET then answers 204). */
  content?: string;
}

export interface Report {
  recommendation: { value: string; reason?: string; recovery_suggestion?: string };
  breakdown: {
    sub_check: string;
    result: string;
    process: string;
    details: { name: string; value: string }[];
  }[];
}

export interface CheckRecord {
  id: string;
  type: string;
  state: 'CREATED' | 'PENDING' | 'DONE';
  /** Set for checks the branch assesses (config.manual_check IBV). */
  ibv: boolean;
  scheme?: string;
  report?: Report;
  resourcesUsed: string[];
  generatedMedia: { id: string; type: string }[];
  created: string;
  lastUpdated: string;
}

/** One resource the session needs, as listed by the configuration endpoint. */
export interface RequirementRecord {
  id: string;
  type: 'ID_DOCUMENT' | 'SUPPLEMENTARY_DOCUMENT' | 'LIVENESS' | 'FACE_CAPTURE';
  state: 'REQUIRED' | 'COMPLETE';
  /** For documents: the index in required_documents. */
  documentIndex?: number;
  livenessType?: string;
}

export interface TrackedDeviceEvent {
  event: string;
  created: string;
  device: Record<string, string>;
}

export interface IdvData {
  sdkId: string;
  clientSessionToken: string;
  userTrackingId?: string;
  deadline: number;
  resourcesTtlS: number;
  request: CreateSessionPayload;
  requirements: RequirementRecord[];
  checks: CheckRecord[];
  /** Resources as GET /sessions/{id} lists them (id_documents, supplementary_documents, face_capture...). */
  resources: Record<string, Record<string, unknown>[]>;
  media: Record<string, MediaMeta>;
  applicantProfileMediaId?: string;
  trackedDevices: TrackedDeviceEvent[];
  /** Set by the sandbox response-config API; wins over the scenario. */
  responseConfig?: unknown;
  notifications: { topic: string; at: number }[];
  /** Identity-profile sessions, once completed. */
  identityProfile?: IdentityProfileResult;
}

export type IdvSession = SessionRecord<IdvData>;

/** Yoti's timestamps: ISO 8601 UTC with microseconds. */
export const yotiTime = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
