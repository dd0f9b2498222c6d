-- attack: change every string's methods through the string metatable
-- expect: attempt to index a (boolean|nil) value
getmetatable("").__index.upper = function() return "pwned" end
print("ESCAPED")
