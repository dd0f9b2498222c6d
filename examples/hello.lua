#!/usr/bin/env luamod run
-- hello.lua: the smallest luamod script. Run it with `node bin/luamod.js run examples/hello.lua`.

local function greet(name)
  if type(name) ~= "string" or name == "" then
    return nil, errors.new{message = "a name is required", kind = errors.INVALID}
  end
  return "Hello, " .. name .. "!"
end

print(greet("world"))

local _, err = greet("")
if err then
  print("and with no name: " .. err .. " (" .. err:kind() .. ")")
end
