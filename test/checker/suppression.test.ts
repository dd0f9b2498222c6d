// `---@diagnostic` comments and per-code severities from the settings.
import { describe, expect, test } from 'vitest';
import { check, codes } from './env';

describe('suppression comments', () => {
  test('disable-next-line silences the listed codes on the next line only', () => {
    const src = '---@diagnostic disable-next-line: undefined-global\nprint(a1)\nprint(a2)\n';
    expect(codes(check(src))).toEqual(['3:7 undefined-global']);
  });

  test('disable-next-line with a list, and other codes still fire', () => {
    const src = 'local t = {}\n---@diagnostic disable-next-line: undefined-global, need-check-nil\nprint(a1, t.x)\n';
    expect(codes(check(src))).toEqual(['3:13 undefined-field']);
  });

  test('disable ... enable covers the lines between', () => {
    const src = '---@diagnostic disable: undefined-global\nprint(a1)\nprint(a2)\n---@diagnostic enable: undefined-global\nprint(a3)\n';
    expect(codes(check(src))).toEqual(['5:7 undefined-global']);
  });

  test('disable without enable runs to the end of the file', () => {
    expect(codes(check('print(a0)\n---@diagnostic disable: undefined-global\nprint(a1)\nprint(a2)\n'))).toEqual(['1:7 undefined-global']);
  });

  test('syntax errors cannot be silenced', () => {
    expect(codes(check('---@diagnostic disable: syntax-error\nlocal = 1\n'))).toEqual(['2:7 syntax-error']);
  });
});

describe('severity settings', () => {
  test('a code can be turned off or given another severity', () => {
    const src = 'local unused = 1\nprint(nope)\n';
    const a = check(src, { settings: { diagnostics: { 'unused-local': 'off', 'undefined-global': 'error' } } });
    expect(a.diagnostics.map((d) => `${d.code}:${d.severity}`)).toEqual(['undefined-global:error']);
  });

  test('configured globals are known, with their types', () => {
    const a = check('print(app.name)\napp()\n', { settings: { globals: { app: '{name: string}' } } });
    expect(codes(a)).toEqual(['2:1 not-callable']);
  });

  test('globalModules: false hides modules as globals', () => {
    expect(codes(check('print(clock.now())', { settings: { globalModules: false } }))).toEqual(['1:7 undefined-global']);
    expect(codes(check('print(clock.now())'))).toEqual([]);
  });

  test('workflow from the options as well as from --!workflow', () => {
    expect(codes(check('local c = require("clock")\nprint(c)', { workflow: true }))).toEqual(['1:11 workflow-unsafe']);
  });
});
