// Fuzzes the REAL language server (dist/server.js --stdio over vscode-jsonrpc): random incremental
// edit sessions with requests interleaved. The server must answer every request, log no handler
// failure, and end each session holding exactly the client's text: every text-derived answer
// (semantic tokens, symbols, folding, diagnostics) equals the answer for a fresh copy of that text.
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../server/lsp-client';
import { fcParams, fuzzTimeout, reportFigures } from './support/config';
import { luaSamples } from './support/lua-corpus';
import { changeRange, requestParams, step, type Step } from './support/lsp-edits';

const samples = luaSamples(2).filter((s) => s.text.length < 20_000);
const ANSWER_BOUND_MS = 20_000;
/** Text-derived answers compared between the edited document and a fresh copy. */
const PROBES = ['textDocument/semanticTokens/full', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/diagnostic'];

let server: TestServer;
let session = 0;
let requests = 0;
let edits = 0;

/** Resolves with the answer or rejects after ANSWER_BOUND_MS (a hang detector). */
function answer(method: string, params: unknown): Promise<unknown> {
  requests++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${method}: no answer within ${ANSWER_BOUND_MS} ms`)), ANSWER_BOUND_MS);
    server.request(method, params).then(
      (r) => { clearTimeout(timer); resolve(r); },
      (e: { code?: number; message?: string }) => {
        clearTimeout(timer);
        // An error answer is an answer (e.g. rename: "nothing to rename here", a request overtaken by
        // edits: cancelled / content modified), except internal errors and refused valid params.
        if (e.code !== -32603 && e.code !== -32602) resolve(null);
        else reject(new Error(`${method}: error answer ${e.code} ${e.message}`));
      },
    );
  });
}

const handlerFailures = (): string[] => server.logs.filter((l) => /failed|uncaught|unhandled/i.test(l));

/** Runs one session; returns a description of what went wrong, or undefined. */
async function runSession(seed: string, steps: readonly Step[]): Promise<string | undefined> {
  const n = ++session;
  const uri = `file:///fuzz/session-${n}.lua`;
  const copyUri = `file:///fuzz/copy-${n}.lua`;
  let doc = TextDocument.create(uri, 'lua', 1, seed);
  server.open(uri, seed, 1);
  const pending: Promise<unknown>[] = [];
  for (const s of steps) {
    if (s.kind === 'request') {
      const p = answer(s.method, requestParams(s.method, uri, doc, s.at));
      if (s.wait) await p;
      else pending.push(p);
      continue;
    }
    const changes = s.kind === 'replace-all' ? [{ text: s.text }] : [];
    if (s.kind === 'edit') {
      // Each change's range refers to the text after the previous change (as LSP specifies).
      let scratch = doc;
      for (const c of s.changes) {
        const change = { range: changeRange(scratch, c), text: c.text };
        changes.push(change as never);
        scratch = TextDocument.update(TextDocument.create(uri, 'lua', 0, scratch.getText()), [change], 0);
      }
    }
    doc = TextDocument.update(doc, changes, doc.version + 1);
    edits++;
    server.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: changes });
  }
  await Promise.all(pending);
  server.open(copyUri, doc.getText(), 1);
  try {
    for (const method of PROBES) {
      const [edited, fresh] = await Promise.all([answer(method, { textDocument: { uri } }), answer(method, { textDocument: { uri: copyUri } })]);
      const a = JSON.stringify(edited).replaceAll(uri, 'URI');
      const b = JSON.stringify(fresh).replaceAll(copyUri, 'URI');
      if (a !== b) return `${method} differs between the edited document and a fresh copy of the client's text:\n${a.slice(0, 300)}\n${b.slice(0, 300)}`;
    }
  } finally {
    server.notify('textDocument/didClose', { textDocument: { uri } });
    server.notify('textDocument/didClose', { textDocument: { uri: copyUri } });
  }
  const failures = handlerFailures();
  if (failures.length) return `server logged handler failures:\n${failures.slice(0, 3).join('\n').slice(0, 1500)}`;
  return undefined;
}

describe('language server fuzz', () => {
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    reportFigures('server', { sessions: session, edits, requests });
    expect(await server.stop()).toBe(0);
  });

  test('random incremental edits with requests interleaved: answers, no failures, same text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(step, { minLength: 1, maxLength: 25 }), async (i, steps) => {
        const seed = samples[i % samples.length]!.text;
        const problem = await runSession(seed, steps);
        if (problem) {
          server.logs.length = 0;
          throw new Error(problem);
        }
      }),
      fcParams(40),
    );
  }, fuzzTimeout());

  test('the oracle notices a desync: an edit the client did not make changes the probes', async () => {
    const text = samples[0]!.text;
    const [uri, copyUri] = ['file:///fuzz/desync.lua', 'file:///fuzz/desync-copy.lua'];
    server.open(uri, text, 1);
    server.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'local zz = 1\n' }] });
    server.open(copyUri, text, 1);
    const answers = await Promise.all(PROBES.map(async (method) => [
      JSON.stringify(await answer(method, { textDocument: { uri } })).replaceAll(uri, 'URI'),
      JSON.stringify(await answer(method, { textDocument: { uri: copyUri } })).replaceAll(copyUri, 'URI'),
    ]));
    expect(answers.some(([a, b]) => a !== b)).toBe(true);
    server.notify('textDocument/didClose', { textDocument: { uri } });
    server.notify('textDocument/didClose', { textDocument: { uri: copyUri } });
  });

  test('a long session on one document keeps the server in sync', async () => {
    const steps = fc.sample(fc.array(step, { minLength: 300, maxLength: 300 }), { numRuns: 1, seed: 42 })[0]!;
    expect(await runSession(samples[0]!.text, steps)).toBeUndefined();
  }, fuzzTimeout());
});
