-- attack: reach the real module table through getmetatable(...).__index
-- expect: attempt to index a (boolean|nil) value
local mt = getmetatable(require("json"))
mt.__index.encode = nil
print("ESCAPED")
