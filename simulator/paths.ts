import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (where package.json is), found the same way from sources and from dist/. */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('kyc-sim: cannot find the package root');
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot();
export const protoDir = join(packageRoot, 'proto');
export const scenariosDir = join(packageRoot, 'scenarios');

/** kyc-sim's own version, from its package.json. */
export const packageVersion = (): string =>
  JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version;
