import { KiB } from '../../engine/body.js';
import { type ValueLimits, valueProblem } from '../../engine/value-limits.js';

/**
 * Yoti's JSON bodies are kept (IDV session specs, Digital ID policies and extensions, sandbox
 * token requests with their extra fields) and written out again in admin views and receipts: a
 * value nested thousands deep could not be, and an unbounded one lives as long as its session.
 * Real payloads nest a handful of levels; a sandbox selfie (base64) is the one long string.
 */
export const YOTI_PAYLOAD_LIMITS: ValueLimits = {
  maxDepth: 32,
  maxEntries: 10_000,
  maxStringLength: 512 * KiB,
};

/** The first limit the body breaks, as one of Yoti's `{property, message}` validation errors. */
export function payloadLimitError(body: unknown): { property: string; message: string } | undefined {
  const problem = valueProblem(body, YOTI_PAYLOAD_LIMITS, '$');
  if (!problem) return undefined;
  return { property: problem.path.replace(/^\$\.?/, '') || '(body)', message: problem.reason };
}
