import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 hex digest of `text`, keyed with the client secret (Attestr's step 8). */
export function hmacHex(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}

/** Compares two hex signatures in constant time; different lengths or non-hex never match. */
export function signaturesMatch(a: string, b: string): boolean {
  if (!/^[0-9a-f]+$/i.test(a) || !/^[0-9a-f]+$/i.test(b)) return false;
  const left = Buffer.from(a.toLowerCase(), 'hex');
  const right = Buffer.from(b.toLowerCase(), 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The exact JSON text of a top-level member of a JSON object text, e.g. `result` of the
 * Execution Result body, so the signature is checked over the bytes received rather than over a
 * re-serialisation. Undefined when the member is absent.
 */
export function rawMember(json: string, name: string): string | undefined {
  let i = skipSpace(json, 0);
  if (json[i] !== '{') throw new SyntaxError('expected a JSON object');
  i = skipSpace(json, i + 1);
  while (i < json.length && json[i] !== '}') {
    const keyEnd = endOfValue(json, i);
    const key = JSON.parse(json.slice(i, keyEnd)) as string;
    i = skipSpace(json, keyEnd);
    if (json[i] !== ':') throw new SyntaxError(`expected ':' at ${i}`);
    const start = skipSpace(json, i + 1);
    const end = endOfValue(json, start);
    if (key === name) return json.slice(start, end);
    i = skipSpace(json, end);
    if (json[i] === ',') i = skipSpace(json, i + 1);
  }
  return undefined;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** Index just past the JSON value starting at `start` (string, number, literal, object, array). */
function endOfValue(text: string, start: number): number {
  let depth = 0;
  let i = start;
  do {
    const ch = text[i];
    if (ch === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (ch === '{' || ch === '[') {
      depth++;
      i++;
    } else if (ch === '}' || ch === ']') {
      depth--;
      i++;
    } else if (depth === 0) {
      while (i < text.length && !/[\s,}\]]/.test(text[i])) i++;
    } else {
      i++;
    }
    if (i > text.length) throw new SyntaxError('unterminated JSON value');
  } while (depth > 0);
  return i;
}
