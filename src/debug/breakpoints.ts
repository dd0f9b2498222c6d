// Source breakpoints: per file, verified against the lines that hold code (moved to the next such
// line), with conditions, hit conditions and log messages. The hook asks `hasLine` first (a set of
// line numbers over all files), so lines without a breakpoint cost one set lookup.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lua, to_jsstring, type lua_Debug, type lua_State } from 'fengari';
import { codeLines, nextCodeLine } from './code-lines';
import type { Frame } from './frames';

export interface BreakpointSpec {
  readonly line: number;
  readonly condition?: string;
  readonly hitCondition?: string;
  readonly logMessage?: string;
}

export interface VerifiedBreakpoint {
  readonly id: number;
  readonly verified: boolean;
  readonly line: number;
  readonly message?: string;
}

interface Bp extends BreakpointSpec { readonly id: number; hits: number }

/** What the hook does at a breakpoint line: stop, or print a log message. */
export interface StopDecision { readonly log?: string }

export type Evaluator = (frame: Frame, text: string) => { ok: boolean; value: string; truthy: boolean };

let nextId = 1;

export class Breakpoints {
  private readonly byFile = new Map<string, Map<number, Bp>>();
  private lines = new Set<number>();

  constructor(private readonly cwd: string) {}

  /** Replaces the breakpoints of `path` (absolute); returns them verified, in the given order. */
  set(path: string, specs: readonly BreakpointSpec[], source?: string): VerifiedBreakpoint[] {
    const file = resolve(path);
    let text = source;
    if (text === undefined) {
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        this.byFile.delete(file);
        this.reindex();
        return specs.map((s) => ({ id: nextId++, verified: false, line: s.line, message: `cannot read ${file}: ${(e as Error).message}` }));
      }
    }
    const code = codeLines(text);
    const map = new Map<number, Bp>();
    const out = specs.map((s): VerifiedBreakpoint => {
      const id = nextId++;
      if ('error' in code) return { id, verified: false, line: s.line, message: `the file does not compile: ${code.error}` };
      const line = nextCodeLine(code.lines, s.line);
      if (line === undefined) return { id, verified: false, line: s.line, message: 'no code on or after this line' };
      if (!map.has(line)) map.set(line, { ...s, line, id, hits: 0 });
      return { id, verified: true, line };
    });
    if (map.size > 0) this.byFile.set(file, map);
    else this.byFile.delete(file);
    this.reindex();
    return out;
  }

  any(): boolean { return this.lines.size > 0; }
  hasLine(line: number): boolean { return this.lines.has(line); }

  /** At a line event with a breakpoint line number: the decision for the frame `ar` (level 0 of L), or null. */
  check(ar: lua_Debug, L: lua_State, line: number, evaluate: Evaluator): StopDecision | null {
    lua.lua_getinfo(L, 'S', ar);
    const source = ar.source ? to_jsstring(ar.source) : '';
    if (!source.startsWith('@')) return null;
    const bp = this.byFile.get(resolve(this.cwd, source.slice(1)))?.get(line);
    if (!bp) return null;
    const frame: Frame = { thread: L, level: 0, source: source.slice(1), line, name: '' };
    if (bp.condition !== undefined && bp.condition.trim() !== '') {
      const r = evaluate(frame, bp.condition);
      // A condition that fails to evaluate stops, so the user sees why.
      if (r.ok && !r.truthy) return null;
    }
    bp.hits++;
    if (bp.hitCondition !== undefined && bp.hitCondition.trim() !== '' && !hitMatches(bp.hitCondition, bp.hits)) return null;
    if (bp.logMessage !== undefined) {
      return { log: bp.logMessage.replace(/\{([^{}]+)\}/g, (_, expr: string) => evaluate(frame, expr).value) };
    }
    return {};
  }

  private reindex(): void {
    this.lines = new Set<number>();
    for (const m of this.byFile.values()) for (const l of m.keys()) this.lines.add(l);
  }
}

/**
 * Whether hit number `hits` matches a hit condition: `N` or `>= N` (from the Nth hit on), `> N`,
 * `== N` / `= N` (only the Nth), `< N`, `<= N`, `% N` (every Nth). Anything else never matches.
 */
export function hitMatches(condition: string, hits: number): boolean {
  const m = /^\s*(>=|<=|==|=|>|<|%)?\s*(\d+)\s*$/.exec(condition);
  if (!m) return false;
  const n = Number(m[2]);
  switch (m[1]) {
    case undefined: case '>=': return hits >= n;
    case '>': return hits > n;
    case '==': case '=': return hits === n;
    case '<': return hits < n;
    case '<=': return hits <= n;
    case '%': return n > 0 && hits % n === 0;
    default: return false;
  }
}
