// analyze(text, options) → Analysis: the checker's one entry point, shared by `luamod check`, the
// language server and the tests. Pure: same text and options, same result. Never throws on input.
//
// API (stable; see docs/checker.md):
//   analyze(text, { env, settings?, fileName?, workflow? }) → Analysis
//   Analysis.diagnostics   CheckDiagnostic[] {code, severity, range (LSP, 0-based, UTF-16), message,
//                          args, tags?: ('unnecessary'|'deprecated')[], data? (e.g. {suggestions})}
//   Analysis.parse         {chunk (luaparse AST, ranges = UTF-16 offsets, maybe repaired), syntaxErrors, comments}
//   Analysis.lines         LineIndex: positionAt(offset), offsetAt(position), rangeOf(start, end)
//   Analysis.symbols       SymbolInfo[] (locals, params, functions, labels; lazily computed)
//   Analysis.moduleBindings  [{name, module, range}] for each `require` / module global used
//   Analysis.typeAt(offset) / nodeAt(offset) / symbolAt(offset) / scopeAt(offset)
//   Analysis.memberOwnerAt(offset)   the receiver before `.`/`:` at the cursor, with its members
//                                    (works on text that does not parse, e.g. `time.` at end of line)
//   Analysis.membersOf(type)         members of any type (record fields, methods, string methods)
//   Analysis.resolveType(name)       a named type (this file's classes and aliases, manifest types)
//   Analysis.overloadsOf(fn)         the `---@overload` signatures of one of the file's functions
//   Analysis.exports                 what the file gives its project (require type, member sites, types, globals)
import type { Chunk, FunctionDeclaration, Node } from 'luaparse';
import { tryParseType } from '../types/parse';
import type { Field, FunctionType, Type } from '../types/type';
import { readAnnotations } from './annotations';
import { bind, type LuaSymbol, type SymbolKind } from './binder';
import { CheckContext, type ModuleBinding, type RawDiagnostic } from './context';
import { DEFAULT_MAX_DIAGNOSTICS, DIAGNOSTICS, type Severity, type SeverityLevel } from './diagnostic-codes';
import type { CheckerEnvironment } from './environment';
import { checkBlock } from './statements';
import { inheritDeclaredFields } from './classes';
import { breakTypeCycles } from './type-cycles';
import { globalNames, globalType } from './globals';
import { listMembers, lookupMember } from './members';
import { formatMessage } from './messages';
import { parseLua, type ParseResult } from './parse';
import { LineIndex, type Range } from './positions';
import { flushPendingFields } from './rules/undefined-field';
import { checkUnusedLocals } from './rules/unused-local';
import { checkAccidentalGlobals } from './rules/accidental-global';
import { readSuppressions, type Suppressions } from './suppress';
import { checkAnnotations } from './rules/annotation-error';
import { ANY } from './type-ops';
import { findNodeAt, nodePathAt } from './node-at';
import { resolveReceiver } from './receiver';
import { isStackOverflow, tooDeepParse } from './nesting-guard';
import { eachNode } from './each-node';
import { moduleExports, type ModuleExports } from './module-exports';
import type { ProjectLookup } from './project-lookup';
import { extendGlobals, hasIntegers, profileEnvironment, runtimeProfile, type RuntimeSettings } from './profile';

/** Per-project settings the checker reads (from `.luamodrc.json`, see src/config). */
export interface CheckerSettings {
  /** Extra globals: name → type in the notation (or a Type). */
  readonly globals?: Readonly<Record<string, string | Type>>;
  /** Per-code severity, or `off`. */
  readonly diagnostics?: Readonly<Record<string, SeverityLevel>>;
  /** Whether modules are also visible as globals (default true). */
  readonly globalModules?: boolean;
  /** Most diagnostics reported (default 1000); the rest become one `too-many-diagnostics`. */
  readonly maxDiagnostics?: number;
  /** The host profile: Lua version (grammar, integers, library) and library kind (see profile.ts). */
  readonly runtime?: RuntimeSettings;
}

export interface AnalyzeOptions {
  readonly env: CheckerEnvironment;
  readonly settings?: CheckerSettings;
  /** Used in messages only; the checker never reads files. */
  readonly fileName?: string;
  /** Check as a workflow script (also when the first line is `--!workflow`). */
  readonly workflow?: boolean;
  /**
   * The project's other files: `require` of a project file, their named types and top-level globals
   * (src/checker/workspace-modules.ts). Without it the file is checked as an island.
   */
  readonly project?: ProjectLookup;
}

