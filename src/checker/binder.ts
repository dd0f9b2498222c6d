// Name resolution: scopes, locals, parameters, upvalues, labels and globals of one chunk, in one
// pass before type checking. Every Identifier that names a variable maps to its symbol (or global).
import type { Chunk, Expression, FunctionDeclaration, Identifier, Node, Statement } from 'luaparse';
import type { Type } from '../types/type';

export type SymbolKind = 'local' | 'param' | 'function' | 'for' | 'label' | 'self' | 'vararg';

/** A declared name. `type` is filled in by the checker (the last type it inferred). */
export interface LuaSymbol {
  readonly id: number;
  readonly name: string;
  readonly kind: SymbolKind;
  /** The declaring identifier (for `self`, the method's name identifier). */
  readonly decl: Identifier;
  readonly scope: Scope;
  /** The function (or chunk) that declares it: reads from another function are upvalue reads. */
  readonly owner: Node;
  /** Offset from which the name is visible. */
  readonly visibleFrom: number;
  readonly reads: Identifier[];
  readonly writes: Identifier[];
  /** Type from an annotation (`---@type`, `---@param`). */
  declaredType?: Type;
  /** The type the checker last inferred for the symbol. */
  type?: Type;
}

export interface Scope {
  readonly start: number;
  readonly end: number;
  readonly parent: Scope | undefined;
  readonly symbols: LuaSymbol[];
  /** The function (or chunk) this scope belongs to. */
  readonly owner: Node;
}

export interface Binding {
  readonly symbols: LuaSymbol[];
  readonly scopes: Scope[];
  /** Identifier (read or write of a local) → its symbol. */
  readonly resolved: Map<Identifier, LuaSymbol>;
  /** Declaring identifier → symbol. */
  readonly declared: Map<Identifier, LuaSymbol>;
  /** Global names assigned anywhere in the chunk. */
  readonly globalWrites: Set<string>;
  /** Loop statement → locals written inside it. */
  readonly loopWrites: Map<Node, Set<LuaSymbol>>;
  /** Method declaration (`function a:b()`) → its implicit `self`. */
  readonly selfOf: Map<FunctionDeclaration, LuaSymbol>;
}

/** Resolves every name of `chunk`. */
export function bind(chunk: Chunk): Binding {
  const b = new Binder(chunk);
  b.block(chunk.body, chunk.range[0], chunk.range[1], chunk);
  return b.result;
}

class Binder {
  readonly result: Binding = {
    symbols: [], scopes: [], resolved: new Map(), declared: new Map(), globalWrites: new Set(),
    loopWrites: new Map(), selfOf: new Map(),
  };
  private scope: Scope | undefined;
  private owner: Node;
  private readonly loops: Node[] = [];
  /** Name → the symbols declared with it in the open scopes, innermost last (constant-time lookup). */
  private readonly visible = new Map<string, LuaSymbol[]>();

  constructor(chunk: Chunk) { this.owner = chunk; }

  private push(start: number, end: number): void {
    const s: Scope = { start, end, parent: this.scope, symbols: [], owner: this.owner };
    this.result.scopes.push(s);
    this.scope = s;
  }

  private pop(): void {
    const syms = this.scope!.symbols;
    for (let i = syms.length - 1; i >= 0; i--) if (syms[i]!.kind !== 'label') this.visible.get(syms[i]!.name)!.pop();
    this.scope = this.scope!.parent;
  }

  private declare(id: Identifier, kind: SymbolKind, visibleFrom: number): LuaSymbol {
    const sym: LuaSymbol = {
      id: this.result.symbols.length, name: id.name, kind, decl: id, scope: this.scope!, owner: this.owner,
      visibleFrom, reads: [], writes: [],
    };
    this.scope!.symbols.push(sym);
    this.result.symbols.push(sym);
    this.result.declared.set(id, sym);
    if (kind !== 'label') {
      const stack = this.visible.get(sym.name);
      if (stack) stack.push(sym);
      else this.visible.set(sym.name, [sym]);
    }
    return sym;
  }

  private lookup(name: string): LuaSymbol | undefined {
    const stack = this.visible.get(name);
    return stack && stack.length > 0 ? stack[stack.length - 1] : undefined;
  }

  block(body: Statement[], start: number, end: number, owner?: Node): void {
    if (owner) this.owner = owner;
    this.push(start, end);
    for (const st of body) this.statement(st);
    this.pop();
  }

