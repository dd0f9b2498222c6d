-- inspect.lua: human-readable dumps of nested tables, numbers of every kind, cycles, metatables.
local inspect = require("inspect")
print(inspect({1, 2, 3}))
print(inspect({a = 1, b = {c = "x", d = {1.5, 1e15, -0.0, 1/0}}}))
print(inspect({"\0\1\n\t\"", [10] = true, [1.5] = false}))
local t = {name = "cycle"}
t.self = t
print(inspect(t))
print(inspect(setmetatable({x = 1}, {__index = {y = 2}})))
print(inspect({1, 2, {3, {4, {5}}}}, {depth = 2}))
print(inspect({a = {b = 1}}, {newline = " ", indent = ""}))
print(inspect({f = 1, g = 2}, {process = function(item, path) if path[#path] ~= "g" then return item end end}))
print(inspect(12345678901234.5), inspect(0.1), inspect("caf\xe9"), inspect(nil))
