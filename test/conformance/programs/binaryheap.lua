-- binaryheap: min/max heaps, priority updates, removal.
local bh = require("binaryheap")
local h = bh.minUnique()
for i, v in ipairs{50, 10, 40, 20, 30, 15.5, 1e15} do h:insert(v, "p" .. i) end
print(h:size(), h:peek())
local out = {}
while h:size() > 0 do local pl, v = h:pop() out[#out + 1] = tostring(pl) .. "=" .. tostring(v) end
print(table.concat(out, " "))
local m = bh.maxUnique()
for _, v in ipairs{"a", "b", "c"} do m:insert(#v + string.byte(v), v) end
m:update("a", 1000)
print(m:peek())
m:remove("a")
print(m:pop())
local plain = bh.minHeap()
for _, v in ipairs{5, 3, 8, 1} do plain:insert(v) end
local o = {} while plain:peek() do o[#o + 1] = plain:pop() end print(table.concat(o, ","))
