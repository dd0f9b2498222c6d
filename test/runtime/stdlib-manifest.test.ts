// The standard library manifest (manifests/lua-stdlib.json, what the checker and the editor know)
// names exactly what the sandboxed runtime gives a script: no false "undefined" in the checker, no
// completion of a function the runtime removed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../src/runtime/run-script';

const LIBRARIES = ['string', 'table', 'math', 'os', 'coroutine', 'utf8', 'debug'];
/** Every standard global of Lua 5.3 (the runtime leaves some out on purpose). */
const LUA53_GLOBALS = [...new Set(['assert', 'collectgarbage', 'dofile', 'error', 'getmetatable', 'ipairs', 'load', 'loadfile', 'next', 'pairs',
  'pcall', 'print', 'rawequal', 'rawget', 'rawlen', 'rawset', 'require', 'select', 'setmetatable', 'tonumber', 'tostring', 'type',
  'xpcall', '_VERSION', '_G', 'io', 'debug', 'package', ...LIBRARIES])];

interface StdlibManifest {
  globals: Record<string, { type: string }>;
  types: Record<string, { fields?: Record<string, unknown> }>;
}

function manifestNames(): string[] {
  const m = JSON.parse(readFileSync(join(__dirname, '../../manifests/lua-stdlib.json'), 'utf8')) as StdlibManifest;
  const names: string[] = [];
  for (const [name, g] of Object.entries(m.globals)) {
    names.push(name);
    const lib = /^lua\.(\w+)$/.exec(g.type)?.[1];
    for (const field of Object.keys((lib && m.types[lib]?.fields) ?? {})) names.push(`${name}.${field}`);
  }
  return names.sort();
}

async function runtimeNames(): Promise<string[]> {
  const source = `
    local out = {}
    for _, k in ipairs({${LUA53_GLOBALS.map((g) => JSON.stringify(g)).join(', ')}}) do
      if _G[k] ~= nil then out[#out + 1] = k end
    end
    for _, lib in ipairs({${[...LIBRARIES, 'package'].map((l) => JSON.stringify(l)).join(', ')}}) do
      if _G[lib] ~= nil then for k in pairs(_G[lib]) do out[#out + 1] = lib .. "." .. k end end
    end
    return table.concat(out, " ")`;
  const r = await runScript({ source, chunkName: 'stdlib.lua', modules: [] });
  expect(r.error).toBeUndefined();
  return String(r.result[0]).split(' ').sort();
}

describe('standard library manifest', () => {
  it('names exactly the globals and library functions the sandboxed runtime provides', async () => {
    expect(manifestNames()).toEqual(await runtimeNames());
  });
});
