-- attack: ask load for binary mode explicitly, and through a reader function
-- expect: binary chunk
local chunk = "\27Lua\83\0\25\147\13\10\26\10"
local f, err = load(chunk, "x", "b")
if f then print("ESCAPED") end
local parts = { chunk }
local g, err2 = load(function() return table.remove(parts) end, "y", "bt")
if g then print("ESCAPED") end
error(err .. " / " .. tostring(err2))
