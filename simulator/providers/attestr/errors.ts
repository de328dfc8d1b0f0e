import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { KnownValues } from '../../engine/errors.js';
import { type ErrorSpec, SimError } from '../provider.js';

/** Attestr's error body: `{httpStatusCode, code, message, details?}`, code a number. */
export interface AttestrError {
  httpStatusCode: number;
  code: number;
  message: string;
  details?: unknown;
}

interface KnownCode {
  status: number;
  en: string;
  hi: string;
}

/**
 * Codes with their HTTP status and messages. English texts are Attestr's documented ones (API
 * error code tables of docs.attestr.com); 4081 and the Hindi texts are kyc-sim's.
 */
export const KNOWN_CODES: Record<number, KnownCode> = {
  4001: {
    status: 400,
    en: 'Malformed data or missing required parameter values',
    hi: 'डेटा गलत है या आवश्यक पैरामीटर मान मौजूद नहीं हैं',
  },
  4002: { status: 400, en: 'Flow ID does not exist', hi: 'फ़्लो आईडी मौजूद नहीं है' },
  4005: {
    status: 400,
    en: 'Operation could not be performed due to low credits balance',
    hi: 'क्रेडिट शेष कम होने के कारण कार्य नहीं किया जा सका',
  },
  40034: { status: 400, en: 'Requested flow is inactive', hi: 'अनुरोधित फ़्लो निष्क्रिय है' },
  40051: {
    status: 400,
    en: 'This endpoint does not support the provided version.',
    hi: 'यह एंडपॉइंट दिए गए संस्करण का समर्थन नहीं करता।',
  },
  4016: { status: 401, en: 'Invalid client authorization', hi: 'अमान्य क्लाइंट प्राधिकरण' },
  4031: { status: 403, en: 'Unauthorized access', hi: 'अनधिकृत पहुँच' },
  4035: {
    status: 403,
    en: 'Requested service is not provisioned for your account',
    hi: 'अनुरोधित सेवा आपके खाते के लिए उपलब्ध नहीं है',
  },
  4039: {
    status: 403,
    en: "Client's IP address is not whitelisted",
    hi: 'क्लाइंट का IP पता श्वेतसूची में नहीं है',
  },
  4081: { status: 408, en: 'The session has timed out', hi: 'सत्र का समय समाप्त हो गया है' },
  4291: {
    status: 429,
    en: 'Maximum account rate limit exceeded',
    hi: 'खाते की अधिकतम दर सीमा पार हो गई',
  },
  4292: { status: 429, en: 'Maximum API rate limit exceeded', hi: 'API की अधिकतम दर सीमा पार हो गई' },
  4293: {
    status: 429,
    en: 'Maximum account daily limit exceeded',
    hi: 'खाते की अधिकतम दैनिक सीमा पार हो गई',
  },
  5001: {
    status: 500,
    en: 'Request could not be completed. Try again later.',
    hi: 'अनुरोध पूरा नहीं किया जा सका। बाद में कोशिश करें।',
  },
};

export type Language = 'en' | 'hi';
export const LANGUAGES: readonly Language[] = ['en', 'hi'];

export const languageOf = (lc: unknown): Language =>
  LANGUAGES.includes(lc as Language) ? (lc as Language) : 'en';

/** Attestr codes start with their HTTP status (4035 → 403, 40034 → 400); 500 otherwise. */
export function statusOf(code: number): number {
  const known = KNOWN_CODES[code]?.status;
  if (known) return known;
  const prefix = Number(String(code).slice(0, 3));
  return prefix >= 400 && prefix <= 599 ? prefix : 500;
}

/** The message for a code in a language; stage-specific codes fall back to the generic one. */
export function localisedMessage(code: number, lc: Language): string {
  const known = KNOWN_CODES[code];
  if (known) return known[lc];
  return lc === 'hi'
    ? `सत्यापन पूरा नहीं हो सका (त्रुटि ${code})`
    : `Verification could not be completed (error ${code})`;
}

/**
 * An API error: `message` is the code's documented text, as Attestr sends it; what exactly went
 * wrong goes in `details` (a String, "available only for certain types of errors").
 */
export function attestrError(code: number, details?: string): AttestrError {
  const error: AttestrError = { httpStatusCode: statusOf(code), code, message: localisedMessage(code, 'en') };
  if (details !== undefined) error.details = details;
  return error;
}

/**
 * Attestr's error as the simulator's one error type (the documented message, `details` saying what
 * exactly went wrong); attestrErrorResponse formats it back.
 */
export function attestrFailure(code: number, details?: string, known?: KnownValues): SimError {
  const error = attestrError(code, details);
  return new SimError(error.httpStatusCode, error.message, { code, details, known });
}

export function sendAttestrError(c: Context, error: AttestrError): Response {
  return c.json(error, error.httpStatusCode as ContentfulStatusCode);
}

/** For faults and unmatched paths: a numeric scenario code wins, else one fitting the status. */
export function attestrErrorResponse(c: Context, { status, code, message, details }: ErrorSpec): Response {
  const numeric =
    typeof code === 'number'
      ? code
      : code !== undefined && /^\d+$/.test(code)
        ? Number(code)
        : defaultCode(status);
  const body: AttestrError = { httpStatusCode: status, code: numeric, message };
  if (details !== undefined) body.details = details;
  return c.json(body, status as ContentfulStatusCode);
}

function defaultCode(status: number): number {
  const byStatus: Record<number, number> = { 400: 4001, 401: 4016, 403: 4031, 408: 4081, 429: 4291 };
  return byStatus[status] ?? (status >= 500 ? 5001 : status * 10);
}
