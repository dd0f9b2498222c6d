-- env: read and set variables in the engine's environment map.
-- Run from the repository root:  luamod run examples/modules/env.lua --allow 'env.*'
local env = require("env")

local ok, err = env.set("LUAMOD_EXAMPLE", "hello")
if err then
  print("env.set failed: " .. err:kind() .. " - " .. err:message())
  print("(the CLI denies env access unless you pass --allow 'env.*')")
  return
end
print("set: " .. tostring(ok))
print("LUAMOD_EXAMPLE = " .. tostring(env.get("LUAMOD_EXAMPLE")))
print("unset variable: " .. tostring(env.get("LUAMOD_SURELY_NOT_SET_42")))

local _, bad = env.get("")
if bad then print("empty name: " .. bad:kind()) end
