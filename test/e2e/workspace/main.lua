-- End-to-end fixture: a script using the time and json modules.
local time = require("time")
local json = require("json")

local started = time.now()
local payload = json.encode({ greeting = "hello", count = 3 })
print("payload: " .. payload)
print("luamod e2e ok")
return started ~= nil
