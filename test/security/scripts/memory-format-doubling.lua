-- attack: double a string with string.format until memory runs out
-- expect: resulting string too large
local s = ("x"):rep(1024)
for i = 1, 40 do s = string.format("%s%s", s, s) end
print("ESCAPED", #s)
