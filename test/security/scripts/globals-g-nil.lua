-- attack: `_G = nil` to fall through to the engine's shared global table, then write into it
-- expect: attempt to index a nil value
_G = nil
if _G ~= nil then print("ESCAPED", "_G resolves to a shared table") end
_G.tostring = function() return "pwned" end
print("ESCAPED")
