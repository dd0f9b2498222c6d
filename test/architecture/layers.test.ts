// Checks the layering invariants of ARCHITECTURE.md by reading every import statement.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(join(root, dir));
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const rel = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(join(root, rel)).isDirectory()) return sourceFiles(rel);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** Every import/require specifier of a file, resolved to a repo-relative path when relative. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specs = [...text.matchAll(/(?:import|export)[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => m[1] ?? m[2] ?? m[3]);
  return specs.map((s) => (s.startsWith('.') ? relative(root, resolve(root, dirname(file), s)) : s));
}

/** Files under `from` must not import anything matching `forbidden`. */
function violations(from: string, forbidden: (spec: string) => boolean): string[] {
  return sourceFiles(from).flatMap((file) =>
    importsOf(file).filter(forbidden).map((spec) => `${file} imports ${spec}`),
  );
}

const inside = (...dirs: string[]) => (spec: string) =>
  dirs.some((d) => spec === d || spec.startsWith(d + '/'));

describe('layering invariants (ARCHITECTURE.md)', () => {
  it('src/types imports nothing else from luamod', () => {
    expect(violations('src/types', (s) => !s.startsWith('src/types') && /^(src|server|client)\//.test(s))).toEqual([]);
  });
  it('src/io (the safe file reader every layer uses) imports nothing else from luamod', () => {
    expect(violations('src/io', (s) => !s.startsWith('src/io') && /^(src|server|client)\//.test(s))).toEqual([]);
  });
  it('src/module depends only on src/types (and its own files)', () => {
    expect(violations('src/module', (s) => /^(src|server|client)\//.test(s) && !inside('src/types', 'src/module', 'src/manifests', 'src/io')(s))).toEqual([]);
  });
  it('src/manifests depends only on src/types', () => {
    expect(violations('src/manifests', (s) => /^(src|server|client)\//.test(s) && !inside('src/types', 'src/manifests', 'src/io')(s))).toEqual([]);
  });
  it('src/checker never imports the protocol, the runtime or fengari', () => {
    expect(violations('src/checker', (s) => /^vscode-languageserver|^vscode-jsonrpc|^fengari/.test(s) || inside('src/runtime', 'server', 'src/service')(s))).toEqual([]);
  });
  it('src/runtime never imports the checker or the server', () => {
    expect(violations('src/runtime', (s) => inside('src/checker', 'src/service', 'server')(s) || /^vscode-/.test(s))).toEqual([]);
  });
  it('src/service is protocol-free: no vscode-languageserver connection', () => {
    expect(violations('src/service', (s) => s === 'vscode-languageserver' || s.startsWith('vscode-languageserver/') || inside('server')(s))).toEqual([]);
  });
  it('client talks to the server only through LSP (shared protocol file allowed)', () => {
    expect(violations('client', (s) => /^(src|server)\//.test(s) && !inside('src/protocol')(s))).toEqual([]);
  });
  it('src/embed (createRuntime) never imports the checker, the service or the server', () => {
    expect(violations('src/embed', (s) => inside('src/checker', 'src/service', 'server', 'src/cli', 'src/api')(s) || /^vscode-/.test(s))).toEqual([]);
  });
  it('nothing inside luamod imports the public entry points (src/api)', () => {
    expect(['src/types', 'src/module', 'src/manifests', 'src/checker', 'src/runtime', 'src/embed', 'src/modules', 'src/config', 'src/service', 'src/cli', 'server']
      .flatMap((d) => violations(d, inside('src/api')))).toEqual([]);
  });
  it('this test actually sees imports', () => {
    expect(importsOf('src/module/module-def.ts')).toContain('src/types/manifest');
  });
});
