-- attack: unbounded recursion through __index (each level a JS call)
-- flags: --timeout 20000
-- expect: stack overflow
local t = setmetatable({}, { __index = function(t, k) return t[k .. "x"] end })
print(t.a)
