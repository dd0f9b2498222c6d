-- env: read and set variables in the engine's environment map.
local env = require("env")

local ok, err = env.set("LUAMOD_EXAMPLE", "hello")
if not ok then error(err) end
print("LUAMOD_EXAMPLE = " .. env.get("LUAMOD_EXAMPLE"))
print("unset variable: " .. tostring(env.get("LUAMOD_SURELY_NOT_SET_42")))

local _, bad = env.get("")
if bad then print("empty name: " .. bad:kind()) end
