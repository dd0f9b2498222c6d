-- attack: allocate a 1 GB string in one call
-- expect: resulting string too large
local s = string.rep("x", 1e9)
print("ESCAPED", #s)
