import { realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';

const SCENARIO_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Why `PUT /__admin/scenario?file=` will not read a file; says nothing of what the file holds. */
export class ScenarioFileRefused extends Error {}

/**
 * The folders `PUT /__admin/scenario?file=` may read from: whoever reaches the admin API must not
 * be able to make kyc-sim read (and quote back) any file the process can read.
 */
export class ScenarioFolders {
  readonly folders: readonly string[];

  constructor(folders: readonly string[]) {
    this.folders = [...new Set(folders.map((folder) => resolve(folder)))];
  }

  /**
   * The real path of `file` when it is a scenario file inside one of the folders, symlinks
   * followed; otherwise `ScenarioFileRefused`. Relative paths are taken from the working directory.
   */
  async confine(file: string): Promise<string> {
    const path = resolve(file);
    if (!SCENARIO_EXTENSIONS.has(extname(path).toLowerCase()))
      throw new ScenarioFileRefused(`${file}: scenario files end in .yaml, .yml or .json`);
    if (!this.#inside(path, this.folders)) throw this.#outside(file);
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      return path; // missing: the loader says so, naming only the path
    }
    const realFolders = await Promise.all(this.folders.map((folder) => realpath(folder).catch(() => folder)));
    if (!this.#inside(real, realFolders)) throw this.#outside(file);
    return real;
  }

  #inside(path: string, folders: readonly string[]): boolean {
    return folders.some((folder) => {
      const rel = relative(folder, path);
      return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
    });
  }

  #outside(file: string): ScenarioFileRefused {
    return new ScenarioFileRefused(
      `${file} is outside the folders kyc-sim reads scenarios from (${this.folders.join(', ')}); start it with --scenario-dir <folder> to add one`,
    );
  }
}
