export { BiometricClient, type BiometricClientOptions } from './client.js';
export * from './types.js';
export { finishedUrl, flowUrl, isFinishedUrl } from './webview.js';