  private write(id: Identifier): void {
    const sym = this.lookup(id.name);
    if (!sym) { this.result.globalWrites.add(id.name); return; }
    this.result.resolved.set(id, sym);
    sym.writes.push(id);
    for (const loop of this.loops) {
      let set = this.result.loopWrites.get(loop);
      if (!set) this.result.loopWrites.set(loop, (set = new Set()));
      set.add(sym);
    }
  }

  private statement(st: Statement): void {
    switch (st.type) {
      case 'LocalStatement':
        for (const e of st.init) this.expr(e);
        for (const v of st.variables) this.declare(v, 'local', st.range[1]);
        return;
      case 'AssignmentStatement':
        for (const e of st.init) this.expr(e);
        for (const v of st.variables) {
          if (v.type === 'Identifier') this.write(v);
          else this.expr(v);
        }
        return;
      case 'CallStatement': this.expr(st.expression); return;
      case 'FunctionDeclaration': this.func(st); return;
      case 'ReturnStatement': for (const e of st.arguments) this.expr(e); return;
      case 'IfStatement':
        for (const c of st.clauses) {
          if (c.type !== 'ElseClause') this.expr(c.condition);
          this.block(c.body, c.range[0], c.range[1]);
        }
        return;
      case 'WhileStatement':
        this.loops.push(st);
        this.expr(st.condition);
        this.block(st.body, st.range[0], st.range[1]);
        this.loops.pop();
        return;
      case 'RepeatStatement':
        this.loops.push(st);
        this.push(st.range[0], st.range[1]);
        for (const s of st.body) this.statement(s);
        this.expr(st.condition);
        this.pop();
        this.loops.pop();
        return;
      case 'DoStatement': this.block(st.body, st.range[0], st.range[1]); return;
      case 'ForNumericStatement':
        this.expr(st.start); this.expr(st.end); if (st.step) this.expr(st.step);
        this.loops.push(st);
        this.push(st.range[0], st.range[1]);
        this.declare(st.variable, 'for', st.variable.range[1]);
        for (const s of st.body) this.statement(s);
        this.pop();
        this.loops.pop();
        return;
      case 'ForGenericStatement':
        for (const e of st.iterators) this.expr(e);
        this.loops.push(st);
        this.push(st.range[0], st.range[1]);
        for (const v of st.variables) this.declare(v, 'for', v.range[1]);
        for (const s of st.body) this.statement(s);
        this.pop();
        this.loops.pop();
        return;
      case 'LabelStatement': this.declare(st.label, 'label', st.range[0]); return;
      case 'GotoStatement': case 'BreakStatement': return;
    }
  }

  private func(fn: FunctionDeclaration): void {
    const id = fn.identifier;
    if (id?.type === 'Identifier') {
      if (fn.isLocal) this.declare(id, 'function', id.range[0]);
      else this.write(id);
    } else if (id) this.expr(id);
    const outerOwner = this.owner;
    const outerLoops = this.loops.splice(0);
    this.owner = fn;
    this.push(fn.range[0], fn.range[1]);
    if (id?.type === 'MemberExpression' && id.indexer === ':') {
      this.result.selfOf.set(fn, this.declare({ ...id.identifier, name: 'self' }, 'self', fn.range[0]));
    }
    for (const p of fn.parameters) {
      if (p.type === 'Identifier') this.declare(p, 'param', p.range[1]);
    }
    for (const s of fn.body) this.statement(s);
    this.pop();
    this.owner = outerOwner;
    this.loops.push(...outerLoops);
  }

  private expr(e: Expression): void {
    switch (e.type) {
      case 'Identifier': {
        const sym = this.lookup(e.name);
        if (sym) { this.result.resolved.set(e, sym); sym.reads.push(e); }
        return;
      }
      case 'FunctionDeclaration': this.func(e); return;
      case 'MemberExpression': this.expr(e.base); return;
      case 'IndexExpression': this.expr(e.base); this.expr(e.index); return;
      case 'CallExpression': this.expr(e.base); for (const a of e.arguments) this.expr(a); return;
      case 'TableCallExpression': this.expr(e.base); this.expr(e.arguments); return;
      case 'StringCallExpression': this.expr(e.base); return;
      case 'BinaryExpression': case 'LogicalExpression': this.expr(e.left); this.expr(e.right); return;
      case 'UnaryExpression': this.expr(e.argument); return;
      case 'TableConstructorExpression':
        for (const f of e.fields) {
          if (f.type === 'TableKey') this.expr(f.key);
          this.expr(f.value);
        }
        return;
      default:
    }
  }
}