/**
 * A diagnostic as the CLI and the server see it: the rule's raw finding (code, UTF-16 offsets
 * `start`/`end`, message args, tags, quick-fix `data` such as `{suggestions: ['unix']}` or
 * `{replace: ':'}`) with its severity, LSP range and message.
 */
export interface CheckDiagnostic extends RawDiagnostic {
  readonly severity: Severity;
  readonly range: Range;
  readonly message: string;
}

export interface SymbolInfo {
  readonly name: string;
  readonly kind: SymbolKind;
  /** The declaring statement (or the name, for parameters). */
  readonly range: Range;
  /** The name itself. */
  readonly selectionRange: Range;
  readonly type: Type;
  /** Reads and writes (not the declaration). */
  readonly references: readonly Range[];
  /** Offsets of the scope the name lives in. */
  readonly scope: { readonly start: number; readonly end: number };
  readonly symbol: LuaSymbol;
}

export interface VisibleName {
  readonly name: string;
  readonly kind: SymbolKind | 'global' | 'module';
  readonly type: Type;
  readonly field?: Field;
  readonly symbol?: LuaSymbol;
}

export interface MemberOwner {
  /** Receiver text, e.g. `time` or `t:unix()`. */
  readonly receiver: string;
  readonly type: Type;
  /** `:` (method call) or `.`. */
  readonly accessor: '.' | ':';
  /** Offsets of the partial member name typed so far. */
  readonly prefixStart: number;
  readonly prefix: string;
  readonly members: ReadonlyArray<{ name: string; field: Field; method: boolean }>;
}

export interface Analysis {
  readonly text: string;
  readonly lines: LineIndex;
  readonly parse: ParseResult;
  readonly diagnostics: readonly CheckDiagnostic[];
  readonly workflow: boolean;
  readonly moduleBindings: ReadonlyArray<ModuleBinding & { range: Range }>;
  readonly symbols: readonly SymbolInfo[];
  typeAt(offset: number): Type | undefined;
  nodeAt(offset: number): Node | undefined;
  symbolAt(offset: number): SymbolInfo | undefined;
  scopeAt(offset: number): VisibleName[];
  memberOwnerAt(offset: number): MemberOwner | undefined;
  membersOf(type: Type): ReadonlyArray<{ name: string; field: Field; method: boolean }>;
  /** The type of a name at `offset` as the checker sees it (local, configured, stdlib or module). */
  nameType(name: string, offset: number): Type | undefined;
  /** A named type: this file's `---@class`/`---@alias`, a manifest type (`time.Time`), or `Error`. */
  resolveType(name: string): Type | undefined;
  /** The `---@overload` signatures of one of this file's functions (empty when it has none). */
  overloadsOf(fn: FunctionType): readonly FunctionType[];
  /** What this file gives its project: the type `require` of it returns, its members' sites, types, globals (computed on first use). */
  readonly exports: ModuleExports;
}

/** Analyzes one Lua document. */
export function analyze(text: string, options: AnalyzeOptions): Analysis {
  const { version } = runtimeProfile(options.settings?.runtime);
  try {
    return analyzeParsed(text, parseLua(text, { version }), options);
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
    return analyzeParsed(text, tooDeepParse(text), options);
  }
}

function analyzeParsed(text: string, parsed: ParseResult, options: AnalyzeOptions): Analysis {
  const lines = new LineIndex(text);
  const annotations = readAnnotations(parsed.comments, lines);
  breakTypeCycles(annotations);
  const binding = bind(parsed.chunk);
  const settings = options.settings ?? {};
  const workflow = options.workflow === true || /^--!workflow\b/.test(text);
  const profile = runtimeProfile(settings.runtime);
  const { globals, dotted } = configuredGlobals(settings.globals);
  const env = extendGlobals(profileEnvironment(options.env, profile), globals, dotted);
  const ctx = new CheckContext(text, lines, binding, annotations, env, {
    globals,
    globalModules: settings.globalModules !== false,
    workflow,
    ...(options.project ? { project: options.project } : {}),
    integers: hasIntegers(profile.version),
    version: profile.version,
  }, parsed.chunk);
  inheritDeclaredFields(ctx);
  for (const e of parsed.syntaxErrors) ctx.report('syntax-error', [e.start, Math.max(e.end, e.start)], { message: e.message });
  checkBlock(ctx, parsed.chunk.body);
  flushPendingFields(ctx, parsed.chunk);
  checkAccidentalGlobals(ctx, parsed.chunk);
  checkUnusedLocals(ctx, binding.symbols);
  const suppressions = readSuppressions(parsed.comments, lines, parsed.chunk);
  checkAnnotations(ctx, suppressions);
  ctx.parseRepaired = parsed.repaired && parsed.syntaxErrors.length > 0;
  const diagnostics = finish(ctx, lines, suppressions, settings, parsed.chunk);
  return makeAnalysis(ctx, parsed, diagnostics, workflow);
}

