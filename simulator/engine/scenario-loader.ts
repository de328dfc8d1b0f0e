import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { jsonErrorOffset } from './json-error.js';

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
  /** The document as written, before defaults: what per-test overrides are merged over. */
  input: unknown;
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

/** YAML texts above this are parsed on a worker thread: the parser takes seconds per MiB. */
const INLINE_YAML_CHARS = 32 * 1024;

/**
 * A scenario's text as data: JSON when the file is .json or the text starts with { or [, YAML
 * otherwise. Errors name the parser that failed and where. Large YAML is parsed off the event
 * loop, so a big scenario never stalls the simulator's clients.
 */
export async function parseScenarioText(text: string, source: string): Promise<unknown> {
  if (text.length > MAX_SCENARIO_BYTES)
    throw new ScenarioError(source, '', tooLarge(Buffer.byteLength(text)));
  const looksJson = extname(source).toLowerCase() === '.json' || /^\s*[{[]/.test(text);
  if (looksJson) return parseJson(text, source);
  const result = text.length > INLINE_YAML_CHARS ? await parseYamlOffThread(text) : parseYamlHere(text);
  if ('value' in result) return result.value;
  throw new ScenarioError(source, '', result.problem);
}

const tooLarge = (bytes: number) =>
  `the scenario is ${bytes} bytes; scenarios are at most ${MAX_SCENARIO_BYTES} bytes (1 MiB) — move large data (images, key files) to files the scenario names`;

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const why = extname(source).toLowerCase() === '.json' ? 'a .json file' : 'the text starts with { or [';
    throw new ScenarioError(
      source,
      '',
      `invalid JSON (read as JSON: ${why})${jsonErrorAt(text)}: ${message}`,
    );
  }
}

/** Where JSON.parse stopped, as " at line L, column C" (Node 20's messages give no position). */
function jsonErrorAt(text: string): string {
  const offset = jsonErrorOffset(text);
  return offset < 0 ? '' : ` at ${lineAndColumn(text, offset)}`;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

type YamlResult = { value: unknown } | { problem: string };

function parseYamlHere(text: string): YamlResult {
  try {
    return { value: parseYaml(text, { prettyErrors: true }) };
  } catch (error) {
    return { problem: yamlProblem(error) };
  }
}

function yamlProblem(error: unknown): string {
  if (error instanceof YAMLParseError) {
    const [line, col] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [0, 0];
    return `invalid YAML at line ${line}, column ${col}: ${error.code}: ${error.message.split('\n')[0]}`;
  }
  return `the YAML parser failed: ${(error as Error)?.message ?? error}`;
}

/**
 * The worker loads the same `yaml` package by its resolved path, so this works from the sources,
 * the tsc output and the esbuild bundle alike (no separate worker file to ship).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { parse, YAMLParseError } = require(workerData.yaml);
parentPort.on('message', (text) => {
  try {
    parentPort.postMessage({ value: parse(text, { prettyErrors: true }) });
  } catch (error) {
    const pos = error instanceof YAMLParseError && error.linePos && error.linePos[0];
    parentPort.postMessage({ error: { yaml: error instanceof YAMLParseError, code: error.code, message: String(error && error.message), line: pos ? pos.line : 0, col: pos ? pos.col : 0 } });
  }
});`;

function parseYamlOffThread(text: string): Promise<YamlResult> {
  const yaml = createRequire(import.meta.url).resolve('yaml');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { yaml } });
  return new Promise<YamlResult>((done) => {
    worker.once('message', (reply: { value?: unknown; error?: WorkerError }) => {
      done(reply.error ? { problem: workerProblem(reply.error) } : { value: reply.value });
    });
    worker.once('error', (error) => done({ problem: `the YAML parser failed: ${error.message}` }));
    worker.postMessage(text);
  }).finally(() => void worker.terminate());
}

interface WorkerError {
  yaml: boolean;
  code?: string;
  message: string;
  line: number;
  col: number;
}

const workerProblem = (e: WorkerError) =>
  e.yaml
    ? `invalid YAML at line ${e.line}, column ${e.col}: ${e.code}: ${e.message.split('\n')[0]}`
    : `the YAML parser failed: ${e.message}`;

export function validateScenario<S extends z.ZodType>(data: unknown, schema: S, source: string): z.output<S> {
  // Without zod's compiled fast path: a scenario is checked once per load, and compiling the parsers
  // of every section costs more than it saves (a third of the check, at start).
  const result = schema.safeParse(data ?? {}, { jitless: true });
  if (result.success) return result.data;
  const issue = reportedIssue(result.error.issues[0]);
  throw new ScenarioError(source, formatPath(issue.path), issue.message);
}

type Issue = z.core.$ZodIssue;

/**
 * The issue to report. Where no branch of a union matched, the branch that got furthest: the one
 * whose first issue lies deepest (a miss of the discriminator itself counts for less), so the
 * message names the field that is wrong rather than "Invalid input".
 */
function reportedIssue(
  issue: Issue,
  prefix: PropertyKey[] = [],
): { path: PropertyKey[]; message: string; score: number } {
  const path = [...prefix, ...issue.path];
  const branches = issue.code === 'invalid_union' ? issue.errors.filter((b) => b.length > 0) : [];
  const candidates = branches.map((branch) => reportedIssue(branch[0], path));
  const discriminatorMiss = issue.code === 'invalid_union' && branches.length === 0;
  const own = { path, message: issue.message, score: path.length - (discriminatorMiss ? 0.5 : 0) };
  return candidates.reduce((best, c) => (c.score > best.score ? c : best), candidates[0] ?? own);
}

export async function loadScenarioFile<S extends z.ZodType>(
  file: string,
  schema: S,
): Promise<LoadedScenario<z.output<S>>> {
  let text: string;
  try {
    const { size } = await stat(file);
    if (size > MAX_SCENARIO_BYTES) throw new ScenarioError(file, '', tooLarge(size));
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    throw new ScenarioError(file, '', `cannot read file: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  const data = await parseScenarioText(text, file);
  return {
    scenario: validateScenario(data, schema, file),
    input: data ?? {},
    source: file,
    baseDir: dirname(resolve(file)),
  };
}
