import { describe, expect, it } from 'vitest';
import { propertyPath, validateCreateSession } from './validate.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const session = (extra: Record<string, unknown>) => ({
  requested_checks: [],
  required_documents: [],
  ...extra,
});

describe('validateCreateSession timing rules', () => {
  it('accepts resources_ttl exactly 24 h longer than the token ttl, and rejects one second less', () => {
    expect(
      validateCreateSession(session({ client_session_token_ttl: 600, resources_ttl: 87_000 }), NOW).ok,
    ).toBe(true);
    const short = validateCreateSession(
      session({ client_session_token_ttl: 600, resources_ttl: 86_999 }),
      NOW,
    );
    expect(short).toMatchObject({ ok: false, errors: [{ property: 'resources_ttl' }] });
  });

  it('measures the token ttl of a deadline against the clock it is given', () => {
    const result = validateCreateSession(
      session({ session_deadline: '2026-01-02T00:00:00.000000+00:00' }),
      NOW,
    );
    expect(result).toMatchObject({ ok: true, deadline: NOW + 86_400_000, resourcesTtlS: 604_800 });
  });

  it('reads a numeric-string resources_ttl as the guide sends it', () => {
    const result = validateCreateSession(
      session({ client_session_token_ttl: 60, resources_ttl: '1209600' }),
      NOW,
    );
    expect(result).toMatchObject({ ok: true, resourcesTtlS: 1_209_600 });
  });

  it('rejects a body that is not an object', () => {
    expect(validateCreateSession([], NOW)).toMatchObject({ ok: false, errors: [{ property: '' }] });
  });
});

describe('propertyPath', () => {
  it('writes array indexes in brackets and keys with dots', () => {
    expect(propertyPath(['required_documents', 0, 'filter', 'documents', 2, 'country_codes', 1])).toBe(
      'required_documents[0].filter.documents[2].country_codes[1]',
    );
    expect(propertyPath([])).toBe('');
  });
});
