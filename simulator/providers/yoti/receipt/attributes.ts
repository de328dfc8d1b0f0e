import type { AnchorType } from './certificates.js';
import type { ContentTypeName } from './messages.js';
import type { Person } from './person.js';

/** One anchor of an attribute, as data; certificates are issued when the receipt is built. */
export interface AnchorSpec {
  type: AnchorType;
  value: string;
  subType: string;
  /** When the anchor was signed (ms); the share time when absent. */
  timestampMs?: number;
}

/** An attribute as shared, kept in the session as plain data (images as base64). */
export interface SharedAttribute {
  name: string;
  contentType: ContentTypeName;
  value: string;
  items?: { contentType: ContentTypeName; value: string }[];
  anchors: AnchorSpec[];
  /** The attribute id (ephemeral id) the SDK reports, when something refers to it (an identity profile report); fresh otherwise. */
  id?: string;
}

export interface WantedAttribute {
  name: string;
  derivation?: string;
}

const FROM_DOCUMENT = new Set([
  'given_names',
  'family_name',
  'full_name',
  'date_of_birth',
  'gender',
  'nationality',
  'document_details',
  'document_images',
]);
/** What Yoti reports for attributes read off a passport: SOURCE PASSPORT (OCR), VERIFIER YOTI_ADMIN. */
export const PASSPORT_ANCHORS: AnchorSpec[] = [
  { type: 'SOURCE', value: 'PASSPORT', subType: 'OCR' },
  { type: 'VERIFIER', value: 'YOTI_ADMIN', subType: '' },
];
const CONTENT_TYPES: Record<string, ContentTypeName> = {
  date_of_birth: 'DATE',
  structured_postal_address: 'JSON',
  selfie: 'JPEG',
  document_images: 'MULTI_VALUE',
};
const AGE_DERIVATION = /^age_(over|under):(\d+)$/;

/**
 * The attributes a policy asks for, valued from `supplied` (the scenario or admin action, by
 * attribute name; a value may be `{value, anchors}`) or else from the generated person.
 * `age_over:N` / `age_under:N` derive from date_of_birth on `today` unless supplied themselves.
 */
export function attributesFor(
  wanted: WantedAttribute[],
  supplied: Record<string, unknown>,
  person: Person,
  today: Date,
): SharedAttribute[] {
  const out = new Map<string, SharedAttribute>();
  for (const w of wanted) {
    const name = w.derivation ?? w.name;
    if (out.has(name)) continue;
    const age = AGE_DERIVATION.exec(name);
    if (age) {
      const own = supplied[name];
      const dob = unwrap(supplied.date_of_birth ?? person.date_of_birth).value;
      const value =
        own !== undefined ? unwrap(own).value : ageCheck(age[1], Number(age[2]), String(dob), today);
      out.set(name, toAttribute(name, own !== undefined ? own : String(value), PASSPORT_ANCHORS));
      continue;
    }
    const raw = supplied[name] ?? person[name];
    if (raw === undefined || raw === null) continue; // an attribute kyc-sim cannot make up: leave it out
    out.set(name, toAttribute(name, raw));
  }
  return [...out.values()];
}

/** True when the person is at least `age` (over) or younger than `age` (under) on `today`. */
export function ageCheck(kind: string, age: number, dateOfBirth: string, today: Date): boolean {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  let years = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) years--;
  return kind === 'over' ? years >= age : years < age;
}

/** `{value, anchors}` wrappers from scenarios; anything else is the value itself. */
export function unwrap(raw: unknown): { value: unknown; anchors?: AnchorSpec[] } {
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'value' in raw) {
    const keys = Object.keys(raw);
    if (keys.every((k) => k === 'value' || k === 'anchors'))
      return raw as { value: unknown; anchors?: AnchorSpec[] };
  }
  return { value: raw };
}

const stripDataUrl = (text: string) => text.replace(/^data:[^,]*,/, '');

export function toAttribute(name: string, raw: unknown, defaultAnchors?: AnchorSpec[]): SharedAttribute {
  const { value, anchors } = unwrap(raw);
  const contentType: ContentTypeName =
    CONTENT_TYPES[name] ?? (typeof value === 'object' && value !== null ? 'JSON' : 'STRING');
  const chosenAnchors = anchors ?? defaultAnchors ?? (FROM_DOCUMENT.has(name) ? PASSPORT_ANCHORS : []);
  if (contentType === 'MULTI_VALUE') {
    const list = Array.isArray(value) ? value : String(value).split('&');
    return {
      name,
      contentType,
      value: '',
      items: list.map((item) => ({ contentType: 'JPEG' as const, value: stripDataUrl(String(item)) })),
      anchors: chosenAnchors,
    };
  }
  const text =
    contentType === 'JSON' && typeof value !== 'string'
      ? JSON.stringify(value)
      : contentType === 'JPEG'
        ? stripDataUrl(String(value))
        : String(value);
  return { name, contentType, value: text, anchors: chosenAnchors };
}
