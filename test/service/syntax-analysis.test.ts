// Documents over LARGE_DOCUMENT_BYTES get a syntax-only analysis: outline and locals still work.
import { describe, expect, it } from 'vitest';
import { documentSymbol } from '../../src/service/documentSymbol';
import { references } from '../../src/service/references';
import { syntaxOnlyAnalysis } from '../../src/service/syntax-analysis';
import { createSnapshot } from '../../src/service/snapshot';
import { hover } from '../../src/service/hover';
import { testProject } from './helpers';

describe('syntaxOnlyAnalysis', () => {
  const text = 'local count = 1\nlocal function bump() count = count + 1 end\nprint(count)\nlocal broken = (\n';
  const project = testProject();
  const big = { ...project, analyze: () => syntaxOnlyAnalysis(text, project.env) };

  it('reports syntax errors only', () => {
    expect(syntaxOnlyAnalysis(text, project.env).diagnostics.map((d) => d.code)).toEqual(['syntax-error']);
  });

  it('keeps the outline, references and hover on locals', () => {
    const snap = createSnapshot('file:///big.lua', 1, text, big);
    expect(documentSymbol(snap).map((s) => s.name)).toEqual(['count', 'bump', 'broken']);
    expect(references(snap, { line: 2, character: 7 }, true).map((l) => l.range.start.line)).toEqual([0, 1, 1, 2]);
    expect((hover(snap, { line: 0, character: 7 })!.contents as { value: string }).value).toContain('local count: any');
  });
});

describe('failedAnalysis', () => {
  it('keeps every feature answering when the checker throws on a text', () => {
    const throwing = { ...testProject(), analyze: () => { throw new TypeError('parser exploded'); } };
    const snap = createSnapshot('file:///bad.lua', 1, 'local x = 1\n', throwing);
    expect(snap.analysis.diagnostics.map((d) => d.message)).toEqual(['luamod could not analyze this document: parser exploded']);
    expect(documentSymbol(snap)).toEqual([]);
    expect(hover(snap, { line: 0, character: 7 })).toBeNull();
  });

  it('survives control characters that make the parser throw', () => {
    const snap = createSnapshot('file:///ctl.lua', 1, '\u00ff\u0001\u00c8\u0003', testProject());
    expect(snap.analysis.diagnostics.map((d) => d.code)).toEqual(['syntax-error']);
    expect(documentSymbol(snap)).toEqual([]);
  });
});
