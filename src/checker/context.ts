// The state one analysis shares between its passes: inputs (text, binding, annotations,
// environment), the current function frame and flow, and the outputs (diagnostics, node types).
import type { FunctionDeclaration, Identifier, Node } from 'luaparse';
import { ErrorInterface, ERROR_TYPE_NAME } from '../types/error-type';
import type { Field, FunctionType, RecordType, Type } from '../types/type';
import type { Annotations } from './annotations';
import type { Binding, LuaSymbol } from './binder';
import type { DiagnosticCode } from './diagnostic-codes';
import type { CheckerEnvironment, ModuleInfo } from './environment';
import type { ProjectLookup } from './project-lookup';
import { Flow } from './flow';
import type { MessageArgs } from './messages';
import type { LineIndex } from './positions';
import type { LuaVersion } from './profile';
import { ANY, members } from './type-ops';

/** A diagnostic before severity, suppression and position conversion. */
export interface RawDiagnostic {
  readonly code: DiagnosticCode;
  readonly start: number;
  readonly end: number;
  readonly args: MessageArgs;
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
  readonly data?: Readonly<Record<string, unknown>>;
}

/** What the checker knows about a table it saw being built. */
export interface TableInfo {
  /** Fields may be added in ways the checker cannot follow (computed keys, passed to calls). */
  open: boolean;
  /** The metatable's `__index`, or the metatable (its `__index` read lazily). */
  metatable?: Type;
  /** A `---@class` table. */
  readonly cls?: boolean;
  /** The fields its `---@field` lines declare (assignments to them are type-checked). */
  readonly declared?: ReadonlySet<string>;
}

/** One function being checked. */
export interface Frame {
  readonly fn: Node;
  flow: Flow;
  /** The values of each `return`; `rest` when it ends with a call giving `...T` (`return pcall(f)`). */
  readonly returns: Array<{ types: Type[]; rest?: Type }>;
  readonly declaredReturns?: readonly Type[];
  readonly varargType?: Type;
  /** Set while inside a callback where Lua cannot yield (`table.sort` comparator, ...). */
  readonly nonYieldable?: string;
  /** Flows at each `break` of the innermost loop. */
  breaks?: Flow[];
}

/** A `require` (or module global) the script uses. */
export interface ModuleBinding {
  /** Local name, or the global name when used as a global. */
  readonly name: string;
  readonly module: string;
  /** The project file the module is (absolute path); undefined for host modules and manifests. */
  readonly file?: string;
  /** Offsets of the `require(...)` call, or of the first global use. */
  readonly start: number;
  readonly end: number;
}

export interface CheckConfig {
  readonly globals: ReadonlyMap<string, Type>;
  readonly globalModules: boolean;
  readonly workflow: boolean;
  /** The other files of the project (require, workspace types and globals); none for an island. */
  readonly project?: ProjectLookup;
  /** Whether `integer` is a subtype (Lua 5.3, 5.4); false: `number` fits where `integer` is expected. */
  readonly integers: boolean;
  readonly version: LuaVersion;
}

export class CheckContext {
  readonly diagnostics: RawDiagnostic[] = [];
  /** Types computed for expressions (identifiers, members, calls), for hover and completion. */
  readonly nodeTypes = new Map<Node, Type>();
  readonly tables = new Map<RecordType, TableInfo>();
  readonly moduleTables = new Map<Type, ModuleInfo>();
  readonly userFunctions = new Set<FunctionType>();
  readonly moduleBindings: ModuleBinding[] = [];
  /** Function nodes that run where Lua cannot yield, with the context's name. */
  readonly nonYieldableFns = new Map<Node, string>();
  /** Reads of fields missing from inferred tables, decided once the whole file is seen. */
  readonly pendingFields: Array<{ table: RecordType; name: string; owner: string; start: number; end: number }> = [];
  readonly reportedWorkflowGlobals = new Set<string>();
  /** Method declarations → their own `self` type (for `function C:m()`). */
  readonly functionTypes = new Map<FunctionDeclaration, FunctionType>();
  /** Function literals passed where a function type is expected → that type (types their params). */
  readonly contextualFns = new Map<Node, FunctionType>();
  /** Globals this file assigns under a `---@class` or `---@type` annotation → that type. */
  readonly declaredGlobals = new Map<string, Type>();
  /** The file's functions whose every return gives its first n ≥ 2 values together (all nil or all set) → n. */
  readonly togetherFunctions = new Map<FunctionType, number>();
  /** Functions annotated `---@overload` → the other signatures they accept. */
  readonly overloads = new Map<FunctionType, readonly FunctionType[]>();
  /** Functions annotated `---@deprecated` → the note. */
  readonly deprecatedFunctions = new Map<Type, string>();
  frame: Frame;
  /** "Did you mean" searches left for this file (they cost a scan of every visible name). */
  suggestionBudget = 10;
  /** The first `---@cast` not applied yet (they apply in source order, before the next statement). */
  nextCast = 0;
  /** Member reads used as existence tests (`x.y or z`, `if x.y`, `x.y == nil`): never undefined-field. */
  readonly probes = new Set<Node>();
  /** Names a 5.1 `module(...)` call defines in this file (computed once; see globals.ts). */
  moduleGlobalNames: ReadonlySet<string> | undefined;
  /** Every write of a local, by offset (calls.ts, built on first use). */
  writesByOffset: Array<{ at: number; sym: LuaSymbol }> | undefined;
  /** The callee expression of the call being checked (`debug.upvaluejoin` in `debug.upvaluejoin(...)`). */
  callee: Node | undefined;
  /** The call of the call statement being checked (its values are not used). */
  callStatement: Node | undefined;
  /** The tree comes from a repaired text (a syntax error): knock-on findings are dropped. */
  parseRepaired = false;
  /** Every global name (computed once, for suggestions). */
  globalNameCache: string[] | undefined;

