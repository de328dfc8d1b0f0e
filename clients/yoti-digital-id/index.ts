/** Reference client of Yoti Digital ID (share v2): works against Yoti or kyc-sim by base URL. */
export { YotiDigitalIdClient, type YotiDigitalIdClientOptions } from './client.js';
export { decryptAttributes, unwrapReceiptKey } from './decrypt.js';
export { YotiDigitalIdError } from './errors.js';
export type * from './types.js';
