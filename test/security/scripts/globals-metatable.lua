-- attack: detach the script's globals from the shared base, or modify the base through them
-- expect: protected metatable
if getmetatable(_G) then print("ESCAPED", "metatable visible") end
setmetatable(_G, nil)
print("ESCAPED")
