/**
 * What a backend keeps of a share, as plain JSON: the SDK's ActivityDetails flattened. Values
 * are JSON-able: dates as ISO text, images as data URLs, age checks as booleans.
 */
export interface ShareSummary {
  rememberMeId: string;
  parentRememberMeId: string;
  receiptId: string;
  timestamp: string;
  outcome: string;
  errorDetails?: { errorCode: string; description: string; errorReason?: unknown };
  attributes: Record<string, { value: unknown; sources: string[]; verifiers: string[] }>;
}

/** The parts of the SDK's ActivityDetails read here (its types are loose JS classes). */
export interface ActivityDetailsLike {
  getRememberMeId(): string;
  getParentRememberMeId(): string;
  getReceiptId(): string;
  getTimestamp(): Date;
  getOutcome(): string;
  getErrorDetails(): ShareSummary['errorDetails'];
  getProfile(): { getAttributesList(): AttributeLike[] };
}

interface AttributeLike {
  getName(): string;
  getValue(): unknown;
  getSources(): { getValue(): string }[];
  getVerifiers(): { getValue(): string }[];
}

export function summarise(details: ActivityDetailsLike): ShareSummary {
  const attributes: ShareSummary['attributes'] = {};
  for (const attribute of details.getProfile().getAttributesList()) {
    attributes[attribute.getName()] = {
      value: plain(attribute.getValue()),
      sources: attribute.getSources().map((a) => a.getValue()),
      verifiers: attribute.getVerifiers().map((a) => a.getValue()),
    };
  }
  const errorDetails = details.getErrorDetails();
  return {
    rememberMeId: details.getRememberMeId(),
    parentRememberMeId: details.getParentRememberMeId(),
    receiptId: details.getReceiptId(),
    timestamp: details.getTimestamp().toISOString(),
    outcome: details.getOutcome(),
    ...(errorDetails ? { errorDetails } : {}),
    attributes,
  };
}

type Duck = Record<string, unknown>;
const has = (value: unknown, method: string): value is Duck =>
  typeof value === 'object' && value !== null && typeof (value as Duck)[method] === 'function';

/** SDK value objects to JSON: Image, AgeVerification, DocumentDetails, Date, lists. */
export function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (has(value, 'getBase64Content')) return (value.getBase64Content as () => string)();
  if (has(value, 'getResult')) return (value.getResult as () => boolean)();
  if (has(value, 'getDocumentNumber')) {
    const call = (name: string) => (value[name] as () => unknown)();
    return {
      type: call('getType'),
      issuingCountry: call('getIssuingCountry'),
      documentNumber: call('getDocumentNumber'),
      expirationDate: plain(call('getExpirationDate') ?? null),
      issuingAuthority: call('getIssuingAuthority') ?? null,
    };
  }
  return value;
}
