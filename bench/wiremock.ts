import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REFS_JSON, REFS_PATH_PREFIX } from './fixtures.js';
import { freePort, type ServerProcess, startProcess } from './processes.js';

/** Why WireMock cannot run here, or undefined when it can. */
export function wiremockUnavailable(): string | undefined {
  const java = spawnSync(process.env.JAVA ?? 'java', ['-version'], { stdio: 'ignore' });
  if (java.error) return `no Java (${(java.error as NodeJS.ErrnoException).code ?? java.error.message})`;
  if (!wiremockJar()) return 'the wiremock package ships no jar';
  return undefined;
}

const wiremockPackage = () => createRequire(import.meta.url).resolve('wiremock/package.json');

/** The version of the wiremock package (that of the jar it ships). */
export const wiremockVersion = (): string =>
  (JSON.parse(readFileSync(wiremockPackage(), 'utf8')) as { version: string }).version;

function wiremockJar(): string | undefined {
  try {
    const build = join(dirname(wiremockPackage()), 'build');
    const jar = readdirSync(build).find((name) => /^wiremock-standalone-.*\.jar$/.test(name));
    return jar && join(build, jar);
  } catch {
    return undefined;
  }
}

/**
 * WireMock standalone (the jar the npm package ships) with one stub answering the refs JSON. Its
 * request journal is bounded like kyc-sim's (5,000 entries); everything else is WireMock's default.
 */
export async function startWiremock(): Promise<ServerProcess> {
  const jar = wiremockJar();
  if (!jar) throw new Error('the wiremock package ships no jar');
  const root = mkdtempSync(join(tmpdir(), 'kyc-sim-bench-wiremock-'));
  mkdirSync(join(root, 'mappings'));
  writeFileSync(
    join(root, 'mappings', 'refs.json'),
    JSON.stringify({
      request: { method: 'GET', urlPathPattern: `${REFS_PATH_PREFIX.replaceAll('.', '\\.')}.*` },
      response: { status: 200, body: REFS_JSON, headers: { 'Content-Type': 'application/json' } },
    }),
  );
  const port = await freePort();
  return startProcess({
    command: process.env.JAVA ?? 'java',
    args: [
      '-jar',
      jar,
      '--port',
      String(port),
      '--bind-address',
      '127.0.0.1',
      '--root-dir',
      root,
      '--disable-banner',
      '--max-request-journal-entries',
      '5000',
    ],
    url: `http://127.0.0.1:${port}`,
    probePath: '/__admin/health',
  });
}
