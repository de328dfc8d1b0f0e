import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import { packageRoot } from '../paths.js';
import { bundleOnDemandPackages, requiredOnDemand } from './on-demand-packages.js';

/**
 * `npm run bundle`: the `kyc-sim` command as dist/bundle/cli.mjs, a small loader (../bin.ts), and
 * cli.cjs, the whole CLI as one CommonJS script that the loader runs through V8's code cache
 * (Node 20 caches compiled code only for scripts, not for ES modules). What a start does not run
 * sits in the script as functions that run on first use, so a start neither runs it nor, with the
 * cache, compiles it; the largest packages of it (faker's locale data, node-forge, the Redis
 * client, qrcode, ws) are files of their own beside it (on-demand-packages.ts), so a start does
 * not read them either.
 */
const outdir = join(packageRoot, 'dist/bundle');

/**
 * zod's classic API exports every error-message locale (40-odd, a third of zod's size) through
 * `z.locales`, which a bundler cannot drop; kyc-sim speaks English only. `z.locales.en` remains.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: dirname(args.path),
    }));
  },
};

/** One output file from one compiled entry, with everything it imports (Node's own modules aside). */
const bundleOf = (entry: string, outfile: string, options: BuildOptions) =>
  build({
    entryPoints: [join(packageRoot, 'dist/simulator', entry)],
    outfile: join(outdir, outfile),
    bundle: true,
    platform: 'node',
    logLevel: 'warning',
    ...options,
  });

rmSync(outdir, { recursive: true, force: true });
await bundleOf('cli.js', 'cli.cjs', {
  format: 'cjs',
  // import() inside a vm.Script would need Node's experimental loader hook: require() instead.
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': '__kycSimUrl' },
  banner: { js: 'const __kycSimUrl=require("node:url").pathToFileURL(__filename).href;' },
  plugins: [zodEnglishOnly, requiredOnDemand],
  // Fewer bytes to read and compile; names stay, so stack traces still say where.
  minifyWhitespace: true,
  minifySyntax: true,
});
await bundleOnDemandPackages(outdir, { minifyWhitespace: true, minifySyntax: true });
// The loader reads the script as latin1 (a copy, not a decoding): esbuild's default charset keeps
// it ASCII; this makes sure it stays so.
const script = readFileSync(join(outdir, 'cli.cjs'));
const nonAscii = script.findIndex((byte) => byte > 0x7f);
if (nonAscii >= 0) throw new Error(`dist/bundle/cli.cjs: a non-ASCII byte at offset ${nonAscii}`);
await bundleOf('bin.js', 'cli.mjs', { format: 'esm' });
