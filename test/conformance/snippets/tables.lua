-- @@ pairs-constructor
local function keys(t) local o = {} for k in pairs(t) do o[#o + 1] = tostring(k) end return table.concat(o, " ") end
print(keys({10, 20, 30}))
print(keys({"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}))
-- @@ pairs-array-then-hash
local function keys(t) local o = {} for k in pairs(t) do o[#o + 1] = tostring(k) end return table.concat(o, " ") end
local t = {1, 2, 3, x = 1}
print(keys(t))
-- @@ pairs-appended
local function keys(t) local o = {} for k in pairs(t) do o[#o + 1] = tostring(k) end return table.concat(o, " ") end
local t = {}
for i = 1, 10 do t[i] = i * i end
print(keys(t))
-- @@ pairs-reverse-fill
local function keys(t) local o = {} for k in pairs(t) do o[#o + 1] = tostring(k) end return table.concat(o, " ") end
local t = {}
for i = 10, 1, -1 do t[i] = i end
print(keys(t))
-- @@ pairs-holes-constructor
local function keys(t) local o = {} for k in pairs(t) do o[#o + 1] = tostring(k) end return table.concat(o, " ") end
print(keys({1, nil, 3}))
print(keys({nil, nil, 3}))
-- @@ pairs-after-remove
local function keys(t) local o = {} for k in pairs(t) do o[#o + 1] = tostring(k) end return table.concat(o, " ") end
local t = {1, 2, 3, 4, 5}
t[3] = nil
print(keys(t))
table.remove(t)
print(keys(t))
-- @@ pairs-insert
local function keys(t) local o = {} for k in pairs(t) do o[#o + 1] = tostring(k) end return table.concat(o, " ") end
local t = {}
table.insert(t, "a") table.insert(t, "b") table.insert(t, 1, "c")
print(keys(t), table.concat(t, ","))
-- @@ ipairs
for i, v in ipairs({10, 20, nil, 40}) do print(i, v) end
for i, v in ipairs({}) do print(i, v) end
-- @@ ipairs-index-meta
local t = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 10 end end})
for i, v in ipairs(t) do print(i, v) end
-- @@ len-constructors
print(#{1, 2, 3}, #{}, #{nil}, #{nil, nil, 3}, #{1, nil}, #{nil, 2}, #{1, 2, nil, 4}, #{1, nil, 3, nil}, #{n = 1})
-- @@ len-sequence-built
local t = {} for i = 1, 100 do t[i] = i end print(#t)
t[#t] = nil print(#t)
t[#t + 1] = 1 print(#t)
-- @@ len-pack
print(#table.pack(1, nil, 3), table.pack(1, nil, 3).n, #table.pack(), select("#", table.unpack({1, nil, 3})))
-- @@ next
local t = {10, 20}
print(next(t), next(t, 1), next(t, 2), next({}))
print(pcall(next, t, "nokey"))
-- @@ next-clear-during
local t = {1, 2, 3, a = 1, b = 2, c = 3}
for k in pairs(t) do t[k] = nil end
print(next(t))
-- @@ table-insert-remove
local t = {1, 2, 3}
table.insert(t, 4) table.insert(t, 1, 0)
print(table.concat(t, " "), table.remove(t, 1), table.remove(t), table.concat(t, " "), table.remove({}), #t)
-- @@ table-insert-errors
print(pcall(table.insert, {1, 2}, 5, 0))
print(pcall(table.insert, {}, 1, 2, 3))
print(pcall(table.remove, {1, 2}, 5))
-- @@ table-sort
local t = {5, 2, 8, 1, 9, 3}
table.sort(t) print(table.concat(t, " "))
table.sort(t, function(a, b) return a > b end) print(table.concat(t, " "))
local s = {"banana", "apple", "Cherry"} table.sort(s) print(table.concat(s, " "))
-- @@ table-sort-errors
print(pcall(table.sort, {1, "x", 2}))
print(pcall(table.sort, {1, 2, 3}, function(a, b) return true end))
-- @@ table-unpack
print(table.unpack({1, 2, 3})) print(table.unpack({1, 2, 3}, 2)) print(table.unpack({1, 2, 3}, 2, 3)) print(table.unpack({}, 1, 3))
-- @@ table-move
local t = table.move({1, 2, 3}, 1, 3, 2) print(table.concat(t, " "))
print(table.concat(table.move({1, 2, 3}, 1, 3, 1, {}), " "))
-- @@ select
print(select("#"), select("#", nil, nil), select(2, "a", "b", "c"), select(-1, "a", "b", "c"))
print(pcall(select, 0, 1))
-- @@ nested
local t = {a = {b = {c = 42}}}
print(t.a.b.c, #t, rawlen({1, 2}), rawequal(t, t), rawget(t, "a") == t.a)
-- @@ nil-nan-index
print(pcall(function() local t = {} t[nil] = 1 end))
print(pcall(function() local t = {} t[0/0] = 1 end))
print(({})[nil], ({})[0/0])
-- @@ table-tostring-len-string
local t = {"a", "b"} t[4] = "d" print(#t == 2 or #t == 4, t[3], t[4])
-- @@ table-key-types
local function keys(t) local o = {} for k in pairs(t) do o[#o + 1] = tostring(k) end return table.concat(o, " ") end
local t = {}
t[true] = 1 t[1] = 2 t[1.5] = 3
print(t[true], t[1], t[1.5], keys({[1] = 1, [2] = 2, [3] = 3}))
-- @@ pairs-large-array
local t = {} for i = 1, 1000 do t[i] = i end
local n, last, ok = 0, 0, true
for k in pairs(t) do n = n + 1 if k ~= last + 1 then ok = false end last = k end
print(n, ok)
-- @@ table-constructor-multret
local function f() return 1, 2, 3 end
local t = {f()} print(#t)
local u = {f(), f()} print(#u)
local w = {(f())} print(#w)
local v = {f(), nil} print(#v)
-- @@ table-remove-pos
local t = {1, 2, 3}
print(table.remove(t, 1), table.concat(t, ","), table.remove(t, #t + 1), #t)
-- @@ table-concat-numbers
print(table.concat({1, 2.5, 1e15, -0.0}, " "))
