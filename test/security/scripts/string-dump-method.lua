-- attack: reach string.dump through the string metatable
-- expect: method 'dump'
local code = (""):dump()
print("ESCAPED", code)
