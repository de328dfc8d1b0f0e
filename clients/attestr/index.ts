export * from './client.js';
export * from './handshake-store.js';
export { type RunningSampleApp, type SampleAppOptions, startSampleApp } from './sample-app.js';
export { hmacHex, rawMember, signaturesMatch } from './signature.js';
