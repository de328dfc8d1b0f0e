import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Hono } from 'hono';
import { packageRoot } from '../../paths.js';

/** The console's client modules and stylesheet: plain files, served as they are (no build step). */
const ASSETS_DIR = join(packageRoot, 'simulator', 'admin', 'ui', 'assets');
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export function assetRoutes(): Hono {
  // Read once: a handful of small files, and no path from a request ever reaches the file system.
  const files = new Map(
    readdirSync(ASSETS_DIR)
      .filter((name) => extname(name) in TYPES)
      .map((name) => [name, readFileSync(join(ASSETS_DIR, name), 'utf8')]),
  );
  const app = new Hono();
  app.get('/:name', (c) => {
    const name = c.req.param('name');
    const body = files.get(name);
    if (body === undefined) return c.json({ error: `no console asset ${name}` }, 404);
    return c.body(body, 200, { 'content-type': TYPES[extname(name)], 'cache-control': 'no-cache' });
  });
  return app;
}
