// Attacks on the checker with types defined in terms of themselves: alias cycles (`A = B|C`,
// `B = C|A`, `C = A|B`, `A = A?`, through intersections) and class inheritance cycles. Each used
// to overflow the stack at the first member lookup, so the file became one "nested too deeply"
// error and its real findings disappeared. Now: one annotation-error per name in the cycle, at its
// declaration, and the rest of the file checked as usual.
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/checker/analyze';
import { environmentFromRegistry } from '../../src/checker/environment';
import { ModuleRegistry } from '../../src/module/registry';
import { builtinModules } from '../../src/modules';

const env = environmentFromRegistry(ModuleRegistry.load({ modules: builtinModules }));

/** `line:code: message` of each diagnostic (lines 1-based). */
function check(text: string): string[] {
  return analyze(text, { env }).diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}: ${d.message}`);
}

/** A real finding after the annotations: it must survive whatever the annotations do. */
const REAL = 'print(real_finding)\nstring.format()\n';

describe('alias and class cycles are annotation-errors; the rest of the file is checked', () => {
  test.each([
    ['three aliases in a union cycle', '---@alias A B|C\n---@alias B C|A\n---@alias C A|B\n', ['A', 'B', 'C'], 'alias'],
    ['an alias of itself', '---@alias A A\n', ['A'], 'alias'],
    ['an optional of itself', '---@alias A A?\n', ['A'], 'alias'],
    ['a cycle through intersections', '---@alias A B & {x: integer}\n---@alias B A & {y: integer}\n', ['A', 'B'], 'alias'],
    ['a long cycle', Array.from({ length: 300 }, (_, i) => `---@alias T${i} T${(i + 1) % 300}|nil\n`).join(''), Array.from({ length: 300 }, (_, i) => `T${i}`), 'alias'],
    ['two classes inheriting from each other', '---@class A : B\n---@class B : A\n', ['A', 'B'], 'class'],
    ['a class inheriting from itself', '---@class A : A\n', ['A'], 'class'],
  ])('%s', (_name, annotations, names, kind) => {
    const uses = `---@type ${names[0]}\nlocal x = {}\nprint(x.foo)\n---@param p ${names[0]}\nlocal function f(p) return p.bar end\nf(1)\n`;
    const text = annotations + uses + REAL;
    const got = check(text);
    expect(got.join('\n')).not.toMatch(/nested too deeply/);
    const errors = got.filter((d) => d.includes('annotation-error'));
    expect(errors.map((e) => /'(\w+)' is defined in terms of itself/.exec(e)?.[1]).sort()).toEqual([...names].sort());
    expect(errors.every((e) => e.includes(`annotation-error: ${kind} '`))).toBe(true);
    // The real findings of the file are all still there.
    const realLine = text.split('\n').length - 3;
    expect(got).toContain(`${realLine + 1}:undefined-global: undefined global 'real_finding'`);
    expect(got.some((d) => d.startsWith(`${realLine + 2}:missing-parameter:`))).toBe(true);
  });

  test('recursive types through a table, an array or a function are not cycles', () => {
    const text = '---@alias Tree {left: Tree?, value: integer}\n---@alias List List[]\n---@alias F fun(): F\n---@type Tree\nlocal t = { value = 1 }\nprint(t.value, t.nope)\n';
    const got = check(text);
    expect(got.filter((d) => d.includes('annotation-error'))).toEqual([]);
    expect(got).toContain("6:undefined-field: {left, value} has no field 'nope'");
  });

  test('a class in a cycle keeps its parents outside the cycle', () => {
    const text = '---@class Base\n---@field id integer\n---@class A : B, Base\n---@class B : A\n---@type A\nlocal a = { id = 1 }\nprint(a.id, a.nope)\n';
    const got = check(text);
    expect(got.filter((d) => d.includes('annotation-error'))).toHaveLength(2);
    expect(got.some((d) => d.startsWith('7:undefined-field:') && d.includes("'nope'"))).toBe(true);
    expect(got.some((d) => d.includes("'id'"))).toBe(false);
  });
});
