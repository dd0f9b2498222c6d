-- json: encode tables as JSON text and decode JSON text into tables.
local json = require("json")

local text = json.encode({ name = "ada", tags = { "math", "engines" }, born = 1815, empty = {} })
print(text)

local value, err = json.decode('{"items": [1, 2, 3], "ok": true, "missing": null}')
if err then error(err) end
print("items: " .. #value.items .. ", ok: " .. tostring(value.ok) .. ", missing: " .. tostring(value.missing))

local _, bad = json.decode('{"a": 1,}')
if bad then print("bad JSON: " .. bad:kind() .. " - " .. bad:message()) end

local t = {}
t.self = t
local _, cyc = json.encode(t)
if cyc then print("cycle: " .. cyc:kind()) end
