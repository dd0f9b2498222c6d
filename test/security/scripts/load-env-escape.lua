-- attack: use load with a nil or custom environment to reach the real globals
-- expect: ESCAPE-BLOCKED
local f = load("return io, os and os.execute, debug and debug.getregistry, package")
local a, b, c, d = f()
if a or b or c or d then print("ESCAPED") end
local g = load("return _ENV", "x", "t", nil)
if g() ~= nil then print("ESCAPED") end
error("ESCAPE-BLOCKED")
