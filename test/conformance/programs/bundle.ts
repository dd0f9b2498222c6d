// Bundles a driver with the pure-Lua libraries it requires (read from Debian's /usr/share/lua) into
// one chunk that runs unchanged on native lua5.3 and on luamod: each library becomes a function in
// a preload table and `require` is replaced by one that only knows those (so both runtimes see the
// same modules: a library's optional `pcall(require, "lpeg")` fails on both). Until luamod's own
// `require` of files lands (projects-rt), this is how real programs reach the runtime.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where Debian installs pure-Lua libraries (5.3 first). */
export const LUA_ROOTS = ['/usr/share/lua/5.3', '/usr/share/lua/5.1'];

/** The file of module `name` (`pl.List` -> pl/List.lua or pl/List/init.lua), or undefined. */
export function findModule(name: string, roots: readonly string[] = LUA_ROOTS): string | undefined {
  const rel = name.replace(/\./g, '/');
  for (const root of roots) {
    for (const candidate of [join(root, `${rel}.lua`), join(root, rel, 'init.lua')]) {
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

const REQUIRE = /\brequire\s*\(?\s*(["'])([\w.\-]+)\1/g;

/** Module names a source requires with a literal name. */
export function requiredNames(source: string): string[] {
  return [...source.matchAll(REQUIRE)].map((m) => m[2]);
}

export interface Bundle {
  /** The chunk: prelude, libraries, driver. */
  readonly source: Buffer;
  /** The libraries included: name -> file. */
  readonly modules: ReadonlyMap<string, string>;
}

/** Bundles `driver` (its text) with every library it reaches through literal `require`s. */
export function bundle(driver: Buffer, roots: readonly string[] = LUA_ROOTS): Bundle {
  const modules = new Map<string, string>();
  const queue = requiredNames(driver.toString('latin1'));
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (modules.has(name)) continue;
    const file = findModule(name, roots);
    if (!file) continue;
    modules.set(name, file);
    queue.push(...requiredNames(readFileSync(file, 'latin1')));
  }
  const parts: Buffer[] = [Buffer.from(PRELUDE)];
  for (const [name, file] of modules) {
    // A `#!` line is not Lua inside a function; blank it (line count kept).
    const text = readFileSync(file).toString('latin1').replace(/^#![^\n]*/, '');
    parts.push(Buffer.from(`__preload[${JSON.stringify(name)}] = function(...)\n`, 'latin1'), Buffer.from(text, 'latin1'), Buffer.from('\nend\n', 'latin1'));
  }
  parts.push(Buffer.from('do\n'), driver, Buffer.from('\nend\n'));
  return { source: Buffer.concat(parts), modules };
}

// `package` stands in for the one projects-rt adds to luamod (native Lua has its own: kept). luamod
// has no `io` (penlight reads io.stdout and luassert calls io.type when they load; the drivers never
// write through it) and
// its `os` is read-only (luaunit replaces os.exit): both runtimes get the same writable `os` layer.
const PRELUDE = `io = io or { type = function() return nil end }
os = setmetatable({}, { __index = os })
local __preload, __loaded = {}, {}
local __stdlib = { _G = true, string = true, table = true, math = true, utf8 = true, coroutine = true, os = true, io = true, debug = true }
package = package or { config = "/\\n;\\n?\\n!\\n-\\n", path = "", cpath = "", loaded = __loaded, preload = __preload }
function require(name)
  local v = __loaded[name]
  if v ~= nil then return v end
  local f = __preload[name]
  if not f and __stdlib[name] then return _G[name] end
  if not f then error("module '" .. tostring(name) .. "' not found", 2) end
  v = f(name)
  if v == nil then v = __loaded[name] end
  if v == nil then v = true end
  __loaded[name] = v
  package.loaded[name] = v
  return v
end
`;
