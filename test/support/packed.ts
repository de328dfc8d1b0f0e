import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../simulator/paths.js';

interface LockEntry {
  version: string;
  dev?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}

export interface PackedInstall {
  /** The consumer project: kyc-sim and `extras` in its node_modules. */
  dir: string;
  /** What `npm pack` put in the tarball, as paths relative to the package root. */
  files: string[];
  version: string;
}

const lock = (): Record<string, LockEntry> =>
  JSON.parse(readFileSync(join(packageRoot, 'package-lock.json'), 'utf8')).packages;

/** Where Node would find `name` from the package at lock path `from` (nearest node_modules upwards). */
function resolveInLock(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

/**
 * Packs kyc-sim as `npm pack` does (from the current dist/: `npm test` builds first) and installs
 * the tarball in a new project beside `extras` (packages of our own lock, e.g. typescript), with
 * `npm ci --offline`: the consumer's lock is our lock's closure of what it needs, so everything
 * comes from the npm cache that installing kyc-sim itself filled.
 */
export function installPacked(extras: string[]): PackedInstall {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-sim-consumer-'));
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
      cwd: packageRoot,
      encoding: 'utf8',
    }),
  ) as { filename: string; version: string; files: { path: string }[] }[];
  const tarball = readFileSync(join(dir, packed.filename));
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));

  const ours = lock();
  const packages: Record<string, LockEntry> = {};
  const visit = (path: string, entry: LockEntry) => {
    if (packages[path]) return;
    packages[path] = entry;
    const wanted = { ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies };
    for (const name of Object.keys(wanted)) {
      const found = resolveInLock(ours, path, name);
      if (found) visit(found, { ...ours[found], dev: undefined });
      else if (!entry.optionalDependencies?.[name] && !entry.peerDependenciesMeta?.[name]?.optional)
        throw new Error(`${path} needs ${name}, which our package-lock.json does not have`);
    }
  };
  const kycSim: LockEntry = {
    version: packed.version,
    resolved: `file:${packed.filename}`,
    integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}`,
    license: manifest.license,
    dependencies: manifest.dependencies,
    peerDependencies: manifest.peerDependencies,
    peerDependenciesMeta: manifest.peerDependenciesMeta,
    bin: manifest.bin,
    engines: manifest.engines,
  };
  const rootDependencies: Record<string, string> = { 'kyc-sim': `file:${packed.filename}` };
  for (const name of extras) rootDependencies[name] = ours[`node_modules/${name}`].version;
  const root = { name: 'kyc-sim-consumer', version: '1.0.0', dependencies: rootDependencies };
  packages[''] = root as unknown as LockEntry;
  visit('node_modules/kyc-sim', kycSim);
  for (const name of extras)
    visit(`node_modules/${name}`, { ...ours[`node_modules/${name}`], dev: undefined });

  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...root, private: true }, null, 2));
  writeFileSync(
    join(dir, 'package-lock.json'),
    JSON.stringify({ ...root, lockfileVersion: 3, requires: true, packages }, null, 2),
  );
  execFileSync('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return { dir, files: packed.files.map((f) => f.path), version: packed.version };
}
