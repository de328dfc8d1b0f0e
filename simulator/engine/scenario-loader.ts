import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';

/**
 * Scenario files are plain data (YAML or JSON) validated whole before anything uses them: a bad
 * file fails with its name, the path inside it and the reason, and nothing half-loads.
 */
export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${file}: ${path ? `${path}: ` : ''}${reason}`);
    this.name = 'ScenarioError';
  }

  toJSON() {
    return { file: this.file, path: this.path, reason: this.reason, message: this.message };
  }
}

/**
 * Scenario files larger than this are refused before parsing: hand-written scenarios are a few
 * KiB, and YAML parsing time grows faster than the text (8.5 MB took half a minute).
 */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

export interface LoadedScenario<T> {
  scenario: T;
  /** Where the file came from; relative paths inside a scenario resolve against its folder. */
  source: string;
  baseDir: string;
}

/** `apps[0].sdkId` style, the way editors and jq show paths. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

export function parseScenarioText(text: string, source: string): unknown {
  const looksJson = extname(source).toLowerCase() === '.json' || /^\s*[{[]/.test(text);
  try {
    return looksJson ? JSON.parse(text) : parseYaml(text, { prettyErrors: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const [line, col] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [0, 0];
      throw new ScenarioError(source, '', `invalid YAML at line ${line}, column ${col}: ${error.code}`);
    }
    throw new ScenarioError(source, '', `invalid JSON: ${(error as Error).message}`);
  }
}

export function validateScenario<S extends z.ZodType>(data: unknown, schema: S, source: string): z.output<S> {
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ScenarioError(source, formatPath(issue.path), issue.message);
}

export async function loadScenarioFile<S extends z.ZodType>(
  file: string,
  schema: S,
): Promise<LoadedScenario<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ScenarioError(file, '', `cannot read file: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  const data = parseScenarioText(text, file);
  return { scenario: validateScenario(data, schema, file), source: file, baseDir: dirname(resolve(file)) };
}
