import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { packageRoot } from '../paths.js';

/**
 * `npm run bundle`: the `kyc-sim` command as one ES module bundle (dist/bundle/cli.mjs) with
 * chunks split off at dynamic imports, so what a start does not use (the Redis client, node-forge,
 * faker's locale data) is neither read nor compiled.
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

// Chunk names carry content hashes: without this, chunks of earlier builds would pile up and ship.
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: join(packageRoot, 'dist/simulator/bin.js') },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  splitting: true,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
  // Bundled CommonJS packages call require(): give the ES module one.
  banner: {
    js: "import{createRequire as __kycSimRequire}from'node:module';const require=__kycSimRequire(import.meta.url);",
  },
  plugins: [zodEnglishOnly],
  // Fewer bytes to read and scan at every start; names stay, so stack traces still say where.
  minifyWhitespace: true,
  minifySyntax: true,
});
