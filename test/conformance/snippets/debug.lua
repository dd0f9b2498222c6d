-- @@ getinfo-lua-function
local function f()
  local i = debug.getinfo(1, "Sln")
  print(i.short_src, i.source, i.currentline, i.what, i.name, i.namewhat, i.linedefined, i.lastlinedefined)
end
f()
-- @@ getinfo-c-function
local i = debug.getinfo(print)
print(i.what, i.short_src, i.source, i.linedefined, i.currentline, i.nups, i.isvararg)
-- @@ getinfo-levels
local function inner() return debug.getinfo(2, "n").name, debug.getinfo(1, "l").currentline end
local function outer() return inner() end
print(outer())
print(debug.getinfo(100), (function() return debug.getinfo(1, "S").what end)())
-- @@ getinfo-function-value
local function g(a, b, ...) end
local i = debug.getinfo(g, "Su")
print(i.what, i.linedefined, i.lastlinedefined, i.nparams, i.isvararg, i.nups)
-- @@ getinfo-errors
print(pcall(debug.getinfo, "x"))
print(pcall(debug.getinfo, 1, "q"))
-- @@ traceback-first-line
print((debug.traceback("message"):match("^[^\n]*")))
print((debug.traceback("message", 1):match("^[^\n]*\n[^\n]*")))
print(debug.traceback(true), type(debug.traceback(nil)), type(debug.traceback({})))
-- @@ traceback-in-xpcall
print(select(2, xpcall(function() error("deep") end, function(m) return (debug.traceback(m, 1):match("^[^\n]*")) end)))
