import { Hono } from 'hono';
import { openApiDocument } from '../engine/api-document.js';
import { asyncApiDocument } from '../engine/async-api-document.js';
import { packageVersion } from '../paths.js';
import type { Runtime } from '../runtime.js';
import { adminApiDescription } from './admin-operations.js';

const ADMIN = '/__admin';

/**
 * `GET /__admin/openapi/{provider|admin}.json` and `GET /__admin/asyncapi/{provider}.json`: the
 * documents of each simulated API and of the admin API, built on request from the schemas the
 * routes validate with. Servers are the origin the request came in on (http or https, LAN name).
 */
export function apiDocumentRoutes(runtime: Runtime): Hono {
  const app = new Hono();
  const version = packageVersion();
  const named = (file: string) => (file.endsWith('.json') ? file.slice(0, -'.json'.length) : undefined);

  app.get('/openapi/:file', (c) => {
    const origin = new URL(c.req.url).origin;
    const name = named(c.req.param('file'));
    if (name === 'admin')
      return c.json(openApiDocument(adminApiDescription(runtime), `${origin}${ADMIN}`, version));
    const provider = runtime.providers.find((p) => p.definition.name === name)?.definition;
    if (!provider) {
      const known = ['admin', ...runtime.providers.map((p) => p.definition.name)];
      return c.json(
        { error: `no OpenAPI document ${c.req.param('file')}`, known: known.map((n) => `${n}.json`) },
        404,
      );
    }
    return c.json(openApiDocument(provider.api, `${origin}${provider.prefix}`, version));
  });

  app.get('/asyncapi/:file', (c) => {
    const url = new URL(c.req.url);
    const name = named(c.req.param('file'));
    const provider = runtime.providers.find(
      (p) => p.definition.name === name && p.definition.socketApi,
    )?.definition;
    if (!provider?.socketApi) {
      const known = runtime.providers
        .filter((p) => p.definition.socketApi)
        .map((p) => `${p.definition.name}.json`);
      return c.json({ error: `no AsyncAPI document ${c.req.param('file')}`, known }, 404);
    }
    const server = { host: url.host, pathname: provider.prefix, secure: url.protocol === 'https:' };
    return c.json(asyncApiDocument(provider.socketApi, server, version));
  });

  /** What the console's API reference lists. */
  app.get('/api-documents', (c) =>
    c.json({
      openapi: ['admin', ...runtime.providers.map((p) => p.definition.name)].map((name) => ({
        name,
        url: `${ADMIN}/openapi/${name}.json`,
      })),
      asyncapi: runtime.providers
        .filter((p) => p.definition.socketApi)
        .map(({ definition }) => ({
          name: definition.name,
          url: `${ADMIN}/asyncapi/${definition.name}.json`,
        })),
    }),
  );
  return app;
}
