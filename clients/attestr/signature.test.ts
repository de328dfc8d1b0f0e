import { describe, expect, it } from 'vitest';
import { hmacHex, rawMember, signaturesMatch } from './signature.js';

describe('rawMember', () => {
  const body =
    '{"_id":"HS1","tag":"a \\"quoted\\" } tag","result":{"FS1":{"input":{"x":[1,{"y":"]"}]},"output":{"ok":true}}},"resultSignature":"ab"}';

  it('returns the exact text of a member, nested brackets and escaped quotes included', () => {
    expect(rawMember(body, 'result')).toBe('{"FS1":{"input":{"x":[1,{"y":"]"}]},"output":{"ok":true}}}');
    expect(rawMember(body, 'resultSignature')).toBe('"ab"');
    expect(rawMember(body, 'tag')).toBe('"a \\"quoted\\" } tag"');
  });

  it('keeps whitespace inside the value and finds null, numbers and absent members', () => {
    expect(rawMember('{ "a" : 12 , "result" : { "k" : 1 } }', 'result')).toBe('{ "k" : 1 }');
    expect(rawMember('{"a":12,"result":null}', 'a')).toBe('12');
    expect(rawMember('{"a":12,"result":null}', 'result')).toBe('null');
    expect(rawMember('{"a":12}', 'result')).toBeUndefined();
  });

  it('refuses what is not an object or is cut short', () => {
    expect(() => rawMember('[1]', 'a')).toThrow(SyntaxError);
    expect(() => rawMember('{"result":{"a":1', 'result')).toThrow(SyntaxError);
  });
});

describe('signatures', () => {
  it('matches Attestr’s HMAC-SHA256 hex digest of the text', () => {
    // echo -n '{"a":1}' | openssl dgst -sha256 -hmac secret
    expect(hmacHex('secret', '{"a":1}')).toBe(
      'aa9e2e3575f5d7098b6caccd790888c36d5fdb63342a73bada2d6a51747a8494',
    );
  });

  it('compares case-insensitively, and never matches other lengths or non-hex', () => {
    const sig = hmacHex('k', 'x');
    expect(signaturesMatch(sig, sig.toUpperCase())).toBe(true);
    expect(signaturesMatch(sig, `${sig.slice(0, -1)}${sig.at(-1) === '0' ? '1' : '0'}`)).toBe(false);
    expect(signaturesMatch(sig, sig.slice(0, 62))).toBe(false);
    expect(signaturesMatch(sig, 'zz'.repeat(32))).toBe(false);
    expect(signaturesMatch('', '')).toBe(false);
  });
});
