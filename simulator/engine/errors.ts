/**
 * The one error type of the simulator. Routes and session actions throw it; the app formats it
 * once, in the shape of the provider whose path was asked (its `errorResponse`), or in the admin
 * plane's `{error, ...}` shape under /__admin.
 */
export interface ErrorSpec {
  status: number;
  /** The provider's own error code (Yoti `APP_NOT_FOUND`, Attestr 4002); a default fits the status. */
  code?: string | number;
  message: string;
  details?: unknown;
}

/** What a not-found knew: shown as `known` by the admin plane and in a response header by providers. */
export interface KnownValues {
  /** What was looked for, plural: `flows`, `apps`, `sessions`. */
  what: string;
  values: readonly string[];
}

export class SimError extends Error implements ErrorSpec {
  readonly code?: string | number;
  readonly details?: unknown;
  readonly known?: KnownValues;

  constructor(
    readonly status: number,
    message: string,
    options: { code?: string | number; details?: unknown; known?: KnownValues } = {},
  ) {
    super(message);
    this.name = 'SimError';
    this.code = options.code;
    this.details = options.details;
    this.known = options.known;
  }

  /** A 404 whose message names what was asked and lists what exists. */
  static notFound(
    message: string,
    known: KnownValues,
    options: { code?: string | number; details?: unknown } = {},
  ): SimError {
    return new SimError(404, message, { ...options, known });
  }
}

/** `known flows: a, b` (or `none`), for messages and headers. */
export function describeKnown({ what, values }: KnownValues): string {
  return `known ${what}: ${values.length > 0 ? values.join(', ') : 'none'}`;
}
