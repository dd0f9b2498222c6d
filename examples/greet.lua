-- A clean script: `luamod check examples/greet.lua` reports nothing.
-- Shows annotations, the standard library, a built-in module and the error-return idiom.
local time = require("time")
local json = require("json")

---@class Greeting
---@field name string
---@field at integer
local Greeting = {}
Greeting.__index = Greeting

---@param name string
---@return Greeting
function Greeting.new(name)
  return setmetatable({ name = name, at = time.now():unix() }, Greeting)
end

---@return string
function Greeting:text()
  return string.format("Hello, %s!", self.name:upper())
end

local g = Greeting.new("ada")
print(g:text())

-- Functions that can fail return (value?, Error?): check the error, then the value is known.
local encoded, err = json.encode({ name = g.name, at = g.at })
if err then
  print("could not encode: " .. err:message())
  return
end
print(#encoded .. " bytes: " .. encoded)

local started, perr = time.parse("2006-01-02", "2024-05-01")
if not started then
  print("bad date: " .. perr:message())
  return
end
print("days since: " .. math.floor(time.since(started):hours() / 24))
