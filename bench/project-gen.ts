// A generated project for the project-layer benchmarks: `layers` layers of `width` files; each file
// requires 3 files of the next layer (a fixed pseudo-random choice), so every chain of requires is
// `layers` deep. Each file is a documented module (~40 lines) whose functions call its dependencies'.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GeneratedProject {
  /** Absolute paths of every file, layer by layer. */
  readonly files: string[];
  /** Module name → the module names it requires. */
  readonly requires: Map<string, string[]>;
  /** Module name → its file. */
  readonly fileOf: Map<string, string>;
}

/** Writes the project under `dir` (1,000 files by default: 10 layers of 100). */
export function generateProject(dir: string, layers = 10, width = 100): GeneratedProject {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const files: string[] = [];
  const requires = new Map<string, string[]>();
  const fileOf = new Map<string, string>();
  for (let l = 0; l < layers; l++) {
    mkdirSync(join(dir, `layer${l}`), { recursive: true });
    for (let i = 0; i < width; i++) {
      const name = `layer${l}.m${i}`;
      const deps = l + 1 < layers ? [...new Set([0, 1, 2].map(() => `layer${l + 1}.m${Math.floor(random() * width)}`))] : [];
      requires.set(name, deps);
      const lines = [`-- ${name}: generated for the project benchmarks`];
      deps.forEach((d, j) => lines.push(`local d${j} = require("${d}")`));
      lines.push('local M = {}', '', '--- Scales a value.', '---@param x number', '---@return number', 'function M.scale(x)', '  return x * 2', 'end', '');
      lines.push('--- The value of this module.', `M.value = ${deps.length ? 'd0.value' : String(i)}`, '');
      lines.push('---@param items number[]', '---@return number', 'function M.sum(items)', '  local total = 0', '  for _, v in ipairs(items) do', '    total = total + M.scale(v)', '  end', '  return total', 'end', '');
      lines.push('function M.run()', `  return ${deps.length ? deps.map((_, j) => `d${j}.scale(d${j}.value) + d${j}.sum({ 1, 2 })`).join(' + ') : '0'}`, 'end', '');
      lines.push('return M');
      const file = join(dir, `layer${l}`, `m${i}.lua`);
      writeFileSync(file, lines.join('\n') + '\n');
      files.push(file);
      fileOf.set(name, file);
    }
  }
  return { files, requires, fileOf };
}

/** The modules that require `name`, directly or not. */
export function dependentsOf(p: GeneratedProject, name: string): Set<string> {
  const by = new Map<string, string[]>();
  for (const [m, deps] of p.requires) for (const d of deps) by.set(d, [...(by.get(d) ?? []), m]);
  const out = new Set<string>();
  const stack = [name];
  while (stack.length) for (const m of by.get(stack.pop()!) ?? []) if (!out.has(m)) { out.add(m); stack.push(m); }
  return out;
}

/** The module with the fewest dependents that still has at least `n` (the one the edit benchmark edits). */
export function moduleWithDependents(p: GeneratedProject, n: number): { name: string; dependents: Set<string> } {
  let best: { name: string; dependents: Set<string> } | undefined;
  for (const name of p.requires.keys()) {
    const d = dependentsOf(p, name);
    if (d.size >= n && (!best || d.size < best.dependents.size)) best = { name, dependents: d };
  }
  if (!best) throw new Error(`no module has ${n} dependents`);
  return best;
}