  constructor(
    readonly text: string,
    readonly lines: LineIndex,
    readonly binding: Binding,
    readonly annotations: Annotations,
    readonly env: CheckerEnvironment,
    readonly config: CheckConfig,
    chunk: Node,
  ) {
    this.frame = { fn: chunk, flow: new Flow(), returns: [], varargType: ANY };
  }

  report(code: DiagnosticCode, node: { range: [number, number] } | [number, number], args: MessageArgs = {}, extra: Partial<Pick<RawDiagnostic, 'tags' | 'data'>> = {}): void {
    const [start, end] = Array.isArray(node) ? node : node.range;
    this.diagnostics.push({ code, start, end, args, ...extra });
  }

  /**
   * True when `id` names the standard library's global of that name: not a local, not a configured
   * global, and not a global the file assigns itself (a file may define its own `error` or `type`).
   */
  isStandardGlobal(id: Identifier): boolean {
    return !this.binding.resolved.has(id) && !this.config.globals.has(id.name) && !this.binding.globalWrites.has(id.name);
  }

  /**
   * `isStandardGlobal`, or a local alias of it never reassigned (`local tonumber = tonumber`, common
   * in libraries): the alias holds the very type object of the standard global.
   */
  isStandardFunction(id: Identifier): boolean {
    if (this.isStandardGlobal(id)) return true;
    const sym = this.binding.resolved.get(id);
    if (!sym || sym.writes.length > 0 || sym.declaredType) return false;
    const g = this.env.globals().get(id.name);
    return !!g && sym.type === g.type;
  }

  /** Resolves named types: this file's classes and aliases first, then the environment, then the project's other files. */
  resolve = (name: string): Type | undefined =>
    this.annotations.userTypes.get(name) ?? this.env.resolve(name) ?? this.config.project?.type(name) ?? (name === ERROR_TYPE_NAME ? ErrorInterface : undefined);

  /** resolve, with any for a name nothing defines (reported once, at its annotation: annotation-error). */
  readonly lenientResolver = { resolve: (name: string): Type => this.resolve(name) ?? ANY };

  /** `t` with references followed (unknown names become any). */
  deref(t: Type): Type {
    for (let i = 0; t.kind === 'ref' && i < 16; i++) t = this.resolve(t.name) ?? ANY;
    return t.kind === 'ref' ? ANY : t;
  }

  /** The function type `t` (or the first function member of a union) resolves to. */
  functionOf(t: Type): FunctionType | undefined {
    if (t.kind === 'function') return t;
    if (t.kind === 'any' || t.kind === 'unknown' || t.kind === 'nil') return undefined;
    for (const m of members(t)) {
      const d = this.deref(m);
      if (d.kind === 'function') return d;
    }
    return undefined;
  }

  /** True when `t` is a union of several different function types (`(handlers[b] or default)(...)`). */
  hasSeveralFunctions(t: Type): boolean {
    if (t.kind !== 'union' && t.kind !== 'optional') return false;
    let first: FunctionType | undefined;
    for (const m of members(t)) {
      const d = this.deref(m);
      if (d.kind !== 'function') continue;
      if (first && d !== first) return true;
      first ??= d;
    }
    return false;
  }

  /** The current type of a local at this point of the flow. */
  symbolType(sym: LuaSymbol): Type {
    return this.frame.flow.vars.get(sym) ?? this.baseType(sym);
  }

  /**
   * A local's type where no assignment or narrowing is in the flow: its initial type in its own
   * function; in closures, its annotation, or any when it is assigned somewhere.
   */
  baseType = (sym: LuaSymbol): Type => {
    if (sym.owner === this.frame.fn) return sym.type ?? ANY;
    return sym.declaredType ?? (sym.writes.length > 0 ? ANY : sym.type ?? ANY);
  };

  /** Joins flows (see Flow.merge). */
  merge(flows: readonly Flow[]): Flow {
    return Flow.merge(flows, this.baseType);
  }

  /** Records the type of an expression for typeAt (any is the default and is not stored). */
  setType(node: Node, t: Type): void {
    if (t.kind !== 'any') this.nodeTypes.set(node, t);
  }

  sourceOf(node: { range: [number, number] }, max = 40): string {
    const s = this.text.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ');
    return s.length > max ? s.slice(0, max - 1) + '…' : s;
  }

  tableInfo(t: Type): TableInfo | undefined {
    return t.kind === 'record' ? this.tables.get(t) : undefined;
  }

  /**
   * For reading members: this file's knowledge of a table, else what the project file that built
   * it knew (open, metatable, class). Never use it to add fields: another file's table is not this one's.
   */
  readTableInfo(t: RecordType): Readonly<Pick<TableInfo, 'open' | 'metatable' | 'cls'>> | undefined {
    return this.tables.get(t) ?? this.config.project?.tableInfo(t);
  }

  /** Adds or widens a field of a table the checker is following. */
  setField(table: RecordType, name: string, type: Type): void {
    const fields = table.fields as Record<string, Field>;
    fields[name] = { type };
  }
}
