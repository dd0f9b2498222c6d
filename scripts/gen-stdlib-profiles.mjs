// Generates the standard-library manifests of the host profiles (`runtime.version`, library "full"):
//   manifests/stdlib/lua-5.1.json, lua-5.2.json, lua-5.3.json, lua-5.4.json, lua-luajit.json
// from manifests/lua-stdlib.json (the sandbox: its types are reused) plus the table below.
// The names each version provides were dumped from the real interpreters (lua5.1, lua5.3, lua5.4,
// luajit 2.1 as Debian builds them, compatibility names included); 5.2 follows its manual with
// LUA_COMPAT_ALL. `node scripts/gen-stdlib-profiles.mjs` rewrites them;
// test/checker/profiles.test.ts checks they are current.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const COMMON = `_G _VERSION arg assert collectgarbage coroutine coroutine.create coroutine.resume coroutine.running
coroutine.status coroutine.wrap coroutine.yield debug debug.debug debug.gethook debug.getinfo debug.getlocal
debug.getmetatable debug.getregistry debug.getupvalue debug.sethook debug.setlocal debug.setmetatable
debug.setupvalue debug.traceback dofile error getmetatable io io.close io.flush io.input io.lines io.open
io.output io.popen io.read io.stderr io.stdin io.stdout io.tmpfile io.type io.write ipairs load loadfile math
math.abs math.acos math.asin math.atan math.atan2 math.ceil math.cos math.cosh math.deg math.exp math.floor
math.fmod math.frexp math.huge math.ldexp math.log math.log10 math.max math.min math.modf math.pi math.pow
math.rad math.random math.randomseed math.sin math.sinh math.sqrt math.tan math.tanh next os os.clock os.date
os.difftime os.execute os.exit os.getenv os.remove os.rename os.setlocale os.time os.tmpname package
package.config package.cpath package.loaded package.loadlib package.path package.preload pairs pcall print
rawequal rawget rawset require select setmetatable string string.byte string.char string.dump string.find
string.format string.gmatch string.gsub string.len string.lower string.match string.rep string.reverse
string.sub string.upper table table.concat table.insert table.remove table.sort tonumber tostring type xpcall`;

const COMPAT51 = `debug.getfenv debug.setfenv gcinfo getfenv loadstring math.mod module newproxy package.loaders
package.seeall setfenv string.gfind table.foreach table.foreachi table.getn table.maxn table.setn unpack`;
const BIT32 = 'bit32 bit32.arshift bit32.band bit32.bnot bit32.bor bit32.btest bit32.bxor bit32.extract bit32.lrotate bit32.lshift bit32.replace bit32.rrotate bit32.rshift';
const LUA52 = `${BIT32} debug.getuservalue debug.setuservalue debug.upvalueid debug.upvaluejoin package.searchers
package.searchpath rawlen table.pack table.unpack`;
const LUA53 = `${LUA52} coroutine.isyieldable math.maxinteger math.mininteger math.tointeger math.type math.ult
string.pack string.packsize string.unpack table.move utf8 utf8.char utf8.charpattern utf8.codepoint utf8.codes
utf8.len utf8.offset`;

/** The names of each version's full library. */
export const VERSION_NAMES = {
  '5.1': `${COMMON} ${COMPAT51}`,
  '5.2': `${COMMON} ${LUA52} loadstring math.log10 module package.loaders package.seeall table.maxn unpack`,
  '5.3': `${COMMON} ${LUA53}`,
  '5.4': `${COMMON} ${LUA53} coroutine.close debug.setcstacklimit warn`.replace(/\bbit32\S*/g, ''),
  'luajit': `${COMMON} debug.getfenv debug.setfenv debug.upvalueid debug.upvaluejoin gcinfo getfenv loadstring
