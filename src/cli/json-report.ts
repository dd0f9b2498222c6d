// `luamod test --reporter json`: the results as one JSON document on stdout, the machine interface
// editors and CI scripts read (docs/testing.md describes it). Per file and per test: name, status,
// duration, and for failures the message, file, line and expected/actual when known.
import type { TestCaseResult, TestFileResult } from '../runtime/test-runner';

/** The report's format version (bumped on an incompatible change). */
export const JSON_REPORT_VERSION = 1;

export interface JsonTestCase {
  readonly name: string;
  readonly status: 'passed' | 'failed';
  /** Wall time of the test in ms (absent when the file failed to load). */
  readonly durationMs?: number;
  readonly message?: string;
  /** The file the line is in: the test file, or a module it required. */
  readonly file: string;
  readonly line?: number;
  readonly expected?: string;
  readonly actual?: string;
}

export interface JsonTestFile {
  readonly file: string;
  readonly passed: number;
  readonly failed: number;
  readonly durationMs: number;
  readonly tests: JsonTestCase[];
}

export interface JsonReport {
  readonly version: number;
  readonly passed: number;
  readonly failed: number;
  readonly durationMs: number;
  readonly files: JsonTestFile[];
}

/** The report for `files` (paths as shown to the user); `durationMs` is the whole run's wall time. */
export function jsonReport(files: ReadonlyArray<{ path: string; result: TestFileResult; durationMs: number }>, durationMs: number): JsonReport {
  const out = files.map(({ path, result, durationMs: fileMs }): JsonTestFile => ({
    file: path,
    passed: result.tests.filter((t) => t.ok).length,
    failed: result.tests.filter((t) => !t.ok).length,
    durationMs: round(fileMs),
    tests: result.tests.map((t) => jsonCase(path, t)),
  }));
  return {
    version: JSON_REPORT_VERSION,
    passed: out.reduce((n, f) => n + f.passed, 0),
    failed: out.reduce((n, f) => n + f.failed, 0),
    durationMs: round(durationMs),
    files: out,
  };
}

function jsonCase(path: string, t: TestCaseResult): JsonTestCase {
  return {
    name: t.name,
    status: t.ok ? 'passed' : 'failed',
    ...(t.durationMs !== undefined ? { durationMs: round(t.durationMs) } : {}),
    ...(t.message !== undefined ? { message: t.message } : {}),
    file: t.file ?? path,
    ...(t.line !== undefined ? { line: t.line } : {}),
    ...(t.expected !== undefined ? { expected: t.expected } : {}),
    ...(t.actual !== undefined ? { actual: t.actual } : {}),
  };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;
