/** Reference client of the Yoti IDV/IBV sessions API: works against Yoti or kyc-sim by base URL. */
export { type MediaContent, YotiIdvClient, type YotiIdvClientOptions } from './client.js';
export { type DbsApplicant, DbsSessionBuilder, dbsExampleSession, GUIDE_APPLICANT } from './dbs-session.js';
export { YotiIdvError } from './errors.js';
export {
  createNotificationReceiver,
  type NotificationReceiver,
  type NotificationReceiverOptions,
} from './notification-receiver.js';
export { type SignedRequest, type SignedRequestParts, signRequest } from './signing.js';
export type * from './types.js';
