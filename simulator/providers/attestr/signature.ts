import { createHmac } from 'node:crypto';

/**
 * Attestr does not document how the result object is serialised before signing. The simulator
 * signs the exact JSON text of `result` as it appears in the response body (JSON.stringify, no
 * whitespace, keys in insertion order) and sends that same text, so a client can sign the bytes
 * it received.
 */
export function resultText(result: unknown): string {
  return JSON.stringify(result);
}

export function signResult(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}