/** Configured globals by name; keys with dots (`coroutine._yield`) extend tables (see extendGlobals). */
function configuredGlobals(settings: CheckerSettings['globals']): { globals: Map<string, Type>; dotted: Array<[string, Type]> } {
  const globals = new Map<string, Type>();
  const dotted: Array<[string, Type]> = [];
  for (const [name, t] of Object.entries(settings ?? {})) {
    const type = typeof t === 'string' ? (tryParseType(t).type ?? ANY) : t;
    if (name.includes('.')) dotted.push([name, type]);
    else globals.set(name, type);
  }
  return { globals, dotted };
}

function finish(ctx: CheckContext, lines: LineIndex, suppress: Suppressions, settings: CheckerSettings, chunk: Chunk): CheckDiagnostic[] {
  const out: CheckDiagnostic[] = [];
  for (const d of ctx.diagnostics) {
    const level = settings.diagnostics?.[d.code] ?? DIAGNOSTICS[d.code].severity;
    if (level === 'off') continue;
    const range = lines.rangeOf(d.start, d.end);
    if (d.code !== 'syntax-error' && suppress.isSuppressed(d.code, range.start.line, typeof d.args.name === 'string' ? d.args.name : undefined)) continue;
    out.push({
      code: d.code, severity: level, range, start: d.start, end: d.end,
      message: formatMessage(d.code, d.args), args: d.args,
      ...(d.tags ? { tags: d.tags } : {}), ...(d.data ? { data: d.data } : {}),
    });
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  let kept = ctx.parseRepaired ? withoutKnockOns(ctx, out) : out;
  // A `---@meta` file declares an API with stub bodies: their unused parameters, unreachable code
  // and missing returns are not findings.
  if (/^\s*---\s*@meta\b/m.test(ctx.text)) kept = kept.filter((d) => !META_QUIET.has(d.code));
  return capped(withoutOtherVersions(ctx, chunk, kept), settings);
}

/** At most `maxDiagnostics` (default 1000); the rest are summed up by one `too-many-diagnostics`. */
function capped(kept: CheckDiagnostic[], settings: CheckerSettings): CheckDiagnostic[] {
  const max = Math.max(1, settings.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS);
  if (kept.length <= max) return kept;
  const out = kept.slice(0, max);
  const restLevel = settings.diagnostics?.['too-many-diagnostics'] ?? DIAGNOSTICS['too-many-diagnostics'].severity;
  if (restLevel !== 'off') {
    // At the first diagnostic not shown, so the editor and the CLI list it where the others stop.
    const first = kept[max]!;
    const args = { count: kept.length - max, limit: max };
    out.push({ code: 'too-many-diagnostics', severity: restLevel, range: first.range, start: first.start, end: first.end, message: formatMessage('too-many-diagnostics', args), args });
  }
  return out;
}

/**
 * Code under a version test (`if _VERSION == "Lua 5.1" then ... loadstring(...) else ... end`, or a
 * flag such as `compat.lua51`) and the fallback of `name or <fallback>` for a global this version
 * has are written for another Lua: the names they use from that version's library are not
 * reported there (undefined-global, undefined-field).
 */
const META_QUIET = new Set(['unused-local', 'unreachable-code', 'return-type-mismatch']);

/**
 * A condition that tests the Lua version: `_VERSION`, a flag named for one (`compat.lua51`,
 * `is_luajit`), or a name only some versions have (`if setfenv then`, `if not table.unpack then`,
 * `if jit then`).
 */
const VERSION_TEST = /_VERSION|\blua_?5\d|lua5\d\b|luajit|\b(?:jit|bit32|bit|utf8|setfenv|getfenv|loadstring|newproxy|rawlen|table\.(?:unpack|pack|move|getn)|math\.(?:type|tointeger|pow|mod)|string\.pack|debug\.(?:upvaluejoin|getfenv)|package\.(?:searchers|loaders))\b/i;

function withoutOtherVersions(ctx: CheckContext, chunk: Chunk, diagnostics: CheckDiagnostic[]): CheckDiagnostic[] {
  if (!/_VERSION|lua_?5\d|jit| or |if /i.test(ctx.text) || !diagnostics.some((d) => d.code === 'undefined-global' || d.code === 'undefined-field')) return diagnostics;
  const guarded: Array<[number, number]> = [];
  eachNode(chunk.body, (n) => {
    // Every branch of an `if` that tests the version is for one version or another.
    if (n.type === 'IfStatement' && n.clauses.some((c) => c.type !== 'ElseClause' && VERSION_TEST.test(ctx.text.slice(c.condition.range[0], c.condition.range[1])))) {
      guarded.push(n.range);
    }
    // `setfenv = setfenv or function(f, t) ... end`: the fallback is for versions that lack what
    // this one has.
    if (n.type === 'LogicalExpression' && n.operator === 'or' && n.left.type === 'Identifier' && !ctx.binding.resolved.has(n.left) &&
        ctx.env.globals().has(n.left.name)) {
      guarded.push(n.right.range);
    }
  });
  if (guarded.length === 0) return diagnostics;
  return diagnostics.filter((d) => !((d.code === 'undefined-global' || d.code === 'undefined-field') && guarded.some(([s, e]) => s <= d.start && d.end <= e)));
}

/**
 * After a repaired syntax error the tree around it is a guess: findings on the error's line and the
 * next one are dropped, and so are the traces of a scope the repair cut short: undefined-global for
 * a name the file declares as a local or parameter, unused-local for a name also used as a global.
 */
function withoutKnockOns(ctx: CheckContext, diagnostics: CheckDiagnostic[]): CheckDiagnostic[] {
  const errorLines = new Set(diagnostics.filter((d) => d.code === 'syntax-error').flatMap((d) => [d.range.start.line, d.range.start.line + 1]));
  const nameOf = (d: CheckDiagnostic): string | undefined => (typeof d.args.name === 'string' ? d.args.name : undefined);
  const locals = new Set(ctx.binding.symbols.map((s) => s.name));
  const globals = new Set([...ctx.binding.globalWrites, ...diagnostics.filter((d) => d.code === 'undefined-global').map(nameOf)]);
  return diagnostics.filter((d) => {
    if (d.code === 'syntax-error') return true;
    if (errorLines.has(d.range.start.line)) return false;
    const name = nameOf(d);
    if (name === undefined) return true;
    if (d.code === 'undefined-global' || d.code === 'accidental-global') return !locals.has(name);
    if (d.code === 'unused-local') return !globals.has(name);
    return true;
  });
}

function makeAnalysis(ctx: CheckContext, parsed: ParseResult, diagnostics: CheckDiagnostic[], workflow: boolean): Analysis {
  const lines = ctx.lines;
  let symbols: SymbolInfo[] | undefined;
  let exports: ModuleExports | undefined;
  const chunk: Chunk = parsed.chunk;
  const symbolInfos = (): SymbolInfo[] => (symbols ??= ctx.binding.symbols.map((s) => {
    const range = lines.rangeOf(s.decl.range[0], s.decl.range[1]);
    return {
      name: s.name, kind: s.kind, range, selectionRange: range,
      type: s.declaredType ?? s.type ?? ANY,
      references: [...s.reads, ...s.writes].map((r) => lines.rangeOf(r.range[0], r.range[1])),
      scope: { start: s.scope.start, end: s.scope.end },
      symbol: s,
    };
  }));
  const visibleSymbols = (offset: number): LuaSymbol[] => {
    const out: LuaSymbol[] = [];
    const seen = new Set<string>();
    const scopes = ctx.binding.scopes.filter((s) => s.start <= offset && offset <= s.end).sort((a, b) => b.start - a.start);
    for (const scope of scopes) {
      for (let i = scope.symbols.length - 1; i >= 0; i--) {
        const s = scope.symbols[i]!;
        // A local is visible after its statement: at the statement's very end (`local v = sho|`,
        // the cursor still in the initializer) it is not yet in scope.
        if (s.visibleFrom > offset || (s.kind === 'local' && s.visibleFrom === offset) || seen.has(s.name) || s.kind === 'label') continue;
        seen.add(s.name);
        out.push(s);
      }
    }
    return out;
  };
  const symbolTypeAt = (s: LuaSymbol, offset: number): Type => {
    let best: Type | undefined;
    for (const r of s.reads) if (r.range[1] <= offset) best = ctx.nodeTypes.get(r) ?? best;
    return best ?? s.declaredType ?? s.type ?? ANY;
  };
  const nameType = (name: string, offset: number): Type | undefined => {
    const local = visibleSymbols(offset).find((s) => s.name === name);
    if (local) return symbolTypeAt(local, offset);
    if (!globalNames(ctx).includes(name)) return undefined;
    const quiet = new CheckContext(ctx.text, lines, ctx.binding, ctx.annotations, ctx.env, ctx.config, chunk);
    return globalType(quiet, { type: 'Identifier', name, range: [offset, offset] });
  };
  // Completion after `self.` in `function M:m()`: the checker types such a `self` as any (instances
  // carry fields the methods table lacks), but the members of M are still what the user wants listed.
  const receiverNameType = (name: string, offset: number): Type | undefined => {
    const t = nameType(name, offset);
    if (name !== 'self' || (t && t.kind !== 'any')) return t;
    let owner: FunctionDeclaration | undefined;
    for (const fn of ctx.binding.selfOf.keys()) {
      if (fn.range[0] <= offset && offset <= fn.range[1] && (!owner || fn.range[0] > owner.range[0])) owner = fn;
    }
    const base = owner?.identifier?.type === 'MemberExpression' ? owner.identifier.base : undefined;
    const ownerType = base && ctx.nodeTypes.get(base);
    return ownerType ?? t;
  };
  return {
    text: ctx.text, lines, parse: parsed, diagnostics, workflow,
    moduleBindings: ctx.moduleBindings.map((b) => ({ ...b, range: lines.rangeOf(b.start, b.end) })),
    get symbols() { return symbolInfos(); },
    get exports() { return (exports ??= moduleExports(ctx, chunk)); },
    typeAt(offset) {
      const path = nodePathAt(chunk, offset);
      for (let i = path.length - 1; i >= 0; i--) {
        const n = path[i]!;
        const t = ctx.nodeTypes.get(n);
        if (t) return t;
        if (n.type === 'Identifier') {
          const s = ctx.binding.declared.get(n) ?? ctx.binding.resolved.get(n);
          if (s) return s.declaredType ?? s.type;
        }
      }
      return undefined;
    },
    nodeAt: (offset) => findNodeAt(chunk, offset),
    symbolAt(offset) {
      const node = findNodeAt(chunk, offset);
      if (node?.type !== 'Identifier') return undefined;
      const s = ctx.binding.declared.get(node) ?? ctx.binding.resolved.get(node);
      return s && symbolInfos()[s.id];
    },
    scopeAt(offset) {
      const out: VisibleName[] = visibleSymbols(offset).map((s) => ({ name: s.name, kind: s.kind, type: symbolTypeAt(s, offset), symbol: s }));
      const taken = new Set(out.map((v) => v.name));
      for (const [name, t] of ctx.config.globals) if (!taken.has(name)) { taken.add(name); out.push({ name, kind: 'global', type: t }); }
      for (const [name, f] of ctx.env.globals()) if (!taken.has(name)) { taken.add(name); out.push({ name, kind: 'global', type: f.type, field: f }); }
      if (ctx.config.globalModules) {
        for (const name of ctx.env.moduleNames()) {
          const m = ctx.env.module(name);
          if (m && !taken.has(name)) { taken.add(name); out.push({ name, kind: 'module', type: m.type }); }
        }
      }
      for (const name of ctx.binding.globalWrites) if (!taken.has(name)) { taken.add(name); out.push({ name, kind: 'global', type: ANY }); }
      const project = ctx.config.project;
      for (const name of project?.globalNames() ?? []) if (!taken.has(name)) { taken.add(name); out.push({ name, kind: 'global', type: project!.global(name) ?? ANY }); }
      return out;
    },
    memberOwnerAt: (offset) => resolveReceiver(ctx, offset, receiverNameType, (t, n) => lookupMember(ctx, t, n).type),
    membersOf: (t) => listMembers(ctx, t),
    nameType,
    resolveType: ctx.resolve,
    overloadsOf: (fn) => ctx.overloads.get(fn) ?? [],
  };
}
