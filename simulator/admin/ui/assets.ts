import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { Hono } from 'hono';
import { packageRoot } from '../../paths.js';
import { adminError } from '../errors.js';

/** The console's client modules and stylesheet: plain files, served as they are (no build step). */
const ASSETS_DIR = join(packageRoot, 'simulator', 'admin', 'ui', 'assets');
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * The console's own files, plus `panelFiles` (absolute paths) of providers' panels served beside
 * them under their base names, so a panel's module imports the console's by `./dom.js`.
 */
export function assetRoutes(panelFiles: readonly string[] = []): Hono {
  // Read once: a handful of small files, and no path from a request ever reaches the file system.
  const files = new Map(
    readdirSync(ASSETS_DIR)
      .filter((name) => extname(name) in TYPES)
      .map((name) => [name, readFileSync(join(ASSETS_DIR, name), 'utf8')]),
  );
  for (const path of panelFiles) {
    const name = basename(path);
    if (files.has(name)) throw new Error(`kyc-sim: console asset ${name} (${path}) is served already`);
    if (!(extname(name) in TYPES)) throw new Error(`kyc-sim: console asset ${path} is neither .js nor .css`);
    files.set(name, readFileSync(path, 'utf8'));
  }
  const app = new Hono();
  app.get('/:name', (c) => {
    const name = c.req.param('name');
    const body = files.get(name);
    if (body === undefined)
      return adminError(c, 404, `no console asset ${name}`, { known: [...files.keys()] });
    return c.body(body, 200, { 'content-type': TYPES[extname(name)], 'cache-control': 'no-cache' });
  });
  return app;
}
