import { describe, expect, it } from 'vitest';
import type { CheckRecord } from './model.js';
import { planFromResponseConfig, planFromScenario, reportFor, responseConfigSchema } from './outcome.js';
import { idvOutcomeSchema } from './schema.js';

const check = (type: string, ibv = false): CheckRecord => ({
  id: 'c',
  type,
  state: 'CREATED',
  ibv,
  resourcesUsed: [],
  generatedMedia: [],
  created: '',
  lastUpdated: '',
});

describe('outcome plans', () => {
  it('approves by default, with the check type’s usual sub-checks, as expert review for IBV checks', () => {
    const plan = planFromScenario(idvOutcomeSchema.parse({}));
    expect(reportFor(plan, check('IBV_VISUAL_REVIEW_CHECK', true), 0)).toEqual({
      recommendation: { value: 'APPROVE' },
      breakdown: [
        { sub_check: 'document_in_date', result: 'PASS', process: 'EXPERT_REVIEW', details: [] },
        { sub_check: 'real_document', result: 'PASS', process: 'EXPERT_REVIEW', details: [] },
        { sub_check: 'face_match', result: 'PASS', process: 'EXPERT_REVIEW', details: [] },
      ],
    });
  });

  it('fails the first default sub-check of a rejected check, and uses "*" for unlisted types', () => {
    const plan = planFromScenario(
      idvOutcomeSchema.parse({ checks: { '*': { recommendation: 'REJECT', reason: 'X' } } }),
    );
    const report = reportFor(plan, check('LIVENESS'), 0);
    expect(report.recommendation).toEqual({ value: 'REJECT', reason: 'X' });
    expect(report.breakdown[0]).toMatchObject({
      sub_check: 'liveness_auth',
      result: 'FAIL',
      process: 'AUTOMATED',
    });
  });

  it('reads the sandbox body: reports in order per type, task document fields, the async delay', () => {
    const config = responseConfigSchema.parse({
      check_reports: {
        LIVENESS: [
          { liveness_type: 'ZOOM', result: { report: { recommendation: { value: 'APPROVE' } } } },
          { liveness_type: 'ZOOM', result: { report: { recommendation: { value: 'REJECT' } } } },
        ],
        async_report_delay: 3,
      },
      task_results: {
        ID_DOCUMENT_TEXT_DATA_EXTRACTION: [{ result: { document_fields: { full_name: 'A' } } }],
      },
    });
    const plan = planFromResponseConfig(config);
    expect(plan.delayMs).toBe(3_000);
    expect(plan.documentFields).toEqual({ full_name: 'A' });
    expect(reportFor(plan, check('LIVENESS'), 0).recommendation.value).toBe('APPROVE');
    expect(reportFor(plan, check('LIVENESS'), 1).recommendation.value).toBe('REJECT');
    expect(reportFor(plan, check('LIVENESS'), 5).recommendation.value).toBe('REJECT');
  });
});
