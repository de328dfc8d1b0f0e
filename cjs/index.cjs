'use strict';
/**
 * kyc-sim for CommonJS callers — Jest in its default mode, plain require(): the simulator is an ES
 * module, which a CommonJS loader cannot run, so this starts it as a child process (the same CLI
 * as `npx kyc-sim serve`) and resolves once it listens. Drive it over HTTP through its admin API.
 */
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const CLI = join(__dirname, '..', 'dist', 'bundle', 'cli.mjs');
/** The child's latest output kept for output() and start-up errors. */
const OUTPUT_KEPT = 1 << 20;

function cliArguments(options, scenarioFile) {
  const args = [CLI, 'serve', '--exit-with-stdin', '--port', String(options.port ?? 0)];
  args.push('--log-level', options.logLevel ?? 'silent');
  if (options.host !== undefined) args.push('--host', options.host);
  if (scenarioFile !== undefined) args.push('--scenario', scenarioFile);
  if (options.clock !== undefined) args.push('--clock', options.clock);
  if (options.seed !== undefined) args.push('--seed', String(options.seed));
  if (options.journalCapacity !== undefined) args.push('--journal-size', String(options.journalCapacity));
  if (options.journalBodyLimit !== undefined)
    args.push('--journal-body-limit', String(options.journalBodyLimit));
  for (const name of options.allowedHosts ?? []) args.push('--allowed-host', name);
  if (options.unsafeOpenAdmin) args.push('--unsafe-open-admin');
  if (options.https) args.push('--https');
  if (options.verbose) args.push('--verbose');
  for (const name of options.httpsHosts ?? []) args.push('--https-host', name);
  return args;
}

/** use / clearOverrides / reset / countRequests, as the ES module's, over the admin API. */
function control(url, options) {
  const headers = options.adminToken ? { authorization: `Bearer ${options.adminToken}` } : {};
  const call = async (method, path, body) => {
    const init = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const res = await fetch(`${url}/__admin${path}`, init);
    const data = await res.json();
    if (!res.ok) throw new Error(`kyc-sim ${method} /__admin${path}: ${res.status} ${data.error ?? ''}`);
    return data;
  };
  return {
    use: async (partial) => void (await call('POST', '/scenario/overrides', partial)),
    clearOverrides: async () => void (await call('DELETE', '/scenario/overrides')),
    reset: async () => void (await call('POST', '/reset')),
    countRequests: async (filter = {}) =>
      (await call('GET', `/requests/count?${new URLSearchParams(filter)}`)).count,
  };
}

/** Starts kyc-sim in a child process; resolves with its URL once it listens. */
function startSimulator(options = {}) {
  let scenarioDir;
  let scenarioFile = options.scenario;
  if (scenarioFile !== undefined && typeof scenarioFile !== 'string') {
    scenarioDir = mkdtempSync(join(tmpdir(), 'kyc-sim-scenario-'));
    scenarioFile = join(scenarioDir, 'scenario.json');
    writeFileSync(scenarioFile, JSON.stringify(options.scenario));
  }
  const child = spawn(process.execPath, cliArguments(options, scenarioFile), {
    cwd: options.cwd ?? process.cwd(),
    // The admin token goes by environment, not argv, which other users of the machine can list.
    env: options.adminToken ? { ...process.env, KYC_SIM_ADMIN_TOKEN: options.adminToken } : process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const removeScenario = () => scenarioDir && rmSync(scenarioDir, { recursive: true, force: true });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  exited.then(removeScenario);

  return new Promise((resolve, reject) => {
    let output = '';
    let listening = false;
    // Keeps reading after start-up too: --verbose writes a line per request, and a full pipe would stall the child.
    const onOutput = (chunk) => {
      output = (output + chunk).slice(-OUTPUT_KEPT);
      const url = !listening && /listening on (https?:\/\/\S+)/.exec(output)?.[1];
      if (!url) return;
      listening = true;
      child.removeListener('exit', onEarlyExit);
      const close = () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        return exited.then(() => undefined);
      };
      resolve({
        url,
        port: Number(new URL(url).port),
        pid: child.pid,
        output: () => output,
        close,
        ...control(url, options),
      });
    };
    const onEarlyExit = (code) =>
      reject(new Error(`kyc-sim exited with ${code} before listening:\n${output}`));
    child.stdout.on('data', onOutput);
    child.stderr.on('data', (chunk) => {
      output = (output + chunk).slice(-OUTPUT_KEPT);
    });
    child.once('exit', onEarlyExit);
    child.once('error', reject);
  });
}

module.exports = { startSimulator };
