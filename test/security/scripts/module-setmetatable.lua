-- attack: replace a module's metatable to redirect its lookups
-- expect: read-only
setmetatable(require("json"), { __index = function() return print end })
print("ESCAPED")
