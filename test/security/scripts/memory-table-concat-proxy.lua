-- attack: hide the elements of a table.concat bomb behind __index and __len, out of sight of rawget
-- expect: resulting string too large in 'concat'
local big = ("x"):rep(8 * 1024 * 1024)
local t = setmetatable({}, { __index = function() return big end, __len = function() return 100 end })
print("ESCAPED", #table.concat(t))
