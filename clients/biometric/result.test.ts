import { describe, expect, it } from 'vitest';
import { isResultComplete } from './result.js';
import type { SessionResult } from './types.js';

const base: SessionResult = {
  id: 'id',
  status: 'FINISHED',
  flow_session_result: true,
  flow_session_failure_reasons: [],
  validated_at: null,
  finished_at: '2026-01-01T00:00:00Z',
  technologies: [
    { name: 'Liveness', description: '', code: 'LD' },
    { name: 'Face2Face', description: '', code: 'F2F' },
  ],
  liveness_result: { result: true },
  face2face_result: {},
  edocument_result: {},
  document_recognition_result: {},
};

describe('isResultComplete', () => {
  it('waits for every technology that ran to have its result', () => {
    expect(isResultComplete(base)).toBe(false);
    expect(isResultComplete({ ...base, face2face_result: { result: true } })).toBe(true);
    expect(isResultComplete({ ...base, status: 'PROGRESS', face2face_result: { result: true } })).toBe(false);
  });

  it('reads which ran from request_sessions when present', () => {
    const failedFirst = {
      ...base,
      flow_session_result: false,
      liveness_result: { result: false },
      request_sessions: [{ technology: 'LD', status: 'FAILED' }],
    };
    expect(isResultComplete(failedFirst)).toBe(true);
    expect(isResultComplete({ ...failedFirst, liveness_result: {} })).toBe(false);
  });
});