module newproxy package.loaders package.searchpath package.seeall setfenv table.foreach table.foreachi table.getn
table.maxn table.move unpack coroutine.isyieldable bit bit.arshift bit.band bit.bnot bit.bor bit.bswap bit.bxor
bit.lshift bit.rol bit.ror bit.rshift bit.tobit bit.tohex jit jit.arch jit.attach jit.flush jit.off jit.on jit.opt
jit.os jit.security jit.status jit.version jit.version_num`,
};

const VERSION_TEXT = { '5.1': 'Lua 5.1', '5.2': 'Lua 5.2', '5.3': 'Lua 5.3', '5.4': 'Lua 5.4', luajit: 'LuaJIT 2.1 (Lua 5.1 with extensions)' };

const T = (type, description) => ({ type, description });
const FILE_T = 'lua.file';
/** Types of the names the sandbox manifest lacks (or has in a narrower form). */
const EXTRA = {
  'arg': T('{[integer]: string}', 'The command-line arguments of a standalone script (`arg[0]` is the script name); nil in embedded hosts.'),
  'dofile': T('fun(filename?: string) -> ...any', 'Runs the file `filename` (standard input without it) and returns its results.'),
  'loadfile': T('fun(filename?: string, mode?: string, env?: {[string]: any}) -> (fun(...any) -> ...any, string?)', 'Compiles the file `filename`; returns the function, or nil and the error message.'),
  'load': T('fun(chunk: string | fun() -> string?, chunkname?: string, mode?: string, env?: {[string]: any}) -> (fun(...any) -> ...any, string?)', 'Compiles a chunk (text or binary); returns the function, or nil and the error message.'),
  'require': T('fun(name: string) -> any', 'Loads module `name` through `package.searchers` (`package.path`, `package.cpath`, `package.preload`) and caches it in `package.loaded`.'),
  'collectgarbage': T('fun(opt?: string, arg?: number) -> any', 'Controls the garbage collector (`"collect"`, `"count"`, `"step"`, ...).'),
  'loadstring': T('fun(s: string, chunkname?: string) -> (fun(...any) -> ...any, string?)', 'Compiles the text `s` (5.1; `load` since 5.2).'),
  'unpack': T('fun(list: {[any]: any}, i?: integer, j?: integer) -> ...any', 'The elements `list[i]` to `list[j]` (5.1; `table.unpack` since 5.2).'),
  'module': T('fun(name: string, ...any)', 'Creates module `name` and makes it the environment of the calling chunk (5.1).'),
  'setfenv': T('fun(f: any, env: {[string]: any}) -> any', 'Sets the environment of function `f` (or of the function at stack level `f`) (5.1).'),
  'getfenv': T('fun(f?: any) -> {[string]: any}', 'The environment of function `f` (or of the function at stack level `f`) (5.1).'),
  'gcinfo': T('fun() -> integer', 'The memory in use, in KB (5.1; `collectgarbage("count")`).'),
  'newproxy': T('fun(mt?: boolean | any) -> any', 'A new zero-size userdata, with a metatable when `mt` is true (5.1, undocumented).'),
  'warn': T('fun(msg: string, ...string)', 'Emits a warning made of the concatenated arguments (5.4).'),
  // The sandbox keeps a narrower debug subset (no thread argument, tables only); the full library has the manual's forms.
  'debug.getinfo': T('fun(thread_or_f: any, f_or_what?: any, what?: string) -> {[string]: any}', 'A table describing function `f` or stack level `f` (1 is the caller) of the thread (the running one without it): `source`, `short_src`, `what`, `currentline`, `linedefined`, `name`, ...; nil for a level past the top of the stack.'),
  'debug.traceback': T('fun(thread_or_message?: any, message_or_level?: any, level?: integer) -> any', '`message` followed by a traceback of the thread\'s call stack (the running thread without it) from `level`; a non-string, non-nil message is returned as it is.'),
  'debug.getmetatable': T('fun(value: any) -> any', 'The metatable of `value`, ignoring `__metatable`.'),
  'debug.setmetatable': T('fun(value: any, mt: {[any]: any}?) -> any', 'Sets the metatable of `value` (of any type: strings, functions, numbers share one per type); returns `value`.'),
  'io': T('lua.io', 'The `io` library.'),
  'debug': T('lua.debug', 'The `debug` library.'),
  'package': T('lua.package', 'The `package` library: how `require` finds modules.'),
  'bit32': T('lua.bit32', 'The `bit32` library (5.2; kept by 5.3 for compatibility).'),
  'bit': T('lua.bit', 'LuaJIT\'s `bit` library (BitOp).'),
  'jit': T('lua.jit', 'LuaJIT\'s `jit` library.'),
  'os.execute': T('fun(command?: string) -> (boolean | integer | nil, string?, integer?)', 'Runs a shell command.'),
  'os.execute51': T('fun(command?: string) -> integer', 'Runs a shell command; returns its status (Lua 5.1, LuaJIT).'),
  'os.exit': T('fun(code?: boolean | integer, close?: boolean) -> never', 'Ends the host program.'),
  'os.getenv': T('fun(varname: string) -> string?', 'The value of environment variable `varname`, or nil.'),
  'os.remove': T('fun(filename: string) -> (true?, string?, integer?)', 'Deletes a file or empty folder.'),
  'os.rename': T('fun(oldname: string, newname: string) -> (true?, string?, integer?)', 'Renames a file or folder.'),
  'os.setlocale': T('fun(locale?: string, category?: string) -> string?', 'Sets the locale; returns its name, or nil.'),
  'os.tmpname': T('fun() -> string', 'A name usable for a temporary file.'),
  'string.dump': T('fun(f: fun(...any) -> ...any, strip?: boolean) -> string', 'The binary representation of a Lua function.'),
  'string.gfind': T('fun(s: string, pattern: string) -> fun() -> (string?, ...string)', 'Old name of `string.gmatch` (5.0 compatibility).'),
  'table.getn': T('fun(list: {[any]: any}) -> integer', 'The length of `list` (5.1; `#list` since).'),
  'table.setn': T('fun(list: {[any]: any}, n: integer)', 'Obsolete (5.1): raises an error.'),
  'table.maxn': T('fun(t: {[any]: any}) -> number', 'The largest positive numeric key of `t`, or 0.'),
  'table.foreach': T('fun(t: {[any]: any}, f: fun(k: any, v: any) -> any) -> any', 'Calls `f(k, v)` for each pair (5.0 compatibility).'),
  'table.foreachi': T('fun(t: {[any]: any}, f: fun(i: integer, v: any) -> any) -> any', 'Calls `f(i, v)` for each array element (5.0 compatibility).'),
  'math.mod': T('fun(x: number, y: number) -> number', 'Old name of `math.fmod` (5.0 compatibility).'),
  'math.atan2': T('fun(y: number, x: number) -> number', 'The arc tangent of `y/x` (deprecated since 5.3: `math.atan(y, x)`).'),
  'math.cosh': T('fun(x: number) -> number', 'Hyperbolic cosine (deprecated since 5.3).'),
  'math.sinh': T('fun(x: number) -> number', 'Hyperbolic sine (deprecated since 5.3).'),
  'math.tanh': T('fun(x: number) -> number', 'Hyperbolic tangent (deprecated since 5.3).'),
  'math.pow': T('fun(x: number, y: number) -> number', '`x ^ y` (deprecated since 5.3).'),
  'math.frexp': T('fun(x: number) -> (number, integer)', 'Mantissa and exponent of `x` (deprecated since 5.3).'),
  'math.ldexp': T('fun(m: number, e: integer) -> number', '`m * 2^e` (deprecated since 5.3).'),
  'math.log10': T('fun(x: number) -> number', 'Base-10 logarithm (deprecated since 5.2: `math.log(x, 10)`).'),
  'coroutine.close': T('fun(co: any) -> (boolean, any)', 'Closes a suspended or dead coroutine (5.4).'),
  'io.close': T(`fun(file?: ${FILE_T}) -> (true?, string?)`, 'Closes `file` (the default output without it).'),
  'io.flush': T('fun()', 'Flushes the default output.'),
  'io.input': T(`fun(file?: string | ${FILE_T}) -> ${FILE_T}`, 'Sets or returns the default input.'),
  'io.lines': T('fun(filename?: string, ...any) -> fun() -> (any, ...any)', 'Iterates over the lines (or formats) of a file.'),
  'io.open': T(`fun(filename: string, mode?: string) -> (${FILE_T}?, string?, integer?)`, 'Opens a file; returns it, or nil and the error message.'),
  'io.output': T(`fun(file?: string | ${FILE_T}) -> ${FILE_T}`, 'Sets or returns the default output.'),
  'io.popen': T(`fun(prog: string, mode?: string) -> (${FILE_T}?, string?)`, 'Runs `prog` and returns a file connected to its output (or input).'),
  'io.read': T('fun(...any) -> ...any', 'Reads from the default input by the given formats.'),
  'io.tmpfile': T(`fun() -> ${FILE_T}?`, 'A new temporary file.'),
  'io.type': T('fun(obj: any) -> string?', '`"file"`, `"closed file"` or nil.'),
  'io.write': T(`fun(...string | number) -> (${FILE_T}?, string?)`, 'Writes to the default output.'),
  'io.stdin': T(FILE_T, 'The standard input.'),
  'io.stdout': T(FILE_T, 'The standard output.'),
  'io.stderr': T(FILE_T, 'The standard error.'),
};

