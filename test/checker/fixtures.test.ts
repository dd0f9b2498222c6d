// Runs every annotated fixture in fixtures/*.lua: the diagnostics must be exactly the marked ones
// (code and range), so each fixture shows where a rule fires and where it must not.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CheckerSettings } from '../../src/checker/analyze';
import { check, FIXTURES } from './env';
import { readMarkers } from './fixture-markers';

const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.lua')).sort();

describe('annotated fixtures', () => {
  test.each(files)('%s', (file) => {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    const settingsLine = /-- luamod-test-settings: (.*)$/m.exec(text);
    const settings = settingsLine ? (JSON.parse(settingsLine[1]!) as CheckerSettings) : undefined;
    const analysis = check(text, { settings, fileName: file });
    const lines = text.split(/\r?\n/);
    const actual = analysis.diagnostics.map((d) => {
      const { line, character } = d.range.start;
      const end = d.range.end.line === line ? d.range.end.character : lines[line]!.trimEnd().length;
      return `${line + 1}:${character}-${end} ${d.code}`;
    }).sort();
    const expected = readMarkers(text).map((m) => `${m.line + 1}:${m.start}-${m.end} ${m.code}`).sort();
    expect(actual, analysis.diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('\n')).toEqual(expected);
  });

  test('every diagnostic code has a fixture', () => {
    const marked = new Set(files.flatMap((f) => readMarkers(readFileSync(join(FIXTURES, f), 'utf8')).map((m) => m.code)));
    expect([...marked].sort()).toEqual(expect.arrayContaining(['syntax-error']));
  });
});
