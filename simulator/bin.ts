#!/usr/bin/env node
import { lstatSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { capYoungGeneration, limitOldGenerationGrowth } from './heap-sizing.js';

/**
 * The `kyc-sim` command (dist/bundle/cli.mjs): runs the CLI bundle beside it (cli.cjs, one
 * CommonJS script) through V8's code cache. Compiling the bundle's functions is most of a start,
 * and Node 20 has no compile cache of its own (`module.enableCompileCache` came in 22.1). The first
 * run of each command keeps the code it compiled in a cache file; later runs take it from there. A
 * cache V8 refuses (another Node, other flags) is made again; without a usable cache folder kyc-sim
 * just compiles. As with Node's own cache, NODE_COMPILE_CACHE=<dir> says where the cache files go
 * and NODE_DISABLE_COMPILE_CACHE=1 turns the cache off. V8's young generation is held at the size
 * start-up gives it, and the old generation grows less past what is live (heap-sizing.ts).
 */
capYoungGeneration();
limitOldGenerationGrowth();
const bundle = join(dirname(fileURLToPath(import.meta.url)), 'cli.cjs');
// ASCII only (tools/bundle.ts checks): read as latin1, a plain copy, where UTF-8 decoding of the
// 2 MB script takes tens of milliseconds on Node 20.
const source = readFileSync(bundle, 'latin1');
const cache = cacheFor(bundle);
const cachedData = cache && readCache(cache);
// The CommonJS wrapper, on the bundle's first line so line numbers in stack traces stay true.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundle,
  cachedData,
});
// Before the CLI runs: a command may end the process while it runs (`--version`).
if (cache && (!cachedData || script.cachedDataRejected)) keepCompiledCode(script, cache);
const run = script.runInThisContext() as (...args: unknown[]) => void;
const module = { exports: {} };
run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));

interface CacheFile {
  path: string;
  /** Which bundle build, Node and flags the code is for: V8 itself compares only the length. */
  stamp: Buffer;
}

/**
 * One cache file per bundle, command, Node and flags (a cache holds the code its run compiled, so
 * `kyc-sim validate` does not stand in for `kyc-sim serve`); a new build overwrites it.
 */
function cacheFor(file: string): CacheFile | undefined {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const dir =
    process.env.NODE_COMPILE_CACHE || join(tmpdir(), `kyc-sim-compile-cache-${process.getuid?.() ?? 0}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Compiled code from a folder others may write to would run as us: only a private one of ours.
    if (!process.env.NODE_COMPILE_CACHE) {
      const folder = lstatSync(dir);
      const ours = process.getuid === undefined || folder.uid === process.getuid();
      if (!folder.isDirectory() || !ours || (folder.mode & 0o022) !== 0) return undefined;
    }
    const command = /^[a-z][a-z-]{0,19}$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
    const key = JSON.stringify([file, process.version, process.arch, process.execArgv]);
    const { size, mtimeMs } = statSync(file);
    return {
      path: join(dir, `${command}-${fnv1a(key)}.bin`),
      stamp: Buffer.from(`${key} ${size} ${mtimeMs}\n`),
    };
  } catch {
    return undefined;
  }
}

/** A short name for the key (node:crypto is not loaded yet; the stamp holds the key itself). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The cached code, when the file is there and was made from this build of the bundle. */
function readCache({ path, stamp }: CacheFile): Buffer | undefined {
  try {
    const data = readFileSync(path);
    return data.subarray(0, stamp.length).equals(stamp) ? data.subarray(stamp.length) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes the code compiled so far a second after start or at exit, whichever comes first (a
 * server stopped right after its first answer still leaves one), through a rename so that
 * simulators starting at once never read half a file.
 */
function keepCompiledCode(compiled: Script, { path, stamp }: CacheFile): void {
  let kept = false;
  const keep = () => {
    if (kept) return;
    kept = true;
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, Buffer.concat([stamp, compiled.createCachedData()]), { mode: 0o600 });
      renameSync(temporary, path);
    } catch {
      // The cache only saves time: without it, the next start compiles as this one did.
    }
  };
  setTimeout(keep, 1000).unref();
  process.once('exit', keep);
}
