-- @@ index-newindex
local log = {}
local t = setmetatable({}, {__index = function(t, k) return k .. "!" end, __newindex = function(t, k, v) rawset(t, k, v * 2) end})
t.x = 5
print(t.x, t.y, rawget(t, "y"))
-- @@ index-table-chain
local base = {greet = function() return "hi" end}
local mid = setmetatable({}, {__index = base})
local obj = setmetatable({}, {__index = mid})
print(obj.greet(), obj.nothing)
-- @@ arith
local V = {}
V.__index = V
local function v(x) return setmetatable({x = x}, V) end
V.__add = function(a, b) return v(a.x + b.x) end
V.__sub = function(a, b) return v(a.x - b.x) end
V.__mul = function(a, b) return v((type(a) == "number" and a or a.x) * (type(b) == "number" and b or b.x)) end
V.__unm = function(a) return v(-a.x) end
V.__tostring = function(a) return "v(" .. a.x .. ")" end
print(tostring(v(1) + v(2)), tostring(v(5) - v(3)), tostring(v(2) * 3), tostring(2 * v(4)), tostring(-v(7)))
-- @@ all-arith-events
local mt = {}
for _, e in ipairs{"add","sub","mul","div","mod","pow","unm","idiv","band","bor","bxor","shl","shr","bnot","concat"} do mt["__" .. e] = function() return e end end
local o = setmetatable({}, mt)
print(o + 1, o - 1, o * 1, o / 1, o % 1, o ^ 1, -o, o // 1, o & 1, o | 1, o ~ 1, o << 1, o >> 1, ~o, o .. "x", "x" .. o)
-- @@ comparison
local mt = {__eq = function(a, b) return a.v == b.v end, __lt = function(a, b) return a.v < b.v end, __le = function(a, b) return a.v <= b.v end}
local a, b = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)
print(a == b, a < b, a <= b, a > b, a >= b, a ~= b, a == setmetatable({v = 1}, mt))
-- @@ le-fallback-lt
local mt = {__lt = function(a, b) return a.v < b.v end}
local a, b = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)
print(pcall(function() return a <= b end))
-- @@ call
local f = setmetatable({}, {__call = function(self, a, b) return a + b, self end})
local r, s = f(2, 3)
print(r, s == f)
-- @@ tostring-name
local t = setmetatable({}, {__name = "MyType"})
print((tostring(t):gsub("0x%x+", "ADDR"):gsub(": [%x]+$", ": ADDR")))
print(setmetatable({}, {__tostring = function() return "custom" end}))
-- @@ tostring-non-string
print(pcall(tostring, setmetatable({}, {__tostring = function() return 1 end})))
-- @@ len
print(#setmetatable({}, {__len = function() return 42 end}), #setmetatable({1, 2}, {}))
-- @@ concat-meta
local t = setmetatable({}, {__concat = function(a, b) return "C" end})
print(t .. "x", "x" .. t, 1 .. t)
-- @@ metatable-protect
local t = setmetatable({}, {__metatable = "locked"})
print(getmetatable(t), pcall(setmetatable, t, {}))
-- @@ getmetatable-string
print(("abc"):upper(), ("%d"):rep(2), #("x"):rep(3))
-- @@ pairs-meta
local t = setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, "one" end end, t, nil end})
for k, v in pairs(t) do print(k, v) end
-- @@ rawset-rawget
local t = setmetatable({}, {__newindex = function() error("no") end, __index = function() return "dflt" end})
rawset(t, "a", 1)
print(t.a, rawget(t, "b"), t.b, pcall(function() t.c = 1 end))
-- @@ eq-different-types
local mt = {__eq = function() return true end}
print(setmetatable({}, mt) == 1, setmetatable({}, mt) == setmetatable({}, {}))
-- @@ inheritance
local Animal = {} Animal.__index = Animal
function Animal.new(name) return setmetatable({name = name}, Animal) end
function Animal:speak() return self.name .. " makes a sound" end
local Dog = setmetatable({}, {__index = Animal}) Dog.__index = Dog
function Dog.new(name) local d = Animal.new(name) return setmetatable(d, Dog) end
function Dog:speak() return self.name .. " barks" end
print(Animal.new("cat"):speak(), Dog.new("rex"):speak(), getmetatable(Dog.new("x")) == Dog)
-- @@ index-error-messages
print(pcall(function() local x = nil return x.y end))
print(pcall(function() local t = {} return t.a.b end))
print(pcall(function() return ("x")() end))
print(pcall(function() undefinedglobal() end))
-- @@ arith-error-messages
print(pcall(function() return {} + 1 end))
print(pcall(function() local s = "abc" return s + 1 end))
print(pcall(function() return -{} end))
print(pcall(function() return #5 end))
print(pcall(function() return 1 < "2" end))
print(pcall(function() return {} < {} end))
-- @@ bitwise-error-messages
print(pcall(function() return 1.5 & 1 end))
print(pcall(function() return "a" | 1 end))
print(pcall(function() return {} ~ 1 end))
-- @@ index-on-number
print(pcall(function() local n = 5 return n.x end))
print(pcall(function() local t = {} t.x.y = 1 end))
-- @@ newindex-table
local store = {}
local t = setmetatable({}, {__newindex = store})
t.a = 1
print(rawget(t, "a"), store.a)
-- @@ mode-ignored-ok
local t = setmetatable({}, {__mode = "k"})
t[1] = 1
print(t[1], getmetatable(t).__mode)
-- @@ tostring-on-print
local t = setmetatable({}, {__tostring = function() return "T!" end})
print(t, tostring(t), string.format("%s", t))
-- @@ index-rawequal
local a = {}
local b = setmetatable({}, {__eq = function() return true end})
print(rawequal(a, b), a == b)
