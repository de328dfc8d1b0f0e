import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { announce, REFS } from './fixtures.js';

/**
 * The framework's ceiling: Hono on @hono/node-server (what kyc-sim is built on) with the refs
 * route alone, answering with `c.json` as kyc-sim's route does, and nothing else.
 */
const app = new Hono();
app.get('/yoti/api/v1.1/qrcodes/refs/:refId', (c) => c.json(REFS));
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => announce(info.port));
