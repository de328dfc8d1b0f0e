import type { FunctionComponent as FC } from 'preact';

const ASSETS = '/__admin/ui/assets';

/**
 * The API reference: the OpenAPI and AsyncAPI documents of /__admin/api-documents, drawn by
 * assets/reference.js with nothing from outside (no CDN), so it works offline.
 */
export const ReferencePage: FC<{ title: string }> = ({ title }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <link rel="icon" href="data:," />
      <link rel="stylesheet" href={`${ASSETS}/console.css`} />
      <link rel="stylesheet" href={`${ASSETS}/reference.css`} />
      <script type="module" src={`${ASSETS}/reference.js`} />
    </head>
    <body>
      <header class="bar">
        <h1>kyc-sim · API reference</h1>
        <a class="bar-link" href="/__admin/ui">
          ← QA console
        </a>
      </header>
      <div class="reference">
        <nav id="reference-documents" class="reference-nav" aria-label="API documents" />
        <main id="reference-document" class="reference-main">
          <p class="muted">Loading the API documents…</p>
        </main>
      </div>
    </body>
  </html>
);
