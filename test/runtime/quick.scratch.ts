import { runScript } from '../../src/runtime/run-script';
(async () => {
  for (const src of [
    'print("hi", 1, 2.5, nil, true) return 1, "x"',
    '#!/usr/bin/lua\nprint(x.y)',
    'local e = errors.new{message="boom", kind="NOT_FOUND"} print(e:kind(), tostring(e), "a"..e, e.."b") error(e)',
    'string.x = 1',
    'print(math.maxinteger, 2147483647 + 1) foo()',
    'local co = coroutine.wrap(function(a) local b = coroutine.yield(a+1) return b*2 end) print(co(1), co(10))',
    'coroutine.yield(1)',
    'while true do end',
    'print(load("return 1+1")()) print(pcall(load, "\\27Lua"))',
    'print(require("errors") == errors, pcall(require, "nope"))',
    'for k, v in pairs(errors) do io.write(k) end',
    'print(#errors, next(errors) ~= nil, rawget(errors, "new") ~= nil, pcall(rawset, errors, "x", 1)) print(pcall(setmetatable, errors, {})) print(pcall(table.insert, errors, 1))',
    'x = 5 print(_G.x, _ENV == _G, getmetatable(_ENV))',
  ]) {
    const r = await runScript({ source: src, chunkName: 'a.lua', timeoutMs: 300 });
    console.log(JSON.stringify(r.output), JSON.stringify(r.result), JSON.stringify(r.error && { ...r.error, stack: undefined }));
  }
})();
