// Every service feature is total: on truncated, spliced and garbled Lua, at any position, it
// returns a value and never throws (property test with fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeActions } from '../../src/service/codeAction';
import { completion, resolveCompletion } from '../../src/service/completion';
import { definition } from '../../src/service/definition';
import { documentDiagnostics } from '../../src/service/diagnostics';
import { documentHighlight } from '../../src/service/documentHighlight';
import { documentSymbol } from '../../src/service/documentSymbol';
import { foldingRanges } from '../../src/service/foldingRange';
import { hover } from '../../src/service/hover';
import { inlayHints } from '../../src/service/inlayHint';
import { references } from '../../src/service/references';
import { prepareRename, rename } from '../../src/service/rename';
import { selectionRanges } from '../../src/service/selectionRange';
import { semanticTokens } from '../../src/service/semanticTokens';
import { signatureHelp } from '../../src/service/signatureHelp';
import { typeDefinition } from '../../src/service/typeDefinition';
import { createSnapshot } from '../../src/service/snapshot';
import { settings, testProject } from './helpers';

const SEED = [
  'local time = require("time")',
  'local json = require("json")',
  'local M = { count = 0 }',
  'function M:add(n) self.count = self.count + n return self end',
  'local t = time.now()',
  'local s, err = json.encode({ at = t:unix(), list = { 1, 2, 3 } })',
  'if err then print(err:message()) return end',
  'for i, v in ipairs({ "a", "b" }) do print(i, v:upper(), string.format("%d", i)) end',
  '--[[ long',
  'comment ]] local x <const> = 1',
  'print(M:add(1).count, s, #s)',
].join('\n');

const text = fc.oneof(
  fc.nat({ max: SEED.length }).map((n) => SEED.slice(0, n)),
  fc.tuple(fc.nat({ max: SEED.length }), fc.nat({ max: SEED.length }), fc.string({ maxLength: 6 })).map(([a, b, ins]) => SEED.slice(0, Math.min(a, b)) + ins + SEED.slice(Math.max(a, b))),
  fc.string({ maxLength: 80 }),
  fc.uint8Array({ maxLength: 120 }).map((b) => Buffer.from(b).toString('latin1')),
);
const position = fc.record({ line: fc.nat({ max: 14 }), character: fc.nat({ max: 90 }) });

describe('service features are total', () => {
  it('never throw, whatever the text and the position', () => {
    const s = settings();
    fc.assert(
      fc.property(text, position, position, (src, p, q) => {
        const snap = createSnapshot('file:///fuzz.lua', 1, src, testProject());
        const range = p.line < q.line || (p.line === q.line && p.character <= q.character) ? { start: p, end: q } : { start: q, end: p };
        const list = completion(snap, p, s);
        for (const item of list.items.slice(0, 3)) resolveCompletion(snap, item);
        hover(snap, p);
        signatureHelp(snap, p);
        definition(snap, p);
        typeDefinition(snap, p);
        references(snap, p, true);
        documentHighlight(snap, p);
        prepareRename(snap, p);
        rename(snap, p, 'renamed');
        documentSymbol(snap);
        semanticTokens(snap);
        semanticTokens(snap, range);
        inlayHints(snap, range, s);
        codeActions(snap, range, []);
        foldingRanges(snap);
        selectionRanges(snap, [p, q]);
        expect(Array.isArray(documentDiagnostics(snap))).toBe(true);
      }),
      { numRuns: 300, seed: 1 },
    );
  });
});
