-- fifo: a queue with push/pop/peek/insert/remove and lengths.
local new = require("fifo")
local q = new(1, 2, 3)
q:push(4)
print(q:length(), q:peek(), q:pop(), q:pop(), q:length())
q:insert(1, "front")
print(q:peek(), q:length(), q:remove(2), q:length())
local empty = new()
empty:setempty(function() return "was empty" end)
print(empty:pop(), empty:length())
for i = 1, 1000 do q:push(i) end
local s = 0 while q:length() > 0 do local v = q:pop() if type(v) == "number" then s = s + v end end
print(s)
