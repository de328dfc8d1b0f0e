#!/usr/bin/env node
import module from 'node:module';

/**
 * The `kyc-sim` command's entry: turns on Node's compile cache where the running Node has it
 * (22.1 and later keep the compiled CLI between runs, which shortens every start after the first),
 * then loads the CLI itself, which is compiled only after the cache is on.
 */
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('./cli.js');