/** Library tables with the type each field has when the table above does not say. */
const LIBRARY_DEFAULTS = {
  debug: T('fun(...any) -> ...any', 'See the Lua manual.'),
  package: T('any', 'See the Lua manual.'),
  bit32: T('fun(...integer) -> integer', 'See the Lua manual.'),
  bit: T('fun(...number) -> number', 'See the LuaJIT BitOp documentation.'),
  jit: T('any', 'See the LuaJIT documentation.'),
};
const PACKAGE_FIELDS = {
  'package.config': T('string', 'Compile-time configuration: directory separator, path separator, ...'),
  'package.cpath': T('string', 'The path `require` searches for C loaders.'),
  'package.path': T('string', 'The path `require` searches for Lua loaders.'),
  'package.loaded': T('{[string]: any}', 'The modules already loaded, by name.'),
  'package.preload': T('{[string]: any}', 'Loaders of modules, by name.'),
  'package.searchers': T('{[integer]: any}', 'The searchers `require` tries, in order.'),
  'package.loaders': T('{[integer]: any}', 'The searchers `require` tries, in order (5.1 name).'),
  'package.loadlib': T('fun(libname: string, funcname: string) -> (any, string?)', 'Links the C library `libname`.'),
  'package.searchpath': T('fun(name: string, path: string, sep?: string, rep?: string) -> (string?, string?)', 'Searches `name` in `path`.'),
  'package.seeall': T('fun(module: {[string]: any})', 'Makes a module see the globals (5.1).'),
  'bit.tohex': T('fun(x: number, n?: integer) -> string', 'Hex string of `x`.'),
  'bit32.btest': T('fun(...integer) -> boolean', 'Whether the bitwise and of the operands is not zero.'),
};
const FILE_METHODS = {
  close: 'fun(self) -> (true?, string?)', flush: 'fun(self)', lines: 'fun(self, ...any) -> fun() -> (any, ...any)',
  read: 'fun(self, ...any) -> ...any', seek: 'fun(self, whence?: string, offset?: integer) -> (integer?, string?)',
  setvbuf: 'fun(self, mode: string, size?: integer) -> (true?, string?)', write: `fun(self, ...string | number) -> (${FILE_T}?, string?)`,
};

