// documentDiagnostics: codes, codeDescription links, tags, severities; settings merging.
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { docsLink, documentDiagnostics } from '../../src/service/diagnostics';
import { createProject } from '../../src/service/project';
import { defaultSettings, mergeSettings } from '../../src/service/settings';
import { snap, testProject } from './helpers';

describe('documentDiagnostics', () => {
  it('carries the code, a docs link, the source and the severity', () => {
    const f = snap('local time = require("time")\nprint(time.noww())\n');
    const [d] = documentDiagnostics(f.snap);
    expect(d).toMatchObject({ code: 'undefined-field', severity: DiagnosticSeverity.Error, source: 'luamod' });
    expect(d!.codeDescription!.href).toMatch(/diagnostics\.md#undefined-field$/);
    expect(d!.range).toEqual({ start: { line: 1, character: 11 }, end: { line: 1, character: 15 } });
  });

  it('tags unused and unreachable code as unnecessary', () => {
    const f = snap('local function f()\n  error("boom")\n  print(2)\nend\nlocal unused = f()\n');
    const byCode = Object.fromEntries(documentDiagnostics(f.snap).map((d) => [d.code, d]));
    expect(byCode['unused-local']!.tags).toContain(DiagnosticTag.Unnecessary);
    expect(byCode['unreachable-code']!.tags).toContain(DiagnosticTag.Unnecessary);
    expect(byCode['unused-local']!.severity).toBe(DiagnosticSeverity.Hint);
  });

  it('reports one syntax error on broken text and keeps going', () => {
    const f = snap('local x = \nprint(y.)\n');
    expect(documentDiagnostics(f.snap).filter((d) => d.code === 'syntax-error').length).toBe(1);
  });

  it('applies project severities (editor overrides are merged into them)', () => {
    const p = createProject({ root: undefined, registry: testProject().registry, settings: { diagnostics: { 'unused-local': 'off', 'undefined-global': 'error' } } });
    const f = snap('local unused = 1\nprint(nope)\n', p);
    const ds = documentDiagnostics(f.snap);
    expect(ds.map((d) => d.code)).toEqual(['undefined-global']);
    expect(ds[0]!.severity).toBe(DiagnosticSeverity.Error);
  });

  it('links to the anchor of the code', () => {
    expect(docsLink('need-check-nil')).toMatch(/#need-check-nil$/);
  });
});

describe('settings', () => {
  it('merges field by field and ignores wrong types', () => {
    const s = mergeSettings(defaultSettings, { inlayHints: { parameterNames: 'yes', variableTypes: false }, diagnostics: { debounceMs: -5, severity: { 'unused-local': 'off', bad: 3 } }, manifests: ['m', 4], trace: { server: 'verbose' } });
    expect(s.inlayHints).toEqual({ enable: true, parameterNames: true, variableTypes: false });
    expect(s.diagnostics.debounceMs).toBe(100);
    expect(s.diagnostics.severity).toEqual({ 'unused-local': 'off' });
    expect(s.manifests).toEqual(['m']);
    expect(s.logLevel).toBe('debug');
    expect(mergeSettings(defaultSettings, 'garbage')).toEqual(defaultSettings);
  });
});
