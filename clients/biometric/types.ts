/** Wire types of the Biometric.kz Flow API (kyc.biometric.kz), as in its Flow WebView doc. */
export type TechnologyCode = 'LD' | 'LDHP' | 'F2F' | 'ED' | 'DR' | (string & {});

export interface EdocumentFieldMetadata {
  value?: string;
  /** Whether the user may edit the prefilled value; the service's default is true. */
  changeable?: boolean;
}

export interface SessionMetadata {
  /** Only for Liveness + Face2Face, E-Document + Face2Face and Document Recognition + Face2Face flows. */
  face2face?: { photo1?: string };
  edocument?: {
    iin?: EdocumentFieldMetadata;
    phone?: EdocumentFieldMetadata;
    /** Needs both values with changeable false; the user goes straight to the code from 1414. */
    skip_input?: boolean;
  };
  general?: { interchangeable_tech?: TechnologyCode[] };
}

export interface CreatedSession {
  session_id: string;
  technologies: TechnologyCode[];
}

export type FailureReasonType =
  | 'SERVICE_ERROR'
  | 'REQUEST_ERROR'
  | 'CLIENT'
  | 'CALC_RESULT'
  | 'OTHER'
  | 'NO_CAM'
  | 'TIMEOUT';

/** The guide's failure reason: a type and an optional detail ("None" in its tables: null). */
export interface FailureReason {
  type: FailureReasonType | (string & {});
  detail?: string | null;
  /** Which technology failed, where the service says (kyc-sim does). */
  technology?: TechnologyCode | null;
}

export interface SessionResult {
  id: string;
  status: 'PROGRESS' | 'FINISHED' | (string & {});
  /** true when every check passed; null while in progress. */
  flow_session_result: boolean | null;
  flow_session_failure_reasons: FailureReason[];
  validated_at: string | null;
  finished_at: string | null;
  technologies: { name: string; description: string; code?: TechnologyCode }[];
  /** Each reads `{}` until the service has filled it in, shortly after the flow finished. */
  liveness_result: Record<string, unknown>;
  face2face_result: Record<string, unknown>;
  edocument_result: Record<string, unknown>;
  document_recognition_result: Record<string, unknown>;
  ip_check_results?: Record<string, unknown>[];
  request_sessions?: Record<string, unknown>[];
  [field: string]: unknown;
}

export type FlowLocale = 'kz' | 'ru' | 'en';

/** A non-2xx answer: the service's DRF body `{"detail": ...}` and the status. */
export class BiometricApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly body: unknown,
  ) {
    super(`Biometric.kz answered ${status}: ${detail}`);
    this.name = 'BiometricApiError';
  }
}