/** The full-library manifest of `version`. */
export function profileManifest(version) {
  const sandbox = JSON.parse(readFileSync(join(root, 'manifests/lua-stdlib.json'), 'utf8'));
  const names = VERSION_NAMES[version].split(/\s+/).filter(Boolean);
  const globals = {};
  const types = { file: { description: 'An open file (what `io.open` returns).', methods: Object.fromEntries(Object.entries(FILE_METHODS).map(([k, v]) => [k, { type: v }])) } };
  const typeOf = (qualified) => EXTRA[qualified] ?? PACKAGE_FIELDS[qualified];
  for (const name of names.filter((n) => !n.includes('.')).sort()) {
    const base = sandbox.globals[name];
    let g = typeOf(name) ?? base ?? T('any', '');
    if (name === '_VERSION') g = T('string', `\`"${VERSION_TEXT[version].split(' (')[0]}"\`.`);
    if (name === 'os') g = T('lua.os', 'The `os` library.');
    globals[name] = g;
    const lib = /^lua\.(\w+)$/.exec(g.type)?.[1];
    if (!lib) continue;
    const fields = {};
    for (const q of names.filter((n) => n.startsWith(`${name}.`)).sort()) {
      const f = q.slice(name.length + 1);
      const old = (version === '5.1' || version === 'luajit') && q === 'os.execute' ? EXTRA['os.execute51'] : undefined;
      fields[f] = old ?? typeOf(q) ?? sandbox.types[lib]?.fields?.[f] ?? LIBRARY_DEFAULTS[name] ?? T('any', '');
    }
    const desc = sandbox.types[lib]?.description ?? `The \`${name}\` library.`;
    types[lib] = { description: name === 'os' ? 'The `os` library.' : desc, fields };
  }
  return {
    $schema: '../schema.json',
    name: 'lua',
    description: `The standard library of ${VERSION_TEXT[version]}, whole (runtime.library "full"). Generated by scripts/gen-stdlib-profiles.mjs.`,
    class: sandbox.class,
    types,
    globals,
  };
}

export const VERSIONS = Object.keys(VERSION_NAMES);

/** The file text of each generated manifest. */
export function generated() {
  return VERSIONS.map((v) => ({ file: join(root, 'manifests/stdlib', `lua-${v}.json`), text: JSON.stringify(profileManifest(v), null, 2) + '\n' }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(join(root, 'manifests/stdlib'), { recursive: true });
  for (const g of generated()) writeFileSync(g.file, g.text);
}
