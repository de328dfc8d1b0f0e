import { getLocal } from 'mockttp';
import { announce, REFS, REFS_PATH_PREFIX } from './fixtures.js';

/** mockttp, a mock server users pick for Node, with one rule answering the refs JSON. */
const server = getLocal();
await server.start();
await server.forGet(new RegExp(REFS_PATH_PREFIX.replaceAll('.', '\\.'))).thenJson(200, REFS);
announce(server.port);
