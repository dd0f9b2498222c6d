-- penlight: List, stringx, tablex, pretty, class, template (what does not need io).
local List = require("pl.List")
local stringx = require("pl.stringx")
local tablex = require("pl.tablex")
local pretty = require("pl.pretty")
local class = require("pl.class")
local l = List{10, 20, 30}
l:append(40)
print(l, #l, l:index(30), l:contains(20), List.range(1, 5), l:map(function(x) return x / 4 end))
print(l:slice(2, 3), l:reverse(), List{3, 1, 2}:sort(), l:reduce(function(a, b) return a + b end))
print(stringx.split("a,b,,c", ","), stringx.strip("  pad  "), stringx.startswith("hello", "he"), stringx.replace("aaa", "a", "b", 2))
print(stringx.center("x", 7, "*"), stringx.ljust("ab", 5, "."), stringx.rjust("ab", 5, "."), stringx.count("banana", "an"))
print(stringx.title("hello world"), stringx.shorten("a long sentence here", 10), table.concat(stringx.splitlines("a\nb\r\nc"), "|"))
print(pretty.write({1, 2, {a = 1}, "s", 1.5, 1e15}, ""))
print(pretty.write({x = {y = {z = 1}}}))
print(tablex.size({a = 1, b = 2, 3}), tablex.deepcompare({1, {2}}, {1, {2}}), table.concat(tablex.keys({10, 20}), ","))
print(pretty.write(tablex.map(function(x) return x * x end, {1, 2, 3}), ""), pretty.write(tablex.range(1, 10, 3), ""))
print(pretty.write(tablex.zip({1, 2}, {"a", "b"}), ""), tablex.find({5, 6, 7}, 6), pretty.write(tablex.merge({a = 1}, {b = 2}, true), ""))
local Animal = class()
function Animal:_init(name) self.name = name end
function Animal:__tostring() return "Animal(" .. self.name .. ")" end
function Animal:speak() return "..." end
local Dog = class(Animal)
function Dog:speak() return "woof" end
local d = Dog("rex")
print(tostring(d), d:speak(), d:is_a(Animal), Dog:class_of(d), Animal.speak(d))
