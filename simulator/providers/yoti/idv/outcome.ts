import { z } from 'zod';
import { builtOnFirstUse } from '../../../engine/lazy-schema.js';
import { nullsAbsent } from '../absent.js';
import type { IdentityProfileOutcome } from './identity-profile/outcome-schema.js';
import type { CheckRecord, Report } from './model.js';
import type { CheckOutcome, IdvOutcome } from './schema.js';
import { DEFAULT_SUB_CHECKS } from './vocabulary.js';

/**
 * What a session's checks and tasks report when it completes. Three sources, strongest first:
 * the sandbox response-config of the session, that of the app, then the scenario's outcome.
 */
export interface OutcomePlan {
  /** Reports (sandbox) or outcomes (scenario, admin) by check type, in order for repeated checks of one type. */
  checks: Record<string, (Report | CheckOutcome)[]>;
  /** Text-extraction result; generated when absent. */
  documentFields?: Record<string, unknown>;
  /** Set by the sandbox `async_report_delay` (seconds). */
  delayMs?: number;
  /** Identity-profile sessions: the profile's outcome; derived from the checks when absent. */
  identityProfile?: IdentityProfileOutcome;
}

/**
 * Yoti's hosted sandbox body for PUT .../response-config. Check entries carry a full report.
 * Nulls mean absent (the Python sandbox sends `"reason": null`); a check type may hold one entry
 * instead of a list (@getyoti/sdk-sandbox's withThirdPartyIdentityCheck sends THIRD_PARTY_IDENTITY so).
 * Built when the first one comes (engine/lazy-schema.ts).
 */
const sandboxReport = () =>
  z
    .object({
      recommendation: z
        .object({
          value: z.string().min(1),
          reason: z.string().optional(),
          recovery_suggestion: z.string().optional(),
        })
        .passthrough(),
      breakdown: z
        .array(
          z
            .object({
              sub_check: z.string(),
              result: z.string(),
              process: z.string().optional(),
              details: z.array(z.object({ name: z.string(), value: z.string() })).default([]),
            })
            .passthrough(),
        )
        .default([]),
    })
    .passthrough();

const sandboxCheck = () =>
  z
    .object({
      result: z
        .object({ report: sandboxReport(), document_fields: z.record(z.string(), z.unknown()).optional() })
        .passthrough(),
      document_filter: z.unknown().optional(),
      liveness_type: z.string().optional(),
    })
    .passthrough();

export const responseConfigSchema = builtOnFirstUse(() =>
  nullsAbsent(
    z
      .object({
        check_reports: z
          .object({ async_report_delay: z.number().int().nonnegative().optional() })
          .catchall(z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(sandboxCheck())))
          .default({}),
        task_results: z
          .record(
            z.string(),
            z.array(
              z
                .object({
                  result: z
                    .object({ document_fields: z.record(z.string(), z.unknown()).optional() })
                    .passthrough(),
                  document_filter: z.unknown().optional(),
                })
                .passthrough(),
            ),
          )
          .default({}),
      })
      .passthrough(),
  ),
);

export type ResponseConfig = z.output<typeof responseConfigSchema>;

export function planFromResponseConfig(config: ResponseConfig): OutcomePlan {
  const { async_report_delay: delay, ...byType } = config.check_reports;
  const checks: Record<string, Report[]> = {};
  let documentFields: Record<string, unknown> | undefined;
  for (const [type, entries] of Object.entries(byType)) {
    checks[type] = (entries as z.output<ReturnType<typeof sandboxCheck>>[]).map(({ result }) => {
      documentFields ??= result.document_fields;
      return {
        recommendation: result.report.recommendation,
        breakdown: result.report.breakdown.map((b) => ({ ...b, process: b.process ?? 'AUTOMATED' })),
      };
    });
  }
  for (const entries of Object.values(config.task_results)) {
    for (const entry of entries) documentFields = entry.result.document_fields ?? documentFields;
  }
  return { checks, documentFields, delayMs: delay === undefined ? undefined : delay * 1000 };
}

export function planFromScenario(
  outcome: IdvOutcome,
  override?: Record<string, CheckOutcome>,
  identityProfile = outcome.identityProfile,
): OutcomePlan {
  const merged = { ...outcome.checks, ...override };
  const checks: Record<string, CheckOutcome[]> = {};
  for (const [type, check] of Object.entries(merged)) checks[type] = [check];
  return { checks, documentFields: outcome.documentFields, identityProfile };
}

/** The report for the nth check of a type: the plan's, its "*" entry, or an approval. */
export function reportFor(plan: OutcomePlan, check: CheckRecord, nth: number): Report {
  const entries = plan.checks[check.type] ?? plan.checks['*'];
  const entry = entries?.[Math.min(nth, entries.length - 1)] ?? { recommendation: 'APPROVE', breakdown: [] };
  return typeof entry.recommendation === 'string'
    ? toReport(check.type, entry as CheckOutcome, check.ibv)
    : (entry as Report);
}

export function toReport(type: string, outcome: CheckOutcome, ibv = false): Report {
  const process = ibv ? 'EXPERT_REVIEW' : 'AUTOMATED';
  const approve = outcome.recommendation === 'APPROVE';
  const breakdown =
    outcome.breakdown.length > 0
      ? outcome.breakdown.map((b) => ({ ...b, process: b.process ?? process }))
      : (DEFAULT_SUB_CHECKS[type] ?? ['overall']).map((sub_check, i) => ({
          sub_check,
          result: approve || i > 0 ? 'PASS' : outcome.recommendation === 'REJECT' ? 'FAIL' : 'NOT_AVAILABLE',
          process,
          details: [],
        }));
  return {
    recommendation: {
      value: outcome.recommendation,
      ...(outcome.reason && { reason: outcome.reason }),
      ...(outcome.recovery_suggestion && { recovery_suggestion: outcome.recovery_suggestion }),
    },
    breakdown,
  };
}
