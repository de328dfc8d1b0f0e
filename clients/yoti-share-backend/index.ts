/** Reference relying-party backend of the Yoti share: the callback that exchanges the token with the SDK. */
export { type CallbackHandlerOptions, createCallbackHandler } from './callback-handler.js';
export { type BackendOptions, type RunningBackend, startYotiBackend } from './server.js';
export { type ActivityDetailsLike, plain, type ShareSummary, summarise } from './summary.js';
