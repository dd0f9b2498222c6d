-- End-to-end fixture: a script using the time and json modules.
local time = require("time")
local json = require("json")

---@param name string who to greet
---@return string greeting
local function greet(name)
  return "hello, " .. name
end

local started = time.now()
local payload = json.encode({ greeting = greet("luamod"), count = 3 })
print("payload: " .. tostring(payload))
print("luamod e2e ok")
return started ~= nil
