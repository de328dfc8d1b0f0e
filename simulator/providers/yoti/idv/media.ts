import type { MediaMeta } from './model.js';

/** Placeholder content for generated media: small but real files of the advertised type. */

// A 1×1 PNG: real image bytes that any decoder opens, so clients can exercise their media handling.
const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
).toString('base64');

const CONTENT: Record<MediaMeta['type'], { contentType: string; content: () => string }> = {
  IMAGE: { contentType: 'image/png', content: () => PNG_1X1 },
  JSON: { contentType: 'application/json', content: () => Buffer.from('{}').toString('base64') },
  PDF: { contentType: 'application/pdf', content: () => PDF },
  VIDEO: { contentType: 'video/mp4', content: () => '' },
  BINARY: {
    contentType: 'application/octet-stream',
    content: () => Buffer.from('kyc-sim facemap').toString('base64'),
  },
};

export function generatedMedia(type: MediaMeta['type'], id: string, at: string, json?: unknown): MediaMeta {
  const spec = CONTENT[type];
  const content = json === undefined ? spec.content() : Buffer.from(JSON.stringify(json)).toString('base64');
  return { id, type, contentType: spec.contentType, created: at, lastUpdated: at, content };
}

export function uploadedMedia(id: string, at: string, contentType: string, bytes: Uint8Array): MediaMeta {
  return {
    id,
    type: contentType.startsWith('image/') ? 'IMAGE' : 'BINARY',
    contentType,
    created: at,
    lastUpdated: at,
    content: Buffer.from(bytes).toString('base64'),
  };
}
