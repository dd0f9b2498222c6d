-- attack: join many copies of a large string in one call
-- expect: resulting string too large
local s = ("x"):rep(8 * 1024 * 1024)
local t = {}
for i = 1, 200 do t[i] = s end
print("ESCAPED", #table.concat(t))
