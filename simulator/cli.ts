import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_JOURNAL_BODY_LIMIT } from './engine/journal.js';
import { loadScenarioFile, ScenarioError } from './engine/scenario-loader.js';
import { DEFAULT_MAX_ENDED_SESSIONS, DEFAULT_MAX_SESSIONS } from './engine/store.js';
import { packageVersion } from './paths.js';
import { providers } from './providers/index.js';
import { scenarioSchema } from './scenario.js';
import { type RunningSimulator, startSimulator } from './server.js';
import { resolveScenarioFile, shippedScenarioNames } from './shipped-scenarios.js';

const integer = (value: string) => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a non-negative integer');
  return Number(value);
};

const positive = (value: string) => {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected a whole number of at least 1');
  return Number(value);
};

const program = new Command()
  .name('kyc-sim')
  .description(
    `Local simulator of identity-verification providers: ${providers.map((p) => p.name).join(', ')}`,
  )
  .version(packageVersion(), '-v, --version')
  .showHelpAfterError();

program
  .command('serve')
  .description('run the simulator')
  .option('--host <host>', 'interface to bind', '127.0.0.1')
  .option('--port <port>', 'port; 0 picks a free one', integer, 8080)
  .option(
    '--scenario <file|name>',
    'scenario file (YAML or JSON) or a shipped scenario by name (see `kyc-sim scenarios`); default when absent',
  )
  .addOption(
    new Option('--clock <mode>', 'real time, or manual time moved by the admin API')
      .choices(['real', 'manual'])
      .default('real'),
  )
  .option('--seed <n>', 'seed for ids, tokens and fake data (overrides the scenario)', integer)
  .option('--log-level <level>', 'pino log level', 'info')
  .option(
    '--journal-size <n>',
    'requests and frames kept in the journal (oldest dropped first)',
    integer,
    5000,
  )
  .option(
    '--max-sessions <n>',
    'sessions kept in memory in all, under way or ended (oldest forgotten first)',
    positive,
    DEFAULT_MAX_SESSIONS,
  )
  .option(
    '--max-ended-sessions <n>',
    'ended sessions kept in memory for the console and admin API (first ended forgotten first)',
    positive,
    DEFAULT_MAX_ENDED_SESSIONS,
  )
  .option(
    '--journal-body-limit <chars>',
    'characters of each body and websocket frame the journal keeps (the rest is dropped, its size noted)',
    integer,
    DEFAULT_JOURNAL_BODY_LIMIT,
  )
  .option(
    '--allowed-host <name>',
    'a Host name clients use besides localhost and the bound address (repeatable; * allows any)',
    (name: string, names: string[]) => [...names, name],
    [] as string[],
  )
  .option(
    '--scenario-dir <dir>',
    "a folder PUT /__admin/scenario?file= may read (repeatable; default: the --scenario file's folder)",
    (dir: string, dirs: string[] = []) => [...dirs, dir],
  )
  .addOption(
    new Option(
      '--admin-token <token>',
      'every /__admin call must carry it (Authorization: Bearer); the console logs in by a one-time link',
    ).env('KYC_SIM_ADMIN_TOKEN'),
  )
  .option(
    '--unsafe-open-admin',
    'allow a non-loopback --host without --admin-token (anyone who can connect controls kyc-sim)',
  )
  .option(
    '--verbose',
    'print one line per request, websocket event and webhook (method, path, status, ms, session)',
  )
  .option('--https', 'serve HTTPS and WSS with a local CA kept in .kyc-sim/tls/ (made on first start)')
  .option(
    '--https-host <name>',
    'another name or address for the HTTPS certificate (repeatable), e.g. a LAN name a phone can reach',
    (value: string, previous: string[]) => [...previous, value],
    [] as string[],
  )
  .addOption(
    new Option(
      '--store <url>',
      'where sessions live: memory, or redis://HOST:PORT[/DB] shared by several replicas (docs/scale-out.md)',
    ).env('KYC_SIM_STORE'),
  )
  // For the CommonJS wrapper (cjs/index.cjs): the parent holds our stdin; when it dies, we go too.
  .addOption(new Option('--exit-with-stdin', 'exit when standard input closes').hideHelp())
  .action(async (opts) => {
    let sim: Awaited<ReturnType<typeof startSimulator>>;
    try {
      sim = await startSimulator({
        host: opts.host,
        port: opts.port,
        scenario: opts.scenario,
        clock: opts.clock,
        seed: opts.seed,
        logLevel: opts.logLevel,
        journalCapacity: opts.journalSize,
        journalBodyLimit: opts.journalBodyLimit,
        maxSessions: opts.maxSessions,
        maxEndedSessions: opts.maxEndedSessions,
        allowedHosts: opts.allowedHost,
        adminToken: opts.adminToken,
        scenarioDirs: opts.scenarioDir,
        unsafeOpenAdmin: opts.unsafeOpenAdmin,
        https: opts.https || opts.httpsHost.length > 0,
        httpsHosts: opts.httpsHost,
        verbose: opts.verbose,
        store: opts.store && opts.store !== 'memory' ? opts.store : undefined,
      });
    } catch (error) {
      fail(error);
    }
    const { scenario, source } = sim.runtime.scenario;
    const lines = [
      `kyc-sim listening on ${sim.url}`,
      `scenario: ${scenario.name} (${source})${sim.runtime.seed !== undefined ? `, seed ${sim.runtime.seed}` : ''}, clock: ${sim.runtime.clock.mode}`,
      ...(sim.runtime.replicas ? [`store: ${sim.runtime.replicas.describe()}`] : []),
      '',
      'Point your clients at it:',
      ...providers.flatMap((p) => p.clientHints(sim.url).map((line) => `  ${line}`)),
      '',
      `QA console: ${sim.consoleUrl()}${opts.adminToken ? '   (one-time login link)' : ''}`,
      `Admin API:  ${sim.url}/__admin   (health, sessions, clock, requests, scenario, reset)${opts.adminToken ? '\n            every call needs Authorization: Bearer <admin token>' : ''}`,
      ...(sim.tls ? trustHints(sim.tls, sim.url) : []),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    // Whoever read our output may be gone by shutdown time (a closed pipe must not crash us).
    process.stdout.on('error', () => {});
    // Last resort: a bug in some background path is logged; every other client keeps its simulator.
    process.on('uncaughtException', (error) =>
      sim.runtime.log.error({ err: error }, 'uncaught exception; still serving'),
    );
    process.on('unhandledRejection', (reason) =>
      sim.runtime.log.error({ err: reason }, 'unhandled rejection; still serving'),
    );
    const shutdown = (signal: string) => {
      process.stdout.write(`\n${signal}: shutting down\n`);
      sim.close().then(() => process.exit(0));
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    if (opts.exitWithStdin) {
      process.stdin.on('close', () => shutdown('stdin closed'));
      process.stdin.resume();
    }
  });

program
  .command('scenarios')
  .description('list the shipped scenarios, usable by name with --scenario')
  .action(() => {
    process.stdout.write(`${shippedScenarioNames().join('\n')}\n`);
  });

program
  .command('validate')
  .description('check scenario files; exits non-zero with file, path and reason at the first error')
  .argument('<files...>', 'scenario files or shipped scenario names')
  .action(async (files: string[]) => {
    for (const file of files) {
      try {
        await loadScenarioFile(resolveScenarioFile(file), scenarioSchema);
        process.stdout.write(`ok  ${file}\n`);
      } catch (error) {
        fail(error);
      }
    }
  });

// Each provider's own commands (Yoti's `keys`).
for (const definition of providers) {
  for (const command of definition.commands ?? []) {
    const sub = program.command(command.name).description(command.description);
    for (const option of command.options ?? []) sub.option(option.flags, option.description, option.default);
    sub.action(async (opts: Record<string, string>) => {
      try {
        process.stdout.write(await command.run(opts));
      } catch (error) {
        fail(error);
      }
    });
  }
}

/** Where the CA is and how each kind of client comes to trust it. */
function trustHints(tls: NonNullable<RunningSimulator['tls']>, url: string): string[] {
  return [
    '',
    `HTTPS: the certificate covers ${tls.hosts.join(', ')}; it is signed by the kyc-sim local CA`,
    `  CA certificate: ${tls.caPath}${tls.caCreated ? ' (made now; kept for later starts)' : ''}`,
    'Trust it (development machines and test devices only):',
    `  Node:    NODE_EXTRA_CA_CERTS=${tls.caPath} node ...`,
    `  curl:    curl --cacert ${tls.caPath} ${url}/__admin/health`,
    '  Android: copy ca.pem to the device; Settings > Security > Encryption & credentials > Install a',
    '           certificate > CA certificate. Apps trust user CAs only with a network_security_config',
    '           that has <certificates src="user" /> (e.g. in <debug-overrides>).',
    '  iOS:     send ca.pem to the device (AirDrop, mail), install the profile in Settings > General >',
    '           VPN & Device Management, then turn on full trust in Settings > General > About >',
    '           Certificate Trust Settings.',
  ];
}

function fail(error: unknown): never {
  if (error instanceof ScenarioError) {
    process.stderr.write(
      `invalid scenario\n  file:   ${error.file}\n  path:   ${error.path || '(root)'}\n  reason: ${error.reason}\n`,
    );
  } else if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
    process.stderr.write(
      `kyc-sim: the port is in use (${(error as Error).message}); choose another with --port, or --port 0\n`,
    );
  } else {
    process.stderr.write(`kyc-sim: ${(error as Error)?.message ?? error}\n`);
  }
  process.exit(1);
}

// No top-level await: the bundle is a CommonJS script (bin.ts runs it through V8's code cache).
program.parseAsync().catch(fail);
