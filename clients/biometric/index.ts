export { BiometricClient, type BiometricClientOptions } from './client.js';
export { isResultComplete } from './result.js';
export * from './types.js';
export { finishedUrl, flowUrl, isFinishedUrl } from './webview.js';
