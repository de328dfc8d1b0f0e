import { join } from 'node:path';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import { packageRoot } from '../paths.js';

/**
 * Packages only some runs use, by the specifier kyc-sim imports them with (each import sits in a
 * module that loads on first use), and the file each is bundled into beside cli.cjs. A start
 * reads and decodes the whole CLI script, and these are half its bytes.
 */
const onDemand: Record<string, string> = {
  '@faker-js/faker/locale/en_GB': 'faker-en_GB.cjs', // the first fake person
  'node-forge': 'node-forge.cjs', // --https: the local certificate authority
  ioredis: 'ioredis.cjs', // --store redis://…
  qrcode: 'qrcode.cjs', // the first QR image
  ws: 'ws.cjs', // the first websocket
};

const specifiers = new RegExp(`^(${Object.keys(onDemand).join('|')})$`);

/** Leaves the on-demand packages out of the bundle: they are required from their own files. */
export const requiredOnDemand: Plugin = {
  name: 'required-on-demand',
  setup(builder) {
    builder.onResolve({ filter: specifiers }, (args) => ({
      path: `./${onDemand[args.path]}`,
      external: true,
    }));
  },
};

/** Bundles each on-demand package into its file in `outdir`, as CommonJS (module.exports is the package). */
export async function bundleOnDemandPackages(outdir: string, options: BuildOptions): Promise<void> {
  for (const [specifier, file] of Object.entries(onDemand)) {
    await build({
      ...options,
      stdin: { contents: `module.exports = require(${JSON.stringify(specifier)});`, resolveDir: packageRoot },
      outfile: join(outdir, file),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'warning',
    });
  }
}
