-- Uses the project's own modules: util.lua and the folder module shapes/ (run: luamod run examples/project/main.lua).
local util = require("util")
local shapes = require("shapes")

local fields = util.split("a,b,,c", ",")
print("fields: " .. #fields .. ", sum: " .. util.add(40, 2))
print("area: " .. shapes.totalArea({ { w = 2, h = 3 }, { w = 1, h = 4 } }))
-- Loaded once per run: a second require gives the same table.
print("same module: " .. tostring(require("util") == util))
