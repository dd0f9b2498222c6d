-- @@ error-string-position
print(pcall(error, "msg"))
print(pcall(function() error("msg") end))
print(pcall(function() error("msg", 0) end))
print(pcall(function() error("msg", 2) end))
-- @@ error-levels
local function f() error("deep", 2) end
local function g() f() end
print(pcall(g))
-- @@ error-non-string
print(pcall(error, {}) == false, select(2, pcall(error, 42)), select(2, pcall(error, nil)), select(2, pcall(error)), select(2, pcall(error, true)))
-- @@ error-table-field
local ok, e = pcall(error, {code = 7, msg = "x"})
print(ok, e.code, e.msg)
-- @@ xpcall-handler
print(xpcall(function() error("boom") end, function(m) return "handled: " .. m end))
print(xpcall(function(a, b) return a + b end, print, 1, 2))
-- @@ xpcall-handler-error
print(xpcall(function() error("a") end, function(m) error("b") end))
-- @@ pcall-no-args
print(pcall(pcall))
print(pcall())
-- @@ nested-pcall
print(pcall(function() local ok, e = pcall(error, "inner") error("outer: " .. e, 0) end))
-- @@ error-rethrow
local ok, e = pcall(function() local ok, e = pcall(error, {tag = 1}) error(e) end)
print(ok, type(e), e.tag)
-- @@ assert
print(pcall(assert, false))
print(pcall(assert, nil, "custom msg"))
print(pcall(assert, 1 == 1, "unused"))
print(select("#", assert(1, 2, 3)))
print(type(select(2, pcall(assert, false, {1}))))
print(pcall(assert))
-- @@ arg-errors
print(pcall(string.rep, "x", "y"))
print(pcall(string.sub))
print(pcall(math.floor, "a"))
print(pcall(setmetatable, 1, {}))
print(pcall(ipairs))
print(pcall(table.concat, 1))
-- @@ arg-errors-method
print(pcall(function() return ("x"):rep("y") end))
print(pcall(function() local s = "x" return s:sub({}) end))
-- @@ arg-errors-named-local
local rep = string.rep
print(pcall(function() return rep("x", "y") end))
local t = {f = string.rep}
print(pcall(function() return t.f("x", {}) end))
-- @@ arg-errors-format
print(pcall(string.format, "%d", "x"))
print(pcall(function() return string.format("%d %s", 1) end))
-- @@ call-nil
print(pcall(function() local f f() end))
print(pcall(function() local t = {} t.method() end))
print(pcall(function() local t = {} t:method() end))
print(pcall(function() nofunc() end))
-- @@ upvalue-names
local up
print(pcall(function() return up.x end))
print(pcall(function() return up + 1 end))
-- @@ field-names
local t = {}
print(pcall(function() return t.a.b end))
print(pcall(function() return t[1] + 1 end))
print(pcall(function() return t.x .. "" end))
-- @@ for-errors
print(pcall(function() for i = 1, "x" do end end))
print(pcall(function() for i = 1, 10, 0 do end end))
print(pcall(function() for i = {}, 1 do end end))
-- @@ compare-errors
print(pcall(function() return 1 < {} end))
print(pcall(function() return "a" < 1 end))
print(pcall(function() return nil > 1 end))
-- @@ tostring-error-values
print(select(2, pcall(error, 1.5)), select(2, pcall(error, -0.0)), select(2, pcall(error, 1e15)))
-- @@ stack-overflow-lua
local function f() return 1 + f() end
local ok, e = pcall(f)
print(ok, (tostring(e):gsub("^.-:%d+: ", "")))
-- @@ stack-overflow-message
local function f() return 1 + f() end
local ok, e = pcall(f)
print(ok, e:match("stack overflow") ~= nil)
-- @@ stack-overflow-c
local t = setmetatable({}, {}) getmetatable(t).__index = function(t, k) return t[k] end
local ok, e = pcall(function() return t.x end)
print(ok, tostring(e):match("stack overflow") ~= nil or tostring(e):match("C stack overflow") ~= nil)
-- @@ stack-overflow-recover
local function f(n) return f(n + 1) + 1 end
for i = 1, 3 do print(pcall(f, 1) == false) end
print("still alive")
-- @@ deep-recursion-ok
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(10000))
-- @@ tail-calls
local function loop(n) if n == 0 then return "done" end return loop(n - 1) end
print(loop(1000000))
-- @@ error-with-level-table
print(pcall(error, setmetatable({}, {__tostring = function() return "E!" end})))
-- @@ uncaught-string
print("before")
error("fatal problem")
-- @@ runtime-error-uncaught
local t = nil
print(t.x)
-- @@ goto
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto continue end
    print(i, j)
    ::continue::
  end
end
-- @@ varargs
local function f(...) local a, b = ... return select("#", ...), a, b, ... end
print(f()) print(f(1)) print(f(1, nil, 3))
print((f(1, 2)))
-- @@ closures
local fns = {}
for i = 1, 3 do fns[i] = function() return i end end
print(fns[1](), fns[2](), fns[3]())
local function counter() local c = 0 return function() c = c + 1 return c end end
local c1, c2 = counter(), counter() print(c1(), c1(), c2())
-- @@ integer-division-errors
print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
-- @@ error-in-tostring
print(pcall(tostring, setmetatable({}, {__tostring = function() error("ts fail") end})))
-- @@ error-in-gc-absent-ok
print(pcall(function() return getmetatable(setmetatable({}, {__gc = true})).__gc end))
-- @@ print-uses-global-tostring
local orig = tostring
tostring = function(v) return "<" .. orig(v) .. ">" end
print(1, "a", nil, 2.5)
tostring = function() return 42 end
print("x")
tostring = function() return {} end
print(pcall(print, "y"))
tostring = orig
print("back", 1e15)
