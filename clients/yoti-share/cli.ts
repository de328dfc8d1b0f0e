#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import QRCode from 'qrcode';
import { YotiShareClient } from './client.js';
import { CallbackError, QrRequestError, RefResolveError, RestartLimitError, SocketError } from './errors.js';

/**
 * `node dist/clients/yoti-share/cli.js --base http://127.0.0.1:8080/yoti --sdk-id ... --scenario-id ...`
 * runs the kiosk flow once and prints every step, for QA.
 */
const integer = (value: string) => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a non-negative integer');
  return Number(value);
};

const keyValue = (value: string, previous: Record<string, string> = {}) => {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError('expected name=value');
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
};

export interface CliOutput {
  log(line: string): void;
  error(line: string): void;
}

function describe(error: Error): string {
  const extra =
    error instanceof QrRequestError || error instanceof RefResolveError || error instanceof CallbackError
      ? ` [status ${error.status}]`
      : error instanceof SocketError
        ? ` [close code ${error.closeCode ?? 'none'}]`
        : error instanceof RestartLimitError
          ? ` [${error.attempts.map((a) => `#${a.attempt} ${a.reason}`).join(', ')}]`
          : '';
  return `${error.name}: ${error.message}${extra}`;
}

/** Runs the command; resolves with the process exit code (0 = token forwarded or received). */
export async function main(argv: string[], out: CliOutput = console): Promise<number> {
  const program = new Command()
    .name('yoti-share-kiosk')
    .description("Runs Yoti's non-browser (kiosk) share flow once against Yoti or kyc-sim")
    .requiredOption('--base <url>', 'share API host: https://api.yoti.com or http://127.0.0.1:8080/yoti')
    .requiredOption('--sdk-id <id>', 'SDK id of the Yoti Hub application')
    .requiredOption('--scenario-id <id>', 'scenario id of the application')
    .option('--callback-param <name=value>', 'extra callback query parameter (repeatable)', keyValue, {})
    .option('--callback-url <url>', 'send the token here instead of the callback_endpoint of the QR metadata')
    .option('--no-callback', 'stop at the token; do not call the backend')
    .option('--max-restarts <n>', 'new QR codes after REJECTED, FAILED, TIMED_OUT', integer, 3)
    .option('--restart-delay <ms>', 'pause before a restart', integer, 1000)
    .option('--step-timeout <ms>', 'timeout of the QR, refs, connect and callback steps', integer, 10_000)
    .option('--outcome-timeout <ms>', 'how long to wait for the user after ACCEPTED', integer, 330_000)
    .option('--qr-base <url>', 'prefix of QR URLs in a non-JSON answer', 'https://code.yoti.com/')
    .option('--show-qr', 'draw the QR code in the terminal')
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.log(s.trimEnd()), writeErr: (s) => out.error(s.trimEnd()) });
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    const { exitCode } = error as { exitCode?: number };
    return exitCode ?? 2;
  }
  const opts = program.opts();
  const step = opts.stepTimeout as number;
  const client = new YotiShareClient({
    baseUrl: opts.base,
    sdkId: opts.sdkId,
    scenarioId: opts.scenarioId,
    callbackParams: opts.callbackParam,
    callbackEndpoint: opts.callbackUrl,
    forwardToken: opts.callback !== false,
    maxRestarts: opts.maxRestarts,
    restartDelayMs: opts.restartDelay,
    qrBase: opts.qrBase,
    timeouts: { qr: step, refs: step, connect: step, callback: step, outcome: opts.outcomeTimeout },
  });

  const started = Date.now();
  const say = (line: string) => out.log(`[+${String(Date.now() - started).padStart(6)} ms] ${line}`);
  client.on('state', (state, attempt) => say(`${state}${attempt ? ` (attempt ${attempt})` : ''}`));
  client.on('retry', ({ step, attempt, why }) => say(`retrying ${step} (retry ${attempt}): ${why}`));
  client.on('qr', async (qr) => {
    say(`QR code: ${qr.url}`);
    say(`ref_id: ${qr.refId}`);
    if (opts.showQr) out.log(await QRCode.toString(qr.url, { type: 'terminal', small: true }));
  });
  client.on('metadata', (m) =>
    say(
      `session_data: ${m.sessionData}; app: ${m.applicationName ?? '?'}; callback_endpoint: ${m.callbackEndpoint}`,
    ),
  );
  client.on('message', (m) =>
    say(`websocket: ${m.kind === 'ignored' ? `ignored (${m.reason})` : m.kind.toUpperCase()}`),
  );
  client.on('restart', (f) =>
    say(`attempt ${f.attempt} ended ${f.reason}${f.error ? `: ${f.error.message}` : ''}`),
  );

  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  try {
    const result = await client.run(abort.signal);
    say(`token: ${result.token}`);
    if (result.callback)
      say(
        `callback GET ${result.callback.url} → ${result.callback.status} ${result.callback.body.slice(0, 200)}`,
      );
    return 0;
  } catch (error) {
    out.error(describe(error as Error));
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
  }
}

/** True when node runs this file itself (not when a test imports `main`). */
function invokedDirectly(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
