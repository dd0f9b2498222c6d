// The project layer of the checker: the files of one project (one root) as modules of each other.
// A file's exports (src/checker/module-exports.ts: the type `require` of it returns, its members'
// sites and docs, its named types and top-level globals) are computed once per file text and shared
// by every file that requires it; analyze() reads them through a ProjectLookup and stays pure.
//
// - Order: a file's project requires are found by a scan of its text and their exports computed
//   first, bottom-up with an explicit stack, so analyses never nest along a chain of requires (a
//   chain of any length costs no stack). A require the scan missed is computed on demand, nested at
//   most MAX_NESTING deep; deeper, it is any.
// - Cycles (`a` requires `b` requires `a`): the file whose exports are being computed is any for the
//   files it requires ("what is known so far"); never a hang or a stack overflow.
// - Types and globals: an index of which file declares which `---@class`/`---@alias`/`---@enum`
//   name and which top-level global (a text scan of every project file, cheap) says whose exports to
//   read; the exports themselves say the type.
// - Invalidation is explicit: `invalidate(file)` drops the file and, transitively, every file whose
//   exports used it (the reverse dependency graph), and returns them so that callers re-check them.
import { realpathSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { externalMatcher, moduleNameOf, resolveModule, type ModuleResolution, type ModuleSearch } from '../project/module-resolver';
import type { Type } from '../types/type';
import { analyze, type Analysis, type AnalyzeOptions, type CheckDiagnostic } from './analyze';
import type { ModuleInfo } from './environment';
import type { ModuleExports } from './module-exports';
import type { ProjectLookup, ProjectRequire, SharedTableInfo } from './project-lookup';
import { ANY } from './type-ops';

/** Nested on-demand computations deeper than this give any (the scan normally leaves none). */
const MAX_NESTING = 8;
/** Files above this size are not scanned for declarations (they are still analyzed when required). */
const MAX_SCAN_BYTES = 2 * 1024 * 1024;

export interface WorkspaceModulesInit {
  /** The root, the `runtime.path` templates and (for the server) an `isFile` that knows unsaved buffers. */
  readonly search: ModuleSearch;
  /** `runtime.external`: names or globs typed any. */
  readonly external?: readonly string[];
  /** Whether top-level globals of one file are known in the others (default true). */
  readonly workspaceGlobals?: boolean;
  /** The text of a project file (an open buffer, else the disk), undefined when unreadable. */
  read(file: string): string | undefined;
  /** The options a file is analyzed with (env, settings, workflow, fileName); `project` is added. */
  optionsFor(file: string): Omit<AnalyzeOptions, 'project'>;
  /** Every Lua file of the project (for the type and global index and for module names); read lazily, once. */
  files(): Iterable<string>;
  /**
   * Keep each file's diagnostics with its exports (`luamod check` reports a module it computed for
   * a dependent without analyzing it again); never the analysis itself (its tree is large).
   */
  readonly keepDiagnostics?: boolean;
}

/** A project file as its dependents see it. */
export interface WorkspaceModule {
  readonly file: string;
  /** The text the exports were computed from. */
  readonly text: string;
  readonly exports: ModuleExports;
  /** The module as `require` gives it (name = its dotted name under the root). */
  readonly info: ModuleInfo;
  /** Its diagnostics, with `keepDiagnostics`. */
  readonly diagnostics?: readonly CheckDiagnostic[];
  /** Its text does not parse: the exports are those of its last text that did, when there was one. */
  readonly syntaxErrors?: boolean;
}

interface Declarations {
  readonly types: readonly string[];
  readonly globals: readonly string[];
}

const TYPE_DECLARATION = /^[ \t]*---@(?:class|alias|enum)[ \t]+(?:\([^)]*\)[ \t]*)?([A-Za-z_][\w.]*)/gm;
const GLOBAL_ASSIGNMENT = /^(?:function[ \t]+([A-Za-z_]\w*)[ \t]*\(|([A-Za-z_]\w*)[ \t]*=(?!=))/gm;
const REQUIRE_CALL = /\brequire[ \t]*\(?[ \t]*(["'])([^"'\n\\]+)\1/g;
const KEYWORDS = new Set(['local', 'return', 'end', 'if', 'then', 'else', 'elseif', 'for', 'while', 'do', 'repeat', 'until', 'break', 'goto', 'and', 'or', 'not', 'nil', 'true', 'false', 'function', 'in']);

export class WorkspaceModules {
  readonly root: string;
  private readonly entries = new Map<string, WorkspaceModule>();
  /** Each file's last module computed from a text that parses (kept while it is edited into a syntax error). */
  private readonly lastGood = new Map<string, WorkspaceModule>();
  /** file → the project files its exports used (requires, types, globals). */
  private readonly uses = new Map<string, Set<string>>();
  /** file → the project files whose exports used it. */
  private readonly usedBy = new Map<string, Set<string>>();
  /** Files whose exports are being computed (outermost first). */
  private readonly computing: string[] = [];
  /** Files the bottom-up pass has scheduled but not computed yet. */
  private readonly waiting = new Set<string>();
  /** Texts read by the scan, used once by the computation that follows. */
  private readonly pendingTexts = new Map<string, string>();
  private readonly isExternal: (name: string) => boolean;
  private readonly byType = new WeakMap<object, { name: string; file: string }>();
  /** What each project file knew of the tables it built (shared, read-only, with other files). */
  private readonly tableInfos = new WeakMap<object, SharedTableInfo>();
  private declarations: Map<string, Declarations> | undefined;
  private typeIndex: Map<string, string[]> | undefined;
  private globalIndex: Map<string, string[]> | undefined;
  private names: string[] | undefined;
  private readonly resolved = new Map<string, ModuleResolution>();
  /** Module name → the files whose `require` of it found no file (re-checked when it appears). */
  private readonly missing = new Map<string, Set<string>>();

  private readonly search: ModuleSearch;
  /** File → the name a scan saw it required by (saves computing its name back from its path). */
  private readonly requiredAs = new Map<string, string>();

  constructor(private readonly init: WorkspaceModulesInit) {
    this.root = resolvePath(init.search.root);
    this.isExternal = externalMatcher(init.external ?? []);
    let realRoot: string;
    try { realRoot = realpathSync(this.root); } catch { realRoot = this.root; }
    this.search = { ...init.search, root: this.root, realRoot };
  }

  /** Resolves `require(name)` to a project file (cached until a file is created or deleted: `invalidate`). */
  resolve(name: string): ModuleResolution {
    let r = this.resolved.get(name);
    if (!r) {
      r = resolveModule(name, this.search);
      this.resolved.set(name, r);
    }
    return r;
  }

  /** The module name of a project file (`a/b.lua` → `a.b`), or undefined. */
  moduleNameOf(file: string): string | undefined {
    return moduleNameOf(file, this.search);
  }

  /** The lookup analyze() gets for `file` (a file of this project). */
  lookupFor(file: string): ProjectLookup {
    const self = resolvePath(file);
    return {
      require: (name) => this.requireFrom(self, name),
      type: (name) => this.declared(self, name, 'types'),
      global: (name) => (this.init.workspaceGlobals === false ? undefined : this.declared(self, name, 'globals')),
      globalNames: () => (this.init.workspaceGlobals === false ? [] : [...this.index().globals.keys()]),
      moduleNames: () => this.moduleNames(),
      tableInfo: (t) => this.tableInfos.get(t),
      moduleOfType: (t) => this.moduleOfType(t),
    };
  }

  /**
   * Analyzes `file` with the project (its `text` when given: an unsaved buffer, stdin). Its requires
   * are computed first. When the text is the file's own, the result also becomes its exports.
   */
  analyze(file: string, text?: string): Analysis {
    const abs = resolvePath(file);
    const own = this.init.read(abs);
    const source = text ?? own ?? '';
    this.prepare(abs, source);
    const analysis = this.run(abs, source);
    if (source === own && !this.entries.has(abs)) this.store(abs, source, analysis);
    return analysis;
  }

  /**
   * The diagnostics of `file` (its `text` when given): those kept when its exports were computed for
   * a dependent (with `keepDiagnostics`), else a new analysis's.
   */
  check(file: string, text?: string): readonly CheckDiagnostic[] {
    const abs = resolvePath(file);
    const cached = this.entries.get(abs);
    if (cached?.diagnostics && (text === undefined || cached.text === text)) return cached.diagnostics;
    return this.analyze(abs, text).diagnostics;
  }

  /** The exports of a project file (computed when needed), or undefined when it cannot be read. */
  module(file: string): WorkspaceModule | undefined {
    const abs = resolvePath(file);
    const cached = this.entries.get(abs);
    if (cached) return cached;
    if (this.computing.includes(abs)) return undefined;
    this.ensure(abs);
    return this.entries.get(abs);
  }

  /** The module whose export is the type `t` (the object the checker gave `require`), if any. */
  moduleOfType(t: Type | undefined): { name: string; file: string } | undefined {
    return t && typeof t === 'object' ? this.byType.get(t) : undefined;
  }

  /** Every project file's dotted module name (sorted). */
  moduleNames(): string[] {
    if (!this.names) {
      const names = new Set<string>();
      for (const f of this.projectFiles()) {
        const n = this.moduleNameOf(f);
        if (n) names.add(n);
      }
      this.names = [...names].sort();
    }
    return this.names;
  }

  /** Every `---@class`/`---@alias`/`---@enum` name the project's files declare, with the first declaring file. */
  declaredTypes(): Array<{ name: string; file: string }> {
    return [...this.index().types].map(([name, files]) => ({ name, file: files[0]! }));
  }

  /** Where a project file declares the named type (`---@class Name`): the file, its text and the name's offsets. */
  typeDeclaration(name: string): { file: string; text: string; start: number; end: number } | undefined {
    for (const file of this.index().types.get(name) ?? []) {
      const text = this.init.read(file);
      if (text === undefined) continue;
      for (const m of text.matchAll(TYPE_DECLARATION)) {
        if (m[1] !== name) continue;
        const start = m.index + m[0].length - name.length;
        return { file, text, start, end: start + name.length };
      }
    }
    return undefined;
  }

  /** The files whose exports used `file`, transitively (not `file` itself). */
  dependents(file: string): string[] {
    const abs = resolvePath(file);
    const out = new Set<string>();
    const stack = [abs];
    while (stack.length) {
      for (const d of this.usedBy.get(stack.pop()!) ?? []) {
        if (d === abs || out.has(d)) continue;
        out.add(d);
        stack.push(d);
      }
    }
    return [...out];
  }

  /**
   * `file` changed (its buffer or the disk), was created or deleted: forgets its exports and those of
   * every file that used it, transitively. Returns those dependents (to be re-checked).
   */
  invalidate(file: string): string[] {
    const abs = resolvePath(file);
    // Files that required it in vain (it was just created) depend on it now.
    const name = this.moduleNameOf(abs);
    for (const f of (name !== undefined ? this.missing.get(name) : undefined) ?? []) this.use(f, abs);
    if (name !== undefined) this.missing.delete(name);
    const deps = this.dependents(abs);
    for (const f of [abs, ...deps]) this.forget(f);
    if (this.declarations) {
      const before = this.declarations.get(abs);
      const after = this.scanDeclarations(abs);
      const changed = !before || !after || before.types.join() !== after.types.join() || before.globals.join() !== after.globals.join();
      if (changed) {
        if (after) this.declarations.set(abs, after);
        else this.declarations.delete(abs);
        this.typeIndex = this.globalIndex = undefined;
        if (!before || !after) this.names = undefined; // created or deleted
      }
    }
    // A created or deleted file changes what names resolve to.
    this.resolved.clear();
    this.requiredAs.clear();
    return deps;
  }

  /**
   * Like `invalidate`, but only when the file's text is no longer the one its exports were computed
   * from (opening or closing a buffer that matches the disk changes nothing). Returns the dependents
   * to re-check.
   */
  changed(file: string): string[] {
    const abs = resolvePath(file);
    const cached = this.entries.get(abs);
    if (cached && cached.text === this.init.read(abs)) return [];
    return this.invalidate(abs);
  }

  /** Forgets everything (configuration changed). */
  clear(): void {
    this.entries.clear();
    this.uses.clear();
    this.usedBy.clear();
    this.resolved.clear();
    this.missing.clear();
    this.lastGood.clear();
    this.declarations = this.typeIndex = this.globalIndex = undefined;
    this.names = undefined;
  }

  /** The number of files whose exports are cached. */
  size(): number {
    return this.entries.size;
  }

  private forget(file: string): void {
    this.entries.delete(file);
    for (const u of this.uses.get(file) ?? []) this.usedBy.get(u)?.delete(file);
    this.uses.delete(file);
  }

  private requireFrom(self: string, name: string): ProjectRequire {
    const r = this.resolve(name);
    if (r.kind === 'not-found') {
      if (this.isExternal(name)) return { kind: 'external' };
      let waiting = this.missing.get(name);
      if (!waiting) this.missing.set(name, (waiting = new Set()));
      waiting.add(self);
      return { kind: 'not-found', tried: r.tried };
    }
    const file = r.file; // absolute and normalised by the resolver
    this.use(self, file);
    const m = this.entries.get(file) ?? (this.busy(file) ? undefined : this.nested(file));
    if (!m) return { kind: 'cycle', file };
    return { kind: 'module', info: m.info, file };
  }

  /** A name declared by another project file (its type), or any when that file is being computed. */
  private declared(self: string, name: string, what: 'types' | 'globals'): Type | undefined {
    const files = (what === 'types' ? this.index().types : this.index().globals).get(name);
    if (!files) return undefined;
    for (const file of files) {
      if (file === self) continue;
      this.use(self, file);
      const m = this.entries.get(file) ?? (this.busy(file) ? undefined : this.nested(file));
      if (!m) return ANY;
      const t = what === 'types' ? m.exports.types.get(name) : m.exports.globals.get(name)?.type;
      if (t) return t;
    }
    return undefined;
  }

  private busy(file: string): boolean {
    return this.computing.includes(file) || this.waiting.has(file);
  }

  private nested(file: string): WorkspaceModule | undefined {
    if (this.computing.length >= MAX_NESTING) return undefined;
    this.ensure(file);
    return this.entries.get(file);
  }

  private use(self: string, file: string): void {
    if (self === file) return;
    let u = this.uses.get(self);
    if (!u) this.uses.set(self, (u = new Set()));
    u.add(file);
    let b = this.usedBy.get(file);
    if (!b) this.usedBy.set(file, (b = new Set()));
    b.add(self);
  }

  /** Computes the exports of `file` after those of the files it requires (bottom-up, no recursion). */
  private ensure(file: string): void {
    if (this.entries.has(file) || this.busy(file)) return;
    const text = this.init.read(file);
    if (text === undefined) return;
    this.prepare(file, text, true);
  }

  /**
   * Computes the exports of the project files `text` (of `file`) requires, transitively, deepest
   * first; with `self`, then `file`'s own.
   */
  private prepare(file: string, text: string, self = false): void {
    const stack: Array<{ file: string; deps: string[]; next: number }> = [{ file, deps: this.scanRequires(text), next: 0 }];
    this.waiting.add(file); // a file requiring it back meanwhile gets the cycle's any
    const started: string[] = [];
    try {
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        if (top.next < top.deps.length) {
          const dep = top.deps[top.next++]!;
          if (dep === file || this.entries.has(dep) || this.busy(dep)) continue;
          const depText = this.init.read(dep);
          if (depText === undefined) continue;
          this.pendingTexts.set(dep, depText);
          this.waiting.add(dep);
          started.push(dep);
          stack.push({ file: dep, deps: this.scanRequires(depText), next: 0 });
          continue;
        }
        stack.pop();
        if (stack.length === 0 && !self) break;
        this.waiting.delete(top.file);
        const t = this.pendingTexts.get(top.file) ?? (top.file === file ? text : this.init.read(top.file));
        this.pendingTexts.delete(top.file);
        if (t !== undefined && !this.entries.has(top.file)) this.store(top.file, t, this.run(top.file, t));
      }
    } finally {
      for (const f of started) { this.waiting.delete(f); this.pendingTexts.delete(f); }
      this.waiting.delete(file);
    }
  }

  /** The project files `text` requires (by a scan: a name in a comment costs only an extra computation). */
  private scanRequires(text: string): string[] {
    const out: string[] = [];
    for (const m of text.matchAll(REQUIRE_CALL)) {
      const r = this.resolve(m[2]!);
      if (r.kind !== 'file') continue;
      out.push(r.file);
      if (!this.requiredAs.has(r.file)) this.requiredAs.set(r.file, r.name);
    }
    return out;
  }

  private run(file: string, text: string): Analysis {
    this.computing.push(file);
    // Its uses are recorded afresh: a file that no longer requires a module stops depending on it.
    for (const u of this.uses.get(file) ?? []) this.usedBy.get(u)?.delete(file);
    this.uses.delete(file);
    try {
      return analyze(text, { ...this.init.optionsFor(file), project: this.lookupFor(file) });
    } finally {
      this.computing.pop();
    }
  }

  private store(file: string, text: string, analysis: Analysis): WorkspaceModule {
    const broken = analysis.parse.syntaxErrors.length > 0;
    const good = broken ? this.lastGood.get(file) : undefined;
    if (good) {
      // Half-typed: its dependents keep seeing the module as it was, not a cascade of errors.
      const m: WorkspaceModule = { ...good, text, syntaxErrors: true, ...(this.init.keepDiagnostics ? { diagnostics: analysis.diagnostics } : {}) };
      this.entries.set(file, m);
      return m;
    }
    const exports = analysis.exports;
    for (const [t, info] of exports.tables) this.tableInfos.set(t, info);
    const name = this.requiredAs.get(file) ?? this.moduleNameOf(file) ?? file;
    const unsafeReason = this.unsafeReason(file, analysis);
    const info: ModuleInfo = {
      name, type: exports.type, workflowSafe: unsafeReason === undefined, classes: [], file,
      ...(unsafeReason !== undefined ? { unsafeReason } : {}),
    };
    const m: WorkspaceModule = { file, text, exports, info, ...(this.init.keepDiagnostics ? { diagnostics: analysis.diagnostics } : {}), ...(broken ? { syntaxErrors: true } : {}) };
    this.entries.set(file, m);
    if (!broken) this.lastGood.set(file, m);
    // A file re-exporting another's table does not take it over.
    if (exports.type.kind === 'record' && !this.byType.has(exports.type)) this.byType.set(exports.type, { name, file });
    return m;
  }

  /** Why a file is not workflow-safe: the first module it uses that is not (transitively); undefined when it is. */
  private unsafeReason(file: string, analysis: Analysis): string | undefined {
    const env = this.init.optionsFor(file).env;
    for (const b of analysis.moduleBindings) {
      if (b.file !== undefined) {
        const dep = this.entries.get(resolvePath(b.file));
        if (dep && !dep.info.workflowSafe) return `it requires '${b.module}' (${dep.info.unsafeReason})`;
        continue;
      }
      const m = env.module(b.module);
      if (m && !m.workflowSafe) return `it requires '${b.module}' (classes: ${m.classes.join(', ') || 'none'})`;
    }
    return undefined;
  }

  private projectFiles(): string[] {
    const out: string[] = [];
    for (const f of this.init.files()) out.push(resolvePath(f));
    return out;
  }

  private index(): { types: Map<string, string[]>; globals: Map<string, string[]> } {
    if (!this.declarations) {
      this.declarations = new Map();
      for (const f of this.projectFiles()) {
        const d = this.scanDeclarations(f);
        if (d) this.declarations.set(f, d);
      }
    }
    if (!this.typeIndex || !this.globalIndex) {
      const types = new Map<string, string[]>();
      const globals = new Map<string, string[]>();
      const add = (m: Map<string, string[]>, k: string, f: string) => {
        const l = m.get(k);
        if (l) { if (!l.includes(f)) l.push(f); } else m.set(k, [f]);
      };
      for (const [f, d] of this.declarations) {
        for (const t of d.types) add(types, t, f);
        for (const g of d.globals) add(globals, g, f);
      }
      this.typeIndex = types;
      this.globalIndex = globals;
    }
    return { types: this.typeIndex, globals: this.globalIndex };
  }

  /** The names a file declares, by a scan of its text (the analysis confirms them). */
  private scanDeclarations(file: string): Declarations | undefined {
    const text = this.init.read(file);
    if (text === undefined) return undefined;
    if (text.length > MAX_SCAN_BYTES) return { types: [], globals: [] };
    const types = [...text.matchAll(TYPE_DECLARATION)].map((m) => m[1]!);
    const globals = this.init.workspaceGlobals === false ? [] : [...text.matchAll(GLOBAL_ASSIGNMENT)].map((m) => (m[1] ?? m[2])!).filter((n) => !KEYWORDS.has(n));
    return { types, globals };
  }
}
