/** Reference kiosk (non-browser) client of Yoti's share QR flow; see docs/yoti-share-client.md. */
export {
  DEFAULT_TIMEOUTS,
  type ShareClientState,
  type ShareResult,
  type StepTimeouts,
  YotiShareClient,
  type YotiShareClientOptions,
  type YotiShareEvents,
} from './client.js';
export * from './errors.js';
export { isRestartOutcome, readShareMessage, type ShareMessage } from './messages.js';
export { DEFAULT_QR_BASE, type DecodedQrCode, decodeQrUrl, findQrUrl } from './qr-code.js';
export { connectSessionsUrl, type FinalMessage, watchSession } from './socket.js';
export {
  type CallbackResult,
  callbackUrl,
  forwardToken,
  requestQrCode,
  resolveRef,
  type ShareMetadata,
} from './steps.js';
