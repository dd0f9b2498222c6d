// `luamod test --junit FILE`: the results as JUnit XML, the report format CI systems (GitLab,
// Jenkins, GitHub test-reporter actions, Azure) read: one <testsuite> per test file, one <testcase>
// per test, a <failure> with the message, position and expected/actual for each failing test.
import type { TestFileResult } from '../runtime/test-runner';

/** Characters XML 1.0 cannot hold at all (control characters other than tab, LF, CR). */
const INVALID_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xml(s: string): string {
  return s.replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function seconds(ms: number | undefined): string {
  return ((ms ?? 0) / 1000).toFixed(3);
}

/** The JUnit XML document for `files` (paths as shown to the user). */
export function junitReport(files: ReadonlyArray<{ path: string; result: TestFileResult }>): string {
  const total = files.reduce((n, f) => n + f.result.tests.length, 0);
  const failed = files.reduce((n, f) => n + f.result.tests.filter((t) => !t.ok).length, 0);
  const time = files.reduce((n, f) => n + f.result.tests.reduce((m, t) => m + (t.durationMs ?? 0), 0), 0);
  const out = [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="luamod test" tests="${total}" failures="${failed}" time="${seconds(time)}">`];
  for (const { path, result } of files) {
    const suiteFailed = result.tests.filter((t) => !t.ok).length;
    const suiteTime = result.tests.reduce((m, t) => m + (t.durationMs ?? 0), 0);
    out.push(`  <testsuite name="${xml(path)}" tests="${result.tests.length}" failures="${suiteFailed}" time="${seconds(suiteTime)}">`);
    for (const t of result.tests) {
      const head = `    <testcase name="${xml(t.name)}" classname="${xml(path)}" time="${seconds(t.durationMs)}"`;
      if (t.ok) { out.push(`${head}/>`); continue; }
      const where = `${t.chunk ?? path}${t.line !== undefined ? `:${t.line}` : ''}`;
      const message = t.message ?? 'failed';
      const detail = [`${where}: ${message}`,
        ...(t.expected !== undefined || t.actual !== undefined ? [`expected: ${t.expected ?? ''}`, `actual:   ${t.actual ?? ''}`] : [])].join('\n');
      out.push(`${head}>`, `      <failure message="${xml(message)}" type="failure">${xml(detail)}</failure>`, `    </testcase>`);
    }
    out.push(`  </testsuite>`);
  }
  out.push(`</testsuites>`, '');
  return out.join('\n');
}
