import { createHash } from 'node:crypto';
import type { YotiContext } from '../schema.js';
import {
  type AnchorSpec,
  attributesFor,
  type SharedAttribute,
  unwrap,
  type WantedAttribute,
} from './attributes.js';
import { generatePerson, type Person } from './person.js';

/** A third-party attribute in the receipt's extra data. */
export interface ExtraDataEntry {
  type: 'THIRD_PARTY_ATTRIBUTE';
  /** base64, as the SDK reports it back. */
  issuanceToken: string;
  expiryDate: string;
  definitions: string[];
}

/**
 * What the user shared, decided when the share completes and kept in the session (plain data,
 * visible to QA in /__admin/sessions); the encrypted receipt is built from it at exchange time.
 */
export interface ShareResult {
  receiptId: string;
  sharedAt: number;
  attributes: SharedAttribute[];
  rememberMeId: string;
  parentRememberMeId: string;
  sharingOutcome: string;
  errorDetails?: Record<string, unknown>;
  extraData: ExtraDataEntry[];
}

export interface ShareChoices {
  wanted: WantedAttribute[];
  /** Attribute values by name, plus optional `remember_me_id` / `parent_remember_me_id`. */
  supplied: Record<string, unknown>;
  sharingOutcome?: string;
  errorDetails?: Record<string, unknown>;
  /** The simulated user, when the caller needs the same one for more (an identity profile report). */
  person?: Person;
}

const digest = (text: string) => createHash('sha256').update(text).digest('base64');

/**
 * Values for a completed share: supplied ones first, the rest from a seeded generated person.
 * The simulated user is identified by name and date of birth, so the same user gets the same
 * remember_me_id from an app every time (and the same parent_remember_me_id from every app).
 */
export async function resolveShare(
  ctx: YotiContext,
  sdkId: string,
  choices: ShareChoices,
): Promise<ShareResult> {
  const person = choices.person ?? generatePerson(await ctx.faker());
  const sharedAt = ctx.clock.now();
  const { supplied } = choices;
  const identity = ['given_names', 'family_name', 'date_of_birth']
    .map((n) => String(unwrap(supplied[n] ?? person[n]).value))
    .join('|');
  const succeeded = (choices.sharingOutcome ?? 'SUCCESS') === 'SUCCESS';
  return {
    receiptId: ctx.random().bytes(32).toString('base64'),
    sharedAt,
    attributes: succeeded ? attributesFor(choices.wanted, supplied, person, new Date(sharedAt)) : [],
    rememberMeId: stringOr(supplied.remember_me_id, digest(`remember-me|${sdkId}|${identity}`)),
    parentRememberMeId: stringOr(supplied.parent_remember_me_id, digest(`parent-remember-me|${identity}`)),
    sharingOutcome: choices.sharingOutcome ?? 'SUCCESS',
    errorDetails: choices.errorDetails,
    extraData: [],
  };
}

const stringOr = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);

export type { AnchorSpec, SharedAttribute };
