// Signature help: the signature of the function being called at the cursor, the active parameter
// and each parameter's documentation. The call is found in the text (it may not be closed yet).
import type { ParameterInformation, Position, SignatureHelp } from 'vscode-languageserver-types';
import { showType } from './show-type';
import type { Field, FunctionType, Type } from '../types/type';
import type { Snapshot } from './snapshot';
import { paramDocsAbove } from './doc-comment';
import { targetAt } from './target';
import { asFunction } from './function-type';

/** How far back to look for the open parenthesis of the call. */
const MAX_SCAN = 4000;

export function signatureHelp(snap: Snapshot, pos: Position): SignatureHelp | null {
  const offset = snap.offsetAt(pos);
  const call = openCall(snap.text, offset);
  if (!call) return null;
  let calleeEnd = call.paren;
  while (calleeEnd > 0 && /\s/.test(snap.text[calleeEnd - 1]!)) calleeEnd--;
  const t = targetAt(snap, calleeEnd);
  const type: Type | undefined =
    (t?.kind === 'member' ? t.field?.type : t?.kind === 'global' ? t.type : undefined) ?? snap.analysis.typeAt(calleeEnd);
  const fn = type && asFunction(type);
  if (!fn) return null;
  const field: Field | undefined = t?.kind === 'member' || t?.kind === 'global' ? t.field : undefined;
  // The user's own functions: `---@param name type description` above the declaration.
  const userDocs = t?.kind === 'local' ? paramDocsAbove(snap, declarationStart(snap, t.symbol.symbol.decl.range[0])) : {};
  const method = snap.text.slice(0, calleeEnd).replace(/[A-Za-z_]\w*$/, '').trimEnd().endsWith(':');
  const name = t && 'name' in t ? t.name : t?.kind === 'local' ? t.symbol.name : 'function';
  // A function with `---@overload`s shows each signature; the first with room for the cursor's argument is active.
  const signatures = [fn, ...snap.analysis.overloadsOf(fn)].map((f) => signatureOf(f, name, method, (p) => field?.params?.[p] ?? userDocs[p]));
  let activeSignature = signatures.findIndex((s) => s.parameters.length > call.commas || s.variadic);
  if (activeSignature < 0) activeSignature = 0;
  // The argument the cursor is in, as a parameter of `s` (extra arguments belong to `...`).
  const activeIn = (s: Signature): number => {
    const i = call.commas >= s.fixed && s.variadic ? s.fixed : call.commas;
    return Math.min(i, Math.max(0, s.parameters.length - 1));
  };
  return {
    signatures: signatures.map((s) => ({
      label: s.label,
      parameters: s.parameters,
      ...(field?.description ? { documentation: { kind: 'markdown' as const, value: field.description } } : {}),
      activeParameter: activeIn(s),
    })),
    activeSignature,
    activeParameter: activeIn(signatures[activeSignature]!),
  };
}

interface Signature { label: string; parameters: ParameterInformation[]; fixed: number; variadic: boolean }

/** `name(a: T, b?: U, ...V) -> R` with the offsets of each parameter in the label. */
function signatureOf(fn: FunctionType, name: string, method: boolean, docOf: (param: string) => string | undefined): Signature {
  const params = fn.params.filter((p, i) => !(method && i === 0 && (p.name === 'self' || p.type.kind === 'self')));
  let label = `${name}(`;
  const parameters: ParameterInformation[] = [];
  params.forEach((p, i) => {
    if (i > 0) label += ', ';
    const text = `${p.name}${p.optional ? '?' : ''}: ${showType(p.type)}`;
    const doc = docOf(p.name);
    parameters.push({ label: [label.length, label.length + text.length], ...(doc ? { documentation: { kind: 'markdown', value: doc } } : {}) });
    label += text;
  });
  if (fn.variadic) {
    if (params.length) label += ', ';
    const text = `...${showType(fn.variadic)}`;
    parameters.push({ label: [label.length, label.length + text.length] });
    label += text;
  }
  label += ')';
  const returns = fn.returns.map((r) => showType(r));
  if (returns.length) label += ` -> ${returns.length === 1 ? returns[0] : `(${returns.join(', ')})`}`;
  return { label, parameters, fixed: params.length, variadic: !!fn.variadic };
}

/** Start of the statement line declaring a name (`local function f` starts before `f`). */
function declarationStart(snap: Snapshot, offset: number): number {
  return snap.lines.lineStarts[snap.lines.lineOf(offset)]!;
}

/** The unmatched `(` before `offset` and the number of top-level commas after it. */
export function openCall(text: string, offset: number): { paren: number; commas: number } | undefined {
  let depth = 0;
  let commas = 0;
  const stop = Math.max(0, offset - MAX_SCAN);
  for (let i = offset - 1; i >= stop; i--) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const open = text.lastIndexOf(c, i - 1);
      if (open < 0 || text.slice(open, i).includes('\n')) return undefined; // inside a string
      i = open;
    } else if (c === ')' || c === '}' || c === ']') depth++;
    else if (c === '(' || c === '{' || c === '[') {
      if (depth === 0) return c === '(' ? { paren: i, commas } : undefined;
      depth--;
    } else if (c === ',' && depth === 0) commas++;
    else if (c === '\n' && /^\s*(local|function|return|if|for|while|end)\b/.test(text.slice(i + 1, offset)) && depth === 0) return undefined;
  }
  return undefined;
}
