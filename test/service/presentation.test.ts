// semanticTokens, inlayHints, foldingRanges, selectionRanges.
import { describe, expect, it } from 'vitest';
import type { SelectionRange } from 'vscode-languageserver-types';
import { foldingRanges } from '../../src/service/foldingRange';
import { inlayHints } from '../../src/service/inlayHint';
import { selectionRanges } from '../../src/service/selectionRange';
import { semanticTokens, semanticTokensLegend } from '../../src/service/semanticTokens';
import { settings, snap } from './helpers';

/** Decodes tokens into `text:type[+modifiers]` strings. */
function decode(text: string, data: number[]): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  let line = 0;
  let ch = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    ch = data[i]! === 0 ? ch + data[i + 1]! : data[i + 1]!;
    const word = lines[line]!.slice(ch, ch + data[i + 2]!);
    const mods = semanticTokensLegend.tokenModifiers.filter((_, b) => data[i + 4]! & (1 << b));
    out.push(`${word}:${semanticTokensLegend.tokenTypes[data[i + 3]!]}${mods.length ? '+' + mods.join('+') : ''}`);
  }
  return out;
}

const ALL = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

describe('semanticTokens', () => {
  const src = 'local time = require("time")\nlocal function f(a)\n  return a\nend\nlocal t = time.now()\nprint(t:unix(), f(1))\n';

  it('an unknown member of a module (a typo) is not marked as library code', () => {
    const f = snap('local time = require("time")\nlocal x = time.nwo\n');
    expect(decode(f.text, semanticTokens(f.snap).data)).toContain('nwo:property');
    expect(decode(f.text, semanticTokens(f.snap).data).filter((t) => t.startsWith('nwo'))).toEqual(['nwo:property']);
  });

  it('classifies modules, module members, methods, locals, parameters and globals', () => {
    const f = snap(src);
    expect(decode(f.text, semanticTokens(f.snap).data)).toEqual([
      'time:namespace+declaration+readonly',
      'require:function+defaultLibrary',
      'f:function+declaration',
      'a:parameter+declaration',
      'a:parameter',
      't:variable+declaration+readonly',
      'time:namespace+readonly',
      'now:function+readonly+defaultLibrary',
      'print:function+defaultLibrary',
      't:variable+readonly',
      'unix:method+readonly+defaultLibrary',
      'f:function',
    ]);
  });

  it('limits a range request to the range', () => {
    const f = snap(src);
    const r = semanticTokens(f.snap, { start: { line: 4, character: 0 }, end: { line: 4, character: 30 } });
    const words = decode(f.text, r.data);
    expect(words).toContain('now:function+readonly+defaultLibrary');
    expect(words).not.toContain('print:function+defaultLibrary');
  });
});

describe('inlayHints', () => {
  const src = 'local time = require("time")\nlocal t = time.now()\nlocal d = time.parse_duration("1s")\nlocal n = 1\n';

  it('shows parameter names at module calls and inferred local types', () => {
    const f = snap(src);
    const labels = inlayHints(f.snap, ALL, settings()).map((h) => `${h.position.line}:${h.position.character}:${h.label}`);
    expect(labels).toEqual(expect.arrayContaining(['1:7:: time.Time', '2:30:s:']));
    expect(labels.some((l) => l.startsWith('0:'))).toBe(false); // no hint on the module local
    expect(labels.some((l) => l.startsWith('3:'))).toBe(false); // nor on a literal
  });

  it('honours the settings', () => {
    const f = snap(src);
    expect(inlayHints(f.snap, ALL, settings({ inlayHints: { parameterNames: false } })).every((h) => h.kind === 1)).toBe(true);
    expect(inlayHints(f.snap, ALL, settings({ inlayHints: { variableTypes: false } })).every((h) => h.kind === 2)).toBe(true);
    expect(inlayHints(f.snap, ALL, settings({ inlayHints: { enable: false } }))).toEqual([]);
  });
});

describe('foldingRanges', () => {
  it('folds blocks, tables, long comments and comment runs, keeping the closing line', () => {
    const f = snap('local function f()\n  if x then\n    print(1)\n  end\nend\n--[[ a\nb\n]]\nlocal t = {\n  a = 1,\n}\n-- one\n-- two\n');
    const ranges = foldingRanges(f.snap).map((r) => `${r.startLine}-${r.endLine}${r.kind ? ':' + r.kind : ''}`);
    expect(ranges).toEqual(expect.arrayContaining(['0-3', '1-2', '5-7:comment', '8-9', '11-12:comment']));
  });
});

describe('selectionRanges', () => {
  it('expands from the word to the enclosing expression, statement and chunk', () => {
    const f = snap('local x = 1\nlocal y = foo(a, b$0c)\n');
    const [r] = selectionRanges(f.snap, [f.cursor]);
    const spans: string[] = [];
    for (let s: SelectionRange | undefined = r; s; s = s.parent) spans.push(`${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}`);
    expect(spans[0]).toBe('1:17-1:19'); // bc
    expect(spans).toContain('1:10-1:20'); // foo(a, bc)
    expect(spans).toContain('1:0-1:20'); // the statement
    expect(spans[spans.length - 1]).toBe('0:0-2:0'); // the document
  });
});
