-- @@ basic
local co = coroutine.create(function(a, b)
  local c = coroutine.yield(a + b)
  local d, e = coroutine.yield(c * 2)
  return d + e
end)
print(coroutine.resume(co, 1, 2))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.resume(co))
print(coroutine.status(co))
-- @@ wrap
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end return "done" end)
print(gen(), gen(), gen(), gen())
print(pcall(gen))
-- @@ status
local co
co = coroutine.create(function() print(coroutine.status(co)) coroutine.yield() end)
print(coroutine.status(co)) coroutine.resume(co) print(coroutine.status(co)) coroutine.resume(co) print(coroutine.status(co))
-- @@ running
local main, ismain = coroutine.running()
print(type(main), ismain)
coroutine.wrap(function() local co, im = coroutine.running() print(type(co), im) end)()
-- @@ isyieldable
print(coroutine.isyieldable())
coroutine.wrap(function() print(coroutine.isyieldable()) end)()
-- @@ error-in-coroutine
local co = coroutine.create(function() error("oops") end)
print(coroutine.resume(co))
print(coroutine.status(co))
print(coroutine.resume(co))
-- @@ error-object
local co = coroutine.create(function() error({code = 42}) end)
local ok, e = coroutine.resume(co)
print(ok, type(e), e.code)
-- @@ wrap-error
local f = coroutine.wrap(function() error("inside") end)
print(pcall(f))
local g = coroutine.wrap(function() error({}) end)
print(select("#", pcall(g)), type(select(2, pcall(g))))
-- @@ yield-outside
print(pcall(coroutine.yield, 1))
-- @@ resume-non-coroutine
print(pcall(coroutine.resume, 1))
print(pcall(coroutine.wrap, 1))
print(pcall(coroutine.status, nil))
-- @@ resume-running
local co
co = coroutine.create(function() return coroutine.resume(co) end)
print(coroutine.resume(co))
-- @@ generator-pattern
local function range(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
local s = 0 for i in range(10) do s = s + i end print(s)
-- @@ nested-coroutines
local outer = coroutine.wrap(function()
  local inner = coroutine.wrap(function() coroutine.yield("inner1") coroutine.yield("inner2") end)
  coroutine.yield(inner()) coroutine.yield("outer") coroutine.yield(inner())
end)
print(outer(), outer(), outer())
-- @@ yield-across-pcall
local co = coroutine.create(function() local ok, v = pcall(function() return coroutine.yield(1) + 1 end) return ok, v end)
print(coroutine.resume(co)) print(coroutine.resume(co, 41))
-- @@ yield-in-metamethod
local t = setmetatable({}, {__index = function(_, k) return coroutine.yield(k) end})
local co = coroutine.wrap(function() return t.foo end)
print(co(), co("bar"))
-- @@ yield-in-iterator
local co = coroutine.wrap(function() for k, v in function(_, k) k = (k or 0) + 1 if k <= 2 then coroutine.yield(k) return k end end do end return "end" end)
print(co(), co(), co())
-- @@ dead-resume
local co = coroutine.create(function() end)
coroutine.resume(co)
print(coroutine.resume(co))
-- @@ many-values
local co = coroutine.create(function(...) coroutine.yield(select("#", ...), ...) return ... end)
print(coroutine.resume(co, 1, nil, 3, nil))
print(coroutine.resume(co))
-- @@ yield-from-sort-cmp
local co = coroutine.create(function() table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end) end)
print(coroutine.resume(co))
-- @@ wrap-dead
local f = coroutine.wrap(function() return 1 end)
print(f())
print(pcall(f))
-- @@ coroutine-close-5-4-absent
print(coroutine.close, coroutine.running ~= nil)
