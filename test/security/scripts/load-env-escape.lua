-- attack: use load with a nil or custom environment to reach the real globals
-- expect: ESCAPE-BLOCKED
-- (package exists, as a read-only view without loadlib or searchers: see docs/projects.md; debug is a safe subset)
local f = load("return io, os and os.execute, debug and debug.getregistry, package and (package.loadlib or package.searchers)")
local a, b, c, d = f()
if a or b or c or d then print("ESCAPED") end
local g = load("return _ENV", "x", "t", nil)
if g() ~= nil then print("ESCAPED") end
error("ESCAPE-BLOCKED")
